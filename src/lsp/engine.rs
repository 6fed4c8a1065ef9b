//! The engine's state: the open documents, their text kept up to date from the editor's edits,
//! and what the pipeline made of each; and the lookups the capabilities share.
//!
//! On a change only the pieces of the plan whose text changed are parsed again
//! ([`crate::syntax::reuse`]); resolving and checking run on the whole plan, so the diagnostics
//! are always those of a fresh `grip check` of the same text. What only hovers, inlay hints and
//! lenses show (the evaluation's yearly figures, and the checker's record of every figure it
//! recomputed) is made when a request first needs it, not on every change.

use super::*;
use crate::api::{self, Checked};
use crate::check::Recomputed;
use crate::eval::{evaluate, Evaluation};
use crate::lang::Lang;
use crate::syntax::reuse::Reuse;
use lsp_server::Notification;
use lsp_types as lsp;
use std::collections::HashMap;
use std::path::PathBuf;
use std::sync::{Arc, OnceLock};

/// An open document and what the pipeline made of it.
pub(super) struct Doc {
    /// The text as the editor has it.
    pub(super) text: String,
    pub(super) checked: Arc<Checked>,
    pub(super) figures: Figures,
    /// The diagnostics last published for each URI (this file and the files it includes).
    pub(super) published: Vec<(lsp::Url, Vec<lsp::Diagnostic>)>,
    /// The pieces of the last parse, for the next.
    reuse: Reuse,
}

/// The evaluation of a checked plan, and the checker's record of every figure it recomputed,
/// each made the first time it is asked for.
pub(super) struct Figures {
    checked: Arc<Checked>,
    evaluation: OnceLock<Evaluation>,
    recomputed: OnceLock<Vec<Recomputed>>,
}

impl Figures {
    fn new(checked: Arc<Checked>) -> Figures {
        Figures { checked, evaluation: OnceLock::new(), recomputed: OnceLock::new() }
    }

    /// Every printed figure `grip check` recomputed, with what it found: the same checker on the
    /// same model as the published diagnostics.
    pub(super) fn recomputed(&self) -> &[Recomputed] {
        self.recomputed.get_or_init(|| crate::check::recomputed(&self.checked.model))
    }
}

impl std::ops::Deref for Figures {
    type Target = Evaluation;
    fn deref(&self) -> &Evaluation {
        self.evaluation.get_or_init(|| evaluate(&self.checked.model))
    }
}

pub(super) struct Server {
    pub(super) docs: HashMap<lsp::Url, Doc>,
    pub(super) languages: Languages,
    pub(super) settings: super::settings::Settings,
    /// What the client said it can be asked, in `initialize`.
    pub(super) client: ClientSupport,
    /// The id of the last request the server sent the client.
    pub(super) next_request: i32,
}

/// What a client can be asked, from the capabilities it declares in `initialize`.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct ClientSupport {
    /// `workspace/inlayHint/refresh` (`workspace.inlayHint.refreshSupport`).
    pub inlay_hint_refresh: bool,
    /// `workspace/codeLens/refresh` (`workspace.codeLens.refreshSupport`).
    pub code_lens_refresh: bool,
    /// `client/registerCapability` of a file watcher
    /// (`workspace.didChangeWatchedFiles.dynamicRegistration`).
    pub watch_files: bool,
}

impl ClientSupport {
    pub fn from_initialize(params: &serde_json::Value) -> ClientSupport {
        let yes = |pointer: &str| params.pointer(pointer).and_then(serde_json::Value::as_bool).unwrap_or(false);
        ClientSupport {
            inlay_hint_refresh: yes("/capabilities/workspace/inlayHint/refreshSupport"),
            code_lens_refresh: yes("/capabilities/workspace/codeLens/refreshSupport"),
            watch_files: yes("/capabilities/workspace/didChangeWatchedFiles/dynamicRegistration"),
        }
    }
}

impl Server {
    /// The language of what is said about a checked plan.
    pub(super) fn lang(&self, checked: &Checked) -> Lang {
        self.languages.asked.or(checked.language()).or(self.languages.fallback).unwrap_or_default()
    }
}

pub(super) fn path_of(uri: &lsp::Url) -> Option<PathBuf> {
    uri.to_file_path().ok()
}

