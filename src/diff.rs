//! `grip diff`: two versions of a plan compared by meaning, not by text. What changed in the
//! measures (added, removed, renamed, changed figures and metadata), in targets and declared
//! totals, and what that does to the evaluated figures: savings, costs and balance per year and
//! the coverage of every target, before → after with the difference.

use crate::api::Checked;
use crate::diagnostic::Severity;
use crate::effects;
use crate::eval::{evaluate, Evaluation, TargetEval, Verdict};
use crate::lang::{Lang, Msg};
use crate::resolve::Model;
use crate::syntax::ast::*;
use crate::syntax::number::format_dutch;
use rust_decimal::Decimal;
use serde::Serialize;

/// One changed fact: what, before, after (as people read them).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Change {
    pub what: String,
    pub before: String,
    pub after: String,
    /// For amounts: after − before, as a plain decimal string.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub delta: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct MeasureDiff {
    pub id: String,
    pub title: String,
    /// `added`, `removed` or `changed`.
    pub status: &'static str,
    pub changes: Vec<Change>,
}

/// A figure per year, before and after.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct YearFigure {
    pub what: String,
    pub year: u16,
    pub before: Option<String>,
    pub after: Option<String>,
    pub delta: Option<String>,
}

/// A problem `grip check` reports in one version and not in the other.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ProblemChange {
    /// `new` (only in the new version) or `gone` (only in the old one).
    pub change: &'static str,
    pub severity: &'static str,
    pub code: String,
    pub message: String,
}

#[derive(Debug, Clone, PartialEq, Default, Serialize)]
pub struct PlanDiff {
    pub measures: Vec<MeasureDiff>,
    /// Targets, declared totals, header and tables.
    pub plan: Vec<Change>,
    /// Evaluated figures that changed.
    pub figures: Vec<YearFigure>,
    /// Every target whose coverage changed, one per group and year.
    pub targets: Vec<Change>,
    /// Problems that appear or disappear.
    pub problems: Vec<ProblemChange>,
    /// Reporting moments added, removed or changed in the progress files, and what moved in
    /// them: lights, phases, realised and expected figures per measure.
    pub progress: Vec<Change>,
}

impl PlanDiff {
    pub fn is_empty(&self) -> bool {
        self.measures.is_empty()
            && self.plan.is_empty()
            && self.figures.is_empty()
            && self.targets.is_empty()
            && self.problems.is_empty()
            && self.progress.is_empty()
    }
}

use crate::sheet::eur;

fn signed_eur(d: Decimal) -> String {
    if d > Decimal::ZERO {
        format!("+{}", eur(d))
    } else {
        eur(d)
    }
}

fn amount_text(a: &Amount, lang: Lang) -> String {
    crate::fmt::amount(a, lang)
}

/// A word of the diff in its language.
fn t(lang: Lang, id: &'static str) -> String {
    Msg::id(id).render(lang)
}

fn figure_text(f: effects::Figure) -> String {
    crate::sheet::eur_figure(&f)
}

fn change(what: impl Into<String>, before: String, after: String) -> Option<Change> {
    (before != after).then(|| Change { what: what.into(), before, after, delta: None })
}

fn opt_text<T: std::fmt::Display>(v: Option<T>, lang: Lang) -> String {
    v.map(|v| v.to_string()).unwrap_or_else(|| t(lang, "diff-none"))
}

/// The years both versions have in common with either period, in order.
fn union_years(a: &Evaluation, b: &Evaluation) -> Vec<u16> {
    let mut years: Vec<u16> = a.years.iter().chain(b.years.iter()).copied().collect();
    years.sort_unstable();
    years.dedup();
    years
}

