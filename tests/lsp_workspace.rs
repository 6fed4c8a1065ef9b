//! What `grip lsp` does about the workspace around the open plans, driven over JSON-RPC as an
//! editor does: a settings change makes it ask the client to refresh its inlay hints and code
//! lenses (when the client can be asked); files an open plan reads from disk (includes, the plan
//! of a progress file) that change, appear or go are checked again
//! (`workspace/didChangeWatchedFiles`), and a client that can register a watcher is asked to
//! watch the plans.

mod common;

use common::{position_of, Client};
use serde_json::{json, Value};

/// A plan whose printed totals all add up: without `grip.inlayHints.allTotals`, no figure
/// beside them; with it, the computed one beside each.
const PLAN: &str = "plan \"Dekking\" {\n  period 2024..2025\n}\n\ntable D \"Dekkingsplan\" {\n  columns 2024, 2025\n  row precario \"Precario\" : 10.000 12.000\n  row leges \"Leges\" : 20.000 20.500\n  total dekking \"Totaal dekking\" = precario + leges : 30.000 32.500\n}\n";

const URI: &str = "file:///tmp/grip-refresh.plan";

fn start(capabilities: Value) -> Client {
    let mut c = Client::start();
    c.request("initialize", json!({"capabilities": capabilities}));
    c.notify("initialized", json!({}));
    c
}

fn open(c: &mut Client, uri: &str, text: &str) -> Vec<Value> {
    c.notify(
        "textDocument/didOpen",
        json!({"textDocument": {"uri": uri, "languageId": "plan", "version": 1, "text": text}}),
    );
    c.diagnostics_for(uri)
}

fn inlay_labels(c: &mut Client, uri: &str) -> Vec<String> {
    let hints = c.request(
        "textDocument/inlayHint",
        json!({"textDocument": {"uri": uri}, "range": {"start": {"line": 0, "character": 0}, "end": {"line": 999, "character": 0}}}),
    );
    hints.as_array().unwrap().iter().map(|h| h["label"].as_str().unwrap().to_string()).collect()
}

fn set_all_totals(c: &mut Client, on: bool) {
    c.notify("workspace/didChangeConfiguration", json!({"settings": {"grip": {"inlayHints": {"allTotals": on}}}}));
}

/// The methods of the requests among `messages` (what the server asked the client).
fn requests(messages: &[Value]) -> Vec<String> {
    messages
        .iter()
        .filter(|m| m.get("method").is_some() && m.get("id").is_some())
        .map(|m| m["method"].as_str().unwrap().to_string())
        .collect()
}

#[test]
fn a_settings_change_asks_a_client_that_can_refresh_to_refresh_hints_and_lenses() {
    let mut c =
        start(json!({"workspace": {"inlayHint": {"refreshSupport": true}, "codeLens": {"refreshSupport": true}}}));
    open(&mut c, URI, PLAN);
    assert_eq!(inlay_labels(&mut c, URI), Vec::<String>::new(), "every total adds up: no hint");

    set_all_totals(&mut c, true);
    // The refreshes come before the answer to any later request: the server handles messages in
    // order. The client answers them, as an editor does, and asks for the hints again.
    let (_, seen) = c.request_seeing("textDocument/codeLens", json!({"textDocument": {"uri": URI}}));
    assert_eq!(requests(&seen), ["workspace/inlayHint/refresh", "workspace/codeLens/refresh"], "{seen:?}");
    for request in seen.iter().filter(|m| m.get("id").is_some()) {
        assert!(request.get("params").is_none_or(Value::is_null), "a refresh has no parameters: {request}");
        c.answer(request, Value::Null);
    }
    let labels = inlay_labels(&mut c, URI);
    assert_eq!(labels, ["computed € 30.000", "computed € 32.500"], "the hints reflect the new setting");

    // The same setting again changes nothing: nothing to refresh.
    set_all_totals(&mut c, true);
    let (_, seen) = c.request_seeing("textDocument/codeLens", json!({"textDocument": {"uri": URI}}));
    assert_eq!(requests(&seen), Vec::<String>::new());
    // Off again: refreshed again, and the hints are gone.
    set_all_totals(&mut c, false);
    let (_, seen) = c.request_seeing("textDocument/codeLens", json!({"textDocument": {"uri": URI}}));
    assert_eq!(requests(&seen).len(), 2, "{seen:?}");
    assert_eq!(inlay_labels(&mut c, URI), Vec::<String>::new());
}

