//! Library calls behind the commands, so every command is usable without the CLI.

use crate::check::{check_recording, Recomputed};
use crate::diagnostic::{Diagnostic, Severity};
use crate::lang::{Lang, Msg};
use crate::resolve::{self, LoadError, Model};
use crate::source::SourceMap;
use rayon::prelude::*;
use std::collections::HashSet;
use std::path::{Path, PathBuf};

/// A checked plan: its sources, its model, and every diagnostic, in source order.
#[derive(Debug, Clone)]
pub struct Checked {
    pub sources: SourceMap,
    pub model: Model,
    pub diagnostics: Vec<Diagnostic>,
    /// Every printed figure the checker recomputed, with what it found (what editors show).
    pub recomputed: Vec<Recomputed>,
}

impl Checked {
    pub fn has_errors(&self) -> bool {
        self.diagnostics.iter().any(|d| d.severity() == Severity::Error)
    }
    pub fn has_warnings(&self) -> bool {
        self.diagnostics.iter().any(|d| d.severity() == Severity::Warning)
    }

    /// The language the plan is written in, if its keywords say.
    pub fn language(&self) -> Option<crate::lang::Lang> {
        self.model.language
    }
}

/// Loads and checks the plan at `path` and everything it includes.
pub fn check_path(path: &Path) -> Result<Checked, LoadError> {
    check_path_with(path, resolve::LoadOptions::default())
}

/// [`check_path`] with load options.
pub fn check_path_with(path: &Path, options: resolve::LoadOptions) -> Result<Checked, LoadError> {
    let loaded = resolve::load_with(path, options)?;
    let (diagnostics, recomputed) = check_recording(&loaded);
    Ok(Checked { sources: loaded.sources, model: loaded.model, diagnostics, recomputed })
}

/// [`check_path_with`] without the records of every recomputed figure (`recomputed` is empty):
/// what the command line reports needs only the diagnostics, and a right total is then passed
/// without writing down its terms.
fn check_path_reporting(path: &Path, options: resolve::LoadOptions) -> Result<Checked, LoadError> {
    let loaded = resolve::load_with(path, options)?;
    let diagnostics = crate::check::check(&loaded);
    Ok(Checked { sources: loaded.sources, model: loaded.model, diagnostics, recomputed: Vec::new() })
}

/// Checks a plan given as text; includes resolve relative to `path` if given.
pub fn check_text(name: &str, path: Option<&Path>, text: String) -> Checked {
    let loaded = resolve::load_text(name, path, text);
    let (diagnostics, recomputed) = check_recording(&loaded);
    Checked { sources: loaded.sources, model: loaded.model, diagnostics, recomputed }
}

/// A file of a checked plan with the fixes grip makes without asking applied: what
/// `grip check --fix` writes.
#[derive(Debug, Clone)]
pub struct FileFix {
    pub path: PathBuf,
    /// The file as it was read for the fix (to refuse to write over a change made meanwhile).
    pub read: Option<Snapshot>,
    pub old: String,
    pub new: String,
    /// What was fixed, one title per fix.
    pub fixes: Vec<Msg>,
}