fn measure_facts(m: &Measure, lang: Lang) -> Vec<(String, String)> {
    let none = || t(lang, "diff-none");
    let fact = |id: &'static str| t(lang, id);
    let mut facts = vec![
        (fact("diff-fact-budget"), m.budget.as_ref().map(|b| amount_text(&b.value, lang)).unwrap_or_else(none)),
        (fact("diff-fact-owner"), opt_text(m.owner.as_ref().map(|o| format!("\"{}\"", o.value)), lang)),
        (fact("diff-fact-start"), opt_text(m.start.as_ref().map(|d| d.value), lang)),
        (fact("diff-fact-end"), opt_text(m.end.as_ref().map(|d| d.value), lang)),
        (fact("diff-fact-status"), opt_text(m.status.as_ref().map(|s| format!("\"{}\"", s.value)), lang)),
        (fact("diff-fact-category"), opt_text(m.category.as_ref().map(|c| c.value.clone()), lang)),
        (
            fact("diff-fact-decision"),
            opt_text(
                m.decision.as_ref().map(|d| {
                    let mut text =
                        t(lang, if d.needed { "report-decision-needed" } else { "report-decision-not-needed" });
                    if let Some(f) = &d.forum {
                        text.push_str(&format!(", \"{}\"", f.value));
                    }
                    if let Some(p) = &d.planned {
                        text.push_str(&format!(", {}", p.value));
                    }
                    text
                }),
                lang,
            ),
        ),
        (
            fact("diff-fact-share"),
            opt_text(m.shares.first().map(|s| format!("{}%", format_dutch(s.percent.value))), lang),
        ),
        (
            fact("diff-fact-range"),
            opt_text(
                m.range
                    .as_ref()
                    .map(|r| format!("{} .. {}", amount_text(&r.low.value, lang), amount_text(&r.high.value, lang))),
                lang,
            ),
        ),
        (fact("diff-fact-taakveld"), m.taakvelden.iter().map(|t| t.value.clone()).collect::<Vec<_>>().join(", ")),
        (fact("diff-fact-related"), m.related.iter().map(|t| t.value.clone()).collect::<Vec<_>>().join(", ")),
    ];
    for f in facts.iter_mut() {
        if f.1.is_empty() {
            f.1 = none();
        }
    }
    facts
}

