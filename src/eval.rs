//! Stage 4: the evaluator. Turns a checked plan into the yearly figures a council reads: the
//! baseline (budget, forecast, deficit), what the measures save, what executing them costs, and
//! the balance that remains, per year, per group, per budget line and per measure.
//!
//! All figures are exact decimals. Nothing is rounded here; rounding happens only for display
//! (see `sheet.rs`). The formulas are written out for controllers in docs/evaluation.md.

use crate::effects::{self, Figure};
use crate::formula::{self, Evaluator};
use crate::lang::{Lang, Msg};
use crate::resolve::Model;
use crate::syntax::ast::*;
use rust_decimal::Decimal;
use serde::Serialize;

/// Low, expected and high values of a figure that carries a stated range.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Scenarios {
    pub low: Decimal,
    pub expected: Figure,
    pub high: Decimal,
}

/// A line of the baseline: one budget line (taakveld), budget and forecast per year.
#[derive(Debug, Clone, PartialEq)]
pub struct BaselineLine {
    pub id: String,
    pub label: String,
    pub taakvelden: Vec<String>,
    pub budget: Vec<Option<Decimal>>,
    pub forecast: Vec<Option<Decimal>>,
    pub actual: Vec<Option<Decimal>>,
}

impl BaselineLine {
    pub fn deficit(&self, i: usize) -> Option<Decimal> {
        Some(self.budget[i]? - self.forecast[i]?)
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct GroupEval {
    pub id: String,
    pub title: String,
    pub depth: usize,
    /// The id of the group it is part of.
    pub parent: Option<String>,
    /// The measures directly in it, by id.
    pub measures: Vec<String>,
    /// What its measures (and those of its sub-groups) save, per year.
    pub savings: Vec<Figure>,
    /// Every target (taakstelling) it has, in the order written, with how far it is reached.
    pub targets: Vec<TargetEval>,
}

/// A group's target for one year, and how far the group's measures reach it.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct TargetEval {
    pub year: u16,
    pub amount: Decimal,
    /// What the group's measures save in that year (with any P.M. items among them).
    pub reached: Figure,
    pub verdict: Verdict,
}

impl TargetEval {
    /// The savings as a percentage of the target (None for a target of nil).
    pub fn coverage(&self) -> Option<Decimal> {
        (!self.amount.is_zero()).then(|| self.reached.known * Decimal::ONE_HUNDRED / self.amount)
    }

    /// Target minus known savings: positive is a shortfall, negative a surplus.
    pub fn shortfall(&self) -> Decimal {
        self.amount - self.reached.known
    }
}

/// Whether a target is reached: the one rule `grip check`, `grip eval`, the reports, the diff
/// and the editor all use.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Verdict {
    /// The known savings reach it (and no P.M. item could lower them).
    Met,
    /// The known savings fall short, and nothing unknown could fill the gap.
    NotMet,
    /// The known savings fall short (or a negative P.M. item could make them), and P.M. items
    /// would have to bring the rest.
    Unverifiable,
}

impl Verdict {
    /// The verdict on savings `reached` against a target of `goal`.
    pub fn of(reached: Figure, goal: Decimal) -> Verdict {
        if reached.known >= goal && reached.pm_neg == 0 {
            Verdict::Met
        } else if reached.pm > 0 {
            Verdict::Unverifiable
        } else {
            Verdict::NotMet
        }
    }

    pub fn word(self) -> &'static str {
        match self {
            Verdict::Met => "met",
            Verdict::NotMet => "not met",
            Verdict::Unverifiable => "cannot be verified",
        }
    }
}

/// The baseline, savings and costs of one taakveld (or of a set of them, where a budget line
/// or measure names several: "6.4, 6.5").
#[derive(Debug, Clone, PartialEq)]
pub struct TaakveldEval {
    /// The codes, as the plan names them together: "6.3", "6.4, 6.5"; empty for what names none.
    pub codes: Vec<String>,
    /// Their names from the BBV catalogue of the plan's year, joined with " + ".
    pub name: String,
    pub budget: Vec<Option<Decimal>>,
    pub forecast: Vec<Option<Decimal>>,
    pub savings: Vec<Figure>,
    pub costs: Vec<Figure>,
}

