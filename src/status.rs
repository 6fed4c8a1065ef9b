//! Progress after adoption: at each reporting moment, per measure and year, what was planned,
//! realised and is now expected, what remains to be realised (nog te realiseren), the phase and
//! a traffic light. This is the one home of those figures: `grip check` checks them, and
//! `grip status`, the reports and the diff between moments show them. The rules are written out
//! in docs/evaluation.md ("Progress and traffic lights").

use crate::effects::Figure;
use crate::eval::Evaluation;
use crate::lang::Msg;
use crate::resolve::Model;
use crate::syntax::ast::*;
use rust_decimal::Decimal;

/// A traffic light; a worse light compares greater.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Light {
    Green,
    Orange,
    Red,
}

impl Light {
    /// `green`, `orange`, `red`: the key in JSON and CSV, and the class in HTML.
    pub fn key(self) -> &'static str {
        match self {
            Light::Green => "green",
            Light::Orange => "orange",
            Light::Red => "red",
        }
    }

    /// The light's name, in the output language.
    pub fn word(self) -> Msg {
        Msg::id("light").arg("light", self.key())
    }
}

/// Why a measure has its light: the rule of docs/evaluation.md that applied.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Reason {
    DecisionOverdue,
    NotExpected,
    Behind,
    ShouldHaveStarted,
    Realised,
    OnTrack,
    NotReported,
}

impl Reason {
    pub fn key(self) -> &'static str {
        match self {
            Reason::DecisionOverdue => "decision-overdue",
            Reason::NotExpected => "not-expected",
            Reason::Behind => "behind",
            Reason::ShouldHaveStarted => "should-have-started",
            Reason::Realised => "realised",
            Reason::OnTrack => "on-track",
            Reason::NotReported => "not-reported",
        }
    }

    /// The reason in a few words, in the output language.
    pub fn words(self) -> Msg {
        Msg::id("light-reason").arg("reason", self.key())
    }
}

/// Figures per year of the plan's period.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Figures {
    /// The plan's saving (what `grip eval --by measure` shows).
    pub planned: Vec<Figure>,
    /// What was realised (nothing reported counts as nil here; see
    /// [`MeasureStatus::realised_reported`]).
    pub realised: Vec<Figure>,
    /// What is now expected.
    pub expected: Vec<Figure>,
    /// Nog te realiseren: planned minus realised, never below nil.
    pub remaining: Vec<Figure>,
    /// Planned minus expected, never below nil.
    pub shortfall: Vec<Figure>,
    /// Vervangende dekking found for the shortfall.
    pub replacement: Vec<Figure>,
    /// What the progress changes in the balance: expected − planned + replacement.
    pub effect: Vec<Figure>,
}

impl Figures {
    fn zero(n: usize) -> Figures {
        let z = vec![Figure::default(); n];
        Figures {
            planned: z.clone(),
            realised: z.clone(),
            expected: z.clone(),
            remaining: z.clone(),
            shortfall: z.clone(),
            replacement: z.clone(),
            effect: z,
        }
    }

    fn add(&mut self, other: &Figures) {
        let pairs = [
            (&mut self.planned, &other.planned),
            (&mut self.realised, &other.realised),
            (&mut self.expected, &other.expected),
            (&mut self.remaining, &other.remaining),
            (&mut self.shortfall, &other.shortfall),
            (&mut self.replacement, &other.replacement),
            (&mut self.effect, &other.effect),
        ];
        for (mine, theirs) in pairs {
            for (a, b) in mine.iter_mut().zip(theirs) {
                *a += *b;
            }
        }
    }

    /// Shortfall not covered by a replacement in year `i` (known amounts).
    pub fn uncovered(&self, i: usize) -> Decimal {
        self.shortfall[i].known.saturating_sub(self.replacement[i].known)
    }
}

