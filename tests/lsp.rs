//! `grip lsp` tested as a client uses it: JSON-RPC over the server's stdin and stdout.

mod common;

use common::{position_of, Client};
use serde_json::{json, Value};

#[test]
fn a_client_gets_diagnostics_hovers_definitions_symbols_and_formatting() {
    let path = std::fs::canonicalize("examples/leudal.plan").unwrap();
    let uri = format!("file://{}", path.display());
    let text = std::fs::read_to_string(&path).unwrap();
    let mut c = Client::start();

    let init = c.request("initialize", json!({"processId": null, "rootUri": null, "capabilities": {}}));
    assert_eq!(init["capabilities"]["hoverProvider"], true);
    c.notify("initialized", json!({}));
    c.notify(
        "textDocument/didOpen",
        json!({"textDocument": {"uri": uri, "languageId": "plan", "version": 1, "text": text}}),
    );

    // The same diagnostics as grip check, with the same codes.
    let diags = c.diagnostics_for(&uri);
    let codes: Vec<&str> = diags.iter().filter_map(|d| d["code"].as_str()).collect();
    assert!(codes.contains(&"grip::total_mismatch"), "{codes:?}");
    assert!(codes.contains(&"grip::unknown_reference"), "{codes:?}");
    assert!(diags
        .iter()
        .any(|d| d["message"].as_str().unwrap().contains("is € 688.805, but its lines add up to € 690.000")));

    // Hover on a measure: its yearly effects as evaluated.
    let hover = c.request(
        "textDocument/hover",
        json!({"textDocument": {"uri": uri}, "position": position_of(&text, "a1 \"0-meting")}),
    );
    let value = hover["contents"]["value"].as_str().unwrap();
    assert!(value.contains("| 2021 | € 130.000 |"), "{value}");
    assert!(value.contains("| 2024 | € 180.000 |"), "{value}");

    // Hover on a declared total: the recomputed figure and its lines.
    let hover = c.request(
        "textDocument/hover",
        json!({"textDocument": {"uri": uri}, "position": position_of(&text, "688.805")}),
    );
    let value = hover["contents"]["value"].as_str().unwrap();
    assert!(value.contains("printed € 688.805, computed € 690.000"), "{value}");
    assert!(value.contains("measure a1: € 130.000"), "{value}");

    // Hover on a taakveld code: its official name.
    let mut at = position_of(&text, "taakveld 6.72 ");
    at["character"] = json!(at["character"].as_u64().unwrap() + "taakveld ".len() as u64);
    let hover = c.request("textDocument/hover", json!({"textDocument": {"uri": uri}, "position": at}));
    assert!(hover["contents"]["value"].as_str().unwrap().contains("Maatwerkdienstverlening 18-"));

    // Go to definition of a related measure, and its references.
    let mut at = position_of(&text, "related c1");
    at["character"] = json!(at["character"].as_u64().unwrap() + "related ".len() as u64);
    let def = c.request("textDocument/definition", json!({"textDocument": {"uri": uri}, "position": at}));
    let related_line = position_of(&text, "related c1")["line"].clone();
    assert_ne!(def["range"]["start"]["line"], related_line);
    let c1_line = position_of(&text, "measure c1")["line"].clone();
    assert_eq!(def["range"]["start"]["line"], c1_line);
    let refs = c.request("textDocument/references", json!({"textDocument": {"uri": uri}, "position": position_of(&text, "c1 \"Verwervingsstrategie"), "context": {"includeDeclaration": true}}));
    assert!(refs.as_array().unwrap().len() >= 3, "{refs}");

    // The outline.
    let symbols = c.request("textDocument/documentSymbol", json!({"textDocument": {"uri": uri}}));
    let names: Vec<&str> = symbols.as_array().unwrap().iter().filter_map(|s| s["name"].as_str()).collect();
    assert!(names.contains(&"a") && names.contains(&"begroting"), "{names:?}");
    let ws = c.request("workspace/symbol", json!({"query": "jobcoach"}));
    assert_eq!(ws.as_array().unwrap().len(), 1);

    // Completion offers keywords, measure ids and taakveld codes with names.
    let items = c.request(
        "textDocument/completion",
        json!({"textDocument": {"uri": uri}, "position": {"line": 0, "character": 0}}),
    );
    let labels: Vec<&str> = items.as_array().unwrap().iter().filter_map(|i| i["label"].as_str()).collect();
    assert!(labels.contains(&"measure") && labels.contains(&"b7") && labels.contains(&"6.71a"));

    // Live diagnostics on a change, and formatting through grip fmt.
    let messy = "plan \"P\" {\nperiod 2021..2024\n}\nmeasure A \"a\" {\nsaving €1000 from 2022\n}\n";
    c.notify(
        "textDocument/didChange",
        json!({"textDocument": {"uri": uri, "version": 2}, "contentChanges": [{"text": messy}]}),
    );
    assert!(c.diagnostics_for(&uri).is_empty());
    let edits = c.request(
        "textDocument/formatting",
        json!({"textDocument": {"uri": uri}, "options": {"tabSize": 2, "insertSpaces": true}}),
    );
    assert_eq!(
        edits[0]["newText"],
        "plan \"P\" {\n  period 2021..2024\n}\nmeasure A \"a\" {\n  saving € 1.000 from 2022\n}\n"
    );
    c.notify(
        "textDocument/didChange",
        json!({"textDocument": {"uri": uri, "version": 3}, "contentChanges": [{"text": "mesure A \"a\" {}\n"}]}),
    );
    let diags = c.diagnostics_for(&uri);
    assert_eq!(diags[0]["code"], "grip::syntax");
    assert!(diags[0]["message"].as_str().unwrap().contains("did you mean `measure`?"));

    c.request("shutdown", Value::Null);
    c.notify("exit", Value::Null);
    let status = c.child.wait().unwrap();
    assert!(status.success());
}
