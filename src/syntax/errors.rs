//! pest errors in words: what was expected, said as a policy writer would say it, never as a
//! grammar rule name; what was found; and a hint where one helps ("did you mean `measure`?",
//! "is a `}` missing?").

use super::ast::{FileId, Span};
use super::keywords::{self, Keyword};
use super::parse::{open_blocks_at, Rule};
use crate::diagnostic::Problem;
use crate::lang::{Lang, Msg};
use pest::error::{ErrorVariant, InputLocation};

/// How an expected rule is named in a message.
#[derive(Debug, Clone, PartialEq)]
struct Phrase {
    msg: Msg,
    /// A keyword or a single mark (`{`): many of them make "a line starting with one of: ...".
    word: bool,
    /// A value (a year, an amount, text), or a mark that only stands before one (`:`, `..`):
    /// when only these can follow, the statement was cut short.
    value: bool,
    /// The keyword it names, if it is one.
    keyword: Option<&'static Keyword>,
}

/// The keyword a rule is, or starts with (`measure { … }` starts with `measure`).
fn leading_keyword(rule: Rule) -> Option<&'static Keyword> {
    if let Some(k) = keywords::of_rule(rule) {
        return Some(k);
    }
    let kw = match rule {
        Rule::sign_rule => Rule::kw_sign,
        Rule::part_of => Rule::kw_part,
        Rule::sum_all => Rule::kw_sum,
        Rule::savings_of => Rule::kw_savings,
        Rule::costs_of => Rule::kw_costs,
        Rule::cumulative => Rule::kw_cumulative,
        Rule::previous => Rule::kw_previous,
        Rule::row => Rule::kw_row,
        Rule::total_row => Rule::kw_total,
        Rule::columns => Rule::kw_columns,
        Rule::plan_header => Rule::kw_plan,
        Rule::include => Rule::kw_include,
        Rule::group => Rule::kw_group,
        Rule::measure => Rule::kw_measure,
        Rule::table => Rule::kw_table,
        Rule::target => Rule::kw_target,
        Rule::group_total | Rule::plan_total => Rule::kw_total,
        Rule::text_block => Rule::kw_text,
        Rule::budget => Rule::kw_budget,
        Rule::effect | Rule::effect_kind => Rule::kw_saving,
        Rule::share => Rule::kw_share,
        Rule::estimate_range => Rule::kw_range,
        Rule::category => Rule::kw_category,
        Rule::owner => Rule::kw_owner,
        Rule::start_date => Rule::kw_start,
        Rule::end_date => Rule::kw_end,
        Rule::decision => Rule::kw_decision,
        Rule::status => Rule::kw_status,
        Rule::taakveld => Rule::kw_taakveld,
        Rule::related => Rule::kw_related,
        Rule::description => Rule::kw_description,
        Rule::indicator => Rule::kw_indicator,
        Rule::municipality => Rule::kw_municipality,
        Rule::adopted => Rule::kw_adopted,
        Rule::period => Rule::kw_period,
        Rule::currency => Rule::kw_currency,
        Rule::tolerance => Rule::kw_tolerance,
        _ => return None,
    };
    keywords::of_rule(kw)
}

