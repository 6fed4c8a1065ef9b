//! Stage 2: includes and names. Loads a plan and the files it includes, parses each, and
//! flattens them into one [`Model`] in which every group, measure and table is found by id.
//! Duplicate ids, include cycles and missing includes are reported here.

use crate::diagnostic::{Diagnostic, Problem};
use crate::lang::{Lang, Msg};
use crate::source::SourceMap;
use crate::syntax::ast::*;
use crate::syntax::parse;
use rustc_hash::FxHashMap;
use std::path::{Path, PathBuf};

/// A group in the flattened plan.
#[derive(Debug, Clone)]
pub struct GroupInfo {
    pub id: Spanned<String>,
    pub title: Spanned<String>,
    pub parent: Option<usize>,
    pub targets: Vec<Target>,
    pub totals: Vec<DeclaredTotal>,
    /// Measures directly in this group.
    pub measures: Vec<usize>,
    /// Sub-groups directly in this group.
    pub children: Vec<usize>,
    pub tables: Vec<usize>,
    pub descriptions: Vec<Spanned<String>>,
    /// `group … in € 1.000`, as written.
    pub scale: Option<Spanned<Scale>>,
    pub span: Span,
}

#[derive(Debug, Clone)]
pub struct MeasureInfo {
    pub measure: Measure,
    pub group: Option<usize>,
    /// Why the measure's savings or costs cannot be known, if they cannot: an amount grip
    /// could not read, in the wrong unit, or for a year outside the period. Every total and
    /// target that adds this measure is then unverifiable (never counted as zero), and only
    /// the cause is an error.
    pub fault: Option<Fault>,
}

#[derive(Debug, Clone)]
pub struct TableInfo {
    pub table: Table,
    pub group: Option<usize>,
    /// The scale its euro figures were printed in (the table's own `in € 1.000`, else its
    /// group's or the plan's), as a power of ten; its euro cells hold euros already.
    pub exp: u8,
    /// Where the scale its euro figures are printed in was refused (`in € 1.500`): they cannot
    /// be known in euros.
    pub scale_fault: Option<Span>,
    /// Its rows by name (the first of a name, when a name is used twice).
    pub rows_by_id: FxHashMap<String, usize>,
}

/// Why a figure cannot be used, pointing at the cause (which is reported as an error there).
#[derive(Debug, Clone, PartialEq)]
pub struct Fault {
    pub span: Span,
    pub reason: FaultReason,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FaultReason {
    /// A figure grip could not read (`1.27`).
    Unreadable,
    /// An amount in another unit than euros (`saving 100.000` without `€`).
    WrongUnit,
    /// An effect for a year outside the plan's period (`from 2029`).
    YearOutsidePeriod,
    /// A row with more or fewer figures than its table has columns.
    WrongCellCount,
    /// A euro figure written under a scale grip refused (`in € 1.500`).
    Scale,
}

/// The whole plan, all files together, with lookups by id.
#[derive(Debug, Clone, Default)]
pub struct Model {
    pub header: Option<PlanHeader>,
    pub groups: Vec<GroupInfo>,
    pub measures: Vec<MeasureInfo>,
    pub tables: Vec<TableInfo>,
    pub totals: Vec<DeclaredTotal>,
    pub texts: Vec<Spanned<String>>,
    /// By id (hashed with `rustc_hash`: ids are short and read on every check, and a plan is
    /// not an adversary of its own checker's hash table).
    pub measure_by_id: FxHashMap<String, usize>,
    pub group_by_id: FxHashMap<String, usize>,
    pub table_by_id: FxHashMap<String, usize>,
    /// Where the root file starts, for diagnostics about the plan as a whole.
    pub root_span: Span,
    /// `part of "main.plan"` in a file checked on its own: the plan it is a part of.
    pub part_of: Option<Spanned<String>>,
    /// The language the root file's keywords are written in, when they say (a plan of only
    /// words both languages share does not).
    pub language: Option<Lang>,
    /// `progress of "leudal.plan"` when the file checked is a progress file: the plan it reports
    /// on, as written there.
    pub progress_of: Option<Spanned<String>>,
    /// Every reporting moment of the plan's progress files, in the order read (files by name,
    /// moments as written); their euro figures in euros, like the plan's.
    pub moments: Vec<Moment>,
}

impl Model {
    /// The plan's period, if the header gives one.
    pub fn period(&self) -> Option<Period> {
        self.header.as_ref().and_then(|h| h.period)
    }

