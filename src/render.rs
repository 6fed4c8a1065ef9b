//! Diagnostics out: `human` through miette (source, labels, help, code), `short` through
//! codespan-reporting (one line each, for editors and grep), and `json` (a documented,
//! versioned schema: docs/json.md).

use crate::diagnostic::{Diagnostic, Label, Severity};
use crate::lang::{Lang, Msg};
use crate::source::SourceMap;
use crate::syntax::ast::{FileId, Span};
use codespan_reporting::diagnostic as cs;
use codespan_reporting::files::Files;
use codespan_reporting::term;
use miette::{
    GraphicalReportHandler, GraphicalTheme, LabeledSpan, MietteDiagnostic, MietteError, MietteSpanContents, SourceCode,
    SourceSpan, SpanContents,
};
use serde::Serialize;

/// The version of the JSON output; bumped when a field changes meaning or disappears.
pub const JSON_SCHEMA_VERSION: u32 = 1;

/// Counts by severity.
#[derive(Debug, Clone, Copy, Default, Serialize, PartialEq, Eq)]
pub struct Summary {
    pub files: usize,
    pub errors: usize,
    pub warnings: usize,
    pub notes: usize,
}

impl Summary {
    pub fn add(&mut self, diags: &[Diagnostic]) {
        for d in diags {
            match d.severity() {
                Severity::Error => self.errors += 1,
                Severity::Warning => self.warnings += 1,
                Severity::Note => self.notes += 1,
            }
        }
    }

    /// "2 errors, 1 warning, 3 notes in 2 files".
    pub fn sentence(&self, lang: Lang) -> String {
        Msg::id("summary")
            .arg("errors", self.errors)
            .arg("warnings", self.warnings)
            .arg("notes", self.notes)
            .arg("files", self.files)
            .render(lang)
    }
}

/// Renders diagnostics the way a person reads them: the source line, a labelled span, the
/// message, and a help line. `color` follows the terminal and NO_COLOR (decided by the caller).
pub fn human(sources: &SourceMap, diags: &[Diagnostic], color: bool, lang: Lang) -> String {
    let theme = if color { GraphicalTheme::unicode() } else { GraphicalTheme::unicode_nocolor() };
    let handler = GraphicalReportHandler::new_themed(theme).with_width(100).with_wrap_lines(false).with_links(false);
    let mut out = String::new();
    for d in diags {
        let file = d.span().file;
        let severity = match d.severity() {
            Severity::Error => miette::Severity::Error,
            Severity::Warning => miette::Severity::Warning,
            Severity::Note => miette::Severity::Advice,
        };
        // Labels far from the problem (a duplicate's first use, thousands of lines up) are named
        // by their line in the help instead of stretching the snippet over the file between.
        let primary_line = sources.line_index(file, d.span().start).unwrap_or(0);
        let (near, far): (Vec<Label>, Vec<Label>) =
            d.labels_in(lang).into_iter().filter(|l| l.span.file == file).partition(|l| {
                l.primary
                    || sources.line_index(file, l.span.start).unwrap_or(0).abs_diff(primary_line) <= MAX_LABEL_SPREAD
            });
        // A snippet of a line of thousands of characters helps nobody (and is more than the
        // renderer can lay out): such a diagnostic says where it is in words instead, and the
        // line is not even copied.
        let readable = longest_line(sources, file, &near) <= MAX_SNIPPET_LINE;
        let shown: &[Label] = if readable { &near } else { &[] };
        let source = if readable {
            CharColumns::around(sources, file, d.span(), shown)
        } else {
            CharColumns { name: visible(sources.name(file)), window: String::new(), base: 0, base_line: 0 }
        };
        let labels = near.into_iter().filter(|_| readable).map(|l| {
            let len = l.span.end.saturating_sub(l.span.start);
            let text = Some(visible(&l.text));
            if l.primary {
                LabeledSpan::new_primary_with_span(text, (l.span.start, len))
            } else {
                LabeledSpan::new_with_span(text, (l.span.start, len))
            }
        });
        let mut message = visible(&d.message_in(lang));
        if !readable {
            let (line, col) = sources.line_col(d.span());
            let at = Msg::id("line-too-long")
                .arg("file", visible(sources.name(file)))
                .arg("line", line.to_string())
                .arg("column", col.to_string());
            message.push_str(&format!(" ({})", at.render(lang)));
        }
        let mut diag = MietteDiagnostic::new(message).with_code(d.code()).with_severity(severity).with_labels(labels);
        let elsewhere: Vec<String> = far
            .iter()
            .map(|l| {
                let (line, col) = sources.line_col(l.span);
                Msg::id("elsewhere")
                    .arg("label", l.text.clone())
                    .arg("line", line.to_string())
                    .arg("column", col.to_string())
                    .render(lang)
            })
            .collect();
        let help = match (d.help_in(lang), elsewhere.is_empty()) {
            (Some(h), true) => Some(h),
            (Some(h), false) => Some(format!("{h}\n({})", elsewhere.join("; "))),
            (None, false) => Some(format!("({})", elsewhere.join("; "))),
            (None, true) => None,
        };
        if let Some(help) = help {
            diag = diag.with_help(visible(&help));
        }
        let report = miette::Report::new(diag).with_source_code(source);
        // Writing to a String cannot fail.
        let _ = handler.render_report(&mut out, report.as_ref());
    }
    out
}

