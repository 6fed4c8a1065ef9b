//! `grip diff`: two versions of a plan compared by meaning, not by text. What changed in the
//! measures (added, removed, renamed, changed figures and metadata), in targets and declared
//! totals, and what that does to the evaluated figures: savings, costs and balance per year and
//! the coverage of every target, before → after with the difference.

use crate::effects;
use crate::eval::{evaluate, Evaluation};
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

#[derive(Debug, Clone, PartialEq, Default, Serialize)]
pub struct PlanDiff {
    pub measures: Vec<MeasureDiff>,
    /// Targets, declared totals, header and tables.
    pub plan: Vec<Change>,
    /// Evaluated figures that changed.
    pub figures: Vec<YearFigure>,
    /// Target coverage that changed, one sentence per group.
    pub targets: Vec<Change>,
}

impl PlanDiff {
    pub fn is_empty(&self) -> bool {
        self.measures.is_empty() && self.plan.is_empty() && self.figures.is_empty() && self.targets.is_empty()
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

fn amount_text(a: &Amount) -> String {
    crate::fmt::amount(a)
}

fn figure_text(f: effects::Figure) -> String {
    crate::sheet::eur_figure(&f)
}

fn change(what: impl Into<String>, before: String, after: String) -> Option<Change> {
    (before != after).then(|| Change { what: what.into(), before, after, delta: None })
}

fn opt_text<T: std::fmt::Display>(v: Option<T>) -> String {
    v.map(|v| v.to_string()).unwrap_or_else(|| "(none)".into())
}

/// The years both versions have in common with either period, in order.
fn union_years(a: &Evaluation, b: &Evaluation) -> Vec<u16> {
    let mut years: Vec<u16> = a.years.iter().chain(b.years.iter()).copied().collect();
    years.sort_unstable();
    years.dedup();
    years
}

fn measure_facts(m: &Measure) -> Vec<(String, String)> {
    let mut facts = vec![
        ("budget".to_string(), m.budget.as_ref().map(|b| amount_text(&b.value)).unwrap_or_else(|| "(none)".into())),
        ("owner".to_string(), opt_text(m.owner.as_ref().map(|o| format!("\"{}\"", o.value)))),
        ("start".to_string(), opt_text(m.start.as_ref().map(|d| d.value))),
        ("end".to_string(), opt_text(m.end.as_ref().map(|d| d.value))),
        ("status".to_string(), opt_text(m.status.as_ref().map(|s| format!("\"{}\"", s.value)))),
        ("category".to_string(), opt_text(m.category.as_ref().map(|c| c.value.clone()))),
        (
            "decision".to_string(),
            opt_text(m.decision.as_ref().map(|d| {
                let mut t = if d.needed { "needed".to_string() } else { "not needed".to_string() };
                if let Some(f) = &d.forum {
                    t.push_str(&format!(" in \"{}\"", f.value));
                }
                if let Some(p) = &d.planned {
                    t.push_str(&format!(" planned {}", p.value));
                }
                t
            })),
        ),
        ("share".to_string(), opt_text(m.shares.first().map(|s| format!("{}%", format_dutch(s.percent.value))))),
        (
            "range".to_string(),
            opt_text(
                m.range.as_ref().map(|r| format!("{} .. {}", amount_text(&r.low.value), amount_text(&r.high.value))),
            ),
        ),
        ("taakveld".to_string(), m.taakvelden.iter().map(|t| t.value.clone()).collect::<Vec<_>>().join(", ")),
        ("related".to_string(), m.related.iter().map(|t| t.value.clone()).collect::<Vec<_>>().join(", ")),
    ];
    for f in facts.iter_mut() {
        if f.1.is_empty() {
            f.1 = "(none)".into();
        }
    }
    facts
}

/// Compares two versions of a plan.
pub fn diff(old: &Model, new: &Model) -> PlanDiff {
    let (eo, en) = (evaluate(old), evaluate(new));
    let years = union_years(&eo, &en);
    let mut out = PlanDiff::default();

    // Measures, by id.
    for mi in &new.measures {
        let m = &mi.measure;
        match old.measure_by_id.get(&m.id.value).map(|&i| &old.measures[i].measure) {
            None => {
                let mut changes = Vec::new();
                for &y in &years {
                    let (f, _) = effects::in_year(m, EffectKind::Saving, y);
                    if f != effects::Figure::default() {
                        changes.push(Change {
                            what: format!("saving {y}"),
                            before: "—".into(),
                            after: figure_text(f),
                            delta: Some(f.known.normalize().to_string()),
                        });
                    }
                }
                out.measures.push(MeasureDiff {
                    id: m.id.value.clone(),
                    title: m.title.value.clone(),
                    status: "added",
                    changes,
                });
            }
            Some(before) => {
                let mut changes = Vec::new();
                if before.title.value != m.title.value {
                    changes.push(Change {
                        what: "title (renamed)".into(),
                        before: format!("\"{}\"", before.title.value),
                        after: format!("\"{}\"", m.title.value),
                        delta: None,
                    });
                }
                for kind in [EffectKind::Saving, EffectKind::Cost] {
                    for &y in &years {
                        let (a, _) = effects::in_year(before, kind, y);
                        let (b, _) = effects::in_year(m, kind, y);
                        if a != b {
                            changes.push(Change {
                                what: format!("{} {y}", kind.word()),
                                before: figure_text(a),
                                after: figure_text(b),
                                delta: (a.pm == b.pm).then(|| (b.known - a.known).normalize().to_string()),
                            });
                        }
                    }
                }
                for ((what, a), (_, b)) in measure_facts(before).into_iter().zip(measure_facts(m)) {
                    changes.extend(change(what, a, b));
                }
                if !changes.is_empty() {
                    out.measures.push(MeasureDiff {
                        id: m.id.value.clone(),
                        title: m.title.value.clone(),
                        status: "changed",
                        changes,
                    });
                }
            }
        }
    }
    for mi in &old.measures {
        let m = &mi.measure;
        if !new.measure_by_id.contains_key(&m.id.value) {
            let changes = years
                .iter()
                .filter_map(|&y| {
                    let (f, _) = effects::in_year(m, EffectKind::Saving, y);
                    (f != effects::Figure::default()).then(|| Change {
                        what: format!("saving {y}"),
                        before: figure_text(f),
                        after: "—".into(),
                        delta: Some((-f.known).normalize().to_string()),
                    })
                })
                .collect();
            out.measures.push(MeasureDiff {
                id: m.id.value.clone(),
                title: m.title.value.clone(),
                status: "removed",
                changes,
            });
        }
    }

    // Header, groups (targets and declared totals), tables (declared figures).
    let header = |m: &Model| -> Vec<(String, String)> {
        let h = m.header.as_ref();
        vec![
            ("plan title".into(), opt_text(h.map(|h| format!("\"{}\"", h.title.value)))),
            ("period".into(), opt_text(m.period().map(|p| format!("{}..{}", p.first.value, p.last.value)))),
            (
                "tolerance".into(),
                h.map(|h| h.tolerances.iter().map(|t| crate::fmt::quantity(&t.value)).collect::<Vec<_>>().join(", "))
                    .unwrap_or_default(),
            ),
        ]
    };
    for ((what, a), (_, b)) in header(old).into_iter().zip(header(new)) {
        out.plan.extend(change(what, a, b));
    }
    let group_facts = |m: &Model, g: usize| -> Vec<(String, String)> {
        let info = &m.groups[g];
        let mut facts = vec![(
            format!("group {} target", info.id.value),
            info.targets
                .iter()
                .map(|t| format!("{} by {}", amount_text(&t.amount.value), t.year.value))
                .collect::<Vec<_>>()
                .join(", "),
        )];
        facts.push((
            format!("group {} declared total", info.id.value),
            info.totals.iter().map(declared_text).collect::<Vec<_>>().join("; "),
        ));
        facts
    };
    for (gi, g) in new.groups.iter().enumerate() {
        let after = group_facts(new, gi);
        let before = old.group_by_id.get(&g.id.value).map(|&o| group_facts(old, o));
        match before {
            Some(before) => {
                for ((what, a), (_, b)) in before.into_iter().zip(after) {
                    out.plan.extend(change(what, none_if_empty(a), none_if_empty(b)));
                }
            }
            None => out.plan.push(Change {
                what: format!("group {} “{}”", g.id.value, g.title.value),
                before: "—".into(),
                after: "added".into(),
                delta: None,
            }),
        }
    }
    for g in &old.groups {
        if !new.group_by_id.contains_key(&g.id.value) {
            out.plan.push(Change {
                what: format!("group {} “{}”", g.id.value, g.title.value),
                before: "present".into(),
                after: "removed".into(),
                delta: None,
            });
        }
    }
    let totals_text = |m: &Model| m.totals.iter().map(declared_text).collect::<Vec<_>>().join("; ");
    out.plan.extend(change("plan declared total", none_if_empty(totals_text(old)), none_if_empty(totals_text(new))));
    for t in &new.tables {
        let Some(&o) = old.table_by_id.get(&t.table.id.value) else {
            out.plan.push(Change {
                what: format!("table {}", t.table.id.value),
                before: "—".into(),
                after: "added".into(),
                delta: None,
            });
            continue;
        };
        let before = &old.tables[o].table;
        for row in &t.table.rows {
            let Some(brow) = before.rows.iter().find(|r| r.id.value == row.id.value) else {
                out.plan.push(Change {
                    what: format!("table {} row {}", t.table.id.value, row.id.value),
                    before: "—".into(),
                    after: "added".into(),
                    delta: None,
                });
                continue;
            };
            for (ci, col) in t.table.columns.iter().enumerate() {
                let Some(bci) = before.columns.iter().position(|c| c.key == col.key) else { continue };
                let (a, b) = (brow.cells.get(bci).map(cell_text), row.cells.get(ci).map(cell_text));
                if a != b {
                    out.plan.push(Change {
                        what: format!(
                            "table {} “{}” {}",
                            t.table.id.value,
                            row.label.value,
                            col.label.clone().unwrap_or(col.key.to_string())
                        ),
                        before: a.unwrap_or_default(),
                        after: b.unwrap_or_default(),
                        delta: None,
                    });
                }
            }
        }
    }

    // Evaluated figures per year.
    let at = |e: &Evaluation, y: u16| e.years.iter().position(|x| *x == y);
    let mut push_figure = |what: &str, y: u16, a: Option<effects::Figure>, b: Option<effects::Figure>| {
        if a == b {
            return;
        }
        let delta = match (a, b) {
            (Some(a), Some(b)) if a.pm == b.pm => Some((b.known - a.known).normalize().to_string()),
            _ => None,
        };
        out.figures.push(YearFigure {
            what: what.into(),
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

    // Target coverage.
    for g in &en.groups {
        let Some((year, target)) = g.target else { continue };
        let before = eo.groups.iter().find(|o| o.id == g.id);
        let reached = |e: &Evaluation, gg: &crate::eval::GroupEval| {
            e.years.iter().position(|y| *y == year).map(|i| gg.savings[i]).unwrap_or_default()
        };
        let now = reached(&en, g);
        let was = before.map(|b| reached(&eo, b));
        if was == Some(now) && before.and_then(|b| b.target) == g.target {
            continue;
        }
        let describe = |f: effects::Figure, target: Decimal| {
            if f.pm > 0 {
                format!("{} of {} (cannot be verified: P.M.)", figure_text(f), eur(target))
            } else if f.known >= target {
                format!("{} of {}: met", figure_text(f), eur(target))
            } else {
                format!("{} of {}: short {}", figure_text(f), eur(target), eur(target - f.known))
            }
        };
        let before_text = match (was, before.and_then(|b| b.target)) {
            (Some(w), Some((_, t))) => describe(w, t),
            _ => "—".into(),
        };
        out.targets.push(Change {
            what: format!("target of group {} “{}” ({year})", g.id, g.title),
            before: before_text,
            after: describe(now, target),
            delta: was.filter(|w| w.pm == 0 && now.pm == 0).map(|w| (now.known - w.known).normalize().to_string()),
        });
    }
    out
}

fn none_if_empty(s: String) -> String {
    if s.is_empty() {
        "(none)".into()
    } else {
        s
    }
}

fn declared_text(t: &DeclaredTotal) -> String {
    t.values
        .iter()
        .map(|v| match v.year {
            Some(y) => format!("{}: {}", y.value, amount_text(&v.amount.value)),
            None => amount_text(&v.amount.value),
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

/// The diff as text for a terminal.
pub fn text(d: &PlanDiff, old_name: &str, new_name: &str) -> String {
    let mut out = format!("grip diff {old_name} → {new_name}\n");
    if d.is_empty() {
        out.push_str("\nNo change in meaning.\n");
        return out;
    }
    if !d.measures.is_empty() {
        out.push_str("\nMeasures\n");
        for m in &d.measures {
            let mark = match m.status {
                "added" => '+',
                "removed" => '-',
                _ => '~',
            };
            out.push_str(&format!("  {mark} {} “{}” ({})\n", m.id, m.title, m.status));
            for c in &m.changes {
                out.push_str(&format!("      {}: {} → {}{}\n", c.what, c.before, c.after, delta_suffix(&c.delta)));
            }
        }
    }
    if !d.plan.is_empty() {
        out.push_str("\nTargets, totals and tables\n");
        for c in &d.plan {
            out.push_str(&format!("  {}: {} → {}\n", c.what, c.before, c.after));
        }
    }
    if !d.figures.is_empty() {
        out.push_str("\nEffect on the figures\n");
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
        out.push_str("\nTargets\n");
        for c in &d.targets {
            out.push_str(&format!("  {}: {} → {}\n", c.what, c.before, c.after));
        }
    }
    out
}

fn md(t: &str) -> String {
    t.replace('|', "\\|")
}

/// The diff as Markdown, for a pull-request comment.
pub fn markdown(d: &PlanDiff, old_name: &str, new_name: &str) -> String {
    let mut out = format!("### grip diff: `{}` → `{}`\n\n", md(old_name), md(new_name));
    if d.is_empty() {
        out.push_str("No change in meaning.\n");
        return out;
    }
    if !d.figures.is_empty() || !d.targets.is_empty() {
        out.push_str(
            "#### Effect on the figures\n\n| figure | year | before | after | change |\n|:---|---:|---:|---:|---:|\n",
        );
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
        out.push_str("#### Measures\n\n| measure | change | before | after |\n|:---|:---|---:|---:|\n");
        for m in &d.measures {
            if m.changes.is_empty() {
                out.push_str(&format!("| {} “{}” | {} | | |\n", md(&m.id), md(&m.title), m.status));
            }
            for c in &m.changes {
                out.push_str(&format!(
                    "| {} “{}” ({}) | {} | {} | {} |\n",
                    md(&m.id),
                    md(&m.title),
                    m.status,
                    md(&c.what),
                    md(&c.before),
                    md(&c.after)
                ));
            }
        }
        out.push('\n');
    }
    if !d.plan.is_empty() {
        out.push_str("#### Targets, totals and tables\n\n");
        for c in &d.plan {
            out.push_str(&format!("- {}: {} → {}\n", md(&c.what), md(&c.before), md(&c.after)));
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
    serde_json::to_string_pretty(&Doc { version: 1, old: old_name, new: new_name, changed: !d.is_empty(), diff: d })
        .unwrap_or_default()
}
