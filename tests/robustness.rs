//! Inputs that must give a clear error or a correct result, never a panic or a hang.

use grip::api;
use grip::eval::evaluate;

fn codes(text: &str) -> Vec<&'static str> {
    let checked = api::check_text("t.plan", None, text.to_string());
    // Evaluating must not panic either.
    let _ = evaluate(&checked.model);
    checked.diagnostics.iter().map(|d| d.code()).collect()
}

#[test]
fn groups_nested_100000_deep_are_refused_not_overflowed() {
    let mut text = String::from("plan \"x\" {\n  period 2021..2024\n}\n");
    text.push_str(&"group G \"g\" {\n".repeat(100_000));
    text.push_str(&"}\n".repeat(100_000));
    assert_eq!(codes(&text), ["grip::nested_too_deeply"]);
}

#[test]
fn unclosed_braces_100000_deep_are_refused() {
    assert_eq!(codes(&"{".repeat(100_000)), ["grip::nested_too_deeply"]);
}

#[test]
fn parentheses_100000_deep_are_refused() {
    let text = format!(
        "table T \"t\" {{\n  columns 2021\n  row a \"a\" : 1\n  total b \"b\" = {}a{} : 1\n}}\n",
        "(".repeat(100_000),
        ")".repeat(100_000)
    );
    assert_eq!(codes(&text), ["grip::nested_too_deeply"]);
}

#[test]
fn an_empty_file_is_an_empty_plan() {
    assert!(codes("").is_empty());
    assert!(codes("\u{feff}").is_empty());
    assert!(codes("   \n\t\n").is_empty());
}

#[test]
fn a_nul_byte_is_a_syntax_error() {
    assert_eq!(codes("plan \"x\" {\n  period 2021..2024\n}\n\0\n"), ["grip::syntax"]);
}

#[test]
fn a_number_too_large_for_a_decimal_is_an_error() {
    let text = "plan \"x\" {\n  period 2021..2024\n}\nmeasure A \"a\" {\n  saving € 99999999999999999999999999999999 from 2022\n}\n";
    assert_eq!(codes(text), ["grip::number_notation"]);
}

#[test]
fn sums_that_overflow_a_decimal_do_not_panic() {
    let big = "999.999.999.999.999";
    let text = format!(
        "plan \"x\" {{\n  period 2021..2024\n}}\ngroup A \"a\" {{\n  measure A.1 \"a\" {{\n    saving € {big} from 2022\n  }}\n  measure A.2 \"b\" {{\n    saving € {big} from 2022\n  }}\n  total saving € 1\n}}\n"
    );
    let _ = codes(&text);
}

#[test]
fn a_period_of_10000_years_is_evaluated_without_running_away() {
    let text = "plan \"x\" {\n  period 1000..9999\n}\nmeasure A \"a\" {\n  saving € 1 from 2022\n}\n";
    let checked = api::check_text("t.plan", None, text.to_string());
    let e = evaluate(&checked.model);
    assert!(e.years.len() <= 200);
}

#[test]
fn tabs_crlf_and_a_bom_are_read() {
    let text =
        "\u{feff}plan \"x\" {\r\n\tperiod 2021..2024\r\n}\r\nmeasure A \"a\" {\r\n\tsaving € 1.000 from 2022\r\n}\r\n";
    assert!(codes(text).is_empty());
}

#[test]
fn an_include_of_a_directory_or_a_missing_file_is_reported() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir(dir.path().join("sub")).unwrap();
    let path = dir.path().join("main.plan");
    std::fs::write(&path, "include \"sub\"\ninclude \"nope.plan\"\n").unwrap();
    let checked = api::check_path(&path).unwrap();
    let messages: Vec<String> = checked.diagnostics.iter().map(|d| d.message_in(grip::lang::Lang::En)).collect();
    assert!(messages.iter().any(|m| m.contains("it is a directory")), "{messages:?}");
    assert!(messages.iter().any(|m| m.contains("no such file")), "{messages:?}");
}

#[test]
fn a_table_with_a_huge_year_span_is_refused() {
    let text = "table T \"t\" {\n  columns 1000..9999\n  row a \"a\" : 1\n}\n";
    assert!(codes(text).contains(&"grip::too_many_columns"), "{:?}", codes(text));
}

