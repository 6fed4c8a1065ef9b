//! A fast front end for the common case: a hand-written byte scanner that reads a top-level
//! piece of a plan (the pieces [`super::parse::parse_in_pieces_of`] cuts) straight into the AST,
//! with the spans the pest path gives.
//!
//! `grammar/plan.pest` stays the specification of the syntax and the only source of syntax
//! errors. This scanner reads what dominates large plans: the plan header, groups, measures and
//! their fields, targets and declared totals, in either keyword language (the words come from
//! [`super::keywords::KEYWORDS`], never from a list of its own). Tables are handed to pest one
//! by one. Anything else it does not fully accept — progress moments, includes, a scale, a
//! number in a pasted form, a duplicate field, a keyword of the other language, a figure or a
//! date grip cannot read, any syntax error — makes it answer "not mine" (`None`), and the piece
//! is parsed by pest exactly as before, so every problem a user sees comes from the pest path.
//!
//! `tests/front_ends.rs` and the `front_ends` fuzz target check that both give the same AST.

use super::ast::*;
use super::keywords::{self, Detected, Keyword};
use super::number::parse_dutch;
use super::parse::{pest_table, role_of, string_value, Rule};
use crate::lang::Lang;
use rust_decimal::Decimal;
use std::sync::OnceLock;

/// The keywords the fast front end reads itself, in the contexts it reads them. A test keeps
/// this list and [`PEST_ONLY`] together equal to the keyword table, so a keyword added to the
/// grammar must be placed in one of them.
pub const HANDLED: &[Rule] = &[
    Rule::kw_plan,
    Rule::kw_municipality,
    Rule::kw_adopted,
    Rule::kw_period,
    Rule::kw_currency,
    Rule::kw_tolerance,
    Rule::kw_text,
    Rule::kw_group,
    Rule::kw_target,
    Rule::kw_by,
    Rule::kw_total,
    Rule::kw_measure,
    Rule::kw_budget,
    Rule::kw_saving,
    Rule::kw_cost,
    Rule::kw_from,
    Rule::kw_in,
    Rule::kw_share,
    Rule::kw_of,
    Rule::kw_range,
    Rule::kw_category,
    Rule::kw_owner,
    Rule::kw_start,
    Rule::kw_end,
    Rule::kw_decision,
    Rule::kw_needed,
    Rule::kw_not_needed,
    Rule::kw_planned,
    Rule::kw_status,
    Rule::kw_taakveld,
    Rule::kw_related,
    Rule::kw_description,
    Rule::kw_indicator,
    Rule::kw_fte,
    Rule::kw_hours,
    // In tables.
    Rule::kw_table,
    Rule::kw_as,
    Rule::kw_forecast,
    Rule::kw_actual,
    Rule::kw_deficit,
    Rule::kw_revenue,
    Rule::kw_staffing,
    Rule::kw_columns,
    Rule::kw_row,
    Rule::kw_sum,
    Rule::kw_savings,
    Rule::kw_costs,
    Rule::kw_previous,
    Rule::kw_cumulative,
    Rule::kw_below,
];

/// Keywords only pest reads: a piece (or table) that uses them goes to pest.
pub const PEST_ONLY: &[Rule] = &[
    Rule::kw_include,
    Rule::kw_sign,
    Rule::kw_adverse,
    Rule::kw_favourable,
    Rule::kw_part,
    Rule::kw_progress,
    Rule::kw_moment,
    Rule::kw_phase,
    Rule::kw_realised,
    Rule::kw_expected,
    Rule::kw_decided,
    Rule::kw_explanation,
    Rule::kw_replacement,
    Rule::kw_remaining,
];

const TOP: &[Rule] = &[Rule::kw_measure, Rule::kw_group, Rule::kw_total, Rule::kw_table, Rule::kw_plan, Rule::kw_text];
const HEADER: &[Rule] = &[
    Rule::kw_municipality,
    Rule::kw_adopted,
    Rule::kw_period,
    Rule::kw_currency,
    Rule::kw_tolerance,
    Rule::kw_description,
];
const GROUP: &[Rule] = &[
    Rule::kw_measure,
    Rule::kw_group,
    Rule::kw_target,
    Rule::kw_total,
    Rule::kw_table,
    Rule::kw_description,
    Rule::kw_text,
];
const MEASURE: &[Rule] = &[
    Rule::kw_saving,
    Rule::kw_cost,
    Rule::kw_budget,
    Rule::kw_share,
    Rule::kw_range,
    Rule::kw_category,
    Rule::kw_owner,
    Rule::kw_start,
    Rule::kw_end,
    Rule::kw_decision,
    Rule::kw_status,
    Rule::kw_taakveld,
    Rule::kw_related,
    Rule::kw_description,
    Rule::kw_indicator,
];
const EFFECT_KIND: &[Rule] = &[Rule::kw_saving, Rule::kw_cost];
const ROLE: &[Rule] = &[
    Rule::kw_budget,
    Rule::kw_forecast,
    Rule::kw_actual,
    Rule::kw_deficit,
    Rule::kw_cost,
    Rule::kw_revenue,
    Rule::kw_staffing,
    Rule::kw_saving,
];

/// The words of a context: each keyword's English and Dutch word, with the keyword.
struct Words(Vec<(&'static str, &'static Keyword)>);

struct Tables {
    top: Words,
    header: Words,
    group: Words,
    measure: Words,
    effect_kind: Words,
    role: Words,
    table_item: Words,
    /// The keywords a formula's term may start with.
    term: Words,
    /// Every single word of every keyword, both languages (`not needed` as two), sorted.
    all: Vec<&'static str>,
}

fn tables() -> &'static Tables {
    static TABLES: OnceLock<Tables> = OnceLock::new();
    TABLES.get_or_init(|| {
        let words = Words::of;
        let mut all: Vec<&'static str> = Lang::ALL.iter().flat_map(|l| keywords::words(*l)).collect();
        all.sort_unstable();
        all.dedup();
        Tables {
            top: words(TOP),
            header: words(HEADER),
            group: words(GROUP),
            measure: words(MEASURE),
            effect_kind: words(EFFECT_KIND),
            role: words(ROLE),
            table_item: words(&[Rule::kw_row, Rule::kw_total]),
            term: words(&[Rule::kw_sum, Rule::kw_savings, Rule::kw_costs, Rule::kw_cumulative, Rule::kw_previous]),
            all,
        }
    })
}

impl Words {
    /// The words of `rules`' keywords, sorted for [`Words::find`].
    fn of(rules: &[Rule]) -> Words {
        let mut words: Vec<(&'static str, &'static Keyword)> =
            rules.iter().filter_map(|r| keywords::of_rule(*r)).flat_map(|k| [(k.en, k), (k.nl, k)]).collect();
        words.sort_unstable_by_key(|(w, _)| *w);
        words.dedup_by_key(|(w, _)| *w);
        Words(words)
    }

