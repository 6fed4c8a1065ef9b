//! pest pairs → AST, with error recovery.
//!
//! pest stops at the first error. To report every problem in one run, the parser records the
//! error, blanks out the smallest piece of source that contains it (the line, or the block whose
//! header is broken), and parses again, up to [`MAX_SYNTAX_ERRORS`] times. Blanking keeps every
//! byte offset, so spans in later errors and in the AST still point at the original text.

use super::ast::*;
use super::errors::syntax_problem;
use super::keywords::{self, Detected};
use super::number::parse_dutch;
use crate::diagnostic::{Diagnostic, Problem};
use crate::lang::Msg;
use pest::iterators::Pair;
use pest::Parser;
use rayon::prelude::*;
use rust_decimal::Decimal;

#[derive(pest_derive::Parser)]
#[grammar = "../grammar/plan.pest"]
pub struct PlanParser;

/// After this many syntax errors in one file the parser stops and reports what it has.
pub const MAX_SYNTAX_ERRORS: usize = 50;

/// Blocks nested deeper than this are refused before parsing: the parser and every later stage
/// recurse once per level, and a plan needs a handful of levels (group → group → measure).
pub const MAX_DEPTH: usize = 64;

/// A year span in a table's `columns` may cover at most this many years.
pub const MAX_COLUMN_YEARS: u16 = 200;

/// Parses one file. Always returns a document (possibly partial) and the problems found.
///
/// A large file is parsed in pieces of whole top-level blocks, on every core (see
/// [`parse_pieces`]): pest keeps a token for every rule it matched until the pairs are dropped,
/// so parsing the file in one go would hold about 25 bytes per byte of plan; and after a syntax
/// error only the rest of the file from the broken piece is parsed again, with recovery.
pub fn parse(file: FileId, text: &str) -> (Document, Vec<Diagnostic>) {
    parse_with(file, text, PIECE_BYTES, FrontEnd::from_env())
}

/// Which front end reads a piece of a plan first.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FrontEnd {
    /// The hand-written scanner of [`super::fast`] for the pieces it accepts whole, pest for
    /// every other piece (and for every piece with a syntax error): what grip normally does.
    Fast,
    /// pest for every piece: the specification, and what the fast front end must agree with.
    Pest,
}

impl FrontEnd {
    /// [`FrontEnd::Fast`], unless the environment variable `GRIP_FRONT_END` is `pest` (read
    /// once), so the two can be compared on the whole of `grip`'s output.
    pub fn from_env() -> FrontEnd {
        static CHOSEN: std::sync::OnceLock<FrontEnd> = std::sync::OnceLock::new();
        *CHOSEN.get_or_init(|| match std::env::var("GRIP_FRONT_END") {
            Ok(v) if v == "pest" => FrontEnd::Pest,
            _ => FrontEnd::Fast,
        })
    }
}

/// [`parse`], cutting pieces once they hold `piece_bytes`. The tests and the `check` fuzzer cut
/// small pieces, so short inputs go through the pieces too.
pub fn parse_in_pieces_of(file: FileId, text: &str, piece_bytes: usize) -> (Document, Vec<Diagnostic>) {
    parse_with(file, text, piece_bytes, FrontEnd::from_env())
}

/// [`parse_in_pieces_of`] with the front end chosen: `tests/front_ends.rs` and the
/// `front_ends` fuzzer compare the two.
pub fn parse_with(file: FileId, text: &str, piece_bytes: usize, front: FrontEnd) -> (Document, Vec<Diagnostic>) {
    let language = keywords::detect(text);
    let lang = language.map(|l| l.lang);
    let cuts = match cuts(text, piece_bytes) {
        Ok(cuts) => cuts,
        Err(at) => {
            let problem = Problem::TooDeep { span: Span::new(file, at, at + 1), limit: MAX_DEPTH };
            return (Document { file, items: Vec::new(), lang }, vec![problem.into()]);
        }
    };
    if cuts.is_empty() {
        if front == FrontEnd::Fast {
            if let Some(items) = super::fast::parse_piece(file, text, 0, language) {
                return (Document { file, items, lang }, Vec::new());
            }
        }
        let parsed = parse_recovering(file, text, language);
        (Document { file, items: parsed.items, lang }, parsed.diagnostics)
    } else {
        parse_pieces(file, text, &cuts, language, front)
    }
}

/// Pieces are cut after a top-level block's `}` once they hold at least this many bytes.
pub const PIECE_BYTES: usize = 64 * 1024;

/// Where `text` is cut into pieces: just after each `}` that closes a top-level block once the
/// piece holds at least `piece_bytes`. Err: where blocks nest deeper than [`MAX_DEPTH`].
pub(crate) fn cuts(text: &str, piece_bytes: usize) -> Result<Vec<usize>, usize> {
    let mut cuts = Vec::new();
    let mut piece_start = 0;
    for end in block_ends(text) {
        let end = end?;
        if end - piece_start >= piece_bytes {
            cuts.push(end);
            piece_start = end;
        }
    }
    Ok(cuts)
}

/// Just after each `}` that closes a top-level block of `text` (or stands alone at the top
/// level), in order; Err where blocks nest deeper than [`MAX_DEPTH`] (and nothing after it). What
/// follows such a point is read the same way whatever came before it: reading `text[end..]`
/// gives the same ends, moved by `end`.
pub(crate) fn block_ends(text: &str) -> impl Iterator<Item = Result<usize, usize>> + '_ {
    let mut depth = 0usize;
    let mut done = false;
    let mut delimiters = delimiters(text);
    std::iter::from_fn(move || {
        if done {
            return None;
        }
        for (at, b) in delimiters.by_ref() {
            if b == b'{' || b == b'(' {
                depth += 1;
                if depth > MAX_DEPTH {
                    done = true;
                    return Some(Err(at));
                }
            } else {
                depth = depth.saturating_sub(1);
                if depth == 0 && b == b'}' {
                    return Some(Ok(at + 1));
                }
            }
        }
        None
    })
}

/// Whether `text` is a plan: whether it has a plan header that parses, reading only as far as
/// the header. `grip check FILE` asks this of every file it is given before checking it, and a
/// plan's header comes first. Top-level blocks are parsed one by one, as [`parse_pieces`] would
/// (so the answer is what parsing the whole text says); a block with a syntax error before the
/// header, or blocks nested too deep, make the whole text be parsed as usual. A header followed
/// by a block left open is still a plan's (parsing the whole text gives up on it).
pub fn declares_plan(text: &str) -> bool {
    let whole = || parse(FileId(0), text).0.items.iter().any(|i| matches!(i, Item::Header(_)));
    let language = keywords::detect(text);
    let front = FrontEnd::from_env();
    let mut start = 0;
    for end in block_ends(text) {
        // Blocks nested too deep: parsed whole, as `parse` does.
        let Ok(end) = end else { return whole() };
        // A cut just after a `}` falls between characters.
        let Some(piece) = text.get(start..end) else { return whole() };
        match parse_piece(FileId(0), piece, start, language, front) {
            Some((items, _)) if items.iter().any(|i| matches!(i, Item::Header(_))) => return true,
            Some(_) => start = end,
            None => return whole(),
        }
    }
    // What follows the last block holds no header that parses (a header is a block).
    if text[start..].trim().is_empty() {
        false
    } else {
        whole()
    }
}

/// Parses one piece (`piece`, which starts at byte `start` of the file) with the front end
/// chosen; None when pest finds a syntax error in it (the caller parses on with recovery).
pub(crate) fn parse_piece(
    file: FileId,
    piece: &str,
    start: usize,
    language: Option<Detected>,
    front: FrontEnd,
) -> Option<(Vec<Item>, Vec<Diagnostic>)> {
    if front == FrontEnd::Fast {
        // A piece the fast front end accepts whole has no problem pest would report.
        if let Some(items) = super::fast::parse_piece(file, piece, start, language) {
            return Some((items, Vec::new()));
        }
    }
    let mut pairs = PlanParser::parse(Rule::file, piece).ok()?;
    let mut diagnostics = Vec::new();
    let mut builder = Builder {
        file,
        base: start,
        diagnostics: &mut diagnostics,
        language,
        rows_named_like_keywords: Vec::new(),
        bare_keyword_terms: Vec::new(),
    };
    let items = pairs.next().map(|file_pair| builder.items(file_pair)).unwrap_or_default();
    Some((items, diagnostics))
}

