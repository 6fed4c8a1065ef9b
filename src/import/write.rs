//! A detected layout → plan text (English keywords; `super::finish` converts and formats).

use super::detect::{ColKey, Fig, Formula, Layout, RowKind, RowSpec};
use super::grid::Grid;
use super::{comment, quote, ImportError, Imported, Options, Unmapped};
use crate::lang::{Lang, Msg};
use crate::syntax::number::format_dutch;
use std::collections::{HashMap, HashSet};

/// Words a row may not be named: in a formula of its own table they are formula words.
const FORMULA_WORDS: [&str; 12] = [
    "sum",
    "som",
    "savings",
    "besparingen",
    "costs",
    "kosten",
    "cumulative",
    "cumulatief",
    "below",
    "hieronder",
    "cost",
    "saving",
];

/// Names already given, and for each base name the next number to try, so that a thousand rows
/// labelled alike are named in linear time (`huur`, `huur_2`, … `huur_1000`).
#[derive(Default)]
struct Names {
    taken: HashSet<String>,
    next: HashMap<String, usize>,
}

impl Names {
    /// `base`, or `base_2`, `base_3`, … whichever is free first.
    fn unique(&mut self, base: &str) -> String {
        let mut name = base.to_string();
        if self.taken.contains(&name) {
            let n = self.next.entry(base.to_string()).or_insert(2);
            loop {
                name = format!("{base}_{n}");
                *n += 1;
                if !self.taken.contains(&name) {
                    break;
                }
            }
        }
        self.taken.insert(name.clone());
        name
    }
}

/// A name for a row or column from its label: `Kosten formatie` → `kosten_formatie`.
fn slug(label: &str, taken: &mut Names, fallback: &str) -> String {
    let mut s = String::new();
    for ch in label.to_lowercase().chars() {
        let ch = match ch {
            'à' | 'á' | 'â' | 'ä' | 'ã' => 'a',
            'è' | 'é' | 'ê' | 'ë' => 'e',
            'ì' | 'í' | 'î' | 'ï' => 'i',
            'ò' | 'ó' | 'ô' | 'ö' | 'õ' => 'o',
            'ù' | 'ú' | 'û' | 'ü' => 'u',
            c => c,
        };
        if ch.is_ascii_alphanumeric() {
            s.push(ch);
        } else if !s.ends_with('_') && !s.is_empty() {
            s.push('_');
        }
        if s.len() >= 24 {
            break;
        }
    }
    let mut s = s.trim_end_matches('_').to_string();
    if s.is_empty() {
        s = fallback.to_string();
    }
    if s.starts_with(|c: char| c.is_ascii_digit()) {
        s = format!("r{s}");
    }
    if FORMULA_WORDS.contains(&s.as_str()) {
        s.push_str("_1");
    }
    taken.unique(&s)
}

/// A measure id grip accepts: letters, digits and underscores with single dots between.
fn clean_id(id: &str) -> Option<String> {
    let id = id.trim().trim_end_matches('.');
    let ok = !id.is_empty()
        && id.split('.').all(|p| !p.is_empty() && p.chars().all(|c| c.is_ascii_alphanumeric() || c == '_'));
    ok.then(|| id.to_string())
}

fn fig_text(f: &Fig) -> String {
    match f {
        Fig::Blank | Fig::Dash => "-".into(),
        Fig::Pm { negative: true } => "-P.M.".into(),
        Fig::Pm { negative: false } => "P.M.".into(),
        Fig::Nvt | Fig::Text(..) => "n.v.t.".into(),
        Fig::Num { value, .. } => format_dutch(*value),
        Fig::Unreadable(raw) => raw.clone(),
    }
}

/// An amount for a measure or a declared total: `€ 1.000`, `P.M.`.
fn amount(f: &Fig) -> Option<String> {
    match f {
        Fig::Num { value, .. } => Some(format!("€ {}", format_dutch(*value))),
        Fig::Unreadable(raw) => Some(format!("€ {raw}")),
        Fig::Pm { negative: true } => Some("-P.M.".into()),
        Fig::Pm { negative: false } => Some("P.M.".into()),
        Fig::Dash => Some("€ 0".into()),
        _ => None,
    }
}

fn say(msg: Msg, lang: Lang) -> String {
    format!("// {}\n", comment(&msg.render(lang)))
}

