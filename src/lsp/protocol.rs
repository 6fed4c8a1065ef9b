//! The protocol adapter: the states of the protocol on a connection, the server's
//! capabilities, and the dispatch of each request and notification to the engine's handler
//! for it (one file per capability beside this one).

use super::*;
use lsp_server::{Connection, ExtractError, Message, Notification, Request, RequestId, Response};
use lsp_types as lsp;
use lsp_types::notification::Notification as _;
use lsp_types::request::Request as _;

/// The server's capabilities.
pub(super) fn capabilities() -> lsp::ServerCapabilities {
    lsp::ServerCapabilities {
        text_document_sync: Some(lsp::TextDocumentSyncCapability::Kind(lsp::TextDocumentSyncKind::INCREMENTAL)),
        hover_provider: Some(lsp::HoverProviderCapability::Simple(true)),
        definition_provider: Some(lsp::OneOf::Left(true)),
        references_provider: Some(lsp::OneOf::Left(true)),
        document_symbol_provider: Some(lsp::OneOf::Left(true)),
        workspace_symbol_provider: Some(lsp::OneOf::Left(true)),
        document_formatting_provider: Some(lsp::OneOf::Left(true)),
        code_action_provider: Some(lsp::CodeActionProviderCapability::Options(lsp::CodeActionOptions {
            code_action_kinds: Some(vec![lsp::CodeActionKind::QUICKFIX]),
            ..Default::default()
        })),
        rename_provider: Some(lsp::OneOf::Right(lsp::RenameOptions {
            prepare_provider: Some(true),
            work_done_progress_options: Default::default(),
        })),
        inlay_hint_provider: Some(lsp::OneOf::Left(true)),
        folding_range_provider: Some(lsp::FoldingRangeProviderCapability::Simple(true)),
        document_highlight_provider: Some(lsp::OneOf::Left(true)),
        code_lens_provider: Some(lsp::CodeLensOptions { resolve_provider: Some(false) }),
        selection_range_provider: Some(lsp::SelectionRangeProviderCapability::Simple(true)),
        semantic_tokens_provider: Some(lsp::SemanticTokensServerCapabilities::SemanticTokensOptions(
            lsp::SemanticTokensOptions {
                legend: super::semantic_tokens::legend(),
                full: Some(lsp::SemanticTokensFullOptions::Bool(true)),
                range: None,
                work_done_progress_options: Default::default(),
            },
        )),
        completion_provider: Some(lsp::CompletionOptions {
            trigger_characters: Some(vec![" ".into(), ".".into()]),
            ..Default::default()
        }),
        ..Default::default()
    }
}

/// The protocol's states: before `initialize`, then serving, then after `shutdown`.
pub(super) fn serve(connection: &Connection) -> Result<ExitStatus, Box<dyn std::error::Error + Send + Sync>> {
    let reply = |resp: Response| connection.sender.send(Message::Response(resp));
    // Until `initialize`: a request is answered "not initialized" (in words, not as a dump of
    // it), a notification is dropped, `exit` ends the server.
    let mut engine = loop {
        let Ok(msg) = connection.receiver.recv() else { return Ok(1) };
        match msg {
            Message::Request(req) if req.method == lsp::request::Initialize::METHOD => {
                let engine = Engine::from_initialize(&req.params);
                let result = lsp::InitializeResult {
                    capabilities: capabilities(),
                    server_info: Some(lsp::ServerInfo {
                        name: "grip".into(),
                        version: Some(env!("CARGO_PKG_VERSION").into()),
                    }),
                };
                reply(Response::new_ok(req.id, result))?;
                break engine;
            }
            Message::Request(req) => reply(Response::new_err(
                req.id,
                lsp_server::ErrorCode::ServerNotInitialized as i32,
                format!("grip lsp has not been initialized: send `initialize` before `{}`", req.method),
            ))?,
            Message::Notification(n) if n.method == lsp::notification::Exit::METHOD => return Ok(1),
            Message::Notification(_) | Message::Response(_) => {}
        }
    };
    let mut shut_down = false;
    loop {
        let Ok(first) = connection.receiver.recv() else { return Ok(if shut_down { 0 } else { 1 }) };
        // Everything that has arrived meanwhile, so that a burst of edits is checked once: an
        // edit of a document followed by another edit of it (with no request about it between)
        // is applied to the text, and only the last one is checked.
        let mut batch = vec![first];
        while let Ok(more) = connection.receiver.try_recv() {
            batch.push(more);
        }
        let superseded = superseded_changes(&batch);
        for (i, msg) in batch.into_iter().enumerate() {
            match msg {
                Message::Request(req) if req.method == lsp::request::Shutdown::METHOD => {
                    shut_down = true;
                    reply(Response::new_ok(req.id, ()))?;
                }
                Message::Request(req) if shut_down => reply(Response::new_err(
                    req.id,
                    lsp_server::ErrorCode::InvalidRequest as i32,
                    "grip lsp is shutting down".into(),
                ))?,
                Message::Request(req) => {
                    for out in engine.handle(Message::Request(req)) {
                        connection.sender.send(out)?;
                    }
                }
                Message::Notification(n) if n.method == lsp::notification::Exit::METHOD => {
                    return Ok(if shut_down { 0 } else { 1 });
                }
                Message::Notification(note) => {
                    // A change that a later change of the same document follows only updates the
                    // text: the later one checks it.
                    for out in engine.handle_deferring(Message::Notification(note), superseded.contains(&i)) {
                        connection.sender.send(out)?;
                    }
                }
                Message::Response(_) => {}
            }
        }
    }
}