/// Parses `text` as consecutive pieces ending at `cuts` (each just after the `}` that closes a
/// top-level block). Top-level items begin with distinct keywords and a block ends at its `}`,
/// so the pieces parse exactly as the whole text would. From the first piece with a syntax
/// error on, the rest of the file is parsed with recovery in one go, as the whole file would be
/// (recovery blanks lines and blocks, and must see what follows them), with the pieces before it
/// blanked, so the problems are the same too: `tests/robustness.rs` and the `check` fuzzer
/// compare the two.
fn parse_pieces(
    file: FileId,
    text: &str,
    cuts: &[usize],
    language: Option<Detected>,
    front: FrontEnd,
) -> (Document, Vec<Diagnostic>) {
    let lang = language.map(|l| l.lang);
    let mut bounds = Vec::with_capacity(cuts.len() + 1);
    let mut start = 0;
    for end in cuts.iter().copied().chain((cuts.last() != Some(&text.len())).then_some(text.len())) {
        bounds.push((start, end));
        start = end;
    }
    // Pieces are independent, so they are parsed on every core; the results keep file order.
    let pieces: Vec<Option<(Vec<Item>, Vec<Diagnostic>)>> = bounds
        .par_iter()
        .map(|&(start, end)| {
            // Cuts are just after a `}`, so they fall between characters.
            parse_piece(file, text.get(start..end)?, start, language, front)
        })
        .collect();
    let mut items = Vec::new();
    let mut diagnostics = Vec::new();
    for (piece, &(start, _)) in pieces.into_iter().zip(&bounds) {
        let Some((i, d)) = piece else {
            // The rest of the file, after the good pieces turned into blanks: byte offsets, line
            // numbers and what an error message sees around it stay those of the whole file.
            let mut rest_text = String::with_capacity(text.len());
            rest_text.extend(text.bytes().take(start).map(|b| if b == b'\n' { '\n' } else { ' ' }));
            rest_text.push_str(text.get(start..).unwrap_or(""));
            let rest = parse_recovering(file, &rest_text, language);
            if rest.gave_up {
                return (Document { file, items: Vec::new(), lang }, rest.diagnostics);
            }
            // In the order parsing the whole file gives: its syntax errors come first.
            let mut all = rest.diagnostics;
            let later = all.split_off(rest.syntax_errors.min(all.len()));
            all.extend(diagnostics);
            all.extend(later);
            items.extend(rest.items);
            return (Document { file, items, lang }, all);
        };
        items.extend(i);
        diagnostics.extend(d);
    }
    (Document { file, items, lang }, diagnostics)
}

/// What parsing with recovery gives.
struct Parsed {
    items: Vec<Item>,
    diagnostics: Vec<Diagnostic>,
    /// How many of the diagnostics are syntax errors.
    syntax_errors: usize,
    /// Parsing stopped before the end (an unclosed block, too many errors, nothing left to
    /// blank): `items` is empty and `diagnostics` holds only the syntax errors.
    gave_up: bool,
}

/// Parses the whole text at once, recovering from syntax errors to report them all.
pub fn parse_whole(file: FileId, text: &str) -> (Document, Vec<Diagnostic>) {
    let language = keywords::detect(text);
    let parsed = parse_recovering(file, text, language);
    (Document { file, items: parsed.items, lang: language.map(|l| l.lang) }, parsed.diagnostics)
}

/// Parses `text`, recovering from syntax errors to report them all. `language` is the plan's
/// keyword language and where it shows first (detected in the whole file).
fn parse_recovering(file: FileId, text: &str, language: Option<Detected>) -> Parsed {
    let mut diagnostics = Vec::new();
    let mut syntax_errors = 0;
    let mut work = text.to_string();
    let mut last_block = None;
    loop {
        match PlanParser::parse(Rule::file, &work) {
            Ok(mut pairs) => {
                let mut builder = Builder {
                    file,
                    base: 0,
                    diagnostics: &mut diagnostics,
                    language,
                    rows_named_like_keywords: Vec::new(),
                    bare_keyword_terms: Vec::new(),
                };
                let items = match pairs.next() {
                    Some(file_pair) => builder.items(file_pair),
                    None => Vec::new(),
                };
                return Parsed { items, diagnostics, syntax_errors, gave_up: false };
            }
            Err(error) => {
                let problem = syntax_problem(file, &work, &error, language.map(|l| l.lang));
                let stop = matches!(problem, Problem::UnclosedBlock { .. });
                // A block left open after earlier errors is their consequence, not news.
                if !stop || diagnostics.is_empty() {
                    diagnostics.push(problem.clone().into());
                    syntax_errors += 1;
                }
                let pos = match &problem {
                    Problem::Syntax { span, .. } => span.start,
                    _ => match error.location {
                        pest::error::InputLocation::Pos(p) => p,
                        pest::error::InputLocation::Span((s, _)) => s,
                    },
                };
                // A second error in the same block blanks the whole block, so one broken
                // block cannot cascade into an error on every line after it.
                let block = open_blocks_at(&work, pos).last().copied();
                let whole_block = block.is_some() && block == last_block;
                last_block = block;
                let blanked = match block {
                    Some(open) if whole_block || work.as_bytes().get(pos) == Some(&b'}') => {
                        blank_block(&mut work, open)
                    }
                    _ => blank_around(&mut work, pos),
                };
                if stop || syntax_errors >= MAX_SYNTAX_ERRORS || !blanked {
                    return Parsed { items: Vec::new(), diagnostics, syntax_errors, gave_up: true };
                }
            }
        }
    }
}

/// Blanks the block whose `{` is at `open`, from the start of its header line to its `}`.
fn blank_block(work: &mut String, open: usize) -> bool {
    let start = blank_start(work, open);
    let end = matching_close(work, open).map(|c| c + 1).unwrap_or(work.len());
    blank_range(work, start, end, usize::MAX)
}

/// Blanks the smallest region around `pos` that lets parsing go on: the line, or, when the line
/// opens a block, the whole block. Returns false when nothing could be blanked.
fn blank_around(work: &mut String, pos: usize) -> bool {
    let bytes = work.as_bytes();
    let pos = pos.min(bytes.len());
    let line_start = bytes[..pos].iter().rposition(|&b| b == b'\n').map(|i| i + 1).unwrap_or(0);
    let line_end = bytes[pos..].iter().position(|&b| b == b'\n').map(|i| pos + i).unwrap_or(bytes.len());
    let line = &work[line_start..line_end];
    let line_braces: Vec<(usize, u8)> = braces(line).collect();
    let (start, end) = if let Some(open) = line_braces.iter().find(|(_, c)| *c == b'{') {
        let open_at = line_start + open.0;
        (blank_start(work, pos.min(open_at)), matching_close(work, open_at).map(|c| c + 1).unwrap_or(work.len()))
    } else {
        // Text before a `}` earlier on the line belongs to the block that `}` closes, which
        // parsed: `040}0.5` blanks only `0.5`.
        (blank_start(work, pos), line_end)
    };
    let keep_closing = !line_braces.iter().any(|(_, c)| *c == b'{');
    blank_range(work, start, end, if keep_closing { pos } else { usize::MAX })
}

/// Where blanking a block may start on the line of `at`: the start of the line, or just after a
/// `}` before `at` on it, which closes the block before (`}measure …` keeps that `}`).
fn blank_start(work: &str, at: usize) -> usize {
    let line_start = work[..at].rfind('\n').map(|i| i + 1).unwrap_or(0);
    braces(&work[line_start..at])
        .filter(|(_, c)| *c == b'}')
        .last()
        .map(|(i, _)| line_start + i + 1)
        .unwrap_or(line_start)
}

/// Replaces `start..end` by spaces (keeping newlines and byte offsets). With `keep_close_except`
/// other than `usize::MAX`, closing braces are kept except the one at that position.
fn blank_range(work: &mut String, start: usize, end: usize, keep_close_except: usize) -> bool {
    if start >= end || work[start..end].chars().all(char::is_whitespace) {
        return false;
    }
    let keep_close =
        |i: usize| -> bool { keep_close_except != usize::MAX && work.as_bytes()[i] == b'}' && i != keep_close_except };
    let blanked: String = work[start..end]
        .char_indices()
        .map(|(i, c)| if c == '\n' || keep_close(start + i) { c } else { ' ' })
        .collect();
    // Replace character by character so byte offsets stay the same: multi-byte characters
    // become as many spaces as they had bytes.
    let mut out = String::with_capacity(work.len());
    out.push_str(&work[..start]);
    for (c, orig) in blanked.chars().zip(work[start..end].chars()) {
        if c == ' ' && orig != ' ' {
            out.extend(std::iter::repeat_n(' ', orig.len_utf8()));
        } else {
            out.push(orig);
        }
    }
    out.push_str(&work[end..]);
    *work = out;
    true
}

/// Positions of `{` and `}` in `text` outside strings and comments, in order.
pub(crate) fn braces(text: &str) -> impl Iterator<Item = (usize, u8)> + '_ {
    delimiters(text).filter(|(_, b)| matches!(b, b'{' | b'}'))
}

