//! `grip fmt`: AST → canonical text.
//!
//! One fact per line, two spaces of indentation per block, amounts in Dutch notation, keywords
//! and spacing normalised, table cells aligned in columns. The order of items is kept, every
//! comment is kept (on its own line before the item it precedes, or at the end of the line it
//! ends), and blank lines between items are kept, collapsed to one. A CRLF file stays CRLF and
//! a byte-order mark is kept. A file that does not parse cleanly is never formatted.

use crate::diagnostic::{Diagnostic, Problem};
use crate::lang::Lang;
use crate::syntax::ast::*;
use crate::syntax::keywords;
use crate::syntax::number::format_dutch;
use crate::syntax::parse::{braces, parse, Rule};

/// A keyword in a language.
fn kw(rule: Rule, lang: Lang) -> &'static str {
    keywords::of_rule(rule).map(|k| k.word(lang)).unwrap_or("")
}

/// Formats one plan file, its keywords in the plan's own language. Returns the parse problems
/// instead when the file cannot be read without loss (a syntax error, a number or date grip
/// cannot read, a field given twice).
pub fn format_source(text: &str) -> Result<String, Vec<Diagnostic>> {
    format_source_in(text, None)
}

/// [`format_source`] with the keywords in `keywords` (`grip fmt --keywords nl`), or in the
/// plan's own language when `None` (a keyword of the other language is then written in the
/// plan's). A plan with no keyword of its own language keeps English.
pub fn format_source_in(text: &str, keywords: Option<Lang>) -> Result<String, Vec<Diagnostic>> {
    let (bom, body) = match text.strip_prefix('\u{feff}') {
        Some(rest) => ("\u{feff}", rest),
        None => ("", text),
    };
    // The file's line endings are kept: CRLF, or the lone CR of old Mac files, or LF.
    let newline = if body.contains("\r\n") {
        "\r\n"
    } else if body.contains('\r') && !body.contains('\n') {
        "\r"
    } else {
        "\n"
    };
    // Work on LF text so spans and line scanning are simple; the endings are restored at the end.
    let lf = crate::source::lone_cr_as_lf(body.replace("\r\n", "\n"));
    let (doc, diags) = parse(FileId(0), &lf);
    // A figure grip cannot read is kept as written (it is reported by `check`), a keyword of the
    // other language is written in the plan's; any other problem means the text cannot be
    // written back without loss.
    // A figure is kept as written only where the AST holds it as unreadable (an amount or a
    // cell); one anywhere else (a scale, a tolerance, a share) would be lost, so the file is not
    // formatted.
    let kept = kept_as_written(&doc);
    let lost = |d: &Diagnostic| match &d.problem {
        Problem::BadNumber { span, .. } => !kept.iter().any(|k| k.start <= span.start && span.end <= k.end),
        Problem::MixedKeywords { .. } => false,
        _ => true,
    };
    if diags.iter().any(lost) {
        return Err(diags);
    }
    let mut f = Formatter {
        lang: keywords.or(doc.lang).unwrap_or_default(),
        src: &lf,
        comments: comments(&lf),
        next: 0,
        out: Vec::new(),
        at: Vec::new(),
        last: 0,
        fresh_block: true,
        prefix: None,
    };
    for item in &doc.items {
        f.item(item, 0);
    }
    f.rest(0, lf.len());
    while f.out.last().is_some_and(|l| l.is_empty()) {
        f.out.pop();
        f.at.pop();
    }
    f.align_trailing_comments();
    let mut result = String::from(bom);
    for line in &f.out {
        // A text over several lines (`"""`) is one output line with line breaks inside: they
        // get the file's line endings too.
        if newline == "\n" {
            result.push_str(line);
        } else {
            result.push_str(&line.replace('\n', newline));
        }
        result.push_str(newline);
    }
    Ok(result)
}

/// Where the AST keeps a figure grip cannot read as it was written: unreadable amounts and cells.
fn kept_as_written(doc: &Document) -> Vec<Span> {
    fn amount(a: &Spanned<Amount>, out: &mut Vec<Span>) {
        if matches!(a.value, Amount::Unreadable) {
            out.push(a.span);
        }
    }
    fn total(t: &DeclaredTotal, out: &mut Vec<Span>) {
        t.values.iter().for_each(|v| amount(&v.amount, out));
    }
    fn item(i: &Item, out: &mut Vec<Span>) {
        match i {
            Item::Group(g) => {
                g.targets.iter().for_each(|t| amount(&t.amount, out));
                g.totals.iter().for_each(|t| total(t, out));
                g.items.iter().for_each(|i| item(i, out));
            }
            Item::Measure(m) => {
                m.budget.iter().for_each(|b| amount(b, out));
                m.effects.iter().for_each(|e| amount(&e.amount, out));
                if let Some(r) = &m.range {
                    amount(&r.low, out);
                    amount(&r.high, out);
                }
            }
            Item::Table(t) => {
                for c in t.rows.iter().flat_map(|r| r.cells.iter()) {
                    if matches!(c.value, CellValue::Unreadable) {
                        out.push(c.span);
                    }
                }
            }
            Item::Total(t) => total(t, out),
            Item::Moment(m) => {
                m.remaining.iter().for_each(|t| total(t, out));
                for p in &m.measures {
                    p.realised.iter().chain(&p.expected).for_each(|e| amount(&e.amount, out));
                    p.replacements.iter().for_each(|r| amount(&r.amount, out));
                }
            }
            Item::Header(_) | Item::Include(_) | Item::PartOf(_) | Item::Progress(_) | Item::Text(_) => {}
        }
    }
    let mut out = Vec::new();
    doc.items.iter().for_each(|i| item(i, &mut out));
    out
}

