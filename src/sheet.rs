//! Evaluated figures as sheets (a title, columns, labelled rows) and their renderings: an
//! aligned terminal table, Markdown and CSV. Every output reads the one [`Evaluation`]; no
//! figure is computed here, only chosen and written.
//!
//! Display rule: euros are rounded to whole euros, half away from zero (€ 0,50 → € 1), and
//! written in Dutch notation (€ 1.171.494, € -1.318.057); fte and percentages keep one
//! decimal where they have one. CSV keeps the exact value.

use crate::effects::Figure;
use crate::eval::{Evaluation, TargetEval, Verdict};
use crate::lang::{Lang, Msg};
use crate::syntax::number::format_dutch;
use rust_decimal::{Decimal, RoundingStrategy};

/// What a cell holds.
#[derive(Debug, Clone, PartialEq)]
pub enum Value {
    Money(Figure),
    Fte(Figure),
    Percent(Decimal),
    Text(String),
    Empty,
}

#[derive(Debug, Clone, PartialEq)]
pub struct SheetRow {
    pub label: String,
    pub cells: Vec<Value>,
    /// A total or result row, shown in bold where the format allows.
    pub strong: bool,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Sheet {
    pub title: String,
    pub columns: Vec<String>,
    pub rows: Vec<SheetRow>,
    pub notes: Vec<String>,
    /// The language its words are in.
    pub lang: Lang,
}

/// Which breakdown to show.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum By {
    Year,
    Group,
    Taakveld,
    Measure,
}

fn money(d: Option<Decimal>) -> Value {
    figure(d.map(Figure::known))
}

fn figure(f: Option<Figure>) -> Value {
    f.map(Value::Money).unwrap_or(Value::Empty)
}

/// A word of a sheet, in its language.
fn word(lang: Lang, id: &'static str) -> String {
    Msg::id(id).render(lang)
}

/// The plan's title, or "Plan".
pub fn plan_title(e: &Evaluation, lang: Lang) -> String {
    if e.title.is_empty() {
        word(lang, "sheet-plan")
    } else {
        e.title.clone()
    }
}

