//! The editor features of `grip lsp` beyond diagnostics, driven over JSON-RPC as an editor
//! does: completion by context, rename, inlay hints, folding, highlights, code lenses.

mod common;

use common::{position_of, Client};
use serde_json::{json, Value};

/// A started and initialized server with one document open: the client, the document's URI
/// and text.
fn open_file(path: &str) -> (Client, String, String) {
    let path = std::fs::canonicalize(path).unwrap();
    let text = std::fs::read_to_string(&path).unwrap();
    open_text(&format!("file://{}", path.display()), &text)
}

fn open_text(uri: &str, text: &str) -> (Client, String, String) {
    let mut c = Client::with_document(uri, text);
    let _ = c.diagnostics_for(uri);
    (c, uri.to_string(), text.to_string())
}

/// The position just after `needle` (its first occurrence).
fn end_of(text: &str, needle: &str) -> Value {
    let mut at = position_of(text, needle);
    let last_line = needle.rsplit('\n').next().unwrap_or(needle);
    if needle.contains('\n') {
        at["line"] = json!(at["line"].as_u64().unwrap() + needle.matches('\n').count() as u64);
        at["character"] = json!(last_line.encode_utf16().count());
    } else {
        at["character"] = json!(at["character"].as_u64().unwrap() + needle.encode_utf16().count() as u64);
    }
    at
}

fn completion(c: &mut Client, uri: &str, at: Value) -> Vec<Value> {
    let items = c.request("textDocument/completion", json!({"textDocument": {"uri": uri}, "position": at}));
    items.as_array().cloned().unwrap_or_default()
}

fn labels(items: &[Value]) -> Vec<String> {
    items.iter().filter_map(|i| i["label"].as_str().map(String::from)).collect()
}

#[test]
fn after_related_only_measure_ids_are_offered() {
    let (mut c, uri, text) = open_file("examples/leudal.plan");
    let items = completion(&mut c, &uri, end_of(&text, "relatie a1, "));
    let labels = labels(&items);
    assert!(labels.contains(&"a1".into()) && labels.contains(&"c1".into()), "{labels:?}");
    assert!(!labels.contains(&"maatregel".into()) && !labels.contains(&"6.3".into()), "{labels:?}");
    let a1 = items.iter().find(|i| i["label"] == "a1").unwrap();
    assert!(a1["detail"].as_str().unwrap().starts_with("0-meting"), "{a1}");
}

#[test]
fn after_taakveld_only_the_codes_of_the_plans_year_with_their_names() {
    // Leudal was adopted in 2020: the 2017 set, 6.72 and not its 2023 successors.
    let (mut c, uri, text) = open_file("examples/leudal.plan");
    let items = completion(&mut c, &uri, end_of(&text, "taakveld "));
    let names: Vec<(String, String)> = items
        .iter()
        .map(|i| (i["label"].as_str().unwrap().into(), i["detail"].as_str().unwrap_or("").into()))
        .collect();
    assert!(names.contains(&("6.72".into(), "Maatwerkdienstverlening 18-".into())), "{names:?}");
    assert!(!names.iter().any(|(code, _)| code == "6.72a" || code == "maatregel"), "{names:?}");

    // A plan adopted in 2024: the lettered codes, not the ones that expired in 2023.
    let plan = "plan \"P\" {\n  adopted 2024-03-01\n  period 2024..2027\n}\nmeasure J.1 \"j\" {\n  saving € 1.000 from 2025\n  taakveld \n}\n";
    let (mut c, uri, text) = open_text("file:///tmp/grip-taakveld-2024.plan", plan);
    let codes = labels(&completion(&mut c, &uri, end_of(&text, "taakveld ")));
    assert!(codes.contains(&"6.72a".into()) && codes.contains(&"6.3".into()), "{codes:?}");
    assert!(!codes.contains(&"6.72".into()), "{codes:?}");
}