#[test]
fn a_client_that_cannot_refresh_is_not_asked_to() {
    // Only inlay hints: only they are refreshed.
    let mut c =
        start(json!({"workspace": {"inlayHint": {"refreshSupport": true}, "codeLens": {"refreshSupport": false}}}));
    open(&mut c, URI, PLAN);
    set_all_totals(&mut c, true);
    let (_, seen) = c.request_seeing("textDocument/codeLens", json!({"textDocument": {"uri": URI}}));
    assert_eq!(requests(&seen), ["workspace/inlayHint/refresh"]);

    // Neither: no request at all, and the setting still applies to the next answer.
    let mut c = start(json!({}));
    open(&mut c, URI, PLAN);
    set_all_totals(&mut c, true);
    let (labels, seen) = c.request_seeing(
        "textDocument/inlayHint",
        json!({"textDocument": {"uri": URI}, "range": {"start": {"line": 0, "character": 0}, "end": {"line": 99, "character": 0}}}),
    );
    assert_eq!(requests(&seen), Vec::<String>::new(), "{seen:?}");
    assert_eq!(labels.as_array().unwrap().len(), 2, "{labels}");
}

#[test]
fn a_client_that_can_register_a_watcher_is_asked_to_watch_the_plans() {
    let mut c = Client::start();
    c.request(
        "initialize",
        json!({"capabilities": {"workspace": {"didChangeWatchedFiles": {"dynamicRegistration": true}}}}),
    );
    c.notify("initialized", json!({}));
    let registration = c.next();
    assert_eq!(registration["method"], "client/registerCapability", "{registration}");
    let r = &registration["params"]["registrations"][0];
    assert_eq!(r["method"], "workspace/didChangeWatchedFiles");
    assert_eq!(r["registerOptions"]["watchers"], json!([{"globPattern": "**/*.plan"}]));
    c.answer(&registration, Value::Null);
    // The answer is read and dropped; the server goes on.
    assert_eq!(c.request("workspace/symbol", json!({"query": ""})), json!([]));

    // A client that cannot is not asked.
    let mut c = Client::start();
    c.request(
        "initialize",
        json!({"capabilities": {"workspace": {"didChangeWatchedFiles": {"dynamicRegistration": false}}}}),
    );
    c.notify("initialized", json!({}));
    let (_, seen) = c.request_seeing("workspace/symbol", json!({"query": ""}));
    assert!(seen.is_empty(), "{seen:?}");
}

fn file_uri(path: &std::path::Path) -> String {
    format!("file://{}", path.display())
}

fn codes(diagnostics: &[Value]) -> Vec<String> {
    diagnostics.iter().map(|d| d["code"].as_str().unwrap_or("").to_string()).collect()
}

fn watched(c: &mut Client, path: &std::path::Path, kind: u8) {
    c.notify("workspace/didChangeWatchedFiles", json!({"changes": [{"uri": file_uri(path), "type": kind}]}));
}

