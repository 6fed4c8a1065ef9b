//! `grip report --xlsx`: a workbook a financial adviser can keep working in. Amounts are
//! numbers with euro formatting; every total is a live Excel formula (with grip's value cached,
//! so the workbook opens with the right figures), so it stays consistent when someone edits a
//! cell. Sheets: Balance, Measures, one per group, one per table of the plan, Progress (the
//! latest reporting moment, when the plan has progress files) and Problems.

use crate::api::Checked;
use crate::effects::Figure;
use crate::eval::{evaluate, Evaluation, TargetEval};
use crate::formula::{self, Evaluator};
use crate::lang::{Lang, Msg};
use crate::resolve::Model;
use crate::syntax::ast::*;
use rust_decimal::prelude::ToPrimitive;
use rust_decimal::Decimal;
use rust_xlsxwriter::{utility::row_col_to_cell, Format, Formula, Workbook, Worksheet, XlsxError};
use std::collections::HashMap;
use std::path::Path;

const EURO: &str = "€ #,##0;[Red]€ -#,##0";
const FTE: &str = "0.0#";

/// The most characters Excel keeps in a cell.
const MAX_CELL_TEXT: usize = 32_767;

/// Text for a cell: as it is, or, when longer than a cell can hold, cut with a note that says so
/// (a workbook with one long text is still a workbook, not an error).
fn fit(text: &str, lang: Lang) -> String {
    if text.chars().count() <= MAX_CELL_TEXT {
        return text.to_string();
    }
    let note = format!(" … ({})", t(lang, "xlsx-cut"));
    let keep: String = text.chars().take(MAX_CELL_TEXT - note.chars().count()).collect();
    format!("{keep}{note}")
}

fn num(d: Decimal) -> f64 {
    d.to_f64().unwrap_or(0.0)
}

/// A sheet name Excel accepts (at most 31 characters, none of []:*?/\), unique in the book.
fn sheet_name(wanted: &str, taken: &mut Vec<String>) -> String {
    let clean: String = wanted.chars().map(|c| if "[]:*?/\\".contains(c) { '_' } else { c }).collect();
    let mut base: String = clean.chars().take(28).collect();
    if base.trim().is_empty() {
        base = "Sheet".into();
    }
    let mut name = base.clone();
    let mut n = 2;
    while taken.iter().any(|t| t.eq_ignore_ascii_case(&name)) {
        name = format!("{base} {n}");
        n += 1;
    }
    taken.push(name.clone());
    name
}

fn quoted(sheet: &str) -> String {
    format!("'{}'", sheet.replace('\'', "''"))
}

fn cell(row: u32, col: u16) -> String {
    row_col_to_cell(row, col)
}

struct Book<'m> {
    model: &'m Model,
    e: Evaluation,
    euro: Format,
    fte: Format,
    bold: Format,
    /// Where each table row lives: (table, row) → (sheet name, sheet row).
    rows: HashMap<(usize, usize), (String, u32)>,
    /// The Measures sheet: name, first and last data row, first year column.
    measures_sheet: String,
    measures_rows: (u32, u32),
    /// The language of the workbook's words.
    lang: Lang,
}

/// A word of the workbook in its language.
fn t(lang: Lang, id: &'static str) -> String {
    Msg::id(id).render(lang)
}

const MEASURE_YEAR_COL: u16 = 5;

