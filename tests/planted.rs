//! Planted slips. For every plan in examples/ and tests/real/, every printed figure that a
//! printed total covers (a line a total adds, or the total itself) is changed in turn, one
//! figure per copy of the plan, by at least two printed units, and grip must report the slip as
//! an error that names the printed and the computed figure (`grip::total_mismatch`).
//!
//! How far a figure is moved: two of its printed units, or more where the totals that use it
//! are printed coarser or hide more rounding (figures printed in thousands may each hide half a
//! thousand), so that the change is beyond anything rounding can explain. The counts are
//! printed (`cargo test --test planted -- --nocapture`) and recorded in docs/performance.md.

use grip::api;
use grip::formula::printed_totals;
use grip::syntax::ast::Span;
use grip::syntax::number::{format_dutch, parse_dutch};
use rust_decimal::Decimal;
use std::collections::{BTreeMap, HashSet};
use std::path::{Path, PathBuf};

fn plans() -> Vec<PathBuf> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut out = Vec::new();
    for dir in ["examples", "tests/real"] {
        let Ok(entries) = std::fs::read_dir(root.join(dir)) else { continue };
        out.extend(entries.flatten().map(|e| e.path()).filter(|p| p.extension().is_some_and(|e| e == "plan")));
    }
    out.sort();
    out
}

/// What a check says about recomputed figures: (code, where, printed, computed).
fn findings(c: &api::Checked) -> HashSet<(String, usize, String, String)> {
    c.diagnostics
        .iter()
        .filter(|d| d.code() == "grip::total_mismatch")
        .filter_map(|d| {
            let f = d.figure()?;
            Some((
                d.code().to_string(),
                d.span().start,
                f.declared.normalize().to_string(),
                f.computed.normalize().to_string(),
            ))
        })
        .collect()
}

/// The first run of digits (with dots and commas between them) in `text`, as a byte range.
fn digits(text: &str) -> Option<(usize, usize)> {
    let b = text.as_bytes();
    let start = b.iter().position(u8::is_ascii_digit)?;
    let mut end = start;
    while end < b.len() {
        if b[end].is_ascii_digit() || b[end] == b'_' {
            end += 1;
        } else if matches!(b[end], b'.' | b',') && b.get(end + 1).is_some_and(u8::is_ascii_digit) {
            end += 2;
        } else {
            break;
        }
    }
    Some((start, end))
}

/// The text with the figure at `span` moved up by `units` of its printed step.
fn plant(text: &str, span: Span, units: Decimal) -> Option<String> {
    let figure = text.get(span.start..span.end)?;
    let (a, b) = digits(figure)?;
    let printed = parse_dutch(&figure[a..b]).ok()?;
    let step = Decimal::new(1, printed.scale());
    let moved = format_dutch(printed + step * units);
    Some(format!("{}{}{moved}{}{}", &text[..span.start], &figure[..a], &figure[b..], &text[span.end..]))
}

#[test]
fn every_covered_figure_changed_is_an_error() {
    let mut report = Vec::new();
    let mut missed = Vec::new();
    for path in plans() {
        let name = path.strip_prefix(env!("CARGO_MANIFEST_DIR")).unwrap_or(&path).display().to_string();
        let text = std::fs::read_to_string(&path).expect("plans are UTF-8");
        let base = api::check_text(&name, Some(&path), text.clone());
        let before = findings(&base);
        // Each covered figure, with how far it must move to be beyond what any total that uses it
        // may hide: half a printed step of every figure of the total, the plan's tolerance, and
        // the total's own step.
        let tolerance = base
            .model
            .header
            .as_ref()
            .map(|h| h.tolerances.iter().map(|t| t.value.value).max().unwrap_or_default())
            .unwrap_or_default();
        let mut need: BTreeMap<(usize, usize), (Decimal, Decimal)> = BTreeMap::new();
        for total in printed_totals(&base.model).into_iter().filter(|t| t.span.file.0 == 0) {
            let halves: Decimal = total.terms.iter().map(|t| t.1).chain([total.step]).sum::<Decimal>() / Decimal::TWO;
            let hidden = halves + total.step + tolerance;
            for (span, step) in total.terms.iter().copied().chain([(total.span, total.step)]) {
                if span.file.0 != 0 {
                    continue;
                }
                let entry = need.entry((span.start, span.end)).or_insert((step, Decimal::ZERO));
                entry.1 = entry.1.max(hidden);
            }
        }
        let (mut planted, mut found) = (0, 0);
        let mut units_used = BTreeMap::new();
        for (&(start, end), &(step, hidden)) in &need {
            let units = ((hidden / step).floor() + Decimal::ONE).max(Decimal::TWO);
            let span = Span::new(base.model.root_span.file, start, end);
            let Some(changed) = plant(&text, span, units) else { continue };
            planted += 1;
            *units_used.entry(units.normalize().to_string()).or_insert(0) += 1;
            let after = api::check_text(&name, Some(&path), changed);
            if findings(&after).difference(&before).next().is_some() {
                found += 1;
            } else {
                let (line, col) = base.sources.line_col(span);
                missed.push(format!("{name}:{line}:{col}: `{}` moved {units} units, no new error", &text[start..end]));
            }
        }
        report.push(format!("{name}: {planted} planted, {found} found, units {units_used:?}"));
    }
    eprintln!("planted slips:\n  {}", report.join("\n  "));
    assert!(missed.is_empty(), "slips grip did not report:\n{}", missed.join("\n"));
}
