//! `grip fmt`: idempotent, meaning-preserving, lossless for comments; CRLF and BOM kept; a
//! plan with syntax errors is never rewritten; files are replaced atomically.

use assert_cmd::Command;
use grip::fmt::format_source;
use grip::syntax::ast::FileId;
use grip::syntax::parse;
use predicates::prelude::*;
use proptest::prelude::*;
use serde_json::Value;

/// The meaning of a plan: its AST without source positions. A figure grip cannot read is kept
/// as written by fmt, and is part of the meaning as unreadable.
fn meaning(text: &str) -> Value {
    let (doc, diags) = parse(FileId(0), &text.trim_start_matches('\u{feff}').replace("\r\n", "\n"));
    let other: Vec<String> =
        // An unreadable figure is kept as written; a keyword of the other language is what fmt
        // corrects.
        diags
            .iter()
            .filter(|d| !["grip::number_notation", "grip::mixed_keywords"].contains(&d.code()))
            .map(|d| d.message_in(grip::lang::Lang::En))
            .collect();
    assert!(other.is_empty(), "{other:?}");
    strip_spans(serde_json::to_value(doc).unwrap())
}

fn strip_spans(v: Value) -> Value {
    match v {
        Value::Object(map) => {
            let keys: Vec<&String> = map.keys().collect();
            if keys.len() == 3 && map.contains_key("file") && map.contains_key("start") && map.contains_key("end") {
                return Value::Null;
            }
            Value::Object(map.into_iter().map(|(k, v)| (k, strip_spans(v))).collect())
        }
        Value::Array(items) => Value::Array(items.into_iter().map(strip_spans).collect()),
        other => other,
    }
}

/// Every comment's text, sorted.
fn comments(text: &str) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    let mut in_triple = false;
    for line in text.lines() {
        if line.matches("\"\"\"").count() % 2 == 1 {
            in_triple = !in_triple;
            continue;
        }
        if in_triple {
            continue;
        }
        // Comments in these tests never follow a `"` on their line except after a string.
        let mut quote = false;
        for (i, c) in line.char_indices() {
            match c {
                '"' => quote = !quote,
                '/' if !quote && line[i..].starts_with("//") => {
                    out.push(line[i..].trim_end().to_string());
                    break;
                }
                '#' if !quote => {
                    out.push(line[i..].trim_end().to_string());
                    break;
                }
                _ => {}
            }
        }
    }
    out.sort();
    out
}

fn assert_formats_well(text: &str) {
    let once = format_source(text).expect("the plan parses");
    let twice = format_source(&once).expect("formatted text parses");
    assert_eq!(once, twice, "fmt is not idempotent");
    assert_eq!(meaning(text), meaning(&once), "fmt changed the meaning");
    assert_eq!(comments(text), comments(&once), "fmt lost or changed a comment");
}

#[test]
fn every_example_and_fixture_that_parses_formats_well() {
    let mut n = 0;
    for dir in ["examples", "tests/fixtures", "tests/real"] {
        for entry in std::fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            if path.extension().is_some_and(|e| e == "plan") {
                let text = std::fs::read_to_string(&path).unwrap();
                if format_source(&text).is_ok() {
                    assert_formats_well(&text);
                    n += 1;
                }
            }
        }
    }
    assert!(n > 20, "only {n} plans were formatted");
}

#[test]
fn the_examples_are_in_canonical_layout() {
    for name in ["examples/leudal.plan", "examples/noordoostpolder.plan", "examples/starter.plan"] {
        let text = std::fs::read_to_string(name).unwrap();
        assert_eq!(format_source(&text).unwrap(), text, "{name} is not formatted; run grip fmt examples/");
    }
}

