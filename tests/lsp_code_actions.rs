//! Quick fixes in `grip lsp`, as an editor applies them: each fix is asked for over JSON-RPC,
//! applied to the text, and the plan re-checked: the diagnostic is gone and nothing else changed.

mod common;

use common::{apply_edits, Client};
use serde_json::{json, Value};

/// What a check said, without where (a fix may move what follows it on its line).
fn said(diags: &[Value]) -> Vec<(String, String)> {
    let mut out: Vec<(String, String)> = diags
        .iter()
        .map(|d| (d["code"].as_str().unwrap_or("").to_string(), d["message"].as_str().unwrap_or("").to_string()))
        .collect();
    out.sort();
    out
}

/// Opens a fixture, takes the quick fix titled `title` for the first diagnostic with `code`,
/// applies it, and checks again. Returns the text after the fix.
fn fix(fixture: &str, code: &str, title: &str) -> String {
    fix_file(&format!("tests/fixtures/{fixture}"), code, title)
}

fn fix_file(fixture: &str, code: &str, title: &str) -> String {
    let path = std::fs::canonicalize(fixture).unwrap();
    let uri = format!("file://{}", path.display());
    let text = std::fs::read_to_string(&path).unwrap();
    let mut c = Client::with_document(&uri, &text);
    let before = c.diagnostics_for(&uri);
    let diag = before
        .iter()
        .find(|d| d["code"] == code)
        .unwrap_or_else(|| panic!("no {code} in {fixture}: {before:#?}"))
        .clone();
    let actions = c.request(
        "textDocument/codeAction",
        json!({"textDocument": {"uri": uri}, "range": diag["range"], "context": {"diagnostics": [diag]}}),
    );
    let actions = actions.as_array().unwrap();
    let action =
        actions.iter().find(|a| a["title"] == title).unwrap_or_else(|| panic!("no fix “{title}” in {actions:#?}"));
    assert_eq!(action["kind"], "quickfix");
    assert_eq!(action["diagnostics"][0]["code"], code);
    let edits = action["edit"]["changes"][&uri].as_array().unwrap().clone();
    let fixed = apply_edits(&text, &edits);
    c.notify(
        "textDocument/didChange",
        json!({"textDocument": {"uri": uri, "version": 2}, "contentChanges": [{"text": fixed}]}),
    );
    let after = c.diagnostics_for(&uri);
    // The diagnostics the fix is for go; the action names them.
    let mut expected = said(&before);
    let fixed_ones = action["diagnostics"].as_array().unwrap();
    assert!(!fixed_ones.is_empty());
    for gone in said(fixed_ones) {
        let i = expected.iter().position(|d| *d == gone).unwrap();
        expected.remove(i);
    }
    // Nothing else changed; only notes that were consequences of the fixed error (a total
    // that could not be checked for it) may go with it.
    let after = said(&after);
    assert!(after.iter().all(|d| expected.contains(d)), "after “{title}”:\n{fixed}\n{after:#?}");
    for gone in expected.iter().filter(|d| !after.contains(d)) {
        assert!(gone.0.ends_with("_unverifiable"), "after “{title}”, {gone:?} went too:\n{fixed}");
    }
    c.request("shutdown", Value::Null);
    c.notify("exit", Value::Null);
    fixed
}

/// The lines that differ between two texts.
fn changed_lines(a: &str, b: &str) -> Vec<(String, String)> {
    a.lines().zip(b.lines()).filter(|(x, y)| x != y).map(|(x, y)| (x.to_string(), y.to_string())).collect()
}

#[test]
fn a_printed_total_is_set_to_the_computed_figure() {
    let before = std::fs::read_to_string("tests/fixtures/total_mismatch.plan").unwrap();
    let after = fix("total_mismatch.plan", "grip::total_mismatch", "Write the computed figure € 75.600 in 2024");
    assert_eq!(changed_lines(&before, &after), [("  total saving € 100.000".into(), "  total saving € 75.600".into())]);
}

#[test]
fn a_total_in_a_dutch_plan_is_fixed_with_a_dutch_title() {
    let before = std::fs::read_to_string("tests/fixtures/total_mismatch_dutch.plan").unwrap();
    let diags = {
        let mut c = Client::start();
        c.request("initialize", json!({"capabilities": {}}));
        let path = std::fs::canonicalize("tests/fixtures/total_mismatch_dutch.plan").unwrap();
        let uri = format!("file://{}", path.display());
        c.notify(
            "textDocument/didOpen",
            json!({"textDocument": {"uri": uri, "languageId": "plan", "version": 1, "text": before}}),
        );
        c.diagnostics_for(&uri)
    };
    let d = diags.iter().find(|d| d["code"] == "grip::total_mismatch").unwrap();
    let computed = d["message"].as_str().unwrap().to_string();
    // The title is in Dutch and names the computed figure the message gives.
    let figure = computed.split("tellen op tot ").nth(1).and_then(|s| s.split(',').next()).unwrap_or("").trim();
    let after = fix(
        "total_mismatch_dutch.plan",
        "grip::total_mismatch",
        &format!("Schrijf het berekende bedrag {figure} in 2024"),
    )
    .to_string();
    assert_eq!(changed_lines(&before, &after).len(), 1);
}