/// How a rule is called in a message, or `None` for rules that never appear on their own.
/// Keywords are named in `lang`, the plan's keyword language; in the language of the message
/// where the plan's keywords do not say (`None`).
fn phrase(rule: Rule, lang: Option<Lang>) -> Option<Phrase> {
    if let Some(k) = leading_keyword(rule) {
        return Some(kw_phrase(k, lang));
    }
    let mark =
        |m: &str, value: bool| Some(Phrase { msg: Msg::plain(format!("`{m}`")), word: true, value, keyword: None });
    let value = |id: &'static str| Some(Phrase { msg: Msg::id(id), word: false, value: true, keyword: None });
    let other = |id: &'static str| Some(Phrase { msg: Msg::id(id), word: false, value: false, keyword: None });
    match rule {
        Rule::sign_char => other("phrase-sign"),
        Rule::scale => value("phrase-scale"),
        Rule::magnitude | Rule::magnitude_word => other("phrase-magnitude"),
        Rule::column_kind => value("phrase-column-kind"),
        Rule::column_mark => value("phrase-column-mark"),
        Rule::total_column => value("phrase-total-column"),
        Rule::euro_cell | Rule::marked_cell => value("phrase-figure"),
        Rule::vn_mark => value("phrase-vn-mark"),
        Rule::year | Rule::year_column | Rule::year_span => value("phrase-year"),
        Rule::date => value("phrase-date"),
        Rule::when | Rule::quarter => value("phrase-when"),
        Rule::string | Rule::plain_string | Rule::triple_string | Rule::curly_string => value("phrase-text"),
        Rule::item_id => value("phrase-id"),
        Rule::ident | Rule::named_column => value("phrase-name"),
        Rule::row_ref => value("phrase-row"),
        Rule::amount | Rule::quantity | Rule::money | Rule::pm => value("phrase-amount"),
        Rule::number | Rule::unsigned_number => value("phrase-number"),
        Rule::percent => value("phrase-percent"),
        Rule::euro => mark("€", false),
        Rule::unit | Rule::table_unit | Rule::count_unit => value("phrase-unit"),
        Rule::cell | Rule::empty_cell | Rule::not_applicable | Rule::text_cell => value("phrase-cell"),
        Rule::taakveld_code => value("phrase-taakveld"),
        Rule::open => mark("{", false),
        Rule::colon => Some(Phrase { msg: Msg::id("phrase-colon"), word: true, value: true, keyword: None }),
        Rule::equals => Some(Phrase { msg: Msg::id("phrase-equals"), word: true, value: false, keyword: None }),
        Rule::close => mark("}", false),
        Rule::range_op => mark("..", true),
        Rule::add_op => other("phrase-sign"),
        Rule::role | Rule::role_name => {
            Some(Phrase { msg: Msg::id("phrase-role"), word: true, value: false, keyword: None })
        }
        Rule::EOI => value("phrase-end"),
        Rule::paren => mark("(", false),
        Rule::expr => value("phrase-formula"),
        Rule::year_spec | Rule::from_year | Rule::in_year => other("phrase-year-spec"),
        Rule::yearly_values | Rule::year_amount => value("phrase-year-amount"),
        Rule::amount_with_years => value("phrase-amount"),
        Rule::row_options => None,
        _ => None,
    }
}

