//! A JSON-RPC client for `grip lsp`, as an editor speaks to it: shared by the tests that drive
//! the real language server process.
#![allow(dead_code)]

use serde_json::{json, Value};
use std::io::{BufRead, BufReader, Write};
use std::process::{Child, ChildStdin, Command, Stdio};
use std::sync::mpsc::{channel, Receiver};
use std::time::Duration;

pub struct Client {
    pub child: Child,
    stdin: ChildStdin,
    messages: Receiver<Value>,
    next_id: u64,
}

impl Client {
    pub fn start() -> Client {
        Client::spawn(&assert_cmd::cargo::cargo_bin("grip"), &["lsp"])
    }

    /// A language server started as `program args`, spoken to on its stdin and stdout.
    pub fn spawn(program: &std::path::Path, args: &[&str]) -> Client {
        let mut child = Command::new(program)
            .args(args)
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::inherit())
            .spawn()
            .unwrap_or_else(|e| panic!("{} {} starts: {e}", program.display(), args.join(" ")));
        let stdin = child.stdin.take().unwrap();
        let stdout = child.stdout.take().unwrap();
        let (tx, rx) = channel();
        std::thread::spawn(move || {
            let mut reader = BufReader::new(stdout);
            while let Some(message) = receive(&mut reader) {
                if tx.send(message).is_err() {
                    return;
                }
            }
        });
        Client { child, stdin, messages: rx, next_id: 1 }
    }

    /// A started, initialized server with one document open, as an editor begins a session.
    pub fn with_document(uri: &str, text: &str) -> Client {
        let mut c = Client::start();
        c.request("initialize", json!({"capabilities": {}}));
        c.notify("initialized", json!({}));
        c.notify(
            "textDocument/didOpen",
            json!({"textDocument": {"uri": uri, "languageId": "plan", "version": 1, "text": text}}),
        );
        c
    }

    pub fn send(&mut self, msg: Value) {
        let body = msg.to_string();
        write!(self.stdin, "Content-Length: {}\r\n\r\n{body}", body.len()).unwrap();
        self.stdin.flush().unwrap();
    }

    /// Writes raw bytes to the server, as a broken client might.
    pub fn send_raw(&mut self, bytes: &[u8]) {
        self.stdin.write_all(bytes).unwrap();
        self.stdin.flush().unwrap();
    }

    /// The next message from the server (within 20 s).
    pub fn next(&mut self) -> Value {
        self.messages.recv_timeout(Duration::from_secs(20)).expect("a message from grip lsp")
    }

    /// A request whose reply is an error: the error.
    pub fn request_error(&mut self, method: &str, params: Value) -> Value {
        let id = self.next_id;
        self.next_id += 1;
        self.send(json!({"jsonrpc": "2.0", "id": id, "method": method, "params": params}));
        loop {
            let msg = self.next();
            if msg["id"] == id {
                return msg["error"].clone();
            }
        }
    }

    pub fn notify(&mut self, method: &str, params: Value) {
        self.send(json!({"jsonrpc": "2.0", "method": method, "params": params}));
    }

    pub fn request(&mut self, method: &str, params: Value) -> Value {
        self.request_seeing(method, params).0
    }

    /// A request's result, and every other message the server sent before it (notifications,
    /// and its own requests to the client, which are left unanswered).
    pub fn request_seeing(&mut self, method: &str, params: Value) -> (Value, Vec<Value>) {
        let id = self.next_id;
        self.next_id += 1;
        self.send(json!({"jsonrpc": "2.0", "id": id, "method": method, "params": params}));
        let mut others = Vec::new();
        loop {
            let msg = self.messages.recv_timeout(Duration::from_secs(20)).expect("a reply from grip lsp");
            if msg["id"] == id && msg.get("method").is_none() {
                assert!(msg.get("error").is_none(), "{msg}");
                return (msg["result"].clone(), others);
            }
            others.push(msg);
        }
    }

    /// Closes the server's input (as a client that goes away) and gives back the process, to
    /// wait for.
    pub fn close(self) -> Child {
        let Client { child, stdin, .. } = self;
        drop(stdin);
        child
    }

    /// Answers a request the server sent the client.
    pub fn answer(&mut self, request: &Value, result: Value) {
        self.send(json!({"jsonrpc": "2.0", "id": request["id"], "result": result}));
    }

    /// The next diagnostics published for a URI.
    pub fn diagnostics_for(&mut self, uri: &str) -> Vec<Value> {
        loop {
            let msg = self.messages.recv_timeout(Duration::from_secs(20)).expect("diagnostics from grip lsp");
            if msg["method"] == "textDocument/publishDiagnostics" && msg["params"]["uri"] == uri {
                return msg["params"]["diagnostics"].as_array().unwrap().clone();
            }
        }
    }
}

/// Reads one message framed by `Content-Length` from `from`; None when it has closed.
pub fn receive(from: &mut impl BufRead) -> Option<Value> {
    let mut length = None;
    loop {
        let mut line = String::new();
        if from.read_line(&mut line).unwrap_or(0) == 0 {
            return None;
        }
        let line = line.trim_end();
        if line.is_empty() {
            break;
        }
        if let Some(v) = line.strip_prefix("Content-Length: ") {
            length = v.parse::<usize>().ok();
        }
    }
    let mut body = vec![0; length.expect("Content-Length header")];
    from.read_exact(&mut body).ok()?;
    Some(serde_json::from_slice(&body).expect("JSON body"))
}

pub fn position_of(text: &str, needle: &str) -> Value {
    let at = text.find(needle).unwrap_or_else(|| panic!("{needle} not in the plan"));
    let line = text[..at].matches('\n').count();
    let col = text[text[..at].rfind('\n').map(|i| i + 1).unwrap_or(0)..at].encode_utf16().count();
    json!({"line": line, "character": col})
}

/// Byte offset of an LSP position (UTF-16 columns) in a text.
pub fn offset_of(text: &str, pos: &Value) -> usize {
    let line = pos["line"].as_u64().unwrap() as usize;
    let character = pos["character"].as_u64().unwrap() as usize;
    let start: usize = text.split_inclusive('\n').take(line).map(str::len).sum();
    let mut units = 0;
    for (i, ch) in text[start..].char_indices() {
        if units >= character || ch == '\n' {
            return start + i;
        }
        units += ch.len_utf16();
    }
    text.len()
}

/// A text with LSP text edits applied, as an editor applies them.
pub fn apply_edits(text: &str, edits: &[Value]) -> String {
    let mut spans: Vec<(usize, usize, String)> = edits
        .iter()
        .map(|e| {
            (
                offset_of(text, &e["range"]["start"]),
                offset_of(text, &e["range"]["end"]),
                e["newText"].as_str().unwrap().to_string(),
            )
        })
        .collect();
    spans.sort_by_key(|s| std::cmp::Reverse(s.0));
    let mut out = text.to_string();
    for (start, end, new) in spans {
        out.replace_range(start..end, &new);
    }
    out
}
