//! Stage 3: the checker. Reads the resolved [`Model`] and reports every problem it can find:
//! years, units, taakveld codes, references, shares, budgets, declared totals and targets.
//! It never formats a message: it builds [`Problem`]s, and `diagnostic.rs` words them.

use crate::diagnostic::{Diagnostic, Figure as Fig, NamedCode, Problem, Severity, Term, TermValue};
use crate::effects;
use crate::eval::Verdict;
use crate::formula::{self, Computed, Evaluator, FormulaError};
use crate::lang::Msg;
use crate::resolve::{Loaded, Model};
use crate::syntax::ast::*;
use crate::syntax::number::format_dutch;
use crate::taakveld::{self, Lookup};
use rust_decimal::{Decimal, RoundingStrategy};
// Maps keyed by what the plan names, read on every check: `rustc_hash`, as in resolve.rs.
use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};

/// A printed figure grip recomputed (a total of a group or the plan, a total row's or total
/// column's cell, a total still to realise, the saving a share states) and what it found: the
/// one record the language server's hovers and inlay hints read, so an editor never computes a
/// figure of its own.
#[derive(Debug, Clone, PartialEq)]
pub struct Recomputed {
    /// What the figure is the total of (“the total of group A”, a table's row).
    pub label: Msg,
    /// The year or column it is for.
    pub year: Option<String>,
    /// What it adds (“its lines”, “its columns”); a share adds nothing.
    pub parts: Option<Msg>,
    /// The printed figure.
    pub span: Span,
    pub printed: Decimal,
    /// What its lines add up to, with each line (a share's has none: it is the budget times
    /// the percentage).
    pub computed: Computed,
    pub unit: Unit,
    pub agreement: Agreement,
}

/// How a printed figure compares with the recomputed one.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Agreement {
    /// The same figure.
    Equal,
    /// A difference rounding or the plan's tolerance explains (a note).
    Explained,
    /// A difference `grip check` reports as an error.
    Differs,
    /// A line it adds has an error of its own.
    Unverifiable,
}

/// Checks a loaded plan; returns the loading problems and the checker's, in source order.
pub fn check(loaded: &Loaded) -> Vec<Diagnostic> {
    checked(loaded, false).0
}

/// [`check`], with every printed figure grip recomputed, in the order it checked them.
pub fn check_recording(loaded: &Loaded) -> (Vec<Diagnostic>, Vec<Recomputed>) {
    checked(loaded, true)
}

/// Every printed figure of a plan grip recomputes, with what it found, in the order it checks
/// them: the records of [`check_recording`], without the diagnostics (which [`check`] gives). The
/// language server asks for them only when a hover, inlay hint or code lens needs them.
pub fn recomputed(model: &Model) -> Vec<Recomputed> {
    let sums = formula::Sums::new(model);
    let mut checker = Checker::new(model, &sums);
    checker.record = true;
    checker.run().1
}

fn checked(loaded: &Loaded, record: bool) -> (Vec<Diagnostic>, Vec<Recomputed>) {
    let mut diags = loaded.diagnostics.clone();
    let syntax_errors =
        diags.iter().any(|d| matches!(d.problem, Problem::Syntax { .. } | Problem::UnclosedBlock { .. }));
    let sums = formula::Sums::new(&loaded.model);
    let mut checker = Checker::new(&loaded.model, &sums);
    checker.record = record;
    let (found, recomputed) = checker.run();
    // A missing header or period after a syntax error is usually the error's consequence.
    diags.extend(
        found.into_iter().filter(|d| {
            !(syntax_errors && matches!(d.problem, Problem::NoPlanHeader { .. } | Problem::NoPeriod { .. }))
        }),
    );
    // In source order, each consequence right after the error it follows from (so the root
    // cause is read first). Cached: a diagnostic's span comes from its labels, which take a
    // moment to build.
    // The error a consequence follows from is the one whose span overlaps its cause.
    let errors: Vec<Span> =
        diags.iter().filter(|d| d.severity() == Severity::Error && d.cause().is_none()).map(|d| d.span()).collect();
    let overlaps =
        |a: Span, b: Span| a.file == b.file && a.start < b.end.max(b.start + 1) && b.start < a.end.max(a.start + 1);
    diags.sort_by_cached_key(|d| {
        let s = d.span();
        match d.cause() {
            Some(c) => {
                let at = errors.iter().copied().find(|e| overlaps(*e, c)).unwrap_or(c);
                (at.file, at.start, 1, s.file, s.start, d.severity())
            }
            None => (s.file, s.start, 0, s.file, s.start, d.severity()),
        }
    });
    diags.dedup();
    (diags, recomputed)
}

/// Unknown references that get a "did you mean" hint, at most.
const MAX_SUGGESTIONS: usize = 200;

struct Checker<'m> {
    model: &'m Model,
    /// The sums of measures that totals, targets and tables ask for, each added up once.
    sums: &'m formula::Sums<'m>,
    period: Option<Period>,
    tolerances: HashMap<Unit, Decimal>,
    /// The budget year whose taakveld set applies: the year the plan was adopted.
    taakveld_year: u16,
    /// Total rows in a formula cycle, with the first row of their cycle.
    cycles: HashMap<formula::RowRef, formula::RowRef>,
    /// Whether every recomputed figure is kept (for the editor), also of the totals that are
    /// right, which are otherwise passed over without building their terms.
    record: bool,
    /// The rows some total adds.
    added: HashSet<formula::RowRef>,
    /// How many more unknown references get a "did you mean".
    suggestions_left: usize,
    out: Vec<Diagnostic>,
    recomputed: Vec<Recomputed>,
}

impl<'m> Checker<'m> {
    fn new(model: &'m Model, sums: &'m formula::Sums<'m>) -> Self {
        let header = model.header.as_ref();
        let tolerances = header
            .map(|h| h.tolerances.iter().map(|t| (t.value.unit.clone(), t.value.value.abs())).collect())
            .unwrap_or_default();
        let taakveld_year = taakveld::year_of(model);
        let period = model.period().filter(|p| p.first.value <= p.last.value);
        Checker {
            model,
            sums,
            period,
            tolerances,
            taakveld_year,
            cycles: formula_cycles(model),
            added: formula::added_rows(model),
            record: false,
            suggestions_left: MAX_SUGGESTIONS,
            out: Vec::new(),
            recomputed: Vec::new(),
        }
    }

    fn push(&mut self, p: Problem) {
        self.out.push(p.into());
    }

