//! textDocument/prepareRename and textDocument/rename: a measure, group, table or row id,
//! renamed everywhere it is written: in the plan, the files it includes, and the open files
//! that share a file with it (a progress file and its plan). A keyword is refused in words.

use super::names::{name_at, spans_of, Name};
use super::*;
use crate::lang::Msg;
use lsp_types as lsp;

/// The word (letters, digits, `_` and dots) around byte `at`.
fn word_at(text: &str, at: usize) -> &str {
    let at = at.min(text.len());
    let is_word = |c: char| c.is_alphanumeric() || c == '_' || c == '.';
    let start = text[..at].char_indices().rev().take_while(|(_, c)| is_word(*c)).last().map(|(i, _)| i).unwrap_or(at);
    let end = text[at..].char_indices().find(|(_, c)| !is_word(*c)).map(|(i, _)| at + i).unwrap_or(text.len());
    text[start..end].trim_matches('.')
}

/// Whether a new name can stand where an id stands: letters, digits and `_`, with single dots
/// between them (a row's name: no dots), and no keyword.
fn valid_name(name: &Name, new: &str) -> bool {
    let dots = !matches!(name, Name::Row(..));
    let mut prev_dot = true;
    for c in new.chars() {
        match c {
            '.' if dots && !prev_dot => prev_dot = true,
            c if c.is_ascii_alphanumeric() || c == '_' => prev_dot = false,
            _ => return false,
        }
    }
    let row_starts_right =
        !matches!(name, Name::Row(..)) || new.starts_with(|c: char| c.is_ascii_alphabetic() || c == '_');
    !new.is_empty() && !prev_dot && row_starts_right && crate::syntax::keywords::lookup(new).is_none()
}

impl Server {
    /// The name at a position, or why there is none to rename (in the plan's language).
    fn renamable(&self, uri: &lsp::Url, pos: lsp::Position) -> Result<(Name, Span), String> {
        let Some((doc, at)) = self.doc_at(uri, pos) else { return Err(String::new()) };
        let lang = self.lang(&doc.checked);
        match name_at(&doc.checked.model, at) {
            Some(found) => Ok(found),
            None => {
                let word = word_at(doc.checked.sources.text(FileId(0)), at);
                let msg = if crate::syntax::keywords::lookup(word).is_some() {
                    Msg::id("rename-keyword").arg("word", word)
                } else {
                    Msg::id("rename-not-a-name")
                };
                Err(msg.render(lang))
            }
        }
    }

    pub(super) fn prepare_rename(
        &self,
        uri: &lsp::Url,
        pos: lsp::Position,
    ) -> Result<Option<lsp::PrepareRenameResponse>, String> {
        let Some(doc) = self.docs.get(uri) else { return Ok(None) };
        let (_, span) = self.renamable(uri, pos)?;
        let sources = &doc.checked.sources;
        let placeholder = sources.text(span.file).get(span.start..span.end).unwrap_or("").to_string();
        Ok(Some(lsp::PrepareRenameResponse::RangeWithPlaceholder { range: range(sources, span), placeholder }))
    }

    pub(super) fn rename(
        &self,
        uri: &lsp::Url,
        pos: lsp::Position,
        new: &str,
    ) -> Result<Option<lsp::WorkspaceEdit>, String> {
        let Some(doc) = self.docs.get(uri) else { return Ok(None) };
        let lang = self.lang(&doc.checked);
        let (name, _) = self.renamable(uri, pos)?;
        if !valid_name(&name, new) {
            return Err(Msg::id("rename-invalid").arg("name", new).render(lang));
        }
        if name.taken(&doc.checked.model, new) {
            let kind = Msg::id("ref-kind").arg("kind", name.kind());
            return Err(Msg::id("rename-taken").arg("kind", kind).arg("name", new).render(lang));
        }
        // This document, and every open one that shares a file with it.
        let files = |d: &Doc, root: &lsp::Url| -> Vec<lsp::Url> {
            (0..d.checked.sources.len()).filter_map(|i| uri_of(&d.checked.sources, FileId(i as u32), root)).collect()
        };
        let own = files(doc, uri);
        let mut changes: HashMap<lsp::Url, Vec<lsp::TextEdit>> = HashMap::new();
        let mut docs: Vec<(&lsp::Url, &Doc)> = vec![(uri, doc)];
        docs.extend(self.docs.iter().filter(|(u, d)| *u != uri && files(d, u).iter().any(|f| own.contains(f))));
        for (root, d) in docs {
            let sources = &d.checked.sources;
            for span in spans_of(&d.checked.model, &name) {
                let Some(u) = uri_of(sources, span.file, root) else { continue };
                let edit = lsp::TextEdit::new(range(sources, span), new.to_string());
                let edits = changes.entry(u).or_default();
                if !edits.contains(&edit) {
                    edits.push(edit);
                }
            }
        }
        Ok(Some(lsp::WorkspaceEdit { changes: Some(changes), ..Default::default() }))
    }
}
