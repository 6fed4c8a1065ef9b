//! A plan in Dutch keywords and the same plan in English keywords are the same plan: `grip fmt
//! --keywords nl|en` converts one into the other and back to the same bytes, and both check,
//! evaluate and report alike. A plan uses one set; grip says which, and speaks it.

use assert_cmd::Command;
use grip::api;
use grip::fmt::{format_source, format_source_in};
use grip::lang::Lang;
use grip::syntax::keywords;
use std::path::{Path, PathBuf};

fn plans() -> Vec<PathBuf> {
    let mut out = Vec::new();
    for dir in ["examples", "tests/fixtures", "tests/real"] {
        for entry in std::fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            if path.extension().is_some_and(|e| e == "plan") {
                out.push(path);
            }
        }
    }
    out.sort();
    out
}

/// What a plan says, in English: its problems (code and message) and its evaluation.
fn said(text: &str, path: &Path) -> (Vec<(String, String)>, String, String) {
    let checked = api::check_text("p.plan", Some(path), text.to_string());
    // A message quotes a keyword as the plan writes it (`besparingen`): compared as English.
    let english = |message: String| -> String {
        message
            .split('`')
            .enumerate()
            .map(|(i, part)| match keywords::lookup(part) {
                Some((k, _)) if i % 2 == 1 => k.en.to_string(),
                _ => part.to_string(),
            })
            .collect::<Vec<_>>()
            .join("`")
    };
    let mut problems: Vec<(String, String)> =
        checked.diagnostics.iter().map(|d| (d.code().to_string(), english(d.message_in(Lang::En)))).collect();
    problems.sort();
    let e = grip::eval::evaluate(&checked.model);
    let all: Vec<usize> = (0..e.years.len()).collect();
    // The report names where each problem is; the words of the two sets differ in length.
    let report = grip::report::markdown(&checked, Lang::En);
    let report = report
        .lines()
        .map(|l| l.split_whitespace().filter(|w| !w.starts_with("p.plan:")).collect::<Vec<_>>().join(" "))
        .map(|l| english(l.replace("\\`", "`")))
        .collect::<Vec<_>>()
        .join("\n");
    (problems, grip::eval::to_json(&e, &all, Lang::En), report)
}

#[test]
fn every_plan_converts_to_the_other_keywords_and_back_to_the_same_bytes() {
    let mut converted = 0;
    for path in plans() {
        let text = std::fs::read_to_string(&path).unwrap();
        // Plans in canonical layout: what fmt writes is what is there.
        if format_source(&text).ok().as_deref() != Some(text.as_str()) {
            continue;
        }
        let own = keywords::detect(&text).map_or(Lang::En, |d| d.lang);
        let there = format_source_in(&text, Some(own.other())).expect("a canonical plan converts");
        assert_eq!(
            keywords::detect(&there).map(|d| d.lang),
            keywords::detect(&text).map(|_| own.other()),
            "{}: the converted plan is not in the other language",
            path.display()
        );
        let back = format_source_in(&there, Some(own)).expect("the converted plan converts back");
        assert_eq!(back, text, "{}: converting to {} and back changed it", path.display(), own.other().code());
        converted += 1;
    }
    assert!(converted >= 20, "only {converted} plans were converted");
}

#[test]
fn both_keyword_sets_check_evaluate_and_report_alike() {
    let mut compared = 0;
    for path in plans() {
        let text = std::fs::read_to_string(&path).unwrap();
        let own = keywords::detect(&text).map_or(Lang::En, |d| d.lang);
        let Ok(there) = format_source_in(&text, Some(own.other())) else { continue };
        let Ok(here) = format_source_in(&text, Some(own)) else { continue };
        let (a, b) = (said(&here, &path), said(&there, &path));
        assert_eq!(a.0, b.0, "{}: the problems differ", path.display());
        assert!(a.1 == b.1, "{}: the evaluations differ", path.display());
        if a.2 != b.2 {
            let first = a.2.lines().zip(b.2.lines()).find(|(x, y)| x != y);
            panic!("{}: the reports differ, first at {first:?}", path.display());
        }
        compared += 1;
    }
    assert!(compared >= 40, "only {compared} plans were compared");
}

fn grip() -> Command {
    let mut cmd = Command::cargo_bin("grip").unwrap();
    for var in ["LANG", "LC_ALL", "LC_MESSAGES"] {
        cmd.env_remove(var);
    }
    cmd
}