/// Turns a pest error into a problem with a message in words.
/// Keywords are named as the plan writes them: in `lang`, its keyword language (or, where the
/// plan's keywords do not say, in the language the message is shown in).
pub fn syntax_problem(file: FileId, text: &str, error: &pest::error::Error<Rule>, lang: Option<Lang>) -> Problem {
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
                Some(close) => Msg::id("hint-curly-close").arg("text", &line[..close]),
                None => Msg::id("hint-unterminated"),
            };
            return Problem::Syntax {
                span: Span::new(file, pos, line_end.max(pos + 1)),
                expected: vec![Msg::id("hint-expected-quote")],
                found: Some(Msg::id("found-end-of-line")),
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

    let mut expected: Vec<Phrase> = Vec::new();
    for rule in &positives {
        let phrases = match rule {
            // A saving line and a cost line start alike.
            Rule::effect | Rule::effect_kind => {
                [Rule::kw_saving, Rule::kw_cost].iter().filter_map(|r| phrase(*r, lang)).collect::<Vec<_>>()
            }
            _ => phrase(*rule, lang).into_iter().collect(),
        };
        for p in phrases {
            if !expected.contains(&p) {
                expected.push(p);
            }
        }
    }
    // Only values (a year, an amount, text) can follow: the statement was cut short.
    let value_expected = !expected.is_empty() && expected.iter().all(|e| e.value);
    // Many keywords: say what kind of line is expected, keeping the list readable.
    let keywords = expected.iter().filter(|p| p.word).count();
    let expected: Vec<Msg> = if keywords > 6 {
        let (words, rest): (Vec<Phrase>, Vec<Phrase>) =
            expected.into_iter().partition(|p| p.word && (p.keyword.is_some() || matches!(p.msg, Msg::Plain(_))));
        // The closing brace is not a kind of line: name it last, in words.
        let is_close = |p: &Phrase| matches!(&p.msg, Msg::Plain(t) if t == "`}`");
        let closes = words.iter().any(is_close);
        let names: Vec<Msg> = words
            .iter()
            .filter(|p| !is_close(p))
            .map(|p| match (p.keyword, &p.msg) {
                (Some(k), _) => keyword_name(k, lang),
                (None, Msg::Plain(text)) => Msg::plain(text.trim_matches('`')),
                (None, other) => other.clone(),
            })
            .collect();
        let id = if closes { "syntax-line-of-close" } else { "syntax-line-of" };
        std::iter::once(Msg::id(id).arg("keywords", Msg::Seq(names))).chain(rest.into_iter().map(|p| p.msg)).collect()
    } else {
        expected.into_iter().map(|p| p.msg).collect()
    };

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
    let found = if at_end {
        Some(Msg::id("found-end-of-file"))
    } else {
        word.as_ref().map(|w| Msg::id("found-word").arg("word", w))
    };
    let end = pos + word.as_ref().map(|w| w.len()).unwrap_or(0);
    let span = Span::new(file, pos, end.max(pos));

    let mut hint = None;
    if let Some(w) = &word {
        if let Some(fixed) = latin_look_alikes(w) {
            hint = Some(Msg::id("hint-look-alike").arg("word", w).arg("fixed", fixed));
        } else if w.starts_with("/*") {
            hint = Some(Msg::id("hint-unclosed-comment"));
        }
    }
    if let (Some(w), None) = (&word, &hint) {
        // The keywords that may stand here, in the plan's language; a word of the other
        // language (or a variant, `maatregelen`) is matched to its keyword too.
        let mut allowed: Vec<&Keyword> = positives.iter().filter_map(|r| leading_keyword(*r)).collect();
        // A saving line and a cost line start alike.
        if positives.iter().any(|r| matches!(r, Rule::effect | Rule::effect_kind)) {
            allowed.extend(keywords::of_rule(Rule::kw_cost));
        }
        let candidates = |in_lang: Lang| -> Vec<&'static str> {
            if allowed.is_empty() {
                keywords::words(in_lang)
            } else {
                allowed.iter().map(|k| k.word(in_lang).split(' ').next().unwrap_or("")).collect()
            }
        };
        // The plan's language first; a plan whose keywords do not say is looked up in both.
        let (first, second) = match lang {
            Some(l) => (l, l.other()),
            None => (Lang::En, Lang::Nl),
        };
        let near = closest(w, &candidates(first))
            .or_else(|| closest(w, &candidates(second)))
            .or_else(|| lang.and_then(|_| candidates(second).into_iter().find(|c| *c == w)));
        let suggestion = near
            .and_then(keywords::lookup)
            .map(|(k, _)| k)
            .filter(|k| k.word(lang.unwrap_or(first)).split(' ').next() != Some(w.as_str()));
        let from_or_in =
            [Rule::kw_from, Rule::kw_in].iter().filter_map(|r| keywords::of_rule(*r)).any(|k| k.en == w || k.nl == w);
        let is_keyword = keywords::lookup(w).is_some();
        if let Some(best) = suggestion {
            hint = Some(Msg::id("hint-did-you-mean").arg("word", first_word(best, lang)));
        } else if from_or_in && positives.contains(&Rule::amount) {
            hint = Some(Msg::id("hint-amount-before").arg("word", w));
        } else if is_keyword {
            let open =
                innermost_open(text, pos).filter(|(open, _)| indentation_at(text, pos) <= indentation_at(text, *open));
            if let Some((_, what)) = open {
                hint = Some(Msg::id("hint-not-inside").arg("word", w).arg("block", what));
            } else if let Some(home) = keywords::lookup(w).and_then(|(k, _)| home_of(k.rule)) {
                hint = Some(Msg::id("hint-only-inside").arg("word", w).arg("home", Msg::id(home)));
            }
        } else if w.chars().next().is_some_and(|c| c.is_ascii_digit()) && positives.contains(&Rule::colon) {
            hint = Some(Msg::id("hint-colon"));
        } else if w.chars().next().is_some_and(|c| c.is_ascii_digit()) && positives.contains(&Rule::year) {
            hint = Some(Msg::id("hint-four-digits"));
        } else if w.starts_with('-') && positives.contains(&Rule::range_op) {
            hint = Some(Msg::id("hint-span-dots"));
        } else if is_dutch_date(w) {
            hint = Some(Msg::id("hint-date-order").arg("date", iso_from_dutch(w)));
        } else if w == "}" && !positives.contains(&Rule::close) {
            hint = Some(Msg::id("hint-brace-too-many"));
        }
    }

    // A statement cut short at the end of a line: point at where it stops, not at the next line.
    if value_expected && !at_end {
        let before = text[..pos].trim_end();
        if text[before.len()..pos].contains('\n') && !before.is_empty() {
            let at = before.len();
            let hint = Some(Msg::id("hint-complete-line").arg("expected", Msg::or(expected.clone())));
            return Problem::Syntax {
                span: Span::new(file, at, at),
                expected,
                found: Some(Msg::id("found-end-of-line")),
                hint,
            };
        }
    }

    Problem::Syntax { span, expected, found, hint }
}