/// The positions in a batch of `didChange` notifications that a later change of the same
/// document follows (no request about that document comes between them): their edits need
/// not be checked on their own.
pub(super) fn superseded_changes(batch: &[Message]) -> Vec<usize> {
    let uri_of = |msg: &Message| -> Option<(bool, String)> {
        match msg {
            Message::Notification(n) if n.method == lsp::notification::DidChangeTextDocument::METHOD => {
                Some((true, n.params.pointer("/textDocument/uri")?.as_str()?.to_string()))
            }
            Message::Notification(n) => Some((false, n.params.pointer("/textDocument/uri")?.as_str()?.to_string())),
            Message::Request(r) => Some((false, r.params.pointer("/textDocument/uri")?.as_str()?.to_string())),
            Message::Response(_) => None,
        }
    };
    let mut out = Vec::new();
    for (i, msg) in batch.iter().enumerate() {
        let Some((true, uri)) = uri_of(msg) else { continue };
        // The next message about this document, if it is another change, makes this one moot.
        let next = batch[i + 1..].iter().find_map(|m| uri_of(m).filter(|(_, u)| *u == uri));
        if matches!(next, Some((true, _))) {
            out.push(i);
        }
    }
    out
}

impl Server {
    /// A notification; `analyse` false: a `didChange` only updates the text. Returns what the
    /// server sends: notifications (diagnostics), and requests to the client (to refresh what it
    /// shows, to watch files).
    pub(super) fn notification(&mut self, note: Notification, analyse: bool) -> Vec<Message> {
        let sent = match note.method.as_str() {
            lsp::notification::Initialized::METHOD => return self.initialized(),
            lsp::notification::DidChangeConfiguration::METHOD => return self.configure(&note.params),
            lsp::notification::DidOpenTextDocument::METHOD => {
                match serde_json::from_value::<lsp::DidOpenTextDocumentParams>(note.params) {
                    Ok(p) => self.open(p.text_document.uri, p.text_document.text),
                    Err(_) => Vec::new(),
                }
            }
            lsp::notification::DidChangeTextDocument::METHOD => {
                match serde_json::from_value::<lsp::DidChangeTextDocumentParams>(note.params) {
                    Ok(p) => self.change(p.text_document.uri, p.content_changes, analyse),
                    Err(_) => Vec::new(),
                }
            }
            lsp::notification::DidCloseTextDocument::METHOD => {
                match serde_json::from_value::<lsp::DidCloseTextDocumentParams>(note.params) {
                    Ok(p) => {
                        let doc = self.docs.remove(&p.text_document.uri);
                        doc.map(|d| d.published)
                            .unwrap_or_default()
                            .into_iter()
                            .map(|(u, _)| {
                                notification::<lsp::notification::PublishDiagnostics>(
                                    lsp::PublishDiagnosticsParams::new(u, Vec::new(), None),
                                )
                            })
                            .collect()
                    }
                    Err(_) => Vec::new(),
                }
            }
            lsp::notification::DidChangeWatchedFiles::METHOD => {
                return match serde_json::from_value::<lsp::DidChangeWatchedFilesParams>(note.params) {
                    Ok(p) => self.files_changed(&p.changes),
                    Err(_) => Vec::new(),
                };
            }
            _ => Vec::new(),
        };
        sent.into_iter().map(Message::Notification).collect()
    }

