//! `grip lsp`: a language server over stdio. It reuses the pipeline as it is: every change is
//! parsed, resolved, checked and evaluated, and the same diagnostics `grip check` prints are
//! published with UTF-16 positions; hovers show evaluated figures; formatting is `grip fmt`.

use crate::api::{self, Checked};
use crate::diagnostic::{Diagnostic, Severity, TermValue};
use crate::eval::{evaluate, Evaluation};
use crate::formula::{self, Evaluator};
use crate::lang::{Lang, Msg};
use crate::source::SourceMap;
use crate::syntax::ast::*;
use codespan_reporting::files::Files;
use lsp_server::{Connection, ExtractError, Message, Notification, Request, RequestId, Response};
use lsp_types as lsp;
use lsp_types::notification::Notification as _;
use lsp_types::request::Request as _;
use std::collections::HashMap;
use std::path::PathBuf;

pub mod transport;

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
        Engine { server: Server { docs: HashMap::new(), languages } }
    }

    pub fn handle(&mut self, msg: Message) -> Vec<Message> {
        match msg {
            Message::Request(req) => vec![Message::Response(self.server.request(req))],
            Message::Notification(note) => {
                self.server.notification(note).into_iter().map(Message::Notification).collect()
            }
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

/// The server's capabilities.
fn capabilities() -> lsp::ServerCapabilities {
    lsp::ServerCapabilities {
        text_document_sync: Some(lsp::TextDocumentSyncCapability::Kind(lsp::TextDocumentSyncKind::FULL)),
        hover_provider: Some(lsp::HoverProviderCapability::Simple(true)),
        definition_provider: Some(lsp::OneOf::Left(true)),
        references_provider: Some(lsp::OneOf::Left(true)),
        document_symbol_provider: Some(lsp::OneOf::Left(true)),
        workspace_symbol_provider: Some(lsp::OneOf::Left(true)),
        document_formatting_provider: Some(lsp::OneOf::Left(true)),
        completion_provider: Some(lsp::CompletionOptions {
            trigger_characters: Some(vec![" ".into(), ".".into()]),
            ..Default::default()
        }),
        ..Default::default()
    }
}

/// The protocol's states: before `initialize`, then serving, then after `shutdown`.
fn serve(connection: &Connection) -> Result<ExitStatus, Box<dyn std::error::Error + Send + Sync>> {
    let reply = |resp: Response| connection.sender.send(Message::Response(resp));
    // Until `initialize`: a request is answered "not initialized" (in words, not as a dump of
    // it), a notification is dropped, `exit` ends the server.
    let languages = loop {
        let Ok(msg) = connection.receiver.recv() else { return Ok(1) };
        match msg {
            Message::Request(req) if req.method == lsp::request::Initialize::METHOD => {
                let languages = Languages::from_initialize(&req.params);
                let result = lsp::InitializeResult {
                    capabilities: capabilities(),
                    server_info: Some(lsp::ServerInfo {
                        name: "grip".into(),
                        version: Some(env!("CARGO_PKG_VERSION").into()),
                    }),
                };
                reply(Response::new_ok(req.id, result))?;
                break languages;
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
    let mut engine = Engine::new(languages);
    let mut shut_down = false;
    loop {
        let Ok(first) = connection.receiver.recv() else { return Ok(if shut_down { 0 } else { 1 }) };
        // Everything that has arrived meanwhile, so that a burst of edits is checked once: an
        // edit of a document followed by another edit of it (with no request about it between)
        // is skipped, the text of the later one being the whole document anyway.
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
                Message::Notification(_) if superseded.contains(&i) => {}
                Message::Notification(note) => {
                    for out in engine.handle(Message::Notification(note)) {
                        connection.sender.send(out)?;
                    }
                }
                Message::Response(_) => {}
            }
        }
    }
}

/// The positions in a batch of `didChange` notifications that a later change of the same
/// document makes moot (no request about that document comes between them).
fn superseded_changes(batch: &[Message]) -> Vec<usize> {
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

/// An open document and what the pipeline made of it.
struct Doc {
    checked: Checked,
    evaluation: Evaluation,
    /// URIs diagnostics were last published for (this file and the files it includes).
    published: Vec<lsp::Url>,
}

struct Server {
    docs: HashMap<lsp::Url, Doc>,
    languages: Languages,
}

impl Server {
    /// The language of what is said about a checked plan.
    fn lang(&self, checked: &Checked) -> Lang {
        self.languages.asked.or(checked.language()).or(self.languages.fallback).unwrap_or_default()
    }
}

fn path_of(uri: &lsp::Url) -> Option<PathBuf> {
    uri.to_file_path().ok()
}

/// UTF-16 position of a byte offset in a file.
fn position(sources: &SourceMap, file: FileId, byte: usize) -> lsp::Position {
    let text = sources.text(file);
    let byte = byte.min(text.len());
    let line = sources.line_index(file, byte).unwrap_or(0);
    let start = sources.line_range(file, line).map(|r| r.start).unwrap_or(0);
    let col: usize = text.get(start..byte).map(|s| s.encode_utf16().count()).unwrap_or(0);
    lsp::Position::new(line as u32, col as u32)
}

fn range(sources: &SourceMap, span: Span) -> lsp::Range {
    lsp::Range::new(position(sources, span.file, span.start), position(sources, span.file, span.end))
}

/// Byte offset of a UTF-16 position in text.
fn offset(text: &str, pos: lsp::Position) -> usize {
    let mut line_start = 0;
    for _ in 0..pos.line {
        match text[line_start..].find('\n') {
            Some(i) => line_start += i + 1,
            None => return text.len(),
        }
    }
    let mut units = 0u32;
    for (i, ch) in text[line_start..].char_indices() {
        if units >= pos.character || ch == '\n' {
            return line_start + i;
        }
        units += ch.len_utf16() as u32;
    }
    text.len()
}

/// The measure whose id is at `at`, where it is declared or named in a `related` line, with the
/// span of the id there. One pass over the plan, whatever the number of `related` links.
fn measure_at(model: &crate::resolve::Model, at: usize) -> Option<(usize, Span)> {
    for (mi, m) in model.measures.iter().enumerate() {
        if contains(m.measure.id.span, at) {
            return Some((mi, m.measure.id.span));
        }
        if let Some(r) = m.measure.related.iter().find(|r| contains(r.span, at)) {
            return model.measure_by_id.get(&r.value).map(|&target| (target, r.span));
        }
    }
    // A measure a reporting moment reports on.
    let (_, entry) = progress_entry_at(model, at)?;
    model.measure_by_id.get(&entry.value).map(|&target| (target, entry.span))
}

/// The reporting moment (its index in the model) and the measure id of a progress entry at `at`.
fn progress_entry_at(model: &crate::resolve::Model, at: usize) -> Option<(usize, &Spanned<String>)> {
    model
        .moments
        .iter()
        .enumerate()
        .find_map(|(k, moment)| moment.measures.iter().find(|e| contains(e.id.span, at)).map(|e| (k, &e.id)))
}

/// A measure at a reporting moment, for a hover: its phase and light, and planned, realised,
/// expected and still to realise per year (the figures of `grip status`).
fn hover_progress(
    moment: &crate::status::MomentStatus,
    m: &crate::status::MeasureStatus,
    years: &[u16],
    lang: Lang,
) -> String {
    let word = |id: &'static str| Msg::id(id).render(lang);
    let light = m.light.map(|l| l.word().render(lang)).unwrap_or_else(|| "—".into());
    let head = Msg::id("hover-progress")
        .arg("moment", &moment.name)
        .arg("phase", m.phase.as_ref().map(|p| p.value.to_string()).unwrap_or_else(|| "none".into()))
        .arg("light", light)
        .arg("reason", m.reason.words())
        .render(lang);
    let mut text = format!(
        "\n\n{head}\n\n| {} | {} | {} | {} | {} |\n|---:|---:|---:|---:|---:|\n",
        word("report-col-year"),
        word("status-planned"),
        word("status-realised"),
        word("status-expected"),
        word("status-remaining"),
    );
    let f = &m.figures;
    for (i, y) in years.iter().enumerate() {
        let realised =
            if m.realised_reported[i] { crate::sheet::eur_figure(&f.realised[i]) } else { "—".to_string() };
        text.push_str(&format!(
            "| {y} | {} | {realised} | {} | {} |\n",
            crate::sheet::eur_figure(&f.planned[i]),
            crate::sheet::eur_figure(&f.expected[i]),
            crate::sheet::eur_figure(&f.remaining[i]),
        ));
    }
    text
}

fn contains(span: Span, at: usize) -> bool {
    span.file == FileId(0) && span.start <= at && at <= span.end
}

fn uri_of(sources: &SourceMap, file: FileId, root: &lsp::Url) -> Option<lsp::Url> {
    if file == FileId(0) {
        return Some(root.clone());
    }
    let path = sources.get(file)?.path.as_ref()?;
    lsp::Url::from_file_path(path.canonicalize().unwrap_or_else(|_| path.clone())).ok()
}

/// A grip diagnostic as an LSP diagnostic: same code, message and help.
fn to_lsp(sources: &SourceMap, d: &Diagnostic, root: &lsp::Url, lang: Lang) -> lsp::Diagnostic {
    let severity = match d.severity() {
        Severity::Error => lsp::DiagnosticSeverity::ERROR,
        Severity::Warning => lsp::DiagnosticSeverity::WARNING,
        Severity::Note => lsp::DiagnosticSeverity::INFORMATION,
    };
    let mut message = d.message_in(lang);
    if let Some(help) = d.help_in(lang) {
        message.push('\n');
        message.push_str(&Msg::id("help-line").arg("help", help).render(lang));
    }
    let related: Vec<lsp::DiagnosticRelatedInformation> = d
        .labels_in(lang)
        .into_iter()
        .filter(|l| !l.primary)
        .filter_map(|l| {
            Some(lsp::DiagnosticRelatedInformation {
                location: lsp::Location::new(uri_of(sources, l.span.file, root)?, range(sources, l.span)),
                message: l.text,
            })
        })
        .collect();
    lsp::Diagnostic {
        range: range(sources, d.span()),
        severity: Some(severity),
        code: Some(lsp::NumberOrString::String(d.code().into())),
        source: Some("grip".into()),
        message,
        related_information: (!related.is_empty()).then_some(related),
        ..Default::default()
    }
}

fn notification<N: lsp::notification::Notification>(params: N::Params) -> Notification {
    Notification::new(N::METHOD.to_string(), params)
}

impl Server {
    fn analyse(&mut self, uri: lsp::Url, text: String) -> Vec<Notification> {
        let path = path_of(&uri);
        let name = path.as_ref().map(|p| p.display().to_string()).unwrap_or_else(|| uri.to_string());
        let checked = api::check_text(&name, path.as_deref(), text);
        let evaluation = evaluate(&checked.model);
        let lang = self.lang(&checked);
        // Diagnostics per file: this one and every file it includes.
        let mut by_uri: HashMap<lsp::Url, Vec<lsp::Diagnostic>> = HashMap::new();
        by_uri.insert(uri.clone(), Vec::new());
        for i in 1..checked.sources.len() {
            if let Some(u) = uri_of(&checked.sources, FileId(i as u32), &uri) {
                by_uri.entry(u).or_default();
            }
        }
        for d in &checked.diagnostics {
            if let Some(u) = uri_of(&checked.sources, d.span().file, &uri) {
                by_uri.entry(u).or_default().push(to_lsp(&checked.sources, d, &uri, lang));
            }
        }
        let mut out = Vec::new();
        let previous = self.docs.get(&uri).map(|d| d.published.clone()).unwrap_or_default();
        for stale in previous.iter().filter(|u| !by_uri.contains_key(*u)) {
            out.push(notification::<lsp::notification::PublishDiagnostics>(lsp::PublishDiagnosticsParams::new(
                stale.clone(),
                Vec::new(),
                None,
            )));
        }
        let mut published = Vec::new();
        let mut uris: Vec<_> = by_uri.into_iter().collect();
        uris.sort_by(|a, b| a.0.as_str().cmp(b.0.as_str()));
        for (u, diags) in uris {
            published.push(u.clone());
            out.push(notification::<lsp::notification::PublishDiagnostics>(lsp::PublishDiagnosticsParams::new(
                u, diags, None,
            )));
        }
        self.docs.insert(uri, Doc { checked, evaluation, published });
        out
    }

    fn notification(&mut self, note: Notification) -> Vec<Notification> {
        match note.method.as_str() {
            lsp::notification::DidOpenTextDocument::METHOD => {
                match serde_json::from_value::<lsp::DidOpenTextDocumentParams>(note.params) {
                    Ok(p) => self.analyse(p.text_document.uri, p.text_document.text),
                    Err(_) => Vec::new(),
                }
            }
            lsp::notification::DidChangeTextDocument::METHOD => {
                match serde_json::from_value::<lsp::DidChangeTextDocumentParams>(note.params) {
                    Ok(mut p) => match p.content_changes.pop() {
                        Some(change) => self.analyse(p.text_document.uri, change.text),
                        None => Vec::new(),
                    },
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
                            .map(|u| {
                                notification::<lsp::notification::PublishDiagnostics>(
                                    lsp::PublishDiagnosticsParams::new(u, Vec::new(), None),
                                )
                            })
                            .collect()
                    }
                    Err(_) => Vec::new(),
                }
            }
            _ => Vec::new(),
        }
    }

    fn request(&mut self, req: Request) -> Response {
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
                Some(lsp::CompletionResponse::Array(s.completion(&p.text_document_position.text_document.uri)))
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
            Err(message) => Response::new_err(id, lsp_server::ErrorCode::InvalidParams as i32, message),
        }
    }

    fn with<R: lsp::request::Request>(
        &mut self,
        req: Request,
        f: impl FnOnce(&mut Self, R::Params) -> R::Result,
    ) -> Result<serde_json::Value, String> {
        let (_, params): (RequestId, R::Params) = req.extract(R::METHOD).map_err(|e| match e {
            ExtractError::MethodMismatch(r) => format!("unexpected method {}", r.method),
            ExtractError::JsonError { error, .. } => error.to_string(),
        })?;
        serde_json::to_value(f(self, params)).map_err(|e| e.to_string())
    }

    fn doc_at(&self, uri: &lsp::Url, pos: lsp::Position) -> Option<(&Doc, usize)> {
        let doc = self.docs.get(uri)?;
        Some((doc, offset(doc.checked.sources.text(FileId(0)), pos)))
    }

    fn hover(&self, uri: &lsp::Url, pos: lsp::Position) -> Option<lsp::Hover> {
        let (doc, at) = self.doc_at(uri, pos)?;
        let lang = self.lang(&doc.checked);
        let model = &doc.checked.model;
        let sources = &doc.checked.sources;
        let markdown = |text: String, span: Span| lsp::Hover {
            contents: lsp::HoverContents::Markup(lsp::MarkupContent { kind: lsp::MarkupKind::Markdown, value: text }),
            range: Some(range(sources, span)),
        };
        let years = &doc.evaluation.years;
        // Figures as every other output shows them (one home: `sheet`).
        let money = crate::sheet::eur;

        // A measure id (where it is declared or referred to).
        if let Some((mi, span)) = measure_at(model, at) {
            let m = &model.measures[mi].measure;
            {
                let e = &doc.evaluation.measures[mi];
                let word = |id: &'static str| Msg::id(id).render(lang);
                let mut text = format!(
                    "**{} — {}**\n\n| {} | {} | {} |\n|---:|---:|---:|\n",
                    Msg::id("subject-measure").arg("id", &m.id.value).render(lang),
                    m.title.value,
                    word("report-col-year"),
                    word("hover-saving"),
                    word("hover-cost"),
                );
                for (i, y) in years.iter().enumerate() {
                    let saving = crate::sheet::eur_figure(&e.savings[i].expected);
                    text.push_str(&format!("| {y} | {saving} | {} |\n", crate::sheet::eur_figure(&e.costs[i])));
                }
                if let Some(b) = m.budget.as_ref().and_then(|b| b.value.known()) {
                    text.push_str(&format!("\n{}", Msg::id("hover-budget").arg("budget", money(b.value)).render(lang)));
                }
                if let Some(o) = &m.owner {
                    text.push_str(&format!("\n\n{}", Msg::id("hover-owner").arg("owner", &o.value).render(lang)));
                }
                // On a progress entry: the measure at that reporting moment.
                if let Some((k, _)) = progress_entry_at(model, at) {
                    let progress = crate::status::progress(model, &doc.evaluation);
                    let status = progress.moments.iter().find(|s| s.index == k);
                    if let Some(ms) = status.and_then(|s| s.measures.get(mi).map(|ms| (s, ms))) {
                        text.push_str(&hover_progress(ms.0, ms.1, years, lang));
                    }
                }
                return Some(markdown(text, span));
            }
        }
        // A taakveld code.
        let codes = model
            .measures
            .iter()
            .flat_map(|m| m.measure.taakvelden.iter())
            .chain(model.tables.iter().flat_map(|t| t.table.rows.iter().flat_map(|r| r.taakvelden.iter())));
        for code in codes {
            if contains(code.span, at) {
                let text = match crate::taakveld::find(&code.value) {
                    Some(t) => format!("**taakveld {}** — {}", t.code, t.name),
                    None => Msg::id("unknown-taakveld").arg("code", &code.value).render(lang),
                };
                return Some(markdown(text, code.span));
            }
        }
        // A group: its target and coverage.
        for (gi, g) in model.groups.iter().enumerate() {
            if contains(g.id.span, at) {
                let ge = doc.evaluation.groups.iter().find(|e| e.id == g.id.value)?;
                let group = Msg::id("hover-group").arg("id", &g.id.value).render(lang);
                let mut text = format!("**{group} — {}**\n\n", g.title.value);
                if ge.targets.is_empty() {
                    text.push_str(&Msg::id("hover-no-target").arg("count", model.measures_in(gi).len()).render(lang));
                }
                for t in &ge.targets {
                    let line = Msg::id("hover-target")
                        .arg("target", money(t.amount))
                        .arg("year", t.year)
                        .arg("reached", crate::sheet::eur_figure(&t.reached))
                        .arg("verdict", crate::sheet::verdict(t, lang))
                        .render(lang);
                    text.push_str(&format!("- {line}\n"));
                }
                return Some(markdown(text, g.id.span));
            }
        }
        // A declared figure in a total row: the recomputed figure and the lines it adds.
        for (ti, t) in model.tables.iter().enumerate() {
            for (ri, row) in t.table.rows.iter().enumerate() {
                for (ci, cell) in row.cells.iter().enumerate() {
                    if !contains(cell.span, at) {
                        continue;
                    }
                    // A total column's cell is recomputed across its row, a total row's down its
                    // column; a plain cell is neither.
                    let computed = match (t.table.columns.get(ci).and_then(|c| c.formula.as_ref()), &row.formula) {
                        (Some(_), _) => formula::column_total(model, ti, ri, ci),
                        (None, Some(expr)) => Evaluator { model, table: ti, row: ri }.column(expr, ci),
                        (None, None) => return None,
                    };
                    let text = match computed {
                        Ok(c) => {
                            let unit = formula::row_unit(&t.table, row);
                            let fmt =
                                |v: rust_decimal::Decimal| crate::fmt::quantity(&Quantity::new(v, unit.clone()), lang);
                            let printed = Msg::id("hover-printed-computed")
                                .arg("printed", fmt(formula::cell_figure(cell).known))
                                .arg(
                                    "computed",
                                    format!("{}{}", fmt(c.figure.known), crate::sheet::pm_suffix(&c.figure)),
                                )
                                .render(lang);
                            let mut s =
                                format!("**{} — {}**\n\n{printed}\n\n", row.label.value, t.table.columns[ci].title());
                            let not_counted = |pm: &str| Msg::id("hover-pm-not-counted").arg("pm", pm).render(lang);
                            for term in &c.terms {
                                let v = match term.value {
                                    TermValue::Known(v) => fmt(v),
                                    TermValue::Pm { negative: true } => not_counted("-P.M."),
                                    TermValue::Pm { negative: false } => not_counted("P.M."),
                                    TermValue::Faulty(reason) => reason.words().render(lang),
                                };
                                s.push_str(&format!(
                                    "- {}{}: {v}\n",
                                    if term.negated { "− " } else { "" },
                                    term.label.render(lang)
                                ));
                            }
                            s
                        }
                        Err(_) => {
                            let why = Msg::id("hover-cannot-recompute").render(lang);
                            format!("**{}**: {why}", row.label.value)
                        }
                    };
                    return Some(markdown(text, cell.span));
                }
            }
        }
        None
    }

    fn definition(&self, uri: &lsp::Url, pos: lsp::Position) -> Option<lsp::Location> {
        let (doc, at) = self.doc_at(uri, pos)?;
        let model = &doc.checked.model;
        let sources = &doc.checked.sources;
        let loc = |span: Span| Some(lsp::Location::new(uri_of(sources, span.file, uri)?, range(sources, span)));
        for r in model.measures.iter().flat_map(|m| m.measure.related.iter()) {
            if contains(r.span, at) {
                let &target = model.measure_by_id.get(&r.value)?;
                return loc(model.measures[target].measure.id.span);
            }
        }
        // A progress entry: the measure in the plan.
        if let Some((_, entry)) = progress_entry_at(model, at) {
            let &target = model.measure_by_id.get(&entry.value)?;
            return loc(model.measures[target].measure.id.span);
        }
        for (ti, t) in model.tables.iter().enumerate() {
            for row in &t.table.rows {
                let mut names = Vec::new();
                if let Some(f) = &row.formula {
                    refs(f, &mut names);
                }
                for name in names {
                    if contains(name.span, at) {
                        if let Some(g) = model.group_by_id.get(&name.value) {
                            return loc(model.groups[*g].id.span);
                        }
                        let (t2, r2) = formula::find_row(model, ti, &name.value)?;
                        return loc(model.tables[t2].table.rows[r2].id.span);
                    }
                }
            }
        }
        None
    }

    fn references(&self, uri: &lsp::Url, pos: lsp::Position) -> Option<Vec<lsp::Location>> {
        let (doc, at) = self.doc_at(uri, pos)?;
        let model = &doc.checked.model;
        let sources = &doc.checked.sources;
        let loc = |span: Span| Some(lsp::Location::new(uri_of(sources, span.file, uri)?, range(sources, span)));
        // A measure id: where it is declared, every `related` that names it, and every progress
        // entry on it.
        if let Some((mi, _)) = measure_at(model, at) {
            let id = &model.measures[mi].measure.id;
            {
                let mut out: Vec<lsp::Location> = loc(id.span).into_iter().collect();
                for r in model.measures.iter().flat_map(|o| o.measure.related.iter()).filter(|r| r.value == id.value) {
                    out.extend(loc(r.span));
                }
                // And every reporting moment that reports on it.
                let entries = model.moments.iter().flat_map(|m| m.measures.iter()).filter(|e| e.id.value == id.value);
                for e in entries {
                    out.extend(loc(e.id.span));
                }
                return Some(out);
            }
        }
        // A row: where it is declared and every formula that names it.
        for (ti, t) in model.tables.iter().enumerate() {
            for (ri, row) in t.table.rows.iter().enumerate() {
                if !contains(row.id.span, at) {
                    continue;
                }
                let mut out: Vec<lsp::Location> = loc(row.id.span).into_iter().collect();
                for (tj, t2) in model.tables.iter().enumerate() {
                    for r2 in &t2.table.rows {
                        let mut names = Vec::new();
                        if let Some(f) = &r2.formula {
                            refs(f, &mut names);
                        }
                        for name in names {
                            if formula::find_row(model, tj, &name.value) == Some((ti, ri)) {
                                out.extend(loc(name.span));
                            }
                        }
                    }
                }
                return Some(out);
            }
        }
        None
    }

    #[allow(deprecated)] // DocumentSymbol has a deprecated field that must still be given.
    fn symbols(&self, uri: &lsp::Url) -> Option<Vec<lsp::DocumentSymbol>> {
        let doc = self.docs.get(uri)?;
        let model = &doc.checked.model;
        let sources = &doc.checked.sources;
        let symbol = |name: String,
                      detail: String,
                      kind: lsp::SymbolKind,
                      span: Span,
                      sel: Span,
                      children: Vec<lsp::DocumentSymbol>| {
            lsp::DocumentSymbol {
                name,
                detail: Some(detail),
                kind,
                tags: None,
                deprecated: None,
                range: range(sources, span),
                selection_range: range(sources, sel),
                children: (!children.is_empty()).then_some(children),
            }
        };
        let measure_sym = |mi: usize| {
            let m = &model.measures[mi].measure;
            symbol(m.id.value.clone(), m.title.value.clone(), lsp::SymbolKind::FUNCTION, m.span, m.id.span, Vec::new())
        };
        let table_sym = |ti: usize| {
            let t = &model.tables[ti].table;
            symbol(t.id.value.clone(), t.title.value.clone(), lsp::SymbolKind::STRUCT, t.span, t.id.span, Vec::new())
        };
        fn group_sym(
            model: &crate::resolve::Model,
            g: usize,
            make: &dyn Fn(usize) -> lsp::DocumentSymbol,
            table: &dyn Fn(usize) -> lsp::DocumentSymbol,
            symbol: &dyn Fn(
                String,
                String,
                lsp::SymbolKind,
                Span,
                Span,
                Vec<lsp::DocumentSymbol>,
            ) -> lsp::DocumentSymbol,
        ) -> lsp::DocumentSymbol {
            let info = &model.groups[g];
            let mut children: Vec<(usize, lsp::DocumentSymbol)> = Vec::new();
            for &c in &info.children {
                children.push((model.groups[c].span.start, group_sym(model, c, make, table, symbol)));
            }
            for &m in &info.measures {
                children.push((model.measures[m].measure.span.start, make(m)));
            }
            for &t in &info.tables {
                children.push((model.tables[t].table.span.start, table(t)));
            }
            children.sort_by_key(|(s, _)| *s);
            symbol(
                info.id.value.clone(),
                info.title.value.clone(),
                lsp::SymbolKind::NAMESPACE,
                info.span,
                info.id.span,
                children.into_iter().map(|(_, s)| s).collect(),
            )
        }
        let mut out: Vec<(usize, lsp::DocumentSymbol)> = Vec::new();
        for (g, info) in model.groups.iter().enumerate() {
            if info.parent.is_none() && info.span.file == FileId(0) {
                out.push((info.span.start, group_sym(model, g, &measure_sym, &table_sym, &symbol)));
            }
        }
        for (m, info) in model.measures.iter().enumerate() {
            if info.group.is_none() && info.measure.span.file == FileId(0) {
                out.push((info.measure.span.start, measure_sym(m)));
            }
        }
        for (t, info) in model.tables.iter().enumerate() {
            if info.group.is_none() && info.table.span.file == FileId(0) {
                out.push((info.table.span.start, table_sym(t)));
            }
        }
        out.sort_by_key(|(s, _)| *s);
        Some(out.into_iter().map(|(_, s)| s).collect())
    }

    #[allow(deprecated)] // SymbolInformation has a deprecated field that must still be given.
    fn workspace_symbols(&self, query: &str) -> Vec<lsp::SymbolInformation> {
        let query = query.to_lowercase();
        let mut out = Vec::new();
        for (uri, doc) in &self.docs {
            let model = &doc.checked.model;
            let sources = &doc.checked.sources;
            let mut add = |name: &str, title: &str, kind: lsp::SymbolKind, span: Span| {
                let hay = format!("{name} {title}").to_lowercase();
                if query.is_empty() || hay.contains(&query) {
                    if let Some(u) = uri_of(sources, span.file, uri) {
                        out.push(lsp::SymbolInformation {
                            name: format!("{name} {title}"),
                            kind,
                            tags: None,
                            deprecated: None,
                            location: lsp::Location::new(u, range(sources, span)),
                            container_name: None,
                        });
                    }
                }
            };
            for g in &model.groups {
                add(&g.id.value, &g.title.value, lsp::SymbolKind::NAMESPACE, g.id.span);
            }
            for m in &model.measures {
                add(&m.measure.id.value, &m.measure.title.value, lsp::SymbolKind::FUNCTION, m.measure.id.span);
            }
            for t in &model.tables {
                add(&t.table.id.value, &t.table.title.value, lsp::SymbolKind::STRUCT, t.table.id.span);
            }
        }
        out.sort_by(|a, b| a.name.cmp(&b.name));
        out
    }

    fn format(&self, uri: &lsp::Url) -> Option<Vec<lsp::TextEdit>> {
        let doc = self.docs.get(uri)?;
        let text = doc.checked.sources.text(FileId(0));
        let formatted = crate::fmt::format_source(text).ok()?;
        if formatted == text {
            return Some(Vec::new());
        }
        let end = position(&doc.checked.sources, FileId(0), text.len());
        Some(vec![lsp::TextEdit::new(lsp::Range::new(lsp::Position::new(0, 0), end), formatted)])
    }

    fn completion(&self, uri: &lsp::Url) -> Vec<lsp::CompletionItem> {
        // The keywords of the plan's language (both sets while it has none yet).
        let language = self.docs.get(uri).and_then(|d| d.checked.language());
        let mut words: Vec<&str> = Vec::new();
        for lang in Lang::ALL.into_iter().filter(|l| language.is_none_or(|p| p == *l)) {
            for k in crate::syntax::keywords::KEYWORDS {
                if !words.contains(&k.word(lang)) {
                    words.push(k.word(lang));
                }
            }
        }
        let mut items: Vec<lsp::CompletionItem> = words
            .iter()
            .map(|k| lsp::CompletionItem {
                label: (*k).into(),
                kind: Some(lsp::CompletionItemKind::KEYWORD),
                ..Default::default()
            })
            .collect();
        for (label, detail) in [
            ("€", "euros"),
            ("fte", "full-time equivalents"),
            ("hours", "hours"),
            ("%", "percent"),
            ("P.M.", "not known yet"),
        ] {
            items.push(lsp::CompletionItem {
                label: label.into(),
                kind: Some(lsp::CompletionItemKind::UNIT),
                detail: Some(detail.into()),
                ..Default::default()
            });
        }
        for t in crate::taakveld::CATALOGUE {
            items.push(lsp::CompletionItem {
                label: t.code.into(),
                kind: Some(lsp::CompletionItemKind::ENUM_MEMBER),
                detail: Some(format!("taakveld {}", t.name)),
                ..Default::default()
            });
        }
        if let Some(doc) = self.docs.get(uri) {
            for m in &doc.checked.model.measures {
                items.push(lsp::CompletionItem {
                    label: m.measure.id.value.clone(),
                    kind: Some(lsp::CompletionItemKind::REFERENCE),
                    detail: Some(m.measure.title.value.clone()),
                    ..Default::default()
                });
            }
        }
        items
    }
}

/// The names a formula refers to (rows, and groups in `savings(G)`).
fn refs<'e>(expr: &'e Expr, out: &mut Vec<&'e Spanned<String>>) {
    match expr {
        Expr::Row(r) => out.push(r),
        Expr::Savings(Some(g), _) | Expr::Costs(Some(g), _) => out.push(g),
        Expr::Cumulative(inner, _) => refs(inner, out),
        Expr::Terms(terms, _) => terms.iter().for_each(|(_, t)| refs(t, out)),
        _ => {}
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn offsets_count_utf16_units() {
        let text = "a €\nsaving € 1.000";
        assert_eq!(offset(text, lsp::Position::new(0, 2)), 2);
        assert_eq!(offset(text, lsp::Position::new(1, 8)), "a €\nsaving €".len());
        let mut sources = SourceMap::new();
        let f = sources.add("t", None, text.to_string());
        assert_eq!(position(&sources, f, "a €\nsaving €".len()), lsp::Position::new(1, 8));
    }
}