/// Builds the sheet for a breakdown over the years at `idx`, its words in `lang`.
pub fn sheet(e: &Evaluation, by: By, idx: &[usize], lang: Lang) -> Sheet {
    let years: Vec<String> = idx.iter().map(|&i| e.years[i].to_string()).collect();
    let row = |id: &'static str, cells: Vec<Value>, strong: bool| SheetRow { label: word(lang, id), cells, strong };
    let name = plan_title(e, lang);
    match by {
        By::Year => {
            let mut rows = Vec::new();
            if !e.baseline.is_empty() {
                rows.push(row("sheet-budget", idx.iter().map(|&i| money(e.budget[i])).collect(), false));
                rows.push(row("sheet-forecast", idx.iter().map(|&i| money(e.forecast[i])).collect(), false));
                rows.push(row("sheet-deficit", idx.iter().map(|&i| money(e.deficit[i])).collect(), true));
            }
            rows.push(row("sheet-savings", idx.iter().map(|&i| Value::Money(e.savings[i].expected)).collect(), false));
            if e.has_ranges {
                rows.push(row("sheet-low", idx.iter().map(|&i| money(Some(e.savings[i].low))).collect(), false));
                rows.push(row("sheet-high", idx.iter().map(|&i| money(Some(e.savings[i].high))).collect(), false));
            }
            rows.push(row("sheet-costs", idx.iter().map(|&i| Value::Money(e.costs[i])).collect(), false));
            if !e.baseline.is_empty() {
                rows.push(row(
                    "sheet-balance",
                    idx.iter().map(|&i| figure(e.balance[i].map(|b| b.expected))).collect(),
                    true,
                ));
                if e.has_ranges {
                    rows.push(row(
                        "sheet-low",
                        idx.iter().map(|&i| money(e.balance[i].map(|b| b.low))).collect(),
                        false,
                    ));
                    rows.push(row(
                        "sheet-high",
                        idx.iter().map(|&i| money(e.balance[i].map(|b| b.high))).collect(),
                        false,
                    ));
                }
                let cum = e.cumulative_balance();
                rows.push(row("sheet-cumulative-balance", idx.iter().map(|&i| figure(cum[i])).collect(), false));
            }
            let cum_s = e.cumulative_savings();
            rows.push(row("sheet-cumulative-savings", idx.iter().map(|&i| Value::Money(cum_s[i])).collect(), false));
            if e.has_staffing {
                rows.push(row("sheet-staffing", idx.iter().map(|&i| Value::Fte(e.staffing[i])).collect(), false));
            }
            // Notes about one year are shown only when that year is.
            let shown: Vec<u16> = idx.iter().map(|&i| e.years[i]).collect();
            let notes = e
                .notes
                .iter()
                .filter(|n| n.year.is_none_or(|y| shown.contains(&y)))
                .map(|n| n.msg.render(lang))
                .collect();
            Sheet { title: name, columns: years, rows, notes, lang }
        }
        By::Group => {
            let mut rows = Vec::new();
            for g in &e.groups {
                let indent = "  ".repeat(g.depth);
                rows.push(SheetRow {
                    label: format!("{indent}{} {}", g.id, g.title),
                    cells: idx.iter().map(|&i| Value::Money(g.savings[i])).collect(),
                    strong: g.depth == 0,
                });
                let shown: Vec<&TargetEval> =
                    g.targets.iter().filter(|t| idx.iter().any(|&i| e.years[i] == t.year)).collect();
                if shown.is_empty() {
                    continue;
                }
                let at = |year: u16| shown.iter().find(|t| t.year == year);
                rows.push(SheetRow {
                    label: format!("{indent}  {}", Msg::id("sheet-group-target").arg("id", &g.id).render(lang)),
                    cells: idx
                        .iter()
                        .map(|&i| at(e.years[i]).map(|t| money(Some(t.amount))).unwrap_or(Value::Empty))
                        .collect(),
                    strong: false,
                });
                rows.push(SheetRow {
                    label: format!("{indent}  {}", Msg::id("sheet-group-reached").arg("id", &g.id).render(lang)),
                    cells: idx
                        .iter()
                        .map(|&i| at(e.years[i]).map(|t| Value::Text(verdict(t, lang))).unwrap_or(Value::Empty))
                        .collect(),
                    strong: false,
                });
            }
            let title = Msg::id("sheet-title-groups").arg("plan", name).render(lang);
            Sheet { title, columns: years, rows, notes: Vec::new(), lang }
        }
        By::Taakveld => {
            let mut rows = Vec::new();
            for t in &e.taakvelden {
                let name = if t.codes.is_empty() { t.key(lang) } else { format!("{} {}", t.key(lang), t.name) };
                rows.push(SheetRow { label: name, cells: vec![Value::Text(String::new()); idx.len()], strong: true });
                let sub = |id: &'static str, cells: Vec<Value>| SheetRow {
                    label: format!("  {}", word(lang, id)),
                    cells,
                    strong: false,
                };
                if t.budget.iter().chain(&t.forecast).any(Option::is_some) {
                    rows.push(sub("sheet-tv-budget", idx.iter().map(|&i| money(t.budget[i])).collect()));
                    rows.push(sub("sheet-tv-forecast", idx.iter().map(|&i| money(t.forecast[i])).collect()));
                    rows.push(sub("sheet-tv-deficit", idx.iter().map(|&i| money(t.deficit(i))).collect()));
                }
                if t.savings.iter().any(|s| *s != Figure::default()) {
                    rows.push(sub("sheet-tv-savings", idx.iter().map(|&i| Value::Money(t.savings[i])).collect()));
                }
                if t.costs.iter().any(|c| *c != Figure::default()) {
                    rows.push(sub("sheet-tv-costs", idx.iter().map(|&i| Value::Money(t.costs[i])).collect()));
                }
            }
            let mut notes = Vec::new();
            if e.taakvelden.is_empty() {
                notes.push(word(lang, "sheet-no-taakveld"));
            }
            let title = Msg::id("sheet-title-taakveld").arg("plan", name).render(lang);
            Sheet { title, columns: years, rows, notes, lang }
        }
        By::Measure => {
            let mut columns = years;
            columns.push(word(lang, "sheet-costs-column"));
            let rows = e
                .measures
                .iter()
                .map(|m| {
                    let mut cells: Vec<Value> = idx.iter().map(|&i| Value::Money(m.savings[i].expected)).collect();
                    let costs = idx.iter().fold(Figure::default(), |a, &i| a + m.costs[i]);
                    cells.push(if costs == Figure::default() { Value::Empty } else { Value::Money(costs) });
                    SheetRow { label: format!("{} {}", m.id, m.title), cells, strong: false }
                })
                .collect();
            let title = Msg::id("sheet-title-measures").arg("plan", name).render(lang);
            Sheet { title, columns, rows, notes: Vec::new(), lang }
        }
    }
}

