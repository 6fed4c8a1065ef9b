//! One truth: for every example plan and every real document in the repository, the figures
//! shown by `grip eval --format json`, the workbook of `grip report --xlsx` (read back with
//! calamine: the values Excel opens with), the Markdown report and the language server's hovers
//! agree, year by year: the plan's savings, costs and balance, every measure's savings, and every
//! group's targets.

mod common;

#[allow(dead_code)]
#[path = "../examples/gen.rs"]
mod gen;

use calamine::{open_workbook, Data, Reader, Xlsx};
use grip::effects::Figure;
use grip::sheet::eur_figure;
use rust_decimal::Decimal;
use serde_json::{json, Value};
use std::path::PathBuf;
use std::str::FromStr;

fn grip() -> assert_cmd::Command {
    let mut cmd = assert_cmd::Command::cargo_bin("grip").unwrap();
    // The examples are Dutch plans; these tests read what grip says in English.
    cmd.args(["--lang", "en"]);
    cmd
}

fn plans() -> Vec<PathBuf> {
    let mut out = Vec::new();
    for dir in ["examples", "tests/real"] {
        let Ok(entries) = std::fs::read_dir(dir) else { continue };
        out.extend(entries.flatten().map(|e| e.path()).filter(|p| p.extension().is_some_and(|e| e == "plan")));
    }
    out.sort();
    out
}

fn dec(v: &Value) -> Decimal {
    Decimal::from_str(v.as_str().unwrap_or("0")).unwrap_or_default()
}

/// A figure of eval's JSON (`{"known": "…", "pm": n, "pm_negative": m}`).
fn figure(v: &Value) -> Figure {
    Figure {
        known: dec(&v["known"]),
        pm: v["pm"].as_u64().unwrap_or(0) as u32,
        pm_neg: v["pm_negative"].as_u64().unwrap_or(0) as u32,
    }
}

fn number(d: &Data) -> Option<f64> {
    match d {
        Data::Float(f) => Some(*f),
        Data::Int(i) => Some(*i as f64),
        _ => None,
    }
}

fn close(a: f64, b: Decimal) -> bool {
    (a - b.to_string().parse::<f64>().unwrap_or(f64::NAN)).abs() < 0.005
}

/// The LSP position (UTF-16 columns) of a byte offset.
fn position_at(text: &str, at: usize) -> Value {
    let line = text[..at].matches('\n').count();
    let col = text[text[..at].rfind('\n').map(|i| i + 1).unwrap_or(0)..at].encode_utf16().count();
    json!({"line": line, "character": col})
}

/// The cells of the Markdown table row whose label is `label`.
fn markdown_row<'a>(text: &'a str, label: &str) -> Option<Vec<&'a str>> {
    let line = text.lines().find(|l| l.starts_with(&format!("| {label} |")))?;
    Some(line.trim_matches('|').split(" | ").skip(1).map(|c| c.trim().trim_end_matches('|').trim()).collect())
}