#[test]
fn a_total_printed_in_thousands_is_written_in_thousands() {
    let before = std::fs::read_to_string("tests/fixtures/total_mismatch_in_scale.plan").unwrap();
    let after =
        fix("total_mismatch_in_scale.plan", "grip::total_mismatch", "Write the computed figure € 3.150.000 in 2022");
    let changed = changed_lines(&before, &after);
    assert_eq!(changed.len(), 1, "{changed:?}");
    assert!(changed[0].1.ends_with(": 3.290 3.000 3.150 3.300"), "{changed:?}");
}

#[test]
fn a_saving_is_set_to_its_stated_share() {
    let before = std::fs::read_to_string("tests/fixtures/share_mismatch.plan").unwrap();
    let after = fix("share_mismatch.plan", "grip::share_mismatch", "Write the computed figure € 40.000");
    assert_eq!(
        changed_lines(&before, &after),
        [("  saving € 45.600 from 2022".into(), "  saving € 40.000 from 2022".into())]
    );
}

#[test]
fn an_unknown_reference_takes_the_name_grip_suggests() {
    let before = std::fs::read_to_string("tests/fixtures/unknown_reference.plan").unwrap();
    let path = std::fs::canonicalize("tests/fixtures/unknown_reference.plan").unwrap();
    let checked = grip::api::check_path(&path).unwrap();
    let d = checked.diagnostics.iter().find(|d| d.code() == "grip::unknown_reference").unwrap();
    let grip::diagnostic::Problem::UnknownReference { name, suggestion: Some(s), .. } = &d.problem else {
        panic!("the fixture has a suggestion")
    };
    let after = fix("unknown_reference.plan", "grip::unknown_reference", &format!("Replace `{name}` by `{s}`"));
    assert_eq!(changed_lines(&before, &after).len(), 1);
}

#[test]
fn a_misspelled_keyword_is_spelled_right() {
    let after = fix("syntax_misspelled_keyword.plan", "grip::syntax", "Replace `mesure` by `measure`");
    assert!(after.contains("  measure A.1 ") && !after.contains("mesure "), "{after}");
}

#[test]
fn a_word_of_the_other_language_is_written_in_the_plans() {
    let after = fix("mixed_keywords.plan", "grip::mixed_keywords", "Replace `besparing` by `saving`");
    assert!(after.contains("  saving € 50.000 from 2024"), "{after}");
}

#[test]
fn an_expired_taakveld_is_replaced_by_its_successors() {
    let after = fix("expired_taakveld.plan", "grip::expired_taakveld", "Replace `6.72` by `6.72a`");
    assert!(after.contains("  taakveld 6.72a\n"), "{after}");
    let all = "6.72a, 6.72b, 6.72c, 6.72d, 6.73a, 6.73b, 6.73c, 6.74a, 6.74b, 6.74c";
    let after = fix("expired_taakveld.plan", "grip::expired_taakveld", &format!("Replace `6.72` by `{all}`"));
    assert!(after.contains(&format!("  taakveld {all}\n")), "{after}");
}

#[test]
fn a_number_is_written_in_dutch_notation() {
    let after = fix("number_ambiguous.plan", "grip::number_notation", "Replace `1.5` by `1,5`");
    assert!(after.contains(": 2,1 1,8 1,5 1,5"), "{after}");
    for fixture in ["number_bad_grouping.plan", "number_leading_zero.plan", "syntax_english_number.plan"] {
        let path = std::fs::canonicalize(format!("tests/fixtures/{fixture}")).unwrap();
        let checked = grip::api::check_path(&path).unwrap();
        let Some(d) = checked.diagnostics.iter().find(|d| d.code() == "grip::number_notation") else { continue };
        let grip::diagnostic::Problem::BadNumber { text, error, .. } = &d.problem else { unreachable!() };
        let suggestion = match error {
            grip::syntax::number::NumberError::BadGrouping { suggestion }
            | grip::syntax::number::NumberError::EnglishNotation { suggestion }
            | grip::syntax::number::NumberError::LeadingZeroDot { suggestion } => suggestion,
            _ => continue,
        };
        fix(fixture, "grip::number_notation", &format!("Replace `{text}` by `{suggestion}`"));
    }
}

