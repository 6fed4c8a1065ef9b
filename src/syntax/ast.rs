//! The AST: the one model every later stage reads. Every node carries the byte span of the
//! source it came from, and every span knows its file, so any stage can point at the source.

use rust_decimal::Decimal;
use serde::Serialize;
use std::fmt;

/// Index of a file in the [`crate::source::SourceMap`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Default)]
pub struct FileId(pub u32);

/// A byte range in one file.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Default)]
pub struct Span {
    pub file: FileId,
    pub start: usize,
    pub end: usize,
}

impl Span {
    pub fn new(file: FileId, start: usize, end: usize) -> Self {
        Span { file, start, end }
    }
    /// The smallest span covering both (same file assumed).
    pub fn to(self, other: Span) -> Span {
        Span { file: self.file, start: self.start.min(other.start), end: self.end.max(other.end) }
    }
}

/// A value with the span it was written at.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Spanned<T> {
    pub value: T,
    pub span: Span,
}

impl<T> Spanned<T> {
    pub fn new(value: T, span: Span) -> Self {
        Spanned { value, span }
    }
}

/// The unit of a quantity. Euros and fte never add up.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize)]
pub enum Unit {
    Euro,
    Fte,
    Hours,
    Percent,
    /// A plain count, optionally of something named (`40 dossiers`).
    Count(Option<String>),
}

impl Unit {
    /// The unit in a sentence: "must be in euros".
    pub fn words(&self) -> String {
        match self {
            Unit::Euro => "euros".into(),
            Unit::Percent => "percent".into(),
            Unit::Count(None) => "plain numbers".into(),
            other => other.name(),
        }
    }

    /// The name used in messages and JSON (`euro`, `fte`, `hours`, `percent`, `count`).
    pub fn name(&self) -> String {
        match self {
            Unit::Euro => "euro".into(),
            Unit::Fte => "fte".into(),
            Unit::Hours => "hours".into(),
            Unit::Percent => "percent".into(),
            Unit::Count(None) => "count".into(),
            Unit::Count(Some(n)) => n.clone(),
        }
    }
}

impl fmt::Display for Unit {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.name())
    }
}

/// A number with its unit, exactly as printed.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Quantity {
    /// The value in its unit: for euros, in euros (a figure printed as `1.187` in a table
    /// `in € 1.000` is 1187000 here once `resolve` has applied the scale).
    pub value: Decimal,
    pub unit: Unit,
    /// The power of ten the printed figure was multiplied by: 6 for `€ 1,5 mln` as written,
    /// plus the scale of the plan, group or table around it once resolved (see [`Scale`]).
    pub exp: u8,
}

impl Quantity {
    pub fn new(value: Decimal, unit: Unit) -> Self {
        Quantity { value, unit, exp: 0 }
    }

    /// The smallest step of the figure as printed: € 1.000 for `1.187` in thousands, 0,1 for
    /// `2,9 fte`. Totals of figures printed in a scale are judged by this rounding.
    pub fn printed_unit(&self) -> Decimal {
        printed_unit(self.value, self.exp)
    }
}

/// The smallest step of a printed figure whose value was multiplied by 10^exp.
pub fn printed_unit(value: Decimal, exp: u8) -> Decimal {
    let decimals = value.scale() as i64 - exp as i64;
    pow10(-decimals)
}

/// 10^n for a small n (−28..=28), exactly.
pub fn pow10(n: i64) -> Decimal {
    let n = n.clamp(-28, 28);
    if n >= 0 {
        Decimal::from_i128_with_scale(10i128.pow(n as u32), 0)
    } else {
        Decimal::from_i128_with_scale(1, (-n) as u32)
    }
}

/// A scale of print, `in € 1.000`: figures in euros written in its scope are 10^exp euros each.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Scale {
    pub exp: u8,
    /// A scale grip refused (`in € 1.500`, reported where it is written): the figures in its
    /// scope cannot be known in euros, so what adds them cannot be checked.
    pub refused: bool,
}

impl Scale {
    pub fn factor(self) -> Decimal {
        pow10(self.exp as i64)
    }
}

/// An amount: known, P.M. (pro memorie: not known yet, and never zero), or a figure grip could
/// not read (reported where it is written; what depends on it cannot be checked).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub enum Amount {
    Known(Quantity),
    Pm { negative: bool },
    Unreadable,
}