/// Large files are parsed in pieces of whole top-level blocks, on every core, and from the first
/// piece with a syntax error on with recovery; the result must be exactly what parsing the whole
/// text at once gives. Every example and fixture, broken ones included, is compared three times:
/// repeated until it spans many pieces (ids repeat, which parsing does not mind), after a long
/// clean plan (so its errors fall in a late piece), and cut after every top-level block.
#[test]
fn parsing_in_pieces_gives_what_parsing_whole_gives() {
    use grip::syntax::ast::FileId;
    use grip::syntax::parse::{parse_in_pieces_of, parse_whole, PIECE_BYTES};
    let clean = std::fs::read_to_string("examples/noordoostpolder.plan").unwrap();
    let mut prefix = String::new();
    while prefix.len() < 300_000 {
        prefix.push_str(&clean);
        prefix.push('\n');
    }
    let (mut compared, mut with_errors) = (0, 0);
    for dir in ["examples", "tests/fixtures"] {
        for entry in std::fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            if path.extension().is_none_or(|e| e != "plan") {
                continue;
            }
            let one = std::fs::read_to_string(&path).unwrap();
            let mut repeated = String::new();
            while repeated.len() < 300_000 {
                repeated.push_str(&one);
                repeated.push('\n');
            }
            // Also the file itself cut after every top-level block (pieces of at least 1 byte).
            for (text, piece_bytes) in [(repeated, PIECE_BYTES), (format!("{prefix}{one}"), PIECE_BYTES), (one, 1)] {
                let (doc, diags) = parse_in_pieces_of(FileId(0), &text, piece_bytes);
                if diags.iter().any(|d| d.code() == "grip::nested_too_deeply") {
                    continue; // an unclosed block, repeated, nests too deep: refused before parsing
                }
                let (whole_doc, whole_diags) = parse_whole(FileId(0), &text);
                assert_eq!(
                    serde_json::to_string(&doc).unwrap(),
                    serde_json::to_string(&whole_doc).unwrap(),
                    "{}: the pieces parse differently",
                    path.display()
                );
                assert_eq!(diags, whole_diags, "{}: the pieces report differently", path.display());
                compared += 1;
                with_errors += usize::from(diags.iter().any(|d| d.code() == "grip::syntax"));
            }
        }
    }
    assert!(compared > 150, "only {compared} plans compared");
    assert!(with_errors > 30, "only {with_errors} plans with syntax errors compared");
}

/// Every input the check fuzzer ever crashed on (`fuzz/artifacts/check/`) goes through what the
/// fuzz target does: check, the three renderings, evaluation and its tables.
#[test]
fn check_fuzzer_crashes_stay_fixed() {
    let mut n = 0;
    for entry in std::fs::read_dir("fuzz/artifacts/check").unwrap() {
        let bytes = std::fs::read(entry.unwrap().path()).unwrap();
        let Ok(text) = std::str::from_utf8(&bytes) else { continue };
        n += 1;
        // The fuzz target's comparison of parsing in small pieces and parsing whole.
        let file = grip::syntax::ast::FileId(0);
        let (doc, problems) = grip::syntax::parse::parse_in_pieces_of(file, text, 64);
        if !problems.iter().any(|d| d.code() == "grip::nested_too_deeply") {
            let (whole_doc, whole_problems) = grip::syntax::parse::parse_whole(file, text);
            assert_eq!(problems, whole_problems);
            assert_eq!(serde_json::to_string(&doc).unwrap(), serde_json::to_string(&whole_doc).unwrap());
        }
        let checked = api::check_text("fuzz.plan", None, text.to_string());
        let _ = grip::render::short(&checked.sources, &checked.diagnostics, grip::lang::Lang::En);
        let _ = grip::render::human(&checked.sources, &checked.diagnostics, false, grip::lang::Lang::En);
        let summary = grip::render::Summary::default();
        let _ =
            grip::render::json(&[(&checked.sources, checked.diagnostics.as_slice())], &summary, grip::lang::Lang::En);
        let evaluation = evaluate(&checked.model);
        let idx = evaluation.year_indices(None);
        let _ = grip::eval::to_json(&evaluation, &idx, grip::lang::Lang::En);
        for by in [grip::sheet::By::Year, grip::sheet::By::Group, grip::sheet::By::Taakveld, grip::sheet::By::Measure] {
            let _ = grip::sheet::table(&grip::sheet::sheet(&evaluation, by, &idx, grip::lang::Lang::En), false);
        }
    }
    assert!(n >= 1, "no fuzzer inputs found");
}

