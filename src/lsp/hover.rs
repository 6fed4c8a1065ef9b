//! textDocument/hover: evaluated figures where the cursor is.

use super::*;
use crate::diagnostic::TermValue;
use crate::formula::{self, Evaluator};
use crate::lang::{Lang, Msg};
use lsp_types as lsp;
use rust_decimal::Decimal;

/// A measure at a reporting moment, for a hover: its phase and light, and planned, realised,
/// expected and still to realise per year (the figures of `grip status`).
pub(super) fn hover_progress(
    moment: &crate::status::MomentStatus,
    m: &crate::status::MeasureStatus,
    years: &[u16],
    lang: Lang,
) -> String {
    let word = |id: &'static str| Msg::id(id).render(lang);
    let light = m.light.map(|l| l.word().render(lang)).unwrap_or_else(|| "—".into());
    let head = Msg::id("hover-progress")
        .arg("moment", &moment.name)
        .arg("phase", m.phase.as_ref().map(|p| p.value.to_string()).unwrap_or_else(|| "none".into()))
        .arg("light", light)
        .arg("reason", m.reason.words())
        .render(lang);
    let mut text = format!(
        "\n\n{head}\n\n| {} | {} | {} | {} | {} |\n|---:|---:|---:|---:|---:|\n",
        word("report-col-year"),
        word("status-planned"),
        word("status-realised"),
        word("status-expected"),
        word("status-remaining"),
    );
    let f = &m.figures;
    for (i, y) in years.iter().enumerate() {
        let realised =
            if m.realised_reported[i] { crate::sheet::eur_figure(&f.realised[i]) } else { "—".to_string() };
        text.push_str(&format!(
            "| {y} | {} | {realised} | {} | {} |\n",
            crate::sheet::eur_figure(&f.planned[i]),
            crate::sheet::eur_figure(&f.expected[i]),
            crate::sheet::eur_figure(&f.remaining[i]),
        ));
    }
    text
}

