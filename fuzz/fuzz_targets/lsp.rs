//! `grip lsp` with any client: the bytes on its wire (framing) and any sequence of messages
//! (open, change, hover, definition, references, symbols, formatting, completion, code actions,
//! rename, inlay hints, folding, highlights, code lenses, close) never
//! make it panic. The input is split: its first part is read as raw frames, the rest as lines of
//! JSON messages, each sent to the engine in turn.
#![no_main]

use libfuzzer_sys::fuzz_target;
use lsp_server::Message;

fuzz_target!(|data: &[u8]| {
    let cut = data.iter().position(|b| *b == 0).unwrap_or(data.len());
    let _ = grip::lsp::transport::count_messages(&data[..cut]);
    let Ok(text) = std::str::from_utf8(data.get(cut + 1..).unwrap_or(&[])) else { return };
    let mut engine = grip::lsp::Engine::default();
    for line in text.lines() {
        // A message is either JSON as a client would send it, or the text of a document.
        let msg: Message = match serde_json::from_str(line) {
            Ok(m) => m,
            Err(_) => {
                if line.contains("include") || line.contains("part") {
                    continue;
                }
                let uri = "file:///fuzz/x.plan";
                let params = serde_json::json!({"textDocument": {"uri": uri, "version": 1}, "contentChanges": [{"text": line.replace("\\n", "\n")}]});
                let _ = engine.handle(Message::Notification(lsp_server::Notification::new("textDocument/didChange".into(), params)));
                for (i, method) in ["textDocument/hover", "textDocument/definition", "textDocument/references", "textDocument/completion", "textDocument/documentHighlight", "textDocument/prepareRename", "textDocument/rename", "textDocument/codeAction", "textDocument/inlayHint", "textDocument/foldingRange", "textDocument/codeLens", "textDocument/selectionRange", "textDocument/semanticTokens/full"].iter().enumerate() {
                    let position = serde_json::json!({"line": i % 4, "character": line.len() % 40});
                    let range = serde_json::json!({"start": {"line": 0, "character": 0}, "end": position});
                    let params = serde_json::json!({"textDocument": {"uri": uri}, "position": position, "range": range, "newName": "x1", "positions": [position], "context": {"includeDeclaration": true, "diagnostics": []}});
                    let req = lsp_server::Request::new(lsp_server::RequestId::from(i as i32), method.to_string(), params);
                    let _ = engine.handle(Message::Request(req));
                }
                let params = serde_json::json!({"textDocument": {"uri": uri}, "options": {"tabSize": 2, "insertSpaces": true}});
                let _ = engine.handle(Message::Request(lsp_server::Request::new(99.into(), "textDocument/formatting".into(), params)));
                continue;
            }
        };
        let _ = engine.handle(msg);
    }
});
