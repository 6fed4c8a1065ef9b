//! Reading a sheet into a grid of cells: workbooks (xlsx, xls, ods) through calamine, csv files
//! through the csv crate, and text pasted from a document.
//!
//! Figures arrive as exact decimals. calamine gives a number cell as an `f64`; grip writes it
//! with the shortest text that reads back as the same `f64` (Rust's `Display` for floating
//! point, which never uses exponent notation) and reads that text as a decimal: a figure typed
//! as `0,1` in Excel is 0.1, not 0.1000000000000000055…. A result of a formula can carry
//! floating-point noise (`0.30000000000000004`): it is rounded to 10 decimals, the most a plan
//! figure may have.

use crate::lang::Msg;
use rust_decimal::Decimal;
use std::collections::HashMap;
use std::path::Path;
use std::str::FromStr;

/// One cell as the sheet gives it.
#[derive(Debug, Clone, PartialEq)]
pub enum Raw {
    Empty,
    /// A number cell of a workbook.
    Number(Decimal),
    /// Text: a label, or a figure written as text (every cell of a csv file or pasted text).
    Text(String),
    /// A cell grip cannot take a figure or text from (an error such as `#REF!`), with why.
    Bad(Msg),
}

/// How figures written as text are notated.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Notation {
    /// `1.234,56`: Dutch documents, Dutch Excel's csv (`;`), text pasted from a document.
    Dutch,
    /// `1,234.56`: English csv (`,`).
    English,
}

/// A rectangle of cells read from a sheet.
#[derive(Debug, Clone)]
pub struct Grid {
    /// Where the cells come from: the file name, as shown.
    pub file: String,
    /// The sheet, for a workbook.
    pub sheet: Option<String>,
    /// The sheet's row and column (0-based) of `cells[0][0]`.
    pub origin: (u32, u32),
    pub cells: Vec<Vec<Raw>>,
    /// Formulas by the sheet's row and column (0-based), as the workbook stores them.
    pub formulas: HashMap<(u32, u32), String>,
    pub notation: Notation,
}

impl Grid {
    pub fn rows(&self) -> usize {
        self.cells.len()
    }

    pub fn cols(&self) -> usize {
        self.cells.iter().map(Vec::len).max().unwrap_or(0)
    }

    pub fn get(&self, r: usize, c: usize) -> &Raw {
        self.cells.get(r).and_then(|row| row.get(c)).unwrap_or(&Raw::Empty)
    }

    /// The cell at the sheet's row and column (0-based); empty outside the grid.
    pub fn at(&self, row: usize, col: usize) -> &Raw {
        match (row.checked_sub(self.origin.0 as usize), col.checked_sub(self.origin.1 as usize)) {
            (Some(r), Some(c)) => self.get(r, c),
            _ => &Raw::Empty,
        }
    }

    /// The formula of a cell, if it has one.
    pub fn formula(&self, r: usize, c: usize) -> Option<&str> {
        self.formulas.get(&(self.origin.0 + r as u32, self.origin.1 + c as u32)).map(String::as_str)
    }

    /// The sheet's address of a cell of the grid: `B4`.
    pub fn address(&self, r: usize, c: usize) -> String {
        address(self.origin.0 + r as u32, self.origin.1 + c as u32)
    }

    /// The addresses the grid covers: `A1:F12`.
    pub fn extent(&self) -> String {
        let (rows, cols) = (self.rows().max(1), self.cols().max(1));
        format!("{}:{}", self.address(0, 0), self.address(rows - 1, cols - 1))
    }

    /// Only the cells in `range` (sheet rows and columns, 0-based, inclusive).
    pub fn cut(&mut self, range: CellRange) {
        let (r0, c0) = self.origin;
        let mut cells = Vec::new();
        for r in range.first_row..=range.last_row {
            let mut row = Vec::new();
            for c in range.first_col..=range.last_col {
                let v = match (r.checked_sub(r0), c.checked_sub(c0)) {
                    (Some(gr), Some(gc)) => self.get(gr as usize, gc as usize).clone(),
                    _ => Raw::Empty,
                };
                row.push(v);
            }
            cells.push(row);
            // A range far beyond the sheet's cells adds nothing but empty rows.
            if r >= r0 + self.rows() as u32 && r - r0 > self.rows() as u32 + 1 {
                break;
            }
        }
        self.cells = cells;
        self.origin = (range.first_row, range.first_col);
    }