/// A measure at a reporting moment.
#[derive(Debug, Clone, PartialEq)]
pub struct MeasureStatus {
    /// Its index in the plan's measures (and in the evaluation's).
    pub index: usize,
    pub id: String,
    pub title: String,
    pub group: Option<String>,
    /// Its entry in this moment (index into the moment's measures), if the moment reports on it.
    pub entry: Option<usize>,
    /// Whether this moment or one before it reports on it.
    pub reported: bool,
    pub phase: Option<Spanned<u8>>,
    /// The phase at the latest moment before this one that gave one, and that moment's index
    /// in [`Progress::moments`].
    pub previous_phase: Option<(Spanned<u8>, usize)>,
    pub decided: Option<Date>,
    /// This moment's explanation.
    pub explanation: Option<String>,
    /// When it should have started (its start, or its planned decision or first step), as
    /// written, and where.
    pub due: Option<(String, Span)>,
    /// Per year: whether a realised figure was ever reported.
    pub realised_reported: Vec<bool>,
    pub figures: Figures,
    pub light: Option<Light>,
    pub reason: Reason,
    /// A progress figure of this measure grip cannot use (unreadable, or not in euros): its
    /// figures are then unverifiable.
    pub faulty: Option<Span>,
}

/// A group at a reporting moment: the sums over its measures and sub-groups.
#[derive(Debug, Clone, PartialEq)]
pub struct GroupStatus {
    pub id: String,
    pub title: String,
    pub depth: usize,
    pub figures: Figures,
    pub light: Option<Light>,
}

/// Everything grip computes at one reporting moment.
#[derive(Debug, Clone, PartialEq)]
pub struct MomentStatus {
    /// Its index in the model's moments (as read).
    pub index: usize,
    pub name: String,
    pub date: Date,
    pub measures: Vec<MeasureStatus>,
    pub groups: Vec<GroupStatus>,
    /// The sums over all measures of the plan.
    pub total: Figures,
    pub light: Option<Light>,
    /// The plan's balance (expected) plus the effect of the progress; None where the plan's
    /// balance is unknown.
    pub balance: Vec<Option<Figure>>,
}

/// The plan's progress: every reporting moment in the order of their dates.
#[derive(Debug, Clone, PartialEq)]
pub struct Progress {
    pub years: Vec<u16>,
    pub moments: Vec<MomentStatus>,
}

impl Progress {
    /// The latest moment.
    pub fn latest(&self) -> Option<&MomentStatus> {
        self.moments.last()
    }

    /// A moment by its name (exactly, else ignoring case).
    pub fn find(&self, name: &str) -> Option<&MomentStatus> {
        self.moments
            .iter()
            .find(|m| m.name == name)
            .or_else(|| self.moments.iter().find(|m| m.name.to_lowercase() == name.to_lowercase()))
    }
}

/// A date as a key to compare: a date given to the month stands for `day` of it.
fn key(d: &Date, day: u8) -> (u16, u8, u8) {
    (d.year, d.month, d.day.unwrap_or(day))
}

/// The last day a planned moment (`2021`, `2021-Q2`, `2021-06`) covers.
fn when_end(w: &When) -> (u16, u8, u8) {
    match w {
        When::Year(y) => (*y, 12, 31),
        When::Quarter(y, q) => (*y, q.saturating_mul(3), 31),
        When::Date(d) => key(d, 31),
    }
}

/// The moment's date as a key: a month stands for its last day (the report covers the month).
pub fn moment_key(d: &Date) -> (u16, u8, u8) {
    key(d, 31)
}

/// The order of the moments by date (ties in the order read).
pub fn date_order(model: &Model) -> Vec<usize> {
    let mut order: Vec<usize> = (0..model.moments.len()).collect();
    order.sort_by_key(|&i| moment_key(&model.moments[i].date.value));
    order
}

