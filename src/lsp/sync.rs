//! Incremental text sync: a document's text kept up to date from the range edits of
//! `didChange` (`TextDocumentSyncKind::INCREMENTAL`), as the editor applies them.
//!
//! Positions are UTF-16 code units within a line, as the protocol says; a line ends at `\n`,
//! `\r\n` or a lone `\r` (grip reads a lone `\r` as a line end too, see
//! [`crate::source::lone_cr_as_lf`], so the positions grip publishes and the ones it is sent
//! count lines alike). A character past the end of a line means the end of that line, a line
//! past the last one the end of the text, and a position inside a character written with two
//! UTF-16 units (a surrogate pair) the end of that character.

use lsp_types as lsp;

/// The byte offset in `text` of an LSP position.
pub(super) fn offset(text: &str, pos: lsp::Position) -> usize {
    let line_start = match line_start(text, pos.line) {
        Some(start) => start,
        None => return text.len(),
    };
    let mut units = 0u32;
    for (i, ch) in text[line_start..].char_indices() {
        if units >= pos.character || ch == '\n' || ch == '\r' {
            return line_start + i;
        }
        units += ch.len_utf16() as u32;
    }
    text.len()
}

/// Where line `line` (0-based) starts, or None when the text has fewer lines.
fn line_start(text: &str, line: u32) -> Option<usize> {
    if line == 0 {
        return Some(0);
    }
    let bytes = text.as_bytes();
    let mut start = 0usize;
    // Most texts have no `\r`: then a line ends at each `\n`, found with the library's fast
    // search.
    if !bytes.contains(&b'\r') {
        for _ in 0..line {
            start += text[start..].find('\n')? + 1;
        }
        return Some(start);
    }
    let mut seen = 0u32;
    let mut i = 0usize;
    while i < bytes.len() {
        let end = match bytes[i] {
            b'\n' => Some(i + 1),
            b'\r' if bytes.get(i + 1) == Some(&b'\n') => Some(i + 2),
            b'\r' => Some(i + 1),
            _ => None,
        };
        match end {
            Some(next) => {
                seen += 1;
                if seen == line {
                    return Some(next);
                }
                i = next;
            }
            None => i += 1,
        }
    }
    None
}

/// Applies the changes of one `didChange`, in order (each range refers to the text as the
/// changes before it left it). A change without a range is the whole new text.
pub(super) fn apply(text: &mut String, changes: Vec<lsp::TextDocumentContentChangeEvent>) {
    for change in changes {
        match change.range {
            None => *text = change.text,
            Some(range) => {
                let start = offset(text, range.start);
                // A range that ends before it starts is read as empty at its start.
                let end = offset(text, range.end).max(start);
                // Both offsets are at character boundaries: `offset` only returns the start of
                // a character or the end of the text.
                text.replace_range(start..end, &change.text);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn change(l0: u32, c0: u32, l1: u32, c1: u32, new: &str) -> lsp::TextDocumentContentChangeEvent {
        lsp::TextDocumentContentChangeEvent {
            range: Some(lsp::Range::new(lsp::Position::new(l0, c0), lsp::Position::new(l1, c1))),
            range_length: None,
            text: new.into(),
        }
    }

    #[test]
    fn offsets_count_utf16_units_and_every_line_end() {
        let text = "a €\nsaving € 1.000";
        assert_eq!(offset(text, lsp::Position::new(0, 2)), 2);
        assert_eq!(offset(text, lsp::Position::new(1, 8)), "a €\nsaving €".len());
        // Past the end of a line: its end, before the line break.
        assert_eq!(offset(text, lsp::Position::new(0, 99)), "a €".len());
        assert_eq!(offset(text, lsp::Position::new(7, 0)), text.len());
        let crlf = "ab\r\ncd\ref";
        assert_eq!(offset(crlf, lsp::Position::new(0, 9)), 2);
        assert_eq!(offset(crlf, lsp::Position::new(1, 0)), 4);
        assert_eq!(offset(crlf, lsp::Position::new(1, 5)), 6);
        assert_eq!(offset(crlf, lsp::Position::new(2, 1)), 8);
        // Inside a surrogate pair: after the character.
        let emoji = "x😀y";
        assert_eq!(offset(emoji, lsp::Position::new(0, 2)), 1 + 4);
        assert_eq!(offset(emoji, lsp::Position::new(0, 3)), 1 + 4);
    }

    #[test]
    fn edits_apply_in_order_at_the_end_and_across_lines() {
        let mut text = String::from("one\r\ntwo\nthree");
        apply(
            &mut text,
            vec![
                change(0, 0, 0, 3, "1"),
                change(1, 3, 1, 3, "!"),
                change(2, 5, 2, 5, "\n"),
                change(3, 0, 3, 0, "end €"),
                change(0, 1, 1, 0, " "),
            ],
        );
        assert_eq!(text, "1 two!\nthree\nend €");
        apply(
            &mut text,
            vec![lsp::TextDocumentContentChangeEvent { range: None, range_length: None, text: "x".into() }],
        );
        assert_eq!(text, "x");
        // A reversed range inserts at its start.
        apply(&mut text, vec![change(0, 1, 0, 0, "y")]);
        assert_eq!(text, "xy");
    }
}