    /// Every measure in a group and its sub-groups.
    pub fn measures_in(&self, group: usize) -> Vec<usize> {
        let mut out = Vec::new();
        let mut stack = vec![group];
        while let Some(g) = stack.pop() {
            if let Some(info) = self.groups.get(g) {
                out.extend(info.measures.iter().copied());
                stack.extend(info.children.iter().rev().copied());
            }
        }
        out.sort_unstable();
        out
    }
}

/// A loaded plan: its sources, its model, and the problems found while loading.
#[derive(Debug, Clone)]
pub struct Loaded {
    pub sources: SourceMap,
    pub model: Model,
    pub diagnostics: Vec<Diagnostic>,
}

/// Why the root file of a plan could not be read at all (exit code 2).
#[derive(Debug)]
pub struct LoadError {
    pub path: PathBuf,
    pub reason: Msg,
}

impl LoadError {
    /// "cannot read PATH: REASON", in a language.
    pub fn message(&self, lang: Lang) -> String {
        Msg::id("cannot-read")
            .arg("path", self.path.display().to_string())
            .arg("reason", self.reason.clone())
            .render(lang)
    }
}

impl std::fmt::Display for LoadError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.message(Lang::En))
    }
}

impl std::error::Error for LoadError {}

/// The largest plan file grip reads (a plan of a million measures is about 300 MB).
pub const MAX_FILE_BYTES: u64 = 1 << 30;

/// Reads a file as UTF-8 text, with a reason a person understands when it cannot. Only a
/// regular file is read (not a directory, a pipe, a device or a file in /proc), and only up to
/// [`MAX_FILE_BYTES`].
pub fn read_text(path: &Path) -> Result<String, Msg> {
    use std::io::Read;
    let why = |e: std::io::Error| match e.kind() {
        std::io::ErrorKind::NotFound => Msg::id("read-no-such-file"),
        std::io::ErrorKind::PermissionDenied => Msg::id("read-permission"),
        _ => Msg::id("read-other").arg("error", e.to_string()),
    };
    let too_large = || Msg::id("read-too-large").arg("mb", (MAX_FILE_BYTES >> 20).to_string());
    let meta = std::fs::metadata(path).map_err(why)?;
    if meta.is_dir() {
        return Err(Msg::id("read-directory"));
    }
    if !meta.is_file() {
        return Err(Msg::id("read-not-regular"));
    }
    if meta.len() > MAX_FILE_BYTES {
        return Err(too_large());
    }
    let mut bytes = Vec::with_capacity(meta.len() as usize);
    // Read at most one byte past the limit, in case the file grows while it is read.
    std::fs::File::open(path).and_then(|f| f.take(MAX_FILE_BYTES + 1).read_to_end(&mut bytes)).map_err(why)?;
    if bytes.len() as u64 > MAX_FILE_BYTES {
        return Err(too_large());
    }
    String::from_utf8(bytes)
        .map_err(|e| Msg::id("read-not-utf8").arg("offset", e.utf8_error().valid_up_to().to_string()))
}

/// How includes are read.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct LoadOptions {
    /// Read included files outside the root plan's folder (refused by default, so a plan from
    /// elsewhere cannot make grip read arbitrary files).
    pub allow_outside_includes: bool,
}

/// Loads the plan at `path` with everything it includes.
pub fn load(path: &Path) -> Result<Loaded, LoadError> {
    load_with(path, LoadOptions::default())
}

/// [`load`] with options.
pub fn load_with(path: &Path, options: LoadOptions) -> Result<Loaded, LoadError> {
    let text = read_text(path).map_err(|reason| LoadError { path: path.to_path_buf(), reason })?;
    Ok(load_text_with(&path.display().to_string(), Some(path), text, options))
}

/// Loads a plan from text (stdin, an editor buffer, a test). Includes are resolved relative
/// to `path` when given, else to the current directory.
pub fn load_text(name: &str, path: Option<&Path>, text: String) -> Loaded {
    load_text_with(name, path, text, LoadOptions::default())
}

