//! The pre-commit hooks, for real: a throw-away repository with a broken plan and a
//! `.pre-commit-config.yaml` pointing at this repository is refused by
//! `pre-commit run --all-files`, and passes once the plan is fixed.

use std::path::{Path, PathBuf};
use std::process::Command;

fn run(dir: &Path, program: &str, args: &[&str]) -> std::process::Output {
    Command::new(program)
        .args(args)
        .current_dir(dir)
        .env("GIT_AUTHOR_NAME", "t")
        .env("GIT_AUTHOR_EMAIL", "t@example.org")
        .env("GIT_COMMITTER_NAME", "t")
        .env("GIT_COMMITTER_EMAIL", "t@example.org")
        .env("PRE_COMMIT_HOME", Path::new(env!("CARGO_MANIFEST_DIR")).join("target/pre-commit-home"))
        .output()
        .unwrap_or_else(|e| panic!("{program}: {e}"))
}

fn tool_missing(tool: &str) -> bool {
    let missing = Command::new(tool).arg("--version").output().map(|o| !o.status.success()).unwrap_or(true);
    if missing {
        // Written past the test harness's capture, so the skip is visible in a passing run.
        let _ =
            std::io::Write::write_all(&mut std::io::stderr(), format!("skipped: {tool} not installed\n").as_bytes());
        assert!(std::env::var_os("GRIP_REQUIRE_TOOLS").is_none(), "{tool} is required (GRIP_REQUIRE_TOOLS is set)");
    }
    missing
}

const BROKEN: &str = "plan \"P\" {\n  period 2021..2024\n}\ntable T \"Formatie\" in fte {\n  columns 2021, 2022\n  row a \"A\" : 1,0 2,0\n  row b \"B\" : 0,5 0,5\n  total t \"Totaal\" = a + b : 1,5 2,4\n}\n";

#[test]
fn pre_commit_refuses_a_broken_plan_and_passes_a_fixed_one() {
    if tool_missing("pre-commit") || tool_missing("git") {
        return;
    }
    let this_repo = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let head = run(&this_repo, "git", &["rev-parse", "HEAD"]);
    assert!(head.status.success(), "this repository has no commit to point pre-commit at");
    let rev = String::from_utf8_lossy(&head.stdout).trim().to_string();

    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    assert!(run(d, "git", &["init", "-q"]).status.success());
    std::fs::write(
        d.join(".pre-commit-config.yaml"),
        format!(
            "repos:\n  - repo: {}\n    rev: {rev}\n    hooks:\n      - id: grip-check\n      - id: grip-fmt\n",
            this_repo.display()
        ),
    )
    .unwrap();
    std::fs::write(d.join("plan.plan"), BROKEN).unwrap();
    assert!(run(d, "git", &["add", "."]).status.success());

    let refused = run(d, "pre-commit", &["run", "--all-files"]);
    let out = format!("{}{}", String::from_utf8_lossy(&refused.stdout), String::from_utf8_lossy(&refused.stderr));
    assert!(!refused.status.success(), "a broken plan passed pre-commit:\n{out}");
    assert!(out.contains("grip::total_mismatch"), "{out}");

    std::fs::write(d.join("plan.plan"), BROKEN.replace("1,5 2,4", "1,5 2,5")).unwrap();
    assert!(run(d, "git", &["add", "."]).status.success());
    // The first run may reformat the plan (grip-fmt); the second must pass.
    let _ = run(d, "pre-commit", &["run", "--all-files"]);
    assert!(run(d, "git", &["add", "."]).status.success());
    let passed = run(d, "pre-commit", &["run", "--all-files"]);
    let out = format!("{}{}", String::from_utf8_lossy(&passed.stdout), String::from_utf8_lossy(&passed.stderr));
    assert!(passed.status.success(), "a correct plan was refused:\n{out}");

    // A change to a part alone (deel/jeugd.plan, included by main.plan) that breaks the plan's
    // total is refused too: the hook checks the plan the part belongs to.
    std::fs::create_dir_all(d.join("deel")).unwrap();
    std::fs::write(d.join("main.plan"), MAIN).unwrap();
    std::fs::write(d.join("deel/jeugd.plan"), PART).unwrap();
    assert!(run(d, "git", &["add", "."]).status.success());
    let _ = run(d, "pre-commit", &["run", "--all-files"]);
    assert!(run(d, "git", &["add", "."]).status.success());
    let passed = run(d, "pre-commit", &["run", "--all-files"]);
    let out = format!("{}{}", String::from_utf8_lossy(&passed.stdout), String::from_utf8_lossy(&passed.stderr));
    assert!(passed.status.success(), "the correct plan and its part were refused:\n{out}");
    std::fs::write(d.join("deel/jeugd.plan"), PART.replace("€ 50.000", "€ 70.000")).unwrap();
    assert!(run(d, "git", &["add", "."]).status.success());
    let refused = run(d, "pre-commit", &["run", "--files", "deel/jeugd.plan"]);
    let out = format!("{}{}", String::from_utf8_lossy(&refused.stdout), String::from_utf8_lossy(&refused.stderr));
    assert!(!refused.status.success(), "a part that breaks its plan passed pre-commit:\n{out}");
    assert!(out.contains("main.plan") && out.contains("grip::total_mismatch"), "{out}");
}

const MAIN: &str =
    "plan \"Hoofdplan\" {\n  period 2025..2028\n}\n\ninclude \"deel/jeugd.plan\"\n\ntotal saving € 50.000\n";
const PART: &str = "part of \"../main.plan\"\n\ngroup J \"Jeugd\" {\n  measure J.1 \"Preventieve GGZ\" {\n    saving € 50.000 from 2027\n  }\n}\n";