/// Positions of `{`, `}`, `(` and `)` in `text` outside strings and comments, in order.
fn delimiters(text: &str) -> impl Iterator<Item = (usize, u8)> + '_ {
    // The bytes that start a string, a comment or are a delimiter: every other byte is passed
    // over in a tight loop.
    const MATTERS: [bool; 256] = {
        let mut t = [false; 256];
        let mut k = 0;
        let bytes = b"\"/#{}()";
        while k < bytes.len() {
            t[bytes[k] as usize] = true;
            k += 1;
        }
        t
    };
    let bytes = text.as_bytes();
    let mut i = 0;
    std::iter::from_fn(move || {
        while i < bytes.len() {
            while i < bytes.len() && !MATTERS[bytes[i] as usize] {
                i += 1;
            }
            if i >= bytes.len() {
                break;
            }
            let at = i;
            match bytes[i] {
                b'"' if text[i..].starts_with("\"\"\"") => {
                    i = text[i + 3..].find("\"\"\"").map(|j| i + 3 + j + 3).unwrap_or(bytes.len());
                    continue;
                }
                b'"' => {
                    let mut j = i + 1;
                    while j < bytes.len() && bytes[j] != b'"' && bytes[j] != b'\n' {
                        j += if bytes[j] == b'\\' { 2 } else { 1 };
                    }
                    // A string never closed on its line is a slip, not a string: braces after
                    // the quote still count.
                    if j < bytes.len() && bytes[j] == b'"' {
                        i = j;
                    }
                }
                b'/' if bytes.get(i + 1) == Some(&b'*') => {
                    i = text[i + 2..].find("*/").map(|j| i + 2 + j + 2).unwrap_or(bytes.len());
                    continue;
                }
                b'#' | b'/' if bytes[i] == b'#' || bytes.get(i + 1) == Some(&b'/') => {
                    while i < bytes.len() && bytes[i] != b'\n' {
                        i += 1;
                    }
                    continue;
                }
                b'{' | b'}' | b'(' | b')' => {
                    i += 1;
                    return Some((at, bytes[at]));
                }
                _ => {}
            }
            i += 1;
        }
        None
    })
}

/// The `}` matching the `{` at `open`.
pub(crate) fn matching_close(text: &str, open: usize) -> Option<usize> {
    let mut depth = 0usize;
    for (at, b) in braces(text).skip_while(|(at, _)| *at < open) {
        if b == b'{' {
            depth += 1;
        } else {
            depth = depth.saturating_sub(1);
            if depth == 0 {
                return Some(at);
            }
        }
    }
    None
}

/// The `{` of every block still open at `pos`, outermost first.
pub(crate) fn open_blocks_at(text: &str, pos: usize) -> Vec<usize> {
    let mut stack = Vec::new();
    for (at, b) in braces(text).take_while(|(at, _)| *at < pos) {
        if b == b'{' {
            stack.push(at);
        } else {
            stack.pop();
        }
    }
    stack
}

/// The table that starts at `at` in `piece` (a piece of the file that starts at `base`), read
/// by pest: the fast front end hands tables (their formulas and cells) to the grammar. `None`
/// when pest refuses it, or when building it reports any problem (a mixed keyword included),
/// so the piece is parsed by pest whole and every problem is reported as pest's path does.
pub(crate) fn pest_table(
    file: FileId,
    piece: &str,
    base: usize,
    at: usize,
    language: Option<Detected>,
) -> Option<(Table, usize)> {
    let rest = piece.get(at..)?;
    let pair = PlanParser::parse(Rule::table, rest).ok()?.next()?;
    let end = at + pair.as_span().end();
    let mut diagnostics = Vec::new();
    let mut builder = Builder {
        file,
        base: base + at,
        diagnostics: &mut diagnostics,
        language,
        rows_named_like_keywords: Vec::new(),
        bare_keyword_terms: Vec::new(),
    };
    let table = builder.table(pair.clone());
    if let Some(detected) = language {
        builder.mixed_keywords(&pair, detected);
    }
    diagnostics.is_empty().then_some((table, end))
}

struct Builder<'d> {
    file: FileId,
    /// Where the text pest parsed starts in the file (pieces start past 0).
    base: usize,
    diagnostics: &'d mut Vec<Diagnostic>,
    /// The plan's keyword language and where it shows first: a keyword of the other language
    /// is an error.
    language: Option<Detected>,
    /// Where a keyword word stands as the name of a row (`= kosten - opbrengsten`).
    rows_named_like_keywords: Vec<usize>,
    /// Bare `sum`, `savings` and `costs` in the formulas of the table being built, with the
    /// word written: a row of that name makes them row references.
    bare_keyword_terms: Vec<(Span, String)>,
}

/// Field slots of a block that may be given once.
fn set_once<T>(
    slot: &mut Option<Spanned<T>>,
    value: Spanned<T>,
    field: &'static str,
    owner: &Msg,
    diags: &mut Vec<Diagnostic>,
) {
    if let Some(first) = slot {
        diags.push(Problem::DuplicateField { span: value.span, first: first.span, field, owner: owner.clone() }.into());
    } else {
        *slot = Some(value);
    }
}