#[test]
fn at_the_start_of_a_line_the_keywords_that_may_stand_there() {
    let (mut c, uri, text) = open_file("examples/leudal.plan");
    // Inside a measure: its fields, in Dutch, as the plan is.
    let inside = labels(&completion(&mut c, &uri, end_of(&text, "    relatie c1\n")));
    for word in ["besparing", "eigenaar", "taakveld", "relatie"] {
        assert!(inside.contains(&word.into()), "{word}: {inside:?}");
    }
    for word in ["saving", "maatregel", "kolommen", "gemeente"] {
        assert!(!inside.contains(&word.into()), "{word}: {inside:?}");
    }
    // In the plan's header.
    let header = labels(&completion(&mut c, &uri, end_of(&text, "  valuta EUR\n")));
    assert!(header.contains(&"tolerantie".into()) && !header.contains(&"besparing".into()), "{header:?}");
}

#[test]
fn in_a_reporting_moment_measure_ids_and_progress_fields() {
    let (mut c, uri, text) = open_file("examples/leudal-voortgang.plan");
    let ids = labels(&completion(&mut c, &uri, end_of(&text, "  maatregel ")));
    assert!(ids.contains(&"a1".into()) && ids.contains(&"b4".into()), "{ids:?}");
    assert!(!ids.contains(&"fase".into()), "{ids:?}");
    let fields = labels(&completion(&mut c, &uri, end_of(&text, "  maatregel a1 {\n")));
    for word in ["fase", "gerealiseerd", "verwacht", "toelichting"] {
        assert!(fields.contains(&word.into()), "{word}: {fields:?}");
    }
    assert!(!fields.contains(&"besparing".into()), "{fields:?}");
}

const TABLES: &str = r#"plan "P" {
  period 2021..2022
}

group A "Voorveld" {
  measure A.1 "Een" {
    saving € 1.000 from 2021
    related A.2
  }
  measure A.2 "Twee" {
    saving € 2.000 from 2021
  }
}

table D "Dekking" {
  columns 2021..2022
  row a "Eerste" : 1.000 1.000
  row b "Tweede" : 2.000 2.000
  total t "Totaal" = a + b : 3.000 3.000
  total s "Besparingen" = savings(A) : 3.000 3.000
}

table E "Elders" {
  columns 2021..2022
  total u "Uit D" = D.a + D.b : 3.000 3.000
}
"#;

/// Renames what is at `at` to `new` and returns the edits per URI.
fn rename(c: &mut Client, uri: &str, at: Value, new: &str) -> serde_json::Map<String, Value> {
    let edit = c.request("textDocument/rename", json!({"textDocument": {"uri": uri}, "position": at, "newName": new}));
    edit["changes"].as_object().cloned().unwrap_or_default()
}

/// The text after a rename in it, checked again: the diagnostics are what they were.
fn renamed(c: &mut Client, uri: &str, text: &str, edits: &Value) -> String {
    let fixed = common::apply_edits(text, edits.as_array().unwrap());
    c.notify(
        "textDocument/didChange",
        json!({"textDocument": {"uri": uri, "version": 9}, "contentChanges": [{"text": fixed}]}),
    );
    assert_eq!(c.diagnostics_for(uri), Vec::<Value>::new(), "{fixed}");
    fixed
}

#[test]
fn rename_a_row_a_table_a_group_and_a_measure_everywhere_they_are_named() {
    let uri = "file:///tmp/grip-rename.plan";
    let (mut c, uri, text) = open_text(uri, TABLES);

    // A row: where it is declared, in its own table's formula, and after another table's dot.
    let edits = rename(&mut c, &uri, position_of(&text, "a \"Eerste\""), "eerste");
    let after = renamed(&mut c, &uri, &text, &edits[&uri]);
    assert!(
        after.contains("row eerste \"Eerste\"") && after.contains("= eerste + b") && after.contains("D.eerste + D.b"),
        "{after}"
    );

    // A table: before the dot of the rows named from elsewhere.
    let edits = rename(&mut c, &uri, position_of(&after, "D \"Dekking\""), "Dekking");
    let after = renamed(&mut c, &uri, &after, &edits[&uri]);
    assert!(after.contains("table Dekking \"Dekking\"") && after.contains("Dekking.eerste + Dekking.b"), "{after}");

    // A group, from where a formula names it.
    let edits = rename(&mut c, &uri, end_of(&after, "savings("), "V");
    let after = renamed(&mut c, &uri, &after, &edits[&uri]);
    assert!(after.contains("group V \"Voorveld\"") && after.contains("savings(V)"), "{after}");

    // A measure, from a `related` line.
    let edits = rename(&mut c, &uri, end_of(&after, "related "), "A.3");
    let after = renamed(&mut c, &uri, &after, &edits[&uri]);
    assert!(after.contains("measure A.3 \"Twee\"") && after.contains("related A.3"), "{after}");
}