    /// Removes empty rows and columns at the edges.
    pub fn trim(&mut self) {
        let empty_row = |row: &Vec<Raw>| row.iter().all(is_blank);
        while self.cells.last().is_some_and(empty_row) {
            self.cells.pop();
        }
        let lead = self.cells.iter().take_while(|r| empty_row(r)).count();
        self.cells.drain(..lead);
        self.origin.0 += lead as u32;
        let cols = self.cols();
        let used = |c: usize| self.cells.iter().any(|r| r.get(c).is_some_and(|v| !is_blank(v)));
        let first = (0..cols).find(|&c| used(c)).unwrap_or(0);
        let last = (0..cols).rev().find(|&c| used(c)).map(|c| c + 1).unwrap_or(0);
        for row in &mut self.cells {
            row.truncate(last);
            row.drain(..first.min(row.len()));
        }
        self.origin.1 += first as u32;
    }
}

fn is_blank(c: &Raw) -> bool {
    match c {
        Raw::Empty => true,
        Raw::Text(t) => t.trim().is_empty(),
        _ => false,
    }
}

/// A cell's address: row and column 0-based → `B4`.
pub fn address(row: u32, col: u32) -> String {
    let mut letters = Vec::new();
    let mut n = col as u64 + 1;
    while n > 0 {
        let rem = ((n - 1) % 26) as u8;
        letters.push((b'A' + rem) as char);
        n = (n - 1) / 26;
    }
    letters.reverse();
    format!("{}{}", letters.into_iter().collect::<String>(), row as u64 + 1)
}

/// A column's letters → its 0-based index: `B` → 1. None for anything else.
pub fn column_index(letters: &str) -> Option<u32> {
    if letters.is_empty() || letters.len() > 3 || !letters.chars().all(|c| c.is_ascii_alphabetic()) {
        return None;
    }
    let mut n: u32 = 0;
    for c in letters.chars() {
        n = n * 26 + (c.to_ascii_uppercase() as u32 - 'A' as u32 + 1);
    }
    Some(n - 1)
}

/// `B4` → (row 3, column 1).
pub fn parse_cell(text: &str) -> Option<(u32, u32)> {
    let text = text.trim().trim_start_matches('$');
    let split = text.find(|c: char| c.is_ascii_digit())?;
    let (letters, digits) = text.split_at(split);
    let col = column_index(letters.trim_end_matches('$'))?;
    let row: u32 = digits.parse().ok()?;
    if row == 0 || row > 1_048_576 {
        return None;
    }
    Some((row - 1, col))
}

/// A rectangle of cells: `B4:H30`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CellRange {
    pub first_row: u32,
    pub first_col: u32,
    pub last_row: u32,
    pub last_col: u32,
}

impl CellRange {
    /// `B4:H30` (either corner first); None for anything else.
    pub fn parse(text: &str) -> Option<CellRange> {
        let (a, b) = text.split_once(':')?;
        let (r0, c0) = parse_cell(a)?;
        let (r1, c1) = parse_cell(b)?;
        Some(CellRange { first_row: r0.min(r1), first_col: c0.min(c1), last_row: r0.max(r1), last_col: c0.max(c1) })
    }
}

/// A number of a workbook as an exact decimal (see the module's words), or why it is not one.
pub fn decimal_of_float(f: f64) -> Result<Decimal, Msg> {
    if !f.is_finite() {
        return Err(Msg::id("import-why-not-a-number"));
    }
    if f.abs() >= 1e15 {
        return Err(Msg::id("import-why-too-large"));
    }
    let text = format!("{f}");
    let d = Decimal::from_str(&text).map_err(|_| Msg::id("import-why-too-large"))?;
    Ok(if d.scale() > 10 { d.round_dp(10).normalize() } else { d })
}

/// The sheets of a workbook, and whether each is visible.
pub fn sheet_names(path: &Path) -> Result<Vec<(String, bool)>, Msg> {
    use calamine::Reader;
    let book = calamine::open_workbook_auto(path).map_err(|e| workbook_error(path, e))?;
    Ok(book.sheets_metadata().iter().map(|s| (s.name.clone(), s.visible == calamine::SheetVisible::Visible)).collect())
}

fn workbook_error(path: &Path, e: impl std::fmt::Display) -> Msg {
    Msg::id("import-cannot-open").arg("path", path.display().to_string()).arg("error", e.to_string())
}