impl Amount {
    pub fn known(&self) -> Option<&Quantity> {
        match self {
            Amount::Known(q) => Some(q),
            Amount::Pm { .. } | Amount::Unreadable => None,
        }
    }
}

/// One parsed file.
#[derive(Debug, Clone, Default, Serialize)]
pub struct Document {
    pub file: FileId,
    pub items: Vec<Item>,
    /// The language the file's keywords are written in, when they say.
    pub lang: Option<crate::lang::Lang>,
}

#[derive(Debug, Clone, Serialize)]
pub enum Item {
    Header(Box<PlanHeader>),
    Include(Spanned<String>),
    /// `part of "main.plan"`: the plan this file is a part of, as written.
    PartOf(Spanned<String>),
    Group(Group),
    Measure(Box<Measure>),
    Table(Table),
    Total(DeclaredTotal),
    Text(Spanned<String>),
    /// `progress of "leudal.plan"`: the plan this file reports the progress of, as written.
    Progress(Spanned<String>),
    /// A reporting moment and what it records.
    Moment(Box<Moment>),
}

/// `moment "2e bestuursrapportage 2021" 2021-10-15 { … }`: what a report to the council says
/// of the measures at one moment.
#[derive(Debug, Clone, Serialize)]
pub struct Moment {
    pub name: Spanned<String>,
    pub date: Spanned<Date>,
    pub measures: Vec<MeasureProgress>,
    /// `total remaining € 1.200.000 in 2022`: what the report says is still to be realised.
    pub remaining: Vec<DeclaredTotal>,
    pub descriptions: Vec<Spanned<String>>,
    pub span: Span,
}

/// `measure a1 { phase 3  realised € 130.000 in 2021 … }`: a measure's progress at a moment.
#[derive(Debug, Clone, Serialize)]
pub struct MeasureProgress {
    pub id: Spanned<String>,
    /// 0 no action yet, 1 being worked out, 2 decided and communicated, 3 realised.
    pub phase: Option<Spanned<u8>>,
    /// The saving realised: in a year (`in 2021`), or secured from a year on (`from 2022`).
    pub realised: Vec<Effect>,
    /// The saving now expected, where it differs from the plan.
    pub expected: Vec<Effect>,
    /// When the decision the measure needed was taken.
    pub decided: Option<Spanned<Date>>,
    pub explanation: Option<Spanned<String>>,
    /// Cover found elsewhere for what the measure falls short of (vervangende dekking).
    pub replacements: Vec<Replacement>,
    pub span: Span,
}

/// `replacement € 50.000 in 2022 "Inzet reserve sociaal domein"`.
#[derive(Debug, Clone, Serialize)]
pub struct Replacement {
    pub amount: Spanned<Amount>,
    pub years: YearSpec,
    pub what: Spanned<String>,
    pub span: Span,
}

/// `plan "Title" { municipality .. adopted .. period .. tolerance .. }`
#[derive(Debug, Clone, Serialize)]
pub struct PlanHeader {
    pub title: Spanned<String>,
    /// `plan "…" in € 1.000`: the scale of every euro figure in the plan that has none nearer.
    pub scale: Option<Spanned<Scale>>,
    pub municipality: Option<Spanned<String>>,
    pub adopted: Option<Spanned<Date>>,
    pub period: Option<Period>,
    pub currency: Option<Spanned<String>>,
    pub tolerances: Vec<Spanned<Quantity>>,
    pub description: Option<Spanned<String>>,
    pub span: Span,
}