/// Compares two checked versions of a plan. Every figure comes from each version's one
/// evaluation (`eval::evaluate`); facts that are not figures (metadata, declared totals as
/// printed, table cells) come from the models; problems from each version's `grip check`.
pub fn diff(old: &Checked, new: &Checked, lang: Lang) -> PlanDiff {
    let (eo, en) = (evaluate(&old.model), evaluate(&new.model));
    let years = union_years(&eo, &en);
    let mut out = PlanDiff::default();
    let at = |e: &Evaluation, y: u16| e.years.iter().position(|x| *x == y);

    // Measures, by id: their figures per year (from the evaluations), their group, their facts.
    let figure_at = |e: &Evaluation, m: &crate::eval::MeasureEval, kind: EffectKind, y: u16| {
        at(e, y).map(|i| if kind == EffectKind::Saving { m.savings[i].expected } else { m.costs[i] })
    };
    let saving_at = |e: &Evaluation, m: &crate::eval::MeasureEval, y: u16| figure_at(e, m, EffectKind::Saving, y);
    for (mi, m) in en.measures.iter().enumerate() {
        let facts_new = measure_facts(&new.model.measures[mi].measure, lang);
        match eo.measures.iter().position(|o| o.id == m.id) {
            None => {
                let mut changes = Vec::new();
                for &y in &years {
                    let f = saving_at(&en, m, y).unwrap_or_default();
                    if f != effects::Figure::default() {
                        changes.push(Change {
                            what: Msg::id("diff-effect-year").arg("kind", "saving").arg("year", y).render(lang),
                            before: "—".into(),
                            after: figure_text(f),
                            delta: Some(f.known.normalize().to_string()),
                        });
                    }
                }
                if let Some(g) = &m.group {
                    changes.push(Change {
                        what: t(lang, "diff-group"),
                        before: "—".into(),
                        after: g.clone(),
                        delta: None,
                    });
                }
                out.measures.push(MeasureDiff { id: m.id.clone(), title: m.title.clone(), status: "added", changes });
            }
            Some(oi) => {
                let before = &eo.measures[oi];
                let mut changes = Vec::new();
                if before.title != m.title {
                    changes.push(Change {
                        what: t(lang, "diff-renamed"),
                        before: format!("\"{}\"", before.title),
                        after: format!("\"{}\"", m.title),
                        delta: None,
                    });
                }
                changes.extend(change(
                    t(lang, "diff-group"),
                    opt_text(before.group.clone(), lang),
                    opt_text(m.group.clone(), lang),
                ));
                for kind in [EffectKind::Saving, EffectKind::Cost] {
                    for &y in &years {
                        let a = figure_at(&eo, before, kind, y).unwrap_or_default();
                        let b = figure_at(&en, m, kind, y).unwrap_or_default();
                        if a != b {
                            changes.push(Change {
                                what: Msg::id("diff-effect-year").arg("kind", kind.word()).arg("year", y).render(lang),
                                before: figure_text(a),
                                after: figure_text(b),
                                delta: (a.pm == b.pm).then(|| (b.known - a.known).normalize().to_string()),
                            });
                        }
                    }
                }
                let facts_old = measure_facts(&old.model.measures[oi].measure, lang);
                for ((what, a), (_, b)) in facts_old.into_iter().zip(facts_new) {
                    changes.extend(change(what, a, b));
                }
                if !changes.is_empty() {
                    out.measures.push(MeasureDiff {
                        id: m.id.clone(),
                        title: m.title.clone(),
                        status: "changed",
                        changes,
                    });
                }
            }
        }
    }
    for m in eo.measures.iter().filter(|m| !en.measures.iter().any(|n| n.id == m.id)) {
        let changes = years
            .iter()
            .filter_map(|&y| {
                let f = saving_at(&eo, m, y).unwrap_or_default();
                (f != effects::Figure::default()).then(|| Change {
                    what: Msg::id("diff-effect-year").arg("kind", "saving").arg("year", y).render(lang),
                    before: figure_text(f),
                    after: "—".into(),
                    delta: Some((-f.known).normalize().to_string()),
                })
            })
            .collect();
        out.measures.push(MeasureDiff { id: m.id.clone(), title: m.title.clone(), status: "removed", changes });
    }

    // Header, groups (targets and declared totals as written), tables (printed figures).
    let (old_m, new_m) = (&old.model, &new.model);
    let header = |m: &Model| -> Vec<(String, String)> {
        let h = m.header.as_ref();
        vec![
            (t(lang, "diff-plan-title"), opt_text(h.map(|h| format!("\"{}\"", h.title.value)), lang)),
            (
                t(lang, "diff-period"),
                opt_text(m.period().map(|p| format!("{}..{}", p.first.value, p.last.value)), lang),
            ),
            (
                t(lang, "diff-tolerance"),
                h.map(|h| {
                    h.tolerances.iter().map(|t| crate::fmt::quantity(&t.value, lang)).collect::<Vec<_>>().join(", ")
                })
                .unwrap_or_default(),
            ),
        ]
    };
    for ((what, a), (_, b)) in header(old_m).into_iter().zip(header(new_m)) {
        out.plan.extend(change(what, a, b));
    }
    let group_facts = |m: &Model, g: usize| -> Vec<(String, String)> {
        let info = &m.groups[g];
        vec![
            (
                Msg::id("diff-group-targets").arg("id", &info.id.value).render(lang),
                info.targets
                    .iter()
                    .map(|t| format!("{} ({})", amount_text(&t.amount.value, lang), t.year.value))
                    .collect::<Vec<_>>()
                    .join(", "),
            ),
            (
                Msg::id("diff-group-total").arg("id", &info.id.value).render(lang),
                info.totals.iter().map(|t| declared_text(t, lang)).collect::<Vec<_>>().join("; "),
            ),
        ]
    };
    for (gi, g) in new_m.groups.iter().enumerate() {
        let after = group_facts(new_m, gi);
        match old_m.group_by_id.get(&g.id.value).map(|&o| group_facts(old_m, o)) {
            Some(before) => {
                for ((what, a), (_, b)) in before.into_iter().zip(after) {
                    out.plan.extend(change(what, none_if_empty(a, lang), none_if_empty(b, lang)));
                }
            }
            None => out.plan.push(Change {
                what: Msg::id("subject-group").arg("id", &g.id.value).arg("title", &g.title.value).render(lang),
                before: "—".into(),
                after: t(lang, "diff-added"),
                delta: None,
            }),
        }
    }
    for g in old_m.groups.iter().filter(|g| !new_m.group_by_id.contains_key(&g.id.value)) {
        out.plan.push(Change {
            what: Msg::id("subject-group").arg("id", &g.id.value).arg("title", &g.title.value).render(lang),
            before: t(lang, "diff-present"),
            after: t(lang, "diff-removed"),
            delta: None,
        });
    }
    let totals_text = |m: &Model| m.totals.iter().map(|t| declared_text(t, lang)).collect::<Vec<_>>().join("; ");
    out.plan.extend(change(
        t(lang, "diff-plan-total"),
        none_if_empty(totals_text(old_m), lang),
        none_if_empty(totals_text(new_m), lang),
    ));
    for t in &new_m.tables {
        let Some(&o) = old_m.table_by_id.get(&t.table.id.value) else {
            out.plan.push(Change {
                what: Msg::id("subject-table").arg("id", &t.table.id.value).render(lang),
                before: "—".into(),
                after: Msg::id("diff-added").render(lang),
                delta: None,
            });
            continue;
        };
        let before = &old_m.tables[o].table;
        for row in &t.table.rows {
            let Some(brow) = before.rows.iter().find(|r| r.id.value == row.id.value) else {
                out.plan.push(Change {
                    what: Msg::id("diff-table-row")
                        .arg("table", &t.table.id.value)
                        .arg("row", &row.id.value)
                        .render(lang),
                    before: "—".into(),
                    after: Msg::id("diff-added").render(lang),
                    delta: None,
                });
                continue;
            };
            for (ci, col) in t.table.columns.iter().enumerate() {
                let Some(bci) = crate::formula::matching_column(before, col) else { continue };
                let (a, b) = (brow.cells.get(bci).map(cell_text), row.cells.get(ci).map(cell_text));
                if a != b {
                    out.plan.push(Change {
                        what: Msg::id("diff-table-cell")
                            .arg("table", &t.table.id.value)
                            .arg("label", &row.label.value)
                            .arg("column", col.title())
                            .render(lang),
                        before: a.unwrap_or_default(),
                        after: b.unwrap_or_default(),
                        delta: None,
                    });
                }
            }
        }
    }
    for t in old_m.tables.iter().filter(|t| !new_m.table_by_id.contains_key(&t.table.id.value)) {
        out.plan.push(Change {
            what: Msg::id("subject-table").arg("id", &t.table.id.value).render(lang),
            before: Msg::id("diff-present").render(lang),
            after: Msg::id("diff-removed").render(lang),
            delta: None,
        });
    }

    // Evaluated figures per year.
    let mut push_figure = |what: &'static str, y: u16, a: Option<effects::Figure>, b: Option<effects::Figure>| {
        if a == b {
            return;
        }
        let delta = match (a, b) {
            (Some(a), Some(b)) if a.pm == b.pm => Some((b.known - a.known).normalize().to_string()),
            _ => None,
        };
        out.figures.push(YearFigure {
            what: Msg::id("diff-figure").arg("what", what).render(lang),
            year: y,
            before: a.map(figure_text),
            after: b.map(figure_text),
            delta,
        });
    };
    for &y in &years {
        let (ia, ib) = (at(&eo, y), at(&en, y));
        push_figure("savings", y, ia.map(|i| eo.savings[i].expected), ib.map(|i| en.savings[i].expected));
        push_figure("costs", y, ia.map(|i| eo.costs[i]), ib.map(|i| en.costs[i]));
        let bal = |e: &Evaluation, i: Option<usize>| i.and_then(|i| e.balance[i]).map(|b| b.expected);
        push_figure("balance", y, bal(&eo, ia), bal(&en, ib));
    }

    // Every target of every group, year by year: how far it is reached, before → after.
    let describe = |t: &TargetEval| {
        let verdict = match t.verdict {
            Verdict::Met => "met",
            Verdict::NotMet => "short",
            Verdict::Unverifiable => "unverifiable",
        };
        Msg::id("diff-target-state")
            .arg("reached", figure_text(t.reached))
            .arg("target", eur(t.amount))
            .arg("verdict", verdict)
            .arg("shortfall", eur(t.shortfall()))
            .render(lang)
    };
    let mut keys: Vec<(String, String, u16)> = Vec::new();
    for g in en.groups.iter().chain(&eo.groups) {
        for t in &g.targets {
            if !keys.iter().any(|k| k.0 == g.id && k.2 == t.year) {
                keys.push((g.id.clone(), g.title.clone(), t.year));
            }
        }
    }
    let target = |e: &Evaluation, id: &str, year: u16| -> Option<TargetEval> {
        e.groups.iter().find(|g| g.id == id)?.targets.iter().find(|t| t.year == year).copied()
    };
    for (id, title, year) in keys {
        let (was, now) = (target(&eo, &id, year), target(&en, &id, year));
        if was == now {
            continue;
        }
        let delta = match (was, now) {
            (Some(w), Some(n)) if w.reached.pm == 0 && n.reached.pm == 0 => {
                Some((n.reached.known - w.reached.known).normalize().to_string())
            }
            _ => None,
        };
        out.targets.push(Change {
            what: Msg::id("diff-target-of").arg("id", id).arg("title", title).arg("year", year).render(lang),
            before: was.map(|t| describe(&t)).unwrap_or_else(|| "—".into()),
            after: now.map(|t| describe(&t)).unwrap_or_else(|| "—".into()),
            delta,
        });
    }

    // Problems grip check finds in one version and not in the other, by what they say.
    let said = |c: &Checked| -> Vec<(Severity, String, String)> {
        c.diagnostics.iter().map(|d| (d.severity(), d.code().to_string(), d.message_in(lang))).collect()
    };
    let (before, after) = (said(old), said(new));
    let missing = |from: &[(Severity, String, String)], other: &[(Severity, String, String)]| {
        let mut rest = other.to_vec();
        let mut out = Vec::new();
        for d in from {
            match rest.iter().position(|o| o == d) {
                Some(i) => {
                    rest.swap_remove(i);
                }
                None => out.push(d.clone()),
            }
        }
        out
    };
    for (severity, code, message) in missing(&after, &before) {
        out.problems.push(ProblemChange { change: "new", severity: severity.word(), code, message });
    }
    for (severity, code, message) in missing(&before, &after) {
        out.problems.push(ProblemChange { change: "gone", severity: severity.word(), code, message });
    }
    out.progress = progress(old, new, &eo, &en, lang);
    out
}

