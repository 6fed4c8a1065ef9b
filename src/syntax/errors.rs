//! pest errors in words: what was expected, said as a policy writer would say it, never as a
//! grammar rule name; what was found; and a hint where one helps ("did you mean `measure`?",
//! "is a `}` missing?").

use super::ast::{FileId, Span};
use super::parse::{open_blocks_at, Rule};
use crate::diagnostic::Problem;
use pest::error::{ErrorVariant, InputLocation};

/// Every keyword of the language, for "did you mean" hints. Kept equal to the grammar's
/// KEYWORDS section by a test.
pub const KEYWORDS: &[&str] = &[
    "plan",
    "municipality",
    "adopted",
    "period",
    "currency",
    "tolerance",
    "include",
    "text",
    "group",
    "target",
    "by",
    "total",
    "measure",
    "budget",
    "saving",
    "cost",
    "from",
    "in",
    "share",
    "of",
    "range",
    "category",
    "owner",
    "start",
    "end",
    "decision",
    "needed",
    "not",
    "planned",
    "status",
    "taakveld",
    "related",
    "description",
    "indicator",
    "table",
    "as",
    "forecast",
    "actual",
    "deficit",
    "revenue",
    "staffing",
    "columns",
    "row",
    "sum",
    "savings",
    "costs",
    "cumulative",
    "fte",
    "hours",
    "sign",
    "adverse",
    "favourable",
    "below",
    "part",
];