/// The fixes grip makes without asking ([`Diagnostic::preferred_fix`], the ones an editor marks
/// as preferred) of a checked plan, applied to each file they are in: the plan's own and its
/// includes'. A fix several diagnostics share (the row a total leaves out, in each of its years)
/// is made once; a fix whose edits overlap one taken already, and the figure of a total that
/// adds a figure another fix changes, are left for the next run to offer again. A file that
/// changed on disk since it was checked is left alone.
pub fn fixed_texts(checked: &Checked, lang: Lang) -> Vec<FileFix> {
    use crate::syntax::ast::Span;
    let fixes: Vec<(&Diagnostic, crate::diagnostic::Fix)> = checked
        .diagnostics
        .iter()
        .filter_map(|d| Some((d, d.preferred_fix(checked.sources.text(d.span().file), lang)?)))
        .collect();
    // A total that adds a figure another fix changes is left for the next run: its computed
    // figure would be the one before that change (a subtotal set right, and the grand total set
    // to the wrong subtotal it read).
    let overlap = |a: Span, b: Span| a.file == b.file && a.start < b.end && b.start < a.end;
    let changed: Vec<Span> = fixes.iter().flat_map(|(_, f)| f.edits.iter().map(|e| e.span)).collect();
    let reads_a_change = |d: &Diagnostic| match &d.problem {
        crate::diagnostic::Problem::TotalMismatch { terms, .. } => {
            terms.iter().any(|t| changed.iter().any(|c| overlap(t.span, *c)))
        }
        _ => false,
    };
    let mut per_file: Vec<(crate::syntax::ast::FileId, Vec<crate::diagnostic::Fix>)> = Vec::new();
    for (d, fix) in fixes.iter().filter(|(d, _)| !reads_a_change(d)) {
        let (file, fix) = (d.span().file, fix.clone());
        if fix.edits.iter().any(|e| e.span.file != file) {
            continue;
        }
        match per_file.iter_mut().find(|(f, _)| *f == file) {
            Some((_, fixes)) if fixes.contains(&fix) => {}
            Some((_, fixes)) => fixes.push(fix),
            None => per_file.push((file, vec![fix])),
        }
    }
    let mut out = Vec::new();
    for (file, fixes) in per_file {
        let Some(source) = checked.sources.get(file) else { continue };
        let Some(path) = source.path.clone() else { continue };
        let read = Snapshot::of(&path);
        // The file as grip read it (byte for byte but for a lone CR it reads as a line end),
        // else it changed since and the fixes' places are not known.
        let Ok(old) = resolve::read_text(&path) else { continue };
        if crate::source::lone_cr_as_lf(old.clone()) != source.text {
            continue;
        }
        let mut taken: Vec<(usize, usize, String)> = Vec::new();
        let mut titles = Vec::new();
        for fix in fixes {
            let edits: Vec<(usize, usize, String)> =
                fix.edits.iter().map(|e| (e.span.start, e.span.end, e.text.clone())).collect();
            // Two edits overlap when they share a byte, or insert at the same place.
            let overlaps = |a: &(usize, usize, String)| {
                taken.iter().any(|b| (a.0 < b.1 && b.0 < a.1) || ((a.0 == a.1 || b.0 == b.1) && a.0 == b.0))
            };
            if edits.iter().any(overlaps) || edits.iter().any(|e| old.get(e.0..e.1).is_none()) {
                continue;
            }
            taken.extend(edits);
            titles.push(fix.title);
        }
        if taken.is_empty() {
            continue;
        }
        // From the end, so each edit's offsets still hold when it is made.
        taken.sort_by(|a, b| b.0.cmp(&a.0).then(b.1.cmp(&a.1)));
        let mut new = old.clone();
        for (start, end, text) in taken {
            new.replace_range(start..end, &text);
        }
        out.push(FileFix { path, read, old, new, fixes: titles });
    }
    out
}

/// [`check_text`], parsing the plan with `reuse`, which keeps the pieces of its last parse, and
/// without the records of every recomputed figure (`recomputed` is empty;
/// [`crate::check::recomputed`] makes them from the model when they are needed): what the
/// language server calls on every change. The diagnostics are the same as [`check_text`]'s.
pub fn check_text_reusing(
    name: &str,
    path: Option<&Path>,
    text: String,
    reuse: &mut crate::syntax::reuse::Reuse,
) -> Checked {
    let loaded = resolve::load_text_parsing(name, path, text, resolve::LoadOptions::default(), &mut |file, text| {
        reuse.parse(file, text)
    });
    let diagnostics = crate::check::check(&loaded);
    Checked { sources: loaded.sources, model: loaded.model, diagnostics, recomputed: Vec::new() }
}

/// Expands paths to plan files: a file is taken as given; a directory yields every `*.plan`
/// below it, in a stable order.
pub fn plan_files(paths: &[PathBuf]) -> Result<Vec<PathBuf>, LoadError> {
    let mut out = Vec::new();
    for p in paths {
        if p.is_dir() {
            walk(p, &mut out).map_err(|e| LoadError {
                path: p.clone(),
                reason: crate::lang::Msg::id("read-other").arg("error", e.to_string()),
            })?;
        } else {
            out.push(p.clone());
        }
    }
    Ok(out)
}

/// Every `*.plan` under `dir`. A symbolic link is followed only when it stays inside `dir`, and a
/// folder is visited once however many links lead to it (a link to `.` makes no loop); only
/// regular files are taken (a pipe named `x.plan` would make a reader wait forever).
fn walk(dir: &Path, out: &mut Vec<PathBuf>) -> std::io::Result<()> {
    let root = dir.canonicalize()?;
    let mut visited = vec![root.clone()];
    walk_in(dir, &root, &mut visited, out)
}