/// What changed in the reporting moments: a moment added (with what moved since the moment
/// before it) or removed, and edits to a moment both versions have.
fn progress(old: &Checked, new: &Checked, eo: &Evaluation, en: &Evaluation, lang: Lang) -> Vec<Change> {
    use crate::status::{self, Light};
    let (po, pn) = (status::progress(&old.model, eo), status::progress(&new.model, en));
    let mut out = Vec::new();
    let light = |l: Option<Light>| l.map(|l| l.word().render(lang)).unwrap_or_else(|| "—".into());
    let phase = |p: Option<u8>| p.map(|p| p.to_string()).unwrap_or_else(|| "—".into());
    let moved = |out: &mut Vec<Change>, moment: &str, changes: Vec<status::Change>| {
        for c in changes {
            let what = |id: &'static str| {
                Msg::id("diff-progress-of")
                    .arg("moment", moment)
                    .arg("id", c.id.as_str())
                    .arg("what", Msg::id(id))
                    .render(lang)
            };
            out.extend(change(what("diff-progress-light"), light(c.before), light(c.after)));
            out.extend(change(what("diff-progress-phase"), phase(c.phase_before), phase(c.phase_after)));
            for (y, a, b) in &c.realised {
                let shown = |f: &Option<effects::Figure>| f.map(figure_text).unwrap_or_else(|| "—".into());
                out.extend(change(format!("{} {y}", what("diff-progress-realised")), shown(a), shown(b)));
            }
            for (y, a, b) in &c.expected {
                out.extend(change(format!("{} {y}", what("diff-progress-expected")), figure_text(*a), figure_text(*b)));
            }
        }
    };
    for (k, m) in pn.moments.iter().enumerate() {
        match po.moments.iter().find(|o| o.name == m.name) {
            Some(o) if po.years == pn.years => moved(&mut out, &m.name, status::changes(&pn.years, o, m)),
            Some(_) => {}
            None => {
                let what = Msg::id("diff-progress-moment").arg("moment", m.name.as_str()).render(lang);
                out.extend(change(what, "—".into(), format!("{} ({})", t(lang, "diff-added"), m.date)));
                if let Some(before) = k.checked_sub(1).and_then(|b| pn.moments.get(b)) {
                    moved(&mut out, &m.name, status::changes(&pn.years, before, m));
                }
            }
        }
    }
    for o in &po.moments {
        if !pn.moments.iter().any(|m| m.name == o.name) {
            let what = Msg::id("diff-progress-moment").arg("moment", o.name.as_str()).render(lang);
            out.extend(change(what, o.date.to_string(), t(lang, "diff-removed")));
        }
    }
    out
}

