//! `grip fmt` never changes what a plan means: for any text that formats, the formatted text
//! gives the same problems (code and message, whatever their positions) and the same
//! evaluation (`grip eval --format json`).
#![no_main]

use libfuzzer_sys::fuzz_target;

fn meaning(text: &str) -> (Vec<(String, String)>, String) {
    let checked = grip::api::check_text("f.plan", None, text.to_string());
    // A keyword of the other language than the plan's is what fmt corrects.
    let mut problems: Vec<(String, String)> = checked
        .diagnostics
        .iter()
        .filter(|d| d.code() != "grip::mixed_keywords")
        .map(|d| (d.code().to_string(), d.message_in(grip::lang::Lang::En)))
        .collect();
    problems.sort();
    let e = grip::eval::evaluate(&checked.model);
    let all: Vec<usize> = (0..e.years.len()).collect();
    (problems, grip::eval::to_json(&e, &all, grip::lang::Lang::En))
}

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    // An include reads the disk; the check target covers includes.
    if ["include", "invoegen", "part", "deel"].iter().any(|w| text.contains(w)) {
        return;
    }
    let Ok(formatted) = grip::fmt::format_source(text) else { return };
    let (before, after) = (meaning(text), meaning(&formatted));
    assert!(
        before == after,
        "fmt changed the meaning\n--- input ---\n{text}\n--- formatted ---\n{formatted}\n--- problems before ---\n{:?}\n--- after ---\n{:?}",
        before.0,
        after.0
    );
});
