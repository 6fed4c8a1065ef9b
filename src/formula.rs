//! Recomputing a declared total row or total column: evaluates its formula for one cell, from
//! the figures printed in the plan. The one home of formula semantics, read by the checker (to
//! compare with the declared cells) and the evaluator.
//!
//! A reference to another total row reads that row's *declared* figures, as a reviewer checks a
//! printed table: each total is compared with the printed lines it adds up, so a slip is
//! reported once, where it is made.

use crate::diagnostic::{Term, TermValue};
use crate::effects::{self, Figure};
use crate::lang::Msg;
use crate::resolve::{FaultReason, Model};
use crate::syntax::ast::*;
use crate::syntax::parse::Rule;
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
    /// A column total names a column the table does not have.
    UnknownColumn {
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
    /// A term a column total cannot have (`savings`, `cumulative(…)`, `sum below`).
    NotInColumnTotal {
        span: Span,
        /// Its keywords (`sum below` is two).
        term: &'static [Rule],
    },
    UnitMismatch {
        expected: Unit,
        found: Unit,
        span: Span,
    },
    /// A total column names a text column.
    TextColumn {
        name: String,
        span: Span,
        columns: Span,
    },
    /// `previous(…)` in the first column: there is no column before it, and the figure there
    /// is the opening one, printed, not computed.
    FirstColumn,
}

/// The value of a formula in one column, with the terms that made it.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Computed {
    /// The sum of the known terms and the P.M. items among them (faulty terms add nothing:
    /// check [`Computed::fault`] before using the figure).
    pub figure: Figure,
    pub terms: Vec<Term>,
}

impl Computed {
    /// The first term whose figure cannot be known, if any.
    pub fn fault(&self) -> Option<&Term> {
        self.terms.iter().find(|t| matches!(t.value, TermValue::Faulty(_)))
    }
}

