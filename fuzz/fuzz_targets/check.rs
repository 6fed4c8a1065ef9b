//! Any text through the whole pipeline of `grip check` and `grip eval` (and the language
//! server): parse, resolve, check, render the diagnostics, evaluate, render the figures.
//! Nothing may panic, overflow or hang, whatever the input.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    // grip reads plans as UTF-8 and refuses anything else before parsing.
    let Ok(text) = std::str::from_utf8(data) else { return };
    // An include reads a file relative to the current directory (or an absolute path): that
    // is I/O, not parsing, and `include "/dev/zero"` would only test the machine.
    if text.contains("include") || text.contains("invoegen") {
        return;
    }
    // Parsing in pieces (cut here every 64 bytes, so short inputs have several) gives what
    // parsing the whole text gives, unless the nesting check refused the text before either.
    let file = grip::syntax::ast::FileId(0);
    let (doc, problems) = grip::syntax::parse::parse_in_pieces_of(file, text, 64);
    if !problems.iter().any(|d| d.code() == "grip::nested_too_deeply") {
        let (whole_doc, whole_problems) = grip::syntax::parse::parse_whole(file, text);
        assert!(
            problems == whole_problems
                && serde_json::to_string(&doc).ok() == serde_json::to_string(&whole_doc).ok(),
            "pieces and whole differ\n--- input ---\n{text}\n--- pieces ---\n{problems:?}\n--- whole ---\n{whole_problems:?}"
        );
    }

    let checked = grip::api::check_text("fuzz.plan", None, text.to_string());
    let _ = grip::render::short(&checked.sources, &checked.diagnostics, grip::lang::Lang::En);
    let _ = grip::render::human(&checked.sources, &checked.diagnostics, false, grip::lang::Lang::En);
    let mut summary = grip::render::Summary::default();
    summary.add(&checked.diagnostics);
    let _ = grip::render::json(&[(&checked.sources, checked.diagnostics.as_slice())], &summary, grip::lang::Lang::En);

    let evaluation = grip::eval::evaluate(&checked.model);
    let idx = evaluation.year_indices(None);
    let _ = grip::eval::to_json(&evaluation, &idx, grip::lang::Lang::En);
    for by in [grip::sheet::By::Year, grip::sheet::By::Group, grip::sheet::By::Taakveld, grip::sheet::By::Measure] {
        let _ = grip::sheet::table(&grip::sheet::sheet(&evaluation, by, &idx, grip::lang::Lang::En), false);
    }
});