pub fn plan(grid: &Grid, layout: &Layout, options: &Options) -> Result<Imported, ImportError> {
    let lang = options.keywords;
    let mut out = String::new();
    let mut unmapped: Vec<Unmapped> = layout.unmapped.clone();
    out.push_str(&say(super::source_comment(grid), lang));
    out.push_str(&say(Msg::id("import-comment-figures"), lang));
    if let Some((exp, cell)) = &layout.scale {
        let factor = format_dutch(crate::syntax::ast::pow10(*exp as i64));
        out.push_str(&say(Msg::id("import-comment-scale").arg("scale", format!("€ {factor}")).arg("cell", cell), lang));
    }
    if let Some(cell) = &layout.scale_ignored {
        out.push_str(&say(Msg::id("import-comment-scale-ignored").arg("cell", cell), lang));
    }
    for t in &layout.above {
        out.push_str(&format!("// {}\n", comment(t)));
    }
    let years: Vec<u16> = layout
        .cols
        .iter()
        .filter_map(|c| match c.key {
            ColKey::Year { year, .. } => Some(year),
            _ => None,
        })
        .collect();
    let title = layout.title.clone().unwrap_or_else(|| {
        let name = super::file_name(&grid.file);
        match &grid.sheet {
            Some(s) => format!("{name} – {s}"),
            None if name == "<stdin>" => Msg::id("import-title-pasted").render(lang),
            None => name,
        }
    });
    let scale = match &layout.scale {
        Some((exp, _)) => format!(" in € {}", format_dutch(crate::syntax::ast::pow10(*exp as i64))),
        None => String::new(),
    };
    let (plan_scale, table_scale) =
        if layout.measures { (scale.clone(), String::new()) } else { (String::new(), scale) };
    out.push_str(&format!("\nplan {}{plan_scale} {{\n", quote(&title)));
    if let (Some(first), Some(last)) = (years.iter().min(), years.iter().max()) {
        out.push_str(&format!("  period {first}..{last}\n"));
    }
    out.push_str("}\n\n");
    let (measures, tables) = if layout.measures {
        (measures(&mut out, grid, layout, &mut unmapped), 0)
    } else {
        table(&mut out, grid, layout, &title, &table_scale, lang, &mut unmapped);
        (0, 1)
    };
    if !unmapped.is_empty() {
        out.push('\n');
        out.push_str(&say(Msg::id("import-comment-unmapped").arg("count", unmapped.len()), lang));
        for u in &unmapped {
            let line = Msg::id("import-comment-unmapped-cell")
                .arg("cell", &u.cell)
                .arg("text", comment(&u.text))
                .arg("why", u.why.clone());
            out.push_str(&format!("//   {}\n", comment(&line.render(lang))));
        }
    }
    let text = super::finish(&out, lang)?;
    Ok(Imported { text, unmapped, measures, tables })
}

fn columns_line(layout: &Layout, names: &mut Names) -> String {
    let mut parts: Vec<String> = Vec::new();
    let mut i = 0;
    let cols = &layout.cols;
    while i < cols.len() {
        match &cols[i].key {
            ColKey::Year { year, kind: None, mark: None, label: None } => {
                // A run of plain consecutive years is a span.
                let mut j = i;
                while j + 1 < cols.len()
                    && matches!(cols[j + 1].key, ColKey::Year { year: y, kind: None, mark: None, label: None } if y == year + (j + 1 - i) as u16)
                {
                    j += 1;
                }
                if j > i {
                    if let ColKey::Year { year: last, .. } = cols[j].key {
                        parts.push(format!("{year}..{last}"));
                    }
                } else {
                    parts.push(year.to_string());
                }
                i = j + 1;
                continue;
            }
            ColKey::Year { year, kind, mark, label } => {
                let mut t = String::new();
                if let Some(k) = kind {
                    t.push_str(&format!("{k} "));
                }
                t.push_str(&year.to_string());
                if let Some(m) = mark {
                    t.push_str(m);
                }
                if let Some(l) = label {
                    t.push_str(&format!(" {}", quote(l)));
                }
                parts.push(t);
            }
            ColKey::Named { label, total } => {
                let name = slug(label, names, &format!("k{}", i + 1));
                if *total {
                    parts.push(format!("{name} {} = sum", quote(label)));
                } else {
                    parts.push(format!("{name} {}", quote(label)));
                }
            }
        }
        i += 1;
    }
    // Two columns of the same year are not a table grip reads: the second gets its heading.
    parts.join(", ")
}

