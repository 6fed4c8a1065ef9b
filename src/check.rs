//! Stage 3: the checker. Reads the resolved [`Model`] and reports every problem it can find:
//! years, units, taakveld codes, references, shares, budgets, declared totals and targets.
//! It never formats a message: it builds [`Problem`]s, and `diagnostic.rs` words them.

use crate::diagnostic::{Diagnostic, Figure as Fig, NamedCode, Problem, Term};
use crate::effects::{self, Figure};
use crate::formula::{self, Evaluator, FormulaError};
use crate::resolve::{Loaded, Model};
use crate::syntax::ast::*;
use crate::taakveld::{self, Lookup};
use rust_decimal::{Decimal, RoundingStrategy};
use std::collections::HashMap;

/// Checks a loaded plan; returns the loading problems and the checker's, in source order.
pub fn check(loaded: &Loaded) -> Vec<Diagnostic> {
    let mut diags = loaded.diagnostics.clone();
    let syntax_errors =
        diags.iter().any(|d| matches!(d.problem, Problem::Syntax { .. } | Problem::UnclosedBlock { .. }));
    let checker = Checker::new(&loaded.model);
    // A missing header or period after a syntax error is usually the error's consequence.
    diags.extend(
        checker.run().into_iter().filter(|d| {
            !(syntax_errors && matches!(d.problem, Problem::NoPlanHeader { .. } | Problem::NoPeriod { .. }))
        }),
    );
    // Cached: a diagnostic's span comes from its labels, which take a moment to build.
    diags.sort_by_cached_key(|d| {
        let s = d.span();
        (s.file, s.start, d.severity())
    });
    diags.dedup();
    diags
}

struct Checker<'m> {
    model: &'m Model,
    period: Option<Period>,
    tolerances: HashMap<Unit, Decimal>,
    /// The budget year whose taakveld set applies: the year the plan was adopted.
    taakveld_year: Option<u16>,
    out: Vec<Diagnostic>,
}

impl<'m> Checker<'m> {
    fn new(model: &'m Model) -> Self {
        let header = model.header.as_ref();
        let tolerances = header
            .map(|h| h.tolerances.iter().map(|t| (t.value.unit.clone(), t.value.value.abs())).collect())
            .unwrap_or_default();
        let taakveld_year =
            header.and_then(|h| h.adopted.map(|a| a.value.year)).or_else(|| model.period().map(|p| p.first.value));
        let period = model.period().filter(|p| p.first.value <= p.last.value);
        Checker { model, period, tolerances, taakveld_year, out: Vec::new() }
    }

    fn push(&mut self, p: Problem) {
        self.out.push(p.into());
    }

    fn run(mut self) -> Vec<Diagnostic> {
        self.header();
        let any_owner = self.model.measures.iter().find_map(|m| m.measure.owner.as_ref().map(|o| o.span));
        for mi in 0..self.model.measures.len() {
            self.measure(mi, any_owner);
        }
        for gi in 0..self.model.groups.len() {
            self.group(gi);
        }
        for t in self.model.totals.clone() {
            let all: Vec<usize> = (0..self.model.measures.len()).collect();
            self.declared_total(&t, &all, "the plan total");
        }
        for ti in 0..self.model.tables.len() {
            self.table(ti);
        }
        self.out
    }

    fn header(&mut self) {
        match &self.model.header {
            None => {
                if !self.model.measures.is_empty() || !self.model.tables.is_empty() {
                    self.push(Problem::NoPlanHeader { span: self.model.root_span });
                }
            }
            Some(h) => {
                if let Some(c) = &h.currency {
                    if !["eur", "euro", "euros"].contains(&c.value.to_lowercase().as_str()) {
                        self.push(Problem::UnsupportedCurrency { currency: c.value.clone(), span: c.span });
                    }
                }
                if let Some(p) = h.period {
                    if p.first.value > p.last.value {
                        self.push(Problem::ReversedPeriod { first: p.first.value, last: p.last.value, span: p.span });
                    }
                } else {
                    self.push(Problem::NoPeriod { span: h.title.span });
                }
            }
        }
    }

    fn year_in_period(&mut self, year: Spanned<u16>) {
        if let Some(p) = self.period {
            if !p.contains(year.value) {
                self.push(Problem::YearOutsidePeriod {
                    year: year.value,
                    span: year.span,
                    first: p.first.value,
                    last: p.last.value,
                    period: p.span,
                });
            }
        }
    }