/// [`load_text`] with options.
pub fn load_text_with(name: &str, path: Option<&Path>, text: String, options: LoadOptions) -> Loaded {
    load_text_parsing(name, path, text, options, &mut |file, text| parse(file, text))
}

/// A file's document and the problems found parsing it.
pub type ParsedFile = (Document, Vec<Diagnostic>);

/// [`load_text_with`], the root file (as it will stand in the sources) parsed by `parse_root`,
/// which must give what [`parse`] gives: the language server re-uses the unchanged pieces of its
/// last parse ([`crate::syntax::reuse`]).
pub fn load_text_parsing(
    name: &str,
    path: Option<&Path>,
    text: String,
    options: LoadOptions,
    parse_root: &mut dyn FnMut(FileId, &str) -> ParsedFile,
) -> Loaded {
    // Includes must stay in the plan's folder. When that folder cannot be found (an editor's
    // unsaved document, a version from git whose file is gone, a plan deleted after it was
    // read), the folder the plan names is used, else the current one; when none can be found,
    // no include is read at all: never anywhere.
    let folder = |p: &Path| -> Option<PathBuf> {
        let dir = p.parent().filter(|d| !d.as_os_str().is_empty()).unwrap_or(Path::new("."));
        p.canonicalize().ok().and_then(|c| c.parent().map(Path::to_path_buf)).or_else(|| dir.canonicalize().ok())
    };
    let guard = if options.allow_outside_includes {
        Guard::Anywhere
    } else {
        match path.map(folder).unwrap_or_else(|| std::env::current_dir().ok().and_then(|d| d.canonicalize().ok())) {
            Some(dir) => Guard::Under(dir),
            None => Guard::Nowhere,
        }
    };
    let mut loader = Loader {
        sources: SourceMap::new(),
        diagnostics: Vec::new(),
        documents: Vec::new(),
        guard,
        loaded: Vec::new(),
        root_parsed: None,
    };
    let root = loader.sources.add(name, path.map(Path::to_path_buf), text);
    loader.root_parsed = Some(parse_root(root, loader.sources.text(root)));
    let canonical = path.and_then(|p| p.canonicalize().ok());
    loader.loaded.extend(canonical.iter().map(|c| (c.clone(), None)));
    loader.parse_file(root, &mut canonical.clone().into_iter().collect());
    // A progress file brings its plan; a plan brings the progress files beside it.
    let root_items = loader.documents.first().map(|d| d.items.as_slice()).unwrap_or_default();
    let has_header = root_items.iter().any(|i| matches!(i, Item::Header(_)));
    let progress_of = root_items
        .iter()
        .find_map(|i| if let Item::Progress(s) = i { Some(s.clone()) } else { None })
        .filter(|_| !has_header);
    let plan_path = match (&progress_of, path) {
        (Some(of), Some(p)) => loader.progress_plan(p, of),
        (None, Some(_)) if has_header => canonical.clone(),
        _ => None,
    };
    if let Some(plan) = plan_path {
        loader.progress_files(&plan);
    }
    let language = loader.documents.first().and_then(|d| d.lang);
    let mut model = Model { root_span: Span::new(root, 0, 0), language, progress_of, ..Model::default() };
    let mut diagnostics = std::mem::take(&mut loader.diagnostics);
    let mut flat = Flattener { model: &mut model, diagnostics: &mut diagnostics };
    for doc in std::mem::take(&mut loader.documents) {
        for item in doc.items {
            flat.item(item, None);
        }
    }
    apply_scales(&mut model);
    mark_faults(&mut model);
    Loaded { sources: loader.sources, model, diagnostics }
}

struct Loader {
    sources: SourceMap,
    diagnostics: Vec<Diagnostic>,
    documents: Vec<Document>,
    /// Where included files may lie.
    guard: Guard,
    /// Every file read so far, with the include that read it (None: the root).
    loaded: Vec<(PathBuf, Option<Span>)>,
    /// The root file, parsed before it is loaded.
    root_parsed: Option<ParsedFile>,
}

/// Where included files may lie.
enum Guard {
    /// Anywhere (`--allow-outside-includes`).
    Anywhere,
    /// In this folder or below it.
    Under(PathBuf),
    /// Nowhere: the plan's folder is unknown.
    Nowhere,
}

