//! textDocument/hover: evaluated figures where the cursor is.

use super::*;
use crate::diagnostic::TermValue;
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
        let years = &doc.figures.years;
        // Figures as every other output shows them (one home: `sheet`).
        let money = crate::sheet::eur;

        // A measure id (where it is declared or referred to).
        if let Some((mi, span)) = measure_at(model, at) {
            let m = &model.measures[mi].measure;
            {
                let e = &doc.figures.measures[mi];
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
                    let progress = crate::status::progress(model, &doc.figures);
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
            let ge = doc.figures.groups.iter().find(|e| e.id == g.id.value)?;
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
        // A printed total (of a group or the plan, a total row's or total column's cell, a
        // total still to realise, the saving a share states): the printed figure, the one its
        // lines add up to and each line's part, as `grip check` recomputed them. A figure in a
        // table: the totals that add it.
        let recomputed = doc.figures.recomputed();
        // A total row's cell in a total column is checked twice: across its row and down its
        // column.
        let own: Vec<&crate::check::Recomputed> = recomputed.iter().filter(|r| contains(r.span, at)).collect();
        let cell = model
            .tables
            .iter()
            .flat_map(|t| t.table.rows.iter().flat_map(move |r| r.cells.iter().map(move |c| (t, r, c))))
            .find(|(_, _, c)| contains(c.span, at));
        let span = own.first().map(|r| r.span).or(cell.map(|(_, _, c)| c.span))?;
        let mut text = String::new();
        for r in &own {
            if !text.is_empty() {
                text.push('\n');
            }
            // Checked both ways: which is which.
            let what = match (&r.parts, own.len()) {
                (Some(parts), 2..) => {
                    format!(
                        "{} ({})",
                        heading(r, lang),
                        Msg::id("hover-adding").arg("parts", parts.clone()).render(lang)
                    )
                }
                _ => heading(r, lang),
            };
            text.push_str(&printed_and_computed(&what, r, lang));
        }
        if let (true, Some((t, row, _))) = (own.is_empty(), cell.filter(|(t, row, c)| in_total(&t.table, row, c))) {
            // A total grip could not recompute (its formula has an error of its own).
            let why = Msg::id("hover-cannot-recompute").render(lang);
            text.push_str(&format!("**{} “{}”**: {why}\n", t.table.id.value, row.label.value));
        }
        let users: Vec<&crate::check::Recomputed> =
            recomputed.iter().filter(|r| r.span != span && r.computed.terms.iter().any(|t| t.span == span)).collect();
        if !users.is_empty() {
            if !text.is_empty() {
                text.push('\n');
            }
            text.push_str(&format!("**{}**\n\n", Msg::id("hover-used-by").arg("count", users.len()).render(lang)));
            for r in users {
                text.push_str(&format!("- {}\n", used_by(r, lang)));
            }
        }
        (!text.is_empty()).then(|| markdown(text, span))
    }
}

/// Whether a cell is a printed figure of a total: in a total row, or in a total column.
fn in_total(table: &Table, row: &Row, cell: &Cell) -> bool {
    if !matches!(cell.value, CellValue::Number(_) | CellValue::Empty) {
        return false;
    }
    let column = row.cells.iter().position(|c| c.span == cell.span).and_then(|i| table.columns.get(i));
    row.formula.is_some() || column.is_some_and(|c| c.formula.is_some())
}

/// What a recomputed figure is, for a heading: “the total of group A in 2024”, a table's row
/// and the column.
fn heading(r: &crate::check::Recomputed, lang: Lang) -> String {
    let label = r.label.render(lang);
    match &r.year {
        Some(y) if y.len() == 4 && y.bytes().all(|b| b.is_ascii_digit()) => {
            format!("{label} {}", Msg::id("year-in").arg("year", y).render(lang))
        }
        Some(column) => format!("{label} — {column}"),
        None => label,
    }
}

/// A figure with its unit, as grip prints it.
fn figure(v: Decimal, unit: &Unit, lang: Lang) -> String {
    crate::fmt::quantity(&Quantity::new(v, unit.clone()), lang)
}

/// Whether a printed figure matches what its lines add up to, in a few words.
fn agreement(r: &crate::check::Recomputed, lang: Lang) -> String {
    use crate::check::Agreement;
    let key = match r.agreement {
        Agreement::Equal => "equal",
        Agreement::Explained => "explained",
        Agreement::Differs => "differs",
        Agreement::Unverifiable => "unverifiable",
    };
    let difference = figure((r.printed - r.computed.figure.known).abs(), &r.unit, lang);
    Msg::id("hover-agreement").arg("agreement", key).arg("difference", difference).render(lang)
}

/// One total that adds a figure: which, its printed and computed figure, and whether they match.
fn used_by(r: &crate::check::Recomputed, lang: Lang) -> String {
    let line = Msg::id("hover-printed-computed")
        .arg("printed", figure(r.printed, &r.unit, lang))
        .arg(
            "computed",
            format!(
                "{}{}",
                figure(r.computed.figure.known, &r.unit, lang),
                crate::sheet::pm_suffix(&r.computed.figure)
            ),
        )
        .render(lang);
    format!("{}: {line} — {}", heading(r, lang), agreement(r, lang))
}

/// A printed total beside the figure its lines add up to, whether they match, and each line's
/// part (P.M. items said not to be counted, as documents do not count them).
fn printed_and_computed(heading: &str, r: &crate::check::Recomputed, lang: Lang) -> String {
    let c = &r.computed;
    let fmt = |v: Decimal| figure(v, &r.unit, lang);
    let line = Msg::id("hover-printed-computed")
        .arg("printed", fmt(r.printed))
        .arg("computed", format!("{}{}", fmt(c.figure.known), crate::sheet::pm_suffix(&c.figure)))
        .render(lang);
    let mut s = format!("**{heading}**\n\n{line} — {}\n\n", agreement(r, lang));
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
