//! Library calls behind the commands, so every command is usable without the CLI.

use crate::check::check;
use crate::diagnostic::{Diagnostic, Severity};
use crate::resolve::{self, LoadError, Model};
use crate::source::SourceMap;
use std::collections::HashSet;
use std::path::{Path, PathBuf};

/// A checked plan: its sources, its model, and every diagnostic, in source order.
#[derive(Debug, Clone)]
pub struct Checked {
    pub sources: SourceMap,
    pub model: Model,
    pub diagnostics: Vec<Diagnostic>,
}

impl Checked {
    pub fn has_errors(&self) -> bool {
        self.diagnostics.iter().any(|d| d.severity() == Severity::Error)
    }
    pub fn has_warnings(&self) -> bool {
        self.diagnostics.iter().any(|d| d.severity() == Severity::Warning)
    }
}

/// Loads and checks the plan at `path` and everything it includes.
pub fn check_path(path: &Path) -> Result<Checked, LoadError> {
    let loaded = resolve::load(path)?;
    let diagnostics = check(&loaded);
    Ok(Checked { sources: loaded.sources, model: loaded.model, diagnostics })
}

/// Checks a plan given as text; includes resolve relative to `path` if given.
pub fn check_text(name: &str, path: Option<&Path>, text: String) -> Checked {
    let loaded = resolve::load_text(name, path, text);
    let diagnostics = check(&loaded);
    Checked { sources: loaded.sources, model: loaded.model, diagnostics }
}

/// Expands paths to plan files: a file is taken as given; a directory yields every `*.plan`
/// below it, in a stable order.
pub fn plan_files(paths: &[PathBuf]) -> Result<Vec<PathBuf>, LoadError> {
    let mut out = Vec::new();
    for p in paths {
        if p.is_dir() {
            walk(p, &mut out).map_err(|e| LoadError { path: p.clone(), reason: e.to_string() })?;
        } else {
            out.push(p.clone());
        }
    }
    Ok(out)
}

fn walk(dir: &Path, out: &mut Vec<PathBuf>) -> std::io::Result<()> {
    let mut entries: Vec<PathBuf> = std::fs::read_dir(dir)?.filter_map(|e| e.ok().map(|e| e.path())).collect();
    entries.sort();
    for path in entries {
        let name = path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
        if name.starts_with('.') || name == "target" {
            continue;
        }
        if path.is_dir() {
            walk(&path, out)?;
        } else if path.extension().is_some_and(|e| e == "plan") {
            out.push(path);
        }
    }
    Ok(())
}

/// Checks several plans. A file that another checked plan includes is checked as part of that
/// plan, not again on its own. Returns each root's result in order, or the I/O failure of a
/// root file.
pub fn check_paths(paths: &[PathBuf]) -> Vec<(PathBuf, Result<Checked, LoadError>)> {
    let results: Vec<(PathBuf, Result<Checked, LoadError>)> =
        paths.iter().map(|p| (p.clone(), check_path(p))).collect();
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
    // Skip a root that another root includes, unless they include each other (a cycle): then
    // the first one is kept, so the cycle is reported once.
    let skip: Vec<bool> = (0..results.len())
        .map(|r| {
            let Some(me) = &canonical[r] else { return false };
            (0..results.len()).any(|s| {
                s != r
                    && includes[s].contains(me)
                    && (canonical[s].as_ref().is_none_or(|other| !includes[r].contains(other)) || s < r)
            })
        })
        .collect();
    results.into_iter().zip(skip).filter(|(_, skip)| !skip).map(|(r, _)| r).collect()
}