impl PlanHeader {
    /// A header with its title and nothing else yet: what the parsers fill in.
    pub fn new(title: Spanned<String>, span: Span) -> PlanHeader {
        PlanHeader {
            title,
            scale: None,
            municipality: None,
            adopted: None,
            period: None,
            currency: None,
            tolerances: Vec::new(),
            description: None,
            span,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Period {
    pub first: Spanned<u16>,
    pub last: Spanned<u16>,
    pub span: Span,
}

impl Period {
    pub fn contains(&self, year: u16) -> bool {
        (self.first.value..=self.last.value).contains(&year)
    }
}

/// A calendar date, to the month or to the day.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
pub struct Date {
    pub year: u16,
    pub month: u8,
    pub day: Option<u8>,
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.day {
            Some(d) => write!(f, "{:04}-{:02}-{:02}", self.year, self.month, d),
            None => write!(f, "{:04}-{:02}", self.year, self.month),
        }
    }
}

/// When a decision is planned: a year, a quarter or a date.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub enum When {
    Year(u16),
    Quarter(u16, u8),
    Date(Date),
}

impl When {
    pub fn year(&self) -> u16 {
        match self {
            When::Year(y) | When::Quarter(y, _) => *y,
            When::Date(d) => d.year,
        }
    }
}

impl fmt::Display for When {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            When::Year(y) => write!(f, "{y:04}"),
            When::Quarter(y, q) => write!(f, "{y:04}-Q{q}"),
            When::Date(d) => write!(f, "{d}"),
        }
    }
}

#[derive(Debug, Clone, Serialize)]
pub struct Group {
    pub id: Spanned<String>,
    pub title: Spanned<String>,
    /// `group A "…" in € 1.000`: the scale of the euro figures written inside it.
    pub scale: Option<Spanned<Scale>>,
    pub targets: Vec<Target>,
    pub totals: Vec<DeclaredTotal>,
    pub items: Vec<Item>,
    pub descriptions: Vec<Spanned<String>>,
    pub span: Span,
}

/// `target € 600.000 by 2024`: the group's measures must save at least this much in that year.
#[derive(Debug, Clone, Serialize)]
pub struct Target {
    pub amount: Spanned<Amount>,
    pub year: Spanned<u16>,
    pub span: Span,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
pub enum EffectKind {
    Saving,
    Cost,
}

impl EffectKind {
    pub fn word(self) -> &'static str {
        match self {
            EffectKind::Saving => "saving",
            EffectKind::Cost => "cost",
        }
    }

    /// The keyword that writes it.
    pub fn rule(self) -> crate::syntax::parse::Rule {
        use crate::syntax::parse::Rule;
        match self {
            EffectKind::Saving => Rule::kw_saving,
            EffectKind::Cost => Rule::kw_cost,
        }
    }
}

/// When an effect applies.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub enum YearSpec {
    /// No year given: structural over the whole period.
    Always,
    /// Structural: from this year to the end of the period (a later `from` replaces it).
    From(Spanned<u16>),
    /// Incidental: in this year only.
    In(Spanned<u16>),
}

/// `saving € 182.000 from 2024`, `cost € 60.000 in 2021`, `saving P.M.`.
#[derive(Debug, Clone, Serialize)]
pub struct Effect {
    pub kind: EffectKind,
    pub amount: Spanned<Amount>,
    pub years: YearSpec,
    pub span: Span,
}

/// A declared total over effects: `total saving € 600.000` (the structural level at the end of
/// the period) or `total saving 2021: € 690.000, 2022: ...` (per year).
#[derive(Debug, Clone, Serialize)]
pub struct DeclaredTotal {
    pub kind: EffectKind,
    pub values: Vec<DeclaredValue>,
    pub span: Span,
}

#[derive(Debug, Clone, Serialize)]
pub struct DeclaredValue {
    /// `None`: the last year of the plan's period.
    pub year: Option<Spanned<u16>>,
    pub amount: Spanned<Amount>,
}

/// `share 20% of budget`.
#[derive(Debug, Clone, Serialize)]
pub struct Share {
    pub percent: Spanned<Decimal>,
    pub span: Span,
}

/// `range € 1.180.000 .. € 2.225.000`: the effect the plan expects lies between these.
#[derive(Debug, Clone, Serialize)]
pub struct EstimateRange {
    pub low: Spanned<Amount>,
    pub high: Spanned<Amount>,
    pub span: Span,
}

#[derive(Debug, Clone, Serialize)]
pub struct Decision {
    pub needed: bool,
    pub forum: Option<Spanned<String>>,
    pub planned: Option<Spanned<When>>,
    pub span: Span,
}

#[derive(Debug, Clone, Serialize)]
pub struct Indicator {
    pub label: Spanned<String>,
    pub quantity: Spanned<Quantity>,
    pub span: Span,
}

