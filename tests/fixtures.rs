//! The diagnostics corpus: one broken plan per kind of problem in tests/fixtures/, each
//! snapshotted as a policy writer reads it (source, labels, message, help), in English and in
//! Dutch.

use grip::lang::Lang;
use grip::{api, render};

#[test]
fn fixture() {
    insta::glob!("fixtures/*.plan", |path| {
        let name = format!("tests/fixtures/{}", path.file_name().and_then(|n| n.to_str()).unwrap_or_default());
        let text = std::fs::read_to_string(path).expect("fixtures are UTF-8");
        let checked = api::check_text(&name, Some(path), text);
        assert!(!checked.diagnostics.is_empty(), "{name} is meant to be broken but grip found nothing");
        insta::assert_snapshot!(render::human(&checked.sources, &checked.diagnostics, false, Lang::En));
    });
}

/// The same corpus as a Dutch writer reads it.
#[test]
fn fixture_nl() {
    insta::glob!("fixtures/*.plan", |path| {
        let name = format!("tests/fixtures/{}", path.file_name().and_then(|n| n.to_str()).unwrap_or_default());
        let text = std::fs::read_to_string(path).expect("fixtures are UTF-8");
        let checked = api::check_text(&name, Some(path), text);
        insta::assert_snapshot!(render::human(&checked.sources, &checked.diagnostics, false, Lang::Nl));
    });
}

/// One slip is one error: every fixture plants one fault, so it reports at most one error (the
/// fault itself), and whatever follows from it (a total or target that cannot be checked) is a
/// note listed after the error that causes it.
#[test]
fn one_fault_is_one_error_with_its_consequences_after_it() {
    // Fixtures that plant several faults on purpose.
    let several = ["several_syntax_errors.plan"];
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
    let mut paths: Vec<_> = std::fs::read_dir(&dir).expect("fixtures").flatten().map(|e| e.path()).collect();
    paths.sort();
    for path in paths.iter().filter(|p| p.extension().is_some_and(|e| e == "plan")) {
        let name = path.file_name().and_then(|n| n.to_str()).unwrap_or_default().to_string();
        let text = std::fs::read_to_string(path).expect("fixtures are UTF-8");
        let checked = api::check_text(&name, Some(path), text);
        let errors: Vec<_> =
            checked.diagnostics.iter().filter(|d| d.severity() == grip::diagnostic::Severity::Error).collect();
        if !several.contains(&name.as_str()) {
            assert!(
                errors.len() <= 1,
                "{name}: {} errors\n{}",
                errors.len(),
                render::short(&checked.sources, &checked.diagnostics, grip::lang::Lang::En)
            );
        }
        for (i, d) in checked.diagnostics.iter().enumerate() {
            if let Some(cause) = d.cause() {
                let overlaps = |a: grip::syntax::ast::Span, b: grip::syntax::ast::Span| {
                    a.file == b.file && a.start < b.end.max(b.start + 1) && b.start < a.end.max(a.start + 1)
                };
                let listed_before = checked.diagnostics[..i]
                    .iter()
                    .any(|e| e.severity() == grip::diagnostic::Severity::Error && overlaps(e.span(), cause));
                assert!(listed_before, "{name}: `{}` is listed before its cause", d.message_in(grip::lang::Lang::En));
            }
        }
    }
}
