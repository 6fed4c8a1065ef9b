//! Between grip's byte spans and the protocol's UTF-16 positions, files and URIs, and grip's
//! diagnostics and the protocol's.

use super::*;
use crate::diagnostic::{Diagnostic, Severity};
use crate::lang::{Lang, Msg};
use crate::source::SourceMap;
use codespan_reporting::files::Files;
use lsp_types as lsp;

/// UTF-16 position of a byte offset in a file.
pub(super) fn position(sources: &SourceMap, file: FileId, byte: usize) -> lsp::Position {
    let text = sources.text(file);
    let byte = byte.min(text.len());
    let line = sources.line_index(file, byte).unwrap_or(0);
    let start = sources.line_range(file, line).map(|r| r.start).unwrap_or(0);
    let col: usize = text.get(start..byte).map(|s| s.encode_utf16().count()).unwrap_or(0);
    lsp::Position::new(line as u32, col as u32)
}

pub(super) fn range(sources: &SourceMap, span: Span) -> lsp::Range {
    lsp::Range::new(position(sources, span.file, span.start), position(sources, span.file, span.end))
}

/// Byte offset of a UTF-16 position in text (one home for it: [`super::sync::offset`]).
pub(super) fn offset(text: &str, pos: lsp::Position) -> usize {
    super::sync::offset(text, pos)
}

pub(super) fn contains(span: Span, at: usize) -> bool {
    span.file == FileId(0) && span.start <= at && at <= span.end
}

pub(super) fn uri_of(sources: &SourceMap, file: FileId, root: &lsp::Url) -> Option<lsp::Url> {
    if file == FileId(0) {
        return Some(root.clone());
    }
    let path = sources.get(file)?.path.as_ref()?;
    lsp::Url::from_file_path(path.canonicalize().unwrap_or_else(|_| path.clone())).ok()
}

/// A grip diagnostic as an LSP diagnostic: same code, message and help.
pub(super) fn to_lsp(sources: &SourceMap, d: &Diagnostic, root: &lsp::Url, lang: Lang) -> lsp::Diagnostic {
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
