//! `grip import`: real sheets and tables become plans that `grip check` accepts, or whose
//! errors are the sheet's own slips; nothing is lost without being listed.
//!
//! - The round trip: every example and real document in the repository, written as a workbook
//!   by `grip report --xlsx` and imported again, evaluates exactly as before (`grip eval
//!   --format json`), and `grip check` finds the same in it.
//! - tests/import/ holds real input: tables copied from the two seed documents (tab-separated,
//!   as Word copies a table, and as a PDF viewer copies text), a Dutch sheet saved by LibreOffice
//!   (`begroting-nl.xlsx`, converted headless from `begroting-nl.csv`: SUM formulas and one typed
//!   total), a csv export of Dutch Excel (`;`, Windows-1252) and an English csv. Each import is
//!   snapshotted with what `grip check` says about it.
//! - When LibreOffice is installed, the sheet is converted again and must import the same; without
//!   it the test says `skipped: soffice not installed`, and fails when GRIP_REQUIRE_TOOLS is set.

use assert_cmd::Command;
use grip::import::{import, Input, Options, Shape};
use grip::lang::Lang;
use std::path::PathBuf;

fn repo() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn fixture(name: &str) -> PathBuf {
    repo().join("tests/import").join(name)
}

fn options() -> Options {
    Options { keywords: Lang::En, ..Options::default() }
}

/// Text files are imported as pasted on standard input; others as files.
fn input(name: &str) -> Input {
    let path = fixture(name);
    if name.ends_with(".tsv") || name.ends_with(".txt") {
        let text = std::fs::read_to_string(&path).unwrap();
        Input::Text { name: "<stdin>".into(), text }
    } else {
        Input::File(path)
    }
}

/// `grip check --format short` on a plan given as text.
fn check_short(text: &str) -> String {
    let checked = grip::api::check_text("imported.plan", None, text.to_string());
    grip::render::short(&checked.sources, &checked.diagnostics, Lang::En)
}

fn errors(text: &str) -> Vec<String> {
    check_short(text).lines().filter(|l| l.contains("error[")).map(str::to_string).collect()
}

fn eval_json(checked: &grip::api::Checked) -> String {
    let e = grip::eval::evaluate(&checked.model);
    let idx = e.year_indices(None);
    grip::eval::to_json(&e, &idx, Lang::En)
}

#[test]
fn a_report_workbook_imports_as_the_same_plan() {
    let mut plans: Vec<PathBuf> = Vec::new();
    for dir in ["examples", "tests/real"] {
        for entry in std::fs::read_dir(repo().join(dir)).unwrap() {
            let p = entry.unwrap().path();
            if p.extension().is_some_and(|e| e == "plan") {
                plans.push(p);
            }
        }
    }
    plans.sort();
    assert!(plans.len() >= 3);
    let dir = tempfile::tempdir().unwrap();
    for plan in plans {
        let original = grip::api::check_path(&plan).unwrap();
        for lang in Lang::ALL {
            let book = dir.path().join("report.xlsx");
            grip::xlsx::write(&original, &book, lang).unwrap();
            let imported = import(&Input::File(book.clone()), &Options { keywords: lang, ..Options::default() })
                .unwrap_or_else(|e| panic!("{}: {}", plan.display(), e.0.render(Lang::En)));
            let back = grip::api::check_text("back.plan", None, imported.text.clone());
            assert_eq!(
                eval_json(&original),
                eval_json(&back),
                "{} ({lang:?}): the imported plan evaluates differently:\n{}",
                plan.display(),
                imported.text
            );
            assert!(imported.unmapped.is_empty());
            // grip check finds the same in both, but for where it stands. A workbook holds the
            // plan, not its progress: what grip finds in progress files stays out.
            let findings = |c: &grip::api::Checked| {
                let progress: Vec<_> = c
                    .model
                    .moments
                    .iter()
                    .map(|m| m.span.file)
                    .chain(c.model.progress_of.iter().map(|p| p.span.file))
                    .collect();
                let plan_only: Vec<_> =
                    c.diagnostics.iter().filter(|d| !progress.contains(&d.span().file)).cloned().collect();
                let mut v: Vec<String> = grip::render::short(&c.sources, &plan_only, Lang::En)
                    .lines()
                    .map(|l| l.split_once(": ").map(|(_, m)| m.to_string()).unwrap_or_default())
                    .collect();
                v.sort();
                v
            };
            assert_eq!(findings(&original), findings(&back), "{} ({lang:?}):\n{}", plan.display(), imported.text);
            // The imported plan is written in the keywords asked for.
            let detected = grip::syntax::keywords::detect(&imported.text).map(|d| d.lang);
            assert!(detected.is_none() || detected == Some(lang), "{}", plan.display());
        }
    }
}

