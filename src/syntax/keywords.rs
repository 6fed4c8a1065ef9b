//! The words of the language, in English and in Dutch. A plan is written in one of the two
//! keyword sets; both mean the same, so `grip fmt --keywords nl|en` converts a plan from one to
//! the other without changing what it says.
//!
//! `grammar/plan.pest` spells both sets (its KEYWORDS section: each `kw_` rule accepts its
//! English and its Dutch word); this table says which word is which, for the detection of a
//! plan's language, the error for a plan that mixes the two, the formatter, the hints and the
//! editor's completion. A test keeps the two equal.

use super::parse::Rule;
use crate::lang::Lang;

/// One keyword: its grammar rule and its word in each language.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Keyword {
    pub rule: Rule,
    pub en: &'static str,
    pub nl: &'static str,
}

impl Keyword {
    /// The keyword in a language.
    pub fn word(&self, lang: Lang) -> &'static str {
        match lang {
            Lang::En => self.en,
            Lang::Nl => self.nl,
        }
    }
}

const fn kw(rule: Rule, en: &'static str, nl: &'static str) -> Keyword {
    Keyword { rule, en, nl }
}

/// Every keyword, in the order of the grammar's KEYWORDS section. The Dutch words are those the
/// documents use: a "maatregel" with a "besparing" "vanaf" a year, a "taakstelling" per
/// "onderdeel", a "tabel" with "kolommen" and "rijen", a "prognose" and a "tekort".
pub const KEYWORDS: &[Keyword] = &[
    kw(Rule::kw_plan, "plan", "plan"),
    kw(Rule::kw_municipality, "municipality", "gemeente"),
    kw(Rule::kw_adopted, "adopted", "vastgesteld"),
    kw(Rule::kw_period, "period", "periode"),
    kw(Rule::kw_currency, "currency", "valuta"),
    kw(Rule::kw_tolerance, "tolerance", "tolerantie"),
    kw(Rule::kw_include, "include", "invoegen"),
    kw(Rule::kw_text, "text", "tekst"),
    kw(Rule::kw_group, "group", "onderdeel"),
    kw(Rule::kw_target, "target", "taakstelling"),
    kw(Rule::kw_by, "by", "in"),
    kw(Rule::kw_total, "total", "totaal"),
    kw(Rule::kw_measure, "measure", "maatregel"),
    kw(Rule::kw_budget, "budget", "budget"),
    kw(Rule::kw_saving, "saving", "besparing"),
    kw(Rule::kw_cost, "cost", "kosten"),
    kw(Rule::kw_from, "from", "vanaf"),
    kw(Rule::kw_in, "in", "in"),
    kw(Rule::kw_share, "share", "aandeel"),
    kw(Rule::kw_of, "of", "van"),
    kw(Rule::kw_range, "range", "bandbreedte"),
    kw(Rule::kw_category, "category", "categorie"),
    kw(Rule::kw_owner, "owner", "eigenaar"),
    kw(Rule::kw_start, "start", "startdatum"),
    kw(Rule::kw_end, "end", "einddatum"),
    kw(Rule::kw_decision, "decision", "besluit"),
    kw(Rule::kw_needed, "needed", "nodig"),
    kw(Rule::kw_not_needed, "not needed", "niet nodig"),
    kw(Rule::kw_planned, "planned", "gepland"),
    kw(Rule::kw_status, "status", "status"),
    kw(Rule::kw_taakveld, "taakveld", "taakveld"),
    kw(Rule::kw_related, "related", "relatie"),
    kw(Rule::kw_description, "description", "omschrijving"),
    kw(Rule::kw_indicator, "indicator", "indicator"),
    kw(Rule::kw_table, "table", "tabel"),
    kw(Rule::kw_as, "as", "als"),
    kw(Rule::kw_forecast, "forecast", "prognose"),
    kw(Rule::kw_actual, "actual", "realisatie"),
    kw(Rule::kw_deficit, "deficit", "tekort"),
    kw(Rule::kw_revenue, "revenue", "opbrengst"),
    kw(Rule::kw_staffing, "staffing", "formatie"),
    kw(Rule::kw_columns, "columns", "kolommen"),
    kw(Rule::kw_row, "row", "rij"),
    kw(Rule::kw_sum, "sum", "som"),
    kw(Rule::kw_savings, "savings", "besparingen"),
    kw(Rule::kw_costs, "costs", "kosten"),
    kw(Rule::kw_cumulative, "cumulative", "cumulatief"),
    kw(Rule::kw_previous, "previous", "vorige"),
    kw(Rule::kw_fte, "fte", "fte"),
    kw(Rule::kw_hours, "hours", "uren"),
    kw(Rule::kw_sign, "sign", "teken"),
    kw(Rule::kw_adverse, "adverse", "nadeel"),
    kw(Rule::kw_favourable, "favourable", "voordeel"),
    kw(Rule::kw_below, "below", "hieronder"),
    kw(Rule::kw_part, "part", "deel"),
    kw(Rule::kw_progress, "progress", "voortgang"),
    kw(Rule::kw_moment, "moment", "moment"),
    kw(Rule::kw_phase, "phase", "fase"),
    kw(Rule::kw_realised, "realised", "gerealiseerd"),
    kw(Rule::kw_expected, "expected", "verwacht"),
    kw(Rule::kw_decided, "decided", "besloten"),
    kw(Rule::kw_explanation, "explanation", "toelichting"),
    kw(Rule::kw_replacement, "replacement", "vervangende dekking"),
    kw(Rule::kw_remaining, "remaining", "nog te realiseren"),
];