#[test]
fn layout_is_normalised() {
    let messy = "// kop\nplan   \"P\"{period 2021..2024\ntolerance €1}\n\n\n\nmeasure A.1 \"a\" {  saving   €  1_171_494 from 2022 // structureel\n budget € 2.000.000 share 20 % of budget}\n";
    insta::assert_snapshot!(format_source(messy).unwrap(), @r#"
    // kop
    plan "P" {
      period 2021..2024
      tolerance € 1
    }

    measure A.1 "a" {
      saving € 1.171.494 from 2022  // structureel
      budget € 2.000.000
      share 20% of budget
    }
    "#);
}

#[test]
fn tables_are_aligned() {
    let text = "table T \"t\" in fte {\n  columns 2021..2023\n  row a \"Formatie\" : 2,1 1,8 -0,4\n  row bb \"Projectformatie\" : 0,8 - 10,25\n  total t \"Totaal\" = a + bb : 2,9 1,8 9,85\n}\n";
    insta::assert_snapshot!(format_source(text).unwrap(), @r#"
    table T "t" in fte {
      columns 2021..2023
      row a "Formatie"             :     2,1      1,8     -0,4
      row bb "Projectformatie"     :     0,8        -    10,25
      total t "Totaal" = a + bb    :     2,9      1,8     9,85
    }
    "#);
}

#[test]
fn crlf_and_a_bom_are_kept() {
    let text = "\u{feff}plan \"P\" {\r\n    period 2021..2024\r\n}\r\n";
    let out = format_source(text).unwrap();
    assert!(out.starts_with('\u{feff}'));
    assert_eq!(out.matches("\r\n").count(), out.matches('\n').count());
    assert_eq!(out, "\u{feff}plan \"P\" {\r\n  period 2021..2024\r\n}\r\n");
}

#[test]
fn a_plan_with_syntax_errors_is_not_formatted() {
    assert!(format_source("measure A \"a\" {\n  saving € 1.000 form 2022\n}\n").is_err());
    assert!(format_source("measure A \"a\" {\n  owner \"x\"\n  owner \"y\"\n}\n").is_err());
}

/// A figure copied from a document that grip cannot read (`1.27`, a real slip) stays exactly as
/// written: the plan around it is formatted, and `check` reports the figure.
#[test]
fn an_unreadable_figure_is_kept_as_written() {
    let text = "measure A \"a\" {\nsaving € 1.27 from 2022\n}\ntable T \"t\" {\ncolumns 2021, 2022\nrow a \"A\" : 0.800 1.000\n}\n";
    assert_eq!(
        format_source(text).unwrap(),
        "measure A \"a\" {\n  saving € 1.27 from 2022\n}\ntable T \"t\" {\n  columns 2021, 2022\n  row a \"A\"    :       0.800        1.000\n}\n"
    );
}

fn grip() -> Command {
    Command::cargo_bin("grip").unwrap()
}

#[test]
fn fmt_rewrites_in_place_and_check_shows_a_diff() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("p.plan");
    std::fs::write(&path, "measure A \"a\" {\nsaving € 1000 from 2022\n}\n").unwrap();
    grip()
        .args(["fmt", "--check"])
        .arg(&path)
        .assert()
        .code(1)
        .stdout(predicate::str::contains("-saving € 1000 from 2022"))
        .stdout(predicate::str::contains("+  saving € 1.000 from 2022"));
    // --check changed nothing.
    assert_eq!(std::fs::read_to_string(&path).unwrap(), "measure A \"a\" {\nsaving € 1000 from 2022\n}\n");
    grip().arg("fmt").arg(&path).assert().code(0);
    assert_eq!(std::fs::read_to_string(&path).unwrap(), "measure A \"a\" {\n  saving € 1.000 from 2022\n}\n");
    grip().args(["fmt", "--check"]).arg(&path).assert().code(0);
    // No temporary file is left behind.
    assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 1);
}

#[test]
fn fmt_leaves_a_broken_plan_alone() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("p.plan");
    let broken = "measure A \"a\" {\nsaving € 1.171.494 form 2022\n}\n";
    std::fs::write(&path, broken).unwrap();
    grip()
        .args(["fmt", "--color", "never"])
        .arg(&path)
        .assert()
        .code(1)
        .stderr(predicate::str::contains("grip::syntax"))
        .stderr(predicate::str::contains("was not formatted"));
    assert_eq!(std::fs::read_to_string(&path).unwrap(), broken);
}

#[test]
fn fmt_reads_stdin_and_writes_stdout() {
    grip()
        .args(["fmt", "-"])
        .write_stdin("measure A \"a\" {\nbudget €5000\n}\n")
        .assert()
        .code(0)
        .stdout("measure A \"a\" {\n  budget € 5.000\n}\n");
}

// ---- generated plans ----------------------------------------------------------------------

fn ws() -> impl Strategy<Value = String> {
    prop_oneof![Just(" ".to_string()), Just("  ".to_string()), Just("\t".to_string()), Just(" \n ".to_string())]
}

