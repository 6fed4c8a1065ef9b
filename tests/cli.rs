//! The `grip` command as a user runs it: exit codes, formats, directories, unreadable files.

use assert_cmd::Command;
use predicates::prelude::*;
use std::fs;

fn grip() -> Command {
    let mut cmd = Command::cargo_bin("grip").expect("the grip binary is built");
    cmd.env_remove("NO_COLOR");
    // What grip says about a plan whose keywords say nothing follows LANG: English here.
    for var in ["LANG", "LC_ALL", "LC_MESSAGES"] {
        cmd.env_remove(var);
    }
    cmd
}

const CLEAN: &str = r#"plan "Schoon" {
  period 2021..2024
}
measure A.1 "Minder inzet" {
  budget € 100.000
  saving € 20.000 from 2022
}
"#;

const BROKEN: &str = r#"plan "Fout" {
  period 2021..2024
}
table T "Formatie" in fte {
  columns 2021, 2022
  row a "A" : 1,0 2,0
  row b "B" : 0,5 0,5
  total t "Totaal" = a + b : 1,5 2,4
}
"#;

const WARNING_ONLY: &str = r#"plan "Waarschuwing" {
  period 2021..2024
}
group A "Deel" {
  target € 50.000 by 2024
  measure A.1 "Onbekend" {
    saving P.M.
  }
}
"#;

#[test]
fn clean_plan_exits_0() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("schoon.plan");
    fs::write(&path, CLEAN).unwrap();
    grip().arg("check").arg(&path).assert().code(0).stdout(predicate::str::contains("0 errors"));
}

#[test]
fn errors_exit_1_with_both_figures() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("fout.plan");
    fs::write(&path, BROKEN).unwrap();
    grip()
        .args(["check", "--color", "never"])
        .arg(&path)
        .assert()
        .code(1)
        .stdout(predicate::str::contains("grip::total_mismatch"))
        .stdout(predicate::str::contains("is 2,4 fte, but its lines add up to 2,5 fte"))
        .stdout(predicate::str::contains("help:"));
}

#[test]
fn warnings_pass_unless_denied() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("w.plan");
    fs::write(&path, WARNING_ONLY).unwrap();
    grip().arg("check").arg(&path).assert().code(0).stdout(predicate::str::contains("1 warning"));
    grip().args(["check", "--deny-warnings"]).arg(&path).assert().code(1);
}

#[test]
fn short_format_is_one_line_each() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("fout.plan");
    fs::write(&path, BROKEN).unwrap();
    let out = grip().args(["check", "--format", "short"]).arg(&path).assert().code(1).get_output().stdout.clone();
    let text = String::from_utf8(out).unwrap();
    assert_eq!(text.lines().count(), 1, "{text}");
    let line = text.lines().next().unwrap();
    assert!(line.contains("fout.plan:8:"), "{line}");
    assert!(line.contains(": error[grip::total_mismatch]: "), "{line}");
}

#[test]
fn json_format_is_one_document_with_figures() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("fout.plan");
    fs::write(&path, BROKEN).unwrap();
    let out = grip().args(["check", "--format", "json"]).arg(&path).assert().code(1).get_output().stdout.clone();
    let doc: serde_json::Value = serde_json::from_slice(&out).expect("valid JSON");
    assert_eq!(doc["version"], 1);
    assert_eq!(doc["summary"]["errors"], 1);
    let d = &doc["diagnostics"][0];
    assert_eq!(d["code"], "grip::total_mismatch");
    assert_eq!(d["severity"], "error");
    assert_eq!(d["declared"], "2.4");
    assert_eq!(d["computed"], "2.5");
    assert_eq!(d["unit"], "fte");
    assert_eq!(d["year"], "2022");
    assert_eq!(d["line"], 8);
    assert!(d["span"]["start"].as_u64().unwrap() < d["span"]["end"].as_u64().unwrap());
}

#[test]
fn a_directory_is_searched_for_plans() {
    let dir = tempfile::tempdir().unwrap();
    fs::create_dir(dir.path().join("sub")).unwrap();
    fs::write(dir.path().join("a.plan"), CLEAN).unwrap();
    fs::write(dir.path().join("sub/b.plan"), BROKEN).unwrap();
    fs::write(dir.path().join("notes.txt"), "not a plan").unwrap();
    grip()
        .args(["check", "--format", "short"])
        .arg(dir.path())
        .assert()
        .code(1)
        .stdout(predicate::str::contains("b.plan"));
    // Without a path, the current directory.
    grip().current_dir(dir.path()).args(["check"]).assert().code(1).stdout(predicate::str::contains("in 2 files"));
}