/// The measure whose id is at `at`, where it is declared or named in a `related` line, with the
/// span of the id there. One pass over the plan, whatever the number of `related` links.
pub(super) fn measure_at(model: &crate::resolve::Model, at: usize) -> Option<(usize, Span)> {
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
pub(super) fn progress_entry_at(model: &crate::resolve::Model, at: usize) -> Option<(usize, &Spanned<String>)> {
    model
        .moments
        .iter()
        .enumerate()
        .find_map(|(k, moment)| moment.measures.iter().find(|e| contains(e.id.span, at)).map(|e| (k, &e.id)))
}

pub(super) fn notification<N: lsp::notification::Notification>(params: N::Params) -> Notification {
    Notification::new(N::METHOD.to_string(), params)
}

impl Server {
    /// A request to the client, with an id of its own (the client's answer is not waited for:
    /// the server reads on, and drops it when it comes).
    pub(super) fn request_to_client<R: lsp::request::Request>(&mut self, params: R::Params) -> lsp_server::Message {
        self.next_request = self.next_request.wrapping_add(1);
        let id = lsp_server::RequestId::from(format!("grip-{}", self.next_request));
        lsp_server::Message::Request(lsp_server::Request::new(id, R::METHOD.to_string(), params))
    }
}

impl Server {
    /// `didOpen`: the document's text, checked.
    pub(super) fn open(&mut self, uri: lsp::Url, text: String) -> Vec<Notification> {
        let published = self.docs.remove(&uri).map(|d| d.published).unwrap_or_default();
        let checked = Arc::new(Checked {
            sources: Default::default(),
            model: Default::default(),
            diagnostics: Vec::new(),
            recomputed: Default::default(),
        });
        let figures = Figures::new(checked.clone());
        self.docs.insert(uri.clone(), Doc { text, checked, figures, published, reuse: Reuse::new() });
        self.analyse(uri)
    }

    /// `didChange`: the edits applied to the text, in order; then the document is checked,
    /// unless `analyse` is false (a later change in the same batch will check it).
    pub(super) fn change(
        &mut self,
        uri: lsp::Url,
        changes: Vec<lsp::TextDocumentContentChangeEvent>,
        analyse: bool,
    ) -> Vec<Notification> {
        match self.docs.get_mut(&uri) {
            Some(doc) => super::sync::apply(&mut doc.text, changes),
            // A change of a document that was never opened: only a whole new text says what it
            // is now.
            None => match changes.into_iter().rev().find(|c| c.range.is_none()) {
                Some(whole) => return self.open(uri, whole.text),
                None => return Vec::new(),
            },
        }
        if analyse {
            self.analyse(uri)
        } else {
            Vec::new()
        }
    }

    /// Checks an open document's text and says what changed in its diagnostics: the document's
    /// own are always published (the editor waits for them after a change), an included file's
    /// only when they differ from what was published for it last.
    pub(super) fn analyse(&mut self, uri: lsp::Url) -> Vec<Notification> {
        let path = path_of(&uri);
        let name = path.as_ref().map(|p| p.display().to_string()).unwrap_or_else(|| uri.to_string());
        let Some(doc) = self.docs.get_mut(&uri) else { return Vec::new() };
        let checked = Arc::new(api::check_text_reusing(&name, path.as_deref(), doc.text.clone(), &mut doc.reuse));
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
        let Some(doc) = self.docs.get_mut(&uri) else { return Vec::new() };
        let previous = std::mem::take(&mut doc.published);
        let mut out = Vec::new();
        for (stale, _) in previous.iter().filter(|(u, _)| !by_uri.contains_key(u)) {
            out.push(notification::<lsp::notification::PublishDiagnostics>(lsp::PublishDiagnosticsParams::new(
                stale.clone(),
                Vec::new(),
                None,
            )));
        }
        let mut uris: Vec<_> = by_uri.into_iter().collect();
        uris.sort_by(|a, b| a.0.as_str().cmp(b.0.as_str()));
        for (u, diags) in &uris {
            let unchanged = *u != uri && previous.iter().any(|(p, d)| p == u && d == diags);
            if !unchanged {
                out.push(notification::<lsp::notification::PublishDiagnostics>(lsp::PublishDiagnosticsParams::new(
                    u.clone(),
                    diags.clone(),
                    None,
                )));
            }
        }
        doc.published = uris;
        let figures = Figures::new(checked.clone());
        let old = (std::mem::replace(&mut doc.figures, figures), std::mem::replace(&mut doc.checked, checked));
        // Freeing the last plan (a model of every measure, allocation by allocation) takes as
        // long as a good part of checking it: it is done on another thread, after the answer.
        // Should no thread start, it is freed here.
        let _ = std::thread::Builder::new().name("grip-free".into()).spawn(move || drop(old));
        out
    }

    pub(super) fn doc_at(&self, uri: &lsp::Url, pos: lsp::Position) -> Option<(&Doc, usize)> {
        let doc = self.docs.get(uri)?;
        Some((doc, offset(doc.checked.sources.text(FileId(0)), pos)))
    }
}

/// The names a formula refers to (rows, and groups in `savings(G)`).
pub(super) fn refs<'e>(expr: &'e Expr, out: &mut Vec<&'e Spanned<String>>) {
    match expr {
        Expr::Row(r) => out.push(r),
        Expr::Savings(Some(g), _) | Expr::Costs(Some(g), _) => out.push(g),
        Expr::Cumulative(inner, _) => refs(inner, out),
        Expr::Terms(terms, _) => terms.iter().for_each(|(_, t)| refs(t, out)),
        _ => {}
    }
}