fn table(
    out: &mut String,
    grid: &Grid,
    layout: &Layout,
    title: &str,
    scale: &str,
    lang: Lang,
    unmapped: &mut Vec<Unmapped>,
) {
    let mut names = Names::default();
    let columns = columns_line(layout, &mut Names::default());
    let unit = if layout.all_fte && scale.is_empty() { " in fte" } else { "" };
    let id = grid
        .sheet
        .as_deref()
        .and_then(|s| clean_id(&s.replace([' ', '-'], "_")))
        .filter(|s| s.chars().next().is_some_and(|c| c.is_ascii_alphabetic()))
        .unwrap_or_else(|| "T1".into());
    out.push_str(&format!("table {id} {}{scale}{unit} {{\n", quote(title)));
    out.push_str(&format!("  columns {columns}\n"));
    let row_names: Vec<Option<String>> = layout
        .rows
        .iter()
        .enumerate()
        .map(|(k, r)| (r.kind == RowKind::Data).then(|| slug(&r.label, &mut names, &format!("r{}", k + 1))))
        .collect();
    let mut last_group: Option<String> = None;
    for (k, r) in layout.rows.iter().enumerate() {
        match r.kind {
            RowKind::Heading | RowKind::Note => {
                out.push_str(&format!("  // {}\n", comment(&r.label)));
                continue;
            }
            RowKind::Data => {}
        }
        if r.group.is_some() && r.group != last_group {
            out.push_str(&format!("  // {}\n", comment(r.group.as_deref().unwrap_or_default())));
            last_group = r.group.clone();
        }
        let name = row_names[k].clone().unwrap_or_default();
        let unit = if r.fte && !layout.all_fte { " fte" } else { "" };
        let figs: Vec<String> = r.figs.iter().map(fig_text).collect();
        let label = match &r.id {
            Some(id) if !r.label.starts_with(id.as_str()) => format!("{id} {}", r.label),
            _ => r.label.clone(),
        };
        if r.not_a_total {
            out.push_str(&format!(
                "  // {}\n",
                comment(&Msg::id("import-comment-not-total").arg("label", &r.label).render(lang))
            ));
        }
        let taakveld = taakveld_of(r, grid, unmapped).map(|t| format!(" taakveld {t}")).unwrap_or_default();
        match &r.total {
            None => out.push_str(&format!("  row {name} {}{unit}{taakveld} : {}\n", quote(&label), figs.join("  "))),
            Some(f) => {
                let expr = match f {
                    Formula::Sum => "sum".to_string(),
                    Formula::Terms(t) => terms(t, &row_names),
                    Formula::Cumulative(p) => format!("cumulative({})", row_names[*p].clone().unwrap_or_default()),
                };
                out.push_str(&format!(
                    "  total {name} {}{unit}{taakveld} = {expr} : {}\n",
                    quote(&label),
                    figs.join("  ")
                ));
            }
        }
    }
    out.push_str("}\n");
}

fn terms(t: &[(bool, usize)], names: &[Option<String>]) -> String {
    let mut s = String::new();
    for (i, (minus, k)) in t.iter().enumerate() {
        let name = names.get(*k).cloned().flatten().unwrap_or_default();
        match (i, minus) {
            (0, false) => s.push_str(&name),
            (0, true) => s.push_str(&format!("- {name}")),
            (_, false) => s.push_str(&format!(" + {name}")),
            (_, true) => s.push_str(&format!(" - {name}")),
        }
    }
    s
}

/// A taakveld code as grip writes it (`6.3`, `6.72`), or the cell is listed.
fn taakveld_of(r: &RowSpec, grid: &Grid, unmapped: &mut Vec<Unmapped>) -> Option<String> {
    let t = r.taakveld.as_ref()?;
    let codes: Vec<String> = t
        .split([',', ';', '+', '/'])
        .map(|c| c.split_whitespace().next().unwrap_or("").trim_end_matches('.').to_string())
        .filter(|c| !c.is_empty())
        .collect();
    let ok = !codes.is_empty()
        && codes.iter().all(|c| {
            // `6.3`, `6.72`, `6.71a` (the codes from 2023).
            let digits_then_letter = |p: &str| {
                let d = p.trim_end_matches(|ch: char| ch.is_ascii_lowercase());
                !d.is_empty() && d.chars().all(|ch| ch.is_ascii_digit()) && p.len() - d.len() <= 1
            };
            c.split('.').count() == 2 && c.split('.').all(digits_then_letter)
        });
    if ok {
        Some(codes.join(", "))
    } else {
        unmapped.push(Unmapped { cell: grid.address(r.row, 0), text: t.clone(), why: Msg::id("import-why-taakveld") });
        None
    }
}