/// A total row with more figures than the table has columns: the extra figure has no column,
/// and computing it (as the language server's hover does) is an error, not a panic.
#[test]
fn a_figure_past_the_last_column_has_nothing_to_compute() {
    let text = "table T \"t\" {\n  columns 2021..2022\n  row a \"a\" : 1 2\n  total t \"t\" = sum : 1 2 3\n}\n";
    assert!(codes(text).contains(&"grip::wrong_cell_count"));
    let checked = api::check_text("t.plan", None, text.to_string());
    let total = checked.model.tables[0].table.rows.iter().position(|r| r.formula.is_some()).unwrap();
    let evaluator = grip::formula::Evaluator::new(&checked.model, 0, total);
    let formula = checked.model.tables[0].table.rows[total].formula.clone().unwrap();
    assert!(evaluator.column(&formula, 1).is_ok());
    assert!(evaluator.column(&formula, 2).is_err());
}

/// A column span refused by the parser leaves a table without columns; its rows are not
/// compared with columns it does not have (found by the check fuzzer).
#[test]
fn a_table_whose_only_span_was_refused_has_rows_but_no_columns() {
    let text = "table K \"K\" {\n  columns 4042..2024\n  row a \"A\" : 1\n  total t \"T\" = a : 1\n}\n";
    assert_eq!(codes(text), ["grip::no_plan_header", "grip::reversed_columns"]);
}

// ---------------------------------------------------------------------------------------------
// The defects of the adversarial run (issue "Robustness"), each by name.
// ---------------------------------------------------------------------------------------------

/// fmt wrote `period 21..2024` for `period 0021..2024`, which no longer parses.
#[test]
fn fmt_keeps_years_written_with_leading_zeros() {
    let text = "plan \"x\" {\n  period 0021..2024\n}\nmeasure A \"a\" {\n  saving € 1 from 0224\n  cost € 1 in 0099\n  decision needed planned 0021-Q1\n}\ngroup G \"g\" {\n  target € 1 by 0050\n}\ntable T \"t\" {\n  columns 0021..0022\n  row a \"a\" : 1 2\n}\n";
    let once = grip::fmt::format_source(text).unwrap();
    for kept in ["period 0021..2024", "from 0224", "in 0099", "planned 0021-Q1", "by 0050", "columns 0021..0022"] {
        assert!(once.contains(kept), "{kept} lost:\n{once}");
    }
    assert_eq!(grip::fmt::format_source(&once).unwrap(), once);
}

/// A diagnostic past column 65.510 of a line made miette panic ("Formatting argument out of
/// range"); such a line is now named, not drawn.
#[test]
fn a_diagnostic_far_out_on_a_long_line_does_not_panic() {
    let text = format!(
        "plan \"x\" {{ period 2021..2022 }}\ntable T \"t\" {{ columns 2021 row a \"{}\" : 1.5 }}\n",
        "a".repeat(70_000)
    );
    let checked = api::check_text("long.plan", None, text);
    let human = grip::render::human(&checked.sources, &checked.diagnostics, false, grip::lang::Lang::En);
    assert!(human.contains("long.plan:2:70039; the line is too long to show"), "{human}");
}

/// With CR-only line endings (old Mac files) a `//` comment ran to the end of the file, so a
/// wrong total "checked" clean; and line numbers differed between the output formats.
#[test]
fn cr_only_line_endings_end_comments_and_lines() {
    let text = "plan \"x\" {\r  period 2021..2022 // a comment\r}\rtable T \"t\" {\r  columns 2021\r  row a \"a\" : 1\r  total t \"T\" = a : 2\r}\r";
    let checked = api::check_text("mac.plan", None, text.to_string());
    let short = grip::render::short(&checked.sources, &checked.diagnostics, grip::lang::Lang::En);
    assert!(short.contains("mac.plan:7:21: error[grip::total_mismatch]"), "{short}");
    let human = grip::render::human(&checked.sources, &checked.diagnostics, false, grip::lang::Lang::En);
    assert!(human.contains("[mac.plan:7:21]"), "{human}");
    // fmt keeps the file's line endings.
    let formatted = grip::fmt::format_source(text).unwrap();
    assert!(!formatted.contains('\n') && formatted.contains('\r'), "{formatted:?}");
}

