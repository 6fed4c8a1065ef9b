//! The comparison with the journal checkers (benches/compare.sh) times grip on the content of the
//! independent journals, converted to a plan by benches/journal_to_plan.py. This holds the
//! converter to what the comparison says of it: the plan of a right journal passes
//! `grip check` without a word, and the plan of the journal whose last balance assertion is off
//! by 1.00 (`journals.py --bad`) fails on exactly that total, so grip checks the same thing the
//! other tools are timed on.
//!
//! The generator is ../shared/bench/journals.py, beside the repository (as in CI), run with
//! python3. Without either the test says `skipped: …` and passes, unless GRIP_REQUIRE_TOOLS is
//! set; then it fails.

use std::path::{Path, PathBuf};
use std::process::Command;

fn missing(what: &str) {
    // Written past the test harness's capture, so the skip is visible in a passing run.
    let _ = std::io::Write::write_all(&mut std::io::stderr(), format!("skipped: {what}\n").as_bytes());
    assert!(std::env::var_os("GRIP_REQUIRE_TOOLS").is_none(), "{what} (GRIP_REQUIRE_TOOLS is set)");
}

fn python(args: &[&Path]) {
    let out = Command::new("python3").args(args).output().expect("python3 runs");
    assert!(out.status.success(), "python3 {args:?}: {}", String::from_utf8_lossy(&out.stderr));
}

/// Writes the journal of `n` transactions (`--bad`: its last assertion off) and its plan, the
/// plan in a folder of its own; returns the plan and the beancount file.
fn plan_of(dir: &Path, n: usize, bad: bool) -> (PathBuf, String) {
    let repo = Path::new(env!("CARGO_MANIFEST_DIR"));
    let name = if bad { "bad" } else { "good" };
    let base = dir.join(name);
    let mut args = vec![repo.join("../shared/bench/journals.py"), PathBuf::from(n.to_string()), base.clone()];
    if bad {
        args.push(PathBuf::from("--bad"));
    }
    python(&args.iter().map(PathBuf::as_path).collect::<Vec<_>>());
    let folder = dir.join(format!("{name}-plan"));
    std::fs::create_dir(&folder).unwrap();
    let plan = folder.join("journal.plan");
    let beancount = base.with_extension("beancount");
    python(&[&repo.join("benches/journal_to_plan.py"), &beancount, &plan]);
    (plan, std::fs::read_to_string(beancount).unwrap())
}

fn check(plan: &Path) -> (i32, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_grip")).args(["check", "--format", "short"]).arg(plan).output().unwrap();
    (out.status.code().unwrap_or(-1), String::from_utf8_lossy(&out.stdout).into_owned())
}

#[test]
fn the_plan_of_an_independent_journal_checks_what_the_journal_does() {
    let python_there = Command::new("python3").arg("--version").output().map(|o| o.status.success()).unwrap_or(false);
    if !python_there {
        return missing("python3 not installed");
    }
    let generator = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/bench/journals.py");
    if !generator.is_file() {
        return missing("../shared/bench/journals.py not present");
    }
    let dir = tempfile::tempdir().unwrap();
    // 4,000 transactions at 10 a day run into 2001, so one stretch between assertions has a
    // total over two years.
    let n = 4000;
    let (good, journal) = plan_of(dir.path(), n, false);
    let text = std::fs::read_to_string(&good).unwrap();
    assert_eq!(
        text.matches("\n  measure ").count() + text.matches("\n    measure ").count(),
        n,
        "a measure per transaction"
    );
    let assertions = journal.matches(" balance ").count();
    assert_eq!(assertions, n / 100);
    assert_eq!(text.matches("total saving").count(), assertions, "a declared total per balance assertion");
    assert!(text.contains("2000: € ") && text.lines().any(|l| l.contains("total saving 2000:") && l.contains("2001:")));
    // Two amounts per transaction, as in the journal, and a figure or two per assertion.
    let figures = text.matches('€').count();
    assert!((2 * n + assertions..=2 * n + 2 * assertions).contains(&figures), "{figures} amounts");
    let (code, out) = check(&good);
    assert_eq!((code, out.as_str()), (0, ""), "the plan of a right journal");

    let (bad, _) = plan_of(dir.path(), n, true);
    let (code, out) = check(&bad);
    assert_eq!(code, 1, "the plan of a journal with a wrong assertion: {out}");
    assert_eq!(out.lines().count(), 1, "one problem: {out}");
    assert!(out.contains("error[grip::total_mismatch]") && out.contains("Assets_Bank3.b40"), "{out}");
}