    fn find(&self, word: &str) -> Option<&'static Keyword> {
        self.0.binary_search_by_key(&word, |(w, _)| *w).ok().map(|i| self.0[i].1)
    }
}

/// Whether `word` is a word of a keyword in either language: what the grammar's `keyword` rule
/// matches at the start of a whole word.
fn is_keyword_word(word: &str) -> bool {
    tables().all.binary_search(&word).is_ok()
}

/// Reads a top-level piece (`text`, which starts at byte `base` of the file) into its items, or
/// `None` when the fast front end does not accept all of it.
pub fn parse_piece(file: FileId, text: &str, base: usize, language: Option<Detected>) -> Option<Vec<Item>> {
    read_piece(file, text, base, language).ok()
}

/// [`parse_piece`], saying where in `text` the fast front end stopped when it hands the piece
/// back (about there: it may have looked a little further).
pub fn read_piece(file: FileId, text: &str, base: usize, language: Option<Detected>) -> Result<Vec<Item>, usize> {
    let mut fast = Fast { t: text, s: text.as_bytes(), i: 0, file, base, language, depth: 0 };
    fast.items().ok_or(fast.i)
}

/// The table whose keyword starts at byte `at` of `text`, read by the fast front end itself
/// (`None`: it would hand the table to the grammar). For the tests that hold the fast front
/// end to reading the tables of generated plans.
#[doc(hidden)]
pub fn plain_table_at(file: FileId, text: &str, at: usize, language: Option<Detected>) -> Option<Table> {
    let mut fast = Fast { t: text, s: text.as_bytes(), i: at, file, base: 0, language, depth: 0 };
    fast.keyword(Rule::kw_table)?;
    fast.plain_table(at)
}

/// A value of `yearly_values`: its year, its amount and the span of both.
type YearValue = (Spanned<u16>, Spanned<Amount>, Span);

struct Fast<'a> {
    t: &'a str,
    s: &'a [u8],
    i: usize,
    file: FileId,
    base: usize,
    language: Option<Detected>,
    /// Groups open around the cursor: deeper than the parser allows is not ours.
    depth: usize,
}

fn ident_char(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b == b'_'
}

impl<'a> Fast<'a> {
    fn span(&self, start: usize, end: usize) -> Span {
        Span::new(self.file, self.base + start, self.base + end)
    }

    fn byte(&self, at: usize) -> u8 {
        self.s.get(at).copied().unwrap_or(0)
    }

    /// Where the grammar's WHITESPACE (spaces of every kind pasted text has) ends from `at`.
    fn plain_ws_from(&self, mut at: usize) -> usize {
        loop {
            match self.byte(at) {
                b' ' | b'\n' | b'\t' | b'\r' => at += 1,
                0xC2 if self.byte(at + 1) == 0xA0 => at += 2,
                0xE2 if self.byte(at + 1) == 0x80 && matches!(self.byte(at + 2), 0x87 | 0x89 | 0xAF) => at += 3,
                0xEF if self.byte(at + 1) == 0xBB && self.byte(at + 2) == 0xBF => at += 3,
                _ => return at,
            }
        }
    }

    /// Skips what pest skips between the parts of a rule: WHITESPACE and comments. `None` for a
    /// block comment that never ends (a syntax error).
    fn ws(&mut self) -> Option<()> {
        loop {
            self.i = self.plain_ws_from(self.i);
            match self.byte(self.i) {
                b'#' => self.skip_line(),
                b'/' if self.byte(self.i + 1) == b'/' => self.skip_line(),
                b'/' if self.byte(self.i + 1) == b'*' => {
                    let end = self.t.get(self.i + 2..)?.find("*/")?;
                    self.i += 2 + end + 2;
                }
                _ => return Some(()),
            }
        }
    }

    fn skip_line(&mut self) {
        while self.i < self.s.len() && !matches!(self.s[self.i], b'\n' | b'\r') {
            self.i += 1;
        }
    }

    fn eat(&mut self, b: u8) -> Option<()> {
        (self.byte(self.i) == b).then(|| self.i += 1)
    }

