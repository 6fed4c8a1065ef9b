//! textDocument/completion, by context: what may stand where the cursor is. After `taakveld`
//! the codes valid in the plan's budget year, with their names; after `related` (and after
//! `measure` in a reporting moment) the plan's measure ids; at the start of a line the
//! keywords that may begin a line in the block around it, in the plan's language.

use super::*;
use crate::lang::Lang;
use crate::syntax::keywords::{self, Keyword};
use crate::syntax::parse::Rule;
use lsp_types as lsp;

/// Where the cursor is, as far as completion cares.
#[derive(Debug, PartialEq)]
enum Spot {
    /// At the start of a line, in a block opened by this keyword (none: at the top level), itself
    /// in a block opened by the second.
    LineStart(Option<Rule>, Option<Rule>),
    TaakveldCode,
    MeasureId,
    /// In the formula of a total row (after `=`, before `:`), the row's own id given.
    Formula(String),
    /// Anywhere else on a line.
    Elsewhere,
}

/// The keywords that may begin a line in a block (by the keyword that opened it and the one
/// around that).
fn line_starts(block: Option<Rule>, outer: Option<Rule>) -> &'static [Rule] {
    use Rule::*;
    match (block, outer) {
        (None, _) => {
            &[kw_plan, kw_include, kw_part, kw_progress, kw_moment, kw_group, kw_measure, kw_table, kw_total, kw_text]
        }
        (Some(kw_plan), _) => &[kw_municipality, kw_adopted, kw_period, kw_currency, kw_tolerance, kw_description],
        (Some(kw_moment), _) => &[kw_measure, kw_total, kw_description],
        (Some(kw_measure), Some(kw_moment)) => {
            &[kw_phase, kw_realised, kw_expected, kw_decided, kw_explanation, kw_replacement]
        }
        (Some(kw_measure), _) => &[
            kw_saving,
            kw_cost,
            kw_budget,
            kw_share,
            kw_range,
            kw_category,
            kw_owner,
            kw_start,
            kw_end,
            kw_decision,
            kw_status,
            kw_taakveld,
            kw_related,
            kw_description,
            kw_indicator,
        ],
        (Some(kw_group), _) => &[kw_measure, kw_group, kw_target, kw_total, kw_table, kw_description, kw_text],
        (Some(kw_table), _) => &[kw_sign, kw_columns, kw_row, kw_total, kw_description],
        _ => &[],
    }
}

/// The keyword rule a word is, in either language.
fn rule_of(word: &str) -> Option<Rule> {
    keywords::lookup(word).map(|(k, _)| k.rule)
}

/// The blocks open at `at`, innermost last: the first word of the line of each open `{`.
/// Strings and comments are skipped; the text may be half written.
fn open_blocks(text: &str, at: usize) -> Vec<Option<Rule>> {
    open_blocks_at(text, at).into_iter().map(|(rule, _)| rule).collect()
}

/// As [`open_blocks`], with where the line of each open `{` starts.
fn open_blocks_at(text: &str, at: usize) -> Vec<(Option<Rule>, usize)> {
    let mut stack: Vec<(Option<Rule>, usize)> = Vec::new();
    let bytes = text.as_bytes();
    let mut i = 0;
    let mut line_start = 0;
    while i < at.min(bytes.len()) {
        match bytes[i] {
            b'\n' => line_start = i + 1,
            b'"' => {
                // To the closing quote on the same line.
                while i + 1 < at && bytes[i + 1] != b'"' && bytes[i + 1] != b'\n' {
                    i += 1;
                }
                i += 1;
            }
            b'/' if bytes.get(i + 1) == Some(&b'/') => {
                while i + 1 < at && bytes[i + 1] != b'\n' {
                    i += 1;
                }
            }
            b'/' if bytes.get(i + 1) == Some(&b'*') => match text.get(i + 2..).and_then(|r| r.find("*/")) {
                Some(end) => i += end + 3,
                None => return stack,
            },
            b'{' => {
                let line = text.get(line_start..i).unwrap_or("");
                stack.push((line.split_whitespace().next().and_then(rule_of), line_start));
            }
            b'}' => {
                stack.pop();
            }
            _ => {}
        }
        i += 1;
    }
    stack
}