/// Includes nested deeper than this are refused, so a chain of files cannot exhaust the stack.
const MAX_INCLUDE_DEPTH: usize = 64;

impl Loader {
    fn parse_file(&mut self, file: FileId, chain: &mut Vec<PathBuf>) {
        let (doc, diags) = match self.root_parsed.take() {
            Some(parsed) => parsed,
            None => parse(file, self.sources.text(file)),
        };
        self.diagnostics.extend(diags);
        let base = self
            .sources
            .get(file)
            .and_then(|f| f.path.as_ref())
            .and_then(|p| p.parent().map(Path::to_path_buf))
            .unwrap_or_default();
        // Included files are shown by a name relative to how the including file was named.
        let display_base = Path::new(self.sources.name(file)).parent().map(Path::to_path_buf).unwrap_or_default();
        let includes: Vec<Spanned<String>> =
            doc.items.iter().filter_map(|i| if let Item::Include(s) = i { Some(s.clone()) } else { None }).collect();
        self.documents.push(doc);
        for inc in includes {
            let target = base.join(&inc.value);
            let canonical = target.canonicalize().ok();
            if let Some(c) = &canonical {
                if chain.contains(c) {
                    let mut names: Vec<String> = chain
                        .iter()
                        .skip_while(|p| *p != c)
                        .map(|p| p.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default())
                        .collect();
                    names.push(inc.value.clone());
                    self.diagnostics
                        .push(Problem::IncludeCycle { path: inc.value.clone(), span: inc.span, chain: names }.into());
                    continue;
                }
            }
            let inside = match (&self.guard, &canonical) {
                (Guard::Anywhere, _) => true,
                (Guard::Under(root), Some(c)) => c.starts_with(root),
                // A file that cannot be resolved is not read: it is reported as not found.
                (Guard::Under(_), None) => true,
                (Guard::Nowhere, _) => false,
            };
            if !inside {
                self.diagnostics.push(Problem::IncludeOutside { path: inc.value.clone(), span: inc.span }.into());
                continue;
            }
            // A file is part of a plan once: included twice, its measures would count twice
            // (and a file that includes another twice, nested, would be read exponentially often).
            if let Some((_, first)) = canonical.as_ref().and_then(|c| self.loaded.iter().find(|(p, _)| p == c)) {
                let first = *first;
                self.diagnostics.push(Problem::IncludedTwice { path: inc.value.clone(), span: inc.span, first }.into());
                continue;
            }
            if chain.len() >= MAX_INCLUDE_DEPTH {
                self.diagnostics.push(
                    Problem::IncludeNotFound {
                        path: inc.value.clone(),
                        span: inc.span,
                        reason: Msg::id("read-too-deep").arg("limit", MAX_INCLUDE_DEPTH.to_string()),
                    }
                    .into(),
                );
                continue;
            }
            match read_text(&target) {
                Ok(text) => {
                    if let Some(c) = &canonical {
                        self.loaded.push((c.clone(), Some(inc.span)));
                    }
                    let id = self.sources.add(
                        display_base.join(&inc.value).display().to_string(),
                        Some(target.clone()),
                        text,
                    );
                    chain.push(canonical.unwrap_or(target));
                    self.parse_file(id, chain);
                    chain.pop();
                }
                Err(reason) => {
                    self.diagnostics
                        .push(Problem::IncludeNotFound { path: inc.value.clone(), span: inc.span, reason }.into());
                }
            }
        }
    }
}

