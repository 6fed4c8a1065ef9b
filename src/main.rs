//! The `grip` command: a thin clap layer over the library.

use grip::api;
use grip::lang::{Lang, Msg};
use grip::render::{self, Summary};
use grip::sheet::{self, By};
use grip::syntax::ast::FileId;
use std::io::{IsTerminal, Write};
use std::path::PathBuf;
use std::process::ExitCode;

mod cli;

use cli::{Breakdown, Color, Command, DiffFormat, EvalFormat, Format, LangArg, ShapeArg};

fn main() -> ExitCode {
    let cli = cli::parse();
    let say = Say { asked: cli.lang.map(LangArg::lang) };
    match cli.command {
        Command::Check { paths, format, deny_warnings, allow_outside_includes, fix, dry_run, color } => {
            let options = grip::resolve::LoadOptions { allow_outside_includes };
            let fix = match (fix, dry_run) {
                (false, _) => Fix::No,
                (true, false) => Fix::Write,
                (true, true) => Fix::Show,
            };
            check(say, paths, format, deny_warnings, color, options, fix)
        }
        Command::Fmt { paths, check, keywords, color } => fmt(say, paths, check, keywords.map(LangArg::lang), color),
        Command::Report { path, html, xlsx, markdown, allow_errors, color } => {
            let color = use_color(color) && std::io::stderr().is_terminal();
            report(say, path, html, xlsx, markdown, allow_errors, color)
        }
        Command::Import { file, output, sheet, range, shape, group_by, taakveld, keywords, color: _ } => {
            let shape = match shape {
                None => grip::import::Shape::Auto,
                Some(ShapeArg::Measures) => grip::import::Shape::Measures,
                Some(ShapeArg::Table) => grip::import::Shape::Table,
            };
            // The plan's keywords: --keywords, else the language grip speaks (--lang, else LANG).
            let keywords = keywords.map(LangArg::lang).unwrap_or_else(|| say.lang(None));
            let options = grip::import::Options { sheet, range, shape, group_by, taakveld, keywords };
            import(say, file, output, options)
        }
        Command::Lsp { .. } => match grip::lsp::run() {
            Ok(status) => ExitCode::from(status),
            Err(e) => {
                eprintln!("grip lsp: {e}");
                ExitCode::from(2)
            }
        },
        Command::Diff { args, git, format, color } => diff(say, args, git, format, use_color(color)),
        Command::Eval { path, format, by, years, allow_errors, color } => {
            eval(say, path, format, by, years, allow_errors, color)
        }
        Command::Status { path, moment, since, format, allow_errors, color } => {
            status(say, path, moment, since, format, allow_errors, color)
        }
    }
}

/// The language grip speaks in: `--lang`, else the plan's own (the language its keywords are
/// written in), else the environment's (LANG), else English.
#[derive(Clone, Copy)]
struct Say {
    asked: Option<Lang>,
}

impl Say {
    /// The language for what is said about a plan written in `plan`'s language.
    fn lang(self, plan: Option<Lang>) -> Lang {
        self.asked.or(plan).or_else(Lang::from_env).unwrap_or_default()
    }

    /// The language for what is said about several plans: theirs, if they share one.
    fn lang_of_all(self, plans: &[Option<Lang>]) -> Lang {
        let first = plans.first().copied().flatten();
        self.lang(first.filter(|f| plans.iter().all(|p| *p == Some(*f))))
    }

    /// A message of the catalogue, in the language for a plan in `plan`'s language.
    fn msg(self, plan: Option<Lang>, msg: Msg) -> String {
        msg.render(self.lang(plan))
    }
}

/// The process ends right after this: let the operating system take back the memory of a
/// checked plan at once instead of freeing its model piece by piece (a tenth of the run on a
/// plan of 100,000 measures).
fn exit_without_freeing<T>(value: T) {
    std::mem::forget(value);
}

/// The old and the new version of a plan, checked.
type Versions = (api::Checked, api::Checked);

/// One version of a plan for `diff`: a file, or `/dev/null` for a plan that does not exist.
fn version_from_file(path: &std::path::Path, shown: &str) -> Result<api::Checked, Msg> {
    if path == std::path::Path::new("/dev/null") {
        return Ok(api::check_version(shown, None, String::new()));
    }
    let text = grip::resolve::read_text(path)
        .map_err(|reason| Msg::id("cannot-read").arg("path", path.display().to_string()).arg("reason", reason))?;
    Ok(api::check_version(shown, Some(path), text))
}