/// CRLF was not kept inside `"""` blocks, which left mixed line endings.
#[test]
fn crlf_is_kept_inside_triple_quoted_text() {
    let text = "plan \"x\" {\r\n  description \"\"\"\r\n    a\r\n    b\r\n    \"\"\"\r\n}\r\n";
    let formatted = grip::fmt::format_source(text).unwrap();
    assert_eq!(formatted.matches('\n').count(), formatted.matches("\r\n").count(), "{formatted:?}");
}

/// Control characters in plan text (`\x1b[2J`, an OSC title) were echoed raw to the terminal,
/// even with --color never.
#[test]
fn terminal_escapes_in_plan_text_are_shown_not_sent() {
    let text = "plan \"x\x1b[2J\" { period 2021..2022 }\nmeasure A \"\x1b]0;owned\x07\" {\n  saving 1.5\n}\ngroup G \"\x1b[31m\" {\n  measure B \"b\" {\n    related \x1b\n  }\n}\n";
    let checked = api::check_text("esc\x1b[0m.plan", None, text.to_string());
    for out in [
        grip::render::human(&checked.sources, &checked.diagnostics, false, grip::lang::Lang::En),
        grip::render::short(&checked.sources, &checked.diagnostics, grip::lang::Lang::En),
    ] {
        assert!(!out.contains('\x1b') && !out.contains('\x07'), "{out:?}");
    }
    let e = evaluate(&checked.model);
    let table = grip::sheet::table(&grip::sheet::sheet(&e, grip::sheet::By::Year, &[0], grip::lang::Lang::En), false);
    assert!(!table.contains('\x1b'), "{table:?}");
}

/// Markdown output passed raw HTML and links from plan text.
#[test]
fn markdown_shows_plan_text_as_text() {
    let text = "plan \"<script>x</script>\" { period 2021..2022 }\ngroup A \"[a](javascript:alert(1))\" {\n  measure A.1 \"<img src=x onerror=alert(1)>\" {\n    saving € 10 from 2021\n  }\n}\n";
    let checked = api::check_text("md.plan", None, text.to_string());
    let md = grip::report::markdown(&checked, grip::lang::Lang::En);
    for raw in ["<script>", "<img", "a](javascript:"] {
        assert!(!md.contains(raw), "{raw} in\n{md}");
    }
    assert!(md.contains("&lt;script&gt;x&lt;/script&gt;"), "{md}");
}

/// An include of a pipe, or a pipe named `*.plan` in a checked folder, made grip wait forever;
/// `/dev/zero` grew memory without bound. Only regular files are read.
#[cfg(unix)]
#[test]
fn pipes_and_devices_are_not_read() {
    let dir = tempfile::tempdir().unwrap();
    let fifo = dir.path().join("pipe.plan");
    assert!(std::process::Command::new("mkfifo").arg(&fifo).status().unwrap().success());
    let plan = dir.path().join("main.plan");
    std::fs::write(&plan, "plan \"x\" {\n  period 2021..2022\n}\ninclude \"pipe.plan\"\n").unwrap();
    let checked = api::check_path(&plan).unwrap();
    let messages: Vec<String> = checked.diagnostics.iter().map(|d| d.message_in(grip::lang::Lang::En)).collect();
    assert!(messages.iter().any(|m| m.contains("not a regular file")), "{messages:?}");
    let options = grip::resolve::LoadOptions { allow_outside_includes: true };
    let zero = api::check_text("z.plan", Some(&plan), "include \"/dev/zero\"\n".to_string());
    assert!(zero.diagnostics.iter().any(|d| d.code() == "grip::include_outside"));
    std::fs::write(&plan, "include \"/dev/zero\"\n").unwrap();
    let zero = api::check_path_with(&plan, options).unwrap();
    assert!(
        zero.diagnostics.iter().any(|d| d.message_in(grip::lang::Lang::En).contains("not a regular file")),
        "{:?}",
        zero.diagnostics
    );
    // The folder walk skips the pipe instead of waiting on it.
    let files = api::plan_files(&[dir.path().to_path_buf()]).unwrap();
    assert_eq!(files, [plan]);
}

