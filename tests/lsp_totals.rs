//! What `grip lsp` says about the printed totals of a plan, driven over JSON-RPC as an editor
//! does: hovers on a table's figures (the totals that add a figure; a total's printed and
//! computed figure and its lines) and inlay hints beside every total with the setting
//! `grip.inlayHints.allTotals`.

mod common;

use common::{position_of, Client};
use serde_json::{json, Value};

/// A table with a total column and a total row: the total row is wrong in 2025, the rest adds up.
const TABLE: &str = "plan \"Dekking\" {\n  period 2024..2025\n}\n\ntable D \"Dekkingsplan\" {\n  columns 2024, 2025, totaal \"Totaal\" = sum\n  row precario \"Precario\" : 10.000 12.000 22.000\n  row leges \"Leges\" : 20.000 20.500 40.500\n  total dekking \"Totaal dekking\" = precario + leges : 30.000 33.000 62.500\n}\n\nmeasure M.1 \"Minder inhuur\" {\n  budget € 200.000\n  share 10% of budget\n  saving € 20.000 from 2024\n}\n\ntotal saving € 20.000\n";

/// The same plan in Dutch keywords.
const TABEL: &str = "plan \"Dekking\" {\n  periode 2024..2025\n}\n\ntabel D \"Dekkingsplan\" {\n  kolommen 2024, 2025, totaal \"Totaal\" = som\n  rij precario \"Precario\" : 10.000 12.000 22.000\n  rij leges \"Leges\" : 20.000 20.500 40.500\n  totaal dekking \"Totaal dekking\" = precario + leges : 30.000 33.000 62.500\n}\n";

fn open(uri: &str, text: &str, options: Value) -> Client {
    let mut c = Client::start();
    c.request("initialize", json!({"capabilities": {}, "initializationOptions": options}));
    c.notify("initialized", json!({}));
    c.notify(
        "textDocument/didOpen",
        json!({"textDocument": {"uri": uri, "languageId": "plan", "version": 1, "text": text}}),
    );
    let _ = c.diagnostics_for(uri);
    c
}

/// The hover's text at the `nth` occurrence of `needle` (0 is the first), one character in.
fn hover_at(c: &mut Client, uri: &str, text: &str, needle: &str, nth: usize) -> String {
    let at = text.match_indices(needle).nth(nth).map(|(i, _)| i).unwrap_or_else(|| panic!("{needle} #{nth}"));
    let line = text[..at].matches('\n').count();
    let character = text[text[..at].rfind('\n').map(|i| i + 1).unwrap_or(0)..at].encode_utf16().count() + 1;
    let hover = c.request(
        "textDocument/hover",
        json!({"textDocument": {"uri": uri}, "position": {"line": line, "character": character}}),
    );
    hover["contents"]["value"].as_str().unwrap_or_else(|| panic!("no hover at {needle}: {hover}")).to_string()
}

#[test]
fn a_figure_in_a_row_says_which_totals_add_it_and_whether_they_match() {
    let uri = "file:///tmp/grip-hover-cell.plan";
    let mut c = open(uri, TABLE, json!({}));
    // Leges 2025 (20.500): added by the total column of its row and by the total row's 2025.
    let value = hover_at(&mut c, uri, TABLE, "20.500", 0);
    assert!(value.contains("Added by 2 totals"), "{value}");
    assert!(value.contains("D “Leges” — Totaal: printed € 40.500, computed € 40.500 — matches"), "{value}");
    assert!(
        value.contains("D “Totaal dekking” in 2025: printed € 33.000, computed € 32.500 — differs by € 500"),
        "{value}"
    );
    // A figure of the total row: its printed and computed figure and the lines it adds; and the
    // total column that adds it in turn.
    let value = hover_at(&mut c, uri, TABLE, "33.000", 0);
    assert!(value.contains("**D “Totaal dekking” in 2025**"), "{value}");
    assert!(value.contains("printed € 33.000, computed € 32.500 — differs by € 500"), "{value}");
    assert!(value.contains("- Precario: € 12.000") && value.contains("- Leges: € 20.500"), "{value}");
    assert!(value.contains("Added by one total"), "{value}");
    assert!(
        value.contains("D “Totaal dekking” — Totaal: printed € 62.500, computed € 63.000 — differs by € 500"),
        "{value}"
    );
    // The total row's figure in the total column is checked both ways: across its row and down
    // its column.
    let value = hover_at(&mut c, uri, TABLE, "62.500", 0);
    assert!(value.contains("**D “Totaal dekking” — Totaal (adding its columns)**"), "{value}");
    assert!(value.contains("printed € 62.500, computed € 63.000 — differs by € 500"), "{value}");
    assert!(value.contains("**D “Totaal dekking” — Totaal (adding its lines)**"), "{value}");
    assert!(value.contains("printed € 62.500, computed € 62.500 — matches"), "{value}");
    // A figure no total adds and that adds nothing: no hover.
    let plain = "plan \"P\" {\n  period 2024..2024\n}\n\ntable T \"T\" {\n  columns 2024\n  row a \"A\" : 1.000\n}\n";
    let uri2 = "file:///tmp/grip-hover-plain.plan";
    c.notify(
        "textDocument/didOpen",
        json!({"textDocument": {"uri": uri2, "languageId": "plan", "version": 1, "text": plain}}),
    );
    let _ = c.diagnostics_for(uri2);
    let hover = c
        .request("textDocument/hover", json!({"textDocument": {"uri": uri2}, "position": position_of(plain, "1.000")}));
    assert_eq!(hover, Value::Null);
}

