//! textDocument/semanticTokens/full: what each name in the plan is, as only grip knows after
//! resolving it: measure ids (where declared and where named), groups, tables, rows (also in
//! formulas), and taakveld codes. Keywords, figures and text are left to the editor's grammar.

use super::names::{name_at, Name};
use super::*;
use lsp_types as lsp;

/// The token types, in the order of the legend.
pub(super) const TYPES: [lsp::SemanticTokenType; 5] = [
    lsp::SemanticTokenType::FUNCTION,
    lsp::SemanticTokenType::NAMESPACE,
    lsp::SemanticTokenType::STRUCT,
    lsp::SemanticTokenType::PROPERTY,
    lsp::SemanticTokenType::ENUM_MEMBER,
];

/// The token modifiers, in the order of the legend (bit 0: where a name is declared).
pub(super) const MODIFIERS: [lsp::SemanticTokenModifier; 1] = [lsp::SemanticTokenModifier::DECLARATION];

pub(super) fn legend() -> lsp::SemanticTokensLegend {
    lsp::SemanticTokensLegend { token_types: TYPES.to_vec(), token_modifiers: MODIFIERS.to_vec() }
}

fn kind(name: &Name) -> u32 {
    match name {
        Name::Measure(_) => 0,
        Name::Group(_) => 1,
        Name::Table(_) => 2,
        Name::Row(..) => 3,
    }
}

impl Server {
    pub(super) fn semantic_tokens(&self, uri: &lsp::Url) -> Option<lsp::SemanticTokens> {
        let doc = self.docs.get(uri)?;
        let model = &doc.checked.model;
        let sources = &doc.checked.sources;
        // (span, type, modifiers) of every name in the root file.
        let mut tokens: Vec<(Span, u32, u32)> = Vec::new();
        let declared = |s: Span| {
            model.measures.iter().any(|m| m.measure.id.span == s)
                || model.groups.iter().any(|g| g.id.span == s)
                || model.tables.iter().any(|t| t.table.id.span == s || t.table.rows.iter().any(|r| r.id.span == s))
        };
        let mut candidates: Vec<Span> = Vec::new();
        candidates.extend(
            model
                .measures
                .iter()
                .flat_map(|m| std::iter::once(m.measure.id.span).chain(m.measure.related.iter().map(|r| r.span))),
        );
        candidates.extend(model.groups.iter().map(|g| g.id.span));
        for t in &model.tables {
            candidates.push(t.table.id.span);
            for r in &t.table.rows {
                candidates.push(r.id.span);
                if let Some(f) = &r.formula {
                    let mut names = Vec::new();
                    refs(f, &mut names);
                    candidates.extend(names.iter().map(|n| n.span));
                }
            }
        }
        candidates.extend(model.moments.iter().flat_map(|m| m.measures.iter().map(|e| e.id.span)));
        for span in candidates.into_iter().filter(|s| s.file == FileId(0) && s.start < s.end) {
            // What the name there is (a qualified row name is a table, a dot and a row).
            let mut at = span.start;
            while at < span.end {
                let Some((name, found)) = name_at(model, at) else { break };
                if found.end <= at || found.start < span.start {
                    break;
                }
                tokens.push((found, kind(&name), u32::from(declared(found))));
                at = found.end + 1;
            }
        }
        let codes = model
            .measures
            .iter()
            .flat_map(|m| m.measure.taakvelden.iter())
            .chain(model.tables.iter().flat_map(|t| t.table.rows.iter().flat_map(|r| r.taakvelden.iter())));
        tokens.extend(codes.filter(|c| c.span.file == FileId(0)).map(|c| (c.span, 4, 0)));
        tokens.sort_by_key(|(s, _, _)| (s.start, s.end));
        tokens.dedup_by_key(|(s, _, _)| s.start);
        let mut data = Vec::new();
        let (mut line, mut column) = (0u32, 0u32);
        let mut last_end = 0usize;
        for (span, kind, modifiers) in tokens {
            let (start, end) = (position(sources, span.file, span.start), position(sources, span.file, span.end));
            // One line each, never overlapping.
            if start.line != end.line || span.start < last_end {
                continue;
            }
            last_end = span.end;
            let delta_start = if start.line == line { start.character - column } else { start.character };
            data.push(lsp::SemanticToken {
                delta_line: start.line - line,
                delta_start,
                length: end.character - start.character,
                token_type: kind,
                token_modifiers_bitset: modifiers,
            });
            (line, column) = (start.line, start.character);
        }
        Some(lsp::SemanticTokens { result_id: None, data })
    }
}