/// How far a target is reached, in words: "met (100%)", "short € 50.000 (75%)", "cannot be
/// verified: P.M. would have to bring € 54.400".
pub fn verdict(t: &TargetEval, lang: Lang) -> String {
    let pct = t
        .coverage()
        .map(|c| format!(" ({}%)", format_dutch(c.round_dp_with_strategy(0, RoundingStrategy::MidpointAwayFromZero))))
        .unwrap_or_default();
    let id = match t.verdict {
        Verdict::Met => "verdict-met",
        Verdict::NotMet => "verdict-short",
        Verdict::Unverifiable if t.shortfall() <= Decimal::ZERO => "verdict-unverifiable-lower",
        Verdict::Unverifiable => "verdict-unverifiable",
    };
    Msg::id(id).arg("shortfall", eur(t.shortfall())).arg("pct", pct).render(lang)
}

fn round_euro(d: Decimal) -> Decimal {
    d.round_dp_with_strategy(0, RoundingStrategy::MidpointAwayFromZero)
}

/// An amount for display: whole euros, half away from zero, Dutch notation (`€ -1.318.057`).
pub fn eur(d: Decimal) -> String {
    format!("€ {}", format_dutch(round_euro(d)))
}

/// The P.M. items of a figure, as they follow its known amount: " + 1 P.M.", " − 2 P.M.".
pub fn pm_suffix(f: &Figure) -> String {
    let mut out = String::new();
    if f.pm_pos() > 0 {
        out.push_str(&format!(" + {} P.M.", f.pm_pos()));
    }
    if f.pm_neg > 0 {
        out.push_str(&format!(" − {} P.M.", f.pm_neg));
    }
    out
}

/// A figure in euros as people read it: "€ -575.000 + 1 P.M.", or "P.M." alone.
pub fn eur_figure(f: &Figure) -> String {
    if f.known.is_zero() && f.pm > 0 {
        let sign = if f.pm_neg == f.pm { "-" } else { "" };
        return match f.pm {
            1 => format!("{sign}P.M."),
            n if f.pm_neg == 0 || f.pm_neg == n => format!("{sign}{n} × P.M."),
            _ => pm_suffix(f).trim_start().trim_start_matches("+ ").to_string(),
        };
    }
    format!("{}{}", eur(f.known), pm_suffix(f))
}

/// A cell as people read it.
pub fn display(v: &Value) -> String {
    match v {
        Value::Money(f) => eur_figure(f),
        Value::Fte(f) => format!("{}{}", format_dutch(f.known.round_dp(2).normalize()), pm_suffix(f)),
        Value::Percent(p) => {
            format!("{}%", format_dutch(p.round_dp_with_strategy(1, RoundingStrategy::MidpointAwayFromZero)))
        }
        Value::Text(t) => t.clone(),
        Value::Empty => "—".into(),
    }
}

fn is_negative(v: &Value) -> bool {
    matches!(v, Value::Money(f) if f.known < Decimal::ZERO)
}

