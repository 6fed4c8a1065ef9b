//! textDocument/definition and textDocument/references.

use super::*;
use crate::formula::{self};
use lsp_types as lsp;

impl Server {
    pub(super) fn definition(&self, uri: &lsp::Url, pos: lsp::Position) -> Option<lsp::Location> {
        let (doc, at) = self.doc_at(uri, pos)?;
        let model = &doc.checked.model;
        let sources = &doc.checked.sources;
        let loc = |span: Span| Some(lsp::Location::new(uri_of(sources, span.file, uri)?, range(sources, span)));
        for r in model.measures.iter().flat_map(|m| m.measure.related.iter()) {
            if contains(r.span, at) {
                let &target = model.measure_by_id.get(&r.value)?;
                return loc(model.measures[target].measure.id.span);
            }
        }
        // A progress entry: the measure in the plan.
        if let Some((_, entry)) = progress_entry_at(model, at) {
            let &target = model.measure_by_id.get(&entry.value)?;
            return loc(model.measures[target].measure.id.span);
        }
        for (ti, t) in model.tables.iter().enumerate() {
            for row in &t.table.rows {
                let mut names = Vec::new();
                if let Some(f) = &row.formula {
                    refs(f, &mut names);
                }
                for name in names {
                    if contains(name.span, at) {
                        if let Some(g) = model.group_by_id.get(&name.value) {
                            return loc(model.groups[*g].id.span);
                        }
                        let (t2, r2) = formula::find_row(model, ti, &name.value)?;
                        return loc(model.tables[t2].table.rows[r2].id.span);
                    }
                }
            }
        }
        None
    }

    pub(super) fn references(&self, uri: &lsp::Url, pos: lsp::Position) -> Option<Vec<lsp::Location>> {
        let (doc, at) = self.doc_at(uri, pos)?;
        let model = &doc.checked.model;
        let sources = &doc.checked.sources;
        let loc = |span: Span| Some(lsp::Location::new(uri_of(sources, span.file, uri)?, range(sources, span)));
        // A measure id: where it is declared, every `related` that names it, and every progress
        // entry on it.
        if let Some((mi, _)) = measure_at(model, at) {
            let id = &model.measures[mi].measure.id;
            {
                let mut out: Vec<lsp::Location> = loc(id.span).into_iter().collect();
                for r in model.measures.iter().flat_map(|o| o.measure.related.iter()).filter(|r| r.value == id.value) {
                    out.extend(loc(r.span));
                }
                // And every reporting moment that reports on it.
                let entries = model.moments.iter().flat_map(|m| m.measures.iter()).filter(|e| e.id.value == id.value);
                for e in entries {
                    out.extend(loc(e.id.span));
                }
                return Some(out);
            }
        }
        // A row: where it is declared and every formula that names it.
        for (ti, t) in model.tables.iter().enumerate() {
            for (ri, row) in t.table.rows.iter().enumerate() {
                if !contains(row.id.span, at) {
                    continue;
                }
                let mut out: Vec<lsp::Location> = loc(row.id.span).into_iter().collect();
                for (tj, t2) in model.tables.iter().enumerate() {
                    for r2 in &t2.table.rows {
                        let mut names = Vec::new();
                        if let Some(f) = &r2.formula {
                            refs(f, &mut names);
                        }
                        for name in names {
                            if formula::find_row(model, tj, &name.value) == Some((ti, ri)) {
                                out.extend(loc(name.span));
                            }
                        }
                    }
                }
                return Some(out);
            }
        }
        None
    }
}