fn walk_in(dir: &Path, root: &Path, visited: &mut Vec<PathBuf>, out: &mut Vec<PathBuf>) -> std::io::Result<()> {
    let mut entries: Vec<PathBuf> = std::fs::read_dir(dir)?.filter_map(|e| e.ok().map(|e| e.path())).collect();
    entries.sort();
    for path in entries {
        let name = path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
        if name.starts_with('.') || name == "target" {
            continue;
        }
        let Ok(real) = path.canonicalize() else { continue };
        if !real.starts_with(root) {
            continue;
        }
        let Ok(meta) = std::fs::metadata(&real) else { continue };
        if meta.is_dir() {
            if !visited.contains(&real) {
                visited.push(real);
                walk_in(&path, root, visited, out)?;
            }
        } else if meta.is_file() && path.extension().is_some_and(|e| e == "plan") {
            out.push(path);
        }
    }
    Ok(())
}

/// A plan to check for a file named on the command line, and the part it was named for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Root {
    pub path: PathBuf,
    /// The file that was named, when it is a part of this plan rather than a plan itself.
    pub part: Option<PathBuf>,
}

/// The plans to check for the files named on the command line (by pre-commit, say). A file with
/// a plan header is a plan and checked as itself. A file without one that is a part of a plan
/// stands for that plan: it says so (`part of "main.plan"`), or a plan under `scope` (the
/// repository, asked for only then) includes it, directly or through other parts. Each plan is
/// checked once; a file no plan includes is checked on its own.
pub fn roots_of(files: &[PathBuf], scope: impl FnOnce() -> PathBuf) -> Vec<Root> {
    let canonical = |p: &Path| p.canonicalize().unwrap_or_else(|_| p.to_path_buf());
    // Which plan includes which, read once from every plan under the scope.
    let mut included_by: Vec<(PathBuf, PathBuf)> = Vec::new();
    let mut declared: Vec<(PathBuf, PathBuf)> = Vec::new();
    // Read only as far as the header: checking the plan parses it again.
    let is_plan = |file: &Path| resolve::read_text(file).is_ok_and(|text| crate::syntax::declares_plan(&text));
    let plans: Vec<bool> = files.iter().map(|f| is_plan(f)).collect();
    let mut all = Vec::new();
    // Only a file that is not a plan itself needs the plans around it: a plan named on its own
    // (the common case, and every benchmark) does not read the whole repository.
    if plans.contains(&false) {
        let _ = walk(&scope(), &mut all);
    }
    for plan in &all {
        let Ok(text) = resolve::read_text(plan) else { continue };
        // Only a plan that says `include` or `part` (`invoegen`, `deel`) can make a file a part;
        // the rest is not parsed at all.
        if !["include", "part", "invoegen", "deel"].iter().any(|w| text.contains(w)) {
            continue;
        }
        let (doc, _) = crate::syntax::parse(crate::syntax::ast::FileId(0), &text);
        let dir = plan.parent().unwrap_or(Path::new("."));
        for item in &doc.items {
            match item {
                crate::syntax::ast::Item::Include(s) => {
                    included_by.push((canonical(&dir.join(&s.value)), canonical(plan)));
                }
                crate::syntax::ast::Item::PartOf(s) => declared.push((canonical(plan), canonical(&dir.join(&s.value)))),
                _ => {}
            }
        }
    }
    let mut out: Vec<Root> = Vec::new();
    for (file, &is_plan) in files.iter().zip(&plans) {
        let me = canonical(file);
        // A file with a plan header of its own is a plan, checked as itself (a plan that
        // includes it is not what was named).
        if is_plan {
            if !out.iter().any(|r| canonical(&r.path) == me) {
                out.push(Root { path: file.clone(), part: None });
            }
            continue;
        }
        // The plans this file is a part of, following parts of parts; the ones that are parts
        // of nothing are the roots.
        let mut frontier = vec![me.clone()];
        let mut seen = vec![me.clone()];
        let mut roots = Vec::new();
        while let Some(f) = frontier.pop() {
            let parents: Vec<PathBuf> = included_by
                .iter()
                .filter(|(child, _)| *child == f)
                .map(|(_, parent)| parent.clone())
                .chain(declared.iter().filter(|(child, _)| *child == f).map(|(_, parent)| parent.clone()))
                .collect();
            if parents.is_empty() {
                roots.push(f);
            }
            for p in parents {
                if !seen.contains(&p) && seen.len() < 256 {
                    seen.push(p.clone());
                    frontier.push(p);
                }
            }
        }
        roots.sort();
        // Shown as the user would name them: relative to the current folder where possible.
        let here = std::env::current_dir().ok().map(|d| canonical(&d));
        let shown = |p: PathBuf| match here.as_ref().and_then(|h| p.strip_prefix(h).ok()) {
            Some(rel) => rel.to_path_buf(),
            None => p,
        };
        for root in roots {
            let root = if root == me { root } else { shown(root) };
            let root = if root == me { file.clone() } else { root };
            let part = (root != *file).then(|| file.clone());
            if !out.iter().any(|r| canonical(&r.path) == canonical(&root)) {
                out.push(Root { path: root, part });
            }
        }
    }
    out
}