/// Secondary labels more lines than this from the problem are named, not drawn.
const MAX_LABEL_SPREAD: usize = 40;

/// Lines longer than this (in characters) are not shown in a snippet.
const MAX_SNIPPET_LINE: usize = 2000;

/// Text from a plan as it may be shown on a terminal: control characters (an escape sequence
/// that clears the screen or sets the window title) are written as `\u{1b}`, never sent raw.
pub fn visible(text: &str) -> String {
    if !text.chars().any(|c| c.is_control() && c != '\n' && c != '\t') {
        return text.to_string();
    }
    text.chars()
        .map(|c| if c.is_control() && c != '\n' && c != '\t' { c.escape_unicode().to_string() } else { c.to_string() })
        .collect()
}

/// The same for a snippet of source, keeping every byte offset: a control character becomes
/// `?` (one byte) or `¿` (two bytes, for the two-byte C1 controls).
fn visible_in_place(text: String) -> String {
    if !text.chars().any(|c| c.is_control() && c != '\n' && c != '\t' && c != '\r') {
        return text;
    }
    text.chars()
        .map(|c| match c {
            '\n' | '\t' | '\r' => c,
            c if c.is_control() && c.len_utf8() == 1 => '?',
            c if c.is_control() => '¿',
            c => c,
        })
        .collect()
}

/// The part of a file miette needs to show one diagnostic: the lines of its labels with a few
/// lines of context around them, with the offset and line number where that part starts.
///
/// Reporting columns in characters (as the short and JSON formats do) means `€` before an error
/// does not shift the column shown. Handing miette only this window keeps rendering linear:
/// miette's own `read_span` counts lines from the start of the text it is given, which for the
/// whole file costs a scan of the file per diagnostic.
struct CharColumns {
    name: String,
    window: String,
    /// Byte offset of the window in the file.
    base: usize,
    /// 0-based line number of the window's first line in the file.
    base_line: usize,
}

/// Lines of context kept above and below the labels: more than miette shows (one).
const WINDOW_CONTEXT_LINES: usize = 4;

impl CharColumns {
    fn around(sources: &SourceMap, file: FileId, span: Span, labels: &[Label]) -> CharColumns {
        let text = sources.text(file);
        let (mut lo, mut hi) = (span.start, span.end);
        for l in labels.iter().filter(|l| l.span.file == file) {
            lo = lo.min(l.span.start);
            hi = hi.max(l.span.end);
        }
        let last_line = sources.line_index(file, text.len()).unwrap_or(0);
        let first = sources.line_index(file, lo).unwrap_or(0).saturating_sub(WINDOW_CONTEXT_LINES);
        let last = (sources.line_index(file, hi).unwrap_or(0) + WINDOW_CONTEXT_LINES).min(last_line);
        let base = sources.line_range(file, first).map(|r| r.start).unwrap_or(0);
        let end = sources.line_range(file, last).map(|r| r.end).unwrap_or(text.len());
        CharColumns {
            name: visible(sources.name(file)),
            window: visible_in_place(text.get(base..end).unwrap_or("").to_string()),
            base,
            base_line: first,
        }
    }
}

/// The longest line (in bytes, which is at least its characters) of those the labels stand on.
fn longest_line(sources: &SourceMap, file: FileId, labels: &[Label]) -> usize {
    labels
        .iter()
        .flat_map(|l| {
            let first = sources.line_index(file, l.span.start).unwrap_or(0);
            let last = sources.line_index(file, l.span.end).unwrap_or(first);
            (first..=last.min(first + 1000)).filter_map(|i| sources.line_range(file, i).ok()).map(|r| r.len())
        })
        .max()
        .unwrap_or(0)
}