fn amount() -> impl Strategy<Value = String> {
    prop_oneof![
        (0u64..10_000_000).prop_map(|n| format!("€ {n}")),
        (0u64..10_000_000).prop_map(|n| format!("€ {}", grip::syntax::number::group_thousands(&n.to_string()))),
        (0u64..10_000_000).prop_map(|n| format!("€{n}")),
        (0u32..1000, 0u32..100).prop_map(|(a, b)| format!("{a},{b} fte")),
        Just("P.M.".to_string()),
        (0u32..100).prop_map(|p| format!("{p}%")),
    ]
}

fn comment() -> impl Strategy<Value = String> {
    prop_oneof![
        Just(String::new()),
        "[a-z ]{0,12}".prop_map(|t| format!(" // {t}")),
        "[a-z]{0,6}".prop_map(|t| format!(" # {t}")),
    ]
}

fn measure() -> impl Strategy<Value = String> {
    (
        "[a-z][a-z0-9]{0,3}",
        prop::collection::vec(
            (
                prop_oneof![Just("saving"), Just("cost"), Just("budget")],
                amount(),
                prop_oneof![
                    Just(String::new()),
                    (2021u16..2025).prop_map(|y| format!(" from {y}")),
                    (2021u16..2025).prop_map(|y| format!(" in {y}"))
                ],
                comment(),
                ws(),
            ),
            0..5,
        ),
        prop::bool::ANY,
    )
        .prop_map(|(id, lines, blank)| {
            let mut s = format!("measure {id} \"Titel {id}\" {{\n");
            let mut budget = false;
            for (kw, amt, years, c, w) in lines {
                if kw == "budget" {
                    if budget {
                        continue;
                    }
                    budget = true;
                    s.push_str(&format!("{w}budget{w}{amt}{c}\n"));
                } else {
                    s.push_str(&format!("{w}{kw} {amt}{years}{c}\n"));
                }
                if blank {
                    s.push('\n');
                }
            }
            s.push_str("}\n");
            s
        })
}

fn table() -> impl Strategy<Value = String> {
    (
        1usize..4,
        prop::collection::vec(
            (
                prop::collection::vec(
                    prop_oneof![
                        Just("-".to_string()),
                        Just("p.m.".to_string()),
                        (-5000i64..5000).prop_map(|n| n.to_string())
                    ],
                    3,
                ),
                comment(),
            ),
            1..4,
        ),
    )
        .prop_map(|(_, rows)| {
            let mut s = String::from("table T \"t\" {\n columns 2021..2023\n");
            for (i, (cells, c)) in rows.iter().enumerate() {
                s.push_str(&format!("row r{i} \"Regel {i}\" : {}{c}\n", cells.join(" ")));
            }
            let names: Vec<String> = (0..rows.len()).map(|i| format!("r{i}")).collect();
            s.push_str(&format!("total t \"Totaal\" = {} : 0 0 0\n}}\n", names.join(" + ")));
            s
        })
}

fn plan() -> impl Strategy<Value = String> {
    (comment(), prop::collection::vec(measure(), 0..4), prop::option::of(table()), prop::bool::ANY).prop_map(
        |(c, measures, table, grouped)| {
            let mut s = format!("plan \"Gen\" {{ period 2021..2024{c}\n}}\n\n");
            let mut seen = std::collections::HashSet::new();
            let body: String =
                measures.into_iter().filter(|m| seen.insert(m.lines().next().unwrap_or("").to_string())).collect();
            if grouped {
                s.push_str(&format!("group G \"Groep\" {{\n{body}}}\n"));
            } else {
                s.push_str(&body);
            }
            if let Some(t) = table {
                s.push_str(&t);
            }
            s
        },
    )
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]
    #[test]
    fn generated_plans_format_well(text in plan()) {
        if format_source(&text).is_ok() {
            assert_formats_well(&text);
        }
    }
}

/// Every input the fmt fuzzer ever crashed on (`fuzz/artifacts/fmt/`) keeps the fuzzer's
/// property: when it formats, the result parses without problems and formats to itself.
#[test]
fn fuzzer_crashes_stay_fixed() {
    let mut n = 0;
    for entry in std::fs::read_dir("fuzz/artifacts/fmt").unwrap() {
        let path = entry.unwrap().path();
        let bytes = std::fs::read(&path).unwrap();
        let Ok(text) = std::str::from_utf8(&bytes) else { continue };
        n += 1;
        let Ok(once) = format_source(text) else { continue };
        let (_, problems) = parse(FileId(0), &once);
        assert!(problems.is_empty(), "{}: the formatted text does not parse:\n{once}", path.display());
        assert_eq!(format_source(&once).ok().as_deref(), Some(once.as_str()), "{}: not idempotent", path.display());
    }
    assert!(n >= 3, "only {n} fuzzer inputs found");
}