fn kw_phrase(k: &'static Keyword, lang: Option<Lang>) -> Phrase {
    let msg = match lang {
        Some(l) => Msg::plain(format!("`{}`", k.word(l))),
        None => Msg::id("quoted").arg("text", keyword_name(k, None)),
    };
    Phrase { msg, word: true, value: false, keyword: Some(k) }
}

/// A keyword as a message: in the plan's language, or (`None`) in the message's.
fn keyword_name(k: &'static Keyword, lang: Option<Lang>) -> Msg {
    match lang {
        Some(l) => Msg::plain(k.word(l)),
        None => Msg::Word { en: k.en, nl: k.nl },
    }
}

/// The first word of a keyword (`not` of `not needed`), as a message.
fn first_word(k: &'static Keyword, lang: Option<Lang>) -> Msg {
    let first = |w: &'static str| w.split(' ').next().unwrap_or(w);
    match lang {
        Some(l) => Msg::plain(first(k.word(l))),
        None => Msg::Word { en: first(k.en), nl: first(k.nl) },
    }
}

/// Where a keyword may stand, for "`owner` can only stand inside a measure".
fn home_of(rule: Rule) -> Option<&'static str> {
    use Rule::*;
    Some(match rule {
        kw_budget | kw_saving | kw_cost | kw_share | kw_range | kw_category | kw_owner | kw_start | kw_end
        | kw_decision | kw_status | kw_taakveld | kw_related | kw_indicator => "home-measure",
        kw_municipality | kw_adopted | kw_period | kw_currency | kw_tolerance => "home-header",
        kw_target => "home-group",
        kw_columns | kw_row => "home-table",
        _ => return None,
    })
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
fn innermost_open(text: &str, pos: usize) -> Option<(usize, Msg)> {
    let open = *open_blocks_at(text, pos).last()?;
    let line_start = text[..open].rfind('\n').map(|i| i + 1).unwrap_or(0);
    let header = text[line_start..open].trim();
    let what: Vec<&str> = header.split_whitespace().take(2).collect();
    let what = if what.is_empty() { Msg::id("block-this") } else { Msg::plain(what.join(" ")) };
    Some((open, what))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn misspelt_keywords_are_recognised() {
        let en = keywords::words(Lang::En);
        let nl = keywords::words(Lang::Nl);
        assert_eq!(closest("mesure", &en), Some("measure"));
        assert_eq!(closest("budgt", &en), Some("budget"));
        assert_eq!(closest("measure", &en), None);
        assert_eq!(closest("xyzzy", &en), None);
        assert_eq!(closest("maatregelen", &nl), Some("maatregel"));
        assert_eq!(closest("besparingen", &["besparing"]), Some("besparing"));
    }
}