#[test]
fn a_diagnostic_without_a_mechanical_fix_offers_none() {
    let path = std::fs::canonicalize("tests/fixtures/no_owner.plan").unwrap();
    let uri = format!("file://{}", path.display());
    let text = std::fs::read_to_string(&path).unwrap();
    let mut c = Client::start();
    c.request("initialize", json!({"capabilities": {}}));
    c.notify(
        "textDocument/didOpen",
        json!({"textDocument": {"uri": uri, "languageId": "plan", "version": 1, "text": text}}),
    );
    let diags = c.diagnostics_for(&uri);
    let actions = c.request(
        "textDocument/codeAction",
        json!({"textDocument": {"uri": uri}, "range": diags[0]["range"], "context": {"diagnostics": diags}}),
    );
    assert_eq!(actions, json!([]));
}

#[test]
fn a_total_wrong_in_every_year_is_fixed_in_one_go() {
    let plan = "plan \"P\" {\n  period 2021..2022\n}\n\ntable D \"Dekking\" {\n  columns 2021..2022\n  row a \"Eerste\" : 1.000 1.000\n  row b \"Tweede\" : 2.000 2.500\n  total t \"Totaal\" = a + b : 3.100 3.200\n}\n";
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("every-year.plan");
    std::fs::write(&path, plan).unwrap();
    let after = fix_file(
        path.to_str().unwrap(),
        "grip::total_mismatch",
        "Write the computed figure in each of the 2 places this total differs",
    );
    assert!(after.contains("= a + b : 3.000 3.500\n"), "{after}");
    // One year alone is offered too.
    let after = fix_file(path.to_str().unwrap(), "grip::total_mismatch", "Write the computed figure € 3.000 in 2021");
    assert!(after.contains("= a + b : 3.000 3.200\n"), "{after}");
}

#[test]
fn a_fix_of_several_diagnostics_is_offered_once_for_a_range_over_them() {
    let plan = "plan \"P\" {\n  period 2021..2022\n}\n\ntable D \"Dekking\" {\n  columns 2021..2022\n  row a \"Eerste\" : 1.000 1.000\n  row b \"Tweede\" : 2.000 2.500\n  total t \"Totaal\" = a + b : 3.100 3.200\n}\n";
    let uri = "file:///tmp/grip-fix-once.plan";
    let mut c = Client::start();
    c.request("initialize", json!({"capabilities": {}}));
    c.notify(
        "textDocument/didOpen",
        json!({"textDocument": {"uri": uri, "languageId": "plan", "version": 1, "text": plan}}),
    );
    let diags = c.diagnostics_for(uri);
    let range = json!({"start": {"line": 8, "character": 0}, "end": {"line": 9, "character": 0}});
    let actions = c.request(
        "textDocument/codeAction",
        json!({"textDocument": {"uri": uri}, "range": range, "context": {"diagnostics": diags}}),
    );
    let titles: Vec<&str> = actions.as_array().unwrap().iter().filter_map(|a| a["title"].as_str()).collect();
    assert_eq!(
        titles,
        [
            "Write the computed figure € 3.000 in 2021",
            "Write the computed figure in each of the 2 places this total differs",
            "Write the computed figure € 3.500 in 2022",
        ]
    );
}

#[test]
fn an_unclosed_block_is_closed_at_the_end_of_the_file() {
    let after = fix("unclosed_block.plan", "grip::unclosed_block", "Close measure A.2 with `}` at the end of the file");
    assert!(after.ends_with("  saving € 30.000 from 2022\n}\n"), "{after:?}");
}

#[test]
fn a_row_a_total_leaves_out_is_added_to_its_formula() {
    let before = std::fs::read_to_string("tests/fixtures/total_omits_row.plan").unwrap();
    let after = fix("total_omits_row.plan", "grip::total_mismatch", "Add `+ huur` to the formula of this total");
    assert_eq!(
        changed_lines(&before, &after),
        [(
            "  total dekking \"Totaal dekking\" = precario + leges : 30.000 37.000".into(),
            "  total dekking \"Totaal dekking\" = precario + leges + huur : 30.000 37.000".into()
        )]
    );
    // Setting the printed figure to the lines is still offered.
    fix("total_omits_row.plan", "grip::total_mismatch", "Write the computed figure € 32.000 in 2025");
}

#[test]
fn a_row_left_out_in_every_year_is_added_once_for_all_of_them() {
    let plan = "plan \"P\" {\n  period 2021..2022\n}\n\ntable D \"Dekking\" {\n  columns 2021..2022\n  row a \"Eerste\" : 1.000 1.000\n  row b \"Tweede\" : 2.000 2.500\n  row c \"Derde\" : 400 -300\n  total t \"Totaal\" = a + b : 3.400 3.200\n}\n";
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("every-year.plan");
    std::fs::write(&path, plan).unwrap();
    let after = fix_file(path.to_str().unwrap(), "grip::total_mismatch", "Add `+ c` to the formula of this total");
    assert!(after.contains("= a + b + c : 3.400 3.200\n"), "{after}");
}