#[test]
fn a_measure_is_renamed_in_its_plan_and_in_the_open_progress_file() {
    let (mut c, uri, text) = open_file("examples/leudal.plan");
    let progress = std::fs::canonicalize("examples/leudal-voortgang.plan").unwrap();
    let progress_uri = format!("file://{}", progress.display());
    let progress_text = std::fs::read_to_string(&progress).unwrap();
    c.notify(
        "textDocument/didOpen",
        json!({"textDocument": {"uri": progress_uri, "languageId": "plan", "version": 1, "text": progress_text}}),
    );
    let _ = c.diagnostics_for(&progress_uri);
    let edits = rename(&mut c, &uri, position_of(&text, "c1 \"Verwervingsstrategie"), "c10");
    let in_plan = edits[&uri].as_array().unwrap();
    // The declaration and the two `relatie c1` lines.
    assert_eq!(in_plan.len(), 3, "{in_plan:?}");
    let after = common::apply_edits(&text, in_plan);
    assert!(after.contains("maatregel c10 ") && !after.contains("relatie c1\n"), "{after}");
    let in_progress = edits[&progress_uri].as_array().unwrap();
    let after = common::apply_edits(&progress_text, in_progress);
    assert!(after.contains("maatregel c10 {") && !after.contains("maatregel c1 {"), "{after}");
}

#[test]
fn prepare_rename_gives_the_id_and_refuses_a_keyword_in_words() {
    let (mut c, uri, text) = open_file("examples/leudal.plan");
    let prepared = c.request(
        "textDocument/prepareRename",
        json!({"textDocument": {"uri": uri}, "position": position_of(&text, "c1 \"Verwervingsstrategie")}),
    );
    assert_eq!(prepared["placeholder"], "c1");
    assert_eq!(prepared["range"]["start"], position_of(&text, "c1 \"Verwervingsstrategie"));
    let error = c.request_error(
        "textDocument/prepareRename",
        json!({"textDocument": {"uri": uri}, "position": position_of(&text, "maatregel c1")}),
    );
    assert_eq!(error["code"], -32803, "{error}");
    assert!(error["message"].as_str().unwrap().contains("`maatregel` is een sleutelwoord"), "{error}");
    // A new name that is a keyword, not an id, or already taken: refused, nothing changed.
    for (new, says) in
        [("besparing", "kan geen id zijn"), ("c 2", "kan geen id zijn"), ("a1", "er is al een maatregel `a1`")]
    {
        let error = c.request_error(
            "textDocument/rename",
            json!({"textDocument": {"uri": uri}, "position": position_of(&text, "c1 \"Verwervingsstrategie"), "newName": new}),
        );
        assert!(error["message"].as_str().unwrap().contains(says), "{new}: {error}");
    }
}

fn whole(text: &str) -> Value {
    json!({"start": {"line": 0, "character": 0}, "end": {"line": text.lines().count() + 1, "character": 0}})
}

#[test]
fn inlay_hints_show_the_computed_figure_and_a_targets_coverage() {
    let (mut c, uri, text) = open_file("tests/fixtures/total_mismatch.plan");
    let hints = c.request("textDocument/inlayHint", json!({"textDocument": {"uri": uri}, "range": whole(&text)}));
    let hints = hints.as_array().unwrap();
    assert_eq!(hints.len(), 3, "{hints:?}");
    // Beside each measure's title, what it saves at the end of the period.
    assert_eq!(hints[0]["label"], "saves € 45.600 in 2024");
    assert_eq!(hints[0]["position"], end_of(&text, "A.1 \"Minder inzet op maatschappelijk werk\""));
    assert_eq!(hints[1]["label"], "saves € 30.000 in 2024");
    let hints = &hints[2..];
    assert_eq!(hints[0]["label"], "computed € 75.600");
    assert_eq!(hints[0]["position"], end_of(&text, "total saving € 100.000"));

    let (mut c, uri, text) = open_file("tests/fixtures/target_not_met.plan");
    let hints = c.request("textDocument/inlayHint", json!({"textDocument": {"uri": uri}, "range": whole(&text)}));
    let hints = hints.as_array().unwrap();
    assert_eq!(hints.len(), 3, "{hints:?}");
    let label = hints[0]["label"].as_str().unwrap();
    assert!(label.starts_with("saves € 75.600: ") && label.contains("€ 24.400"), "{label}");
    assert_eq!(hints[0]["position"], end_of(&text, "target € 100.000 by 2024"));

    // Only the hints in the range asked for.
    let none = c.request(
        "textDocument/inlayHint",
        json!({"textDocument": {"uri": uri}, "range": {"start": {"line": 0, "character": 0}, "end": {"line": 1, "character": 0}}}),
    );
    assert_eq!(none, json!([]));
}