/// A comment in the source: its byte range and text.
#[derive(Debug, Clone)]
struct Comment {
    start: usize,
    end: usize,
    text: String,
}

/// Every comment outside strings, in order.
fn comments(text: &str) -> Vec<Comment> {
    let bytes = text.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'"' if text[i..].starts_with("\"\"\"") => {
                i = text[i + 3..].find("\"\"\"").map(|j| i + 3 + j + 3).unwrap_or(bytes.len());
                continue;
            }
            b'"' => {
                i += 1;
                while i < bytes.len() && bytes[i] != b'"' && bytes[i] != b'\n' {
                    i += if bytes[i] == b'\\' { 2 } else { 1 };
                }
            }
            b'/' if bytes.get(i + 1) == Some(&b'*') => {
                let end = text[i + 2..].find("*/").map(|j| i + 2 + j + 2).unwrap_or(bytes.len());
                out.push(Comment { start: i, end, text: text[i..end].to_string() });
                i = end;
                continue;
            }
            b'/' if bytes.get(i + 1) == Some(&b'/') => {
                let end = text[i..].find('\n').map(|j| i + j).unwrap_or(bytes.len());
                out.push(Comment { start: i, end, text: text[i..end].trim_end().to_string() });
                i = end;
                continue;
            }
            b'#' => {
                let end = text[i..].find('\n').map(|j| i + j).unwrap_or(bytes.len());
                out.push(Comment { start: i, end, text: text[i..end].trim_end().to_string() });
                i = end;
                continue;
            }
            _ => {}
        }
        i += 1;
    }
    out
}

struct Formatter<'s> {
    /// The language the keywords are written in.
    lang: Lang,
    src: &'s str,
    comments: Vec<Comment>,
    /// The first comment not yet written.
    next: usize,
    out: Vec<String>,
    /// For each output line with a trailing comment, where the code before it ends.
    at: Vec<Option<usize>>,
    /// The source position up to which everything has been written.
    last: usize,
    /// Nothing has been written in the current block yet (no blank line before the first line).
    fresh_block: bool,
    /// Block comments to write before the next line, where they stood before its code.
    prefix: Option<String>,
}

const INDENT: &str = "  ";