    fn run(mut self) -> (Vec<Diagnostic>, Vec<Recomputed>) {
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
            self.declared_total(&t, None, &all, &Msg::id("subject-plan-total"));
        }
        for ti in 0..self.model.tables.len() {
            self.table(ti);
        }
        self.progress();
        (self.out, self.recomputed)
    }

    /// The progress files: what each reporting moment says, checked against the plan.
    fn progress(&mut self) {
        let model = self.model;
        // Without its plan (it could not be read: reported where it is named), a progress file
        // has nothing to be checked against.
        if model.moments.is_empty() || model.header.is_none() {
            return;
        }
        let mut names: HashMap<&str, Span> = HashMap::default();
        for (k, moment) in model.moments.iter().enumerate() {
            match names.get(moment.name.value.as_str()) {
                Some(&first) => self.push(Problem::DuplicateId {
                    kind: "moment",
                    id: moment.name.value.clone(),
                    span: moment.name.span,
                    first,
                }),
                None => {
                    names.insert(&moment.name.value, moment.name.span);
                }
            }
            // Within a file, moments follow each other in time.
            let before = model.moments[..k].iter().rev().find(|m| m.span.file == moment.span.file);
            if let Some(b) = before {
                if crate::status::moment_key(&moment.date.value) < crate::status::moment_key(&b.date.value) {
                    self.push(Problem::MomentOrder {
                        moment: moment.name.value.clone(),
                        date: moment.date.value,
                        span: moment.date.span,
                        previous: b.name.value.clone(),
                        previous_date: b.date.value,
                        previous_span: b.date.span,
                    });
                }
            }
            let mut seen: HashMap<&str, Span> = HashMap::default();
            for entry in &moment.measures {
                if !model.measure_by_id.contains_key(&entry.id.value) {
                    let suggestion = if self.suggestions_left > 0 {
                        self.suggestions_left -= 1;
                        formula::suggest(&entry.id.value, model.measure_by_id.keys().map(String::as_str))
                    } else {
                        None
                    };
                    self.push(Problem::UnknownReference {
                        kind: "measure",
                        name: entry.id.value.clone(),
                        span: entry.id.span,
                        suggestion,
                    });
                } else if let Some(&first) = seen.get(entry.id.value.as_str()) {
                    self.push(Problem::DuplicateId {
                        kind: "measure",
                        id: entry.id.value.clone(),
                        span: entry.id.span,
                        first,
                    });
                } else {
                    seen.insert(&entry.id.value, entry.id.span);
                }
                if let Some(p) = &entry.phase {
                    if p.value > 3 {
                        self.push(Problem::PhaseUnknown { phase: p.value.to_string(), span: p.span });
                    }
                }
                let subject = Msg::id("subject-measure").arg("id", &entry.id.value);
                for line in entry.realised.iter().chain(&entry.expected) {
                    if let YearSpec::In(y) | YearSpec::From(y) = line.years {
                        self.year_in_period(y);
                    }
                    self.euro(&line.amount, || subject.clone());
                }
                for r in &entry.replacements {
                    if let YearSpec::In(y) | YearSpec::From(y) = r.years {
                        self.year_in_period(y);
                    }
                    self.euro(&r.amount, || subject.clone());
                }
            }
        }
        let evaluation = crate::eval::evaluate(model);
        let progress = crate::status::progress(model, &evaluation);
        let years = &progress.years;
        for (pos, status) in progress.moments.iter().enumerate() {
            let moment = &model.moments[status.index];
            for ms in &status.measures {
                let Some(entry) = ms.entry.and_then(|e| moment.measures.get(e)) else {
                    // Due before the latest moment, and never reported.
                    let latest = pos + 1 == progress.moments.len();
                    if let (true, false, Some((due, due_span))) = (latest, ms.reported, &ms.due) {
                        if ms.reason == crate::status::Reason::ShouldHaveStarted {
                            self.push(Problem::ProgressMissing {
                                measure: ms.id.clone(),
                                moment: status.name.clone(),
                                due: due.clone(),
                                span: moment.name.span,
                                due_span: *due_span,
                            });
                        }
                    }
                    continue;
                };
                if let (Some(p), Some((before, at))) = (&entry.phase, &ms.previous_phase) {
                    if p.value < before.value && before.value <= 3 && entry.explanation.is_none() {
                        self.push(Problem::PhaseBackwards {
                            measure: ms.id.clone(),
                            phase: p.value,
                            before: before.value,
                            previous: progress.moments.get(*at).map(|m| m.name.clone()).unwrap_or_default(),
                            span: p.span,
                            previous_span: before.span,
                        });
                    }
                }
                if ms.faulty.is_some() {
                    continue;
                }
                // Phase 3 here: realised in every year from the first planned saving on.
                if let Some(p) = entry.phase.filter(|p| p.value == 3) {
                    let first = ms.figures.planned.iter().position(|f| f.known > Decimal::ZERO);
                    let short = first.and_then(|from| {
                        (from..years.len()).find(|&i| {
                            ms.figures.planned[i].is_complete()
                                && ms.figures.realised[i].known < ms.figures.planned[i].known
                        })
                    });
                    if let Some(i) = short {
                        self.push(Problem::RealisedShort {
                            measure: ms.id.clone(),
                            year: years[i],
                            realised: ms.figures.realised[i].known,
                            planned: ms.figures.planned[i].known,
                            span: entry.id.span,
                            phase: p.span,
                        });
                    }
                }
                // A replacement covers at most the shortfall.
                for r in &entry.replacements {
                    let in_years = crate::status::indices(years, r.years, moment.date.value.year);
                    let over = in_years.into_iter().find(|&i| {
                        ms.figures.shortfall[i].is_complete()
                            && ms.figures.replacement[i].known > ms.figures.shortfall[i].known
                    });
                    if let Some(i) = over {
                        self.push(Problem::ReplacementExceeds {
                            measure: ms.id.clone(),
                            year: years[i],
                            replacement: ms.figures.replacement[i].known,
                            shortfall: ms.figures.shortfall[i].known,
                            span: r.amount.span,
                        });
                        break;
                    }
                }
            }
            // `total remaining`: the sum of what every measure has still to realise.
            for total in &moment.remaining {
                let label = Msg::id("subject-remaining").arg("moment", &status.name);
                let mut outcome = Outcome::default();
                for value in &total.values {
                    if let Some(y) = value.year {
                        self.year_in_period(y);
                    }
                    let Some(declared) = value.amount.value.known().map(|q| q.value) else { continue };
                    if !self.euro(&value.amount, || label.clone()) {
                        continue;
                    }
                    let year = match (value.year, self.period) {
                        (Some(y), _) => y.value,
                        (None, Some(p)) => p.last.value,
                        (None, None) => continue,
                    };
                    let Some(i) = years.iter().position(|&y| y == year) else { continue };
                    let mut computed = Computed::default();
                    for ms in &status.measures {
                        let info = &model.measures[ms.index];
                        let fault = info.fault.clone().or(ms.faulty.map(|span| crate::resolve::Fault {
                            span,
                            reason: crate::resolve::FaultReason::Unreadable,
                        }));
                        let f = ms.figures.remaining[i];
                        let value = match (&fault, f.pm) {
                            (Some(fault), _) => TermValue::Faulty(fault.reason),
                            (None, 0) => TermValue::Known(f.known),
                            (None, _) => TermValue::Pm { negative: f.pm_neg > 0 },
                        };
                        if fault.is_none() {
                            computed.figure += f;
                        }
                        let span = ms
                            .entry
                            .and_then(|e| moment.measures.get(e))
                            .map(|e| e.id.span)
                            .or(fault.as_ref().map(|f| f.span))
                            .unwrap_or(info.measure.id.span);
                        computed.terms.push(Term {
                            label: Msg::id("subject-measure").arg("id", &ms.id),
                            value,
                            negated: false,
                            span: fault.map(|f| f.span).unwrap_or(span),
                            printed_unit: None,
                        });
                    }
                    let printed_unit = value.amount.value.known().filter(|q| q.exp > 0).map(|q| q.printed_unit());
                    let printed =
                        Printed { declared, printed_unit, span: value.amount.span, year: Some(year.to_string()) };
                    let parts = Msg::id("parts-remaining");
                    self.compare_into(&mut outcome, &label, &parts, total.span, printed, computed, Unit::Euro);
                }
                self.finish(outcome, &label);
            }
        }
    }

    fn header(&mut self) {
        match &self.model.header {
            // A file that says it is a part of a plan needs no header of its own.
            None if self.model.part_of.is_some() => {}
            // Nor does a progress file; it reports on its plan.
            None if self.model.progress_of.is_some() => {}
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
        let year = self.taakveld_year;
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

    /// Whether an amount is in euros; if not, says so of `context` (made only then: most amounts
    /// are in euros).
    fn euro(&mut self, q: &Spanned<Amount>, context: impl FnOnce() -> Msg) -> bool {
        if let Amount::Known(quantity) = &q.value {
            if quantity.unit != Unit::Euro {
                self.push(Problem::WrongUnit {
                    span: q.span,
                    expected: Unit::Euro,
                    found: quantity.unit.clone(),
                    what: context(),
                });
                return false;
            }
        }
        true
    }

    fn measure(&mut self, mi: usize, any_owner: Option<Span>) {
        let model = self.model;
        let m = &model.measures[mi].measure;
        let name = &m.id.value;
        if let Some(b) = &m.budget {
            self.euro(b, || Msg::id("amount-budget").arg("id", name));
        }
        for e in &m.effects {
            self.euro(&e.amount, || Msg::id("amount-effect").arg("kind", e.kind.word()).arg("id", name));
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
                // A "did you mean" compares the name with every measure's id: for the first
                // few hundred unknown names only, so a plan of thousands of them stays linear.
                let suggestion = if self.suggestions_left > 0 {
                    self.suggestions_left -= 1;
                    formula::suggest(&r.value, self.model.measure_by_id.keys().map(String::as_str))
                } else {
                    None
                };
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
            let difference = (expected - q.value).abs();
            if self.record {
                self.recomputed.push(Recomputed {
                    label: Msg::id("subject-share").arg("percent", format_dutch(pct)).arg("id", name),
                    year: None,
                    parts: None,
                    span: stated.amount.span,
                    printed: q.value,
                    computed: Computed {
                        figure: crate::effects::Figure::known(expected.normalize()),
                        terms: Vec::new(),
                    },
                    unit: Unit::Euro,
                    agreement: if difference.is_zero() {
                        Agreement::Equal
                    } else if difference <= tolerance {
                        Agreement::Explained
                    } else {
                        Agreement::Differs
                    },
                });
            }
            if difference > tolerance {
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

    /// Two effect lines of one kind that apply to the same year: each line is reported with the
    /// first line before it that it clashes with. In one pass, with a few lookups per line (a
    /// measure of 500.000 lines on one line of text took minutes comparing every pair).
    fn overlaps(&mut self, m: &Measure) {
        for kind in [EffectKind::Saving, EffectKind::Cost] {
            let lines: Vec<&Effect> = m.effects.iter().filter(|e| e.kind == kind).collect();
            let mut first_always: Option<usize> = None;
            let mut first_in: HashMap<u16, usize> = HashMap::default();
            let mut first_from: HashMap<u16, usize> = HashMap::default();
            // The `from` lines in order with the smallest year so far, the `in` lines with the
            // largest: the first earlier line a year clashes with is found by a binary search.
            let (mut froms, mut from_min): (Vec<usize>, Vec<u16>) = (Vec::new(), Vec::new());
            let (mut ins, mut in_max): (Vec<usize>, Vec<u16>) = (Vec::new(), Vec::new());
            for (i, a) in lines.iter().enumerate() {
                let from_at_or_before = |x: u16| froms.get(from_min.partition_point(|m| *m > x)).copied();
                let in_at_or_after = |f: u16| ins.get(in_max.partition_point(|m| *m < f)).copied();
                let clash_with = match a.years {
                    YearSpec::Always => (i > 0).then_some(0),
                    YearSpec::In(x) => [first_always, first_in.get(&x.value).copied(), from_at_or_before(x.value)]
                        .into_iter()
                        .flatten()
                        .min(),
                    YearSpec::From(f) => [first_always, first_from.get(&f.value).copied(), in_at_or_after(f.value)]
                        .into_iter()
                        .flatten()
                        .min(),
                };
                if let Some(j) = clash_with {
                    let b = lines[j];
                    let year = match (a.years, b.years) {
                        (YearSpec::Always, YearSpec::Always) => self.period.map(|p| p.first.value).unwrap_or_default(),
                        (YearSpec::Always, YearSpec::In(y) | YearSpec::From(y)) => y.value,
                        (YearSpec::In(x), _) => x.value,
                        (YearSpec::From(_), YearSpec::In(x)) => x.value,
                        (YearSpec::From(f), _) => f.value,
                    };
                    self.push(Problem::OverlappingYears {
                        measure: m.id.value.clone(),
                        year,
                        span: a.span,
                        other: b.span,
                    });
                }
                match a.years {
                    YearSpec::Always => {
                        first_always.get_or_insert(i);
                    }
                    YearSpec::In(x) => {
                        first_in.entry(x.value).or_insert(i);
                        let max = in_max.last().copied().unwrap_or(0).max(x.value);
                        ins.push(i);
                        in_max.push(max);
                    }
                    YearSpec::From(f) => {
                        first_from.entry(f.value).or_insert(i);
                        let min = from_min.last().copied().unwrap_or(u16::MAX).min(f.value);
                        froms.push(i);
                        from_min.push(min);
                    }
                }
            }
        }
    }

    fn group(&mut self, gi: usize) {
        let g = &self.model.groups[gi];
        let measures = self.model.measures_in(gi);
        let label = Msg::id("subject-group-total").arg("id", &g.id.value).arg("title", &g.title.value);
        for t in g.totals.clone() {
            self.declared_total(&t, Some(gi), &measures, &label);
        }
        for target in g.targets.clone() {
            self.year_in_period(target.year);
            let Some(goal) = target.amount.value.known().map(|q| q.value) else { continue };
            if !self.euro(&target.amount, || Msg::id("amount-target").arg("id", &g.id.value)) {
                continue;
            }
            let year = target.year.value;
            // Met, with every measure known: nothing to say.
            if self.sums.plain(Some(gi), EffectKind::Saving, year).is_some_and(|f| Verdict::of(f, goal) == Verdict::Met)
            {
                continue;
            }
            let computed = self.measures_in_year(&measures, EffectKind::Saving, year);
            let group = Msg::id("subject-group").arg("id", &g.id.value).arg("title", &g.title.value);
            if let Some(fault) = computed.fault() {
                self.push(Problem::Unverifiable {
                    what: group.as_id("subject-group-target"),
                    target: true,
                    span: target.span,
                    years: vec![year.to_string()],
                    cause: fault.span,
                    part: part_name(fault),
                    reason: fault_reason(fault),
                });
                continue;
            }
            let sum = computed.figure;
            // The one rule for targets, which `grip eval`, the reports and the diff show too.
            match Verdict::of(sum, goal) {
                Verdict::Met => {}
                Verdict::Unverifiable => self.push(Problem::TargetUnverifiable {
                    group,
                    year,
                    target: goal,
                    reached: sum.known,
                    span: target.span,
                    pm_items: pm_items(&computed.terms),
                }),
                Verdict::NotMet => self.push(Problem::TargetNotMet {
                    group,
                    year,
                    target: goal,
                    reached: sum.known,
                    span: target.span,
                }),
            }
        }
    }

    /// The savings (or costs) of some measures in a year, as the terms of a total.
    fn measures_in_year(&self, measures: &[usize], kind: EffectKind, year: u16) -> Computed {
        formula::measures_total(self.model, measures, kind, year)
    }

    /// `total saving € 600.000` or `total saving 2021: € 690.000, ...` over some measures.
    /// `group` is the group whose measures these are (None: every measure of the plan).
    fn declared_total(&mut self, total: &DeclaredTotal, group: Option<usize>, measures: &[usize], label: &Msg) {
        let mut outcome = Outcome::default();
        for value in &total.values {
            if let Some(y) = value.year {
                self.year_in_period(y);
            }
            let Some(declared) = value.amount.value.known().map(|q| q.value) else { continue };
            if !self.euro(&value.amount, || label.clone()) {
                continue;
            }
            let year = match (value.year, self.period) {
                (Some(y), _) => y.value,
                (None, Some(p)) => p.last.value,
                (None, None) => continue,
            };
            // Equal to its measures, every one known: nothing to say (as `compare` finds).
            if !self.record && self.sums.plain(group, total.kind, year).is_some_and(|f| f.known == declared) {
                continue;
            }
            let computed = self.measures_in_year(measures, total.kind, year);
            let printed_unit = value.amount.value.known().filter(|q| q.exp > 0).map(|q| q.printed_unit());
            let printed = Printed { declared, printed_unit, span: value.amount.span, year: Some(year.to_string()) };
            let parts = Msg::id("parts-measures");
            self.compare_into(&mut outcome, label, &parts, total.span, printed, computed, Unit::Euro);
        }
        self.finish(outcome, label);
    }

    /// Compares one printed figure of a total, collecting what is reported once per total
    /// (faults, P.M. items) into `outcome`.
    #[allow(clippy::too_many_arguments)]
    fn compare_into(
        &mut self,
        outcome: &mut Outcome,
        label: &Msg,
        parts: &Msg,
        formula: Span,
        printed: Printed,
        computed: Computed,
        unit: Unit,
    ) {
        if let Some(fault) = computed.fault() {
            if outcome.fault.is_none() {
                outcome.fault = Some(fault.clone());
                outcome.fault_span = Some(printed.span);
            }
            outcome.fault_years.extend(printed.year.clone());
            if self.record {
                self.recomputed.push(Recomputed {
                    label: label.clone(),
                    year: printed.year.clone(),
                    parts: Some(parts.clone()),
                    span: printed.span,
                    printed: printed.declared,
                    computed,
                    unit,
                    agreement: Agreement::Unverifiable,
                });
            }
            return;
        }
        for item in pm_items(&computed.terms) {
            outcome.pm_span.get_or_insert(printed.span);
            if !outcome.pm_items.iter().any(|(l, _)| *l == item.0) {
                outcome.pm_items.push(item);
            }
        }
        outcome.errors |= self.compare(label, parts, formula, printed, computed, unit);
    }

    /// What is said once per total: the figures it could not check because a line has an error
    /// of its own, and the P.M. items it left out (a note, when nothing else was wrong).
    fn finish(&mut self, outcome: Outcome, label: &Msg) {
        if let (Some(fault), Some(span)) = (&outcome.fault, outcome.fault_span) {
            self.push(Problem::Unverifiable {
                what: label.clone(),
                target: false,
                span,
                years: outcome.fault_years.clone(),
                cause: fault.span,
                part: part_name(fault),
                reason: fault_reason(fault),
            });
        }
        if let (false, Some(span)) = (outcome.errors || outcome.pm_items.is_empty(), outcome.pm_span) {
            self.push(Problem::PmInTotal { label: label.clone(), span, pm_items: outcome.pm_items });
        }
    }

    /// Keeps the record of a compared figure (when recording), with what was found.
    fn keep(&mut self, record: Option<Recomputed>, computed: Computed, agreement: Agreement) {
        if let Some(mut record) = record {
            record.computed = computed;
            record.agreement = agreement;
            self.recomputed.push(record);
        }
    }

    /// Compares a printed figure with the recomputed one (the sum of its known lines; P.M.
    /// counts as nil, as documents count it) and reports what a reviewer needs. Returns whether
    /// it reported an error.
    fn compare(
        &mut self,
        label: &Msg,
        parts: &Msg,
        formula: Span,
        printed: Printed,
        computed: Computed,
        unit: Unit,
    ) -> bool {
        let Printed { declared, printed_unit, span, year } = printed;
        let known = computed.figure.known;
        // Only where figures are recorded (for editors).
        let record = self.record.then(|| Recomputed {
            label: label.clone(),
            year: year.clone(),
            parts: Some(parts.clone()),
            span,
            printed: declared,
            // Moved in below, once the figure is compared (the terms of a plan total may be
            // thousands).
            computed: Computed::default(),
            unit: unit.clone(),
            agreement: Agreement::Equal,
        });
        if declared == known {
            self.keep(record, computed, Agreement::Equal);
            return false;
        }
        let figure = Fig { declared, computed: known, unit: unit.clone(), year };
        let difference = (declared - known).abs();
        // Figures printed in a scale (`in € 1.000`) are rounded to it: each may hide up to half
        // a printed step, so the printed total may differ from its printed lines by the sum of
        // those halves.
        let mut steps: Vec<Decimal> =
            computed.terms.iter().filter_map(|t| t.printed_unit).chain(printed_unit).collect();
        // A figure copied from another line at the same scale is the same rounded figure: it
        // must be equal.
        if let ([term], Some(own)) = (computed.terms.as_slice(), printed_unit) {
            if term.printed_unit == Some(own) {
                steps.clear();
            }
        }
        let allowance: Decimal = steps.iter().map(|s| s / Decimal::TWO).sum();
        let scale = declared.scale();
        let rounded = known.round_dp_with_strategy(scale, RoundingStrategy::MidpointAwayFromZero);
        if !steps.is_empty() && difference <= allowance {
            let step = steps.iter().copied().max().unwrap_or_default();
            let problem = Problem::TotalRoundedInScale {
                label: label.clone(),
                parts: parts.clone(),
                span,
                figure,
                step,
                rounded: steps.len(),
                allowance,
            };
            self.push(problem);
            self.keep(record, computed, Agreement::Explained);
            false
        } else if known.normalize().scale() > scale && rounded == declared {
            self.push(Problem::TotalRounded { label: label.clone(), parts: parts.clone(), span, figure });
            self.keep(record, computed, Agreement::Explained);
            false
        } else if let Some(tol) = self.tolerances.get(&unit).copied().filter(|t| difference <= *t) {
            self.keep(record, computed, Agreement::Explained);
            self.push(Problem::TotalWithinTolerance {
                label: label.clone(),
                parts: parts.clone(),
                span,
                figure,
                tolerance: tol,
            });
            false
        } else {
            let pm_items = pm_items(&computed.terms);
            // The terms go to the problem; copied only when the record keeps them too (a plan
            // total's are a term per measure).
            let mut computed = computed;
            let terms = if record.is_some() { computed.terms.clone() } else { std::mem::take(&mut computed.terms) };
            self.keep(record, computed, Agreement::Differs);
            self.push(Problem::TotalMismatch {
                label: label.clone(),
                parts: parts.clone(),
                span,
                formula,
                figure,
                terms,
                pm_items,
                omitted: None,
            });
            true
        }
    }

    fn table(&mut self, ti: usize) {
        let table = &self.model.tables[ti].table;
        let exp = self.model.tables[ti].exp;
        let expected = table.columns.len();
        for code in table.rows.iter().flat_map(|r| r.taakvelden.iter()) {
            self.taakveld_code(code);
        }
        // Duplicate row names within a table (the first of each name is in the table's index).
        let rows_by_id = &self.model.tables[ti].rows_by_id;
        for (i, r) in table.rows.iter().enumerate() {
            match rows_by_id.get(&r.id.value) {
                Some(&first) if first != i => self.push(Problem::DuplicateId {
                    kind: "row",
                    id: r.id.value.clone(),
                    span: r.id.span,
                    first: table.rows[first].id.span,
                }),
                _ => {}
            }
        }
        // Duplicate column names.
        for (i, c) in table.columns.iter().enumerate() {
            if let ColumnKey::Named(name) = &c.key {
                if table.columns[..i].iter().any(|o| o.key == c.key) {
                    let first = table.columns[..i].iter().find(|o| o.key == c.key).map(|o| o.span).unwrap_or(c.span);
                    self.push(Problem::DuplicateId { kind: "column", id: name.clone(), span: c.span, first });
                }
            }
        }
        // Text where the column holds figures, and figures in a text column.
        for row in table.rows.iter().filter(|r| r.cells.len() == expected) {
            for (cell, column) in row.cells.iter().zip(&table.columns) {
                let what = match (&cell.value, column.text) {
                    (CellValue::Text(_), false) => "text-in-figures",
                    (CellValue::Number(_) | CellValue::Pm { .. } | CellValue::Unreadable, true) => "figure-in-text",
                    _ => continue,
                };
                let (span, columns, column) = (cell.span, table.columns_span, column.title());
                self.push(Problem::TextColumn { what, column, span, columns });
            }
        }
        // A line below the table's last total, when that total adds the lines above it (`sum`),
        // that no total adds: left over, or misplaced.
        let last_total = table.rows.iter().rposition(|r| r.formula.is_some());
        if let Some(last) = last_total.filter(|&l| table.rows[l].formula.as_ref().is_some_and(adds_lines_above)) {
            for (ri, row) in table.rows.iter().enumerate().skip(last + 1) {
                if row.formula.is_none() && !self.added.contains(&(ti, ri)) {
                    self.push(Problem::RowNotAdded {
                        row: row.label.value.clone(),
                        table: table.id.value.clone(),
                        span: row.id.span.to(row.label.span),
                        total: table.rows[last].id.span.to(table.rows[last].label.span),
                    });
                }
            }
        }
        let mut label_count: HashMap<&str, usize> = HashMap::default();
        for r in &table.rows {
            *label_count.entry(r.label.value.as_str()).or_default() += 1;
        }
        // Total columns that depend on themselves (`b = a + c`, `c = b`): reported once, at the
        // first of them, and not checked.
        let cyclic: Vec<bool> = (0..table.columns.len()).map(|c| column_cycle(table, c)).collect();
        if let Some(first) = cyclic.iter().position(|c| *c) {
            let column = &table.columns[first];
            let span = column.formula.as_ref().map(|f| f.span()).unwrap_or(column.span);
            self.push(Problem::CycleInFormula { row: column.key.to_string(), span });
        }
        let printed_unit = |cell: &Cell| match cell.value {
            CellValue::Number(v) if exp > 0 => Some(printed_unit(v, exp)),
            _ => None,
        };
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
            // A label printed twice in a table (seven rows "Saldo") is told apart by the row's name.
            let label = if label_count.get(row.label.value.as_str()).copied().unwrap_or(0) > 1 {
                Msg::id("subject-row-named").arg("row", &row.id.value)
            } else {
                Msg::id("subject-row")
            }
            .arg("table", &table.id.value)
            .arg("label", &row.label.value);
            // The row's total columns (`totaal "Totaal" = sum`).
            let mut outcome = Outcome::default();
            for (ci, column) in table.columns.iter().enumerate() {
                if column.formula.is_none() || cyclic[ci] {
                    continue;
                }
                let Some(declared) = declared_figure(&row.cells[ci]) else { continue };
                match formula::column_total(self.model, ti, ri, ci) {
                    Ok(computed) => {
                        let printed = Printed {
                            declared,
                            printed_unit: printed_unit(&row.cells[ci]),
                            span: row.cells[ci].span,
                            year: Some(column.title()),
                        };
                        let formula_span = column.formula.as_ref().map(|f| f.span()).unwrap_or(column.span);
                        let unit = formula::row_unit(table, row);
                        let parts = Msg::id("parts-columns");
                        self.compare_into(&mut outcome, &label, &parts, formula_span, printed, computed, unit);
                    }
                    Err(e) => {
                        // The column's formula is wrong for every row: report it once.
                        if ri == 0 {
                            self.formula_error(e, &label);
                        }
                        break;
                    }
                }
            }
            self.finish(outcome, &label);

            let Some(formula) = &row.formula else { continue };
            if let Some(&first) = self.cycles.get(&(ti, ri)) {
                // One cycle is one slip: it is reported at its first row in the plan.
                if first == (ti, ri) {
                    self.push(Problem::CycleInFormula { row: row.id.value.clone(), span: formula.span() });
                }
                continue;
            }
            let unit = formula::row_unit(table, row);
            let evaluator = Evaluator::new(self.model, ti, ri);
            let quick = Evaluator::figures(self.sums, ti, ri);
            let mut outcome = Outcome::default();
            // What this row says, and each column's printed and computed figure.
            let said = self.out.len();
            let mut compared: Vec<(usize, Decimal, Decimal)> = Vec::new();
            for (ci, cell) in row.cells.iter().enumerate() {
                let Some(declared) = declared_figure(cell) else { continue };
                let column = &table.columns[ci];
                if column.text {
                    continue;
                }
                // Equal to its lines, every one a known figure: nothing to say (as `compare`
                // finds), and no terms to write down unless they are recorded.
                if !self.record {
                    if let Ok(c) = quick.column(formula, ci) {
                        if c.terms.is_empty() && c.figure.pm == 0 && c.figure.known == declared {
                            compared.push((ci, declared, declared));
                            continue;
                        }
                    }
                }
                match evaluator.column(formula, ci) {
                    Ok(computed) => {
                        if computed.fault().is_none() {
                            compared.push((ci, declared, computed.figure.known));
                        }
                        let printed = Printed {
                            declared,
                            printed_unit: printed_unit(cell),
                            span: cell.span,
                            year: Some(column.title()),
                        };
                        self.compare_into(
                            &mut outcome,
                            &label,
                            &Msg::id("parts-lines"),
                            formula.span(),
                            printed,
                            computed,
                            unit.clone(),
                        );
                    }
                    Err(FormulaError::MissingColumn { row: missing, span }) => {
                        self.push(Problem::TotalUnverifiable {
                            label: label.clone(),
                            span: cell.span,
                            year: Some(column.title()),
                            missing: Msg::id("missing-figure").arg("row", missing).arg("column", column.title()),
                            missing_span: span,
                        });
                    }
                    // A total column of a row that adds `savings`: the column total checks it.
                    Err(FormulaError::NotAYear { .. }) if column.formula.is_some() => {}
                    // `previous(…)` in the first column: the opening figure, as printed.
                    Err(FormulaError::FirstColumn) => {}
                    Err(e) => {
                        self.formula_error(e, &label);
                        break;
                    }
                }
            }
            if let Some(found) = omitted_row(self.model, ti, ri, formula, &compared) {
                for d in &mut self.out[said..] {
                    if let Problem::TotalMismatch { omitted, .. } = &mut d.problem {
                        *omitted = Some(found.clone());
                    }
                }
            }
            self.finish(outcome, &label);
        }
    }

    fn formula_error(&mut self, e: FormulaError, label: &Msg) {
        match e {
            FormulaError::UnknownRow { name, span, suggestion } => {
                self.push(Problem::UnknownReference { kind: "row", name, span, suggestion })
            }
            FormulaError::UnknownGroup { name, span, suggestion } => {
                self.push(Problem::UnknownReference { kind: "group", name, span, suggestion })
            }
            FormulaError::UnitMismatch { expected, found, span } => {
                self.push(Problem::UnitMismatch { span, expected, found, expected_span: None, context: label.clone() })
            }
            FormulaError::NotAYear { span, column } => self.push(Problem::SavingsNeedYear { span, column }),
            FormulaError::UnknownColumn { name, span, suggestion } => {
                self.push(Problem::UnknownReference { kind: "column", name, span, suggestion })
            }
            FormulaError::NotInColumnTotal { span, term } => {
                // The term as the plan writes it, in its keyword language.
                let lang = self.model.language.unwrap_or_default();
                let words: Vec<&str> =
                    term.iter().filter_map(|r| crate::syntax::keywords::of_rule(*r)).map(|k| k.word(lang)).collect();
                self.push(Problem::NotInColumnTotal { span, term: words.join(" ") })
            }
            FormulaError::TextColumn { name, span, columns } => {
                self.push(Problem::TextColumn { what: "text-column-in-formula", column: name, span, columns })
            }
            FormulaError::MissingColumn { .. } | FormulaError::FirstColumn => {}
        }
    }
}

/// A printed figure of a total, with where and in which step it was printed.
struct Printed {
    declared: Decimal,
    /// The printed step, when the figure is printed in a scale (`in € 1.000`).
    printed_unit: Option<Decimal>,
    span: Span,
    year: Option<String>,
}

/// What one total line says once, over all its years.
#[derive(Default)]
struct Outcome {
    /// The first figure whose lines hold a P.M. item (where a P.M. note is placed).
    pm_span: Option<Span>,
    /// The first line that could not be known, and where the total first needed it.
    fault: Option<Term>,
    fault_span: Option<Span>,
    fault_years: Vec<String>,
    pm_items: Vec<(Msg, Span)>,
    errors: bool,
}

/// The printed figure a total cell declares; `P.M.`, `n.v.t.` and an unreadable figure declare
/// none (the last is reported where it is written).
fn declared_figure(cell: &Cell) -> Option<Decimal> {
    match cell.value {
        CellValue::Pm { .. } | CellValue::NotApplicable | CellValue::Unreadable | CellValue::Text(_) => None,
        CellValue::Empty => Some(Decimal::ZERO),
        CellValue::Number(v) => Some(v),
    }
}

/// The P.M. items among the terms of a total, each once.
fn pm_items(terms: &[Term]) -> Vec<(Msg, Span)> {
    let mut out: Vec<(Msg, Span)> = Vec::new();
    for t in terms.iter().filter(|t| matches!(t.value, TermValue::Pm { .. })) {
        if !out.iter().any(|(l, _)| *l == t.label) {
            out.push((t.label.clone(), t.span));
        }
    }
    out
}

fn fault_reason(term: &Term) -> crate::resolve::FaultReason {
    match term.value {
        TermValue::Faulty(reason) => reason,
        _ => crate::resolve::FaultReason::Unreadable,
    }
}

/// A term as named in a sentence: "measure W.2", or a row's label in quotes.
fn part_name(term: &Term) -> Msg {
    match &term.label {
        Msg::Plain(label) => Msg::plain(format!("“{label}”")),
        measure => measure.clone(),
    }
}

/// Whether a formula adds the plain lines above its row (`sum`).
fn adds_lines_above(expr: &Expr) -> bool {
    match expr {
        Expr::Sum(_) => true,
        Expr::Cumulative(inner, _) => adds_lines_above(inner),
        Expr::Terms(terms, _) => terms.iter().any(|(_, t)| adds_lines_above(t)),
        _ => false,
    }
}

/// The one row of its table a total row's formula does not name, whose figures are exactly
/// what the printed total has more than its lines, in every column grip compared: the row the
/// total was meant to add. `None` when the total is right in every column, when the formula
/// counts rows it does not name (`sum`, `savings`, `cumulative`), or when no row, or more than
/// one, fits. A row another total of the table adds is never proposed (a subtotal's row is
/// counted through the subtotal), nor a total that reads this one (that would be a cycle).
fn omitted_row(
    model: &Model,
    ti: usize,
    ri: usize,
    formula: &Expr,
    compared: &[(usize, Decimal, Decimal)],
) -> Option<crate::diagnostic::Omitted> {
    fn names_rows_only(e: &Expr) -> bool {
        match e {
            Expr::Row(_) => true,
            Expr::Terms(terms, _) => terms.iter().all(|(_, t)| names_rows_only(t)),
            _ => false,
        }
    }
    if !names_rows_only(formula) || compared.iter().all(|(_, declared, computed)| declared == computed) {
        return None;
    }
    let info = &model.tables[ti];
    let table = &info.table;
    let unit = formula::row_unit(table, &table.rows[ri]);
    // The rows this total and the table's other totals add.
    let counted: Vec<usize> = (0..table.rows.len()).flat_map(|t| rows_added(model, ti, t)).collect();
    let mut found = None;
    for (oi, other) in table.rows.iter().enumerate() {
        let addressable = info.rows_by_id.get(&other.id.value) == Some(&oi);
        if oi == ri
            || !addressable
            || counted.contains(&oi)
            || other.cells.len() != table.columns.len()
            || formula::row_unit(table, other) != unit
            || reads_row(model, (ti, oi), (ti, ri))
        {
            continue;
        }
        let fits = compared.iter().all(|&(ci, declared, computed)| {
            let value = match other.cells[ci].value {
                CellValue::Number(v) => v,
                CellValue::Empty | CellValue::NotApplicable => Decimal::ZERO,
                CellValue::Pm { .. } | CellValue::Unreadable | CellValue::Text(_) => return false,
            };
            declared - computed == value
        });
        if fits {
            if found.is_some() {
                return None;
            }
            found = Some(crate::diagnostic::Omitted {
                row: other.id.value.clone(),
                label: other.label.value.clone(),
                span: other.id.span,
                at: Span::new(formula.span().file, formula.span().end, formula.span().end),
            });
        }
    }
    found
}

/// The rows of its own table a row's formula adds.
fn rows_added(model: &Model, ti: usize, ri: usize) -> Vec<usize> {
    formula::rows_added_by(model, ti, ri).into_iter().filter(|(t, _)| *t == ti).map(|(_, r)| r).collect()
}

/// Whether the total row `from` reads the row `row`, directly or through other total rows (so
/// adding `from` to `row`'s formula would make a cycle).
fn reads_row(model: &Model, from: formula::RowRef, row: formula::RowRef) -> bool {
    let mut stack = vec![from];
    let mut seen = HashSet::default();
    while let Some((t, r)) = stack.pop() {
        if (t, r) == row {
            return true;
        }
        if !seen.insert((t, r)) {
            continue;
        }
        if let Some(f) = model.tables.get(t).and_then(|ti| ti.table.rows.get(r)).and_then(|r| r.formula.as_ref()) {
            let mut names = Vec::new();
            row_refs(f, &mut names);
            stack.extend(names.iter().filter_map(|n| formula::find_row(model, t, &n.value)));
        }
    }
    false
}

/// The rows a formula names.
fn row_refs<'e>(expr: &'e Expr, out: &mut Vec<&'e Spanned<String>>) {
    match expr {
        Expr::Row(r) => out.push(r),
        Expr::Cumulative(inner, _) => row_refs(inner, out),
        Expr::Terms(terms, _) => terms.iter().for_each(|(_, t)| row_refs(t, out)),
        // A row's figure in the column before is no cycle: `begin = previous(eind)`.
        Expr::Previous(..) | Expr::Sum(_) | Expr::SumBelow(_) | Expr::Savings(..) | Expr::Costs(..) => {}
    }
}

/// Whether the total column `start` depends on itself through the columns its formula names.
fn column_cycle(table: &Table, start: usize) -> bool {
    let refs = |c: usize| -> Vec<usize> {
        let mut names = Vec::new();
        if let Some(f) = table.columns.get(c).and_then(|c| c.formula.as_ref()) {
            row_refs(f, &mut names);
        }
        names
            .iter()
            .filter_map(|n| {
                table.columns.iter().position(|c| match &c.key {
                    ColumnKey::Named(k) => *k == n.value,
                    ColumnKey::Year(y) => y.to_string() == n.value,
                })
            })
            .filter(|&c| table.columns[c].formula.is_some())
            .collect()
    };
    let mut stack = refs(start);
    let mut seen = HashSet::default();
    while let Some(c) = stack.pop() {
        if c == start {
            return true;
        }
        if seen.insert(c) {
            stack.extend(refs(c));
        }
    }
    false
}

/// The total rows that depend on themselves through the rows their formulas name, each with
/// the first row (in the plan's order) of its cycle. Found once for the whole plan, as the
/// strongly connected components of the rows' references (Tarjan, without recursion), so a
/// chain of thousands of totals costs a pass, not a walk per row.
fn formula_cycles(model: &Model) -> HashMap<formula::RowRef, formula::RowRef> {
    let nodes: Vec<formula::RowRef> = model
        .tables
        .iter()
        .enumerate()
        .flat_map(|(t, ti)| {
            ti.table.rows.iter().enumerate().filter(|(_, r)| r.formula.is_some()).map(move |(r, _)| (t, r))
        })
        .collect();
    let index_of: HashMap<formula::RowRef, usize> = nodes.iter().enumerate().map(|(i, n)| (*n, i)).collect();
    let edges: Vec<Vec<usize>> = nodes
        .iter()
        .map(|&(t, r)| {
            let mut names = Vec::new();
            if let Some(f) = model.tables[t].table.rows[r].formula.as_ref() {
                row_refs(f, &mut names);
            }
            names
                .iter()
                .filter_map(|n| formula::find_row(model, t, &n.value))
                .filter_map(|to| index_of.get(&to).copied())
                .collect()
        })
        .collect();
    // Tarjan's algorithm with an explicit stack of (node, next edge to follow).
    let n = nodes.len();
    let (mut index, mut low, mut on_stack) = (vec![usize::MAX; n], vec![0usize; n], vec![false; n]);
    let (mut counter, mut stack, mut out) = (0usize, Vec::new(), HashMap::default());
    for root in 0..n {
        if index[root] != usize::MAX {
            continue;
        }
        let mut work = vec![(root, 0usize)];
        while let Some(&mut (v, ref mut next)) = work.last_mut() {
            if *next == 0 && index[v] == usize::MAX {
                index[v] = counter;
                low[v] = counter;
                counter += 1;
                stack.push(v);
                on_stack[v] = true;
            }
            if let Some(&w) = edges[v].get(*next) {
                *next += 1;
                if index[w] == usize::MAX {
                    work.push((w, 0));
                } else if on_stack[w] {
                    low[v] = low[v].min(index[w]);
                }
                continue;
            }
            work.pop();
            if let Some(&(parent, _)) = work.last() {
                low[parent] = low[parent].min(low[v]);
            }
            if low[v] == index[v] {
                let mut component = Vec::new();
                while let Some(w) = stack.pop() {
                    on_stack[w] = false;
                    component.push(w);
                    if w == v {
                        break;
                    }
                }
                let cyclic = component.len() > 1 || edges[v].contains(&v);
                if cyclic {
                    let first = component.iter().map(|&i| nodes[i]).min().unwrap_or(nodes[v]);
                    out.extend(component.iter().map(|&i| (nodes[i], first)));
                }
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The one-pass overlap check reports what comparing every pair of lines reports.
    #[test]
    fn overlaps_in_one_pass_match_every_pair() {
        let span = Span::default();
        let mut seed: u64 = 7;
        let mut next = |n: u64| {
            seed = seed.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
            (seed >> 33) % n
        };
        for _ in 0..2000 {
            let effects: Vec<Effect> = (0..next(7))
                .map(|_| {
                    let year = Spanned::new(2021 + next(4) as u16, span);
                    let years = match next(3) {
                        0 => YearSpec::Always,
                        1 => YearSpec::In(year),
                        _ => YearSpec::From(year),
                    };
                    let kind = if next(4) == 0 { EffectKind::Cost } else { EffectKind::Saving };
                    Effect { kind, amount: Spanned::new(Amount::Pm { negative: false }, span), years, span }
                })
                .collect();
            // Every pair, as grip once did: each line against the first earlier one it clashes with.
            let mut expected = Vec::new();
            for kind in [EffectKind::Saving, EffectKind::Cost] {
                let lines: Vec<&Effect> = effects.iter().filter(|e| e.kind == kind).collect();
                for (i, a) in lines.iter().enumerate() {
                    for b in &lines[..i] {
                        let clash = match (a.years, b.years) {
                            (YearSpec::Always, YearSpec::In(y) | YearSpec::From(y))
                            | (YearSpec::In(y) | YearSpec::From(y), YearSpec::Always) => Some(y.value),
                            (YearSpec::Always, YearSpec::Always) => Some(2021),
                            (YearSpec::In(x), YearSpec::In(y)) | (YearSpec::From(x), YearSpec::From(y)) => {
                                (x.value == y.value).then_some(x.value)
                            }
                            (YearSpec::In(x), YearSpec::From(f)) | (YearSpec::From(f), YearSpec::In(x)) => {
                                (x.value >= f.value).then_some(x.value)
                            }
                        };
                        if let Some(year) = clash {
                            expected.push((year, format!("{:?}", a.years), format!("{:?}", b.years)));
                            break;
                        }
                    }
                }
            }
            let model = Model::default();
            let sums = formula::Sums::new(&model);
            let mut checker = Checker::new(&model, &sums);
            checker.period = Some(Period { first: Spanned::new(2021, span), last: Spanned::new(2024, span), span });
            let measure = Measure {
                effects: effects.clone(),
                ..Measure::new(Spanned::new("A".into(), span), Spanned::new("a".into(), span), span)
            };
            checker.overlaps(&measure);
            let found: Vec<u16> = checker
                .out
                .iter()
                .filter_map(|d| match d.problem {
                    Problem::OverlappingYears { year, .. } => Some(year),
                    _ => None,
                })
                .collect();
            assert_eq!(found, expected.iter().map(|e| e.0).collect::<Vec<_>>(), "{expected:?}");
        }
    }
}
