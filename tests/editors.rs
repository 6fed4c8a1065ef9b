//! The editor support under editors/ stays in step with the language:
//!
//! - the keywords of the TextMate grammar (editors/vscode), of the tree-sitter grammar
//!   (editors/tree-sitter-plan) and of its highlight query are exactly the words of both keyword sets (`grip::syntax::keywords`);
//! - the TextMate grammar's tests pass (`npm test`), the extension packages into a small .vsix
//!   whose code is one bundled file (esbuild), and it starts `grip lsp` the way it should
//!   (test/lsp-smoke.js speaks LSP with the grip cargo built);
//! - the tree-sitter corpus and highlight tests pass (`tree-sitter test`), the committed parser is
//!   the one grammar.js generates, and every plan in examples/ parses without an error.
//!
//! The last two need node_modules in editors/vscode (`npm ci`) and the tree-sitter CLI. Without
//! them a test says `skipped: <tool> not installed` and passes, unless GRIP_REQUIRE_TOOLS is set
//! (CI sets it), when it fails.

mod common;

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use grip::lang::Lang;
use grip::syntax::keywords;

/// The tree-sitter CLI version that generated editors/tree-sitter-plan/src; CI installs it.
const TREE_SITTER_VERSION: &str = "0.27.1";
/// The ABI the committed parser is generated for (loads in tree-sitter 0.20 and later).
const TREE_SITTER_ABI: &str = "14";

fn repo() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn vscode_dir() -> PathBuf {
    repo().join("editors/vscode")
}

fn tree_sitter_dir() -> PathBuf {
    repo().join("editors/tree-sitter-plan")
}