/// An aligned terminal table; negative amounts in red when `color`.
pub fn table(s: &Sheet, color: bool) -> String {
    // Text from the plan never reaches the terminal with a control character in it.
    let visible = crate::render::visible;
    let shown = Sheet {
        title: visible(&s.title),
        columns: s.columns.iter().map(|c| visible(c)).collect(),
        rows: s
            .rows
            .iter()
            .map(|r| SheetRow {
                label: visible(&r.label),
                cells: r
                    .cells
                    .iter()
                    .map(|v| match v {
                        Value::Text(t) => Value::Text(visible(t)),
                        other => other.clone(),
                    })
                    .collect(),
                strong: r.strong,
            })
            .collect(),
        notes: s.notes.iter().map(|n| visible(n)).collect(),
        lang: s.lang,
    };
    let s = &shown;
    let label_w = s.rows.iter().map(|r| r.label.chars().count()).max().unwrap_or(0).max(1);
    let widths: Vec<usize> = (0..s.columns.len())
        .map(|c| {
            s.rows
                .iter()
                .map(|r| r.cells.get(c).map(|v| display(v).chars().count()).unwrap_or(0))
                .chain(std::iter::once(s.columns[c].chars().count()))
                .max()
                .unwrap_or(0)
        })
        .collect();
    let pad_left = |t: &str, w: usize| format!("{}{t}", " ".repeat(w.saturating_sub(t.chars().count())));
    let pad_right = |t: &str, w: usize| format!("{t}{}", " ".repeat(w.saturating_sub(t.chars().count())));
    let mut out = format!("{}\n\n", s.title);
    out.push_str(&pad_right("", label_w));
    for (c, col) in s.columns.iter().enumerate() {
        out.push_str("  ");
        out.push_str(&pad_left(col, widths[c]));
    }
    out.push('\n');
    out.push_str(&"─".repeat(label_w + widths.iter().map(|w| w + 2).sum::<usize>()));
    out.push('\n');
    for r in &s.rows {
        let label = pad_right(&r.label, label_w);
        if r.strong && color {
            out.push_str(&format!("\u{1b}[1m{label}\u{1b}[0m"));
        } else {
            out.push_str(&label);
        }
        for (c, v) in r.cells.iter().enumerate() {
            out.push_str("  ");
            let text = pad_left(&display(v), widths.get(c).copied().unwrap_or(0));
            if color && is_negative(v) {
                out.push_str(&format!("\u{1b}[31m{text}\u{1b}[0m"));
            } else {
                out.push_str(&text);
            }
        }
        out.push('\n');
    }
    for n in &s.notes {
        out.push('\n');
        out.push_str(&Msg::id("note-line").arg("note", n.as_str()).render(s.lang));
    }
    if !s.notes.is_empty() {
        out.push('\n');
    }
    out
}

fn md_escape(t: &str) -> String {
    md_text(t)
}

/// Text from a plan inside Markdown: shown as the text it is, never as Markdown or HTML. `<`,
/// `>` and `&` become entities (no `<script>`, `<img onerror>`), brackets and the other Markdown
/// marks are escaped (no `[link](javascript:…)`), a line break is a space (a table row stays
/// one row), and control characters are shown as escapes.
pub fn md_text(t: &str) -> String {
    let mut out = String::with_capacity(t.len());
    for c in crate::render::visible(t).chars() {
        match c {
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '&' => out.push_str("&amp;"),
            '\n' | '\r' => out.push(' '),
            '\\' | '`' | '*' | '_' | '[' | ']' | '|' | '#' | '!' => {
                out.push('\\');
                out.push(c);
            }
            c => out.push(c),
        }
    }
    out
}

/// A Markdown table for a memo or a pull request.
pub fn markdown(s: &Sheet) -> String {
    let mut out = format!("### {}\n\n| |", md_escape(&s.title));
    for c in &s.columns {
        out.push_str(&format!(" {} |", md_escape(c)));
    }
    out.push_str("\n|:---|");
    for _ in &s.columns {
        out.push_str("---:|");
    }
    out.push('\n');
    for r in &s.rows {
        let label = md_escape(r.label.trim_start());
        let indent = "&nbsp;&nbsp;".repeat((r.label.len() - r.label.trim_start().len()) / 2);
        if r.strong {
            out.push_str(&format!("| {indent}**{label}** |"));
        } else {
            out.push_str(&format!("| {indent}{label} |"));
        }
        for v in &r.cells {
            out.push_str(&format!(" {} |", md_escape(&display(v))));
        }
        out.push('\n');
    }
    // Notes are grip's own sentences (with `code` in them); only what could break out of them
    // is escaped.
    for n in &s.notes {
        let note = crate::render::visible(n).replace('<', "&lt;").replace('>', "&gt;").replace('\n', " ");
        out.push_str(&format!("\n> {note}\n"));
    }
    out
}

/// A CSV cell for Excel: numbers exact, with a decimal comma; text that Excel would run as a
/// formula (starting with = + - @, a tab or a carriage return) is prefixed with `'`.
fn csv_cell(v: &Value) -> String {
    let number = |d: Decimal| d.normalize().to_string().replace('.', ",");
    let text = match v {
        Value::Money(f) | Value::Fte(f) => return number(f.known),
        Value::Percent(p) => return number(p.round_dp(1)),
        Value::Empty => return String::new(),
        Value::Text(t) => t.clone(),
    };
    quote_text(&text)
}

