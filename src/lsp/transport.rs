//! The language server's wire: LSP messages framed by `Content-Length` headers on stdin and
//! stdout. Written here rather than taken from `lsp_server::Connection::stdio` so that no client
//! can end or exhaust the server: a message that is not JSON, not a message, or without a
//! readable header gets an error reply and the server reads on; a message larger than
//! [`MAX_MESSAGE_BYTES`] is answered with an error and skipped without being held in memory.

use lsp_server::{Connection, Message};
use std::io::{BufRead, Read, Write};
use std::sync::{Arc, Mutex};
use std::thread::JoinHandle;

/// The largest message the server reads: far more than a plan of 100.000 measures (30 MB).
pub const MAX_MESSAGE_BYTES: usize = 256 << 20;

/// A connection on stdin and stdout: the server's end, and the threads that move the bytes.
pub fn stdio() -> (Connection, Vec<JoinHandle<()>>) {
    let (server, client) = Connection::memory();
    let stdout = Arc::new(Mutex::new(std::io::stdout()));
    let out = stdout.clone();
    let writer = std::thread::spawn(move || {
        for msg in client.receiver {
            let Ok(mut w) = out.lock() else { return };
            if msg.write(&mut *w).is_err() {
                return;
            }
        }
    });
    let to_server = client.sender;
    let reader = std::thread::spawn(move || {
        let stdin = std::io::stdin();
        let mut input = std::io::BufReader::new(stdin.lock());
        loop {
            match read_frame(&mut input) {
                Frame::End => return,
                Frame::Message(msg) => {
                    if to_server.send(msg).is_err() {
                        return;
                    }
                }
                Frame::Bad { code, message, id } => {
                    let reply = serde_json::json!({
                        "jsonrpc": "2.0",
                        "id": id,
                        "error": { "code": code, "message": message },
                    });
                    if let Ok(mut w) = stdout.lock() {
                        let body = reply.to_string();
                        let _ = write!(w, "Content-Length: {}\r\n\r\n{body}", body.len());
                        let _ = w.flush();
                    }
                }
            }
        }
    });
    (server, vec![reader, writer])
}

/// What one frame of input was.
enum Frame {
    Message(Message),
    /// Something the server cannot take, with the JSON-RPC error to answer it with.
    Bad {
        code: i32,
        message: String,
        id: serde_json::Value,
    },
    /// The client closed its side.
    End,
}

const PARSE_ERROR: i32 = -32700;
const INVALID_REQUEST: i32 = -32600;

/// Reads one frame: headers up to an empty line, then `Content-Length` bytes.
fn read_frame(input: &mut impl BufRead) -> Frame {
    let mut length: Option<Result<usize, String>> = None;
    let mut header = String::new();
    loop {
        header.clear();
        // A header line longer than this is not a header: stop reading it.
        match input.by_ref().take(8192).read_line(&mut header) {
            Ok(0) => return Frame::End,
            Ok(_) => {}
            Err(_) => return Frame::End,
        }
        let line = header.trim_end_matches(['\r', '\n']);
        if line.is_empty() {
            if length.is_none() {
                // Blank lines between frames are tolerated.
                continue;
            }
            break;
        }
        if let Some((name, value)) = line.split_once(':') {
            if name.trim().eq_ignore_ascii_case("content-length") {
                length = Some(value.trim().parse::<usize>().map_err(|_| value.trim().to_string()));
            }
        }
    }
    let length = match length {
        Some(Ok(n)) => n,
        Some(Err(v)) => {
            return bad(PARSE_ERROR, format!("Content-Length `{v}` is not a number of bytes"));
        }
        None => return bad(PARSE_ERROR, "a message without Content-Length".into()),
    };
    if length > MAX_MESSAGE_BYTES {
        // Skipped in pieces, never held: 8 GB announced is 8 GB read and dropped.
        let skipped = std::io::copy(&mut input.by_ref().take(length as u64), &mut std::io::sink());
        if skipped.map(|n| n < length as u64).unwrap_or(true) {
            return Frame::End;
        }
        return bad(
            INVALID_REQUEST,
            format!("a message of {length} bytes is larger than grip reads ({MAX_MESSAGE_BYTES})"),
        );
    }
    let mut body = vec![0u8; length];
    if input.read_exact(&mut body).is_err() {
        return Frame::End;
    }
    let value: serde_json::Value = match serde_json::from_slice(&body) {
        Ok(v) => v,
        Err(e) => return bad(PARSE_ERROR, format!("the message is not JSON: {e}")),
    };
    let id = value.get("id").cloned().unwrap_or(serde_json::Value::Null);
    match serde_json::from_value::<Message>(value) {
        Ok(msg) => Frame::Message(msg),
        Err(_) => Frame::Bad {
            code: INVALID_REQUEST,
            message: "the message is not a JSON-RPC request, response or notification".into(),
            id,
        },
    }
}

/// Reads frames from `input` until it ends, as the server would, and says how many were
/// messages (for the fuzz target: no input may panic, hang or allocate without bound).
pub fn count_messages(input: &[u8]) -> usize {
    let mut reader = std::io::BufReader::new(input);
    let mut n = 0;
    loop {
        match read_frame(&mut reader) {
            Frame::End => return n,
            Frame::Message(_) => n += 1,
            Frame::Bad { .. } => {}
        }
    }
}

fn bad(code: i32, message: String) -> Frame {
    Frame::Bad { code, message, id: serde_json::Value::Null }
}