/// Finds a row by the name used in a formula: `formatie` in the same table, else
/// `C1.2.formatie` (table id, a dot, row id).
pub fn find_row(model: &Model, table: usize, name: &str) -> Option<RowRef> {
    let local = |t: usize, r: &str| model.tables.get(t).and_then(|ti| ti.rows_by_id.get(r)).map(|&ri| (t, ri));
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

/// The printed figure of a cell, for the evaluator (which refuses a plan with an unreadable
/// figure, so `Unreadable` never reaches a result).
pub fn cell_figure(cell: &Cell) -> Figure {
    match cell.value {
        CellValue::Empty | CellValue::NotApplicable | CellValue::Unreadable | CellValue::Text(_) => {
            Figure::known(Decimal::ZERO)
        }
        CellValue::Pm { negative } => Figure::pm_signed(negative),
        CellValue::Number(v) => Figure::known(v),
    }
}

/// A cell as a term of a total: its figure, P.M., or faulty when grip could not read it.
fn cell_value(cell: &Cell) -> TermValue {
    match cell.value {
        CellValue::Empty | CellValue::NotApplicable | CellValue::Text(_) => TermValue::Known(Decimal::ZERO),
        CellValue::Pm { negative } => TermValue::Pm { negative },
        CellValue::Number(v) => TermValue::Known(v),
        CellValue::Unreadable => TermValue::Faulty(FaultReason::Unreadable),
    }
}

/// The column of `table` that stands for `column` of another table: the same year (or name)
/// and kind, else the same year (or name).
pub fn matching_column(table: &Table, column: &Column) -> Option<usize> {
    table
        .columns
        .iter()
        .position(|c| c.key == column.key && c.kind == column.kind)
        .or_else(|| table.columns.iter().position(|c| c.key == column.key))
}

/// The step a cell's figure was printed in, when its table prints in a scale (`in € 1.000`).
fn cell_unit(model: &Model, t: usize, cell: &Cell) -> Option<Decimal> {
    let exp = model.tables.get(t)?.exp;
    match cell.value {
        CellValue::Number(v) if exp > 0 => Some(printed_unit(v, exp)),
        _ => None,
    }
}

/// Where the scale of a euro figure was refused, if it was: the figure cannot be known in euros.
fn scale_fault(model: &Model, t: usize, row: &Row, cell: &Cell) -> Option<Span> {
    let info = model.tables.get(t)?;
    let figure = matches!(cell.value, CellValue::Number(_));
    info.scale_fault.filter(|_| figure && row_unit(&info.table, row) == Unit::Euro)
}

/// Whether a row's figures can be placed in its table's columns.
fn row_fits(table: &Table, row: &Row) -> bool {
    row.cells.len() == table.columns.len()
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

/// A measure's saving or cost in a year as a term of a total, with the line that states it.
pub fn measure_term(model: &Model, m: usize, kind: EffectKind, year: u16) -> Option<(Figure, Term)> {
    let info = &model.measures[m];
    let measure = &info.measure;
    let label = Msg::id("subject-measure").arg("id", &measure.id.value);
    if let Some(fault) = &info.fault {
        let term = Term {
            label,
            value: TermValue::Faulty(fault.reason),
            negated: false,
            span: fault.span,
            printed_unit: None,
        };
        return Some((Figure::default(), term));
    }
    let (fig, at) = effects::in_year(measure, kind, year);
    if fig.known.is_zero() && fig.pm == 0 {
        return None;
    }
    let line = effects::applicable(measure, kind, year);
    let value = if fig.pm > 0 { TermValue::Pm { negative: fig.pm_neg > 0 } } else { TermValue::Known(fig.known) };
    let printed_unit = line.and_then(|e| e.amount.value.known()).filter(|q| q.exp > 0).map(|q| q.printed_unit());
    Some((fig, Term { label, value, negated: false, span: at.unwrap_or(measure.id.span), printed_unit }))
}

/// What some measures save (or cost) in a year, with a term per measure: what a declared
/// `total saving` of a group or of the plan is compared with.
pub fn measures_total(model: &Model, measures: &[usize], kind: EffectKind, year: u16) -> Computed {
    let mut out = Computed::default();
    for &m in measures {
        if let Some((fig, term)) = measure_term(model, m, kind, year) {
            out.figure += fig;
            out.terms.push(term);
        }
    }
    out
}

/// What some measures save (or cost) in a year when every one of them is a known figure: the
/// figure [`measures_total`] adds up, without a term per measure. None when a measure among them
/// is P.M. or cannot be read (then only the terms say what the total is).
pub fn plain_sum(
    model: &Model,
    measures: impl IntoIterator<Item = usize>,
    kind: EffectKind,
    year: u16,
) -> Option<Figure> {
    let mut sum = Figure::default();
    for m in measures {
        let info = &model.measures[m];
        if info.fault.is_some() {
            return None;
        }
        let (fig, _) = effects::in_year(&info.measure, kind, year);
        if fig.pm > 0 {
            return None;
        }
        // As `measure_term`: a measure with nothing that year adds no term.
        if !fig.known.is_zero() {
            sum += fig;
        }
    }
    Some(sum)
}

/// A sum of [`Sums`]: by group (None: every measure of the plan), kind and year.
type SumKey = (Option<usize>, EffectKind, u16);

/// The [`plain_sum`]s of a plan's groups (and of the whole plan) by year, each added up once
/// however many totals, targets and table rows (`savings(G)`) ask for it: a plan of thousands of
/// measures states the same sums many times.
pub struct Sums<'m> {
    pub model: &'m Model,
    memo: std::cell::RefCell<rustc_hash::FxHashMap<SumKey, Option<Figure>>>,
}

impl<'m> Sums<'m> {
    pub fn new(model: &'m Model) -> Self {
        Sums { model, memo: Default::default() }
    }

    /// The [`plain_sum`] of the measures of `group` and its sub-groups (None: of the plan).
    pub fn plain(&self, group: Option<usize>, kind: EffectKind, year: u16) -> Option<Figure> {
        let key = (group, kind, year);
        if let Some(&known) = self.memo.borrow().get(&key) {
            return known;
        }
        let sum = match group.map(|g| self.model.groups.get(g)) {
            // A group's own measures and the sums of its sub-groups: each measure is read once,
            // however deep the groups nest.
            Some(Some(info)) => info
                .children
                .iter()
                .fold(plain_sum(self.model, info.measures.iter().copied(), kind, year), |sum, &child| {
                    Some(sum? + self.plain(Some(child), kind, year)?)
                }),
            // No such group: no measures (as `Model::measures_in` finds).
            Some(None) => Some(Figure::default()),
            None => plain_sum(self.model, 0..self.model.measures.len(), kind, year),
        };
        self.memo.borrow_mut().insert(key, sum);
        sum
    }
}

pub struct Evaluator<'m> {
    pub model: &'m Model,
    pub table: usize,
    pub row: usize,
    /// Keep only the terms that are not plain figures (P.M. and the ones that cannot be known):
    /// the figure and [`Computed::fault`] are the same, without a label for every line. For a
    /// first look at a total that is usually right, and where only the figure is wanted. The
    /// sums of measures come from here, each added up once.
    pub figures_only: Option<&'m Sums<'m>>,
}

