//! Reading a grid as a council document's table: the header row (years, or labelled columns
//! such as "Begroting 2024"), the label columns (an id column and a title column), the scale
//! ("x € 1.000"), the figures (P.M., `-`, blank, `n.v.t.`), and which rows are totals (by their
//! label, by the sheet's own SUM formulas, or by their figures).

use super::grid::{column_index, Grid, Notation, Raw};
use super::{Options, Shape, Unmapped};
use crate::lang::Msg;
use crate::syntax::number::parse_dutch;
use rust_decimal::Decimal;
use std::collections::HashMap;
use std::str::FromStr;

/// A figure cell as read.
#[derive(Debug, Clone, PartialEq)]
pub enum Fig {
    /// Nothing in the cell.
    Blank,
    /// `-`: printed as nothing, which a table means as zero.
    Dash,
    Pm {
        negative: bool,
    },
    Nvt,
    Num {
        value: Decimal,
        euro: bool,
    },
    /// A figure grip cannot read without guessing (`1.27`): written as printed, so that
    /// `grip check` says so and how to write it.
    Unreadable(String),
    /// Not a figure; the cell is listed as not imported, and the plan gets `n.v.t.` there.
    Text(String, Msg),
}

impl Fig {
    /// The figure a total compares: `-` is zero, P.M. counts as nil.
    pub fn value(&self) -> Option<Decimal> {
        match self {
            Fig::Dash | Fig::Pm { .. } => Some(Decimal::ZERO),
            Fig::Num { value, .. } => Some(*value),
            _ => None,
        }
    }

    /// The printed figure a total is compared with (a `-` prints zero; P.M. is not compared).
    pub fn printed(&self) -> Option<Decimal> {
        match self {
            Fig::Dash => Some(Decimal::ZERO),
            Fig::Num { value, .. } => Some(*value),
            _ => None,
        }
    }

    pub fn is_figure(&self) -> bool {
        !matches!(self, Fig::Blank | Fig::Text(..))
    }
}

/// What a column of figures is.
#[derive(Debug, Clone, PartialEq)]
pub enum ColKey {
    /// A year, with the kind of figure the heading names (`begroting`), a footnote mark and the
    /// heading as printed when it says more than the year.
    Year { year: u16, kind: Option<String>, mark: Option<String>, label: Option<String> },
    /// A labelled column (`Budget`, `Totaal`).
    Named { label: String, total: bool },
}

#[derive(Debug, Clone)]
pub struct FigCol {
    /// The grid column.
    pub col: usize,
    pub key: ColKey,
}

#[derive(Debug, Clone, PartialEq)]
pub enum RowKind {
    Data,
    /// A label with no figures: a heading of the rows below it.
    Heading,
    /// A footnote or a repeated heading: kept as a comment.
    Note,
}

/// What a total row adds.
#[derive(Debug, Clone, PartialEq)]
pub enum Formula {
    /// The plain rows above it, up to the previous total.
    Sum,
    /// These rows (indices into `Layout::rows`), with their signs (true: minus).
    Terms(Vec<(bool, usize)>),
    /// The running total of another total row.
    Cumulative(usize),
}

#[derive(Debug, Clone)]
pub struct RowSpec {
    /// The grid row.
    pub row: usize,
    pub kind: RowKind,
    pub label: String,
    /// An id printed with the label or in an id column (`A.1`, `b4`).
    pub id: Option<String>,
    pub group: Option<String>,
    pub taakveld: Option<String>,
    pub figs: Vec<Fig>,
    pub total: Option<Formula>,
    /// A row whose label says total, but whose figures are no sum of the rows above.
    pub not_a_total: bool,
    /// Fte rather than euros.
    pub fte: bool,
}

#[derive(Debug, Clone)]
pub struct Layout {
    pub title: Option<String>,
    /// Text above the header, kept as comments.
    pub above: Vec<String>,
    /// `3` for "x € 1.000", with the cell that says so.
    pub scale: Option<(u8, String)>,
    /// The heading said a scale, but the figures are printed in full euros.
    pub scale_ignored: Option<String>,
    pub cols: Vec<FigCol>,
    pub rows: Vec<RowSpec>,
    pub measures: bool,
    pub unmapped: Vec<Unmapped>,
    /// Every figure row is in fte.
    pub all_fte: bool,
}

/// A cell's text, trimmed, with non-breaking and other odd spaces as spaces.
pub fn text_of(raw: &Raw) -> Option<String> {
    match raw {
        Raw::Text(s) => {
            let s: String = s.chars().map(|c| if c.is_whitespace() { ' ' } else { c }).collect();
            let s = s.split_whitespace().collect::<Vec<_>>().join(" ");
            (!s.is_empty()).then_some(s)
        }
        Raw::Number(d) => Some(d.to_string()),
        _ => None,
    }
}

/// A cell read as a figure.
pub fn figure(raw: &Raw, notation: Notation) -> Fig {
    match raw {
        Raw::Empty => Fig::Blank,
        Raw::Number(d) => Fig::Num { value: *d, euro: false },
        Raw::Bad(why) => Fig::Text(String::new(), why.clone()),
        Raw::Text(_) => {
            let Some(t) = text_of(raw) else { return Fig::Blank };
            let lower = t.to_lowercase();
            if matches!(t.as_str(), "-" | "–" | "—" | "−" | "--") {
                return Fig::Dash;
            }
            let compact: String = lower.chars().filter(|c| !c.is_whitespace()).collect();
            let unsigned = compact.trim_start_matches(['-', '–', '—', '−']);
            if matches!(unsigned, "p.m." | "pm" | "p.m" | "pm.") {
                return Fig::Pm { negative: unsigned.len() < compact.len() };
            }
            if matches!(compact.as_str(), "n.v.t." | "nvt" | "n.v.t") {
                return Fig::Nvt;
            }
            let (body, euro) = strip_euro(&t);
            let normal = crate::syntax::parse::normalize_number(&body);
            let numeric = !normal.is_empty()
                && normal.chars().all(|c| c.is_ascii_digit() || matches!(c, '.' | ',' | '-' | '+'))
                && normal.chars().any(|c| c.is_ascii_digit());
            if !numeric {
                return Fig::Text(t, Msg::id("import-why-text-in-figures"));
            }
            match notation {
                Notation::Dutch => match parse_dutch(&normal) {
                    Ok(value) => Fig::Num { value, euro },
                    Err(crate::syntax::number::NumberError::TooLarge) => Fig::Text(t, Msg::id("import-why-too-large")),
                    // Written as printed only when the plan can hold it as a figure
                    // (digits first and last); `0.` or `1,` are listed instead.
                    Err(_) if number_token(&normal) => Fig::Unreadable(normal),
                    Err(_) => Fig::Text(t, Msg::id("import-why-not-a-number")),
                },
                Notation::English => match english(&normal) {
                    Some(value) => Fig::Num { value, euro },
                    None => Fig::Text(t, Msg::id("import-why-not-a-number")),
                },
            }
        }
    }
}

