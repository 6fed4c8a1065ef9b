//! The language server's incremental text sync and its re-use of the pieces of the last parse:
//! after any sequence of edits, the text the server holds and the diagnostics it publishes are
//! exactly those of a fresh open of the same text.
//!
//! Random edits (a figure changed, a line copied, text deleted, braces, line breaks, CRLF,
//! letters outside the BMP) of every example and a generated plan, applied one by one and in
//! batches: in process against a fresh parse and a fresh check after every edit, and through the
//! real `grip lsp` process against a fresh server at checkpoints.

mod common;

use common::Client;
use grip::syntax::ast::FileId;
use serde_json::{json, Value};

#[allow(dead_code)]
#[path = "../examples/gen.rs"]
mod gen;

/// A small deterministic random number generator (xorshift), so a failure can be replayed.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
}

/// A byte offset in `text` at the start of a character and not between the CR and LF of a
/// line end (no LSP position names that spot).
fn spot(text: &str, rng: &mut Rng) -> usize {
    let mut at = rng.below(text.len() + 1);
    while !text.is_char_boundary(at) || (at > 0 && text.as_bytes()[at - 1] == b'\r' && text[at..].starts_with('\n')) {
        at -= 1;
    }
    at
}

/// One random edit of `text`: the byte range it replaces and the new text.
fn edit(text: &str, rng: &mut Rng) -> (usize, usize, String) {
    const SNIPPETS: &[&str] = &[
        " ",
        "\n",
        "\r\n",
        "x",
        "€",
        "😀",
        "}",
        "{",
        "\"",
        "1",
        "\n// a comment\n",
        "\nmeasure M_new \"Nieuw 😀\" {\n  saving € 1.000 from 2025\n}\n",
        "\ngroup G_new \"Nieuw\" {\n  measure M_in \"In\" { saving € 5 }\n}\n",
    ];
    match rng.below(10) {
        // A figure changed: the commonest edit, and the plan stays readable.
        0..=3 => {
            let digits: Vec<usize> =
                text.bytes().enumerate().filter(|(_, b)| b.is_ascii_digit()).map(|(i, _)| i).collect();
            if digits.is_empty() {
                return (0, 0, "1".into());
            }
            let at = digits[rng.below(digits.len())];
            (at, at + 1, ((b'0' + rng.below(10) as u8) as char).to_string())
        }
        4..=6 => {
            let at = spot(text, rng);
            (at, at, SNIPPETS[rng.below(SNIPPETS.len())].to_string())
        }
        7 => {
            let a = spot(text, rng);
            let mut b = (a + 1 + rng.below(24)).min(text.len());
            while !text.is_char_boundary(b) || (b > 0 && text.as_bytes()[b - 1] == b'\r' && text[b..].starts_with('\n'))
            {
                b -= 1;
            }
            (a, b.max(a), String::new())
        }
        // A line copied to the start of another line.
        8 => {
            let starts: Vec<usize> = std::iter::once(0)
                .chain(text.match_indices('\n').map(|(i, _)| i + 1))
                .filter(|&i| i <= text.len())
                .collect();
            let from = starts[rng.below(starts.len())];
            let line_end = text[from..].find('\n').map(|i| from + i + 1).unwrap_or(text.len());
            let to = starts[rng.below(starts.len())];
            (to, to, text[from..line_end].to_string())
        }
        // An edit at the very end of the text.
        _ => (text.len(), text.len(), SNIPPETS[rng.below(SNIPPETS.len())].to_string()),
    }
}

/// The LSP position (line, UTF-16 column) of a byte offset: lines end at LF, CRLF or a lone CR.
fn position(text: &str, at: usize) -> Value {
    let bytes = text.as_bytes();
    let (mut line, mut line_start, mut i) = (0, 0, 0);
    while i < at {
        match bytes[i] {
            b'\n' => {
                line += 1;
                line_start = i + 1;
            }
            b'\r' if bytes.get(i + 1) != Some(&b'\n') => {
                line += 1;
                line_start = i + 1;
            }
            _ => {}
        }
        i += 1;
    }
    json!({"line": line, "character": text[line_start..at].encode_utf16().count()})
}