fn none_if_empty(s: String, lang: Lang) -> String {
    if s.is_empty() {
        t(lang, "diff-none")
    } else {
        s
    }
}

fn declared_text(t: &DeclaredTotal, lang: Lang) -> String {
    t.values
        .iter()
        .map(|v| match v.year {
            Some(y) => format!("{}: {}", y.value, amount_text(&v.amount.value, lang)),
            None => amount_text(&v.amount.value, lang),
        })
        .collect::<Vec<_>>()
        .join(", ")
}

fn cell_text(c: &Cell) -> String {
    match &c.value {
        CellValue::Empty => "-".into(),
        CellValue::NotApplicable => "n.v.t.".into(),
        CellValue::Pm { negative: true } => "-P.M.".into(),
        CellValue::Pm { negative: false } => "P.M.".into(),
        CellValue::Number(v) => format_dutch(*v),
        CellValue::Unreadable => "?".into(),
        CellValue::Text(t) => format!("“{t}”"),
    }
}

fn delta_suffix(delta: &Option<String>) -> String {
    delta
        .as_ref()
        .and_then(|d| d.parse::<Decimal>().ok())
        .filter(|d| !d.is_zero())
        .map(|d| format!(" ({})", signed_eur(d)))
        .unwrap_or_default()
}

/// The diff as text for a terminal (text from the plans with any control character escaped).
pub fn text(d: &PlanDiff, old_name: &str, new_name: &str, lang: Lang) -> String {
    text_raw(d, old_name, new_name, lang, false)
}

