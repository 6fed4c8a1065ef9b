//! `grip import`: a sheet or a table copied from a document → a `.plan`.
//!
//! The stages, each in its own module:
//!
//! ```text
//! grid   (a workbook sheet via calamine, a csv file, pasted text → a grid of cells)
//!   → detect (header row, label and figure columns, scale, P.M., empty cells, totals)
//!   → write  (plan text in English keywords → the formatter, in the chosen keywords)
//! book   (a workbook written by `grip report --xlsx`: read back through its key sheet)
//! ```
//!
//! Every figure is written as the sheet has it and every total as a declared total (never
//! recomputed into the file), so `grip check` finds the sheet's own slips. Every cell that does
//! not become part of the plan is listed, with its address and why: in the plan (as comments at
//! its end) and in [`Imported::unmapped`].

mod book;
mod detect;
pub mod grid;
mod write;

use crate::lang::{Lang, Msg};
use grid::{CellRange, Grid};
use std::path::{Path, PathBuf};

/// The name of the hidden sheet in which `grip report --xlsx` keeps what `grip import` needs to
/// read the workbook back as the same plan.
pub const KEY_SHEET: &str = "grip";

/// What to import.
#[derive(Debug, Clone)]
pub enum Input {
    /// A workbook (`.xlsx`, `.xlsm`, `.xls`, `.ods`) or a csv file.
    File(PathBuf),
    /// Text pasted from a document or a sheet (standard input): tab-separated, `;` or `,`
    /// separated, or printed with spaces.
    Text { name: String, text: String },
}

/// Read the rows as measures or as a table.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Shape {
    /// Measures when the rows have ids (`A.1`, `b4`) or the heading says measure (maatregel);
    /// else a table.
    #[default]
    Auto,
    Measures,
    Table,
}

/// The choices a user can make.
#[derive(Debug, Clone, Default)]
pub struct Options {
    /// The sheet of a workbook (default: the first visible sheet with figures).
    pub sheet: Option<String>,
    /// Only these cells (`B4:H30`).
    pub range: Option<String>,
    pub shape: Shape,
    /// The column whose values name the group of each row: its letter (`C`) or heading text.
    pub group_by: Option<String>,
    /// The column with each row's taakveld code: its letter or heading text (default: a column
    /// headed "taakveld").
    pub taakveld: Option<String>,
    /// The keywords of the plan written.
    pub keywords: Lang,
}

/// A cell that did not become part of the plan, and why.
#[derive(Debug, Clone, PartialEq)]
pub struct Unmapped {
    /// `B4`, or `line 4` for pasted text.
    pub cell: String,
    /// What the cell holds, as text.
    pub text: String,
    pub why: Msg,
}

/// An imported plan.
#[derive(Debug, Clone)]
pub struct Imported {
    /// The plan, formatted, in the chosen keywords.
    pub text: String,
    /// Every cell not imported, with why (also listed at the end of the plan).
    pub unmapped: Vec<Unmapped>,
    /// How many measures and tables the plan has.
    pub measures: usize,
    pub tables: usize,
}

/// Why nothing could be imported (exit code 2).
#[derive(Debug, Clone)]
pub struct ImportError(pub Msg);

/// Imports a sheet or pasted text as a plan.
pub fn import(input: &Input, options: &Options) -> Result<Imported, ImportError> {
    let range = match &options.range {
        Some(text) => {
            Some(CellRange::parse(text).ok_or_else(|| ImportError(Msg::id("import-bad-range").arg("range", text)))?)
        }
        None => None,
    };
    let grid = match input {
        Input::Text { name, text } => grid::read_delimited(name, text),
        Input::File(path) => match kind_of(path) {
            Kind::Csv => {
                let bytes = std::fs::read(path).map_err(|e| {
                    ImportError(
                        Msg::id("import-cannot-read")
                            .arg("path", path.display().to_string())
                            .arg("error", e.to_string()),
                    )
                })?;
                grid::read_delimited(&path.display().to_string(), &grid::decode(&bytes))
            }
            Kind::Workbook => {
                let sheets = grid::sheet_names(path).map_err(ImportError)?;
                if options.sheet.is_none() && sheets.iter().any(|(name, _)| name == KEY_SHEET) {
                    // A workbook grip wrote: read it back as the plan it was made from.
                    if let Some(imported) = book::read(path, options).map_err(ImportError)? {
                        return Ok(imported);
                    }
                }
                workbook_grid(path, &sheets, options)?
            }
            Kind::Unknown => {
                return Err(ImportError(Msg::id("import-unknown-format").arg("path", path.display().to_string())))
            }
        },
    };
    let mut grid = grid;
    if let Some(range) = range {
        grid.cut(range);
    }
    grid.trim();
    let layout = detect::detect(&grid, options).map_err(ImportError)?;
    write::plan(&grid, &layout, options)
}

