//! A generator of synthetic savings plans of any size, for benchmarks and fuzzing seeds.
//!
//! ```sh
//! cargo run --release --example gen -- --measures 100000 > /tmp/p.plan
//! cargo run --release --example gen -- --measures 10000 --format beancount > /tmp/p.beancount
//! ```
//!
//! A plan (`--format plan`) has N measures in nested groups (top groups of `--subgroups` leaf
//! groups of `--group-size` measures), every kind of saving line (structural, ramps, yearly
//! values, without a year, costs), shares that match the budget, ranges, comments and
//! descriptions; per leaf group a table of yearly series (staffing, costs) with total rows,
//! and at the top level a budget and a forecast table and a table of what the measures bring.
//! Declared totals (group totals, group targets, table total rows, the plan total) are right,
//! except every `--wrong-every`-th total line, which has one figure off by a few thousand euros:
//! `grip check` reports those as `grip::total_mismatch` (and exits 1).
//!
//! `--format ledger|beancount` writes the equivalent journal for ledger/hledger or
//! beancount/rustledger: one transaction per measure with a posting per year it saves
//! something (to the account of its leaf group and that year), and one balance assertion per
//! leaf group and year, the same figures the plan's `--minimal` variant declares as
//! `total saving 2025: …, 2026: …`. The journals and the `--minimal` plan have the same wrong
//! totals.
//!
//! Everything is deterministic: the same arguments give the same bytes.

use clap::{Parser, ValueEnum};
use std::fmt::Write as _;
use std::io::{self, BufWriter, Write};

#[derive(Copy, Clone, PartialEq, Eq, ValueEnum)]
pub enum Format {
    /// A grip plan.
    Plan,
    /// A ledger / hledger journal.
    Ledger,
    /// A beancount file (bean-check, rustledger).
    Beancount,
}

/// Writes a synthetic savings plan (or the equivalent journal) to standard output.
#[derive(Parser)]
#[command(name = "gen")]
pub struct Options {
    /// Number of measures.
    #[arg(long, default_value_t = 1000)]
    pub measures: usize,
    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Plan)]
    pub format: Format,
    /// Measures per leaf group.
    #[arg(long, default_value_t = 20)]
    pub group_size: usize,
    /// Leaf groups per top group.
    #[arg(long, default_value_t = 5)]
    pub subgroups: usize,
    /// First year of the plan's period.
    #[arg(long, default_value_t = 2025)]
    pub first_year: u16,
    /// Number of years in the period.
    #[arg(long, default_value_t = 4)]
    pub years: u16,
    /// Every K-th declared total line has one wrong figure; 0 makes every total right.
    #[arg(long, default_value_t = 20)]
    pub wrong_every: usize,
    /// Only what the journals hold: header, groups, measures with their savings, and the leaf
    /// groups' yearly totals (no tables, costs, shares, comments or descriptions).
    #[arg(long)]
    pub minimal: bool,
    /// Seed of the pseudo-random figures.
    #[arg(long, default_value_t = 1)]
    pub seed: u64,
}

/// splitmix64: small, fast, and good enough for synthetic figures.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
    /// A number in `lo..=hi`.
    fn range(&mut self, lo: i64, hi: i64) -> i64 {
        lo + (self.next() % ((hi - lo + 1) as u64)) as i64
    }
}

/// An integer in Dutch notation: `1.171.494`, `-28.000`.
fn nl(v: i64) -> String {
    let digits = v.unsigned_abs().to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3 + 1);
    if v < 0 {
        out.push('-');
    }
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push('.');
        }
        out.push(c);
    }
    out
}

/// A table cell: `-` for zero, else the figure in Dutch notation.
fn cell(v: i64) -> String {
    if v == 0 {
        "-".into()
    } else {
        nl(v)
    }
}

/// Tenths of an fte as printed: `0,6`, `1,5`, `-`.
fn fte(tenths: i64) -> String {
    if tenths == 0 {
        "-".into()
    } else {
        format!("{},{}", tenths / 10, tenths % 10)
    }
}