#[test]
fn a_code_lens_says_what_a_group_saves_of_its_target() {
    let (mut c, uri, text) = open_file("tests/fixtures/target_not_met.plan");
    let lenses = c.request("textDocument/codeLens", json!({"textDocument": {"uri": uri}}));
    let lenses = lenses.as_array().unwrap();
    assert_eq!(lenses.len(), 1, "{lenses:?}");
    let title = lenses[0]["command"]["title"].as_str().unwrap();
    assert!(title.starts_with("saves € 75.600 of target € 100.000 in 2024: "), "{title}");
    assert_eq!(lenses[0]["range"]["start"], position_of(&text, "A \"Voorveld"));
    // In a Dutch plan, in Dutch.
    let (mut c, uri, _) = open_file("examples/leudal.plan");
    let lenses = c.request("textDocument/codeLens", json!({"textDocument": {"uri": uri}}));
    for lens in lenses.as_array().unwrap() {
        let title = lens["command"]["title"].as_str().unwrap();
        assert!(title.starts_with("bespaart ") || title.contains(" gecontroleerd: "), "{lens}");
    }
}

#[test]
fn blocks_fold_and_a_name_is_highlighted_where_it_is_written() {
    let (mut c, uri, text) = open_file("examples/leudal.plan");
    let folds = c.request("textDocument/foldingRange", json!({"textDocument": {"uri": uri}}));
    let folds = folds.as_array().unwrap();
    let c1 = position_of(&text, "maatregel c1")["line"].as_u64().unwrap();
    let fold = folds.iter().find(|f| f["startLine"] == c1).unwrap_or_else(|| panic!("{folds:?}"));
    let end = fold["endLine"].as_u64().unwrap() as usize;
    assert_eq!(text.lines().nth(end).unwrap().trim(), "}");
    assert!(folds.iter().any(|f| f["startLine"] == position_of(&text, "plan \"Plan van")["line"]));

    let marks = c.request(
        "textDocument/documentHighlight",
        json!({"textDocument": {"uri": uri}, "position": end_of(&text, "relatie ")}),
    );
    let marks = marks.as_array().unwrap();
    // c1: declared once (written), named by two `relatie` lines (read).
    assert_eq!(marks.len(), 3, "{marks:?}");
    let written: Vec<&Value> = marks.iter().filter(|m| m["kind"] == 3).collect();
    assert_eq!(written.len(), 1);
    assert_eq!(written[0]["range"]["start"], position_of(&text, "c1 \"Verwervingsstrategie"));
    assert_eq!(marks.iter().filter(|m| m["kind"] == 2).count(), 2);
}

#[test]
fn every_capability_is_announced() {
    let mut c = Client::start();
    let init = c.request("initialize", json!({"capabilities": {}}));
    let caps = &init["capabilities"];
    for cap in [
        "hoverProvider",
        "definitionProvider",
        "referencesProvider",
        "documentSymbolProvider",
        "workspaceSymbolProvider",
        "documentFormattingProvider",
        "completionProvider",
        "codeActionProvider",
        "renameProvider",
        "inlayHintProvider",
        "foldingRangeProvider",
        "documentHighlightProvider",
        "codeLensProvider",
        "selectionRangeProvider",
        "semanticTokensProvider",
    ] {
        assert!(!caps[cap].is_null(), "{cap} missing: {caps}");
    }
    assert_eq!(caps["renameProvider"]["prepareProvider"], true);
}

