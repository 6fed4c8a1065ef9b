//! The names a plan declares and where each is used: what rename and document highlight work
//! on. A measure is named where it is declared, in `related` lines and in reporting moments; a
//! group where it is declared and in `savings(G)` and `costs(G)`; a row where it is declared
//! and in the formulas of total rows (`a + b`, `C1.formatie`); a table where it is declared
//! and before the dot of a row named from another table.

use super::*;
use crate::formula;
use crate::resolve::Model;

/// A declared name.
#[derive(Debug, Clone, PartialEq)]
pub(super) enum Name {
    Measure(String),
    Group(String),
    Table(String),
    /// A row, by its table's id and its own.
    Row(String, String),
}

impl Name {
    /// The kind of name, as the catalogue's `ref-kind` says it.
    pub(super) fn kind(&self) -> &'static str {
        match self {
            Name::Measure(_) => "measure",
            Name::Group(_) => "group",
            Name::Table(_) => "table",
            Name::Row(..) => "row",
        }
    }

    /// Whether the model already declares this kind of name as `new`.
    pub(super) fn taken(&self, model: &Model, new: &str) -> bool {
        match self {
            Name::Measure(_) => model.measure_by_id.contains_key(new),
            Name::Group(_) => model.group_by_id.contains_key(new),
            Name::Table(_) => model.table_by_id.contains_key(new),
            Name::Row(table, _) => model
                .table_by_id
                .get(table)
                .and_then(|&t| model.tables.get(t))
                .is_some_and(|t| t.rows_by_id.contains_key(new)),
        }
    }
}

/// A row named in a formula of table `ti`: the row, and the spans of the table's id (when the
/// name is qualified, `C1.formatie`) and of the row's id within the name.
fn row_ref(model: &Model, ti: usize, name: &Spanned<String>) -> Option<((usize, usize), Option<Span>, Span)> {
    let (t, r) = formula::find_row(model, ti, &name.value)?;
    let local = model.tables.get(ti).is_some_and(|info| info.rows_by_id.contains_key(&name.value));
    if local {
        return Some(((t, r), None, name.span));
    }
    let (table_id, row_id) = name.value.rsplit_once('.')?;
    let s = name.span;
    let table_span = Span::new(s.file, s.start, s.start + table_id.len());
    let row_span = Span::new(s.file, s.end.saturating_sub(row_id.len()), s.end);
    Some(((t, r), Some(table_span), row_span))
}

/// Every name a formula of a row refers to, with the table the formula is in.
fn formula_names(model: &Model) -> Vec<(usize, &Spanned<String>, bool)> {
    let mut out = Vec::new();
    for (ti, t) in model.tables.iter().enumerate() {
        for row in &t.table.rows {
            let Some(f) = &row.formula else { continue };
            let mut names = Vec::new();
            refs(f, &mut names);
            let mut groups = Vec::new();
            group_refs(f, &mut groups);
            for name in names {
                out.push((ti, name, groups.iter().any(|g| std::ptr::eq(*g, name))));
            }
        }
    }
    out
}

/// The groups named in `savings(G)` and `costs(G)`.
fn group_refs<'e>(expr: &'e Expr, out: &mut Vec<&'e Spanned<String>>) {
    match expr {
        Expr::Savings(Some(g), _) | Expr::Costs(Some(g), _) => out.push(g),
        Expr::Cumulative(inner, _) => group_refs(inner, out),
        Expr::Terms(terms, _) => terms.iter().for_each(|(_, t)| group_refs(t, out)),
        _ => {}
    }
}

/// The name at byte `at` of the root file, and the span of it there.
pub(super) fn name_at(model: &Model, at: usize) -> Option<(Name, Span)> {
    if let Some((mi, span)) = measure_at(model, at) {
        return Some((Name::Measure(model.measures[mi].measure.id.value.clone()), span));
    }
    if let Some(g) = model.groups.iter().find(|g| contains(g.id.span, at)) {
        return Some((Name::Group(g.id.value.clone()), g.id.span));
    }
    for t in &model.tables {
        if contains(t.table.id.span, at) {
            return Some((Name::Table(t.table.id.value.clone()), t.table.id.span));
        }
        if let Some(row) = t.table.rows.iter().find(|r| contains(r.id.span, at)) {
            return Some((Name::Row(t.table.id.value.clone(), row.id.value.clone()), row.id.span));
        }
    }
    for (ti, name, is_group) in formula_names(model) {
        if !contains(name.span, at) {
            continue;
        }
        if is_group {
            return Some((Name::Group(name.value.clone()), name.span));
        }
        let ((t, r), table_span, row_span) = row_ref(model, ti, name)?;
        let table = &model.tables[t].table;
        if let Some(ts) = table_span.filter(|s| contains(*s, at)) {
            return Some((Name::Table(table.id.value.clone()), ts));
        }
        return Some((Name::Row(table.id.value.clone(), table.rows[r].id.value.clone()), row_span));
    }
    None
}

/// Every span in the model (in any of its files) where `name` is written.
pub(super) fn spans_of(model: &Model, name: &Name) -> Vec<Span> {
    let mut out = Vec::new();
    match name {
        Name::Measure(id) => {
            for m in &model.measures {
                if m.measure.id.value == *id {
                    out.push(m.measure.id.span);
                }
                out.extend(m.measure.related.iter().filter(|r| r.value == *id).map(|r| r.span));
            }
            for moment in &model.moments {
                out.extend(moment.measures.iter().filter(|e| e.id.value == *id).map(|e| e.id.span));
            }
        }
        Name::Group(id) => {
            out.extend(model.groups.iter().filter(|g| g.id.value == *id).map(|g| g.id.span));
            out.extend(
                formula_names(model)
                    .into_iter()
                    .filter(|(_, n, is_group)| *is_group && n.value == *id)
                    .map(|(_, n, _)| n.span),
            );
        }
        Name::Table(id) => {
            out.extend(model.tables.iter().filter(|t| t.table.id.value == *id).map(|t| t.table.id.span));
            for (ti, n, is_group) in formula_names(model) {
                if is_group {
                    continue;
                }
                if let Some(((t, _), Some(ts), _)) = row_ref(model, ti, n) {
                    if model.tables[t].table.id.value == *id {
                        out.push(ts);
                    }
                }
            }
        }
        Name::Row(table, row) => {
            let Some(&t) = model.table_by_id.get(table) else { return out };
            let Some(&r) = model.tables[t].rows_by_id.get(row) else { return out };
            out.push(model.tables[t].table.rows[r].id.span);
            for (ti, n, is_group) in formula_names(model) {
                if is_group {
                    continue;
                }
                if let Some((found, _, rs)) = row_ref(model, ti, n) {
                    if found == (t, r) {
                        out.push(rs);
                    }
                }
            }
        }
    }
    out.sort_by_key(|s| (s.file, s.start));
    out.dedup();
    out
}
