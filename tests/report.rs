//! `grip report`: HTML checked in a real browser, the workbook read back, Markdown.

use assert_cmd::Command;
use std::path::{Path, PathBuf};

fn grip() -> Command {
    let mut cmd = Command::cargo_bin("grip").unwrap();
    // The examples are Dutch plans; these tests read what grip says in English.
    cmd.args(["--lang", "en"]);
    cmd
}

fn report_html(plan: &Path, dir: &Path) -> (PathBuf, String) {
    let out = dir.join("report.html");
    grip().arg("report").arg(plan).arg("--html").arg(&out).assert().code(0);
    let html = std::fs::read_to_string(&out).unwrap();
    (out, html)
}

#[test]
fn the_html_report_tells_the_story() {
    let dir = tempfile::tempdir().unwrap();
    let (_, html) = report_html(Path::new("examples/leudal.plan"), dir.path());
    for needle in [
        "<section id=\"summary\">",
        "In 2024 the gap is <strong>€ -3.194.340</strong>",
        "<svg id=\"chart-balance\" role=\"img\"",
        "<svg id=\"chart-savings\" role=\"img\"",
        "<title id=\"chart-balance-title\">",
        "<section id=\"measures\">",
        "<section id=\"execution\">",
        "<section id=\"diagnostics\">",
        "grip::total_mismatch",
        "€ -101.061",
        "@media print",
        "size: A4",
        "<th scope=\"col\"",
    ] {
        assert!(html.contains(needle), "missing {needle}");
    }
    // Self-contained: nothing is loaded from anywhere.
    for bad in ["http://", "https://", "<script", "<link", "src="] {
        let allowed =
            bad == "http://" && html.matches(bad).count() == html.matches("http://www.w3.org/2000/svg").count();
        assert!(!html.contains(bad) || allowed, "the report refers to {bad}");
    }
}

#[test]
fn text_from_the_plan_is_escaped() {
    let dir = tempfile::tempdir().unwrap();
    let plan = dir.path().join("x.plan");
    std::fs::write(
        &plan,
        "plan \"<script>alert(1)</script>\" {\n  period 2021..2022\n}\ngroup A \"<b>deel</b>\" {\n  measure A.1 \"Tom & Jerry <img src=x onerror=alert(2)>\" {\n    owner \"\\\"quoted\\\"\"\n    saving € 1 from 2021\n  }\n}\n",
    )
    .unwrap();
    let (_, html) = report_html(&plan, dir.path());
    assert!(!html.contains("<script>alert(1)</script>"));
    assert!(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
    assert!(!html.contains("<img src=x"));
    assert!(html.contains("Tom &amp; Jerry &lt;img src=x onerror=alert(2)&gt;"));
    assert!(!html.contains("<b>deel</b>"));
}

fn chromium() -> Option<PathBuf> {
    ["chromium", "chromium-browser", "google-chrome"].iter().find_map(|name| {
        std::process::Command::new(name)
            .arg("--version")
            .output()
            .ok()
            .filter(|o| o.status.success())
            .map(|_| PathBuf::from(name))
    })
}

/// Runs headless Chromium on a page: its DOM after loading, a screenshot, and the URLs the
/// page itself asked for (Chromium's own background requests have no page as initiator).
/// The DOM of a page after it ran, in a window of the given size ("1280,2000").
fn browse_at(browser: &Path, page: &Path, work: &Path, size: &str) -> (String, ()) {
    let out = std::process::Command::new(browser)
        .args(["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking"])
        .args(["--disable-component-update", "--disable-sync", "--disable-quic", "--disable-extensions"])
        .arg(format!("--user-data-dir={}", work.join("profile-size").display()))
        .arg(format!("--window-size={size}"))
        .arg("--dump-dom")
        .arg(format!("file://{}", page.display()))
        .output()
        .expect("chromium runs");
    (String::from_utf8_lossy(&out.stdout).into_owned(), ())
}

fn browse(browser: &Path, page: &Path, work: &Path, screenshot: Option<&Path>) -> (String, Vec<String>) {
    let netlog = work.join("net.json");
    let common = |cmd: &mut std::process::Command| {
        cmd.args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--disable-default-apps",
            "--disable-extensions",
        ])
        .arg(format!("--user-data-dir={}", work.join("profile").display()));
    };
    let mut cmd = std::process::Command::new(browser);
    common(&mut cmd);
    let out = cmd
        .arg(format!("--log-net-log={}", netlog.display()))
        .arg("--dump-dom")
        .arg(format!("file://{}", page.display()))
        .output()
        .expect("chromium runs");
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    if let Some(shot) = screenshot {
        let _ = std::fs::remove_file(shot);
        let mut cmd = std::process::Command::new(browser);
        common(&mut cmd);
        let status = cmd
            .arg("--window-size=1100,2600")
            .arg(format!("--screenshot={}", shot.display()))
            .arg(format!("file://{}", page.display()))
            .output()
            .expect("chromium runs");
        assert!(status.status.success());
        assert!(shot.exists(), "no screenshot was saved");
    }
    let log: serde_json::Value = serde_json::from_str(&std::fs::read_to_string(&netlog).unwrap()).unwrap();
    let start = log["constants"]["logEventTypes"]["URL_REQUEST_START_JOB"].as_u64();
    let mut page_requests = Vec::new();
    for ev in log["events"].as_array().unwrap() {
        let p = &ev["params"];
        if ev["type"].as_u64() == start && p["initiator"] != "not an origin" {
            if let Some(url) = p["url"].as_str() {
                if !url.starts_with("file:") && !url.starts_with("data:") {
                    page_requests.push(url.to_string());
                }
            }
        }
    }
    (String::from_utf8_lossy(&out.stdout).into_owned(), page_requests)
}