#[test]
fn an_included_file_is_checked_with_its_plan_not_alone() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join("main.plan"), "plan \"Hoofd\" {\n  period 2021..2024\n}\ninclude \"deel.plan\"\n")
        .unwrap();
    fs::write(dir.path().join("deel.plan"), "measure A.1 \"Deel\" {\n  saving € 1.000 from 2022\n}\n").unwrap();
    grip().arg("check").arg(dir.path()).assert().code(0).stdout(predicate::str::contains("in 1 file"));
}

#[test]
fn a_missing_file_exits_2() {
    grip()
        .args(["check", "does/not/exist.plan"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("cannot read does/not/exist.plan: no such file"));
}

#[test]
fn a_file_that_is_not_utf8_exits_2() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("latin1.plan");
    fs::write(&path, b"plan \"Gemeente \xe9\xe9n\" {}\n").unwrap();
    grip().arg("check").arg(&path).assert().code(2).stderr(predicate::str::contains("not UTF-8"));
}

#[test]
fn a_usage_error_exits_2() {
    grip().args(["check", "--format", "xml"]).assert().code(2);
    grip().args(["frobnicate"]).assert().code(2);
}

#[test]
fn colour_follows_no_color_and_the_flag() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("fout.plan");
    fs::write(&path, BROKEN).unwrap();
    let out = grip().args(["check", "--color", "always"]).arg(&path).output().unwrap();
    assert!(String::from_utf8_lossy(&out.stdout).contains('\u{1b}'), "colour requested");
    let out = grip().env("NO_COLOR", "1").arg("check").arg(&path).output().unwrap();
    assert!(!String::from_utf8_lossy(&out.stdout).contains('\u{1b}'), "NO_COLOR honoured");
}

#[test]
fn a_bom_and_crlf_are_read() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("windows.plan");
    let text = format!("\u{feff}{}", CLEAN.replace('\n', "\r\n"));
    fs::write(&path, text).unwrap();
    grip().arg("check").arg(&path).assert().code(0);
}

#[test]
fn the_examples_report_their_slips() {
    grip()
        .args(["check", "examples/"])
        .assert()
        .code(1)
        // The examples are written with Dutch keywords, so grip answers in Dutch; the summary of
        // plans in two languages follows the environment (here not Dutch).
        .stdout(predicate::str::contains("20% van € 826.000 is € 165.200, niet € 182.000"))
        .stdout(predicate::str::contains("in 3 files"));
}

#[test]
fn help_teaches() {
    grip()
        .args(["check", "--help"])
        .assert()
        .code(0)
        .stdout(predicate::str::contains("Examples:"))
        .stdout(predicate::str::contains("--deny-warnings"))
        .stdout(predicate::str::contains("--fix"))
        .stdout(predicate::str::contains("--dry-run"));
}

#[test]
fn eval_prints_the_balance_per_year() {
    grip()
        .args(["eval", "examples/leudal.plan", "--color", "never"])
        .assert()
        .code(0)
        .stdout(predicate::str::contains("Saldo na maatregelen"))
        .stdout(predicate::str::contains("€ -2.992.824"))
        .stderr(predicate::str::contains("6 fouten in de cijfers die het vermeldt"));
}