/// How a rule is called in a message, or `None` for rules that never appear on their own.
fn phrase(rule: Rule) -> Option<String> {
    let kw = |k: &str| Some(format!("`{k}`"));
    match rule {
        Rule::kw_plan => kw("plan"),
        Rule::kw_municipality => kw("municipality"),
        Rule::kw_adopted => kw("adopted"),
        Rule::kw_period => kw("period"),
        Rule::kw_currency => kw("currency"),
        Rule::kw_tolerance => kw("tolerance"),
        Rule::kw_include => kw("include"),
        Rule::kw_text => kw("text"),
        Rule::kw_group => kw("group"),
        Rule::kw_target => kw("target"),
        Rule::kw_by => kw("by"),
        Rule::kw_total => kw("total"),
        Rule::kw_measure => kw("measure"),
        Rule::kw_budget => kw("budget"),
        Rule::kw_saving => kw("saving"),
        Rule::kw_cost => kw("cost"),
        Rule::kw_from => kw("from"),
        Rule::kw_in => kw("in"),
        Rule::kw_share => kw("share"),
        Rule::kw_of => kw("of"),
        Rule::kw_range => kw("range"),
        Rule::kw_category => kw("category"),
        Rule::kw_owner => kw("owner"),
        Rule::kw_start => kw("start"),
        Rule::kw_end => kw("end"),
        Rule::kw_decision => kw("decision"),
        Rule::kw_needed => kw("needed"),
        Rule::kw_not_needed => kw("not needed"),
        Rule::kw_planned => kw("planned"),
        Rule::kw_status => kw("status"),
        Rule::kw_taakveld => kw("taakveld"),
        Rule::kw_related => kw("related"),
        Rule::kw_description => kw("description"),
        Rule::kw_indicator => kw("indicator"),
        Rule::kw_table => kw("table"),
        Rule::kw_as => kw("as"),
        Rule::kw_forecast => kw("forecast"),
        Rule::kw_actual => kw("actual"),
        Rule::kw_deficit => kw("deficit"),
        Rule::kw_revenue => kw("revenue"),
        Rule::kw_staffing => kw("staffing"),
        Rule::kw_columns => kw("columns"),
        Rule::kw_row => kw("row"),
        Rule::kw_sum => kw("sum"),
        Rule::kw_savings => kw("savings"),
        Rule::kw_costs => kw("costs"),
        Rule::kw_cumulative => kw("cumulative"),
        Rule::kw_fte => kw("fte"),
        Rule::kw_hours => kw("hours"),
        Rule::kw_sign | Rule::sign_rule => kw("sign"),
        Rule::kw_adverse => kw("adverse"),
        Rule::kw_favourable => kw("favourable"),
        Rule::kw_below => kw("below"),
        Rule::kw_part | Rule::part_of => kw("part"),
        Rule::sign_char => Some("`+` or `-`".into()),
        Rule::scale => Some("a scale like `in € 1.000`".into()),
        Rule::magnitude | Rule::magnitude_word => Some("`mln` or `mld`".into()),
        Rule::column_kind => Some("the kind of figure, like begroting".into()),
        Rule::column_mark => Some("a footnote mark like `*`".into()),
        Rule::total_column => Some("a total column like totaal \"Totaal\" = sum".into()),
        Rule::euro_cell => Some("a figure".into()),
        Rule::year | Rule::year_column | Rule::year_span => Some("a year like 2024".into()),
        Rule::date => Some("a date like 2021-04-28".into()),
        Rule::when | Rule::quarter => Some("a year, quarter or date, like 2022, 2021-Q1 or 2021-04-28".into()),
        Rule::string | Rule::plain_string | Rule::triple_string | Rule::curly_string => {
            Some("text in double quotes".into())
        }
        Rule::item_id => Some("an id like A.1".into()),
        Rule::ident | Rule::named_column => Some("a name like formatie".into()),
        Rule::row_ref => Some("the name of a row".into()),
        Rule::amount | Rule::quantity | Rule::money | Rule::pm => {
            Some("an amount like € 1.171.494, 0,6 fte or P.M.".into())
        }
        Rule::number | Rule::unsigned_number => Some("a number like 1.171.494 or 0,6".into()),
        Rule::percent => Some("a percentage like 20%".into()),
        Rule::euro => Some("`€`".into()),
        Rule::unit | Rule::table_unit | Rule::count_unit => Some("a unit such as €, fte, hours or %".into()),
        Rule::cell | Rule::empty_cell | Rule::not_applicable => Some("a figure, `-`, P.M. or n.v.t.".into()),
        Rule::taakveld_code => Some("a taakveld code like 6.72".into()),
        Rule::open => Some("`{`".into()),
        Rule::colon => Some("`:` before the figures".into()),
        Rule::equals => Some("`=` and a formula".into()),
        Rule::close => Some("`}`".into()),
        Rule::range_op => Some("`..`".into()),
        Rule::add_op => Some("`+` or `-`".into()),
        Rule::role | Rule::role_name => {
            Some("`as` with budget, forecast, actual, deficit, cost, revenue or staffing".into())
        }
        Rule::EOI => Some("the end of the file".into()),
        Rule::sum_all => kw("sum"),
        Rule::savings_of => kw("savings"),
        Rule::costs_of => kw("costs"),
        Rule::cumulative => kw("cumulative"),
        Rule::paren => Some("`(`".into()),
        Rule::expr => Some("a formula like `a + b`".into()),
        Rule::row => kw("row"),
        Rule::total_row => kw("total"),
        Rule::columns => kw("columns"),
        Rule::plan_header => kw("plan"),
        Rule::include => kw("include"),
        Rule::group => kw("group"),
        Rule::measure => kw("measure"),
        Rule::table => kw("table"),
        Rule::target => kw("target"),
        Rule::group_total | Rule::plan_total => kw("total"),
        Rule::text_block => kw("text"),
        Rule::budget => kw("budget"),
        Rule::effect | Rule::effect_kind => Some("`saving`".into()),
        Rule::share => kw("share"),
        Rule::estimate_range => kw("range"),
        Rule::category => kw("category"),
        Rule::owner => kw("owner"),
        Rule::start_date => kw("start"),
        Rule::end_date => kw("end"),
        Rule::decision => kw("decision"),
        Rule::status => kw("status"),
        Rule::taakveld => kw("taakveld"),
        Rule::related => kw("related"),
        Rule::description => kw("description"),
        Rule::indicator => kw("indicator"),
        Rule::municipality => kw("municipality"),
        Rule::adopted => kw("adopted"),
        Rule::period => kw("period"),
        Rule::currency => kw("currency"),
        Rule::tolerance => kw("tolerance"),
        Rule::year_spec | Rule::from_year | Rule::in_year => Some("`from` or `in` with a year".into()),
        Rule::yearly_values | Rule::year_amount => Some("a year and amount like 2022: € 180.000".into()),
        Rule::amount_with_years => Some("an amount like € 1.171.494, 0,6 fte or P.M.".into()),
        Rule::row_options => None,
        _ => None,
    }
}

