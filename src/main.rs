//! The `grip` command: a thin clap layer over the library.

use clap::{Parser, Subcommand, ValueEnum};
use grip::api;
use grip::render::{self, Summary};
use std::io::{IsTerminal, Write};
use std::path::PathBuf;
use std::process::ExitCode;

const ABOUT: &str = "grip checks municipal savings plans written as .plan files: every total, \
share and target the authors claim is recomputed, and every slip is shown with the source line, \
both figures and how to fix it.";

const AFTER_HELP: &str = "\
Examples:
  grip check examples/leudal.plan       check one plan (and the files it includes)
  grip check                            check every *.plan under the current directory
  grip check plans/ --format short      one line per problem, for editors and grep
  grip check plan.plan --format json    one JSON document, for CI (schema: docs/json.md)

Exit codes: 0 no errors, 1 errors found (or warnings with --deny-warnings), 2 usage or I/O failure.
The language is described in docs/language.md; every diagnostic in docs/diagnostics.md.";

#[derive(Parser)]
#[command(name = "grip", version, about = ABOUT, after_help = AFTER_HELP)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Check plans: syntax, names, years, units, taakveld codes, declared totals, shares, targets.
    #[command(after_help = "\
Every problem is reported in one run, also after a syntax error. Declared totals are compared \
exactly; a difference within the plan's `tolerance` (or a total rounded for print) is a note, \
not an error. P.M. amounts are never counted as zero: a total or target that includes one is \
reported as incomplete.

Examples:
  grip check examples/
  grip check examples/leudal.plan --format json
  grip check --deny-warnings plans/")]
    Check {
        /// Plan files, or directories to search for *.plan files (default: the current directory).
        paths: Vec<PathBuf>,
        /// Output format: human (source and help), short (file:line:col lines), json.
        #[arg(long, value_enum, default_value_t = Format::Human)]
        format: Format,
        /// Treat warnings as errors (exit 1 when there are any).
        #[arg(long)]
        deny_warnings: bool,
        /// Colour in human output: auto follows the terminal and NO_COLOR.
        #[arg(long, value_enum, default_value_t = Color::Auto)]
        color: Color,
    },
}

#[derive(Copy, Clone, PartialEq, Eq, ValueEnum)]
enum Format {
    Human,
    Short,
    Json,
}

#[derive(Copy, Clone, PartialEq, Eq, ValueEnum)]
enum Color {
    Auto,
    Always,
    Never,
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match cli.command {
        Command::Check { paths, format, deny_warnings, color } => check(paths, format, deny_warnings, color),
    }
}

fn use_color(color: Color) -> bool {
    match color {
        Color::Always => true,
        Color::Never => false,
        Color::Auto => std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty()) && std::io::stdout().is_terminal(),
    }
}

fn check(paths: Vec<PathBuf>, format: Format, deny_warnings: bool, color: Color) -> ExitCode {
    let paths = if paths.is_empty() { vec![PathBuf::from(".")] } else { paths };
    let files = match api::plan_files(&paths) {
        Ok(files) => files,
        Err(e) => {
            eprintln!("grip: {e}");
            return ExitCode::from(2);
        }
    };
    if files.is_empty() {
        eprintln!(
            "grip: no .plan files found in {}",
            paths.iter().map(|p| p.display().to_string()).collect::<Vec<_>>().join(", ")
        );
        return ExitCode::from(2);
    }
    let results = api::check_paths(&files);
    let mut summary = Summary::default();
    let mut io_failure = false;
    let mut checked = Vec::new();
    for (path, result) in results {
        match result {
            Ok(c) => {
                summary.files += 1;
                summary.add(&c.diagnostics);
                checked.push(c);
            }
            Err(e) => {
                io_failure = true;
                eprintln!("grip: cannot read {}: {}", path.display(), e.reason);
            }
        }
    }
    let color = use_color(color);
    let mut stdout = std::io::stdout().lock();
    let text = match format {
        Format::Human => {
            let mut s: String = checked.iter().map(|c| render::human(&c.sources, &c.diagnostics, color)).collect();
            s.push_str(&summary.sentence());
            s.push('\n');
            s
        }
        Format::Short => checked.iter().map(|c| render::short(&c.sources, &c.diagnostics)).collect(),
        Format::Json => {
            let parts: Vec<_> = checked.iter().map(|c| (&c.sources, c.diagnostics.as_slice())).collect();
            let mut s = render::json(&parts, &summary);
            s.push('\n');
            s
        }
    };
    // A closed pipe (`grip check | head`) is not a failure of the check.
    let _ = stdout.write_all(text.as_bytes());
    if io_failure {
        ExitCode::from(2)
    } else if summary.errors > 0 || (deny_warnings && summary.warnings > 0) {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}
