//! Recomputing a declared total row: evaluates its formula for one column, from the figures
//! printed in the plan. The one home of formula semantics, read by the checker (to compare with
//! the declared cells) and the evaluator.
//!
//! A reference to another total row reads that row's *declared* figures, as a reviewer checks a
//! printed table: each total is compared with the printed lines it adds up, so a slip is
//! reported once, where it is made.

use crate::diagnostic::Term;
use crate::effects::{self, Figure};
use crate::resolve::Model;
use crate::syntax::ast::*;
use rust_decimal::Decimal;

/// A row found by name: (table index, row index).
pub type RowRef = (usize, usize);

/// Why a formula cannot be computed for a column.
#[derive(Debug, Clone, PartialEq)]
pub enum FormulaError {
    UnknownRow {
        name: String,
        span: Span,
        suggestion: Option<String>,
    },
    UnknownGroup {
        name: String,
        span: Span,
        suggestion: Option<String>,
    },
    /// The referenced row has no column for this year (or name).
    MissingColumn {
        row: String,
        span: Span,
    },
    /// `savings` asked for a named (not a year) column.
    NotAYear {
        span: Span,
        column: String,
    },
    UnitMismatch {
        expected: Unit,
        found: Unit,
        span: Span,
    },
}

/// The value of a formula in one column, with the terms that made it.
#[derive(Debug, Clone, Default)]
pub struct Computed {
    pub figure: Figure,
    pub terms: Vec<Term>,
}

/// Finds a row by the name used in a formula: `formatie` in the same table, else
/// `C1.2.formatie` (table id, a dot, row id).
pub fn find_row(model: &Model, table: usize, name: &str) -> Option<RowRef> {
    let local = |t: usize, r: &str| {
        model.tables.get(t).and_then(|ti| ti.table.rows.iter().position(|row| row.id.value == r)).map(|ri| (t, ri))
    };
    if let Some(found) = local(table, name) {
        return Some(found);
    }
    let (table_id, row_id) = name.rsplit_once('.')?;
    let t = *model.table_by_id.get(table_id)?;
    local(t, row_id)
}

/// The unit of a row: its own, else its table's, else euros.
pub fn row_unit(table: &Table, row: &Row) -> Unit {
    row.unit
        .as_ref()
        .map(|u| u.value.clone())
        .or_else(|| table.unit.as_ref().map(|u| u.value.clone()))
        .unwrap_or(Unit::Euro)
}

/// The printed figure of a cell.
pub fn cell_figure(cell: &Cell) -> Figure {
    match cell.value {
        CellValue::Empty | CellValue::NotApplicable => Figure::known(Decimal::ZERO),
        CellValue::Pm => Figure::pm(),
        CellValue::Number(v) => Figure::known(v),
    }
}

/// The figure a row prints in a column, if the row's table has that column.
pub fn printed(model: &Model, (t, r): RowRef, key: &ColumnKey) -> Option<(Figure, Span)> {
    let table = &model.tables.get(t)?.table;
    let col = table.columns.iter().position(|c| &c.key == key)?;
    let cell = table.rows.get(r)?.cells.get(col)?;
    Some((cell_figure(cell), cell.span))
}

/// Near names for a "did you mean" hint.
pub fn suggest<'a>(name: &str, candidates: impl Iterator<Item = &'a str>) -> Option<String> {
    candidates
        .map(|c| (strsim::levenshtein(name, c), c))
        .filter(|(d, c)| *d <= 2 && *d < c.len())
        // Ties go to the first name in alphabetical order, so the hint is the same every run.
        .min_by(|a, b| a.0.cmp(&b.0).then(a.1.cmp(b.1)))
        .map(|(_, c)| c.to_string())
}

pub struct Evaluator<'m> {
    pub model: &'m Model,
    pub table: usize,
    pub row: usize,
}

