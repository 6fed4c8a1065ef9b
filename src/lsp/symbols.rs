//! textDocument/documentSymbol (the outline) and workspace/symbol.

use super::*;
use lsp_types as lsp;

impl Server {
    #[allow(deprecated)] // DocumentSymbol has a deprecated field that must still be given.
    pub(super) fn symbols(&self, uri: &lsp::Url) -> Option<Vec<lsp::DocumentSymbol>> {
        let doc = self.docs.get(uri)?;
        let model = &doc.checked.model;
        let sources = &doc.checked.sources;
        let symbol = |name: String,
                      detail: String,
                      kind: lsp::SymbolKind,
                      span: Span,
                      sel: Span,
                      children: Vec<lsp::DocumentSymbol>| {
            lsp::DocumentSymbol {
                name,
                detail: Some(detail),
                kind,
                tags: None,
                deprecated: None,
                range: range(sources, span),
                selection_range: range(sources, sel),
                children: (!children.is_empty()).then_some(children),
            }
        };
        let measure_sym = |mi: usize| {
            let m = &model.measures[mi].measure;
            symbol(m.id.value.clone(), m.title.value.clone(), lsp::SymbolKind::FUNCTION, m.span, m.id.span, Vec::new())
        };
        let table_sym = |ti: usize| {
            let t = &model.tables[ti].table;
            symbol(t.id.value.clone(), t.title.value.clone(), lsp::SymbolKind::STRUCT, t.span, t.id.span, Vec::new())
        };
        fn group_sym(
            model: &crate::resolve::Model,
            g: usize,
            make: &dyn Fn(usize) -> lsp::DocumentSymbol,
            table: &dyn Fn(usize) -> lsp::DocumentSymbol,
            symbol: &dyn Fn(
                String,
                String,
                lsp::SymbolKind,
                Span,
                Span,
                Vec<lsp::DocumentSymbol>,
            ) -> lsp::DocumentSymbol,
        ) -> lsp::DocumentSymbol {
            let info = &model.groups[g];
            let mut children: Vec<(usize, lsp::DocumentSymbol)> = Vec::new();
            for &c in &info.children {
                children.push((model.groups[c].span.start, group_sym(model, c, make, table, symbol)));
            }
            for &m in &info.measures {
                children.push((model.measures[m].measure.span.start, make(m)));
            }
            for &t in &info.tables {
                children.push((model.tables[t].table.span.start, table(t)));
            }
            children.sort_by_key(|(s, _)| *s);
            symbol(
                info.id.value.clone(),
                info.title.value.clone(),
                lsp::SymbolKind::NAMESPACE,
                info.span,
                info.id.span,
                children.into_iter().map(|(_, s)| s).collect(),
            )
        }
        let mut out: Vec<(usize, lsp::DocumentSymbol)> = Vec::new();
        for (g, info) in model.groups.iter().enumerate() {
            if info.parent.is_none() && info.span.file == FileId(0) {
                out.push((info.span.start, group_sym(model, g, &measure_sym, &table_sym, &symbol)));
            }
        }
        for (m, info) in model.measures.iter().enumerate() {
            if info.group.is_none() && info.measure.span.file == FileId(0) {
                out.push((info.measure.span.start, measure_sym(m)));
            }
        }
        for (t, info) in model.tables.iter().enumerate() {
            if info.group.is_none() && info.table.span.file == FileId(0) {
                out.push((info.table.span.start, table_sym(t)));
            }
        }
        out.sort_by_key(|(s, _)| *s);
        Some(out.into_iter().map(|(_, s)| s).collect())
    }

    #[allow(deprecated)] // SymbolInformation has a deprecated field that must still be given.
    pub(super) fn workspace_symbols(&self, query: &str) -> Vec<lsp::SymbolInformation> {
        let query = query.to_lowercase();
        let mut out = Vec::new();
        for (uri, doc) in &self.docs {
            let model = &doc.checked.model;
            let sources = &doc.checked.sources;
            let mut add = |name: &str, title: &str, kind: lsp::SymbolKind, span: Span| {
                let hay = format!("{name} {title}").to_lowercase();
                if query.is_empty() || hay.contains(&query) {
                    if let Some(u) = uri_of(sources, span.file, uri) {
                        out.push(lsp::SymbolInformation {
                            name: format!("{name} {title}"),
                            kind,
                            tags: None,
                            deprecated: None,
                            location: lsp::Location::new(u, range(sources, span)),
                            container_name: None,
                        });
                    }
                }
            };
            for g in &model.groups {
                add(&g.id.value, &g.title.value, lsp::SymbolKind::NAMESPACE, g.id.span);
            }
            for m in &model.measures {
                add(&m.measure.id.value, &m.measure.title.value, lsp::SymbolKind::FUNCTION, m.measure.id.span);
            }
            for t in &model.tables {
                add(&t.table.id.value, &t.table.title.value, lsp::SymbolKind::STRUCT, t.table.id.span);
            }
        }
        out.sort_by(|a, b| a.name.cmp(&b.name));
        out
    }
}