impl Formatter<'_> {
    /// A keyword in the output's language.
    fn k(&self, rule: Rule) -> &'static str {
        kw(rule, self.lang)
    }

    /// A blank line in the source between `from` and `to`?
    fn blank_between(&self, from: usize, to: usize) -> bool {
        let gap = self.src.get(from.min(to)..to).unwrap_or("");
        let parts: Vec<&str> = gap.split('\n').collect();
        parts.len() > 2 && parts[1..parts.len() - 1].iter().any(|p| p.trim().is_empty())
    }

    fn push(&mut self, depth: usize, text: String, from: usize) {
        if !self.fresh_block && self.blank_between(self.last, from) && self.out.last().is_some_and(|l| !l.is_empty()) {
            self.out.push(String::new());
            self.at.push(None);
        }
        let prefix = self.prefix.take().unwrap_or_default();
        self.out.push(format!("{}{prefix}{}", INDENT.repeat(depth), text));
        self.at.push(None);
        self.fresh_block = false;
    }

    fn append_comment(&mut self, text: &str) {
        if let (Some(last), Some(at)) = (self.out.last_mut(), self.at.last_mut()) {
            if at.is_none() {
                *at = Some(last.len());
            }
            last.push_str("  ");
            last.push_str(text);
        }
    }

    /// Trailing comments on consecutive lines start in one column.
    fn align_trailing_comments(&mut self) {
        let mut i = 0;
        while i < self.out.len() {
            if self.at[i].is_none() {
                i += 1;
                continue;
            }
            let mut j = i;
            while j < self.out.len() && self.at[j].is_some() {
                j += 1;
            }
            let width = (i..j).filter_map(|k| self.at[k].map(|a| self.out[k][..a].chars().count())).max().unwrap_or(0);
            for k in i..j {
                if let Some(a) = self.at[k] {
                    let (code, comment) = self.out[k].split_at(a);
                    let pad = width - code.chars().count();
                    self.out[k] = format!("{code}{}{comment}", " ".repeat(pad));
                }
            }
            i = j;
        }
    }

    /// Writes the comments that start before `before`, each on its own line.
    fn leading(&mut self, depth: usize, before: usize) {
        while let Some(c) = self.comments.get(self.next).cloned() {
            if c.start >= before {
                break;
            }
            self.next += 1;
            // A block comment that starts its line, with the next code right after it on that
            // line, stays before that code: `/* was 2 */ budget € 10`.
            let gap = self.src.get(c.end..before).unwrap_or("\n");
            let line_start = self.src[..c.start].rfind('\n').map(|i| i + 1).unwrap_or(0);
            let starts_line = self.src[line_start..c.start].trim().is_empty();
            if c.text.starts_with("/*") && starts_line && !gap.contains('\n') && before < self.src.len() {
                let prefix = self.prefix.get_or_insert_with(String::new);
                prefix.push_str(&c.text);
                prefix.push(' ');
                self.last = self.last.max(c.end);
                continue;
            }
            // A comment that shares its line with code already written is trailing there.
            let line_start = self.src[..c.start].rfind('\n').map(|i| i + 1).unwrap_or(0);
            let own_line = self.src[line_start..c.start].trim().is_empty();
            if !own_line && c.start >= self.last && self.out.last().is_some_and(|l| !l.is_empty()) {
                self.append_comment(&c.text);
            } else {
                let text = c.text.clone();
                self.push(depth, text, c.start);
            }
            self.last = self.last.max(c.end);
        }
    }

    /// Writes comments on the rest of the line that ends at `end` at the end of the last line.
    fn trailing(&mut self, end: usize) {
        let line_end = self.src[end..].find('\n').map(|i| end + i).unwrap_or(self.src.len());
        while let Some(c) = self.comments.get(self.next).cloned() {
            // Only a comment with nothing but spaces between it and the code is trailing.
            if c.start < end || c.start >= line_end || !self.src[end..c.start].trim().is_empty() {
                break;
            }
            self.next += 1;
            self.append_comment(&c.text);
            self.last = self.last.max(c.end);
        }
    }

    /// One line for a node spanning `span`: its leading comments, the line, comments written
    /// inside it (`saving € 1 /* was 2 */ from 2026`) and after it, at its end.
    fn line(&mut self, depth: usize, text: String, span: Span) {
        self.leading(depth, span.start);
        self.push(depth, text, span.start);
        self.inner(span.end);
        self.last = self.last.max(span.end);
        self.trailing(span.end);
    }

    /// Comments that start before `end`, inside the node just written: at the end of its line.
    fn inner(&mut self, end: usize) {
        while let Some(c) = self.comments.get(self.next).cloned() {
            if c.start >= end {
                break;
            }
            self.next += 1;
            self.append_comment(&c.text);
            self.last = self.last.max(c.end);
        }
    }

    /// Comments left before `end` (the end of a block or the file).
    fn rest(&mut self, depth: usize, end: usize) {
        self.leading(depth, end);
    }

    fn raw(&self, span: Span) -> &str {
        self.src.get(span.start..span.end).unwrap_or("")
    }

    /// A text as written, with “curly quotes” (pasted from Word) made straight.
    fn string(&self, s: &Spanned<String>) -> String {
        let raw = self.raw(s.span);
        if raw.starts_with('"') {
            raw.to_string()
        } else {
            format!("\"{}\"", s.value.replace('"', "\\\""))
        }
    }

    /// Opens a block: `header {`, with comments before it and after the brace.
    fn open(&mut self, depth: usize, header: String, block: Span) -> usize {
        let brace =
            braces(&self.src[block.start..block.end]).next().map(|(i, _)| block.start + i).unwrap_or(block.start);
        self.leading(depth, block.start);
        self.push(depth, format!("{header} {{"), block.start);
        self.inner(brace);
        self.last = brace + 1;
        self.trailing(brace + 1);
        self.fresh_block = true;
        brace
    }

    /// Closes a block whose `}` is the last character of `block`.
    fn close(&mut self, depth: usize, block: Span) {
        let close = block.end.saturating_sub(1);
        self.rest(depth + 1, close);
        self.fresh_block = true;
        self.push(depth, "}".into(), close);
        self.fresh_block = false;
        self.last = block.end;
        self.trailing(block.end);
    }

    fn item(&mut self, item: &Item, depth: usize) {
        match item {
            Item::Header(h) => self.header(h, depth),
            Item::Include(s) => {
                let text = format!("{} {}", self.k(Rule::kw_include), self.string(s));
                self.line(depth, text, s.span);
            }
            Item::PartOf(s) => {
                let text = format!("{} {} {}", self.k(Rule::kw_part), self.k(Rule::kw_of), self.string(s));
                self.line(depth, text, s.span);
            }
            Item::Progress(s) => {
                let text = format!("{} {} {}", self.k(Rule::kw_progress), self.k(Rule::kw_of), self.string(s));
                self.line(depth, text, s.span);
            }
            Item::Moment(m) => self.moment(m, depth),
            Item::Text(s) => {
                let text = format!("{} {}", self.k(Rule::kw_text), self.raw(s.span));
                self.line(depth, text, s.span);
            }
            Item::Group(g) => self.group(g, depth),
            Item::Measure(m) => self.measure(m, depth),
            Item::Table(t) => self.table(t, depth),
            Item::Total(t) => {
                let text = self.declared_total(t);
                self.line(depth, text, t.span);
            }
        }
    }

    fn header(&mut self, h: &PlanHeader, depth: usize) {
        let title = self.string(&h.title);
        self.open(depth, format!("{} {title}{}", self.k(Rule::kw_plan), self.scale(&h.scale)), h.span);
        let mut lines: Vec<(Span, String)> = Vec::new();
        if let Some(m) = &h.municipality {
            lines.push((m.span, format!("{} {}", self.k(Rule::kw_municipality), self.string(m))));
        }
        if let Some(a) = &h.adopted {
            lines.push((a.span, format!("{} {}", self.k(Rule::kw_adopted), a.value)));
        }
        if let Some(p) = &h.period {
            lines.push((p.span, format!("{} {:04}..{:04}", self.k(Rule::kw_period), p.first.value, p.last.value)));
        }
        if let Some(c) = &h.currency {
            lines.push((c.span, format!("{} {}", self.k(Rule::kw_currency), c.value)));
        }
        for t in &h.tolerances {
            lines.push((t.span, format!("{} {}", self.k(Rule::kw_tolerance), quantity(&t.value, self.lang))));
        }
        if let Some(d) = &h.description {
            lines.push((d.span, format!("{} {}", self.k(Rule::kw_description), self.string(d))));
        }
        self.lines(depth + 1, lines);
        self.close(depth, h.span);
    }

    fn lines(&mut self, depth: usize, mut lines: Vec<(Span, String)>) {
        lines.sort_by_key(|(s, _)| s.start);
        for (span, text) in lines {
            self.line(depth, text, span);
        }
    }

    fn group(&mut self, g: &Group, depth: usize) {
        let header =
            format!("{} {} {}{}", self.k(Rule::kw_group), g.id.value, self.string(&g.title), self.scale(&g.scale));
        self.open(depth, header, g.span);
        enum Child<'a> {
            Line(String),
            Item(&'a Item),
        }
        let mut children: Vec<(Span, Child)> = Vec::new();
        for t in &g.targets {
            let line = format!(
                "{} {} {} {:04}",
                self.k(Rule::kw_target),
                self.amount(&t.amount),
                self.k(Rule::kw_by),
                t.year.value
            );
            children.push((t.span, Child::Line(line)));
        }
        for t in &g.totals {
            children.push((t.span, Child::Line(self.declared_total(t))));
        }
        for d in &g.descriptions {
            children.push((d.span, Child::Line(format!("{} {}", self.k(Rule::kw_description), self.string(d)))));
        }
        for item in &g.items {
            children.push((item_span(item), Child::Item(item)));
        }
        children.sort_by_key(|(s, _)| s.start);
        for (span, child) in children {
            match child {
                Child::Line(text) => self.line(depth + 1, text, span),
                Child::Item(item) => self.item(item, depth + 1),
            }
        }
        self.close(depth, g.span);
    }

    fn moment(&mut self, m: &Moment, depth: usize) {
        let header = format!("{} {} {}", self.k(Rule::kw_moment), self.string(&m.name), m.date.value);
        self.open(depth, header, m.span);
        let mut lines: Vec<(Span, Option<String>, Option<&MeasureProgress>)> = Vec::new();
        for d in &m.descriptions {
            lines.push((d.span, Some(format!("{} {}", self.k(Rule::kw_description), self.string(d))), None));
        }
        for t in &m.remaining {
            lines.push((t.span, Some(self.total_line(self.k(Rule::kw_remaining), t)), None));
        }
        for p in &m.measures {
            lines.push((p.span, None, Some(p)));
        }
        lines.sort_by_key(|(s, _, _)| s.start);
        for (span, line, progress) in lines {
            match (line, progress) {
                (Some(text), _) => self.line(depth + 1, text, span),
                (None, Some(p)) => self.measure_progress(p, depth + 1),
                (None, None) => {}
            }
        }
        self.close(depth, m.span);
    }

    fn measure_progress(&mut self, m: &MeasureProgress, depth: usize) {
        self.open(depth, format!("{} {}", self.k(Rule::kw_measure), m.id.value), m.span);
        let mut lines: Vec<(Span, String)> = Vec::new();
        if let Some(p) = &m.phase {
            lines.push((p.span, format!("{} {}", self.k(Rule::kw_phase), self.raw(p.span))));
        }
        if let Some(d) = &m.decided {
            lines.push((d.span, format!("{} {}", self.k(Rule::kw_decided), d.value)));
        }
        for (rule, effects) in [(Rule::kw_realised, &m.realised), (Rule::kw_expected, &m.expected)] {
            for e in effects {
                lines.push((e.span, format!("{} {}{}", self.k(rule), self.amount(&e.amount), self.years(e.years))));
            }
        }
        if let Some(e) = &m.explanation {
            lines.push((e.span, format!("{} {}", self.k(Rule::kw_explanation), self.string(e))));
        }
        for r in &m.replacements {
            let line = format!(
                "{} {}{} {}",
                self.k(Rule::kw_replacement),
                self.amount(&r.amount),
                self.years(r.years),
                self.string(&r.what)
            );
            lines.push((r.span, line));
        }
        self.lines(depth + 1, lines);
        self.close(depth, m.span);
    }

    /// ` from 2022`, ` in 2022`, or nothing.
    fn years(&self, years: YearSpec) -> String {
        match years {
            YearSpec::Always => String::new(),
            YearSpec::From(y) => format!(" {} {:04}", self.k(Rule::kw_from), y.value),
            YearSpec::In(y) => format!(" {} {:04}", self.k(Rule::kw_in), y.value),
        }
    }

    fn measure(&mut self, m: &Measure, depth: usize) {
        let header = format!("{} {} {}", self.k(Rule::kw_measure), m.id.value, self.string(&m.title));
        self.open(depth, header, m.span);
        let mut lines: Vec<(Span, String)> = Vec::new();
        if let Some(c) = &m.category {
            lines.push((c.span, format!("{} {}", self.k(Rule::kw_category), c.value)));
        }
        if let Some(o) = &m.owner {
            lines.push((o.span, format!("{} {}", self.k(Rule::kw_owner), self.string(o))));
        }
        if let Some(s) = &m.start {
            lines.push((s.span, format!("{} {}", self.k(Rule::kw_start), s.value)));
        }
        if let Some(e) = &m.end {
            lines.push((e.span, format!("{} {}", self.k(Rule::kw_end), e.value)));
        }
        if let Some(b) = &m.budget {
            lines.push((b.span, format!("{} {}", self.k(Rule::kw_budget), self.amount(b))));
        }
        for e in &m.effects {
            lines
                .push((e.span, format!("{} {}{}", self.k(e.kind.rule()), self.amount(&e.amount), self.years(e.years))));
        }
        for s in &m.shares {
            let line = format!(
                "{} {}% {} {}",
                self.k(Rule::kw_share),
                format_dutch(s.percent.value),
                self.k(Rule::kw_of),
                self.k(Rule::kw_budget)
            );
            lines.push((s.span, line));
        }
        if let Some(r) = &m.range {
            let line = format!("{} {} .. {}", self.k(Rule::kw_range), self.amount(&r.low), self.amount(&r.high));
            lines.push((r.span, line));
        }
        if let Some(d) = &m.decision {
            let needed = self.k(if d.needed { Rule::kw_needed } else { Rule::kw_not_needed });
            let mut text = format!("{} {needed}", self.k(Rule::kw_decision));
            if let Some(forum) = &d.forum {
                text.push_str(&format!(" {} {}", self.k(Rule::kw_in), self.string(forum)));
            }
            if let Some(p) = &d.planned {
                text.push_str(&format!(" {} {}", self.k(Rule::kw_planned), p.value));
            }
            lines.push((d.span, text));
        }
        if let Some(s) = &m.status {
            lines.push((s.span, format!("{} {}", self.k(Rule::kw_status), self.string(s))));
        }
        if let Some(first) = m.taakvelden.first() {
            let codes: Vec<&str> = m.taakvelden.iter().map(|c| c.value.as_str()).collect();
            let span = m.taakvelden.iter().fold(first.span, |a, c| a.to(c.span));
            lines.push((span, format!("{} {}", self.k(Rule::kw_taakveld), codes.join(", "))));
        }
        if let Some(first) = m.related.first() {
            let ids: Vec<&str> = m.related.iter().map(|c| c.value.as_str()).collect();
            let span = m.related.iter().fold(first.span, |a, c| a.to(c.span));
            lines.push((span, format!("{} {}", self.k(Rule::kw_related), ids.join(", "))));
        }
        for d in &m.descriptions {
            lines.push((d.span, format!("{} {}", self.k(Rule::kw_description), self.string(d))));
        }
        for i in &m.indicators {
            let line = format!(
                "{} {} {}",
                self.k(Rule::kw_indicator),
                self.string(&i.label),
                quantity(&i.quantity.value, self.lang)
            );
            lines.push((i.span, line));
        }
        self.lines(depth + 1, lines);
        self.close(depth, m.span);
    }

    fn table(&mut self, t: &Table, depth: usize) {
        let mut header = format!("{} {} {}", self.k(Rule::kw_table), t.id.value, self.string(&t.title));
        match (&t.scale, &t.unit) {
            (Some(_), _) => header.push_str(&self.scale(&t.scale)),
            (None, Some(u)) => header.push_str(&format!(" {} {}", self.k(Rule::kw_in), unit_word(&u.value, self.lang))),
            (None, None) => {}
        }
        if let Some(r) = &t.role {
            header.push_str(&format!(" {} {}", self.k(Rule::kw_as), self.k(r.value.rule())));
        }
        self.open(depth, header, t.span);
        let mut sign_written = false;
        if let Some(sign) = &t.sign {
            if sign.span.start < t.columns_span.start {
                self.line(depth + 1, self.sign_rule(sign.value), sign.span);
                sign_written = true;
            }
        }
        self.line(depth + 1, format!("{} {}", self.k(Rule::kw_columns), columns(t, self.lang)), t.columns_span);

        // Rows: a prefix (keyword, name, label, options, formula) and aligned cells.
        let prefixes: Vec<String> = t.rows.iter().map(|r| self.row_prefix(r)).collect();
        let cells: Vec<Vec<String>> = t.rows.iter().map(|r| r.cells.iter().map(|c| self.cell(c)).collect()).collect();
        let ncols = cells.iter().map(Vec::len).max().unwrap_or(0);
        // Columns are at least as wide as the figures of their kind usually are, so that a figure
        // that grows by a digit does not realign every other row (a one-figure change is a
        // one-line diff); only a figure wider than that widens its column.
        let min_width = t.rows.iter().map(|r| min_cell_width(t, r)).max().unwrap_or(0);
        // A column with V and N marks has room for the mark too (` N`).
        let marked = |c: usize| t.rows.iter().any(|r| r.cells.get(c).is_some_and(|x| x.mark.is_some()));
        let widths: Vec<usize> = (0..ncols)
            .map(|c| {
                let widest = cells.iter().filter_map(|r| r.get(c)).map(|s| s.chars().count()).max().unwrap_or(0);
                widest.max(min_width + if marked(c) { 2 } else { 0 })
            })
            .collect();
        let short = |p: &String| p.chars().count() <= PREFIX_LIMIT;
        // The prefixes (keyword, name, label, formula) align in steps of four, for the same reason.
        let prefix_width = prefixes.iter().filter(|p| short(p)).map(|p| p.chars().count()).max().unwrap_or(0);
        let prefix_width = prefix_width.div_ceil(4) * 4;
        let mut lines: Vec<(Span, Vec<String>)> = Vec::new();
        for (i, r) in t.rows.iter().enumerate() {
            let figures: Vec<String> =
                cells[i].iter().enumerate().map(|(c, s)| format!("{:>w$}", s, w = widths[c])).collect();
            let figures = figures.join("  ");
            let p = &prefixes[i];
            let text = if short(p) {
                vec![format!("{p:<prefix_width$} : {figures}")]
            } else {
                vec![p.clone(), format!("{:<prefix_width$} : {figures}", "")]
            };
            lines.push((r.span, text));
        }
        let mut children: Vec<(Span, Vec<String>)> = lines;
        for d in &t.descriptions {
            children.push((d.span, vec![format!("{} {}", self.k(Rule::kw_description), self.string(d))]));
        }
        if let (Some(sign), false) = (&t.sign, sign_written) {
            children.push((sign.span, vec![self.sign_rule(sign.value)]));
        }
        children.sort_by_key(|(s, _)| s.start);
        for (span, text) in children {
            let mut it = text.into_iter();
            if let Some(first) = it.next() {
                self.leading(depth + 1, span.start);
                self.push(depth + 1, first, span.start);
                self.inner(span.end);
                for more in it {
                    self.out.push(format!("{}{}", INDENT.repeat(depth + 1), more));
                    self.at.push(None);
                }
                self.last = self.last.max(span.end);
                self.trailing(span.end);
            }
        }
        self.close(depth, t.span);
    }

    fn row_prefix(&self, r: &Row) -> String {
        let keyword = self.k(if r.formula.is_some() { Rule::kw_total } else { Rule::kw_row });
        let mut p = format!("{keyword} {} {}", r.id.value, self.string(&r.label));
        if let Some(u) = &r.unit {
            p.push_str(&format!(" {}", unit_word(&u.value, self.lang)));
        }
        if let Some(role) = &r.role {
            p.push_str(&format!(" {} {}", self.k(Rule::kw_as), self.k(role.value.rule())));
        }
        if !r.taakvelden.is_empty() {
            let codes: Vec<&str> = r.taakvelden.iter().map(|c| c.value.as_str()).collect();
            p.push_str(&format!(" {} {}", self.k(Rule::kw_taakveld), codes.join(", ")));
        }
        if let Some(f) = &r.formula {
            p.push_str(&format!(" = {}", expr(f, false, self.lang)));
        }
        p
    }
}