/// Reads one sheet of a workbook, with the formulas of its cells.
pub fn read_workbook_sheet(path: &Path, sheet: &str) -> Result<Grid, Msg> {
    use calamine::{Data, Reader};
    let mut book = calamine::open_workbook_auto(path).map_err(|e| workbook_error(path, e))?;
    let range = book.worksheet_range(sheet).map_err(|e| workbook_error(path, e))?;
    let origin = range.start().unwrap_or((0, 0));
    let mut cells = Vec::new();
    for row in range.rows() {
        let row: Vec<Raw> = row
            .iter()
            .map(|d| match d {
                Data::Empty => Raw::Empty,
                Data::Int(i) if i.unsigned_abs() >= 1_000_000_000_000_000 => Raw::Bad(Msg::id("import-why-too-large")),
                Data::Int(i) => Raw::Number(Decimal::from(*i)),
                Data::Float(f) => match decimal_of_float(*f) {
                    Ok(d) => Raw::Number(d),
                    Err(why) => Raw::Bad(why),
                },
                Data::String(s) => Raw::Text(s.clone()),
                Data::Bool(b) => Raw::Text(b.to_string()),
                Data::Error(e) => Raw::Bad(Msg::id("import-why-error-cell").arg("error", e.to_string())),
                other => Raw::Text(other.to_string()),
            })
            .collect();
        cells.push(row);
    }
    let mut formulas = HashMap::new();
    // A workbook whose formulas cannot be read still has its values.
    if let Ok(f) = book.worksheet_formula(sheet) {
        let start = f.start().unwrap_or((0, 0));
        for (r, c, text) in f.used_cells() {
            if !text.is_empty() {
                formulas.insert((start.0 + r as u32, start.1 + c as u32), text.clone());
            }
        }
    }
    Ok(Grid {
        file: path.display().to_string(),
        sheet: Some(sheet.to_string()),
        origin,
        cells,
        formulas,
        notation: Notation::Dutch,
    })
}

/// Text as read from a file: UTF-8 (a byte-order mark dropped), else Windows-1252, the
/// encoding Dutch Excel saves csv files in.
pub fn decode(bytes: &[u8]) -> String {
    let bytes = bytes.strip_prefix(b"\xef\xbb\xbf").unwrap_or(bytes);
    match std::str::from_utf8(bytes) {
        Ok(s) => s.to_string(),
        Err(_) => bytes.iter().map(|&b| windows_1252(b)).collect(),
    }
}

fn windows_1252(b: u8) -> char {
    const HIGH: [char; 32] = [
        '€', '\u{81}', '‚', 'ƒ', '„', '…', '†', '‡', 'ˆ', '‰', 'Š', '‹', 'Œ', '\u{8d}', 'Ž', '\u{8f}', '\u{90}', '‘',
        '’', '“', '”', '•', '–', '—', '˜', '™', 'š', '›', 'œ', '\u{9d}', 'ž', 'Ÿ',
    ];
    match b {
        0x80..=0x9f => HIGH[(b - 0x80) as usize],
        _ => b as char,
    }
}

/// Reads delimited text (a csv file, or a table pasted as text) into a grid. The delimiter is
/// the one the text uses: a tab (pasted from Word or a PDF viewer, or a tab-separated export),
/// `;` (Dutch Excel, figures in Dutch notation) or `,` (English Excel, English notation). Text
/// without any delimiter is read as a document's table printed with spaces: a line is a label
/// followed by its figures.
pub fn read_delimited(file: &str, text: &str) -> Grid {
    let lines: Vec<&str> = text.lines().take(50).collect();
    let count = |ch: char| lines.iter().map(|l| l.matches(ch).count()).sum::<usize>();
    let (tabs, semicolons, commas) = (count('\t'), count(';'), count(','));
    let (delimiter, notation) = if tabs > 0 {
        (b'\t', Notation::Dutch)
    } else if semicolons > 0 && semicolons >= commas / 2 {
        (b';', Notation::Dutch)
    } else if commas > 0 && looks_like_english_csv(text) {
        (b',', Notation::English)
    } else {
        return read_spaced(file, text);
    };
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(delimiter)
        .has_headers(false)
        .flexible(true)
        .quoting(delimiter != b'\t')
        .from_reader(text.as_bytes());
    let mut cells = Vec::new();
    for record in reader.records() {
        let row = match record {
            Ok(r) => {
                r.iter().map(|s| if s.trim().is_empty() { Raw::Empty } else { Raw::Text(s.to_string()) }).collect()
            }
            // A line the csv reader cannot split (an unclosed quote) is kept whole as text.
            Err(_) => vec![Raw::Text(String::new())],
        };
        cells.push(row);
    }
    Grid { file: file.to_string(), sheet: None, origin: (0, 0), cells, formulas: HashMap::new(), notation }
}