    fn taakveld_code(&mut self, code: &Spanned<String>) {
        let year = self.taakveld_year.unwrap_or(taakveld::SPLIT_YEAR);
        let named = |ts: &[&taakveld::Taakveld]| {
            ts.iter().map(|t| NamedCode { code: t.code.to_string(), name: t.name.to_string() }).collect::<Vec<_>>()
        };
        match taakveld::lookup(&code.value, year) {
            Lookup::Valid(_) => {}
            Lookup::Expired(_, successors) => self.push(Problem::ExpiredTaakveld {
                code: code.value.clone(),
                span: code.span,
                year,
                replaced_by: named(&successors),
            }),
            Lookup::NotYet(t) => {
                let base = t.code.trim_end_matches(|c: char| c.is_ascii_alphabetic());
                let nearest = taakveld::find(base).map(|b| vec![b]).unwrap_or_default();
                self.push(Problem::UnknownTaakveld {
                    code: code.value.clone(),
                    span: code.span,
                    nearest: named(&nearest),
                })
            }
            Lookup::Unknown(nearest) => self.push(Problem::UnknownTaakveld {
                code: code.value.clone(),
                span: code.span,
                nearest: named(&nearest),
            }),
        }
    }

    fn euro(&mut self, q: &Spanned<Amount>, context: &str) -> bool {
        if let Amount::Known(quantity) = &q.value {
            if quantity.unit != Unit::Euro {
                self.push(Problem::WrongUnit {
                    span: q.span,
                    expected: Unit::Euro,
                    found: quantity.unit.clone(),
                    what: context.to_string(),
                });
                return false;
            }
        }
        true
    }

    fn measure(&mut self, mi: usize, any_owner: Option<Span>) {
        let m = &self.model.measures[mi].measure;
        let name = m.id.value.clone();
        if let Some(b) = &m.budget {
            self.euro(b, &format!("the budget of measure {name}"));
        }
        for e in &m.effects {
            self.euro(&e.amount, &format!("a {} of measure {name}", e.kind.word()));
            match e.years {
                YearSpec::From(y) | YearSpec::In(y) => self.year_in_period(y),
                YearSpec::Always => {}
            }
        }
        self.overlaps(m);

        if let (Some(s), Some(e)) = (&m.start, &m.end) {
            // A date to the month starts on its first day and ends on its last.
            let from = (s.value.year, s.value.month, s.value.day.unwrap_or(1));
            let until = (e.value.year, e.value.month, e.value.day.unwrap_or(31));
            if from > until {
                self.push(Problem::StartAfterEnd {
                    start: s.value,
                    end: e.value,
                    start_span: s.span,
                    end_span: e.span,
                });
            }
        }
        for code in &m.taakvelden {
            self.taakveld_code(code);
        }
        for r in &m.related {
            if !self.model.measure_by_id.contains_key(&r.value) {
                let suggestion = formula::suggest(&r.value, self.model.measure_by_id.keys().map(String::as_str));
                self.push(Problem::UnknownReference {
                    kind: "measure",
                    name: r.value.clone(),
                    span: r.span,
                    suggestion,
                });
            }
        }
        if m.owner.is_none() {
            if let Some(example) = any_owner {
                self.push(Problem::NoOwner { measure: name.clone(), span: m.id.span, example });
            }
        }

        let budget =
            m.budget.as_ref().and_then(|b| b.value.known().filter(|q| q.unit == Unit::Euro).map(|q| (q.value, b.span)));

        // Savings larger than the budget they act on.
        if let Some((budget, budget_span)) = budget {
            for e in m.effects.iter().filter(|e| e.kind == EffectKind::Saving) {
                if let Some(q) = e.amount.value.known() {
                    if q.unit == Unit::Euro && q.value > budget && budget > Decimal::ZERO {
                        self.push(Problem::SavingExceedsBudget {
                            measure: name.clone(),
                            saving: q.value,
                            budget,
                            span: e.amount.span,
                            budget_span,
                        });
                    }
                }
            }
        }

        // Shares: at most 100%, and equal to the stated saving.
        for share in &m.shares {
            let pct = share.percent.value;
            if pct > Decimal::ONE_HUNDRED || pct < Decimal::ZERO {
                self.push(Problem::PercentOver100 { span: share.percent.span, value: pct });
                continue;
            }
            let (Some((budget, _)), Some(stated)) = (budget, effects::headline(m, EffectKind::Saving)) else {
                continue;
            };
            let Some(q) = stated.amount.value.known() else { continue };
            let expected = budget * pct / Decimal::ONE_HUNDRED;
            let tolerance = self.tolerances.get(&Unit::Euro).copied().unwrap_or_default();
            if (expected - q.value).abs() > tolerance {
                self.push(Problem::ShareMismatch {
                    measure: name.clone(),
                    percent: pct,
                    budget,
                    expected: expected.normalize(),
                    stated: q.value,
                    share_span: share.span,
                    amount_span: stated.amount.span,
                });
            }
        }

        // A stated range bounds every known saving.
        if let Some(range) = &m.range {
            if let (Some(low), Some(high)) = (range.low.value.known(), range.high.value.known()) {
                for e in m.effects.iter().filter(|e| e.kind == EffectKind::Saving) {
                    if let Some(q) = e.amount.value.known() {
                        if q.value < low.value || q.value > high.value {
                            self.push(Problem::OutsideRange {
                                measure: name.clone(),
                                amount: q.value,
                                low: low.value,
                                high: high.value,
                                span: e.amount.span,
                                range: range.span,
                            });
                        }
                    }
                }
            }
        }
    }