/// What a plan means, as the `fmt_meaning` fuzzer compares it: its problems (code and message,
/// whatever their positions; a keyword of the other language is what fmt corrects) and its
/// evaluation.
fn problems_and_evaluation(text: &str) -> (Vec<(String, String)>, String) {
    let checked = grip::api::check_text("f.plan", None, text.to_string());
    let mut problems: Vec<(String, String)> = checked
        .diagnostics
        .iter()
        .filter(|d| d.code() != "grip::mixed_keywords")
        .map(|d| (d.code().to_string(), d.message_in(grip::lang::Lang::En)))
        .collect();
    problems.sort();
    let e = grip::eval::evaluate(&checked.model);
    let all: Vec<usize> = (0..e.years.len()).collect();
    (problems, grip::eval::to_json(&e, &all, grip::lang::Lang::En))
}

/// Every input the `fmt_meaning` fuzzer ever found (`fuzz/artifacts/fmt_meaning/`): when it
/// formats, the formatted text means the same.
#[test]
fn meaning_fuzzer_finds_stay_fixed() {
    let mut n = 0;
    for entry in std::fs::read_dir("fuzz/artifacts/fmt_meaning").unwrap() {
        let path = entry.unwrap().path();
        let bytes = std::fs::read(&path).unwrap();
        let Ok(text) = std::str::from_utf8(&bytes) else { continue };
        n += 1;
        let Ok(once) = format_source(text) else { continue };
        assert_eq!(problems_and_evaluation(text), problems_and_evaluation(&once), "{}", path.display());
    }
    assert!(n >= 1, "no fuzzer inputs found");
}

#[test]
fn a_reversed_or_runaway_column_span_is_refused_not_rewritten() {
    for span in ["2024..2021", "2021..2924"] {
        let text = format!(
            "plan \"P\" {{\n  period 2021..2024\n}}\n\ntable K \"K\" {{\n  columns {span}\n  row a \"A\" : 1\n}}\n"
        );
        let problems = format_source(&text).expect_err("fmt must refuse the span");
        assert_eq!(problems.len(), 1, "{problems:?}");
    }
}

/// A one-figure change is a one-line diff after `grip fmt`, even when the figure gets a digit
/// wider: table columns are wide enough for the figures of their kind, so the other rows stay
/// as they are. Tried on the first figure of every table of every example and real document.
#[test]
fn a_figure_that_grows_changes_one_line() {
    let mut tried = 0;
    for dir in ["examples", "tests/real"] {
        for entry in std::fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            if path.extension().is_none_or(|e| e != "plan") {
                continue;
            }
            let Ok(formatted) = format_source(&std::fs::read_to_string(&path).unwrap()) else { continue };
            let (doc, _) = parse(FileId(0), &formatted);
            let mut tables = Vec::new();
            let mut items: Vec<&grip::syntax::ast::Item> = doc.items.iter().collect();
            while let Some(item) = items.pop() {
                match item {
                    grip::syntax::ast::Item::Table(t) => tables.push(t),
                    grip::syntax::ast::Item::Group(g) => items.extend(g.items.iter()),
                    _ => {}
                }
            }
            for t in tables {
                let Some(cell) = t.rows.iter().flat_map(|r| r.cells.iter()).find(|c| {
                    matches!(c.value, grip::syntax::ast::CellValue::Number(v) if v.scale() == 0 && !v.is_zero() && v.abs() < rust_decimal::Decimal::from(10_000_000))
                }) else {
                    continue;
                };
                let grip::syntax::ast::CellValue::Number(v) = cell.value else { continue };
                // A figure with a V or N mark is printed without its sign, and keeps its mark.
                let wider = match cell.mark {
                    Some(mark) => {
                        format!(
                            "{} {}",
                            grip::syntax::number::format_dutch(v.abs() * rust_decimal::Decimal::TEN),
                            mark.letter()
                        )
                    }
                    None => grip::syntax::number::format_dutch(v * rust_decimal::Decimal::TEN),
                };
                let changed = format!("{}{wider}{}", &formatted[..cell.span.start], &formatted[cell.span.end..]);
                let reformatted = format_source(&changed).expect("the changed plan formats");
                let differing = formatted.lines().zip(reformatted.lines()).filter(|(a, b)| a != b).count()
                    + formatted.lines().count().abs_diff(reformatted.lines().count());
                assert_eq!(
                    differing,
                    1,
                    "{}: changing {} to {wider} in table {} changed {differing} lines",
                    path.display(),
                    &formatted[cell.span.start..cell.span.end],
                    t.id.value
                );
                tried += 1;
            }
        }
    }
    assert!(tried > 35, "only {tried} tables tried");
}