#[test]
fn a_cell_is_explained_in_dutch_in_a_dutch_plan() {
    let uri = "file:///tmp/grip-hover-cel.plan";
    let mut c = open(uri, TABEL, json!({}));
    let value = hover_at(&mut c, uri, TABEL, "20.500", 0);
    assert!(value.contains("Opgeteld in 2 totalen"), "{value}");
    assert!(value.contains("D “Leges” — Totaal: vermeld € 40.500, berekend € 40.500 — klopt"), "{value}");
    assert!(value.contains("vermeld € 33.000, berekend € 32.500 — wijkt € 500 af"), "{value}");
}

#[test]
fn a_share_and_a_declared_total_are_hovered_as_checked() {
    let uri = "file:///tmp/grip-hover-share.plan";
    let mut c = open(uri, TABLE, json!({}));
    let value = hover_at(&mut c, uri, TABLE, "€ 20.000 from", 0);
    assert!(value.contains("the share of 10% of measure M.1's budget"), "{value}");
    assert!(value.contains("printed € 20.000, computed € 20.000 — matches"), "{value}");
    let value = hover_at(&mut c, uri, TABLE, "20.000\n", 0);
    assert!(value.contains("the plan total in 2025"), "{value}");
    assert!(value.contains("- measure M.1: € 20.000"), "{value}");
}

fn hints(c: &mut Client, uri: &str) -> Vec<String> {
    let range = json!({"start": {"line": 0, "character": 0}, "end": {"line": 100, "character": 0}});
    let hints = c.request("textDocument/inlayHint", json!({"textDocument": {"uri": uri}, "range": range}));
    hints.as_array().unwrap().iter().map(|h| h["label"].as_str().unwrap().to_string()).collect()
}

#[test]
fn inlay_hints_beside_every_total_by_a_setting() {
    let uri = "file:///tmp/grip-inlay-all.plan";
    // By default: the computed figure only beside the totals that differ.
    let mut c = open(uri, TABLE, json!({}));
    let computed = |hints: &[String]| hints.iter().filter(|h| h.starts_with("computed ")).cloned().collect::<Vec<_>>();
    assert_eq!(computed(&hints(&mut c, uri)), ["computed € 32.500", "computed € 63.000"]);
    // Set by the client later: beside every printed total and share.
    c.notify("workspace/didChangeConfiguration", json!({"settings": {"grip": {"inlayHints": {"allTotals": true}}}}));
    let all = computed(&hints(&mut c, uri));
    assert_eq!(
        all,
        [
            "computed € 22.000",
            "computed € 40.500",
            "computed € 30.000",
            "computed € 32.500",
            "computed € 63.000",
            "computed € 20.000",
            "computed € 20.000",
        ]
    );
    // And off again.
    c.notify("workspace/didChangeConfiguration", json!({"settings": {"grip": {"inlayHints": {"allTotals": false}}}}));
    assert_eq!(computed(&hints(&mut c, uri)), ["computed € 32.500", "computed € 63.000"]);
    c.request("shutdown", Value::Null);
    c.notify("exit", Value::Null);

    // Set when the server starts, as initialization options.
    let mut c = open(uri, TABLE, json!({"inlayHints": {"allTotals": true}}));
    assert_eq!(computed(&hints(&mut c, uri)), all);
}

