/**
 * @file Tree-sitter grammar for grip plans (.plan): municipal savings plans.
 * @license MIT OR Apache-2.0
 *
 * grammar/plan.pest in the grip repository is the source of truth for the syntax; this grammar
 * follows it rule by rule (the rule names are the same where they can be) and is a little more
 * lenient where a check belongs to grip itself: it reads any figure as a `number` (grip explains
 * `1.5` and `1,171,494`), any four digits where a year may stand as a `year`, takes a keyword
 * where only a name can stand (`category saving`, which grip refuses), lets ids and names contain
 * dots, allows comments inside an amount (`€ /* x *\/ 1`), takes any scale after `in` (grip
 * wants `€ 1` followed by zeros), and lets the whitespace of text pasted from documents stand
 * anywhere between tokens (`-€ 1.600` with a space, which grip refuses). A plan's keywords are
 * English or Dutch (`measure`, `maatregel`); this grammar takes either word of every keyword, so it
 * also reads a plan that mixes the two, which grip refuses (`grip::mixed_keywords`).
 */

/// <reference types="tree-sitter-cli/dsl" />
// @ts-check

// KEYWORDS: the words of the language in English and in Dutch, as in `KEYWORDS` in
// src/syntax/keywords.rs and the KEYWORDS section of grammar/plan.pest; tests/editors.rs checks
// that the lists agree. Each entry is [English, Dutch], in the order of keywords.rs; `not needed`
// is `niet nodig` (its two words are two entries here). A keyword of several words in one
// language only is the list of its words (`replacement` is `vervangende dekking`): kw() reads
// it as those words one after the other, with any white space (or a comment) between them, as
// grammar/plan.pest does. Both languages may spell a keyword alike (`budget`), and a Dutch word
// may stand for two English ones: `in` is `in` and `by`, `kosten` is `cost` and `costs`. Every
// keyword in the rules below goes through kw(), named by its English word, which refuses a word
// missing from this list.
const KEYWORDS = [
  ['plan', 'plan'], ['municipality', 'gemeente'], ['adopted', 'vastgesteld'],
  ['period', 'periode'], ['currency', 'valuta'], ['tolerance', 'tolerantie'],
  ['include', 'invoegen'], ['text', 'tekst'], ['group', 'onderdeel'],
  ['target', 'taakstelling'], ['by', 'in'], ['total', 'totaal'], ['measure', 'maatregel'],
  ['budget', 'budget'], ['saving', 'besparing'], ['cost', 'kosten'], ['from', 'vanaf'],
  ['in', 'in'], ['share', 'aandeel'], ['of', 'van'], ['range', 'bandbreedte'],
  ['category', 'categorie'], ['owner', 'eigenaar'], ['start', 'startdatum'],
  ['end', 'einddatum'], ['decision', 'besluit'], ['needed', 'nodig'], ['not', 'niet'],
  ['planned', 'gepland'], ['status', 'status'], ['taakveld', 'taakveld'],
  ['related', 'relatie'], ['description', 'omschrijving'], ['indicator', 'indicator'],
  ['table', 'tabel'], ['as', 'als'], ['forecast', 'prognose'], ['actual', 'realisatie'],
  ['deficit', 'tekort'], ['revenue', 'opbrengst'], ['staffing', 'formatie'],
  ['columns', 'kolommen'], ['row', 'rij'], ['sum', 'som'], ['savings', 'besparingen'],
  ['costs', 'kosten'], ['cumulative', 'cumulatief'], ['previous', 'vorige'], ['fte', 'fte'], ['hours', 'uren'],
  ['sign', 'teken'], ['adverse', 'nadeel'], ['favourable', 'voordeel'],
  ['below', 'hieronder'], ['part', 'deel'], ['progress', 'voortgang'], ['moment', 'moment'],
  ['phase', 'fase'], ['realised', 'gerealiseerd'], ['expected', 'verwacht'],
  ['decided', 'besloten'], ['explanation', 'toelichting'],
  ['replacement', ['vervangende', 'dekking']], ['remaining', ['nog', 'te', 'realiseren']],
];

/** The index of a language in an entry of KEYWORDS. */
const EN = 0;
const NL = 1;

/**
 * The keyword whose English word is `word`, in one language: its word, or the list of its words
 * (`nog te realiseren`).
 * @param {number} language EN or NL
 * @param {string} word
 * @returns {string | string[]}
 */
function kwIn(language, word) {
  const entry = KEYWORDS.find(([english]) => english === word);
  if (!entry) {
    throw new Error(`\`${word}\` is not in KEYWORDS`);
  }
  return entry[language];
}