const TAAKVELDEN: [&str; 7] = ["6.1", "6.2", "6.3", "6.4", "6.5", "6.6", "7.1"];
const CATEGORIES: [&str; 4] = ["beleidskeuze", "bedrijfsvoering", "businesscase", "efficiency"];
const OWNERS: [&str; 4] =
    ["beleidsmedewerker Jeugd", "beleidsmedewerker Wmo", "teamleider Participatie", "controller Sociaal Domein"];

/// One measure: its lines as a plan writes them, and what it saves and costs per year.
struct Measure {
    id: usize,
    lines: Vec<String>,
    savings: Vec<i64>,
    costs: Vec<i64>,
}

/// What was generated.
#[derive(Debug, Clone, Copy)]
pub struct Stats {
    pub measures: usize,
    pub leaf_groups: usize,
    pub tables: usize,
    /// Declared total lines (group totals, table total rows, plan totals, assertions per group).
    pub total_lines: usize,
    /// Declared figures in them (a line of four years has four).
    pub declared_figures: usize,
    /// Total lines with a wrong figure.
    pub wrong: usize,
    pub bytes: usize,
}

/// Options from command-line style arguments (without the program name), e.g.
/// `options(&["--measures", "5000"])`.
pub fn options(args: &[&str]) -> Options {
    Options::parse_from(std::iter::once("gen").chain(args.iter().copied()))
}

/// Writes the plan (or journal) `opts` describe to `sink`.
pub fn generate(opts: Options, sink: &mut dyn Write) -> io::Result<Stats> {
    if opts.years < 2 || opts.group_size == 0 || opts.subgroups == 0 {
        return Err(io::Error::new(
            io::ErrorKind::InvalidInput,
            "--years must be at least 2, --group-size and --subgroups at least 1",
        ));
    }
    let years = opts.years as usize;
    let seed = opts.seed;
    let format = opts.format;
    let mut g = Gen {
        args: opts,
        sink,
        failed: None,
        bytes: 0,
        rng: Rng(seed),
        out: String::with_capacity(1 << 17),
        total_lines: 0,
        wrong: 0,
        declared_figures: 0,
        next_measure: 0,
        leaf_groups: 0,
        tables: 0,
        plan_savings: vec![0; years],
        plan_costs: vec![0; years],
    };
    match format {
        Format::Plan => g.plan(),
        Format::Ledger | Format::Beancount => g.journal(),
    }
    g.write_out();
    if let Some(e) = g.failed {
        return Err(e);
    }
    Ok(Stats {
        measures: g.next_measure,
        leaf_groups: g.leaf_groups,
        tables: g.tables,
        total_lines: g.total_lines,
        declared_figures: g.declared_figures,
        wrong: g.wrong,
        bytes: g.bytes,
    })
}

struct Gen<'w> {
    args: Options,
    sink: &'w mut dyn Write,
    /// The first write error; nothing more is written after it.
    failed: Option<io::Error>,
    bytes: usize,
    rng: Rng,
    out: String,
    /// Declared total lines written so far (to pick the wrong ones).
    total_lines: usize,
    wrong: usize,
    declared_figures: usize,
    next_measure: usize,
    leaf_groups: usize,
    tables: usize,
    plan_savings: Vec<i64>,
    plan_costs: Vec<i64>,
}

