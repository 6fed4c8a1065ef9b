//! textDocument/codeAction: the quick fixes of the diagnostics at a range. The fixes are the
//! diagnostics' own ([`crate::diagnostic::Diagnostic::fixes`]); this file only turns them into
//! workspace edits.

use super::*;
use crate::diagnostic::{Diagnostic, Fix};
use lsp_types as lsp;

impl Server {
    pub(super) fn code_actions(&self, uri: &lsp::Url, at: lsp::Range) -> Vec<lsp::CodeActionOrCommand> {
        let Some(doc) = self.docs.get(uri) else { return Vec::new() };
        let lang = self.lang(&doc.checked);
        let sources = &doc.checked.sources;
        let text = sources.text(FileId(0));
        let (start, end) = (offset(text, at.start), offset(text, at.end));
        let mut out = Vec::new();
        // A fix of several diagnostics is offered once, however many of them the range touches.
        let mut offered: Vec<Fix> = Vec::new();
        for d in &doc.checked.diagnostics {
            let span = d.span();
            // The diagnostics of this file that touch the range.
            if span.file != FileId(0) || span.end < start || span.start > end {
                continue;
            }
            // The same total wrong in other years too: a fix they share (the row the total
            // leaves out) is for all of them, and the printed figures can be set in one go.
            let siblings: Vec<&Diagnostic> = doc.checked.diagnostics.iter().filter(|o| d.same_total(o)).collect();
            let preferred = d.preferred_fix(text, lang);
            let mut fixes: Vec<(Fix, Vec<&Diagnostic>)> = d
                .fixes(text, lang)
                .into_iter()
                .map(|f| {
                    let shared: Vec<&Diagnostic> =
                        siblings.iter().copied().filter(|o| o.fixes(text, lang).contains(&f)).collect();
                    let about = if shared.len() > 1 { shared } else { vec![d] };
                    (f, about)
                })
                .collect();
            if let Some(together) = crate::diagnostic::fix_together(&siblings, text, lang) {
                fixes.push((together, siblings));
            }
            for (fix, about) in fixes {
                if offered.contains(&fix) {
                    continue;
                }
                offered.push(fix.clone());
                let is_preferred = preferred.as_ref() == Some(&fix);
                let mut changes: HashMap<lsp::Url, Vec<lsp::TextEdit>> = HashMap::new();
                for edit in &fix.edits {
                    let Some(u) = uri_of(sources, edit.span.file, uri) else { continue };
                    changes
                        .entry(u)
                        .or_default()
                        .push(lsp::TextEdit::new(range(sources, edit.span), edit.text.clone()));
                }
                out.push(lsp::CodeActionOrCommand::CodeAction(lsp::CodeAction {
                    title: capitalised(&fix.title.render(lang)),
                    kind: Some(lsp::CodeActionKind::QUICKFIX),
                    diagnostics: Some(about.iter().map(|a| to_lsp(sources, a, uri, lang)).collect()),
                    edit: Some(lsp::WorkspaceEdit { changes: Some(changes), ..Default::default() }),
                    is_preferred: Some(is_preferred),
                    ..Default::default()
                }));
            }
        }
        out
    }
}

/// A title as editors show them: with a capital.
fn capitalised(s: &str) -> String {
    let mut chars = s.chars();
    match chars.next() {
        Some(c) => c.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}