impl Builder<'_> {
    /// The pair's span without trailing whitespace and comments (pest includes what it skipped
    /// before an optional part that did not match).
    fn span(&self, pair: &Pair<Rule>) -> Span {
        Span::new(self.file, self.base + pair.as_span().start(), self.base + span_end(pair))
    }

    fn items(&mut self, file_pair: Pair<Rule>) -> Vec<Item> {
        let items = file_pair.clone().into_inner().filter_map(|p| self.item(p)).collect();
        if let Some(detected) = self.language {
            self.mixed_keywords(&file_pair, detected);
        }
        items
    }

    /// Every keyword written in the other language than the plan's.
    fn mixed_keywords(&mut self, file_pair: &Pair<Rule>, detected: Detected) {
        let lang = detected.lang;
        let other = lang.other();
        for p in file_pair.clone().into_inner().flatten() {
            let Some(k) = keywords::of_rule(p.as_rule()) else { continue };
            if k.en == k.nl || !p.as_str().split_whitespace().eq(k.word(other).split(' ')) {
                continue;
            }
            // Read as the name of a row (`= kosten - opbrengsten` in an English plan).
            if self.rows_named_like_keywords.contains(&(self.base + p.as_span().start())) {
                continue;
            }
            self.diagnostics.push(
                Problem::MixedKeywords {
                    span: self.span(&p),
                    found: k.word(other),
                    keyword: k.word(lang),
                    lang,
                    decided: Span::new(self.file, detected.start, detected.end),
                }
                .into(),
            );
        }
    }

    fn item(&mut self, pair: Pair<Rule>) -> Option<Item> {
        Some(match pair.as_rule() {
            Rule::plan_header => Item::Header(Box::new(self.header(pair))),
            Rule::include => {
                let s = pair.into_inner().find(|p| p.as_rule() == Rule::string)?;
                Item::Include(self.string(s))
            }
            Rule::part_of => {
                let s = pair.into_inner().find(|p| p.as_rule() == Rule::string)?;
                Item::PartOf(self.string(s))
            }
            Rule::group => Item::Group(self.group(pair)),
            Rule::measure => Item::Measure(Box::new(self.measure(pair))),
            Rule::table => Item::Table(self.table(pair)),
            Rule::plan_total | Rule::group_total => Item::Total(self.declared_total(pair)),
            Rule::text_block => {
                let s = pair.into_inner().find(|p| p.as_rule() == Rule::string)?;
                Item::Text(self.string(s))
            }
            Rule::progress_header => {
                let s = pair.into_inner().find(|p| p.as_rule() == Rule::string)?;
                Item::Progress(self.string(s))
            }
            Rule::moment => Item::Moment(Box::new(self.moment(pair))),
            _ => return None,
        })
    }

    /// `moment "2e bestuursrapportage 2021" 2021-10-15 { … }`.
    fn moment(&mut self, pair: Pair<Rule>) -> Moment {
        let span = self.span(&pair);
        let mut m = Moment {
            name: Spanned::new(String::new(), span),
            date: Spanned::new(Date { year: 0, month: 1, day: None }, span),
            measures: Vec::new(),
            remaining: Vec::new(),
            descriptions: Vec::new(),
            span,
        };
        for p in pair.into_inner() {
            match p.as_rule() {
                Rule::string => m.name = self.string(p),
                Rule::date => {
                    if let Some(d) = self.date(p) {
                        m.date = d;
                    }
                }
                Rule::measure_progress => m.measures.push(self.measure_progress(p)),
                Rule::remaining_total => m.remaining.push(self.declared_total(p)),
                Rule::description => {
                    if let Some(s) = p.into_inner().find(|p| p.as_rule() == Rule::string) {
                        m.descriptions.push(self.string(s));
                    }
                }
                _ => {}
            }
        }
        m
    }

    /// `measure a1 { phase 3  realised € 130.000 in 2021 … }` in a moment.
    fn measure_progress(&mut self, pair: Pair<Rule>) -> MeasureProgress {
        let span = self.span(&pair);
        let mut m = MeasureProgress {
            id: Spanned::new(String::new(), span),
            phase: None,
            realised: Vec::new(),
            expected: Vec::new(),
            decided: None,
            explanation: None,
            replacements: Vec::new(),
            span,
        };
        let mut owner = Msg::id("subject-measure").arg("id", "");
        for p in pair.into_inner() {
            let pspan = self.span(&p);
            match p.as_rule() {
                Rule::item_id => {
                    m.id = Spanned::new(p.as_str().to_string(), pspan);
                    owner = Msg::id("subject-measure").arg("id", &m.id.value);
                }
                Rule::phase => {
                    if let Some(n) = p.into_inner().find(|q| q.as_rule() == Rule::phase_number) {
                        let nspan = self.span(&n);
                        let value = n.as_str().parse::<u8>().unwrap_or(u8::MAX);
                        set_once(
                            &mut m.phase,
                            Spanned::new(value, nspan),
                            self.field("phase"),
                            &owner,
                            self.diagnostics,
                        );
                    }
                }
                Rule::realised | Rule::expected => {
                    let is_realised = p.as_rule() == Rule::realised;
                    let (amount, years) = self.amount_and_years(p);
                    if let Some(amount) = amount {
                        let e = Effect { kind: EffectKind::Saving, amount, years, span: pspan };
                        if is_realised {
                            m.realised.push(e);
                        } else {
                            m.expected.push(e);
                        }
                    }
                }
                Rule::decided => {
                    if let Some(d) = p.into_inner().find(|q| q.as_rule() == Rule::date).and_then(|d| self.date(d)) {
                        set_once(&mut m.decided, d, self.field("decided"), &owner, self.diagnostics);
                    }
                }
                Rule::explanation => {
                    if let Some(s) = p.into_inner().find(|q| q.as_rule() == Rule::string) {
                        let s = self.string(s);
                        set_once(&mut m.explanation, s, self.field("explanation"), &owner, self.diagnostics);
                    }
                }
                Rule::replacement => {
                    let what = p.clone().into_inner().find(|q| q.as_rule() == Rule::string).map(|s| self.string(s));
                    let (amount, years) = self.amount_and_years(p);
                    if let (Some(amount), Some(what)) = (amount, what) {
                        m.replacements.push(Replacement { amount, years, what, span: pspan });
                    }
                }
                _ => {}
            }
        }
        m
    }

    /// The amount and the years of a line like `realised € 130.000 in 2021`.
    fn amount_and_years(&mut self, pair: Pair<Rule>) -> (Option<Spanned<Amount>>, YearSpec) {
        let mut amount = None;
        let mut years = YearSpec::Always;
        for q in pair.into_inner() {
            match q.as_rule() {
                Rule::amount => amount = self.amount(q),
                Rule::year_spec => {
                    if let Some(spec) = q.into_inner().next() {
                        let is_from = spec.as_rule() == Rule::from_year;
                        if let Some(y) = spec.into_inner().find(|p| p.as_rule() == Rule::year) {
                            let y = self.year(y);
                            years = if is_from { YearSpec::From(y) } else { YearSpec::In(y) };
                        }
                    }
                }
                _ => {}
            }
        }
        (amount, years)
    }

    fn string(&self, pair: Pair<Rule>) -> Spanned<String> {
        let span = self.span(&pair);
        Spanned::new(string_value(pair.as_str()), span)
    }

    fn year(&mut self, pair: Pair<Rule>) -> Spanned<u16> {
        let span = self.span(&pair);
        // The grammar allows exactly four ASCII digits here, which always fit in u16.
        let year = pair.as_str().parse::<u16>().unwrap_or(0);
        Spanned::new(year, span)
    }

    fn number(&mut self, pair: &Pair<Rule>) -> Option<Decimal> {
        let raw = pair.as_str();
        // Most numbers are plain digits, dots and commas with at most a `-` or `+`, read in place;
        // the forms pasted text has (`-/- 1.000`, `(1.000)`, `–1.600`, `120.000,-`) are rewritten
        // first.
        let plain = raw.bytes().all(|b| b.is_ascii_digit() || matches!(b, b'.' | b',' | b'_' | b'-' | b'+'))
            && !raw.contains(",-")
            && !raw.contains("-/");
        let text = if plain { std::borrow::Cow::Borrowed(raw) } else { std::borrow::Cow::Owned(normalize_number(raw)) };
        match parse_dutch(&text) {
            Ok(d) => Some(d),
            Err(error) => {
                let text = text.into_owned();
                self.diagnostics.push(Problem::BadNumber { span: self.span(pair), text, error }.into());
                None
            }
        }
    }

    fn date(&mut self, pair: Pair<Rule>) -> Option<Spanned<Date>> {
        let span = self.span(&pair);
        let text = pair.as_str();
        let parts: Vec<&str> = text.split('-').collect();
        let year = parts.first().and_then(|y| y.parse::<u16>().ok());
        let month = parts.get(1).and_then(|m| m.parse::<u8>().ok());
        let day = parts.get(2).map(|d| d.parse::<u8>().ok());
        let valid = match (year, month, day) {
            (Some(y), Some(m), None) => (1..=12).contains(&m).then_some(Date { year: y, month: m, day: None }),
            (Some(y), Some(m), Some(Some(d))) => ((1..=12).contains(&m) && d >= 1 && d <= days_in_month(y, m))
                .then_some(Date { year: y, month: m, day: Some(d) }),
            _ => None,
        };
        match valid {
            Some(date) => Some(Spanned::new(date, span)),
            None => {
                self.diagnostics.push(Problem::BadDate { span, text: text.to_string() }.into());
                None
            }
        }
    }

    fn unit(&self, pair: Pair<Rule>) -> Unit {
        let inner = pair.into_inner().next();
        match inner.as_ref().map(|p| p.as_rule()) {
            Some(Rule::euro) => Unit::Euro,
            Some(Rule::kw_fte) => Unit::Fte,
            Some(Rule::kw_hours) => Unit::Hours,
            Some(Rule::count_unit) => Unit::Count(inner.map(|p| p.as_str().to_string())),
            _ => Unit::Percent,
        }
    }

    fn quantity(&mut self, pair: Pair<Rule>) -> Option<Spanned<Quantity>> {
        let span = self.span(&pair);
        let inner = pair.into_inner().next()?;
        let q = match inner.as_rule() {
            Rule::money => return self.money(inner),
            Rule::percent => {
                let num = inner.into_inner().find(|p| p.as_rule() == Rule::number)?;
                Quantity::new(self.number(&num)?, Unit::Percent)
            }
            Rule::number => {
                let v = self.number(&inner)?;
                Quantity::new(v, Unit::Count(None))
            }
            _ => return None,
        };
        Some(Spanned::new(q, span))
    }

    /// `€ 1.600`, `-€ 1.600`, `€ 1,5 mln`: an amount in euros.
    fn money(&mut self, pair: Pair<Rule>) -> Option<Spanned<Quantity>> {
        let span = self.span(&pair);
        let negative = pair.as_str().trim_start().starts_with(['-', '\u{2013}', '\u{2014}', '\u{2212}']);
        let mut value = None;
        let mut exp = 0u8;
        for p in pair.into_inner() {
            match p.as_rule() {
                Rule::number => value = Some(self.number(&p)?),
                Rule::unsigned_number => value = Some(self.number(&p).map(|v| if negative { -v } else { v })?),
                Rule::magnitude => {
                    let word = p.as_str().trim().to_lowercase();
                    exp = if word.starts_with("mln") || word.starts_with("miljoen") { 6 } else { 9 };
                }
                _ => {}
            }
        }
        let value = value?;
        let mut q = Quantity::new(value, Unit::Euro);
        if exp > 0 {
            q.value = value.checked_mul(pow10(exp as i64))?;
            q.exp = exp;
        }
        Some(Spanned::new(q, span))
    }

    /// `in € 1.000`: a scale of print, € 1 followed by zeros or `€ 1 mln`.
    fn scale(&mut self, money: Pair<Rule>) -> Option<Spanned<Scale>> {
        let span = self.span(&money);
        let q = self.money(money)?;
        let value = q.value.value.normalize();
        let exp = (0u8..=12).find(|e| pow10(*e as i64) == value);
        match exp {
            Some(exp) => Some(Spanned::new(Scale { exp, refused: false }, span)),
            _ => {
                self.diagnostics.push(Problem::BadScale { span }.into());
                Some(Spanned::new(Scale { exp: 0, refused: true }, span))
            }
        }
    }

    /// A `quantity` rule may be followed by its unit as a sibling (`2,1 fte`); the grammar
    /// puts both inside `quantity`, so read them together here.
    fn quantity_with_unit(&mut self, pair: Pair<Rule>) -> Option<Spanned<Quantity>> {
        let span = self.span(&pair);
        let mut inner = pair.clone().into_inner();
        let first = inner.next()?;
        if first.as_rule() == Rule::number {
            let v = self.number(&first)?;
            let unit = inner.next().map(|u| self.unit(u)).unwrap_or(Unit::Count(None));
            return Some(Spanned::new(Quantity::new(v, unit), span));
        }
        self.quantity(pair)
    }

    fn amount(&mut self, pair: Pair<Rule>) -> Option<Spanned<Amount>> {
        let span = self.span(&pair);
        let inner = pair.into_inner().next()?;
        match inner.as_rule() {
            Rule::pm => Some(Spanned::new(Amount::Pm { negative: is_negative_pm(inner.as_str()) }, span)),
            // The only way a quantity the grammar accepted fails is a figure grip cannot read,
            // which `number` has reported: keep the line, so what depends on it is known to be
            // unverifiable rather than zero.
            Rule::quantity => Some(Spanned::new(
                self.quantity_with_unit(inner).map(|q| Amount::Known(q.value)).unwrap_or(Amount::Unreadable),
                span,
            )),
            _ => None,
        }
    }

    fn header(&mut self, pair: Pair<Rule>) -> PlanHeader {
        let span = self.span(&pair);
        let mut title = Spanned::new(String::new(), span);
        let mut h = PlanHeader::new(title.clone(), span);
        let owner = &Msg::id("subject-header");
        for p in pair.into_inner() {
            match p.as_rule() {
                Rule::string => title = self.string(p),
                Rule::scale => {
                    h.scale = p.into_inner().find(|p| p.as_rule() == Rule::money).and_then(|m| self.scale(m))
                }
                Rule::municipality => {
                    if let Some(s) = p.into_inner().find(|p| p.as_rule() == Rule::string) {
                        let s = self.string(s);
                        set_once(&mut h.municipality, s, self.field("municipality"), owner, self.diagnostics);
                    }
                }
                Rule::adopted => {
                    if let Some(d) = p.into_inner().find(|p| p.as_rule() == Rule::date).and_then(|d| self.date(d)) {
                        set_once(&mut h.adopted, d, self.field("adopted"), owner, self.diagnostics);
                    }
                }
                Rule::period => {
                    let pspan = self.span(&p);
                    let years: Vec<Spanned<u16>> =
                        p.into_inner().filter(|p| p.as_rule() == Rule::year).map(|y| self.year(y)).collect();
                    if let [first, last] = years[..] {
                        if let Some(existing) = &h.period {
                            self.diagnostics.push(
                                Problem::DuplicateField {
                                    span: pspan,
                                    first: existing.span,
                                    field: self.field("period"),
                                    owner: owner.clone(),
                                }
                                .into(),
                            );
                        } else {
                            h.period = Some(Period { first, last, span: pspan });
                        }
                    }
                }
                Rule::currency => {
                    if let Some(i) = p.into_inner().find(|p| p.as_rule() == Rule::ident) {
                        let s = Spanned::new(i.as_str().to_string(), self.span(&i));
                        set_once(&mut h.currency, s, self.field("currency"), owner, self.diagnostics);
                    }
                }
                Rule::tolerance => {
                    if let Some(q) = p.into_inner().find(|p| p.as_rule() == Rule::quantity) {
                        if let Some(q) = self.quantity_with_unit(q) {
                            if let Some(first) = h.tolerances.iter().find(|t| t.value.unit == q.value.unit) {
                                self.diagnostics.push(
                                    Problem::DuplicateField {
                                        span: q.span,
                                        first: first.span,
                                        field: self.field("tolerance"),
                                        owner: owner.clone(),
                                    }
                                    .into(),
                                );
                            } else {
                                h.tolerances.push(q);
                            }
                        }
                    }
                }
                Rule::description => {
                    if let Some(s) = p.into_inner().find(|p| p.as_rule() == Rule::string) {
                        let s = self.string(s);
                        set_once(&mut h.description, s, self.field("description"), owner, self.diagnostics);
                    }
                }
                _ => {}
            }
        }
        h.title = title;
        h
    }

    fn group(&mut self, pair: Pair<Rule>) -> Group {
        let span = self.span(&pair);
        let mut g = Group {
            id: Spanned::new(String::new(), span),
            title: Spanned::new(String::new(), span),
            scale: None,
            targets: Vec::new(),
            totals: Vec::new(),
            items: Vec::new(),
            descriptions: Vec::new(),
            span,
        };
        for p in pair.into_inner() {
            match p.as_rule() {
                Rule::item_id => g.id = Spanned::new(p.as_str().to_string(), self.span(&p)),
                Rule::string => g.title = self.string(p),
                Rule::scale => {
                    g.scale = p.into_inner().find(|p| p.as_rule() == Rule::money).and_then(|m| self.scale(m))
                }
                Rule::target => {
                    let tspan = self.span(&p);
                    let mut amount = None;
                    let mut year = None;
                    for q in p.into_inner() {
                        match q.as_rule() {
                            Rule::amount => amount = self.amount(q),
                            Rule::year => year = Some(self.year(q)),
                            _ => {}
                        }
                    }
                    if let (Some(amount), Some(year)) = (amount, year) {
                        g.targets.push(Target { amount, year, span: tspan });
                    }
                }
                Rule::group_total => g.totals.push(self.declared_total(p)),
                Rule::description => {
                    if let Some(s) = p.into_inner().find(|p| p.as_rule() == Rule::string) {
                        g.descriptions.push(self.string(s));
                    }
                }
                _ => {
                    if let Some(item) = self.item(p) {
                        g.items.push(item);
                    }
                }
            }
        }
        g
    }

    fn effect_kind(p: &Pair<Rule>) -> EffectKind {
        match p.clone().into_inner().next().map(|k| k.as_rule()) {
            Some(Rule::kw_cost) => EffectKind::Cost,
            _ => EffectKind::Saving,
        }
    }

    fn declared_total(&mut self, pair: Pair<Rule>) -> DeclaredTotal {
        let span = self.span(&pair);
        let mut kind = EffectKind::Saving;
        let mut values = Vec::new();
        for p in pair.into_inner() {
            match p.as_rule() {
                Rule::effect_kind => kind = Self::effect_kind(&p),
                Rule::yearly_values => {
                    for ya in p.into_inner() {
                        let (year, amount) = self.year_amount(ya);
                        if let (Some(year), Some(amount)) = (year, amount) {
                            values.push(DeclaredValue { year: Some(year), amount });
                        }
                    }
                }
                Rule::amount_with_years => {
                    let mut amount = None;
                    let mut year = None;
                    for q in p.into_inner() {
                        match q.as_rule() {
                            Rule::amount => amount = self.amount(q),
                            Rule::year_spec => {
                                year = q
                                    .into_inner()
                                    .next()
                                    .and_then(|y| y.into_inner().find(|p| p.as_rule() == Rule::year))
                                    .map(|y| self.year(y))
                            }
                            _ => {}
                        }
                    }
                    if let Some(amount) = amount {
                        values.push(DeclaredValue { year, amount });
                    }
                }
                _ => {}
            }
        }
        DeclaredTotal { kind, values, span }
    }

    fn year_amount(&mut self, pair: Pair<Rule>) -> (Option<Spanned<u16>>, Option<Spanned<Amount>>) {
        let mut year = None;
        let mut amount = None;
        for q in pair.into_inner() {
            match q.as_rule() {
                Rule::year => year = Some(self.year(q)),
                Rule::amount => amount = self.amount(q),
                _ => {}
            }
        }
        (year, amount)
    }

    fn measure(&mut self, pair: Pair<Rule>) -> Measure {
        let span = self.span(&pair);
        let mut m = Measure::new(Spanned::new(String::new(), span), Spanned::new(String::new(), span), span);
        // The id comes first, so every field after it names its measure in messages.
        let mut owner = Msg::id("subject-measure").arg("id", "");
        for p in pair.into_inner() {
            let pspan = self.span(&p);
            match p.as_rule() {
                Rule::item_id => {
                    m.id = Spanned::new(p.as_str().to_string(), pspan);
                    owner = Msg::id("subject-measure").arg("id", &m.id.value);
                }
                Rule::string => m.title = self.string(p),
                Rule::budget => {
                    if let Some(a) = p.into_inner().find(|p| p.as_rule() == Rule::amount).and_then(|a| self.amount(a)) {
                        set_once(&mut m.budget, a, self.field("budget"), &owner, self.diagnostics);
                    }
                }
                Rule::effect => {
                    let mut kind = EffectKind::Saving;
                    for q in p.into_inner() {
                        match q.as_rule() {
                            Rule::effect_kind => kind = Self::effect_kind(&q),
                            Rule::yearly_values => {
                                for ya in q.into_inner() {
                                    let yspan = self.span(&ya);
                                    if let (Some(year), Some(amount)) = self.year_amount(ya) {
                                        m.effects.push(Effect { kind, amount, years: YearSpec::In(year), span: yspan });
                                    }
                                }
                            }
                            Rule::amount_with_years => {
                                if let (Some(amount), years) = self.amount_and_years(q) {
                                    m.effects.push(Effect { kind, amount, years, span: pspan });
                                }
                            }
                            _ => {}
                        }
                    }
                }
                Rule::share => {
                    if let Some(pc) = p.into_inner().find(|p| p.as_rule() == Rule::percent) {
                        let pc_span = self.span(&pc);
                        if let Some(n) = pc.into_inner().find(|p| p.as_rule() == Rule::number) {
                            if let Some(v) = self.number(&n) {
                                m.shares.push(Share { percent: Spanned::new(v, pc_span), span: pspan });
                            }
                        }
                    }
                }
                Rule::estimate_range => {
                    let amounts: Vec<Spanned<Amount>> =
                        p.into_inner().filter(|p| p.as_rule() == Rule::amount).filter_map(|a| self.amount(a)).collect();
                    if let [low, high] = &amounts[..] {
                        if m.range.is_some() {
                            self.diagnostics.push(
                                Problem::DuplicateField {
                                    span: pspan,
                                    first: m.range.as_ref().map(|r| r.span).unwrap_or(pspan),
                                    field: self.field("range"),
                                    owner: owner.clone(),
                                }
                                .into(),
                            );
                        } else {
                            m.range =
                                Some(Box::new(EstimateRange { low: low.clone(), high: high.clone(), span: pspan }));
                        }
                    }
                }
                Rule::category => {
                    if let Some(i) = p.into_inner().find(|p| p.as_rule() == Rule::ident) {
                        let s = Spanned::new(i.as_str().to_string(), self.span(&i));
                        set_once(&mut m.category, s, self.field("category"), &owner, self.diagnostics);
                    }
                }
                Rule::owner => {
                    if let Some(s) = p.into_inner().find(|p| p.as_rule() == Rule::string) {
                        let s = self.string(s);
                        set_once(&mut m.owner, s, self.field("owner"), &owner, self.diagnostics);
                    }
                }
                Rule::start_date => {
                    if let Some(d) = p.into_inner().find(|p| p.as_rule() == Rule::date).and_then(|d| self.date(d)) {
                        set_once(&mut m.start, d, self.field("start"), &owner, self.diagnostics);
                    }
                }
                Rule::end_date => {
                    if let Some(d) = p.into_inner().find(|p| p.as_rule() == Rule::date).and_then(|d| self.date(d)) {
                        set_once(&mut m.end, d, self.field("end"), &owner, self.diagnostics);
                    }
                }
                Rule::decision => {
                    let mut d = Decision { needed: true, forum: None, planned: None, span: pspan };
                    for q in p.into_inner() {
                        match q.as_rule() {
                            Rule::kw_not_needed => d.needed = false,
                            Rule::string => d.forum = Some(self.string(q)),
                            Rule::when => {
                                if let Some(w) = q.into_inner().next() {
                                    let wspan = self.span(&w);
                                    let when = match w.as_rule() {
                                        Rule::year => Some(When::Year(self.year(w).value)),
                                        Rule::quarter => {
                                            let t = w.as_str();
                                            let y = t[..4].parse::<u16>().unwrap_or(0);
                                            let q = t[t.len() - 1..].parse::<u8>().unwrap_or(1);
                                            Some(When::Quarter(y, q))
                                        }
                                        _ => self.date(w).map(|d| When::Date(d.value)),
                                    };
                                    d.planned = when.map(|w| Spanned::new(w, wspan));
                                }
                            }
                            _ => {}
                        }
                    }
                    if let Some(first) = &m.decision {
                        self.diagnostics.push(
                            Problem::DuplicateField {
                                span: pspan,
                                first: first.span,
                                field: self.field("decision"),
                                owner: owner.clone(),
                            }
                            .into(),
                        );
                    } else {
                        m.decision = Some(Box::new(d));
                    }
                }
                Rule::status => {
                    if let Some(s) = p.into_inner().find(|p| p.as_rule() == Rule::string) {
                        let s = self.string(s);
                        set_once(&mut m.status, s, self.field("status"), &owner, self.diagnostics);
                    }
                }
                Rule::taakveld => m.taakvelden.extend(self.taakvelden(p)),
                Rule::related => {
                    for id in p.into_inner().filter(|p| p.as_rule() == Rule::item_id) {
                        m.related.push(Spanned::new(id.as_str().to_string(), self.span(&id)));
                    }
                }
                Rule::description => {
                    if let Some(s) = p.into_inner().find(|p| p.as_rule() == Rule::string) {
                        m.descriptions.push(self.string(s));
                    }
                }
                Rule::indicator => {
                    let mut label = None;
                    let mut quantity = None;
                    for q in p.into_inner() {
                        match q.as_rule() {
                            Rule::string => label = Some(self.string(q)),
                            Rule::quantity => quantity = self.quantity_with_unit(q),
                            _ => {}
                        }
                    }
                    if let (Some(label), Some(quantity)) = (label, quantity) {
                        m.indicators.push(Indicator { label, quantity, span: pspan });
                    }
                }
                _ => {}
            }
        }
        m
    }

    fn taakvelden(&self, pair: Pair<Rule>) -> Vec<Spanned<String>> {
        pair.into_inner()
            .filter(|p| p.as_rule() == Rule::taakveld_code)
            .map(|c| Spanned::new(c.as_str().to_string(), self.span(&c)))
            .collect()
    }

    fn role(&self, pair: Pair<Rule>) -> Option<Spanned<Role>> {
        let span = self.span(&pair);
        let name = pair.into_inner().find(|p| p.as_rule() == Rule::role_name)?;
        let role = role_of(name.into_inner().next()?.as_rule());
        Some(Spanned::new(role, span))
    }

    fn table(&mut self, pair: Pair<Rule>) -> Table {
        let span = self.span(&pair);
        let mut t = Table {
            id: Spanned::new(String::new(), span),
            title: Spanned::new(String::new(), span),
            unit: None,
            scale: None,
            role: None,
            sign: None,
            columns: Vec::new(),
            columns_span: span,
            rows: Vec::new(),
            descriptions: Vec::new(),
            span,
        };
        for p in pair.into_inner() {
            match p.as_rule() {
                Rule::item_id => t.id = Spanned::new(p.as_str().to_string(), self.span(&p)),
                Rule::string => t.title = self.string(p),
                Rule::table_unit => {
                    let uspan = self.span(&p);
                    for u in p.into_inner() {
                        match u.as_rule() {
                            // "in duizenden euro's" says a scale in words: not a count of
                            // "duizenden". Refused with the help that shows `in € 1.000`, so the
                            // figures are not taken as counts without a word.
                            Rule::unit if is_scale_word(u.as_str()) => {
                                let span = self.span(&u);
                                self.diagnostics.push(Problem::BadScale { span }.into());
                                t.unit = Some(Spanned::new(Unit::Euro, uspan));
                                t.scale = Some(Spanned::new(Scale { exp: 0, refused: true }, span));
                            }
                            Rule::unit => t.unit = Some(Spanned::new(self.unit(u), uspan)),
                            Rule::money => {
                                t.unit = Some(Spanned::new(Unit::Euro, uspan));
                                t.scale = self.scale(u);
                            }
                            _ => {}
                        }
                    }
                }
                Rule::role => t.role = self.role(p),
                Rule::sign_rule => {
                    let sspan = self.span(&p);
                    let mut plus = true;
                    let mut adverse = true;
                    for q in p.into_inner() {
                        match q.as_rule() {
                            Rule::sign_char => plus = q.as_str() == "+",
                            Rule::kw_favourable => adverse = false,
                            _ => {}
                        }
                    }
                    let rule = if plus == adverse { SignRule::PlusAdverse } else { SignRule::PlusFavourable };
                    set_once(
                        &mut t.sign,
                        Spanned::new(rule, sspan),
                        self.field("sign"),
                        &Msg::id("subject-table").arg("id", &t.id.value),
                        self.diagnostics,
                    );
                }
                Rule::columns => {
                    t.columns_span = self.span(&p);
                    for c in p.into_inner() {
                        let cspan = self.span(&c);
                        match c.as_rule() {
                            Rule::year_span => {
                                let mut ys = Vec::new();
                                let mut kind = None;
                                for q in c.into_inner() {
                                    match q.as_rule() {
                                        Rule::year => ys.push(self.year(q).value),
                                        Rule::column_kind => kind = Some(q.as_str().to_string()),
                                        _ => {}
                                    }
                                }
                                let column = |y: u16| Column {
                                    key: ColumnKey::Year(y),
                                    label: None,
                                    kind: kind.clone(),
                                    mark: None,
                                    formula: None,
                                    text: false,
                                    span: cspan,
                                };
                                if let [a, b] = ys[..] {
                                    // The span must be expandable as written, or `fmt` would write
                                    // back something else: refuse a reversed or runaway span.
                                    let limit = MAX_COLUMN_YEARS;
                                    if a > b {
                                        let problem = Problem::ReversedColumns { first: a, last: b, span: cspan };
                                        self.diagnostics.push(problem.into());
                                        // Keep the columns as written, so the rows still line up.
                                        if a - b < limit {
                                            t.columns.extend((b..=a).rev().map(column));
                                        }
                                    } else if b - a >= limit {
                                        let problem = Problem::TooManyColumns { first: a, last: b, span: cspan, limit };
                                        self.diagnostics.push(problem.into());
                                    } else {
                                        t.columns.extend((a..=b).map(column));
                                    }
                                }
                            }
                            Rule::year_column | Rule::named_column | Rule::total_column => {
                                let mut column = Column {
                                    key: ColumnKey::Named(String::new()),
                                    label: None,
                                    kind: None,
                                    mark: None,
                                    formula: None,
                                    text: false,
                                    span: cspan,
                                };
                                for q in c.into_inner() {
                                    match q.as_rule() {
                                        Rule::year => column.key = ColumnKey::Year(self.year(q).value),
                                        Rule::row_name => column.key = ColumnKey::Named(q.as_str().to_string()),
                                        Rule::column_kind => column.kind = Some(q.as_str().to_string()),
                                        Rule::column_mark => column.mark = Some(q.as_str().to_string()),
                                        Rule::string => column.label = Some(self.string(q).value),
                                        Rule::expr => column.formula = Some(self.expr(q)),
                                        Rule::kw_text => column.text = true,
                                        _ => {}
                                    }
                                }
                                t.columns.push(column);
                            }
                            _ => {}
                        }
                    }
                }
                Rule::row | Rule::total_row => {
                    let unit = t.unit.as_ref().map(|u| u.value.clone());
                    t.rows.push(self.row(p, unit));
                }
                Rule::description => {
                    if let Some(s) = p.into_inner().find(|p| p.as_rule() == Rule::string) {
                        t.descriptions.push(self.string(s));
                    }
                }
                _ => {}
            }
        }
        self.rows_named_like_keywords_in(&mut t);
        // A figure marked V or N takes its sign from the mark: in a table where + is adverse
        // (`sign + = adverse`) N is positive; otherwise, as everywhere in grip, V is.
        let adverse_positive = t.sign.is_some_and(|s| s.value == SignRule::PlusAdverse);
        for cell in t.rows.iter_mut().flat_map(|r| r.cells.iter_mut()) {
            if let (Some(mark), CellValue::Number(v)) = (cell.mark, &mut cell.value) {
                let positive = (mark == Mark::Adverse) == adverse_positive;
                *v = if positive { v.abs() } else { -v.abs() };
            }
        }
        t
    }

    /// A bare `sum`, `savings` or `costs` (`som`, `besparingen`, `kosten`) in a formula of a
    /// table that has a row of that name is that row: row names may be any word, and
    /// `= kosten - opbrengsten` subtracts rows.
    fn rows_named_like_keywords_in(&mut self, t: &mut Table) {
        if self.bare_keyword_terms.is_empty() {
            return;
        }
        let bare = std::mem::take(&mut self.bare_keyword_terms);
        let rows: Vec<String> = t.rows.iter().map(|r| r.id.value.clone()).collect();
        // A total column adds columns of its row: there the names are the table's columns.
        let columns: Vec<String> = t
            .columns
            .iter()
            .filter_map(|c| match &c.key {
                ColumnKey::Named(n) => Some(n.clone()),
                ColumnKey::Year(_) => None,
            })
            .collect();
        let mut as_rows = Vec::new();
        let mut fix = |e: &mut Expr, names: &[String]| {
            rename_bare_terms(e, &mut |span| {
                let word = &bare.iter().find(|(s, _)| *s == span)?.1;
                names.contains(word).then(|| {
                    as_rows.push(span.start);
                    word.clone()
                })
            })
        };
        for r in &mut t.rows {
            if let Some(f) = &mut r.formula {
                fix(f, &rows);
            }
        }
        for c in &mut t.columns {
            if let Some(f) = &mut c.formula {
                fix(f, &columns);
            }
        }
        self.rows_named_like_keywords.extend(as_rows);
    }

    /// A row of a table whose unit is `table_unit` (None: euros).
    fn row(&mut self, pair: Pair<Rule>, table_unit: Option<Unit>) -> Row {
        let span = self.span(&pair);
        let mut r = Row {
            id: Spanned::new(String::new(), span),
            label: Spanned::new(String::new(), span),
            unit: None,
            role: None,
            taakvelden: Vec::new(),
            formula: None,
            cells: Vec::new(),
            span,
        };
        for p in pair.into_inner() {
            match p.as_rule() {
                Rule::row_name => r.id = Spanned::new(p.as_str().to_string(), self.span(&p)),
                Rule::string => r.label = self.string(p),
                Rule::row_options => {
                    for o in p.into_inner() {
                        match o.as_rule() {
                            Rule::unit => {
                                let uspan = self.span(&o);
                                r.unit = Some(Spanned::new(self.unit(o), uspan));
                            }
                            Rule::role => r.role = self.role(o),
                            Rule::taakveld => r.taakvelden = self.taakvelden(o),
                            _ => {}
                        }
                    }
                }
                Rule::expr => r.formula = Some(self.expr(p)),
                Rule::cell => {
                    let cspan = self.span(&p);
                    let mut mark = None;
                    let value = match p.into_inner().next() {
                        Some(c) if c.as_rule() == Rule::number => self.cell_number(&c),
                        Some(c) if c.as_rule() == Rule::marked_cell => {
                            let mut value = CellValue::Unreadable;
                            let mut euro = false;
                            for q in c.into_inner() {
                                match q.as_rule() {
                                    Rule::euro => euro = true,
                                    Rule::unsigned_number => value = self.cell_number(&q),
                                    Rule::vn_mark => {
                                        let adverse = q.as_str().eq_ignore_ascii_case("n");
                                        mark = Some(if adverse { Mark::Adverse } else { Mark::Favourable });
                                    }
                                    _ => {}
                                }
                            }
                            if euro {
                                self.euro_sign_in_row(&r, table_unit.as_ref(), cspan);
                            }
                            value
                        }
                        Some(c) if c.as_rule() == Rule::text_cell => match c.into_inner().next() {
                            Some(s) => CellValue::Text(self.string(s).value),
                            None => CellValue::Text(String::new()),
                        },
                        Some(c) if c.as_rule() == Rule::euro_cell => {
                            self.euro_sign_in_row(&r, table_unit.as_ref(), cspan);
                            match c.into_inner().find(|n| n.as_rule() == Rule::number) {
                                Some(n) => self.cell_number(&n),
                                None => CellValue::Unreadable,
                            }
                        }
                        Some(c) if c.as_rule() == Rule::pm => CellValue::Pm { negative: is_negative_pm(c.as_str()) },
                        Some(c) if c.as_rule() == Rule::not_applicable => CellValue::NotApplicable,
                        _ => CellValue::Empty,
                    };
                    r.cells.push(Cell { value, span: cspan, mark });
                }
                _ => {}
            }
        }
        r
    }

    /// A figure pasted with its euro sign is fine in a row in euros, and a unit mismatch in a
    /// row in anything else.
    fn euro_sign_in_row(&mut self, r: &Row, table_unit: Option<&Unit>, span: Span) {
        let unit = r.unit.as_ref().map(|u| &u.value).or(table_unit);
        if let Some(found) = unit.filter(|u| **u != Unit::Euro) {
            let what = Msg::id("subject-row-id").arg("id", &r.id.value);
            self.diagnostics.push(Problem::EuroSignInRow { span, unit: found.clone(), row: what }.into());
        }
    }

    fn cell_number(&mut self, pair: &Pair<Rule>) -> CellValue {
        match self.number(pair) {
            Some(v) => CellValue::Number(v),
            None => CellValue::Unreadable,
        }
    }

    fn expr(&mut self, pair: Pair<Rule>) -> Expr {
        let span = self.span(&pair);
        let mut terms = Vec::new();
        let mut sign = Sign::Plus;
        for p in pair.into_inner() {
            match p.as_rule() {
                Rule::add_op => sign = if p.as_str() == "-" { Sign::Minus } else { Sign::Plus },
                _ => {
                    if let Some(e) = self.term(p) {
                        terms.push((sign, e));
                    }
                    sign = Sign::Plus;
                }
            }
        }
        if terms.len() == 1 && terms[0].0 == Sign::Plus {
            return terms.pop().map(|(_, e)| e).unwrap_or(Expr::Terms(Vec::new(), span));
        }
        Expr::Terms(terms, span)
    }

    fn term(&mut self, pair: Pair<Rule>) -> Option<Expr> {
        let span = self.span(&pair);
        if matches!(pair.as_rule(), Rule::sum_all | Rule::savings_of | Rule::costs_of) {
            // Bare (no `below`, no group): it may be the name of a row of the table.
            let mut inner = pair.clone().into_inner();
            if let (Some(word), None) = (inner.next(), inner.next()) {
                self.bare_keyword_terms.push((span, word.as_str().to_string()));
            }
        }
        Some(match pair.as_rule() {
            Rule::sum_all if pair.clone().into_inner().any(|p| p.as_rule() == Rule::kw_below) => Expr::SumBelow(span),
            Rule::sum_all => Expr::Sum(span),
            Rule::savings_of | Rule::costs_of => {
                let is_savings = pair.as_rule() == Rule::savings_of;
                let group = pair
                    .into_inner()
                    .find(|p| p.as_rule() == Rule::item_id)
                    .map(|g| Spanned::new(g.as_str().to_string(), self.span(&g)));
                if is_savings {
                    Expr::Savings(group, span)
                } else {
                    Expr::Costs(group, span)
                }
            }
            Rule::previous => {
                let inner = pair.into_inner().find(|p| p.as_rule() == Rule::expr)?;
                Expr::Previous(Box::new(self.expr(inner)), span)
            }
            Rule::cumulative => {
                let inner = pair.into_inner().find(|p| p.as_rule() == Rule::expr)?;
                Expr::Cumulative(Box::new(self.expr(inner)), span)
            }
            Rule::paren => {
                let inner = pair.into_inner().find(|p| p.as_rule() == Rule::expr)?;
                self.expr(inner)
            }
            Rule::row_ref => Expr::Row(Spanned::new(pair.as_str().to_string(), span)),
            _ => return None,
        })
    }

    /// A field's keyword (given in English) as the plan writes it.
    fn field(&self, english: &'static str) -> &'static str {
        let lang = self.language.map(|d| d.lang).unwrap_or_default();
        keywords::lookup(english).map_or(english, |(k, _)| k.word(lang))
    }
}