#[test]
fn eval_narrows_years_and_formats() {
    let out = grip()
        .args(["eval", "examples/leudal.plan", "--years", "2022..2023", "--format", "json"])
        .assert()
        .code(0)
        .get_output()
        .stdout
        .clone();
    let doc: serde_json::Value = serde_json::from_slice(&out).unwrap();
    assert_eq!(doc["years"], serde_json::json!([2022, 2023]));
    assert_eq!(doc["totals"][0]["savings"]["known"], "2097600");
    grip()
        .args(["eval", "examples/leudal.plan", "--format", "csv"])
        .assert()
        .code(0)
        .stdout(predicate::str::contains(";2021;"));
    grip()
        .args(["eval", "examples/noordoostpolder.plan", "--by", "group", "--format", "markdown"])
        .assert()
        .code(0)
        .stdout(predicate::str::contains("| &nbsp;&nbsp;A behaald | — | — | — | gehaald (100%) |"))
        .stdout(predicate::str::contains("€ 465.000 + 1 P.M."));
    grip()
        .args(["eval", "examples/leudal.plan", "--years", "2030..2031"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("het plan beslaat 2020..2024; 2030..2031 valt daarbuiten"));
    let dir = tempfile::tempdir().unwrap();
    let empty = dir.path().join("leeg.plan");
    std::fs::write(&empty, "plan \"Leeg\" {\n}\n").unwrap();
    grip()
        .arg("eval")
        .arg(&empty)
        .assert()
        .code(2)
        .stderr(predicate::str::contains("the plan has no years to evaluate"));
    grip().args(["eval", "examples/leudal.plan", "--years", "2024..2022"]).assert().code(2);
}

#[test]
fn eval_refuses_an_unreadable_plan_unless_allowed() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("kapot.plan");
    fs::write(&path, "plan \"K\" {\n  period 2021..2024\n}\nmeasure A \"a\" {\n  saving € 1.5 from 2022\n}\n").unwrap();
    grip()
        .args(["eval", "--color", "never"])
        .arg(&path)
        .assert()
        .code(1)
        .stderr(predicate::str::contains("grip::number_notation"))
        .stderr(predicate::str::contains("--allow-errors"));
    grip().args(["eval", "--allow-errors"]).arg(&path).assert().code(0);
}

/// A part of a plan named on its own (as pre-commit names a changed file) stands for the plan
/// that includes it: an error the part causes in the plan is found, and a part needs no header
/// when it says what it is part of.
#[test]
fn checking_a_part_checks_the_plan_it_belongs_to() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    std::fs::create_dir_all(d.join("deel")).unwrap();
    std::fs::write(
        d.join("main.plan"),
        "plan \"Hoofdplan\" {\n  period 2025..2028\n}\ninclude \"deel/jeugd.plan\"\ntotal saving € 50.000\n",
    )
    .unwrap();
    let part = "group J \"Jeugd\" {\n  measure J.1 \"Preventieve GGZ\" {\n    saving € 70.000 from 2027\n  }\n}\n";
    // Found by the include alone.
    std::fs::write(d.join("deel/jeugd.plan"), part).unwrap();
    grip()
        .current_dir(d)
        .args(["check", "deel/jeugd.plan", "--format", "short"])
        .assert()
        .code(1)
        .stdout(predicate::str::contains("main.plan:5:14: error[grip::total_mismatch]"))
        .stderr(predicate::str::contains("deel/jeugd.plan is a part of main.plan"));
    // Said in the part, which then needs no header (--deny-warnings passes a correct part).
    std::fs::write(
        d.join("deel/jeugd.plan"),
        format!("part of \"../main.plan\"\n{}", part.replace("70.000", "50.000")),
    )
    .unwrap();
    grip().current_dir(d).args(["check", "--deny-warnings", "deel/jeugd.plan"]).assert().code(0);
    let alone = grip::api::check_path(&d.join("deel/jeugd.plan")).unwrap();
    assert!(
        alone.diagnostics.is_empty(),
        "{:?}",
        alone.diagnostics.iter().map(|x| x.message_in(grip::lang::Lang::En)).collect::<Vec<_>>()
    );
}

/// The same in Dutch keywords: `invoegen` and `deel van`, and the note in Dutch.
#[test]
fn checking_a_dutch_part_checks_the_plan_it_belongs_to() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    std::fs::create_dir_all(d.join("deel")).unwrap();
    std::fs::write(
        d.join("main.plan"),
        "plan \"Hoofdplan\" {\n  periode 2025..2028\n}\ninvoegen \"deel/jeugd.plan\"\ntotaal besparing € 50.000\n",
    )
    .unwrap();
    let part =
        "onderdeel J \"Jeugd\" {\n  maatregel J.1 \"Preventieve GGZ\" {\n    besparing € 70.000 vanaf 2027\n  }\n}\n";
    std::fs::write(d.join("deel/jeugd.plan"), format!("deel van \"../main.plan\"\n{part}")).unwrap();
    grip()
        .current_dir(d)
        .args(["check", "deel/jeugd.plan", "--format", "short"])
        .assert()
        .code(1)
        .stdout(predicate::str::contains("main.plan:5:18: error[grip::total_mismatch]"))
        .stderr(predicate::str::contains("deel/jeugd.plan is een deel van main.plan"));
}