/// Writes the workbook for a checked plan to `path`.
pub fn write(checked: &Checked, path: &Path, lang: Lang) -> Result<(), XlsxError> {
    let mut workbook = Workbook::new();
    let mut taken = Vec::new();
    let model = &checked.model;
    let e = evaluate(model);
    let balance_name = sheet_name(&t(lang, "xlsx-sheet-balance"), &mut taken);
    let measures_name = sheet_name(&t(lang, "xlsx-sheet-measures"), &mut taken);
    let mut book = Book {
        model,
        e,
        euro: Format::new().set_num_format(EURO),
        fte: Format::new().set_num_format(FTE),
        bold: Format::new().set_bold(),
        rows: HashMap::new(),
        measures_sheet: measures_name.clone(),
        measures_rows: (1, model.measures.len() as u32),
        lang,
    };
    // Plan the table sheets first, so formulas can point across sheets.
    let mut table_sheets = Vec::new();
    for (t, ti) in model.tables.iter().enumerate() {
        // "Table D.1", not "D.1": a short name of letters, a dot and digits trips the Excel
        // writer's check for names that look like a cell (and reads less well too).
        let name = sheet_name(&Msg::id("xlsx-sheet-table").arg("id", &ti.table.id.value).render(lang), &mut taken);
        for r in 0..ti.table.rows.len() {
            book.rows.insert((t, r), (name.clone(), 2 + r as u32));
        }
        table_sheets.push(name);
    }

    let sheet = workbook.add_worksheet();
    sheet.set_name(&balance_name)?;
    book.balance(sheet)?;
    let sheet = workbook.add_worksheet();
    sheet.set_name(&measures_name)?;
    book.measures(sheet)?;
    for (g, info) in model.groups.iter().enumerate() {
        if model.measures_in(g).is_empty() {
            continue;
        }
        let name = sheet_name(&Msg::id("xlsx-sheet-group").arg("id", &info.id.value).render(lang), &mut taken);
        let sheet = workbook.add_worksheet();
        sheet.set_name(&name)?;
        book.group(sheet, g)?;
    }
    for (t, name) in table_sheets.iter().enumerate() {
        let sheet = workbook.add_worksheet();
        sheet.set_name(name)?;
        book.table(sheet, t)?;
    }
    // The latest reporting moment of the plan's progress, as `grip status` shows it.
    let progress = crate::status::progress(model, &book.e);
    if let Some(latest) = progress.latest() {
        let name = sheet_name(&t(lang, "xlsx-sheet-progress"), &mut taken);
        let sheet = workbook.add_worksheet();
        sheet.set_name(&name)?;
        let title = crate::sheet::plan_title(&book.e, lang);
        book.status(sheet, &crate::sheet::status(&progress, latest, None, &title, lang))?;
    }
    let name = sheet_name(&t(lang, "xlsx-sheet-problems"), &mut taken);
    let sheet = workbook.add_worksheet();
    sheet.set_name(&name)?;
    problems(sheet, checked, &book.bold, lang)?;
    // The key grip import reads the plan back with (hidden: it is for grip, not for people).
    let sheet = workbook.add_worksheet();
    sheet.set_name(crate::import::KEY_SHEET)?;
    sheet.set_hidden(true);
    key(sheet, &book, &table_sheets, &checked.sources)?;
    // Write beside the target and rename, so a reader never sees half a workbook.
    let dir = path.parent().filter(|d| !d.as_os_str().is_empty()).unwrap_or(Path::new("."));
    let tmp = crate::api::temporary_file(dir, ".xlsx")?;
    workbook.save(tmp.path())?;
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        tmp.as_file().set_permissions(std::fs::Permissions::from_mode(0o644))?;
    }
    tmp.persist(path).map_err(|e| XlsxError::IoError(e.error))?;
    Ok(())
}