#[test]
fn the_html_report_in_a_real_browser() {
    let Some(browser) = chromium() else {
        let _ = std::io::Write::write_all(&mut std::io::stderr(), b"skipped: chromium not installed\n");
        assert!(std::env::var_os("GRIP_REQUIRE_TOOLS").is_none(), "chromium is required (GRIP_REQUIRE_TOOLS is set)");
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    let (page, _) = report_html(Path::new("examples/leudal.plan"), dir.path());
    let shot = Path::new(env!("CARGO_MANIFEST_DIR")).join("target/report-screenshot.png");
    let (dom, requests) = browse(&browser, &page, dir.path(), Some(&shot));
    assert!(requests.is_empty(), "the report requested {requests:?}");
    for needle in
        ["id=\"summary\"", "id=\"chart-balance\"", "<rect", "€ -2.992.824", "Problems found", "grip::total_mismatch"]
    {
        assert!(dom.contains(needle), "the rendered page lacks {needle}");
    }
    // On a 1280 px wide screen nothing sticks out of the page: a wide table scrolls inside it.
    // (The report allows no script; a copy with one measures the layout.)
    // A plan of sixteen years makes tables wider than the page.
    let long = dir.path().join("lang.plan");
    std::fs::write(
        &long,
        "plan \"Meerjarenplan\" {\n  period 2021..2036\n}\ngroup A \"Voorveld\" {\n  target € 1.000.000 by 2030\n  measure A.1 \"Minder inzet\" {\n    saving € 1.250.000 from 2022\n  }\n}\n",
    )
    .unwrap();
    let long = long.display().to_string();
    for plan in ["examples/noordoostpolder.plan", "tests/real/zoetermeer-perspectiefnota-2023.plan", long.as_str()] {
        let (page, html) = report_html(Path::new(plan), dir.path());
        let measured = html
            .replace("default-src 'none'", "default-src 'none'; script-src 'unsafe-inline'")
            .replace(
                "</body>",
                "<script>document.body.setAttribute('data-overflow', [...document.querySelectorAll('table, section, figure')].filter(e => e.getBoundingClientRect().right > window.innerWidth + 0.5).length + ' ' + (document.documentElement.scrollWidth > window.innerWidth));</script></body>",
            );
        let copy = page.with_file_name("measured.html");
        std::fs::write(&copy, measured).unwrap();
        let (dom, _) = browse_at(&browser, &copy, dir.path(), "1280,2000");
        assert!(
            dom.contains("data-overflow=\"0 false\""),
            "{plan}: something sticks out at 1280 px: {}",
            &dom[dom.find("data-overflow").unwrap_or(0)..].chars().take(40).collect::<String>()
        );
    }
    // The check can fail: a page that loads an image from the network is caught.
    let control = dir.path().join("control.html");
    std::fs::write(&control, "<!DOCTYPE html><html><body><img src=\"http://127.0.0.1:9/x.png\"></body></html>")
        .unwrap();
    let (_, requests) = browse(&browser, &control, dir.path(), None);
    assert!(!requests.is_empty(), "a page that requests the network was not detected");
}

#[test]
fn the_workbook_has_live_formulas_and_euro_amounts() {
    use calamine::{open_workbook, Data, Reader, Xlsx};
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("leudal.xlsx");
    grip().args(["report", "examples/leudal.plan", "--xlsx"]).arg(&out).assert().code(0);
    let mut book: Xlsx<_> = open_workbook(&out).unwrap();
    let names = book.sheet_names();
    for wanted in ["Balance", "Measures", "Group a", "Table begroting", "Table opgave", "Problems"] {
        assert!(names.iter().any(|n| n == wanted), "no sheet {wanted} in {names:?}");
    }
    let balance = book.worksheet_range("Balance").unwrap();
    // Row 8 (Balance after measures), 2021 column: deficit + savings − costs.
    assert_eq!(balance.get_value((7, 2)), Some(&Data::Float(-2992824.0)));
    let formulas = book.worksheet_formula("Balance").unwrap();
    assert_eq!(formulas.get_value((7, 2)).map(String::as_str), Some("C5+C6-C7"));
    assert!(formulas.get_value((5, 2)).unwrap().starts_with("SUM('Measures'!"));
    // A table's declared total is a live sum of its lines.
    let formulas = book.worksheet_formula("Table begroting").unwrap();
    let totals: Vec<&String> = formulas.used_cells().map(|(_, _, f)| f).filter(|f| f.starts_with("SUM(")).collect();
    assert!(!totals.is_empty(), "no SUM formula in begroting");
    // The cached value is grip's computed figure.
    let values = book.worksheet_range("Table begroting").unwrap();
    assert_eq!(values.get_value((8, 1)), Some(&Data::Float(21714207.0)));
    // A printed total stands beside grip's formula as a number, not as text.
    let opgave = book.worksheet_range("Table opgave").unwrap();
    let printed_header =
        opgave.rows().nth(1).unwrap().iter().position(|c| matches!(c, Data::String(s) if s.starts_with("printed ")));
    let col = printed_header.expect("a printed block beside the table");
    assert!(opgave.rows().skip(2).any(|r| matches!(r.get(col), Some(Data::Float(_)))));
    // Problems are listed.
    let problems = book.worksheet_range("Problems").unwrap();
    assert!(problems.rows().any(|r| r.iter().any(|c| matches!(c, Data::String(s) if s == "grip::total_mismatch"))));
}

#[test]
fn the_markdown_report() {
    grip()
        .args(["report", "examples/noordoostpolder.plan", "--markdown"])
        .assert()
        .code(0)
        .stdout(predicates::str::contains("# Uitvoeringsplan Grip op het sociaal domein"))
        .stdout(predicates::str::contains("| &nbsp;&nbsp;A reached | — | — | — | met (100%) |"))
        .stdout(predicates::str::contains("€ 2.120.000 + 1 P.M."))
        .stdout(predicates::str::contains("### Problems found"));
}

/// A plan grip cannot read whole is not reported as if it were whole or empty: refused, and
/// written only when asked for, with a first screen that says it is incomplete.
#[test]
fn a_report_of_a_plan_grip_cannot_read_is_refused_or_marked() {
    let dir = tempfile::tempdir().unwrap();
    let plan = dir.path().join("kapot.plan");
    let text = std::fs::read_to_string("examples/leudal.plan").unwrap().replacen("}\n", "\n", 3);
    std::fs::write(&plan, text).unwrap();
    let html = dir.path().join("r.html");
    grip()
        .args(["report", "--color", "never"])
        .arg(&plan)
        .arg("--html")
        .arg(&html)
        .assert()
        .code(1)
        .stderr(predicates::str::contains("pass --allow-errors to write a report anyway"));
    assert!(!html.exists(), "a report was written for a plan grip cannot read");
    grip().arg("report").arg(&plan).arg("--html").arg(&html).arg("--allow-errors").assert().code(0);
    let written = std::fs::read_to_string(&html).unwrap();
    let first_screen = &written[..written.find("<section").unwrap_or(written.len())];
    assert!(first_screen.contains("This report is incomplete"), "{first_screen}");
    grip()
        .arg("report")
        .arg(&plan)
        .args(["--markdown", "--allow-errors"])
        .assert()
        .code(0)
        .stdout(predicates::str::contains("> **This report is incomplete"));
}

/// A text longer than an Excel cell holds (32.767 characters) made the whole workbook fail; it
/// is cut, with a note.
#[test]
fn a_text_too_long_for_excel_is_cut_not_refused() {
    use calamine::{open_workbook, Data, Reader, Xlsx};
    let dir = tempfile::tempdir().unwrap();
    let plan = dir.path().join("lang.plan");
    let title = "x".repeat(40_000);
    std::fs::write(
        &plan,
        format!("plan \"{title}\" {{\n  period 2021..2022\n}}\nmeasure A \"{title}\" {{\n  saving € 10\n}}\n"),
    )
    .unwrap();
    let out = dir.path().join("r.xlsx");
    grip().arg("report").arg(&plan).arg("--xlsx").arg(&out).assert().code(0);
    let mut book: Xlsx<_> = open_workbook(&out).unwrap();
    let measures = book.worksheet_range("Measures").unwrap();
    let Some(Data::String(cell)) = measures.get_value((1, 1)) else { panic!("no title cell") };
    assert!(cell.chars().count() <= 32_767 && cell.ends_with("see the plan)"), "{}", cell.len());
}
