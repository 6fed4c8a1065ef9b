//! Progress after adoption: progress files, `grip status` in every format, the figures and
//! lights by the rule of docs/evaluation.md, one truth with `grip eval`, the report sections,
//! the diff between moments, and the language server on a progress file.

mod common;

use assert_cmd::Command;
use serde_json::{json, Value};
use std::fs;
use std::path::Path;

fn grip() -> Command {
    let mut cmd = Command::cargo_bin("grip").expect("the grip binary is built");
    cmd.env("NO_COLOR", "1");
    for var in ["LANG", "LC_ALL", "LC_MESSAGES"] {
        cmd.env_remove(var);
    }
    cmd
}

fn status_json(args: &[&str]) -> Value {
    let out = grip().arg("status").args(args).args(["--format", "json"]).output().unwrap();
    assert!(out.status.success(), "grip status {args:?}: {}", String::from_utf8_lossy(&out.stderr));
    serde_json::from_slice(&out.stdout).expect("grip status --format json prints JSON")
}

fn measure<'a>(doc: &'a Value, id: &str) -> &'a Value {
    doc["measures"].as_array().unwrap().iter().find(|m| m["id"] == id).unwrap_or_else(|| panic!("no measure {id}"))
}

/// The figure `key` of a year of a measure (or of the plan, for `doc["years"]`).
fn known(years: &Value, year: u64, key: &str) -> String {
    let y = years.as_array().unwrap().iter().find(|y| y["year"] == year).unwrap();
    y[key]["known"].as_str().unwrap().to_string()
}

#[test]
fn the_latest_moment_of_leudal_by_the_documented_rules() {
    let doc = status_json(&["examples/leudal.plan"]);
    assert_eq!(doc["moment"], "2e bestuursrapportage 2021");
    assert_eq!(doc["moments"].as_array().unwrap().len(), 2);
    // Nog te realiseren in 2021: 690.000 planned − 570.000 realised.
    assert_eq!(known(&doc["years"], 2021, "planned"), "690000");
    assert_eq!(known(&doc["years"], 2021, "realised"), "570000");
    assert_eq!(known(&doc["years"], 2021, "remaining"), "120000");
    assert_eq!(known(&doc["years"], 2022, "remaining"), "1857600");
    // a1: € 30.000 short in 2021, covered by its replacement; on track.
    let a1 = measure(&doc, "a1");
    assert_eq!(known(&a1["years"], 2021, "shortfall"), "30000");
    assert_eq!(known(&a1["years"], 2021, "replacement"), "30000");
    assert_eq!(known(&a1["years"], 2021, "effect"), "0");
    assert_eq!(a1["light"], "green");
    // b4 expects € 80.000 of its € 110.000 from 2022: the structural saving is not expected.
    let b4 = measure(&doc, "b4");
    assert_eq!((b4["light"].as_str(), b4["reason"].as_str()), (Some("red"), Some("not-expected")));
    assert_eq!(known(&b4["years"], 2024, "effect"), "-30000");
    // b5 brings nothing in 2021, its only year: behind.
    assert_eq!(measure(&doc, "b5")["light"], "orange");
    // a2 and b3 are realised.
    assert_eq!(measure(&doc, "a2")["reason"], "realised");
    assert_eq!(measure(&doc, "b3")["reason"], "realised");
    // b2 is reported only at the first moment: its phase and decision carry forward.
    let b2 = measure(&doc, "b2");
    assert_eq!((b2["phase"].as_u64(), b2["decided"].as_str()), (Some(2), Some("2020-12-15")));
    assert_eq!(doc["light"], "red");
}

#[test]
fn an_earlier_moment_and_what_moved_since() {
    let first = status_json(&["examples/leudal.plan", "--moment", "1e bestuursrapportage 2021"]);
    assert_eq!(first["moment"], "1e bestuursrapportage 2021");
    assert_eq!(measure(&first, "b3")["phase"], 2);
    let doc = status_json(&["examples/leudal.plan", "--since", "1e bestuursrapportage 2021"]);
    let changes = doc["changes"].as_array().unwrap();
    let b3 = changes.iter().find(|c| c["id"] == "b3").unwrap();
    assert_eq!((b3["phase_before"].as_u64(), b3["phase_after"].as_u64()), (Some(2), Some(3)));
    let b4 = changes.iter().find(|c| c["id"] == "b4").unwrap();
    assert_eq!((b4["light_before"].as_str(), b4["light_after"].as_str()), (Some("green"), Some("red")));
    // A measure on which nothing moved is not listed.
    assert!(!changes.iter().any(|c| c["id"] == "b2"));
}