/// The role a `role_name` keyword gives a table or row (`as cost`): both front ends read it here.
pub(crate) fn role_of(name: Rule) -> Role {
    match name {
        Rule::kw_budget => Role::Budget,
        Rule::kw_forecast => Role::Forecast,
        Rule::kw_actual => Role::Actual,
        Rule::kw_deficit => Role::Deficit,
        Rule::kw_cost => Role::Cost,
        Rule::kw_revenue => Role::Revenue,
        Rule::kw_saving => Role::Saving,
        _ => Role::Staffing,
    }
}

/// A word documents use for a scale of print ("in duizenden euro's"), where grip expects
/// `in € 1.000`.
fn is_scale_word(word: &str) -> bool {
    let w = word.trim().to_lowercase();
    ["duizenden", "duizendtallen", "miljoenen", "thousands", "millions"].contains(&w.as_str())
}

/// Replaces the bare `sum`, `savings` and `costs` terms of a formula for which `row` names a
/// row by a reference to that row.
fn rename_bare_terms(e: &mut Expr, row: &mut impl FnMut(Span) -> Option<String>) {
    match e {
        Expr::Sum(span) | Expr::Savings(None, span) | Expr::Costs(None, span) => {
            if let Some(name) = row(*span) {
                *e = Expr::Row(Spanned::new(name, *span));
            }
        }
        Expr::Cumulative(inner, _) | Expr::Previous(inner, _) => rename_bare_terms(inner, row),
        Expr::Terms(terms, _) => terms.iter_mut().for_each(|(_, t)| rename_bare_terms(t, row)),
        Expr::Row(_) | Expr::SumBelow(_) | Expr::Savings(Some(_), _) | Expr::Costs(Some(_), _) => {}
    }
}

