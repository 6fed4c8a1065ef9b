//! The fast front end (`src/syntax/fast.rs`, with pest for what it does not accept) and pest
//! alone give the same AST, spans included, and the same problems, on every plan the project
//! has: the examples, the fixtures, the transcribed real plans, generated plans of several
//! kinds, and mutations of them. `grip check --format json` is byte for byte the same through
//! both. And the two front ends know the same keywords. Whether a file is a plan, asked by
//! reading only up to its header, is what parsing it whole says.

use grip::syntax::ast::{Document, FileId};
use grip::syntax::fast;
use grip::syntax::keywords::KEYWORDS;
use grip::syntax::parse::{parse_with, FrontEnd, PIECE_BYTES};
use std::path::{Path, PathBuf};

#[allow(dead_code)]
#[path = "../examples/gen.rs"]
mod gen;

fn generated(args: &[&str]) -> String {
    let mut buf = Vec::new();
    gen::generate(gen::options(args), &mut buf).expect("the generator writes");
    String::from_utf8(buf).expect("the generator writes UTF-8")
}

/// The generator's kinds of plan, small.
fn generated_plans() -> Vec<(String, String)> {
    let runs: &[&[&str]] = &[
        &["--measures", "300"],
        &["--measures", "300", "--minimal"],
        &["--measures", "200", "--wrong-every", "0", "--seed", "7"],
        &["--measures", "150", "--group-size", "3", "--subgroups", "2", "--years", "9", "--seed", "3"],
        &["--measures", "120", "--minimal", "--first-year", "2019", "--years", "2"],
    ];
    runs.iter().map(|args| (format!("gen {}", args.join(" ")), generated(args))).collect()
}

fn plan_files() -> Vec<PathBuf> {
    let mut out = Vec::new();
    let mut walk = vec![PathBuf::from("examples"), PathBuf::from("tests/fixtures"), PathBuf::from("tests/real")];
    while let Some(dir) = walk.pop() {
        let Ok(entries) = std::fs::read_dir(&dir) else { continue };
        for e in entries.flatten() {
            let p = e.path();
            if p.is_dir() {
                walk.push(p);
            } else if p.extension().is_some_and(|x| x == "plan") {
                out.push(p);
            }
        }
    }
    out.extend(std::fs::read_dir("fuzz/artifacts").into_iter().flatten().flatten().flat_map(|d| {
        std::fs::read_dir(d.path()).into_iter().flatten().flatten().map(|f| f.path()).collect::<Vec<_>>()
    }));
    out.sort();
    assert!(out.len() > 100, "the plans of the project are found ({})", out.len());
    out
}

fn json(doc: &Document) -> String {
    serde_json::to_string(doc).expect("a document serializes")
}

/// Both front ends on `text`, cut in pieces of `piece_bytes`: the same document and problems.
fn agree(name: &str, text: &str, piece_bytes: usize) {
    let file = FileId(0);
    let (fast_doc, fast_problems) = parse_with(file, text, piece_bytes, FrontEnd::Fast);
    let (pest_doc, pest_problems) = parse_with(file, text, piece_bytes, FrontEnd::Pest);
    assert_eq!(fast_problems, pest_problems, "{name} (pieces of {piece_bytes}): the problems differ");
    // `grip check FILE` asks whether a file is a plan by reading only up to its header; parsing
    // gives up on a block left open after it, and then says nothing of the header.
    let gave_up = pest_doc.items.is_empty() && !pest_problems.is_empty();
    let header = pest_doc.items.iter().any(|i| matches!(i, grip::syntax::ast::Item::Header(_)));
    if !gave_up {
        assert_eq!(grip::syntax::declares_plan(text), header, "{name}: declares_plan disagrees with parsing");
    }
    let (a, b) = (json(&fast_doc), json(&pest_doc));
    if a != b {
        let at = a.bytes().zip(b.bytes()).position(|(x, y)| x != y).unwrap_or(a.len().min(b.len()));
        let from = at.saturating_sub(300);
        panic!(
            "{name} (pieces of {piece_bytes}): the documents differ at byte {at}\n--- fast ---\n{}\n--- pest ---\n{}",
            &a[from..(at + 300).min(a.len())],
            &b[from..(at + 300).min(b.len())]
        );
    }
}

fn agree_all_cuts(name: &str, text: &str) {
    for piece_bytes in [PIECE_BYTES, 64, 1] {
        agree(name, text, piece_bytes);
    }
}

#[test]
fn every_plan_of_the_project_parses_the_same_through_both_front_ends() {
    for path in plan_files() {
        let Ok(text) = std::fs::read_to_string(&path) else { continue };
        agree_all_cuts(&path.display().to_string(), &text);
    }
}

#[test]
fn generated_plans_parse_the_same_through_both_front_ends() {
    for (name, text) in generated_plans() {
        agree_all_cuts(&name, &text);
    }
}