/// The text form with ANSI colour: added measures and problems that are gone green, removed
/// measures and new errors red, changed measures and new warnings yellow, headings bold.
pub fn text_coloured(d: &PlanDiff, old_name: &str, new_name: &str, lang: Lang) -> String {
    text_raw(d, old_name, new_name, lang, true)
}

/// "added", "removed", "changed" in a language.
fn status_word(status: &str, lang: Lang) -> String {
    Msg::id("diff-status").arg("status", status).render(lang)
}

/// "new error", "gone warning" in a language.
fn problem_word(p: &ProblemChange, lang: Lang) -> String {
    Msg::id("diff-problem").arg("change", p.change).arg("severity", p.severity).render(lang)
}

fn text_raw(d: &PlanDiff, old_name: &str, new_name: &str, lang: Lang, colour: bool) -> String {
    // Text from the plans reaches the terminal with its control characters escaped.
    let v = |line: String| crate::render::visible(&line);
    let paint = |code: &str, line: String| {
        let line = v(line);
        if colour && code != "0" {
            format!("\x1b[{code}m{line}\x1b[0m")
        } else {
            line
        }
    };
    let heading = |id: &'static str| format!("\n{}\n", paint("1", t(lang, id)));
    let mut out = format!("{}\n", paint("1", format!("grip diff {old_name} → {new_name}")));
    if d.is_empty() {
        out.push_str(&format!("\n{}\n", t(lang, "diff-no-change")));
        return out;
    }
    if !d.measures.is_empty() {
        out.push_str(&heading("diff-measures"));
        for m in &d.measures {
            let (mark, code) = match m.status {
                "added" => ('+', "32"),
                "removed" => ('-', "31"),
                _ => ('~', "33"),
            };
            let line = format!("{mark} {} “{}” ({})", m.id, m.title, status_word(m.status, lang));
            out.push_str(&format!("  {}\n", paint(code, line)));
            for c in &m.changes {
                out.push_str(&v(format!("      {}: {} → {}{}\n", c.what, c.before, c.after, delta_suffix(&c.delta))));
            }
        }
    }
    if !d.plan.is_empty() {
        out.push_str(&heading("diff-plan"));
        for c in &d.plan {
            out.push_str(&v(format!("  {}: {} → {}\n", c.what, c.before, c.after)));
        }
    }
    if !d.figures.is_empty() {
        out.push_str(&heading("diff-effect"));
        for f in &d.figures {
            out.push_str(&format!(
                "  {} {}: {} → {}{}\n",
                f.what,
                f.year,
                f.before.clone().unwrap_or_else(|| "—".into()),
                f.after.clone().unwrap_or_else(|| "—".into()),
                delta_suffix(&f.delta)
            ));
        }
    }
    if !d.targets.is_empty() {
        out.push_str(&heading("diff-targets"));
        for c in &d.targets {
            out.push_str(&v(format!("  {}: {} → {}\n", c.what, c.before, c.after)));
        }
    }
    if !d.progress.is_empty() {
        out.push_str(&heading("diff-progress"));
        for c in &d.progress {
            out.push_str(&v(format!("  {}: {} → {}\n", c.what, c.before, c.after)));
        }
    }
    if !d.problems.is_empty() {
        out.push_str(&heading("diff-check"));
        for p in &d.problems {
            let code = match (p.change, p.severity) {
                ("gone", _) => "32",
                (_, "error") => "31",
                (_, "warning") => "33",
                _ => "0",
            };
            let line = format!("{}: {} [{}]", problem_word(p, lang), p.message, p.code);
            out.push_str(&format!("  {}\n", paint(code, line)));
        }
    }
    out
}

