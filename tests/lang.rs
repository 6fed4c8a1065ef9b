//! The message catalogue: both languages parse, have the same messages with the same
//! attributes and variables, and every message the code asks for exists.

use grip::lang::{catalogue, Lang};
use std::collections::{BTreeMap, BTreeSet};

/// Every message of a catalogue: its attributes and the variables it uses.
fn messages(lang: Lang) -> BTreeMap<String, (BTreeSet<String>, BTreeSet<String>)> {
    use fluent_syntax::ast;
    let text = catalogue(lang);
    let resource = match fluent_syntax::parser::parse(text) {
        Ok(r) => r,
        Err((_, errors)) => panic!("{} does not parse: {errors:?}", lang.code()),
    };
    let mut out = BTreeMap::new();
    for entry in resource.body {
        if let ast::Entry::Message(m) = entry {
            let attributes = m.attributes.iter().map(|a| a.id.name.to_string()).collect();
            let mut vars = BTreeSet::new();
            let mut patterns: Vec<&ast::Pattern<&str>> = m.value.iter().collect();
            patterns.extend(m.attributes.iter().map(|a| &a.value));
            for p in patterns {
                variables(p, &mut vars);
            }
            out.insert(m.id.name.to_string(), (attributes, vars));
        }
    }
    out
}

fn variables(p: &fluent_syntax::ast::Pattern<&str>, out: &mut BTreeSet<String>) {
    use fluent_syntax::ast::*;
    fn expr(e: &Expression<&str>, out: &mut BTreeSet<String>) {
        match e {
            Expression::Select { selector, variants } => {
                inline(selector, out);
                for v in variants {
                    variables(&v.value, out);
                }
            }
            Expression::Inline(i) => inline(i, out),
        }
    }
    fn inline(i: &InlineExpression<&str>, out: &mut BTreeSet<String>) {
        match i {
            InlineExpression::VariableReference { id } => {
                out.insert(id.name.to_string());
            }
            InlineExpression::Placeable { expression } => expr(expression, out),
            _ => {}
        }
    }
    for e in &p.elements {
        if let PatternElement::Placeable { expression } = e {
            expr(expression, out);
        }
    }
}

#[test]
fn both_catalogues_have_the_same_messages() {
    let en = messages(Lang::En);
    let nl = messages(Lang::Nl);
    let only_en: Vec<&String> = en.keys().filter(|k| !nl.contains_key(*k)).collect();
    let only_nl: Vec<&String> = nl.keys().filter(|k| !en.contains_key(*k)).collect();
    assert!(only_en.is_empty(), "messages only in en.ftl: {only_en:?}");
    assert!(only_nl.is_empty(), "messages only in nl.ftl: {only_nl:?}");
    for (id, (attrs, vars)) in &en {
        let (nl_attrs, nl_vars) = &nl[id];
        assert_eq!(attrs, nl_attrs, "{id}: the attributes differ between en.ftl and nl.ftl");
        // A translation may leave a variable out (Dutch needs no plural for some words), but
        // never use one the code does not give.
        let unknown: Vec<&String> = nl_vars.difference(vars).collect();
        assert!(unknown.is_empty(), "{id}: nl.ftl uses variables en.ftl does not: {unknown:?}");
    }
}

/// Every message id the code names (`Msg::id("…")` and the like) is in the catalogue.
#[test]
fn every_message_the_code_asks_for_exists() {
    let en = messages(Lang::En);
    let mut missing = Vec::new();
    let mut stack = vec![std::path::PathBuf::from("src")];
    while let Some(dir) = stack.pop() {
        for entry in std::fs::read_dir(&dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                stack.push(path);
                continue;
            }
            if path.extension().is_none_or(|e| e != "rs") {
                continue;
            }
            let text = std::fs::read_to_string(&path).unwrap();
            for (i, _) in text.match_indices("Msg::id(\"") {
                let rest = &text[i + 9..];
                let id = &rest[..rest.find('"').unwrap()];
                if !en.contains_key(id) {
                    missing.push(format!("{}: {id}", path.display()));
                }
            }
        }
    }
    assert!(missing.is_empty(), "messages the code uses that en.ftl lacks: {missing:#?}");
}

#[test]
fn a_message_is_shown_in_each_language() {
    let msg = grip::lang::Msg::id("summary")
        .arg("errors", 2usize)
        .arg("warnings", 1usize)
        .arg("notes", 0usize)
        .arg("files", 1usize);
    assert_eq!(msg.render(Lang::En), "2 errors, 1 warning, 0 notes in 1 file");
    assert_ne!(msg.render(Lang::Nl), "");
}
