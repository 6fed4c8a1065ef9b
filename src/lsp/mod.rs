//! `grip lsp`: a language server over stdio. It reuses the pipeline: the editor sends its edits
//! (incremental text sync), the pieces of the plan they touch are parsed again and the whole plan
//! is resolved and checked, and the same diagnostics `grip check` prints are published with
//! UTF-16 positions; hovers show evaluated figures; formatting is `grip fmt`.

use crate::lang::Lang;
use crate::syntax::ast::*;
use lsp_server::Message;
use std::collections::HashMap;

pub mod transport;

mod code_action;
mod code_lens;
mod completion;
mod convert;
mod definition;
mod engine;
mod files;
mod folding;
mod formatting;
mod highlight;
mod hover;
mod inlay_hints;
mod names;
mod protocol;
mod rename;
mod selection;
mod semantic_tokens;
mod settings;
mod symbols;
mod sync;

use convert::*;
use engine::*;
use protocol::*;

/// The server's engine without the wire: it takes a message (after `initialize`) and returns
/// what the server sends back. The stdio loop drives it; the fuzz target drives it with any
/// sequence of messages.
pub struct Engine {
    server: Server,
}

impl Default for Engine {
    fn default() -> Self {
        Engine::new(Languages::default())
    }
}

/// The languages the client asks for: `initializationOptions.lang` (as `--lang` on the command
/// line) before the plan's own language; the client's `locale` (else the environment) after it.
#[derive(Debug, Clone, Copy, Default)]
pub struct Languages {
    pub asked: Option<Lang>,
    pub fallback: Option<Lang>,
}

impl Languages {
    /// From the `initialize` request's parameters.
    pub fn from_initialize(params: &serde_json::Value) -> Languages {
        let code = |v: Option<&serde_json::Value>| v.and_then(|v| v.as_str()).and_then(Lang::from_code);
        Languages {
            asked: code(params.pointer("/initializationOptions/lang")),
            fallback: code(params.get("locale")).or_else(Lang::from_env),
        }
    }
}

impl Engine {
    pub fn new(languages: Languages) -> Engine {
        Engine {
            server: Server {
                docs: HashMap::new(),
                languages,
                settings: Default::default(),
                client: Default::default(),
                next_request: 0,
            },
        }
    }

    /// The engine for a client, from the `initialize` request's parameters: the languages it
    /// asks for, its settings (`initializationOptions`) and what it can be asked (to refresh
    /// its inlay hints and code lenses, to watch files).
    pub fn from_initialize(params: &serde_json::Value) -> Engine {
        let mut engine = Engine::new(Languages::from_initialize(params));
        engine.server.settings = settings::Settings::from_initialize(params);
        engine.server.client = ClientSupport::from_initialize(params);
        engine
    }

    pub fn handle(&mut self, msg: Message) -> Vec<Message> {
        self.handle_deferring(msg, false)
    }

    /// [`Engine::handle`]; with `defer`, a `didChange` only updates the document's text, without
    /// checking it (a later change of the same document, in the same batch, will).
    pub fn handle_deferring(&mut self, msg: Message, defer: bool) -> Vec<Message> {
        match msg {
            Message::Request(req) => vec![Message::Response(self.server.request(req))],
            Message::Notification(note) => self.server.notification(note, !defer),
            Message::Response(_) => Vec::new(),
        }
    }
}

/// How the server ended: 0 after `shutdown` and `exit`, 1 after `exit` without `shutdown` (as
/// the protocol asks) or when the client went away without either.
pub type ExitStatus = u8;

/// Runs the server on stdin/stdout until the client asks it to exit.
pub fn run() -> Result<ExitStatus, Box<dyn std::error::Error + Send + Sync>> {
    let (connection, threads) = transport::stdio();
    let status = serve(&connection)?;
    drop(connection);
    // The reader thread ends when stdin closes; the process ends without waiting for that.
    drop(threads);
    Ok(status)
}