impl Server {
    pub(super) fn hover(&self, uri: &lsp::Url, pos: lsp::Position) -> Option<lsp::Hover> {
        let (doc, at) = self.doc_at(uri, pos)?;
        let lang = self.lang(&doc.checked);
        let model = &doc.checked.model;
        let sources = &doc.checked.sources;
        let markdown = |text: String, span: Span| lsp::Hover {
            contents: lsp::HoverContents::Markup(lsp::MarkupContent { kind: lsp::MarkupKind::Markdown, value: text }),
            range: Some(range(sources, span)),
        };
        let years = &doc.evaluation.years;
        // Figures as every other output shows them (one home: `sheet`).
        let money = crate::sheet::eur;

        // A measure id (where it is declared or referred to).
        if let Some((mi, span)) = measure_at(model, at) {
            let m = &model.measures[mi].measure;
            {
                let e = &doc.evaluation.measures[mi];
                let word = |id: &'static str| Msg::id(id).render(lang);
                let mut text = format!(
                    "**{} — {}**\n\n| {} | {} | {} |\n|---:|---:|---:|\n",
                    Msg::id("subject-measure").arg("id", &m.id.value).render(lang),
                    m.title.value,
                    word("report-col-year"),
                    word("hover-saving"),
                    word("hover-cost"),
                );
                for (i, y) in years.iter().enumerate() {
                    let saving = crate::sheet::eur_figure(&e.savings[i].expected);
                    text.push_str(&format!("| {y} | {saving} | {} |\n", crate::sheet::eur_figure(&e.costs[i])));
                }
                if let Some(b) = m.budget.as_ref().and_then(|b| b.value.known()) {
                    text.push_str(&format!("\n{}", Msg::id("hover-budget").arg("budget", money(b.value)).render(lang)));
                }
                if let Some(o) = &m.owner {
                    text.push_str(&format!("\n\n{}", Msg::id("hover-owner").arg("owner", &o.value).render(lang)));
                }
                // On a progress entry: the measure at that reporting moment.
                if let Some((k, _)) = progress_entry_at(model, at) {
                    let progress = crate::status::progress(model, &doc.evaluation);
                    let status = progress.moments.iter().find(|s| s.index == k);
                    if let Some(ms) = status.and_then(|s| s.measures.get(mi).map(|ms| (s, ms))) {
                        text.push_str(&hover_progress(ms.0, ms.1, years, lang));
                    }
                }
                return Some(markdown(text, span));
            }
        }
        // A taakveld code.
        let codes = model
            .measures
            .iter()
            .flat_map(|m| m.measure.taakvelden.iter())
            .chain(model.tables.iter().flat_map(|t| t.table.rows.iter().flat_map(|r| r.taakvelden.iter())));
        for code in codes {
            if contains(code.span, at) {
                let text = match crate::taakveld::find(&code.value) {
                    Some(t) => format!("**taakveld {}** — {}", t.code, t.name),
                    None => Msg::id("unknown-taakveld").arg("code", &code.value).render(lang),
                };
                return Some(markdown(text, code.span));
            }
        }
        // A group (its id, one of its targets, or `savings(G)` in a formula): its targets and
        // coverage, and what its measures save per year, as evaluated.
        let group_at = model
            .groups
            .iter()
            .enumerate()
            .find_map(|(gi, g)| {
                let span =
                    std::iter::once(g.id.span).chain(g.targets.iter().map(|t| t.span)).find(|s| contains(*s, at))?;
                Some((gi, span))
            })
            .or_else(|| match super::names::name_at(model, at) {
                Some((super::names::Name::Group(id), span)) => model.group_by_id.get(&id).map(|&gi| (gi, span)),
                _ => None,
            });
        if let Some((gi, span)) = group_at {
            let g = &model.groups[gi];
            let ge = doc.evaluation.groups.iter().find(|e| e.id == g.id.value)?;
            let group = Msg::id("hover-group").arg("id", &g.id.value).render(lang);
            let mut text = format!("**{group} — {}**\n\n", g.title.value);
            if ge.targets.is_empty() {
                text.push_str(&Msg::id("hover-no-target").arg("count", model.measures_in(gi).len()).render(lang));
                text.push('\n');
            }
            for t in &ge.targets {
                let line = Msg::id("hover-target")
                    .arg("target", money(t.amount))
                    .arg("year", t.year)
                    .arg("reached", crate::sheet::eur_figure(&t.reached))
                    .arg("verdict", crate::sheet::verdict(t, lang))
                    .render(lang);
                text.push_str(&format!("- {line}\n"));
            }
            let word = |id: &'static str| Msg::id(id).render(lang);
            text.push_str(&format!("\n| {} | {} |\n|---:|---:|\n", word("report-col-year"), word("hover-saving")));
            for (y, saving) in years.iter().zip(&ge.savings) {
                text.push_str(&format!("| {y} | {} |\n", crate::sheet::eur_figure(saving)));
            }
            return Some(markdown(text, span));
        }
        // A declared total of a group or of the plan (`total saving € 600.000`): the printed
        // figure, the one its measures add up to in that year, and each measure's part.
        let last_year = model.period().filter(|p| p.first.value <= p.last.value).map(|p| p.last.value);
        let group_totals = model.groups.iter().enumerate().flat_map(|(g, info)| {
            let heading = Msg::id("subject-group-total").arg("id", &info.id.value).arg("title", &info.title.value);
            info.totals.iter().map(move |t| (t, Some(g), heading.clone()))
        });
        let plan_totals = model.totals.iter().map(|t| (t, None, Msg::id("subject-plan-total")));
        for (total, group, heading) in group_totals.chain(plan_totals) {
            if let Some(value) = total.values.iter().find(|v| contains(v.amount.span, at)) {
                let printed = value.amount.value.known()?.value;
                let year = value.year.map(|y| y.value).or(last_year)?;
                let measures = match group {
                    Some(g) => model.measures_in(g),
                    None => (0..model.measures.len()).collect(),
                };
                let c = formula::measures_total(model, &measures, total.kind, year);
                let heading = format!("{} {}", heading.render(lang), Msg::id("year-in").arg("year", year).render(lang));
                return Some(markdown(
                    printed_and_computed(&heading, printed, &c, &Unit::Euro, lang),
                    value.amount.span,
                ));
            }
        }
        // A declared figure in a total row: the recomputed figure and the lines it adds.
        for (ti, t) in model.tables.iter().enumerate() {
            for (ri, row) in t.table.rows.iter().enumerate() {
                for (ci, cell) in row.cells.iter().enumerate() {
                    if !contains(cell.span, at) {
                        continue;
                    }
                    // A total column's cell is recomputed across its row, a total row's down its
                    // column; a plain cell is neither.
                    let computed = match (t.table.columns.get(ci).and_then(|c| c.formula.as_ref()), &row.formula) {
                        (Some(_), _) => formula::column_total(model, ti, ri, ci),
                        (None, Some(expr)) => Evaluator { model, table: ti, row: ri }.column(expr, ci),
                        (None, None) => return None,
                    };
                    let text = match computed {
                        Ok(c) => {
                            let heading = format!("{} — {}", row.label.value, t.table.columns[ci].title());
                            let printed = formula::cell_figure(cell).known;
                            printed_and_computed(&heading, printed, &c, &formula::row_unit(&t.table, row), lang)
                        }
                        Err(_) => {
                            let why = Msg::id("hover-cannot-recompute").render(lang);
                            format!("**{}**: {why}", row.label.value)
                        }
                    };
                    return Some(markdown(text, cell.span));
                }
            }
        }
        None
    }
}

/// A printed total beside the figure its lines add up to, and each line's part (P.M. items
/// said not to be counted, as documents do not count them).
fn printed_and_computed(heading: &str, printed: Decimal, c: &formula::Computed, unit: &Unit, lang: Lang) -> String {
    let fmt = |v: Decimal| crate::fmt::quantity(&Quantity::new(v, unit.clone()), lang);
    let line = Msg::id("hover-printed-computed")
        .arg("printed", fmt(printed))
        .arg("computed", format!("{}{}", fmt(c.figure.known), crate::sheet::pm_suffix(&c.figure)))
        .render(lang);
    let mut s = format!("**{heading}**\n\n{line}\n\n");
    let not_counted = |pm: &str| Msg::id("hover-pm-not-counted").arg("pm", pm).render(lang);
    for term in &c.terms {
        let v = match term.value {
            TermValue::Known(v) => fmt(v),
            TermValue::Pm { negative: true } => not_counted("-P.M."),
            TermValue::Pm { negative: false } => not_counted("P.M."),
            TermValue::Faulty(reason) => reason.words().render(lang),
        };
        s.push_str(&format!("- {}{}: {v}\n", if term.negated { "− " } else { "" }, term.label.render(lang)));
    }
    s
}