/// The workbook with one cell changed: its XML rewritten as Excel would save the new figure.
fn with_cell_changed(book: &std::path::Path, sheet_xml: &str, from: &str, to: &str) {
    let file = std::fs::File::open(book).unwrap();
    let mut archive = zip::ZipArchive::new(file).unwrap();
    let mut entries: Vec<(String, Vec<u8>)> = Vec::new();
    for i in 0..archive.len() {
        let mut entry = archive.by_index(i).unwrap();
        let mut bytes = Vec::new();
        std::io::Read::read_to_end(&mut entry, &mut bytes).unwrap();
        if entry.name() == sheet_xml {
            let text = String::from_utf8(bytes).unwrap();
            assert!(text.contains(from), "{sheet_xml} has no {from}");
            bytes = text.replacen(from, to, 1).into_bytes();
        }
        entries.push((entry.name().to_string(), bytes));
    }
    let mut writer = zip::ZipWriter::new(std::fs::File::create(book).unwrap());
    for (name, bytes) in entries {
        writer.start_file(name, zip::write::SimpleFileOptions::default()).unwrap();
        std::io::Write::write_all(&mut writer, &bytes).unwrap();
    }
    writer.finish().unwrap();
}

#[test]
fn a_figure_changed_in_the_workbook_comes_back_and_check_finds_what_it_does() {
    use rust_xlsxwriter::Workbook;
    // The starter plan's workbook, with A.2's saving in 2028 changed from € 30.000 to € 35.000 in
    // the Measures sheet: the plan that comes back saves that, and grip check says that group A's
    // printed total (€ 130.000) no longer adds up.
    let original = grip::api::check_path(&repo().join("examples/starter.plan")).unwrap();
    let dir = tempfile::tempdir().unwrap();
    let book = dir.path().join("starter.xlsx");
    grip::xlsx::write(&original, &book, Lang::En).unwrap();
    with_cell_changed(
        &book,
        "xl/worksheets/sheet2.xml",
        r#"<c r="I3" s="2"><v>30000</v>"#,
        r#"<c r="I3" s="2"><v>35000</v>"#,
    );
    let imported = import(&Input::File(book), &options()).unwrap();
    assert!(imported.text.contains("saving € 30.000 in 2027\n    saving € 35.000 from 2028"), "{}", imported.text);
    let errs = errors(&imported.text);
    assert_eq!(errs.len(), 1, "{errs:?}");
    assert!(
        errs[0].contains("the total of group A “Voorveld” in 2028 is € 130.000, but its measures add up to € 135.000")
    );
    // A workbook made by hand with a sheet named like grip's key, but not grip's key: imported
    // as any sheet.
    let mut wb = Workbook::new();
    let s = wb.add_worksheet();
    s.set_name("grip").unwrap();
    s.write_string(0, 0, "Omschrijving").unwrap();
    s.write_number(0, 1, 2025).unwrap();
    s.write_string(1, 0, "Huur").unwrap();
    s.write_number(1, 1, 100).unwrap();
    let path = dir.path().join("own.xlsx");
    wb.save(&path).unwrap();
    let imported = import(&Input::File(path), &options()).unwrap();
    assert!(imported.text.contains("row huur \"Huur\""), "{}", imported.text);
}

/// Every fixture, imported with the defaults, and what grip check says about the plan.
#[test]
fn real_sheets_snapshots() {
    for name in [
        "noordoostpolder-c1.2.tsv",
        "noordoostpolder-c1.2-pdf.txt",
        "noordoostpolder-extra-bezetting.tsv",
        "leudal-maatregelen.tsv",
        "begroting-nl.xlsx",
        "ombuigingen-excel-nl.csv",
        "budget-en.csv",
    ] {
        let imported = import(&input(name), &options()).unwrap_or_else(|e| panic!("{name}: {}", e.0.render(Lang::En)));
        let report = format!("{}\n--- grip check ---\n{}", imported.text, check_short(&imported.text));
        insta::assert_snapshot!(name, report);
    }
}