/// A comma-separated file, rather than Dutch text whose figures have decimal commas: its lines
/// split into the same number of fields (quotes respected), at least two.
fn looks_like_english_csv(text: &str) -> bool {
    let mut reader = csv::ReaderBuilder::new().has_headers(false).flexible(true).from_reader(text.as_bytes());
    let counts: Vec<usize> = reader.records().take(50).filter_map(Result::ok).map(|r| r.len()).collect();
    counts.len() >= 2 && counts.iter().all(|&n| n >= 2 && n == counts[0])
}

/// A table printed with spaces (as text copied from a PDF): each line is a label and then the
/// figures at its end (`Totaal 2,9 1,8 1,5 -0,4`, `a 1. 0-meting Toegang Jeugd € 130.000 …`).
fn read_spaced(file: &str, text: &str) -> Grid {
    let mut cells = Vec::new();
    for line in text.lines() {
        let tokens: Vec<&str> = line.split_whitespace().collect();
        let mut figures: Vec<String> = Vec::new();
        let mut end = tokens.len();
        while end > 0 {
            let t = tokens[end - 1];
            if looks_like_figure(t) {
                // `€ 130.000`: the sign belongs to the figure after it.
                if end >= 2 && tokens[end - 2] == "€" {
                    figures.push(format!("€ {t}"));
                    end -= 2;
                } else {
                    figures.push(t.to_string());
                    end -= 1;
                }
            } else {
                break;
            }
        }
        figures.reverse();
        let label = tokens[..end].join(" ");
        let mut row = vec![if label.is_empty() { Raw::Empty } else { Raw::Text(label) }];
        row.extend(figures.into_iter().map(Raw::Text));
        cells.push(row);
    }
    Grid {
        file: file.to_string(),
        sheet: None,
        origin: (0, 0),
        cells,
        formulas: HashMap::new(),
        notation: Notation::Dutch,
    }
}

/// A word of pasted text that is a figure or an empty cell: `1.171.494`, `-0,4`, `-`, `P.M.`,
/// `2021`, `(500)`.
fn looks_like_figure(t: &str) -> bool {
    let lower = t.to_lowercase();
    let unsigned = lower.trim_start_matches(['-', '–', '—', '−']);
    if matches!(lower.as_str(), "-" | "–" | "—") || matches!(unsigned, "p.m." | "pm" | "n.v.t." | "nvt") {
        return true;
    }
    let core = t.trim_end_matches(['*', ',', '-', '=', ')']).trim_start_matches(['€', '(', '-', '+', '–', '−']);
    core.chars().all(|c| c.is_ascii_digit() || c == '.' || c == ',') && core.chars().any(|c| c.is_ascii_digit())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn addresses() {
        assert_eq!(address(0, 0), "A1");
        assert_eq!(address(3, 1), "B4");
        assert_eq!(address(9, 26), "AA10");
        assert_eq!(parse_cell("B4"), Some((3, 1)));
        assert_eq!(parse_cell("$AA$10"), Some((9, 26)));
        assert_eq!(parse_cell("4B"), None);
        assert_eq!(
            CellRange::parse("H30:B4"),
            Some(CellRange { first_row: 3, first_col: 1, last_row: 29, last_col: 7 })
        );
        assert_eq!(CellRange::parse("B4"), None);
    }

    #[test]
    fn floats_become_the_decimals_typed() {
        assert_eq!(decimal_of_float(0.1).unwrap().to_string(), "0.1");
        assert_eq!(decimal_of_float(229333.0).unwrap().to_string(), "229333");
        assert_eq!(decimal_of_float(0.1 + 0.2).unwrap().to_string(), "0.3");
        assert_eq!(decimal_of_float(-1171494.5).unwrap().to_string(), "-1171494.5");
        assert!(decimal_of_float(f64::NAN).is_err());
        assert!(decimal_of_float(1e300).is_err());
    }

    #[test]
    fn windows_1252_euro() {
        assert_eq!(decode(b"\x80 1.000;x"), "€ 1.000;x");
        assert_eq!(decode("é".as_bytes()), "é");
    }

    #[test]
    fn spaced_text() {
        let g = read_delimited("-", "Totaal 2,9 1,8 1,5 -0,4\nOmschrijving / Jaar 2021 2022\nc 1. Verwervingsstrategie * € 1.180.000 € 2.225.000");
        assert_eq!(g.get(0, 0), &Raw::Text("Totaal".into()));
        assert_eq!(g.get(0, 4), &Raw::Text("-0,4".into()));
        assert_eq!(g.get(1, 2), &Raw::Text("2022".into()));
        assert_eq!(g.get(2, 0), &Raw::Text("c 1. Verwervingsstrategie *".into()));
        assert_eq!(g.get(2, 2), &Raw::Text("€ 2.225.000".into()));
    }
}