impl Gen<'_> {
    fn last_year(&self) -> u16 {
        self.args.first_year + self.args.years - 1
    }

    /// Whether the next declared total line gets a wrong figure, and by how much.
    fn slip(&mut self) -> i64 {
        self.total_lines += 1;
        let k = self.args.wrong_every;
        if k > 0 && self.total_lines % k == 0 {
            self.wrong += 1;
            self.rng.range(1, 9) * 1000
        } else {
            0
        }
    }

    fn measure(&mut self) -> Measure {
        self.next_measure += 1;
        let id = self.next_measure;
        let n = self.args.years as usize;
        let first = self.args.first_year;
        let minimal = self.args.minimal;
        let rng = &mut self.rng;
        let mut lines = Vec::new();
        let mut savings = vec![0i64; n];
        let mut costs = vec![0i64; n];
        let budget = rng.range(100, 5000) * 1000;
        if !minimal {
            lines.push(format!("category {}", CATEGORIES[id % CATEGORIES.len()]));
            lines.push(format!("owner \"{}\"", OWNERS[id % OWNERS.len()]));
            lines.push(format!("budget € {}", nl(budget)));
        }
        match id % 4 {
            // Structural from a year, stated as a share of the budget.
            0 => {
                let pct = rng.range(1, 5) * 5;
                let amount = budget * pct / 100;
                let from = rng.range(0, n as i64 - 1) as usize;
                savings[from..].iter_mut().for_each(|s| *s = amount);
                if minimal {
                    lines.push(format!("saving € {} from {}", nl(amount), first as usize + from));
                } else {
                    lines.push(format!("saving € {} from {}  // structureel", nl(amount), first as usize + from));
                    lines.push(format!("share {pct}% of budget"));
                    lines.push(format!("taakveld {}", TAAKVELDEN[id % TAAKVELDEN.len()]));
                }
            }
            // A ramp: an incidental first year, structural after it, within a stated range.
            1 => {
                let low = rng.range(1, 40) * 1000;
                let high = low + rng.range(1, 40) * 1000;
                let from = rng.range(1, (n as i64 - 1).max(1)) as usize;
                let at = from - 1;
                savings[at] = low;
                savings[from..].iter_mut().for_each(|s| *s = high);
                lines.push(format!("saving € {} in {}", nl(low), first as usize + at));
                lines.push(format!("saving € {} from {}", nl(high), first as usize + from));
                if !minimal {
                    lines.push(format!("range € {} .. € {}", nl(low), nl(high)));
                    lines.push(format!("taakveld {}, {}", TAAKVELDEN[id % 7], TAAKVELDEN[(id + 3) % 7]));
                    if id > 1 {
                        lines.push(format!("related M{}", id - 1));
                    }
                }
            }
            // Yearly values, as a table row of the document prints them.
            2 => {
                let mut pairs = Vec::new();
                for (i, s) in savings.iter_mut().enumerate() {
                    *s = rng.range(0, 60) * 500;
                    if *s > 0 {
                        pairs.push(format!("{}: € {}", first as usize + i, nl(*s)));
                    } else {
                        pairs.push(format!("{}: € 0", first as usize + i));
                    }
                }
                lines.push(format!("saving {}", pairs.join(", ")));
                // Drawn in every mode, so the figures are the same with and without --minimal.
                let dossiers = rng.range(1, 400);
                if !minimal {
                    lines.push(format!(
                        "decision needed in \"deelplan {}\" planned {}-Q{}",
                        id % 13,
                        first,
                        id % 4 + 1
                    ));
                    lines.push(format!("indicator \"dossiers\" {dossiers} dossiers"));
                }
            }
            // Every year of the period, with a cost of execution in the first year.
            _ => {
                let amount = rng.range(1, 100) * 250;
                savings.iter_mut().for_each(|s| *s = amount);
                lines.push(format!("saving € {}", nl(amount)));
                let cost = rng.range(1, 20) * 500;
                if !minimal {
                    costs[0] = cost;
                    lines.push(format!("cost € {} in {}", nl(cost), first));
                    lines.push(format!("start {}-01-01", first));
                    lines.push(format!("end {}-12-31", first as usize + n - 1));
                    if id % 12 == 3 {
                        lines.push(
                            "description \"\"\"\n      Een synthetische maatregel: de tekst staat hier om\n      \
                             meerregelige tekst te laten lezen.\n      \"\"\""
                                .into(),
                        );
                    }
                }
            }
        }
        Measure { id, lines, savings, costs }
    }

    fn plan(&mut self) {
        let (first, last) = (self.args.first_year, self.last_year());
        let n = self.args.years as usize;
        let _ = writeln!(
            self.out,
            "// Synthetic plan: {} measures (examples/gen.rs, seed {}).",
            self.args.measures, self.args.seed
        );
        let _ = writeln!(self.out, "plan \"Synthetisch bezuinigingsplan\" {{");
        let _ = writeln!(self.out, "  municipality \"Synthetica\"");
        let _ = writeln!(self.out, "  adopted {}-06-27", first - 1);
        let _ = writeln!(self.out, "  period {first}..{last}");
        let _ = writeln!(self.out, "  tolerance € 1");
        let _ = writeln!(self.out, "}}\n");
        self.flush();
        let mut remaining = self.args.measures;
        let mut top = 0;
        while remaining > 0 {
            top += 1;
            let _ = writeln!(self.out, "group G{top} \"Deel {top}\" {{");
            let mut top_savings = vec![0i64; n];
            let mut sub = 0;
            while remaining > 0 && sub < self.args.subgroups {
                sub += 1;
                let size = remaining.min(self.args.group_size);
                remaining -= size;
                let leaf = self.leaf_group(top, sub, size);
                top_savings.iter_mut().zip(&leaf).for_each(|(t, l)| *t += l);
            }
            if !self.args.minimal {
                let target = top_savings[n - 1] * 9 / 10 / 1000 * 1000;
                let _ = writeln!(self.out, "  target € {} by {last}", nl(target));
                let slip = self.slip();
                let pairs: Vec<String> = top_savings
                    .iter()
                    .enumerate()
                    .map(|(i, s)| {
                        self.declared_figures += 1;
                        let s = if i == n - 1 { s + slip } else { *s };
                        format!("{}: € {}", first as usize + i, nl(s))
                    })
                    .collect();
                let _ = writeln!(self.out, "  total saving {}", pairs.join(", "));
            }
            let _ = writeln!(self.out, "}}\n");
            self.flush();
        }
        if self.args.minimal {
            return;
        }
        // The plan total, and the baseline and the plan's contribution at the top level.
        let total = self.plan_savings[n - 1];
        let _ = writeln!(self.out, "// The plan total as printed.");
        let _ = writeln!(self.out, "total saving € {}", nl(total));
        let _ = writeln!(self.out, "total cost € {} in {first}\n", nl(self.plan_costs[0]));
        self.declared_figures += 2;
        let rows = TAAKVELDEN.len() as i64;
        let mut budget_rows = Vec::new();
        let mut forecast_rows = Vec::new();
        for (r, _) in TAAKVELDEN.iter().enumerate() {
            let b: Vec<i64> = (0..n).map(|_| self.rng.range(1000, 9000) * 1000).collect();
            // The forecast exceeds the budget by a bit more than the measures save.
            let f: Vec<i64> = b
                .iter()
                .enumerate()
                .map(|(i, v)| v + (self.plan_savings[i] * 11 / 10) / rows + r as i64 * 1000)
                .collect();
            budget_rows.push(b);
            forecast_rows.push(f);
        }
        for (id, title, role, rows) in
            [("begroting", "Begroting", "budget", &budget_rows), ("prognose", "Prognose", "forecast", &forecast_rows)]
        {
            let _ = writeln!(self.out, "table {id} \"{title}\" as {role} {{");
            let _ = writeln!(self.out, "  columns {first}..{last}");
            for (r, code) in TAAKVELDEN.iter().enumerate() {
                let cells: Vec<String> = rows[r].iter().map(|v| cell(*v)).collect();
                let name = code.replace('.', "_");
                let _ = writeln!(self.out, "  row tv{name} \"Taakveld {code}\" taakveld {code} : {}", cells.join(" "));
            }
            let sums: Vec<i64> = (0..n).map(|i| rows.iter().map(|r| r[i]).sum()).collect();
            self.total_row("totaal", "Totaal", "sum", &sums);
            let _ = writeln!(self.out, "}}\n");
        }
        let _ = writeln!(self.out, "table opgave \"Bijdrage maatregelen aan de opgave\" {{");
        let _ = writeln!(self.out, "  columns {first}..{last}");
        let savings = self.plan_savings.clone();
        let costs = self.plan_costs.clone();
        self.total_row("bijdrage", "Bijdrage maatregelen", "savings", &savings);
        self.total_row("kosten", "Uitvoeringskosten", "costs", &costs);
        let cumulative: Vec<i64> = savings
            .iter()
            .scan(0, |acc, s| {
                *acc += s;
                Some(*acc)
            })
            .collect();
        self.total_row("cumulatief", "Cumulatieve bijdrage", "cumulative(bijdrage)", &cumulative);
        let _ = writeln!(self.out, "}}");
        self.flush();
    }

    /// A total row of a table; one figure may be a slip.
    fn total_row(&mut self, name: &str, label: &str, formula: &str, values: &[i64]) {
        let slip = self.slip();
        let n = values.len();
        let cells: Vec<String> = values
            .iter()
            .enumerate()
            .map(|(i, v)| {
                self.declared_figures += 1;
                cell(if i == n - 1 { v + slip } else { *v })
            })
            .collect();
        let _ = writeln!(self.out, "  total {name} \"{label}\" = {formula} : {}", cells.join(" "));
    }

    /// A leaf group with `size` measures; returns what they save per year.
    fn leaf_group(&mut self, top: usize, sub: usize, size: usize) -> Vec<i64> {
        self.leaf_groups += 1;
        let n = self.args.years as usize;
        let first = self.args.first_year as usize;
        let minimal = self.args.minimal;
        let _ = writeln!(self.out, "  group G{top}.{sub} \"Deel {top}.{sub}\" {{");
        let mut savings = vec![0i64; n];
        let mut costs = vec![0i64; n];
        for _ in 0..size {
            let m = self.measure();
            if !minimal && m.id % 10 == 7 {
                let _ = writeln!(self.out, "    // Bron: bijlage {}, regel {}.", top, m.id);
            }
            let _ = writeln!(self.out, "    measure M{} \"Maatregel {}\" {{", m.id, m.id);
            for l in &m.lines {
                let _ = writeln!(self.out, "      {l}");
            }
            let _ = writeln!(self.out, "    }}");
            savings.iter_mut().zip(&m.savings).for_each(|(t, s)| *t += s);
            costs.iter_mut().zip(&m.costs).for_each(|(t, s)| *t += s);
        }
        self.plan_savings.iter_mut().zip(&savings).for_each(|(t, s)| *t += s);
        self.plan_costs.iter_mut().zip(&costs).for_each(|(t, s)| *t += s);
        // The group's total as printed, per year.
        let slip = self.slip();
        let pairs: Vec<String> = savings
            .iter()
            .enumerate()
            .map(|(i, s)| {
                self.declared_figures += 1;
                format!("{}: € {}", first + i, nl(if i == n - 1 { s + slip } else { *s }))
            })
            .collect();
        let _ = writeln!(self.out, "    total saving {}", pairs.join(", "));
        if !minimal {
            // A table of yearly series: staffing and costs of execution, with totals.
            self.tables += 1;
            let _ = writeln!(self.out, "    table K{top}.{sub} \"Uitvoering deel {top}.{sub}\" {{");
            let _ = writeln!(self.out, "      columns {first}..{}", first + n - 1);
            let staff: Vec<i64> = (0..n).map(|i| if i < 2 { self.rng.range(1, 12) } else { 0 }).collect();
            let pay: Vec<i64> = staff.iter().map(|t| t * 10_000).collect();
            let other: Vec<i64> = (0..n).map(|_| self.rng.range(0, 50) * 1000).collect();
            let staff_cells: Vec<String> = staff.iter().map(|t| fte(*t)).collect();
            let pay_cells: Vec<String> = pay.iter().map(|v| cell(*v)).collect();
            let other_cells: Vec<String> = other.iter().map(|v| cell(*v)).collect();
            let _ = writeln!(
                self.out,
                "      row formatie \"Projectformatie\" fte as staffing : {}",
                staff_cells.join(" ")
            );
            let _ = writeln!(self.out, "      row kosten \"Kosten projectformatie\" as cost : {}", pay_cells.join(" "));
            let _ = writeln!(
                self.out,
                "      row overig \"Overige kosten\" as cost taakveld {} : {}",
                TAAKVELDEN[sub % 7],
                other_cells.join(" ")
            );
            let totals: Vec<i64> = pay.iter().zip(&other).map(|(a, b)| a + b).collect();
            self.out.push_str("    ");
            self.total_row("totaal", "Totaal", "kosten + overig", &totals);
            self.out.push_str("    ");
            self.total_row("bijdrage", "Bijdrage maatregelen", &format!("savings(G{top}.{sub})"), &savings);
            let _ = writeln!(self.out, "    }}");
        }
        let _ = writeln!(self.out, "  }}");
        savings
    }

    /// The journal: accounts per leaf group and year, a transaction per measure, and a balance
    /// assertion per leaf group and year.
    fn journal(&mut self) {
        let beancount = self.args.format == Format::Beancount;
        let n = self.args.years as usize;
        let first = self.args.first_year as usize;
        let date = format!("{}-06-27", first - 1);
        let check_date = format!("{}-01-01", first + n);
        let _ = writeln!(
            self.out,
            "; Synthetic journal: {} measures (examples/gen.rs, seed {}), equivalent to gen --minimal.",
            self.args.measures, self.args.seed
        );
        if beancount {
            let _ = writeln!(self.out, "option \"title\" \"Synthetisch bezuinigingsplan\"");
            let _ = writeln!(self.out, "option \"operating_currency\" \"EUR\"\n");
        }
        let mut remaining = self.args.measures;
        let mut top = 0;
        while remaining > 0 {
            top += 1;
            let mut sub = 0;
            while remaining > 0 && sub < self.args.subgroups {
                sub += 1;
                let size = remaining.min(self.args.group_size);
                remaining -= size;
                self.leaf_groups += 1;
                let base = format!("G{top:05}:G{top:05}-{sub:02}");
                let asset = format!("Assets:Begroting:{base}");
                let year_account = |y: usize| format!("Income:Besparing:{base}:J{y}");
                if beancount {
                    let _ = writeln!(self.out, "{}-01-01 open {asset} EUR", first - 1);
                    for i in 0..n {
                        let _ = writeln!(self.out, "{}-01-01 open {} EUR", first - 1, year_account(first + i));
                    }
                }
                let mut savings = vec![0i64; n];
                for _ in 0..size {
                    let m = self.measure();
                    let _ = writeln!(self.out, "{date} * \"M{} Maatregel {}\"", m.id, m.id);
                    for (i, s) in m.savings.iter().enumerate().filter(|(_, s)| **s != 0) {
                        let _ = writeln!(self.out, "  {}  {} EUR", year_account(first + i), -s);
                    }
                    let _ = writeln!(self.out, "  {asset}  {} EUR\n", m.savings.iter().sum::<i64>());
                    savings.iter_mut().zip(&m.savings).for_each(|(t, s)| *t += s);
                }
                let slip = self.slip();
                for (i, s) in savings.iter().enumerate() {
                    self.declared_figures += 1;
                    let s = if i == n - 1 { s + slip } else { *s };
                    if beancount {
                        let _ = writeln!(self.out, "{check_date} balance {}  {} EUR", year_account(first + i), -s);
                    } else {
                        let _ = writeln!(self.out, "{check_date} * \"Totaal {base} {}\"", first + i);
                        let _ = writeln!(self.out, "  {}  0 EUR = {} EUR", year_account(first + i), -s);
                    }
                }
                let _ = writeln!(self.out);
                self.flush();
            }
        }
    }

    fn flush(&mut self) {
        if self.out.len() > 1 << 16 {
            self.write_out();
        }
    }

    fn write_out(&mut self) {
        if self.failed.is_none() {
            if let Err(e) = self.sink.write_all(self.out.as_bytes()) {
                self.failed = Some(e);
            }
            self.bytes += self.out.len();
        }
        self.out.clear();
    }
}

fn main() {
    let opts = Options::parse();
    let stdout = io::stdout().lock();
    let mut sink = BufWriter::with_capacity(1 << 20, stdout);
    let result = generate(opts, &mut sink).and_then(|stats| sink.flush().map(|_| stats));
    match result {
        Ok(s) => eprintln!(
            "gen: {} measures in {} leaf groups, {} tables, {} declared total lines ({} figures), {} with a wrong \
             figure, {} bytes",
            s.measures, s.leaf_groups, s.tables, s.total_lines, s.declared_figures, s.wrong, s.bytes
        ),
        // `gen | head` is not a failure.
        Err(e) if e.kind() == io::ErrorKind::BrokenPipe => {}
        Err(e) => {
            eprintln!("gen: {e}");
            std::process::exit(2);
        }
    }
}