/// The folder whose plans are searched for the plans that include a file: the git repository
/// around the current folder, else the current folder.
pub fn repository_scope() -> PathBuf {
    let top = std::process::Command::new("git").args(["rev-parse", "--show-toplevel"]).output();
    match top {
        Ok(o) if o.status.success() => PathBuf::from(String::from_utf8_lossy(&o.stdout).trim()),
        _ => PathBuf::from("."),
    }
}

/// Checks several plans, for the command line: their diagnostics, without the records of each
/// recomputed figure (`Checked::recomputed` is empty; [`check_path_with`] keeps them). A file
/// that another checked plan includes is checked as part of that plan, not again on its own.
/// Returns each root's result in order, or the I/O failure of a root file.
pub fn check_paths(paths: &[PathBuf], options: resolve::LoadOptions) -> Vec<(PathBuf, Result<Checked, LoadError>)> {
    // Plans are independent: check them on every core (rayon keeps the order of `paths`).
    let results: Vec<(PathBuf, Result<Checked, LoadError>)> =
        paths.par_iter().map(|p| (p.clone(), check_path_reporting(p, options))).collect();
    let includes: Vec<HashSet<PathBuf>> = results
        .iter()
        .map(|(_, r)| {
            r.as_ref()
                .map(|c| {
                    (1..c.sources.len())
                        .filter_map(|i| c.sources.get(crate::syntax::ast::FileId(i as u32))?.path.clone())
                        .filter_map(|p| p.canonicalize().ok())
                        .collect()
                })
                .unwrap_or_default()
        })
        .collect();
    let canonical: Vec<Option<PathBuf>> = results.iter().map(|(p, _)| p.canonicalize().ok()).collect();
    // A plan and its progress files read each other; the plan is the one to keep.
    let is_progress: Vec<bool> =
        results.iter().map(|(_, r)| r.as_ref().is_ok_and(|c| c.model.progress_of.is_some())).collect();
    // Skip a root that another root includes, unless they include each other (a cycle, or a
    // plan and its progress file): then the plan, else the first one, is kept, so everything
    // is reported once.
    let skip: Vec<bool> = (0..results.len())
        .map(|r| {
            let Some(me) = &canonical[r] else { return false };
            (0..results.len()).any(|s| {
                let mutual = canonical[s].as_ref().is_some_and(|other| includes[r].contains(other));
                let first = (is_progress[r], r) > (is_progress[s], s);
                s != r && includes[s].contains(me) && (!mutual || first)
            })
        })
        .collect();
    results.into_iter().zip(skip).filter(|(_, skip)| !skip).map(|(r, _)| r).collect()
}

/// The outcome of formatting one file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Formatted {
    Unchanged,
    /// The text before and after, and the language of the plan's keywords as written (if they
    /// say): what grip says about the file is in that language.
    Changed {
        old: String,
        new: String,
        language: Option<Lang>,
    },
}

/// A file that cannot be formatted because it does not parse cleanly: its sources, problems
/// and the language of its keywords (if they say).
#[derive(Debug, Clone)]
pub struct Unformattable {
    pub sources: SourceMap,
    pub diagnostics: Vec<Diagnostic>,
    pub language: Option<Lang>,
}