/// Measures: each row a measure with its savings per year; headings (or the group column)
/// groups; total rows declared totals of their group or the plan.
fn measures(out: &mut String, grid: &Grid, layout: &Layout, unmapped: &mut Vec<Unmapped>) -> usize {
    let mut ids = Names::default();
    let mut group_ids: HashSet<String> = HashSet::new();
    let mut count = 0;
    // Columns that are not years: a budget column is the measure's budget; the rest is listed.
    let budget_col = layout.cols.iter().position(|c| {
        matches!(&c.key, ColKey::Named { label, .. } if {
            let l = label.to_lowercase();
            l.contains("budget") || l.contains("volume")
        })
    });
    for (k, c) in layout.cols.iter().enumerate() {
        if let ColKey::Named { label, total } = &c.key {
            if Some(k) == budget_col {
                continue;
            }
            let why = if *total { "import-why-total-column" } else { "import-why-measure-column" };
            for r in layout.rows.iter().filter(|r| r.kind == RowKind::Data) {
                if let Some(f) = r.figs.get(k).filter(|f| f.is_figure()) {
                    unmapped.push(Unmapped {
                        cell: grid.address(r.row, c.col),
                        text: format!("{label}: {}", fig_text(f)),
                        why: Msg::id(why),
                    });
                }
            }
        }
    }
    let year_of = |k: usize| match layout.cols[k].key {
        ColKey::Year { year, .. } => Some(year),
        _ => None,
    };
    // Groups: by the group column, else by the headings.
    let by_column = layout.rows.iter().any(|r| r.group.is_some());
    let mut open_group: Option<String> = None;
    let close = |out: &mut String, open: &mut Option<String>| {
        if open.take().is_some() {
            out.push_str("}\n\n");
        }
    };
    let mut group_of_column: Vec<(String, String)> = Vec::new();
    let new_group = |label: &str, group_ids: &mut HashSet<String>| -> (String, String) {
        let (id, title) = match super::detect::split_id(label) {
            Some((id, rest)) => (clean_id(&id), rest),
            // A one-word name (`Jeugd`, `Wmo`) is its own id.
            None if label.chars().count() <= 16 => (clean_id(label), label.to_string()),
            None => (None, label.to_string()),
        };
        let mut id = id.filter(|i| !group_ids.contains(i)).unwrap_or_default();
        if id.is_empty() {
            let mut n = group_ids.len() + 1;
            while group_ids.contains(&format!("G{n}")) {
                n += 1;
            }
            id = format!("G{n}");
        }
        group_ids.insert(id.clone());
        (id, title)
    };
    let mut last_was_total = false;
    for r in &layout.rows {
        match r.kind {
            RowKind::Note => {
                out.push_str(&format!("// {}\n", comment(&r.label)));
                continue;
            }
            RowKind::Heading => {
                if by_column {
                    out.push_str(&format!("// {}\n", comment(&r.label)));
                } else {
                    close(out, &mut open_group);
                    let (id, title) = new_group(&r.label, &mut group_ids);
                    out.push_str(&format!("group {id} {} {{\n", quote(&title)));
                    open_group = Some(id);
                }
                last_was_total = false;
                continue;
            }
            RowKind::Data => {}
        }
        if by_column && r.total.is_none() && !super::detect::total_word(&r.label) {
            let g = r.group.clone().unwrap_or_default();
            let known = group_of_column.iter().find(|(label, _)| *label == g).map(|(_, id)| id.clone());
            let wanted = match known {
                Some(id) => id,
                None => {
                    let (id, title) = new_group(&g, &mut group_ids);
                    let title = if title.is_empty() { g.clone() } else { title };
                    group_of_column.push((g.clone(), id.clone()));
                    close(out, &mut open_group);
                    out.push_str(&format!("group {id} {} {{\n", quote(&title)));
                    open_group = Some(id.clone());
                    id
                }
            };
            if open_group.as_deref() != Some(wanted.as_str()) {
                // Rows of a group printed apart from each other: the group is opened again
                // under a new id would be a duplicate; its rows join where it stands.
                close(out, &mut open_group);
                let title =
                    group_of_column.iter().find(|(_, id)| *id == wanted).map(|(l, _)| l.clone()).unwrap_or_default();
                let (id, _) = new_group(&format!("{wanted}_2"), &mut group_ids);
                out.push_str(&format!("group {id} {} {{\n", quote(&title)));
                open_group = Some(id);
            }
        }
        let indent = if open_group.is_some() { "  " } else { "" };
        if r.total.is_some() || super::detect::total_word(&r.label) {
            if super::detect::total_word(&r.label) && r.label.to_lowercase().contains("cumul") {
                unmapped.push(Unmapped {
                    cell: grid.address(r.row, 0),
                    text: r.label.clone(),
                    why: Msg::id("import-why-cumulative"),
                });
                continue;
            }
            // A total after a group's total, or with no group open, is the plan's total; so is
            // a total outside the groups of a group column.
            let outside_column_groups = by_column && {
                let open_title = open_group
                    .as_ref()
                    .and_then(|id| group_of_column.iter().find(|(_, g)| g == id).map(|(l, _)| l.clone()));
                r.group.is_none() || r.group != open_title
            };
            if last_was_total || outside_column_groups {
                close(out, &mut open_group);
            }
            let indent = if open_group.is_some() { "  " } else { "" };
            let parts: Vec<String> = (0..layout.cols.len())
                .filter_map(|k| Some(format!("{}: {}", year_of(k)?, amount(r.figs.get(k)?)?)))
                .collect();
            if !parts.is_empty() {
                out.push_str(&format!("{indent}// {}\n", comment(&r.label)));
                out.push_str(&format!("{indent}total saving {}\n", parts.join(", ")));
            }
            last_was_total = true;
            continue;
        }
        if last_was_total && open_group.is_some() && !by_column {
            // Measures after a group's total belong to no group of the headings.
            close(out, &mut open_group);
        }
        last_was_total = false;
        let id = r.id.as_deref().and_then(clean_id).unwrap_or_else(|| format!("M{}", count + 1));
        let unique = ids.unique(&id);
        if unique != id {
            unmapped.push(Unmapped {
                cell: grid.address(r.row, 0),
                text: id.clone(),
                why: Msg::id("import-why-duplicate-id").arg("id", &unique),
            });
        }
        count += 1;
        out.push_str(&format!("{indent}measure {unique} {} {{\n", quote(&r.label)));
        if let Some(b) = budget_col.and_then(|k| r.figs.get(k)).and_then(amount) {
            out.push_str(&format!("{indent}  budget {b}\n"));
        }
        for line in effects(r, layout) {
            out.push_str(&format!("{indent}  {line}\n"));
        }
        if let Some(t) = taakveld_of(r, grid, unmapped) {
            out.push_str(&format!("{indent}  taakveld {t}\n"));
        }
        out.push_str(&format!("{indent}}}\n"));
    }
    close(out, &mut open_group);
    count
}