#[test]
fn comments_stay_where_they_were() {
    let text = "plan \"U\" { /* inline */ period 2025..2028 }\nmeasure A \"a\" {\n  saving € 1 /* was 2 */ from 2026\n  /* note */ budget € 10 // end\n}\n";
    insta::assert_snapshot!(format_source(text).unwrap(), @r#"
    plan "U" {  /* inline */
      period 2025..2028
    }
    measure A "a" {
      saving € 1 from 2026    /* was 2 */
      /* note */ budget € 10  // end
    }
    "#);
}

// ---------------------------------------------------------------------------------------------
// fmt's write path (the defects of the adversarial run, by name).
// ---------------------------------------------------------------------------------------------

const UNFORMATTED: &str = "measure A \"a\" {\nsaving € 1000 from 2022\n}\n";
const FORMATTED: &str = "measure A \"a\" {\n  saving € 1.000 from 2022\n}\n";

/// Temporary files of a run killed with -9 stayed behind; the next run removes them.
#[cfg(unix)]
#[test]
fn temporary_files_of_a_killed_run_are_removed_next_time() {
    let dir = tempfile::tempdir().unwrap();
    let stale = dir.path().join(".grip-tmp-4194303-abc123.tmp");
    std::fs::write(&stale, "half a plan").unwrap();
    std::fs::write(dir.path().join("p.plan"), UNFORMATTED).unwrap();
    grip().arg("fmt").arg(dir.path().join("p.plan")).assert().code(0);
    assert!(!stale.exists(), "the stale temporary file is still there");
    assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 1);
}

/// A symbolic link was replaced by a regular file and its target left unformatted.
#[cfg(unix)]
#[test]
fn a_symbolic_link_stays_a_link_and_its_target_is_formatted() {
    let dir = tempfile::tempdir().unwrap();
    let target = dir.path().join("echt.plan");
    let link = dir.path().join("link.plan");
    std::fs::write(&target, UNFORMATTED).unwrap();
    std::os::unix::fs::symlink("echt.plan", &link).unwrap();
    grip().arg("fmt").arg(&link).assert().code(0);
    assert!(std::fs::symlink_metadata(&link).unwrap().file_type().is_symlink());
    assert_eq!(std::fs::read_to_string(&target).unwrap(), FORMATTED);
}

/// A read-only file was rewritten; a hard-linked file was split from its other names.
#[cfg(unix)]
#[test]
fn read_only_and_hard_linked_files_are_left_alone_with_a_message() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    let ro = dir.path().join("ro.plan");
    std::fs::write(&ro, UNFORMATTED).unwrap();
    std::fs::set_permissions(&ro, std::fs::Permissions::from_mode(0o444)).unwrap();
    grip().arg("fmt").arg(&ro).assert().code(2).stderr(predicate::str::contains("ro.plan is read-only"));
    assert_eq!(std::fs::read_to_string(&ro).unwrap(), UNFORMATTED);
    let a = dir.path().join("a.plan");
    std::fs::write(&a, UNFORMATTED).unwrap();
    std::fs::hard_link(&a, dir.path().join("b.plan")).unwrap();
    grip().arg("fmt").arg(&a).assert().code(2).stderr(predicate::str::contains("has 2 hard links"));
    assert_eq!(std::fs::read_to_string(dir.path().join("b.plan")).unwrap(), UNFORMATTED);
}

/// An edit saved while fmt ran was silently lost: the file is not replaced when it changed
/// since it was read.
#[test]
fn an_edit_saved_meanwhile_is_not_overwritten() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("p.plan");
    std::fs::write(&path, UNFORMATTED).unwrap();
    let read = grip::api::Snapshot::of(&path);
    std::thread::sleep(std::time::Duration::from_millis(20));
    std::fs::write(&path, "measure A \"a\" {\nsaving € 2000 from 2022\n}\n// an edit\n").unwrap();
    let err = grip::api::write_atomically_checked(&path, FORMATTED, read.as_ref()).unwrap_err();
    assert!(err.to_string().contains("changed while grip was formatting it"), "{err}");
    assert!(std::fs::read_to_string(&path).unwrap().contains("// an edit"));
}