/// A figure in euros as grip prints it: `€ 1.234.567`, `€ -2.252.835`.
fn euros(value: &str) -> String {
    let (sign, digits) = value.strip_prefix('-').map(|d| ("-", d)).unwrap_or(("", value));
    let mut grouped = String::new();
    for (i, ch) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            grouped.push('.');
        }
        grouped.push(ch);
    }
    format!("€ {sign}{grouped}")
}

/// `grip check --format json` of a plan: its diagnostics.
fn check_json(path: &std::path::Path) -> Vec<Value> {
    let out = std::process::Command::new(assert_cmd::cargo::cargo_bin("grip"))
        .args(["check", "--format", "json"])
        .arg(path)
        .output()
        .unwrap();
    let report: Value = serde_json::from_slice(&out.stdout).expect("grip check --format json");
    report["diagnostics"].as_array().unwrap().clone()
}

#[test]
fn a_code_lens_says_what_grip_check_and_the_hover_say() {
    // A real plan: a table whose printed totals do not add up in five places and two it cannot
    // check, and a group that misses its target.
    let (mut groups, mut tables) = (0, 0);
    for file in ["examples/leudal.plan", "tests/fixtures/target_not_met.plan"] {
        let path = std::fs::canonicalize(file).unwrap();
        let text = std::fs::read_to_string(&path).unwrap();
        let uri = format!("file://{}", path.display());
        let mut c = open(&uri, &text, json!({"lang": "en"}));
        let diagnostics = check_json(&path);
        let lenses = c.request("textDocument/codeLens", json!({"textDocument": {"uri": uri}}));
        let folds = c.request("textDocument/foldingRange", json!({"textDocument": {"uri": uri}}));
        let lenses = lenses.as_array().unwrap();
        assert!(!lenses.is_empty(), "{file}: no lens");
        for lens in lenses {
            let title = lens["command"]["title"].as_str().unwrap();
            let line = lens["range"]["start"]["line"].as_u64().unwrap();
            // The block the lens is over: from its first line to its `}`.
            let fold = folds.as_array().unwrap().iter().find(|f| f["startLine"] == line).unwrap();
            let end = fold["endLine"].as_u64().unwrap();
            let inside: Vec<&Value> =
                diagnostics.iter().filter(|d| (line..=end).contains(&(d["line"].as_u64().unwrap() - 1))).collect();
            let of = |code: &str| inside.iter().filter(|d| d["code"] == code).copied().collect::<Vec<_>>();
            if let Some(target) = of("grip::target_not_met").first() {
                // A group: the figure its measures save, as `grip check` says it and the hover.
                let reached = euros(target["computed"].as_str().unwrap());
                let goal = euros(target["declared"].as_str().unwrap());
                assert!(title.starts_with(&format!("saves {reached} of target {goal} in ")), "{title}");
                assert!(target["message"].as_str().unwrap().contains(&reached), "{target}");
                let at = &lens["range"]["start"];
                let hover = c.request("textDocument/hover", json!({"textDocument": {"uri": uri}, "position": at}));
                let hover = hover["contents"]["value"].as_str().unwrap_or_default();
                assert!(hover.contains(&reached) && hover.contains(&goal), "{hover}");
                groups += 1;
                continue;
            }
            if !title.contains("printed total") {
                continue;
            }
            tables += 1;
            // A table: as many that do not add up as `grip check` reports (a figure checked
            // across and down is one), and each with the computed figure the hover shows.
            let mut wrong: Vec<&Value> = of("grip::total_mismatch");
            wrong.dedup_by_key(|d| d["span"]["start"].clone());
            let said = match wrong.len() {
                0 => title.contains(": it adds up") || title.contains(": all add up"),
                1 => title.contains(": 1 does not add up"),
                n => title.contains(&format!(": {n} do not add up")),
            };
            assert!(said, "{file}: `{title}`, but grip check reports {} mismatches", wrong.len());
            assert_eq!(
                title.contains("cannot be checked"),
                !of("grip::total_unverifiable").is_empty(),
                "{file}: `{title}`"
            );
            for d in &wrong {
                let at = json!({"line": d["line"].as_u64().unwrap() - 1, "character": d["column"].as_u64().unwrap()});
                let hover = c.request("textDocument/hover", json!({"textDocument": {"uri": uri}, "position": at}));
                let hover = hover["contents"]["value"].as_str().unwrap();
                let computed = euros(d["computed"].as_str().unwrap());
                assert!(hover.contains(&format!("computed {computed}")), "{computed} not in the hover: {hover}");
            }
        }
    }
    assert!(groups >= 1 && tables >= 2, "{groups} group lenses and {tables} table lenses compared");
}
