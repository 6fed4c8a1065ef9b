//! The engine's state: the open documents and what the pipeline made of each, re-checked on
//! every change; and the lookups the capabilities share.

use super::*;
use crate::api::{self, Checked};
use crate::eval::{evaluate, Evaluation};
use crate::lang::Lang;
use lsp_server::Notification;
use lsp_types as lsp;
use std::collections::HashMap;
use std::path::PathBuf;

/// An open document and what the pipeline made of it.
pub(super) struct Doc {
    pub(super) checked: Checked,
    pub(super) evaluation: Evaluation,
    /// URIs diagnostics were last published for (this file and the files it includes).
    pub(super) published: Vec<lsp::Url>,
}

pub(super) struct Server {
    pub(super) docs: HashMap<lsp::Url, Doc>,
    pub(super) languages: Languages,
    pub(super) settings: super::settings::Settings,
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
    pub(super) fn analyse(&mut self, uri: lsp::Url, text: String) -> Vec<Notification> {
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