/// The keyword a grammar rule matches, if it is one.
pub fn of_rule(rule: Rule) -> Option<&'static Keyword> {
    KEYWORDS.iter().find(|k| k.rule == rule)
}

/// The keyword a word is in either language, with the language it belongs to only (`None`
/// when both languages spell it alike, like `plan` or `budget`). A word of two words
/// (`not needed`) is found by its first.
pub fn lookup(word: &str) -> Option<(&'static Keyword, Option<Lang>)> {
    let first = |w: &'static str| w.split(' ').next().unwrap_or(w);
    KEYWORDS.iter().find_map(|k| {
        let (en, nl) = (first(k.en) == word, first(k.nl) == word);
        match (en, nl) {
            (true, true) => Some((k, None)),
            (true, false) => Some((k, Some(Lang::En))),
            (false, true) => Some((k, Some(Lang::Nl))),
            (false, false) => None,
        }
    })
}

/// Whether a word is a keyword of a language.
pub fn is_keyword_in(word: &str, lang: Lang) -> bool {
    KEYWORDS.iter().any(|k| k.word(lang).split(' ').next() == Some(word))
}

/// The words of a language's keywords (`not needed` as two words), for "did you mean" hints.
pub fn words(lang: Lang) -> Vec<&'static str> {
    let mut out: Vec<&'static str> = Vec::new();
    for k in KEYWORDS {
        for w in k.word(lang).split(' ') {
            if !out.contains(&w) {
                out.push(w);
            }
        }
    }
    out
}

/// A plan's keyword language, and the word that shows it first.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Detected {
    pub lang: Lang,
    pub start: usize,
    pub end: usize,
}

/// The language a plan's keywords are written in, and where that shows first: the first
/// statement (at the start of a line or after a brace) that starts with a keyword only one of
/// the languages has (`maatregel`, `measure`). Comments and text in quotes are skipped; a plan
/// of shared words only (`plan`, `budget`) says nothing.
pub fn detect(text: &str) -> Option<Detected> {
    let bytes = text.as_bytes();
    let mut i = 0;
    let mut line_start = true;
    while i < bytes.len() {
        match bytes[i] {
            // A statement starts a line, or follows a brace (`plan "x" { period 2021..2024 }`).
            b'\n' | b'{' | b'}' => {
                line_start = true;
                i += 1;
            }
            b' ' | b'\t' | b'\r' => i += 1,
            b'"' if text[i..].starts_with("\"\"\"") => {
                i = text[i + 3..].find("\"\"\"").map(|j| i + 3 + j + 3).unwrap_or(bytes.len());
                line_start = false;
            }
            b'"' => {
                // Text in quotes ends at its closing quote, or at the end of the line.
                i += 1;
                while i < bytes.len() && bytes[i] != b'"' && bytes[i] != b'\n' {
                    i += if bytes[i] == b'\\' { 2 } else { 1 };
                }
                i += usize::from(i < bytes.len() && bytes[i] == b'"');
                line_start = false;
            }
            b'/' if bytes.get(i + 1) == Some(&b'*') => {
                i = text[i + 2..].find("*/").map(|j| i + 2 + j + 2).unwrap_or(bytes.len());
            }
            b'#' => skip_line(bytes, &mut i),
            b'/' if bytes.get(i + 1) == Some(&b'/') => skip_line(bytes, &mut i),
            b if b.is_ascii_alphabetic() => {
                let end =
                    text[i..].find(|c: char| !c.is_ascii_alphanumeric() && c != '_').map_or(text.len(), |e| i + e);
                if line_start {
                    if let Some((_, Some(lang))) = lookup(&text[i..end]) {
                        return Some(Detected { lang, start: i, end });
                    }
                }
                line_start = false;
                i = end;
            }
            _ => {
                // Anything else (a figure, `€`, curly quotes): not a keyword; step over the
                // character whole.
                line_start = false;
                i += text[i..].chars().next().map_or(1, char::len_utf8);
            }
        }
    }
    None
}

