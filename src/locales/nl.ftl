### grip's messages in Dutch. Every message here exists in en.ftl too (tests/lang.rs).
### Argumenten die als cijfers worden geschreven (bedragen, jaren) komen al opgemaakt binnen;
### tekst uit het plan komt binnen zoals die er staat.

## import

import-cannot-open = kan { $path } niet openen als werkmap: { $error }
import-cannot-read = kan { $path } niet lezen: { $error }
import-unknown-format = grip kan “{ $path }” niet importeren: grip leest werkmappen (.xlsx, .xlsm, .xls, .ods), csv-bestanden (.csv, .tsv, .txt) en een geplakte tabel via standaardinvoer (grip import -)
import-no-sheet = de werkmap heeft geen blad “{ $sheet }”; de bladen zijn { $sheets }
import-bad-range = “{ $range }” is geen celbereik: schrijf de hoeken als B4:H30
import-no-table = geen tabel met cijfers gevonden in { $where }: geef het blad (--sheet) of de cellen (--range B4:H30) van de tabel
import-no-column = er is geen kolom “{ $column }”: geef de letter (C) of de tekst van de kop
import-internal = het plan dat grip van dit blad maakte, is niet terug te lezen ({ $reason }); dit is een fout in grip, meld die graag met het blad erbij
import-title-pasted = Geplakte tabel
import-same-file = grip import schrijft niet over het bestand dat het leest ({ $path }): geef na -o een andere naam
import-stdin = kan de geplakte tabel niet lezen van standaardinvoer: { $error }
import-comment-source = Geïmporteerd met grip import uit “{ $file }”{ $sheet ->
    [none] {""}
   *[other] , blad “{ $sheet }”
}{ $cells ->
    [none] {""}
   *[other] , cellen { $cells }
}.
import-comment-source-pasted = Geïmporteerd met grip import uit een tabel geplakt op standaardinvoer (de cellen geteld als in een blad: { $cells }).
import-comment-figures = Elk cijfer staat er zoals in het blad, en elk totaal zoals het blad het vermeldt: grip check rekent ze na.
import-comment-grip-workbook = Een werkmap van grip report --xlsx: de opbouw van het plan uit de sleutel, elk cijfer uit de bladen.
import-comment-scale = Volgens de kop staan de bedragen in { $scale } (cel { $cell }).
import-comment-scale-ignored = De kop in cel { $cell } noemt een schaal, maar de bedragen staan er voluit (met €): grip leest ze als euro's.
import-comment-not-total = “{ $label }” leest als een totaal, maar de cijfers zijn geen som van de rijen erboven: geïmporteerd als gewone rij.
import-comment-unmapped = Niet geïmporteerd ({ $count ->
    [one] één cel
   *[other] { $count } cellen
}: cel “tekst”: waarom):
import-comment-unmapped-cell = { $cell } “{ $text }”: { $why }
import-why-not-a-number = geen getal dat grip kan lezen
import-why-too-large = te groot voor een exact bedrag (hooguit 999.999.999.999.999)
import-why-error-cell = de cel bevat een fout ({ $error })
import-why-text-in-figures = tekst waar een cijfer hoort (het plan zegt daar n.v.t.)
import-why-outside-columns = buiten de kolommen van de tabel (geen jaar of kop erboven)
import-why-above-table = tekst boven de tabel, bewaard als commentaar
import-why-text-column = een kolom tekst waar grip geen plaats voor heeft (--group-by of --taakveld kan hem overnemen)
import-why-note = een voetnoot in of onder de tabel, bewaard als commentaar
import-why-repeated-header = de kop met jaren nog eens, bewaard als commentaar
import-why-cumulative = een cumulatieve rij: grip berekent de cumulatieve besparing zelf (grip eval)
import-why-measure-column = een kolom die grip niet overneemt bij maatregelen (grip neemt de jaren, een budget, het onderdeel en het taakveld)
import-why-total-column = het totaal van de jaren van de rij: grip berekent dat zelf (grip eval --by measure)
import-why-taakveld = geen taakveldcode (schrijf 6.3 of 6.72)
import-why-duplicate-id = deze code kwam hierboven al voor; de maatregel heet { $id }
import-wrote = { $path } geschreven: { $measures ->
    [one] één maatregel
   *[other] { $measures } maatregelen
}, { $tables ->
    [one] één tabel
   *[other] { $tables } tabellen
}
import-not-imported = { $count ->
    [one] één cel is niet geïmporteerd; het plan noemt die aan het eind:
   *[other] { $count } cellen zijn niet geïmporteerd; het plan noemt ze aan het eind:
}
import-checked = grip check op het geïmporteerde plan: { $summary }
help-import = Maak een plan van een spreadsheet of van een tabel uit een document
help-import-file = De werkmap (.xlsx, .xls, .ods) of het csv-bestand; - leest een geplakte tabel van standaardinvoer.
help-import-output = Schrijf het plan naar dit bestand (helemaal of niet); anders naar standaarduitvoer.
help-import-sheet = Het blad van de werkmap (anders het eerste blad met cijfers).
help-import-range = Alleen deze cellen, zoals B4:H30.
help-import-as = Lees de rijen als maatregelen of als tabel (anders maatregelen als de rijen codes hebben zoals A.1).
help-import-group-by = De kolom met het onderdeel van elke rij: de letter (C) of de kop.
help-import-taakveld = De kolom met de taakveldcode van elke rij: de letter of de kop (anders een kolom met de kop Taakveld).
help-import-keywords = De sleutelwoorden van het plan: nl of en (anders de taal van --lang, of van LANG).
help-import-after =
    grip import vindt de kopregel (jaren zoals 2024 of “Begroting 2024”), de omschrijvingen, de schaal (“x € 1.000”), P.M., lege cellen en totalen (aan de omschrijving, aan de SOM-formules van het blad of aan de cijfers). Cijfers komen in het plan zoals het blad ze heeft en totalen als vermelde totalen, zodat grip check daarna de vergissingen in het blad vindt. Elke cel die niet wordt overgenomen, wordt genoemd, met de reden.

    Voorbeelden:
      grip import begroting.xlsx -o begroting.plan
      grip import maatregelen.xlsx --sheet Maatregelen --range A3:F20 --as measures
      grip import export.csv --group-by Onderdeel --taakveld Taakveld
      grip import - < geplakt.txt > tabel.plan

## Zinsdelen die in andere berichten worden gebruikt

or-list = { $init } of { $last }
and-list = { $init } en { $last }
year-in = in { $year }
column-in = in de kolom “{ $column }”
subject-plan-total = het totaal van het plan
subject-group-total = het totaal van onderdeel { $id } “{ $title }”
subject-row = { $table } “{ $label }”
subject-share = het aandeel van { $percent }% van het budget van maatregel { $id }
subject-row-named = { $table }.{ $row } “{ $label }”
subject-row-id = rij `{ $id }`
subject-group = onderdeel { $id } “{ $title }”
subject-group-target = de taakstelling van onderdeel { $id } “{ $title }”
subject-measure = maatregel { $id }
subject-header = de kop van het plan
subject-plan = het plan
subject-table = tabel { $id }
parts-lines = de regels
parts-measures = de maatregelen
parts-columns = de kolommen
ref-kind = { $kind ->
    [measure] maatregel
    [group] onderdeel
    [row] rij
    [column] kolom
    [moment] moment
   *[table] tabel
}
ref-kinds = { $kind ->
    [measure] maatregelen
    [group] onderdelen
    [row] rijen
    [column] kolommen
    [moment] momenten
   *[table] tabellen
}
amount-budget = het budget van maatregel { $id }
amount-effect = { $kind ->
    [cost] een kostenbedrag
   *[saving] een besparing
} van maatregel { $id }
amount-target = de taakstelling van onderdeel { $id }
unit-words = { $unit ->
    [euro] euro's
    [percent] procenten
    [count] gewone getallen
    [fte] fte
    [hours] uren
   *[other] { $name }
}
unit-name = { $unit ->
    [euro] euro
    [percent] procent
    [count] aantallen
    [fte] fte
    [hours] uren
   *[other] { $name }
}
fault-words = { $reason ->
    [scale] een cijfer in een schaal die grip niet kan lezen
    [unreadable] een cijfer dat grip niet kan lezen
    [unit] een bedrag in de verkeerde eenheid
    [year] een jaar buiten de periode van het plan
   *[cells] meer of minder cijfers dan de tabel kolommen heeft
}
fault-label = { $reason ->
    [scale] schaal niet te lezen
    [unreadable] niet te lezen
    [unit] verkeerde eenheid
    [year] buiten de periode
   *[cells] cijfers passen niet bij de kolommen
}
missing-figure = `{ $row }` heeft geen cijfer voor { $column }
not-counted-pm = { $name }: P.M., niet meegeteld
is-pm = { $name } is P.M.
sum-lines = { $head } … { $tail } ({ $count } regels)
sum-without-pm = { $sum }, zonder { $count ->
    [one] 1 P.M.-post
   *[other] { $count } P.M.-posten
}
term-unknown = onbekend
help-line = oplossing: { $help }
term-at = { $label }: { $value }
elsewhere = { $label } op regel { $line }, kolom { $column }
line-too-long = op { $file }:{ $line }:{ $column }; de regel is te lang om te tonen
summary = { $errors ->
    [one] 1 fout
   *[other] { $errors } fouten
}, { $warnings ->
    [one] 1 waarschuwing
   *[other] { $warnings } waarschuwingen
}, { $notes ->
    [one] 1 opmerking
   *[other] { $notes } opmerkingen
} in { $files ->
    [one] 1 bestand
   *[other] { $files } bestanden
}

