//! `grip fmt` on any text: when the text formats at all, formatting the result again changes
//! nothing (idempotence), and the formatted text parses without a single problem.
#![no_main]

use grip::syntax::ast::FileId;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    let Ok(once) = grip::fmt::format_source(text) else { return };
    let (_, problems) = grip::syntax::parse(FileId(0), &once);
    // A figure grip cannot read is kept as written, so it is still reported; nothing else may be.
    let problems: Vec<_> = problems.into_iter().filter(|p| p.code() != "grip::number_notation").collect();
    assert!(
        problems.is_empty(),
        "the formatted text does not parse: {problems:?}\n--- input ---\n{text}\n--- formatted ---\n{once}"
    );
    match grip::fmt::format_source(&once) {
        Ok(twice) => assert!(
            twice == once,
            "fmt is not idempotent\n--- input ---\n{text}\n--- once ---\n{once}\n--- twice ---\n{twice}"
        ),
        Err(problems) => {
            panic!("the formatted text cannot be formatted again: {problems:?}\n--- formatted ---\n{once}")
        }
    }
});