/// A progress amount as a figure, or None when grip cannot use it.
fn figure(a: &Amount) -> Option<Figure> {
    match a {
        Amount::Known(q) if q.unit == Unit::Euro => Some(Figure::known(q.value)),
        Amount::Pm { negative } => Some(Figure::pm_signed(*negative)),
        _ => None,
    }
}

/// The year indices a line applies to: `in Y`, `from Y` (to the end of the period), or the
/// moment's year.
pub fn indices(years: &[u16], spec: YearSpec, moment_year: u16) -> Vec<usize> {
    let at = |y: u16| years.iter().position(|&x| x == y);
    match spec {
        YearSpec::In(y) => at(y.value).into_iter().collect(),
        YearSpec::From(y) => (0..years.len()).filter(|&i| years[i] >= y.value).collect(),
        YearSpec::Always => at(moment_year).into_iter().collect(),
    }
}

/// What a measure carries from moment to moment.
#[derive(Clone, Default)]
struct State {
    realised: Vec<Option<Figure>>,
    expected: Vec<Option<Figure>>,
    phase: Option<(Spanned<u8>, usize)>,
    decided: Option<Date>,
    reported: bool,
    faulty: Option<Span>,
}

/// When a measure should have started: its start date or the planned moment of its decision
/// or first step, whichever is earlier, as a key, as written, and where.
fn due(m: &Measure) -> Option<((u16, u8, u8), String, Span)> {
    let start = m.start.as_ref().map(|s| (key(&s.value, 1), s.value.to_string(), s.span));
    let planned =
        m.decision.as_ref().and_then(|d| d.planned.as_ref()).map(|p| (when_end(&p.value), p.value.to_string(), p.span));
    match (start, planned) {
        (Some(a), Some(b)) => Some(if b.0 < a.0 { b } else { a }),
        (a, b) => a.or(b),
    }
}