/// The point of the fast front end: it reads the generated plans (pieces of every size) itself,
/// their tables included, without handing a piece or a table back.
#[test]
fn the_fast_front_end_reads_generated_plans_itself() {
    for (name, text) in generated_plans() {
        let language = grip::syntax::keywords::detect(&text);
        assert!(fast::parse_piece(FileId(0), &text, 0, language).is_some(), "{name}: not read by the fast front end");
        let mut tables = 0;
        for (at, _) in text.match_indices("table ") {
            if !text[..at].ends_with("\n  ") && !text[..at].ends_with("\n    ") && !text[..at].ends_with('\n') {
                continue;
            }
            tables += 1;
            let line = text[..at].lines().count();
            assert!(
                fast::plain_table_at(FileId(0), &text, at, language).is_some(),
                "{name}: table at line {line} handed to pest"
            );
        }
        assert!(tables > 0 || name.contains("minimal"), "{name}: has tables");
    }
    // (Leudal's plan counts `cliënten`, a unit beyond ASCII: that piece is pest's.)
    for path in ["examples/noordoostpolder.plan", "examples/starter.plan"] {
        let text = std::fs::read_to_string(path).expect("example exists");
        let language = grip::syntax::keywords::detect(&text);
        if let Err(at) = fast::read_piece(FileId(0), &text, 0, language) {
            let line = text[..at].lines().count();
            panic!("{path}: not read by the fast front end (line {line}: {:?})", &text[at..(at + 40).min(text.len())]);
        }
    }
}

/// Small changes to the plans (a byte dropped, doubled or replaced, a line repeated or
/// dropped) give the same through both, errors and all: a cheap, deterministic version of
/// the `front_ends` fuzz target.
#[test]
fn mutated_plans_parse_the_same_through_both_front_ends() {
    let mut texts: Vec<(String, String)> = generated_plans().into_iter().take(2).collect();
    for path in ["examples/noordoostpolder.plan", "examples/leudal.plan", "examples/starter.plan"] {
        texts.push((path.to_string(), std::fs::read_to_string(path).expect("example exists")));
    }
    let replacements: &[&str] = &[
        "",
        "}",
        "{",
        "\"",
        ",",
        ":",
        " ",
        "\n",
        "0",
        ".",
        "-",
        "€",
        "//",
        "/*",
        "%",
        "in",
        "from",
        "vanaf",
        "P.M.",
        "saving",
        "besparing",
        "kosten",
        "by",
        "not",
        "needed",
        "\u{a0}",
        "\"\"\"",
        "“",
        "2021",
        "..",
        "fte",
    ];
    let mut state = 0x2545_f491_4f6c_dd1du64;
    let mut next = |n: usize| {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        (state % n as u64) as usize
    };
    for (name, text) in &texts {
        let text = &text[..text.len().min(6_000)];
        let text = &text[..text.rfind('}').map_or(0, |i| i + 1)];
        for round in 0..120 {
            let mut at = next(text.len().max(1));
            while !text.is_char_boundary(at) {
                at -= 1;
            }
            let mut end = (at + next(4)).min(text.len());
            while !text.is_char_boundary(end) {
                end += 1;
            }
            let with = replacements[next(replacements.len())];
            let mutated = format!("{}{with}{}", &text[..at], &text[end..]);
            agree(&format!("{name}, mutation {round} ({at}..{end} → {with:?})"), &mutated, 64);
        }
    }
}

/// `grip check --format json` writes the same bytes, and exits the same, whichever front end
/// reads the plan.
#[test]
fn grip_check_json_is_byte_identical_through_both_front_ends() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut paths: Vec<PathBuf> = plan_files().into_iter().filter(|p| !p.starts_with("fuzz")).collect();
    for (i, (_, text)) in generated_plans().into_iter().enumerate() {
        let p = dir.path().join(format!("gen{i}.plan"));
        std::fs::write(&p, text).expect("write plan");
        paths.push(p);
    }
    let run = |path: &Path, front: &str| {
        let out = assert_cmd::Command::cargo_bin("grip")
            .expect("grip is built")
            .env("GRIP_FRONT_END", front)
            .args(["check", "--format", "json"])
            .arg(path)
            .output()
            .expect("grip runs");
        (out.status.code(), out.stdout, out.stderr)
    };
    for path in paths {
        let fast = run(&path, "fast");
        let pest = run(&path, "pest");
        assert!(fast == pest, "{}: grip check --format json differs between the front ends", path.display());
    }
}

/// Every keyword of the table is either read by the fast front end or left to pest, and the
/// fast front end's own list holds only keywords of the table (and so of the grammar: the
/// table is kept equal to it by `keywords::tests`).
#[test]
fn both_front_ends_know_the_same_keywords() {
    for k in KEYWORDS {
        let handled = fast::HANDLED.contains(&k.rule);
        let pest_only = fast::PEST_ONLY.contains(&k.rule);
        assert!(
            handled != pest_only,
            "{:?} ({} / {}) must be in exactly one of fast::HANDLED and fast::PEST_ONLY",
            k.rule,
            k.en,
            k.nl
        );
    }
    for rule in fast::HANDLED.iter().chain(fast::PEST_ONLY) {
        assert!(KEYWORDS.iter().any(|k| k.rule == *rule), "{rule:?} is not a keyword of the grammar");
    }
}