/// The savings of a measure row: a structural amount from the year it stays the same to the
/// last column (`from`), each year before it incidental (`in`). Empty cells save nothing.
fn effects(r: &RowSpec, layout: &Layout) -> Vec<String> {
    let mut years: Vec<(u16, &Fig)> = Vec::new();
    for (k, c) in layout.cols.iter().enumerate() {
        if let (ColKey::Year { year, .. }, Some(f)) = (&c.key, r.figs.get(k)) {
            years.push((*year, f));
        }
    }
    years.sort_by_key(|(y, _)| *y);
    let value = |f: &Fig| -> Option<String> {
        match f {
            Fig::Num { value, .. } if value.is_zero() => None,
            Fig::Blank | Fig::Dash | Fig::Nvt | Fig::Text(..) => None,
            other => amount(other),
        }
    };
    let consecutive = years.windows(2).all(|w| w[1].0 == w[0].0 + 1);
    // The structural tail: the last figure, repeated back while the years run on.
    let mut from = years.len();
    if consecutive {
        if let Some(last) = years.last().and_then(|(_, f)| value(f)) {
            from = years.len() - 1;
            while from > 0 && value(years[from - 1].1).as_deref() == Some(last.as_str()) {
                from -= 1;
            }
        }
    }
    let mut lines = Vec::new();
    for (i, (y, f)) in years.iter().enumerate() {
        if i == from {
            if let Some(v) = value(f) {
                lines.push(format!("saving {v} from {y}"));
            }
            break;
        }
        if let Some(v) = value(f) {
            lines.push(format!("saving {v} in {y}"));
        }
    }
    lines
}