/// Computes every reporting moment of the plan.
pub fn progress(model: &Model, evaluation: &Evaluation) -> Progress {
    let years = evaluation.years.clone();
    let n = years.len();
    let order = date_order(model);
    let mut states: Vec<State> =
        vec![State { realised: vec![None; n], expected: vec![None; n], ..State::default() }; model.measures.len()];
    let mut moments = Vec::with_capacity(order.len());
    for (pos, &mi) in order.iter().enumerate() {
        let moment = &model.moments[mi];
        let moment_year = moment.date.value.year;
        let moment_at = moment_key(&moment.date.value);
        // This moment's entry per measure (the first, when a measure is reported twice).
        let mut entries: Vec<Option<usize>> = vec![None; model.measures.len()];
        for (e, entry) in moment.measures.iter().enumerate() {
            if let Some(&m) = model.measure_by_id.get(&entry.id.value) {
                if entries[m].is_none() {
                    entries[m] = Some(e);
                }
            }
        }
        let mut measures = Vec::with_capacity(model.measures.len());
        for (m, info) in model.measures.iter().enumerate() {
            let state = &mut states[m];
            let previous_phase = state.phase;
            let mut replacement = vec![Figure::default(); n];
            let mut explanation = None;
            if let Some(e) = entries[m] {
                let entry = &moment.measures[e];
                state.reported = true;
                if let Some(p) = &entry.phase {
                    state.phase = Some((*p, pos));
                }
                if let Some(d) = &entry.decided {
                    state.decided = Some(d.value);
                }
                for (lines, slots) in [(&entry.realised, &mut state.realised), (&entry.expected, &mut state.expected)] {
                    for line in lines {
                        match figure(&line.amount.value) {
                            Some(f) => {
                                for i in indices(&years, line.years, moment_year) {
                                    slots[i] = Some(f);
                                }
                            }
                            None => state.faulty = state.faulty.or(Some(line.amount.span)),
                        }
                    }
                }
                for r in &entry.replacements {
                    match figure(&r.amount.value) {
                        Some(f) => {
                            for i in indices(&years, r.years, moment_year) {
                                replacement[i] += f;
                            }
                        }
                        None => state.faulty = state.faulty.or(Some(r.amount.span)),
                    }
                }
                explanation = entry.explanation.as_ref().map(|x| x.value.clone());
            }
            let planned: Vec<Figure> = match evaluation.measures.get(m) {
                Some(me) if me.id == info.measure.id.value => me.savings.iter().map(|s| s.expected).collect(),
                _ => vec![Figure::default(); n],
            };
            let mut f = Figures::zero(n);
            for i in 0..n {
                let p = planned[i];
                f.planned[i] = p;
                let realised = state.realised[i];
                f.realised[i] = realised.unwrap_or_default();
                let (expected, as_planned) = match (state.expected[i], realised) {
                    (Some(x), _) => (x, false),
                    (None, Some(r)) if years[i] < moment_year => (r, false),
                    _ => (p, true),
                };
                f.expected[i] = expected;
                f.remaining[i] = match realised {
                    Some(r) => floor(p - r),
                    None => p,
                };
                f.shortfall[i] = if as_planned { Figure::default() } else { floor(p - expected) };
                f.replacement[i] = replacement[i];
                f.effect[i] = if as_planned { replacement[i] } else { expected - p + replacement[i] };
            }
            let phase = state.phase.map(|(p, _)| p);
            let measure_due = due(&info.measure);
            let decision_overdue = info
                .measure
                .decision
                .as_ref()
                .is_some_and(|d| d.needed && d.planned.as_ref().is_some_and(|p| when_end(&p.value) < moment_at))
                && state.decided.is_none()
                && phase.as_ref().map(|p| p.value).unwrap_or(0) < 2;
            let last = n.checked_sub(1);
            let behind = (0..n).any(|i| {
                (Some(i) != last && f.uncovered(i) > Decimal::ZERO)
                    || (years[i] < moment_year
                        && state.realised[i].is_some_and(|r| r.known < f.planned[i].known)
                        && f.uncovered(i) > Decimal::ZERO)
            });
            let (light, reason) = if decision_overdue {
                (Some(Light::Red), Reason::DecisionOverdue)
            } else if last.is_some_and(|l| f.uncovered(l) > Decimal::ZERO) {
                (Some(Light::Red), Reason::NotExpected)
            } else if behind {
                (Some(Light::Orange), Reason::Behind)
            } else if !state.reported && measure_due.as_ref().is_some_and(|(k, _, _)| *k < moment_at) {
                (Some(Light::Orange), Reason::ShouldHaveStarted)
            } else if !state.reported {
                (None, Reason::NotReported)
            } else if phase.as_ref().is_some_and(|p| p.value == 3) {
                (Some(Light::Green), Reason::Realised)
            } else {
                (Some(Light::Green), Reason::OnTrack)
            };
            measures.push(MeasureStatus {
                index: m,
                id: info.measure.id.value.clone(),
                title: info.measure.title.value.clone(),
                group: info.group.and_then(|g| model.groups.get(g)).map(|g| g.id.value.clone()),
                entry: entries[m],
                reported: state.reported,
                phase,
                previous_phase: previous_phase.filter(|_| entries[m].is_some()),
                decided: state.decided,
                explanation,
                due: measure_due.map(|(_, text, span)| (text, span)),
                realised_reported: state.realised.iter().map(Option::is_some).collect(),
                figures: f,
                light,
                reason,
                faulty: state.faulty,
            });
        }
        let groups = (0..model.groups.len())
            .map(|g| {
                let info = &model.groups[g];
                let mut figures = Figures::zero(n);
                let mut light = None;
                for m in model.measures_in(g) {
                    figures.add(&measures[m].figures);
                    light = light.max(measures[m].light);
                }
                let mut depth = 0;
                let mut parent = info.parent;
                while let Some(p) = parent {
                    depth += 1;
                    parent = model.groups.get(p).and_then(|g| g.parent);
                }
                GroupStatus { id: info.id.value.clone(), title: info.title.value.clone(), depth, figures, light }
            })
            .collect();
        let mut total = Figures::zero(n);
        for m in &measures {
            total.add(&m.figures);
        }
        let light = measures.iter().filter_map(|m| m.light).max();
        let balance = (0..n)
            .map(|i| evaluation.balance.get(i).copied().flatten().map(|b| b.expected + total.effect[i]))
            .collect();
        moments.push(MomentStatus {
            index: mi,
            name: moment.name.value.clone(),
            date: moment.date.value,
            measures,
            groups,
            total,
            light,
            balance,
        });
    }
    Progress { years, moments }
}

