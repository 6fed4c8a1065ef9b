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
        let mut together_offered: Vec<Fix> = Vec::new();
        for d in &doc.checked.diagnostics {
            let span = d.span();
            // The diagnostics of this file that touch the range.
            if span.file != FileId(0) || span.end < start || span.start > end {
                continue;
            }
            let mut fixes: Vec<(Fix, Vec<&Diagnostic>)> =
                d.fixes(text, lang).into_iter().map(|f| (f, vec![d])).collect();
            // The same total wrong in other years too: all of them in one go.
            let siblings: Vec<&Diagnostic> = doc.checked.diagnostics.iter().filter(|o| d.same_total(o)).collect();
            if let Some(together) = crate::diagnostic::fix_together(&siblings, text, lang) {
                if !together_offered.contains(&together) {
                    together_offered.push(together.clone());
                    fixes.push((together, siblings));
                }
            }
            let single = fixes.len() == 1;
            for (fix, about) in fixes {
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
                    is_preferred: Some(single),
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