/// A symbolic link to `.` made the folder walk check every plan 41 times.
#[cfg(unix)]
#[test]
fn a_folder_with_links_to_itself_is_walked_once() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir(dir.path().join("sub")).unwrap();
    std::fs::write(dir.path().join("a.plan"), "").unwrap();
    std::fs::write(dir.path().join("sub/b.plan"), "").unwrap();
    std::os::unix::fs::symlink(".", dir.path().join("loop")).unwrap();
    std::os::unix::fs::symlink("..", dir.path().join("sub/up")).unwrap();
    std::os::unix::fs::symlink("/etc", dir.path().join("outside")).unwrap();
    let files = api::plan_files(&[dir.path().to_path_buf()]).unwrap();
    assert_eq!(files.len(), 2, "{files:?}");
}

/// 19 files under 1 KB that each include the next twice took 13,6 s and 800 MB: a file is part
/// of a plan once, and an include of it again is an error, read no more.
#[test]
fn a_file_included_twice_is_read_once() {
    let dir = tempfile::tempdir().unwrap();
    for i in 0..19 {
        let next = format!("f{}.plan", i + 1);
        let text = format!("include \"{next}\"\ninclude \"{next}\"\nmeasure M{i} \"m\" {{\n  saving € 1\n}}\n");
        std::fs::write(dir.path().join(format!("f{i}.plan")), text).unwrap();
    }
    std::fs::write(dir.path().join("f19.plan"), "measure M19 \"m\" {\n  saving € 1\n}\n").unwrap();
    let checked = api::check_path(&dir.path().join("f0.plan")).unwrap();
    assert_eq!(checked.sources.len(), 20, "every file read once");
    assert_eq!(checked.diagnostics.iter().filter(|d| d.code() == "grip::include_twice").count(), 19);
    assert_eq!(checked.model.measures.len(), 20);
}

/// The outside-include guard was off when the plan's own path could not be resolved (an editor's
/// unsaved document, a version from git whose file is gone, a plan deleted after it was read):
/// `/etc/passwd` was then read and its lines published.
#[test]
fn the_outside_include_guard_holds_without_a_plan_file() {
    let text =
        "plan \"x\" {\n  period 2021..2022\n}\ninclude \"/etc/passwd\"\ninclude \"../../../../../../etc/passwd\"\n";
    for path in
        [None, Some(std::path::Path::new("/nonexistent/folder/plan.plan")), Some(std::path::Path::new("gone.plan"))]
    {
        let checked = api::check_text("p.plan", path, text.to_string());
        assert_eq!(checked.sources.len(), 1, "{path:?}: a file outside the plan's folder was read");
        assert_eq!(checked.diagnostics.iter().filter(|d| d.code() == "grip::include_outside").count(), 2, "{path:?}");
    }
}

/// A progress file of the largest figures grip reads, in the largest scale, many times over:
/// every sum saturates instead of overflowing, and nothing panics.
#[test]
fn progress_figures_at_the_limits_do_not_panic() {
    let dir = tempfile::tempdir().unwrap();
    let big = "999.999.999.999.999";
    let plan = format!(
        "plan \"x\" in € 1.000.000.000.000 {{\n  period 2021..2024\n}}\nmeasure A.1 \"a\" {{\n  saving € {big} from 2022\n  decision needed planned 2021-Q1\n}}\n"
    );
    std::fs::write(dir.path().join("p.plan"), plan).unwrap();
    let mut progress = String::from("progress of \"p.plan\"\n");
    for k in 0..3 {
        progress.push_str(&format!("moment \"m{k}\" 2022-0{}-01 {{\n  measure A.1 {{\n    phase {k}\n", k + 1));
        for _ in 0..200 {
            progress.push_str(&format!(
                "    realised -€ {big} from 2021\n    expected € {big} in 2022\n    replacement € {big} from 2021 \"r\"\n"
            ));
        }
        progress.push_str(&format!("  }}\n  total remaining € {big}\n}}\n"));
    }
    let path = dir.path().join("v.plan");
    std::fs::write(&path, progress).unwrap();
    let checked = api::check_path(&path).unwrap();
    let e = evaluate(&checked.model);
    let p = grip::status::progress(&checked.model, &e);
    assert_eq!(p.moments.len(), 3);
    let _ = grip::status::to_json(&p, &p.moments[2], Some(&p.moments[0]), grip::lang::Lang::En);
}