impl Loader {
    /// Reads the plan a progress file reports on (`progress of "leudal.plan"`, relative to the
    /// progress file), with what it includes; returns its canonical path.
    fn progress_plan(&mut self, progress: &Path, of: &Spanned<String>) -> Option<PathBuf> {
        let target = progress.parent().unwrap_or(Path::new(".")).join(&of.value);
        let canonical = target.canonicalize().ok();
        let inside = match (&self.guard, &canonical) {
            (Guard::Anywhere, _) => true,
            (Guard::Under(root), Some(c)) => c.starts_with(root),
            (Guard::Under(_), None) => true,
            (Guard::Nowhere, _) => false,
        };
        let refuse = |reason: Msg| Problem::ProgressPlanNotFound { path: of.value.clone(), span: of.span, reason };
        if !inside {
            self.diagnostics.push(refuse(Msg::id("read-outside")).into());
            return None;
        }
        if canonical.as_ref().is_some_and(|c| self.loaded.iter().any(|(p, _)| p == c)) {
            self.diagnostics.push(refuse(Msg::id("read-is-progress")).into());
            return None;
        }
        match read_text(&target) {
            Ok(text) => {
                let c = canonical.clone().unwrap_or_else(|| target.clone());
                self.loaded.push((c.clone(), Some(of.span)));
                let display_base = Path::new(self.sources.name(of.span.file)).parent().map(Path::to_path_buf);
                let name = display_base.unwrap_or_default().join(&of.value).display().to_string();
                let id = self.sources.add(name, Some(target), text);
                let mut chain: Vec<PathBuf> = self.loaded.iter().map(|(p, _)| p.clone()).collect();
                self.parse_file(id, &mut chain);
                canonical
            }
            Err(reason) => {
                self.diagnostics.push(refuse(reason).into());
                None
            }
        }
    }

    /// Reads every progress file in the plan's folder that reports on the plan (`progress of`
    /// naming it), in the order of their names, except those read already.
    fn progress_files(&mut self, plan: &Path) {
        let Some(dir) = plan.parent() else { return };
        let Ok(entries) = std::fs::read_dir(dir) else { return };
        let mut files: Vec<PathBuf> = entries
            .flatten()
            .map(|e| e.path())
            .filter(|p| p.extension().is_some_and(|e| e == "plan") && p.is_file())
            .collect();
        files.sort();
        // Shown by a name relative to how the plan was named.
        let shown_dir = (0..self.sources.len())
            .filter_map(|i| self.sources.get(FileId(i as u32)))
            .find(|f| f.path.as_ref().and_then(|p| p.canonicalize().ok()).as_deref() == Some(plan))
            .and_then(|f| Path::new(&f.name).parent().map(Path::to_path_buf))
            .unwrap_or_default();
        for file in files {
            let Ok(canonical) = file.canonicalize() else { continue };
            if self.loaded.iter().any(|(p, _)| *p == canonical) {
                continue;
            }
            let Ok(text) = read_text(&file) else { continue };
            // Only a file that says `progress of` (`voortgang van`) can be one.
            if !(text.contains("progress") || text.contains("voortgang")) {
                continue;
            }
            let (doc, _) = parse(FileId(0), &text);
            let reports_on_plan = doc.items.iter().any(|i| match i {
                Item::Progress(of) => dir.join(&of.value).canonicalize().is_ok_and(|c| c == plan),
                _ => false,
            }) && !doc.items.iter().any(|i| matches!(i, Item::Header(_)));
            if !reports_on_plan {
                continue;
            }
            self.loaded.push((canonical.clone(), None));
            let name = shown_dir.join(file.file_name().unwrap_or_default()).display().to_string();
            let id = self.sources.add(name, Some(file.clone()), text);
            let mut chain = vec![canonical];
            self.parse_file(id, &mut chain);
        }
    }
}

struct Flattener<'a> {
    model: &'a mut Model,
    diagnostics: &'a mut Vec<Diagnostic>,
}

