//! The command line of the `grip` binary: its commands and options (clap), and their words.
//! Every text of the help and of a usage error comes from the message catalogue
//! (`src/locales/*.ftl`, ids `help-…` and `usage-…`), in the user's language: `--lang`, else
//! LANG, else English. (What grip says about a plan follows the plan's language; see `Say` in
//! main.rs.)

use clap::error::{ContextKind, ContextValue, ErrorKind};
use clap::{Arg, ArgAction, CommandFactory, FromArgMatches, Parser, Subcommand, ValueEnum};
use grip::lang::{Lang, Msg};
use std::path::PathBuf;
use std::sync::OnceLock;

#[derive(Parser)]
#[command(name = "grip", version)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
    #[arg(long, global = true, value_enum, value_name = "LANG")]
    pub lang: Option<LangArg>,
}

// The help of every command and option is in the catalogue: `localize` sets it.
#[derive(Subcommand)]
pub enum Command {
    Check {
        paths: Vec<PathBuf>,
        #[arg(long, value_enum, default_value_t = Format::Human)]
        format: Format,
        #[arg(long)]
        deny_warnings: bool,
        #[arg(long)]
        allow_outside_includes: bool,
        #[arg(long)]
        fix: bool,
        #[arg(long, requires = "fix")]
        dry_run: bool,
        #[arg(long, value_enum, default_value_t = Color::Auto)]
        color: Color,
    },
    Eval {
        path: PathBuf,
        #[arg(long, value_enum, default_value_t = EvalFormat::Table)]
        format: EvalFormat,
        #[arg(long, value_enum, default_value_t = Breakdown::Year)]
        by: Breakdown,
        #[arg(long, value_parser = parse_years)]
        years: Option<(u16, u16)>,
        #[arg(long)]
        allow_errors: bool,
        #[arg(long, value_enum, default_value_t = Color::Auto)]
        color: Color,
    },
    Status {
        path: PathBuf,
        #[arg(long, value_name = "NAME")]
        moment: Option<String>,
        #[arg(long, value_name = "NAME")]
        since: Option<String>,
        #[arg(long, value_enum, default_value_t = EvalFormat::Table)]
        format: EvalFormat,
        #[arg(long)]
        allow_errors: bool,
        #[arg(long, value_enum, default_value_t = Color::Auto)]
        color: Color,
    },
    Fmt {
        paths: Vec<PathBuf>,
        #[arg(long)]
        check: bool,
        #[arg(long, value_enum, value_name = "LANG")]
        keywords: Option<LangArg>,
        #[arg(long, value_enum, default_value_t = Color::Auto)]
        color: Color,
    },
    Diff {
        args: Vec<PathBuf>,
        #[arg(long, value_name = "REV")]
        git: Option<String>,
        #[arg(long, value_enum, default_value_t = DiffFormat::Text)]
        format: DiffFormat,
        #[arg(long, value_enum, default_value_t = Color::Auto)]
        color: Color,
    },
    Report {
        path: PathBuf,
        #[arg(long, value_name = "OUT.html")]
        html: Option<PathBuf>,
        #[arg(long, value_name = "OUT.xlsx")]
        xlsx: Option<PathBuf>,
        #[arg(long, value_name = "OUT.md", num_args = 0..=1, default_missing_value = "-")]
        markdown: Option<PathBuf>,
        #[arg(long)]
        allow_errors: bool,
        #[arg(long, value_enum, default_value_t = Color::Auto)]
        color: Color,
    },
    Import {
        file: PathBuf,
        #[arg(short = 'o', long, value_name = "FILE")]
        output: Option<PathBuf>,
        #[arg(long, value_name = "NAME")]
        sheet: Option<String>,
        #[arg(long, value_name = "B4:H30")]
        range: Option<String>,
        #[arg(long = "as", value_enum, value_name = "measures|table")]
        shape: Option<ShapeArg>,
        #[arg(long, value_name = "COLUMN")]
        group_by: Option<String>,
        #[arg(long, value_name = "COLUMN")]
        taakveld: Option<String>,
        #[arg(long, value_enum, value_name = "LANG")]
        keywords: Option<LangArg>,
        #[arg(long, value_enum, default_value_t = Color::Auto)]
        color: Color,
    },
    Lsp {
        /// Accepted for editors that pass it; stdio is the only transport.
        #[arg(long, hide = true)]
        stdio: bool,
    },
}

#[derive(Copy, Clone, PartialEq, Eq, ValueEnum)]
pub enum DiffFormat {
    Text,
    Markdown,
    Json,
}

#[derive(Copy, Clone, PartialEq, Eq, ValueEnum)]
pub enum EvalFormat {
    Table,
    Markdown,
    Csv,
    Json,
}

#[derive(Copy, Clone, PartialEq, Eq, ValueEnum)]
pub enum Breakdown {
    Year,
    Group,
    Taakveld,
    Measure,
}

#[derive(Copy, Clone, PartialEq, Eq, ValueEnum)]
pub enum Format {
    Human,
    Short,
    Json,
}