/// A figure the plan's grammar reads as one (if not always as a number): an optional minus, then
/// digits with single dots and commas between them, a digit first and last.
fn number_token(t: &str) -> bool {
    let body = t.strip_prefix('-').unwrap_or(t);
    body.starts_with(|c: char| c.is_ascii_digit())
        && body.ends_with(|c: char| c.is_ascii_digit())
        && body.chars().all(|c| c.is_ascii_digit() || c == '.' || c == ',')
        && !body.contains("..")
        && !body.contains(",,")
        && !body.contains(".,")
        && !body.contains(",.")
}

/// `€ 1.000`, `1.000 €`, `EUR 1.000`, `1.000 euro` → the figure, and that it was in euros.
fn strip_euro(t: &str) -> (String, bool) {
    let mut s = t.trim().to_string();
    let mut euro = false;
    for sign in ["€", "EUR", "eur", "Eur", "euro", "Euro"] {
        if let Some(rest) = s.strip_prefix(sign) {
            s = rest.trim().to_string();
            euro = true;
        }
        if let Some(rest) = s.strip_suffix(sign) {
            s = rest.trim().to_string();
            euro = true;
        }
    }
    // `-€ 1.000`
    if let Some(rest) = s.strip_prefix("-€") {
        s = format!("-{}", rest.trim());
        euro = true;
    }
    (s, euro)
}

/// A number in English notation: `1,234.56`, `1234.56`, `-1,600`.
fn english(text: &str) -> Option<Decimal> {
    let (sign, body) = match text.strip_prefix('-') {
        Some(rest) => ("-", rest),
        None => ("", text.strip_prefix('+').unwrap_or(text)),
    };
    let (int, frac) = body.split_once('.').unwrap_or((body, ""));
    let groups: Vec<&str> = int.split(',').collect();
    let grouped_ok = groups.len() == 1
        || (groups[0].len() <= 3 && !groups[0].is_empty() && groups[1..].iter().all(|g| g.len() == 3));
    if !grouped_ok || frac.contains(',') || frac.len() > 10 {
        return None;
    }
    let digits: String = groups.concat();
    if digits.is_empty() || !digits.chars().all(|c| c.is_ascii_digit()) || digits.len() > 15 {
        return None;
    }
    let text = if frac.is_empty() { format!("{sign}{digits}") } else { format!("{sign}{digits}.{frac}") };
    Decimal::from_str(&text).ok()
}

/// A heading cell that names a year: `2024`, `2024*`, `Begroting 2024`, `Raming 2025`.
fn year_head(raw: &Raw) -> Option<ColKey> {
    match raw {
        Raw::Number(d) => {
            if d.fract().is_zero() && *d >= Decimal::from(1900) && *d <= Decimal::from(2100) {
                let year = u16::try_from(d.trunc().mantissa() / 10i128.pow(d.scale())).ok()?;
                return Some(ColKey::Year { year, kind: None, mark: None, label: None });
            }
            None
        }
        Raw::Text(_) => {
            let t = text_of(raw)?;
            let chars: Vec<char> = t.chars().collect();
            let mut found = None;
            let mut i = 0;
            while i < chars.len() {
                if chars[i].is_ascii_digit() {
                    let start = i;
                    while i < chars.len() && chars[i].is_ascii_digit() {
                        i += 1;
                    }
                    if i - start == 4 {
                        if found.is_some() {
                            return None;
                        }
                        let y: String = chars[start..i].iter().collect();
                        found = Some((start, i, y.parse::<u16>().ok()?));
                    } else {
                        return None;
                    }
                } else {
                    i += 1;
                }
            }
            let (start, end, year) = found?;
            if !(1900..=2100).contains(&year) {
                return None;
            }
            let before: String = chars[..start].iter().collect::<String>().trim().to_string();
            let after: String = chars[end..].iter().collect::<String>().trim().to_string();
            let mark = (!after.is_empty() && after.chars().all(|c| c == '*')).then(|| after.clone());
            let plain_after = after.is_empty() || mark.is_some();
            let word = before.to_lowercase();
            let is_word = !word.is_empty()
                && word.chars().all(|c| c.is_ascii_alphabetic())
                && word.len() <= 20
                && crate::syntax::keywords::lookup(&word).is_none()
                && !matches!(word.as_str(), "pm" | "nvt");
            if before.is_empty() && plain_after {
                Some(ColKey::Year { year, kind: None, mark, label: None })
            } else if is_word && plain_after {
                Some(ColKey::Year { year, kind: Some(word), mark, label: None })
            } else if before.len() + after.len() <= 40 && !before.contains("..") {
                // A heading that says more (`Q1 2021`, `2021 (x € 1.000)`): the year, labelled as printed.
                Some(ColKey::Year { year, kind: None, mark: None, label: Some(t) })
            } else {
                None
            }
        }
        _ => None,
    }
}

/// The scale a text states: 3 for "x € 1.000", "(€ 1.000)", "in duizenden euro's"; 6 for
/// millions.
pub fn scale_in(text: &str) -> Option<u8> {
    let t: String = text.to_lowercase().chars().filter(|c| !c.is_whitespace()).collect();
    let millions = ["x€1.000.000", "x€1mln", "x€1miljoen", "(€1.000.000)", "inmiljoenen", "x1mln", "*€1.000.000"];
    if millions.iter().any(|p| t.contains(p)) {
        return Some(6);
    }
    let thousands =
        ["x€1.000", "x€1000", "(€1.000)", "*€1.000", "induizenden", "x1.000", "(x1.000)", "€1.000)", "xeur1.000"];
    if thousands.iter().any(|p| t.contains(p)) {
        return Some(3);
    }
    None
}