/// A difference that cannot go below nil: what is left, or short.
fn floor(f: Figure) -> Figure {
    if f.pm == 0 && f.known < Decimal::ZERO {
        Figure::default()
    } else {
        f
    }
}

/// What moved for one measure between two moments.
#[derive(Debug, Clone, PartialEq)]
pub struct Change {
    pub id: String,
    pub title: String,
    pub before: Option<Light>,
    pub after: Option<Light>,
    pub phase_before: Option<u8>,
    pub phase_after: Option<u8>,
    /// Per year that changed: the year, realised before and after (None: not reported).
    pub realised: Vec<(u16, Option<Figure>, Option<Figure>)>,
    /// Per year that changed: the year, expected before and after.
    pub expected: Vec<(u16, Figure, Figure)>,
}

/// What moved between two moments of one plan: per measure whose light, phase, realised or
/// expected figures differ.
pub fn changes(years: &[u16], old: &MomentStatus, new: &MomentStatus) -> Vec<Change> {
    let mut out = Vec::new();
    for (a, b) in old.measures.iter().zip(&new.measures) {
        let differ = |x: &[Figure], y: &[Figure]| -> Vec<(u16, Figure, Figure)> {
            (0..years.len()).filter(|&i| x[i] != y[i]).map(|i| (years[i], x[i], y[i])).collect()
        };
        let reported = |m: &MeasureStatus, i: usize| m.realised_reported[i].then_some(m.figures.realised[i]);
        let realised: Vec<(u16, Option<Figure>, Option<Figure>)> =
            (0..years.len()).map(|i| (years[i], reported(a, i), reported(b, i))).filter(|(_, x, y)| x != y).collect();
        let expected = differ(&a.figures.expected, &b.figures.expected);
        let phase_before = a.phase.as_ref().map(|p| p.value);
        let phase_after = b.phase.as_ref().map(|p| p.value);
        if a.light != b.light || phase_before != phase_after || !realised.is_empty() || !expected.is_empty() {
            out.push(Change {
                id: b.id.clone(),
                title: b.title.clone(),
                before: a.light,
                after: b.light,
                phase_before,
                phase_after,
                realised,
                expected,
            });
        }
    }
    out
}

