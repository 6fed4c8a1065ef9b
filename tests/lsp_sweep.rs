//! Every request of `grip lsp` at every line of every fixture and example, at several columns
//! (in the middle of a figure, after the end of a line, on a line that is not there), and on
//! texts with multi-byte letters and spaces: an answer each time, never a panic. The engine is
//! driven directly (the wire is tested in tests/lsp.rs), so the sweep takes seconds.

use lsp_server::{Message, Notification, Request, RequestId};
use serde_json::json;

fn sweep(engine: &mut grip::lsp::Engine, uri: &str, text: &str) {
    let open = json!({"textDocument": {"uri": uri, "languageId": "plan", "version": 1, "text": text}});
    let _ = engine.handle(Message::Notification(Notification::new("textDocument/didOpen".into(), open)));
    let doc = json!({"uri": uri});
    let whole =
        json!({"start": {"line": 0, "character": 0}, "end": {"line": text.lines().count() + 2, "character": 0}});
    let mut id = 0;
    let mut ask = |engine: &mut grip::lsp::Engine, method: &str, params: serde_json::Value| {
        id += 1;
        let out = engine.handle(Message::Request(Request::new(RequestId::from(id), method.into(), params)));
        assert!(matches!(out.as_slice(), [Message::Response(_)]), "{method}: {out:?}");
    };
    for method in [
        "textDocument/foldingRange",
        "textDocument/codeLens",
        "textDocument/documentSymbol",
        "textDocument/formatting",
        "textDocument/semanticTokens/full",
    ] {
        ask(engine, method, json!({"textDocument": doc, "options": {"tabSize": 2, "insertSpaces": true}}));
    }
    ask(engine, "textDocument/inlayHint", json!({"textDocument": doc, "range": whole}));
    let lines: Vec<&str> = text.lines().collect();
    for line in 0..=lines.len() + 1 {
        let len = lines.get(line).map(|l| l.encode_utf16().count()).unwrap_or(0);
        for character in [0, 2, len / 2, len.saturating_sub(1), len, len + 5] {
            let at = json!({"line": line, "character": character});
            let params = json!({"textDocument": doc, "position": at});
            for method in [
                "textDocument/hover",
                "textDocument/completion",
                "textDocument/definition",
                "textDocument/documentHighlight",
                "textDocument/prepareRename",
            ] {
                // A refusal (prepareRename on a keyword) is an answer too.
                ask(engine, method, params.clone());
            }
            ask(
                engine,
                "textDocument/references",
                json!({"textDocument": doc, "position": at, "context": {"includeDeclaration": true}}),
            );
            ask(engine, "textDocument/selectionRange", json!({"textDocument": doc, "positions": [at]}));
            ask(engine, "textDocument/rename", json!({"textDocument": doc, "position": at, "newName": "x_1"}));
            let range = json!({"start": {"line": line, "character": 0}, "end": at});
            ask(
                engine,
                "textDocument/codeAction",
                json!({"textDocument": doc, "range": range, "context": {"diagnostics": []}}),
            );
        }
    }
}

#[test]
fn every_request_anywhere_in_every_plan_is_answered() {
    let mut engine = grip::lsp::Engine::default();
    let mut files: Vec<std::path::PathBuf> = Vec::new();
    for dir in ["tests/fixtures", "tests/fixtures/progress", "examples"] {
        for entry in std::fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            if path.extension().is_some_and(|e| e == "plan") {
                files.push(std::fs::canonicalize(path).unwrap());
            }
        }
    }
    files.sort();
    assert!(files.len() > 50);
    for path in files {
        let text = std::fs::read_to_string(&path).unwrap();
        sweep(&mut engine, &format!("file://{}", path.display()), &text);
    }
}

#[test]
fn half_written_and_strange_text_is_answered_too() {
    let mut engine = grip::lsp::Engine::default();
    let texts = [
        "",
        "{",
        "}}}}",
        "measure\u{a0}A\u{a0}\"x\"\u{a0}{\n\u{a0}taakveld\u{a0}6.1,\u{a0}\n\u{a0}related\u{2003}",
        "plan \"P\" {\n  period 2021..2024\n}\nmeasure А.1 \"кириллица\" {\n  saving € 1.000 from 2022\n  related А.1, \n",
        "moment \"m\" 2022-01-01 {\n  measure \n  measure x {\n    fase \n",
        "table T \"t\" {\n  columns 2021..2022\n  row a \"a\" : 1 2\n  total t \"t\" = a + T. + T.a : 1 2\n}\n",
        "group G \"g\" {\n  target € 1.000 by 2024\n  total saving € 1,5 mln\n  total saving € 1.000 (500) 2022: € 120.000,-\n}\n",
        "/* open comment\nmeasure a \"b\" {\n",
        "\"unterminated\nmeasure 😀 \"😀\" { saving € 1.000 from 2022 }\n",
    ];
    for (i, text) in texts.iter().enumerate() {
        sweep(&mut engine, &format!("file:///tmp/grip-sweep-{i}.plan"), text);
    }
}