/// Where a pair's own text ends: after its last child and any literal after it (`)`, `%`), but
/// before whitespace and comments that pest skipped at its end.
fn span_end(pair: &Pair<Rule>) -> usize {
    let end = pair.as_span().end();
    // Fastest path: a pair that ends in neither whitespace nor a comment ends where pest says.
    // A line comment is followed by its newline (which pest skips too) unless the text ends
    // there; a block comment ends in `/`.
    if let Some(&last) = pair.as_str().as_bytes().last() {
        if !last.is_ascii_whitespace() && last != b'/' && end < pair.get_input().len() {
            return end;
        }
    }
    // Fast path: a pair whose last line holds no comment marker cannot end in a comment, so
    // only trailing whitespace needs trimming.
    let text = pair.as_str().trim_end();
    let last_line = &text[text.rfind('\n').map(|i| i + 1).unwrap_or(0)..];
    if !last_line.contains(['/', '#', '*']) {
        return pair.as_span().start() + text.len();
    }
    let Some(last) = pair.clone().into_inner().last() else { return end };
    let inner_end = span_end(&last);
    let full = pair.get_input();
    let gap = full.get(inner_end..end).unwrap_or("").as_bytes();
    // Strings are pairs of their own, so the gap holds only literals, whitespace and comments.
    let mut solid = 0;
    let mut i = 0;
    while i < gap.len() {
        match gap[i] {
            b'/' if gap.get(i + 1) == Some(&b'/') => {
                while i < gap.len() && gap[i] != b'\n' {
                    i += 1;
                }
            }
            b'#' => {
                while i < gap.len() && gap[i] != b'\n' {
                    i += 1;
                }
            }
            b'/' if gap.get(i + 1) == Some(&b'*') => {
                i += 2;
                while i + 1 < gap.len() && !(gap[i] == b'*' && gap[i + 1] == b'/') {
                    i += 1;
                }
                i += 2;
            }
            b if b.is_ascii_whitespace() => i += 1,
            _ => {
                i += 1;
                solid = i;
            }
        }
    }
    inner_end + solid
}