    /// Two effect lines of one kind that apply to the same year.
    fn overlaps(&mut self, m: &Measure) {
        for kind in [EffectKind::Saving, EffectKind::Cost] {
            let lines: Vec<&Effect> = m.effects.iter().filter(|e| e.kind == kind).collect();
            for (i, a) in lines.iter().enumerate() {
                for b in &lines[..i] {
                    let clash = match (a.years, b.years) {
                        (YearSpec::Always, YearSpec::In(y) | YearSpec::From(y))
                        | (YearSpec::In(y) | YearSpec::From(y), YearSpec::Always) => Some(y.value),
                        (YearSpec::Always, YearSpec::Always) => {
                            Some(self.period.map(|p| p.first.value).unwrap_or_default())
                        }
                        (YearSpec::In(x), YearSpec::In(y)) | (YearSpec::From(x), YearSpec::From(y)) => {
                            (x.value == y.value).then_some(x.value)
                        }
                        (YearSpec::In(x), YearSpec::From(f)) | (YearSpec::From(f), YearSpec::In(x)) => {
                            (x.value >= f.value).then_some(x.value)
                        }
                    };
                    if let Some(year) = clash {
                        self.push(Problem::OverlappingYears {
                            measure: m.id.value.clone(),
                            year,
                            span: a.span,
                            other: b.span,
                        });
                        break;
                    }
                }
            }
        }
    }

    fn group(&mut self, gi: usize) {
        let g = &self.model.groups[gi];
        let measures = self.model.measures_in(gi);
        let label = format!("the total of group {} “{}”", g.id.value, g.title.value);
        for t in g.totals.clone() {
            self.declared_total(&t, &measures, &label);
        }
        for target in g.targets.clone() {
            self.year_in_period(target.year);
            let Some(goal) = target.amount.value.known().map(|q| q.value) else { continue };
            if !self.euro(&target.amount, &format!("the target of group {}", g.id.value)) {
                continue;
            }
            let year = target.year.value;
            let (sum, pm_items) = self.savings_in(&measures, EffectKind::Saving, year);
            let group = format!("group {} “{}”", g.id.value, g.title.value);
            if !pm_items.is_empty() {
                self.push(Problem::TargetUnverifiable {
                    group,
                    year,
                    target: goal,
                    reached: sum.known,
                    span: target.span,
                    pm_items,
                });
            } else if sum.known < goal {
                self.push(Problem::TargetNotMet { group, year, target: goal, reached: sum.known, span: target.span });
            }
        }
    }