impl Flattener<'_> {
    fn register(&mut self, kind: &'static str, id: &Spanned<String>, index: usize) {
        let model = &mut *self.model;
        let map = match kind {
            "measure" => &mut model.measure_by_id,
            "group" => &mut model.group_by_id,
            _ => &mut model.table_by_id,
        };
        match map.get(&id.value) {
            Some(&first) => {
                let first = match kind {
                    "measure" => model.measures.get(first).map(|m| m.measure.id.span),
                    "group" => model.groups.get(first).map(|g| g.id.span),
                    _ => model.tables.get(first).map(|t| t.table.id.span),
                }
                .unwrap_or(id.span);
                self.diagnostics.push(Problem::DuplicateId { kind, id: id.value.clone(), span: id.span, first }.into());
            }
            None => {
                map.insert(id.value.clone(), index);
            }
        }
    }

    fn item(&mut self, item: Item, group: Option<usize>) {
        match item {
            Item::Header(h) => {
                if let Some(first) = &self.model.header {
                    self.diagnostics.push(
                        Problem::DuplicateField {
                            span: h.span,
                            first: first.span,
                            field: "plan",
                            owner: Msg::id("subject-plan"),
                        }
                        .into(),
                    );
                } else {
                    self.model.header = Some(*h);
                }
            }
            Item::Include(_) | Item::Progress(_) => {}
            Item::Moment(m) => self.model.moments.push(*m),
            Item::PartOf(p) => {
                if self.model.part_of.is_none() {
                    self.model.part_of = Some(p);
                }
            }
            Item::Text(t) => self.model.texts.push(t),
            Item::Total(t) => match group {
                Some(g) => self.model.groups[g].totals.push(t),
                None => self.model.totals.push(t),
            },
            Item::Measure(m) => {
                let index = self.model.measures.len();
                let id_span = m.id.clone();
                self.model.measures.push(MeasureInfo { measure: *m, group, fault: None });
                self.register("measure", &id_span, index);
                if let Some(g) = group {
                    self.model.groups[g].measures.push(index);
                }
            }
            Item::Table(t) => {
                let index = self.model.tables.len();
                let id = t.id.clone();
                let mut rows_by_id = FxHashMap::with_capacity_and_hasher(t.rows.len(), Default::default());
                for (r, row) in t.rows.iter().enumerate() {
                    rows_by_id.entry(row.id.value.clone()).or_insert(r);
                }
                self.model.tables.push(TableInfo { table: t, group, exp: 0, scale_fault: None, rows_by_id });
                self.register("table", &id, index);
                if let Some(g) = group {
                    self.model.groups[g].tables.push(index);
                }
            }
            Item::Group(g) => {
                let index = self.model.groups.len();
                self.model.groups.push(GroupInfo {
                    id: g.id.clone(),
                    title: g.title,
                    parent: group,
                    targets: g.targets,
                    totals: g.totals,
                    measures: Vec::new(),
                    children: Vec::new(),
                    tables: Vec::new(),
                    descriptions: g.descriptions,
                    scale: g.scale,
                    span: g.span,
                });
                self.register("group", &g.id, index);
                if let Some(parent) = group {
                    self.model.groups[parent].children.push(index);
                }
                for child in g.items {
                    self.item(child, Some(index));
                }
            }
        }
    }
}

/// The scale in force in a group: its own, else its parent's, else the plan's.
fn group_scale(model: &Model, group: Option<usize>) -> u8 {
    scale_in(model, group).map(|s| s.value.exp).unwrap_or(0)
}

/// The scale of print that applies in a group (None: at the top level): the nearest group's
/// own, else the plan's.
fn scale_in(model: &Model, mut group: Option<usize>) -> Option<Spanned<Scale>> {
    while let Some(g) = group {
        let info = &model.groups[g];
        if let Some(s) = info.scale {
            return Some(s);
        }
        group = info.parent;
    }
    model.header.as_ref().and_then(|h| h.scale)
}

/// Multiplies a euro amount written in a scale (`€ 1.187` in a plan `in € 1.000`) into euros.
/// An amount that states its own magnitude (`€ 1,5 mln`) keeps it.
fn scale_amount(amount: &mut Amount, exp: u8) {
    if let Amount::Known(q) = amount {
        if q.unit == Unit::Euro && q.exp == 0 && exp > 0 {
            // Figures are below 10^15 and scales at most 10^12: the product fits a decimal.
            if let Some(v) = q.value.checked_mul(pow10(exp as i64)) {
                q.value = v;
                q.exp = exp;
            }
        }
    }
}

fn scale_total(total: &mut DeclaredTotal, exp: u8) {
    for v in &mut total.values {
        scale_amount(&mut v.amount.value, exp);
    }
}