#[test]
fn the_slips_of_the_documents_are_found_and_nothing_else() {
    // Noordoostpolder C1.2: the 2022 total prints 1,8 fte where 1,8 + 0,1 is 1,9.
    for name in ["noordoostpolder-c1.2.tsv", "noordoostpolder-c1.2-pdf.txt"] {
        let imported = import(&input(name), &options()).unwrap();
        let errs = errors(&imported.text);
        assert_eq!(errs.len(), 1, "{name}: {errs:?}");
        assert!(errs[0].contains("in 2022 is 1,8 fte, but its lines add up to 1,9 fte"), "{}", errs[0]);
        assert!(imported.text.contains("total budget \"Budget\" = kosten_formatie - opbrengsten"), "{}", imported.text);
    }
    // Noordoostpolder's "Extra bezetting en afbouw": row 1 is the total of its "waarvan" rows
    // (rounded for print), and the Totaal adds rows 1 and 2. grip finds what it finds in the
    // hand-encoded plan (table F.4 of examples/noordoostpolder.plan), and nothing else.
    let imported = import(&input("noordoostpolder-extra-bezetting.tsv"), &options()).unwrap();
    assert!(imported.text.contains("= waarvan_uitvoering + waarvan_ondersteuning"), "{}", imported.text);
    let found: Vec<String> = check_short(&imported.text)
        .lines()
        .map(|l| l.split_once(": ").map(|(_, m)| m.replace("T1 “", "“")).unwrap_or_default())
        .collect();
    let encoded = grip::api::check_path(&repo().join("examples/noordoostpolder.plan")).unwrap();
    let expected: Vec<String> = grip::render::short(&encoded.sources, &encoded.diagnostics, Lang::En)
        .lines()
        .filter(|l| l.contains("F.4 “"))
        .map(|l| l.split_once(": ").map(|(_, m)| m.replace("F.4 “", "“")).unwrap_or_default())
        .collect();
    assert_eq!(found, expected);
    // Leudal's measures: their printed total is right; the heading's "(€ 1.000)" is not applied
    // to figures printed in full euros.
    let imported = import(&input("leudal-maatregelen.tsv"), &options()).unwrap();
    assert_eq!(imported.measures, 11);
    assert!(errors(&imported.text).is_empty(), "{}", check_short(&imported.text));
    assert!(imported.text.contains("measure c1 \"Verwervingsstrategie *\""));
    assert!(imported.text.contains("saving € 2.225.000 from 2023"));
    assert!(!imported.text.contains("in € 1.000"));
}

#[test]
fn a_sum_formula_of_the_sheet_becomes_a_declared_total_and_a_typed_total_is_found() {
    // begroting-nl.xlsx: the Totaal row has =SUM(E4:E7) and =SUM(F4:F7), and 800 typed where
    // the sum is 805,5.
    let table = import(&input("begroting-nl.xlsx"), &Options { shape: Shape::Table, ..options() }).unwrap();
    assert!(table.text.contains("total totaal \"Totaal\" = sum"), "{}", table.text);
    let errs = errors(&table.text);
    assert_eq!(errs.len(), 1, "{errs:?}");
    assert!(errs[0].contains("in 2027 is € 800.000, but its lines add up to € 805.500"), "{}", errs[0]);
    // As measures, grouped by the column headed Onderdeel: the plan total says the same.
    let measures = import(&input("begroting-nl.xlsx"), &options()).unwrap();
    assert_eq!(measures.measures, 4);
    assert!(measures.text.contains("group Jeugd \"Jeugd\""));
    assert!(measures.text.contains("taakveld 6.72a"));
    assert!(measures.text.contains("saving P.M. in 2025"));
    let errs = errors(&measures.text);
    assert_eq!(errs.len(), 1, "{errs:?}");
    assert!(errs[0].contains("the plan total in 2027 is € 800.000, but its measures add up to € 805.500"));
}