    /// The run of identifier characters at the cursor.
    fn word(&self) -> &'a str {
        let rest = self.s.get(self.i..).unwrap_or(&[]);
        let end = rest.iter().position(|b| !ident_char(*b)).map_or(self.s.len(), |e| self.i + e);
        // Identifier characters are ASCII, so both ends are character boundaries.
        self.t.get(self.i..end).unwrap_or("")
    }

    /// Whether a keyword written as `word` is allowed: not the other language's word when the
    /// plan's language is known (pest's path reports that, so it is not ours).
    fn lang_ok(&self, k: &Keyword, word: &str) -> bool {
        match self.language {
            Some(d) if k.en != k.nl => word != k.word(d.lang.other()),
            _ => true,
        }
    }

    /// The keyword of `words` at the cursor, consumed.
    fn keyword_of(&mut self, words: &Words) -> Option<Rule> {
        let word = self.word();
        let k = words.find(word)?;
        if !self.lang_ok(k, word) {
            return None;
        }
        self.i += word.len();
        Some(k.rule)
    }

    /// The keyword `rule` at the cursor, consumed (a one-word keyword).
    fn keyword(&mut self, rule: Rule) -> Option<()> {
        let word = self.word();
        let k = keywords::of_rule(rule)?;
        if (word == k.en || word == k.nl) && self.lang_ok(k, word) {
            self.i += word.len();
            return Some(());
        }
        None
    }

    fn is_word(&self, rule: Rule) -> bool {
        let word = self.word();
        keywords::of_rule(rule).is_some_and(|k| word == k.en || word == k.nl)
    }

    // -----------------------------------------------------------------------------------------
    // Values
    // -----------------------------------------------------------------------------------------

    /// `string`: triple-quoted, plain or curly.
    fn string(&mut self) -> Option<Spanned<String>> {
        let start = self.i;
        let rest = self.t.get(start..)?;
        let end = if rest.starts_with("\"\"\"") {
            start + 3 + rest.get(3..)?.find("\"\"\"")? + 3
        } else if rest.starts_with('"') {
            let mut j = start + 1;
            loop {
                match self.s.get(j) {
                    Some(b'"') => break j + 1,
                    None | Some(b'\n') => return None,
                    Some(b'\\') => j += if self.byte(j + 1) == b'"' { 2 } else { 1 },
                    Some(_) => j += 1,
                }
            }
        } else if rest.starts_with(['\u{201C}', '\u{201E}', '\u{201D}']) {
            let open = rest.chars().next()?.len_utf8();
            let inner = rest.get(open..)?;
            let stop = inner.find(['\u{201C}', '\u{201D}', '"', '\n'])?;
            let close = inner.get(stop..)?.chars().next()?;
            if close == '\n' {
                return None;
            }
            start + open + stop + close.len_utf8()
        } else {
            return None;
        };
        self.i = end;
        Some(Spanned::new(string_value(self.t.get(start..end)?), self.span(start, end)))
    }

    fn digits_at(&self, at: usize, n: usize) -> bool {
        (at..at + n).all(|j| self.byte(j).is_ascii_digit())
    }

    /// `year`: four digits not followed by a digit or a decimal part.
    fn year(&mut self) -> Option<Spanned<u16>> {
        let start = self.i;
        if !self.year_at(start) {
            return None;
        }
        let value = self.t.get(start..start + 4)?.parse::<u16>().ok()?;
        self.i = start + 4;
        Some(Spanned::new(value, self.span(start, start + 4)))
    }

    fn year_at(&self, at: usize) -> bool {
        let next = self.byte(at + 4);
        self.digits_at(at, 4)
            && !next.is_ascii_digit()
            && !(matches!(next, b'.' | b',') && self.byte(at + 5).is_ascii_digit())
    }

    /// `date`: `2024-06-27` or `2024-06`, and a real date.
    fn date(&mut self) -> Option<Spanned<Date>> {
        let start = self.i;
        if !(self.digits_at(start, 4) && self.byte(start + 4) == b'-' && self.digits_at(start + 5, 2)) {
            return None;
        }
        let mut end = start + 7;
        let mut day = None;
        if self.byte(end) == b'-' && self.digits_at(end + 1, 2) {
            day = Some(self.t.get(end + 1..end + 3)?.parse::<u8>().ok()?);
            end += 3;
        }
        let year = self.t.get(start..start + 4)?.parse::<u16>().ok()?;
        let month = self.t.get(start + 5..start + 7)?.parse::<u8>().ok()?;
        if !(1..=12).contains(&month) {
            return None;
        }
        if let Some(d) = day {
            if d < 1 || d > super::parse::days_in_month(year, month) {
                return None;
            }
        }
        self.i = end;
        Some(Spanned::new(Date { year, month, day }, self.span(start, end)))
    }

    /// `when`: a quarter (`2025-Q3`), a date or a year.
    fn when(&mut self) -> Option<Spanned<When>> {
        let start = self.i;
        if self.digits_at(start, 4)
            && self.byte(start + 4) == b'-'
            && matches!(self.byte(start + 5), b'q' | b'Q')
            && matches!(self.byte(start + 6), b'1'..=b'4')
        {
            let y = self.t.get(start..start + 4)?.parse::<u16>().ok()?;
            self.i = start + 7;
            return Some(Spanned::new(When::Quarter(y, self.byte(start + 6) - b'0'), self.span(start, self.i)));
        }
        if self.digits_at(start, 4) && self.byte(start + 4) == b'-' && self.digits_at(start + 5, 2) {
            let d = self.date()?;
            return Some(Spanned::new(When::Date(d.value), d.span));
        }
        let y = self.year()?;
        Some(Spanned::new(When::Year(y.value), y.span))
    }

    /// `number` in its plain forms (a sign, digits, dots, commas and underscores), read by
    /// `number.rs`; the pasted forms (`-/- 1.000`, `(1.000)`, `–1.600`, `120.000,-`) and any
    /// figure `number.rs` refuses are not ours.
    fn number(&mut self) -> Option<Decimal> {
        let start = self.i;
        let mut j = start;
        if matches!(self.byte(j), b'-' | b'+') {
            j += 1;
        }
        if !self.byte(j).is_ascii_digit() {
            return None;
        }
        j += 1;
        loop {
            match self.byte(j) {
                b'0'..=b'9' | b'_' => j += 1,
                b'.' | b',' if self.byte(j + 1).is_ascii_digit() => j += 2,
                _ => break,
            }
        }
        if self.byte(j) == b',' && matches!(self.byte(j + 1), b'-' | b'=') {
            return None;
        }
        let raw = self.t.get(start..j)?;
        let value = match plain_number(raw) {
            Some(v) => v,
            None => parse_dutch(raw).ok()?,
        };
        self.i = j;
        Some(value)
    }

    /// `pm`: P.M. with an optional sign; `Some(negative)`.
    fn pm(&mut self) -> Option<bool> {
        let mut j = self.i;
        let negative = self.byte(j) == b'-';
        if matches!(self.byte(j), b'-' | b'+') {
            j += 1;
        }
        let rest = self.s.get(j..)?;
        let ci = |lit: &[u8]| rest.len() >= lit.len() && rest[..lit.len()].eq_ignore_ascii_case(lit);
        let len = if ci(b"p.m.") {
            4
        } else if ci(b"p.m") {
            3
        } else if ci(b"pm") && !ident_char(self.byte(j + 2)) {
            2
        } else {
            return None;
        };
        self.i = j + len;
        Some(negative)
    }

    /// Whether a magnitude word (`mln`, `miljoen`, `mld`, `miljard`) stands at `at`.
    fn magnitude_at(&self, at: usize) -> bool {
        let end = self.s[at.min(self.s.len())..].iter().position(|b| !ident_char(*b)).map_or(self.s.len(), |e| at + e);
        let word = self.t.get(at..end).unwrap_or("");
        ["mln", "miljoen", "mld", "miljard"].iter().any(|m| word.eq_ignore_ascii_case(m))
    }

    /// `quantity` with the unit after a plain number: `€ 1.600`, `20%`, `2,1 fte`, `40 dossiers`.
    fn quantity(&mut self) -> Option<Spanned<Quantity>> {
        let start = self.i;
        if self.t.get(start..)?.starts_with('€') {
            self.i = self.plain_ws_from(start + '€'.len_utf8());
            let value = self.number()?;
            let after = self.plain_ws_from(self.i);
            if after > self.i && self.magnitude_at(after) {
                return None;
            }
            return Some(Spanned::new(Quantity::new(value, Unit::Euro), self.span(start, self.i)));
        }
        if !matches!(self.byte(start), b'0'..=b'9' | b'-' | b'+') {
            return None;
        }
        let value = self.number()?;
        let end_number = self.i;
        let after = self.plain_ws_from(end_number);
        if self.byte(after) == b'%' {
            self.i = after + 1;
            return Some(Spanned::new(Quantity::new(value, Unit::Percent), self.span(start, self.i)));
        }
        self.ws()?;
        let unit = match self.byte(self.i) {
            b'%' => return None,
            b if b.is_ascii_alphabetic() => {
                let word = self.word();
                let lower = word.to_ascii_lowercase();
                if lower == "euro" || lower == "euros" || word == "EUR" || self.magnitude_at(self.i) {
                    return None;
                }
                if self.is_word(Rule::kw_fte) {
                    self.keyword(Rule::kw_fte)?;
                    Some(Unit::Fte)
                } else if self.is_word(Rule::kw_hours) {
                    self.keyword(Rule::kw_hours)?;
                    Some(Unit::Hours)
                } else if is_keyword_word(word) {
                    None
                } else {
                    // `count_unit`: letters and dashes; only the plain ASCII ones are ours.
                    let next = self.byte(self.i + word.len());
                    if !word.bytes().all(|b| b.is_ascii_alphabetic()) || next == b'-' || next >= 0x80 {
                        return None;
                    }
                    self.i += word.len();
                    Some(Unit::Count(Some(word.to_string())))
                }
            }
            b if b >= 0x80 => {
                // `€` after a comment or a line break, or a letter beyond ASCII: not ours.
                return None;
            }
            _ => None,
        };
        let unit = match unit {
            Some(u) => u,
            None => {
                self.i = end_number;
                Unit::Count(None)
            }
        };
        Some(Spanned::new(Quantity::new(value, unit), self.span(start, self.i)))
    }

    /// `amount`: P.M. or a quantity.
    fn amount(&mut self) -> Option<Spanned<Amount>> {
        let start = self.i;
        if let Some(negative) = self.pm() {
            return Some(Spanned::new(Amount::Pm { negative }, self.span(start, self.i)));
        }
        let q = self.quantity()?;
        Some(Spanned::new(Amount::Known(q.value), q.span))
    }

    /// `item_id`: `A`, `A.1`, `C1.2`.
    fn item_id(&mut self) -> Option<Spanned<String>> {
        let start = self.i;
        if !ident_char(self.byte(start)) {
            return None;
        }
        let mut j = start + 1;
        loop {
            match self.byte(j) {
                b if ident_char(b) => j += 1,
                b'.' if ident_char(self.byte(j + 1)) => j += 2,
                _ => break,
            }
        }
        self.i = j;
        Some(Spanned::new(self.t.get(start..j)?.to_string(), self.span(start, j)))
    }

    /// `ident`: a word that is not a keyword.
    fn ident(&mut self) -> Option<Spanned<String>> {
        let start = self.i;
        let word = self.word();
        if !(self.byte(start).is_ascii_alphabetic() || self.byte(start) == b'_') || is_keyword_word(word) {
            return None;
        }
        self.i += word.len();
        Some(Spanned::new(word.to_string(), self.span(start, self.i)))
    }

    /// `taakveld_code`: `6.3`, `6.72a`.
    fn taakveld_code(&mut self) -> Option<Spanned<String>> {
        let start = self.i;
        if !(self.byte(start).is_ascii_digit() && self.byte(start + 1) == b'.' && self.byte(start + 2).is_ascii_digit())
        {
            return None;
        }
        let mut j = start + 3;
        while self.byte(j).is_ascii_digit() {
            j += 1;
        }
        if self.byte(j).is_ascii_lowercase() {
            j += 1;
        }
        self.i = j;
        Some(Spanned::new(self.t.get(start..j)?.to_string(), self.span(start, j)))
    }

    /// `range_op`: `..` or `–`.
    fn range_op(&mut self) -> Option<()> {
        if self.s.get(self.i..self.i + 2) == Some(b"..") {
            self.i += 2;
            return Some(());
        }
        if self.t.get(self.i..)?.starts_with('\u{2013}') {
            self.i += '\u{2013}'.len_utf8();
            return Some(());
        }
        None
    }

    /// `year_spec?` after an amount: `from 2024`, `in 2021`, or nothing.
    fn year_spec(&mut self) -> Option<YearSpec> {
        let save = self.i;
        self.ws()?;
        let rule = if self.is_word(Rule::kw_from) {
            Rule::kw_from
        } else if self.is_word(Rule::kw_in) {
            Rule::kw_in
        } else {
            self.i = save;
            return Some(YearSpec::Always);
        };
        self.keyword(rule)?;
        self.ws()?;
        let year = self.year()?;
        Some(if rule == Rule::kw_from { YearSpec::From(year) } else { YearSpec::In(year) })
    }

    /// Whether a `year_amount` (`2021: …`) starts at the cursor.
    fn yearly_ahead(&mut self) -> Option<bool> {
        let save = self.i;
        let found = self.year().is_some() && self.ws().is_some() && self.byte(self.i) == b':';
        self.i = save;
        Some(found)
    }

    /// `yearly_values`: `2021: € 1, 2022: € 2`, each value with its year and its span.
    fn yearly_values(&mut self) -> Option<Vec<YearValue>> {
        let mut out = Vec::new();
        loop {
            let start = self.i;
            let year = self.year()?;
            self.ws()?;
            self.eat(b':')?;
            self.ws()?;
            let amount = self.amount()?;
            out.push((year, amount, self.span(start, self.i)));
            let save = self.i;
            self.ws()?;
            if self.eat(b',').is_some() {
                self.ws()?;
            }
            if !self.yearly_ahead()? {
                self.i = save;
                return Some(out);
            }
        }
    }

    /// `total saving …` after `total`: the declared total, from `start`.
    fn declared_total(&mut self, start: usize) -> Option<DeclaredTotal> {
        self.ws()?;
        let kind = match self.keyword_of(&tables().effect_kind)? {
            Rule::kw_cost => EffectKind::Cost,
            _ => EffectKind::Saving,
        };
        self.ws()?;
        let mut values = Vec::new();
        if self.yearly_ahead()? {
            for (year, amount, _) in self.yearly_values()? {
                values.push(DeclaredValue { year: Some(year), amount });
            }
        } else {
            let amount = self.amount()?;
            let year = match self.year_spec()? {
                YearSpec::Always => None,
                YearSpec::From(y) | YearSpec::In(y) => Some(y),
            };
            values.push(DeclaredValue { year, amount });
        }
        Some(DeclaredTotal { kind, values, span: self.span(start, self.i) })
    }

    // -----------------------------------------------------------------------------------------
    // Blocks
    // -----------------------------------------------------------------------------------------

    fn items(&mut self) -> Option<Vec<Item>> {
        let mut items = Vec::new();
        loop {
            self.ws()?;
            if self.i >= self.s.len() {
                return Some(items);
            }
            let start = self.i;
            let item = match self.keyword_of(&tables().top)? {
                Rule::kw_measure => Item::Measure(Box::new(self.measure(start)?)),
                Rule::kw_group => Item::Group(self.group(start)?),
                Rule::kw_total => Item::Total(self.declared_total(start)?),
                Rule::kw_table => Item::Table(self.table(start)?),
                Rule::kw_plan => Item::Header(Box::new(self.header(start)?)),
                _ => {
                    self.ws()?;
                    Item::Text(self.string()?)
                }
            };
            items.push(item);
        }
    }

    /// A table, from its keyword at `start` (the cursor is after it): read here in the forms
    /// generated and most written plans use (year columns, rows and totals with a unit, role
    /// and taakveld, formulas, plain figures, `-` and P.M.); anything else (a unit or scale of
    /// the table, a sign rule, named, total or text columns, marks, text or pasted cells, a
    /// description) is read by the grammar, the table alone.
    fn table(&mut self, start: usize) -> Option<Table> {
        let after_keyword = self.i;
        if let Some(table) = self.plain_table(start) {
            return Some(table);
        }
        self.i = after_keyword;
        let (table, end) = pest_table(self.file, self.t, self.base, start, self.language)?;
        self.i = end;
        Some(table)
    }

    fn plain_table(&mut self, start: usize) -> Option<Table> {
        let (id, title) = self.head()?;
        let role = self.role()?;
        self.ws()?;
        self.eat(b'{')?;
        self.ws()?;
        let columns_start = self.i;
        self.keyword(Rule::kw_columns)?;
        let mut columns = Vec::new();
        loop {
            self.ws()?;
            let cstart = self.i;
            let first = self.year()?;
            let save = self.i;
            self.ws()?;
            let column = |y: u16, span: Span| Column {
                key: ColumnKey::Year(y),
                label: None,
                kind: None,
                mark: None,
                formula: None,
                text: false,
                span,
            };
            if self.range_op().is_some() {
                self.ws()?;
                let last = self.year()?;
                // Reversed or too many years: reported by the grammar's path.
                if first.value > last.value || last.value - first.value >= super::parse::MAX_COLUMN_YEARS {
                    return None;
                }
                let span = self.span(cstart, self.i);
                columns.extend((first.value..=last.value).map(|y| column(y, span)));
            } else {
                // A mark (`2019*`) or a heading after the year is the grammar's.
                if matches!(self.byte(self.i), b'*' | b'"')
                    || self.t.get(self.i..)?.starts_with(['\u{201C}', '\u{201E}'])
                {
                    return None;
                }
                self.i = save;
                columns.push(column(first.value, first.span));
            }
            let end = self.i;
            if !self.comma_then()? {
                self.i = end;
                break;
            }
        }
        let columns_span = self.span(columns_start, self.i);
        let mut rows = Vec::new();
        let mut bare = Vec::new();
        loop {
            self.ws()?;
            if self.eat(b'}').is_some() {
                break;
            }
            let rstart = self.i;
            let total = self.keyword_of(&tables().table_item)? == Rule::kw_total;
            rows.push(self.row(rstart, total, &mut bare)?);
        }
        // A bare `sum`, `savings` or `costs` is a row of that name where the table has one (row
        // names may be any word); else the keyword, which must then be the plan's language.
        let names: Vec<String> = rows.iter().map(|r| r.id.value.clone()).collect();
        for r in &mut rows {
            if let Some(f) = &mut r.formula {
                self.bare_terms_as_rows(f, &bare, &names)?;
            }
        }
        Some(Table {
            id,
            title,
            unit: None,
            scale: None,
            role,
            sign: None,
            columns,
            columns_span,
            rows,
            descriptions: Vec::new(),
            span: self.span(start, self.i),
        })
    }

    /// Makes each bare `sum`, `savings` and `costs` of `e` that names a row (`names`) a row
    /// reference; `None` when one that stays a keyword is written in the other language (the
    /// grammar's path reports it).
    fn bare_terms_as_rows(&self, e: &mut Expr, bare: &[(Span, &'a str)], names: &[String]) -> Option<()> {
        match e {
            Expr::Sum(span) | Expr::Savings(None, span) | Expr::Costs(None, span) => {
                let Some(&(_, word)) = bare.iter().find(|(s, _)| s == span) else { return Some(()) };
                if names.iter().any(|n| n == word) {
                    *e = Expr::Row(Spanned::new(word.to_string(), *span));
                } else {
                    let k = tables().term.find(word)?;
                    if !self.lang_ok(k, word) {
                        return None;
                    }
                }
                Some(())
            }
            Expr::Cumulative(inner, _) | Expr::Previous(inner, _) => self.bare_terms_as_rows(inner, bare, names),
            Expr::Terms(terms, _) => terms.iter_mut().try_for_each(|(_, t)| self.bare_terms_as_rows(t, bare, names)),
            Expr::Row(_) | Expr::SumBelow(_) | Expr::Savings(Some(_), _) | Expr::Costs(Some(_), _) => Some(()),
        }
    }

    /// `id "title"` of a table, after its keyword.
    fn head(&mut self) -> Option<(Spanned<String>, Spanned<String>)> {
        self.ws()?;
        let id = self.item_id()?;
        self.ws()?;
        let title = self.string()?;
        Some((id, title))
    }

    /// `role?`: `as cost` (`als kosten`), or nothing (the cursor stays).
    fn role(&mut self) -> Option<Option<Spanned<Role>>> {
        let save = self.i;
        self.ws()?;
        let start = self.i;
        if !self.is_word(Rule::kw_as) {
            self.i = save;
            return Some(None);
        }
        self.keyword(Rule::kw_as)?;
        self.ws()?;
        let role = role_of(self.keyword_of(&tables().role)?);
        Some(Some(Spanned::new(role, self.span(start, self.i))))
    }

    /// A `row` or `total` row of a table, after its keyword (at `start`); the bare `sum`,
    /// `savings` and `costs` of its formula go to `bare`.
    fn row(&mut self, start: usize, total: bool, bare: &mut Vec<(Span, &'a str)>) -> Option<Row> {
        self.ws()?;
        let nstart = self.i;
        if !(self.byte(nstart).is_ascii_alphabetic() || self.byte(nstart) == b'_') {
            return None;
        }
        let name = self.word();
        self.i += name.len();
        let id = Spanned::new(name.to_string(), self.span(nstart, self.i));
        self.ws()?;
        let label = self.string()?;
        // `row_options`: unit? role? taakveld?
        let save = self.i;
        self.ws()?;
        let ustart = self.i;
        let unit = if self.is_word(Rule::kw_fte) {
            self.keyword(Rule::kw_fte)?;
            Some(Unit::Fte)
        } else if self.is_word(Rule::kw_hours) {
            self.keyword(Rule::kw_hours)?;
            Some(Unit::Hours)
        } else if self.byte(ustart).is_ascii_alphabetic() && !is_keyword_word(self.word()) {
            // `count_unit`: only plain ASCII letters are ours (not `euro`, a magnitude, a dash).
            let word = self.word();
            let next = self.byte(ustart + word.len());
            let lower = word.to_ascii_lowercase();
            if !word.bytes().all(|b| b.is_ascii_alphabetic())
                || next == b'-'
                || next >= 0x80
                || lower == "euro"
                || lower == "euros"
                || word == "EUR"
                || self.magnitude_at(ustart)
            {
                return None;
            }
            self.i += word.len();
            Some(Unit::Count(Some(word.to_string())))
        } else {
            self.i = save;
            None
        };
        let unit = unit.map(|u| Spanned::new(u, self.span(ustart, self.i)));
        let role = self.role()?;
        let save = self.i;
        self.ws()?;
        let mut taakvelden = Vec::new();
        if self.is_word(Rule::kw_taakveld) {
            self.keyword(Rule::kw_taakveld)?;
            self.ws()?;
            taakvelden.push(self.taakveld_code()?);
            while self.comma_then()? {
                taakvelden.push(self.taakveld_code()?);
            }
        } else {
            self.i = save;
        }
        self.ws()?;
        let formula = if total {
            self.eat(b'=')?;
            self.ws()?;
            let f = self.expr(bare)?;
            self.ws()?;
            Some(f)
        } else {
            None
        };
        self.eat(b':')?;
        let mut cells = Vec::new();
        let mut end;
        loop {
            end = self.i;
            self.ws()?;
            let b = self.byte(self.i);
            if b == b'}' || (b.is_ascii_alphabetic() && tables().table_item.find(self.word()).is_some()) {
                break;
            }
            cells.push(self.cell()?);
        }
        if cells.is_empty() {
            return None;
        }
        self.i = end;
        Some(Row { id, label, unit, role, taakvelden, formula, cells, span: self.span(start, end) })
    }

    /// A cell in its plain forms: a figure, `-` or P.M.
    fn cell(&mut self) -> Option<Cell> {
        let start = self.i;
        let b = self.byte(start);
        let value = if let Some(negative) = self.pm() {
            CellValue::Pm { negative }
        } else if b.is_ascii_digit() || (matches!(b, b'-' | b'+') && self.byte(start + 1).is_ascii_digit()) {
            CellValue::Number(self.number()?)
        } else if b == b'-' && !matches!(self.byte(start + 1), b'0'..=b'9' | b'/' | b'(' | b'p' | b'P' | 0xE2) {
            // `empty_cell`: a dash not followed by a digit, `€`, `/`, `(` or P.M.
            self.i += 1;
            CellValue::Empty
        } else {
            return None;
        };
        // A mark (`445 V`), a unit or anything else after the figure is the grammar's.
        let next = self.byte(self.i);
        if !(next.is_ascii_whitespace() || next == b'}' || next == b'-' || next == b'#' || next == b'/') {
            return None;
        }
        Some(Cell { value, span: self.span(start, self.i), mark: None })
    }

    /// `expr`: terms joined by `+` and `-`, a leading sign allowed.
    fn expr(&mut self, bare: &mut Vec<(Span, &'a str)>) -> Option<Expr> {
        let start = self.i;
        let mut terms = Vec::new();
        let mut sign = match self.byte(self.i) {
            b'-' => Some(Sign::Minus),
            b'+' => Some(Sign::Plus),
            _ => None,
        };
        if sign.is_some() {
            self.i += 1;
            self.ws()?;
        }
        let mut end;
        loop {
            let term = self.term(bare)?;
            terms.push((sign.unwrap_or(Sign::Plus), term));
            end = self.i;
            self.ws()?;
            sign = match self.byte(self.i) {
                b'-' => Some(Sign::Minus),
                b'+' => Some(Sign::Plus),
                _ => break,
            };
            self.i += 1;
            self.ws()?;
        }
        self.i = end;
        if terms.len() == 1 && terms[0].0 == Sign::Plus {
            return terms.pop().map(|(_, e)| e);
        }
        Some(Expr::Terms(terms, self.span(start, end)))
    }

    fn term(&mut self, bare: &mut Vec<(Span, &'a str)>) -> Option<Expr> {
        let start = self.i;
        if self.eat(b'(').is_some() {
            self.ws()?;
            let inner = self.expr(bare)?;
            self.ws()?;
            self.eat(b')')?;
            return Some(inner);
        }
        let word = self.word();
        let Some(k) = tables().term.find(word) else {
            // `row_ref`: the characters of an id (`H2.totaal`).
            let id = self.item_id()?;
            return Some(Expr::Row(id));
        };
        self.i += word.len();
        let bare_keyword = |fast: &mut Self, bare: &mut Vec<(Span, &'a str)>| {
            let span = fast.span(start, start + word.len());
            bare.push((span, word));
            span
        };
        match k.rule {
            Rule::kw_sum => {
                let end = self.i;
                self.ws()?;
                if self.is_word(Rule::kw_below) {
                    if !self.lang_ok(k, word) {
                        return None;
                    }
                    self.keyword(Rule::kw_below)?;
                    return Some(Expr::SumBelow(self.span(start, self.i)));
                }
                self.i = end;
                Some(Expr::Sum(bare_keyword(self, bare)))
            }
            Rule::kw_savings | Rule::kw_costs => {
                let end = self.i;
                self.ws()?;
                let group = if self.eat(b'(').is_some() {
                    if !self.lang_ok(k, word) {
                        return None;
                    }
                    self.ws()?;
                    let g = self.item_id()?;
                    self.ws()?;
                    self.eat(b')')?;
                    Some(g)
                } else {
                    self.i = end;
                    None
                };
                let span = match group {
                    Some(_) => self.span(start, self.i),
                    None => bare_keyword(self, bare),
                };
                Some(if k.rule == Rule::kw_savings { Expr::Savings(group, span) } else { Expr::Costs(group, span) })
            }
            // `cumulative(…)`, `previous(…)`.
            _ => {
                if !self.lang_ok(k, word) {
                    return None;
                }
                self.ws()?;
                self.eat(b'(')?;
                self.ws()?;
                let inner = Box::new(self.expr(bare)?);
                self.ws()?;
                self.eat(b')')?;
                let span = self.span(start, self.i);
                Some(if k.rule == Rule::kw_cumulative {
                    Expr::Cumulative(inner, span)
                } else {
                    Expr::Previous(inner, span)
                })
            }
        }
    }

    /// `id "title" {` of a group or measure, after its keyword.
    fn block_head(&mut self) -> Option<(Spanned<String>, Spanned<String>)> {
        self.ws()?;
        let id = self.item_id()?;
        self.ws()?;
        let title = self.string()?;
        self.ws()?;
        // `in € 1.000` (a scale) is pest's.
        self.eat(b'{')?;
        Some((id, title))
    }

    fn header(&mut self, start: usize) -> Option<PlanHeader> {
        self.ws()?;
        let title = self.string()?;
        self.ws()?;
        self.eat(b'{')?;
        let mut h = PlanHeader::new(title, Span::default());
        loop {
            self.ws()?;
            if self.eat(b'}').is_some() {
                break;
            }
            let fstart = self.i;
            let field = self.keyword_of(&tables().header)?;
            self.ws()?;
            match field {
                Rule::kw_municipality => once(&mut h.municipality, self.string()?)?,
                Rule::kw_adopted => once(&mut h.adopted, self.date()?)?,
                Rule::kw_period => {
                    let first = self.year()?;
                    self.ws()?;
                    self.range_op()?;
                    self.ws()?;
                    let last = self.year()?;
                    if h.period.is_some() {
                        return None;
                    }
                    h.period = Some(Period { first, last, span: self.span(fstart, self.i) });
                }
                Rule::kw_currency => once(&mut h.currency, self.ident()?)?,
                Rule::kw_tolerance => {
                    let q = self.quantity()?;
                    if h.tolerances.iter().any(|t| t.value.unit == q.value.unit) {
                        return None;
                    }
                    h.tolerances.push(q);
                }
                _ => once(&mut h.description, self.string()?)?,
            }
        }
        h.span = self.span(start, self.i);
        Some(h)
    }

    fn group(&mut self, start: usize) -> Option<Group> {
        self.depth += 1;
        if self.depth > super::parse::MAX_DEPTH {
            return None;
        }
        let (id, title) = self.block_head()?;
        let mut g = Group {
            id,
            title,
            scale: None,
            targets: Vec::new(),
            totals: Vec::new(),
            items: Vec::new(),
            descriptions: Vec::new(),
            span: Span::default(),
        };
        loop {
            self.ws()?;
            if self.eat(b'}').is_some() {
                break;
            }
            let fstart = self.i;
            match self.keyword_of(&tables().group)? {
                Rule::kw_measure => g.items.push(Item::Measure(Box::new(self.measure(fstart)?))),
                Rule::kw_group => g.items.push(Item::Group(self.group(fstart)?)),
                Rule::kw_target => {
                    self.ws()?;
                    let amount = self.amount()?;
                    self.ws()?;
                    self.keyword(Rule::kw_by)?;
                    self.ws()?;
                    let year = self.year()?;
                    g.targets.push(Target { amount, year, span: self.span(fstart, self.i) });
                }
                Rule::kw_total => g.totals.push(self.declared_total(fstart)?),
                Rule::kw_table => g.items.push(Item::Table(self.table(fstart)?)),
                Rule::kw_description => {
                    self.ws()?;
                    g.descriptions.push(self.string()?);
                }
                _ => {
                    self.ws()?;
                    g.items.push(Item::Text(self.string()?));
                }
            }
        }
        g.span = self.span(start, self.i);
        self.depth -= 1;
        Some(g)
    }

    fn measure(&mut self, start: usize) -> Option<Measure> {
        let (id, title) = self.block_head()?;
        let mut m = Measure::new(id, title, Span::default());
        loop {
            self.ws()?;
            if self.eat(b'}').is_some() {
                break;
            }
            let fstart = self.i;
            let field = self.keyword_of(&tables().measure)?;
            self.ws()?;
            match field {
                Rule::kw_saving | Rule::kw_cost => {
                    let kind = if field == Rule::kw_cost { EffectKind::Cost } else { EffectKind::Saving };
                    if self.yearly_ahead()? {
                        for (year, amount, span) in self.yearly_values()? {
                            m.effects.push(Effect { kind, amount, years: YearSpec::In(year), span });
                        }
                    } else {
                        let amount = self.amount()?;
                        let years = self.year_spec()?;
                        m.effects.push(Effect { kind, amount, years, span: self.span(fstart, self.i) });
                    }
                }
                Rule::kw_budget => once(&mut m.budget, self.amount()?)?,
                Rule::kw_share => {
                    let pstart = self.i;
                    let percent = self.quantity()?;
                    if percent.value.unit != Unit::Percent || self.byte(self.i - 1) != b'%' {
                        return None;
                    }
                    let value = Spanned::new(percent.value.value, self.span(pstart, self.i));
                    self.ws()?;
                    self.keyword(Rule::kw_of)?;
                    self.ws()?;
                    self.keyword(Rule::kw_budget)?;
                    m.shares.push(Share { percent: value, span: self.span(fstart, self.i) });
                }
                Rule::kw_range => {
                    let low = self.amount()?;
                    self.ws()?;
                    self.range_op()?;
                    self.ws()?;
                    let high = self.amount()?;
                    if m.range.is_some() {
                        return None;
                    }
                    m.range = Some(Box::new(EstimateRange { low, high, span: self.span(fstart, self.i) }));
                }
                Rule::kw_category => once(&mut m.category, self.ident()?)?,
                Rule::kw_owner => once(&mut m.owner, self.string()?)?,
                Rule::kw_start => once(&mut m.start, self.date()?)?,
                Rule::kw_end => once(&mut m.end, self.date()?)?,
                Rule::kw_decision => {
                    let d = self.decision(fstart)?;
                    if m.decision.is_some() {
                        return None;
                    }
                    m.decision = Some(Box::new(d));
                }
                Rule::kw_status => once(&mut m.status, self.string()?)?,
                Rule::kw_taakveld => {
                    m.taakvelden.push(self.taakveld_code()?);
                    while self.comma_then()? {
                        m.taakvelden.push(self.taakveld_code()?);
                    }
                }
                Rule::kw_related => {
                    m.related.push(self.item_id()?);
                    while self.comma_then()? {
                        m.related.push(self.item_id()?);
                    }
                }
                Rule::kw_description => m.descriptions.push(self.string()?),
                _ => {
                    let label = self.string()?;
                    self.ws()?;
                    let quantity = self.quantity()?;
                    m.indicators.push(Indicator { label, quantity, span: self.span(fstart, self.i) });
                }
            }
        }
        m.span = self.span(start, self.i);
        Some(m)
    }

    /// Whether a `,` follows (then the cursor is after it and what pest skips); else the cursor
    /// stays where it was.
    fn comma_then(&mut self) -> Option<bool> {
        let save = self.i;
        self.ws()?;
        if self.eat(b',').is_some() {
            self.ws()?;
            return Some(true);
        }
        self.i = save;
        Some(false)
    }

    /// `decision needed in "…" planned 2025-Q3`, after `decision` and what follows it.
    fn decision(&mut self, start: usize) -> Option<Decision> {
        let needed = if self.is_word(Rule::kw_needed) {
            self.keyword(Rule::kw_needed)?;
            true
        } else {
            // `not needed` / `niet nodig`: two words with spaces (no comment) between them.
            let k = keywords::of_rule(Rule::kw_not_needed)?;
            let word = self.word();
            let pair = |w: &'static str| w.split_once(' ');
            let (first, second) = [pair(k.en)?, pair(k.nl)?].into_iter().find(|(f, _)| *f == word)?;
            let gap = self.plain_ws_from(self.i + first.len());
            if gap == self.i + first.len() {
                return None;
            }
            let after = self.t.get(gap..)?;
            if !after.starts_with(second) || ident_char(self.byte(gap + second.len())) {
                return None;
            }
            let written = if first == k.en.split(' ').next()? { k.en } else { k.nl };
            if !self.lang_ok(k, written) {
                return None;
            }
            let both = [first, second].join(" ");
            if both != k.en && both != k.nl {
                return None;
            }
            self.i = gap + second.len();
            false
        };
        let mut d = Decision { needed, forum: None, planned: None, span: Span::default() };
        let save = self.i;
        self.ws()?;
        if self.is_word(Rule::kw_in) {
            self.keyword(Rule::kw_in)?;
            self.ws()?;
            d.forum = Some(self.string()?);
        } else {
            self.i = save;
        }
        let save = self.i;
        self.ws()?;
        if self.is_word(Rule::kw_planned) {
            self.keyword(Rule::kw_planned)?;
            self.ws()?;
            d.planned = Some(self.when()?);
        } else {
            self.i = save;
        }
        d.span = self.span(start, self.i);
        Some(d)
    }
}

/// A field given once: a second one is reported by pest's path, so it is not ours.
fn once<T>(slot: &mut Option<Spanned<T>>, value: Spanned<T>) -> Option<()> {
    if slot.is_some() {
        return None;
    }
    *slot = Some(value);
    Some(())
}

/// A number in the forms most figures have (`45.600`, `-1.600`, `2024`, `4.425,17`, `0,5`),
/// read without the allocations of [`parse_dutch`] and to the same value and decimals (`None`:
/// let `parse_dutch` read it).
fn plain_number(raw: &str) -> Option<Decimal> {
    let (negative, body) = match raw.as_bytes().first() {
        Some(b'-') => (true, &raw[1..]),
        Some(b'+') => (false, &raw[1..]),
        _ => (false, raw),
    };
    let (whole, fraction) = match body.split_once(',') {
        Some((w, f)) => (w.as_bytes(), Some(f.as_bytes())),
        None => (body.as_bytes(), None),
    };
    let first_group = whole.iter().position(|b| *b == b'.').unwrap_or(whole.len());
    if whole.contains(&b'.') {
        // `1.171.494`: a first group of 1–3 digits that does not start with 0, then groups of 3.
        if !(1..=3).contains(&first_group) || whole[0] == b'0' {
            return None;
        }
        let rest = &whole[first_group..];
        if rest.len() % 4 != 0 || !rest.chunks(4).all(|g| g[0] == b'.' && g[1..].iter().all(u8::is_ascii_digit)) {
            return None;
        }
    }
    let mut value: i64 = 0;
    let mut digits = 0;
    for &b in whole {
        match b {
            b'0'..=b'9' => {
                value = value * 10 + i64::from(b - b'0');
                digits += 1;
                // Below 10^15, as `number.rs` requires: leave longer ones to it.
                if digits > 15 && value != 0 {
                    return None;
                }
            }
            b'.' => {}
            _ => return None,
        }
    }
    if digits == 0 || digits > 15 || value >= super::number::MAX_MAGNITUDE {
        return None;
    }
    let mut scale = 0;
    if let Some(f) = fraction {
        // At most the decimals `number.rs` allows, and few enough to stay in an i64.
        if f.is_empty() || f.len() > 3 || !f.iter().all(u8::is_ascii_digit) {
            return None;
        }
        for &b in f {
            value = value * 10 + i64::from(b - b'0');
        }
        scale = f.len() as u32;
    }
    if negative && value == 0 {
        return None;
    }
    Some(Decimal::new(if negative { -value } else { value }, scale))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The shortcut for plain numbers reads what `number.rs` reads, to the same decimal, and
    /// leaves everything else to it.
    #[test]
    fn plain_numbers_read_as_number_rs_reads_them() {
        let mut cases: Vec<String> = [
            "0",
            "7",
            "007",
            "-5",
            "+5",
            "-0",
            "+0",
            "1.171.494",
            "45.600",
            "1.5",
            "1.50.000",
            "0.800",
            "01.000",
            "1_000",
            "1,5",
            "999.999.999.999.999",
            "1.000.000.000.000.000",
            "999999999999999",
            "1000000000000000",
            "0000000000000000001",
            "12.34",
            "1234.567",
            ".5",
            "5.",
            "-1.600",
            "1..000",
            "",
            "4.425,17",
            "0,5",
            "-0,00",
            "-0,50",
            "1,",
            ",5",
            "1,5,0",
            "1.000,5.0",
            "999.999.999.999.999,999",
            "1.000.000.000.000.000,5",
            "12,3456",
            "01.000,5",
        ]
        .iter()
        .map(|s| s.to_string())
        .collect();
        let mut x = 0x9E37_79B9_7F4A_7C15u64;
        for _ in 0..20_000 {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            let len = 1 + (x % 12) as usize;
            let s: String = (0..len).map(|i| b"0123456789.-+,"[((x >> (i * 4)) % 14) as usize] as char).collect();
            cases.push(s);
        }
        for case in cases {
            if let Some(v) = plain_number(&case) {
                let expected = parse_dutch(&case);
                assert_eq!(Ok(v), expected, "{case:?}");
                assert_eq!(Some(v.to_string()), expected.as_ref().ok().map(|d| d.to_string()), "{case:?}");
                assert_eq!(Some(v.scale()), expected.ok().map(|d| d.scale()), "{case:?}");
            }
        }
        assert_eq!(plain_number("1.171.494"), Some(Decimal::new(1_171_494, 0)));
        assert_eq!(plain_number("2024"), Some(Decimal::new(2024, 0)));
        assert_eq!(plain_number("4.425,17"), Some(Decimal::new(442_517, 2)));
        assert_eq!(plain_number("-0,50"), Some(Decimal::new(-50, 2)));
    }
}
