### grip's messages in English. Every message here exists in nl.ftl too (tests/lang.rs).
### Arguments written as figures (amounts, years) arrive formatted; text from the plan arrives
### as it is.

## import

import-cannot-open = cannot open { $path } as a workbook: { $error }
import-cannot-read = cannot read { $path }: { $error }
import-unknown-format = grip cannot import “{ $path }”: it reads workbooks (.xlsx, .xlsm, .xls, .ods), csv files (.csv, .tsv, .txt) and a table pasted on standard input (grip import -)
import-no-sheet = the workbook has no sheet “{ $sheet }”; its sheets are { $sheets }
import-bad-range = “{ $range }” is not a range of cells: write its corners as B4:H30
import-no-table = found no table with figures in { $where }: give the sheet (--sheet) or the cells (--range B4:H30) of the table
import-no-column = there is no column “{ $column }”: give its letter (C) or the text of its heading
import-internal = the plan grip made from this sheet does not read back ({ $reason }); this is a fault in grip, please report it with the sheet
import-title-pasted = Pasted table
import-same-file = grip import does not write over the file it reads ({ $path }): give another name after -o
import-stdin = cannot read the pasted table from standard input: { $error }
import-comment-source = Imported by grip import from “{ $file }”{ $sheet ->
    [none] {""}
   *[other] , sheet “{ $sheet }”
}{ $cells ->
    [none] {""}
   *[other] , cells { $cells }
}.
import-comment-source-pasted = Imported by grip import from a table pasted on standard input (its cells counted as a sheet’s: { $cells }).
import-comment-figures = Every figure is as the sheet has it, and every total as the sheet declares it: grip check recomputes them.
import-comment-grip-workbook = A workbook of grip report --xlsx: the plan's structure from its key, every figure from its sheets.
import-comment-scale = The heading says the figures are in { $scale } (cell { $cell }).
import-comment-scale-ignored = The heading in cell { $cell } gives a scale, but the figures are printed in full euros (with €): grip reads them as euros.
import-comment-not-total = “{ $label }” reads as a total, but its figures are no sum of the rows above: imported as a plain row.
import-comment-unmapped = Not imported ({ $count ->
    [one] one cell
   *[other] { $count } cells
}: cell “text”: why):
import-comment-unmapped-cell = { $cell } “{ $text }”: { $why }
import-why-not-a-number = not a number grip can read
import-why-too-large = too large for an exact figure (at most 999.999.999.999.999)
import-why-error-cell = the cell holds an error ({ $error })
import-why-text-in-figures = text where a figure belongs (the plan has n.v.t. there)
import-why-outside-columns = outside the table's columns (no year or heading above it)
import-why-above-table = text above the table, kept as a comment
import-why-text-column = a column of text grip has no place for (--group-by or --taakveld can take it)
import-why-note = a note in or under the table, kept as a comment
import-why-repeated-header = the years heading repeated, kept as a comment
import-why-cumulative = a cumulative row: grip computes cumulative savings itself (grip eval)
import-why-measure-column = a column grip does not take for measures (it takes the years, a budget, the group and the taakveld)
import-why-total-column = the total of the row's years: grip computes it (grip eval --by measure)
import-why-taakveld = not a taakveld code (write it as 6.3 or 6.72)
import-why-duplicate-id = this id was used above; the measure is called { $id }
import-wrote = wrote { $path }: { $measures ->
    [one] one measure
   *[other] { $measures } measures
}, { $tables ->
    [one] one table
   *[other] { $tables } tables
}
import-not-imported = { $count ->
    [one] one cell was not imported; the plan lists it at its end:
   *[other] { $count } cells were not imported; the plan lists them at its end:
}
import-checked = grip check on the imported plan: { $summary }
help-import = Make a plan from a spreadsheet or from a table copied from a document
help-import-file = The workbook (.xlsx, .xls, .ods) or csv file to read; - reads a table pasted on standard input.
help-import-output = Write the plan to this file (written whole or not at all); default: standard output.
help-import-sheet = The sheet of the workbook to read (default: the first with figures).
help-import-range = Only these cells, such as B4:H30.
help-import-as = Read the rows as measures or as a table (default: measures when the rows have ids such as A.1).
help-import-group-by = The column that names each row's group (onderdeel): its letter (C) or its heading.
help-import-taakveld = The column with each row's taakveld code: its letter or its heading (default: a column headed Taakveld).
help-import-keywords = The keywords of the plan: nl or en (default: the language of --lang, else of LANG).
help-import-after =
    grip import finds the header row (years such as 2024 or “Begroting 2024”), the labels, the scale (“x € 1.000”), P.M., empty cells and totals (by their label, by the sheet's SUM formulas, or by their figures). Figures are written as the sheet has them and totals as declared totals, so grip check then finds the sheet's own slips. Every cell it does not import is listed, with why.

    Examples:
      grip import begroting.xlsx -o begroting.plan
      grip import maatregelen.xlsx --sheet Maatregelen --range A3:F20 --as measures
      grip import export.csv --group-by Onderdeel --taakveld Taakveld
      grip import - < geplakt.txt > tabel.plan

## Phrases used inside other messages

or-list = { $init } or { $last }
and-list = { $init } and { $last }
year-in = in { $year }
column-in = in the column “{ $column }”
subject-plan-total = the plan total
subject-group-total = the total of group { $id } “{ $title }”
subject-row = { $table } “{ $label }”
subject-share = the share of { $percent }% of measure { $id }'s budget
subject-row-named = { $table }.{ $row } “{ $label }”
subject-row-id = row `{ $id }`
subject-group = group { $id } “{ $title }”
subject-group-target = the target of group { $id } “{ $title }”
subject-measure = measure { $id }
subject-header = the plan header
subject-plan = the plan
subject-table = table { $id }
parts-lines = its lines
parts-measures = its measures
parts-columns = its columns
ref-kind = { $kind ->
    [measure] measure
    [group] group
    [row] row
    [column] column
    [moment] moment
   *[table] table
}
ref-kinds = { $kind ->
    [measure] measures
    [group] groups
    [row] rows
    [column] columns
    [moment] moments
   *[table] tables
}
amount-budget = the budget of measure { $id }
amount-effect = a { $kind ->
    [cost] cost
   *[saving] saving
} of measure { $id }
amount-target = the target of group { $id }
unit-words = { $unit ->
    [euro] euros
    [percent] percent
    [count] plain numbers
    [fte] fte
    [hours] hours
   *[other] { $name }
}
unit-name = { $unit ->
    [euro] euro
    [percent] percent
    [count] count
    [fte] fte
    [hours] hours
   *[other] { $name }
}
fault-words = { $reason ->
    [scale] a figure in a scale of print grip cannot read
    [unreadable] a figure grip cannot read
    [unit] an amount in the wrong unit
    [year] a year outside the plan's period
   *[cells] more or fewer figures than the table has columns
}
fault-label = { $reason ->
    [scale] scale not read
    [unreadable] cannot be read
    [unit] wrong unit
    [year] outside the period
   *[cells] figures do not match the columns
}
missing-figure = `{ $row }` has no figure for { $column }
not-counted-pm = { $name }: P.M., not counted
is-pm = { $name } is P.M.
sum-lines = { $head } … { $tail } ({ $count } lines)
sum-without-pm = { $sum }, without { $count ->
    [one] 1 P.M. item
   *[other] { $count } P.M. items
}
term-unknown = unknown
help-line = help: { $help }
term-at = { $label }: { $value }
elsewhere = { $label } at line { $line }, column { $column }
line-too-long = at { $file }:{ $line }:{ $column }; the line is too long to show
summary = { $errors ->
    [one] 1 error
   *[other] { $errors } errors
}, { $warnings ->
    [one] 1 warning
   *[other] { $warnings } warnings
}, { $notes ->
    [one] 1 note
   *[other] { $notes } notes
} in { $files ->
    [one] 1 file
   *[other] { $files } files
}

## Reading files

cannot-read = cannot read { $path }: { $reason }
read-no-such-file = no such file
read-permission = permission denied
read-directory = it is a directory, not a plan file
read-not-regular = it is not a regular file (a pipe or a device, say), so grip does not read it
read-too-large = it is larger than { $mb } MB, more than any plan
read-not-utf8 = it is not UTF-8 text (invalid byte at offset { $offset }); save the plan as UTF-8
read-too-deep = includes are nested more than { $limit } deep
read-other = { $error }

## Syntax

syntax = { $found ->
    [none] expected { $expected }
   *[some] expected { $expected }, found { $what }
}
    .label-expected = expected { $expected }
    .label = not expected here
syntax-unreadable = { $found ->
    [none] grip cannot read this line
   *[some] grip cannot read this line, found { $what }
}
syntax-line-of = a line starting with one of: { $keywords }
syntax-line-of-close = a line starting with one of: { $keywords }, or `{"}"}` to close the block
found-end-of-file = the end of the file
found-end-of-line = the end of the line
found-word = `{ $word }`
quoted = `{ $text }`
phrase-keyword = `{ $keyword }`
phrase-year = a year like 2024
phrase-date = a date like 2021-04-28
phrase-when = a year, quarter or date, like 2022, 2021-Q1 or 2021-04-28
phrase-text = text in double quotes
phrase-id = an id like A.1
phrase-name = a name like formatie
phrase-row = the name of a row
phrase-amount = an amount like € 1.171.494, 0,6 fte or P.M.
phrase-number = a number like 1.171.494 or 0,6
phrase-percent = a percentage like 20%
phrase-euro = `€`
phrase-unit = a unit such as €, fte, hours or %
phrase-cell = a figure, `-`, P.M. or n.v.t.
phrase-taakveld = a taakveld code like 6.72
phrase-open = `{"{"}`
phrase-colon = `:` before the figures
phrase-equals = `=` and a formula
phrase-close = `{"}"}`
phrase-range = `..`
phrase-add = `+` or `-`
phrase-role = `as` with budget, forecast, actual, deficit, cost, revenue, staffing or saving
phrase-end = the end of the file
phrase-open-paren = `(`
phrase-formula = a formula like `a + b`
phrase-year-spec = `from` or `in` with a year
phrase-year-amount = a year and amount like 2022: € 180.000
phrase-sign = `+` or `-`
phrase-scale = a scale like `in € 1.000`
phrase-magnitude = `mln` or `mld`
phrase-column-kind = the kind of figure, like begroting
phrase-column-mark = a footnote mark like `*`
phrase-vn-mark = a mark `V` (voordeel) or `N` (nadeel)
phrase-total-column = a total column like totaal "Totaal" = sum
phrase-figure = a figure
phrase-saving-or-cost = `saving` or `cost`
hint-unterminated = end the text with a double quote on the same line; use """ for text over several lines
hint-curly-close = this text opens with a straight quote and closes with a curly one; write "{ $text }"
hint-expected-quote = `"` to close this text
hint-look-alike = `{ $word }` has letters that only look Latin (Cyrillic or Greek, pasted from somewhere else); type it as `{ $fixed }`
hint-unclosed-comment = a comment opened with `/*` is never closed: end it with `*/`
hint-did-you-mean = did you mean `{ $word }`?
hint-amount-before = write the amount before `{ $word }`, like `saving € 45.600 { $word } 2022`
hint-not-inside = `{ $word }` cannot stand inside { $block }; is the `{"}"}` that closes { $block } missing?
hint-only-inside = `{ $word }` can only stand inside { $home }
hint-colon = put a `:` between the row's name and its figures
hint-four-digits = write a year with four digits, like 2024
hint-span-dots = write a span of years with two dots, like 2021..2024
hint-date-order = write the date as year-month-day: { $date }
hint-brace-too-many = there is one `{"}"}` too many here, or a `{"{"}` is missing above
hint-complete-line = complete the line with { $expected }
home-measure = a measure {"{"} ... {"}"}
home-header = the plan header, plan "..." {"{"} ... {"}"}
home-group = a group {"{"} ... {"}"}
home-table = a table {"{"} ... {"}"}
block-this = this block

## Numbers

number-ambiguous = this number is ambiguous: `{ $text }`
    .label = a fraction or a whole number?
    .help = in Dutch notation the dot groups thousands and the comma is the decimal mark: write { $decimal } for a fraction, or { $thousands } for a whole number
number-grouping = the thousands groups in this number are wrong: `{ $text }`
    .label = groups of three digits
    .help = dots group digits in threes (1.171.494); write { $suggestion }
number-english = this number is written in English notation: `{ $text }`
    .label = English notation
    .help = this looks like English notation; in Dutch notation write { $suggestion } (dot for thousands, comma for decimals)
number-leading-zero = this number has a decimal point, not a decimal comma: `{ $text }`
    .label = a decimal point?
    .help = a dot after a leading 0 cannot group thousands, so it is a decimal point: in Dutch notation write { $suggestion }
number-malformed = this is not a number grip can read: `{ $text }`
    .label = not a number
    .help = write the number as a document prints it, like 1.171.494 or 0,6 or -1.600
number-too-large = this number is too large or too precise: `{ $text }`
    .label = too many digits
    .help = figures can be at most 999.999.999.999.999, with at most 10 decimals; check for a typing slip

## Diagnostics

unclosed-block = { $what } is never closed with `{"}"}`
    .help = add a `{"}"}` where the block ends
    .label = this block is opened here
    .label-end = the file ends before it is closed
invalid-date = `{ $text }` is not a valid date
    .help = write a date as year-month-day, like 2021-04-28, or year-month, like 2020-08
    .label = not a date
duplicate-field = { $owner } gives `{ $field }` twice
    .help = keep one `{ $field }` line and remove the other
    .label = second `{ $field }`
    .label-first = first given here
duplicate-id = there are two { $kinds } with the { $key ->
        [moment] name
       *[other] id
    } `{ $id }`
    .help = give each { $kind } its own { $key ->
        [moment] name
       *[other] id
    }
    .label = used again here
    .label-first = first used here
unknown-reference = there is no { $kind } `{ $name }`
    .help = check the spelling, or declare the { $kind } first
    .help-suggestion = did you mean `{ $suggestion }`?
    .label = unknown { $kind }
unknown-taakveld = `{ $code }` is not a taakveld code
    .help = use a BBV taakveld code, like 6.3 or 6.72
    .help-nearest = the nearest valid codes are { $codes }
    .label = not in the BBV list
expired-taakveld = taakveld { $code } no longer exists for { $year }: it was split in 2023
    .help = from 2023 use one of { $codes }
    .label = code from before 2023
year-outside-period = { $year } is outside the plan's period { $first }..{ $last }
    .help = correct the year, or widen the `period` in the plan header
    .label = outside the period
    .label-period = the period is set here
overlapping-years = measure { $measure } states two amounts of the same kind for { $year }
    .help = keep one amount for that year; for a ramp, write `in` for the first year and `from` for the next
    .label = also applies to { $year }
    .label-first = first amount for that year
start-after-end = the start date { $start } is after the end date { $end }
    .help = swap the dates, or correct the one that is wrong
    .label = starts here
    .label-end = but ends earlier
reversed-period = the period starts in { $first } but ends earlier, in { $last }
    .help = write the first year first: period { $last }..{ $first }
    .label = first year after last year
reversed-columns = the columns run backwards, from { $first } to the earlier year { $last }
    .help = write the first year first: columns { $last }..{ $first }, and the figures of every row in that order
    .label = first year after last year
unsupported-currency = the plan says its currency is { $currency }, but grip reads every amount as euros
    .help = write `currency EUR`, or leave the line out: a plan's figures are in euros
    .label = not euros
too-many-columns = the columns { $first }..{ $last } span { $years } years; a table can have at most { $limit } year columns
    .help = check both years of the span: one of them is probably mistyped
    .label = too many years
wrong-unit = { $what } must be in { $expected }, not in { $found }
    .help = write the amount in { $expected }, like € 45.600
    .label = in { $found-name }
savings-need-year = `savings` and `costs` are yearly figures, but the column “{ $column }” is not a year
    .help = use `savings` only in a table whose columns are years
    .label = needs a year column
unit-mismatch = { $context } mixes { $expected } and { $found }, which cannot be added
    .help = write every figure here in { $expected }, or move the other figures to their own row
    .label = in { $found-name }
    .label-expected = in { $expected-name }
share-negative = a share cannot be negative: { $value }%
    .help = a share is between 0% and 100% of the budget it acts on
    .label = less than 0%
share-over-100 = a share of { $value }% is more than the whole budget
    .help = a share is between 0% and 100% of the budget it acts on
    .label = more than 100%
saving-exceeds-budget = measure { $measure } saves { $saving } but its budget is only { $budget }
    .help = check the saving and the budget: a measure cannot save more than the budget it acts on
    .label = the saving
    .label-budget = the budget
total-mismatch = { $label }{ $year } is { $declared }, but { $parts } add up to { $computed }
    .help = the printed total is { $difference } { $direction ->
        [more] more
       *[less] less
    } than { $parts }{ $pm ->
        [0] {""}
        [1] {" "}(the P.M. item counts as nil, as in the document)
       *[other] {" "}(P.M. items count as nil, as in the document)
    }; correct the total, or the figure that is wrong
    .help-omitted = the printed total is { $difference } { $direction ->
        [more] more
       *[less] less
    } than { $parts }: in every column, exactly the figures of “{ $row-label }” (`{ $row }`), which the formula does not name; if the total counts that row, add `{ $term }` to its formula, else correct the total
    .label = printed { $declared }, computed { $computed }
    .label-sum = adds up to { $computed }: { $sum }
    .label-omitted = not in the formula; the printed total counts it
total-within-tolerance = { $label }{ $year } is { $declared }, { $parts } add up to { $computed }: within the plan's tolerance
    .help = the difference of { $difference } is within the tolerance of { $tolerance }; nothing to do unless the figures should match exactly
    .label = lines add up to { $computed }
total-rounded = { $label }{ $year } is printed as { $declared }, rounded from { $computed }
    .help = the total is the sum rounded for print; nothing to do
    .label = lines add up to { $computed }
total-rounded-in-scale = { $label }{ $year } is printed as { $declared }, { $parts } add up to { $computed }: a difference rounding explains
    .help = the figures are rounded to { $step }, so each may be up to half of that off; { $rounded ->
        [one] 1 rounded figure
       *[other] { $rounded } rounded figures
    } together may be { $allowance } off, so this difference is rounding; nothing to do
    .label = lines add up to { $computed }
total-unverifiable = { $label }{ $year } cannot be checked: { $missing }
    .help = add the missing figure to check this total
    .label = cannot be recomputed
    .label-missing = this has no figure for that year
pm-in-total = { $label } adds { $count ->
        [one] 1 P.M. item
       *[other] { $count } P.M. items
    }: grip compared the known amounts, as the document counts them
    .help = nothing to do; when an amount is known, replace its P.M. and grip checks the total with it
    .label = known amounts checked
share-mismatch = measure { $measure }: { $percent }% of { $budget } is { $expected }, not { $stated }
    .help = if the saving is { $percent }%, write { $expected }; otherwise correct the share
    .label = stated saving
    .label-share = this share is { $expected }
outside-range = measure { $measure } saves { $amount }, outside its stated range { $low } – { $high }
    .help = correct the amount, or widen the range
    .label = outside the range
    .label-range = the range
target-not-met = the measures of { $group } save { $reached } in { $year }, short of its target { $target } by { $shortfall }
    .help = add measures, raise their savings, or lower the target
    .label = short by { $shortfall }
target-unverifiable = the known savings of { $group } in { $year } are { $reached }, short of its target { $target }: { $count ->
        [one] 1 P.M. item
       *[other] { $count } P.M. items
    } would have to bring { $shortfall }
    .help = replace P.M. by an estimate to verify the target
    .label = known savings: { $reached }
target-unverifiable-lower = the known savings of { $group } in { $year } are { $reached }, enough for its target { $target }, but { $count ->
        [one] 1 P.M. item that lowers
       *[other] { $count } P.M. items that lower
    } them could bring them below it
no-owner = measure { $measure } has no owner
    .help = add `owner "..."`: the other measures in this plan have one
    .label = no owner
    .label-example = like this one
no-plan-header = this plan has no `plan` header
    .help = start the plan with `plan "Title" {"{"} period 2021..2024 {"}"}`; a file that another plan includes can say so instead: `part of "main.plan"`
    .label = the plan starts here
no-period = the plan header does not say which years the plan covers
    .help = add `period 2021..2024` (the first and last year) to the plan header
    .label = no period
include-not-found = cannot include `{ $path }`: { $reason }
    .help = check the path; it is relative to the file that includes it
    .label = cannot be read
include-cycle = the plan's files include each other: { $chain }
    .help = remove this include of `{ $path }`, or the include that leads back here
    .label = included again here
wrong-cell-count = this row has { $found ->
        [one] 1 figure
       *[other] { $found } figures
    } but the table has { $expected ->
        [one] 1 column
       *[other] { $expected } columns
    }
    .help = give one figure per column; write `-` for an empty cell
    .label = this row
    .label-columns = { $expected } columns
formula-cycle = the total `{ $row }` depends on itself
    .help = a total can only add rows that do not depend on it
    .label = refers back to itself
nested-too-deeply = blocks are nested more than { $limit } deep here
    .help = a plan needs only a few levels of groups; check for `{"{"}` without a matching `{"}"}`
    .label = too deep
include-outside = `{ $path }` is outside the plan's folder, so grip does not read it
    .help = move the file into the plan's folder, or run grip check with --allow-outside-includes if you trust it
    .label = outside the plan's folder
invalid-scale = a scale of print must be € 1 followed by zeros, like € 1.000, or € 1 mln
    .help = write the scale the document states: `in € 1.000` for "bedragen x € 1.000", `in € 1 mln` for millions
    .label = not a scale
text-in-figures = this cell holds text, but the column “{ $column }” holds figures
    .help = write the figure as printed; if the column holds text (such as "S" for structureel), make it a named column with `text` after its heading in the `columns` line, like `soort "Incidenteel / structureel" text`
    .label = text
    .label-columns = the columns
figure-in-text = this cell holds a figure, but “{ $column }” is a text column
    .help = put the text in quotes (`"S"`), or remove `text` from the column in the `columns` line if it holds figures
    .label = a figure
    .label-columns = the columns
text-column-in-formula = “{ $column }” is a text column: a total cannot add it
    .help = name only columns of figures in the formula, or remove `text` from the column in the `columns` line if it holds figures
    .label = a text column
    .label-columns = the columns
row-not-added = the line “{ $row }” stands below the last total of table { $table }, and no total adds it
    .help = a line under the total is usually left over or misplaced: check whether the total should include it (add it to the formula, or move the line above the total), or remove it; a line that is meant to stand apart can be a `total` row of its own if it adds other lines
    .label = added by no total
    .label-total = the table's last total
include-twice = `{ $path }` is already part of the plan; a file is included once
    .help = remove this include: the file's measures and tables would count twice
    .label = included again
    .label-first = first included here
include-self = `{ $path }` is the plan's own file; a plan cannot include itself
euro-sign-in-row = this figure has a euro sign, but { $row } is in { $unit }
    .help = remove the `€`, or give the row its unit: a figure in this row is in { $unit }
    .label = in euros
unverifiable = { $what }{ $years } cannot be checked: { $part }, which it adds, has { $reason }
    .help = correct what is marked “{ $mark }” first; grip then checks this { $target ->
        [yes] target
       *[no] total
    }
    .label = not checked
column-total = a column total adds columns of its own row, so it cannot use `{ $term }`
    .help = name the columns it adds (`= lasten - baten`), or write `sum` for the columns before it
    .label = not a column
mixed-keywords = `{ $found }` is { $other ->
        [nl] a Dutch keyword
       *[en] an English keyword
    }, but this plan is written with { $plan ->
        [nl] Dutch
       *[en] English
    } keywords
    .help = write `{ $keyword }`: a plan uses the keywords of one language (`grip fmt` writes them all in the plan's language)
    .label = { $other ->
        [nl] Dutch
       *[en] English
    }
    .label-decided = { $plan ->
        [nl] Dutch
       *[en] English
    } from here on

## The command line

severity = { $severity ->
    [error] error
    [warning] warning
   *[note] note
}
note-line = note: { $note }
cli-git-ls-files = grip: cannot list the plan files git tracks; name them after --git REV
cli-diff-usage = grip: diff needs OLD and NEW plan files, or --git REV [PATH...]
cli-cannot-read-versions = grip cannot read { $reason }
cli-diff-as-text = grip diff { $old } → { $new }

    grip cannot read { $reason }
    The change as text:

    { $diff }
cli-diff-unreadable = grip: cannot read { $reason }; fix it (see grip check) to compare the versions by meaning
cli-diff-ambiguous = warning: { $name } has { $count ->
        [one] 1 error that makes
       *[other] { $count } errors that make
    } some figures ambiguous; see grip check
cli-stdin = grip: cannot read standard input: { $error }
cli-formatted = formatted { $path }
cli-fixed = fixed { $count ->
        [one] one problem
       *[other] { $count } problems
    } in { $path }:
cli-nothing-to-fix = nothing to fix: no problem has a fix grip can make without asking
cli-not-formatted = grip: { $path } has syntax errors; it was not formatted
cli-would-reformat = { $count ->
        [one] 1 file
       *[other] { $count } files
    } would be reformatted
cli-report-usage = grip: say which report to write: --html OUT.html, --xlsx OUT.xlsx or --markdown [OUT.md]
cli-wrote = wrote { $path }
cli-cannot-write = grip: cannot write { $path }: { $error }
cli-eval-slips = note: the plan has { $count ->
        [one] 1 error
       *[other] { $count } errors
    } in what it prints (see `grip check { $path }`); the figures below are computed from its measures and lines
cli-years-outside = grip: the plan covers { $first }..{ $last }; { $asked } is outside it
cli-no-years = grip: the plan has no years to evaluate: give its header a period (`period 2021..2024`), or its measures and tables years
cli-refused = grip: { $path } has { $count ->
        [one] 1 error; fix it
       *[other] { $count } errors; fix them
    } or pass --allow-errors to { $action ->
        [report] write a report
        [status] show its progress
       *[evaluate] evaluate it
    } anyway
cli-part-of = note: { $part } is a part of { $plan }; checking { $plan }
cli-no-plans = grip: no .plan files found in { $where }
git-cannot-run = cannot run git: { $error }
git-show-failed = git show { $spec }: { $error }
git-not-utf8 = { $spec } is not UTF-8 text
write-io = cannot write { $path }: { $error }
write-not-regular = { $path } is not a regular file; grip writes only regular files
write-read-only = { $path } is read-only; grip leaves it as it is
write-hard-links = { $path } has { $links } hard links; replacing it would split them, so grip leaves it as it is
write-folder-not-writable = cannot write { $path }: the folder { $folder } is not writable
write-changed-meanwhile = { $path } changed while grip was formatting it; run grip fmt again
diff-as-written = { $name } (as written)
diff-formatted = { $name } (formatted)
diff-fixed = { $name } (fixed)

## Evaluated figures (grip eval, the reports)

sheet-plan = Plan
sheet-budget = Budget
sheet-forecast = Forecast
sheet-deficit = Deficit (budget − forecast)
sheet-savings = Savings of measures
sheet-low = {"  "}low
sheet-high = {"  "}high
sheet-costs = Costs of execution
sheet-balance = Balance after measures
sheet-cumulative-balance = Cumulative balance
sheet-cumulative-savings = Cumulative savings
sheet-staffing = Staffing (fte)
sheet-group-target = { $id } target
sheet-group-reached = { $id } reached
sheet-title-groups = { $plan }: savings per group
sheet-title-taakveld = { $plan }: per taakveld
sheet-title-measures = { $plan }: savings per measure
sheet-tv-budget = budget
sheet-tv-forecast = forecast
sheet-tv-deficit = deficit
sheet-tv-savings = savings of measures
sheet-tv-costs = costs of execution
sheet-no-taakveld = the plan names no taakveld (no budget line or measure says `taakveld`)
sheet-no-taakveld-key = (no taakveld)
sheet-costs-column = Costs
sheet-pm-items = { $label } (P.M. items)
verdict-met = met{ $pct }
verdict-short = short { $shortfall }{ $pct }
verdict-unverifiable = cannot be verified: P.M. would have to bring { $shortfall }
verdict-unverifiable-lower = cannot be verified: a P.M. item that lowers the savings could bring them below it
note-printed-deficit = { $year }: the plan gives no { $missing ->
        [budget] budget
       *[forecast] forecast
    }, so the deficit is the one it prints (`as deficit`)
note-no-deficit = { $year }: the plan gives no { $missing ->
        [budget] budget
       *[forecast] forecast
    }, so the deficit and balance are unknown
note-no-baseline = the plan has no baseline (no table `as budget` and `as forecast`), so no deficit or balance can be computed

## The report (HTML, Markdown)

report-incomplete = This report is incomplete: grip could not read { $count ->
        [one] 1 part
       *[other] { $count } parts
    } of the plan (see Problems found), so figures may be missing or wrong.
report-municipality = Gemeente { $name }
report-adopted = adopted { $date }
report-period = period { $first }–{ $last }
report-does-not-add-up = This plan does not add up: grip found { $count ->
        [one] 1 error
       *[other] { $count } errors
    } in it. See { $problems }.
report-problems = Problems found
report-summary = Summary
report-summary-gap = In { $year } the gap is { $gap }. The measures close { $savings }; after the costs of executing them, { $remains } remains.
report-summary-savings = In { $year } the measures save { $savings }.
report-figures-per-year = Figures per year
report-note = Note: { $note }
report-targets = Targets
report-col-group = Group
report-col-year = Year
report-col-target = Target
report-col-saved = Saved
report-col-result = Result
report-col-measure = Measure
report-col-budget = Budget
report-col-kind = Kind
report-col-owner = Owner
report-col-decision = Decision needed
report-col-status = Status
report-gap = The gap before and after measures
report-deficit-before = Deficit before measures
report-chart-balance = Deficit before and after measures per year
report-chart-balance-year = { $year }: deficit { $deficit }, after measures { $after }
report-chart-balance-caption = Deficit (budget − forecast) and the balance after the measures' savings and the costs of executing them, per year. Negative is a deficit. The figures are in the table { $table }.
report-no-baseline = The plan has no baseline (budget and forecast), so the deficit cannot be drawn.
report-savings-by-group = Savings per year, by group
report-other-measures = Other measures
report-chart-savings = Savings per year, stacked by group
report-chart-savings-caption = What the measures save each year, stacked by the plan's groups. P.M. items are not drawn; the table below lists them.
report-savings-per-group = Savings per group
report-kind-ramp = ramp
report-kind-structural = structural
report-kind-incidental = incidental
report-decision-needed = needed
report-decision-not-needed = not needed
report-measures = Measures
report-execution = Costs of execution and staffing
report-per-taakveld = Per taakveld
report-per-taakveld-caption = Budget, forecast, deficit and the measures' savings per taakveld
report-no-problems = grip found no problems: every total, share and target in this plan adds up.

## The workbook

xlsx-sheet-balance = Balance
xlsx-sheet-measures = Measures
xlsx-sheet-table = Table { $id }
xlsx-sheet-group = Group { $id }
xlsx-sheet-problems = Problems
xlsx-col-id = Id
xlsx-col-title = Title
xlsx-col-group = Group
xlsx-col-groups = Groups (for formulas)
xlsx-total = Total
xlsx-shortfall = Shortfall (negative: surplus)
xlsx-reached = Reached
xlsx-printed = printed { $column }
xlsx-col-severity = Severity
xlsx-col-code = Code
xlsx-col-file = File
xlsx-col-line = Line
xlsx-col-column = Column
xlsx-col-problem = Problem
xlsx-col-help = Help
xlsx-col-declared = Declared
xlsx-col-computed = Computed
xlsx-cut = cut: longer than an Excel cell holds; see the plan

## grip diff

diff-none = (none)
diff-added = added
diff-removed = removed
diff-present = present
diff-group = group
diff-renamed = title (renamed)
diff-effect-year = { $kind ->
        [cost] cost
       *[saving] saving
    } { $year }
diff-fact-budget = budget
diff-fact-owner = owner
diff-fact-start = start
diff-fact-end = end
diff-fact-status = status
diff-fact-category = category
diff-fact-decision = decision
diff-fact-share = share
diff-fact-range = range
diff-fact-taakveld = taakveld
diff-fact-related = related
diff-plan-title = plan title
diff-period = period
diff-tolerance = tolerance
diff-group-targets = group { $id } targets
diff-group-total = group { $id } declared total
diff-plan-total = plan declared total
diff-table-row = table { $table } row { $row }
diff-table-cell = table { $table } “{ $label }” { $column }
diff-figure = { $what ->
        [savings] savings
        [costs] costs
       *[balance] balance
    }
diff-target-state = { $reached } of { $target }: { $verdict ->
        [met] met
        [short] short { $shortfall }
       *[unverifiable] cannot be verified (P.M.)
    }
diff-target-of = target of group { $id } “{ $title }” ({ $year })
diff-status = { $status ->
        [added] added
        [removed] removed
       *[changed] changed
    }
diff-problem = { $change ->
        [new] new
       *[gone] gone
    } { $severity ->
        [error] error
        [warning] warning
       *[note] note
    }
diff-no-change = No change in meaning.
diff-measures = Measures
diff-plan = Targets, totals and tables
diff-effect = Effect on the figures
diff-targets = Targets
diff-check = What grip check says
diff-col-figure = figure
diff-col-before = before
diff-col-after = after
diff-col-change = change

## The editor (hovers)

hover-saving = saving
hover-cost = cost
hover-budget = budget { $budget }
hover-owner = owner: { $owner }
hover-group = group { $id }
hover-no-target = { $count } measures, no target
hover-target = target { $target } by { $year }: the measures save { $reached }; { $verdict }
hover-printed-computed = printed { $printed }, computed { $computed }
hover-pm-not-counted = { $pm } (not counted)
hover-adding = adding { $parts }
hover-used-by = { $count ->
        [one] Added by one total
       *[other] Added by { $count } totals
    }
hover-agreement = { $agreement ->
        [equal] matches
        [explained] differs by { $difference }: rounding or the plan's tolerance explains it
        [differs] differs by { $difference }
       *[unverifiable] cannot be checked: a line it adds has an error of its own
    }
hover-cannot-recompute = this total cannot be recomputed; see the diagnostics

## The command line's help and usage errors

help-usage = Usage:
help-heading-commands = Commands
help-heading-arguments = Arguments
help-heading-options = Options
help-help = Print help
help-version = Print version
help-about = grip checks municipal savings plans written as .plan files: every total, share and target the authors claim is recomputed, and every slip is shown with the source line, both figures and how to fix it.
help-after =
    Examples:
      grip check examples/leudal.plan       check one plan (and the files it includes)
      grip check                            check every *.plan under the current directory
      grip check plans/ --format short      one line per problem, for editors and grep
      grip check plan.plan --format json    one JSON document, for CI (schema: docs/json.md)
      grip eval examples/leudal.plan        projected balance per year
      grip fmt plans/                       rewrite plans in the canonical layout
      grip fmt --check plans/               show what would change; exit 1 if anything would
      grip fmt --keywords nl plan.plan      write a plan's keywords in Dutch (en: in English)
      grip diff old.plan new.plan           what a change means for the money
      grip diff --git HEAD plan.plan        the work tree against the last commit
      grip report plan.plan --html r.html   a report for the council, with charts
      grip eval plan.plan --by group        savings per group against its target

    grip answers in the language of the plan's keywords (English or Dutch); --lang en|nl chooses.
    Exit codes: 0 no errors, 1 errors found (or warnings with --deny-warnings), 2 usage or I/O failure.
    The language is described in docs/language.md; every diagnostic in docs/diagnostics.md.
help-lang = The language of grip's messages, figures and reports: nl (Nederlands) or en (English). Default: the language the plan's keywords are written in, else LANG, else English.
help-color = Colour: auto (the default) follows the terminal and NO_COLOR, always, never.
help-check = Check plans: syntax, names, years, units, taakveld codes, declared totals, shares, targets
help-check-after =
    Every problem is reported in one run, also after a syntax error. Declared totals are compared exactly; a difference within the plan's `tolerance` (or a total rounded for print) is a note, not an error. P.M. amounts are never counted as zero: a total or target that includes one is reported as incomplete.

    Examples:
      grip check examples/
      grip check examples/leudal.plan --format json
      grip check --deny-warnings plans/
      grip check --fix --dry-run plans/begroting.plan
help-check-paths = Plan files, or directories to search for *.plan files (default: the current directory).
help-check-format = Output format: human (source and help; the default), short (file:line:col lines), json.
help-check-deny-warnings = Treat warnings as errors (exit 1 when there are any).
help-check-allow-outside-includes = Read included files outside the plan's folder too (refused by default).
help-check-fix = Make the fixes grip can make without asking, the ones an editor marks as preferred (a total given the row it leaves out, or set to its lines; a misspelt name or keyword; a number in Dutch notation; see docs/diagnostics.md), write each file atomically, then check again and report what remains.
help-check-dry-run = With --fix: show what it would change as a diff and write nothing (exit 1 when there is something to fix).
help-eval = Evaluate a plan: deficit, savings, costs and the balance after measures, per year
help-eval-after =
    Savings are carried forward as the plan says: a structural saving (`from 2022`) in every year from then on, an incidental one (`in 2021`) in its year only. P.M. amounts are shown apart ("+ 1 P.M."), never counted as zero. The balance is deficit + savings − costs; where a measure states a range, the balance is also shown for its low and high end. Amounts are exact; they are rounded to whole euros only for display. The formulas are explained in docs/evaluation.md.

    A plan with errors is refused (exit 1) unless --allow-errors is given.

    Examples:
      grip eval examples/leudal.plan
      grip eval examples/noordoostpolder.plan --by group
      grip eval examples/leudal.plan --years 2022..2024 --format markdown
      grip eval examples/leudal.plan --format csv > leudal.csv
help-eval-path = The plan file.
help-eval-format = Output format: table (aligned, for the terminal; the default), markdown (for a memo or a pull request), csv (for Excel: `;` between cells, decimal comma), json (schema: docs/evaluation.md).
help-eval-by = What to show per year: year (baseline, savings, costs and balance; the default), group (savings per group against its target), taakveld (budget, forecast and deficit per budget line), measure (savings per measure).
help-eval-years = Only these years, like 2022..2024 (or one year, 2023).
help-eval-allow-errors = Evaluate even when the plan has errors.
help-status = Show the progress of an adopted plan at a reporting moment: planned, realised, expected and still to realise, per measure and group, with phases and traffic lights
help-status-after =
    The moments come from the plan's progress files: the `.plan` files beside the plan that start with `progress of "plan.plan"` (see docs/language.md, "Progress"). PATH may be the plan or a progress file. Without --moment the latest moment (by date) is shown. The traffic lights follow one rule, written out in docs/evaluation.md: red when a needed decision is overdue or the structural saving is not expected, orange when behind (or a measure should have started and nothing is reported), green when realised or on track.

    A plan with errors that make its figures unreadable is refused (exit 1) unless --allow-errors is given.

    Examples:
      grip status examples/leudal.plan
      grip status examples/leudal.plan --moment "1e bestuursrapportage 2021"
      grip status examples/leudal.plan --since "1e bestuursrapportage 2021" --format markdown
help-status-path = The plan, or one of its progress files.
help-status-moment = The reporting moment to show, by its name (default: the latest).
help-status-since = Also show what moved since this earlier moment: lights, phases, realised and expected figures.
help-status-format = Output format: table (the default), markdown, csv, json (schema: docs/json.md).
help-status-allow-errors = Show the progress even when the plan has errors.
help-fmt = Format plans in the canonical layout (in place, atomically), or check that they are
help-fmt-after =
    The canonical layout: two spaces of indentation per block, one fact per line, amounts in Dutch notation (€ 1.171.494, 0,6 fte), keywords and spacing normalised, table figures aligned in columns at least 11 characters wide for euros (7 in a table in thousands, fte or other units), so a figure that gains a digit changes one line. Items keep their order, every comment is kept where it was, blank lines between items are kept (collapsed to one). CRLF line endings and a byte-order mark are kept. Keywords are written in the plan's language (--keywords nl|en converts). A plan with syntax errors is never rewritten: the errors are shown and the file is left alone.

    Examples:
      grip fmt examples/leudal.plan       rewrite one plan
      grip fmt                            rewrite every *.plan under the current directory
      grip fmt --check plans/             print a diff of what would change; exit 1 if anything would
      grip fmt --keywords nl plan.plan    write the plan's keywords in Dutch
      grip fmt - < plan.plan              read standard input, write standard output (for editors)
help-fmt-paths = Plan files or directories (default: the current directory); `-` for standard input.
help-fmt-check = Change nothing: print a unified diff of what would change and exit 1 if anything would.
help-fmt-keywords = Write the keywords in this language: nl (maatregel, besparing, vanaf) or en (measure, saving, from). Default: the plan's own language.
help-diff = Compare two versions of a plan by meaning: measures, targets, totals and the figures
help-diff-after =
    Shows measures added, removed, renamed or changed (savings and costs year by year, budget, owner, dates, status), targets and declared totals changed, and the effect on the evaluated figures: savings, costs and balance per year and the coverage of every target, before → after.

    Exit codes: 0 nothing changed in meaning, 1 something did, 2 an error.

    Examples:
      grip diff old.plan new.plan
      grip diff --git HEAD examples/leudal.plan          work tree against the last commit
      grip diff --git main..feature examples/leudal.plan  two commits
      grip diff old.plan new.plan --format markdown      for a pull-request comment

    As a git diff driver (see the README):
      git config diff.grip.command 'grip diff'
      echo '*.plan diff=grip' >> .gitattributes
help-diff-args = OLD NEW (two plan files), or with --git the plan files to compare (default: every *.plan git tracks). Git's seven external-diff arguments are understood too.
help-diff-git = Compare with a git revision (REV: against the work tree) or two (REV1..REV2).
help-diff-format = Output format: text (for the terminal; the default), markdown (for a pull-request comment), json.
help-report = Write a report for people: HTML with charts, an Excel workbook, or Markdown
help-report-after =
    The HTML report is one self-contained file (no network, styles inline, charts as inline SVG) that opens in any browser and prints on A4: the summary (the gap per year, what the measures close, what remains, targets met or not), charts of the deficit before and after measures and of the savings per group, the measures per group, the costs of execution and staffing, and every problem grip check found. The workbook has a sheet per group and per table, amounts as numbers with euro formatting and totals as live Excel formulas. All read the same figures as grip eval, in the plan's language.

    Examples:
      grip report examples/leudal.plan --html leudal.html
      grip report examples/leudal.plan --xlsx leudal.xlsx
      grip report examples/leudal.plan --markdown            Markdown on standard output
      grip report examples/leudal.plan --markdown memo.md
help-report-path = The plan file.
help-report-html = Write an HTML report to this file.
help-report-xlsx = Write an Excel workbook to this file.
help-report-markdown = Write Markdown (to this file, or to standard output with no file).
help-report-allow-errors = Write the report even when grip cannot read the whole plan; its first screen then says it is incomplete.
help-lsp = Run the language server on stdin/stdout (for editors; see editors/)
help-lsp-after = Editors start this command and speak the Language Server Protocol with it: diagnostics as you type (the same as grip check), hovers with evaluated figures, go to definition, references, an outline, formatting (grip fmt) and completion. The VS Code extension in editors/vscode starts it.
help-help-command = Print this message or the help of the given subcommand(s)
usage-error = { $kind ->
        [unknown-argument] unexpected argument `{ $arg }`
        [unknown-command] unknown command `{ $arg }`
        [invalid-value] `{ $value }` is not a valid value for { $arg }{ $valid ->
            [none] {""}
           *[other] {"; "}choose one of: { $valid }
        }
        [missing] a required argument was not given: { $arg }
        [too-many] too many values for { $arg }
        [no-value] { $arg } needs a value
        [conflict] { $arg } cannot be used with { $other }
       *[other] { $arg }
    }
usage-suggestion = did you mean `{ $suggestion }`?
usage-more = For more information, try `{ $command } --help`.
parse-years = `{ $text }` is not a span of years; write it like 2022..2024

## progress (voortgang): checks of progress files
subject-remaining = the total still to be realised at “{ $moment }”
parts-remaining = the amounts the measures have still to realise
read-outside = it is outside this file's folder
read-is-progress = it is this file itself, or read already as a progress file
progress-plan-not-found = cannot read `{ $path }`, the plan this file reports the progress of: { $reason }
    .help = check the path after `progress of`: it is relative to this file, and the plan lies in this file's folder
    .label = the plan of this progress file
moment-order = moment “{ $moment }” ({ $date }) comes after “{ $previous }” ({ $previous-date }), but is dated before it
    .help = put the moments in the order of their dates, or correct the date
    .label = dated { $date }: before “{ $previous }”
    .label-previous = dated { $previous-date }
phase-unknown = phase { $phase } does not exist: a phase is 0, 1, 2 or 3
    .help = write 0 (no action yet), 1 (being worked out), 2 (decided and communicated) or 3 (realised)
    .label = not a phase
phase-backwards = measure { $measure } goes back from phase { $before } to phase { $phase } without an explanation
    .help = say why with `explanation "…"` in this moment, or correct the phase
    .label = phase { $phase }
    .label-previous = phase { $before } at “{ $previous }”
realised-short = measure { $measure } is marked realised (phase 3), but in { $year } it realised { $realised } of the { $planned } planned
    .help = record what was realised in every year (`realised € … from { $year }`), or give the phase the measure is really in
    .label = phase 3: realised
replacement-exceeds = the replacement for measure { $measure } in { $year } is { $replacement }, more than its shortfall of { $shortfall }
    .help = a replacement covers at most the shortfall: planned minus expected; if the measure now brings less, say so (`expected € … in { $year }`), else lower the replacement
    .label = covers more than the { $shortfall } that is short
progress-missing = measure { $measure } should have started by { $due }, but “{ $moment }” says nothing about it
    .help = report on it in this moment (`measure { $measure } {"{"} phase 0 {"}"}` if it has not started), so the council sees it
    .label = nothing on { $measure } in this moment
    .label-due = planned { $due }

## progress (voortgang): grip status
light = { $light ->
        [green] green
        [orange] orange
       *[red] red
    }
light-reason = { $reason ->
        [decision-overdue] decision overdue
        [not-expected] structural saving not expected
        [behind] behind, expected within the period
        [should-have-started] should have started, nothing reported
        [realised] realised
        [on-track] on track
       *[not-reported] not reported yet
    }
status-title = { $plan }: progress at “{ $moment }” ({ $date })
status-plan-head = Whole plan · { $light }
status-group-head = { $id } “{ $title }” · { $light }
status-measure-head = { $id } “{ $title }” · { $phase ->
        [none] no phase
       *[other] phase { $phase }
    } · { $light }: { $reason }
status-planned = Planned
status-realised = Realised
status-expected = Expected
status-remaining = Still to realise
status-replacement = Replacement cover
status-effect = Effect on the balance
status-balance = Balance after progress
status-since = Since “{ $moment }”: { $count ->
        [0] nothing moved
        [one] 1 measure moved
       *[other] { $count } measures moved
    }
status-phase-moved = phase { $before } → { $after }
status-no-moments = { $path } has no reporting moments: write a progress file beside the plan that starts with `progress of "{ $plan }"` (see docs/language.md, "Progress")
status-unknown-moment = there is no reporting moment “{ $name }”; the moments are: { $names }
hover-progress = **At “{ $moment }”**: { $phase ->
        [none] no phase
       *[other] phase { $phase }
    }, { $light }: { $reason }
xlsx-sheet-progress = Progress
report-progress = Progress at “{ $moment }” ({ $date })
report-progress-plan = The plan as a whole: { $light }. The lights follow the rule in docs/evaluation.md: red when a needed decision is overdue or the structural saving is not expected, orange when behind, green when realised or on track.
report-chart-progress = Planned, realised and expected savings per year
report-chart-progress-year = { $year }: planned { $planned }, realised { $realised }, expected { $expected }
report-chart-progress-caption = Realised counts what the progress files report; a year without a report counts as nil.
report-col-phase = Phase
report-col-light = Light
report-col-explanation = Explanation
report-progress-details = All figures per year, per group and per measure
diff-progress = Progress
diff-progress-moment = reporting moment “{ $moment }”
diff-progress-of = “{ $moment }”: { $id } { $what }
diff-progress-light = light
diff-progress-phase = phase
diff-progress-realised = realised
diff-progress-expected = expected

## Quick fixes (the editor's code actions)

fix-figure = write the computed figure { $figure }{ $year }
fix-add-row = add `{ $term }` to the formula of this total
fix-replace = replace `{ $from }` by `{ $to }`

## Rename in the editor

rename-not-a-name = only the id of a measure, group, table or row can be renamed
rename-keyword = `{ $word }` is a keyword of the plan language, not a name: it cannot be renamed
rename-invalid = `{ $name }` cannot be an id: write letters, digits and `_`, with dots only between them (and none in a row's name), and no keyword
rename-taken = there is already a { $kind } `{ $name }`

## Figures beside the text in the editor

inlay-computed = computed { $figure }
inlay-target = saves { $reached }: { $verdict }
lens-target = saves { $reached } of target { $target } in { $year }: { $verdict }
lens-table = { $checked ->
    [one] 1 printed total checked
   *[other] { $checked } printed totals checked
}: { $wrong ->
    [0] { $checked ->
        [one] it adds up
       *[other] all add up
    }
    [one] 1 does not add up
   *[other] { $wrong } do not add up
}
lens-table-unverifiable = { $count ->
    [one] 1 cannot be checked: a line has an error of its own
   *[other] { $count } cannot be checked: a line has an error of its own
}
fix-figures = write the computed figure in each of the { $count } places this total differs
fix-close = close { $what } with `{"}"}` at the end of the file
snippet = a { $what ->
    [measure] measure with its owner and saving
    [group] group with its target
   *[table] table with its columns and a row
}
inlay-measure = saves { $saving } in { $year }