#[test]
fn the_sheets_formulas_decide_over_the_labels() {
    use rust_xlsxwriter::{Formula, Workbook};
    // A subtotal without a total word, and a total whose formula leaves a row out: grip declares
    // what the sheet computes, so the row left out is visible in the plan.
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("formules.xlsx");
    let mut wb = Workbook::new();
    let s = wb.add_worksheet();
    s.set_name("Blad1").unwrap();
    s.write_string(0, 0, "Omschrijving").unwrap();
    s.write_number(0, 1, 2024).unwrap();
    s.write_number(0, 2, 2025).unwrap();
    for (r, (label, a, b)) in [("Lasten", 100.0, 110.0), ("Baten", 40.0, 45.0), ("Overig", 5.0, 5.0)].iter().enumerate()
    {
        s.write_string(1 + r as u32, 0, *label).unwrap();
        s.write_number(1 + r as u32, 1, *a).unwrap();
        s.write_number(1 + r as u32, 2, *b).unwrap();
    }
    s.write_string(4, 0, "Resultaat").unwrap();
    s.write_formula(4, 1, Formula::new("=B2-B3").set_result("60")).unwrap();
    s.write_formula(4, 2, Formula::new("=C2-C3").set_result("65")).unwrap();
    s.write_string(5, 0, "Totaal").unwrap();
    s.write_formula(5, 1, Formula::new("=SUM(B2:B3)").set_result("140")).unwrap();
    s.write_formula(5, 2, Formula::new("=SUM(C2:C3)").set_result("155")).unwrap();
    wb.save(&path).unwrap();
    let imported = import(&Input::File(path), &options()).unwrap();
    assert!(imported.text.contains("total resultaat \"Resultaat\" = lasten - baten"), "{}", imported.text);
    assert!(imported.text.contains("total totaal \"Totaal\" = lasten + baten"), "{}", imported.text);
    assert!(errors(&imported.text).is_empty(), "{}", check_short(&imported.text));
}

#[test]
fn cells_grip_does_not_import_are_listed_with_why() {
    let imported = import(&input("ombuigingen-excel-nl.csv"), &options()).unwrap();
    let listed: Vec<(String, String)> =
        imported.unmapped.iter().map(|u| (u.cell.clone(), u.why.render(Lang::En))).collect();
    assert_eq!(listed.len(), 3, "{listed:?}");
    assert!(listed.iter().any(|(c, w)| c == "F4" && w.contains("outside the table's columns")), "{listed:?}");
    assert!(imported.text.contains("//   F4 “zie nota”: outside the table's columns"), "{}", imported.text);
    // Windows-1252 read as such: the euro sign and the heading's scale.
    assert!(imported.text.contains("in € 1.000 {"), "{}", imported.text);
    // Text where a figure belongs: listed, and n.v.t. in the plan.
    let text = "Omschrijving\t2024\t2025\nHuur\t100\tzie bijlage\nTotaal\t100\t-\n";
    let imported = import(&Input::Text { name: "<stdin>".into(), text: text.into() }, &options()).unwrap();
    assert_eq!(imported.unmapped.len(), 1);
    assert_eq!(imported.unmapped[0].cell, "C2");
    assert!(imported.text.contains("n.v.t."), "{}", imported.text);
}

#[test]
fn ranges_sheets_and_keywords() {
    // Only the cells asked for: the first two measures.
    let o = Options { range: Some("A3:G5".into()), ..options() };
    let imported = import(&input("begroting-nl.xlsx"), &o).unwrap();
    assert_eq!(imported.measures, 2, "{}", imported.text);
    assert!(imported.text.contains("cells A3:G5"), "{}", imported.text);
    // Dutch keywords.
    let o = Options { keywords: Lang::Nl, shape: Shape::Table, ..options() };
    let imported = import(&input("begroting-nl.xlsx"), &o).unwrap();
    assert!(
        imported.text.contains("tabel begroting_nl") && imported.text.contains("kolommen 2025..2027"),
        "{}",
        imported.text
    );
    assert!(imported.text.contains("// Geïmporteerd met grip import uit “begroting-nl.xlsx”"), "{}", imported.text);
    // A sheet that is not there, a range that is no range.
    let o = Options { sheet: Some("Blad9".into()), ..options() };
    let e = import(&input("begroting-nl.xlsx"), &o).unwrap_err();
    assert_eq!(e.0.render(Lang::En), "the workbook has no sheet “Blad9”; its sheets are “begroting-nl”");
    let o = Options { range: Some("B4-H30".into()), ..options() };
    assert!(import(&input("begroting-nl.xlsx"), &o).is_err());
    // A group column by its letter; a taakveld column by its heading.
    let o = Options { group_by: Some("C".into()), taakveld: Some("Taakveld".into()), ..options() };
    let imported = import(&input("begroting-nl.xlsx"), &o).unwrap();
    assert!(imported.text.contains("group Wmo \"Wmo\""), "{}", imported.text);
}