/// A plan with a header of its own, named on the command line, is checked as itself, even when
/// another plan includes it.
#[test]
fn a_plan_named_is_checked_as_itself() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    std::fs::write(d.join("a.plan"), "plan \"A\" {\n  period 2025..2028\n}\ninclude \"b.plan\"\n").unwrap();
    std::fs::write(d.join("b.plan"), "plan \"B\" {\n  period 2025..2028\n}\n").unwrap();
    let out = grip().current_dir(d).args(["check", "b.plan", "--format", "json"]).output().unwrap();
    let text = String::from_utf8_lossy(&out.stderr);
    assert!(!text.contains("a.plan"), "{text}");
}

/// The help of grip and of every command, in both languages, comes whole from the catalogue.
#[test]
fn help_speaks_english_and_dutch() {
    for lang in ["en", "nl"] {
        for command in [&[][..], &["check"], &["eval"], &["fmt"], &["diff"], &["report"], &["lsp"]] {
            let out = grip().args(["--lang", lang]).args(command).arg("--help").output().unwrap();
            assert!(out.status.success());
            let text = String::from_utf8_lossy(&out.stdout);
            assert!(!text.contains("[help-") && !text.contains("[usage-"), "{lang} {command:?}: {text}");
            let english = ["Usage:", "Options:", "Print help", "Arguments:"];
            if lang == "nl" {
                assert!(text.contains("Gebruik:") && text.contains("Opties:"), "{command:?}: {text}");
                assert!(english.iter().all(|w| !text.contains(w)), "{command:?}: {text}");
            } else {
                assert!(text.contains("Usage:") && text.contains("Options:"), "{command:?}: {text}");
            }
        }
    }
    // LANG chooses when --lang does not.
    let out = grip().env("LANG", "nl_NL.UTF-8").args(["check", "--help"]).output().unwrap();
    assert!(String::from_utf8_lossy(&out.stdout).contains("Controleer plannen"));
}