fn quote_text(text: &str) -> String {
    let guarded =
        if text.starts_with(['=', '+', '-', '@', '\t', '\r']) { format!("'{text}") } else { text.to_string() };
    if guarded.contains([';', '"', '\n', '\r']) {
        format!("\"{}\"", guarded.replace('"', "\"\""))
    } else {
        guarded
    }
}

/// CSV as Dutch Excel opens it: `;` between cells, `,` as decimal mark, a header row.
pub fn csv(s: &Sheet) -> String {
    let mut out = String::new();
    out.push_str(&quote_text(&s.title));
    for c in &s.columns {
        out.push(';');
        out.push_str(&quote_text(c));
    }
    out.push_str("\r\n");
    for r in &s.rows {
        out.push_str(&quote_text(r.label.trim_start()));
        for v in &r.cells {
            out.push(';');
            out.push_str(&csv_cell(v));
        }
        out.push_str("\r\n");
        // Cells stay numbers Excel can add up; the P.M. items they leave out get a row of their
        // own, with their number per column (negative for P.M. items that lower the figure).
        let pm = |v: &Value| match v {
            Value::Money(f) | Value::Fte(f) if f.pm > 0 => Some(f.pm_pos() as i64 - f.pm_neg as i64),
            _ => None,
        };
        if r.cells.iter().any(|v| pm(v).is_some()) {
            let label = Msg::id("sheet-pm-items").arg("label", r.label.trim_start()).render(s.lang);
            out.push_str(&quote_text(&label));
            for v in &r.cells {
                out.push(';');
                out.push_str(&pm(v).map(|n| n.to_string()).unwrap_or_default());
            }
            out.push_str("\r\n");
        }
    }
    out
}