/// Formats text, its keywords in `keywords` (default: the plan's own language); `name` is used
/// in the problems if it cannot be formatted.
pub fn format_text(name: &str, text: &str, keywords: Option<Lang>) -> Result<Formatted, Unformattable> {
    let language = crate::syntax::keywords::detect(text).map(|d| d.lang);
    match crate::fmt::format_source_in(text, keywords) {
        Ok(new) if new == text => Ok(Formatted::Unchanged),
        Ok(new) => Ok(Formatted::Changed { old: text.to_string(), new, language }),
        Err(diagnostics) => {
            let mut sources = SourceMap::new();
            // The formatter parses LF text; show the problems against that text.
            sources.add(name, None, text.trim_start_matches('\u{feff}').replace("\r\n", "\n"));
            Err(Unformattable { sources, diagnostics, language })
        }
    }
}

/// Why a file was not written, in words a person understands (never the temporary file's name).
#[derive(Debug)]
pub struct WriteError(pub Msg);

impl std::fmt::Display for WriteError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0.render(Lang::En))
    }
}

impl std::error::Error for WriteError {}

/// What a file was when it was read, to tell whether it changed before it is replaced.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Snapshot {
    len: u64,
    modified: Option<std::time::SystemTime>,
}

impl Snapshot {
    /// The file as it is now (None: it does not exist).
    pub fn of(path: &Path) -> Option<Snapshot> {
        let meta = std::fs::metadata(path).ok()?;
        Some(Snapshot { len: meta.len(), modified: meta.modified().ok() })
    }
}

/// The prefix of grip's temporary files; the process id follows, so a later run can tell the
/// files of a run that was killed from those of one still writing.
const TMP_PREFIX: &str = ".grip-tmp-";

/// Writes `text` to `path` atomically: a temporary file beside it, then a rename, so a reader
/// never sees half a file and a failure leaves the old file as it was.
///
/// - A symbolic link is followed: its target is written, and the link stays a link.
/// - The file keeps its permissions (and, where the system allows, its owner).
/// - A read-only file, a file with several hard links (replacing it would split them), and a
///   file that changed since `read` was taken (an edit saved meanwhile) are not written.
/// - Temporary files left by a run that was killed are removed the next time.
pub fn write_atomically_checked(path: &Path, text: &str, read: Option<&Snapshot>) -> Result<(), WriteError> {
    use std::io::Write;
    let shown = path.display().to_string();
    let why = |id: &'static str| WriteError(Msg::id(id).arg("path", &shown));
    let io = |e: std::io::Error| WriteError(Msg::id("write-io").arg("path", &shown).arg("error", e.to_string()));
    let target = match std::fs::canonicalize(path) {
        Ok(real) => real,
        Err(_) if !path.exists() => path.to_path_buf(),
        Err(e) => return Err(io(e)),
    };
    let dir = target.parent().filter(|d| !d.as_os_str().is_empty()).unwrap_or(Path::new(".")).to_path_buf();
    remove_stale_temporary_files(&dir);
    let existing = std::fs::metadata(&target).ok();
    if let Some(meta) = &existing {
        if !meta.is_file() {
            return Err(why("write-not-regular"));
        }
        if meta.permissions().readonly() {
            return Err(why("write-read-only"));
        }
        #[cfg(unix)]
        {
            use std::os::unix::fs::MetadataExt;
            if meta.nlink() > 1 {
                return Err(WriteError(
                    Msg::id("write-hard-links").arg("path", &shown).arg("links", meta.nlink().to_string()),
                ));
            }
        }
    }
    let busy = |e: std::io::Error| match e.kind() {
        std::io::ErrorKind::PermissionDenied => WriteError(
            Msg::id("write-folder-not-writable").arg("path", &shown).arg("folder", dir.display().to_string()),
        ),
        _ => io(e),
    };
    let mut tmp = temporary_file(&dir, ".tmp").map_err(busy)?;
    tmp.write_all(text.as_bytes()).map_err(busy)?;
    tmp.as_file().sync_all().map_err(busy)?;
    match &existing {
        Some(meta) => {
            tmp.as_file().set_permissions(meta.permissions()).map_err(busy)?;
            #[cfg(unix)]
            {
                use std::os::unix::fs::MetadataExt;
                // Keeping the owner needs the right to give files away; without it the file is
                // the writer's, as any editor would leave it.
                let _ = std::os::unix::fs::fchown(tmp.as_file(), Some(meta.uid()), Some(meta.gid()));
            }
        }
        None => {
            // A new file gets the usual permissions, not the temporary file's private ones.
            #[cfg(unix)]
            {
                use std::os::unix::fs::PermissionsExt;
                tmp.as_file().set_permissions(std::fs::Permissions::from_mode(0o644)).map_err(busy)?;
            }
        }
    }
    // Last moment: an edit saved since the file was read is never overwritten.
    if let Some(read) = read {
        if Snapshot::of(&target).as_ref() != Some(read) {
            return Err(why("write-changed-meanwhile"));
        }
    }
    tmp.persist(&target).map_err(|e| busy(e.error))?;
    Ok(())
}