impl Book<'_> {
    fn year_header(&self, sheet: &mut Worksheet, row: u32, first_col: u16) -> Result<(), XlsxError> {
        for (i, y) in self.e.years.iter().enumerate() {
            sheet.write_number_with_format(row, first_col + i as u16, *y as f64, &self.bold)?;
        }
        Ok(())
    }

    fn money(&self, sheet: &mut Worksheet, row: u32, col: u16, f: Figure) -> Result<(), XlsxError> {
        if f.pm > 0 && f.known.is_zero() {
            sheet.write_string(row, col, crate::sheet::eur_figure(&f))?;
        } else {
            sheet.write_number_with_format(row, col, num(f.known), &self.euro_for(&f))?;
        }
        Ok(())
    }

    /// The euro format of a figure: with its P.M. items written after the amount ("€ 925.000
    /// + 1 P.M."), so a sum that leaves P.M. out as the document does still says so.
    fn euro_for(&self, f: &Figure) -> Format {
        if f.pm == 0 {
            return self.euro.clone();
        }
        let pm = crate::sheet::pm_suffix(f).replace('"', "");
        Format::new().set_num_format(format!("€ #,##0\"{pm}\";[Red]€ -#,##0\"{pm}\""))
    }

    /// The progress at a reporting moment: the rows of `grip status`, figures as numbers.
    fn status(&self, sheet: &mut Worksheet, s: &crate::sheet::Sheet) -> Result<(), XlsxError> {
        sheet.write_string_with_format(0, 0, fit(&s.title, self.lang), &self.bold)?;
        sheet.set_column_width(0, 60)?;
        for (i, c) in s.columns.iter().enumerate() {
            sheet.write_string_with_format(2, 1 + i as u16, c, &self.bold)?;
        }
        let mut row = 3;
        for r in &s.rows {
            if r.strong {
                sheet.write_string_with_format(row, 0, fit(&r.label, self.lang), &self.bold)?;
            } else {
                sheet.write_string(row, 0, fit(&r.label, self.lang))?;
            }
            for (i, v) in r.cells.iter().enumerate() {
                if let crate::sheet::Value::Money(f) = v {
                    self.money(sheet, row, 1 + i as u16, *f)?;
                }
            }
            row += 1;
        }
        for note in &s.notes {
            row += 1;
            sheet.write_string(row, 0, fit(note, self.lang))?;
        }
        Ok(())
    }

    fn balance(&self, sheet: &mut Worksheet) -> Result<(), XlsxError> {
        let e = &self.e;
        sheet.write_string_with_format(0, 0, fit(&e.title, self.lang), &self.bold)?;
        sheet.set_column_width(0, 34)?;
        self.year_header(sheet, 1, 1)?;
        let labels = [
            "sheet-budget",
            "sheet-forecast",
            "sheet-deficit",
            "sheet-savings",
            "sheet-costs",
            "sheet-balance",
            "sheet-cumulative-balance",
        ];
        for (i, l) in labels.iter().enumerate() {
            sheet.write_string(2 + i as u32, 0, t(self.lang, l))?;
        }
        let (first, last) = self.measures_rows;
        let cumulative = e.cumulative_balance();
        for (i, _) in e.years.iter().enumerate() {
            let col = 1 + i as u16;
            let c = |r: u32| cell(r, col);
            if let Some(b) = e.budget[i] {
                sheet.write_number_with_format(2, col, num(b), &self.euro)?;
            }
            if let Some(f) = e.forecast[i] {
                sheet.write_number_with_format(3, col, num(f), &self.euro)?;
            }
            match (e.budget[i], e.forecast[i], e.deficit[i]) {
                (Some(_), Some(_), Some(d)) => {
                    let f = Formula::new(format!("={}-{}", c(2), c(3))).set_result(num(d).to_string());
                    sheet.write_formula_with_format(4, col, f, &self.euro)?;
                }
                (_, _, Some(d)) => {
                    sheet.write_number_with_format(4, col, num(d), &self.euro)?;
                }
                _ => {}
            }
            let mcol = MEASURE_YEAR_COL + i as u16;
            let savings = Formula::new(format!(
                "=SUM({}!{}:{})",
                quoted(&self.measures_sheet),
                cell(first, mcol),
                cell(last.max(first), mcol)
            ))
            .set_result(num(e.savings[i].expected.known).to_string());
            sheet.write_formula_with_format(5, col, savings, &self.euro_for(&e.savings[i].expected))?;
            sheet.write_number_with_format(6, col, num(e.costs[i].known), &self.euro_for(&e.costs[i]))?;
            if let Some(b) = e.balance[i] {
                let f =
                    Formula::new(format!("={}+{}-{}", c(4), c(5), c(6))).set_result(num(b.expected.known).to_string());
                sheet.write_formula_with_format(7, col, f, &self.euro_for(&b.expected))?;
                let cum_fig = cumulative[i].unwrap_or_default();
                let cum =
                    Formula::new(format!("=SUM({}:{})", cell(7, 1), c(7))).set_result(num(cum_fig.known).to_string());
                sheet.write_formula_with_format(8, col, cum, &self.euro_for(&cum_fig))?;
            }
        }
        Ok(())
    }

    fn measures(&self, sheet: &mut Worksheet) -> Result<(), XlsxError> {
        let model = self.model;
        let headers = ["xlsx-col-id", "xlsx-col-title", "xlsx-col-group", "xlsx-col-groups", "report-col-budget"];
        for (c, h) in headers.iter().enumerate() {
            sheet.write_string_with_format(0, c as u16, t(self.lang, h), &self.bold)?;
        }
        self.year_header(sheet, 0, MEASURE_YEAR_COL)?;
        sheet.set_column_width(1, 48)?;
        // The path of groups is only there for the SUMIF formulas of `savings(C1)`: hidden.
        sheet.set_column_hidden(3)?;
        for (mi, info) in model.measures.iter().enumerate() {
            let row = 1 + mi as u32;
            let m = &info.measure;
            sheet.write_string(row, 0, fit(&m.id.value, self.lang))?;
            sheet.write_string(row, 1, fit(&m.title.value, self.lang))?;
            // The path of groups, `|C|C1|C1.1|`, lets SUMIF pick a group and its sub-groups.
            let mut path = Vec::new();
            let mut g = info.group;
            while let Some(gi) = g {
                path.push(model.groups[gi].id.value.clone());
                g = model.groups[gi].parent;
            }
            path.reverse();
            sheet.write_string(row, 2, fit(&path.last().cloned().unwrap_or_default(), self.lang))?;
            sheet.write_string(row, 3, fit(&format!("|{}|", path.join("|")), self.lang))?;
            if let Some(b) = m.budget.as_ref().and_then(|b| b.value.known()) {
                sheet.write_number_with_format(row, 4, num(b.value), &self.euro)?;
            }
            for (i, s) in self.e.measures[mi].savings.iter().enumerate() {
                self.money(sheet, row, MEASURE_YEAR_COL + i as u16, s.expected)?;
            }
        }
        Ok(())
    }

    fn group(&self, sheet: &mut Worksheet, g: usize) -> Result<(), XlsxError> {
        let info = &self.model.groups[g];
        sheet.write_string_with_format(
            0,
            0,
            fit(&format!("{} {}", info.id.value, info.title.value), self.lang),
            &self.bold,
        )?;
        sheet.set_column_width(0, 48)?;
        self.year_header(sheet, 1, 1)?;
        let members = self.model.measures_in(g);
        for (k, &mi) in members.iter().enumerate() {
            let row = 2 + k as u32;
            let m = &self.model.measures[mi].measure;
            sheet.write_string(row, 0, fit(&format!("{} {}", m.id.value, m.title.value), self.lang))?;
            for (i, s) in self.e.measures[mi].savings.iter().enumerate() {
                self.money(sheet, row, 1 + i as u16, s.expected)?;
            }
        }
        let total_row = 2 + members.len() as u32;
        sheet.write_string_with_format(total_row, 0, t(self.lang, "xlsx-total"), &self.bold)?;
        let ge = self.e.groups.iter().find(|x| x.id == info.id.value);
        for i in 0..self.e.years.len() {
            let col = 1 + i as u16;
            let mut f =
                Formula::new(format!("=SUM({}:{})", cell(2, col), cell(total_row.saturating_sub(1).max(2), col)));
            let mut format = self.euro.clone();
            if let Some(ge) = ge {
                f = f.set_result(num(ge.savings[i].known).to_string());
                format = self.euro_for(&ge.savings[i]);
            }
            sheet.write_formula_with_format(total_row, col, f, &format)?;
        }
        // Every target, in its year's column: the target, the shortfall as a live formula, and
        // grip's verdict (the same as `grip check` and `grip eval`).
        let targets: Vec<&TargetEval> = ge.map(|g| g.targets.iter().collect()).unwrap_or_default();
        if !targets.is_empty() {
            let (target_row, short_row, verdict_row) = (total_row + 2, total_row + 3, total_row + 4);
            sheet.write_string_with_format(target_row, 0, t(self.lang, "report-col-target"), &self.bold)?;
            sheet.write_string(short_row, 0, t(self.lang, "xlsx-shortfall"))?;
            sheet.write_string(verdict_row, 0, t(self.lang, "xlsx-reached"))?;
            for t in targets {
                let Some(i) = self.e.years.iter().position(|y| *y == t.year) else { continue };
                let col = 1 + i as u16;
                sheet.write_number_with_format(target_row, col, num(t.amount), &self.euro)?;
                let f = Formula::new(format!("={}-{}", cell(target_row, col), cell(total_row, col)))
                    .set_result(num(t.shortfall()).to_string());
                sheet.write_formula_with_format(short_row, col, f, &self.euro)?;
                sheet.write_string(verdict_row, col, crate::sheet::verdict(t, self.lang))?;
            }
        }
        Ok(())
    }

    /// An Excel formula for a total row in a column, or None where grip's formula has no
    /// spreadsheet equivalent (then the value is written).
    fn excel_formula(&self, t: usize, r: usize, expr: &Expr, col: usize) -> Option<String> {
        let table = &self.model.tables[t].table;
        let key = &table.columns.get(col)?.key;
        let here = &self.rows.get(&(t, r))?.0;
        let at = |tt: usize, rr: usize| -> Option<String> {
            let (sheet, row) = self.rows.get(&(tt, rr))?;
            let c = self.model.tables[tt].table.columns.iter().position(|c| &c.key == key)?;
            let reference = cell(*row, 1 + c as u16);
            Some(if sheet == here { reference } else { format!("{}!{reference}", quoted(sheet)) })
        };
        match expr {
            Expr::Row(name) => {
                let (tt, rr) = formula::find_row(self.model, t, &name.value)?;
                at(tt, rr)
            }
            Expr::Sum(_) | Expr::SumBelow(_) => {
                let rows = formula::summed_rows(table, r, matches!(expr, Expr::SumBelow(_)));
                if rows.is_empty() {
                    return Some("0".into());
                }
                Some(format!("SUM({}:{})", at(t, rows.start)?, at(t, rows.end - 1)?))
            }
            Expr::Savings(group, _) => {
                let ColumnKey::Year(y) = key else { return None };
                let i = self.e.years.iter().position(|x| x == y)?;
                let (first, last) = self.measures_rows;
                let ms = quoted(&self.measures_sheet);
                let column = MEASURE_YEAR_COL + i as u16;
                let range = format!("{ms}!{}:{}", cell(first, column), cell(last.max(first), column));
                Some(match group {
                    None => format!("SUM({range})"),
                    Some(g) => format!(
                        "SUMIF({ms}!{}:{},\"*|{}|*\",{range})",
                        cell(first, 3),
                        cell(last.max(first), 3),
                        g.value.replace('"', "")
                    ),
                })
            }
            Expr::Costs(..) => None,
            Expr::Cumulative(inner, _) => {
                let parts: Option<Vec<String>> = (0..=col).map(|c| self.excel_formula(t, r, inner, c)).collect();
                Some(parts?.join("+"))
            }
            // In the first column the figure is the opening one: written as a value.
            Expr::Previous(inner, _) => self.excel_formula(t, r, inner, col.checked_sub(1)?),
            Expr::Terms(terms, _) => {
                let mut s = String::new();
                for (k, (sign, term)) in terms.iter().enumerate() {
                    let part = self.excel_formula(t, r, term, col)?;
                    match (k, sign) {
                        (0, Sign::Plus) => s.push_str(&format!("({part})")),
                        (_, Sign::Plus) => s.push_str(&format!("+({part})")),
                        (_, Sign::Minus) => s.push_str(&format!("-({part})")),
                    }
                }
                Some(s)
            }
        }
    }

    /// An Excel formula for a total column in a row (`totaal "Totaal" = sum`, `= lasten -
    /// baten`), or None where it has no spreadsheet equivalent.
    fn excel_column_formula(&self, t: usize, r: usize, expr: &Expr, col: usize) -> Option<String> {
        let table = &self.model.tables[t].table;
        let row = 2 + r as u32;
        match expr {
            Expr::Sum(_) => {
                let start = table.columns[..col].iter().rposition(|c| c.formula.is_some()).map(|i| i + 1).unwrap_or(0);
                if start >= col {
                    return Some("0".into());
                }
                Some(format!("SUM({}:{})", cell(row, 1 + start as u16), cell(row, col as u16)))
            }
            Expr::Row(name) => {
                let c = table.columns.iter().position(|c| match &c.key {
                    ColumnKey::Named(n) => *n == name.value,
                    ColumnKey::Year(y) => y.to_string() == name.value,
                })?;
                Some(cell(row, 1 + c as u16))
            }
            Expr::Terms(terms, _) => {
                let mut s = String::new();
                for (k, (sign, term)) in terms.iter().enumerate() {
                    let part = self.excel_column_formula(t, r, term, col)?;
                    match (k, sign) {
                        (0, Sign::Plus) => s.push_str(&format!("({part})")),
                        (0, Sign::Minus) => s.push_str(&format!("-({part})")),
                        (_, Sign::Plus) => s.push_str(&format!("+({part})")),
                        (_, Sign::Minus) => s.push_str(&format!("-({part})")),
                    }
                }
                Some(s)
            }
            _ => None,
        }
    }

    fn table(&self, sheet: &mut Worksheet, t: usize) -> Result<(), XlsxError> {
        let table = &self.model.tables[t].table;
        sheet.write_string_with_format(0, 0, fit(&table.title.value, self.lang), &self.bold)?;
        sheet.set_column_width(0, 48)?;
        let n = table.columns.len() as u16;
        // What the document printed for every total (row or column) stands in a block to the
        // right, one column per column of the table, so a reviewer sees grip's live formula and
        // the printed figure side by side.
        let checked =
            table.rows.iter().any(|r| r.formula.is_some()) || table.columns.iter().any(|c| c.formula.is_some());
        let printed_col = |c: usize| 2 + n + c as u16;
        for (c, col) in table.columns.iter().enumerate() {
            match (&col.key, &col.kind, &col.label) {
                (ColumnKey::Year(y), None, None) => {
                    sheet.write_number_with_format(1, 1 + c as u16, *y as f64, &self.bold)?;
                }
                _ => {
                    sheet.write_string_with_format(1, 1 + c as u16, fit(&col.title(), self.lang), &self.bold)?;
                }
            }
            if checked {
                sheet.write_string_with_format(
                    1,
                    printed_col(c),
                    fit(&Msg::id("xlsx-printed").arg("column", col.title()).render(self.lang), self.lang),
                    &self.bold,
                )?;
            }
        }
        for (r, row) in table.rows.iter().enumerate() {
            let xr = 2 + r as u32;
            let format = if formula::row_unit(table, row) == Unit::Euro { &self.euro } else { &self.fte };
            let label_format = if row.formula.is_some() { &self.bold } else { &Format::new() };
            sheet.write_string_with_format(xr, 0, fit(&row.label.value, self.lang), label_format)?;
            for (c, cellv) in row.cells.iter().enumerate() {
                let xc = 1 + c as u16;
                let column_formula = table.columns.get(c).and_then(|col| col.formula.as_ref());
                let is_total = row.formula.is_some() || column_formula.is_some();
                if matches!(cellv.value, CellValue::NotApplicable) {
                    continue;
                }
                if is_total {
                    // grip's figure, as a live formula where Excel can compute it.
                    let (computed, excel) = match (column_formula, &row.formula) {
                        (Some(expr), _) => {
                            (formula::column_total(self.model, t, r, c).ok(), self.excel_column_formula(t, r, expr, c))
                        }
                        (None, Some(expr)) => {
                            (Evaluator::new(self.model, t, r).column(expr, c).ok(), self.excel_formula(t, r, expr, c))
                        }
                        (None, None) => (None, None),
                    };
                    let format = match (&computed, format == &self.euro) {
                        (Some(v), true) => self.euro_for(&v.figure),
                        _ => format.clone(),
                    };
                    match (excel, &computed) {
                        (Some(f), _) => {
                            let mut formula = Formula::new(format!("={f}"));
                            if let Some(v) = &computed {
                                formula = formula.set_result(num(v.figure.known).to_string());
                            }
                            sheet.write_formula_with_format(xr, xc, formula, &format)?;
                        }
                        (None, Some(v)) => {
                            sheet.write_number_with_format(xr, xc, num(v.figure.known), &format)?;
                        }
                        (None, None) => {}
                    }
                    match &cellv.value {
                        CellValue::Number(v) => {
                            sheet.write_number_with_format(xr, printed_col(c), num(*v), &format)?;
                        }
                        CellValue::Pm { negative } => {
                            sheet.write_string(xr, printed_col(c), if *negative { "-P.M." } else { "P.M." })?;
                        }
                        _ => {}
                    }
                    continue;
                }
                match &cellv.value {
                    CellValue::Number(v) => {
                        sheet.write_number_with_format(xr, xc, num(*v), format)?;
                    }
                    CellValue::Pm { negative } => {
                        sheet.write_string(xr, xc, if *negative { "-P.M." } else { "P.M." })?;
                    }
                    _ => {}
                }
            }
        }
        Ok(())
    }
}