/// Moves `i` to the end of its line.
fn skip_line(bytes: &[u8], i: &mut usize) {
    while *i < bytes.len() && bytes[*i] != b'\n' {
        *i += 1;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The grammar's `kw_` rules accept exactly the table's two words, and its `keyword` rule
    /// lists every word of both sets.
    #[test]
    fn the_table_matches_the_grammar() {
        let grammar = include_str!("../../grammar/plan.pest");
        let quoted = |s: &str| -> Vec<String> { s.split('"').skip(1).step_by(2).map(str::to_string).collect() };
        for k in KEYWORDS {
            let name = format!("{:?}", k.rule);
            let line = grammar
                .lines()
                .find(|l| l.starts_with(&format!("{name} ")))
                .unwrap_or_else(|| panic!("grammar/plan.pest has no rule {name}"));
            let mut words: Vec<String> = quoted(line);
            let mut expected: Vec<String> = k.en.split(' ').chain(k.nl.split(' ')).map(str::to_string).collect();
            words.sort();
            expected.sort();
            expected.dedup();
            assert_eq!(words, expected, "{name} in grammar/plan.pest");
        }
        let rules = grammar.lines().filter(|l| l.starts_with("kw_")).count();
        assert_eq!(rules, KEYWORDS.len(), "every kw_ rule of the grammar is in the table");
        let start = grammar.find("keyword = @{").expect("grammar has a keyword rule");
        let end = grammar[start..].find("~ !ident_char").expect("keyword rule ends") + start;
        let mut in_grammar = quoted(&grammar[start..end]);
        let mut all: Vec<String> = words(Lang::En).into_iter().chain(words(Lang::Nl)).map(str::to_string).collect();
        in_grammar.sort();
        all.sort();
        all.dedup();
        assert_eq!(in_grammar, all, "the keyword rule lists every word of both sets");
    }

    /// Each word parses whole as its rule and as a keyword: a choice in pest takes the first
    /// word that matches, so `period` before `periode` would cut the Dutch word short.
    #[test]
    fn every_word_parses_whole_as_its_keyword() {
        use super::super::parse::PlanParser;
        use pest::Parser;
        for k in KEYWORDS {
            for lang in Lang::ALL {
                let word = k.word(lang);
                let parsed = PlanParser::parse(k.rule, word).map(|p| p.as_str().to_string());
                assert_eq!(parsed.ok().as_deref(), Some(word), "{word} does not parse as {:?}", k.rule);
                for w in word.split(' ') {
                    let parsed = PlanParser::parse(Rule::keyword, w).map(|p| p.as_str().to_string());
                    assert_eq!(parsed.ok().as_deref(), Some(w), "{w} does not parse as a keyword");
                }
            }
        }
    }

    #[test]
    fn a_plan_says_its_language_by_its_first_own_keyword() {
        assert_eq!(detect("plan \"x\" {\n  periode 2021..2024\n}\n").map(|d| d.lang), Some(Lang::Nl));
        assert_eq!(detect("plan \"x\" {\n  period 2021..2024\n}\n").map(|d| d.lang), Some(Lang::En));
        assert_eq!(detect("// measure\n\"\"\"\nmeasure\n\"\"\"\nplan \"measure\" {\n}\n"), None);
        assert_eq!(
            detect("maatregel A \"a\" {\n  budget € 1\n}\n"),
            Some(Detected { lang: Lang::Nl, start: 0, end: 9 })
        );
    }
}
