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
    let mut c = Client::start();
    c.request("initialize", json!({"capabilities": {}}));
    c.notify("initialized", json!({}));
    c.notify(
        "textDocument/didOpen",
        json!({"textDocument": {"uri": uri, "languageId": "plan", "version": 1, "text": text}}),
    );
    let _ = c.diagnostics_for(uri);
    (c, uri.to_string(), text.to_string())
}

/// The position just after `needle` (its first occurrence).
fn after(text: &str, needle: &str) -> Value {
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
    let items = completion(&mut c, &uri, after(&text, "relatie a1, "));
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
    let items = completion(&mut c, &uri, after(&text, "taakveld "));
    let names: Vec<(String, String)> = items
        .iter()
        .map(|i| (i["label"].as_str().unwrap().into(), i["detail"].as_str().unwrap_or("").into()))
        .collect();
    assert!(names.contains(&("6.72".into(), "Maatwerkdienstverlening 18-".into())), "{names:?}");
    assert!(!names.iter().any(|(code, _)| code == "6.72a" || code == "maatregel"), "{names:?}");

    // A plan adopted in 2024: the lettered codes, not the ones that expired in 2023.
    let plan = "plan \"P\" {\n  adopted 2024-03-01\n  period 2024..2027\n}\nmeasure J.1 \"j\" {\n  saving € 1.000 from 2025\n  taakveld \n}\n";
    let (mut c, uri, text) = open_text("file:///tmp/grip-taakveld-2024.plan", plan);
    let codes = labels(&completion(&mut c, &uri, after(&text, "taakveld ")));
    assert!(codes.contains(&"6.72a".into()) && codes.contains(&"6.3".into()), "{codes:?}");
    assert!(!codes.contains(&"6.72".into()), "{codes:?}");
}

#[test]
fn at_the_start_of_a_line_the_keywords_that_may_stand_there() {
    let (mut c, uri, text) = open_file("examples/leudal.plan");
    // Inside a measure: its fields, in Dutch, as the plan is.
    let inside = labels(&completion(&mut c, &uri, after(&text, "    relatie c1\n")));
    for word in ["besparing", "eigenaar", "taakveld", "relatie"] {
        assert!(inside.contains(&word.into()), "{word}: {inside:?}");
    }
    for word in ["saving", "maatregel", "kolommen", "gemeente"] {
        assert!(!inside.contains(&word.into()), "{word}: {inside:?}");
    }
    // In the plan's header.
    let header = labels(&completion(&mut c, &uri, after(&text, "  valuta EUR\n")));
    assert!(header.contains(&"tolerantie".into()) && !header.contains(&"besparing".into()), "{header:?}");
}

#[test]
fn in_a_reporting_moment_measure_ids_and_progress_fields() {
    let (mut c, uri, text) = open_file("examples/leudal-voortgang.plan");
    let ids = labels(&completion(&mut c, &uri, after(&text, "  maatregel ")));
    assert!(ids.contains(&"a1".into()) && ids.contains(&"b4".into()), "{ids:?}");
    assert!(!ids.contains(&"fase".into()), "{ids:?}");
    let fields = labels(&completion(&mut c, &uri, after(&text, "  maatregel a1 {\n")));
    for word in ["fase", "gerealiseerd", "verwacht", "toelichting"] {
        assert!(fields.contains(&word.into()), "{word}: {fields:?}");
    }
    assert!(!fields.contains(&"besparing".into()), "{fields:?}");
}