#[test]
fn eval_xlsx_markdown_and_hovers_show_the_same_figures() {
    let dir = tempfile::tempdir().unwrap();
    let mut client = common::Client::start();
    // English, as the command line is asked for it (`--lang en`).
    client.request("initialize", json!({"capabilities": {}, "rootUri": null, "initializationOptions": {"lang": "en"}}));
    client.notify("initialized", json!({}));
    let mut compared = 0usize;
    for path in plans() {
        let name = path.display().to_string();
        // eval, as JSON.
        let out = grip().arg("eval").arg(&path).args(["--format", "json", "--allow-errors"]).output().unwrap();
        assert!(out.status.success(), "{name}: eval failed");
        let e: Value = serde_json::from_slice(&out.stdout).unwrap();
        let years: Vec<u64> = e["years"].as_array().unwrap().iter().map(|y| y.as_u64().unwrap()).collect();

        // The workbook.
        let book_path = dir.path().join("r.xlsx");
        grip().arg("report").arg(&path).arg("--xlsx").arg(&book_path).arg("--allow-errors").assert().code(0);
        let mut book: Xlsx<_> = open_workbook(&book_path).unwrap();
        let balance = book.worksheet_range("Balance").unwrap();
        let row_of =
            |label: &str| balance.rows().find(|r| matches!(&r[0], Data::String(s) if s == label)).map(<[Data]>::to_vec);
        for (label, key) in [("Savings of measures", "savings"), ("Costs of execution", "costs")] {
            let row = row_of(label).unwrap_or_else(|| panic!("{name}: no row {label} in the workbook"));
            for (i, t) in e["totals"].as_array().unwrap().iter().enumerate() {
                let want = figure(&t[key]).known;
                let got = number(&row[1 + i]).unwrap_or_else(|| panic!("{name}: {label} {} is not a number", years[i]));
                assert!(close(got, want), "{name}: {label} {}: workbook {got}, eval {want}", years[i]);
                compared += 1;
            }
        }
        if let Some(row) = row_of("Balance after measures") {
            for (i, t) in e["totals"].as_array().unwrap().iter().enumerate() {
                if t["balance"].is_null() {
                    continue;
                }
                let want = figure(&t["balance"]).known;
                let got = number(&row[1 + i]).unwrap_or(f64::NAN);
                assert!(close(got, want), "{name}: balance {}: workbook {got}, eval {want}", years[i]);
                compared += 1;
            }
        }
        let measures = book.worksheet_range("Measures").unwrap();
        for (mi, m) in e["measures"].as_array().unwrap().iter().enumerate() {
            let row = measures.rows().nth(1 + mi).unwrap();
            assert_eq!(row[0], Data::String(m["id"].as_str().unwrap().to_string()), "{name}: measure order");
            for (i, s) in m["savings"].as_array().unwrap().iter().enumerate() {
                let f = figure(s);
                match &row[5 + i] {
                    Data::String(text) => assert_eq!(*text, eur_figure(&f), "{name}: {} {}", m["id"], years[i]),
                    other => {
                        assert!(close(number(other).unwrap_or(f64::NAN), f.known), "{name}: {} {}", m["id"], years[i])
                    }
                }
                compared += 1;
            }
        }
        for g in e["groups"].as_array().unwrap() {
            let Some(targets) = g["targets"].as_array().filter(|t| !t.is_empty()) else { continue };
            let sheet = book
                .sheet_names()
                .into_iter()
                .find(|s| *s == format!("Group {}", g["id"].as_str().unwrap()).chars().take(28).collect::<String>());
            let Some(sheet) = sheet else { continue };
            let range = book.worksheet_range(&sheet).unwrap();
            let target_row = range.rows().find(|r| matches!(&r[0], Data::String(s) if s == "Target")).unwrap().to_vec();
            let reached_row =
                range.rows().find(|r| matches!(&r[0], Data::String(s) if s == "Reached")).unwrap().to_vec();
            for t in targets {
                let Some(i) = years.iter().position(|y| Some(*y) == t["year"].as_u64()) else { continue };
                assert!(close(number(&target_row[1 + i]).unwrap_or(f64::NAN), dec(&t["amount"])), "{name}: target");
                let Data::String(verdict) = &reached_row[1 + i] else { panic!("{name}: no verdict") };
                assert!(
                    verdict.starts_with(match t["verdict"].as_str().unwrap() {
                        "met" => "met",
                        "not met" => "short",
                        _ => "cannot be verified",
                    }),
                    "{name}: {verdict} against {}",
                    t["verdict"]
                );
                compared += 1;
            }
        }

        // The Markdown report.
        let out = grip().arg("report").arg(&path).args(["--markdown", "--allow-errors"]).output().unwrap();
        let md = String::from_utf8(out.stdout).unwrap();
        for (label, key) in
            [("Savings of measures", "savings"), ("Costs of execution", "costs"), ("Balance after measures", "balance")]
        {
            let Some(cells) = markdown_row(&md, label) else {
                assert!(key == "balance", "{name}: no row {label} in the Markdown report");
                continue;
            };
            for (i, t) in e["totals"].as_array().unwrap().iter().enumerate() {
                let want = if t[key].is_null() { "—".to_string() } else { eur_figure(&figure(&t[key])) };
                assert_eq!(cells[i], want, "{name}: Markdown {label} {}", years[i]);
                compared += 1;
            }
        }

        // The language server's hovers: each measure's savings per year, each group's targets.
        let text = std::fs::read_to_string(&path).unwrap();
        let uri = format!("file://{}", std::fs::canonicalize(&path).unwrap().display());
        client.notify(
            "textDocument/didOpen",
            json!({"textDocument": {"uri": uri, "languageId": "plan", "version": 1, "text": text}}),
        );
        let _ = client.diagnostics_for(&uri);
        for m in e["measures"].as_array().unwrap() {
            let id = m["id"].as_str().unwrap();
            // The measure's line, in the plan's keywords (English or Dutch).
            let Some((at, kw)) = ["measure", "maatregel"]
                .iter()
                .find_map(|kw| text.find(&format!("{kw} {id} ")).map(|at| (at, kw.len() + 1)))
            else {
                continue;
            };
            let pos = position_at(&text, at + kw);
            let hover = client.request("textDocument/hover", json!({"textDocument": {"uri": uri}, "position": pos}));
            let value = hover["contents"]["value"].as_str().unwrap_or_default().to_string();
            for (i, s) in m["savings"].as_array().unwrap().iter().enumerate() {
                let line = format!("| {} | {} |", years[i], eur_figure(&figure(s)));
                assert!(value.contains(&line), "{name}: hover of {id} lacks `{line}`:\n{value}");
                compared += 1;
            }
        }
        for g in e["groups"].as_array().unwrap() {
            let id = g["id"].as_str().unwrap();
            let Some((at, kw)) = ["group", "onderdeel"]
                .iter()
                .find_map(|kw| text.find(&format!("{kw} {id} ")).map(|at| (at, kw.len() + 1)))
            else {
                continue;
            };
            let pos = position_at(&text, at + kw);
            let hover = client.request("textDocument/hover", json!({"textDocument": {"uri": uri}, "position": pos}));
            let value = hover["contents"]["value"].as_str().unwrap_or_default().to_string();
            for t in g["targets"].as_array().unwrap() {
                let line = format!("by {}: the measures save {}", t["year"], eur_figure(&figure(&t["reached"])));
                assert!(value.contains(&line), "{name}: hover of group {id} lacks `{line}`:\n{value}");
                compared += 1;
            }
        }
        client.notify("textDocument/didClose", json!({"textDocument": {"uri": uri}}));
    }
    eprintln!("consistency: {compared} figures compared across eval, xlsx, Markdown and hovers");
    assert!(compared > 500, "only {compared} figures compared");
}