#[derive(Copy, Clone, PartialEq, Eq, ValueEnum)]
pub enum ShapeArg {
    Measures,
    Table,
}

#[derive(Copy, Clone, PartialEq, Eq, ValueEnum)]
pub enum LangArg {
    Nl,
    En,
}

impl LangArg {
    pub fn lang(self) -> Lang {
        match self {
            LangArg::Nl => Lang::Nl,
            LangArg::En => Lang::En,
        }
    }
}

#[derive(Copy, Clone, PartialEq, Eq, ValueEnum)]
pub enum Color {
    Auto,
    Always,
    Never,
}

/// The language of the command line's own words, known before the arguments are parsed.
static UI: OnceLock<Lang> = OnceLock::new();

fn ui() -> Lang {
    UI.get().copied().unwrap_or_default()
}

fn parse_years(text: &str) -> Result<(u16, u16), String> {
    let bad = || Msg::id("parse-years").arg("text", text).render(ui());
    let (a, b) = text.split_once("..").unwrap_or((text, text));
    let a: u16 = a.trim().parse().map_err(|_| bad())?;
    let b: u16 = b.trim().parse().map_err(|_| bad())?;
    if a > b {
        return Err(bad());
    }
    Ok((a, b))
}

/// The language the user asks for on the command line (`--lang nl`, `--lang=en`), else LANG.
fn asked_language(args: &[String]) -> Lang {
    let mut asked = None;
    for (i, a) in args.iter().enumerate() {
        if let Some(v) = a.strip_prefix("--lang=") {
            asked = Lang::from_code(v);
        } else if a == "--lang" {
            asked = args.get(i + 1).and_then(|v| Lang::from_code(v));
        }
    }
    asked.or_else(Lang::from_env).unwrap_or_default()
}

/// Parses the command line; prints the help, the version or a usage error in the user's
/// language and exits where clap would.
pub fn parse() -> Cli {
    let args: Vec<String> = std::env::args().collect();
    let lang = asked_language(&args);
    let _ = UI.set(lang);
    let matches = match command(lang).try_get_matches_from(&args) {
        Ok(m) => m,
        Err(e) => exit_with(e, lang),
    };
    match Cli::from_arg_matches(&matches) {
        Ok(cli) => cli,
        Err(e) => exit_with(e, lang),
    }
}

/// The command with every text in `lang`.
pub fn command(lang: Lang) -> clap::Command {
    let _ = UI.set(lang);
    let say = |id: &'static str| Msg::id(id).render(lang);
    let options = say("help-heading-options");
    let arguments = say("help-heading-arguments");
    let template = format!("{{about-with-newline}}\n{} {{usage}}\n\n{{all-args}}{{after-help}}", say("help-usage"));
    // Help and version flags with our words, under the options heading.
    let flags = |c: clap::Command, version: bool| {
        let help = Arg::new("help").short('h').long("help").action(ArgAction::Help).help(say("help-help"));
        let c = c.disable_help_flag(true).arg(help.help_heading(options.clone()));
        if version {
            let v = Arg::new("version").short('V').long("version").action(ArgAction::Version);
            c.disable_version_flag(true).arg(v.help(say("help-version")).help_heading(options.clone()))
        } else {
            c
        }
    };
    // Every argument of a command: its help from the catalogue, defaults and possible values
    // said in that help (clap would say them in English), under our headings.
    let args = |c: clap::Command, texts: &[(&'static str, &'static str)]| {
        let mut c = c;
        for (id, text) in texts {
            let text = say(text);
            let heading = options.clone();
            let positional_heading = arguments.clone();
            c = c.mut_arg(*id, move |a| {
                let heading = if a.is_positional() { positional_heading } else { heading };
                let a = a.help(text).help_heading(heading);
                if a.get_action().takes_values() {
                    a.hide_default_value(true).hide_possible_values(true)
                } else {
                    a
                }
            });
        }
        c
    };
    let sub = |c: clap::Command, about: &'static str, after: &'static str, texts: &[(&'static str, &'static str)]| {
        let c = c.about(say(about)).after_help(say(after)).help_template(template.clone());
        let c = args(c, texts);
        let c = args(c, &[("color", "help-color")]);
        flags(c, false)
    };
    let cmd = Cli::command()
        .about(say("help-about"))
        .after_help(say("help-after"))
        .help_template(template.clone())
        .subcommand_help_heading(say("help-heading-commands"))
        .disable_help_subcommand(true)
        .mut_arg("lang", |a| a.help(say("help-lang")).help_heading(options.clone()).hide_possible_values(true));
    let cmd = flags(cmd, true);
    cmd.mut_subcommand("check", |c| {
        sub(
            c,
            "help-check",
            "help-check-after",
            &[
                ("paths", "help-check-paths"),
                ("format", "help-check-format"),
                ("deny_warnings", "help-check-deny-warnings"),
                ("allow_outside_includes", "help-check-allow-outside-includes"),
                ("fix", "help-check-fix"),
                ("dry_run", "help-check-dry-run"),
            ],
        )
    })
    .mut_subcommand("eval", |c| {
        sub(
            c,
            "help-eval",
            "help-eval-after",
            &[
                ("path", "help-eval-path"),
                ("format", "help-eval-format"),
                ("by", "help-eval-by"),
                ("years", "help-eval-years"),
                ("allow_errors", "help-eval-allow-errors"),
            ],
        )
    })
    .mut_subcommand("status", |c| {
        sub(
            c,
            "help-status",
            "help-status-after",
            &[
                ("path", "help-status-path"),
                ("moment", "help-status-moment"),
                ("since", "help-status-since"),
                ("format", "help-status-format"),
                ("allow_errors", "help-status-allow-errors"),
            ],
        )
    })
    .mut_subcommand("fmt", |c| {
        sub(
            c,
            "help-fmt",
            "help-fmt-after",
            &[("paths", "help-fmt-paths"), ("check", "help-fmt-check"), ("keywords", "help-fmt-keywords")],
        )
    })
    .mut_subcommand("diff", |c| {
        sub(
            c,
            "help-diff",
            "help-diff-after",
            &[("args", "help-diff-args"), ("git", "help-diff-git"), ("format", "help-diff-format")],
        )
    })
    .mut_subcommand("report", |c| {
        sub(
            c,
            "help-report",
            "help-report-after",
            &[
                ("path", "help-report-path"),
                ("html", "help-report-html"),
                ("xlsx", "help-report-xlsx"),
                ("markdown", "help-report-markdown"),
                ("allow_errors", "help-report-allow-errors"),
            ],
        )
    })
    .mut_subcommand("import", |c| {
        sub(
            c,
            "help-import",
            "help-import-after",
            &[
                ("file", "help-import-file"),
                ("output", "help-import-output"),
                ("sheet", "help-import-sheet"),
                ("range", "help-import-range"),
                ("shape", "help-import-as"),
                ("group_by", "help-import-group-by"),
                ("taakveld", "help-import-taakveld"),
                ("keywords", "help-import-keywords"),
            ],
        )
    })
    .mut_subcommand("lsp", |c| {
        let c = c.about(say("help-lsp")).after_help(say("help-lsp-after")).help_template(template.clone());
        flags(c, false)
    })
}