/// Whether a label says the row is a total.
pub fn total_word(label: &str) -> bool {
    let l = label.trim().to_lowercase();
    let l = l.trim_start_matches(|c: char| !c.is_alphabetic());
    ["totaal", "subtotaal", "saldo", "jaartotaal", "cumulatief", "total", "subtotal", "balance", "sum", "som"]
        .iter()
        .any(|w| l.starts_with(w))
        || l.ends_with(" totaal")
        || l.ends_with(" total")
}

/// A row that breaks down the row above it: "waarvan uitvoering", "- waarvan …", "w.v. …",
/// "of which …".
pub fn part_of_above(label: &str) -> bool {
    let l = label.trim_start_matches(|c: char| !c.is_alphanumeric()).to_lowercase();
    l.starts_with("waarvan") || l.starts_with("w.v.") || l.starts_with("of which")
}

fn cumulative_word(label: &str) -> bool {
    let l = label.to_lowercase();
    l.contains("cumul")
}

/// An id printed at the start of a label: `A.1 Effectievere…`, `a 1. 0-meting…`, `B8. Inzetten…`,
/// `1.1 MKB…`. Returns the id and the rest of the label.
pub fn split_id(label: &str) -> Option<(String, String)> {
    let chars: Vec<char> = label.chars().collect();
    let mut i = 0;
    let mut id = String::new();
    // Up to three letters, optionally a space, then digits, with dots (and stray spaces) between.
    while i < chars.len() && chars[i].is_ascii_alphabetic() && id.len() < 3 {
        id.push(chars[i]);
        i += 1;
    }
    if i < chars.len() && chars[i] == ' ' && !id.is_empty() {
        i += 1;
    }
    let digits_start = i;
    while i < chars.len() {
        let c = chars[i];
        if c.is_ascii_digit() {
            id.push(c);
            i += 1;
        } else if c == '.' && i + 1 < chars.len() && chars[i + 1].is_ascii_digit() {
            id.push('.');
            i += 1;
        } else if c == ' ' && i + 2 < chars.len() && chars[i + 1] == '.' && chars[i + 2].is_ascii_digit() {
            i += 1;
        } else {
            break;
        }
    }
    if i == digits_start {
        // Letters alone are an id only as a part's letter before a title (`A Voorveld`).
        if id.len() == 1 && id.chars().all(|c| c.is_ascii_uppercase()) && chars.get(1) == Some(&' ') {
            let rest: String = chars[2..].iter().collect();
            let rest = rest.trim().to_string();
            return (!rest.is_empty()).then_some((id, rest));
        }
        return None;
    }
    // The id ends with `.`, `)` or a space, then the title.
    while i < chars.len() && (chars[i] == ' ' || chars[i] == '.' || chars[i] == ')') {
        i += 1;
    }
    let rest: String = chars[i..].iter().collect();
    let rest = rest.trim().to_string();
    if rest.is_empty() || i == 0 || !chars[i - 1].is_whitespace() && chars[i - 1] != '.' && chars[i - 1] != ')' {
        return None;
    }
    // A year or a figure is not an id.
    if id.chars().all(|c| c.is_ascii_digit()) && id.len() >= 4 {
        return None;
    }
    Some((id, rest))
}

/// A cell that is an id on its own: `A.1`, `b4`, `1.6`, `C1.2`.
fn is_id(text: &str) -> bool {
    let t = text.trim().trim_end_matches('.');
    !t.is_empty()
        && t.len() <= 8
        && t.chars().all(|c| c.is_ascii_alphanumeric() || c == '.')
        && t.chars().any(|c| c.is_ascii_digit())
        && !t.starts_with('.')
        && !t.contains("..")
}

/// Whether column `c` numbers the rows: headed `No.`, `Nr`, `Nummer` or `#`, or holding whole
/// numbers that count up from 1.
fn numbering(grid: &Grid, header: Option<usize>, first: usize, rows: usize, c: usize) -> bool {
    let head = header.and_then(|h| text_of(grid.get(h, c))).unwrap_or_default().to_lowercase();
    if ["no", "no.", "nr", "nr.", "nummer", "#", "code"].contains(&head.trim()) {
        return true;
    }
    let values: Vec<Decimal> = (first..rows).filter_map(|r| figure(grid.get(r, c), grid.notation).printed()).collect();
    values.len() >= 2
        && values.iter().all(|v| v.fract().is_zero())
        && values.windows(2).all(|w| w[1] > w[0])
        && values.first() == Some(&Decimal::ONE)
}

/// A column named by its letter (`C`) or by the text of its heading.
fn find_column(grid: &Grid, header: Option<usize>, wanted: &str) -> Option<usize> {
    if let Some(h) = header {
        for c in 0..grid.cols() {
            if text_of(grid.get(h, c)).is_some_and(|t| t.trim().eq_ignore_ascii_case(wanted.trim())) {
                return Some(c);
            }
        }
    }
    let abs = column_index(wanted.trim())?;
    let c = abs.checked_sub(grid.origin.1)? as usize;
    (c < grid.cols()).then_some(c)
}

