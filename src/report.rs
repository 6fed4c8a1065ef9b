//! `grip report`: the evaluated plan for people. One self-contained HTML file (no network,
//! styles inline, charts as inline SVG, a print stylesheet for A4) and Markdown. Every figure
//! comes from the one [`Evaluation`]; nothing is computed here. Every text from the plan is
//! escaped.

use crate::api::Checked;
use crate::diagnostic::{Diagnostic, Severity};
use crate::effects::Figure;
use crate::eval::{evaluate, Evaluation, Verdict};
use crate::lang::{Lang, Msg};
use crate::resolve::Model;
use crate::sheet::{self, display, By, Value};
use crate::syntax::ast::*;
use rust_decimal::prelude::ToPrimitive;
use rust_decimal::Decimal;

/// Escapes text for HTML element content and attribute values.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// `x` in escaped text → <code>x</code>.
fn code_spans(escaped: &str) -> String {
    let mut out = String::new();
    for (i, part) in escaped.split('`').enumerate() {
        if i % 2 == 1 {
            out.push_str(&format!("<code>{part}</code>"));
        } else {
            out.push_str(part);
        }
    }
    out
}

use crate::sheet::eur;

fn fig(f: Figure) -> String {
    display(&Value::Money(f))
}

/// A text of the report in its language.
fn t(lang: Lang, id: &'static str) -> String {
    Msg::id(id).render(lang)
}

/// Colours that colour-blind readers tell apart (Okabe–Ito).
const PALETTE: [&str; 8] = ["#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#F0E442", "#000000"];