#[test]
fn libreoffice_saves_the_dutch_sheet_as_grip_reads_it() {
    if std::process::Command::new("soffice").arg("--version").output().is_err() {
        let _ = std::io::Write::write_all(&mut std::io::stderr(), b"skipped: soffice not installed\n");
        assert!(std::env::var_os("GRIP_REQUIRE_TOOLS").is_none(), "soffice is required (GRIP_REQUIRE_TOOLS is set)");
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    // Separator ;, UTF-8, Dutch (1043) number recognition, formulas evaluated.
    let filter = "CSV:59,34,76,1,,1043,false,true,false,false,false,-1,true";
    let out = std::process::Command::new("soffice")
        .args(["--headless", &format!("-env:UserInstallation=file://{}/profile", dir.path().display())])
        .args([&format!("--infilter={filter}"), "--convert-to", "xlsx", "--outdir"])
        .arg(dir.path())
        .arg(fixture("begroting-nl.csv"))
        .output()
        .unwrap();
    let made = dir.path().join("begroting-nl.xlsx");
    assert!(made.exists(), "{}{}", String::from_utf8_lossy(&out.stdout), String::from_utf8_lossy(&out.stderr));
    let fresh = import(&Input::File(made.clone()), &options()).unwrap();
    let committed = import(&input("begroting-nl.xlsx"), &options()).unwrap();
    assert_eq!(fresh.text, committed.text);
    // The same sheet saved as .ods and as .xls (Excel 97) reads the same.
    for (ext, filter) in [("ods", "ods"), ("xls", "xls:MS Excel 97")] {
        let out = std::process::Command::new("soffice")
            .args(["--headless", &format!("-env:UserInstallation=file://{}/profile", dir.path().display())])
            .args(["--convert-to", filter, "--outdir"])
            .arg(dir.path())
            .arg(&made)
            .output()
            .unwrap();
        let other = dir.path().join(format!("begroting-nl.{ext}"));
        assert!(other.exists(), "{ext}: {}", String::from_utf8_lossy(&out.stderr));
        let imported = import(&Input::File(other.clone()), &options()).unwrap();
        assert_eq!(imported.text.replace(&format!("begroting-nl.{ext}"), "begroting-nl.xlsx"), committed.text, "{ext}");
        // As a table: the Totaal row's SUM formulas (as .ods stores them) make the total.
        let table = import(&Input::File(other), &Options { shape: Shape::Table, ..options() }).unwrap();
        assert!(table.text.contains("total totaal \"Totaal\" = sum"), "{ext}: {}", table.text);
    }
}

#[test]
fn nothing_pasted_makes_import_panic() {
    let texts = [
        "",
        "\t\t\n\t",
        "2024\n",
        "Totaal\t1\n2024\t2025\n",
        "a;b;c\n\"unclosed;1\n",
        "Omschrijving 2021 2022\nTotaal - -\nCumulatief - -\n",
        "x\t2024\ny\t99999999999999999999999\n",
        "€\t€\n(\t)\n-/-\t,-\n",
    ];
    for t in texts {
        let _ = import(&Input::Text { name: "<stdin>".into(), text: t.into() }, &options());
        let _ = import(
            &Input::Text { name: "<stdin>".into(), text: t.into() },
            &Options { shape: Shape::Measures, ..options() },
        );
    }
}

fn grip() -> Command {
    let mut c = Command::cargo_bin("grip").unwrap();
    c.env_remove("LANG").env_remove("LC_ALL").env_remove("LC_MESSAGES");
    c
}

#[test]
fn the_command() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("begroting.plan");
    let assert = grip().arg("import").arg(fixture("begroting-nl.xlsx")).arg("-o").arg(&out).assert().success();
    let stderr = String::from_utf8_lossy(&assert.get_output().stderr).to_string();
    assert!(stderr.contains("4 measures"), "{stderr}");
    assert!(stderr.contains("grip check on the imported plan: 1 error"), "{stderr}");
    assert!(stderr.contains("A2 “bedragen x € 1.000”: text above the table"), "{stderr}");
    let written = std::fs::read_to_string(&out).unwrap();
    // grip check finds the sheet's slip in the file written.
    grip().arg("check").arg(&out).arg("--format").arg("short").assert().code(1);
    assert!(written.starts_with("// Imported by grip import"));
    // Standard input, Dutch keywords from LANG.
    let tsv = std::fs::read_to_string(fixture("noordoostpolder-c1.2.tsv")).unwrap();
    let assert = grip().env("LANG", "nl_NL.UTF-8").args(["import", "-"]).write_stdin(tsv).assert().success();
    let stdout = String::from_utf8_lossy(&assert.get_output().stdout).to_string();
    assert!(stdout.contains("tabel T1 \"Geplakte tabel\"") && stdout.contains("totaal totaal \"Totaal\""), "{stdout}");
    // --keywords over LANG.
    let tsv = std::fs::read_to_string(fixture("noordoostpolder-c1.2.tsv")).unwrap();
    let assert =
        grip().env("LANG", "nl_NL.UTF-8").args(["import", "-", "--keywords", "en"]).write_stdin(tsv).assert().success();
    assert!(String::from_utf8_lossy(&assert.get_output().stdout).contains("table T1"));
    // What cannot be read: exit 2, with why.
    grip().args(["import", "nope.xlsx"]).assert().code(2);
    let assert = grip().args(["import", "plan.docx"]).assert().code(2);
    assert!(String::from_utf8_lossy(&assert.get_output().stderr).contains("it reads workbooks"));
    grip().arg("import").arg(fixture("begroting-nl.xlsx")).args(["--sheet", "Blad9"]).assert().code(2);
    // Never over the sheet it reads.
    let sheet = dir.path().join("export.csv");
    std::fs::copy(fixture("ombuigingen-excel-nl.csv"), &sheet).unwrap();
    let before = std::fs::read(&sheet).unwrap();
    let assert = grip().arg("import").arg(&sheet).arg("-o").arg(&sheet).assert().code(2);
    assert!(String::from_utf8_lossy(&assert.get_output().stderr).contains("does not write over the file it reads"));
    assert_eq!(std::fs::read(&sheet).unwrap(), before);
}