fn read(path: &Path) -> String {
    std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// Every word of both keyword sets (English and Dutch).
fn keywords() -> BTreeSet<String> {
    keywords::words(Lang::En).into_iter().chain(keywords::words(Lang::Nl)).map(str::to_string).collect()
}

/// Says a tool is missing past the test harness's capture, so the skip shows in a passing run;
/// fails instead when GRIP_REQUIRE_TOOLS is set.
fn skip(tool: &str, hint: &str) {
    let _ =
        std::io::Write::write_all(&mut std::io::stderr(), format!("skipped: {tool} not installed{hint}\n").as_bytes());
    assert!(std::env::var_os("GRIP_REQUIRE_TOOLS").is_none(), "{tool} is required (GRIP_REQUIRE_TOOLS is set)");
}

fn run(dir: &Path, program: &str, args: &[&str]) -> Output {
    Command::new(program)
        .args(args)
        .current_dir(dir)
        .output()
        .unwrap_or_else(|e| panic!("{program} {}: {e}", args.join(" ")))
}

fn text(output: &Output) -> String {
    format!("{}{}", String::from_utf8_lossy(&output.stdout), String::from_utf8_lossy(&output.stderr))
}

/// Compares two sets of keywords and names what is missing on either side.
fn assert_same_keywords(found: &BTreeSet<String>, place: &str) {
    let expected = keywords();
    let missing: Vec<_> = expected.difference(found).collect();
    let extra: Vec<_> = found.difference(&expected).collect();
    assert!(
        missing.is_empty() && extra.is_empty(),
        "{place} does not list the keywords of grip::syntax::keywords (both languages):\n  \
         missing there: {missing:?}\n  not keywords of the language: {extra:?}"
    );
}

/// The words of a regular expression, with its escapes (`\b`, `\s`) taken out.
fn words_of_regex(regex: &str) -> Vec<String> {
    let mut plain = String::new();
    let mut chars = regex.chars();
    while let Some(c) = chars.next() {
        if c == '\\' {
            chars.next();
            plain.push(' ');
        } else {
            plain.push(c);
        }
    }
    plain.split(|c: char| !c.is_ascii_alphabetic()).filter(|w| !w.is_empty()).map(str::to_string).collect()
}

/// The keywords of the TextMate grammar: the words of the `match` patterns of its repository
/// entry `keywords`.
fn textmate_keywords() -> BTreeSet<String> {
    let path = vscode_dir().join("syntaxes/plan.tmLanguage.json");
    let grammar: serde_json::Value = serde_json::from_str(&read(&path)).expect("the TextMate grammar is JSON");
    assert_eq!(grammar["scopeName"], "source.plan");
    let patterns = grammar["repository"]["keywords"]["patterns"]
        .as_array()
        .expect("the TextMate grammar has a repository entry `keywords` with patterns");
    let mut found = BTreeSet::new();
    for pattern in patterns {
        let name = pattern["name"].as_str().expect("every keyword pattern names its scope");
        assert!(
            name.starts_with("keyword.") || name.starts_with("support.function."),
            "keyword pattern with scope {name}: keywords are keyword.* or support.function.*"
        );
        let regex = pattern["match"].as_str().expect("every keyword pattern is a `match`");
        found.extend(words_of_regex(regex));
    }
    found
}

/// The string literals between `start` and the next `end` in `source`.
fn quoted_between(source: &str, start: &str, end: &str) -> Vec<String> {
    let from = source.find(start).unwrap_or_else(|| panic!("`{start}` not found"));
    let rest = &source[from + start.len()..];
    let to = rest.find(end).unwrap_or_else(|| panic!("`{end}` not found after `{start}`"));
    rest[..to].split('\'').skip(1).step_by(2).map(str::to_string).collect()
}

#[test]
fn the_textmate_grammar_lists_every_keyword_and_only_keywords() {
    assert_same_keywords(&textmate_keywords(), "editors/vscode/syntaxes/plan.tmLanguage.json (repository.keywords)");
}

#[test]
fn the_tree_sitter_grammar_lists_every_keyword_and_only_keywords() {
    let grammar = read(&tree_sitter_dir().join("grammar.js"));
    let listed: BTreeSet<String> = quoted_between(&grammar, "const KEYWORDS = [", "];").into_iter().collect();
    assert_same_keywords(&listed, "editors/tree-sitter-plan/grammar.js (const KEYWORDS)");

    // Every keyword in the rules is written kw('...'), and is one of the list.
    let used: Vec<&str> =
        grammar.split("kw('").skip(1).map(|rest| &rest[..rest.find('\'').expect("kw('...') is closed")]).collect();
    assert!(!used.is_empty(), "grammar.js writes its keywords kw('...')");
    for word in used {
        assert!(keywords().contains(word), "grammar.js uses kw('{word}'), which is not a keyword");
    }
}

#[test]
fn the_tree_sitter_highlights_name_every_keyword() {
    let query = read(&tree_sitter_dir().join("queries/highlights.scm"));
    for keyword in keywords() {
        // `sum` is a node of its own, sum_all; every other keyword is an anonymous node.
        let named =
            if ["sum", "som"].contains(&keyword.as_str()) { "(sum_all)".to_string() } else { format!("\"{keyword}\"") };
        assert!(query.contains(&named), "queries/highlights.scm does not highlight the keyword `{keyword}`");
    }
}

#[test]
fn keyword_extraction_reads_the_patterns_as_meant() {
    assert_eq!(words_of_regex(r"\b(?:not\s+needed|needed)\b"), ["not", "needed", "needed"]);
    assert_eq!(words_of_regex(r"\b(?:by|from)\b"), ["by", "from"]);
    assert_eq!(quoted_between("x = ['a', 'b',\n 'c'];", "x = [", "];"), ["a", "b", "c"]);
}

/// Whether npm and the extension's node_modules (from `npm ci`) are there; says so when not.
fn npm_ready() -> bool {
    let npm = Command::new("npm").arg("--version").current_dir(vscode_dir()).output();
    if !npm.map(|o| o.status.success()).unwrap_or(false) {
        skip("npm", "");
        return false;
    }
    if !vscode_dir().join("node_modules/.bin/vscode-tmgrammar-test").exists() {
        skip("vscode-tmgrammar-test", " (run `npm ci` in editors/vscode)");
        return false;
    }
    true
}

#[test]
fn the_textmate_grammar_passes_its_tests() {
    if !npm_ready() {
        return;
    }
    let out = run(&vscode_dir(), "npm", &["test"]);
    let report = text(&out);
    assert!(out.status.success(), "npm test failed in editors/vscode:\n{report}");
    // Every annotated file ran.
    let files = std::fs::read_dir(vscode_dir().join("test"))
        .unwrap()
        .filter_map(|e| e.ok())
        .filter(|e| e.file_name().to_string_lossy().ends_with(".test.plan"))
        .count();
    assert!(files >= 3, "editors/vscode/test has {files} .test.plan files");
    assert_eq!(report.matches("run successfuly").count(), files, "not every grammar test ran:\n{report}");
}

/// The files a packaged extension holds (the zip's entries under `extension/`), besides the
/// manifest: the bundled client and what VS Code reads, nothing else.
const VSIX_FILES: [&str; 7] = [
    "extension/package.json",
    "extension/dist/extension.js",
    "extension/syntaxes/plan.tmLanguage.json",
    "extension/language-configuration.json",
    "extension/snippets/plan.json",
    "extension/readme.md",
    "extension/LICENSE.txt",
];

#[test]
fn the_vscode_extension_packages_as_one_bundled_file() {
    if !npm_ready() {
        return;
    }
    if !vscode_dir().join("node_modules/.bin/vsce").exists() {
        skip("vsce", " (run `npm ci` in editors/vscode)");
        return;
    }
    // `npm run package` as the README says: vsce runs `npm run build` (esbuild) first.
    let out_dir = tempfile::tempdir().unwrap();
    let vsix = out_dir.path().join("grip-plan.vsix");
    let vsix_arg = vsix.to_str().unwrap();
    let packaged = run(&vscode_dir(), "npm", &["run", "package", "--", "--out", vsix_arg]);
    assert!(packaged.status.success(), "npm run package failed:\n{}", text(&packaged));

    // A .vsix is a zip: read its entries.
    let file = std::fs::File::open(&vsix).unwrap_or_else(|e| panic!("vsce package wrote no .vsix: {e}"));
    let mut archive = zip::ZipArchive::new(file).expect("the .vsix is a zip");
    let mut entries = BTreeSet::new();
    let mut unpacked = 0u64;
    for i in 0..archive.len() {
        let entry = archive.by_index(i).unwrap();
        unpacked += entry.size();
        entries.insert(entry.name().to_string());
    }
    let listing = entries.iter().cloned().collect::<Vec<_>>().join("\n");
    for needed in VSIX_FILES {
        assert!(entries.contains(needed), "the .vsix lacks {needed}:\n{listing}");
    }
    // Only the manifest files of the zip format besides those: no node_modules, no sources,
    // no tests, no lock file.
    let others: Vec<&String> = entries
        .iter()
        .filter(|e| !VSIX_FILES.contains(&e.as_str()))
        .filter(|e| !["extension.vsixmanifest", "[Content_Types].xml"].contains(&e.as_str()))
        .collect();
    assert!(others.is_empty(), "the .vsix holds more than the bundle and what VS Code reads: {others:?}");
    assert!(unpacked < 1_000_000, "the .vsix unpacks to {unpacked} bytes:\n{listing}");

    // The packaged manifest runs the bundle.
    let mut manifest = String::new();
    std::io::Read::read_to_string(&mut archive.by_name("extension/package.json").unwrap(), &mut manifest).unwrap();
    let manifest: serde_json::Value = serde_json::from_str(&manifest).expect("the packaged package.json is JSON");
    assert_eq!(manifest["main"], "./dist/extension.js", "package.json's main is not the bundle");
    assert!(manifest.get("dependencies").is_none(), "the bundled extension has run-time dependencies");

    // And the bundle is the whole client: it loads without node_modules.
    let out = run(&vscode_dir(), "node", &["test/bundle-check.js"]);
    let report = text(&out);
    assert!(out.status.success() && report.contains("bundle-check: ok"), "{report}");
}

#[test]
fn the_extension_starts_grip_lsp_and_gets_diagnostics() {
    if !npm_ready() {
        return;
    }
    // test/lsp-smoke.js starts the server with src/server.js, as the extension does.
    let out = run(&vscode_dir(), "node", &["test/lsp-smoke.js", env!("CARGO_BIN_EXE_grip")]);
    let report = text(&out);
    assert!(
        out.status.success() && report.contains("lsp-smoke: ok"),
        "the extension cannot talk to grip lsp:\n{report}"
    );
}

/// The settings `grip lsp` reads (src/lsp/settings.rs) besides `grip.lang`: each is declared by
/// the extension (with a description and the server's default), forwarded by it (src/server.js
/// lists it; test/lsp-smoke.js, run above, sends it as the extension does and sees it applied),
/// and documented in both READMEs.
const SERVER_SETTINGS: [(&str, &str, serde_json::Value); 1] =
    [("grip.inlayHints.allTotals", "boolean", serde_json::Value::Bool(false))];

#[test]
fn the_vscode_extension_declares_and_forwards_the_servers_settings() {
    let manifest: serde_json::Value =
        serde_json::from_str(&read(&vscode_dir().join("package.json"))).expect("package.json is JSON");
    let declared = &manifest["contributes"]["configuration"]["properties"];
    let server_js = read(&vscode_dir().join("src/server.js"));
    let extension_js = read(&vscode_dir().join("src/extension.js"));
    let settings_rs = read(&repo().join("src/lsp/settings.rs"));
    let readmes = [read(&repo().join("editors/README.md")), read(&vscode_dir().join("README.md"))];
    for (key, kind, default) in SERVER_SETTINGS {
        let setting = &declared[key];
        assert_eq!(setting["type"], kind, "package.json: {key} is not a {kind}: {setting}");
        assert_eq!(setting["default"], default, "package.json: {key}'s default is not the server's");
        let description = setting["markdownDescription"].as_str().unwrap_or_default();
        assert!(description.len() > 40, "package.json: {key} has no description");
        assert!(settings_rs.contains(&format!("`{key}`")), "src/lsp/settings.rs does not read {key}");
        let (section, rest) = key.split_once('.').unwrap();
        assert!(server_js.contains(&format!("'{rest}'")), "src/server.js does not forward {key}");
        assert!(server_js.contains(&format!("const SETTINGS_SECTION = '{section}';")));
        for readme in &readmes {
            assert!(readme.contains(&format!("`{key}`")), "a README does not document {key}");
        }
    }
    // The extension sends the section on every change, and the settings in `initialize`.
    assert!(extension_js.contains("synchronize: { configurationSection: SETTINGS_SECTION }"), "{extension_js}");
    assert!(extension_js
        .contains("initializationOptions: initializationOptions(vscode.workspace.getConfiguration('grip'))"));
}

/// The version of the tree-sitter CLI on PATH; None, after saying so, when there is none.
fn tree_sitter_version() -> Option<String> {
    let out = Command::new("tree-sitter").arg("--version").output();
    match out {
        Ok(out) if out.status.success() => Some(String::from_utf8_lossy(&out.stdout).trim().to_string()),
        _ => {
            skip("tree-sitter", " (cargo install tree-sitter-cli --version 0.27.1 --locked)");
            None
        }
    }
}

#[test]
fn the_tree_sitter_grammar_passes_its_tests_and_parses_every_example() {
    // One test, so that the CLI's steps never compile the parser at the same time.
    let Some(version) = tree_sitter_version() else {
        return;
    };
    let dir = tree_sitter_dir();

    // The committed parser is what grammar.js generates (with the CLI version CI pins).
    if version.split_whitespace().nth(1) == Some(TREE_SITTER_VERSION) {
        let generated = tempfile::tempdir().unwrap();
        let out_arg = generated.path().to_str().unwrap();
        let out =
            run(&dir, "tree-sitter", &["generate", "--abi", TREE_SITTER_ABI, "--js-runtime", "native", "-o", out_arg]);
        assert!(out.status.success(), "tree-sitter generate failed:\n{}", text(&out));
        for file in ["parser.c", "grammar.json", "node-types.json"] {
            assert!(
                read(&generated.path().join(file)) == read(&dir.join("src").join(file)),
                "editors/tree-sitter-plan/src/{file} is not what grammar.js generates: run \
                 `tree-sitter generate --abi {TREE_SITTER_ABI}` in editors/tree-sitter-plan"
            );
        }
    } else {
        let _ = std::io::Write::write_all(
            &mut std::io::stderr(),
            format!("note: {version} is not {TREE_SITTER_VERSION}; src/parser.c not compared\n").as_bytes(),
        );
    }

    let out = run(&dir, "tree-sitter", &["test"]);
    let report = text(&out);
    assert!(out.status.success(), "tree-sitter test failed:\n{report}");
    assert!(report.contains("failed parses: 0"), "tree-sitter test:\n{report}");
    assert!(report.contains("assertions"), "tree-sitter test ran no highlight test:\n{report}");

    let mut examples: Vec<PathBuf> = std::fs::read_dir(repo().join("examples"))
        .unwrap()
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "plan"))
        .collect();
    examples.sort();
    assert!(!examples.is_empty(), "examples/ has no plan");
    for example in &examples {
        let out = run(&dir, "tree-sitter", &["parse", "--quiet", example.to_str().unwrap()]);
        let report = text(&out);
        assert!(
            out.status.success() && !report.contains("ERROR") && !report.contains("MISSING"),
            "tree-sitter cannot parse {} without errors:\n{report}",
            example.display()
        );
    }

    // And it does report an error where there is one.
    let bad = tempfile::Builder::new().suffix(".plan").tempfile().unwrap();
    std::fs::write(bad.path(), "plan \"P\" {\n  period 2021-2024\n}\n").unwrap();
    let out = run(&dir, "tree-sitter", &["parse", "--quiet", bad.path().to_str().unwrap()]);
    assert!(!out.status.success() && text(&out).contains("ERROR"), "a broken plan parsed:\n{}", text(&out));
}