/// What the cursor at `at` is completing.
fn spot(text: &str, at: usize) -> Spot {
    let at = at.min(text.len());
    let line_start = text[..at].rfind('\n').map(|i| i + 1).unwrap_or(0);
    let before = &text[line_start..at];
    // The word being typed, and the words before it on the line.
    let typed_from = before
        .char_indices()
        .rev()
        .find(|(_, c)| c.is_whitespace() || *c == ',')
        .map(|(i, c)| i + c.len_utf8())
        .unwrap_or(0);
    let earlier: Vec<&str> = before[..typed_from].split_whitespace().collect();
    let blocks = open_blocks(text, line_start);
    let block = blocks.last().copied().flatten();
    let outer = blocks.len().checked_sub(2).and_then(|i| blocks[i]);
    let Some(first) = earlier.first() else {
        return Spot::LineStart(block, outer);
    };
    let first = rule_of(first);
    // `taakveld 6.71a, 6.72b, …` and `related a1, b2, …`: a list after the keyword.
    let list_after = |rule: Rule| first == Some(rule) && earlier[1..].iter().all(|w| w.ends_with(','));
    if list_after(Rule::kw_taakveld) || earlier.last().and_then(|w| rule_of(w)) == Some(Rule::kw_taakveld) {
        return Spot::TaakveldCode;
    }
    if list_after(Rule::kw_related) {
        return Spot::MeasureId;
    }
    if earlier.len() == 1 && first == Some(Rule::kw_measure) && block == Some(Rule::kw_moment) {
        return Spot::MeasureId;
    }
    let in_formula = earlier.iter().any(|w| w.ends_with('=')) && !before.contains(':');
    if first == Some(Rule::kw_total) && block == Some(Rule::kw_table) && in_formula {
        return Spot::Formula(earlier.get(1).map(|w| w.to_string()).unwrap_or_default());
    }
    Spot::Elsewhere
}

/// The rows of the table around `at`, as written (the table may be half written, and then not
/// in the model): each row's id and label.
fn table_rows(text: &str, at: usize) -> Vec<(String, String)> {
    let Some(&(_, start)) = open_blocks_at(text, at).last() else { return Vec::new() };
    let mut out = Vec::new();
    for line in text.get(start..).unwrap_or("").lines().skip(1) {
        let line = line.trim_start();
        if line.starts_with('}') {
            break;
        }
        let mut words = line.split_whitespace();
        if !matches!(words.next().and_then(rule_of), Some(Rule::kw_row | Rule::kw_total)) {
            continue;
        }
        let Some(id) = words.next() else { continue };
        let label = line.split('"').nth(1).unwrap_or("").to_string();
        out.push((id.to_string(), label));
    }
    out
}

/// Snippets for the blocks that may start here (a measure, a group, a table), with the words of
/// the plan's language and its first year.
fn snippets(starts: &[Rule], lang: Lang, year: u16) -> Vec<lsp::CompletionItem> {
    let k = |rule: Rule| keywords::of_rule(rule).map(|k| k.word(lang)).unwrap_or("");
    let mut out = Vec::new();
    let mut add = |rule: Rule, what: &'static str, body: String| {
        if starts.contains(&rule) {
            out.push(lsp::CompletionItem {
                label: format!("{} {{…}}", k(rule)),
                kind: Some(lsp::CompletionItemKind::SNIPPET),
                detail: Some(crate::lang::Msg::id("snippet").arg("what", what).render(lang)),
                insert_text: Some(body),
                insert_text_format: Some(lsp::InsertTextFormat::SNIPPET),
                ..Default::default()
            });
        }
    };
    add(
        Rule::kw_measure,
        "measure",
        format!(
            "{} ${{1:A.1}} \"${{2}}\" {{\n  {} \"${{3}}\"\n  {} \u{20ac} ${{4:0}} {} ${{5:{year}}}\n  $0\n\\}}",
            k(Rule::kw_measure),
            k(Rule::kw_owner),
            k(Rule::kw_saving),
            k(Rule::kw_from)
        ),
    );
    add(
        Rule::kw_group,
        "group",
        format!(
            "{} ${{1:A}} \"${{2}}\" {{\n  {} \u{20ac} ${{3:0}} {} ${{4:{year}}}\n  $0\n\\}}",
            k(Rule::kw_group),
            k(Rule::kw_target),
            k(Rule::kw_by)
        ),
    );
    add(
        Rule::kw_table,
        "table",
        format!(
            "{} ${{1:T}} \"${{2}}\" {{\n  {} ${{3:{year}}}..${{4:{}}}\n  {} ${{5:a}} \"${{6}}\" : $0\n\\}}",
            k(Rule::kw_table),
            k(Rule::kw_columns),
            year + 3,
            k(Rule::kw_row)
        ),
    );
    out
}

