//! A workbook written by `grip report --xlsx`, read back as the plan it was made from.
//!
//! Its hidden key sheet (`super::KEY_SHEET`, written by `crate::xlsx`) names the plan's
//! structure: groups, measures, tables with their rows and formulas, costs, ranges and
//! taakvelden, in the order of the plan. The figures are read from the visible sheets: each
//! measure's savings per year from the Measures sheet, each table's cells from its sheet (a
//! total's figure from the block of printed figures beside grip's live formulas). So a figure
//! changed in Excel comes back into the plan, and `grip check` says what it does to the totals.

use super::grid::{read_workbook_sheet, Grid, Raw};
use super::{quote, ImportError, Imported, Options};
use crate::lang::Msg;
use crate::syntax::number::format_dutch;
use rust_decimal::Decimal;
use std::path::Path;

/// The first column of savings per year in the Measures sheet (`crate::xlsx`).
const MEASURE_YEAR_COL: usize = 5;

fn text(raw: &Raw) -> String {
    match raw {
        Raw::Text(s) => s.clone(),
        Raw::Number(d) => d.to_string(),
        _ => String::new(),
    }
}

/// A figure cell of a visible sheet, as a plan writes it.
fn cell_figure(raw: &Raw) -> Option<String> {
    match raw {
        Raw::Number(d) => Some(format_dutch(*d)),
        Raw::Text(t) => {
            let t = t.trim();
            if t.ends_with("P.M.") {
                Some(if t.starts_with('-') { "-P.M.".into() } else { "P.M.".into() })
            } else {
                crate::syntax::number::parse_dutch(&crate::syntax::parse::normalize_number(t.trim_start_matches("€ ")))
                    .ok()
                    .map(format_dutch)
            }
        }
        _ => None,
    }
}