const STYLE: &str = r#"
body { font-family: "DejaVu Sans", Arial, sans-serif; color: #1a1a1a; margin: 2rem auto; max-width: 60rem; line-height: 1.45; padding: 0 1rem; }
h1 { font-size: 1.6rem; margin-bottom: .2rem; }
h2 { font-size: 1.25rem; border-bottom: 2px solid #0072B2; padding-bottom: .2rem; margin-top: 2.2rem; }
h3 { font-size: 1.05rem; margin-top: 1.4rem; }
.meta { color: #555; margin-top: 0; }
table { border-collapse: collapse; margin: .6rem 0 1rem; font-size: .88rem; display: block; max-width: 100%; overflow-x: auto; }
th, td { border-bottom: 1px solid #ccc; padding: .25rem .55rem; vertical-align: top; }
th { text-align: left; background: #f0f4f8; }
td.num, th.num { text-align: right; white-space: nowrap; font-variant-numeric: tabular-nums; }
td.neg { color: #B00020; }
tr.strong td, tr.strong th { font-weight: bold; }
th.sub { padding-left: 1.6rem; font-weight: normal; }
.ok { color: #00694B; font-weight: bold; }
.short { color: #B00020; font-weight: bold; }
.incomplete { border: 3px solid #B00020; padding: 0.6em; background: #FFF4F4; }
.unknown { color: #8A5A00; font-weight: bold; }
figure { margin: 1rem 0; }
figcaption { font-size: .9rem; color: #444; }
details { margin: .4rem 0 1rem; }
.diag { border-left: 4px solid #B00020; padding: .3rem .8rem; margin: .8rem 0; background: #fdf3f4; }
.diag.warning { border-color: #E69F00; background: #fff8ec; }
.diag.note { border-color: #56B4E9; background: #f1f8fd; }
.diag pre { background: #fff; padding: .4rem; overflow-x: auto; font-size: .8rem; }
.code { font-family: "DejaVu Sans Mono", monospace; font-size: .85em; }
.light { font-weight: bold; white-space: nowrap; }
.light.green { color: #00694B; }
.light.orange { color: #A05A00; }
.light.red { color: #B00020; }
@media print {
  @page { size: A4; margin: 18mm 15mm; }
  body { margin: 0; max-width: none; font-size: 10pt; }
  section { break-before: page; }
  section:first-of-type { break-before: auto; }
  h2 { break-after: avoid; }
  table, figure, .diag { break-inside: avoid; }
  details > summary { display: none; }
}
"#;

/// What the first screen of a report says when the plan has errors that make its figures
/// unreliable (a report is then written only when asked for with `--allow-errors`).
pub fn incomplete(checked: &Checked, lang: Lang) -> Option<String> {
    let n = checked.diagnostics.iter().filter(|d| d.blocks_evaluation()).count();
    (n > 0).then(|| Msg::id("report-incomplete").arg("count", n).render(lang))
}

/// The HTML report of a checked plan.
pub fn html(checked: &Checked, lang: Lang) -> String {
    let e = evaluate(&checked.model);
    let model = &checked.model;
    let mut out = String::new();
    let title = sheet::plan_title(&e, lang);
    out.push_str(&format!("<!DOCTYPE html>\n<html lang=\"{}\">\n<head>\n<meta charset=\"utf-8\">\n", lang.code()));
    out.push_str("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; img-src data:\">\n");
    out.push_str("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
    out.push_str(&format!("<title>{}</title>\n<style>{STYLE}</style>\n</head>\n<body>\n", escape(&title)));

    // Header.
    out.push_str("<header>\n");
    out.push_str(&format!("<h1>{}</h1>\n", escape(&title)));
    let mut meta = Vec::new();
    if let Some(m) = &e.municipality {
        meta.push(escape(&Msg::id("report-municipality").arg("name", m).render(lang)));
    }
    if let Some(h) = &model.header {
        if let Some(a) = &h.adopted {
            meta.push(escape(&Msg::id("report-adopted").arg("date", a.value.to_string()).render(lang)));
        }
        if let Some(p) = &h.period {
            let period = Msg::id("report-period").arg("first", p.first.value).arg("last", p.last.value);
            meta.push(escape(&period.render(lang)));
        }
    }
    out.push_str(&format!("<p class=\"meta\">{}</p>\n", meta.join(" · ")));
    let errors = checked.diagnostics.iter().filter(|d| d.severity() == Severity::Error).count();
    if let Some(warning) = incomplete(checked, lang) {
        out.push_str(&format!("<p class=\"incomplete\" role=\"alert\"><strong>{}</strong></p>\n", escape(&warning)));
    }
    if errors > 0 {
        let problems = format!("<a href=\"#diagnostics\">{}</a>", escape(&t(lang, "report-problems")));
        let text = Msg::id("report-does-not-add-up").arg("count", errors).arg("problems", problems).render(lang);
        out.push_str(&format!("<p class=\"short\">{text}</p>\n"));
    }
    out.push_str("</header>\n");

    summary(&mut out, &e, lang);
    charts(&mut out, &e, lang);
    groups(&mut out, &e, model, lang);
    progress(&mut out, &e, model, lang);
    execution(&mut out, &e, lang);
    taakvelden(&mut out, &e, lang);
    diagnostics(&mut out, checked, lang);
    out.push_str("</body>\n</html>\n");
    out
}

fn summary(out: &mut String, e: &Evaluation, lang: Lang) {
    out.push_str(&format!("<section id=\"summary\">\n<h2>{}</h2>\n", escape(&t(lang, "report-summary"))));
    let last = e.years.len().checked_sub(1);
    if let Some(i) = last {
        let y = e.years[i];
        let s = e.savings[i].expected;
        let strong = |text: String| format!("<strong>{}</strong>", escape(&text));
        let text = match (e.deficit[i], e.balance[i]) {
            (Some(d), Some(b)) => Msg::id("report-summary-gap")
                .arg("year", y)
                .arg("gap", strong(eur(d)))
                .arg("savings", strong(fig(s)))
                .arg("remains", strong(fig(b.expected))),
            _ => Msg::id("report-summary-savings").arg("year", y).arg("savings", strong(fig(s))),
        }
        .render(lang);
        out.push_str(&format!("<p>{text}</p>\n"));
    }
    let s = sheet::sheet(e, By::Year, &(0..e.years.len()).collect::<Vec<_>>(), lang);
    table_html(out, &s, &t(lang, "report-figures-per-year"));
    for note in &s.notes {
        let note = Msg::id("report-note").arg("note", code_spans(&escape(note))).render(lang);
        out.push_str(&format!("<p class=\"meta\">{note}</p>\n"));
    }
    // Targets met or not.
    // Every target of every group, year by year.
    if e.groups.iter().any(|g| !g.targets.is_empty()) {
        let th = |id: &'static str, class: &str| format!("<th scope=\"col\"{class}>{}</th>", escape(&t(lang, id)));
        out.push_str(&format!(
            "<h3>{}</h3>\n<table>\n<thead><tr>{}{}{}{}{}</tr></thead>\n<tbody>\n",
            escape(&t(lang, "report-targets")),
            th("report-col-group", ""),
            th("report-col-year", " class=\"num\""),
            th("report-col-target", " class=\"num\""),
            th("report-col-saved", " class=\"num\""),
            th("report-col-result", ""),
        ));
        for g in &e.groups {
            for t in &g.targets {
                let class = match t.verdict {
                    Verdict::Met => "ok",
                    Verdict::NotMet => "short",
                    Verdict::Unverifiable => "unknown",
                };
                out.push_str(&format!(
                    "<tr><th scope=\"row\">{} {}</th><td class=\"num\">{}</td><td class=\"num\">{}</td><td class=\"num\">{}</td><td><span class=\"{class}\">{}</span></td></tr>\n",
                    escape(&g.id),
                    escape(&g.title),
                    t.year,
                    eur(t.amount),
                    escape(&fig(t.reached)),
                    escape(&sheet::verdict(t, lang))
                ));
            }
        }
        out.push_str("</tbody>\n</table>\n");
    }
    out.push_str("</section>\n");
}

/// A sheet as an accessible HTML table.
fn table_html(out: &mut String, s: &sheet::Sheet, caption: &str) {
    out.push_str(&format!(
        "<table>\n<caption class=\"meta\">{}</caption>\n<thead><tr><th scope=\"col\"></th>",
        escape(caption)
    ));
    for c in &s.columns {
        out.push_str(&format!("<th scope=\"col\" class=\"num\">{}</th>", escape(c)));
    }
    out.push_str("</tr></thead>\n<tbody>\n");
    for r in &s.rows {
        out.push_str(if r.strong { "<tr class=\"strong\">" } else { "<tr>" });
        let sub = if r.label.starts_with(' ') { " class=\"sub\"" } else { "" };
        out.push_str(&format!("<th scope=\"row\"{sub}>{}</th>", escape(r.label.trim_start())));
        for v in &r.cells {
            let neg = matches!(v, Value::Money(f) if f.known < Decimal::ZERO);
            out.push_str(&format!("<td class=\"num{}\">{}</td>", if neg { " neg" } else { "" }, escape(&display(v))));
        }
        out.push_str("</tr>\n");
    }
    out.push_str("</tbody>\n</table>\n");
}

/// A tick value rounded to a readable step.
fn nice_step(range: f64) -> f64 {
    let raw = range / 5.0;
    if raw <= 0.0 {
        return 1.0;
    }
    let mag = 10f64.powf(raw.log10().floor());
    let norm = raw / mag;
    let nice = if norm <= 1.0 {
        1.0
    } else if norm <= 2.0 {
        2.0
    } else if norm <= 5.0 {
        5.0
    } else {
        10.0
    };
    nice * mag
}

/// One series of a chart: exact amounts; floating point is used only to place them on screen.
struct Series<'a> {
    name: &'a str,
    values: Vec<Decimal>,
}

/// A bar chart as inline SVG: grouped bars (`stacked == false`) or stacked bars, with a y axis
/// in Dutch euro notation, year labels and a legend. Text alternative via <title>/<desc>.
fn bar_chart(id: &str, title: &str, desc: &str, years: &[u16], series: &[Series], stacked: bool) -> String {
    let at = |s: &Series, i: usize| to_f64(s.values[i]);
    let (w, h) = (760.0, 320.0);
    let (left, right, top, bottom) = (110.0, 20.0, 20.0, 70.0);
    let plot_w = w - left - right;
    let plot_h = h - top - bottom;
    let n = years.len().max(1) as f64;
    let (mut min, mut max) = (0f64, 0f64);
    for (i, _) in years.iter().enumerate() {
        if stacked {
            let pos: f64 = series.iter().map(|s| at(s, i).max(0.0)).sum();
            let neg: f64 = series.iter().map(|s| at(s, i).min(0.0)).sum();
            max = max.max(pos);
            min = min.min(neg);
        } else {
            for s in series {
                max = max.max(at(s, i));
                min = min.min(at(s, i));
            }
        }
    }
    if max == min {
        max = min + 1.0;
    }
    let step = nice_step(max - min);
    let lo = (min / step).floor() * step;
    let hi = (max / step).ceil() * step;
    let y = |v: f64| top + (hi - v) / (hi - lo) * plot_h;
    let mut svg = format!(
        "<svg id=\"{id}\" role=\"img\" aria-labelledby=\"{id}-title {id}-desc\" viewBox=\"0 0 {w} {h}\" width=\"100%\" xmlns=\"http://www.w3.org/2000/svg\" font-family=\"DejaVu Sans, Arial, sans-serif\" font-size=\"12\">\n<title id=\"{id}-title\">{}</title>\n<desc id=\"{id}-desc\">{}</desc>\n",
        escape(title),
        escape(desc)
    );
    // Axis and gridlines.
    let mut v = lo;
    while v <= hi + step / 2.0 {
        let yy = y(v);
        svg.push_str(&format!(
            "<line x1=\"{left}\" x2=\"{}\" y1=\"{yy:.1}\" y2=\"{yy:.1}\" stroke=\"{}\" stroke-width=\"1\"/>\n<text x=\"{}\" y=\"{:.1}\" text-anchor=\"end\">{}</text>\n",
            w - right,
            if v == 0.0 { "#333" } else { "#ddd" },
            left - 6.0,
            yy + 4.0,
            escape(&eur(Decimal::from_f64_retain(v).unwrap_or_default()))
        ));
        v += step;
    }
    let band = plot_w / n;
    let groups = if stacked { 1.0 } else { series.len().max(1) as f64 };
    let bar_w = (band * 0.7 / groups).min(60.0);
    for (i, year) in years.iter().enumerate() {
        let x0 = left + band * i as f64 + (band - bar_w * groups) / 2.0;
        let (mut up, mut down) = (0f64, 0f64);
        for (k, s) in series.iter().enumerate() {
            let val = at(s, i);
            let (x, from, to) = if stacked {
                if val >= 0.0 {
                    up += val;
                    (x0, up - val, up)
                } else {
                    down += val;
                    (x0, down - val, down)
                }
            } else {
                (x0 + bar_w * k as f64, 0.0, val)
            };
            let (ya, yb) = (y(from.max(to)), y(from.min(to)));
            svg.push_str(&format!(
                "<rect x=\"{x:.1}\" y=\"{ya:.1}\" width=\"{:.1}\" height=\"{:.1}\" fill=\"{}\"><title>{} {year}: {}</title></rect>\n",
                bar_w - 2.0,
                (yb - ya).max(0.5),
                PALETTE[k % PALETTE.len()],
                escape(s.name),
                escape(&eur(s.values[i]))
            ));
        }
        svg.push_str(&format!(
            "<text x=\"{:.1}\" y=\"{:.1}\" text-anchor=\"middle\">{year}</text>\n",
            left + band * (i as f64 + 0.5),
            h - bottom + 18.0
        ));
    }
    // Legend: one line per series below the chart, so long names are never cut off.
    for (k, s) in series.iter().enumerate() {
        let ly = h - 34.0 + 18.0 * k as f64;
        svg.push_str(&format!(
            "<rect x=\"{left}\" y=\"{ly:.1}\" width=\"12\" height=\"12\" fill=\"{}\"/><text x=\"{:.1}\" y=\"{:.1}\">{}</text>\n",
            PALETTE[k % PALETTE.len()],
            left + 18.0,
            ly + 10.0,
            escape(s.name)
        ));
    }
    svg.push_str("</svg>\n");
    // Grow the drawing to fit the legend lines.
    let full_h = h + 18.0 * series.len().saturating_sub(1) as f64;
    svg.replacen(&format!("viewBox=\"0 0 {w} {h}\""), &format!("viewBox=\"0 0 {w} {full_h}\""), 1)
}

fn to_f64(d: Decimal) -> f64 {
    d.to_f64().unwrap_or(0.0)
}

fn charts(out: &mut String, e: &Evaluation, lang: Lang) {
    out.push_str(&format!("<section id=\"charts\">\n<h2>{}</h2>\n", escape(&t(lang, "report-gap"))));
    let known: Vec<usize> = (0..e.years.len()).filter(|&i| e.deficit[i].is_some()).collect();
    if !known.is_empty() {
        let years: Vec<u16> = known.iter().map(|&i| e.years[i]).collect();
        let (before_name, after_name) = (t(lang, "report-deficit-before"), t(lang, "sheet-balance"));
        let before =
            Series { name: &before_name, values: known.iter().map(|&i| e.deficit[i].unwrap_or_default()).collect() };
        let after = Series {
            name: &after_name,
            values: known.iter().map(|&i| e.balance[i].map(|b| b.expected.known).unwrap_or_default()).collect(),
        };
        let desc: Vec<String> = known
            .iter()
            .map(|&i| {
                Msg::id("report-chart-balance-year")
                    .arg("year", e.years[i])
                    .arg("deficit", eur(e.deficit[i].unwrap_or_default()))
                    .arg("after", fig(e.balance[i].map(|b| b.expected).unwrap_or_default()))
                    .render(lang)
            })
            .collect();
        out.push_str("<figure>\n");
        out.push_str(&bar_chart(
            "chart-balance",
            &t(lang, "report-chart-balance"),
            &desc.join("; "),
            &years,
            &[before, after],
            false,
        ));
        let link = format!("<a href=\"#summary\">{}</a>", escape(&t(lang, "report-figures-per-year")));
        let caption = Msg::id("report-chart-balance-caption").arg("table", link).render(lang);
        out.push_str(&format!("<figcaption>{caption}</figcaption>\n</figure>\n"));
    } else {
        out.push_str(&format!("<p class=\"meta\">{}</p>\n", escape(&t(lang, "report-no-baseline"))));
    }

    out.push_str(&format!("<h2>{}</h2>\n", escape(&t(lang, "report-savings-by-group"))));
    let top: Vec<&crate::eval::GroupEval> =
        e.groups.iter().filter(|g| g.depth == 0 && g.savings.iter().any(|f| !f.known.is_zero())).collect();
    let mut series: Vec<Series> = top
        .iter()
        .map(|g| Series { name: g.title.as_str(), values: g.savings.iter().map(|f| f.known).collect() })
        .collect();
    let ungrouped: Vec<Decimal> = (0..e.years.len())
        .map(|i| e.measures.iter().filter(|m| m.group.is_none()).map(|m| m.savings[i].expected.known).sum::<Decimal>())
        .collect();
    let other = t(lang, "report-other-measures");
    if ungrouped.iter().any(|v| !v.is_zero()) {
        series.push(Series { name: &other, values: ungrouped });
    }
    let desc: Vec<String> =
        e.years.iter().enumerate().map(|(i, y)| format!("{y}: {}", fig(e.savings[i].expected))).collect();
    out.push_str("<figure>\n");
    out.push_str(&bar_chart(
        "chart-savings",
        &t(lang, "report-chart-savings"),
        &desc.join("; "),
        &e.years,
        &series,
        true,
    ));
    out.push_str(&format!(
        "<figcaption>{}</figcaption>\n</figure>\n",
        escape(&t(lang, "report-chart-savings-caption"))
    ));
    let s = sheet::sheet(e, By::Group, &(0..e.years.len()).collect::<Vec<_>>(), lang);
    table_html(out, &s, &t(lang, "report-savings-per-group"));
    out.push_str("</section>\n");
}

fn measure_row(out: &mut String, e: &Evaluation, model: &Model, mi: usize, lang: Lang) {
    let m = &model.measures[mi].measure;
    let me = &e.measures[mi];
    let kind = if m.effects.iter().any(|x| matches!(x.years, YearSpec::From(_) | YearSpec::Always)) {
        if m.effects.iter().any(|x| matches!(x.years, YearSpec::In(_))) {
            t(lang, "report-kind-ramp")
        } else {
            t(lang, "report-kind-structural")
        }
    } else if m.effects.is_empty() {
        "—".to_string()
    } else {
        t(lang, "report-kind-incidental")
    };
    let decision = m
        .decision
        .as_ref()
        .map(|d| {
            let mut text = t(lang, if d.needed { "report-decision-needed" } else { "report-decision-not-needed" });
            if let Some(f) = &d.forum {
                text.push_str(&format!(", {}", f.value));
            }
            if let Some(p) = &d.planned {
                text.push_str(&format!(", {}", p.value));
            }
            text
        })
        .unwrap_or_else(|| "—".into());
    out.push_str(&format!(
        "<tr><th scope=\"row\"><span class=\"code\">{}</span> {}</th><td class=\"num\">{}</td>",
        escape(&m.id.value),
        escape(&m.title.value),
        m.budget.as_ref().map(|b| escape(&crate::fmt::amount(&b.value, lang))).unwrap_or_else(|| "—".into())
    ));
    for s in &me.savings {
        out.push_str(&format!("<td class=\"num\">{}</td>", escape(&fig(s.expected))));
    }
    out.push_str(&format!(
        "<td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>\n",
        escape(&kind),
        escape(m.owner.as_ref().map(|o| o.value.as_str()).unwrap_or("—")),
        escape(&decision),
        escape(m.status.as_ref().map(|s| s.value.as_str()).unwrap_or("—"))
    ));
}

fn groups(out: &mut String, e: &Evaluation, model: &Model, lang: Lang) {
    out.push_str(&format!("<section id=\"measures\">\n<h2>{}</h2>\n", escape(&t(lang, "report-measures"))));
    let th = |id: &'static str, class: &str| format!("<th scope=\"col\"{class}>{}</th>", escape(&t(lang, id)));
    let header = |out: &mut String| {
        out.push_str("<table>\n<thead><tr>");
        out.push_str(&th("report-col-measure", ""));
        out.push_str(&th("report-col-budget", " class=\"num\""));
        for y in &e.years {
            out.push_str(&format!("<th scope=\"col\" class=\"num\">{y}</th>"));
        }
        for id in ["report-col-kind", "report-col-owner", "report-col-decision", "report-col-status"] {
            out.push_str(&th(id, ""));
        }
        out.push_str("</tr></thead>\n<tbody>\n");
    };
    for (gi, g) in model.groups.iter().enumerate() {
        if g.measures.is_empty() {
            continue;
        }
        out.push_str(&format!("<h3>{} {}</h3>\n", escape(&g.id.value), escape(&g.title.value)));
        header(out);
        for &mi in &model.groups[gi].measures {
            measure_row(out, e, model, mi, lang);
        }
        out.push_str("</tbody>\n</table>\n");
    }
    let loose: Vec<usize> = (0..model.measures.len()).filter(|&m| model.measures[m].group.is_none()).collect();
    if !loose.is_empty() {
        out.push_str(&format!("<h3>{}</h3>\n", escape(&t(lang, "report-other-measures"))));
        header(out);
        for mi in loose {
            measure_row(out, e, model, mi, lang);
        }
        out.push_str("</tbody>\n</table>\n");
    }
    out.push_str("</section>\n");
}

/// The latest reporting moment: planned against realised and expected per year as a chart,
/// each measure's phase and traffic light, and every figure of `grip status`.
fn progress(out: &mut String, e: &Evaluation, model: &Model, lang: Lang) {
    let progress = crate::status::progress(model, e);
    let Some(m) = progress.latest() else { return };
    let heading = Msg::id("report-progress").arg("moment", &m.name).arg("date", m.date.to_string()).render(lang);
    out.push_str(&format!("<section id=\"progress\">\n<h2>{}</h2>\n", escape(&heading)));
    let light = |l: Option<crate::status::Light>| match l {
        Some(l) => format!("<span class=\"light {}\">● {}</span>", l.key(), escape(&l.word().render(lang))),
        None => "—".to_string(),
    };
    out.push_str(&format!("<p>{}</p>\n", Msg::id("report-progress-plan").arg("light", light(m.light)).render(lang)));
    let (planned, realised, expected) =
        (t(lang, "status-planned"), t(lang, "status-realised"), t(lang, "status-expected"));
    let series = [
        Series { name: &planned, values: m.total.planned.iter().map(|f| f.known).collect() },
        Series { name: &realised, values: m.total.realised.iter().map(|f| f.known).collect() },
        Series { name: &expected, values: m.total.expected.iter().map(|f| f.known).collect() },
    ];
    let desc: Vec<String> = (0..progress.years.len())
        .map(|i| {
            Msg::id("report-chart-progress-year")
                .arg("year", progress.years[i])
                .arg("planned", fig(m.total.planned[i]))
                .arg("realised", fig(m.total.realised[i]))
                .arg("expected", fig(m.total.expected[i]))
                .render(lang)
        })
        .collect();
    out.push_str("<figure>\n");
    out.push_str(&bar_chart(
        "chart-progress",
        &t(lang, "report-chart-progress"),
        &desc.join("; "),
        &progress.years,
        &series,
        false,
    ));
    out.push_str(&format!(
        "<figcaption>{}</figcaption>\n</figure>\n",
        escape(&t(lang, "report-chart-progress-caption"))
    ));
    // The lights, one line per measure.
    let last = progress.years.len().checked_sub(1);
    let at = progress.years.iter().position(|&y| y == m.date.year).or(last);
    out.push_str(&format!(
        "<table>\n<thead><tr><th scope=\"col\">{}</th><th scope=\"col\">{}</th><th scope=\"col\">{}</th>",
        escape(&t(lang, "report-col-measure")),
        escape(&t(lang, "report-col-phase")),
        escape(&t(lang, "report-col-light")),
    ));
    if let (Some(at), Some(last)) = (at, last) {
        out.push_str(&format!(
            "<th scope=\"col\" class=\"num\">{}</th><th scope=\"col\" class=\"num\">{}</th><th scope=\"col\" class=\"num\">{}</th>",
            escape(&format!("{} {}", planned, progress.years[last])),
            escape(&format!("{} {}", expected, progress.years[last])),
            escape(&format!("{} {}", t(lang, "status-remaining"), progress.years[at])),
        ));
    }
    out.push_str(&format!(
        "<th scope=\"col\">{}</th></tr></thead>\n<tbody>\n",
        escape(&t(lang, "report-col-explanation"))
    ));
    for ms in &m.measures {
        let phase = ms.phase.as_ref().map(|p| p.value.to_string()).unwrap_or_else(|| "—".into());
        out.push_str(&format!(
            "<tr><th scope=\"row\">{} {}</th><td class=\"num\">{phase}</td><td>{} <span class=\"meta\">{}</span></td>",
            escape(&ms.id),
            escape(&ms.title),
            light(ms.light),
            escape(&ms.reason.words().render(lang)),
        ));
        if let (Some(at), Some(last)) = (at, last) {
            for f in [ms.figures.planned[last], ms.figures.expected[last], ms.figures.remaining[at]] {
                let neg = if f.known < Decimal::ZERO { " neg" } else { "" };
                out.push_str(&format!("<td class=\"num{neg}\">{}</td>", escape(&fig(f))));
            }
        }
        out.push_str(&format!("<td>{}</td></tr>\n", escape(ms.explanation.as_deref().unwrap_or(""))));
    }
    out.push_str("</tbody>\n</table>\n");
    let title = sheet::plan_title(e, lang);
    let all = sheet::status(&progress, m, None, &title, lang);
    out.push_str(&format!("<details>\n<summary>{}</summary>\n", escape(&t(lang, "report-progress-details"))));
    table_html(out, &all, &all.title);
    out.push_str("</details>\n</section>\n");
}

fn execution(out: &mut String, e: &Evaluation, lang: Lang) {
    out.push_str(&format!(
        "<section id=\"execution\">\n<h2>{}</h2>\n<table>\n<thead><tr><th scope=\"col\"></th>",
        escape(&t(lang, "report-execution"))
    ));
    for y in &e.years {
        out.push_str(&format!("<th scope=\"col\" class=\"num\">{y}</th>"));
    }
    out.push_str(&format!("</tr></thead>\n<tbody>\n<tr><th scope=\"row\">{}</th>", escape(&t(lang, "sheet-costs"))));
    for c in &e.costs {
        out.push_str(&format!("<td class=\"num\">{}</td>", escape(&fig(*c))));
    }
    out.push_str("</tr>\n");
    if e.has_staffing {
        out.push_str(&format!("<tr><th scope=\"row\">{}</th>", escape(&t(lang, "sheet-staffing"))));
        for s in &e.staffing {
            out.push_str(&format!("<td class=\"num\">{}</td>", escape(&display(&Value::Fte(*s)))));
        }
        out.push_str("</tr>\n");
    }
    out.push_str("</tbody>\n</table>\n");
    out.push_str("</section>\n");
}

/// Budget, forecast, deficit, savings and costs per taakveld (BBV code), when the plan names any.
fn taakvelden(out: &mut String, e: &Evaluation, lang: Lang) {
    if e.taakvelden.iter().all(|t| t.codes.is_empty()) {
        return;
    }
    out.push_str(&format!("<section id=\"taakvelden\">\n<h2>{}</h2>\n", escape(&t(lang, "report-per-taakveld"))));
    let s = sheet::sheet(e, By::Taakveld, &(0..e.years.len()).collect::<Vec<_>>(), lang);
    table_html(out, &s, &t(lang, "report-per-taakveld-caption"));
    out.push_str("</section>\n");
}

fn diagnostics(out: &mut String, checked: &Checked, lang: Lang) {
    out.push_str(&format!("<section id=\"diagnostics\">\n<h2>{}</h2>\n", escape(&t(lang, "report-problems"))));
    if checked.diagnostics.is_empty() {
        out.push_str(&format!("<p class=\"ok\">{}</p>\n", escape(&t(lang, "report-no-problems"))));
    }
    for d in &checked.diagnostics {
        diagnostic_html(out, checked, d, lang);
    }
    out.push_str("</section>\n");
}

fn diagnostic_html(out: &mut String, checked: &Checked, d: &Diagnostic, lang: Lang) {
    let sources = &checked.sources;
    let span = d.span();
    let (line, column) = sources.line_col(span);
    // The line, found by the line index (not by counting lines from the top for each problem),
    // and at most a few hundred characters of it.
    let range =
        codespan_reporting::files::Files::line_range(sources, span.file, line.saturating_sub(1)).unwrap_or(0..0);
    let whole = sources.text(span.file).get(range).unwrap_or("").trim_end_matches(['\n', '\r']);
    let line_text: String = whole.chars().take(400).collect();
    out.push_str(&format!(
        "<div class=\"diag {}\" role=\"note\"><p><strong>{}</strong> <span class=\"code\">{}</span>: {}</p>\n<pre>{}:{line}:{column}\n{line:>5} | {}</pre>\n",
        d.severity().word(),
        escape(&severity_word(d.severity(), lang)),
        escape(d.code()),
        escape(&d.message_in(lang)),
        escape(sources.name(span.file)),
        escape(&line_text)
    ));
    if let Some(help) = d.help_in(lang) {
        out.push_str(&format!("<p>{}</p>\n", escape(&Msg::id("help-line").arg("help", help).render(lang))));
    }
    out.push_str("</div>\n");
}

/// "error", "warning", "note" in a language.
pub fn severity_word(severity: Severity, lang: Lang) -> String {
    Msg::id("severity").arg("severity", severity.word()).render(lang)
}

/// The report in Markdown: the summary, the figures, the measures per group and the problems.
pub fn markdown(checked: &Checked, lang: Lang) -> String {
    let e = evaluate(&checked.model);
    let model = &checked.model;
    let idx: Vec<usize> = (0..e.years.len()).collect();
    let title = sheet::plan_title(&e, lang);
    let mut out = format!("# {}\n\n", sheet::md_text(&title));
    if let Some(warning) = incomplete(checked, lang) {
        out.push_str(&format!("> **{warning}**\n\n"));
    }
    if let Some(m) = &e.municipality {
        out.push_str(&format!("{}\n\n", sheet::md_text(&Msg::id("report-municipality").arg("name", m).render(lang))));
    }
    out.push_str(&sheet::markdown(&sheet::sheet(&e, By::Year, &idx, lang)));
    out.push('\n');
    out.push_str(&sheet::markdown(&sheet::sheet(&e, By::Group, &idx, lang)));
    out.push('\n');
    if e.taakvelden.iter().any(|t| !t.codes.is_empty()) {
        out.push_str(&sheet::markdown(&sheet::sheet(&e, By::Taakveld, &idx, lang)));
        out.push('\n');
    }
    for g in &model.groups {
        if g.measures.is_empty() {
            continue;
        }
        out.push_str(&format!(
            "### {} {}\n\n| {} | {} |",
            g.id.value,
            sheet::md_text(&g.title.value),
            t(lang, "report-col-measure"),
            t(lang, "report-col-budget")
        ));
        for y in &e.years {
            out.push_str(&format!(" {y} |"));
        }
        out.push_str(&format!(" {} |\n|:---|---:|", t(lang, "report-col-owner")));
        for _ in &e.years {
            out.push_str("---:|");
        }
        out.push_str(":---|\n");
        for &mi in &g.measures {
            let m = &model.measures[mi].measure;
            out.push_str(&format!(
                "| {} {} | {} |",
                m.id.value,
                sheet::md_text(&m.title.value),
                m.budget.as_ref().map(|b| crate::fmt::amount(&b.value, lang)).unwrap_or_else(|| "—".into())
            ));
            for s in &e.measures[mi].savings {
                out.push_str(&format!(" {} |", fig(s.expected)));
            }
            out.push_str(&format!(
                " {} |\n",
                m.owner.as_ref().map(|o| sheet::md_text(&o.value)).unwrap_or_else(|| "—".into())
            ));
        }
        out.push('\n');
    }
    let progress = crate::status::progress(model, &e);
    if let Some(m) = progress.latest() {
        out.push_str(&sheet::markdown(&sheet::status(&progress, m, None, &title, lang)));
        out.push('\n');
    }
    out.push_str(&format!("### {}\n\n", t(lang, "report-problems")));
    if checked.diagnostics.is_empty() {
        out.push_str(&format!("{}\n", t(lang, "report-no-problems")));
    }
    for d in &checked.diagnostics {
        let (line, col) = checked.sources.line_col(d.span());
        out.push_str(&format!(
            "- **{}** `{}` {}:{line}:{col}: {}{}\n",
            severity_word(d.severity(), lang),
            d.code(),
            sheet::md_text(checked.sources.name(d.span().file)),
            sheet::md_text(&d.message_in(lang)),
            d.help_in(lang).map(|h| format!(" — {}", sheet::md_text(&h))).unwrap_or_default()
        ));
    }
    out
}