#[derive(Debug, Clone, Serialize)]
pub struct Measure {
    pub id: Spanned<String>,
    pub title: Spanned<String>,
    pub budget: Option<Spanned<Amount>>,
    pub effects: Vec<Effect>,
    pub shares: Vec<Share>,
    /// Boxed, like `decision`: few measures have one, and every measure in a large plan pays
    /// for the space of an unboxed field.
    pub range: Option<Box<EstimateRange>>,
    pub category: Option<Spanned<String>>,
    pub owner: Option<Spanned<String>>,
    pub start: Option<Spanned<Date>>,
    pub end: Option<Spanned<Date>>,
    pub decision: Option<Box<Decision>>,
    pub status: Option<Spanned<String>>,
    pub taakvelden: Vec<Spanned<String>>,
    pub related: Vec<Spanned<String>>,
    pub descriptions: Vec<Spanned<String>>,
    pub indicators: Vec<Indicator>,
    pub span: Span,
}

impl Measure {
    /// A measure with its id and title and nothing else yet: what the parsers fill in.
    pub fn new(id: Spanned<String>, title: Spanned<String>, span: Span) -> Measure {
        Measure {
            id,
            title,
            budget: None,
            effects: Vec::new(),
            shares: Vec::new(),
            range: None,
            category: None,
            owner: None,
            start: None,
            end: None,
            decision: None,
            status: None,
            taakvelden: Vec::new(),
            related: Vec::new(),
            descriptions: Vec::new(),
            indicators: Vec::new(),
            span,
        }
    }
}

/// What a table's figures are, for the evaluator.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub enum Role {
    Budget,
    Forecast,
    Actual,
    /// A printed deficit, used only for years the plan gives no budget or forecast for.
    Deficit,
    Cost,
    Revenue,
    Staffing,
    /// Savings printed in a table (an ombuigingslijst), counted with the measures' savings.
    Saving,
}

impl Role {
    pub fn word(self) -> &'static str {
        match self {
            Role::Budget => "budget",
            Role::Forecast => "forecast",
            Role::Actual => "actual",
            Role::Deficit => "deficit",
            Role::Cost => "cost",
            Role::Revenue => "revenue",
            Role::Staffing => "staffing",
            Role::Saving => "saving",
        }
    }

    /// The keyword that writes it.
    pub fn rule(self) -> crate::syntax::parse::Rule {
        use crate::syntax::parse::Rule;
        match self {
            Role::Budget => Rule::kw_budget,
            Role::Forecast => Rule::kw_forecast,
            Role::Actual => Rule::kw_actual,
            Role::Deficit => Rule::kw_deficit,
            Role::Cost => Rule::kw_cost,
            Role::Revenue => Rule::kw_revenue,
            Role::Staffing => Rule::kw_staffing,
            Role::Saving => Rule::kw_saving,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize)]
pub enum ColumnKey {
    Year(u16),
    Named(String),
}

impl fmt::Display for ColumnKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ColumnKey::Year(y) => write!(f, "{y}"),
            ColumnKey::Named(n) => f.write_str(n),
        }
    }
}

#[derive(Debug, Clone, Serialize)]
pub struct Column {
    pub key: ColumnKey,
    pub label: Option<String>,
    /// The kind of figure a year column holds, as the heading says: `begroting`, `rekening`.
    pub kind: Option<String>,
    /// A footnote mark printed after the year: `2019*`.
    pub mark: Option<String>,
    /// A column that totals other columns of its row: `totaal "Totaal" = sum`.
    pub formula: Option<Expr>,
    /// A column of text (`soort "Incidenteel / structureel" text`), not of figures.
    pub text: bool,
    pub span: Span,
}

impl Column {
    pub fn year(&self) -> Option<u16> {
        match self.key {
            ColumnKey::Year(y) => Some(y),
            ColumnKey::Named(_) => None,
        }
    }

