//! The in-process stages of grip on synthetic plans of 1k, 10k and 100k measures (the plans of
//! `examples/gen.rs`, default options): parse, parse + resolve, check (on a resolved plan), the
//! whole of `grip check` without rendering (`api::check_text`), eval and fmt; and what the
//! language server does on every didChange of a 5,000-measure plan (`api::check_text_reusing`,
//! the call `src/lsp/engine.rs` makes before it publishes diagnostics).
//!
//! ```sh
//! nice -n 19 cargo bench -j 1 --bench pipeline                          # every size
//! GRIP_BENCH_SIZES=1000,10000 nice -n 19 cargo bench -j 1 --bench pipeline -- parse
//! GRIP_BENCH_MINIMAL=1 GRIP_FRONT_END=pest cargo bench --bench pipeline -- '^parse/'
//! ```
//!
//! `GRIP_BENCH_MINIMAL=1` benches the generator's `--minimal` plans; `GRIP_FRONT_END=pest`
//! parses with pest alone instead of the fast front end (`src/syntax/fast.rs`).
//!
//! Throughput is in bytes of plan text (criterion prints MB/s); every figure includes dropping
//! what the stage built. See docs/performance.md for the figures and the method.

use criterion::measurement::WallTime;
use criterion::{
    criterion_group, criterion_main, BatchSize, BenchmarkGroup, BenchmarkId, Criterion, SamplingMode, Throughput,
};
use grip::syntax::ast::FileId;
use std::hint::black_box;
use std::time::Duration;

#[allow(dead_code)]
#[path = "../examples/gen.rs"]
mod gen;

/// A synthetic plan of `measures` measures, as `gen --measures N` writes it (with `--minimal`
/// when `GRIP_BENCH_MINIMAL=1`).
fn plan(measures: usize) -> String {
    let mut buf = Vec::new();
    let n = measures.to_string();
    let mut args = vec!["--measures", &n];
    if std::env::var("GRIP_BENCH_MINIMAL").is_ok_and(|v| v == "1") {
        args.push("--minimal");
    }
    gen::generate(gen::options(&args), &mut buf).expect("the generator writes");
    String::from_utf8(buf).expect("the generator writes UTF-8")
}

/// The sizes to run: `GRIP_BENCH_SIZES=1000,10000`, else 1k, 10k and 100k.
fn sizes() -> Vec<usize> {
    std::env::var("GRIP_BENCH_SIZES")
        .ok()
        .map(|s| s.split(',').filter_map(|n| n.trim().parse().ok()).collect())
        .unwrap_or_else(|| vec![1_000, 10_000, 100_000])
}

/// A group of slow benchmarks: ten samples of one run each (a 100k plan takes seconds).
fn setup<'c>(c: &'c mut Criterion, name: &str) -> BenchmarkGroup<'c, WallTime> {
    let mut g = c.benchmark_group(name);
    g.sampling_mode(SamplingMode::Flat).sample_size(10).warm_up_time(Duration::from_secs(1));
    g
}

fn stages(c: &mut Criterion) {
    let plans: Vec<(usize, String)> = sizes().into_iter().map(|n| (n, plan(n))).collect();
    let mut g = setup(c, "parse");
    for (n, text) in &plans {
        g.throughput(Throughput::Bytes(text.len() as u64));
        g.bench_with_input(BenchmarkId::from_parameter(n), text, |b, text| {
            b.iter(|| grip::syntax::parse(FileId(0), black_box(text)))
        });
    }
    g.finish();

    let mut g = setup(c, "parse+resolve");
    for (n, text) in &plans {
        g.throughput(Throughput::Bytes(text.len() as u64));
        g.bench_with_input(BenchmarkId::from_parameter(n), text, |b, text| {
            b.iter_batched(
                || text.clone(),
                |text| grip::resolve::load_text("bench.plan", None, text),
                BatchSize::PerIteration,
            )
        });
    }
    g.finish();

    let mut g = setup(c, "check");
    for (n, text) in &plans {
        let loaded = grip::resolve::load_text("bench.plan", None, text.clone());
        g.throughput(Throughput::Bytes(text.len() as u64));
        g.bench_with_input(BenchmarkId::from_parameter(n), &loaded, |b, loaded| {
            b.iter(|| grip::check::check(black_box(loaded)))
        });
    }
    g.finish();

    let mut g = setup(c, "check_text");
    for (n, text) in &plans {
        g.throughput(Throughput::Bytes(text.len() as u64));
        g.bench_with_input(BenchmarkId::from_parameter(n), text, |b, text| {
            b.iter_batched(
                || text.clone(),
                |text| grip::api::check_text("bench.plan", None, text),
                BatchSize::PerIteration,
            )
        });
    }
    g.finish();

    let mut g = setup(c, "eval");
    for (n, text) in &plans {
        let checked = grip::api::check_text("bench.plan", None, text.clone());
        g.throughput(Throughput::Bytes(text.len() as u64));
        g.bench_with_input(BenchmarkId::from_parameter(n), &checked.model, |b, model| {
            b.iter(|| grip::eval::evaluate(black_box(model)))
        });
    }
    g.finish();

    let mut g = setup(c, "fmt");
    for (n, text) in &plans {
        g.throughput(Throughput::Bytes(text.len() as u64));
        g.bench_with_input(BenchmarkId::from_parameter(n), text, |b, text| {
            b.iter(|| grip::fmt::format_source(black_box(text)).expect("the generated plan formats"))
        });
    }
    g.finish();
}

/// The language server's work between a didChange and its publishDiagnostics, on a plan of
/// 5,000 measures: `grip lsp` parses again the pieces a one-digit edit touched and checks the plan
/// without records (`api::check_text_reusing`, as `src/lsp/engine.rs` calls it). Two texts that
/// differ in one digit of a saving line are checked in turn, as typing does. Converting the
/// diagnostics to LSP positions is not included (`benches/lsp_latency.py` measures the whole
/// round trip through `grip lsp`).
fn lsp_did_change(c: &mut Criterion) {
    let text = plan(5_000);
    let key = "saving € ";
    let at = text.match_indices(key).nth(2_500).map(|(i, _)| i + key.len()).expect("the plan has savings");
    let mut edited = text.clone();
    let digit = if edited.as_bytes()[at] == b'9' { "8" } else { "9" };
    edited.replace_range(at..at + 1, digit);
    let mut reuse = grip::syntax::reuse::Reuse::new();
    let mut turn = false;
    let mut g = c.benchmark_group("lsp_did_change");
    g.sample_size(20).throughput(Throughput::Bytes(text.len() as u64));
    g.bench_function("5000", |b| {
        b.iter_batched(
            || {
                turn = !turn;
                if turn {
                    edited.clone()
                } else {
                    text.clone()
                }
            },
            |t| grip::api::check_text_reusing("bench.plan", None, t, &mut reuse),
            BatchSize::PerIteration,
        )
    });
    g.finish();
}

criterion_group!(benches, stages, lsp_did_change);
criterion_main!(benches);
