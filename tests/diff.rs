//! `grip diff`: two versions compared by meaning, from files, from git, and as git's diff driver.

use assert_cmd::Command;
use predicates::prelude::*;
use std::fs;
use std::path::Path;

fn grip() -> Command {
    let mut cmd = Command::cargo_bin("grip").unwrap();
    // The examples are Dutch plans; these tests read what grip says in English.
    cmd.args(["--lang", "en"]);
    cmd
}

fn leudal() -> String {
    fs::read_to_string("examples/leudal.plan").unwrap()
}

/// Leudal with c1 saving € 2.000.000 instead of € 2.225.000 from 2023.
fn leudal_changed() -> String {
    let text = leudal();
    assert!(text.contains("besparing € 2.225.000 vanaf 2023"));
    text.replace("besparing € 2.225.000 vanaf 2023", "besparing € 2.000.000 vanaf 2023")
}

#[test]
fn a_change_shows_its_effect_on_the_2023_balance() {
    let dir = tempfile::tempdir().unwrap();
    let (old, new) = (dir.path().join("old.plan"), dir.path().join("new.plan"));
    fs::write(&old, leudal()).unwrap();
    fs::write(&new, leudal_changed()).unwrap();
    grip()
        .arg("diff")
        .arg(&old)
        .arg(&new)
        .assert()
        .code(1)
        .stdout(predicate::str::contains("c1 “Verwervingsstrategie” (changed)"))
        .stdout(predicate::str::contains("saving 2023: € 2.225.000 → € 2.000.000 (€ -225.000)"))
        .stdout(predicate::str::contains("balance 2023: € -101.061 → € -326.061 (€ -225.000)"));
}

#[test]
fn the_same_plan_has_no_change_in_meaning() {
    let dir = tempfile::tempdir().unwrap();
    let (old, new) = (dir.path().join("old.plan"), dir.path().join("new.plan"));
    fs::write(&old, leudal()).unwrap();
    // Only layout and comments differ.
    fs::write(
        &new,
        leudal().replace("  besparing", "      besparing").replace("// De", "// Een gewijzigde opmerking. De"),
    )
    .unwrap();
    grip().arg("diff").arg(&old).arg(&new).assert().code(0).stdout(predicate::str::contains("No change in meaning."));
}

#[test]
fn measures_added_removed_and_renamed() {
    let dir = tempfile::tempdir().unwrap();
    let (old, new) = (dir.path().join("old.plan"), dir.path().join("new.plan"));
    let base = "plan \"P\" {\n  period 2021..2024\n}\ngroup A \"Deel\" {\n  target € 100 by 2024\n";
    fs::write(&old, format!("{base}  measure A.1 \"Oud\" {{\n    saving € 100 from 2022\n  }}\n  measure A.2 \"Weg\" {{\n    saving € 10 in 2021\n  }}\n}}\n")).unwrap();
    fs::write(&new, format!("{base}  measure A.1 \"Nieuw\" {{\n    saving € 100 from 2022\n    owner \"Wmo\"\n  }}\n  measure A.3 \"Erbij\" {{\n    saving € 5 from 2024\n  }}\n}}\n")).unwrap();
    let out = grip().arg("diff").arg(&old).arg(&new).assert().code(1).get_output().stdout.clone();
    let text = String::from_utf8(out).unwrap();
    assert!(text.contains("title (renamed): \"Oud\" → \"Nieuw\""), "{text}");
    assert!(text.contains("owner: (none) → \"Wmo\""), "{text}");
    assert!(text.contains("+ A.3 “Erbij” (added)"), "{text}");
    assert!(text.contains("- A.2 “Weg” (removed)"), "{text}");
    assert!(text.contains("savings 2024: € 100 → € 105 (+€ 5)"), "{text}");
}

#[test]
fn markdown_and_json() {
    let dir = tempfile::tempdir().unwrap();
    let (old, new) = (dir.path().join("old.plan"), dir.path().join("new.plan"));
    fs::write(&old, leudal()).unwrap();
    fs::write(&new, leudal_changed()).unwrap();
    grip()
        .args(["diff", "--format", "markdown"])
        .arg(&old)
        .arg(&new)
        .assert()
        .code(1)
        .stdout(predicate::str::contains("| balance | 2023 | € -101.061 | € -326.061 | € -225.000 |"));
    let out =
        grip().args(["diff", "--format", "json"]).arg(&old).arg(&new).assert().code(1).get_output().stdout.clone();
    let doc: serde_json::Value = serde_json::from_slice(&out).unwrap();
    assert_eq!(doc["changed"], true);
    let balance =
        doc["figures"].as_array().unwrap().iter().find(|f| f["what"] == "balance" && f["year"] == 2023).unwrap();
    assert_eq!(balance["delta"], "-225000");
}