    /// How messages name the column: its heading, else its kind and year, else its key.
    pub fn title(&self) -> String {
        match (&self.label, &self.kind) {
            (Some(l), _) => l.clone(),
            (None, Some(k)) => format!("{k} {}{}", self.key, self.mark.as_deref().unwrap_or("")),
            (None, None) => format!("{}{}", self.key, self.mark.as_deref().unwrap_or("")),
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub enum CellValue {
    /// `-`: printed as nothing, which a table means as zero.
    Empty,
    /// `n.v.t.`: no figure in this column; not declared, not counted.
    NotApplicable,
    /// P.M., `-PM` with a sign.
    Pm { negative: bool },
    /// A figure as printed, in the row's unit. For euros, multiplied by the table's scale once
    /// `resolve` has run (its decimals, `Decimal::scale`, stay those printed).
    Number(Decimal),
    /// A figure grip could not read (reported where it stands); totals that add it cannot be
    /// checked.
    Unreadable,
    /// Text in a text column (`"S"`); never a figure.
    Text(String),
}

#[derive(Debug, Clone, Serialize)]
pub struct Cell {
    pub value: CellValue,
    pub span: Span,
    /// The voordeel / nadeel mark printed after the figure (`445 V`): the figure's sign follows
    /// from it and the table's sign convention.
    pub mark: Option<Mark>,
}

/// A voordeel (V) or nadeel (N) mark after a figure.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub enum Mark {
    /// V: voordeel, the figure helps the balance.
    Favourable,
    /// N: nadeel, the figure hurts the balance.
    Adverse,
}

impl Mark {
    /// The letter the document prints.
    pub fn letter(self) -> char {
        match self {
            Mark::Favourable => 'V',
            Mark::Adverse => 'N',
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub enum Sign {
    Plus,
    Minus,
}

/// The right-hand side of a declared total row.
#[derive(Debug, Clone, Serialize)]
pub enum Expr {
    /// A row of this table (`formatie`) or of another (`C1.2.formatie`).
    Row(Spanned<String>),
    /// `sum`: every plain row above it in this table, up to the previous total. In a total
    /// column: every plain column before it, up to the previous total column.
    Sum(Span),
    /// `sum below`: every plain row after it, up to the next total.
    SumBelow(Span),
    /// `savings` or `savings(A)`: the yearly savings of all measures, or of a group.
    Savings(Option<Spanned<String>>, Span),
    /// `costs` or `costs(A)`: the yearly costs of measures.
    Costs(Option<Spanned<String>>, Span),
    /// `cumulative(x)`: the running total of x over the columns.
    Cumulative(Box<Expr>, Span),
    /// `previous(x)`: x in the column before this one.
    Previous(Box<Expr>, Span),
    /// Terms added and subtracted.
    Terms(Vec<(Sign, Expr)>, Span),
}

impl Expr {
    pub fn span(&self) -> Span {
        match self {
            Expr::Row(r) => r.span,
            Expr::Sum(s) | Expr::SumBelow(s) | Expr::Savings(_, s) | Expr::Costs(_, s) => *s,
            Expr::Cumulative(_, s) | Expr::Previous(_, s) | Expr::Terms(_, s) => *s,
        }
    }
}

#[derive(Debug, Clone, Serialize)]
pub struct Row {
    pub id: Spanned<String>,
    pub label: Spanned<String>,
    pub unit: Option<Spanned<Unit>>,
    pub role: Option<Spanned<Role>>,
    pub taakvelden: Vec<Spanned<String>>,
    /// `Some` for a declared total or derived row (`total x "X" = a + b : ...`).
    pub formula: Option<Expr>,
    pub cells: Vec<Cell>,
    pub span: Span,
}

/// What a positive figure means in a table, as its footnote says: `sign + = adverse`
/// ("+ = nadeel") or `sign + = favourable` ("+ = voordeel"; `- = adverse` means the same).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub enum SignRule {
    PlusAdverse,
    PlusFavourable,
}

#[derive(Debug, Clone, Serialize)]
pub struct Table {
    pub id: Spanned<String>,
    pub title: Spanned<String>,
    pub unit: Option<Spanned<Unit>>,
    /// `in € 1.000`: the scale of the table's euro figures.
    pub scale: Option<Spanned<Scale>>,
    pub role: Option<Spanned<Role>>,
    pub sign: Option<Spanned<SignRule>>,
    pub columns: Vec<Column>,
    pub columns_span: Span,
    pub rows: Vec<Row>,
    pub descriptions: Vec<Spanned<String>>,
    pub span: Span,
}