## Bestanden lezen

cannot-read = { $path } is niet te lezen: { $reason }
read-no-such-file = het bestand bestaat niet
read-permission = geen toegang
read-directory = het is een map, geen planbestand
read-not-regular = het is geen gewoon bestand (maar bijvoorbeeld een pipe of een apparaat), dus grip leest het niet
read-too-large = het is groter dan { $mb } MB, groter dan welk plan ook
read-not-utf8 = het is geen UTF-8-tekst (ongeldige byte op positie { $offset }); sla het plan op als UTF-8
read-too-deep = bestanden zijn meer dan { $limit } niveaus diep in elkaar ingevoegd
read-other = { $error }

## Syntaxis

syntax = { $found ->
    [none] verwacht { $expected }
   *[some] verwacht { $expected }, maar gevonden { $what }
}
    .label-expected = verwacht { $expected }
    .label = hoort hier niet
syntax-unreadable = { $found ->
    [none] grip kan deze regel niet lezen
   *[some] grip kan deze regel niet lezen, gevonden { $what }
}
syntax-line-of = een regel die begint met een van: { $keywords }
syntax-line-of-close = een regel die begint met een van: { $keywords }, of `{"}"}` om het blok te sluiten
found-end-of-file = het einde van het bestand
found-end-of-line = het einde van de regel
found-word = `{ $word }`
quoted = `{ $text }`
phrase-keyword = `{ $keyword }`
phrase-year = een jaar zoals 2024
phrase-date = een datum zoals 2021-04-28
phrase-when = een jaar, kwartaal of datum, zoals 2022, 2021-Q1 of 2021-04-28
phrase-text = tekst tussen dubbele aanhalingstekens
phrase-id = een id zoals A.1
phrase-name = een naam zoals formatie
phrase-row = de naam van een rij
phrase-amount = een bedrag zoals € 1.171.494, 0,6 fte of P.M.
phrase-number = een getal zoals 1.171.494 of 0,6
phrase-percent = een percentage zoals 20%
phrase-euro = `€`
phrase-unit = een eenheid zoals €, fte, uren of %
phrase-cell = een cijfer, `-`, P.M. of n.v.t.
phrase-taakveld = een taakveldcode zoals 6.72
phrase-open = `{"{"}`
phrase-colon = `:` vóór de cijfers
phrase-equals = `=` en een formule
phrase-close = `{"}"}`
phrase-range = `..`
phrase-add = `+` of `-`
phrase-role = `als` met budget, prognose, realisatie, tekort, kosten, opbrengst, formatie of besparing
phrase-end = het einde van het bestand
phrase-open-paren = `(`
phrase-formula = een formule zoals `a + b`
phrase-year-spec = `vanaf` of `in` met een jaar
phrase-year-amount = een jaar en een bedrag, zoals 2022: € 180.000
phrase-sign = `+` of `-`
phrase-scale = een schaal zoals `in € 1.000`
phrase-magnitude = `mln` of `mld`
phrase-column-kind = de soort cijfers, zoals begroting
phrase-column-mark = een voetnootteken zoals `*`
phrase-vn-mark = een teken `V` (voordeel) of `N` (nadeel)
phrase-total-column = een totaalkolom zoals totaal "Totaal" = som
phrase-figure = een cijfer
phrase-saving-or-cost = `besparing` of `kosten`
hint-unterminated = sluit de tekst af met een dubbel aanhalingsteken op dezelfde regel; gebruik """ voor tekst over meerdere regels
hint-curly-close = deze tekst begint met een recht aanhalingsteken en eindigt met een gekruld; schrijf "{ $text }"
hint-expected-quote = `"` om deze tekst af te sluiten
hint-look-alike = `{ $word }` bevat letters die alleen op Latijnse letters lijken (Cyrillisch of Grieks, ergens anders vandaan geplakt); typ het als `{ $fixed }`
hint-unclosed-comment = een commentaar dat met `/*` begint, wordt nergens gesloten: sluit het af met `*/`
hint-did-you-mean = bedoelt u `{ $word }`?
hint-amount-before = schrijf het bedrag vóór `{ $word }`, zoals `besparing € 45.600 { $word } 2022`
hint-not-inside = `{ $word }` kan niet binnen { $block } staan; ontbreekt de `{"}"}` die { $block } afsluit?
hint-only-inside = `{ $word }` kan alleen binnen { $home } staan
hint-colon = zet een `:` tussen de naam van de rij en de cijfers
hint-four-digits = schrijf een jaar met vier cijfers, zoals 2024
hint-span-dots = schrijf een reeks jaren met twee punten, zoals 2021..2024
hint-date-order = schrijf de datum als jaar-maand-dag: { $date }
hint-brace-too-many = hier staat een `{"}"}` te veel, of hierboven ontbreekt een `{"{"}`
hint-complete-line = maak de regel af met { $expected }
home-measure = een maatregel {"{"} ... {"}"}
home-header = de kop van het plan, plan "..." {"{"} ... {"}"}
home-group = een onderdeel {"{"} ... {"}"}
home-table = een tabel {"{"} ... {"}"}
block-this = dit blok

## Getallen

number-ambiguous = dit getal is dubbelzinnig: `{ $text }`
    .label = een decimaal getal of een geheel getal?
    .help = in Nederlandse notatie scheidt de punt de duizendtallen en is de komma het decimaalteken: schrijf { $decimal } voor een decimaal getal, of { $thousands } voor een geheel getal
number-grouping = de duizendtallen in dit getal zijn verkeerd gegroepeerd: `{ $text }`
    .label = groepen van drie cijfers
    .help = punten delen de cijfers op in groepen van drie (1.171.494); schrijf { $suggestion }
number-english = dit getal staat in Engelse notatie: `{ $text }`
    .label = Engelse notatie
    .help = dit lijkt Engelse notatie; schrijf in Nederlandse notatie { $suggestion } (punt voor duizendtallen, komma voor decimalen)
number-leading-zero = dit getal heeft een decimale punt in plaats van een decimale komma: `{ $text }`
    .label = een decimale punt?
    .help = een punt na een voorloopnul kan geen duizendtallen scheiden, dus het is een decimale punt: schrijf in Nederlandse notatie { $suggestion }
number-malformed = dit is geen getal dat grip kan lezen: `{ $text }`
    .label = geen getal
    .help = schrijf het getal zoals het in een document staat, bijvoorbeeld 1.171.494, 0,6 of -1.600
number-too-large = dit getal is te groot of te precies: `{ $text }`
    .label = te veel cijfers
    .help = cijfers kunnen hoogstens 999.999.999.999.999 zijn, met hoogstens 10 decimalen; controleer of er een tikfout in staat

## Meldingen

unclosed-block = { $what } wordt nergens gesloten met `{"}"}`
    .help = zet een `{"}"}` waar het blok eindigt
    .label = dit blok wordt hier geopend
    .label-end = het bestand eindigt voordat het blok gesloten is
invalid-date = `{ $text }` is geen geldige datum
    .help = schrijf een datum als jaar-maand-dag, zoals 2021-04-28, of als jaar-maand, zoals 2020-08
    .label = geen datum
duplicate-field = { $owner } noemt `{ $field }` twee keer
    .help = houd één regel `{ $field }` over en verwijder de andere
    .label = tweede `{ $field }`
    .label-first = hier voor het eerst genoemd
duplicate-id = er zijn twee { $kinds } met { $key ->
        [moment] naam
       *[other] id
    } `{ $id }`
    .help = geef de { $kinds } elk een eigen { $key ->
        [moment] naam
       *[other] id
    }
    .label = hier opnieuw gebruikt
    .label-first = hier voor het eerst gebruikt
unknown-reference = er is geen { $kind } `{ $name }`
    .help = controleer de spelling, of voeg een { $kind } `{ $name }` toe
    .help-suggestion = bedoelt u `{ $suggestion }`?
    .label = bestaat niet
unknown-taakveld = `{ $code }` is geen taakveldcode
    .help = gebruik een taakveldcode uit de BBV, zoals 6.3 of 6.72
    .help-nearest = de dichtstbijzijnde geldige codes zijn { $codes }
    .label = staat niet in de BBV-lijst
expired-taakveld = taakveld { $code } bestaat niet meer in { $year }: het is in 2023 gesplitst
    .help = gebruik vanaf 2023 een van { $codes }
    .label = code van vóór 2023
year-outside-period = { $year } valt buiten de periode { $first }..{ $last } van het plan
    .help = corrigeer het jaar, of verruim de `periode` in de kop van het plan
    .label = buiten de periode
    .label-period = hier staat de periode
overlapping-years = maatregel { $measure } noemt voor { $year } twee bedragen van dezelfde soort
    .help = houd één bedrag voor dat jaar over; schrijf voor een ingroei `in` bij het eerste jaar en `vanaf` bij het volgende
    .label = geldt ook voor { $year }
    .label-first = eerste bedrag voor dat jaar
start-after-end = de startdatum { $start } ligt na de einddatum { $end }
    .help = draai de datums om, of corrigeer de datum die niet klopt
    .label = begint hier
    .label-end = maar eindigt eerder
reversed-period = de periode begint in { $first } maar eindigt eerder, in { $last }
    .help = zet het eerste jaar voorop: periode { $last }..{ $first }
    .label = eerste jaar na laatste jaar
reversed-columns = de kolommen lopen achteruit, van { $first } naar het eerdere jaar { $last }
    .help = zet het eerste jaar voorop: kolommen { $last }..{ $first }, en de cijfers van elke rij in die volgorde
    .label = eerste jaar na laatste jaar
unsupported-currency = volgens het plan is de valuta { $currency }, maar grip leest elk bedrag als euro's
    .help = schrijf `valuta EUR`, of laat de regel weg: de bedragen in een plan zijn in euro's
    .label = geen euro's
too-many-columns = de kolommen { $first }..{ $last } beslaan { $years } jaar; een tabel kan hoogstens { $limit } jaarkolommen hebben
    .help = controleer beide jaren van de reeks: een ervan is waarschijnlijk verkeerd getypt
    .label = te veel jaren
wrong-unit = { $what } moet in { $expected } staan, niet in { $found }
    .help = schrijf het bedrag in { $expected }, zoals € 45.600
    .label = in { $found-name }
savings-need-year = `besparingen` en `kosten` zijn jaarcijfers, maar de kolom “{ $column }” is geen jaar
    .help = gebruik `besparingen` alleen in een tabel met jaren als kolommen
    .label = vraagt om een jaarkolom
unit-mismatch = { $context } combineert { $expected } en { $found }, en die zijn niet bij elkaar op te tellen
    .help = schrijf elk cijfer hier in { $expected }, of zet de andere cijfers in een eigen rij
    .label = in { $found-name }
    .label-expected = in { $expected-name }
share-negative = een aandeel kan niet negatief zijn: { $value }%
    .help = een aandeel ligt tussen 0% en 100% van het budget waar het op slaat
    .label = minder dan 0%
share-over-100 = een aandeel van { $value }% is meer dan het hele budget
    .help = een aandeel ligt tussen 0% en 100% van het budget waar het op slaat
    .label = meer dan 100%
saving-exceeds-budget = maatregel { $measure } bespaart { $saving }, maar het budget is maar { $budget }
    .help = controleer de besparing en het budget: een maatregel kan niet meer besparen dan het budget waar hij op slaat
    .label = de besparing
    .label-budget = het budget
total-mismatch = { $label }{ $year } klopt niet: { $parts } tellen op tot { $computed }, maar er staat { $declared }
    .help = het vermelde totaal is { $difference } { $direction ->
        [more] hoger
       *[less] lager
    } dan de optelling van { $parts }{ $pm ->
        [0] {""}
        [1] {" "}(de P.M.-post telt als nul, zoals in het document)
       *[other] {" "}(P.M.-posten tellen als nul, zoals in het document)
    }; corrigeer het totaal, of het cijfer dat niet klopt
    .help-omitted = het vermelde totaal is { $difference } { $direction ->
        [more] hoger
       *[less] lager
    } dan de optelling van { $parts }: in elke kolom precies de cijfers van “{ $row-label }” (`{ $row }`), die de formule niet noemt; telt het totaal die rij mee, voeg dan `{ $term }` toe aan de formule, en corrigeer anders het totaal
    .label = vermeld { $declared }, berekend { $computed }
    .label-sum = telt op tot { $computed }: { $sum }
    .label-omitted = niet in de formule; het vermelde totaal telt deze rij mee
total-within-tolerance = { $label }{ $year }: er staat { $declared } en { $parts } tellen op tot { $computed }; dat valt binnen de tolerantie van het plan
    .help = het verschil van { $difference } valt binnen de tolerantie van { $tolerance }; niets te doen, tenzij de cijfers precies moeten kloppen
    .label = de regels tellen op tot { $computed }
total-rounded = { $label }{ $year } staat er als { $declared }, afgerond van { $computed }
    .help = het totaal is de afgeronde som; niets te doen
    .label = de regels tellen op tot { $computed }
total-rounded-in-scale = { $label }{ $year }: er staat { $declared } en { $parts } tellen op tot { $computed }; dat verschil komt door afronding
    .help = de cijfers zijn afgerond op { $step }, dus elk cijfer kan tot de helft daarvan afwijken; { $rounded ->
        [one] 1 afgerond cijfer mag
       *[other] { $rounded } afgeronde cijfers mogen samen
    } { $allowance } afwijken, dus dit verschil is afronding; niets te doen
    .label = de regels tellen op tot { $computed }
total-unverifiable = { $label }{ $year } is niet te controleren: { $missing }
    .help = vul het ontbrekende cijfer in om dit totaal te controleren
    .label = niet opnieuw te berekenen
    .label-missing = hier ontbreekt een cijfer voor dat jaar
pm-in-total = { $label } bevat { $count ->
        [one] 1 P.M.-post
       *[other] { $count } P.M.-posten
    }: grip heeft de bekende bedragen vergeleken, zoals het document ze optelt
    .help = niets te doen; zodra een bedrag bekend is, vervang dan de P.M. en grip controleert het totaal daarmee
    .label = bekende bedragen gecontroleerd
share-mismatch = maatregel { $measure }: { $percent }% van { $budget } is { $expected }, niet { $stated }
    .help = schrijf { $expected } als de besparing { $percent }% is; corrigeer anders het aandeel
    .label = vermelde besparing
    .label-share = dit aandeel is { $expected }
outside-range = maatregel { $measure } bespaart { $amount }, buiten de opgegeven bandbreedte { $low } – { $high }
    .help = corrigeer het bedrag, of verruim de bandbreedte
    .label = buiten de bandbreedte
    .label-range = de bandbreedte
target-not-met = de maatregelen van { $group } besparen in { $year } { $reached }, { $shortfall } minder dan de taakstelling van { $target }
    .help = voeg maatregelen toe, verhoog de besparingen, of verlaag de taakstelling
    .label = { $shortfall } te weinig
target-unverifiable = de bekende besparingen van { $group } in { $year } zijn { $reached }, minder dan de taakstelling van { $target }: { $count ->
        [one] 1 P.M.-post zou
       *[other] { $count } P.M.-posten zouden
    } { $shortfall } moeten opbrengen
    .help = vervang P.M. door een schatting om de taakstelling te kunnen toetsen
    .label = bekende besparingen: { $reached }
target-unverifiable-lower = de bekende besparingen van { $group } in { $year } zijn { $reached }, genoeg voor de taakstelling van { $target }, maar { $count ->
        [one] 1 P.M.-post die ze verlaagt, kan
       *[other] { $count } P.M.-posten die ze verlagen, kunnen
    } ze onder de taakstelling brengen
no-owner = maatregel { $measure } heeft geen eigenaar
    .help = voeg `eigenaar "..."` toe: de andere maatregelen in dit plan hebben er een
    .label = geen eigenaar
    .label-example = zoals deze
no-plan-header = dit plan heeft geen kop `plan`
    .help = begin het plan met `plan "Titel" {"{"} periode 2021..2024 {"}"}`; een bestand dat door een ander plan wordt ingevoegd, kan in plaats daarvan `deel van "main.plan"` vermelden
    .label = hier begint het plan
no-period = de kop van het plan zegt niet over welke jaren het plan gaat
    .help = voeg `periode 2021..2024` (het eerste en het laatste jaar) toe aan de kop van het plan
    .label = geen periode
include-not-found = `{ $path }` kan niet worden ingevoegd: { $reason }
    .help = controleer het pad; het is relatief ten opzichte van het bestand dat het invoegt
    .label = niet te lezen
include-cycle = de bestanden van het plan voegen elkaar in: { $chain }
    .help = verwijder hier het invoegen van `{ $path }`, of het invoegen dat hierheen terugleidt
    .label = hier opnieuw ingevoegd
wrong-cell-count = deze rij heeft { $found ->
        [one] 1 cijfer
       *[other] { $found } cijfers
    }, maar de tabel heeft { $expected ->
        [one] 1 kolom
       *[other] { $expected } kolommen
    }
    .help = geef één cijfer per kolom; schrijf `-` voor een lege cel
    .label = deze rij
    .label-columns = { $expected } kolommen
formula-cycle = het totaal `{ $row }` hangt van zichzelf af
    .help = een totaal kan alleen rijen optellen die niet van dat totaal afhangen
    .label = verwijst naar zichzelf terug
nested-too-deeply = blokken zijn hier meer dan { $limit } niveaus diep genest
    .help = een plan heeft maar een paar niveaus van onderdelen nodig; kijk of er een `{"{"}` staat zonder bijbehorende `{"}"}`
    .label = te diep
include-outside = `{ $path }` staat buiten de map van het plan, dus grip leest het niet
    .help = verplaats het bestand naar de map van het plan, of voer grip check uit met --allow-outside-includes als u het bestand vertrouwt
    .label = buiten de map van het plan
invalid-scale = een schaal moet € 1 gevolgd door nullen zijn, zoals € 1.000, of € 1 mln
    .help = schrijf de schaal die in het document staat: `in € 1.000` voor "bedragen x € 1.000", `in € 1 mln` voor miljoenen
    .label = geen schaal
text-in-figures = deze cel bevat tekst, maar de kolom “{ $column }” bevat cijfers
    .help = schrijf het cijfer zoals het gedrukt staat; als de kolom tekst bevat (zoals "S" voor structureel), maak er in de regel `kolommen` een kolom met een naam van, met `tekst` na de kop, zoals `soort "Incidenteel / structureel" tekst`
    .label = tekst
    .label-columns = de kolommen
figure-in-text = deze cel bevat een cijfer, maar “{ $column }” is een tekstkolom
    .help = zet de tekst tussen aanhalingstekens (`"S"`), of haal `tekst` weg bij de kolom in de regel `kolommen` als die cijfers bevat
    .label = een cijfer
    .label-columns = de kolommen
text-column-in-formula = “{ $column }” is een tekstkolom: een totaal kan die niet optellen
    .help = noem in de formule alleen kolommen met cijfers, of haal `tekst` weg bij de kolom in de regel `kolommen` als die cijfers bevat
    .label = een tekstkolom
    .label-columns = de kolommen
row-not-added = de regel “{ $row }” staat onder het laatste totaal van tabel { $table }, en geen totaal telt hem mee
    .help = een regel onder het totaal is meestal blijven staan of verkeerd geplaatst: kijk of het totaal hem moet meetellen (neem hem op in de formule, of zet de regel boven het totaal), of haal hem weg; een regel die apart hoort te staan kan zelf een rij `totaal` zijn als hij andere regels optelt
    .label = telt in geen totaal mee
    .label-total = het laatste totaal van de tabel
include-twice = `{ $path }` hoort al bij het plan; een bestand wordt maar één keer ingevoegd
    .help = verwijder dit invoegen: de maatregelen en tabellen van het bestand zouden anders dubbel tellen
    .label = opnieuw ingevoegd
    .label-first = hier voor het eerst ingevoegd
include-self = `{ $path }` is het bestand van het plan zelf; een plan kan zichzelf niet invoegen
euro-sign-in-row = dit cijfer heeft een euroteken, maar { $row } staat in { $unit }
    .help = verwijder de `€`, of geef de rij een eigen eenheid: een cijfer in deze rij staat in { $unit }
    .label = in euro's
unverifiable = { $what }{ $years } is niet te controleren: { $part }, dat erin meetelt, bevat { $reason }
    .help = corrigeer eerst wat gemarkeerd is met “{ $mark }”; daarna controleert grip { $target ->
        [yes] deze taakstelling
       *[no] dit totaal
    }
    .label = niet gecontroleerd
column-total = een kolomtotaal telt kolommen van de eigen rij op, dus het kan `{ $term }` niet gebruiken
    .help = noem de kolommen die het optelt (`= lasten - baten`), of schrijf `som` voor de kolommen ervoor
    .label = geen kolom
mixed-keywords = `{ $found }` is { $other ->
        [nl] een Nederlands sleutelwoord
       *[en] een Engels sleutelwoord
    }, maar dit plan is geschreven met { $plan ->
        [nl] Nederlandse
       *[en] Engelse
    } sleutelwoorden
    .help = schrijf `{ $keyword }`: een plan gebruikt de sleutelwoorden van één taal (`grip fmt` zet ze allemaal in de taal van het plan)
    .label = { $other ->
        [nl] Nederlands
       *[en] Engels
    }
    .label-decided = { $plan ->
        [nl] Nederlands
       *[en] Engels
    } vanaf hier

## De opdrachtregel

severity = { $severity ->
    [error] fout
    [warning] waarschuwing
   *[note] opmerking
}
note-line = let op: { $note }
cli-git-ls-files = grip: kan de planbestanden die git bijhoudt niet opvragen; noem ze na --git REV
cli-diff-usage = grip: diff heeft twee planbestanden nodig (OLD en NEW), of --git REV [PATH...]
cli-cannot-read-versions = grip kan dit niet lezen: { $reason }
cli-diff-as-text = grip diff { $old } → { $new }

    grip kan dit niet lezen: { $reason }
    De wijziging als tekst:

    { $diff }
cli-diff-unreadable = grip: kan dit niet lezen: { $reason }; herstel dat (zie grip check) om de versies op inhoud te vergelijken
cli-diff-ambiguous = waarschuwing: { $name } bevat { $count ->
        [one] 1 fout die sommige cijfers dubbelzinnig maakt
       *[other] { $count } fouten die sommige cijfers dubbelzinnig maken
    }; zie grip check
cli-stdin = grip: kan de standaardinvoer niet lezen: { $error }
cli-formatted = { $path } opgemaakt
cli-fixed = { $count ->
        [one] één probleem
       *[other] { $count } problemen
    } verbeterd in { $path }:
cli-nothing-to-fix = niets te verbeteren: geen enkel probleem heeft een verbetering die grip zonder te vragen kan maken
cli-not-formatted = grip: { $path } bevat syntaxfouten; het bestand is niet opgemaakt
cli-would-reformat = { $count ->
        [one] 1 bestand zou
       *[other] { $count } bestanden zouden
    } opnieuw worden opgemaakt
cli-report-usage = grip: geef aan welk rapport grip moet schrijven: --html OUT.html, --xlsx OUT.xlsx of --markdown [OUT.md]
cli-wrote = { $path } geschreven
cli-cannot-write = grip: kan { $path } niet schrijven: { $error }
cli-eval-slips = let op: het plan bevat { $count ->
        [one] 1 fout
       *[other] { $count } fouten
    } in de cijfers die het vermeldt (zie `grip check { $path }`); de cijfers hieronder zijn berekend uit de maatregelen en regels
cli-years-outside = grip: het plan beslaat { $first }..{ $last }; { $asked } valt daarbuiten
cli-no-years = grip: het plan heeft geen jaren om door te rekenen: geef de kop een periode (`periode 2021..2024`), of geef de maatregelen en tabellen jaren
cli-refused = grip: { $path } bevat { $count ->
        [one] 1 fout; herstel die
       *[other] { $count } fouten; herstel die
    } of geef --allow-errors mee om toch { $action ->
        [report] een rapport te schrijven
        [status] de voortgang te tonen
       *[evaluate] het plan door te rekenen
    }
cli-part-of = let op: { $part } is een deel van { $plan }; grip controleert { $plan }
cli-no-plans = grip: geen .plan-bestanden gevonden in { $where }
git-cannot-run = kan git niet starten: { $error }
git-show-failed = git show { $spec }: { $error }
git-not-utf8 = { $spec } is geen UTF-8-tekst
write-io = kan { $path } niet schrijven: { $error }
write-not-regular = { $path } is geen gewoon bestand; grip schrijft alleen gewone bestanden
write-read-only = { $path } is alleen-lezen; grip laat het zoals het is
write-hard-links = { $path } heeft { $links } harde links; vervangen zou ze van elkaar losmaken, dus grip laat het zoals het is
write-folder-not-writable = kan { $path } niet schrijven: er mag niet worden geschreven in de map { $folder }
write-changed-meanwhile = { $path } is gewijzigd terwijl grip het opmaakte; voer grip fmt opnieuw uit
diff-as-written = { $name } (zoals geschreven)
diff-formatted = { $name } (opgemaakt)
diff-fixed = { $name } (verbeterd)

## Berekende cijfers (grip eval, de rapporten)

sheet-plan = Plan
sheet-budget = Begroting
sheet-forecast = Prognose
sheet-deficit = Tekort (begroting − prognose)
sheet-savings = Besparingen maatregelen
sheet-low = {"  "}ondergrens
sheet-high = {"  "}bovengrens
sheet-costs = Uitvoeringskosten
sheet-balance = Saldo na maatregelen
sheet-cumulative-balance = Cumulatief saldo
sheet-cumulative-savings = Cumulatieve besparingen
sheet-staffing = Formatie (fte)
sheet-group-target = { $id } taakstelling
sheet-group-reached = { $id } behaald
sheet-title-groups = { $plan }: besparingen per onderdeel
sheet-title-taakveld = { $plan }: per taakveld
sheet-title-measures = { $plan }: besparingen per maatregel
sheet-tv-budget = begroting
sheet-tv-forecast = prognose
sheet-tv-deficit = tekort
sheet-tv-savings = besparingen maatregelen
sheet-tv-costs = uitvoeringskosten
sheet-no-taakveld = het plan noemt geen taakveld (geen begrotingsregel of maatregel vermeldt `taakveld`)
sheet-no-taakveld-key = (geen taakveld)
sheet-costs-column = Kosten
sheet-pm-items = { $label } (P.M.-posten)
verdict-met = gehaald{ $pct }
verdict-short = niet gehaald, { $shortfall } te weinig{ $pct }
verdict-unverifiable = niet te toetsen: P.M. zou { $shortfall } moeten opbrengen
verdict-unverifiable-lower = niet te toetsen: een P.M.-post die de besparingen verlaagt, kan ze onder de taakstelling brengen
note-printed-deficit = { $year }: het plan geeft geen { $missing ->
        [budget] begroting
       *[forecast] prognose
    }, dus het tekort is het tekort dat het plan vermeldt (`als tekort`)
note-no-deficit = { $year }: het plan geeft geen { $missing ->
        [budget] begroting
       *[forecast] prognose
    }, dus tekort en saldo zijn onbekend
note-no-baseline = het plan heeft geen uitgangspositie (geen tabel `als budget` en `als prognose`), dus tekort en saldo zijn niet te berekenen

## Het rapport (HTML, Markdown)

report-incomplete = Dit rapport is onvolledig: grip kon { $count ->
        [one] 1 deel
       *[other] { $count } delen
    } van het plan niet lezen (zie Gevonden problemen), dus cijfers kunnen ontbreken of niet kloppen.
report-municipality = Gemeente { $name }
report-adopted = vastgesteld { $date }
report-period = periode { $first }–{ $last }
report-does-not-add-up = Dit plan klopt niet: grip vond er { $count ->
        [one] 1 fout
       *[other] { $count } fouten
    } in. Zie { $problems }.
report-problems = Gevonden problemen
report-summary = Samenvatting
report-summary-gap = In { $year } is het tekort { $gap }. De maatregelen dekken { $savings }; na de uitvoeringskosten resteert { $remains }.
report-summary-savings = In { $year } besparen de maatregelen { $savings }.
report-figures-per-year = Cijfers per jaar
report-note = Let op: { $note }
report-targets = Taakstellingen
report-col-group = Onderdeel
report-col-year = Jaar
report-col-target = Taakstelling
report-col-saved = Bespaard
report-col-result = Resultaat
report-col-measure = Maatregel
report-col-budget = Budget
report-col-kind = Soort
report-col-owner = Eigenaar
report-col-decision = Besluit nodig
report-col-status = Status
report-gap = Het tekort vóór en na maatregelen
report-deficit-before = Tekort vóór maatregelen
report-chart-balance = Tekort vóór en na maatregelen per jaar
report-chart-balance-year = { $year }: tekort { $deficit }, na maatregelen { $after }
report-chart-balance-caption = Tekort (begroting − prognose) en het saldo na de besparingen van de maatregelen en de uitvoeringskosten, per jaar. Negatief is een tekort. De cijfers staan in de tabel { $table }.
report-no-baseline = Het plan heeft geen uitgangspositie (begroting en prognose), dus het tekort kan niet in beeld worden gebracht.
report-savings-by-group = Besparingen per jaar, per onderdeel
report-other-measures = Overige maatregelen
report-chart-savings = Besparingen per jaar, gestapeld per onderdeel
report-chart-savings-caption = Wat de maatregelen elk jaar besparen, gestapeld per onderdeel van het plan. P.M.-posten zijn niet getekend; de tabel hieronder noemt ze.
report-savings-per-group = Besparingen per onderdeel
report-kind-ramp = ingroei
report-kind-structural = structureel
report-kind-incidental = incidenteel
report-decision-needed = nodig
report-decision-not-needed = niet nodig
report-measures = Maatregelen
report-execution = Uitvoeringskosten en formatie
report-per-taakveld = Per taakveld
report-per-taakveld-caption = Begroting, prognose, tekort en de besparingen van de maatregelen per taakveld
report-no-problems = grip vond geen problemen: elk totaal, elk aandeel en elke taakstelling in dit plan klopt.

## De werkmap

xlsx-sheet-balance = Saldo
xlsx-sheet-measures = Maatregelen
xlsx-sheet-table = Tabel { $id }
xlsx-sheet-group = Onderdeel { $id }
xlsx-sheet-problems = Problemen
xlsx-col-id = Nr.
xlsx-col-title = Titel
xlsx-col-group = Onderdeel
xlsx-col-groups = Onderdelen (voor formules)
xlsx-total = Totaal
xlsx-shortfall = Tekort op taakstelling (negatief: overschot)
xlsx-reached = Behaald
xlsx-printed = vermeld { $column }
xlsx-col-severity = Ernst
xlsx-col-code = Code
xlsx-col-file = Bestand
xlsx-col-line = Regel
xlsx-col-column = Kolom
xlsx-col-problem = Probleem
xlsx-col-help = Oplossing
xlsx-col-declared = Vermeld
xlsx-col-computed = Berekend
xlsx-cut = ingekort: langer dan een Excel-cel kan bevatten; zie het plan

## grip diff

diff-none = (geen)
diff-added = toegevoegd
diff-removed = verwijderd
diff-present = aanwezig
diff-group = onderdeel
diff-renamed = titel (gewijzigd)
diff-effect-year = { $kind ->
        [cost] kosten
       *[saving] besparing
    } { $year }
diff-fact-budget = budget
diff-fact-owner = eigenaar
diff-fact-start = startdatum
diff-fact-end = einddatum
diff-fact-status = status
diff-fact-category = categorie
diff-fact-decision = besluit
diff-fact-share = aandeel
diff-fact-range = bandbreedte
diff-fact-taakveld = taakveld
diff-fact-related = relatie
diff-plan-title = titel van het plan
diff-period = periode
diff-tolerance = tolerantie
diff-group-targets = taakstellingen onderdeel { $id }
diff-group-total = vermeld totaal onderdeel { $id }
diff-plan-total = vermeld totaal plan
diff-table-row = tabel { $table } rij { $row }
diff-table-cell = tabel { $table } “{ $label }” { $column }
diff-figure = { $what ->
        [savings] besparingen
        [costs] uitvoeringskosten
       *[balance] saldo
    }
diff-target-state = { $reached } van { $target }: { $verdict ->
        [met] gehaald
        [short] niet gehaald, { $shortfall } te weinig
       *[unverifiable] niet te toetsen (P.M.)
    }
diff-target-of = taakstelling van onderdeel { $id } “{ $title }” ({ $year })
diff-status = { $status ->
        [added] toegevoegd
        [removed] verwijderd
       *[changed] gewijzigd
    }
diff-problem = { $change ->
        [new] nieuwe
       *[gone] verdwenen
    } { $severity ->
        [error] fout
        [warning] waarschuwing
       *[note] opmerking
    }
diff-no-change = Geen inhoudelijke wijziging.
diff-measures = Maatregelen
diff-plan = Taakstellingen, totalen en tabellen
diff-effect = Effect op de cijfers
diff-targets = Taakstellingen
diff-check = Wat grip check meldt
diff-col-figure = cijfer
diff-col-before = vóór
diff-col-after = na
diff-col-change = verschil

## De editor (hovers)

hover-saving = besparing
hover-cost = kosten
hover-budget = budget { $budget }
hover-owner = eigenaar: { $owner }
hover-group = onderdeel { $id }
hover-no-target = maatregelen: { $count }, geen taakstelling
hover-target = taakstelling { $target } in { $year }: de maatregelen besparen { $reached }; { $verdict }
hover-printed-computed = vermeld { $printed }, berekend { $computed }
hover-pm-not-counted = { $pm } (niet meegeteld)
hover-adding = optelling van { $parts }
hover-used-by = { $count ->
        [one] Opgeteld in één totaal
       *[other] Opgeteld in { $count } totalen
    }
hover-agreement = { $agreement ->
        [equal] klopt
        [explained] wijkt { $difference } af: afronding of de tolerantie van het plan verklaart dat
        [differs] wijkt { $difference } af
       *[unverifiable] niet te controleren: een regel die het optelt heeft zelf een fout
    }
hover-cannot-recompute = dit totaal is niet opnieuw te berekenen; zie de meldingen

## The command line's help and usage errors

help-usage = Gebruik:
help-heading-commands = Opdrachten
help-heading-arguments = Argumenten
help-heading-options = Opties
help-help = Toon de hulp
help-version = Toon de versie
help-about = grip controleert bezuinigingsplannen van gemeenten, geschreven als .plan-bestanden: elk totaal, aandeel en elke taakstelling die de opstellers vermelden wordt nagerekend, en elke vergissing wordt getoond met de regel uit het plan, beide cijfers en hoe u het herstelt.
help-after =
    Voorbeelden:
      grip check examples/leudal.plan       controleer één plan (en de bestanden die het invoegt)
      grip check                            controleer elk *.plan onder de huidige map
      grip check plannen/ --format short    één regel per probleem, voor editors en grep
      grip check plan.plan --format json    één JSON-document, voor CI (schema: docs/json.md)
      grip eval examples/leudal.plan        het verwachte saldo per jaar
      grip fmt plannen/                     herschrijf plannen in de vaste opmaak
      grip fmt --check plannen/             toon wat zou veranderen; stop met 1 als er iets zou veranderen
      grip fmt --keywords en plan.plan      schrijf de sleutelwoorden van een plan in het Engels (nl: Nederlands)
      grip diff oud.plan nieuw.plan         wat een wijziging betekent voor het geld
      grip diff --git HEAD plan.plan        de werkmap vergeleken met de laatste commit
      grip report plan.plan --html r.html   een rapport voor de raad, met grafieken
      grip eval plan.plan --by group        besparingen per onderdeel tegenover de taakstelling

    grip antwoordt in de taal van de sleutelwoorden van het plan (Nederlands of Engels); --lang nl|en kiest.
    Afsluitcodes: 0 geen fouten, 1 fouten gevonden (of waarschuwingen met --deny-warnings), 2 fout in gebruik, lezen of schrijven.
    De taal staat beschreven in docs/language.md (Nederlands: docs/nl/handleiding.md); elke melding in docs/diagnostics.md.
help-lang = De taal van de meldingen, cijfers en rapporten van grip: nl (Nederlands) of en (Engels). Standaard: de taal van de sleutelwoorden van het plan, anders LANG, anders Engels.
help-color = Kleur: auto (standaard) volgt de terminal en NO_COLOR, always (altijd), never (nooit).
help-check = Controleer plannen: opbouw, namen, jaren, eenheden, taakveldcodes, vermelde totalen, aandelen, taakstellingen
help-check-after =
    Elk probleem wordt in één keer gemeld, ook na een fout in de opbouw. Vermelde totalen worden exact vergeleken; een verschil binnen de `tolerantie` van het plan (of een totaal dat voor de druk is afgerond) is een opmerking, geen fout. P.M.-bedragen tellen nooit als nul: een totaal of taakstelling met een P.M.-post wordt als onvolledig gemeld.

    Voorbeelden:
      grip check examples/
      grip check examples/leudal.plan --format json
      grip check --deny-warnings plannen/
      grip check --fix --dry-run plannen/begroting.plan
help-check-paths = Planbestanden, of mappen om naar *.plan-bestanden te zoeken (standaard: de huidige map).
help-check-format = Uitvoer: human (met de bronregel en de oplossing; standaard), short (regels bestand:regel:kolom), json.
help-check-deny-warnings = Behandel waarschuwingen als fouten (stop met 1 als er een is).
help-check-allow-outside-includes = Lees ook ingevoegde bestanden buiten de map van het plan (standaard geweigerd).
help-check-fix = Breng de verbeteringen aan die grip zonder te vragen kan maken, die een editor als voorkeur aangeeft (een totaal met de rij die het vergeet, of gelijk aan zijn regels; een verschreven naam of sleutelwoord; een getal in Nederlandse schrijfwijze; zie docs/diagnostics.md), schrijf elk bestand in één keer weg, controleer opnieuw en meld wat overblijft.
help-check-dry-run = Met --fix: toon als diff wat het zou veranderen en schrijf niets (afsluitcode 1 als er iets te verbeteren is).
help-eval = Reken een plan door: tekort, besparingen, kosten en het saldo na maatregelen, per jaar
help-eval-after =
    Besparingen lopen door zoals het plan zegt: een structurele besparing (`vanaf 2022`) in elk jaar vanaf dan, een incidentele (`in 2021`) alleen in dat jaar. P.M.-bedragen worden apart getoond ("+ 1 P.M."), nooit als nul geteld. Het saldo is tekort + besparingen − kosten; waar een maatregel een bandbreedte noemt, staat het saldo ook voor de onder- en bovengrens. Bedragen zijn exact; ze worden alleen voor de weergave op hele euro's afgerond. De berekening staat in docs/evaluation.md.

    Een plan met fouten wordt geweigerd (afsluitcode 1), tenzij --allow-errors is meegegeven.

    Voorbeelden:
      grip eval examples/leudal.plan
      grip eval examples/noordoostpolder.plan --by group
      grip eval examples/leudal.plan --years 2022..2024 --format markdown
      grip eval examples/leudal.plan --format csv > leudal.csv
help-eval-path = Het planbestand.
help-eval-format = Uitvoer: table (uitgelijnd, voor de terminal; standaard), markdown (voor een memo of een pull request), csv (voor Excel: `;` tussen de cellen, decimale komma), json (schema: docs/evaluation.md).
help-eval-by = Wat er per jaar getoond wordt: year (uitgangspositie, besparingen, kosten en saldo; standaard), group (besparingen per onderdeel tegenover de taakstelling), taakveld (begroting, prognose en tekort per begrotingsregel), measure (besparingen per maatregel).
help-eval-years = Alleen deze jaren, zoals 2022..2024 (of één jaar, 2023).
help-eval-allow-errors = Reken door, ook als het plan fouten bevat.
help-status = Toon de voortgang van een vastgesteld plan op een rapportagemoment: gepland, gerealiseerd, verwacht en nog te realiseren, per maatregel en onderdeel, met fasen en stoplichten
help-status-after =
    De momenten komen uit de voortgangsbestanden van het plan: de `.plan`-bestanden naast het plan die beginnen met `voortgang van "plan.plan"` (zie docs/nl/handleiding.md, "Voortgang"). PAD mag het plan zijn of een voortgangsbestand. Zonder --moment toont grip het laatste moment (op datum). De stoplichten volgen één regel, uitgeschreven in docs/evaluation.md: rood als een nodig besluit te laat is of de structurele besparing niet wordt verwacht, oranje als de maatregel achterloopt (of had moeten starten zonder dat er iets is gemeld), groen als hij gerealiseerd of op koers is.

    Een plan met fouten waardoor de cijfers niet te lezen zijn, weigert grip (afsluitcode 1), tenzij --allow-errors is meegegeven.

    Voorbeelden:
      grip status examples/leudal.plan
      grip status examples/leudal.plan --moment "1e bestuursrapportage 2021"
      grip status examples/leudal.plan --since "1e bestuursrapportage 2021" --format markdown
help-status-path = Het plan, of een van zijn voortgangsbestanden.
help-status-moment = Het rapportagemoment om te tonen, bij naam (standaard: het laatste).
help-status-since = Toon ook wat er veranderde sinds dit eerdere moment: stoplichten, fasen, gerealiseerde en verwachte bedragen.
help-status-format = Uitvoer: table (standaard), markdown, csv, json (schema: docs/json.md).
help-status-allow-errors = Toon de voortgang ook als het plan fouten bevat.
help-fmt = Zet plannen in de vaste opmaak (ter plekke, in één keer), of controleer dat ze dat al zijn
help-fmt-after =
    De vaste opmaak: twee spaties inspringing per blok, één gegeven per regel, bedragen in Nederlandse notatie (€ 1.171.494, 0,6 fte), sleutelwoorden en spaties gelijkgetrokken, cijfers in tabellen uitgelijnd in kolommen van minstens 11 tekens voor euro's (7 in een tabel in duizendtallen, fte of andere eenheden), zodat een cijfer dat er een cijfer bij krijgt maar één regel verandert. De volgorde blijft, elke opmerking blijft waar ze stond, lege regels tussen onderdelen blijven (tot één). CRLF-regeleinden en een byte-order mark blijven. Sleutelwoorden worden in de taal van het plan geschreven (--keywords nl|en zet ze om). Een plan met fouten in de opbouw wordt nooit herschreven: de fouten worden getoond en het bestand blijft zoals het is.

    Voorbeelden:
      grip fmt examples/leudal.plan       herschrijf één plan
      grip fmt                            herschrijf elk *.plan onder de huidige map
      grip fmt --check plannen/           toon een diff van wat zou veranderen; stop met 1 als er iets zou veranderen
      grip fmt --keywords en plan.plan    schrijf de sleutelwoorden van het plan in het Engels
      grip fmt - < plan.plan              lees standaardinvoer, schrijf standaarduitvoer (voor editors)
help-fmt-paths = Planbestanden of mappen (standaard: de huidige map); `-` voor standaardinvoer.
help-fmt-check = Verander niets: toon een diff van wat zou veranderen en stop met 1 als er iets zou veranderen.
help-fmt-keywords = Schrijf de sleutelwoorden in deze taal: nl (maatregel, besparing, vanaf) of en (measure, saving, from). Standaard: de taal van het plan.
help-diff = Vergelijk twee versies van een plan op betekenis: maatregelen, taakstellingen, totalen en de cijfers
help-diff-after =
    Toont maatregelen die zijn toegevoegd, verwijderd, hernoemd of gewijzigd (besparingen en kosten per jaar, budget, eigenaar, data, status), gewijzigde taakstellingen en vermelde totalen, en het effect op de doorgerekende cijfers: besparingen, kosten en saldo per jaar en de dekking van elke taakstelling, voor → na.

    Afsluitcodes: 0 niets veranderd in betekenis, 1 wel, 2 een fout.

    Voorbeelden:
      grip diff oud.plan nieuw.plan
      grip diff --git HEAD examples/leudal.plan          de werkmap tegenover de laatste commit
      grip diff --git main..feature examples/leudal.plan  twee commits
      grip diff oud.plan nieuw.plan --format markdown     voor een reactie op een pull request

    Als diff-driver van git (zie de README):
      git config diff.grip.command 'grip diff'
      echo '*.plan diff=grip' >> .gitattributes
help-diff-args = OUD NIEUW (twee planbestanden), of met --git de planbestanden om te vergelijken (standaard: elk *.plan dat git bijhoudt). De zeven argumenten van een externe diff van git worden ook begrepen.
help-diff-git = Vergelijk met een git-revisie (REV: tegenover de werkmap) of twee (REV1..REV2).
help-diff-format = Uitvoer: text (voor de terminal; standaard), markdown (voor een reactie op een pull request), json.
help-report = Schrijf een rapport voor mensen: HTML met grafieken, een Excel-werkmap of Markdown
help-report-after =
    Het HTML-rapport is één zelfstandig bestand (geen netwerk, opmaak en grafieken ingebouwd) dat in elke browser opent en op A4 afdrukt: de samenvatting (het tekort per jaar, wat de maatregelen dichten, wat overblijft, taakstellingen gehaald of niet), grafieken van het tekort voor en na maatregelen en van de besparingen per onderdeel, de maatregelen per onderdeel, de uitvoeringskosten en de formatie, en elk probleem dat grip check vond. De werkmap heeft een blad per onderdeel en per tabel, bedragen als getallen in euro-opmaak en totalen als werkende Excel-formules. Alles leest dezelfde cijfers als grip eval, in de taal van het plan.

    Voorbeelden:
      grip report examples/leudal.plan --html leudal.html
      grip report examples/leudal.plan --xlsx leudal.xlsx
      grip report examples/leudal.plan --markdown            Markdown op de standaarduitvoer
      grip report examples/leudal.plan --markdown memo.md
help-report-path = Het planbestand.
help-report-html = Schrijf een HTML-rapport naar dit bestand.
help-report-xlsx = Schrijf een Excel-werkmap naar dit bestand.
help-report-markdown = Schrijf Markdown (naar dit bestand, of zonder bestand naar de standaarduitvoer).
help-report-allow-errors = Schrijf het rapport ook als grip het plan niet helemaal kan lezen; het eerste scherm meldt dan dat het onvolledig is.
help-lsp = Start de taalserver op stdin/stdout (voor editors; zie editors/)
help-lsp-after = Editors starten deze opdracht en spreken er het Language Server Protocol mee: meldingen terwijl u typt (dezelfde als grip check), doorgerekende cijfers bij de muis, naar de definitie gaan, verwijzingen, een overzicht, opmaak (grip fmt) en aanvullen. De VS Code-extensie in editors/vscode start haar.
help-help-command = Toon deze hulp of de hulp bij de genoemde opdracht(en)
usage-error = { $kind ->
        [unknown-argument] onbekend argument `{ $arg }`
        [unknown-command] onbekende opdracht `{ $arg }`
        [invalid-value] `{ $value }` is geen geldige waarde voor { $arg }{ $valid ->
            [none] {""}
           *[other] {"; "}kies uit: { $valid }
        }
        [missing] een verplicht argument ontbreekt: { $arg }
        [too-many] te veel waarden voor { $arg }
        [no-value] { $arg } heeft een waarde nodig
        [conflict] { $arg } kan niet samen met { $other }
       *[other] { $arg }
    }
usage-suggestion = bedoelt u `{ $suggestion }`?
usage-more = Meer informatie: `{ $command } --help`.
parse-years = `{ $text }` is geen reeks jaren; schrijf het als 2022..2024

## progress (voortgang): checks of progress files
subject-remaining = het totaal nog te realiseren bij “{ $moment }”
parts-remaining = de bedragen die de maatregelen nog moeten realiseren
read-outside = het staat buiten de map van dit bestand
read-is-progress = het is dit bestand zelf, of al gelezen als voortgangsbestand
progress-plan-not-found = kan `{ $path }` niet lezen, het plan waarvan dit bestand de voortgang geeft: { $reason }
    .help = controleer het pad na `voortgang van`: het gaat uit van dit bestand, en het plan staat in de map van dit bestand
    .label = het plan van dit voortgangsbestand
moment-order = moment “{ $moment }” ({ $date }) staat na “{ $previous }” ({ $previous-date }), maar heeft een eerdere datum
    .help = zet de momenten op volgorde van hun datum, of verbeter de datum
    .label = datum { $date }: vóór “{ $previous }”
    .label-previous = datum { $previous-date }
phase-unknown = fase { $phase } bestaat niet: een fase is 0, 1, 2 of 3
    .help = schrijf 0 (nog geen actie), 1 (in uitwerking), 2 (besloten en gecommuniceerd) of 3 (gerealiseerd)
    .label = geen fase
phase-backwards = maatregel { $measure } gaat terug van fase { $before } naar fase { $phase }, zonder toelichting
    .help = zeg waarom met `toelichting "…"` in dit moment, of verbeter de fase
    .label = fase { $phase }
    .label-previous = fase { $before } bij “{ $previous }”
realised-short = maatregel { $measure } staat op gerealiseerd (fase 3), maar in { $year } is { $realised } gerealiseerd van de geplande { $planned }
    .help = noteer wat elk jaar is gerealiseerd (`gerealiseerd € … vanaf { $year }`), of geef de fase waarin de maatregel echt is
    .label = fase 3: gerealiseerd
replacement-exceeds = de vervangende dekking voor maatregel { $measure } in { $year } is { $replacement }, meer dan het tekort van { $shortfall }
    .help = vervangende dekking dekt hooguit het tekort: gepland min verwacht; brengt de maatregel nu minder op, zeg dat dan (`verwacht € … in { $year }`), anders verlaag de dekking
    .label = dekt meer dan het tekort van { $shortfall }
progress-missing = maatregel { $measure } had uiterlijk { $due } moeten starten, maar “{ $moment }” zegt er niets over
    .help = rapporteer er in dit moment over (`maatregel { $measure } {"{"} fase 0 {"}"}` als hij nog niet is gestart), zodat de raad het ziet
    .label = niets over { $measure } in dit moment
    .label-due = gepland { $due }

## progress (voortgang): grip status
light = { $light ->
        [green] groen
        [orange] oranje
       *[red] rood
    }
light-reason = { $reason ->
        [decision-overdue] besluit te laat
        [not-expected] structurele besparing niet verwacht
        [behind] achter, binnen de periode verwacht
        [should-have-started] had moeten starten, niets gemeld
        [realised] gerealiseerd
        [on-track] op koers
       *[not-reported] nog niet gemeld
    }
status-title = { $plan }: voortgang bij “{ $moment }” ({ $date })
status-plan-head = Hele plan · { $light }
status-group-head = { $id } “{ $title }” · { $light }
status-measure-head = { $id } “{ $title }” · { $phase ->
        [none] geen fase
       *[other] fase { $phase }
    } · { $light }: { $reason }
status-planned = Gepland
status-realised = Gerealiseerd
status-expected = Verwacht
status-remaining = Nog te realiseren
status-replacement = Vervangende dekking
status-effect = Effect op het saldo
status-balance = Saldo na voortgang
status-since = Sinds “{ $moment }”: { $count ->
        [0] niets veranderd
        [one] 1 maatregel veranderd
       *[other] { $count } maatregelen veranderd
    }
status-phase-moved = fase { $before } → { $after }
status-no-moments = { $path } heeft geen rapportagemomenten: schrijf naast het plan een voortgangsbestand dat begint met `voortgang van "{ $plan }"` (zie docs/nl/handleiding.md, "Voortgang")
status-unknown-moment = er is geen rapportagemoment “{ $name }”; de momenten zijn: { $names }
hover-progress = **Bij “{ $moment }”**: { $phase ->
        [none] geen fase
       *[other] fase { $phase }
    }, { $light }: { $reason }
xlsx-sheet-progress = Voortgang
report-progress = Voortgang bij “{ $moment }” ({ $date })
report-progress-plan = Het plan als geheel: { $light }. De stoplichten volgen de regel in docs/evaluation.md: rood als een nodig besluit te laat is of de structurele besparing niet wordt verwacht, oranje bij achterstand, groen als de maatregel gerealiseerd of op koers is.
report-chart-progress = Geplande, gerealiseerde en verwachte besparing per jaar
report-chart-progress-year = { $year }: gepland { $planned }, gerealiseerd { $realised }, verwacht { $expected }
report-chart-progress-caption = Gerealiseerd telt wat de voortgangsbestanden melden; een jaar zonder melding telt als nul.
report-col-phase = Fase
report-col-light = Stoplicht
report-col-explanation = Toelichting
report-progress-details = Alle cijfers per jaar, per onderdeel en per maatregel
diff-progress = Voortgang
diff-progress-moment = rapportagemoment “{ $moment }”
diff-progress-of = “{ $moment }”: { $id } { $what }
diff-progress-light = stoplicht
diff-progress-phase = fase
diff-progress-realised = gerealiseerd
diff-progress-expected = verwacht

## Snelle correcties (de code-acties van de editor)

fix-figure = schrijf het berekende bedrag { $figure }{ $year }
fix-add-row = voeg `{ $term }` toe aan de formule van dit totaal
fix-replace = vervang `{ $from }` door `{ $to }`

## Hernoemen in de editor

rename-not-a-name = alleen de id van een maatregel, onderdeel, tabel of rij kan hernoemd worden
rename-keyword = `{ $word }` is een sleutelwoord van de plantaal, geen naam: het kan niet hernoemd worden
rename-invalid = `{ $name }` kan geen id zijn: schrijf letters, cijfers en `_`, met punten alleen daartussen (en geen in de naam van een rij), en geen sleutelwoord
rename-taken = er is al een { $kind } `{ $name }`

## Bedragen naast de tekst in de editor

inlay-computed = berekend { $figure }
inlay-target = bespaart { $reached }: { $verdict }
lens-target = bespaart { $reached } van taakstelling { $target } in { $year }: { $verdict }
lens-table = { $checked ->
    [one] 1 vermeld totaal gecontroleerd
   *[other] { $checked } vermelde totalen gecontroleerd
}: { $wrong ->
    [0] { $checked ->
        [one] het klopt
       *[other] alle kloppen
    }
    [one] 1 klopt niet
   *[other] { $wrong } kloppen niet
}
lens-table-unverifiable = { $count ->
    [one] 1 niet te controleren: een regel heeft zelf een fout
   *[other] { $count } niet te controleren: een regel heeft zelf een fout
}
fix-figures = schrijf het berekende bedrag op elk van de { $count } plaatsen waar dit totaal afwijkt
fix-close = sluit { $what } af met `{"}"}` aan het eind van het bestand
snippet = { $what ->
    [measure] een maatregel met eigenaar en besparing
    [group] een onderdeel met taakstelling
   *[table] een tabel met kolommen en een rij
}
inlay-measure = bespaart { $saving } in { $year }