impl Server {
    pub(super) fn completion(&self, uri: &lsp::Url, pos: lsp::Position) -> Vec<lsp::CompletionItem> {
        let Some(doc) = self.docs.get(uri) else { return Vec::new() };
        let model = &doc.checked.model;
        let text = doc.checked.sources.text(FileId(0));
        // The plan's language; both while it has none yet.
        let language = doc.checked.language();
        let langs: Vec<Lang> = Lang::ALL.into_iter().filter(|l| language.is_none_or(|p| p == *l)).collect();
        let keyword_items = |rules: &mut dyn Iterator<Item = &'static Keyword>| {
            let mut words: Vec<&str> = Vec::new();
            for k in rules {
                for lang in &langs {
                    if !words.contains(&k.word(*lang)) {
                        words.push(k.word(*lang));
                    }
                }
            }
            words
                .into_iter()
                .map(|w| lsp::CompletionItem {
                    label: w.into(),
                    kind: Some(lsp::CompletionItemKind::KEYWORD),
                    ..Default::default()
                })
                .collect::<Vec<_>>()
        };
        match spot(text, offset(text, pos)) {
            Spot::TaakveldCode => crate::taakveld::valid(crate::taakveld::year_of(model))
                .map(|t| lsp::CompletionItem {
                    label: t.code.into(),
                    kind: Some(lsp::CompletionItemKind::ENUM_MEMBER),
                    detail: Some(t.name.into()),
                    ..Default::default()
                })
                .collect(),
            Spot::MeasureId => model
                .measures
                .iter()
                .map(|m| lsp::CompletionItem {
                    label: m.measure.id.value.clone(),
                    kind: Some(lsp::CompletionItemKind::REFERENCE),
                    detail: Some(m.measure.title.value.clone()),
                    ..Default::default()
                })
                .collect(),
            Spot::Formula(own) => {
                // The rows of the table the cursor is in (not the total itself), then the words
                // a formula may use.
                let mut items: Vec<lsp::CompletionItem> = table_rows(text, offset(text, pos))
                    .into_iter()
                    .filter(|(id, _)| *id != own)
                    .map(|(id, label)| lsp::CompletionItem {
                        label: id,
                        kind: Some(lsp::CompletionItemKind::FIELD),
                        detail: Some(label),
                        ..Default::default()
                    })
                    .collect();
                let words = [Rule::kw_sum, Rule::kw_savings, Rule::kw_costs, Rule::kw_cumulative, Rule::kw_previous];
                items.extend(keyword_items(&mut words.iter().filter_map(|r| keywords::of_rule(*r))));
                items
            }
            Spot::LineStart(block, outer) => {
                let starts = line_starts(block, outer);
                let mut items = keyword_items(&mut starts.iter().filter_map(|r| keywords::of_rule(*r)));
                let lang = language.unwrap_or_default();
                let year = model.period().map(|p| p.first.value).unwrap_or(2025);
                items.extend(snippets(starts, lang, year));
                items
            }
            Spot::Elsewhere => {
                let mut items = keyword_items(&mut keywords::KEYWORDS.iter());
                for label in ["€", "%", "P.M."] {
                    items.push(lsp::CompletionItem {
                        label: label.into(),
                        kind: Some(lsp::CompletionItemKind::UNIT),
                        ..Default::default()
                    });
                }
                items
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_spot_is_read_from_the_text_before_the_cursor() {
        let text = "plan \"P\" {\n  period 2021..2024\n}\nmeasure a \"{a}\" {\n  taakveld 6.1, \n  related \n  \n}\nmoment \"m\" 2022-01-01 {\n  measure \n  measure a {\n    \n  }\n}\n";
        let at = |needle: &str| text.find(needle).unwrap() + needle.len();
        assert_eq!(spot(text, at("taakveld 6.1, ")), Spot::TaakveldCode);
        assert_eq!(spot(text, at("taakveld ")), Spot::TaakveldCode);
        assert_eq!(spot(text, at("related ")), Spot::MeasureId);
        assert_eq!(spot(text, at("related \n  ")), Spot::LineStart(Some(Rule::kw_measure), None));
        assert_eq!(spot(text, at("{\n  measure ")), Spot::MeasureId);
        assert_eq!(spot(text, at("measure a {\n    ")), Spot::LineStart(Some(Rule::kw_measure), Some(Rule::kw_moment)));
        assert_eq!(spot(text, 0), Spot::LineStart(None, None));
        assert_eq!(spot(text, at("  period ")), Spot::Elsewhere);
        let table =
            "table T \"t\" {\n  columns 2021\n  row a \"a\" : 1\n  total t \"t\" = a + \n  total u \"u\" = a : ";
        let at = |needle: &str| table.find(needle).unwrap() + needle.len();
        assert_eq!(spot(table, at("= a + ")), Spot::Formula("t".into()));
        assert_eq!(spot(table, at("= a : ")), Spot::Elsewhere);
    }
}