/// Every example, as written and with CRLF line ends, and a generated plan large enough to be
/// cut into many pieces.
fn plans() -> Vec<(String, String)> {
    let mut out = Vec::new();
    for name in ["starter", "leudal", "noordoostpolder", "leudal-voortgang"] {
        let path = format!("examples/{name}.plan");
        let text = std::fs::read_to_string(&path).expect("the example is there");
        out.push((path.clone(), text.clone()));
        if name == "leudal" {
            out.push((path, text.replace('\n', "\r\n")));
        }
    }
    let mut buf = Vec::new();
    gen::generate(gen::options(&["--measures", "120", "--group-size", "6"]), &mut buf).expect("the generator writes");
    let dir = std::env::temp_dir().join(format!("grip-lsp-incremental-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("a temporary folder");
    out.push((dir.join("generated.plan").display().to_string(), String::from_utf8(buf).expect("UTF-8")));
    out
}

/// In process, after every edit: the parse that re-uses pieces is the fresh parse (the same
/// AST, spans included), and the check that re-uses them gives the fresh check's diagnostics.
#[test]
fn reused_pieces_give_exactly_a_fresh_parse_and_check() {
    for (seed, (path, original)) in plans().into_iter().enumerate() {
        let mut rng = Rng(0x9e37_79b9_7f4a_7c15 ^ (seed as u64 + 1));
        let mut parse_reuse = grip::syntax::reuse::Reuse::new();
        let mut check_reuse = grip::syntax::reuse::Reuse::new();
        let mut text = original.clone();
        let mut reused = 0;
        for step in 0..80 {
            // Now and then the whole text again, as after an undo of everything.
            if step % 40 == 39 {
                text = original.clone();
            } else {
                let (a, b, new) = edit(&text, &mut rng);
                text.replace_range(a..b, &new);
            }
            let lf = grip::source::lone_cr_as_lf(text.clone());
            let (fresh_doc, fresh_diags) = grip::syntax::parse(FileId(0), &lf);
            let (doc, diags) = parse_reuse.parse(FileId(0), &lf);
            reused += parse_reuse.reused;
            assert_eq!(
                serde_json::to_value(&doc).unwrap(),
                serde_json::to_value(&fresh_doc).unwrap(),
                "{path}, step {step}: the AST differs from a fresh parse"
            );
            assert_eq!(diags, fresh_diags, "{path}, step {step}");
            let fresh = grip::api::check_text(&path, Some(std::path::Path::new(&path)), text.clone());
            let checked =
                grip::api::check_text_reusing(&path, Some(std::path::Path::new(&path)), text.clone(), &mut check_reuse);
            assert_eq!(checked.diagnostics, fresh.diagnostics, "{path}, step {step}: diagnostics differ");
        }
        assert!(reused > 0, "{path}: no piece was ever re-used");
    }
}

/// What the server published for `uri` last, after everything sent so far was handled (a
/// request is answered after the notifications before it).
fn settle(c: &mut Client, uri: &str, id: u64) -> Option<Vec<Value>> {
    c.send(json!({"jsonrpc": "2.0", "id": id, "method": "textDocument/documentSymbol",
                  "params": {"textDocument": {"uri": uri}}}));
    let mut last = None;
    loop {
        let msg = c.next();
        if msg["id"] == id {
            return last;
        }
        if msg["method"] == "textDocument/publishDiagnostics" && msg["params"]["uri"] == uri {
            last = Some(msg["params"]["diagnostics"].as_array().unwrap().clone());
        }
    }
}

/// Through the real `grip lsp`: random range edits, one at a time and several in one
/// `didChange`, and bursts of changes sent without waiting; at checkpoints the published
/// diagnostics equal those of a fresh server that opens the same text.
#[test]
fn incremental_edits_through_grip_lsp_equal_a_fresh_open() {
    for (seed, (path, original)) in plans().into_iter().enumerate() {
        let abs = std::fs::canonicalize(std::path::Path::new(&path).parent().unwrap())
            .unwrap()
            .join(std::path::Path::new(&path).file_name().unwrap());
        let uri = format!("file://{}", abs.display());
        let mut rng = Rng(0x2545_f491_4f6c_dd1d ^ (seed as u64 + 7));
        let mut c = Client::with_document(&uri, &original);
        let mut text = original.clone();
        let mut version = 1;
        let mut id = 1000;
        let mut published = Vec::new();
        for round in 0..6 {
            for _ in 0..6 {
                // One to three edits in one notification, each against the text the edits
                // before it left.
                let mut changes = Vec::new();
                for _ in 0..1 + rng.below(3) {
                    let (a, b, new) = edit(&text, &mut rng);
                    changes
                        .push(json!({"range": {"start": position(&text, a), "end": position(&text, b)}, "text": new}));
                    text.replace_range(a..b, &new);
                }
                version += 1;
                c.notify(
                    "textDocument/didChange",
                    json!({"textDocument": {"uri": uri, "version": version}, "contentChanges": changes}),
                );
                // Mostly one change at a time; sometimes a burst the server takes in one go.
                if rng.below(3) != 0 {
                    id += 1;
                    published = settle(&mut c, &uri, id).expect("diagnostics after a change");
                }
            }
            id += 1;
            if let Some(last) = settle(&mut c, &uri, id) {
                published = last;
            }
            let mut fresh = Client::with_document(&uri, &text);
            let expected = fresh.diagnostics_for(&uri);
            assert_eq!(published, expected, "{path}, round {round}: the diagnostics differ from a fresh open");
            // The text the server holds is the editor's: formatting it gives the same answer.
            id += 1;
            let params = json!({"textDocument": {"uri": uri}, "options": {"tabSize": 2, "insertSpaces": true}});
            let ours = c.request("textDocument/formatting", params.clone());
            let theirs = fresh.request("textDocument/formatting", params);
            assert_eq!(ours, theirs, "{path}, round {round}: the server's text differs");
            // Back to the original text now and then, as a whole-text change.
            if round % 3 == 2 {
                text = original.clone();
                version += 1;
                c.notify(
                    "textDocument/didChange",
                    json!({"textDocument": {"uri": uri, "version": version}, "contentChanges": [{"text": text}]}),
                );
                id += 1;
                published = settle(&mut c, &uri, id).expect("diagnostics after a change");
            }
        }
    }
}

#[test]
fn the_server_asks_for_incremental_sync() {
    let mut c = Client::start();
    let init = c.request("initialize", json!({"capabilities": {}}));
    assert_eq!(init["capabilities"]["textDocumentSync"], json!(2), "{init}");
}