/// Prints a parse result clap reports as an error (the help, the version, or a usage error) in
/// the user's language, and exits as clap would: 0 for the help and version, 2 for an error.
fn exit_with(e: clap::Error, lang: Lang) -> ! {
    if lang == Lang::En
        || matches!(
            e.kind(),
            ErrorKind::DisplayHelp | ErrorKind::DisplayVersion | ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand
        )
    {
        e.exit();
    }
    // `grip` alone: the help, as clap shows it in English.
    if e.kind() == ErrorKind::MissingSubcommand {
        let _ = command(lang).print_help();
        std::process::exit(2);
    }
    let context = |kind: ContextKind| -> String {
        match e.get(kind) {
            Some(ContextValue::String(s)) => s.clone(),
            Some(ContextValue::Strings(v)) => v.join(", "),
            Some(ContextValue::StyledStr(s)) => s.to_string(),
            Some(ContextValue::StyledStrs(v)) => v.iter().map(|s| s.to_string()).collect::<Vec<_>>().join(", "),
            Some(ContextValue::Number(n)) => n.to_string(),
            _ => String::new(),
        }
    };
    let kind = match e.kind() {
        ErrorKind::UnknownArgument => "unknown-argument",
        ErrorKind::InvalidSubcommand => "unknown-command",
        ErrorKind::InvalidValue | ErrorKind::ValueValidation => "invalid-value",
        ErrorKind::MissingRequiredArgument => "missing",
        ErrorKind::TooManyValues | ErrorKind::WrongNumberOfValues | ErrorKind::TooFewValues => "too-many",
        ErrorKind::NoEquals => "no-value",
        ErrorKind::ArgumentConflict => "conflict",
        _ => "other",
    };
    let arg = match kind {
        "unknown-command" => context(ContextKind::InvalidSubcommand),
        "missing" => context(ContextKind::InvalidArg),
        _ => context(ContextKind::InvalidArg),
    };
    let valid = context(ContextKind::ValidValue);
    let mut message = match kind {
        // A value our own parser refused (`--years`) says why itself.
        _ if e.kind() == ErrorKind::ValueValidation => {
            std::error::Error::source(&e).map(|s| s.to_string()).unwrap_or_default()
        }
        "other" => e.to_string(),
        _ => Msg::id("usage-error")
            .arg("kind", kind)
            .arg("arg", arg)
            .arg("value", context(ContextKind::InvalidValue))
            .arg("valid", if valid.is_empty() { "none".to_string() } else { valid })
            .arg("other", context(ContextKind::PriorArg))
            .render(lang),
    };
    let suggestion = context(ContextKind::SuggestedArg) + &context(ContextKind::SuggestedSubcommand);
    if !suggestion.is_empty() {
        message.push_str(&format!("; {}", Msg::id("usage-suggestion").arg("suggestion", suggestion).render(lang)));
    }
    let more = Msg::id("usage-more").arg("command", "grip").render(lang);
    eprintln!("grip: {message}\n\n{more}");
    std::process::exit(2);
}