/// Applies every scale of print (`in € 1.000` on the plan, a group or a table), so that from
/// here on every euro figure of the model is in euros, and each remembers the power of ten it
/// was printed in (for judging rounding).
fn apply_scales(model: &mut Model) {
    let plan = model.header.as_ref().and_then(|h| h.scale).map(|s| s.value.exp).unwrap_or(0);
    if let Some(h) = &mut model.header {
        for t in &mut h.tolerances {
            if t.value.unit == Unit::Euro && t.value.exp == 0 && plan > 0 {
                if let Some(v) = t.value.value.checked_mul(pow10(plan as i64)) {
                    t.value.value = v;
                    t.value.exp = plan;
                }
            }
        }
    }
    let group_exps: Vec<u8> = (0..model.groups.len()).map(|g| group_scale(model, Some(g))).collect();
    // The scale in force at the top level (first) and in each group, for the tables.
    let refused_in: Vec<Option<Spanned<Scale>>> = std::iter::once(scale_in(model, None))
        .chain((0..model.groups.len()).map(|g| scale_in(model, Some(g))))
        .collect();
    for t in &mut model.totals {
        scale_total(t, plan);
    }
    for (g, info) in model.groups.iter_mut().enumerate() {
        let exp = group_exps[g];
        for t in &mut info.targets {
            scale_amount(&mut t.amount.value, exp);
        }
        for t in &mut info.totals {
            scale_total(t, exp);
        }
    }
    for info in &mut model.measures {
        let exp = info.group.map(|g| group_exps[g]).unwrap_or(plan);
        if exp == 0 {
            continue;
        }
        let m = &mut info.measure;
        if let Some(b) = &mut m.budget {
            scale_amount(&mut b.value, exp);
        }
        for e in &mut m.effects {
            scale_amount(&mut e.amount.value, exp);
        }
        if let Some(r) = &mut m.range {
            scale_amount(&mut r.low.value, exp);
            scale_amount(&mut r.high.value, exp);
        }
    }
    if plan > 0 {
        for moment in &mut model.moments {
            moment.remaining.iter_mut().for_each(|t| scale_total(t, plan));
            for m in &mut moment.measures {
                for e in m.realised.iter_mut().chain(m.expected.iter_mut()) {
                    scale_amount(&mut e.amount.value, plan);
                }
                for r in &mut m.replacements {
                    scale_amount(&mut r.amount.value, plan);
                }
            }
        }
    }
    for info in &mut model.tables {
        let t = &mut info.table;
        let exp = t.scale.map(|s| s.value.exp).unwrap_or_else(|| info.group.map(|g| group_exps[g]).unwrap_or(plan));
        info.exp = exp;
        info.scale_fault =
            t.scale.or(refused_in[info.group.map_or(0, |g| g + 1)]).filter(|s| s.value.refused).map(|s| s.span);
        if exp == 0 {
            continue;
        }
        let factor = pow10(exp as i64);
        let table_unit = t.unit.as_ref().map(|u| u.value.clone());
        for row in &mut t.rows {
            let unit = row.unit.as_ref().map(|u| u.value.clone()).or(table_unit.clone()).unwrap_or(Unit::Euro);
            if unit != Unit::Euro {
                continue;
            }
            for cell in &mut row.cells {
                if let CellValue::Number(v) = &mut cell.value {
                    if let Some(scaled) = v.checked_mul(factor) {
                        *v = scaled;
                    }
                }
            }
        }
    }
}

/// Finds the measures whose savings or costs cannot be known (see [`MeasureInfo::fault`]).
fn mark_faults(model: &mut Model) {
    let period = model.period().filter(|p| p.first.value <= p.last.value);
    let refused: Vec<Option<Span>> = (0..model.measures.len())
        .map(|m| scale_in(model, model.measures[m].group).filter(|s| s.value.refused).map(|s| s.span))
        .collect();
    for (info, refused) in model.measures.iter_mut().zip(refused) {
        // Its euro figures are written under a scale grip refused.
        if let Some(span) = refused {
            info.fault = Some(Fault { span, reason: FaultReason::Scale });
            continue;
        }
        info.fault = info.measure.effects.iter().find_map(|e| {
            let reason = match &e.amount.value {
                Amount::Unreadable => Some((e.amount.span, FaultReason::Unreadable)),
                Amount::Known(q) if q.unit != Unit::Euro => Some((e.amount.span, FaultReason::WrongUnit)),
                _ => None,
            };
            reason
                .or_else(|| match (e.years, period) {
                    (YearSpec::From(y) | YearSpec::In(y), Some(p)) if !p.contains(y.value) => {
                        Some((y.span, FaultReason::YearOutsidePeriod))
                    }
                    _ => None,
                })
                .map(|(span, reason)| Fault { span, reason })
        });
    }
}