#[test]
fn planned_is_what_eval_shows_per_measure() {
    for plan in ["examples/leudal.plan", "examples/noordoostpolder.plan"] {
        let status = status_json(&[plan]);
        let out = grip().args(["eval", plan, "--format", "json"]).output().unwrap();
        let eval: Value = serde_json::from_slice(&out.stdout).unwrap();
        let years: Vec<u64> = eval["years"].as_array().unwrap().iter().map(|y| y.as_u64().unwrap()).collect();
        let mut compared = 0;
        for m in eval["measures"].as_array().unwrap() {
            let s = measure(&status, m["id"].as_str().unwrap());
            for (i, y) in years.iter().enumerate() {
                assert_eq!(m["savings"][i]["known"], s["years"][i]["planned"]["known"], "{plan} {} {y}", m["id"]);
                assert_eq!(m["savings"][i]["pm"], s["years"][i]["planned"]["pm"], "{plan} {} {y}", m["id"]);
                compared += 1;
            }
        }
        assert!(compared > 40, "{plan}: only {compared} figures compared");
    }
}

#[test]
fn a_needed_decision_not_taken_in_time_is_red() {
    let doc = status_json(&["examples/noordoostpolder.plan"]);
    let m = measure(&doc, "1.4");
    assert_eq!((m["light"].as_str(), m["reason"].as_str()), (Some("red"), Some("decision-overdue")));
    // Not due yet and not reported: no light.
    let a1 = measure(&doc, "A.1");
    assert_eq!((a1["light"].clone(), a1["reason"].as_str()), (Value::Null, Some("not-reported")));
}

#[test]
fn a_measure_that_should_have_started_is_flagged() {
    let out = grip().args(["check", "tests/fixtures/progress_missing.plan", "--format", "short"]).output().unwrap();
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.contains("warning[grip::progress_missing]"), "{text}");
    let doc = status_json(&["tests/fixtures/progress_missing.plan"]);
    let j1 = measure(&doc, "J.1");
    assert_eq!((j1["light"].as_str(), j1["reason"].as_str()), (Some("orange"), Some("should-have-started")));
}

#[test]
fn the_progress_file_stands_for_its_plan() {
    let a = grip().args(["status", "examples/leudal.plan", "--format", "csv"]).output().unwrap();
    let b = grip().args(["status", "examples/leudal-voortgang.plan", "--format", "csv"]).output().unwrap();
    assert!(a.status.success() && b.status.success());
    assert_eq!(a.stdout, b.stdout);
}

#[test]
fn every_format_shows_the_same_moment_in_both_languages() {
    for (lang, words) in
        [("nl", ["Nog te realiseren", "Gerealiseerd", "rood"]), ("en", ["Still to realise", "Realised", "red"])]
    {
        for format in ["table", "markdown", "csv"] {
            let out =
                grip().args(["--lang", lang, "status", "examples/leudal.plan", "--format", format]).output().unwrap();
            let text = String::from_utf8_lossy(&out.stdout);
            for w in words {
                assert!(text.contains(w), "{lang} {format}: no `{w}`:\n{text}");
            }
            assert!(text.contains("120.000") || text.contains("120000"), "{lang} {format}: no remaining 2021");
        }
    }
}

#[test]
fn unknown_moments_and_plans_without_progress_are_refused_with_a_reason() {
    let out = grip().args(["status", "examples/leudal.plan", "--moment", "Voorjaarsnota 2030"]).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("“1e bestuursrapportage 2021”, “2e bestuursrapportage 2021”"), "{err}");
    let out = grip().args(["status", "examples/starter.plan"]).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("progress of \"starter.plan\""), "{err}");
}

#[test]
fn a_folder_checks_each_progress_file_once_with_its_plan() {
    let out = grip().args(["check", "examples/", "--format", "json"]).output().unwrap();
    let doc: Value = serde_json::from_slice(&out.stdout).unwrap();
    let files: Vec<String> =
        doc["diagnostics"].as_array().unwrap().iter().map(|d| d["file"].as_str().unwrap().to_string()).collect();
    let in_progress = files.iter().filter(|f| f.ends_with("noordoostpolder-voortgang.plan")).count();
    assert_eq!(in_progress, 1, "{files:?}");
    // The plans are the roots: the progress files are read with them.
    assert_eq!(doc["summary"]["files"], 3, "{}", doc["summary"]);
}