impl Evaluator<'_> {
    fn this(&self) -> (&Table, &Row) {
        let t = &self.model.tables[self.table].table;
        (t, &t.rows[self.row])
    }

    /// Evaluates the row's formula for the column at `col`.
    pub fn column(&self, expr: &Expr, col: usize) -> Result<Computed, FormulaError> {
        let mut out = Computed::default();
        self.eval(expr, col, false, &mut out)?;
        Ok(out)
    }

    fn eval(&self, expr: &Expr, col: usize, negated: bool, out: &mut Computed) -> Result<(), FormulaError> {
        let (table, this_row) = self.this();
        let unit = row_unit(table, this_row);
        // A cell past the last column (a row with too many figures) has no column to compute.
        let Some(key) = table.columns.get(col).map(|c| &c.key) else {
            return Err(FormulaError::MissingColumn { row: this_row.id.value.clone(), span: this_row.span });
        };
        let add = |fig: Figure, label: String, span: Span, out: &mut Computed| {
            let signed = if negated { Figure { known: -fig.known, pm: fig.pm } } else { fig };
            out.figure += signed;
            out.terms.push(Term { label, value: (fig.pm == 0).then_some(fig.known), negated, span });
        };
        match expr {
            Expr::Row(name) => {
                let found = find_row(self.model, self.table, &name.value).ok_or_else(|| FormulaError::UnknownRow {
                    name: name.value.clone(),
                    span: name.span,
                    suggestion: suggest(&name.value, table.rows.iter().map(|r| r.id.value.as_str())),
                })?;
                let ref_table = &self.model.tables[found.0].table;
                let ref_row = &ref_table.rows[found.1];
                let ref_unit = row_unit(ref_table, ref_row);
                if ref_unit != unit {
                    return Err(FormulaError::UnitMismatch { expected: unit, found: ref_unit, span: name.span });
                }
                let (fig, cell) = printed(self.model, found, key)
                    .ok_or_else(|| FormulaError::MissingColumn { row: name.value.clone(), span: name.span })?;
                add(fig, ref_row.label.value.clone(), cell, out);
            }
            Expr::Sum(_) => {
                let start =
                    table.rows[..self.row].iter().rposition(|r| r.formula.is_some()).map(|i| i + 1).unwrap_or(0);
                for r in &table.rows[start..self.row] {
                    let ref_unit = row_unit(table, r);
                    if ref_unit != unit {
                        return Err(FormulaError::UnitMismatch { expected: unit, found: ref_unit, span: r.id.span });
                    }
                    let (fig, span) =
                        r.cells.get(col).map(|c| (cell_figure(c), c.span)).unwrap_or((Figure::default(), r.span));
                    add(fig, r.label.value.clone(), span, out);
                }
            }
            Expr::Savings(group, span) | Expr::Costs(group, span) => {
                let kind = if matches!(expr, Expr::Savings(..)) { EffectKind::Saving } else { EffectKind::Cost };
                if unit != Unit::Euro {
                    return Err(FormulaError::UnitMismatch { expected: unit, found: Unit::Euro, span: *span });
                }
                let ColumnKey::Year(year) = key else {
                    return Err(FormulaError::NotAYear { span: *span, column: key.to_string() });
                };
                let measures = match group {
                    Some(g) => {
                        let gi = *self.model.group_by_id.get(&g.value).ok_or_else(|| FormulaError::UnknownGroup {
                            name: g.value.clone(),
                            span: g.span,
                            suggestion: suggest(&g.value, self.model.group_by_id.keys().map(String::as_str)),
                        })?;
                        self.model.measures_in(gi)
                    }
                    None => (0..self.model.measures.len()).collect(),
                };
                for m in measures {
                    let measure = &self.model.measures[m].measure;
                    let (fig, at) = effects::in_year(measure, kind, *year);
                    if fig.known.is_zero() && fig.pm == 0 {
                        continue;
                    }
                    add(fig, format!("measure {}", measure.id.value), at.unwrap_or(measure.id.span), out);
                }
            }
            Expr::Cumulative(inner, _) => {
                for c in 0..=col {
                    let mut part = Computed::default();
                    self.eval(inner, c, negated, &mut part)?;
                    out.figure += part.figure;
                    out.terms.extend(part.terms);
                }
            }
            Expr::Terms(terms, _) => {
                for (sign, term) in terms {
                    let neg = negated ^ (*sign == Sign::Minus);
                    self.eval(term, col, neg, out)?;
                }
            }
        }
        Ok(())
    }
}