/// Turns a pest error into a problem with a message in words.
pub fn syntax_problem(file: FileId, text: &str, error: &pest::error::Error<Rule>) -> Problem {
    let pos = match error.location {
        InputLocation::Pos(p) => p,
        InputLocation::Span((s, _)) => s,
    }
    .min(text.len());

    let positives: Vec<Rule> = match &error.variant {
        ErrorVariant::ParsingError { positives, .. } => positives.clone(),
        ErrorVariant::CustomError { .. } => Vec::new(),
    };

    let at_end = text[pos..].trim().is_empty();

    // Text in quotes that is never closed on its line.
    if text[pos..].starts_with('"') && !text[pos..].starts_with("\"\"\"") {
        let line_end = text[pos..].find('\n').map(|i| pos + i).unwrap_or(text.len());
        if !text[pos + 1..line_end].contains('"') {
            let line = &text[pos + 1..line_end];
            // "Titel” (pasted from Word): the text does end, with a curly quote.
            let hint = match line.find(['\u{201D}', '\u{201C}']) {
                Some(close) => format!(
                    "this text opens with a straight quote and closes with a curly one; write \"{}\"",
                    &line[..close]
                ),
                None => {
                    "end the text with a double quote on the same line; use \"\"\" for text over several lines".into()
                }
            };
            return Problem::Syntax {
                span: Span::new(file, pos, line_end.max(pos + 1)),
                expected: vec!["`\"` to close this text".into()],
                found: Some("the end of the line".into()),
                hint: Some(hint),
            };
        }
    }
    if at_end && positives.contains(&Rule::close) {
        if let Some((open, what)) = innermost_open(text, text.len()) {
            let last = text.trim_end().len();
            return Problem::UnclosedBlock {
                span: Span::new(file, last.saturating_sub(1), last),
                opened: Span::new(file, open, open + 1),
                what,
            };
        }
    }

    let mut expected: Vec<String> = Vec::new();
    let keyword_count = positives
        .iter()
        .filter(|r| {
            format!("{r:?}").starts_with("kw_")
                || phrase(**r).is_some_and(|p| p.starts_with('`') && p.matches('`').count() == 2)
        })
        .count();
    for rule in &positives {
        let phrases = match rule {
            // A saving line and a cost line start alike.
            Rule::effect | Rule::effect_kind => vec!["`saving`".to_string(), "`cost`".to_string()],
            _ => phrase(*rule).into_iter().collect(),
        };
        for p in phrases {
            if !expected.contains(&p) {
                expected.push(p);
            }
        }
    }
    // Only values (a year, an amount, text) can follow: the statement was cut short.
    let value_expected = !expected.is_empty()
        && expected.iter().all(|e| !e.starts_with('`') || e.starts_with("`:`") || e.starts_with("`..`"));
    // Many keywords: say what kind of line is expected, keeping the list readable.
    if keyword_count > 6 {
        let (kws, rest): (Vec<String>, Vec<String>) =
            expected.into_iter().partition(|p| p.starts_with('`') && p.matches('`').count() == 2);
        let mut names: Vec<String> = kws.iter().map(|k| k.trim_matches('`').to_string()).collect();
        // The closing brace is not a kind of line: name it last, in words.
        let closes = names.iter().any(|n| n == "}");
        names.retain(|n| n != "}");
        let close = if closes { ", or `}` to close the block" } else { "" };
        expected = vec![format!("a line starting with one of: {}{close}", names.join(", "))];
        expected.extend(rest);
    }

    // Start at the beginning of the word the error is in, so `cliënten` is shown whole.
    let pos = text[..pos]
        .char_indices()
        .rev()
        .take_while(|(_, c)| c.is_alphanumeric())
        .last()
        .map(|(i, _)| i)
        .filter(|_| text[pos..].chars().next().is_some_and(char::is_alphanumeric))
        .unwrap_or(pos);
    let word = found_word(text, pos);
    let found = if at_end { Some("the end of the file".to_string()) } else { word.as_ref().map(|w| format!("`{w}`")) };
    let end = pos + word.as_ref().map(|w| w.len()).unwrap_or(0);
    let span = Span::new(file, pos, end.max(pos));

    let mut hint = None;
    if let Some(w) = &word {
        if let Some(fixed) = latin_look_alikes(w) {
            hint = Some(format!(
                "`{w}` has letters that only look Latin (Cyrillic or Greek, pasted from somewhere else); type it as `{fixed}`"
            ));
        } else if w.starts_with("/*") {
            hint = Some("a comment opened with `/*` is never closed: end it with `*/`".into());
        }
    }
    if let (Some(w), None) = (&word, &hint) {
        let allowed: Vec<&str> = positives
            .iter()
            .filter_map(|r| format!("{r:?}").strip_prefix("kw_").map(|k| k.replace('_', " ")))
            .filter_map(|k| KEYWORDS.iter().find(|kw| **kw == k).copied())
            .collect();
        let candidates: &[&str] = if allowed.is_empty() { KEYWORDS } else { &allowed };
        if let Some(best) = closest(w, candidates) {
            hint = Some(format!("did you mean `{best}`?"));
        } else if (w == "from" || w == "in") && positives.contains(&Rule::amount) {
            hint = Some(format!("write the amount before `{w}`, like `saving € 45.600 {w} 2022`"));
        } else if KEYWORDS.contains(&w.as_str()) {
            let open =
                innermost_open(text, pos).filter(|(open, _)| indentation_at(text, pos) <= indentation_at(text, *open));
            if let Some((_, what)) = open {
                hint = Some(format!("`{w}` cannot stand inside {what}; is the `}}` that closes {what} missing?"));
            } else if let Some(home) = home_of(w) {
                hint = Some(format!("`{w}` can only stand inside {home}"));
            }
        } else if w.chars().next().is_some_and(|c| c.is_ascii_digit()) && positives.contains(&Rule::colon) {
            hint = Some("put a `:` between the row's name and its figures".into());
        } else if w.chars().next().is_some_and(|c| c.is_ascii_digit()) && positives.contains(&Rule::year) {
            hint = Some("write a year with four digits, like 2024".into());
        } else if w.starts_with('-') && positives.contains(&Rule::range_op) {
            hint = Some("write a span of years with two dots, like 2021..2024".into());
        } else if is_dutch_date(w) {
            hint = Some(format!("write the date as year-month-day: {}", iso_from_dutch(w)));
        } else if w == "}" && !positives.contains(&Rule::close) {
            hint = Some("there is one `}` too many here, or a `{` is missing above".into());
        }
    }

    // A statement cut short at the end of a line: point at where it stops, not at the next line.
    if value_expected && !at_end {
        let before = text[..pos].trim_end();
        if text[before.len()..pos].contains('\n') && !before.is_empty() {
            let at = before.len();
            let hint = Some(format!("complete the line with {}", or_list_words(&expected)));
            return Problem::Syntax {
                span: Span::new(file, at, at),
                expected,
                found: Some("the end of the line".into()),
                hint,
            };
        }
    }

    Problem::Syntax { span, expected, found, hint }
}

