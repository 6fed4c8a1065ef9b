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
    if text.contains("include") {
        return;
    }
    let checked = grip::api::check_text("fuzz.plan", None, text.to_string());
    let _ = grip::render::short(&checked.sources, &checked.diagnostics);
    let _ = grip::render::human(&checked.sources, &checked.diagnostics, false);
    let mut summary = grip::render::Summary::default();
    summary.add(&checked.diagnostics);
    let _ = grip::render::json(&[(&checked.sources, checked.diagnostics.as_slice())], &summary);

    let evaluation = grip::eval::evaluate(&checked.model);
    let idx = evaluation.year_indices(None);
    let _ = grip::eval::to_json(&evaluation, &idx);
    for by in [grip::sheet::By::Year, grip::sheet::By::Group, grip::sheet::By::Taakveld, grip::sheet::By::Measure] {
        let _ = grip::sheet::table(&grip::sheet::sheet(&evaluation, by, &idx), false);
    }
});