/// The command line checks without writing down every recomputed figure (a right total is
/// passed on its figure alone); the language server records them. Both find the same problems,
/// in the same order, on every example, real document and fixture, and on generated plans.
#[test]
fn checking_with_and_without_records_finds_the_same_problems_and_spans() {
    let mut texts: Vec<(String, String)> = Vec::new();
    let mut dirs = vec![PathBuf::from("examples"), PathBuf::from("tests/real"), PathBuf::from("tests/fixtures")];
    while let Some(dir) = dirs.pop() {
        let Ok(entries) = std::fs::read_dir(&dir) else { continue };
        for p in entries.flatten().map(|e| e.path()) {
            if p.is_dir() {
                dirs.push(p);
            } else if p.extension().is_some_and(|e| e == "plan") {
                texts.push((p.display().to_string(), std::fs::read_to_string(&p).unwrap()));
            }
        }
    }
    assert!(texts.len() > 100, "the plans of the project are found");
    for args in [&["--measures", "300"][..], &["--measures", "200", "--wrong-every", "3", "--seed", "5"]] {
        let mut buf = Vec::new();
        gen::generate(gen::options(args), &mut buf).unwrap();
        texts.push((format!("gen {}", args.join(" ")), String::from_utf8(buf).unwrap()));
    }
    for (name, text) in texts {
        let path = std::path::Path::new(&name);
        let loaded = grip::resolve::load_text(&name, path.exists().then_some(path), text);
        let plain = grip::check::check(&loaded);
        let (recorded, records) = grip::check::check_recording(&loaded);
        assert_eq!(plain, recorded, "{name}: the problems differ with and without records");
        // A group's sum from its sub-groups' is the sum of all its measures.
        let sums = grip::formula::Sums::new(&loaded.model);
        let years = loaded.model.period().map(|p| p.first.value..=p.last.value);
        for year in years.into_iter().flatten() {
            for kind in [grip::syntax::ast::EffectKind::Saving, grip::syntax::ast::EffectKind::Cost] {
                for g in 0..loaded.model.groups.len() + 1 {
                    let measures = loaded.model.measures_in(g);
                    let direct = grip::formula::plain_sum(&loaded.model, measures, kind, year);
                    assert_eq!(sums.plain(Some(g), kind, year), direct, "{name}: group {g}, {year}");
                }
                let all = grip::formula::plain_sum(&loaded.model, 0..loaded.model.measures.len(), kind, year);
                assert_eq!(sums.plain(None, kind, year), all, "{name}: the plan, {year}");
            }
        }
        // The records the language server makes when a hover asks are the same.
        assert_eq!(grip::check::recomputed(&loaded.model), records, "{name}: the records differ");
        // A diagnostic's span (found without building its labels) is where its primary label is.
        for d in &plain {
            for lang in [grip::lang::Lang::En, grip::lang::Lang::Nl] {
                let primary: Vec<_> = d.labels_in(lang).into_iter().filter(|l| l.primary).map(|l| l.span).collect();
                assert_eq!(primary, vec![d.span()], "{name}: {d:?}");
            }
        }
    }
}
