//! textDocument/codeLens: above each group with a target, what its measures save of it in the
//! target's year, as `grip eval` computes it.

use super::*;
use crate::lang::Msg;
use lsp_types as lsp;

impl Server {
    pub(super) fn code_lenses(&self, uri: &lsp::Url) -> Vec<lsp::CodeLens> {
        let Some(doc) = self.docs.get(uri) else { return Vec::new() };
        let lang = self.lang(&doc.checked);
        let sources = &doc.checked.sources;
        let mut out = Vec::new();
        for g in doc.checked.model.groups.iter().filter(|g| g.id.span.file == FileId(0)) {
            let Some(ge) = doc.evaluation.groups.iter().find(|e| e.id == g.id.value) else { continue };
            for t in &ge.targets {
                let title = Msg::id("lens-target")
                    .arg("reached", crate::sheet::eur_figure(&t.reached))
                    .arg("target", crate::sheet::eur(t.amount))
                    .arg("year", t.year)
                    .arg("verdict", crate::sheet::verdict(t, lang))
                    .render(lang);
                out.push(lsp::CodeLens {
                    range: range(sources, g.id.span),
                    // A lens that says, and does nothing when clicked.
                    command: Some(lsp::Command { title, command: String::new(), arguments: None }),
                    data: None,
                });
            }
        }
        out
    }
}