/// Reads a grip workbook back as a plan; None when its key is not one grip wrote (the
/// workbook is then imported as any other).
pub fn read(path: &Path, options: &Options) -> Result<Option<Imported>, Msg> {
    let key = read_workbook_sheet(path, super::KEY_SHEET)?;
    let records: Vec<Vec<String>> = key.cells.iter().map(|r| r.iter().map(text).collect()).collect();
    if records.first().and_then(|r| r.first()).map(String::as_str) != Some("grip-workbook") {
        return Ok(None);
    }
    let field = |r: &Vec<String>, i: usize| r.get(i).cloned().unwrap_or_default();
    let mut sheets: Vec<(String, Grid)> = Vec::new();
    let mut sheet = |name: &str| -> Result<Grid, Msg> {
        if let Some((_, g)) = sheets.iter().find(|(n, _)| n == name) {
            return Ok(g.clone());
        }
        let g = read_workbook_sheet(path, name)?;
        sheets.push((name.to_string(), g.clone()));
        Ok(g)
    };
    let lang = options.keywords;
    let measures_sheet = Msg::id("xlsx-sheet-measures");
    // The Measures sheet is named in the workbook's language, which may not be ours.
    let names = super::grid::sheet_names(path)?;
    let measures_name = crate::lang::Lang::ALL
        .iter()
        .map(|l| measures_sheet.render(*l))
        .find(|n| names.iter().any(|(s, _)| s == n))
        .unwrap_or_else(|| measures_sheet.render(lang));
    let measures_grid = sheet(&measures_name)?;
    let mut years: Vec<u16> = Vec::new();
    let mut out = String::new();
    out.push_str(&format!(
        "// {}\n// {}\n\n",
        super::comment(
            &Msg::id("import-comment-source")
                .arg("file", super::file_name(&path.display().to_string()))
                .arg("sheet", "none")
                .arg("cells", "none")
                .render(lang)
        ),
        super::comment(&Msg::id("import-comment-grip-workbook").render(lang)),
    ));
    let (mut measures, mut tables) = (0, 0);
    let mut depth = 0usize;
    let mut i = 1;
    let pad = |d: usize| "  ".repeat(d);
    while i < records.len() {
        let r = &records[i];
        i += 1;
        let ind = pad(depth);
        match r.first().map(String::as_str).unwrap_or("") {
            "plan" => {
                out.push_str(&format!("plan {}{} {{\n", quote(&field(r, 1)), scale(&field(r, 5))));
                if !field(r, 2).is_empty() {
                    out.push_str(&format!("  municipality {}\n", quote(&field(r, 2))));
                }
                if let (Ok(a), Ok(b)) = (field(r, 3).parse::<u16>(), field(r, 4).parse::<u16>()) {
                    out.push_str(&format!("  period {a}..{b}\n"));
                    years = (a..=b).collect();
                }
                while i < records.len() && records[i].first().map(String::as_str) == Some("header") {
                    out.push_str(&format!("  {}\n", field(&records[i], 1)));
                    i += 1;
                }
                out.push_str("}\n\n");
            }
            "group" => {
                out.push_str(&format!(
                    "{ind}group {} {}{} {{\n",
                    field(r, 1),
                    quote(&field(r, 2)),
                    scale(&field(r, 3))
                ));
                depth += 1;
            }
            "fact" => {
                out.push_str(&format!("{ind}{}\n", field(r, 1)));
            }
            "end" => {
                depth = depth.saturating_sub(1);
                out.push_str(&format!("{}}}\n", pad(depth)));
            }
            "measure" => {
                measures += 1;
                out.push_str(&format!("{ind}measure {} {} {{\n", field(r, 1), quote(&field(r, 2))));
                let row: usize = field(r, 3).parse().unwrap_or(0);
                let applies: Vec<u16> = field(r, 5).split_whitespace().filter_map(|y| y.parse().ok()).collect();
                let at = |c: usize| measures_grid.at(row, c);
                // Amounts in the sheet are euros; the plan writes them in its scale of print.
                let exp: u8 = field(r, 6).parse().unwrap_or(0);
                if let Raw::Number(b) = at(4) {
                    out.push_str(&format!("{ind}  budget € {}\n", format_dutch(unscale(*b, exp, 0))));
                }
                let mut amounts: Vec<(u16, Option<String>)> = Vec::new();
                for (k, y) in years.iter().enumerate() {
                    let cell = at(MEASURE_YEAR_COL + k);
                    let zero = matches!(cell, Raw::Number(d) if d.is_zero()) || matches!(cell, Raw::Empty);
                    if zero && !applies.contains(y) {
                        amounts.push((*y, None));
                        continue;
                    }
                    let amount = match (cell, cell_figure(cell)) {
                        (Raw::Number(d), _) => format!("€ {}", format_dutch(unscale(*d, exp, 0))),
                        (_, Some(p)) if p.ends_with("P.M.") => p,
                        (_, Some(f)) => format!("€ {f}"),
                        _ => "€ 0".into(),
                    };
                    amounts.push((*y, Some(amount)));
                }
                for line in savings_lines(&amounts) {
                    out.push_str(&format!("{ind}  {line}\n"));
                }
                // Costs, the range and the other facts follow as the plan writes them.
                while i < records.len() && records[i].first().map(String::as_str) == Some("fact") {
                    out.push_str(&format!("{ind}  {}\n", field(&records[i], 1)));
                    i += 1;
                }
                if !field(r, 4).is_empty() {
                    out.push_str(&format!("{ind}  taakveld {}\n", field(r, 4)));
                }
                out.push_str(&format!("{ind}}}\n"));
            }
            "table" => {
                tables += 1;
                let grid = sheet(&field(r, 2))?;
                let at = |row: usize, c: usize| grid.at(row, c);
                // The table's columns: the headings of row 2, from column B up to the first gap.
                let n =
                    (1..=grid.cols() + grid.origin.1 as usize).take_while(|&c| !matches!(at(1, c), Raw::Empty)).count();
                let total_cols: Vec<usize> = field(r, 5).split_whitespace().filter_map(|c| c.parse().ok()).collect();
                out.push_str(&format!("{ind}table {} {{\n", field(r, 1)));
                if !field(r, 4).is_empty() {
                    out.push_str(&format!("{ind}  {}\n", field(r, 4)));
                }
                out.push_str(&format!("{ind}  columns {}\n", field(r, 3)));
                while i < records.len() && records[i].first().map(String::as_str) == Some("row") {
                    let row = &records[i];
                    i += 1;
                    let mut nvt: Vec<usize> = Vec::new();
                    let mut as_written: Vec<(usize, String)> = Vec::new();
                    while i < records.len()
                        && matches!(records[i].first().map(String::as_str), Some("n.v.t." | "as-written"))
                    {
                        if let Ok(c) = field(&records[i], 1).parse() {
                            if records[i][0] == "n.v.t." {
                                nvt.push(c);
                            } else {
                                as_written.push((c, field(&records[i], 2)));
                            }
                        }
                        i += 1;
                    }
                    let prefix = field(row, 1);
                    let sheet_row: usize = field(row, 2).parse().unwrap_or(0);
                    let exp: u8 = field(row, 3).parse().unwrap_or(0);
                    let decimals: Vec<u32> = field(row, 4).split_whitespace().filter_map(|d| d.parse().ok()).collect();
                    let is_total = prefix.starts_with("total ");
                    let cells: Vec<String> = (0..n)
                        .map(|c| {
                            if nvt.contains(&c) {
                                return "n.v.t.".to_string();
                            }
                            if let Some((_, w)) = as_written.iter().find(|(k, _)| *k == c) {
                                if !w.is_empty() && !w.contains(['\n', '}', '{', ':']) {
                                    return w.clone();
                                }
                            }
                            let col = if is_total || total_cols.contains(&c) { 2 + n + c } else { 1 + c };
                            match at(sheet_row, col) {
                                Raw::Number(d) => format_dutch(unscale(*d, exp, decimals.get(c).copied().unwrap_or(0))),
                                other => cell_figure(other).unwrap_or_else(|| "-".into()),
                            }
                        })
                        .collect();
                    out.push_str(&format!("{ind}  {prefix} : {}\n", cells.join("  ")));
                }
                if i < records.len() && records[i].first().map(String::as_str) == Some("end-table") {
                    i += 1;
                }
                out.push_str(&format!("{ind}}}\n"));
            }
            _ => {}
        }
    }
    let text = super::finish(&out, lang).map_err(|e: ImportError| e.0)?;
    Ok(Some(Imported { text, unmapped: Vec::new(), measures, tables }))
}