pub fn detect(grid: &Grid, options: &Options) -> Result<Layout, Msg> {
    let (rows, cols) = (grid.rows(), grid.cols());
    let no_table = || Msg::id("import-no-table").arg("where", super::file_name(&grid.file));
    if rows == 0 || cols == 0 {
        return Err(no_table());
    }
    // The header: the row (among the first 40) that names the most years.
    let mut header = None;
    let mut best = 0;
    for r in 0..rows.min(40) {
        let n = (0..cols).filter(|&c| year_head(grid.get(r, c)).is_some()).count();
        if n > best {
            best = n;
            header = Some(r);
        }
    }
    // Without years: the first row of several texts that has figures below it.
    let fig_in = |r: usize, c: usize| figure(grid.get(r, c), grid.notation).value().is_some();
    if header.is_none() {
        header = (0..rows.min(40)).find(|&r| {
            let texts: Vec<usize> =
                (0..cols).filter(|&c| matches!(figure(grid.get(r, c), grid.notation), Fig::Text(..))).collect();
            texts.len() >= 2 && texts.iter().any(|&c| c > 0 && (r + 1..rows).any(|rr| fig_in(rr, c)))
        });
    }
    let first_data = header.map(|h| h + 1).unwrap_or(0);
    let group_col = match &options.group_by {
        Some(w) => {
            Some(find_column(grid, header, w).ok_or_else(|| Msg::id("import-no-column").arg("column", w.as_str()))?)
        }
        // A column headed as the part of the plan a row belongs to.
        None => header.and_then(|h| {
            (0..cols).find(|&c| {
                text_of(grid.get(h, c)).is_some_and(|t| {
                    let t = t.to_lowercase();
                    ["onderdeel", "domein", "programma", "deelplan", "group", "part"].iter().any(|w| t.starts_with(w))
                })
            })
        }),
    };
    let taakveld_col = match &options.taakveld {
        Some(w) => {
            Some(find_column(grid, header, w).ok_or_else(|| Msg::id("import-no-column").arg("column", w.as_str()))?)
        }
        None => header.and_then(|h| {
            (0..cols).find(|&c| text_of(grid.get(h, c)).is_some_and(|t| t.to_lowercase().starts_with("taakveld")))
        }),
    };
    let special = |c: usize| Some(c) == group_col || Some(c) == taakveld_col;

    // Figure columns: a year in the header, or mostly figures below a heading.
    let mut fig_cols: Vec<FigCol> = Vec::new();
    for c in 0..cols {
        if special(c) {
            continue;
        }
        let head = header.map(|h| grid.get(h, c));
        if let Some(key) = head.and_then(year_head) {
            fig_cols.push(FigCol { col: c, key });
            continue;
        }
        let (mut figs, mut texts) = (0, 0);
        for r in first_data..rows {
            match figure(grid.get(r, c), grid.notation) {
                Fig::Blank => {}
                Fig::Text(..) => texts += 1,
                _ => figs += 1,
            }
        }
        if figs > 0 && figs > texts {
            let label = head.and_then(text_of).unwrap_or_else(|| grid.address(first_data, c));
            // The label column of a table whose labels are numbers only (rare) is still a label.
            if c == 0 && fig_cols.is_empty() && texts > 0 {
                continue;
            }
            // A column of row numbers (`No.`, `Nr`, or 1, 2, 3 …) is a label, not figures.
            if fig_cols.is_empty() && numbering(grid, header, first_data, rows, c) {
                continue;
            }
            let total = total_word(&label);
            fig_cols.push(FigCol { col: c, key: ColKey::Named { label, total } });
        }
    }
    // Figures stand right of the labels: a figure column left of the first label is a label.
    if fig_cols.is_empty() {
        return Err(no_table());
    }
    let is_fig_col = |c: usize| fig_cols.iter().any(|f| f.col == c);
    let first_fig = fig_cols.iter().map(|f| f.col).min().unwrap_or(0);
    // Label columns: text left of the figures.
    let label_cols: Vec<usize> = (0..first_fig).filter(|&c| !special(c)).collect();
    let nonempty = |c: usize| -> Vec<String> { (first_data..rows).filter_map(|r| text_of(grid.get(r, c))).collect() };
    let id_col = label_cols.iter().copied().find(|&c| {
        let texts = nonempty(c);
        let ids = texts.iter().filter(|t| is_id(t)).count();
        !texts.is_empty() && ids * 10 >= texts.len() * 6 && label_cols.len() > 1
    });
    let title_col = label_cols
        .iter()
        .copied()
        .filter(|&c| Some(c) != id_col)
        .max_by_key(|&c| nonempty(c).iter().map(|t| t.chars().count()).sum::<usize>())
        .or(id_col);

    let mut unmapped = Vec::new();
    let mut layout = Layout {
        title: None,
        above: Vec::new(),
        scale: None,
        scale_ignored: None,
        cols: fig_cols.clone(),
        rows: Vec::new(),
        measures: false,
        unmapped: Vec::new(),
        all_fte: false,
    };
    // Above the header: the title, the scale, and text kept as comments.
    let scale_from = |r: usize, c: usize, layout: &mut Layout| {
        if layout.scale.is_none() {
            if let Some(s) = text_of(grid.get(r, c)).and_then(|t| scale_in(&t)) {
                layout.scale = Some((s, grid.address(r, c)));
            }
        }
    };
    for r in 0..header.unwrap_or(0) {
        // The title stands alone on its row; a row of several texts heads the columns.
        let alone = (0..cols).filter(|&c| text_of(grid.get(r, c)).is_some()).count() == 1;
        for c in 0..cols {
            let Some(t) = text_of(grid.get(r, c)) else { continue };
            scale_from(r, c, &mut layout);
            if alone && layout.title.is_none() && !matches!(figure(grid.get(r, c), grid.notation), Fig::Num { .. }) {
                layout.title = Some(t);
            } else {
                layout.above.push(t.clone());
                unmapped.push(Unmapped { cell: grid.address(r, c), text: t, why: Msg::id("import-why-above-table") });
            }
        }
    }
    if let Some(h) = header {
        for c in 0..cols {
            scale_from(h, c, &mut layout);
            // Header cells over no column grip maps.
            if let Some(t) = text_of(grid.get(h, c)) {
                if !is_fig_col(c) && !label_cols.contains(&c) && !special(c) {
                    unmapped.push(Unmapped {
                        cell: grid.address(h, c),
                        text: t,
                        why: Msg::id("import-why-outside-columns"),
                    });
                }
            }
        }
    }
    let header_years: Vec<u16> = fig_cols
        .iter()
        .filter_map(|f| match f.key {
            ColKey::Year { year, .. } => Some(year),
            _ => None,
        })
        .collect();
    // The rows.
    for r in first_data..rows {
        let mut figs: Vec<Fig> = fig_cols.iter().map(|f| figure(grid.get(r, f.col), grid.notation)).collect();
        let title = title_col.and_then(|c| text_of(grid.get(r, c)));
        let mut id = id_col.and_then(|c| text_of(grid.get(r, c))).map(|t| t.trim_end_matches('.').to_string());
        let mut label = title.clone().unwrap_or_default();
        // Other label columns: text left of the label joins it (`4 | Totaal`); a column of text
        // right of it (remarks, a code grip has no place for) is listed.
        let mut before: Vec<String> = Vec::new();
        for &c in &label_cols {
            if Some(c) == id_col || Some(c) == title_col {
                continue;
            }
            let Some(t) = text_of(grid.get(r, c)) else { continue };
            if title_col.is_some_and(|tc| c > tc) {
                unmapped.push(Unmapped { cell: grid.address(r, c), text: t, why: Msg::id("import-why-text-column") });
            } else {
                before.push(t);
            }
        }
        if !before.is_empty() {
            before.push(label);
            label = before.join(" ").trim().to_string();
        }
        let group = group_col.and_then(|c| text_of(grid.get(r, c)));
        let taakveld = taakveld_col.and_then(|c| text_of(grid.get(r, c)));
        // Cells right of or between the figures that are not figure columns.
        for c in first_fig..cols {
            if is_fig_col(c) || special(c) {
                continue;
            }
            if let Some(t) = text_of(grid.get(r, c)) {
                unmapped.push(Unmapped {
                    cell: grid.address(r, c),
                    text: t,
                    why: Msg::id("import-why-outside-columns"),
                });
            }
        }
        let any_fig = figs.iter().any(Fig::is_figure);
        if label.is_empty() && id.is_none() && !any_fig && figs.iter().all(|f| matches!(f, Fig::Blank)) {
            continue;
        }
        // A repeated heading row (the years again).
        let years_again = fig_cols
            .iter()
            .filter(|f| matches!(f.key, ColKey::Year { .. }))
            .filter(|f| matches!(year_head(grid.get(r, f.col)), Some(ColKey::Year { year, .. }) if header_years.contains(&year)))
            .count();
        if years_again >= 2 {
            unmapped.push(Unmapped {
                cell: grid.address(r, first_fig),
                text: label.clone(),
                why: Msg::id("import-why-repeated-header"),
            });
            layout.rows.push(spec(r, RowKind::Note, label, None, group, taakveld, figs));
            continue;
        }
        if !any_fig {
            // Text in figure cells with no figure at all: a heading that runs on, or a note.
            for f in figs.iter_mut() {
                if let Fig::Text(t, _) = f {
                    label = format!("{label} {t}").trim().to_string();
                    *f = Fig::Blank;
                }
            }
            let kind = if label.starts_with('*') || label.starts_with('(') || label.to_lowercase().starts_with("bron") {
                RowKind::Note
            } else {
                RowKind::Heading
            };
            // A measure with no figures yet (`b 2. Zero Tolerance …`): its id has a digit.
            let numbered = id.clone().or_else(|| split_id(&label).map(|(i, _)| i));
            if kind == RowKind::Heading && numbered.is_some_and(|i| i.chars().any(|c| c.is_ascii_digit())) {
                if id.is_none() {
                    if let Some((i, rest)) = split_id(&label) {
                        id = Some(i);
                        label = rest;
                    }
                }
                layout.rows.push(spec(r, RowKind::Data, label, id, group, taakveld, figs));
                continue;
            }
            if kind == RowKind::Note {
                let cell = title_col.map(|c| grid.address(r, c)).unwrap_or_else(|| grid.address(r, 0));
                unmapped.push(Unmapped { cell, text: label.clone(), why: Msg::id("import-why-note") });
            }
            layout.rows.push(spec(r, kind, label, id, group, taakveld, figs));
            continue;
        }
        // Text where a figure belongs: listed; the plan says n.v.t. there.
        for (k, f) in figs.iter().enumerate() {
            if let Fig::Text(t, why) = f {
                let raw = if t.is_empty() { format!("{:?}", grid.get(r, fig_cols[k].col)) } else { t.clone() };
                unmapped.push(Unmapped { cell: grid.address(r, fig_cols[k].col), text: raw, why: why.clone() });
            }
        }
        if id.is_none() && !total_word(&label) {
            if let Some((i, rest)) = split_id(&label) {
                id = Some(i);
                label = rest;
            }
        }
        if label.is_empty() {
            label = id.clone().unwrap_or_else(|| grid.address(r, title_col.unwrap_or(0)));
        }
        layout.rows.push(spec(r, RowKind::Data, label, id, group, taakveld, figs));
    }
    if !layout.rows.iter().any(|r| r.kind == RowKind::Data) {
        return Err(no_table());
    }
    // Units: fte where the label or the title says so.
    let title_fte = layout.title.as_deref().is_some_and(|t| t.to_lowercase().contains("fte"))
        || header
            .and_then(|h| title_col.and_then(|c| text_of(grid.get(h, c))))
            .is_some_and(|t| t.to_lowercase().contains("fte"));
    for row in &mut layout.rows {
        let l = row.label.to_lowercase();
        let money = l.contains("kosten")
            || l.contains("budget")
            || l.contains('€')
            || l.contains("opbrengst")
            || l.contains("cost");
        row.fte = !money && (title_fte || l.contains("fte") || l.contains("formatie") || l.contains("staffing"));
    }
    // A row "waarvan …" is in the unit of the row it breaks down.
    let mut above = None;
    for row in &mut layout.rows {
        if row.kind != RowKind::Data {
            continue;
        }
        if part_of_above(&row.label) {
            if let Some(fte) = above {
                row.fte = fte;
            }
        } else {
            above = Some(row.fte);
        }
    }
    // Measures or a table.
    let data: Vec<&RowSpec> = layout.rows.iter().filter(|r| r.kind == RowKind::Data && !total_word(&r.label)).collect();
    // Ids of measures have a letter or a dot (`A.1`, `b4`, `1.6`); plain numbers count rows.
    let with_id = data
        .iter()
        .filter(|r| r.id.as_deref().is_some_and(|i| i.chars().any(|c| c.is_ascii_alphabetic() || c == '.')))
        .count();
    let heading_says = header
        .map(|h| {
            (0..cols).any(|c| {
                text_of(grid.get(h, c)).is_some_and(|t| {
                    let t = t.to_lowercase();
                    t.contains("maatregel") || t.contains("measure")
                })
            })
        })
        .unwrap_or(false);
    layout.measures = match options.shape {
        Shape::Measures => true,
        Shape::Table => false,
        Shape::Auto => !header_years.is_empty() && (heading_says || (with_id * 10 >= data.len() * 6 && with_id > 0)),
    };
    // The scale: a heading that says "(€ 1.000)" over figures printed in full euros
    // (`€ 130.000`) is not applied.
    if let Some((3, cell)) = layout.scale.clone() {
        let euros: Vec<Decimal> = layout
            .rows
            .iter()
            .flat_map(|r| r.figs.iter())
            .filter_map(|f| match f {
                Fig::Num { value, euro: true } => Some(*value),
                _ => None,
            })
            .collect();
        if !euros.is_empty() && euros.iter().all(|v| v.abs() >= Decimal::from(1000) || v.is_zero()) {
            layout.scale = None;
            layout.scale_ignored = Some(cell);
        }
    }
    totals(&mut layout, grid);
    layout.all_fte = layout.rows.iter().filter(|r| r.kind == RowKind::Data).all(|r| r.fte);
    layout.unmapped = unmapped;
    Ok(layout)
}