/// The Helix configuration editors/README.md shows: editors/helix/languages.toml. Helix itself
/// is not run (it is in no registry CI installs from: not in Debian bookworm, and crates.io has
/// only placeholders of its crates), so this checks what can be checked without it: the file is
/// TOML in Helix's shape, agrees with the VS Code extension and the tree-sitter grammar, stands
/// in the README as it is, and its server command starts grip's language server.
fn helix_config() -> (String, toml_edit::DocumentMut) {
    let path = repo().join("editors/helix/languages.toml");
    let text = read(&path);
    let doc = text.parse::<toml_edit::DocumentMut>().unwrap_or_else(|e| panic!("{} is not TOML: {e}", path.display()));
    (text, doc)
}

/// The strings of a TOML array.
fn strings(item: &toml_edit::Item) -> Vec<String> {
    item.as_array().map(|a| a.iter().filter_map(|v| v.as_str().map(str::to_string)).collect()).unwrap_or_default()
}

#[test]
fn the_helix_configuration_names_the_plan_language_its_comments_and_grammar() {
    let (config, doc) = helix_config();
    let languages = doc["language"].as_array_of_tables().expect("[[language]] tables");
    let plan =
        languages.iter().find(|l| l.get("name").and_then(|n| n.as_str()) == Some("plan")).expect("a plan language");
    assert_eq!(plan["scope"].as_str(), Some("source.plan"), "the scope of the TextMate grammar");
    assert_eq!(strings(&plan["file-types"]), ["plan"]);
    assert_eq!(strings(&plan["language-servers"]), ["grip"]);

    // The comments grip reads, as the VS Code extension toggles them.
    let vscode: serde_json::Value =
        serde_json::from_str(&read(&vscode_dir().join("language-configuration.json"))).expect("JSON");
    let comment_tokens = strings(&plan["comment-tokens"]);
    assert_eq!(comment_tokens.first().map(String::as_str), vscode["comments"]["lineComment"].as_str());
    assert!(comment_tokens.iter().all(|t| ["//", "#"].contains(&t.as_str())), "{comment_tokens:?}");
    let block = plan["block-comment-tokens"].as_inline_table().expect("block-comment-tokens = { start, end }");
    assert_eq!(block.get("start").and_then(|v| v.as_str()), vscode["comments"]["blockComment"][0].as_str());
    assert_eq!(block.get("end").and_then(|v| v.as_str()), vscode["comments"]["blockComment"][1].as_str());
    // And grip reads each of them as a comment.
    let commented = "// a\n# b\n/* c */\nplan \"P\" {\n  period 2025..2026\n}\n";
    let file = tempfile::Builder::new().suffix(".plan").tempfile().unwrap();
    std::fs::write(file.path(), commented).unwrap();
    let out = Command::new(env!("CARGO_BIN_EXE_grip")).arg("check").arg(file.path()).output().unwrap();
    assert!(out.status.success(), "a plan with each comment token does not check:\n{}", text(&out));

    // The grammar is editors/tree-sitter-plan, whose parser Helix builds from src/parser.c.
    let grammar_name = plan["grammar"].as_str().expect("grammar = \"plan\"");
    let grammars = doc["grammar"].as_array_of_tables().expect("[[grammar]] tables");
    let grammar = grammars
        .iter()
        .find(|g| g.get("name").and_then(|n| n.as_str()) == Some(grammar_name))
        .expect("its [[grammar]]");
    let source = grammar["source"].as_inline_table().expect("source = { path = ... }");
    let path = source.get("path").and_then(|p| p.as_str()).expect("a local path");
    assert!(path.ends_with("/editors/tree-sitter-plan"), "the grammar's path is {path}");
    let tree_sitter_json = read(&tree_sitter_dir().join("tree-sitter.json"));
    assert!(
        tree_sitter_json.contains(&format!("\"name\": \"{grammar_name}\"")),
        "tree-sitter.json names another grammar"
    );
    assert!(tree_sitter_dir().join("src/parser.c").exists());

    // The README shows this file as it is.
    let readme = read(&repo().join("editors/README.md"));
    let body: String = config.lines().skip_while(|l| l.starts_with('#') || l.is_empty()).collect::<Vec<_>>().join("\n");
    assert!(readme.contains(&body), "editors/README.md does not show editors/helix/languages.toml as it is");
}