/// [`write_atomically_checked`] for a file grip writes fresh (a report).
pub fn write_atomically(path: &Path, text: &str) -> Result<(), WriteError> {
    write_atomically_checked(path, text, None)
}

/// A temporary file in `dir` that a later run can remove if this process is killed before it
/// is renamed into place.
pub fn temporary_file(dir: &Path, suffix: &str) -> std::io::Result<tempfile::NamedTempFile> {
    remove_stale_temporary_files(dir);
    tempfile::Builder::new().prefix(&format!("{TMP_PREFIX}{}-", std::process::id())).suffix(suffix).tempfile_in(dir)
}

/// Removes grip's temporary files in `dir` whose process is gone (killed while it wrote).
pub fn remove_stale_temporary_files(dir: &Path) {
    let Ok(entries) = std::fs::read_dir(dir) else { return };
    for entry in entries.flatten() {
        let name = entry.file_name().to_string_lossy().into_owned();
        let Some(rest) = name.strip_prefix(TMP_PREFIX) else { continue };
        let pid = rest.split('-').next().and_then(|p| p.parse::<u32>().ok());
        let alive = match pid {
            Some(pid) if pid == std::process::id() => true,
            // Without /proc there is no telling: the file is left alone.
            Some(pid) => !Path::new("/proc").exists() || Path::new(&format!("/proc/{pid}")).exists(),
            None => true,
        };
        if !alive {
            let _ = std::fs::remove_file(entry.path());
        }
    }
}

/// A unified diff of a file before and after formatting.
pub fn unified_diff(name: &str, old: &str, new: &str, lang: Lang) -> String {
    let written = Msg::id("diff-as-written").arg("name", name).render(lang);
    let formatted = Msg::id("diff-formatted").arg("name", name).render(lang);
    unified_diff_between(&written, &formatted, old, new)
}

/// A unified diff of two texts, headed with their names.
pub fn unified_diff_between(old_name: &str, new_name: &str, old: &str, new: &str) -> String {
    // The smallest diff of two very different texts takes time quadratic in their size; past a
    // second the diff may be larger than the smallest, but it is found at once.
    similar::TextDiff::configure()
        .timeout(std::time::Duration::from_secs(1))
        .diff_lines(old, new)
        .unified_diff()
        .context_radius(3)
        .header(old_name, new_name)
        .to_string()
}

/// Loads and checks a plan given as text, for `grip diff` (one version may come from git).
/// `/dev/null` stands for a plan that does not exist (a file git adds or deletes).
pub fn check_version(name: &str, path: Option<&Path>, text: String) -> Checked {
    check_text(name, path, text)
}

/// The text of `path` at a git revision, read with `git show`.
pub fn git_show(rev: &str, path: &Path) -> Result<String, Msg> {
    let spec = format!("{rev}:./{}", path.display());
    let dir = path.parent().filter(|d| !d.as_os_str().is_empty()).unwrap_or(Path::new("."));
    let file = path.file_name().map(|f| f.to_string_lossy().into_owned()).unwrap_or_default();
    let spec_in_dir = format!("{rev}:./{file}");
    let out = std::process::Command::new("git")
        .arg("show")
        .arg(&spec_in_dir)
        .current_dir(dir)
        .output()
        .map_err(|e| Msg::id("git-cannot-run").arg("error", e.to_string()))?;
    if !out.status.success() {
        let err = String::from_utf8_lossy(&out.stderr);
        if err.contains("does not exist") || err.contains("exists on disk, but not in") {
            return Ok(String::new());
        }
        return Err(Msg::id("git-show-failed").arg("spec", &spec).arg("error", err.trim()));
    }
    String::from_utf8(out.stdout).map_err(|_| Msg::id("git-not-utf8").arg("spec", &spec))
}