fn spec(
    row: usize,
    kind: RowKind,
    label: String,
    id: Option<String>,
    group: Option<String>,
    taakveld: Option<String>,
    figs: Vec<Fig>,
) -> RowSpec {
    RowSpec { row, kind, label, id, group, taakveld, figs, total: None, not_a_total: false, fte: false }
}

/// The rows of an Excel formula in one column: `SUM(C5:C9)`, `C5+C6-C7`, `SUM(C5:C7)+C9`,
/// `(C5)-(C6)`: each referenced sheet row with its sign (true: minus). None for any other
/// formula (a cell of another column or sheet, a product, a function other than SUM).
pub fn formula_rows(formula: &str, col: u32) -> Option<Vec<(bool, u32)>> {
    // OpenDocument writes `of:=SUM([.E4:.E7])`: the same formula, its cells in brackets.
    let formula = match formula.trim().strip_prefix("of:") {
        Some(ods) => ods.replace("[.", "").replace(":.", ":").replace(']', ""),
        None => formula.to_string(),
    };
    let f: String =
        formula.trim().trim_start_matches('=').chars().filter(|c| !c.is_whitespace() && *c != '$').collect();
    let f = f.to_uppercase();
    let mut out = Vec::new();
    let mut rest = f.as_str();
    let mut minus = false;
    let mut first = true;
    while !rest.is_empty() {
        if let Some(r) = rest.strip_prefix('+') {
            minus = false;
            rest = r;
        } else if let Some(r) = rest.strip_prefix('-') {
            minus = true;
            rest = r;
        } else if !first {
            return None;
        }
        first = false;
        let rest_term;
        if let Some(r) = rest.strip_prefix("SUM(") {
            let close = r.find(')')?;
            let inner = &r[..close];
            for part in inner.split([',', ';']) {
                for row in cells_of(part, col)? {
                    out.push((minus, row));
                }
            }
            rest_term = &r[close + 1..];
        } else if let Some(r) = rest.strip_prefix('(') {
            let close = r.find(')')?;
            let inner = &r[..close];
            // `(C5)` or `(C5+C6)`: only plus inside, as grip's workbook writes them.
            for (m, row) in formula_rows(inner, col)? {
                out.push((minus ^ m, row));
            }
            rest_term = &r[close + 1..];
        } else {
            let end = rest.find(['+', '-']).unwrap_or(rest.len());
            let cell = &rest[..end];
            let (row, c) = super::grid::parse_cell(cell)?;
            if c != col {
                return None;
            }
            out.push((minus, row));
            rest_term = &rest[end..];
        }
        rest = rest_term;
    }
    (!out.is_empty()).then_some(out)
}

