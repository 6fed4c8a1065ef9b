//! textDocument/completion.

use super::*;
use crate::lang::Lang;
use lsp_types as lsp;

impl Server {
    pub(super) fn completion(&self, uri: &lsp::Url) -> Vec<lsp::CompletionItem> {
        // The keywords of the plan's language (both sets while it has none yet).
        let language = self.docs.get(uri).and_then(|d| d.checked.language());
        let mut words: Vec<&str> = Vec::new();
        for lang in Lang::ALL.into_iter().filter(|l| language.is_none_or(|p| p == *l)) {
            for k in crate::syntax::keywords::KEYWORDS {
                if !words.contains(&k.word(lang)) {
                    words.push(k.word(lang));
                }
            }
        }
        let mut items: Vec<lsp::CompletionItem> = words
            .iter()
            .map(|k| lsp::CompletionItem {
                label: (*k).into(),
                kind: Some(lsp::CompletionItemKind::KEYWORD),
                ..Default::default()
            })
            .collect();
        for (label, detail) in [
            ("€", "euros"),
            ("fte", "full-time equivalents"),
            ("hours", "hours"),
            ("%", "percent"),
            ("P.M.", "not known yet"),
        ] {
            items.push(lsp::CompletionItem {
                label: label.into(),
                kind: Some(lsp::CompletionItemKind::UNIT),
                detail: Some(detail.into()),
                ..Default::default()
            });
        }
        for t in crate::taakveld::CATALOGUE {
            items.push(lsp::CompletionItem {
                label: t.code.into(),
                kind: Some(lsp::CompletionItemKind::ENUM_MEMBER),
                detail: Some(format!("taakveld {}", t.name)),
                ..Default::default()
            });
        }
        if let Some(doc) = self.docs.get(uri) {
            for m in &doc.checked.model.measures {
                items.push(lsp::CompletionItem {
                    label: m.measure.id.value.clone(),
                    kind: Some(lsp::CompletionItemKind::REFERENCE),
                    detail: Some(m.measure.title.value.clone()),
                    ..Default::default()
                });
            }
        }
        items
    }
}