fn problems(sheet: &mut Worksheet, checked: &Checked, bold: &Format, lang: Lang) -> Result<(), XlsxError> {
    let headers = [
        "xlsx-col-severity",
        "xlsx-col-code",
        "xlsx-col-file",
        "xlsx-col-line",
        "xlsx-col-column",
        "xlsx-col-problem",
        "xlsx-col-help",
        "xlsx-col-declared",
        "xlsx-col-computed",
    ];
    for (c, h) in headers.iter().enumerate() {
        sheet.write_string_with_format(0, c as u16, t(lang, h), bold)?;
    }
    sheet.set_column_width(5, 80)?;
    sheet.set_column_width(6, 60)?;
    for (i, d) in checked.diagnostics.iter().enumerate() {
        let row = 1 + i as u32;
        let (line, col) = checked.sources.line_col(d.span());
        sheet.write_string(row, 0, crate::report::severity_word(d.severity(), lang))?;
        sheet.write_string(row, 1, d.code())?;
        sheet.write_string(row, 2, fit(checked.sources.name(d.span().file), lang))?;
        sheet.write_number(row, 3, line as f64)?;
        sheet.write_number(row, 4, col as f64)?;
        sheet.write_string(row, 5, fit(&d.message_in(lang), lang))?;
        sheet.write_string(row, 6, fit(&d.help_in(lang).unwrap_or_default(), lang))?;
        if let Some((declared, computed, _)) = d.compared() {
            sheet.write_number(row, 7, num(declared))?;
            sheet.write_number(row, 8, num(computed))?;
        }
    }
    Ok(())
}