/// The rows of `C5:C9` or `C5` in column `col`.
fn cells_of(part: &str, col: u32) -> Option<Vec<u32>> {
    match part.split_once(':') {
        Some((a, b)) => {
            let (r0, c0) = super::grid::parse_cell(a)?;
            let (r1, c1) = super::grid::parse_cell(b)?;
            if c0 != col || c1 != col || r1 < r0 || r1 - r0 > 100_000 {
                return None;
            }
            Some((r0..=r1).collect())
        }
        None => {
            let (r, c) = super::grid::parse_cell(part)?;
            (c == col).then(|| vec![r])
        }
    }
}

/// Which rows are totals, and what each adds: the sheet's own formulas first, then what the
/// label and the figures say. One pass over the rows, keeping the running sums of the rows
/// since the previous total and of the totals before, so a sheet of any length is read in time
/// linear in its size.
fn totals(layout: &mut Layout, grid: &Grid) {
    let n = layout.rows.len();
    let ncols = layout.cols.len();
    let by_sheet_row: HashMap<usize, usize> = layout.rows.iter().enumerate().map(|(k, r)| (r.row, k)).collect();
    let add = |acc: &mut [Option<Decimal>], layout: &Layout, k: usize| {
        for (c, a) in acc.iter_mut().enumerate() {
            *a = match (*a, term(layout, k, c)) {
                (Some(x), Some(v)) => x.checked_add(v),
                _ => None,
            };
        }
    };
    let zeros = vec![Some(Decimal::ZERO); ncols];
    // The state since the previous total: its plain rows ("waarvan" rows break down the row
    // above them and are not added again), their sums, and the totals before.
    let mut prev_total: Option<usize> = None;
    let mut since: Vec<usize> = Vec::new();
    let mut since_sum = zeros.clone();
    let mut parts_between = false;
    let mut totals_before: Vec<usize> = Vec::new();
    let mut totals_sum = zeros.clone();
    for i in 0..n {
        if layout.rows[i].kind != RowKind::Data {
            continue;
        }
        if layout.rows[i].total.is_none() {
            decide(
                layout,
                grid,
                i,
                &by_sheet_row,
                &since,
                &since_sum,
                parts_between,
                prev_total,
                &totals_before,
                &totals_sum,
            );
        }
        if layout.rows[i].total.is_some() {
            prev_total = Some(i);
            since.clear();
            since_sum = zeros.clone();
            parts_between = false;
            totals_before.push(i);
            add(&mut totals_sum, layout, i);
        } else if part_of_above(&layout.rows[i].label) {
            parts_between = true;
        } else {
            since.push(i);
            add(&mut since_sum, layout, i);
        }
    }
}

/// The figure a row adds to a total in column `c`: a blank cell adds nothing.
fn term(layout: &Layout, k: usize, c: usize) -> Option<Decimal> {
    match layout.rows[k].figs.get(c)? {
        Fig::Blank => Some(Decimal::ZERO),
        f => f.value(),
    }
}

