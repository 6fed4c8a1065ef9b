//! textDocument/foldingRange: every block of the plan (header, groups, measures, tables,
//! reporting moments and the measures in them) folds.

use super::*;
use lsp_types as lsp;

impl Server {
    pub(super) fn folding_ranges(&self, uri: &lsp::Url) -> Vec<lsp::FoldingRange> {
        let Some(doc) = self.docs.get(uri) else { return Vec::new() };
        let model = &doc.checked.model;
        let sources = &doc.checked.sources;
        let mut spans: Vec<Span> = Vec::new();
        spans.extend(model.header.as_ref().map(|h| h.span));
        spans.extend(model.groups.iter().map(|g| g.span));
        spans.extend(model.measures.iter().map(|m| m.measure.span));
        spans.extend(model.tables.iter().map(|t| t.table.span));
        for moment in &model.moments {
            spans.push(moment.span);
            spans.extend(moment.measures.iter().map(|m| m.span));
        }
        let mut out: Vec<lsp::FoldingRange> = spans
            .into_iter()
            .filter(|s| s.file == FileId(0))
            .filter_map(|s| {
                let (start, end) = (position(sources, s.file, s.start), position(sources, s.file, s.end));
                (end.line > start.line).then_some(lsp::FoldingRange {
                    start_line: start.line,
                    start_character: None,
                    end_line: end.line,
                    end_character: None,
                    kind: Some(lsp::FoldingRangeKind::Region),
                    collapsed_text: None,
                })
            })
            .collect();
        out.sort_by_key(|f| (f.start_line, f.end_line));
        out.dedup_by_key(|f| (f.start_line, f.end_line));
        out
    }
}