#[test]
fn the_help_is_in_both_languages() {
    let en = grip().args(["import", "--help"]).assert().success();
    let en = String::from_utf8_lossy(&en.get_output().stdout).to_string();
    assert!(en.contains("Make a plan from a spreadsheet") && en.contains("--group-by"), "{en}");
    let nl = grip().args(["--lang", "nl", "import", "--help"]).assert().success();
    let nl = String::from_utf8_lossy(&nl.get_output().stdout).to_string();
    assert!(nl.contains("Maak een plan van een spreadsheet"), "{nl}");
}

proptest::proptest! {
    #![proptest_config(proptest::test_runner::Config { cases: 300, ..Default::default() })]

    /// Any pasted table, of figures, labels, totals and junk in any order, imports without a
    /// panic; what it imports reads back as a plan (an error of grip's own is `import-internal`).
    #[test]
    fn any_pasted_table_imports_without_a_panic(
        cells in proptest::collection::vec(
            proptest::collection::vec(
                proptest::prop_oneof![
                    proptest::strategy::Just("2024".to_string()),
                    proptest::strategy::Just("Begroting 2025".to_string()),
                    proptest::strategy::Just("Totaal".to_string()),
                    proptest::strategy::Just("Cumulatief".to_string()),
                    proptest::strategy::Just("x € 1.000".to_string()),
                    proptest::strategy::Just("P.M.".to_string()),
                    proptest::strategy::Just("-".to_string()),
                    proptest::strategy::Just("A.1 Maatregel".to_string()),
                    proptest::strategy::Just(String::new()),
                    "-?[0-9]{1,7}(,[0-9]{1,3})?",
                    "[0-9.,]{1,9}",
                    "[a-zA-Zé€*() ]{0,12}",
                ],
                0..7,
            ),
            0..9,
        ),
        measures in proptest::bool::ANY,
        joiner in proptest::prop_oneof![
            proptest::strategy::Just("\t"),
            proptest::strategy::Just(";"),
            proptest::strategy::Just(","),
            proptest::strategy::Just(" "),
        ],
    ) {
        let text: String = cells.iter().map(|r| r.join(joiner) + "\n").collect();
        let shape = if measures { Shape::Measures } else { Shape::Auto };
        match import(&Input::Text { name: "<stdin>".into(), text: text.clone() }, &Options { shape, ..options() }) {
            Ok(imported) => {
                let checked = grip::api::check_text("p.plan", None, imported.text.clone());
                let syntax = checked.diagnostics.iter().any(|d| d.code() == "grip::syntax");
                proptest::prop_assert!(!syntax, "{text:?}\n{}", imported.text);
            }
            Err(e) => {
                let id = match &e.0 { grip::lang::Msg::Id(id, _) => *id, _ => "" };
                proptest::prop_assert!(id != "import-internal", "{text:?}: {}", e.0.render(Lang::En));
            }
        }
    }
}
