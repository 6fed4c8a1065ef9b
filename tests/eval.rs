//! `grip eval`: the arithmetic of every kind of effect, the balance, and the real plans in
//! every output format.

use grip::api;
use grip::eval::{evaluate, to_json, Evaluation};
use grip::sheet::{self, By};
use proptest::prelude::*;
use rust_decimal::Decimal;
use std::path::Path;
use std::str::FromStr;

fn d(s: &str) -> Decimal {
    Decimal::from_str(s).unwrap()
}

fn eval_text(text: &str) -> Evaluation {
    let checked = api::check_text("test.plan", None, text.to_string());
    assert!(
        !checked.has_errors(),
        "{:?}",
        checked.diagnostics.iter().map(|d| d.message_in(grip::lang::Lang::En)).collect::<Vec<_>>()
    );
    evaluate(&checked.model)
}

fn savings(e: &Evaluation) -> Vec<Decimal> {
    e.savings.iter().map(|s| s.expected.known).collect()
}

const HEADER: &str = "plan \"T\" {\n  period 2021..2024\n}\n";

#[test]
fn structural_savings_hold_from_their_year_on() {
    let e = eval_text(&format!("{HEADER}measure A \"a\" {{\n  saving € 100 from 2022\n}}\n"));
    assert_eq!(savings(&e), [d("0"), d("100"), d("100"), d("100")]);
}

#[test]
fn incidental_savings_count_in_their_year_only() {
    let e = eval_text(&format!("{HEADER}measure A \"a\" {{\n  saving € 60.000 in 2021\n}}\n"));
    assert_eq!(savings(&e), [d("60000"), d("0"), d("0"), d("0")]);
}

#[test]
fn a_ramp_steps_up() {
    let e = eval_text(&format!(
        "{HEADER}measure A \"a\" {{\n  saving € 130.000 in 2021\n  saving € 180.000 from 2022\n}}\nmeasure B \"b\" {{\n  saving € 100.000 from 2021\n  saving € 150.000 from 2022\n}}\n"
    ));
    assert_eq!(savings(&e), [d("230000"), d("330000"), d("330000"), d("330000")]);
}

#[test]
fn a_saving_without_year_holds_every_year() {
    let e = eval_text(&format!("{HEADER}measure A \"a\" {{\n  saving € 5\n}}\n"));
    assert_eq!(savings(&e), [d("5"); 4]);
}

#[test]
fn a_range_gives_low_and_high() {
    let e = eval_text(&format!(
        "{HEADER}measure C \"c\" {{\n  saving € 1.180.000 from 2022\n  saving € 2.225.000 from 2023\n  range € 1.180.000 .. € 2.225.000\n}}\n"
    ));
    let low: Vec<Decimal> = e.savings.iter().map(|s| s.low).collect();
    let high: Vec<Decimal> = e.savings.iter().map(|s| s.high).collect();
    assert_eq!(savings(&e), [d("0"), d("1180000"), d("2225000"), d("2225000")]);
    assert_eq!(low, [d("0"), d("1180000"), d("1180000"), d("1180000")]);
    assert_eq!(high, [d("0"), d("2225000"), d("2225000"), d("2225000")]);
}

#[test]
fn a_share_alone_saves_its_share_of_the_budget() {
    let e = eval_text(&format!("{HEADER}measure A \"a\" {{\n  budget € 826.000\n  share 20% of budget\n}}\n"));
    assert_eq!(savings(&e), [d("165200"); 4]);
}

#[test]
fn pm_is_never_zero() {
    let e = eval_text(&format!(
        "{HEADER}group G \"g\" {{\n  target € 100 by 2024\n  measure A \"a\" {{\n    saving € 100 from 2021\n  }}\n  measure B \"b\" {{\n    saving P.M.\n  }}\n}}\n"
    ));
    assert!(e.savings.iter().all(|s| s.expected.pm == 1 && s.expected.known == d("100")));
    let g = &e.groups[0];
    // The known savings reach the target, so the P.M. item cannot make it fail.
    assert_eq!(g.targets[0].reached.pm, 1);
    assert_eq!(g.targets[0].verdict, grip::eval::Verdict::Met);
    let shown = sheet::table(&sheet::sheet(&e, By::Group, &[0, 1, 2, 3], grip::lang::Lang::En), false);
    assert!(shown.contains("met (100%)"), "{shown}");
    assert!(shown.contains("€ 100 + 1 P.M."), "{shown}");
}

