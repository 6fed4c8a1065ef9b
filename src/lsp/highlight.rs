//! textDocument/documentHighlight: where the name under the cursor is written in this file,
//! its declaration marked as the place it is written, the rest as where it is read.

use super::names::{name_at, spans_of};
use super::*;
use lsp_types as lsp;

impl Server {
    pub(super) fn highlights(&self, uri: &lsp::Url, pos: lsp::Position) -> Option<Vec<lsp::DocumentHighlight>> {
        let (doc, at) = self.doc_at(uri, pos)?;
        let model = &doc.checked.model;
        let sources = &doc.checked.sources;
        let (name, _) = name_at(model, at)?;
        let declared: Vec<Span> = spans_of(model, &name)
            .into_iter()
            .filter(|s| {
                model.measures.iter().any(|m| m.measure.id.span == *s)
                    || model.groups.iter().any(|g| g.id.span == *s)
                    || model
                        .tables
                        .iter()
                        .any(|t| t.table.id.span == *s || t.table.rows.iter().any(|r| r.id.span == *s))
            })
            .collect();
        Some(
            spans_of(model, &name)
                .into_iter()
                .filter(|s| s.file == FileId(0))
                .map(|s| lsp::DocumentHighlight {
                    range: range(sources, s),
                    kind: Some(if declared.contains(&s) {
                        lsp::DocumentHighlightKind::WRITE
                    } else {
                        lsp::DocumentHighlightKind::READ
                    }),
                })
                .collect(),
        )
    }
}