#[test]
fn an_included_file_that_changes_on_disk_is_checked_again_with_the_plan_that_includes_it() {
    let dir = tempfile::tempdir().unwrap();
    let dir = dir.path().canonicalize().unwrap();
    let main = dir.join("begroting.plan");
    let part = dir.join("maatregelen.plan");
    let later = dir.join("later.plan");
    let text = "plan \"P\" {\n  period 2024..2025\n}\ninclude \"maatregelen.plan\"\ninclude \"later.plan\"\n\ntotal saving € 30.000\n";
    std::fs::write(&main, text).unwrap();
    std::fs::write(&part, "measure M.1 \"Minder inhuur\" {\n  saving € 30.000 from 2024\n}\n").unwrap();
    let uri = file_uri(&main);

    let mut c = start(json!({"workspace": {"inlayHint": {"refreshSupport": true}}}));
    let first = open(&mut c, &uri, text);
    assert_eq!(codes(&first), ["grip::include_not_found"], "{first:?}");
    assert_eq!(inlay_labels(&mut c, &uri), Vec::<String>::new());

    // The included file now saves less: the plan's total no longer adds up. The plan's
    // diagnostics are published, and the editor is asked to show its hints again: the computed
    // figure now stands beside the total.
    std::fs::write(&part, "measure M.1 \"Minder inhuur\" {\n  saving € 25.000 from 2024\n}\n").unwrap();
    watched(&mut c, &part, 2);
    let (_, seen) = c.request_seeing("workspace/symbol", json!({"query": "zzz"}));
    let published: Vec<&Value> =
        seen.iter().filter(|m| m["method"] == "textDocument/publishDiagnostics" && m["params"]["uri"] == uri).collect();
    assert_eq!(published.len(), 1, "{seen:?}");
    let after = published[0]["params"]["diagnostics"].as_array().unwrap().clone();
    assert_eq!(codes(&after), ["grip::include_not_found", "grip::total_mismatch"], "{after:?}");
    let mismatch = &after[1];
    assert_eq!(mismatch["range"]["start"], position_of(text, "€ 30.000"));
    assert!(mismatch["message"].as_str().unwrap().contains("€ 25.000"), "{mismatch}");
    assert_eq!(requests(&seen), ["workspace/inlayHint/refresh"], "{seen:?}");
    assert_eq!(inlay_labels(&mut c, &uri), ["computed € 25.000"]);

    // The file it could not include is there now.
    std::fs::write(&later, "measure M.2 \"Minder huur\" {\n  saving € 5.000 from 2024\n}\n").unwrap();
    watched(&mut c, &later, 1);
    let after = c.diagnostics_for(&uri);
    assert_eq!(codes(&after), Vec::<String>::new(), "€ 25.000 + € 5.000 is the total: {after:?}");

    // And gone again.
    std::fs::remove_file(&later).unwrap();
    watched(&mut c, &later, 3);
    let after = c.diagnostics_for(&uri);
    assert_eq!(codes(&after), ["grip::include_not_found", "grip::total_mismatch"], "{after:?}");

    // (The refresh that followed those diagnostics.)
    let (_, seen) = c.request_seeing("workspace/symbol", json!({"query": "zzz"}));
    assert_eq!(requests(&seen), ["workspace/inlayHint/refresh"], "{seen:?}");

    // A plan the open one does not read: nothing is checked, nothing published or refreshed.
    let other = dir.join("elders.plan");
    std::fs::write(&other, "measure X.1 \"x\" {\n  saving € 1 from 2024\n}\n").unwrap();
    watched(&mut c, &other, 1);
    let (_, seen) = c.request_seeing("workspace/symbol", json!({"query": "zzz"}));
    assert!(seen.is_empty(), "{seen:?}");
}

#[test]
fn a_progress_file_is_checked_again_when_the_plan_it_reports_on_changes() {
    let dir = tempfile::tempdir().unwrap();
    let dir = dir.path().canonicalize().unwrap();
    let plan = dir.join("plan.plan");
    let progress = dir.join("voortgang.plan");
    std::fs::write(
        &plan,
        "plan \"P\" {\n  period 2024..2025\n}\nmeasure M.1 \"Minder inhuur\" {\n  saving € 30.000 from 2024\n}\n",
    )
    .unwrap();
    let text = "progress of \"plan.plan\"\n\nmoment \"1e bestuursrapportage 2024\" 2024-05-15 {\n  measure M.1 {\n    phase 1\n  }\n}\n";
    std::fs::write(&progress, text).unwrap();
    let uri = file_uri(&progress);
    let mut c = start(json!({}));
    let first = open(&mut c, &uri, text);
    assert_eq!(codes(&first), Vec::<String>::new(), "{first:?}");

    // The plan no longer has M.1: the progress file reports on a measure that is not there.
    std::fs::write(
        &plan,
        "plan \"P\" {\n  period 2024..2025\n}\nmeasure M.2 \"Minder huur\" {\n  saving € 30.000 from 2024\n}\n",
    )
    .unwrap();
    watched(&mut c, &plan, 2);
    let after = c.diagnostics_for(&uri);
    assert_eq!(codes(&after), ["grip::unknown_reference"], "{after:?}");
}