enum Kind {
    Workbook,
    Csv,
    Unknown,
}

fn kind_of(path: &Path) -> Kind {
    let ext = path.extension().map(|e| e.to_string_lossy().to_lowercase()).unwrap_or_default();
    match ext.as_str() {
        "xlsx" | "xlsm" | "xlsb" | "xls" | "xla" | "ods" => Kind::Workbook,
        "csv" | "tsv" | "txt" => Kind::Csv,
        _ => Kind::Unknown,
    }
}

/// The sheet to import: the one asked for, else the first visible one with figures.
fn workbook_grid(path: &Path, sheets: &[(String, bool)], options: &Options) -> Result<Grid, ImportError> {
    if let Some(wanted) = &options.sheet {
        let found = sheets
            .iter()
            .find(|(n, _)| n == wanted)
            .or_else(|| sheets.iter().find(|(n, _)| n.trim().eq_ignore_ascii_case(wanted.trim())));
        let Some((name, _)) = found else {
            let names: Vec<String> = sheets.iter().map(|(n, _)| format!("“{n}”")).collect();
            return Err(ImportError(Msg::id("import-no-sheet").arg("sheet", wanted).arg("sheets", names.join(", "))));
        };
        return grid::read_workbook_sheet(path, name).map_err(ImportError);
    }
    let mut first = None;
    for (name, visible) in sheets {
        // grip's own key sheet is hidden, so it is skipped here too.
        if !visible {
            continue;
        }
        let grid = grid::read_workbook_sheet(path, name).map_err(ImportError)?;
        let has_figures = grid.cells.iter().flatten().any(|c| matches!(c, grid::Raw::Number(_)));
        if has_figures {
            return Ok(grid);
        }
        first.get_or_insert(grid);
    }
    first.ok_or_else(|| ImportError(Msg::id("import-no-table").arg("where", path.display().to_string())))
}

/// How the source is named in the plan's first comment: file, sheet and cells.
pub(crate) fn source_comment(grid: &Grid) -> Msg {
    if grid.file == "<stdin>" {
        return Msg::id("import-comment-source-pasted").arg("cells", grid.extent());
    }
    Msg::id("import-comment-source")
        .arg("file", file_name(&grid.file))
        .arg("sheet", grid.sheet.clone().unwrap_or_else(|| "none".into()))
        .arg("cells", grid.extent())
}

/// The file's name without its folders (the plan names its source, not the importer's disk).
pub(crate) fn file_name(file: &str) -> String {
    Path::new(file).file_name().map(|f| f.to_string_lossy().into_owned()).unwrap_or_else(|| file.to_string())
}

/// The English plan text in the chosen keywords, formatted; an import that does not read back
/// as a plan is grip's own error, said as such.
pub(crate) fn finish(english: &str, keywords: Lang) -> Result<String, ImportError> {
    crate::fmt::format_source_in(english, Some(keywords)).map_err(|diags| {
        let reason = diags.first().map(|d| d.message_in(Lang::En)).unwrap_or_default();
        ImportError(Msg::id("import-internal").arg("reason", reason))
    })
}

/// Text for a plan string: in double quotes, with `"` and `\` escaped, on one line.
pub(crate) fn quote(text: &str) -> String {
    let one_line: String = text.split_whitespace().collect::<Vec<_>>().join(" ");
    format!("\"{}\"", one_line.replace('\\', "\\\\").replace('"', "\\\""))
}

/// Text for a comment: on one line, and never closing a `/*` comment.
pub(crate) fn comment(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ").replace("*/", "* /")
}
