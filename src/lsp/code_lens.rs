//! textDocument/codeLens: above each group with a target, what its measures save of it in the
//! target's year, as `grip eval` computes it; above each table with printed totals, how many
//! grip checked and how many differ from their lines.

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
        // Tables: the printed totals grip recomputes, and those `grip check` finds wrong.
        let printed = crate::formula::printed_totals(&doc.checked.model);
        for t in doc.checked.model.tables.iter().filter(|t| t.table.id.span.file == FileId(0)) {
            let within =
                |s: Span| s.file == t.table.span.file && t.table.span.start <= s.start && s.end <= t.table.span.end;
            let checked = printed.iter().filter(|p| within(p.span)).count();
            if checked == 0 {
                continue;
            }
            let wrong = doc
                .checked
                .diagnostics
                .iter()
                .filter(|d| matches!(d.problem, crate::diagnostic::Problem::TotalMismatch { .. }) && within(d.span()))
                .count();
            let title = Msg::id("lens-table").arg("checked", checked).arg("wrong", wrong).render(lang);
            out.push(lsp::CodeLens {
                range: range(sources, t.table.id.span),
                command: Some(lsp::Command { title, command: String::new(), arguments: None }),
                data: None,
            });
        }
        out
    }
}