/// The narrowest a table's figure column is written: room for -99.999.999 in euros, -99.999 in a
/// table printed in a scale (`in € 1.000`), and -100,25 in fte, hours, percent or counts.
fn min_cell_width(t: &Table, r: &Row) -> usize {
    let unit = r.unit.as_ref().or(t.unit.as_ref()).map(|u| &u.value);
    match unit {
        None | Some(Unit::Euro) if t.scale.is_some() => 7,
        None | Some(Unit::Euro) => 11,
        _ => 7,
    }
}

/// Rows whose prefix is longer than this put their figures on the next line.
const PREFIX_LIMIT: usize = 100;

fn item_span(item: &Item) -> Span {
    match item {
        Item::Header(h) => h.span,
        Item::Include(s) | Item::PartOf(s) | Item::Progress(s) | Item::Text(s) => s.span,
        Item::Moment(m) => m.span,
        Item::Group(g) => g.span,
        Item::Measure(m) => m.span,
        Item::Table(t) => t.span,
        Item::Total(t) => t.span,
    }
}

fn unit_word(u: &Unit, lang: Lang) -> String {
    match u {
        Unit::Euro => "€".into(),
        Unit::Fte => kw(Rule::kw_fte, lang).into(),
        Unit::Hours => kw(Rule::kw_hours, lang).into(),
        Unit::Percent => "%".into(),
        Unit::Count(Some(n)) => n.clone(),
        Unit::Count(None) => String::new(),
    }
}