/// Where a keyword may stand, for "`owner` can only stand inside a measure".
fn home_of(keyword: &str) -> Option<&'static str> {
    Some(match keyword {
        "budget" | "saving" | "cost" | "share" | "range" | "category" | "owner" | "start" | "end" | "decision"
        | "status" | "taakveld" | "related" | "indicator" => "a measure { ... }",
        "municipality" | "adopted" | "period" | "currency" | "tolerance" => "the plan header, plan \"...\" { ... }",
        "target" => "a group { ... }",
        "columns" | "row" => "a table { ... }",
        _ => return None,
    })
}

fn or_list_words(items: &[String]) -> String {
    match items {
        [] => String::new(),
        [one] => one.clone(),
        [init @ .., last] => format!("{} or {}", init.join(", "), last),
    }
}

/// The word with its Cyrillic and Greek letters that look like Latin ones replaced by those (`А.1`
/// with a Cyrillic А is `A.1`), if it has any.
fn latin_look_alikes(word: &str) -> Option<String> {
    const PAIRS: &[(char, char)] = &[
        ('А', 'A'),
        ('В', 'B'),
        ('Е', 'E'),
        ('К', 'K'),
        ('М', 'M'),
        ('Н', 'H'),
        ('О', 'O'),
        ('Р', 'P'),
        ('С', 'C'),
        ('Т', 'T'),
        ('Х', 'X'),
        ('а', 'a'),
        ('е', 'e'),
        ('о', 'o'),
        ('р', 'p'),
        ('с', 'c'),
        ('у', 'y'),
        ('х', 'x'),
        ('і', 'i'),
        ('Α', 'A'),
        ('Β', 'B'),
        ('Ε', 'E'),
        ('Ζ', 'Z'),
        ('Η', 'H'),
        ('Ι', 'I'),
        ('Κ', 'K'),
        ('Μ', 'M'),
        ('Ν', 'N'),
        ('Ο', 'O'),
        ('Ρ', 'P'),
        ('Τ', 'T'),
        ('Υ', 'Y'),
        ('Χ', 'X'),
        ('ο', 'o'),
    ];
    let mut changed = false;
    let fixed: String = word
        .chars()
        .map(|c| match PAIRS.iter().find(|(from, _)| *from == c) {
            Some((_, to)) => {
                changed = true;
                *to
            }
            None => c,
        })
        .collect();
    changed.then_some(fixed)
}