#[test]
fn every_target_year_is_evaluated_with_the_rule_check_uses() {
    let e = eval_text(&format!(
        "{HEADER}group G \"g\" {{\n  target € 150 by 2022\n  target € 300 by 2024\n  target € 120 by 2023\n  measure A \"a\" {{\n    saving € 150 from 2022\n  }}\n  measure B \"b\" {{\n    saving P.M. from 2024\n  }}\n}}\n"
    ));
    let t = &e.groups[0].targets;
    assert_eq!(
        t.iter().map(|t| (t.year, t.verdict)).collect::<Vec<_>>(),
        [(2022, grip::eval::Verdict::Met), (2024, grip::eval::Verdict::Unverifiable), (2023, grip::eval::Verdict::Met),]
    );
    assert_eq!(t[1].shortfall(), d("150"));
    let shown = sheet::table(&sheet::sheet(&e, By::Group, &[0, 1, 2, 3], grip::lang::Lang::En), false);
    assert!(shown.contains("cannot be verified: P.M. would have to bring € 150"), "{shown}");
    // Every target year, in eval's JSON.
    let json: serde_json::Value =
        serde_json::from_str(&grip::eval::to_json(&e, &[0, 1, 2, 3], grip::lang::Lang::En)).unwrap();
    assert_eq!(json["groups"][0]["targets"].as_array().map(Vec::len), Some(3));
    assert_eq!(json["groups"][0]["targets"][1]["verdict"], "cannot be verified");
}

#[test]
fn the_balance_is_deficit_plus_savings_minus_costs() {
    let e = eval_text(&format!(
        "{HEADER}measure A \"a\" {{\n  saving € 300 from 2022\n  cost € 50 in 2022\n}}\n\
         table B \"b\" as budget {{\n  columns 2021..2024\n  row x \"x\" : 1.000 1.000 1.000 1.000\n}}\n\
         table F \"f\" as forecast {{\n  columns 2021..2024\n  row x \"x\" : 1.200 1.200 1.200 1.200\n}}\n\
         table K \"k\" as cost {{\n  columns 2021..2024\n  row t \"transitie\" : 10 - - -\n}}\n"
    ));
    let balance: Vec<Decimal> = e.balance.iter().map(|b| b.unwrap().expected.known).collect();
    assert_eq!(e.deficit, vec![Some(d("-200")); 4]);
    assert_eq!(balance, [d("-210"), d("50"), d("100"), d("100")]);
    assert_eq!(
        e.cumulative_balance().iter().map(|f| f.map(|f| f.known)).collect::<Vec<_>>(),
        [Some(d("-210")), Some(d("-160")), Some(d("-60")), Some(d("40"))]
    );
}

#[test]
fn leudal_reproduces_tabel_1_where_its_arithmetic_holds() {
    let c = api::check_path(Path::new("examples/leudal.plan")).unwrap();
    let e = evaluate(&c.model);
    assert_eq!(e.years, [2020, 2021, 2022, 2023, 2024]);
    // Deficits from budget and forecast: 2021 and 2022 as printed; 2020 computed (the
    // document prints € -2.275.437, which check reports).
    assert_eq!(e.deficit[..3], [Some(d("-2252835")), Some(d("-3482824")), Some(d("-3412824"))]);
    // No budget is printed for 2023 and 2024: the deficit the plan prints (`as deficit`).
    assert_eq!(e.deficit[3..], [Some(d("-3243661")), Some(d("-3194340"))]);
    // Transition costs as printed.
    assert_eq!(e.costs.iter().map(|c| c.known).collect::<Vec<_>>(), [d("80000"), d("200000"), d("0"), d("0"), d("0")]);
    // The measures' own total, not Tabel 1's 688.805 / 2.094.767 / 3.142.022.
    assert_eq!(savings(&e), [d("0"), d("690000"), d("2097600"), d("3142600"), d("3142600")]);
    // Remaining deficit = deficit + savings − costs.
    assert_eq!(e.balance[1].unwrap().expected.known, d("-2992824"));
    assert_eq!(e.balance[3].unwrap().expected.known, d("-101061"));
}