/// A quantity as Dutch documents print it: `€ 1.171.494`, `0,6 fte`, `20%`, `40 dossiers`,
/// `€ 1,5 mln`; a unit that is a keyword (`hours`) in `lang`.
pub fn quantity(q: &Quantity, lang: Lang) -> String {
    let n = format_dutch(q.value);
    match &q.unit {
        Unit::Euro if q.exp == 6 || q.exp == 9 => {
            let word = if q.exp == 6 { "mln" } else { "mld" };
            format!("€ {} {word}", format_dutch(q.value / pow10(q.exp as i64)))
        }
        Unit::Euro => format!("€ {n}"),
        Unit::Percent => format!("{n}%"),
        Unit::Count(None) => n,
        other => format!("{n} {}", unit_word(other, lang)),
    }
}

/// An amount as written in a plan: a quantity, or `P.M.`.
pub fn amount(a: &Amount, lang: Lang) -> String {
    match a {
        Amount::Known(q) => quantity(q, lang),
        Amount::Pm { negative: true } => "-P.M.".into(),
        Amount::Pm { negative: false } => "P.M.".into(),
        // `Formatter::amount` writes it as it stands in the source.
        Amount::Unreadable => String::new(),
    }
}

impl Formatter<'_> {
    /// ` in € 1.000`: a scale of print as written after a title.
    fn scale(&self, s: &Option<Spanned<Scale>>) -> String {
        let factor = match s {
            Some(s) if s.value.exp == 6 => "1 mln".to_string(),
            Some(s) if s.value.exp == 9 => "1 mld".to_string(),
            Some(s) => format_dutch(s.value.factor()),
            None => return String::new(),
        };
        format!(" {} € {factor}", self.k(Rule::kw_in))
    }

    fn sign_rule(&self, rule: SignRule) -> String {
        let side = match rule {
            SignRule::PlusAdverse => Rule::kw_adverse,
            SignRule::PlusFavourable => Rule::kw_favourable,
        };
        format!("{} + = {}", self.k(Rule::kw_sign), self.k(side))
    }

    fn declared_total(&self, t: &DeclaredTotal) -> String {
        self.total_line(self.k(t.kind.rule()), t)
    }

    /// `total saving € 400.000`, `total remaining 2021: € 10, 2022: € 20`: `kind` is the word
    /// after `total`.
    fn total_line(&self, kind: &str, t: &DeclaredTotal) -> String {
        let total = self.k(Rule::kw_total);
        match t.values.as_slice() {
            [one] if one.year.is_none() => format!("{total} {kind} {}", self.amount(&one.amount)),
            values => {
                let parts: Vec<String> = values
                    .iter()
                    .map(|v| match v.year {
                        Some(y) => format!("{:04}: {}", y.value, self.amount(&v.amount)),
                        None => self.amount(&v.amount),
                    })
                    .collect();
                format!("{total} {kind} {}", parts.join(", "))
            }
        }
    }

    /// An amount in the usual notation; one grip cannot read, as written.
    fn amount(&self, a: &Spanned<Amount>) -> String {
        match a.value {
            Amount::Unreadable => self.raw(a.span).to_string(),
            ref known => amount(known, self.lang),
        }
    }

    fn cell(&self, c: &Cell) -> String {
        match &c.value {
            CellValue::Empty => "-".into(),
            CellValue::NotApplicable => "n.v.t.".into(),
            CellValue::Pm { negative: true } => "-P.M.".into(),
            CellValue::Pm { negative: false } => "P.M.".into(),
            CellValue::Number(v) => match c.mark {
                Some(mark) => format!("{} {}", format_dutch(v.abs()), mark.letter()),
                None => format_dutch(*v),
            },
            CellValue::Unreadable => self.raw(c.span).to_string(),
            CellValue::Text(t) => text(t),
        }
    }
}