#[test]
fn the_report_has_a_progress_section_in_every_form() {
    let dir = tempfile::tempdir().unwrap();
    let (html, xlsx, md) = (dir.path().join("r.html"), dir.path().join("r.xlsx"), dir.path().join("r.md"));
    let out = grip()
        .args(["report", "examples/leudal.plan", "--html"])
        .arg(&html)
        .arg("--xlsx")
        .arg(&xlsx)
        .arg("--markdown")
        .arg(&md)
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let page = fs::read_to_string(&html).unwrap();
    assert!(page.contains("<section id=\"progress\">"));
    assert!(page.contains("id=\"chart-progress\""));
    assert!(page.contains("<span class=\"light red\">● rood</span>"));
    let memo = fs::read_to_string(&md).unwrap();
    assert!(memo.contains("voortgang bij “2e bestuursrapportage 2021”"), "{memo}");
    use calamine::Reader;
    let mut book: calamine::Xlsx<_> = calamine::open_workbook(&xlsx).unwrap();
    let sheet = book.worksheet_range("Voortgang").expect("a sheet Voortgang");
    let remaining = sheet.rows().find(|r| r[0].to_string().trim() == "Nog te realiseren").expect("a remaining row");
    // 2020, 2021: the plan's remaining figures.
    assert_eq!(remaining[2].to_string(), "120000");
}

#[test]
fn the_diff_of_a_progress_file_shows_what_moved() {
    let full = fs::read_to_string("examples/leudal-voortgang.plan").unwrap();
    let cut = full.find("moment \"2e bestuursrapportage 2021\"").unwrap();
    let dirs = [tempfile::tempdir().unwrap(), tempfile::tempdir().unwrap()];
    for (dir, text) in dirs.iter().zip([&full[..cut], &full[..]]) {
        fs::copy("examples/leudal.plan", dir.path().join("leudal.plan")).unwrap();
        fs::write(dir.path().join("leudal-voortgang.plan"), text).unwrap();
    }
    let out = grip()
        .args(["diff", "--format", "json"])
        .arg(dirs[0].path().join("leudal-voortgang.plan"))
        .arg(dirs[1].path().join("leudal-voortgang.plan"))
        .output()
        .unwrap();
    let doc: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(doc["changed"], true);
    let progress = doc["progress"].as_array().unwrap();
    let said: Vec<String> =
        progress.iter().map(|c| format!("{}: {} → {}", c["what"].as_str().unwrap(), c["before"], c["after"])).collect();
    assert!(said.iter().any(|s| s.contains("rapportagemoment “2e bestuursrapportage 2021”")), "{said:?}");
    assert!(said.iter().any(|s| s == "“2e bestuursrapportage 2021”: b4 stoplicht: \"groen\" → \"rood\""), "{said:?}");
}

#[test]
fn the_language_server_checks_and_explains_a_progress_file() {
    let path = std::fs::canonicalize(Path::new("tests/fixtures/progress_remaining_mismatch.plan")).unwrap();
    let uri = format!("file://{}", path.display());
    let text = fs::read_to_string(&path).unwrap();
    let mut client = common::Client::start();
    client.request("initialize", json!({"capabilities": {}, "initializationOptions": {"lang": "en"}}));
    client.notify("initialized", json!({}));
    client.notify(
        "textDocument/didOpen",
        json!({"textDocument": {"uri": uri, "languageId": "plan", "version": 1, "text": text}}),
    );
    let diags = client.diagnostics_for(&uri);
    assert!(diags.iter().any(|d| d["code"] == "grip::total_mismatch"), "{diags:?}");
    let pos = common::position_of(&text, "J.2 {");
    let hover = client.request("textDocument/hover", json!({"textDocument": {"uri": uri}, "position": pos}));
    let value = hover["contents"]["value"].as_str().unwrap_or_default();
    assert!(value.contains("At “2e bestuursrapportage 2022”"), "{value}");
    assert!(value.contains("| 2022 | € 50.000 | € 50.000 | € 50.000 | € 0 |"), "{value}");
    let def = client.request("textDocument/definition", json!({"textDocument": {"uri": uri}, "position": pos}));
    assert!(def["uri"].as_str().unwrap_or_default().ends_with("progress/base.plan"), "{def}");
}