    /// The savings (or costs) of some measures in a year, and the P.M. items among them.
    fn savings_in(&self, measures: &[usize], kind: EffectKind, year: u16) -> (Figure, Vec<(String, Span)>) {
        let mut sum = Figure::default();
        let mut pm = Vec::new();
        for &m in measures {
            let measure = &self.model.measures[m].measure;
            let (fig, at) = effects::in_year(measure, kind, year);
            if fig.pm > 0 {
                pm.push((format!("measure {}", measure.id.value), at.unwrap_or(measure.id.span)));
            }
            sum += fig;
        }
        (sum, pm)
    }

    /// `total saving € 600.000` or `total saving 2021: € 690.000, ...` over some measures.
    fn declared_total(&mut self, total: &DeclaredTotal, measures: &[usize], label: &str) {
        for value in &total.values {
            if let Some(y) = value.year {
                self.year_in_period(y);
            }
            let Some(declared) = value.amount.value.known().map(|q| q.value) else { continue };
            if !self.euro(&value.amount, label) {
                continue;
            }
            let year = match (value.year, self.period) {
                (Some(y), _) => y.value,
                (None, Some(p)) => p.last.value,
                (None, None) => continue,
            };
            let mut terms = Vec::new();
            let mut sum = Figure::default();
            let mut pm_items = Vec::new();
            for &m in measures {
                let measure = &self.model.measures[m].measure;
                let (fig, at) = effects::in_year(measure, total.kind, year);
                if fig.known.is_zero() && fig.pm == 0 {
                    continue;
                }
                let span = at.unwrap_or(measure.id.span);
                if fig.pm > 0 {
                    pm_items.push((format!("measure {}", measure.id.value), span));
                }
                terms.push(Term {
                    label: format!("measure {}", measure.id.value),
                    value: (fig.pm == 0).then_some(fig.known),
                    negated: false,
                    span,
                });
                sum += fig;
            }
            let year_label = Some(year.to_string());
            self.compare(
                label,
                "its measures",
                value.amount.span,
                total.span,
                declared,
                sum,
                Unit::Euro,
                year_label,
                terms,
                pm_items,
            );
        }
    }

    /// Compares a declared figure with the recomputed one and reports what a reviewer needs.
    #[allow(clippy::too_many_arguments)]
    fn compare(
        &mut self,
        label: &str,
        parts: &'static str,
        span: Span,
        formula: Span,
        declared: Decimal,
        computed: Figure,
        unit: Unit,
        year: Option<String>,
        terms: Vec<Term>,
        pm_items: Vec<(String, Span)>,
    ) {
        if !pm_items.is_empty() {
            self.push(Problem::PmInTotal { label: label.to_string(), span, pm_items });
            return;
        }
        let computed = computed.known;
        if declared == computed {
            return;
        }
        let figure = Fig { declared, computed, unit: unit.clone(), year };
        let difference = (declared - computed).abs();
        let scale = declared.scale();
        let rounded = computed.round_dp_with_strategy(scale, RoundingStrategy::MidpointAwayFromZero);
        if computed.normalize().scale() > scale && rounded == declared {
            self.push(Problem::TotalRounded { label: label.to_string(), parts, span, figure });
        } else if let Some(tol) = self.tolerances.get(&unit).copied().filter(|t| difference <= *t) {
            self.push(Problem::TotalWithinTolerance { label: label.to_string(), parts, span, figure, tolerance: tol });
        } else {
            self.push(Problem::TotalMismatch { label: label.to_string(), parts, span, formula, figure, terms });
        }
    }

