//! textDocument/codeLens: above each group with a target, what its measures save of it in the
//! target's year, from the evaluation of the checked plan (as `grip eval` and the group's hover
//! show it); above each table with printed totals, how many `grip check` recomputed and how
//! many differ from their lines, from the checker's own records (as hovers and inlay hints show
//! them). The lenses count nothing themselves.

use super::*;
use crate::check::Agreement;
use crate::lang::Msg;
use lsp_types as lsp;

impl Server {
    pub(super) fn code_lenses(&self, uri: &lsp::Url) -> Vec<lsp::CodeLens> {
        let Some(doc) = self.docs.get(uri) else { return Vec::new() };
        let lang = self.lang(&doc.checked);
        let sources = &doc.checked.sources;
        let mut out = Vec::new();
        for g in doc.checked.model.groups.iter().filter(|g| g.id.span.file == FileId(0)) {
            let Some(ge) = doc.figures.groups.iter().find(|e| e.id == g.id.value) else { continue };
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
        // Tables: the printed totals `grip check` recomputed (the records hovers and inlay hints
        // read), those it found do not add up, and those it could not check. A cell of a total row in a total column is
        // checked twice, across and down: it is one printed total, wrong when either differs.
        for t in doc.checked.model.tables.iter().filter(|t| t.table.id.span.file == FileId(0)) {
            let within =
                |s: Span| s.file == t.table.span.file && t.table.span.start <= s.start && s.end <= t.table.span.end;
            let mut figures: Vec<(Span, Agreement)> = Vec::new();
            for r in doc.figures.recomputed().iter().filter(|r| within(r.span)) {
                match figures.iter_mut().find(|(span, _)| *span == r.span) {
                    Some((_, seen)) => *seen = worse(*seen, r.agreement),
                    None => figures.push((r.span, r.agreement)),
                }
            }
            // A total with a figure missing from a line it adds is not recomputed at all: the
            // checker says so in its diagnostic, which is where the lens reads it.
            for d in &doc.checked.diagnostics {
                if let crate::diagnostic::Problem::TotalUnverifiable { span, .. } = &d.problem {
                    if within(*span) && !figures.iter().any(|(s, _)| s == span) {
                        figures.push((*span, Agreement::Unverifiable));
                    }
                }
            }
            let count = |a: Agreement| figures.iter().filter(|(_, seen)| *seen == a).count();
            let unverifiable = count(Agreement::Unverifiable);
            let checked = figures.len() - unverifiable;
            if figures.is_empty() {
                continue;
            }
            let mut parts = Vec::new();
            if checked > 0 {
                parts.push(
                    Msg::id("lens-table").arg("checked", checked).arg("wrong", count(Agreement::Differs)).render(lang),
                );
            }
            if unverifiable > 0 {
                parts.push(Msg::id("lens-table-unverifiable").arg("count", unverifiable).render(lang));
            }
            let title = parts.join("; ");
            out.push(lsp::CodeLens {
                range: range(sources, t.table.id.span),
                command: Some(lsp::Command { title, command: String::new(), arguments: None }),
                data: None,
            });
        }
        out
    }
}

/// Of two verdicts on one printed figure, the one to show: a figure that differs one way is
/// wrong; one that cannot be recomputed one way is not known to be right.
fn worse(a: Agreement, b: Agreement) -> Agreement {
    let rank = |x: Agreement| match x {
        Agreement::Equal => 0,
        Agreement::Explained => 1,
        Agreement::Unverifiable => 2,
        Agreement::Differs => 3,
    };
    if rank(b) > rank(a) {
        b
    } else {
        a
    }
}
