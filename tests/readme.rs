//! The README's samples stay true: every block that shows a `$ grip …` command (except those
//! that compare with git history, which depends on the work tree) is run, and the lines the
//! README shows must be what grip prints (a last line `...` stands for the rest).

use std::process::Command;

#[test]
fn the_readme_shows_what_grip_prints() {
    let readme = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/README.md")).unwrap();
    let mut checked = 0;
    for block in readme.split("```").skip(1).step_by(2) {
        let mut lines = block.lines().skip(1);
        let Some(command) = lines.next().and_then(|l| l.strip_prefix("$ grip ")) else { continue };
        if command.contains("--git") {
            continue;
        }
        let args: Vec<&str> = command.split_whitespace().collect();
        let out = Command::new(assert_cmd::cargo::cargo_bin("grip"))
            .args(&args)
            .current_dir(env!("CARGO_MANIFEST_DIR"))
            .env("NO_COLOR", "1")
            // The samples show what grip says by the plan's language or `--lang`, not by LANG.
            .env_remove("LANG")
            .env_remove("LC_ALL")
            .env_remove("LC_MESSAGES")
            .output()
            .unwrap();
        let printed = String::from_utf8_lossy(&out.stdout);
        let shown: Vec<&str> = lines.collect();
        let (shown, rest) = match shown.last() {
            Some(&"...") => (&shown[..shown.len() - 1], true),
            _ => (&shown[..], false),
        };
        let printed: Vec<&str> = printed.lines().collect();
        assert!(printed.len() >= shown.len(), "`grip {command}` prints fewer lines than the README shows");
        assert_eq!(&printed[..shown.len()], shown, "the README's sample of `grip {command}` is out of date");
        if !rest {
            assert_eq!(printed.len(), shown.len(), "`grip {command}` prints more than the README shows");
        }
        checked += 1;
    }
    assert!(checked >= 2, "only {checked} README samples found");
}