const DUTCH: &str = "plan \"Bezuinigingsplan\" {\n  gemeente \"Voorbeeld\"\n  periode 2021..2024\n}\n\nonderdeel A \"Voorveld\" {\n  taakstelling € 100.000 in 2024\n\n  maatregel A.1 \"Minder inzet op maatschappelijk werk\" {\n    eigenaar \"teamleider mo\"\n    budget € 650.000\n    besparing € 50.000 vanaf 2024\n  }\n\n  totaal besparing € 60.000\n}\n";

#[test]
fn a_dutch_plan_is_answered_in_dutch_unless_asked_otherwise() {
    let dir = tempfile::tempdir().unwrap();
    let plan = dir.path().join("plan.plan");
    std::fs::write(&plan, DUTCH).unwrap();
    let out = grip().arg("check").arg(&plan).output().unwrap();
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.contains("klopt niet") && text.contains("2 fouten"), "{text}");
    let out = grip().args(["--lang", "en", "check"]).arg(&plan).output().unwrap();
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.contains("add up to") && text.contains("2 errors"), "{text}");
    // A plan whose keywords say nothing (`plan`, `budget` only) follows the environment.
    std::fs::write(&plan, "plan \"x\" {\n}\n").unwrap();
    let out = grip().env("LANG", "nl_NL.UTF-8").arg("check").arg(&plan).output().unwrap();
    assert!(String::from_utf8_lossy(&out.stdout).contains("0 fouten"), "{:?}", out);
    let out = grip().arg("check").arg(&plan).output().unwrap();
    assert!(String::from_utf8_lossy(&out.stdout).contains("0 errors"), "{:?}", out);
}

#[test]
fn eval_and_report_speak_the_plans_language() {
    let dir = tempfile::tempdir().unwrap();
    let plan = dir.path().join("plan.plan");
    std::fs::write(&plan, DUTCH.replace("€ 60.000", "€ 50.000").replace("€ 100.000", "€ 50.000")).unwrap();
    let out = grip().arg("eval").arg(&plan).output().unwrap();
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.contains("Besparingen") && !text.contains("Savings"), "{text}");
    let out = grip().args(["eval", "--by", "group"]).arg(&plan).output().unwrap();
    assert!(String::from_utf8_lossy(&out.stdout).contains("gehaald"), "{:?}", out);
    let md = grip().arg("report").arg(&plan).arg("--markdown").output().unwrap();
    let md = String::from_utf8_lossy(&md.stdout);
    assert!(md.contains("Gevonden problemen") || md.contains("problemen"), "{md}");
    assert!(!md.contains("Problems found"), "{md}");
}

#[test]
fn fmt_converts_keywords_on_request_and_mends_a_mixed_plan() {
    let dir = tempfile::tempdir().unwrap();
    let plan = dir.path().join("plan.plan");
    std::fs::write(&plan, DUTCH).unwrap();
    grip().args(["fmt", "--keywords", "en"]).arg(&plan).assert().success();
    let english = std::fs::read_to_string(&plan).unwrap();
    assert!(english.contains("measure A.1") && english.contains("saving € 50.000 from 2024"), "{english}");
    assert!(english.contains("target € 100.000 by 2024"), "{english}");
    grip().args(["fmt", "--keywords", "nl"]).arg(&plan).assert().success();
    assert_eq!(std::fs::read_to_string(&plan).unwrap(), DUTCH);
    // A keyword of the other language is an error, and fmt writes it in the plan's language.
    std::fs::write(&plan, DUTCH.replace("vanaf 2024", "from 2024")).unwrap();
    let out = grip().args(["check", "--format", "short"]).arg(&plan).output().unwrap();
    assert!(String::from_utf8_lossy(&out.stdout).contains("grip::mixed_keywords"), "{:?}", out);
    grip().arg("fmt").arg(&plan).assert().success();
    assert_eq!(std::fs::read_to_string(&plan).unwrap(), DUTCH);
}

#[test]
fn a_row_may_be_named_like_a_keyword_of_the_other_language() {
    // `kosten` is the Dutch keyword for `costs`; in an English plan it is a row name.
    let text = "plan \"P\" {\n  period 2021..2021\n}\n\ntable T \"T\" {\n  columns 2021\n  row kosten \"Kosten\" : 10\n  row baten \"Baten\" : 4\n  total saldo \"Saldo\" = kosten - baten : 6\n}\n";
    let checked = api::check_text("p.plan", None, text.to_string());
    assert!(checked.diagnostics.is_empty(), "{:?}", checked.diagnostics);
}
