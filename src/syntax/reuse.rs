//! Parsing a text again after a small change, re-using the pieces that did not change.
//!
//! A plan is cut into pieces after each `}` that closes a top-level block (the cuts of
//! [`super::parse::parse_in_pieces_of`] at their finest). A piece parses the same wherever it
//! stands, with only its spans moved, and the pieces together parse exactly as the whole text
//! would (`tests/robustness.rs` and the `check` fuzzer hold the parser to that). So after an edit
//! only the pieces whose text changed are parsed; the others are taken from the last parse, their
//! spans moved by what the edit added or removed before them ([`super::shift`]).
//!
//! Only a parse without any problem is put together from pieces: when a piece has a syntax
//! error or another problem, the whole text is parsed by [`super::parse`] as before, so the
//! problems (and their order) are exactly those of a fresh parse.

use super::ast::*;
use super::keywords;
use super::parse::{self, FrontEnd};
use super::shift::Shift;
use crate::diagnostic::Diagnostic;
use crate::lang::Lang;
use rayon::prelude::*;
use std::collections::HashMap;

/// The pieces of the text parsed last, for the next parse of the same file.
#[derive(Debug, Default)]
pub struct Reuse {
    text: String,
    lang: Option<Lang>,
    front: Option<FrontEnd>,
    file: FileId,
    /// Each piece's start and end in `text`, and its items when it parsed without a problem.
    pieces: Vec<(usize, usize, Option<Vec<Item>>)>,
    /// Where `text` is cut ([`parse::cuts`] at its finest).
    cuts: Vec<usize>,
    /// How many pieces the last parse took from the one before (for tests and measurements).
    pub reused: usize,
    /// How many pieces the last parse read.
    pub parsed: usize,
}

impl Reuse {
    pub fn new() -> Reuse {
        Reuse::default()
    }

    /// Parses `text` as [`super::parse`] would, re-using what it can of the last parse.
    pub fn parse(&mut self, file: FileId, text: &str) -> (Document, Vec<Diagnostic>) {
        let front = FrontEnd::from_env();
        let language = keywords::detect(text);
        let lang = language.map(|l| l.lang);
        self.reused = 0;
        self.parsed = 0;
        // Items depend on the piece's text, the file and the plan's language only (where the
        // language shows first matters for problems alone, and a piece with problems is not
        // kept).
        if self.lang != lang || self.front != Some(front) || self.file != file {
            self.pieces.clear();
        }
        let old = std::mem::take(&mut self.text);
        let old_len = old.len();
        let prefix = common_prefix(old.as_bytes(), text.as_bytes());
        let room = old_len.min(text.len()) - prefix;
        let suffix = common_suffix(&old.as_bytes()[old_len - room..], &text.as_bytes()[text.len() - room..]);
        let delta = text.len() as isize - old_len as isize;
        let Ok(cuts) = self.cuts(text, prefix, suffix, delta) else {
            self.forget();
            return parse::parse(file, text);
        };
        let by_start: HashMap<usize, usize> = self.pieces.iter().enumerate().map(|(i, p)| (p.0, i)).collect();
        let ends: Vec<usize> = self.pieces.iter().map(|p| p.1).collect();
        let mut bounds = Vec::with_capacity(cuts.len() + 1);
        let mut start = 0;
        for end in cuts.iter().copied().chain((cuts.last() != Some(&text.len())).then_some(text.len())) {
            bounds.push((start, end));
            start = end;
        }
        // For each piece: the piece of the last parse with the same text, and how far it moved.
        let earlier = |(s, e): (usize, usize)| -> Option<(usize, isize)> {
            if e <= prefix {
                let &i = by_start.get(&s)?;
                return (ends[i] == e).then_some((i, 0));
            }
            if s >= text.len() - suffix {
                let os = s.checked_add_signed(-delta)?;
                let &i = by_start.get(&os)?;
                return (ends[i] - os == e - s && os >= old_len - suffix).then_some((i, delta));
            }
            None
        };
        // Each old piece is taken at most once (moved, not copied).
        let mut old_items: Vec<Option<Vec<Item>>> = self.pieces.iter_mut().map(|p| p.2.take()).collect();
        // Each piece's bounds, with the items of the same piece last time and how far it moved.
        type Earlier = Option<(Vec<Item>, isize)>;
        let inputs: Vec<((usize, usize), Earlier)> = bounds
            .iter()
            .map(|&b| (b, earlier(b).and_then(|(i, by)| Some((old_items.get_mut(i)?.take()?, by)))))
            .collect();
        drop(old_items);
        // Parsed (or moved) on every core; each piece's items are copied once, for the document.
        type Piece = (Vec<Item>, Vec<Diagnostic>);
        let results: Vec<(Option<Piece>, bool, Vec<Item>)> = inputs
            .into_par_iter()
            .map(|((s, e), earlier)| {
                let (result, reused) = match earlier {
                    Some((mut items, by)) => {
                        if by != 0 {
                            items.shift(by);
                        }
                        (Some((items, Vec::new())), true)
                    }
                    None => {
                        (text.get(s..e).and_then(|piece| parse::parse_piece(file, piece, s, language, front)), false)
                    }
                };
                let copy = match &result {
                    Some((items, d)) if d.is_empty() => items.clone(),
                    _ => Vec::new(),
                };
                (result, reused, copy)
            })
            .collect();
        let clean = results.iter().all(|(r, _, _)| r.as_ref().is_some_and(|(_, d)| d.is_empty()));
        let mut kept = Vec::with_capacity(bounds.len());
        let mut items = Vec::new();
        for ((s, e), (result, reused, copy)) in bounds.into_iter().zip(results) {
            if reused {
                self.reused += 1;
            } else {
                self.parsed += 1;
            }
            match result {
                Some((piece_items, diagnostics)) if diagnostics.is_empty() => {
                    if clean {
                        items.extend(copy);
                    }
                    kept.push((s, e, Some(piece_items)));
                }
                _ => kept.push((s, e, None)),
            }
        }
        self.pieces = kept;
        self.cuts = cuts;
        self.text = text.to_string();
        self.lang = lang;
        self.front = Some(front);
        self.file = file;
        if clean {
            (Document { file, items, lang }, Vec::new())
        } else {
            parse::parse(file, text)
        }
    }

