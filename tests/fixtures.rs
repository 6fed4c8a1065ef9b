//! The diagnostics corpus: one broken plan per kind of problem in tests/fixtures/, each
//! snapshotted as a policy writer reads it (source, labels, message, help).

use grip::{api, render};

#[test]
fn fixture() {
    insta::glob!("fixtures/*.plan", |path| {
        let name = format!("tests/fixtures/{}", path.file_name().and_then(|n| n.to_str()).unwrap_or_default());
        let text = std::fs::read_to_string(path).expect("fixtures are UTF-8");
        let checked = api::check_text(&name, Some(path), text);
        assert!(!checked.diagnostics.is_empty(), "{name} is meant to be broken but grip found nothing");
        insta::assert_snapshot!(render::human(&checked.sources, &checked.diagnostics, false));
    });
}