/// The key of the workbook, for `grip import`: what the visible sheets do not say in figures (the
/// plan's structure: which group holds which measure, each table's rows and formulas, costs,
/// ranges, taakvelden), one record a row, in the order of the plan. The figures themselves
/// (savings per measure and year, the cells of every table, the printed totals) are read back
/// from the visible sheets, so a figure changed in Excel comes back into the plan.
/// Amounts in the key are plain decimal strings (`-138400`, `1.9`), never floating point.
fn key(
    sheet: &mut Worksheet,
    book: &Book,
    table_sheets: &[String],
    sources: &crate::source::SourceMap,
) -> Result<(), XlsxError> {
    let model = book.model;
    let mut records: Vec<Vec<String>> = Vec::new();
    let header = model.header.as_ref();
    let (first, last) = match (book.e.years.first(), book.e.years.last()) {
        (Some(a), Some(b)) => (a.to_string(), b.to_string()),
        _ => (String::new(), String::new()),
    };
    // The scale each group's figures were printed in (its own, else its parent's, else the plan's).
    let plan_exp = header.and_then(|h| h.scale).map(|s| s.value.exp).unwrap_or(0);
    let scale_text = |s: Option<Spanned<Scale>>| s.map(|s| crate::fmt::scale_factor(s.value)).unwrap_or_default();
    let group_exp = |g: Option<usize>| -> u8 {
        let mut g = g;
        while let Some(gi) = g {
            if let Some(s) = model.groups[gi].scale {
                return s.value.exp;
            }
            g = model.groups[gi].parent;
        }
        plan_exp
    };
    records.push(vec!["grip-workbook".into(), "1".into()]);
    records.push(vec![
        "plan".into(),
        header.map(|h| h.title.value.clone()).unwrap_or_default(),
        header.and_then(|h| h.municipality.as_ref()).map(|m| m.value.clone()).unwrap_or_default(),
        first,
        last,
        scale_text(header.and_then(|h| h.scale)),
    ]);
    for line in header.map(crate::fmt::header_facts).unwrap_or_default() {
        records.push(vec!["header".into(), line]);
    }
    // Items in the order of the plan: within a group (one file) by their place in the file.
    #[derive(Clone, Copy)]
    enum It {
        Group(usize),
        Measure(usize),
        Table(usize),
    }
    let span_of = |it: It| match it {
        It::Group(g) => model.groups[g].span,
        It::Measure(m) => model.measures[m].measure.span,
        It::Table(t) => model.tables[t].table.span,
    };
    let items_in = |g: Option<usize>| -> Vec<It> {
        let mut v: Vec<It> = Vec::new();
        v.extend((0..model.groups.len()).filter(|&i| model.groups[i].parent == g).map(It::Group));
        v.extend((0..model.measures.len()).filter(|&i| model.measures[i].group == g).map(It::Measure));
        v.extend((0..model.tables.len()).filter(|&i| model.tables[i].group == g).map(It::Table));
        v.sort_by_key(|it| {
            let s = span_of(*it);
            (s.file.0, s.start)
        });
        v
    };
    let mut stack = vec![items_in(None).into_iter().rev().collect::<Vec<_>>()];
    let mut open = 0usize;
    while let Some(top) = stack.last_mut() {
        let Some(it) = top.pop() else {
            stack.pop();
            if !stack.is_empty() && open > 0 {
                records.push(vec!["end".into()]);
                open -= 1;
            }
            continue;
        };
        match it {
            It::Group(g) => {
                let info = &model.groups[g];
                records.push(vec![
                    "group".into(),
                    info.id.value.clone(),
                    info.title.value.clone(),
                    scale_text(info.scale),
                ]);
                let exp = group_exp(Some(g));
                for t in &info.targets {
                    let amount = crate::fmt::amount_in_scale(&t.amount.value, exp);
                    records.push(vec!["fact".into(), format!("target {amount} by {}", t.year.value)]);
                }
                for t in &info.totals {
                    records.push(vec!["fact".into(), crate::fmt::declared_total_line(t, exp)]);
                }
                for d in &info.descriptions {
                    records.push(vec!["fact".into(), format!("description {}", crate::fmt::text(&d.value))]);
                }
                open += 1;
                stack.push(items_in(Some(g)).into_iter().rev().collect());
            }
            It::Measure(mi) => {
                let m = &model.measures[mi].measure;
                let applies: Vec<String> = book
                    .e
                    .years
                    .iter()
                    .filter(|&&y| crate::effects::applicable(m, EffectKind::Saving, y).is_some())
                    .map(|y| y.to_string())
                    .collect();
                let codes: Vec<&str> = m.taakvelden.iter().map(|c| c.value.as_str()).collect();
                let exp = group_exp(model.measures[mi].group);
                records.push(vec![
                    "measure".into(),
                    m.id.value.clone(),
                    m.title.value.clone(),
                    (1 + mi).to_string(),
                    codes.join(", "),
                    applies.join(" "),
                    exp.to_string(),
                ]);
                // Costs and the range as the plan writes them (the workbook has no sheet for them).
                for e in m.effects.iter().filter(|e| e.kind == EffectKind::Cost) {
                    let years = match e.years {
                        YearSpec::Always => String::new(),
                        YearSpec::From(y) => format!(" from {:04}", y.value),
                        YearSpec::In(y) => format!(" in {:04}", y.value),
                    };
                    let amount = crate::fmt::amount_in_scale(&e.amount.value, exp);
                    records.push(vec!["fact".into(), format!("cost {amount}{years}")]);
                }
                if let Some(r) = &m.range {
                    let (lo, hi) = (
                        crate::fmt::amount_in_scale(&r.low.value, exp),
                        crate::fmt::amount_in_scale(&r.high.value, exp),
                    );
                    records.push(vec!["fact".into(), format!("range {lo} .. {hi}")]);
                }
                for line in crate::fmt::measure_facts(m) {
                    records.push(vec!["fact".into(), line]);
                }
            }
            It::Table(t) => {
                let table = &model.tables[t].table;
                let parts = crate::fmt::table_parts(table);
                let name = table_sheets.get(t).cloned().unwrap_or_default();
                let totals: Vec<String> = (0..table.columns.len())
                    .filter(|&c| table.columns[c].formula.is_some())
                    .map(|c| c.to_string())
                    .collect();
                records.push(vec![
                    "table".into(),
                    parts.head,
                    name,
                    parts.columns,
                    parts.sign.unwrap_or_default(),
                    totals.join(" "),
                ]);
                let exp = model.tables[t].exp;
                for (r, row) in table.rows.iter().enumerate() {
                    // Euro cells are euros in the sheet: divided by the scale they were printed in,
                    // with the decimals they were printed with.
                    let euro = formula::row_unit(table, row) == Unit::Euro;
                    let decimals: Vec<String> = row
                        .cells
                        .iter()
                        .map(|c| match c.value {
                            CellValue::Number(v) => v.scale().to_string(),
                            _ => "0".into(),
                        })
                        .collect();
                    records.push(vec![
                        "row".into(),
                        parts.rows[r].clone(),
                        (2 + r).to_string(),
                        if euro { exp.to_string() } else { "0".into() },
                        decimals.join(" "),
                    ]);
                    for (c, cell) in row.cells.iter().enumerate() {
                        // Blank in the sheet, as `-` is: the key tells them apart.
                        if matches!(cell.value, CellValue::NotApplicable) {
                            records.push(vec!["n.v.t.".into(), c.to_string()]);
                        }
                        // A figure grip could not read has no value in the sheet: it is kept as
                        // written, so grip check says again what is wrong with it.
                        if matches!(cell.value, CellValue::Unreadable) {
                            let written =
                                sources.text(cell.span.file).get(cell.span.start..cell.span.end).unwrap_or("");
                            records.push(vec!["as-written".into(), c.to_string(), written.to_string()]);
                        }
                    }
                }
                records.push(vec!["end-table".into()]);
            }
        }
    }
    // The plan's own declared totals.
    for t in &model.totals {
        records.push(vec!["fact".into(), crate::fmt::declared_total_line(t, plan_exp)]);
    }
    for (r, record) in records.iter().enumerate() {
        for (c, value) in record.iter().enumerate() {
            sheet.write_string(r as u32, c as u16, fit(value, book.lang))?;
        }
    }
    Ok(())
}