impl<'m> Evaluator<'m> {
    /// Evaluates row `row` of table `table`, with every term.
    pub fn new(model: &'m Model, table: usize, row: usize) -> Self {
        Evaluator { model, table, row, figures_only: None }
    }

    /// [`Evaluator::new`], keeping only the figure (see [`Evaluator::figures_only`]).
    pub fn figures(sums: &'m Sums<'m>, table: usize, row: usize) -> Self {
        Evaluator { model: sums.model, table, row, figures_only: Some(sums) }
    }

    /// Adds a term, with its label only where it is kept.
    fn push(
        &self,
        out: &mut Computed,
        label: impl FnOnce() -> Msg,
        value: TermValue,
        negated: bool,
        span: Span,
        unit: Option<Decimal>,
    ) {
        if self.figures_only.is_some() {
            if let TermValue::Known(v) = value {
                let fig = Figure::known(v);
                out.figure += if negated { -fig } else { fig };
                return;
            }
        }
        push_term(out, label(), value, negated, span, unit);
    }

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

    /// Adds a row's cell in column `col` (of this table) as a term.
    fn add_cell(&self, (t, r): RowRef, col: usize, negated: bool, out: &mut Computed) -> Result<(), FormulaError> {
        let table = &self.model.tables[t].table;
        let row = &table.rows[r];
        let this_table = &self.model.tables[self.table].table;
        let Some(column) = this_table.columns.get(col) else {
            return Err(FormulaError::MissingColumn { row: row.id.value.clone(), span: row.span });
        };
        let ref_col = if t == self.table { Some(col) } else { matching_column(table, column) };
        let Some(ref_col) = ref_col else {
            return Err(FormulaError::MissingColumn { row: row.id.value.clone(), span: row.id.span });
        };
        let (value, span, unit) = if !row_fits(table, row) {
            (TermValue::Faulty(FaultReason::WrongCellCount), row.span, None)
        } else if let Some(scale) = scale_fault(self.model, t, row, &row.cells[ref_col]) {
            (TermValue::Faulty(FaultReason::Scale), scale, None)
        } else {
            // `row_fits` holds, so the row has a cell for every column.
            let cell = &row.cells[ref_col];
            (cell_value(cell), cell.span, cell_unit(self.model, t, cell))
        };
        self.push(out, || Msg::plain(&row.label.value), value, negated, span, unit);
        Ok(())
    }

