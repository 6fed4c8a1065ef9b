; Highlights for grip plans. Capture names follow nvim-treesitter; see editors/README.md for
; Helix, which calls @number @constant.numeric and @module @namespace.

; Keywords, English and Dutch
[
  "plan" "municipality" "adopted" "period" "currency" "tolerance" "include" "text"
  "group" "target" "by" "total" "measure" "budget" "saving" "cost" "from" "in" "share"
  "of" "range" "category" "owner" "start" "end" "decision" "needed" "not" "planned"
  "status" "taakveld" "related" "description" "indicator" "table" "as" "forecast"
  "actual" "deficit" "revenue" "staffing" "columns" "row" "sign" "adverse" "favourable"
  "gemeente" "vastgesteld" "periode" "valuta" "tolerantie" "invoegen" "tekst" "onderdeel"
  "taakstelling" "totaal" "maatregel" "besparing" "vanaf" "aandeel" "van" "bandbreedte"
  "categorie" "eigenaar" "startdatum" "einddatum" "besluit" "nodig" "niet" "gepland"
  "relatie" "omschrijving" "tabel" "als" "prognose" "realisatie" "tekort" "opbrengst"
  "formatie" "kolommen" "rij" "teken" "nadeel" "voordeel"
  ; progress files
  "moment" "phase" "realised" "expected" "decided" "explanation" "replacement" "remaining"
  "fase" "gerealiseerd" "verwacht" "besloten" "toelichting" "vervangende" "dekking" "nog" "te"
  "realiseren"
] @keyword
; `kosten` is Dutch for `cost` and for `costs`: a keyword here, a formula word in costs_of.
(effect_kind "kosten" @keyword)
(role "kosten" @keyword)

[ "include" "invoegen" "part" "deel" "progress" "voortgang" ] @keyword.import

; Formula words
(sum_all) @function.builtin
(sum_all [ "below" "hieronder" ] @function.builtin)
(savings_of [ "savings" "besparingen" ] @function.builtin)
(costs_of [ "costs" "kosten" ] @function.builtin)
(cumulative [ "cumulative" "cumulatief" ] @function.builtin)
(previous [ "previous" "vorige" ] @function.builtin)

; Values
(string) @string
(comment) @comment
[
  (number)
  (year)
  (date)
  (quarter)
  (phase_number)
] @number
(taakveld_code) @constant
[
  (pm)
  (not_applicable)
  (empty_cell)
  (vn_mark)
] @constant.builtin

; Units
(euro) @type.builtin
(magnitude) @type.builtin
(unit) @type
(unit [ "fte" "hours" "uren" "%" ] @type.builtin)
(count_unit) @type

; Ids and names
(group id: (id) @module)
(measure id: (id) @function)
(measure_progress id: (id) @function)
(table id: (id) @type.definition)
(related (id) @label)
(savings_of group: (id) @module)
(costs_of group: (id) @module)
(row name: (name) @property)
(total_row name: (name) @property)
(named_column name: (name) @property)
(total_column name: (name) @property)
(column_kind) @label
(column_mark) @punctuation.special
(row_ref) @variable
(category (name) @constant)
(currency (name) @type.builtin)

; Operators and punctuation
[ "=" "+" "-" ".." "–" ] @operator
(sign) @operator
[ ":" "," ] @punctuation.delimiter
[ "{" "}" "(" ")" ] @punctuation.bracket