/// A measure's saving lines for its amount in each year (None: no saving line applies): the
/// amount it keeps to the last year from the year it starts (`from`), each year before that on
/// its own (`in`). Both say the same of every year, as the plan that wrote the workbook did.
fn savings_lines(amounts: &[(u16, Option<String>)]) -> Vec<String> {
    let mut from = amounts.len();
    if let Some((_, Some(last))) = amounts.last() {
        from -= 1;
        while from > 0 && amounts[from - 1].1.as_deref() == Some(last.as_str()) {
            from -= 1;
        }
    }
    let mut lines = Vec::new();
    for (i, (y, a)) in amounts.iter().enumerate() {
        match a {
            Some(a) if i == from => {
                lines.push(format!("saving {a} from {y}"));
                break;
            }
            Some(a) => lines.push(format!("saving {a} in {y}")),
            None => {}
        }
    }
    lines
}

/// ` in € 1.000` for a scale written in the key (`1.000`, `1 mln`), or nothing.
fn scale(factor: &str) -> String {
    if factor.is_empty() {
        String::new()
    } else {
        format!(" in € {factor}")
    }
}

/// A figure of the sheet (in euros) as printed in a scale of 10^`exp`, with at least the
/// `decimals` it was printed with (`2,10` stays `2,10`; a figure changed in Excel keeps its own).
fn unscale(value: Decimal, exp: u8, decimals: u32) -> Decimal {
    let mut v = if exp > 0 { (value / crate::syntax::ast::pow10(exp as i64)).normalize() } else { value };
    if v.scale() < decimals && decimals <= 10 {
        v.rescale(decimals);
    }
    v
}