/// A moment as JSON (see docs/json.md): per year the plan's figures, per group and measure
/// the same with the phase and the light; `since`, what moved since an earlier moment.
pub fn to_json(
    progress: &Progress,
    moment: &MomentStatus,
    since: Option<&MomentStatus>,
    lang: crate::lang::Lang,
) -> String {
    use crate::eval::{fig, JFigure};
    use serde::Serialize;
    #[derive(Serialize)]
    struct JFigures {
        year: u16,
        planned: JFigure,
        realised: JFigure,
        expected: JFigure,
        remaining: JFigure,
        shortfall: JFigure,
        replacement: JFigure,
        effect: JFigure,
    }
    #[derive(Serialize)]
    struct JMeasure {
        id: String,
        title: String,
        group: Option<String>,
        reported: bool,
        phase: Option<u8>,
        decided: Option<String>,
        explanation: Option<String>,
        light: Option<&'static str>,
        reason: &'static str,
        reason_text: String,
        years: Vec<JFigures>,
    }
    #[derive(Serialize)]
    struct JGroup {
        id: String,
        title: String,
        depth: usize,
        light: Option<&'static str>,
        years: Vec<JFigures>,
    }
    #[derive(Serialize)]
    struct JChange {
        id: String,
        light_before: Option<&'static str>,
        light_after: Option<&'static str>,
        phase_before: Option<u8>,
        phase_after: Option<u8>,
        realised: Vec<JMoved>,
        expected: Vec<JMoved>,
    }
    #[derive(Serialize)]
    struct JMoved {
        year: u16,
        before: Option<JFigure>,
        after: Option<JFigure>,
    }
    #[derive(Serialize)]
    struct JMoment {
        name: String,
        date: String,
    }
    #[derive(Serialize)]
    struct JStatus {
        version: u32,
        moment: String,
        date: String,
        moments: Vec<JMoment>,
        light: Option<&'static str>,
        years: Vec<JFigures>,
        balance: Vec<Option<JFigure>>,
        groups: Vec<JGroup>,
        measures: Vec<JMeasure>,
        #[serde(skip_serializing_if = "Option::is_none")]
        since: Option<String>,
        #[serde(skip_serializing_if = "Option::is_none")]
        changes: Option<Vec<JChange>>,
    }
    let years = &progress.years;
    let per_year = |f: &Figures| -> Vec<JFigures> {
        (0..years.len())
            .map(|i| JFigures {
                year: years[i],
                planned: fig(f.planned[i]),
                realised: fig(f.realised[i]),
                expected: fig(f.expected[i]),
                remaining: fig(f.remaining[i]),
                shortfall: fig(f.shortfall[i]),
                replacement: fig(f.replacement[i]),
                effect: fig(f.effect[i]),
            })
            .collect()
    };
    let moved =
        |(year, a, b): &(u16, Figure, Figure)| JMoved { year: *year, before: Some(fig(*a)), after: Some(fig(*b)) };
    let moved_opt = |(year, a, b): &(u16, Option<Figure>, Option<Figure>)| JMoved {
        year: *year,
        before: a.map(fig),
        after: b.map(fig),
    };
    let doc = JStatus {
        version: 1,
        moment: moment.name.clone(),
        date: moment.date.to_string(),
        moments: progress.moments.iter().map(|m| JMoment { name: m.name.clone(), date: m.date.to_string() }).collect(),
        light: moment.light.map(Light::key),
        years: per_year(&moment.total),
        balance: moment.balance.iter().map(|b| b.map(fig)).collect(),
        groups: moment
            .groups
            .iter()
            .map(|g| JGroup {
                id: g.id.clone(),
                title: g.title.clone(),
                depth: g.depth,
                light: g.light.map(Light::key),
                years: per_year(&g.figures),
            })
            .collect(),
        measures: moment
            .measures
            .iter()
            .map(|m| JMeasure {
                id: m.id.clone(),
                title: m.title.clone(),
                group: m.group.clone(),
                reported: m.reported,
                phase: m.phase.as_ref().map(|p| p.value),
                decided: m.decided.map(|d| d.to_string()),
                explanation: m.explanation.clone(),
                light: m.light.map(Light::key),
                reason: m.reason.key(),
                reason_text: m.reason.words().render(lang),
                years: per_year(&m.figures),
            })
            .collect(),
        since: since.map(|s| s.name.clone()),
        changes: since.map(|s| {
            changes(years, s, moment)
                .iter()
                .map(|c| JChange {
                    id: c.id.clone(),
                    light_before: c.before.map(Light::key),
                    light_after: c.after.map(Light::key),
                    phase_before: c.phase_before,
                    phase_after: c.phase_after,
                    realised: c.realised.iter().map(moved_opt).collect(),
                    expected: c.expected.iter().map(moved).collect(),
                })
                .collect()
        }),
    };
    // Serializing plain structs of strings and numbers cannot fail.
    serde_json::to_string_pretty(&doc).unwrap_or_default()
}