    /// [`parse::cuts`] of `text` at its finest, read again only where the change can move them:
    /// the cuts of the last parse before the change stay (the text before them is the same), and
    /// once a cut is found in the unchanged end of the text where the last parse had one, the
    /// rest are the last parse's, moved by `delta` (after a cut, the text is read the same
    /// whatever came before it). `prefix` and `suffix` are the bytes the last text and `text`
    /// have in common at their start and end.
    fn cuts(&self, text: &str, prefix: usize, suffix: usize, delta: isize) -> Result<Vec<usize>, usize> {
        let old = if self.pieces.is_empty() { &[][..] } else { &self.cuts[..] };
        let keep = old.partition_point(|&c| c <= prefix);
        // Just after a `}` that did not change: a character boundary in `text` too.
        let from = keep.checked_sub(1).map_or(0, |k| old[k]);
        let mut cuts = old[..keep].to_vec();
        let unchanged_end = text.len() - suffix;
        for end in parse::block_ends(text.get(from..).unwrap_or_default()) {
            let end = from + end?;
            cuts.push(end);
            if end >= unchanged_end {
                if let Some(k) = end.checked_add_signed(-delta).and_then(|o| old.binary_search(&o).ok()) {
                    cuts.extend(old[k + 1..].iter().filter_map(|&c| c.checked_add_signed(delta)));
                    break;
                }
            }
        }
        Ok(cuts)
    }

    fn forget(&mut self) {
        *self = Reuse::default();
    }
}

/// How many bytes `a` and `b` have in common at their start: compared a block at a time (a
/// block compare is a `memcmp`), then byte by byte in the first block that differs.
fn common_prefix(a: &[u8], b: &[u8]) -> usize {
    const BLOCK: usize = 4096;
    let n = a.len().min(b.len());
    let mut i = 0;
    while i + BLOCK <= n && a[i..i + BLOCK] == b[i..i + BLOCK] {
        i += BLOCK;
    }
    i + a[i..n].iter().zip(&b[i..n]).take_while(|(x, y)| x == y).count()
}

/// How many bytes `a` and `b` have in common at their end.
fn common_suffix(a: &[u8], b: &[u8]) -> usize {
    const BLOCK: usize = 4096;
    let n = a.len().min(b.len());
    let (a, b) = (&a[a.len() - n..], &b[b.len() - n..]);
    let mut k = 0;
    while k + BLOCK <= n && a[n - k - BLOCK..n - k] == b[n - k - BLOCK..n - k] {
        k += BLOCK;
    }
    k + a[..n - k].iter().rev().zip(b[..n - k].iter().rev()).take_while(|(x, y)| x == y).count()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cuts_read_again_near_a_change_are_those_of_the_whole_text() {
        let mut text = include_str!("../../examples/leudal.plan").to_string();
        text.push_str(include_str!("../../examples/noordoostpolder.plan"));
        let mut reuse = Reuse::new();
        // Edits that open and close blocks, strings and comments, so what follows them reads
        // differently, and plain ones.
        let snippets = ["{", "}", "\"", "\"\"\"", "/*", "*/", "#", "//", "\n", "x", "(", ")", "} }", "\"{"];
        let mut seed = 7u64;
        let mut next = |n: usize| {
            seed = seed.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
            (seed >> 33) as usize % n.max(1)
        };
        for step in 0..400 {
            let mut a = next(text.len() + 1);
            while !text.is_char_boundary(a) {
                a -= 1;
            }
            // Half of them near the end of a block, where the text is cut.
            if next(2) == 0 {
                if let Some(brace) = text[a..].find('}') {
                    a = (a + brace + 1).saturating_sub(next(8));
                }
            }
            while !text.is_char_boundary(a) {
                a -= 1;
            }
            let mut b = (a + next(40)).min(text.len());
            while !text.is_char_boundary(b) {
                b -= 1;
            }
            let new = if next(3) == 0 { "" } else { snippets[next(snippets.len())] };
            text.replace_range(a..b, new);
            reuse.parse(FileId(0), &text);
            match parse::cuts(&text, 1) {
                Ok(whole) if !reuse.pieces.is_empty() => assert_eq!(reuse.cuts, whole, "step {step}"),
                _ => {}
            }
        }
    }

    #[test]
    fn common_ends_are_found_across_blocks() {
        let a: Vec<u8> = (0..10_000u32).map(|i| (i % 251) as u8).collect();
        let mut b = a.clone();
        assert_eq!(common_prefix(&a, &b), a.len());
        assert_eq!(common_suffix(&a, &b), a.len());
        b[5_000] ^= 1;
        assert_eq!(common_prefix(&a, &b), 5_000);
        assert_eq!(common_suffix(&a, &b), 10_000 - 5_001);
        b.insert(7_000, 0);
        assert_eq!(common_prefix(&a, &b), 5_000);
        assert_eq!(common_suffix(&a, &b), 10_000 - 7_000);
        assert_eq!(common_prefix(&a[..3], &a), 3);
        assert_eq!(common_suffix(b"", &a), 0);
    }
}