/**
 * The words of a keyword in one language, one after the other.
 * @param {string | string[]} spelling
 * @returns {RuleOrLiteral}
 */
function words(spelling) {
  return Array.isArray(spelling) ? seq(...spelling) : spelling;
}

/**
 * A keyword of the language, named by its English word: that word or its Dutch one
 * (`kw('group')` is `group` or `onderdeel`; `kw('budget')` is `budget`, the same in both;
 * `kw('remaining')` is `remaining` or `nog te realiseren`, three words).
 * @param {string} word
 * @returns {RuleOrLiteral}
 */
function kw(word) {
  const [english, dutch] = [kwIn(EN, word), kwIn(NL, word)];
  return english === dutch ? words(english) : choice(words(english), words(dutch));
}

/**
 * One or more of `rule`, separated by commas.
 * @param {RuleOrLiteral} rule
 */
function commaSep1(rule) {
  return seq(rule, repeat(seq(',', rule)));
}

module.exports = grammar({
  name: 'plan',

  // The spaces of text pasted from Word or a PDF are white space too: non-breaking (U+00A0),
  // figure (U+2007), thin (U+2009) and narrow no-break (U+202F) spaces. (`\s` is Unicode white
  // space and holds them already; they are listed as grammar/plan.pest lists them.)
  extras: $ => [/[\s\u00A0\u2007\u2009\u202F\uFEFF]/, $.comment],

  // Keywords are lexed as identifiers first, then recognised where the grammar expects one:
  // row and column names may be keywords (`total budget "Budget"`, `columns fte "Fte"`).
  word: $ => $.identifier,

  rules: {
    // -------------------------------------------------------------------------------------------
    // File structure
    // -------------------------------------------------------------------------------------------

    source_file: $ => repeat($._top_item),

    _top_item: $ => choice(
      $.plan_header,
      $.include,
      $.part_of,
      $.progress_header,
      $.moment,
      $.group,
      $.measure,
      $.table,
      $.declared_total,
      $.text_block,
    ),

    plan_header: $ => seq(
      kw('plan'),
      field('title', $.string),
      optional($.scale),
      '{',
      repeat($._header_field),
      '}',
    ),

    // `in € 1.000`: the euro figures written in this plan, group or table are in thousands
    // ("bedragen x € 1.000"); also `in € 1.000.000`, `in € 1 mln`.
    scale: $ => seq(kw('in'), $.money),

    _header_field: $ => choice(
      $.municipality,
      $.adopted,
      $.period,
      $.currency,
      $.tolerance,
      $.description,
    ),

    municipality: $ => seq(kw('municipality'), $.string),
    adopted: $ => seq(kw('adopted'), $.date),
    period: $ => seq(kw('period'), $.year, $._range_op, $.year),
    currency: $ => seq(kw('currency'), alias($.identifier, $.name)),
    tolerance: $ => seq(kw('tolerance'), $._quantity),

    include: $ => seq(kw('include'), field('path', $.string)),
    // `part of "main.plan"`: this file is a part of that plan.
    part_of: $ => seq(kw('part'), kw('of'), field('path', $.string)),

    // A free paragraph outside any measure.
    text_block: $ => seq(kw('text'), $.string),

    // -------------------------------------------------------------------------------------------
    // Progress: what was realised, per reporting moment
    // -------------------------------------------------------------------------------------------

    // `progress of "leudal.plan"`: this file reports the progress of that plan.
    progress_header: $ => seq(kw('progress'), kw('of'), field('path', $.string)),

    // `moment "2e bestuursrapportage 2021" 2021-10-15 { … }`: a reporting moment, its name and
    // date (`2021-10-15` or `2021-10`).
    moment: $ => seq(
      kw('moment'),
      field('name', $.string),
      field('date', $.date),
      '{',
      repeat(choice($.measure_progress, $.remaining_total, $.description)),
      '}',
    ),

    // `measure a1 { … }`: the progress of a measure of the plan, by its id.
    measure_progress: $ => seq(
      kw('measure'),
      field('id', alias($.identifier, $.id)),
      '{',
      repeat($._progress_field),
      '}',
    ),

    _progress_field: $ => choice(
      $.phase,
      $.realised,
      $.expected,
      $.decided,
      $.explanation,
      $.replacement,
    ),

    phase: $ => seq(kw('phase'), $.phase_number),
    realised: $ => seq(kw('realised'), $._amount, optional($._year_spec)),
    expected: $ => seq(kw('expected'), $._amount, optional($._year_spec)),
    decided: $ => seq(kw('decided'), $.date),
    explanation: $ => seq(kw('explanation'), $.string),
    // `vervangende dekking € 20.000 in 2021 "Vrijval budget mantelzorg"`: cover found elsewhere.
    replacement: $ => seq(
      kw('replacement'),
      $._amount,
      optional($._year_spec),
      field('what', $.string),
    ),
    // `total remaining € 1.200.000 in 2022`: what the report says is still to be realised.
    remaining_total: $ => seq(kw('total'), kw('remaining'), $._effect_value),

    // -------------------------------------------------------------------------------------------
    // Groups and measures
    // -------------------------------------------------------------------------------------------

    group: $ => seq(
      kw('group'),
      field('id', alias($.identifier, $.id)),
      field('title', $.string),
      optional($.scale),
      '{',
      repeat($._group_item),
      '}',
    ),

    _group_item: $ => choice(
      $.target,
      $.declared_total,
      $.measure,
      $.group,
      $.table,
      $.description,
      $.text_block,
    ),

    target: $ => seq(kw('target'), $._amount, kw('by'), $.year),

    // `total saving € 600.000` in a group (the group's total) or at the top level (the plan's).
    declared_total: $ => seq(kw('total'), $.effect_kind, $._effect_value),

    measure: $ => seq(
      kw('measure'),
      field('id', alias($.identifier, $.id)),
      field('title', $.string),
      '{',
      repeat($._measure_field),
      '}',
    ),

    _measure_field: $ => choice(
      $.budget,
      $.effect,
      $.share,
      $.estimate_range,
      $.category,
      $.owner,
      $.start_date,
      $.end_date,
      $.decision,
      $.status,
      $.taakveld,
      $.related,
      $.description,
      $.indicator,
    ),

    budget: $ => seq(kw('budget'), $._amount),

    effect: $ => seq($.effect_kind, $._effect_value),
    effect_kind: _ => choice(kw('saving'), kw('cost')),
    _effect_value: $ => choice($.yearly_values, seq($._amount, optional($._year_spec))),
    yearly_values: $ => seq($.year_amount, repeat(seq(optional(','), $.year_amount))),
    year_amount: $ => seq($.year, ':', $._amount),
    _year_spec: $ => choice($.from_year, $.in_year),
    from_year: $ => seq(kw('from'), $.year),
    in_year: $ => seq(kw('in'), $.year),

    share: $ => seq(kw('share'), $.quantity, kw('of'), kw('budget')),
    estimate_range: $ => seq(kw('range'), $._amount, $._range_op, $._amount),
    category: $ => seq(kw('category'), alias($.identifier, $.name)),
    owner: $ => seq(kw('owner'), $.string),
    start_date: $ => seq(kw('start'), $.date),
    end_date: $ => seq(kw('end'), $.date),

    decision: $ => seq(
      kw('decision'),
      choice(kw('needed'), $.not_needed),
      optional(seq(kw('in'), field('forum', $.string))),
      optional(seq(kw('planned'), field('when', choice($.quarter, $.date, $.year)))),
    ),
    // `not needed` or `niet nodig`; never one word of each language (`niet needed`).
    not_needed: _ => choice(
      seq(words(kwIn(EN, 'not')), words(kwIn(EN, 'needed'))),
      seq(words(kwIn(NL, 'not')), words(kwIn(NL, 'needed'))),
    ),

    status: $ => seq(kw('status'), $.string),
    taakveld: $ => seq(kw('taakveld'), commaSep1($.taakveld_code)),
    related: $ => seq(kw('related'), commaSep1(alias($.identifier, $.id))),
    description: $ => seq(kw('description'), $.string),
    indicator: $ => seq(kw('indicator'), field('label', $.string), $._quantity),

    // -------------------------------------------------------------------------------------------
    // Tables
    // -------------------------------------------------------------------------------------------

    table: $ => seq(
      kw('table'),
      field('id', alias($.identifier, $.id)),
      field('title', $.string),
      optional($.table_unit),
      optional($.role),
      '{',
      optional($.sign_rule),
      $.columns,
      repeat(choice($.row, $.total_row, $.description, $.sign_rule)),
      '}',
    ),

    // `in € 1.000` (a scale: the figures are thousands of euros) or `in fte` (a unit).
    table_unit: $ => seq(kw('in'), choice($.money, $.unit)),
    role: _ => seq(kw('as'), field('name', choice(
      kw('budget'), kw('forecast'), kw('actual'), kw('deficit'), kw('cost'), kw('revenue'),
      kw('staffing'), kw('saving'),
    ))),

    // The table's sign convention, as its footnote states it: `sign + = adverse` ("+ = nadeel").
    sign_rule: _ => seq(
      kw('sign'),
      field('sign', choice('+', '-')),
      '=',
      field('meaning', choice(kw('adverse'), kw('favourable'))),
    ),

    // A column is a year (`2021`; with the kind of figure the document prints in it, a footnote
    // mark and its heading: `begroting 2021`, `2019*`, `rekening 2020 "Rekening 2020"`), a span
    // of years (`raming 2023..2026`), a named column (`vast "Vaste formatie"`), or a total of
    // other columns (`totaal "Totaal" = sum`, `saldo "Saldo" = lasten - baten`).
    columns: $ => seq(kw('columns'), commaSep1(choice(
      $.year,
      $.year_column,
      $.year_span,
      $.named_column,
      $.total_column,
    ))),
    year_span: $ => seq(optional($._column_kind), $.year, $._range_op, $.year),
    // A year alone is a `year`; with a kind, a mark or a heading it is a `year_column`.
    year_column: $ => choice(
      seq($._column_kind, $.year, optional($.column_mark), optional(field('label', $.string))),
      seq($.year, $.column_mark, optional(field('label', $.string))),
      seq($.year, field('label', $.string)),
    ),
    _column_kind: $ => field('kind', alias($.identifier, $.column_kind)),
    column_mark: _ => /\*+/,
    // A named column; with `text` (`tekst`), a column of text (`soort "Incidenteel" text`).
    named_column: $ => seq(
      field('name', alias($.identifier, $.name)),
      field('label', $.string),
      optional(field('text', kw('text'))),
    ),
    total_column: $ => seq(
      field('name', alias($.identifier, $.name)),
      field('label', $.string),
      '=',
      field('formula', $._expr),
    ),

    row: $ => seq(
      kw('row'),
      field('name', alias($.identifier, $.name)),
      field('label', $.string),
      optional($.unit),
      optional($.role),
      optional($.taakveld),
      ':',
      $.cells,
    ),

    total_row: $ => seq(
      kw('total'),
      field('name', alias($.identifier, $.name)),
      field('label', $.string),
      optional($.unit),
      optional($.role),
      optional($.taakveld),
      '=',
      field('formula', $._expr),
      ':',
      $.cells,
    ),

    // `-` alone (or a dash as Word prints it, `–` or `—`) is an empty cell: the document prints
    // nothing in this column. `€ 1.000` is a figure pasted with its euro sign.
    cells: $ => repeat1(choice(
      $.pm,
      $.not_applicable,
      alias('-', $.empty_cell),
      alias('–', $.empty_cell),
      alias('—', $.empty_cell),
      $.euro_cell,
      $.marked_cell,
      $.number,
      // Text, in a text column: `"S"`.
      $.string,
    )),
    euro_cell: $ => seq($.euro, $.number),
    // A figure with the voordeel / nadeel mark printed after it: `445 V`, `€ 335.000 N`.
    marked_cell: $ => prec(1, seq(optional($.euro), $.number, $.vn_mark)),
    vn_mark: _ => choice('V', 'N', 'v', 'n'),

    // Formulas of total rows.
    _expr: $ => choice($.binary_expression, $._term, $.negation),
    // A formula may start with a sign: `= - H2.totaal`.
    negation: $ => seq(field('operator', choice('+', '-')), $._term),
    binary_expression: $ => prec.left(seq(
      field('left', $._expr),
      field('operator', choice('+', '-')),
      field('right', $._term),
    )),
    _term: $ => choice(
      $.sum_all,
      $.savings_of,
      $.costs_of,
      $.cumulative,
      $.previous,
      $.parenthesized,
      alias($.identifier, $.row_ref),
    ),
    // `sum`: the plain rows above, up to the previous total; `sum below`: the plain rows after
    // it, up to the next total.
    sum_all: _ => seq(kw('sum'), optional(kw('below'))),
    savings_of: $ => seq(kw('savings'), optional(seq('(', field('group', alias($.identifier, $.id)), ')'))),
    costs_of: $ => seq(kw('costs'), optional(seq('(', field('group', alias($.identifier, $.id)), ')'))),
    cumulative: $ => seq(kw('cumulative'), '(', $._expr, ')'),
    // `previous(eind)`: the part in brackets in the column before this one.
    previous: $ => seq(kw('previous'), '(', $._expr, ')'),
    parenthesized: $ => seq('(', $._expr, ')'),
    // A row of this table (`kosten`) or of another one (`C1.2.formatie`).

    // -------------------------------------------------------------------------------------------
    // Values
    // -------------------------------------------------------------------------------------------

    _amount: $ => choice($.pm, $._quantity),
    _quantity: $ => choice($.money, $.quantity),
    // `€ 1.600`, `€ -1.600`, `-€ 1.600`, `EUR 45.600`, `€ 1,5 mln`, `€ 2 mld`, `–€ 1.600`.
    money: $ => seq(
      optional(choice(
        alias('-', $.sign),
        alias('–', $.sign),
        alias('—', $.sign),
        alias('−', $.sign),
      )),
      $.euro,
      $.number,
      optional($.magnitude),
    ),
    // A million (`mln`, `miljoen`) or a thousand million (`mld`, `miljard`).
    magnitude: _ => /[mM]([lL][nN]|[iI][lL][jJ][oO][eE][nN]|[lL][dD]|[iI][lL][jJ][aA][rR][dD])/,
    // A number with its unit after it: `45.600 EUR`, `20%`, `0,6 fte`, `40 dossiers`, `320`.
    quantity: $ => seq($.number, optional($.unit)),

    // A count's name is any other word: `dossiers`, `cliënten`, `Jeugd-dossiers`.
    unit: $ => choice(
      $.euro,
      '%',
      kw('fte'),
      kw('hours'),
      alias($.identifier, $.count_unit),
      alias($._unicode_word, $.count_unit),
    ),

    // The lexical rules below come before `identifier` on purpose: where a year, a number or
    // `P.M.` and an identifier match the same text, the earlier rule wins (`2021`, `320`, `pm`).
    year: _ => /\d{4}/,
    // The phase of a measure at a moment: 0, 1, 2 or 3 (grip says what another number is).
    phase_number: _ => /\d+/,
    date: _ => /\d{4}-\d{2}(-\d{2})?/,
    quarter: _ => /\d{4}-[qQ][1-4]/,
    // Any run of digits, dots, commas and underscores, as a document prints it: grip reads it
    // as Dutch notation and explains the ones it cannot read. Also the forms text pasted from
    // documents has: `-/- 1.000` and `(1.000)` for a negative figure, `120.000,-` (`,=`, `,--`)
    // for whole euros, and a minus written as a dash (`–1.600`, `—1.600`, `−1.600`).
    number: _ => token(choice(
      /(-\/-[ \u00A0]*|[-+\u2013\u2014\u2212])?\d([\d_]|[.,]\d)*(,(--|-|=))?/,
      /\(\d([\d_]|[.,]\d)*(,(--|-|=))?\)/,
    )),
    taakveld_code: _ => /\d\.\d+[a-z]?/,
    euro: _ => token(choice('€', 'EUR', /[eE][uU][rR][oO][sS]?/)),
    // P.M. (pro memorie), with a sign where the document prints one: `-PM`, `+p.m.`.
    pm: _ => token(seq(
      optional(choice('-', '+', '–', '—', '−')),
      choice(/[pP]\.[mM]\.?/, /[pP][mM]/),
    )),
    // `n.v.t.` or `nvt` (niet van toepassing): the document prints no figure in this column.
    not_applicable: _ => token(choice(/[nN]\.[vV]\.[tT]\./, /[nN][vV][tT]/)),

    // Text pasted from Word may have “curly quotes” (or „low ones”): a curly string opens with
    // “, „ or ” and closes with ”, “ or a straight quote.
    string: _ => token(choice(
      seq('"""', /([^"]|"[^"]|""[^"])*/, '"""'),
      seq('"', repeat(choice('\\"', /[^"\n]/)), '"'),
      seq(/[\u201C\u201E\u201D]/, /[^\u201C\u201D"\n]*/, /[\u201D\u201C"]/),
    )),

    // A line comment ends at a line break of any kind (LF, CRLF, or the CR of old Mac files).
    comment: _ => token(choice(
      seq('//', /[^\r\n]*/),
      seq('#', /[^\r\n]*/),
      seq('/*', /[^*]*\*+([^/*][^*]*\*+)*/, '/'),
    )),

    // Ids of groups, measures and tables (`A`, `A.1`, `b4`, `1.6`, `C1.2`), row references
    // (`C1.2.formatie`), row and column names, categories. Also the word of every keyword.
    identifier: _ => /[A-Za-z0-9_]+(\.[A-Za-z0-9_]+)*/,
    _unicode_word: _ => /\p{L}[\p{L}-]*/,

    _range_op: _ => choice('..', '–'),
  },
});