/// Whether row `i` is a total, and of what (see [`totals`]).
#[allow(clippy::too_many_arguments)]
fn decide(
    layout: &mut Layout,
    grid: &Grid,
    i: usize,
    by_sheet_row: &HashMap<usize, usize>,
    since: &[usize],
    since_sum: &[Option<Decimal>],
    parts_between: bool,
    prev_total: Option<usize>,
    totals_before: &[usize],
    totals_sum: &[Option<Decimal>],
) {
    let n = layout.rows.len();
    let ncols = layout.cols.len();
    let row_of_sheet = |abs: u32| -> Option<usize> {
        let g = abs.checked_sub(grid.origin.0)? as usize;
        by_sheet_row.get(&g).copied()
    };
    // 1. The sheet's formulas, column by column; the most common one.
    let mut found: Vec<Vec<(bool, usize)>> = Vec::new();
    for f in &layout.cols {
        let Some(text) = grid.formula(layout.rows[i].row, f.col) else { continue };
        let Some(refs) = formula_rows(text, grid.origin.1 + f.col as u32) else { continue };
        let mut terms = Vec::new();
        let mut ok = true;
        for (minus, abs) in refs {
            match row_of_sheet(abs) {
                Some(k) if k < n && k != i && layout.rows[k].kind == RowKind::Data => terms.push((minus, k)),
                Some(k) if k < n && layout.rows[k].kind != RowKind::Data => {}
                // A blank row in a SUM range adds nothing.
                None if abs >= grid.origin.0 => {}
                _ => ok = false,
            }
        }
        if ok && !terms.is_empty() {
            found.push(terms);
        }
    }
    if let Some(terms) = most_common(&found) {
        let plus_rows: Vec<usize> = terms.iter().filter(|(m, _)| !m).map(|(_, k)| *k).collect();
        let all_plus = terms.iter().all(|(m, _)| !m);
        let formula = if all_plus && plus_rows == since && !parts_between && terms.iter().all(|(_, k)| *k < i) {
            Formula::Sum
        } else {
            Formula::Terms(terms)
        };
        layout.rows[i].total = Some(formula);
        return;
    }
    // 2. A row followed by its parts ("waarvan …") is their total, when they add up to it.
    let parts: Vec<usize> = (i + 1..n)
        .take_while(|&k| layout.rows[k].kind == RowKind::Data && part_of_above(&layout.rows[k].label))
        .collect();
    if !parts.is_empty() && !part_of_above(&layout.rows[i].label) {
        let values: Vec<Option<Decimal>> =
            (0..ncols).map(|c| sum(layout, parts.iter().map(|&k| (false, k)), c)).collect();
        let (matches, comparable, _) = score(layout, i, &values);
        if comparable > 0 && matches == comparable {
            layout.rows[i].total = Some(Formula::Terms(parts.iter().map(|&k| (false, k)).collect()));
        }
        return;
    }
    // 3. What the label and the figures say. The candidates, each with its figure per column
    // and how many rows it adds.
    let label = layout.rows[i].label.clone();
    let labelled = total_word(&label);
    #[derive(Clone, Copy)]
    enum Cand {
        Sum,
        TotalsAndRows,
        FirstMinusRest,
        Cumulative(usize),
    }
    let mut candidates: Vec<(Cand, Vec<Option<Decimal>>, usize)> = Vec::new();
    if cumulative_word(&label) {
        if let Some(p) = prev_total.or_else(|| since.last().copied()) {
            let mut acc = Some(Decimal::ZERO);
            let values = (0..ncols)
                .map(|c| {
                    let v = layout.rows[p].figs.get(c).and_then(Fig::value);
                    acc = match (acc, v) {
                        (Some(a), Some(v)) => a.checked_add(v),
                        _ => None,
                    };
                    acc
                })
                .collect();
            candidates.push((Cand::Cumulative(p), values, 2));
        }
    }
    if !since.is_empty() {
        candidates.push((Cand::Sum, since_sum.to_vec(), since.len()));
    }
    if !totals_before.is_empty() && totals_before.len() + since.len() >= 2 {
        let values = (0..ncols)
            .map(|c| match (totals_sum[c], since_sum[c]) {
                (Some(a), Some(b)) => a.checked_add(b),
                _ => None,
            })
            .collect();
        candidates.push((Cand::TotalsAndRows, values, totals_before.len() + since.len()));
    }
    if since.len() >= 2 {
        // The first minus the others: twice the first, minus them all.
        let values = (0..ncols)
            .map(|c| {
                let first = term(layout, since[0], c)?;
                first.checked_add(first)?.checked_sub(since_sum[c]?)
            })
            .collect();
        candidates.push((Cand::FirstMinusRest, values, since.len()));
    }
    let mut best: Option<(usize, usize, Cand)> = None;
    for (cand, values, terms) in candidates {
        let (matches, comparable, nonzero) = score(layout, i, &values);
        let better = best.as_ref().is_none_or(|(m, _, _)| matches > *m);
        if better
            && (labelled
                || (matches == comparable && comparable >= 2.min(ncols) && comparable >= 1 && nonzero && terms >= 2))
        {
            best = Some((matches, comparable, cand));
        }
    }
    match best {
        Some((matches, comparable, cand)) if matches > 0 || comparable == 0 => {
            let f = match cand {
                // `sum` would add the parts ("waarvan") too: the rows are named instead.
                Cand::Sum if parts_between => Formula::Terms(since.iter().map(|&k| (false, k)).collect()),
                Cand::Sum => Formula::Sum,
                Cand::TotalsAndRows => {
                    Formula::Terms(totals_before.iter().chain(since.iter()).map(|&k| (false, k)).collect())
                }
                Cand::FirstMinusRest => Formula::Terms(since.iter().enumerate().map(|(j, &k)| (j > 0, k)).collect()),
                Cand::Cumulative(p) => Formula::Cumulative(p),
            };
            // Units: a total adds rows of one unit; it has the unit of what it adds.
            let fte = match &f {
                Formula::Sum => since.first().map(|&k| layout.rows[k].fte),
                Formula::Terms(t) => t.first().map(|(_, k)| layout.rows[*k].fte),
                Formula::Cumulative(k) => Some(layout.rows[*k].fte),
            };
            if let Some(fte) = fte {
                layout.rows[i].fte = fte;
            }
            layout.rows[i].total = Some(f);
        }
        _ if labelled => layout.rows[i].not_a_total = true,
        _ => {}
    }
}

