//! textDocument/inlayHint: the computed figure beside a printed one that differs (a total, a
//! share's amount), or beside every printed total and share with the setting
//! `grip.inlayHints.allTotals`, and beside each target what the group's measures save and whether that
//! reaches it, and beside a measure's title what it saves in the last year of the period. The
//! figures are those of `grip check` and `grip eval`.

use super::*;
use crate::diagnostic::Problem;
use crate::lang::Msg;
use lsp_types as lsp;

impl Server {
    pub(super) fn inlay_hints(&self, uri: &lsp::Url, within: lsp::Range) -> Vec<lsp::InlayHint> {
        let Some(doc) = self.docs.get(uri) else { return Vec::new() };
        let lang = self.lang(&doc.checked);
        let sources = &doc.checked.sources;
        let model = &doc.checked.model;
        let mut out = Vec::new();
        let mut hint = |span: Span, label: String| {
            if span.file != FileId(0) {
                return;
            }
            let at = position(sources, span.file, span.end);
            if at < within.start || at > within.end {
                return;
            }
            out.push(lsp::InlayHint {
                position: at,
                label: lsp::InlayHintLabel::String(label),
                kind: None,
                text_edits: None,
                tooltip: None,
                padding_left: Some(true),
                padding_right: None,
                data: None,
            });
        };
        // A printed figure that differs from the computed one: the computed one beside it.
        let mut hinted: Vec<Span> = Vec::new();
        for d in &doc.checked.diagnostics {
            let (span, figure) = match &d.problem {
                Problem::ShareMismatch { amount_span, expected, .. } => (*amount_span, crate::sheet::eur(*expected)),
                _ => match (d.figure(), d.figure().map(|_| d.span())) {
                    (Some(f), Some(span)) if f.declared != f.computed => {
                        (span, crate::diagnostic::eur_or(lang, &f.unit, f.computed))
                    }
                    _ => continue,
                },
            };
            hinted.push(span);
            hint(span, Msg::id("inlay-computed").arg("figure", figure).render(lang));
        }
        // With `grip.inlayHints.allTotals`: beside every other printed total and share too, the
        // figure `grip check` recomputed (not beside one it could not).
        if self.settings.all_totals {
            for r in doc.figures.recomputed() {
                if hinted.contains(&r.span) || r.agreement == crate::check::Agreement::Unverifiable {
                    continue;
                }
                hinted.push(r.span);
                let figure = format!(
                    "{}{}",
                    crate::diagnostic::eur_or(lang, &r.unit, r.computed.figure.known),
                    crate::sheet::pm_suffix(&r.computed.figure)
                );
                hint(r.span, Msg::id("inlay-computed").arg("figure", figure).render(lang));
            }
        }
        // A group's targets: what its measures save in the target's year, and the verdict.
        for g in &model.groups {
            let Some(ge) = doc.figures.groups.iter().find(|e| e.id == g.id.value) else { continue };
            for (target, te) in g.targets.iter().zip(&ge.targets) {
                if target.year.value != te.year {
                    continue;
                }
                let label = Msg::id("inlay-target")
                    .arg("reached", crate::sheet::eur_figure(&te.reached))
                    .arg("verdict", crate::sheet::verdict(te, lang))
                    .render(lang);
                hint(target.span, label);
            }
        }
        // A measure: what it saves in the last year of the period (its structural level), beside
        // its title.
        if let (Some(&year), Some(last)) = (doc.figures.years.last(), doc.figures.years.len().checked_sub(1)) {
            for (m, e) in model.measures.iter().zip(&doc.figures.measures) {
                let Some(saving) = e.savings.get(last) else { continue };
                if saving.expected.known.is_zero() && saving.expected.pm == 0 {
                    continue;
                }
                let label = Msg::id("inlay-measure")
                    .arg("saving", crate::sheet::eur_figure(&saving.expected))
                    .arg("year", year)
                    .render(lang);
                hint(m.measure.title.span, label);
            }
        }
        out.sort_by_key(|h| h.position);
        out
    }
}
