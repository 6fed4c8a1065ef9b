//! textDocument/formatting: `grip fmt`.

use super::*;
use lsp_types as lsp;

impl Server {
    pub(super) fn format(&self, uri: &lsp::Url) -> Option<Vec<lsp::TextEdit>> {
        let doc = self.docs.get(uri)?;
        let text = doc.checked.sources.text(FileId(0));
        let formatted = crate::fmt::format_source(text).ok()?;
        if formatted == text {
            return Some(Vec::new());
        }
        let end = position(&doc.checked.sources, FileId(0), text.len());
        Some(vec![lsp::TextEdit::new(lsp::Range::new(lsp::Position::new(0, 0), end), formatted)])
    }
}