#[test]
fn noordoostpolder_shows_parts_against_their_taakstelling_and_execution_budget() {
    let c = api::check_path(Path::new("examples/noordoostpolder.plan")).unwrap();
    let e = evaluate(&c.model);
    let a = e.groups.iter().find(|g| g.id == "A").unwrap();
    assert_eq!(a.targets[0].coverage(), Some(d("100")));
    let c2 = e.groups.iter().find(|g| g.id == "C2").unwrap();
    assert_eq!(c2.targets[0].reached.pm, 1);
    // Section D: computed Jaartotaal (the document prints 1.171.494, within tolerance).
    assert_eq!(
        e.costs.iter().map(|c| c.known).collect::<Vec<_>>(),
        [d("1171493"), d("642553"), d("452289"), d("94797")]
    );
    assert!(e.has_staffing);
}

fn all_formats(path: &str) -> String {
    let c = api::check_path(Path::new(path)).unwrap();
    let e = evaluate(&c.model);
    let idx: Vec<usize> = (0..e.years.len()).collect();
    let mut out = String::new();
    for by in [By::Year, By::Group, By::Taakveld, By::Measure] {
        let s = sheet::sheet(&e, by, &idx, grip::lang::Lang::En);
        out.push_str(&format!("==== {by:?}: table\n{}\n", sheet::table(&s, false)));
        out.push_str(&format!("==== {by:?}: markdown\n{}\n", sheet::markdown(&s)));
        out.push_str(&format!("==== {by:?}: csv\n{}\n", sheet::csv(&s).replace("\r\n", "\n")));
    }
    out.push_str(&format!("==== json\n{}\n", to_json(&e, &idx, grip::lang::Lang::En)));
    out
}

#[test]
fn leudal_every_format() {
    insta::assert_snapshot!(all_formats("examples/leudal.plan"));
}

#[test]
fn noordoostpolder_every_format() {
    insta::assert_snapshot!(all_formats("examples/noordoostpolder.plan"));
}

fn plan_from(measures: &[(u8, u16, i64, bool)]) -> String {
    let mut text = String::from(HEADER);
    for (i, (group, year, amount, structural)) in measures.iter().enumerate() {
        let spec = if *structural { "from" } else { "in" };
        text.push_str(&format!(
            "group G{i} \"g\" {{\n  measure M{i}x{group} \"m\" {{\n    saving € {amount} {spec} {year}\n  }}\n}}\n"
        ));
    }
    text
}

proptest! {
    #[test]
    fn the_total_over_groups_is_the_sum_of_the_groups(
        measures in prop::collection::vec((0u8..3, 2021u16..=2024, 0i64..1_000_000, any::<bool>()), 1..12)
    ) {
        let e = eval_text(&plan_from(&measures));
        for i in 0..e.years.len() {
            let by_group: Decimal = e.groups.iter().filter(|g| g.depth == 0).map(|g| g.savings[i].known).sum();
            prop_assert_eq!(by_group, e.savings[i].expected.known);
        }
    }

    #[test]
    fn structural_savings_never_decrease(
        measures in prop::collection::vec((0u8..3, 2021u16..=2024, 0i64..1_000_000, Just(true)), 1..12)
    ) {
        let e = eval_text(&plan_from(&measures));
        for w in savings(&e).windows(2) {
            prop_assert!(w[1] >= w[0]);
        }
    }
}