    fn table(&mut self, ti: usize) {
        let table = &self.model.tables[ti].table;
        let expected = table.columns.len();
        for code in table.rows.iter().flat_map(|r| r.taakvelden.iter()) {
            self.taakveld_code(code);
        }
        // Duplicate row names within a table.
        for (i, r) in table.rows.iter().enumerate() {
            if let Some(first) = table.rows[..i].iter().find(|o| o.id.value == r.id.value) {
                self.push(Problem::DuplicateId {
                    kind: "row",
                    id: r.id.value.clone(),
                    span: r.id.span,
                    first: first.id.span,
                });
            }
        }
        for (ri, row) in table.rows.iter().enumerate() {
            if row.cells.len() != expected {
                // A table without columns had its `columns` line refused by the parser already.
                if expected > 0 {
                    let span = match (row.cells.first(), row.cells.last()) {
                        (Some(a), Some(b)) => a.span.to(b.span),
                        _ => row.span,
                    };
                    self.push(Problem::WrongCellCount {
                        span,
                        found: row.cells.len(),
                        expected,
                        columns: table.columns_span,
                    });
                }
                continue;
            }
            let Some(formula) = &row.formula else { continue };
            if in_cycle(self.model, (ti, ri)) {
                self.push(Problem::CycleInFormula { row: row.id.value.clone(), span: formula.span() });
                continue;
            }
            let unit = formula::row_unit(table, row);
            let evaluator = Evaluator { model: self.model, table: ti, row: ri };
            let label = format!("{} “{}”", table.id.value, row.label.value);
            let mut pm_items: Vec<(String, Span)> = Vec::new();
            let mut pm_cell = None;
            for (ci, cell) in row.cells.iter().enumerate() {
                let declared = match cell.value {
                    CellValue::Pm | CellValue::NotApplicable => continue,
                    CellValue::Empty => Decimal::ZERO,
                    CellValue::Number(v) => v,
                };
                let column = table.columns[ci].label.clone().unwrap_or_else(|| table.columns[ci].key.to_string());
                match evaluator.column(formula, ci) {
                    Ok(computed) => {
                        if computed.figure.pm > 0 {
                            // One warning per row, however many years include the P.M. item.
                            for t in computed.terms.iter().filter(|t| t.value.is_none()) {
                                if !pm_items.iter().any(|(l, _)| *l == t.label) {
                                    pm_items.push((t.label.clone(), t.span));
                                }
                            }
                            pm_cell.get_or_insert(cell.span);
                            continue;
                        }
                        self.compare(
                            &label,
                            "its lines",
                            cell.span,
                            formula.span(),
                            declared,
                            computed.figure,
                            unit.clone(),
                            Some(column),
                            computed.terms,
                            Vec::new(),
                        );
                    }
                    Err(FormulaError::MissingColumn { row: missing, span }) => {
                        self.push(Problem::TotalUnverifiable {
                            label: label.clone(),
                            span: cell.span,
                            year: Some(column),
                            missing: format!("`{missing}` has no figure for {}", table.columns[ci].key),
                            missing_span: span,
                        });
                    }
                    Err(e) => {
                        self.formula_error(e, &label);
                        break;
                    }
                }
            }
            if let Some(span) = pm_cell {
                self.push(Problem::PmInTotal { label, span, pm_items });
            }
        }
    }

    fn formula_error(&mut self, e: FormulaError, label: &str) {
        match e {
            FormulaError::UnknownRow { name, span, suggestion } => {
                self.push(Problem::UnknownReference { kind: "row", name, span, suggestion })
            }
            FormulaError::UnknownGroup { name, span, suggestion } => {
                self.push(Problem::UnknownReference { kind: "group", name, span, suggestion })
            }
            FormulaError::UnitMismatch { expected, found, span } => self.push(Problem::UnitMismatch {
                span,
                expected,
                found,
                expected_span: None,
                context: label.to_string(),
            }),
            FormulaError::NotAYear { span, column } => self.push(Problem::SavingsNeedYear { span, column }),
            FormulaError::MissingColumn { .. } => {}
        }
    }
}

/// The rows a formula names.
fn row_refs<'e>(expr: &'e Expr, out: &mut Vec<&'e Spanned<String>>) {
    match expr {
        Expr::Row(r) => out.push(r),
        Expr::Cumulative(inner, _) => row_refs(inner, out),
        Expr::Terms(terms, _) => terms.iter().for_each(|(_, t)| row_refs(t, out)),
        Expr::Sum(_) | Expr::Savings(..) | Expr::Costs(..) => {}
    }
}

/// Whether a total row depends on itself through the rows its formula names.
fn in_cycle(model: &Model, start: formula::RowRef) -> bool {
    let mut stack = vec![start];
    let mut seen = std::collections::HashSet::new();
    while let Some((t, r)) = stack.pop() {
        let Some(formula) =
            model.tables.get(t).and_then(|ti| ti.table.rows.get(r)).and_then(|row| row.formula.as_ref())
        else {
            continue;
        };
        let mut refs = Vec::new();
        row_refs(formula, &mut refs);
        for name in refs {
            if let Some(next) = formula::find_row(model, t, &name.value) {
                if next == start {
                    return true;
                }
                if seen.insert(next) {
                    stack.push(next);
                }
            }
        }
    }
    false
}