/// Whether a P.M. cell or amount carries a minus: `-PM`, `–P.M.`.
fn is_negative_pm(text: &str) -> bool {
    text.starts_with(['-', '\u{2013}', '\u{2014}', '\u{2212}'])
}

/// A number in one of the forms pasted text has, in the plain form `parse_dutch` reads:
/// `-/- 1.000` and `(1.000)` are `-1.000`, a dash before the digits is a minus, `120.000,-`
/// (whole euros) is `120.000`, and spaces after a sign go.
pub fn normalize_number(raw: &str) -> String {
    let mut text = raw.trim();
    let mut negative = false;
    if let Some(rest) = text.strip_prefix("-/-") {
        negative = true;
        text = rest;
    } else if let Some(rest) = text.strip_prefix('(').and_then(|r| r.strip_suffix(')')) {
        negative = true;
        text = rest;
    } else if let Some(rest) = text.strip_prefix(['\u{2013}', '\u{2014}', '\u{2212}']) {
        negative = true;
        text = rest;
    }
    let text = text.trim_start_matches([' ', '\u{a0}']);
    let text = text
        .strip_suffix(",--")
        .or_else(|| text.strip_suffix(",-"))
        .or_else(|| text.strip_suffix(",="))
        .unwrap_or(text);
    let body: String = text.chars().filter(|c| !c.is_whitespace()).collect();
    if negative {
        format!("-{body}")
    } else {
        body
    }
}

