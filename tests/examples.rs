//! `grip check` on the two real plans: the slips the documents contain, in every format, in the
//! plans' own language (they are written with Dutch keywords).

use grip::api;
use grip::render::{self, Summary};
use std::path::Path;

fn checked(path: &str) -> api::Checked {
    api::check_path(Path::new(path)).expect("example plans are readable")
}

/// The plan's own language.
fn own(c: &api::Checked) -> grip::lang::Lang {
    c.language().unwrap_or_default()
}

fn summary(c: &api::Checked) -> Summary {
    let mut s = Summary { files: 1, ..Summary::default() };
    s.add(&c.diagnostics);
    s
}

#[test]
fn leudal_human() {
    let c = checked("examples/leudal.plan");
    insta::assert_snapshot!(render::human(&c.sources, &c.diagnostics, false, own(&c)));
}

#[test]
fn leudal_short() {
    let c = checked("examples/leudal.plan");
    insta::assert_snapshot!(render::short(&c.sources, &c.diagnostics, own(&c)));
}

#[test]
fn leudal_json() {
    let c = checked("examples/leudal.plan");
    insta::assert_snapshot!(render::json(&[(&c.sources, &c.diagnostics)], &summary(&c), own(&c)));
}

#[test]
fn noordoostpolder_human() {
    let c = checked("examples/noordoostpolder.plan");
    insta::assert_snapshot!(render::human(&c.sources, &c.diagnostics, false, own(&c)));
}

#[test]
fn noordoostpolder_short() {
    let c = checked("examples/noordoostpolder.plan");
    insta::assert_snapshot!(render::short(&c.sources, &c.diagnostics, own(&c)));
}

#[test]
fn noordoostpolder_json() {
    let c = checked("examples/noordoostpolder.plan");
    insta::assert_snapshot!(render::json(&[(&c.sources, &c.diagnostics)], &summary(&c), own(&c)));
}

/// The slips a reader of the documents can verify by hand, each asserted on its own so a
/// change in grip that loses one fails here by name, not only in a snapshot.
#[test]
fn the_documents_real_slips_are_found() {
    let nop = checked("examples/noordoostpolder.plan");
    let lines = render::short(&nop.sources, &nop.diagnostics, grip::lang::Lang::En);
    for expected in [
        "20% of € 826.000 is € 165.200, not € 182.000",
        "35% of € 50.000 is € 17.500, not € 18.000",
        "5% of € 650.000 is € 32.500, not € 50.000",
        "C1.2 “Totaal” in 2022 is 1,8 fte, but its lines add up to 1,9 fte",
        "C2.2 “Totaal” in 2021 is 4,5 fte, but its lines add up to 4,4 fte",
        "C3.2 “Budget” in 2024 is € -148.400, but its lines add up to € -138.400",
        "F.2 “Totaal” in the column “Totaal 2021” is 3.116 hours, but its lines add up to 3.341 hours",
    ] {
        assert!(lines.contains(expected), "missing: {expected}\n{lines}");
    }
    // C2's known savings (€ 250.000 + € 100.000) reach its target of € 350.000: 2.2's P.M.
    // cannot make it fail, so nothing is said.
    assert!(!lines.contains("group C2 “Wmo”"), "{lines}");
    let leudal = checked("examples/leudal.plan");
    let lines = render::short(&leudal.sources, &leudal.diagnostics, grip::lang::Lang::En);
    for expected in [
        "“Bijdrage maatregelen aan financiële opgave” in 2021 is € 688.805, but its lines add up to € 690.000",
        "“Bijdrage maatregelen aan financiële opgave” in 2022 is € 2.094.767, but its lines add up to € 2.097.600",
        "there is no measure `3.1`",
    ] {
        assert!(lines.contains(expected), "missing: {expected}\n{lines}");
    }
    // The measure table's own Totaal row and Tabel 1's per-taakveld totals do add up.
    assert!(!lines.contains("the plan total"), "{lines}");
    assert!(!lines.contains("Totaal inclusief indexering"), "{lines}");
}

#[test]
fn the_starter_plan_is_clean() {
    let c = checked("examples/starter.plan");
    assert!(c.diagnostics.is_empty(), "{}", render::short(&c.sources, &c.diagnostics, grip::lang::Lang::En));
}