impl TaakveldEval {
    pub fn deficit(&self, i: usize) -> Option<Decimal> {
        Some(self.budget[i]? - self.forecast[i]?)
    }

    /// The codes as one label: "6.4, 6.5", or "(no taakveld)".
    pub fn key(&self, lang: Lang) -> String {
        if self.codes.is_empty() {
            Msg::id("sheet-no-taakveld-key").render(lang)
        } else {
            self.codes.join(", ")
        }
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct MeasureEval {
    pub id: String,
    pub title: String,
    /// The group it stands in directly.
    pub group: Option<String>,
    pub taakvelden: Vec<String>,
    pub savings: Vec<Scenarios>,
    pub costs: Vec<Figure>,
}

/// The evaluated plan.
#[derive(Debug, Clone, PartialEq)]
pub struct Evaluation {
    pub title: String,
    pub municipality: Option<String>,
    pub years: Vec<u16>,
    pub baseline: Vec<BaselineLine>,
    pub budget: Vec<Option<Decimal>>,
    pub forecast: Vec<Option<Decimal>>,
    pub deficit: Vec<Option<Decimal>>,
    pub savings: Vec<Scenarios>,
    pub costs: Vec<Figure>,
    /// deficit + savings − costs, low / expected / high; None where the deficit is unknown.
    /// The expected balance carries the P.M. items of the savings and costs.
    pub balance: Vec<Option<Scenarios>>,
    pub staffing: Vec<Figure>,
    pub has_staffing: bool,
    pub has_ranges: bool,
    pub groups: Vec<GroupEval>,
    pub measures: Vec<MeasureEval>,
    /// Per taakveld (BBV code), from the budget lines and the measures that name one.
    pub taakvelden: Vec<TaakveldEval>,
    /// What could not be computed, in plain words.
    pub notes: Vec<Note>,
}

/// Something the evaluation could not compute, as a message (shown in any language), and the
/// year it is about.
#[derive(Debug, Clone, PartialEq)]
pub struct Note {
    pub year: Option<u16>,
    pub msg: Msg,
}

impl Evaluation {
    /// Savings added up over the years. A P.M. item that recurs every year is one unknown, not
    /// one per year: the count is the most P.M. items in any year so far.
    pub fn cumulative_savings(&self) -> Vec<Figure> {
        let mut acc = Figure::default();
        self.savings
            .iter()
            .map(|s| {
                acc = running(acc, s.expected);
                acc
            })
            .collect()
    }

    /// The running balance; unknown from the first year whose balance is unknown. It carries
    /// the P.M. items as [`Evaluation::cumulative_savings`] does.
    pub fn cumulative_balance(&self) -> Vec<Option<Figure>> {
        let mut acc = Some(Figure::default());
        self.balance
            .iter()
            .map(|b| {
                acc = match (acc, b) {
                    (Some(a), Some(b)) => Some(running(a, b.expected)),
                    _ => None,
                };
                acc
            })
            .collect()
    }

    /// The years within `first..=last`, as indices into `years`.
    pub fn year_indices(&self, range: Option<(u16, u16)>) -> Vec<usize> {
        (0..self.years.len()).filter(|&i| range.is_none_or(|(a, b)| (a..=b).contains(&self.years[i]))).collect()
    }
}

/// A running total over years: known amounts add up; a P.M. item that recurs every year is one
/// unknown, so the counts are the most in any year so far.
fn running(acc: Figure, next: Figure) -> Figure {
    Figure { known: acc.known + next.known, pm: acc.pm.max(next.pm), pm_neg: acc.pm_neg.max(next.pm_neg) }
}

/// The role a row plays: its own, else its table's (for plain rows only; a total row takes a
/// role only when it says so itself).
fn row_role(table: &Table, row: &Row) -> Option<Role> {
    row.role.map(|r| r.value).or_else(|| if row.formula.is_none() { table.role.map(|r| r.value) } else { None })
}

/// A row's figure for a year: computed from its formula where that is possible (grip's figure),
/// else as printed.
fn row_figure(sums: &formula::Sums, t: usize, r: usize, year: u16) -> Option<Figure> {
    let model = sums.model;
    let table = &model.tables[t].table;
    let col = table.columns.iter().position(|c| c.key == ColumnKey::Year(year) && c.formula.is_none())?;
    let row = &table.rows[r];
    let figure = match &row.formula {
        Some(expr) => match Evaluator::figures(sums, t, r).column(expr, col) {
            Ok(c) => Some(c.figure),
            Err(_) => None,
        },
        None => None,
    };
    let figure = figure
        .or_else(|| row.cells.get(col).filter(|c| c.value != CellValue::NotApplicable).map(formula::cell_figure))?;
    // In grip's own signs: savings, revenue and a surplus positive, costs positive. A table
    // states its convention with `sign`; without one, figures are taken as grip's.
    let flip = matches!(
        (table.sign.map(|s| s.value), row_role(table, row)),
        (Some(SignRule::PlusAdverse), Some(Role::Saving | Role::Revenue | Role::Deficit))
            | (Some(SignRule::PlusFavourable), Some(Role::Cost))
    );
    Some(if flip { -figure } else { figure })
}

/// Evaluates a plan over its period (or, without one, over the years its measures and tables
/// name).
pub fn evaluate(model: &Model) -> Evaluation {
    let years = years_of(model);
    let n = years.len();
    let mut notes = Vec::new();
    let sums = formula::Sums::new(model);

    // Baseline: budget, forecast and actual rows, by budget line (row id).
    let mut baseline: Vec<BaselineLine> = Vec::new();
    for (t, ti) in model.tables.iter().enumerate() {
        for (r, row) in ti.table.rows.iter().enumerate() {
            let role = row_role(&ti.table, row);
            if !matches!(role, Some(Role::Budget | Role::Forecast | Role::Actual)) || row.formula.is_some() {
                continue;
            }
            if formula::row_unit(&ti.table, row) != Unit::Euro {
                continue;
            }
            let at = match baseline.iter().position(|l| l.id == row.id.value) {
                Some(i) => i,
                None => {
                    baseline.push(BaselineLine {
                        id: row.id.value.clone(),
                        label: row.label.value.clone(),
                        taakvelden: row.taakvelden.iter().map(|c| c.value.clone()).collect(),
                        budget: vec![None; n],
                        forecast: vec![None; n],
                        actual: vec![None; n],
                    });
                    baseline.len() - 1
                }
            };
            let line = &mut baseline[at];
            for (i, &y) in years.iter().enumerate() {
                if let Some(fig) = row_figure(&sums, t, r, y) {
                    let slot = match role {
                        Some(Role::Budget) => &mut line.budget[i],
                        Some(Role::Forecast) => &mut line.forecast[i],
                        _ => &mut line.actual[i],
                    };
                    *slot = Some(slot.unwrap_or_default() + fig.known);
                }
            }
        }
    }
    let sum_lines = |pick: fn(&BaselineLine) -> &Vec<Option<Decimal>>| -> Vec<Option<Decimal>> {
        (0..n)
            .map(|i| {
                let vals: Vec<Decimal> = baseline.iter().filter_map(|l| pick(l)[i]).collect();
                (!vals.is_empty()
                    && baseline.iter().all(|l| pick(l)[i].is_some() || pick(l).iter().all(Option::is_none)))
                .then(|| vals.iter().sum())
            })
            .collect()
    };
    let budget = sum_lines(|l| &l.budget);
    let forecast = sum_lines(|l| &l.forecast);
    let mut deficit: Vec<Option<Decimal>> = (0..n).map(|i| Some(budget[i]? - forecast[i]?)).collect();
    // Where budget or forecast is missing, a row marked `as deficit` gives the printed deficit.
    let printed_deficit = |y: u16| -> Option<Decimal> {
        model.tables.iter().find_map(|ti| {
            let col = ti.table.columns.iter().position(|c| c.key == ColumnKey::Year(y) && c.formula.is_none())?;
            let flip = ti.table.sign.map(|s| s.value) == Some(SignRule::PlusAdverse);
            ti.table.rows.iter().find_map(|row| {
                let is_deficit =
                    row.role.map(|r| r.value) == Some(Role::Deficit) && formula::row_unit(&ti.table, row) == Unit::Euro;
                match row.cells.get(col) {
                    Some(Cell { value: CellValue::Number(v), .. }) if is_deficit => Some(if flip { -*v } else { *v }),
                    _ => None,
                }
            })
        })
    };
    for (i, &y) in years.iter().enumerate() {
        if deficit[i].is_some() || baseline.is_empty() {
            continue;
        }
        let missing = if budget[i].is_none() { "budget" } else { "forecast" };
        let id = match printed_deficit(y) {
            Some(d) => {
                deficit[i] = Some(d);
                "note-printed-deficit"
            }
            None => "note-no-deficit",
        };
        notes.push(Note { year: Some(y), msg: Msg::id(id).arg("year", y).arg("missing", missing) });
    }
    if baseline.is_empty() {
        notes.push(Note { year: None, msg: Msg::id("note-no-baseline") });
    }

    // Measures: savings (low / expected / high) and costs per year.
    let mut has_ranges = false;
    let measures: Vec<MeasureEval> = model
        .measures
        .iter()
        .map(|mi| {
            let m = &mi.measure;
            let range = m.range.as_ref().and_then(|r| Some((r.low.value.known()?.value, r.high.value.known()?.value)));
            has_ranges |= range.is_some();
            let savings = years
                .iter()
                .map(|&y| {
                    let (expected, _) = effects::in_year(m, EffectKind::Saving, y);
                    let (low, high) = match range {
                        Some((lo, hi)) if effects::applicable(m, EffectKind::Saving, y).is_some() => (lo, hi),
                        _ => (expected.known, expected.known),
                    };
                    Scenarios { low, expected, high }
                })
                .collect();
            let costs = years.iter().map(|&y| effects::in_year(m, EffectKind::Cost, y).0).collect();
            MeasureEval {
                id: m.id.value.clone(),
                title: m.title.value.clone(),
                group: mi.group.map(|g| model.groups[g].id.value.clone()),
                taakvelden: m.taakvelden.iter().map(|c| c.value.clone()).collect(),
                savings,
                costs,
            }
        })
        .collect();

    let savings: Vec<Scenarios> = (0..n)
        .map(|i| {
            measures.iter().fold(Scenarios::default(), |acc, m| Scenarios {
                low: acc.low + m.savings[i].low,
                expected: acc.expected + m.savings[i].expected,
                high: acc.high + m.savings[i].high,
            })
        })
        .collect();

    // Costs and staffing: measure costs plus every row that says `as cost` / `as staffing`.
    let mut costs: Vec<Figure> =
        (0..n).map(|i| measures.iter().map(|m| m.costs[i]).fold(Figure::default(), |a, b| a + b)).collect();
    let mut staffing = vec![Figure::default(); n];
    // Savings printed in tables (`as saving`), counted with the measures'.
    let mut table_savings = vec![Figure::default(); n];
    let mut has_staffing = false;
    for (t, ti) in model.tables.iter().enumerate() {
        for (r, row) in ti.table.rows.iter().enumerate() {
            let role = row_role(&ti.table, row);
            let unit = formula::row_unit(&ti.table, row);
            let target = match (role, unit) {
                (Some(Role::Cost), Unit::Euro) => &mut costs,
                (Some(Role::Saving), Unit::Euro) => &mut table_savings,
                (Some(Role::Staffing), Unit::Fte) => {
                    has_staffing = true;
                    &mut staffing
                }
                _ => continue,
            };
            for (i, &y) in years.iter().enumerate() {
                if let Some(fig) = row_figure(&sums, t, r, y) {
                    target[i] += fig;
                }
            }
        }
    }

    let savings: Vec<Scenarios> = savings
        .into_iter()
        .zip(&table_savings)
        .map(|(s, t)| Scenarios { low: s.low + t.known, expected: s.expected + *t, high: s.high + t.known })
        .collect();
    let balance: Vec<Option<Scenarios>> = (0..n)
        .map(|i| {
            let d = deficit[i]?;
            let c = costs[i];
            Some(Scenarios {
                low: d + savings[i].low - c.known,
                expected: Figure::known(d) + savings[i].expected - c,
                high: d + savings[i].high - c.known,
            })
        })
        .collect();

    // Groups, depth-first in source order.
    let mut groups = Vec::new();
    let roots: Vec<usize> = (0..model.groups.len()).filter(|&g| model.groups[g].parent.is_none()).collect();
    let mut stack: Vec<(usize, usize)> = roots.into_iter().rev().map(|g| (g, 0)).collect();
    while let Some((g, depth)) = stack.pop() {
        let info = &model.groups[g];
        let members = model.measures_in(g);
        let savings: Vec<Figure> = (0..n)
            .map(|i| members.iter().map(|&m| measures[m].savings[i].expected).fold(Figure::default(), |a, b| a + b))
            .collect();
        // A target of P.M., or for a year the plan does not cover, is not evaluated.
        let targets = info
            .targets
            .iter()
            .filter_map(|t| {
                let amount = t.amount.value.known()?.value;
                let year = t.year.value;
                let reached = match years.iter().position(|y| *y == year) {
                    Some(i) => savings[i],
                    None => group_savings(model, &members, year),
                };
                Some(TargetEval { year, amount, reached, verdict: Verdict::of(reached, amount) })
            })
            .collect();
        groups.push(GroupEval {
            id: info.id.value.clone(),
            title: info.title.value.clone(),
            depth,
            parent: info.parent.map(|p| model.groups[p].id.value.clone()),
            measures: info.measures.iter().map(|&m| model.measures[m].measure.id.value.clone()).collect(),
            savings,
            targets,
        });
        for &child in info.children.iter().rev() {
            stack.push((child, depth + 1));
        }
    }

    let taakvelden = taakvelden(model, &years, &baseline, &measures);
    let header = model.header.as_ref();
    Evaluation {
        title: header.map(|h| h.title.value.clone()).unwrap_or_default(),
        municipality: header.and_then(|h| h.municipality.as_ref().map(|m| m.value.clone())),
        years,
        baseline,
        budget,
        forecast,
        deficit,
        savings,
        costs,
        balance,
        staffing,
        has_staffing,
        has_ranges,
        groups,
        measures,
        taakvelden,
        notes,
    }
}

/// What some measures save in a year outside the evaluated years (a target set for it).
fn group_savings(model: &Model, members: &[usize], year: u16) -> Figure {
    members
        .iter()
        .map(|&m| effects::in_year(&model.measures[m].measure, EffectKind::Saving, year).0)
        .fold(Figure::default(), |a, b| a + b)
}

/// The taakveld view: budget lines and measures by the codes they name (a line or measure that
/// names several codes counts for them together), with the names from the BBV catalogue of the
/// year the plan was adopted.
fn taakvelden(model: &Model, years: &[u16], baseline: &[BaselineLine], measures: &[MeasureEval]) -> Vec<TaakveldEval> {
    let n = years.len();
    let year = model
        .header
        .as_ref()
        .and_then(|h| h.adopted.map(|a| a.value.year))
        .or_else(|| years.first().copied())
        .unwrap_or(crate::taakveld::SPLIT_YEAR);
    let mut out: Vec<TaakveldEval> = Vec::new();
    let slot = |out: &mut Vec<TaakveldEval>, codes: &[String]| -> usize {
        if let Some(i) = out.iter().position(|t| t.codes == codes) {
            return i;
        }
        let name = codes
            .iter()
            .map(|c| match crate::taakveld::lookup(c, year) {
                crate::taakveld::Lookup::Valid(t) | crate::taakveld::Lookup::Expired(t, _) => t.name.to_string(),
                _ => "(unknown code)".to_string(),
            })
            .collect::<Vec<_>>()
            .join(" + ");
        out.push(TaakveldEval {
            codes: codes.to_vec(),
            name,
            budget: vec![None; n],
            forecast: vec![None; n],
            savings: vec![Figure::default(); n],
            costs: vec![Figure::default(); n],
        });
        out.len() - 1
    };
    let add = |a: Option<Decimal>, b: Option<Decimal>| match (a, b) {
        (Some(a), Some(b)) => Some(a + b),
        (a, b) => a.or(b),
    };
    for line in baseline {
        let i = slot(&mut out, &line.taakvelden);
        for y in 0..n {
            out[i].budget[y] = add(out[i].budget[y], line.budget[y]);
            out[i].forecast[y] = add(out[i].forecast[y], line.forecast[y]);
        }
    }
    for m in measures {
        let i = slot(&mut out, &m.taakvelden);
        for y in 0..n {
            out[i].savings[y] += m.savings[y].expected;
            out[i].costs[y] += m.costs[y];
        }
    }
    // Lines and measures without a code last; nothing to show if there are none of either.
    out.sort_by(|a, b| (a.codes.is_empty(), &a.codes).cmp(&(b.codes.is_empty(), &b.codes)));
    out.retain(|t| {
        !t.codes.is_empty()
            || t.savings.iter().chain(&t.costs).any(|f| *f != Figure::default())
            || t.budget.iter().chain(&t.forecast).any(Option::is_some)
    });
    out
}

/// The years to evaluate: the plan's period, else every year the plan names.
fn years_of(model: &Model) -> Vec<u16> {
    if let Some(p) = model.period().filter(|p| p.first.value <= p.last.value) {
        // A period of more than 200 years is a typing slip; evaluate its first 200 years.
        let last = p.last.value.min(p.first.value.saturating_add(199));
        return (p.first.value..=last).collect();
    }
    let mut years: Vec<u16> = model
        .measures
        .iter()
        .flat_map(|m| m.measure.effects.iter())
        .filter_map(|e| match e.years {
            YearSpec::From(y) | YearSpec::In(y) => Some(y.value),
            YearSpec::Always => None,
        })
        .chain(model.tables.iter().flat_map(|t| {
            t.table.columns.iter().filter_map(|c| if let ColumnKey::Year(y) = c.key { Some(y) } else { None })
        }))
        .collect();
    years.sort_unstable();
    years.dedup();
    match (years.first(), years.last()) {
        (Some(&a), Some(&b)) => (a..=b.min(a.saturating_add(199))).collect(),
        _ => Vec::new(),
    }
}

// ---------------------------------------------------------------------------------------------
// JSON (schema in docs/evaluation.md): plain decimal strings, `.` as decimal point.
// ---------------------------------------------------------------------------------------------

/// The version of the evaluation JSON; bumped when a field changes meaning or disappears.
pub const EVAL_JSON_VERSION: u32 = 2;

pub(crate) fn dec(d: Decimal) -> String {
    d.normalize().to_string()
}

fn opt(d: Option<Decimal>) -> Option<String> {
    d.map(dec)
}

#[derive(Serialize)]
pub(crate) struct JFigure {
    known: String,
    pm: u32,
    /// How many of the P.M. items enter with a minus (left out when none do).
    #[serde(skip_serializing_if = "is_zero")]
    pm_negative: u32,
}

fn is_zero(n: &u32) -> bool {
    *n == 0
}

pub(crate) fn fig(f: Figure) -> JFigure {
    JFigure { known: dec(f.known), pm: f.pm, pm_negative: f.pm_neg }
}

#[derive(Serialize)]
struct JYear {
    year: u16,
    budget: Option<String>,
    forecast: Option<String>,
    deficit: Option<String>,
    savings: JFigure,
    savings_low: String,
    savings_high: String,
    costs: JFigure,
    balance: Option<JFigure>,
    balance_low: Option<String>,
    balance_high: Option<String>,
    cumulative_savings: JFigure,
    cumulative_balance: Option<JFigure>,
    staffing_fte: Option<JFigure>,
}

#[derive(Serialize)]
struct JGroup {
    id: String,
    title: String,
    depth: usize,
    parent: Option<String>,
    measures: Vec<String>,
    savings: Vec<JFigure>,
    targets: Vec<JTarget>,
}

#[derive(Serialize)]
struct JTarget {
    year: u16,
    amount: String,
    reached: JFigure,
    coverage_percent: Option<String>,
    shortfall: String,
    /// `met`, `not met` or `cannot be verified`.
    verdict: &'static str,
}

#[derive(Serialize)]
struct JTaakveld {
    codes: Vec<String>,
    name: String,
    budget: Vec<Option<String>>,
    forecast: Vec<Option<String>>,
    deficit: Vec<Option<String>>,
    savings: Vec<JFigure>,
    costs: Vec<JFigure>,
}

#[derive(Serialize)]
struct JLine {
    id: String,
    label: String,
    taakvelden: Vec<String>,
    budget: Vec<Option<String>>,
    forecast: Vec<Option<String>>,
    deficit: Vec<Option<String>>,
}

#[derive(Serialize)]
struct JMeasure {
    id: String,
    title: String,
    group: Option<String>,
    taakvelden: Vec<String>,
    savings: Vec<JFigure>,
    savings_low: Vec<String>,
    savings_high: Vec<String>,
    costs: Vec<JFigure>,
}

#[derive(Serialize)]
struct JEvaluation {
    version: u32,
    title: String,
    municipality: Option<String>,
    years: Vec<u16>,
    totals: Vec<JYear>,
    groups: Vec<JGroup>,
    baseline: Vec<JLine>,
    taakvelden: Vec<JTaakveld>,
    measures: Vec<JMeasure>,
    notes: Vec<String>,
}

/// The evaluation as one JSON document, narrowed to the given year indices; its notes in
/// `lang` (the figures and the keys are the same in every language).
pub fn to_json(e: &Evaluation, idx: &[usize], lang: Lang) -> String {
    let cum_s = e.cumulative_savings();
    let cum_b = e.cumulative_balance();
    let pick = |v: &Vec<Option<Decimal>>| idx.iter().map(|&i| opt(v[i])).collect::<Vec<_>>();
    let years: Vec<u16> = idx.iter().map(|&i| e.years[i]).collect();
    let doc = JEvaluation {
        version: EVAL_JSON_VERSION,
        title: e.title.clone(),
        municipality: e.municipality.clone(),
        years: years.clone(),
        totals: idx
            .iter()
            .map(|&i| JYear {
                year: e.years[i],
                budget: opt(e.budget[i]),
                forecast: opt(e.forecast[i]),
                deficit: opt(e.deficit[i]),
                savings: fig(e.savings[i].expected),
                savings_low: dec(e.savings[i].low),
                savings_high: dec(e.savings[i].high),
                costs: fig(e.costs[i]),
                balance: e.balance[i].map(|b| fig(b.expected)),
                balance_low: e.balance[i].map(|b| dec(b.low)),
                balance_high: e.balance[i].map(|b| dec(b.high)),
                cumulative_savings: fig(cum_s[i]),
                cumulative_balance: cum_b[i].map(fig),
                staffing_fte: e.has_staffing.then(|| fig(e.staffing[i])),
            })
            .collect(),
        groups: e
            .groups
            .iter()
            .map(|g| JGroup {
                id: g.id.clone(),
                title: g.title.clone(),
                depth: g.depth,
                parent: g.parent.clone(),
                measures: g.measures.clone(),
                savings: idx.iter().map(|&i| fig(g.savings[i])).collect(),
                targets: g
                    .targets
                    .iter()
                    .map(|t| JTarget {
                        year: t.year,
                        amount: dec(t.amount),
                        reached: fig(t.reached),
                        coverage_percent: t.coverage().map(|c| dec(c.round_dp(1))),
                        shortfall: dec(t.shortfall()),
                        verdict: t.verdict.word(),
                    })
                    .collect(),
            })
            .collect(),
        taakvelden: e
            .taakvelden
            .iter()
            .map(|t| JTaakveld {
                codes: t.codes.clone(),
                name: t.name.clone(),
                budget: pick(&t.budget),
                forecast: pick(&t.forecast),
                deficit: idx.iter().map(|&i| opt(t.deficit(i))).collect(),
                savings: idx.iter().map(|&i| fig(t.savings[i])).collect(),
                costs: idx.iter().map(|&i| fig(t.costs[i])).collect(),
            })
            .collect(),
        baseline: e
            .baseline
            .iter()
            .map(|l| JLine {
                id: l.id.clone(),
                label: l.label.clone(),
                taakvelden: l.taakvelden.clone(),
                budget: pick(&l.budget),
                forecast: pick(&l.forecast),
                deficit: idx.iter().map(|&i| opt(l.deficit(i))).collect(),
            })
            .collect(),
        measures: e
            .measures
            .iter()
            .map(|m| JMeasure {
                id: m.id.clone(),
                title: m.title.clone(),
                group: m.group.clone(),
                taakvelden: m.taakvelden.clone(),
                savings: idx.iter().map(|&i| fig(m.savings[i].expected)).collect(),
                savings_low: idx.iter().map(|&i| dec(m.savings[i].low)).collect(),
                savings_high: idx.iter().map(|&i| dec(m.savings[i].high)).collect(),
                costs: idx.iter().map(|&i| fig(m.costs[i])).collect(),
            })
            .collect(),
        notes: e.notes.iter().map(|n| n.msg.render(lang)).collect(),
    };
    // Serialising plain structs of strings and numbers cannot fail.
    serde_json::to_string_pretty(&doc).unwrap_or_default()
}