impl SourceCode for CharColumns {
    fn read_span<'a>(
        &'a self,
        span: &SourceSpan,
        context_lines_before: usize,
        context_lines_after: usize,
    ) -> Result<Box<dyn SpanContents<'a> + 'a>, MietteError> {
        let offset = span.offset().checked_sub(self.base).ok_or(MietteError::OutOfBounds)?;
        let local = SourceSpan::new(offset.into(), span.len());
        let inner = self.window.read_span(&local, context_lines_before, context_lines_after)?;
        let start = inner.span().offset().min(self.window.len());
        let line_start = self.window[..start].rfind('\n').map(|i| i + 1).unwrap_or(0);
        let column = self.window.get(line_start..start).map(|s| s.chars().count()).unwrap_or(inner.column());
        Ok(Box::new(MietteSpanContents::new_named(
            self.name.clone(),
            inner.data(),
            SourceSpan::new((inner.span().offset() + self.base).into(), inner.span().len()),
            inner.line() + self.base_line,
            column,
            inner.line_count() + self.base_line,
        )))
    }
}

/// One line per diagnostic: `file:line:col: severity[code]: message`. The severity word stays
/// English in every language (editors' problem matchers read it); the message is in `lang`.
pub fn short(sources: &SourceMap, diags: &[Diagnostic], lang: Lang) -> String {
    let config = term::Config { display_style: term::DisplayStyle::Short, ..term::Config::default() };
    let mut buffer = term::termcolor::NoColor::new(Vec::new());
    for d in diags {
        let s = d.span();
        let severity = match d.severity() {
            Severity::Error => cs::Severity::Error,
            Severity::Warning => cs::Severity::Warning,
            Severity::Note => cs::Severity::Note,
        };
        let diag = cs::Diagnostic::new(severity)
            .with_message(visible(&d.message_in(lang)))
            .with_code(d.code())
            .with_labels(vec![cs::Label::primary(s.file, s.start..s.end)]);
        // Writing to memory cannot fail; a file id the map does not know is skipped.
        let _ = term::emit(&mut buffer, &config, sources, &diag);
    }
    String::from_utf8_lossy(&buffer.into_inner()).into_owned()
}

#[derive(Serialize)]
struct JsonDiagnostic {
    severity: Severity,
    code: &'static str,
    message: String,
    file: String,
    line: usize,
    column: usize,
    span: JsonSpan,
    help: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    declared: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    computed: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    unit: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    year: Option<String>,
    labels: Vec<JsonLabel>,
}

#[derive(Serialize)]
struct JsonSpan {
    start: usize,
    end: usize,
}

#[derive(Serialize)]
struct JsonLabel {
    file: String,
    line: usize,
    column: usize,
    span: JsonSpan,
    message: String,
    primary: bool,
}

#[derive(Serialize)]
struct JsonDocument<'a> {
    version: u32,
    diagnostics: Vec<JsonDiagnostic>,
    summary: &'a Summary,
}

/// One JSON document with every diagnostic and a summary (schema: docs/json.md).
pub fn json(files: &[(&SourceMap, &[Diagnostic])], summary: &Summary, lang: Lang) -> String {
    let mut out = Vec::new();
    for (sources, diags) in files {
        for d in diags.iter() {
            let s = d.span();
            let (line, column) = sources.line_col(s);
            let compared = d.compared();
            out.push(JsonDiagnostic {
                severity: d.severity(),
                code: d.code(),
                message: d.message_in(lang),
                file: sources.name(s.file).to_string(),
                line,
                column,
                span: JsonSpan { start: s.start, end: s.end },
                help: d.help_in(lang),
                declared: compared.as_ref().map(|c| c.0.normalize().to_string()),
                computed: compared.as_ref().map(|c| c.1.normalize().to_string()),
                unit: compared.as_ref().map(|c| c.2.name()),
                year: d.year(),
                labels: d
                    .labels_in(lang)
                    .into_iter()
                    .map(|l| {
                        let (line, column) = sources.line_col(l.span);
                        JsonLabel {
                            file: sources.name(l.span.file).to_string(),
                            line,
                            column,
                            span: JsonSpan { start: l.span.start, end: l.span.end },
                            message: l.text,
                            primary: l.primary,
                        }
                    })
                    .collect(),
            });
        }
    }
    let doc = JsonDocument { version: JSON_SCHEMA_VERSION, diagnostics: out, summary };
    // Serialising plain structs of strings and numbers cannot fail.
    serde_json::to_string_pretty(&doc).unwrap_or_default()
}