fn diff(say: Say, args: Vec<PathBuf>, git: Option<String>, format: DiffFormat, color: bool) -> ExitCode {
    let render = |d: &grip::diff::PlanDiff, a: &str, b: &str, lang: Lang| match format {
        DiffFormat::Text if color => grip::diff::text_coloured(d, a, b, lang),
        DiffFormat::Text => grip::diff::text(d, a, b, lang),
        DiffFormat::Markdown => grip::diff::markdown(d, a, b, lang),
        DiffFormat::Json => grip::diff::json(d, a, b) + "\n",
    };
    let mut pairs: Vec<(String, String, Result<Versions, Msg>)> = Vec::new();
    let mut external = false;
    if let Some(revs) = git {
        let (from, to) = match revs.split_once("..") {
            Some((a, b)) => (a.to_string(), Some(b.to_string())),
            None => (revs, None),
        };
        let paths = if args.is_empty() {
            match std::process::Command::new("git").args(["ls-files", "*.plan"]).output() {
                Ok(o) if o.status.success() => String::from_utf8_lossy(&o.stdout).lines().map(PathBuf::from).collect(),
                _ => {
                    eprintln!("{}", say.msg(None, Msg::id("cli-git-ls-files")));
                    return ExitCode::from(2);
                }
            }
        } else {
            args
        };
        for path in paths {
            let shown = path.display().to_string();
            let old_name = format!("{from}:{shown}");
            let new_name = to.as_ref().map(|t| format!("{t}:{shown}")).unwrap_or_else(|| shown.clone());
            let result = (|| {
                let old = api::check_version(&old_name, Some(&path), api::git_show(&from, &path)?);
                let new = match &to {
                    Some(t) => api::check_version(&new_name, Some(&path), api::git_show(t, &path)?),
                    None if path.exists() => version_from_file(&path, &shown)?,
                    None => api::check_version(&shown, None, String::new()),
                };
                Ok((old, new))
            })();
            pairs.push((old_name, new_name, result));
        }
    } else if args.len() == 7 {
        // git's external diff: path old-file old-hex old-mode new-file new-hex new-mode.
        external = true;
        let shown = args[0].display().to_string();
        let result = (|| Ok((version_from_file(&args[1], &shown)?, version_from_file(&args[4], &shown)?)))();
        pairs.push((format!("a/{shown}"), format!("b/{shown}"), result));
    } else if args.len() == 2 {
        let (a, b) = (args[0].display().to_string(), args[1].display().to_string());
        let result = (|| Ok((version_from_file(&args[0], &a)?, version_from_file(&args[1], &b)?)))();
        pairs.push((a, b, result));
    } else {
        eprintln!("{}", say.msg(None, Msg::id("cli-diff-usage")));
        return ExitCode::from(2);
    }
    let mut changed = false;
    let mut failed = false;
    let mut stdout = std::io::stdout().lock();
    for (a, b, result) in pairs {
        match result {
            Ok((old, new)) => {
                // What is said about the change is in the new version's language.
                let lang = say.lang(new.language().or(old.language()));
                // A version grip cannot read is never compared as if it were empty.
                let unreadable: Vec<String> = [(&a, &old), (&b, &new)]
                    .iter()
                    .filter_map(|(name, c)| grip::diff::unreadable(c, lang).map(|why| format!("{name}: {why}")))
                    .collect();
                if !unreadable.is_empty() {
                    let reason = unreadable.join("; ");
                    if external {
                        // As git's diff driver: say so, and show the change as text.
                        let (old_text, new_text) = (old.sources.text(FileId(0)), new.sources.text(FileId(0)));
                        let text = Msg::id("cli-diff-as-text")
                            .arg("old", &a)
                            .arg("new", &b)
                            .arg("reason", &reason)
                            .arg("diff", api::unified_diff_between(&a, &b, old_text, new_text))
                            .render(lang);
                        let _ = stdout.write_all(text.as_bytes());
                    } else if format == DiffFormat::Json {
                        let reason = Msg::id("cli-cannot-read-versions").arg("reason", &reason).render(lang);
                        let _ = stdout.write_all((grip::diff::json_error(&a, &b, &reason) + "\n").as_bytes());
                        failed = true;
                    } else {
                        eprintln!("{}", Msg::id("cli-diff-unreadable").arg("reason", &reason).render(lang));
                        failed = true;
                    }
                    continue;
                }
                for (name, c) in [(&a, &old), (&b, &new)] {
                    let n = c.diagnostics.iter().filter(|d| d.blocks_evaluation()).count();
                    if n > 0 {
                        eprintln!("{}", Msg::id("cli-diff-ambiguous").arg("name", name).arg("count", n).render(lang));
                    }
                }
                let d = grip::diff::diff(&old, &new, lang);
                changed |= !d.is_empty();
                let _ = stdout.write_all(render(&d, &a, &b, lang).as_bytes());
            }
            Err(e) => {
                eprintln!("grip: {}", e.render(say.lang(None)));
                failed = true;
            }
        }
    }
    if failed {
        ExitCode::from(2)
    } else if changed && !external {
        // git stops at an external diff that exits non-zero, so in that role grip exits 0.
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}

fn fmt(say: Say, paths: Vec<PathBuf>, check: bool, keywords: Option<Lang>, color: Color) -> ExitCode {
    let color = use_color(color);
    if paths.len() == 1 && paths[0].as_os_str() == "-" {
        let mut text = String::new();
        if let Err(e) = std::io::Read::read_to_string(&mut std::io::stdin(), &mut text) {
            eprintln!("{}", say.msg(None, Msg::id("cli-stdin").arg("error", e.to_string())));
            return ExitCode::from(2);
        }
        return match api::format_text("<stdin>", &text, keywords) {
            Ok(api::Formatted::Unchanged) => {
                let _ = std::io::stdout().write_all(text.as_bytes());
                ExitCode::SUCCESS
            }
            Ok(api::Formatted::Changed { new, .. }) => {
                let _ = std::io::stdout().write_all(new.as_bytes());
                ExitCode::SUCCESS
            }
            Err(u) => {
                eprint!("{}", render::human(&u.sources, &u.diagnostics, color, say.lang(u.language)));
                ExitCode::from(1)
            }
        };
    }
    let files = match plan_files(say, paths) {
        Ok(files) => files,
        Err(code) => return code,
    };
    let (mut changed, mut broken, mut failed) = (0usize, 0usize, false);
    let mut languages = Vec::new();
    for path in &files {
        let read = api::Snapshot::of(path);
        let text = match grip::resolve::read_text(path) {
            Ok(t) => t,
            Err(reason) => {
                let msg = Msg::id("cannot-read").arg("path", path.display().to_string()).arg("reason", reason);
                eprintln!("grip: {}", say.msg(None, msg));
                failed = true;
                continue;
            }
        };
        let name = path.display().to_string();
        match api::format_text(&name, &text, keywords) {
            Ok(api::Formatted::Unchanged) => {}
            Ok(api::Formatted::Changed { old, new, language }) => {
                changed += 1;
                languages.push(language);
                if check {
                    print!("{}", api::unified_diff(&name, &old, &new, say.lang(language)));
                } else if let Err(e) = api::write_atomically_checked(path, &new, read.as_ref()) {
                    eprintln!("grip: {}", e.0.render(say.lang(language)));
                    failed = true;
                } else {
                    eprintln!("{}", say.msg(language, Msg::id("cli-formatted").arg("path", &name)));
                }
            }
            Err(u) => {
                broken += 1;
                let lang = say.lang(u.language);
                eprint!("{}", render::human(&u.sources, &u.diagnostics, color, lang));
                eprintln!("{}", Msg::id("cli-not-formatted").arg("path", &name).render(lang));
            }
        }
    }
    if failed {
        ExitCode::from(2)
    } else if broken > 0 || (check && changed > 0) {
        if check && changed > 0 {
            eprintln!("{}", Msg::id("cli-would-reformat").arg("count", changed).render(say.lang_of_all(&languages)));
        }
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}

fn report(
    say: Say,
    path: PathBuf,
    html: Option<PathBuf>,
    xlsx: Option<PathBuf>,
    markdown: Option<PathBuf>,
    allow_errors: bool,
    color: bool,
) -> ExitCode {
    if html.is_none() && xlsx.is_none() && markdown.is_none() {
        eprintln!("{}", say.msg(None, Msg::id("cli-report-usage")));
        return ExitCode::from(2);
    }
    // A plan grip cannot read whole is never reported as if it were whole (nor empty).
    let (checked, lang) = match load_plan(say, &path, allow_errors, "report", color) {
        Ok(plan) => plan,
        Err(code) => return code,
    };
    let mut failed = false;
    let wrote = |out: &std::path::Path| {
        eprintln!("{}", Msg::id("cli-wrote").arg("path", out.display().to_string()).render(lang))
    };
    let cannot_write = |out: &std::path::Path, e: String| {
        eprintln!("{}", Msg::id("cli-cannot-write").arg("path", out.display().to_string()).arg("error", e).render(lang))
    };
    if let Some(out) = html {
        match api::write_atomically(&out, &grip::report::html(&checked, lang)) {
            Ok(()) => wrote(&out),
            Err(e) => {
                eprintln!("grip: {}", e.0.render(lang));
                failed = true;
            }
        }
    }
    if let Some(out) = xlsx {
        match grip::xlsx::write(&checked, &out, lang) {
            Ok(()) => wrote(&out),
            Err(e) => {
                cannot_write(&out, e.to_string());
                failed = true;
            }
        }
    }
    if let Some(out) = markdown {
        let text = grip::report::markdown(&checked, lang);
        if out.as_os_str() == "-" {
            let _ = std::io::stdout().write_all(text.as_bytes());
        } else if let Err(e) = api::write_atomically(&out, &text) {
            eprintln!("grip: {}", e.0.render(lang));
            failed = true;
        } else {
            wrote(&out);
        }
    }
    if failed {
        ExitCode::from(2)
    } else {
        ExitCode::SUCCESS
    }
}

fn eval(
    say: Say,
    path: PathBuf,
    format: EvalFormat,
    by: Breakdown,
    years: Option<(u16, u16)>,
    allow_errors: bool,
    color: Color,
) -> ExitCode {
    let color = use_color(color);
    let (checked, lang) = match load_plan(say, &path, allow_errors, "evaluate", color) {
        Ok(plan) => plan,
        Err(code) => return code,
    };
    let slips = checked.diagnostics.iter().filter(|d| d.severity() == grip::diagnostic::Severity::Error).count();
    if slips > 0 {
        let msg = Msg::id("cli-eval-slips").arg("count", slips).arg("path", path.display().to_string());
        eprintln!("{}", msg.render(lang));
    }
    let evaluation = grip::eval::evaluate(&checked.model);
    let idx = evaluation.year_indices(years);
    if idx.is_empty() {
        let msg = match (evaluation.years.first(), evaluation.years.last(), years) {
            (Some(first), Some(last), Some((a, b))) => {
                let asked = if a == b { a.to_string() } else { format!("{a}..{b}") };
                Msg::id("cli-years-outside")
                    .arg("first", first.to_string())
                    .arg("last", last.to_string())
                    .arg("asked", asked)
            }
            _ => Msg::id("cli-no-years"),
        };
        eprintln!("{}", msg.render(lang));
        return ExitCode::from(2);
    }
    let by = match by {
        Breakdown::Year => By::Year,
        Breakdown::Group => By::Group,
        Breakdown::Taakveld => By::Taakveld,
        Breakdown::Measure => By::Measure,
    };
    let text = match format {
        EvalFormat::Json => {
            let mut s = grip::eval::to_json(&evaluation, &idx, lang);
            s.push('\n');
            s
        }
        EvalFormat::Table => sheet::table(&sheet::sheet(&evaluation, by, &idx, lang), color),
        EvalFormat::Markdown => sheet::markdown(&sheet::sheet(&evaluation, by, &idx, lang)),
        EvalFormat::Csv => sheet::csv(&sheet::sheet(&evaluation, by, &idx, lang)),
    };
    let _ = std::io::stdout().lock().write_all(text.as_bytes());
    exit_without_freeing((checked, evaluation));
    ExitCode::SUCCESS
}

/// `grip status`: a reporting moment of the plan's progress.
fn status(
    say: Say,
    path: PathBuf,
    moment: Option<String>,
    since: Option<String>,
    format: EvalFormat,
    allow_errors: bool,
    color: Color,
) -> ExitCode {
    let color = use_color(color);
    let (checked, lang) = match load_plan(say, &path, allow_errors, "status", color) {
        Ok(plan) => plan,
        Err(code) => return code,
    };
    let evaluation = grip::eval::evaluate(&checked.model);
    let progress = grip::status::progress(&checked.model, &evaluation);
    let plan_name = checked
        .model
        .progress_of
        .as_ref()
        .map(|p| p.value.clone())
        .unwrap_or_else(|| path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default());
    let pick = |name: &Option<String>| -> Result<Option<&grip::status::MomentStatus>, ExitCode> {
        match name {
            None => Ok(None),
            Some(n) => progress.find(n).map(Some).ok_or_else(|| {
                let names: Vec<String> = progress.moments.iter().map(|m| format!("“{}”", m.name)).collect();
                let msg = Msg::id("status-unknown-moment").arg("name", n.as_str()).arg("names", names.join(", "));
                eprintln!("grip: {}", msg.render(lang));
                ExitCode::from(2)
            }),
        }
    };
    let chosen = match pick(&moment) {
        Ok(m) => m.or(progress.latest()),
        Err(code) => return code,
    };
    let Some(chosen) = chosen else {
        let msg = Msg::id("status-no-moments").arg("path", path.display().to_string()).arg("plan", plan_name);
        eprintln!("grip: {}", msg.render(lang));
        return ExitCode::from(2);
    };
    let since = match pick(&since) {
        Ok(m) => m,
        Err(code) => return code,
    };
    let title = sheet::plan_title(&evaluation, lang);
    let text = match format {
        EvalFormat::Json => {
            let mut s = grip::status::to_json(&progress, chosen, since, lang);
            s.push('\n');
            s
        }
        EvalFormat::Table => sheet::table(&sheet::status(&progress, chosen, since, &title, lang), color),
        EvalFormat::Markdown => sheet::markdown(&sheet::status(&progress, chosen, since, &title, lang)),
        EvalFormat::Csv => sheet::csv(&sheet::status(&progress, chosen, since, &title, lang)),
    };
    let _ = std::io::stdout().lock().write_all(text.as_bytes());
    ExitCode::SUCCESS
}

/// Loads and checks the plan a command works on, and the language to speak about it. A file
/// grip cannot read is exit 2; a plan grip cannot read whole is refused (exit 1) unless `allow`
/// (see [`refuse_unreadable`]).
fn load_plan(
    say: Say,
    path: &std::path::Path,
    allow: bool,
    action: &str,
    color: bool,
) -> Result<(api::Checked, Lang), ExitCode> {
    let checked = api::check_path(path).map_err(|e| {
        eprintln!("grip: {}", e.message(say.lang(None)));
        ExitCode::from(2)
    })?;
    let lang = say.lang(checked.language());
    match refuse_unreadable(&checked, path, allow, action, color, lang) {
        Some(code) => Err(code),
        None => Ok((checked, lang)),
    }
}

/// The errors that make a plan's figures unreliable (syntax, unknown names, ambiguous figures):
/// shown, and the command refused (exit 1), unless `allow` is given. `action` says what was
/// refused: `report` or `evaluate`.
fn refuse_unreadable(
    checked: &api::Checked,
    path: &std::path::Path,
    allow: bool,
    action: &str,
    color: bool,
    lang: Lang,
) -> Option<ExitCode> {
    let errors: Vec<_> = checked.diagnostics.iter().filter(|d| d.blocks_evaluation()).cloned().collect();
    if errors.is_empty() || allow {
        return None;
    }
    eprint!("{}", render::human(&checked.sources, &errors, color, lang));
    let msg =
        Msg::id("cli-refused").arg("path", path.display().to_string()).arg("count", errors.len()).arg("action", action);
    eprintln!("{}", msg.render(lang));
    Some(ExitCode::from(1))
}

fn use_color(color: Color) -> bool {
    match color {
        Color::Always => true,
        Color::Never => false,
        Color::Auto => std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty()) && std::io::stdout().is_terminal(),
    }
}

/// The plan files named on the command line (default: under the current directory).
fn plan_files(say: Say, paths: Vec<PathBuf>) -> Result<Vec<PathBuf>, ExitCode> {
    let paths = if paths.is_empty() { vec![PathBuf::from(".")] } else { paths };
    api::plan_files(&paths).map_err(|e| {
        eprintln!("grip: {}", e.message(say.lang(None)));
        ExitCode::from(2)
    })
}

/// What `grip check` does with the fixes the diagnostics carry.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Fix {
    No,
    /// `--fix`: write them, then check again.
    Write,
    /// `--fix --dry-run`: show them as a diff, write nothing.
    Show,
}