/// `28-04-2021`: a date in Dutch day-month-year order.
fn is_dutch_date(w: &str) -> bool {
    let parts: Vec<&str> = w.split('-').collect();
    parts.len() == 3
        && parts[0].len() <= 2
        && parts[1].len() <= 2
        && parts[2].len() == 4
        && parts.iter().all(|p| !p.is_empty() && p.bytes().all(|b| b.is_ascii_digit()))
}

fn iso_from_dutch(w: &str) -> String {
    let parts: Vec<&str> = w.split('-').collect();
    format!("{}-{:0>2}-{:0>2}", parts[2], parts[1], parts[0])
}

/// The word at `pos`: up to the next whitespace, at most 30 characters.
fn found_word(text: &str, pos: usize) -> Option<String> {
    let rest = &text[pos..];
    let word: String = rest.chars().take_while(|c| !c.is_whitespace()).take(30).collect();
    (!word.is_empty()).then_some(word)
}

/// The keyword nearest to a misspelt word, if it is near enough to be a typing slip.
fn closest<'a>(word: &str, candidates: &[&'a str]) -> Option<&'a str> {
    let lower = word.to_lowercase();
    if candidates.contains(&lower.as_str()) {
        return None;
    }
    candidates
        .iter()
        .map(|k| (strsim::damerau_levenshtein(&lower, k), *k))
        .filter(|(d, k)| *d <= 2 && *d < k.len().max(2) - 1)
        .min_by_key(|(d, _)| *d)
        .map(|(_, k)| k)
}

fn indentation_at(text: &str, pos: usize) -> usize {
    let line_start = text[..pos].rfind('\n').map(|i| i + 1).unwrap_or(0);
    text[line_start..].chars().take_while(|c| *c == ' ' || *c == '\t').count()
}

/// The innermost block still open at `pos`, with its position and a short name (`measure A.1`).
fn innermost_open(text: &str, pos: usize) -> Option<(usize, String)> {
    let open = *open_blocks_at(text, pos).last()?;
    let line_start = text[..open].rfind('\n').map(|i| i + 1).unwrap_or(0);
    let header = text[line_start..open].trim();
    let what: Vec<&str> = header.split_whitespace().take(2).collect();
    let what = if what.is_empty() { "this block".to_string() } else { what.join(" ") };
    Some((open, what))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keyword_list_matches_the_grammar() {
        let grammar = include_str!("../../grammar/plan.pest");
        let start = grammar.find("keyword = @{").expect("grammar has a keyword rule");
        let end = grammar[start..].find("~ !ident_char").expect("keyword rule ends") + start;
        let in_grammar: Vec<&str> = grammar[start..end].split('"').skip(1).step_by(2).collect();
        assert_eq!(in_grammar, KEYWORDS, "grammar/plan.pest and KEYWORDS list different keywords");
    }

    #[test]
    fn misspelt_keywords_are_recognised() {
        assert_eq!(closest("mesure", KEYWORDS), Some("measure"));
        assert_eq!(closest("budgt", KEYWORDS), Some("budget"));
        assert_eq!(closest("measure", KEYWORDS), None);
        assert_eq!(closest("xyzzy", KEYWORDS), None);
    }
}