    pub(super) fn request(&mut self, req: Request) -> Response {
        let id = req.id.clone();
        let result = match req.method.as_str() {
            lsp::request::HoverRequest::METHOD => self.with::<lsp::request::HoverRequest>(req, |s, p| {
                let pos = p.text_document_position_params;
                s.hover(&pos.text_document.uri, pos.position)
            }),
            lsp::request::GotoDefinition::METHOD => self.with::<lsp::request::GotoDefinition>(req, |s, p| {
                let pos = p.text_document_position_params;
                s.definition(&pos.text_document.uri, pos.position).map(lsp::GotoDefinitionResponse::Scalar)
            }),
            lsp::request::References::METHOD => self.with::<lsp::request::References>(req, |s, p| {
                let pos = p.text_document_position;
                s.references(&pos.text_document.uri, pos.position)
            }),
            lsp::request::DocumentSymbolRequest::METHOD => self
                .with::<lsp::request::DocumentSymbolRequest>(req, |s, p| {
                    s.symbols(&p.text_document.uri).map(lsp::DocumentSymbolResponse::Nested)
                }),
            lsp::request::WorkspaceSymbolRequest::METHOD => self
                .with::<lsp::request::WorkspaceSymbolRequest>(req, |s, p| {
                    Some(lsp::WorkspaceSymbolResponse::Flat(s.workspace_symbols(&p.query)))
                }),
            lsp::request::Formatting::METHOD => {
                self.with::<lsp::request::Formatting>(req, |s, p| s.format(&p.text_document.uri))
            }
            lsp::request::Completion::METHOD => self.with::<lsp::request::Completion>(req, |s, p| {
                Some(lsp::CompletionResponse::Array(
                    s.completion(&p.text_document_position.text_document.uri, p.text_document_position.position),
                ))
            }),
            lsp::request::CodeActionRequest::METHOD => self.with::<lsp::request::CodeActionRequest>(req, |s, p| {
                Some(s.code_actions(&p.text_document.uri, p.range))
            }),
            lsp::request::PrepareRenameRequest::METHOD => self
                .with_refusal::<lsp::request::PrepareRenameRequest>(req, |s, p| {
                    s.prepare_rename(&p.text_document.uri, p.position)
                }),
            lsp::request::Rename::METHOD => self.with_refusal::<lsp::request::Rename>(req, |s, p| {
                let pos = p.text_document_position;
                s.rename(&pos.text_document.uri, pos.position, &p.new_name)
            }),
            lsp::request::InlayHintRequest::METHOD => self
                .with::<lsp::request::InlayHintRequest>(req, |s, p| Some(s.inlay_hints(&p.text_document.uri, p.range))),
            lsp::request::FoldingRangeRequest::METHOD => {
                self.with::<lsp::request::FoldingRangeRequest>(req, |s, p| Some(s.folding_ranges(&p.text_document.uri)))
            }
            lsp::request::DocumentHighlightRequest::METHOD => {
                self.with::<lsp::request::DocumentHighlightRequest>(req, |s, p| {
                    let pos = p.text_document_position_params;
                    s.highlights(&pos.text_document.uri, pos.position)
                })
            }
            lsp::request::CodeLensRequest::METHOD => {
                self.with::<lsp::request::CodeLensRequest>(req, |s, p| Some(s.code_lenses(&p.text_document.uri)))
            }
            lsp::request::SelectionRangeRequest::METHOD => self
                .with::<lsp::request::SelectionRangeRequest>(req, |s, p| {
                    Some(s.selection_ranges(&p.text_document.uri, &p.positions))
                }),
            lsp::request::SemanticTokensFullRequest::METHOD => self
                .with::<lsp::request::SemanticTokensFullRequest>(req, |s, p| {
                    s.semantic_tokens(&p.text_document.uri).map(lsp::SemanticTokensResult::Tokens)
                }),
            _ => {
                return Response::new_err(
                    id,
                    lsp_server::ErrorCode::MethodNotFound as i32,
                    format!("grip lsp does not handle {}", req.method),
                )
            }
        };
        match result {
            Ok(value) => Response::new_ok(id, value),
            Err((code, message)) => Response::new_err(id, code, message),
        }
    }

    pub(super) fn with<R: lsp::request::Request>(
        &mut self,
        req: Request,
        f: impl FnOnce(&mut Self, R::Params) -> R::Result,
    ) -> Result<serde_json::Value, (i32, String)> {
        self.with_refusal::<R>(req, |s, p| Ok(f(s, p)))
    }

    /// As [`Server::with`], for a request the engine may refuse (a rename of a keyword): the
    /// refusal is the error's message, in words.
    pub(super) fn with_refusal<R: lsp::request::Request>(
        &mut self,
        req: Request,
        f: impl FnOnce(&mut Self, R::Params) -> Result<R::Result, String>,
    ) -> Result<serde_json::Value, (i32, String)> {
        let invalid = |message: String| (lsp_server::ErrorCode::InvalidParams as i32, message);
        let (_, params): (RequestId, R::Params) = req.extract(R::METHOD).map_err(|e| match e {
            ExtractError::MethodMismatch(r) => invalid(format!("unexpected method {}", r.method)),
            ExtractError::JsonError { error, .. } => invalid(error.to_string()),
        })?;
        let result = f(self, params).map_err(|refusal| (lsp_server::ErrorCode::RequestFailed as i32, refusal))?;
        serde_json::to_value(result).map_err(|e| invalid(e.to_string()))
    }
}