    fn eval(&self, expr: &Expr, col: usize, negated: bool, out: &mut Computed) -> Result<(), FormulaError> {
        let (table, this_row) = self.this();
        let unit = row_unit(table, this_row);
        // A cell past the last column (a row with too many figures) has no column to compute.
        let Some(column) = table.columns.get(col) else {
            return Err(FormulaError::MissingColumn { row: this_row.id.value.clone(), span: this_row.span });
        };
        match expr {
            Expr::Row(name) => {
                let found = find_row(self.model, self.table, &name.value).ok_or_else(|| FormulaError::UnknownRow {
                    name: name.value.clone(),
                    span: name.span,
                    suggestion: suggest(&name.value, table.rows.iter().map(|r| r.id.value.as_str())),
                })?;
                let ref_table = &self.model.tables[found.0].table;
                let ref_unit = row_unit(ref_table, &ref_table.rows[found.1]);
                if ref_unit != unit {
                    return Err(FormulaError::UnitMismatch { expected: unit, found: ref_unit, span: name.span });
                }
                if found.0 != self.table && matching_column(ref_table, column).is_none() {
                    return Err(FormulaError::MissingColumn { row: name.value.clone(), span: name.span });
                }
                self.add_cell(found, col, negated, out)?;
            }
            Expr::Sum(_) | Expr::SumBelow(_) => {
                for r in summed_rows(table, self.row, matches!(expr, Expr::SumBelow(_))) {
                    let row = &table.rows[r];
                    let ref_unit = row_unit(table, row);
                    if ref_unit != unit {
                        return Err(FormulaError::UnitMismatch { expected: unit, found: ref_unit, span: row.id.span });
                    }
                    self.add_cell((self.table, r), col, negated, out)?;
                }
            }
            Expr::Savings(group, span) | Expr::Costs(group, span) => {
                let kind = if matches!(expr, Expr::Savings(..)) { EffectKind::Saving } else { EffectKind::Cost };
                if unit != Unit::Euro {
                    return Err(FormulaError::UnitMismatch { expected: unit, found: Unit::Euro, span: *span });
                }
                let Some(year) = column.year() else {
                    return Err(FormulaError::NotAYear { span: *span, column: column.title() });
                };
                let gi = match group {
                    Some(g) => {
                        Some(*self.model.group_by_id.get(&g.value).ok_or_else(|| FormulaError::UnknownGroup {
                            name: g.value.clone(),
                            span: g.span,
                            suggestion: suggest(&g.value, self.model.group_by_id.keys().map(String::as_str)),
                        })?)
                    }
                    None => None,
                };
                // grip counts savings and costs as positive; a table that prints what hurts the
                // balance as positive (`sign + = adverse`) prints a saving negative, and one
                // that prints what helps as positive prints a cost negative.
                let flip = match table.sign.map(|s| s.value) {
                    Some(SignRule::PlusAdverse) => kind == EffectKind::Saving,
                    Some(SignRule::PlusFavourable) => kind == EffectKind::Cost,
                    None => false,
                };
                // Every measure a known figure: their sum is the figure, without a term each.
                if let Some(sum) = self.figures_only.and_then(|sums| sums.plain(gi, kind, year)) {
                    out.figure += if negated ^ flip { -sum } else { sum };
                    return Ok(());
                }
                let measures = match gi {
                    Some(gi) => self.model.measures_in(gi),
                    None => (0..self.model.measures.len()).collect(),
                };
                for m in measures {
                    if self.figures_only.is_some() {
                        // As `measure_term`, without its label: a known figure, or nothing.
                        let info = &self.model.measures[m];
                        let (fig, _) = effects::in_year(&info.measure, kind, year);
                        if info.fault.is_none() && fig.pm == 0 {
                            if !fig.known.is_zero() {
                                out.figure += if negated ^ flip { -fig } else { fig };
                            }
                            continue;
                        }
                    }
                    if let Some((_, term)) = measure_term(self.model, m, kind, year) {
                        push_term(out, term.label, term.value, negated ^ flip, term.span, term.printed_unit);
                    }
                }
            }
            Expr::Cumulative(inner, _) => {
                for c in 0..=col {
                    self.eval(inner, c, negated, out)?;
                }
            }
            Expr::Previous(inner, _) => match col.checked_sub(1) {
                Some(before) => self.eval(inner, before, negated, out)?,
                // The first column has none before it: its figure is the opening one.
                None => return Err(FormulaError::FirstColumn),
            },
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

/// The rows `sum` adds for the total row at `row`: the plain rows above it up to the previous
/// total row; with `below` (`sum below`), the plain rows after it up to the next total row.
pub fn summed_rows(table: &Table, row: usize, below: bool) -> std::ops::Range<usize> {
    let row = row.min(table.rows.len());
    if below {
        let after = (row + 1).min(table.rows.len());
        let end = table.rows[after..].iter().position(|r| r.formula.is_some()).map(|i| after + i);
        after..end.unwrap_or(table.rows.len())
    } else {
        let start = table.rows[..row].iter().rposition(|r| r.formula.is_some()).map(|i| i + 1).unwrap_or(0);
        start..row
    }
}

/// The rows the total row `r` of table `t` adds: by name (in any table), by `sum` or `sum
/// below`, also inside `cumulative(…)` and `previous(…)`.
pub fn rows_added_by(model: &Model, t: usize, r: usize) -> Vec<RowRef> {
    fn walk(model: &Model, t: usize, r: usize, expr: &Expr, out: &mut Vec<RowRef>) {
        match expr {
            Expr::Row(name) => out.extend(find_row(model, t, &name.value)),
            Expr::Sum(_) | Expr::SumBelow(_) => {
                let table = &model.tables[t].table;
                out.extend(summed_rows(table, r, matches!(expr, Expr::SumBelow(_))).map(|i| (t, i)));
            }
            Expr::Cumulative(inner, _) | Expr::Previous(inner, _) => walk(model, t, r, inner, out),
            Expr::Terms(terms, _) => terms.iter().for_each(|(_, e)| walk(model, t, r, e, out)),
            Expr::Savings(..) | Expr::Costs(..) => {}
        }
    }
    let mut out = Vec::new();
    if let Some(f) = model.tables.get(t).and_then(|i| i.table.rows.get(r)).and_then(|row| row.formula.as_ref()) {
        walk(model, t, r, f, &mut out);
    }
    out
}

/// Every row some total row of the plan adds.
pub fn added_rows(model: &Model) -> rustc_hash::FxHashSet<RowRef> {
    let mut out = rustc_hash::FxHashSet::default();
    for (t, info) in model.tables.iter().enumerate() {
        for r in 0..info.table.rows.len() {
            out.extend(rows_added_by(model, t, r));
        }
    }
    out
}

/// The column a misspelt name in a column total probably means: the one whose heading is that
/// word (`baten` for a column `opbrengsten "Baten"`), else a name close to it.
fn column_suggestion(table: &Table, name: &str) -> Option<String> {
    let named = || {
        table.columns.iter().filter_map(|c| match &c.key {
            ColumnKey::Named(n) => Some((n.as_str(), c.label.as_deref())),
            ColumnKey::Year(_) => None,
        })
    };
    named()
        .find(|(_, label)| label.is_some_and(|l| l.trim().eq_ignore_ascii_case(name)))
        .map(|(n, _)| n.to_string())
        .or_else(|| suggest(name, named().map(|(n, _)| n)))
}

/// Adds a term to a computed figure, with its sign.
fn push_term(out: &mut Computed, label: Msg, value: TermValue, negated: bool, span: Span, unit: Option<Decimal>) {
    let fig = match value {
        TermValue::Known(v) => Figure::known(v),
        TermValue::Pm { negative } => Figure::pm_signed(negative),
        TermValue::Faulty(_) => Figure::default(),
    };
    out.figure += if negated { -fig } else { fig };
    out.terms.push(Term { label, value, negated, span, printed_unit: unit });
}

/// Evaluates the total column at `col` for row `row` of table `t`: the columns its formula
/// names (`lasten - baten`, a year as `2021`), or `sum`, the plain columns before it up to the
/// previous total column.
pub fn column_total(model: &Model, t: usize, row: usize, col: usize) -> Result<Computed, FormulaError> {
    let table = &model.tables[t].table;
    let mut out = Computed::default();
    let Some(expr) = table.columns.get(col).and_then(|c| c.formula.as_ref()) else {
        return Ok(out);
    };
    across(model, t, row, col, expr, false, &mut out)?;
    Ok(out)
}

fn across(
    model: &Model,
    t: usize,
    row: usize,
    col: usize,
    expr: &Expr,
    negated: bool,
    out: &mut Computed,
) -> Result<(), FormulaError> {
    let table = &model.tables[t].table;
    let r = &table.rows[row];
    let add = |c: usize, negated: bool, out: &mut Computed| {
        let column = &table.columns[c];
        let (value, span, unit) = match r.cells.get(c) {
            Some(cell) if row_fits(table, r) => match scale_fault(model, t, r, cell) {
                Some(scale) => (TermValue::Faulty(FaultReason::Scale), scale, None),
                None => (cell_value(cell), cell.span, cell_unit(model, t, cell)),
            },
            _ => (TermValue::Faulty(FaultReason::WrongCellCount), r.span, None),
        };
        push_term(out, Msg::plain(column.title()), value, negated, span, unit);
    };
    match expr {
        Expr::Sum(_) => {
            let start = table.columns[..col].iter().rposition(|c| c.formula.is_some()).map(|i| i + 1).unwrap_or(0);
            // A text column holds no figure to add.
            for c in (start..col).filter(|&c| !table.columns[c].text) {
                add(c, negated, out);
            }
        }
        Expr::Row(name) => {
            let c = table
                .columns
                .iter()
                .position(|c| match &c.key {
                    ColumnKey::Named(n) => *n == name.value,
                    ColumnKey::Year(y) => y.to_string() == name.value,
                })
                .ok_or_else(|| FormulaError::UnknownColumn {
                    name: name.value.clone(),
                    span: name.span,
                    suggestion: column_suggestion(table, &name.value),
                })?;
            if table.columns[c].text {
                return Err(FormulaError::TextColumn {
                    name: table.columns[c].title(),
                    span: name.span,
                    columns: table.columns_span,
                });
            }
            add(c, negated, out);
        }
        Expr::Terms(terms, _) => {
            for (sign, term) in terms {
                across(model, t, row, col, term, negated ^ (*sign == Sign::Minus), out)?;
            }
        }
        Expr::SumBelow(span) => {
            return Err(FormulaError::NotInColumnTotal { span: *span, term: &[Rule::kw_sum, Rule::kw_below] })
        }
        Expr::Savings(_, span) => {
            return Err(FormulaError::NotInColumnTotal { span: *span, term: &[Rule::kw_savings] })
        }
        Expr::Costs(_, span) => return Err(FormulaError::NotInColumnTotal { span: *span, term: &[Rule::kw_costs] }),
        Expr::Cumulative(_, span) => {
            return Err(FormulaError::NotInColumnTotal { span: *span, term: &[Rule::kw_cumulative] })
        }
        Expr::Previous(_, span) => {
            return Err(FormulaError::NotInColumnTotal { span: *span, term: &[Rule::kw_previous] })
        }
    }
    Ok(())
}

/// A printed total and the printed figures it adds, for one year or column: what a slip in any
/// of them shows up in. Read by the language server (which totals use this cell) and the
/// planted-slip test.
#[derive(Debug, Clone, PartialEq)]
pub struct PrintedTotal {
    /// The printed figure of the total.
    pub span: Span,
    /// Its printed step, in its unit (€ 1.000 for a figure printed in thousands, 0,1 for 2,9).
    pub step: Decimal,
    /// The printed figures it adds (known ones only), with their steps.
    pub terms: Vec<(Span, Decimal)>,
}

/// Every printed total of the plan that grip can recompute: group and plan totals, total rows
/// and total columns, each per year or column.
pub fn printed_totals(model: &Model) -> Vec<PrintedTotal> {
    let mut out = Vec::new();
    let steps = |c: &Computed| -> Vec<(Span, Decimal)> {
        c.terms
            .iter()
            .filter_map(|t| {
                let v = t.value.known()?;
                Some((t.span, t.printed_unit.unwrap_or_else(|| printed_unit(v, 0))))
            })
            .collect()
    };
    let last_year = model.period().filter(|p| p.first.value <= p.last.value).map(|p| p.last.value);
    let declared = |totals: &[DeclaredTotal], measures: &[usize], out: &mut Vec<PrintedTotal>| {
        for total in totals {
            for value in &total.values {
                let Some(q) = value.amount.value.known() else { continue };
                let Some(year) = value.year.map(|y| y.value).or(last_year) else { continue };
                let mut c = Computed::default();
                for &m in measures {
                    if let Some((fig, mut term)) = measure_term(model, m, total.kind, year) {
                        if let (None, Some(e)) =
                            (term.printed_unit, effects::applicable(&model.measures[m].measure, total.kind, year))
                        {
                            term.printed_unit = e.amount.value.known().map(|q| q.printed_unit());
                        }
                        c.figure += fig;
                        c.terms.push(term);
                    }
                }
                out.push(PrintedTotal { span: value.amount.span, step: q.printed_unit(), terms: steps(&c) });
            }
        }
    };
    let all: Vec<usize> = (0..model.measures.len()).collect();
    declared(&model.totals, &all, &mut out);
    for (g, info) in model.groups.iter().enumerate() {
        declared(&info.totals, &model.measures_in(g), &mut out);
    }
    for (t, info) in model.tables.iter().enumerate() {
        let table = &info.table;
        for (r, row) in table.rows.iter().enumerate() {
            if !row_fits(table, row) {
                continue;
            }
            for (c, cell) in row.cells.iter().enumerate() {
                let CellValue::Number(v) = cell.value else { continue };
                if table.columns[c].text {
                    continue;
                }
                let step = printed_unit(v, if row_unit(table, row) == Unit::Euro { info.exp } else { 0 });
                let computed = if table.columns[c].formula.is_some() {
                    column_total(model, t, r, c).ok()
                } else if let Some(expr) = &row.formula {
                    Evaluator::new(model, t, r).column(expr, c).ok()
                } else {
                    None
                };
                if let Some(computed) = computed.filter(|c| c.fault().is_none()) {
                    out.push(PrintedTotal { span: cell.span, step, terms: steps(&computed) });
                }
            }
        }
    }
    out
}