#[test]
fn the_helix_server_command_starts_grips_language_server() {
    let (_, doc) = helix_config();
    let server = &doc["language-server"]["grip"];
    let command = server["command"].as_str().expect("[language-server.grip] command");
    let args = strings(&server["args"]);
    // `grip` on PATH is the binary cargo built: run it with the configured arguments.
    let grip = Path::new(env!("CARGO_BIN_EXE_grip"));
    assert_eq!(Some(command), grip.file_stem().and_then(|s| s.to_str()), "the command is not grip");
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    let mut client = common::Client::spawn(grip, &args);
    let initialized = client.request("initialize", serde_json::json!({"capabilities": {}}));
    let capabilities = &initialized["capabilities"];
    assert!(!capabilities["textDocumentSync"].is_null(), "not grip's language server: {initialized}");
    assert!(
        capabilities["hoverProvider"].as_bool() == Some(true) || capabilities["hoverProvider"].is_object(),
        "{initialized}"
    );
    client.notify("initialized", serde_json::json!({}));
    client.request("shutdown", serde_json::Value::Null);
    client.notify("exit", serde_json::Value::Null);
    let mut child = client.close();
    assert!(child.wait().unwrap().success(), "`{command} {}` did not exit cleanly after shutdown", args.join(" "));
}