#[test]
fn usage_and_io_errors_exit_2() {
    grip().args(["diff", "only-one.plan"]).assert().code(2);
    grip().args(["diff", "missing-a.plan", "missing-b.plan"]).assert().code(2);
}

fn git(dir: &Path, args: &[&str]) {
    let status = std::process::Command::new("git")
        .args(args)
        .current_dir(dir)
        .env("GIT_AUTHOR_NAME", "t")
        .env("GIT_AUTHOR_EMAIL", "t@example.org")
        .env("GIT_COMMITTER_NAME", "t")
        .env("GIT_COMMITTER_EMAIL", "t@example.org")
        .status()
        .unwrap();
    assert!(status.success(), "git {args:?}");
}

fn has_git() -> bool {
    std::process::Command::new("git").arg("--version").output().is_ok()
}

#[test]
fn diff_against_a_git_revision_and_as_gits_diff_driver() {
    if !has_git() {
        let _ = std::io::Write::write_all(&mut std::io::stderr(), b"skipped: git not installed\n");
        assert!(std::env::var_os("GRIP_REQUIRE_TOOLS").is_none(), "git is required");
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    git(dir.path(), &["init", "-q"]);
    fs::write(dir.path().join("leudal.plan"), leudal()).unwrap();
    git(dir.path(), &["add", "leudal.plan"]);
    git(dir.path(), &["commit", "-q", "-m", "plan"]);
    fs::write(dir.path().join("leudal.plan"), leudal_changed()).unwrap();

    grip()
        .current_dir(dir.path())
        .args(["diff", "--git", "HEAD", "leudal.plan"])
        .assert()
        .code(1)
        .stdout(predicate::str::contains("HEAD:leudal.plan → leudal.plan"))
        .stdout(predicate::str::contains("balance 2023: € -101.061 → € -326.061"));

    git(dir.path(), &["commit", "-q", "-am", "lower c1"]);
    grip()
        .current_dir(dir.path())
        .args(["diff", "--git", "HEAD~1..HEAD"])
        .assert()
        .code(1)
        .stdout(predicate::str::contains("saving 2023: € 2.225.000 → € 2.000.000"));

    // `git diff` with grip as the diff driver for *.plan files, as the README shows.
    fs::write(dir.path().join(".gitattributes"), "*.plan diff=grip\n").unwrap();
    let grip_bin = assert_cmd::cargo::cargo_bin("grip");
    git(dir.path(), &["config", "diff.grip.command", &format!("{} diff", grip_bin.display())]);
    let out = std::process::Command::new("git")
        .args(["diff", "HEAD~1", "HEAD", "--", "leudal.plan"])
        .current_dir(dir.path())
        .output()
        .unwrap();
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    // As git's diff driver grip has no --lang: it speaks the plan's language, Dutch here.
    assert!(text.contains("saldo 2023: € -101.061 → € -326.061"), "{text}");
}

const WMO_JEUGD: &str = "plan \"P\" {\n  period 2025..2028\n}\ngroup Wmo \"Wmo\" {\n  target € 150.000 by 2025\n  target € 200.000 by 2027\n  measure W.1 \"Een\" {\n    saving € 150.000 from 2025\n  }\n  measure W.4 \"Vier\" {\n    saving € 50.000 from 2027\n  }\n}\ngroup Jeugd \"Jeugd\" {\n  target € 100.000 by 2026\n  target € 150.000 by 2028\n  measure J.1 \"Een\" {\n    saving € 100.000 from 2026\n  }\n}\n";

/// W.4 moved from group Wmo to group Jeugd: the plan's totals are the same, but both groups'
/// targets change, and grip check finds a new error. The diff says all of it.
#[test]
fn moving_a_measure_between_groups_shows_every_target_it_breaks_or_repairs() {
    let dir = tempfile::tempdir().unwrap();
    let (old, new) = (dir.path().join("old.plan"), dir.path().join("new.plan"));
    fs::write(&old, WMO_JEUGD).unwrap();
    let moved = WMO_JEUGD.replace(
        "  measure W.4 \"Vier\" {\n    saving € 50.000 from 2027\n  }\n}\ngroup Jeugd \"Jeugd\" {\n",
        "}\ngroup Jeugd \"Jeugd\" {\n  measure W.4 \"Vier\" {\n    saving € 50.000 from 2027\n  }\n",
    );
    assert_ne!(moved, WMO_JEUGD);
    fs::write(&new, moved).unwrap();
    let out = grip().arg("diff").arg(&old).arg(&new).assert().code(1).get_output().stdout.clone();
    let text = String::from_utf8(out).unwrap();
    for expected in [
        "W.4 “Vier” (changed)",
        "group: Wmo → Jeugd",
        "target of group Wmo “Wmo” (2027): € 200.000 of € 200.000: met → € 150.000 of € 200.000: short € 50.000",
        "target of group Jeugd “Jeugd” (2028): € 100.000 of € 150.000: short € 50.000 → € 150.000 of € 150.000: met",
        "new error: the measures of group Wmo “Wmo” save € 150.000 in 2027, short of its target € 200.000 by € 50.000",
        "gone error: the measures of group Jeugd “Jeugd” save € 100.000 in 2028, short of its target € 150.000 by € 50.000",
    ] {
        assert!(text.contains(expected), "missing: {expected}\n{text}");
    }
    assert!(!text.contains("No change in meaning"), "{text}");
}

/// Removing a measure reports the shortfall of every target year, as grip check does.
#[test]
fn removing_a_measure_reports_every_target_year() {
    let dir = tempfile::tempdir().unwrap();
    let (old, new) = (dir.path().join("old.plan"), dir.path().join("new.plan"));
    let plan = "plan \"P\" {\n  period 2025..2028\n}\ngroup W \"Wmo\" {\n  target € 100 by 2025\n  target € 100 by 2026\n  target € 100 by 2028\n  measure W.1 \"Een\" {\n    saving € 100 from 2025\n  }\n}\n";
    fs::write(&old, plan).unwrap();
    fs::write(&new, plan.replace("  measure W.1 \"Een\" {\n    saving € 100 from 2025\n  }\n", "")).unwrap();
    let out = grip().arg("diff").arg(&old).arg(&new).assert().code(1).get_output().stdout.clone();
    let text = String::from_utf8(out).unwrap();
    for year in ["2025", "2026", "2028"] {
        let expected = format!("target of group W “Wmo” ({year}): € 100 of € 100: met → € 0 of € 100: short € 100");
        assert!(text.contains(&expected), "missing: {expected}\n{text}");
    }
    assert_eq!(text.matches("new error").count(), 3, "{text}");
}

/// A version grip cannot read is an error for diff, never an empty plan: exit 2 with the reason,
/// in JSON too; as git's diff driver, the change is shown as text with the reason.
#[test]
fn a_version_grip_cannot_read_is_not_an_empty_plan() {
    let dir = tempfile::tempdir().unwrap();
    let (old, new) = (dir.path().join("old.plan"), dir.path().join("new.plan"));
    fs::write(&old, leudal()).unwrap();
    fs::write(&new, leudal().replacen("}\n", "\n", 1)).unwrap();
    grip()
        .arg("diff")
        .arg(&old)
        .arg(&new)
        .assert()
        .code(2)
        .stdout(predicate::str::contains("(removed)").not())
        .stderr(predicate::str::contains("cannot read"))
        .stderr(predicate::str::contains("new.plan:"));
    let out =
        grip().arg("diff").arg(&old).arg(&new).args(["--format", "json"]).assert().code(2).get_output().stdout.clone();
    let doc: serde_json::Value = serde_json::from_slice(&out).unwrap();
    assert!(doc["error"].as_str().is_some_and(|e| e.contains("grip cannot read")), "{doc}");
    assert!(doc.get("measures").is_none(), "{doc}");
    // git's external diff: path old-file old-hex old-mode new-file new-hex new-mode.
    grip()
        .arg("diff")
        .arg("leudal.plan")
        .arg(&old)
        .args(["1111111", "100644"])
        .arg(&new)
        .args(["2222222", "100644"])
        .assert()
        .code(0)
        .stdout(predicate::str::contains("grip cannot read b/leudal.plan"))
        .stdout(predicate::str::contains("The change as text:"))
        .stdout(predicate::str::contains("--- a/leudal.plan"));
}

#[test]
fn diff_takes_color_like_check() {
    let dir = tempfile::tempdir().unwrap();
    let (old, new) = (dir.path().join("old.plan"), dir.path().join("new.plan"));
    fs::write(&old, leudal()).unwrap();
    fs::write(&new, leudal_changed()).unwrap();
    grip().arg("diff").arg(&old).arg(&new).args(["--color", "never"]).assert().code(1);
    grip()
        .arg("diff")
        .arg(&old)
        .arg(&new)
        .args(["--color", "always"])
        .assert()
        .code(1)
        .stdout(predicate::str::contains("  \x1b[33m~ c1"));
}