fn md(t: &str) -> String {
    crate::sheet::md_text(t)
}

/// The diff as Markdown, for a pull-request comment.
pub fn markdown(d: &PlanDiff, old_name: &str, new_name: &str, lang: Lang) -> String {
    let mut out = format!("### grip diff: `{}` → `{}`\n\n", md(old_name), md(new_name));
    if d.is_empty() {
        out.push_str(&format!("{}\n", t(lang, "diff-no-change")));
        return out;
    }
    if !d.figures.is_empty() || !d.targets.is_empty() {
        out.push_str(&format!(
            "#### {}\n\n| {} | {} | {} | {} | {} |\n|:---|---:|---:|---:|---:|\n",
            t(lang, "diff-effect"),
            t(lang, "diff-col-figure"),
            t(lang, "report-col-year"),
            t(lang, "diff-col-before"),
            t(lang, "diff-col-after"),
            t(lang, "diff-col-change"),
        ));
        for f in &d.figures {
            let delta = delta_suffix(&f.delta);
            out.push_str(&format!(
                "| {} | {} | {} | {} | {} |\n",
                f.what,
                f.year,
                md(f.before.as_deref().unwrap_or("—")),
                md(f.after.as_deref().unwrap_or("—")),
                delta.trim().trim_start_matches('(').trim_end_matches(')')
            ));
        }
        out.push('\n');
        for c in &d.targets {
            out.push_str(&format!("- **{}**: {} → {}\n", md(&c.what), md(&c.before), md(&c.after)));
        }
        if !d.targets.is_empty() {
            out.push('\n');
        }
    }
    if !d.measures.is_empty() {
        out.push_str(&format!(
            "#### {}\n\n| {} | {} | {} | {} |\n|:---|:---|---:|---:|\n",
            t(lang, "diff-measures"),
            t(lang, "report-col-measure"),
            t(lang, "diff-col-change"),
            t(lang, "diff-col-before"),
            t(lang, "diff-col-after"),
        ));
        for m in &d.measures {
            let status = status_word(m.status, lang);
            if m.changes.is_empty() {
                out.push_str(&format!("| {} “{}” | {status} | | |\n", md(&m.id), md(&m.title)));
            }
            for c in &m.changes {
                out.push_str(&format!(
                    "| {} “{}” ({status}) | {} | {} | {} |\n",
                    md(&m.id),
                    md(&m.title),
                    md(&c.what),
                    md(&c.before),
                    md(&c.after)
                ));
            }
        }
        out.push('\n');
    }
    if !d.plan.is_empty() {
        out.push_str(&format!("#### {}\n\n", t(lang, "diff-plan")));
        for c in &d.plan {
            out.push_str(&format!("- {}: {} → {}\n", md(&c.what), md(&c.before), md(&c.after)));
        }
        out.push('\n');
    }
    if !d.progress.is_empty() {
        out.push_str(&format!("#### {}\n\n", t(lang, "diff-progress")));
        for c in &d.progress {
            out.push_str(&format!("- {}: {} → {}\n", md(&c.what), md(&c.before), md(&c.after)));
        }
        out.push('\n');
    }
    if !d.problems.is_empty() {
        out.push_str(&format!("#### {}\n\n", t(lang, "diff-check")));
        for p in &d.problems {
            out.push_str(&format!("- {}: {} (`{}`)\n", problem_word(p, lang), md(&p.message), p.code));
        }
    }
    out
}