#[test]
fn hover_on_a_declared_total_shows_printed_computed_and_the_measures() {
    let (mut c, uri, text) = open_file("tests/fixtures/total_mismatch.plan");
    let hover = c.request(
        "textDocument/hover",
        json!({"textDocument": {"uri": uri}, "position": end_of(&text, "total saving € 1")}),
    );
    let value = hover["contents"]["value"].as_str().unwrap();
    assert!(value.contains("the total of group A “Voorveld en preventie” in 2024"), "{value}");
    assert!(value.contains("printed € 100.000, computed € 75.600"), "{value}");
    assert!(value.contains("- measure A.1: € 45.600") && value.contains("- measure A.2: € 30.000"), "{value}");
}

#[test]
fn a_code_lens_counts_a_tables_printed_totals_and_those_that_do_not_add_up() {
    let (mut c, uri, text) = open_file("tests/fixtures/total_mismatch_in_scale.plan");
    let lenses = c.request("textDocument/codeLens", json!({"textDocument": {"uri": uri}}));
    let lenses = lenses.as_array().unwrap();
    assert_eq!(lenses.len(), 1, "{lenses:?}");
    assert_eq!(lenses[0]["command"]["title"], "4 printed totals checked: 1 does not add up");
    assert_eq!(lenses[0]["range"]["start"], position_of(&text, "D \"Dekking"));
    let (mut c, uri, _) = open_text("file:///tmp/grip-lens-tables.plan", TABLES);
    let lenses = c.request("textDocument/codeLens", json!({"textDocument": {"uri": uri}}));
    let titles: Vec<&str> = lenses.as_array().unwrap().iter().filter_map(|l| l["command"]["title"].as_str()).collect();
    assert_eq!(titles, ["4 printed totals checked: all add up", "2 printed totals checked: all add up"]);
}

#[test]
fn in_a_total_rows_formula_the_tables_rows_and_the_formula_words() {
    let plan = TABLES.replace("total t \"Totaal\" = a + b : 3.000 3.000", "total t \"Totaal\" = a + ");
    let (mut c, uri, text) = open_text("file:///tmp/grip-formula.plan", &plan);
    let items = completion(&mut c, &uri, end_of(&text, "= a + "));
    let labels = labels(&items);
    assert!(labels.contains(&"a".into()) && labels.contains(&"b".into()) && labels.contains(&"s".into()), "{labels:?}");
    assert!(
        labels.contains(&"sum".into()) && labels.contains(&"savings".into()) && labels.contains(&"cumulative".into())
    );
    // Not the total itself, nor the rows of another table, nor keywords that cannot stand there.
    assert!(
        !labels.contains(&"t".into()) && !labels.contains(&"u".into()) && !labels.contains(&"measure".into()),
        "{labels:?}"
    );
    let a = items.iter().find(|i| i["label"] == "a").unwrap();
    assert_eq!(a["detail"], "Eerste");
}

#[test]
fn hover_on_a_target_or_on_savings_of_a_group_shows_the_group_as_evaluated() {
    let (mut c, uri, text) = open_file("tests/fixtures/target_not_met.plan");
    let hover = c.request(
        "textDocument/hover",
        json!({"textDocument": {"uri": uri}, "position": position_of(&text, "target € 100.000")}),
    );
    let value = hover["contents"]["value"].as_str().unwrap();
    assert!(value.contains("target € 100.000 by 2024: the measures save € 75.600"), "{value}");
    assert!(value.contains("| 2022 | € 75.600 |") && value.contains("| 2021 | € 0 |"), "{value}");

    let (mut c, uri, text) = open_text("file:///tmp/grip-hover-savings.plan", TABLES);
    let hover =
        c.request("textDocument/hover", json!({"textDocument": {"uri": uri}, "position": end_of(&text, "savings(")}));
    let value = hover["contents"]["value"].as_str().unwrap();
    assert!(value.starts_with("**group A — Voorveld**"), "{value}");
    assert!(value.contains("| 2021 | € 3.000 |"), "{value}");
}