/// The columns line: a run of years written as a span stays a span.
fn columns(t: &Table, lang: Lang) -> String {
    let mut parts = Vec::new();
    let mut i = 0;
    while i < t.columns.len() {
        let c = &t.columns[i];
        let quoted = |label: &str| format!("\"{}\"", label.replace('"', "\\\""));
        let kind = c.kind.as_ref().map(|k| format!("{k} ")).unwrap_or_default();
        match &c.key {
            ColumnKey::Year(y) => {
                let mut j = i;
                while j + 1 < t.columns.len() && t.columns[j + 1].span == c.span {
                    j += 1;
                }
                if j > i {
                    if let ColumnKey::Year(last) = t.columns[j].key {
                        parts.push(format!("{kind}{y:04}..{last:04}"));
                    }
                } else {
                    let mut text = format!("{kind}{y:04}{}", c.mark.as_deref().unwrap_or(""));
                    if let Some(label) = &c.label {
                        text.push(' ');
                        text.push_str(&quoted(label));
                    }
                    parts.push(text);
                }
                i = j + 1;
            }
            ColumnKey::Named(name) => {
                let mut text = match &c.label {
                    Some(label) => format!("{name} {}", quoted(label)),
                    None => name.clone(),
                };
                if c.text {
                    text.push(' ');
                    text.push_str(kw(Rule::kw_text, lang));
                }
                if let Some(f) = &c.formula {
                    text.push_str(&format!(" = {}", expr(f, false, lang)));
                }
                parts.push(text);
                i += 1;
            }
        }
    }
    parts.join(", ")
}

