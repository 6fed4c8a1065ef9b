//! The fast front end (with pest for the pieces it hands back) against pest alone: on any
//! text, cut in pieces of 64 bytes and of the usual size, both must give the same document
//! (spans included) and the same problems. Nothing may panic.
#![no_main]

use grip::syntax::ast::FileId;
use grip::syntax::parse::{parse_with, FrontEnd, PIECE_BYTES};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    // grip reads plans as UTF-8 and refuses anything else before parsing.
    let Ok(text) = std::str::from_utf8(data) else { return };
    for piece_bytes in [64, PIECE_BYTES] {
        let (fast_doc, fast_problems) = parse_with(FileId(0), text, piece_bytes, FrontEnd::Fast);
        let (pest_doc, pest_problems) = parse_with(FileId(0), text, piece_bytes, FrontEnd::Pest);
        let (fast_json, pest_json) = (serde_json::to_string(&fast_doc).ok(), serde_json::to_string(&pest_doc).ok());
        assert!(
            fast_problems == pest_problems && fast_json == pest_json,
            "the front ends differ (pieces of {piece_bytes})\n--- input ---\n{text}\n--- fast ---\n{fast_problems:?}\n{fast_json:?}\n--- pest ---\n{pest_problems:?}\n{pest_json:?}"
        );
    }
});
