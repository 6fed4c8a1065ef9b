//! The files of a plan, with line lookup. Implements codespan-reporting's `Files`, so line and
//! column numbers (and the short output format) come from one well-tested place.

use crate::syntax::ast::{FileId, Span};
use codespan_reporting::files::{self, Files};
use std::ops::Range;
use std::path::PathBuf;

#[derive(Debug, Clone)]
pub struct SourceFile {
    /// The name shown to users: the path as given on the command line, or as included.
    pub name: String,
    pub path: Option<PathBuf>,
    pub text: String,
    line_starts: Vec<usize>,
    /// Every [`CHECKPOINT_BYTES`] bytes (at a character boundary): the byte offset and how many
    /// characters come before it, so a column on a line of megabytes is counted from the
    /// nearest checkpoint, not from the start of the line.
    checkpoints: Vec<(usize, usize)>,
}

/// The distance between character-count checkpoints.
const CHECKPOINT_BYTES: usize = 4096;

impl SourceFile {
    /// How many characters come before byte `at`.
    fn chars_before(&self, at: usize) -> usize {
        let at = at.min(self.text.len());
        let i = self.checkpoints.partition_point(|(b, _)| *b <= at).saturating_sub(1);
        let (byte, chars) = self.checkpoints.get(i).copied().unwrap_or((0, 0));
        chars + self.text.get(byte..at).map(|s| s.chars().count()).unwrap_or(0)
    }
}

fn checkpoints(text: &str) -> Vec<(usize, usize)> {
    let mut out = vec![(0, 0)];
    let (mut byte, mut chars) = (0usize, 0usize);
    while byte + CHECKPOINT_BYTES < text.len() {
        let mut next = byte + CHECKPOINT_BYTES;
        while !text.is_char_boundary(next) {
            next += 1;
        }
        chars += text[byte..next].chars().count();
        byte = next;
        out.push((byte, chars));
    }
    out
}

#[derive(Debug, Clone, Default)]
pub struct SourceMap {
    files: Vec<SourceFile>,
}

impl SourceMap {
    pub fn new() -> Self {
        SourceMap::default()
    }

    pub fn add(&mut self, name: impl Into<String>, path: Option<PathBuf>, text: String) -> FileId {
        let text = lone_cr_as_lf(text);
        // Where each line starts (codespan's `files::line_starts`, found with memchr).
        let mut line_starts = Vec::with_capacity(text.len() / 32 + 1);
        line_starts.push(0);
        line_starts.extend(memchr::memchr_iter(b'\n', text.as_bytes()).map(|i| i + 1));
        let id = FileId(self.files.len() as u32);
        // A file name is shown in every output: never with a terminal escape in it.
        let name = crate::render::visible(&name.into());
        let checkpoints = checkpoints(&text);
        self.files.push(SourceFile { name, path, text, line_starts, checkpoints });
        id
    }

    pub fn get(&self, id: FileId) -> Option<&SourceFile> {
        self.files.get(id.0 as usize)
    }

    pub fn name(&self, id: FileId) -> &str {
        self.get(id).map(|f| f.name.as_str()).unwrap_or("<unknown>")
    }

    pub fn text(&self, id: FileId) -> &str {
        self.get(id).map(|f| f.text.as_str()).unwrap_or("")
    }

    pub fn len(&self) -> usize {
        self.files.len()
    }

    pub fn is_empty(&self) -> bool {
        self.files.is_empty()
    }

    /// 1-based line and column (in characters) of the start of a span.
    pub fn line_col(&self, span: Span) -> (usize, usize) {
        let line = self.line_index(span.file, span.start).unwrap_or(0);
        let col = self.column_number(span.file, line, span.start).unwrap_or(1);
        (line + 1, col)
    }

    /// The text a span covers.
    pub fn slice(&self, span: Span) -> &str {
        self.text(span.file).get(span.start..span.end).unwrap_or("")
    }
}

/// A file with the line endings of old Mac files (a CR alone) read as lines, like any other: each
/// lone CR becomes a LF, which keeps every byte offset. CRLF stays as it is.
pub fn lone_cr_as_lf(text: String) -> String {
    if !text.contains('\r') {
        return text;
    }
    let mut bytes = text.into_bytes();
    for i in 0..bytes.len() {
        if bytes[i] == b'\r' && bytes.get(i + 1) != Some(&b'\n') {
            bytes[i] = b'\n';
        }
    }
    // Only ASCII CR bytes were replaced by ASCII LF bytes: the text is still UTF-8.
    String::from_utf8(bytes).unwrap_or_default()
}

impl<'a> Files<'a> for SourceMap {
    type FileId = FileId;
    type Name = &'a str;
    type Source = &'a str;

    fn name(&'a self, id: FileId) -> Result<&'a str, files::Error> {
        self.get(id).map(|f| f.name.as_str()).ok_or(files::Error::FileMissing)
    }

    fn source(&'a self, id: FileId) -> Result<&'a str, files::Error> {
        self.get(id).map(|f| f.text.as_str()).ok_or(files::Error::FileMissing)
    }

    fn line_index(&'a self, id: FileId, byte_index: usize) -> Result<usize, files::Error> {
        let file = self.get(id).ok_or(files::Error::FileMissing)?;
        Ok(file.line_starts.binary_search(&byte_index).unwrap_or_else(|next| next - 1))
    }

    fn column_number(&'a self, id: FileId, line_index: usize, byte_index: usize) -> Result<usize, files::Error> {
        let file = self.get(id).ok_or(files::Error::FileMissing)?;
        let start = self.line_range(id, line_index)?.start;
        Ok(file.chars_before(byte_index) - file.chars_before(start) + 1)
    }

    fn line_range(&'a self, id: FileId, line_index: usize) -> Result<Range<usize>, files::Error> {
        let file = self.get(id).ok_or(files::Error::FileMissing)?;
        let start = *file
            .line_starts
            .get(line_index)
            .ok_or(files::Error::LineTooLarge { given: line_index, max: file.line_starts.len() - 1 })?;
        let end = file.line_starts.get(line_index + 1).copied().unwrap_or(file.text.len());
        Ok(start..end)
    }
}