/// A reporting moment as a sheet (`grip status`): the plan's planned, realised, expected and
/// remaining figures per year, then each group and each measure with its phase and light;
/// the explanations, and what moved since `since`, as notes.
pub fn status(
    progress: &crate::status::Progress,
    moment: &crate::status::MomentStatus,
    since: Option<&crate::status::MomentStatus>,
    plan: &str,
    lang: Lang,
) -> Sheet {
    use crate::status::Figures;
    let n = progress.years.len();
    let columns = progress.years.iter().map(u16::to_string).collect();
    let mut rows = Vec::new();
    let text_row = |label: String, strong: bool| SheetRow { label, cells: vec![Value::Text(String::new()); n], strong };
    let figures_rows = |rows: &mut Vec<SheetRow>, f: &Figures, indent: &str, reported: Option<&[bool]>, all: bool| {
        let line = |id: &'static str, v: &[Figure], strong: bool| SheetRow {
            label: format!("{indent}{}", word(lang, id)),
            cells: v.iter().map(|f| Value::Money(*f)).collect(),
            strong,
        };
        rows.push(line("status-planned", &f.planned, false));
        let mut realised = line("status-realised", &f.realised, false);
        if let Some(reported) = reported {
            for (cell, r) in realised.cells.iter_mut().zip(reported) {
                if !r {
                    *cell = Value::Empty;
                }
            }
        }
        rows.push(realised);
        rows.push(line("status-expected", &f.expected, false));
        rows.push(line("status-remaining", &f.remaining, true));
        if all || f.replacement.iter().any(|r| *r != Figure::default()) {
            rows.push(line("status-replacement", &f.replacement, false));
        }
        if all {
            rows.push(line("status-effect", &f.effect, false));
        }
    };
    let light = |l: Option<crate::status::Light>| match l {
        Some(l) => l.word().render(lang),
        None => "—".to_string(),
    };
    rows.push(text_row(Msg::id("status-plan-head").arg("light", light(moment.light)).render(lang), true));
    figures_rows(&mut rows, &moment.total, "  ", None, true);
    if moment.balance.iter().any(Option::is_some) {
        rows.push(SheetRow {
            label: format!("  {}", word(lang, "status-balance")),
            cells: moment.balance.iter().map(|b| figure(*b)).collect(),
            strong: true,
        });
    }
    for g in &moment.groups {
        let indent = "  ".repeat(g.depth);
        let head = Msg::id("status-group-head")
            .arg("id", &g.id)
            .arg("title", &g.title)
            .arg("light", light(g.light))
            .render(lang);
        rows.push(text_row(format!("{indent}{head}"), true));
        figures_rows(&mut rows, &g.figures, &format!("{indent}  "), None, false);
    }
    let mut notes = Vec::new();
    for m in &moment.measures {
        let head = Msg::id("status-measure-head")
            .arg("id", &m.id)
            .arg("title", &m.title)
            .arg("phase", m.phase.as_ref().map(|p| p.value.to_string()).unwrap_or_else(|| "none".into()))
            .arg("light", light(m.light))
            .arg("reason", m.reason.words())
            .render(lang);
        rows.push(text_row(head, true));
        figures_rows(&mut rows, &m.figures, "  ", Some(&m.realised_reported), false);
        if let Some(x) = &m.explanation {
            notes.push(format!("{}: {x}", m.id));
        }
    }
    if let Some(old) = since {
        let moved = crate::status::changes(&progress.years, old, moment);
        notes.push(Msg::id("status-since").arg("moment", &old.name).arg("count", moved.len()).render(lang));
        for c in moved {
            let mut parts = Vec::new();
            if c.before != c.after {
                parts.push(format!("{} → {}", light(c.before), light(c.after)));
            }
            if c.phase_before != c.phase_after {
                let p = |v: Option<u8>| v.map(|v| v.to_string()).unwrap_or_else(|| "—".into());
                parts.push(
                    Msg::id("status-phase-moved")
                        .arg("before", p(c.phase_before))
                        .arg("after", p(c.phase_after))
                        .render(lang),
                );
            }
            let shown = |f: &Option<Figure>| f.as_ref().map(eur_figure).unwrap_or_else(|| "—".into());
            for (y, a, b) in &c.realised {
                parts.push(format!(
                    "{} {y}: {} → {}",
                    word(lang, "status-realised").to_lowercase(),
                    shown(a),
                    shown(b)
                ));
            }
            for (y, a, b) in &c.expected {
                parts.push(format!(
                    "{} {y}: {} → {}",
                    word(lang, "status-expected").to_lowercase(),
                    eur_figure(a),
                    eur_figure(b)
                ));
            }
            notes.push(format!("{} “{}”: {}", c.id, c.title, parts.join("; ")));
        }
    }
    let title = Msg::id("status-title")
        .arg("plan", plan)
        .arg("moment", &moment.name)
        .arg("date", moment.date.to_string())
        .render(lang);
    Sheet { title, columns, rows, notes, lang }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::str::FromStr;

    fn d(s: &str) -> Decimal {
        Decimal::from_str(s).unwrap()
    }

    #[test]
    fn money_is_rounded_half_away_from_zero_for_display() {
        assert_eq!(display(&Value::Money(Figure::known(d("1171493.5")))), "€ 1.171.494");
        assert_eq!(display(&Value::Money(Figure::known(d("-1318057.5")))), "€ -1.318.058");
        assert_eq!(display(&Value::Money(Figure { known: d("350000"), pm: 1, pm_neg: 0 })), "€ 350.000 + 1 P.M.");
        assert_eq!(display(&Value::Money(Figure { known: d("0"), pm: 1, pm_neg: 0 })), "P.M.");
        assert_eq!(
            display(&Value::Money(Figure { known: d("-5000"), pm: 2, pm_neg: 1 })),
            "€ -5.000 + 1 P.M. − 1 P.M."
        );
        assert_eq!(display(&Value::Money(Figure { known: d("0"), pm: 1, pm_neg: 1 })), "-P.M.");
    }

    #[test]
    fn csv_cells_cannot_run_as_formulas() {
        assert_eq!(csv_cell(&Value::Text("=SUM(A1)".into())), "'=SUM(A1)");
        assert_eq!(csv_cell(&Value::Text("- waarvan uitvoering".into())), "'- waarvan uitvoering");
        assert_eq!(csv_cell(&Value::Text("a;b".into())), "\"a;b\"");
        assert_eq!(csv_cell(&Value::Money(Figure::known(d("-1600")))), "-1600");
        assert_eq!(csv_cell(&Value::Fte(Figure::known(d("0.6")))), "0,6");
    }
}
