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
        .any(|d| d["message"].as_str().unwrap().contains("tellen op tot € 690.000, maar er staat € 688.805")));

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
    assert!(value.contains("vermeld € 688.805, berekend € 690.000"), "{value}");
    assert!(value.contains("maatregel a1: € 130.000"), "{value}");

    // Hover on a taakveld code: its official name.
    let mut at = position_of(&text, "taakveld 6.72 ");
    at["character"] = json!(at["character"].as_u64().unwrap() + "taakveld ".len() as u64);
    let hover = c.request("textDocument/hover", json!({"textDocument": {"uri": uri}, "position": at}));
    assert!(hover["contents"]["value"].as_str().unwrap().contains("Maatwerkdienstverlening 18-"));

    // Go to definition of a related measure, and its references.
    let mut at = position_of(&text, "relatie c1");
    at["character"] = json!(at["character"].as_u64().unwrap() + "relatie ".len() as u64);
    let def = c.request("textDocument/definition", json!({"textDocument": {"uri": uri}, "position": at}));
    let related_line = position_of(&text, "relatie c1")["line"].clone();
    assert_ne!(def["range"]["start"]["line"], related_line);
    let c1_line = position_of(&text, "maatregel c1")["line"].clone();
    assert_eq!(def["range"]["start"]["line"], c1_line);
    let refs = c.request("textDocument/references", json!({"textDocument": {"uri": uri}, "position": position_of(&text, "c1 \"Verwervingsstrategie"), "context": {"includeDeclaration": true}}));
    assert!(refs.as_array().unwrap().len() >= 3, "{refs}");

    // The outline.
    let symbols = c.request("textDocument/documentSymbol", json!({"textDocument": {"uri": uri}}));
    let names: Vec<&str> = symbols.as_array().unwrap().iter().filter_map(|s| s["name"].as_str()).collect();
    assert!(names.contains(&"a") && names.contains(&"begroting"), "{names:?}");
    let ws = c.request("workspace/symbol", json!({"query": "jobcoach"}));
    assert_eq!(ws.as_array().unwrap().len(), 1);

    // Completion at the start of a line offers the keywords that may begin a line there (see
    // tests/lsp_features.rs for the rest).
    let items = c.request(
        "textDocument/completion",
        json!({"textDocument": {"uri": uri}, "position": {"line": 0, "character": 0}}),
    );
    let labels: Vec<&str> = items.as_array().unwrap().iter().filter_map(|i| i["label"].as_str()).collect();
    // The keywords of the plan's language: the example is written with Dutch keywords.
    assert!(labels.contains(&"maatregel") && !labels.contains(&"measure"), "{labels:?}");
    assert!(!labels.contains(&"b7") && !labels.contains(&"6.71a"), "{labels:?}");

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

// ---------------------------------------------------------------------------------------------
// A client that misbehaves (the defects of the adversarial run, by name).
// ---------------------------------------------------------------------------------------------

/// Any malformed message ended the server; now it is answered with an error and the server
/// reads on. `Content-Length: 99999999999999` aborted it and 8000000000 allocated 7,8 GB.
#[test]
fn malformed_messages_get_an_error_reply_and_the_server_goes_on() {
    let mut c = Client::start();
    c.request("initialize", json!({"capabilities": {}}));
    c.send_raw(b"Content-Length: 9\r\n\r\nnot json!");
    let reply = c.next();
    assert_eq!(reply["error"]["code"], -32700, "{reply}");
    c.send_raw(b"Content-Length: 12\r\n\r\n{\"hello\": 1}");
    assert_eq!(c.next()["error"]["code"], -32600);
    c.send_raw(b"Content-Length: lots\r\n\r\n");
    assert_eq!(c.next()["error"]["code"], -32700);
    c.send_raw(b"Content-Length: 99999999999999\r\n\r\n");
    // The server skips what it announced, in pieces; the client here sends no more, so the
    // server does not answer yet: it is still there, and reads the next frame once the
    // announced bytes have come. (A client that announced 8 GB sends 8 GB.)
    let mut c = Client::start();
    c.request("initialize", json!({"capabilities": {}}));
    let big = 300 << 20;
    c.send_raw(format!("Content-Length: {big}\r\n\r\n").as_bytes());
    let chunk = vec![b' '; 1 << 20];
    for _ in 0..300 {
        c.send_raw(&chunk);
    }
    assert_eq!(c.next()["error"]["code"], -32600);
    // And it still answers.
    let r = c.request("workspace/symbol", json!({"query": ""}));
    assert!(r.is_array(), "{r}");
    c.request("shutdown", Value::Null);
    c.notify("exit", Value::Null);
    assert_eq!(c.child.wait().unwrap().code(), Some(0));
}

/// A request before `initialize` made the server print Rust's debug form of it and stop.
#[test]
fn a_request_before_initialize_is_told_so_in_words() {
    let mut c = Client::start();
    let error = c.request_error(
        "textDocument/hover",
        json!({"textDocument": {"uri": "file:///x.plan"}, "position": {"line": 0, "character": 0}}),
    );
    assert_eq!(error["code"], -32002, "{error}");
    assert!(error["message"].as_str().unwrap().contains("send `initialize` before `textDocument/hover`"), "{error}");
    c.request("initialize", json!({"capabilities": {}}));
    c.notify("exit", Value::Null);
    // Exit without shutdown: 1, as the protocol says.
    assert_eq!(c.child.wait().unwrap().code(), Some(1));
}

/// 1.000 quick edits of a large plan were each checked in turn (diagnostics for the last one
/// after 181 s); edits that a later edit of the same document makes moot are skipped.
#[test]
fn a_burst_of_edits_is_checked_once() {
    let mut plan = String::from("plan \"P\" {\n  period 2021..2024\n}\n");
    for i in 0..2000 {
        plan.push_str(&format!("measure M{i} \"m\" {{\n  saving € {} from 2022\n}}\n", 1000 + i));
    }
    let mut c = Client::start();
    c.request("initialize", json!({"capabilities": {}}));
    c.notify("initialized", json!({}));
    let uri = "file:///tmp/grip-burst.plan";
    c.notify(
        "textDocument/didOpen",
        json!({"textDocument": {"uri": uri, "languageId": "plan", "version": 1, "text": plan}}),
    );
    let _ = c.diagnostics_for(uri);
    let started = std::time::Instant::now();
    for v in 2..=301 {
        let text = format!("{plan}measure X \"x\" {{\n  saving € {v} from 2022\n}}\n");
        c.notify(
            "textDocument/didChange",
            json!({"textDocument": {"uri": uri, "version": v}, "contentChanges": [{"text": text}]}),
        );
    }
    // A request after the burst: everything published before its reply is what the burst cost.
    c.send(json!({"jsonrpc": "2.0", "id": 999, "method": "workspace/symbol", "params": {"query": "X"}}));
    let mut published = 0;
    loop {
        let msg = c.next();
        if msg["id"] == 999 {
            break;
        }
        if msg["method"] == "textDocument/publishDiagnostics" && msg["params"]["uri"] == uri {
            published += 1;
        }
    }
    assert!(published < 300, "every edit was checked: {published} publications");
    // The last edit is the one the server holds.
    let hover = c.request(
        "textDocument/hover",
        json!({"textDocument": {"uri": uri}, "position": {"line": 3 + 3 * 2000, "character": 9}}),
    );
    assert!(hover["contents"]["value"].as_str().is_some_and(|v| v.contains("€ 301")), "{hover}");
    eprintln!("a burst of 300 edits: {published} checks, {:?}", started.elapsed());
    let _ = started;
}