pub(crate) fn days_in_month(year: u16, month: u8) -> u8 {
    match month {
        4 | 6 | 9 | 11 => 30,
        2 if (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 => 29,
        2 => 28,
        _ => 31,
    }
}

/// The text of a string as written (`raw`, with its quotes): a triple-quoted one dedented,
/// “curly quotes” stripped, `\"` in a plain one a quote.
pub(crate) fn string_value(raw: &str) -> String {
    let text = if let Some(inner) = raw.strip_prefix("\"\"\"").and_then(|r| r.strip_suffix("\"\"\"")) {
        dedent(inner)
    } else if !raw.starts_with('"') {
        // “Curly quotes”: one character at each end, no escapes inside.
        let mut chars = raw.chars();
        chars.next();
        chars.next_back();
        chars.as_str().to_string()
    } else {
        let inner = raw.strip_prefix('"').and_then(|r| r.strip_suffix('"')).unwrap_or(raw);
        if inner.contains('\\') {
            inner.replace("\\\"", "\"")
        } else {
            inner.to_string()
        }
    };
    text
}

/// Removes the common indentation of a triple-quoted string and its first and last blank lines.
fn dedent(text: &str) -> String {
    let lines: Vec<&str> = text.lines().collect();
    // Only ASCII spaces and tabs count as indentation, so every cut is on a character boundary.
    let leading = |l: &str| l.bytes().take_while(|b| *b == b' ' || *b == b'\t').count();
    let indent = lines.iter().filter(|l| !l.trim().is_empty()).map(|l| leading(l)).min().unwrap_or(0);
    let body: Vec<&str> = lines.iter().map(|l| &l[leading(l).min(indent)..]).collect();
    body.join("\n").trim_matches('\n').to_string()
}