/// How many columns a candidate's figures reproduce, of how many can be compared, and whether
/// any printed figure compared is not zero.
fn score(layout: &Layout, i: usize, values: &[Option<Decimal>]) -> (usize, usize, bool) {
    let (mut matches, mut comparable, mut nonzero) = (0, 0, false);
    for (c, computed) in values.iter().enumerate() {
        let Some(printed) = layout.rows[i].figs.get(c).and_then(Fig::printed) else { continue };
        let Some(computed) = *computed else { continue };
        comparable += 1;
        nonzero |= !printed.is_zero();
        // Equal, or the printed figure is the computed one rounded to the decimals printed
        // (2,85 fte printed 2,9), as grip check counts it.
        let rounded = printed.scale() < computed.scale()
            && computed.round_dp_with_strategy(printed.scale(), rust_decimal::RoundingStrategy::MidpointAwayFromZero)
                == printed;
        if computed == printed || rounded {
            matches += 1;
        }
    }
    (matches, comparable, nonzero)
}

fn sum(layout: &Layout, terms: impl Iterator<Item = (bool, usize)>, c: usize) -> Option<Decimal> {
    let mut acc = Decimal::ZERO;
    for (minus, k) in terms {
        let v = match layout.rows[k].figs.get(c)? {
            Fig::Blank => Decimal::ZERO,
            f => f.value()?,
        };
        acc = if minus { acc.checked_sub(v)? } else { acc.checked_add(v)? };
    }
    Some(acc)
}

fn most_common(found: &[Vec<(bool, usize)>]) -> Option<Vec<(bool, usize)>> {
    let mut best: Option<(&Vec<(bool, usize)>, usize)> = None;
    for f in found {
        let n = found.iter().filter(|g| *g == f).count();
        if best.is_none_or(|(_, m)| n > m) {
            best = Some((f, n));
        }
    }
    best.map(|(f, _)| f.clone())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn figures() {
        let d = |t: &str| figure(&Raw::Text(t.into()), Notation::Dutch);
        assert_eq!(d("1.171.494"), Fig::Num { value: Decimal::from(1171494), euro: false });
        assert_eq!(d("€ 45.600"), Fig::Num { value: Decimal::from(45600), euro: true });
        assert_eq!(d("-"), Fig::Dash);
        assert_eq!(d("P.M."), Fig::Pm { negative: false });
        assert_eq!(d("-PM"), Fig::Pm { negative: true });
        assert_eq!(d("(500)"), Fig::Num { value: Decimal::from(-500), euro: false });
        assert_eq!(d("1.27"), Fig::Unreadable("1.27".into()));
        assert!(matches!(d("zie toelichting"), Fig::Text(..)));
        let e = |t: &str| figure(&Raw::Text(t.into()), Notation::English);
        assert_eq!(e("1,234.5"), Fig::Num { value: Decimal::from_str("1234.5").unwrap(), euro: false });
        assert!(matches!(e("1,23,4"), Fig::Text(..)));
    }

    #[test]
    fn years_in_headings() {
        let y = |t: &str| year_head(&Raw::Text(t.into()));
        assert_eq!(y("2024"), Some(ColKey::Year { year: 2024, kind: None, mark: None, label: None }));
        assert_eq!(
            y("Begroting 2024"),
            Some(ColKey::Year { year: 2024, kind: Some("begroting".into()), mark: None, label: None })
        );
        assert_eq!(y("2019*"), Some(ColKey::Year { year: 2019, kind: None, mark: Some("*".into()), label: None }));
        assert_eq!(y("2021 - 2024"), None);
        assert_eq!(y("Omschrijving"), None);
        assert_eq!(
            year_head(&Raw::Number(Decimal::from(2023))),
            Some(ColKey::Year { year: 2023, kind: None, mark: None, label: None })
        );
    }

    #[test]
    fn ids_before_titles() {
        assert_eq!(split_id("A.1 Effectievere inzet"), Some(("A.1".into(), "Effectievere inzet".into())));
        assert_eq!(split_id("a 1. 0-meting Toegang Jeugd *"), Some(("a1".into(), "0-meting Toegang Jeugd *".into())));
        assert_eq!(
            split_id("b 1 . 0-meting woningaanpassingen"),
            Some(("b1".into(), "0-meting woningaanpassingen".into()))
        );
        assert_eq!(split_id("B8. Inzetten"), Some(("B8".into(), "Inzetten".into())));
        assert_eq!(split_id("1.1 MKB-doorgaan"), Some(("1.1".into(), "MKB-doorgaan".into())));
        assert_eq!(split_id("Formatie (onderzoek USD)"), None);
        assert_eq!(split_id("2021 gestart"), None);
    }

    #[test]
    fn scales() {
        assert_eq!(scale_in("Bedragen x € 1.000"), Some(3));
        assert_eq!(scale_in("(x €1.000.000)"), Some(6));
        assert_eq!(scale_in("Opbrengst (€ 1.000)"), Some(3));
        assert_eq!(scale_in("Omschrijving"), None);
    }

    #[test]
    fn excel_formulas() {
        assert_eq!(formula_rows("SUM(B3:B5)", 1), Some(vec![(false, 2), (false, 3), (false, 4)]));
        assert_eq!(formula_rows("=(B3)+(B4)-(B6)", 1), Some(vec![(false, 2), (false, 3), (true, 5)]));
        assert_eq!(formula_rows("B3*2", 1), None);
        assert_eq!(formula_rows("SUM(C3:C5)", 1), None);
        assert_eq!(formula_rows("'Tabel'!B3", 1), None);
        // As an .ods file stores them.
        assert_eq!(formula_rows("of:=SUM([.E4:.E7])", 4), Some(vec![(false, 3), (false, 4), (false, 5), (false, 6)]));
        assert_eq!(formula_rows("of:=[.B2]-[.B3]", 1), Some(vec![(false, 1), (true, 2)]));
        assert_eq!(formula_rows("of:=[$Blad2.B2]", 1), None);
    }
}