/// The diff as JSON (version 1).
pub fn json(d: &PlanDiff, old_name: &str, new_name: &str) -> String {
    #[derive(Serialize)]
    struct Doc<'a> {
        version: u32,
        old: &'a str,
        new: &'a str,
        changed: bool,
        #[serde(flatten)]
        diff: &'a PlanDiff,
    }
    // Serialising plain structs of strings cannot fail.
    serde_json::to_string_pretty(&Doc { version: 2, old: old_name, new: new_name, changed: !d.is_empty(), diff: d })
        .unwrap_or_default()
}

/// Why a version cannot be compared: the first problem that keeps grip from reading it
/// (a syntax error, an unclosed block, nesting too deep), as `file:line:col: message`.
pub fn unreadable(c: &Checked, lang: Lang) -> Option<String> {
    use crate::diagnostic::Problem;
    let d = c.diagnostics.iter().find(|d| {
        matches!(d.problem, Problem::Syntax { .. } | Problem::UnclosedBlock { .. } | Problem::TooDeep { .. })
    })?;
    let (line, col) = c.sources.line_col(d.span());
    Some(format!("{}:{line}:{col}: {}", c.sources.name(d.span().file), d.message_in(lang)))
}

/// The diff as JSON when a version cannot be read: the reason, and no comparison.
pub fn json_error(old_name: &str, new_name: &str, error: &str) -> String {
    let doc = serde_json::json!({ "version": 2, "old": old_name, "new": new_name, "error": error });
    serde_json::to_string_pretty(&doc).unwrap_or_default()
}