#[allow(clippy::too_many_arguments)]
fn check(
    say: Say,
    paths: Vec<PathBuf>,
    format: Format,
    deny_warnings: bool,
    color: Color,
    options: grip::resolve::LoadOptions,
    fix: Fix,
) -> ExitCode {
    let shown = paths.iter().map(|p| p.display().to_string()).collect::<Vec<_>>().join(", ");
    // Files named one by one (as pre-commit names changed files): a part of a plan stands for
    // the plan, so an error its change causes in the plan is found.
    let named = !paths.is_empty() && paths.iter().all(|p| p.is_file());
    let files = match plan_files(say, paths) {
        Ok(files) => files,
        Err(code) => return code,
    };
    let files = if named {
        let roots = api::roots_of(&files, api::repository_scope);
        for r in &roots {
            if let Some(part) = &r.part {
                let msg = Msg::id("cli-part-of")
                    .arg("part", part.display().to_string())
                    .arg("plan", r.path.display().to_string());
                // In the language the part is written in.
                let written = grip::resolve::read_text(part)
                    .ok()
                    .and_then(|text| grip::syntax::keywords::detect(&text))
                    .map(|d| d.lang);
                eprintln!("{}", say.msg(written, msg));
            }
        }
        roots.into_iter().map(|r| r.path).collect()
    } else {
        files
    };
    if files.is_empty() {
        let msg = Msg::id("cli-no-plans").arg("where", if shown.is_empty() { "." } else { &shown });
        eprintln!("{}", say.msg(None, msg));
        return ExitCode::from(2);
    }
    if fix != Fix::No {
        let (fixable, failed) = apply_fixes(say, &files, options, fix);
        if fix == Fix::Show {
            return ExitCode::from(if failed { 2 } else { u8::from(fixable) });
        }
        if failed {
            return ExitCode::from(2);
        }
    }
    // With `--fix`, what remains after the fixes.
    let results = api::check_paths(&files, options);
    let mut summary = Summary::default();
    let mut io_failure = false;
    let mut checked = Vec::new();
    for (_, result) in results {
        match result {
            Ok(c) => {
                summary.files += 1;
                summary.add(&c.diagnostics);
                checked.push(c);
            }
            Err(e) => {
                io_failure = true;
                eprintln!("grip: {}", e.message(say.lang(None)));
            }
        }
    }
    let color = use_color(color);
    let languages: Vec<Option<Lang>> = checked.iter().map(|c| c.language()).collect();
    let all = say.lang_of_all(&languages);
    let mut stdout = std::io::stdout().lock();
    let text = match format {
        Format::Human => {
            let mut s: String = checked
                .iter()
                .map(|c| render::human(&c.sources, &c.diagnostics, color, say.lang(c.language())))
                .collect();
            s.push_str(&summary.sentence(all));
            s.push('\n');
            s
        }
        Format::Short => {
            checked.iter().map(|c| render::short(&c.sources, &c.diagnostics, say.lang(c.language()))).collect()
        }
        Format::Json => {
            let parts: Vec<_> = checked.iter().map(|c| (&c.sources, c.diagnostics.as_slice())).collect();
            let mut s = render::json(&parts, &summary, all);
            s.push('\n');
            s
        }
    };
    // A closed pipe (`grip check | head`) is not a failure of the check.
    let _ = stdout.write_all(text.as_bytes());
    exit_without_freeing(checked);
    if io_failure {
        ExitCode::from(2)
    } else if summary.errors > 0 || (deny_warnings && summary.warnings > 0) {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}

/// Makes the fixes grip makes without asking in the plans and the files they include, each file
/// written atomically as `grip fmt` writes (with `Fix::Show`: shown as a diff instead). Returns
/// whether there was something to fix, and whether a file could not be written.
fn apply_fixes(say: Say, files: &[PathBuf], options: grip::resolve::LoadOptions, fix: Fix) -> (bool, bool) {
    let (mut fixable, mut failed) = (false, false);
    // A file two plans include is fixed once, for the first.
    let mut done: Vec<PathBuf> = Vec::new();
    for (_, result) in api::check_paths(files, options) {
        // A plan that cannot be read is reported by the check after this.
        let Ok(checked) = result else { continue };
        let lang = say.lang(checked.language());
        for f in api::fixed_texts(&checked, lang) {
            let real = f.path.canonicalize().unwrap_or_else(|_| f.path.clone());
            if done.contains(&real) {
                continue;
            }
            done.push(real);
            fixable = true;
            let name = f.path.display().to_string();
            if fix == Fix::Show {
                let written = Msg::id("diff-as-written").arg("name", &name).render(lang);
                let fixed = Msg::id("diff-fixed").arg("name", &name).render(lang);
                let _ =
                    std::io::stdout().write_all(api::unified_diff_between(&written, &fixed, &f.old, &f.new).as_bytes());
                continue;
            }
            if let Err(e) = api::write_atomically_checked(&f.path, &f.new, f.read.as_ref()) {
                eprintln!("grip: {}", e.0.render(lang));
                failed = true;
                continue;
            }
            eprintln!("{}", Msg::id("cli-fixed").arg("path", &name).arg("count", f.fixes.len()).render(lang));
            for title in &f.fixes {
                eprintln!("  - {}", title.render(lang));
            }
        }
        exit_without_freeing(checked);
    }
    if fix == Fix::Show && !fixable {
        eprintln!("{}", say.msg(None, Msg::id("cli-nothing-to-fix")));
    }
    (fixable, failed)
}

fn import(say: Say, file: PathBuf, output: Option<PathBuf>, options: grip::import::Options) -> ExitCode {
    let lang = say.lang(None);
    let input = if file.as_os_str() == "-" {
        let mut text = String::new();
        if let Err(e) = std::io::Read::read_to_string(&mut std::io::stdin(), &mut text) {
            eprintln!("grip: {}", Msg::id("import-stdin").arg("error", e.to_string()).render(lang));
            return ExitCode::from(2);
        }
        grip::import::Input::Text { name: "<stdin>".into(), text }
    } else {
        // Never over the sheet itself: `grip import plan.csv -o plan.csv` would lose it.
        let same = |a: &std::path::Path, b: &std::path::Path| match (a.canonicalize(), b.canonicalize()) {
            (Ok(a), Ok(b)) => a == b,
            _ => false,
        };
        if let Some(out) = output.as_ref().filter(|out| same(out, &file)) {
            eprintln!("grip: {}", Msg::id("import-same-file").arg("path", out.display().to_string()).render(lang));
            return ExitCode::from(2);
        }
        grip::import::Input::File(file)
    };
    let imported = match grip::import::import(&input, &options) {
        Ok(i) => i,
        Err(e) => {
            eprintln!("grip: {}", e.0.render(lang));
            return ExitCode::from(2);
        }
    };
    match &output {
        Some(out) => {
            if let Err(e) = api::write_atomically(out, &imported.text) {
                eprintln!("grip: {}", e.0.render(lang));
                return ExitCode::from(2);
            }
            let msg = Msg::id("import-wrote")
                .arg("path", out.display().to_string())
                .arg("measures", imported.measures)
                .arg("tables", imported.tables);
            eprintln!("{}", msg.render(lang));
        }
        None => {
            let _ = std::io::stdout().lock().write_all(imported.text.as_bytes());
        }
    }
    if !imported.unmapped.is_empty() {
        eprintln!("{}", Msg::id("import-not-imported").arg("count", imported.unmapped.len()).render(lang));
        for u in &imported.unmapped {
            let line = Msg::id("import-comment-unmapped-cell")
                .arg("cell", &u.cell)
                .arg("text", &u.text)
                .arg("why", u.why.clone());
            eprintln!("  {}", line.render(lang));
        }
    }
    // What grip check will say about the plan: the sheet's own slips, if any.
    let name = output.as_ref().map(|o| o.display().to_string()).unwrap_or_else(|| "<import>".into());
    let checked = api::check_text(&name, None, imported.text.clone());
    let mut summary = Summary { files: 1, ..Summary::default() };
    summary.add(&checked.diagnostics);
    eprintln!("{}", Msg::id("import-checked").arg("summary", summary.sentence(lang)).render(lang));
    ExitCode::SUCCESS
}