/// Each keyword the fast front end reads, in each language, in a plan that it reads itself
/// and that pest reads the same.
#[test]
fn every_keyword_the_fast_front_end_reads_agrees_in_both_languages() {
    use grip::lang::Lang;
    let template = "\
{kw_plan} \"P\" {
  {kw_municipality} \"M\"
  {kw_adopted} 2020-06-30
  {kw_period} 2021..2024
  {kw_currency} EUR
  {kw_tolerance} € 1
  {kw_tolerance} 0,1 {kw_fte}
  {kw_description} \"Het plan.\"
}

{kw_text} \"Inleiding\"

{kw_group} A \"Deel A\" {
  {kw_target} € 10.000 {kw_by} 2024
  {kw_description} \"\"\"
    Twee
    regels.
  \"\"\"
  {kw_text} \"tekst\"
  {kw_measure} A.1 \"Een\" {
    {kw_budget} € 100.000
    {kw_saving} € 5.000 {kw_from} 2022  // structureel
    {kw_cost} € 1.000 {kw_in} 2021
    {kw_saving} 2021: € 1, 2022: P.M.
    {kw_share} 5% {kw_of} {kw_budget}
    {kw_range} € 4.000 .. € 6.000
    {kw_category} beleidskeuze
    {kw_owner} \"Wmo\"
    {kw_start} 2021-01-01
    {kw_end} 2024-12
    {kw_decision} {kw_needed} {kw_in} \"de raad\" {kw_planned} 2021-Q2
    {kw_status} \"loopt\"
    {kw_taakveld} 6.3, 6.72a
    {kw_related} A.2
    {kw_indicator} \"cliënten\" 40 dossiers
    {kw_indicator} \"uren\" 12 {kw_hours}
  }
  {kw_measure} A.2 \"Twee\" {
    {kw_decision} {kw_not_needed}
  }
  {kw_table} T \"Tabel\" {kw_as} {kw_forecast} {
    {kw_columns} 2021..2022
    {kw_total} s \"S\" = {kw_sum} {kw_below} : 2 2
    {kw_row} a \"A\" {kw_as} {kw_actual} : 1 P.M.
    {kw_row} b \"B\" {kw_as} {kw_deficit} : 1 -
    {kw_row} r \"R\" dossiers {kw_as} {kw_revenue} : 1 2
    {kw_row} f \"F\" {kw_fte} {kw_as} {kw_staffing} {kw_taakveld} 6.3, 6.4 : 0,5 -
    {kw_total} c \"C\" = {kw_sum} : 3 4
    {kw_total} d \"D\" = {kw_savings}(A) - {kw_costs}(A) + {kw_cumulative}(a) - {kw_previous}(a + (b - r)) : 1 2
  }
  {kw_total} {kw_saving} 2021: € 1, 2022: € 5.000
}

{kw_total} {kw_cost} € 1.000 {kw_in} 2021
";
    for lang in Lang::ALL {
        let mut text = template.to_string();
        for rule in fast::HANDLED {
            let k = KEYWORDS.iter().find(|k| k.rule == *rule).expect("a keyword of the table");
            let placeholder = format!("{{{rule:?}}}");
            assert!(text.contains(&placeholder), "the template uses {rule:?}");
            text = text.replace(&placeholder, k.word(lang));
        }
        let language = grip::syntax::keywords::detect(&text);
        assert!(
            fast::parse_piece(FileId(0), &text, 0, language).is_some(),
            "the fast front end reads the {lang:?} plan:\n{text}"
        );
        let table =
            text.find("  {kw_table}".replace("{kw_table}", if lang == Lang::Nl { "tabel" } else { "table" }).as_str());
        let at = table.expect("the template has a table") + 2;
        assert!(
            fast::plain_table_at(FileId(0), &text, at, language).is_some(),
            "the fast front end reads the {lang:?} table itself"
        );
        agree_all_cuts(&format!("keywords in {lang:?}"), &text);
        let (_, problems) = parse_with(FileId(0), &text, PIECE_BYTES, FrontEnd::Pest);
        assert!(problems.is_empty(), "{lang:?}: {problems:?}");
    }
}

/// A file with a plan header is a plan even when a block after the header is left open (parsing
/// it whole gives up and shows no items), and a file of measures alone is not, whatever follows.
#[test]
fn a_plan_is_known_by_its_header_alone() {
    let plan = "plan \"P\" {\n  period 2024..2025\n}\n\nmeasure m \"M\" {\n  saving € 1 in 2024\n";
    assert!(grip::syntax::declares_plan(plan));
    let part = "measure m \"M\" {\n  saving € 1 in 2024\n}\n\nmeasure n \"N\" {\n";
    assert!(!grip::syntax::declares_plan(part));
    assert!(!grip::syntax::declares_plan(""));
    assert!(!grip::syntax::declares_plan("# plan \"P\" { }\ninclude \"a.plan\"\n"));
}