fn expr(e: &Expr, nested: bool, lang: Lang) -> String {
    let of = |rule: Rule, g: &Option<Spanned<String>>| match g {
        Some(g) => format!("{}({})", kw(rule, lang), g.value),
        None => kw(rule, lang).to_string(),
    };
    match e {
        Expr::Row(r) => r.value.clone(),
        Expr::Sum(_) => kw(Rule::kw_sum, lang).into(),
        Expr::SumBelow(_) => format!("{} {}", kw(Rule::kw_sum, lang), kw(Rule::kw_below, lang)),
        Expr::Savings(g, _) => of(Rule::kw_savings, g),
        Expr::Costs(g, _) => of(Rule::kw_costs, g),
        Expr::Cumulative(inner, _) => format!("{}({})", kw(Rule::kw_cumulative, lang), expr(inner, false, lang)),
        Expr::Previous(inner, _) => format!("{}({})", kw(Rule::kw_previous, lang), expr(inner, false, lang)),
        Expr::Terms(terms, _) => {
            let mut s = String::new();
            for (i, (sign, t)) in terms.iter().enumerate() {
                let op = if *sign == Sign::Minus { "-" } else { "+" };
                if i > 0 {
                    s.push_str(&format!(" {op} "));
                } else if *sign == Sign::Minus {
                    s.push_str("- ");
                }
                s.push_str(&expr(t, true, lang));
            }
            if nested {
                format!("({s})")
            } else {
                s
            }
        }
    }
}

/// A table without its figures, in English keywords and in euros (no scale of print): its
/// header (`D.1 "Title" in fte as cost`, after the keyword `table`), its sign line, its columns
/// (after `columns`) and the prefix of every row (`total t "Totaal" = a + b`, before the
/// figures). The workbook of `grip report --xlsx` keeps these beside its figures, so that
/// `grip import` reads the plan back with the same meaning (`crate::import`).
pub struct TableParts {
    pub head: String,
    pub sign: Option<String>,
    pub columns: String,
    pub rows: Vec<String>,
}

/// The parts of a table, for [`TableParts`].
pub fn table_parts(t: &Table) -> TableParts {
    let lang = Lang::En;
    let quote = |s: &str| text(s);
    let mut head = format!("{} {}", t.id.value, quote(&t.title.value));
    match (&t.scale, &t.unit) {
        (Some(sc), _) => head.push_str(&format!(" {} € {}", kw(Rule::kw_in, lang), scale_factor(sc.value))),
        (None, Some(u)) if u.value != Unit::Euro => {
            head.push_str(&format!(" {} {}", kw(Rule::kw_in, lang), unit_word(&u.value, lang)))
        }
        _ => {}
    }
    if let Some(r) = &t.role {
        head.push_str(&format!(" {} {}", kw(Rule::kw_as, lang), kw(r.value.rule(), lang)));
    }
    let sign = t.sign.as_ref().map(|s| {
        let side = match s.value {
            SignRule::PlusAdverse => Rule::kw_adverse,
            SignRule::PlusFavourable => Rule::kw_favourable,
        };
        format!("{} + = {}", kw(Rule::kw_sign, lang), kw(side, lang))
    });
    let rows = t
        .rows
        .iter()
        .map(|r| {
            let keyword = kw(if r.formula.is_some() { Rule::kw_total } else { Rule::kw_row }, lang);
            let mut p = format!("{keyword} {} {}", r.id.value, quote(&r.label.value));
            if let Some(u) = &r.unit {
                p.push_str(&format!(" {}", unit_word(&u.value, lang)));
            }
            if let Some(role) = &r.role {
                p.push_str(&format!(" {} {}", kw(Rule::kw_as, lang), kw(role.value.rule(), lang)));
            }
            if !r.taakvelden.is_empty() {
                let codes: Vec<&str> = r.taakvelden.iter().map(|c| c.value.as_str()).collect();
                p.push_str(&format!(" {} {}", kw(Rule::kw_taakveld, lang), codes.join(", ")));
            }
            if let Some(f) = &r.formula {
                p.push_str(&format!(" = {}", expr(f, false, lang)));
            }
            p
        })
        .collect();
    TableParts { head, sign, columns: columns(t, lang), rows }
}