#[test]
fn a_usage_error_is_said_in_dutch_with_a_suggestion() {
    grip()
        .args(["--lang", "nl", "chek"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("onbekende opdracht `chek`; bedoelt u `check`?"));
    grip()
        .args(["--lang", "nl", "eval", "--years", "2024..2022", "x.plan"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("`2024..2022` is geen reeks jaren; schrijf het als 2022..2024"));
    grip()
        .env("LANG", "nl_NL.UTF-8")
        .args(["eval", "--format", "xml", "x.plan"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("`xml` is geen geldige waarde voor --format"));
}

/// A fixture copied into a fresh folder, to be fixed there: its path and its text.
fn copy_of(fixture: &str) -> (tempfile::TempDir, std::path::PathBuf, String) {
    let dir = tempfile::tempdir().unwrap();
    let text = fs::read_to_string(format!("tests/fixtures/{fixture}")).unwrap();
    let path = dir.path().join(fixture);
    fs::write(&path, &text).unwrap();
    (dir, path, text)
}

#[test]
fn check_fix_adds_the_row_a_total_leaves_out_and_changes_nothing_else() {
    let (_dir, path, before) = copy_of("total_omits_row.plan");
    grip()
        .args(["check", "--color", "never"])
        .arg(&path)
        .assert()
        .code(1)
        .stdout(predicate::str::contains("add `+ huur` to its formula"));
    grip()
        .args(["check", "--fix", "--color", "never"])
        .arg(&path)
        .assert()
        .code(0)
        .stderr(predicate::str::contains("fixed one problem in"))
        .stderr(predicate::str::contains("add `+ huur` to the formula of this total"))
        .stdout(predicate::str::contains("0 errors"));
    let after = fs::read_to_string(&path).unwrap();
    assert!(after.contains("= precario + leges + huur : 30.000 37.000\n"), "{after}");
    // Every other byte as it was.
    assert_eq!(after.replacen(" + huur", "", 1), before);
}

#[test]
fn check_fix_dry_run_shows_the_diff_and_writes_nothing_then_fix_writes_it() {
    let (_dir, path, before) = copy_of("total_mismatch.plan");
    grip()
        .args(["check", "--fix", "--dry-run"])
        .arg(&path)
        .assert()
        .code(1)
        .stdout(predicate::str::contains("-  total saving € 100.000\n+  total saving € 75.600\n"));
    assert_eq!(fs::read_to_string(&path).unwrap(), before, "--dry-run writes nothing");
    grip().args(["check", "--fix"]).arg(&path).assert().code(0).stdout(predicate::str::contains("0 errors"));
    let after = fs::read_to_string(&path).unwrap();
    assert_eq!(after, before.replace("  total saving € 100.000\n", "  total saving € 75.600\n"));
    assert_ne!(after, before);
    // Nothing left to fix.
    grip()
        .args(["check", "--fix", "--dry-run"])
        .arg(&path)
        .assert()
        .code(0)
        .stdout("")
        .stderr(predicate::str::contains("nothing to fix"));
}

#[test]
fn check_fix_fixes_an_included_file_and_leaves_a_choice_to_the_writer() {
    let dir = tempfile::tempdir().unwrap();
    let main = dir.path().join("main.plan");
    let part = dir.path().join("deel.plan");
    fs::write(&main, "plan \"P\" {\n  period 2021..2024\n}\ninclude \"deel.plan\"\n").unwrap();
    // A keyword misspelt (one fix) and a number that reads two ways (a choice).
    let text = "mesure A.1 \"Minder inzet\" {\n  budget € 100.000\n  saving € 20.000 from 2022\n}\n\ntable F \"Formatie\" in fte {\n  columns 2021..2022\n  row formatie \"Formatie\" : 2,1 1.5\n}\n";
    fs::write(&part, text).unwrap();
    let out = grip().args(["check", "--fix", "--color", "never"]).arg(&main).output().unwrap();
    let after = fs::read_to_string(&part).unwrap();
    assert!(after.starts_with("measure A.1 "), "{after}");
    assert!(after.contains(": 2,1 1.5\n"), "the choice is left: {after}");
    assert_eq!(after.replacen("measure", "mesure", 1), text);
    assert_eq!(out.status.code(), Some(1), "{}", String::from_utf8_lossy(&out.stdout));
    assert!(String::from_utf8_lossy(&out.stdout).contains("grip::number_notation"));
}

#[test]
fn dry_run_goes_with_fix() {
    grip().args(["check", "--dry-run", "x.plan"]).assert().code(2);
}

#[test]
fn check_fix_sets_a_subtotal_and_leaves_the_total_that_reads_it_for_the_next_check() {
    // The subtotal is wrong (4.000, its lines add up to 3.000); the grand total reads the printed
    // subtotal and so differs too, though it is right. Fixing both at once would set the grand
    // total to the wrong subtotal.
    let plan = "plan \"P\" {\n  period 2021..2021\n}\n\ntable D \"Dekking\" {\n  columns 2021\n  row a \"A\" : 1.000\n  row b \"B\" : 2.000\n  total sub \"Subtotaal\" = a + b : 4.000\n  row c \"C\" : 500\n  total grand \"Totaal\" = sub + c : 3.500\n}\n";
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("subtotaal.plan");
    fs::write(&path, plan).unwrap();
    let out = grip().args(["check", "--color", "never"]).arg(&path).output().unwrap();
    let said = String::from_utf8_lossy(&out.stdout);
    assert_eq!(said.matches("grip::total_mismatch").count(), 2, "{said}");
    // No row is proposed: the rows that would fit are counted through the subtotal already.
    assert!(!said.contains("add `+"), "{said}");
    grip().args(["check", "--fix"]).arg(&path).assert().code(0).stdout(predicate::str::contains("0 errors"));
    assert_eq!(fs::read_to_string(&path).unwrap(), plan.replace("= a + b : 4.000", "= a + b : 3.000"));

    // The grand total is € 1.000 more than its lines, which is row `a`; but the subtotal counts
    // `a` already, so grip does not propose to count it twice.
    let grand_wrong = plan.replace("= a + b : 4.000", "= a + b : 3.000").replace(": 3.500", ": 4.500");
    fs::write(&path, &grand_wrong).unwrap();
    let out = grip().args(["check", "--color", "never"]).arg(&path).output().unwrap();
    let said = String::from_utf8_lossy(&out.stdout);
    assert_eq!(said.matches("grip::total_mismatch").count(), 1, "{said}");
    assert!(!said.contains("add `+"), "{said}");
}
