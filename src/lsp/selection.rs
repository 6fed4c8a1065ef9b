//! textDocument/selectionRange: from the cursor outwards, what a writer selects step by step:
//! an id or a figure, the line it stands on, the row or effect, the measure or table, the group
//! (and the groups around it), the whole plan.

use super::*;
use lsp_types as lsp;

impl Server {
    pub(super) fn selection_ranges(&self, uri: &lsp::Url, positions: &[lsp::Position]) -> Vec<lsp::SelectionRange> {
        let Some(doc) = self.docs.get(uri) else { return Vec::new() };
        let model = &doc.checked.model;
        let sources = &doc.checked.sources;
        let text = sources.text(FileId(0));
        // Every span of the root file a selection can grow through.
        let mut spans: Vec<Span> = Vec::new();
        spans.extend(model.header.as_ref().map(|h| h.span));
        for g in &model.groups {
            spans.extend([g.span, g.id.span]);
            spans.extend(g.targets.iter().flat_map(|t| [t.span, t.amount.span]));
            spans.extend(
                g.totals.iter().flat_map(|t| std::iter::once(t.span).chain(t.values.iter().map(|v| v.amount.span))),
            );
        }
        for t in &model.totals {
            spans.push(t.span);
            spans.extend(t.values.iter().map(|v| v.amount.span));
        }
        for m in &model.measures {
            let m = &m.measure;
            spans.extend([m.span, m.id.span, m.title.span]);
            spans.extend(m.effects.iter().flat_map(|e| [e.span, e.amount.span]));
            spans.extend(m.related.iter().chain(&m.taakvelden).map(|s| s.span));
            spans.extend(m.budget.as_ref().map(|b| b.span));
        }
        for t in &model.tables {
            spans.extend([t.table.span, t.table.id.span]);
            for r in &t.table.rows {
                spans.extend([r.span, r.id.span, r.label.span]);
                spans.extend(r.cells.iter().map(|c| c.span));
            }
        }
        for moment in &model.moments {
            spans.push(moment.span);
            spans.extend(moment.measures.iter().flat_map(|e| [e.span, e.id.span]));
        }
        spans.retain(|s| s.file == FileId(0) && s.start < s.end);
        positions
            .iter()
            .map(|pos| {
                let at = offset(text, *pos);
                let mut around: Vec<Span> = spans.iter().copied().filter(|s| s.start <= at && at <= s.end).collect();
                // The line the cursor is on, without its indentation.
                let line_start = text[..at].rfind('\n').map(|i| i + 1).unwrap_or(0);
                let line_end = text[at..].find('\n').map(|i| at + i).unwrap_or(text.len());
                let indent = text[line_start..line_end].len() - text[line_start..line_end].trim_start().len();
                let line = Span::new(FileId(0), line_start + indent, line_end);
                if line.start < line.end && line.start <= at {
                    around.push(line);
                }
                around.push(Span::new(FileId(0), 0, text.len()));
                // Smallest first; each step must hold the one before.
                around.sort_by_key(|s| (s.end - s.start, std::cmp::Reverse(s.start)));
                let mut chain: Vec<Span> = Vec::new();
                for s in around {
                    if chain.last().is_none_or(|inner| s.start <= inner.start && inner.end <= s.end && s != *inner) {
                        chain.push(s);
                    }
                }
                let mut parent: Option<Box<lsp::SelectionRange>> = None;
                for s in chain.into_iter().rev() {
                    parent = Some(Box::new(lsp::SelectionRange { range: range(sources, s), parent }));
                }
                match parent {
                    Some(range) => *range,
                    None => lsp::SelectionRange { range: lsp::Range::new(*pos, *pos), parent: None },
                }
            })
            .collect()
    }
}
