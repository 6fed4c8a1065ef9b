//! workspace/didChangeWatchedFiles: the files an open plan reads from disk (the files it
//! includes, the plan a progress file reports on, and what those include) changed, were created
//! or were deleted, so the open plans that read them are checked again and their diagnostics
//! published. A client that can register a watcher at run time is asked to watch `**/*.plan`
//! (`client/registerCapability`, after `initialized`).

use super::*;
use crate::diagnostic::Problem;
use lsp_server::Message;
use lsp_types as lsp;
use std::path::{Path, PathBuf};

/// The files the server asks the client to watch.
pub(super) const WATCHED: &str = "**/*.plan";

impl Server {
    /// `initialized`: the client is ready to be asked; a client that can register a file watcher
    /// at run time is asked to watch the plans.
    pub(super) fn initialized(&mut self) -> Vec<Message> {
        if !self.client.watch_files {
            return Vec::new();
        }
        let options = lsp::DidChangeWatchedFilesRegistrationOptions {
            watchers: vec![lsp::FileSystemWatcher {
                glob_pattern: lsp::GlobPattern::String(WATCHED.into()),
                kind: None,
            }],
        };
        let registration = lsp::Registration {
            id: "grip-watch-plans".into(),
            method: <lsp::notification::DidChangeWatchedFiles as lsp::notification::Notification>::METHOD.into(),
            register_options: serde_json::to_value(options).ok(),
        };
        vec![self.request_to_client::<lsp::request::RegisterCapability>(lsp::RegistrationParams {
            registrations: vec![registration],
        })]
    }

    /// `workspace/didChangeWatchedFiles`: every open plan that reads one of the files (or could
    /// not read it: it may be there now) is checked again, once, and its diagnostics published;
    /// a client that can be asked is asked to refresh its inlay hints and code lenses.
    pub(super) fn files_changed(&mut self, changes: &[lsp::FileEvent]) -> Vec<Message> {
        let changed: Vec<PathBuf> = changes.iter().filter_map(|c| path_of(&c.uri)).map(|p| comparable(&p)).collect();
        if changed.is_empty() {
            return Vec::new();
        }
        let mut affected: Vec<lsp::Url> = self
            .docs
            .iter()
            .filter(|(uri, doc)| {
                let own = path_of(uri).map(|p| comparable(&p));
                reads(&doc.checked, &changed, own.as_deref())
            })
            .map(|(uri, _)| uri.clone())
            .collect();
        affected.sort_by(|a, b| a.as_str().cmp(b.as_str()));
        if affected.is_empty() {
            return Vec::new();
        }
        let mut out = Vec::new();
        for uri in affected {
            out.extend(self.analyse(uri).into_iter().map(Message::Notification));
        }
        // The figures beside the text may have changed with the plans: a client that can be
        // asked shows its hints and lenses again.
        out.extend(self.refresh_figures());
        out
    }
}

/// Whether a checked plan reads one of `changed` from disk: a file it loaded besides its own
/// (whose text is the editor's), or one it tried to and could not.
fn reads(checked: &crate::api::Checked, changed: &[PathBuf], own: Option<&Path>) -> bool {
    let sources = &checked.sources;
    let hit = |p: &Path| {
        let p = comparable(p);
        Some(p.as_path()) != own && changed.contains(&p)
    };
    let loaded = (1..sources.len()).filter_map(|i| sources.get(FileId(i as u32))?.path.clone()).any(|p| hit(&p));
    if loaded {
        return true;
    }
    // An include, or the plan of a progress file, that was not there: where it was looked for
    // is relative to the file that names it.
    checked.diagnostics.iter().any(|d| match &d.problem {
        Problem::IncludeNotFound { path, span, .. } | Problem::ProgressPlanNotFound { path, span, .. } => sources
            .get(span.file)
            .and_then(|f| f.path.as_ref())
            .and_then(|p| p.parent())
            .is_some_and(|dir| hit(&dir.join(path))),
        _ => false,
    })
}

/// A path as it can be compared with another naming the same file: canonical when the file
/// exists; when it does not (deleted, or not yet created), its folder canonical and its name.
fn comparable(path: &Path) -> PathBuf {
    if let Ok(c) = path.canonicalize() {
        return c;
    }
    match (path.parent().and_then(|d| d.canonicalize().ok()), path.file_name()) {
        (Some(dir), Some(name)) => dir.join(name),
        _ => path.to_path_buf(),
    }
}