/// The factor of a scale as written after `in €`: `1.000`, `1 mln`.
pub fn scale_factor(s: Scale) -> String {
    match s.exp {
        6 => "1 mln".to_string(),
        9 => "1 mld".to_string(),
        _ => format_dutch(s.factor()),
    }
}

/// Text as a plan writes it: in double quotes (a `"` inside as `\"`), or between `"""` when it
/// runs over several lines.
pub fn text(s: &str) -> String {
    if s.contains('\n') && !s.contains("\"\"\"") {
        return format!("\"\"\"\n{s}\n\"\"\"");
    }
    let one_line: String = s.split_whitespace().collect::<Vec<_>>().join(" ");
    // A backslash at the end would escape the closing quote.
    let one_line = if one_line.ends_with('\\') { format!("{one_line} ") } else { one_line };
    format!("\"{}\"", one_line.replace('"', "\\\""))
}

/// An amount as written in a context printed in a scale (`exp`, 3 for `in € 1.000`): a euro
/// figure that the scale made into euros is written back as printed (`€ 1.187`).
pub fn amount_in_scale(a: &Amount, exp: u8) -> String {
    match a {
        Amount::Known(q) if q.unit == Unit::Euro && exp > 0 && q.exp == exp => {
            format!("€ {}", format_dutch((q.value / pow10(exp as i64)).normalize()))
        }
        other => amount(other, Lang::En),
    }
}

/// The header of a plan without its period, in English keywords: the lines after
/// `municipality` that `grip import` writes back from a workbook (`adopted`, `currency`,
/// `tolerance`, `description`).
pub fn header_facts(h: &PlanHeader) -> Vec<String> {
    let lang = Lang::En;
    let exp = h.scale.map(|s| s.value.exp).unwrap_or(0);
    let mut lines = Vec::new();
    if let Some(a) = &h.adopted {
        lines.push(format!("{} {}", kw(Rule::kw_adopted, lang), a.value));
    }
    if let Some(c) = &h.currency {
        lines.push(format!("{} {}", kw(Rule::kw_currency, lang), c.value));
    }
    for t in &h.tolerances {
        let q = Amount::Known(t.value.clone());
        lines.push(format!("{} {}", kw(Rule::kw_tolerance, lang), amount_in_scale(&q, exp)));
    }
    if let Some(d) = &h.description {
        lines.push(format!("{} {}", kw(Rule::kw_description, lang), text(&d.value)));
    }
    lines
}

/// A declared total of a group or the plan in English keywords, its amounts as printed in a
/// context of scale `exp`.
pub fn declared_total_line(t: &DeclaredTotal, exp: u8) -> String {
    let lang = Lang::En;
    let kind = kw(t.kind.rule(), lang);
    let total = kw(Rule::kw_total, lang);
    let parts: Vec<String> = t
        .values
        .iter()
        .map(|v| match v.year {
            Some(y) => format!("{:04}: {}", y.value, amount_in_scale(&v.amount.value, exp)),
            None => amount_in_scale(&v.amount.value, exp),
        })
        .collect();
    format!("{total} {kind} {}", parts.join(", "))
}

/// The facts of a measure that are not figures of a year, in English keywords: category, owner,
/// dates, shares, decision, status, related measures, descriptions and indicators.
pub fn measure_facts(m: &Measure) -> Vec<String> {
    let lang = Lang::En;
    let k = |r: Rule| kw(r, lang);
    let mut lines = Vec::new();
    if let Some(c) = &m.category {
        lines.push(format!("{} {}", k(Rule::kw_category), c.value));
    }
    if let Some(o) = &m.owner {
        lines.push(format!("{} {}", k(Rule::kw_owner), text(&o.value)));
    }
    if let Some(s) = &m.start {
        lines.push(format!("{} {}", k(Rule::kw_start), s.value));
    }
    if let Some(e) = &m.end {
        lines.push(format!("{} {}", k(Rule::kw_end), e.value));
    }
    for s in &m.shares {
        lines.push(format!(
            "{} {}% {} {}",
            k(Rule::kw_share),
            format_dutch(s.percent.value),
            k(Rule::kw_of),
            k(Rule::kw_budget)
        ));
    }
    if let Some(d) = &m.decision {
        let needed = k(if d.needed { Rule::kw_needed } else { Rule::kw_not_needed });
        let mut line = format!("{} {needed}", k(Rule::kw_decision));
        if let Some(forum) = &d.forum {
            line.push_str(&format!(" {} {}", k(Rule::kw_in), text(&forum.value)));
        }
        if let Some(p) = &d.planned {
            line.push_str(&format!(" {} {}", k(Rule::kw_planned), p.value));
        }
        lines.push(line);
    }
    if let Some(s) = &m.status {
        lines.push(format!("{} {}", k(Rule::kw_status), text(&s.value)));
    }
    if !m.related.is_empty() {
        let ids: Vec<&str> = m.related.iter().map(|c| c.value.as_str()).collect();
        lines.push(format!("{} {}", k(Rule::kw_related), ids.join(", ")));
    }
    for d in &m.descriptions {
        lines.push(format!("{} {}", k(Rule::kw_description), text(&d.value)));
    }
    for i in &m.indicators {
        lines.push(format!("{} {} {}", k(Rule::kw_indicator), text(&i.label.value), quantity(&i.quantity.value, lang)));
    }
    lines
}