#[test]
fn a_selection_grows_from_an_id_to_its_line_its_block_its_group_and_the_plan() {
    let (mut c, uri, text) = open_text("file:///tmp/grip-selection.plan", TABLES);
    let at = position_of(&text, "2 \"Twee\"");
    let ranges = c.request("textDocument/selectionRange", json!({"textDocument": {"uri": uri}, "positions": [at]}));
    let mut steps = Vec::new();
    let mut r = &ranges[0];
    while r.is_object() {
        let start = common::offset_of(&text, &r["range"]["start"]);
        let end = common::offset_of(&text, &r["range"]["end"]);
        steps.push(text[start..end].to_string());
        r = &r["parent"];
    }
    assert_eq!(steps[0], "A.2");
    assert_eq!(steps[1], "measure A.2 \"Twee\" {");
    assert!(steps[2].starts_with("measure A.2 \"Twee\" {") && steps[2].ends_with('}'), "{steps:#?}");
    assert!(steps[3].starts_with("group A \"Voorveld\" {") && steps[3].ends_with('}'), "{steps:#?}");
    assert_eq!(steps.last().unwrap(), &text);
}

#[test]
fn semantic_tokens_say_what_each_name_is() {
    let (mut c, uri, text) = open_text("file:///tmp/grip-tokens.plan", TABLES);
    let init_types = ["function", "namespace", "struct", "property", "enumMember"];
    let tokens = c.request("textDocument/semanticTokens/full", json!({"textDocument": {"uri": uri}}));
    let data: Vec<u64> = tokens["data"].as_array().unwrap().iter().map(|v| v.as_u64().unwrap()).collect();
    let lines: Vec<&str> = text.lines().collect();
    let (mut line, mut col) = (0usize, 0usize);
    let mut seen = Vec::new();
    for t in data.chunks(5) {
        if t[0] > 0 {
            col = 0;
        }
        line += t[0] as usize;
        col += t[1] as usize;
        let word: String = lines[line].chars().skip(col).take(t[2] as usize).collect();
        seen.push(format!("{word}:{}{}", init_types[t[3] as usize], if t[4] == 1 { "+decl" } else { "" }));
    }
    assert_eq!(
        seen,
        [
            "A:namespace+decl",
            "A.1:function+decl",
            "A.2:function",
            "A.2:function+decl",
            "D:struct+decl",
            "a:property+decl",
            "b:property+decl",
            "t:property+decl",
            "a:property",
            "b:property",
            "s:property+decl",
            "A:namespace",
            "E:struct+decl",
            "u:property+decl",
            "D:struct",
            "a:property",
            "D:struct",
            "b:property",
        ]
    );
    let init = Client::start().request("initialize", json!({"capabilities": {}}));
    let legend = &init["capabilities"]["semanticTokensProvider"]["legend"]["tokenTypes"];
    assert_eq!(legend, &json!(init_types));
}

#[test]
fn snippets_for_a_measure_a_group_and_a_table_in_the_plans_language() {
    let (mut c, uri, text) = open_file("examples/leudal.plan");
    let items = completion(&mut c, &uri, json!({"line": text.lines().count(), "character": 0}));
    let snippet = |label: &str| {
        items.iter().find(|i| i["label"] == label).unwrap_or_else(|| panic!("{label}: {items:?}")).clone()
    };
    let measure = snippet("maatregel {…}");
    assert_eq!(measure["insertTextFormat"], 2);
    assert_eq!(measure["kind"], 15);
    assert_eq!(
        measure["insertText"],
        "maatregel ${1:A.1} \"${2}\" {\n  eigenaar \"${3}\"\n  besparing € ${4:0} vanaf ${5:2020}\n  $0\n\\}"
    );
    assert_eq!(measure["detail"], "een maatregel met eigenaar en besparing");
    assert!(snippet("onderdeel {…}")["insertText"].as_str().unwrap().contains("taakstelling € ${3:0} in ${4:2020}"));
    assert!(snippet("tabel {…}")["insertText"].as_str().unwrap().contains("kolommen ${3:2020}..${4:2023}"));
    // Inside a measure no block snippets.
    let inside = completion(&mut c, &uri, end_of(&text, "    relatie c1\n"));
    assert!(inside.iter().all(|i| i["kind"] != 15), "{inside:?}");
}
