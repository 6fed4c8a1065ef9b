//! Diagnostics are data: one variant of [`Problem`] per kind of problem, with the spans and
//! figures it concerns. Every message, label, help line and code is written here, in one place,
//! so the checker never formats a sentence and every output (human, short, JSON, editor) says
//! the same thing.

use crate::resolve::FaultReason;
use crate::syntax::ast::{Date, Span, Unit};
use crate::syntax::number::{format_dutch, NumberError};
use rust_decimal::Decimal;
use serde::Serialize;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Error,
    Warning,
    Note,
}

impl Severity {
    pub fn word(self) -> &'static str {
        match self {
            Severity::Error => "error",
            Severity::Warning => "warning",
            Severity::Note => "note",
        }
    }
}

/// One term of a recomputed total, for the "lines that were added" label.
#[derive(Debug, Clone, PartialEq)]
pub struct Term {
    pub label: String,
    pub value: TermValue,
    pub negated: bool,
    pub span: Span,
    /// The step the figure was printed in, when it was printed in a scale (`in € 1.000`):
    /// half of it is the rounding the printed figure may hide.
    pub printed_unit: Option<Decimal>,
}

/// What a term of a total holds.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum TermValue {
    Known(Decimal),
    /// Not known yet: a total counts only the known amounts, and says which it left out.
    Pm {
        negative: bool,
    },
    /// A figure that cannot be known because of an error where it is written.
    Faulty(FaultReason),
}

impl TermValue {
    pub fn known(&self) -> Option<Decimal> {
        match self {
            TermValue::Known(v) => Some(*v),
            _ => None,
        }
    }
}

impl FaultReason {
    /// Why the figure cannot be used, in a few words.
    pub fn words(self) -> &'static str {
        match self {
            FaultReason::Unreadable => "a figure grip cannot read",
            FaultReason::WrongUnit => "an amount in the wrong unit",
            FaultReason::YearOutsidePeriod => "a year outside the plan's period",
            FaultReason::WrongCellCount => "more or fewer figures than the table has columns",
        }
    }

    /// The same, as a label under the cause.
    pub fn label(self) -> &'static str {
        match self {
            FaultReason::Unreadable => "cannot be read",
            FaultReason::WrongUnit => "wrong unit",
            FaultReason::YearOutsidePeriod => "outside the period",
            FaultReason::WrongCellCount => "figures do not match the columns",
        }
    }
}

/// A recomputed figure, as reported in JSON.
#[derive(Debug, Clone, PartialEq)]
pub struct Figure {
    pub declared: Decimal,
    pub computed: Decimal,
    pub unit: Unit,
    /// The year (or named column) the figure is for.
    pub year: Option<String>,
}

/// A taakveld with its name, for help lines.
#[derive(Debug, Clone, PartialEq)]
pub struct NamedCode {
    pub code: String,
    pub name: String,
}

/// Every kind of problem grip reports.
#[derive(Debug, Clone, PartialEq)]
pub enum Problem {
    Syntax {
        span: Span,
        expected: Vec<String>,
        found: Option<String>,
        hint: Option<String>,
    },
    UnclosedBlock {
        span: Span,
        opened: Span,
        what: String,
    },
    BadNumber {
        span: Span,
        text: String,
        error: NumberError,
    },
    BadDate {
        span: Span,
        text: String,
    },
    DuplicateField {
        span: Span,
        first: Span,
        field: &'static str,
        owner: String,
    },
    DuplicateId {
        kind: &'static str,
        id: String,
        span: Span,
        first: Span,
    },
    UnknownReference {
        kind: &'static str,
        name: String,
        span: Span,
        suggestion: Option<String>,
    },
    UnknownTaakveld {
        code: String,
        span: Span,
        nearest: Vec<NamedCode>,
    },
    ExpiredTaakveld {
        code: String,
        span: Span,
        year: u16,
        replaced_by: Vec<NamedCode>,
    },
    YearOutsidePeriod {
        year: u16,
        span: Span,
        first: u16,
        last: u16,
        period: Span,
    },
    OverlappingYears {
        measure: String,
        year: u16,
        span: Span,
        other: Span,
    },
    StartAfterEnd {
        start: Date,
        end: Date,
        start_span: Span,
        end_span: Span,
    },
    ReversedPeriod {
        first: u16,
        last: u16,
        span: Span,
    },
    UnsupportedCurrency {
        currency: String,
        span: Span,
    },
    ReversedColumns {
        first: u16,
        last: u16,
        span: Span,
    },
    TooManyColumns {
        first: u16,
        last: u16,
        span: Span,
        limit: u16,
    },
    WrongUnit {
        span: Span,
        expected: Unit,
        found: Unit,
        what: String,
    },
    SavingsNeedYear {
        span: Span,
        column: String,
    },
    UnitMismatch {
        span: Span,
        expected: Unit,
        found: Unit,
        expected_span: Option<Span>,
        context: String,
    },
    PercentOver100 {
        span: Span,
        value: Decimal,
    },
    SavingExceedsBudget {
        measure: String,
        saving: Decimal,
        budget: Decimal,
        span: Span,
        budget_span: Span,
    },
    TotalMismatch {
        label: String,
        parts: &'static str,
        span: Span,
        formula: Span,
        figure: Figure,
        terms: Vec<Term>,
        /// P.M. items among the lines: not counted (as documents count them).
        pm_items: Vec<(String, Span)>,
    },
    TotalWithinTolerance {
        label: String,
        parts: &'static str,
        span: Span,
        figure: Figure,
        tolerance: Decimal,
    },
    TotalRounded {
        label: String,
        parts: &'static str,
        span: Span,
        figure: Figure,
    },
    TotalUnverifiable {
        label: String,
        span: Span,
        year: Option<String>,
        missing: String,
        missing_span: Span,
    },
    PmInTotal {
        label: String,
        span: Span,
        pm_items: Vec<(String, Span)>,
    },
    ShareMismatch {
        measure: String,
        percent: Decimal,
        budget: Decimal,
        expected: Decimal,
        stated: Decimal,
        share_span: Span,
        amount_span: Span,
    },
    OutsideRange {
        measure: String,
        amount: Decimal,
        low: Decimal,
        high: Decimal,
        span: Span,
        range: Span,
    },
    TargetNotMet {
        group: String,
        year: u16,
        target: Decimal,
        reached: Decimal,
        span: Span,
    },
    TargetUnverifiable {
        group: String,
        year: u16,
        target: Decimal,
        reached: Decimal,
        span: Span,
        pm_items: Vec<(String, Span)>,
    },
    NoOwner {
        measure: String,
        span: Span,
        example: Span,
    },
    NoPlanHeader {
        span: Span,
    },
    NoPeriod {
        span: Span,
    },
    IncludeNotFound {
        path: String,
        span: Span,
        reason: String,
    },
    IncludeCycle {
        path: String,
        span: Span,
        chain: Vec<String>,
    },
    WrongCellCount {
        span: Span,
        found: usize,
        expected: usize,
        columns: Span,
    },
    CycleInFormula {
        row: String,
        span: Span,
    },
    TooDeep {
        span: Span,
        limit: usize,
    },
    IncludeOutside {
        path: String,
        span: Span,
    },
    BadScale {
        span: Span,
    },
    IncludedTwice {
        path: String,
        span: Span,
        /// The include that read it first (None: it is the plan's own file).
        first: Option<Span>,
    },
    EuroSignInRow {
        span: Span,
        unit: Unit,
        row: String,
    },
    /// A total or target that cannot be checked because a figure it adds has an error of its
    /// own (the cause, reported there).
    Unverifiable {
        what: String,
        target: bool,
        span: Span,
        years: Vec<String>,
        cause: Span,
        /// What has the fault: "measure W.2", "“Formatie”".
        part: String,
        reason: FaultReason,
    },
    NotInColumnTotal {
        span: Span,
        term: &'static str,
    },
    /// A total printed in a scale (`in € 1.000`) that differs from its lines by no more than
    /// the rounding of the printed figures can explain.
    TotalRoundedInScale {
        label: String,
        parts: &'static str,
        span: Span,
        figure: Figure,
        /// The printed step (€ 1.000), how many printed figures were rounded to it, and how
        /// far together they may be off.
        step: Decimal,
        rounded: usize,
        allowance: Decimal,
    },
}

/// A label on the source: the primary one says what is wrong here; secondary ones give context.
#[derive(Debug, Clone, PartialEq)]
pub struct Label {
    pub span: Span,
    pub text: String,
    pub primary: bool,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Diagnostic {
    pub problem: Problem,
}

impl From<Problem> for Diagnostic {
    fn from(problem: Problem) -> Self {
        Diagnostic { problem }
    }
}

/// A sum label lists at most this many of its terms.
const MAX_SUM_TERMS: usize = 12;

fn eur_or(unit: &Unit, v: Decimal) -> String {
    match unit {
        // A figure in millions (`€ 1,5 mln`) is whole euros: no ",0" after it.
        Unit::Euro if v.fract().is_zero() => format!("€ {}", format_dutch(v.normalize())),
        Unit::Euro => format!("€ {}", format_dutch(v)),
        Unit::Percent => format!("{}%", format_dutch(v)),
        Unit::Count(None) => format_dutch(v),
        other => format!("{} {}", format_dutch(v), other),
    }
}

fn eur(v: Decimal) -> String {
    format!("€ {}", format_dutch(v))
}

fn list_codes(codes: &[NamedCode]) -> String {
    codes.iter().map(|c| format!("{} {}", c.code, c.name)).collect::<Vec<_>>().join(", ")
}

fn or_list(items: &[String]) -> String {
    match items {
        [] => String::new(),
        [one] => one.clone(),
        [init @ .., last] => format!("{} or {}", init.join(", "), last),
    }
}

fn year_suffix(year: &Option<String>) -> String {
    match year {
        Some(y) if y.len() == 4 && y.bytes().all(|b| b.is_ascii_digit()) => format!(" in {y}"),
        Some(column) => format!(" in the column “{column}”"),
        None => String::new(),
    }
}

impl Diagnostic {
    pub fn severity(&self) -> Severity {
        use Problem::*;
        match &self.problem {
            TotalWithinTolerance { .. }
            | TotalRounded { .. }
            | TotalRoundedInScale { .. }
            | TotalUnverifiable { .. }
            | Unverifiable { .. }
            | PmInTotal { .. } => Severity::Note,
            TargetUnverifiable { .. } | NoOwner { .. } | NoPlanHeader { .. } | NoPeriod { .. } => Severity::Warning,
            _ => Severity::Error,
        }
    }

    /// Whether `grip eval` must refuse the plan over this problem (without `--allow-errors`).
    /// Errors in what the plan *claims* (printed totals, shares, targets, ranges, references
    /// between measures, taakveld codes, dates) do not block: the evaluator computes its own
    /// figures from the measures and lines, and `check` reports where the document differs.
    /// Errors that make the plan unreadable or its figures ambiguous do.
    pub fn blocks_evaluation(&self) -> bool {
        use Problem::*;
        self.severity() == Severity::Error
            && !matches!(
                &self.problem,
                TotalMismatch { .. }
                    | ShareMismatch { .. }
                    | TargetNotMet { .. }
                    | OutsideRange { .. }
                    | SavingExceedsBudget { .. }
                    | UnknownReference { kind: "measure", .. }
                    | UnknownTaakveld { .. }
                    | ExpiredTaakveld { .. }
                    | StartAfterEnd { .. }
                    | NotInColumnTotal { .. }
            )
    }

    /// The stable code, `grip::...`. Documented in docs/diagnostics.md; never renamed.
    pub fn code(&self) -> &'static str {
        use Problem::*;
        match &self.problem {
            Syntax { .. } => "grip::syntax",
            UnclosedBlock { .. } => "grip::unclosed_block",
            BadNumber { .. } => "grip::number_notation",
            BadDate { .. } => "grip::invalid_date",
            DuplicateField { .. } => "grip::duplicate_field",
            DuplicateId { .. } => "grip::duplicate_id",
            UnknownReference { .. } => "grip::unknown_reference",
            UnknownTaakveld { .. } => "grip::unknown_taakveld",
            ExpiredTaakveld { .. } => "grip::expired_taakveld",
            YearOutsidePeriod { .. } => "grip::year_outside_period",
            OverlappingYears { .. } => "grip::overlapping_years",
            StartAfterEnd { .. } => "grip::start_after_end",
            ReversedPeriod { .. } => "grip::reversed_period",
            ReversedColumns { .. } => "grip::reversed_columns",
            UnsupportedCurrency { .. } => "grip::unsupported_currency",
            TooManyColumns { .. } => "grip::too_many_columns",
            WrongUnit { .. } => "grip::unit_mismatch",
            SavingsNeedYear { .. } => "grip::savings_need_year",
            UnitMismatch { .. } => "grip::unit_mismatch",
            PercentOver100 { .. } => "grip::percent_over_100",
            SavingExceedsBudget { .. } => "grip::saving_exceeds_budget",
            TotalMismatch { .. } => "grip::total_mismatch",
            TotalWithinTolerance { .. } => "grip::total_within_tolerance",
            TotalRounded { .. } => "grip::total_rounded",
            TotalUnverifiable { .. } => "grip::total_unverifiable",
            PmInTotal { .. } => "grip::pm_in_total",
            ShareMismatch { .. } => "grip::share_mismatch",
            OutsideRange { .. } => "grip::outside_range",
            TargetNotMet { .. } => "grip::target_not_met",
            TargetUnverifiable { .. } => "grip::target_unverifiable",
            NoOwner { .. } => "grip::no_owner",
            NoPlanHeader { .. } => "grip::no_plan_header",
            NoPeriod { .. } => "grip::no_period",
            IncludeNotFound { .. } => "grip::include_not_found",
            IncludeCycle { .. } => "grip::include_cycle",
            WrongCellCount { .. } => "grip::wrong_cell_count",
            CycleInFormula { .. } => "grip::formula_cycle",
            TooDeep { .. } => "grip::nested_too_deeply",
            IncludeOutside { .. } => "grip::include_outside",
            BadScale { .. } => "grip::invalid_scale",
            IncludedTwice { .. } => "grip::include_twice",
            EuroSignInRow { .. } => "grip::unit_mismatch",
            Unverifiable { target: true, .. } => "grip::target_unverifiable",
            Unverifiable { target: false, .. } => "grip::total_unverifiable",
            NotInColumnTotal { .. } => "grip::column_total",
            TotalRoundedInScale { .. } => "grip::total_rounded",
        }
    }

    /// The span the diagnostic is about (its primary label).
    pub fn span(&self) -> Span {
        self.labels().into_iter().find(|l| l.primary).map(|l| l.span).unwrap_or_default()
    }

    pub fn message(&self) -> String {
        use Problem::*;
        match &self.problem {
            Syntax { expected, found, .. } => {
                let found = found.as_ref().map(|f| format!(", found {f}")).unwrap_or_default();
                if expected.is_empty() {
                    format!("grip cannot read this line{found}")
                } else {
                    format!("expected {}{found}", or_list(expected))
                }
            }
            UnclosedBlock { what, .. } => format!("{what} is never closed with `}}`"),
            BadNumber { text, error, .. } => format!("{}: `{text}`", error.message()),
            BadDate { text, .. } => format!("`{text}` is not a valid date"),
            DuplicateField { field, owner, .. } => format!("{owner} gives `{field}` twice"),
            DuplicateId { kind, id, .. } => format!("there are two {kind}s with the id `{id}`"),
            UnknownReference { kind, name, .. } => format!("there is no {kind} `{name}`"),
            UnknownTaakveld { code, .. } => format!("`{code}` is not a taakveld code"),
            ExpiredTaakveld { code, year, .. } => {
                format!("taakveld {code} no longer exists for {year}: it was split in 2023")
            }
            YearOutsidePeriod { year, first, last, .. } => {
                format!("{year} is outside the plan's period {first}..{last}")
            }
            OverlappingYears { measure, year, .. } => {
                format!("measure {measure} states two amounts of the same kind for {year}")
            }
            StartAfterEnd { start, end, .. } => format!("the start date {start} is after the end date {end}"),
            ReversedPeriod { first, last, .. } => format!("the period starts in {first} but ends earlier, in {last}"),
            ReversedColumns { first, last, .. } => {
                format!("the columns run backwards, from {first} to the earlier year {last}")
            }
            UnsupportedCurrency { currency, .. } => {
                format!("the plan says its currency is {currency}, but grip reads every amount as euros")
            }
            TooManyColumns { first, last, limit, .. } => {
                format!(
                    "the columns {first}..{last} span {} years; a table can have at most {limit} year columns",
                    last - first + 1
                )
            }
            WrongUnit { expected, found, what, .. } => {
                format!("{what} must be in {}, not in {}", expected.words(), found.words())
            }
            SavingsNeedYear { column, .. } => {
                format!("`savings` and `costs` are yearly figures, but the column “{column}” is not a year")
            }
            UnitMismatch { expected, found, context, .. } => {
                format!("{context} mixes {} and {}, which cannot be added", expected.words(), found.words())
            }
            PercentOver100 { value, .. } if *value < Decimal::ZERO => {
                format!("a share cannot be negative: {}%", format_dutch(*value))
            }
            PercentOver100 { value, .. } => {
                format!("a share of {}% is more than the whole budget", format_dutch(*value))
            }
            SavingExceedsBudget { measure, saving, budget, .. } => {
                format!("measure {measure} saves {} but its budget is only {}", eur(*saving), eur(*budget))
            }
            TotalMismatch { label, parts, figure, .. } => format!(
                "{label}{} is {}, but {parts} add up to {}",
                year_suffix(&figure.year),
                eur_or(&figure.unit, figure.declared),
                eur_or(&figure.unit, figure.computed)
            ),
            TotalWithinTolerance { label, parts, figure, .. } => format!(
                "{label}{} is {}, {parts} add up to {}: within the plan's tolerance",
                year_suffix(&figure.year),
                eur_or(&figure.unit, figure.declared),
                eur_or(&figure.unit, figure.computed)
            ),
            TotalRounded { label, figure, .. } => format!(
                "{label}{} is printed as {}, rounded from {}",
                year_suffix(&figure.year),
                eur_or(&figure.unit, figure.declared),
                eur_or(&figure.unit, figure.computed)
            ),
            TotalUnverifiable { label, year, missing, .. } => {
                format!("{label}{} cannot be checked: {missing}", year_suffix(year))
            }
            PmInTotal { label, pm_items, .. } => format!(
                "{label} adds {} P.M. item{}: grip compared the known amounts, as the document counts them",
                pm_items.len(),
                if pm_items.len() == 1 { "" } else { "s" }
            ),
            ShareMismatch { measure, percent, budget, expected, stated, .. } => format!(
                "measure {measure}: {}% of {} is {}, not {}",
                format_dutch(*percent),
                eur(*budget),
                eur(*expected),
                eur(*stated)
            ),
            OutsideRange { measure, amount, low, high, .. } => format!(
                "measure {measure} saves {}, outside its stated range {} – {}",
                eur(*amount),
                eur(*low),
                eur(*high)
            ),
            TargetNotMet { group, year, target, reached, .. } => format!(
                "the measures of {group} save {} in {year}, short of its target {} by {}",
                eur(*reached),
                eur(*target),
                eur(*target - *reached)
            ),
            TargetUnverifiable { group, year, pm_items, target, reached, .. } if reached >= target => format!(
                "the known savings of {group} in {year} are {}, enough for its target {}, but {} P.M. item{} that lower{} them could bring them below it",
                eur(*reached),
                eur(*target),
                pm_items.len(),
                if pm_items.len() == 1 { "" } else { "s" },
                if pm_items.len() == 1 { "s" } else { "" }
            ),
            TargetUnverifiable { group, year, pm_items, target, reached, .. } => format!(
                "the known savings of {group} in {year} are {}, short of its target {}: {} P.M. item{} would have to bring {}",
                eur(*reached),
                eur(*target),
                pm_items.len(),
                if pm_items.len() == 1 { "" } else { "s" },
                eur(*target - *reached)
            ),
            NoOwner { measure, .. } => format!("measure {measure} has no owner"),
            NoPlanHeader { .. } => "this plan has no `plan` header".into(),
            NoPeriod { .. } => "the plan header does not say which years the plan covers".into(),
            IncludeNotFound { path, reason, .. } => format!("cannot include `{path}`: {reason}"),
            IncludeCycle { chain, .. } => format!("the plan's files include each other: {}", chain.join(" → ")),
            WrongCellCount { found, expected, .. } => format!(
                "this row has {found} figure{} but the table has {expected} column{}",
                if *found == 1 { "" } else { "s" },
                if *expected == 1 { "" } else { "s" }
            ),
            CycleInFormula { row, .. } => format!("the total `{row}` depends on itself"),
            TooDeep { limit, .. } => format!("blocks are nested more than {limit} deep here"),
            IncludeOutside { path, .. } => format!("`{path}` is outside the plan's folder, so grip does not read it"),
            BadScale { .. } => "a scale of print must be € 1 followed by zeros, like € 1.000, or € 1 mln".into(),
            IncludedTwice { path, first: None, .. } => {
                format!("`{path}` is the plan's own file; a plan cannot include itself")
            }
            IncludedTwice { path, .. } => format!("`{path}` is already part of the plan; a file is included once"),
            EuroSignInRow { unit, row, .. } => {
                format!("this figure has a euro sign, but {row} is in {}", unit.words())
            }
            Unverifiable { what, years, reason, part, .. } => {
                format!("{what}{} cannot be checked: {part}, which it adds, has {}", years_suffix(years), reason.words())
            }
            NotInColumnTotal { term, .. } => {
                format!("a column total adds columns of its own row, so it cannot use `{term}`")
            }
            TotalRoundedInScale { label, parts, figure, .. } => format!(
                "{label}{} is printed as {}, {parts} add up to {}: a difference rounding explains",
                year_suffix(&figure.year),
                eur_or(&figure.unit, figure.declared),
                eur_or(&figure.unit, figure.computed)
            ),
        }
    }

    pub fn help(&self) -> Option<String> {
        use Problem::*;
        Some(match &self.problem {
            Syntax { hint, .. } => return hint.clone(),
            UnclosedBlock { .. } => "add a `}` where the block ends".into(),
            BadNumber { error, .. } => error.help(),
            BadDate { .. } => "write a date as year-month-day, like 2021-04-28, or year-month, like 2020-08".into(),
            DuplicateField { field, .. } => format!("keep one `{field}` line and remove the other"),
            DuplicateId { kind, .. } => format!("give each {kind} its own id"),
            UnknownReference { suggestion: Some(s), .. } => format!("did you mean `{s}`?"),
            UnknownReference { kind, .. } => format!("check the spelling, or declare the {kind} first"),
            UnknownTaakveld { nearest, .. } if !nearest.is_empty() => {
                format!("the nearest valid codes are {}", list_codes(nearest))
            }
            UnknownTaakveld { .. } => "use a BBV taakveld code, like 6.3 or 6.72".into(),
            ExpiredTaakveld { replaced_by, .. } => {
                format!("from 2023 use one of {}", list_codes(replaced_by))
            }
            YearOutsidePeriod { .. } => {
                "correct the year, or widen the `period` in the plan header".into()
            }
            OverlappingYears { .. } => {
                "keep one amount for that year; for a ramp, write `in` for the first year and `from` for the next".into()
            }
                        StartAfterEnd { .. } => "swap the dates, or correct the one that is wrong".into(),
            ReversedPeriod { first, last, .. } => format!("write the first year first: period {last}..{first}"),
            ReversedColumns { first, last, .. } => format!(
                "write the first year first: columns {last}..{first}, and the figures of every row in that order"
            ),
            TooManyColumns { .. } => "check both years of the span: one of them is probably mistyped".into(),
            UnsupportedCurrency { .. } => {
                "write `currency EUR`, or leave the line out: a plan's figures are in euros".into()
            }
            WrongUnit { expected, .. } => format!("write the amount in {}, like € 45.600", expected.words()),
            SavingsNeedYear { .. } => "use `savings` only in a table whose columns are years".into(),
            UnitMismatch { expected, .. } => format!("write every figure here in {}, or move the other figures to their own row", expected.words()),
            PercentOver100 { .. } => "a share is between 0% and 100% of the budget it acts on".into(),
            SavingExceedsBudget { .. } => {
                "check the saving and the budget: a measure cannot save more than the budget it acts on".into()
            }
            TotalMismatch { figure, parts, pm_items, .. } => {
                let diff = figure.declared - figure.computed;
                let pm = match pm_items.len() {
                    0 => String::new(),
                    1 => " (the P.M. item counts as nil, as in the document)".to_string(),
                    _ => " (P.M. items count as nil, as in the document)".to_string(),
                };
                format!(
                    "the printed total is {} {} than {parts}{pm}; correct the total, or the figure that is wrong",
                    eur_or(&figure.unit, diff.abs()),
                    if diff > Decimal::ZERO { "more" } else { "less" }
                )
            }
            TotalWithinTolerance { tolerance, figure, .. } => format!(
                "the difference of {} is within the tolerance of {}; nothing to do unless the figures should match exactly",
                eur_or(&figure.unit, figure.declared - figure.computed),
                eur_or(&figure.unit, *tolerance)
            ),
            TotalRounded { .. } => "the total is the sum rounded for print; nothing to do".into(),
            TotalUnverifiable { .. } => "add the missing figure to check this total".into(),
            PmInTotal { .. } => {
                "nothing to do; when an amount is known, replace its P.M. and grip checks the total with it".into()
            }
            ShareMismatch { percent, expected, .. } => format!(
                "if the saving is {}%, write {}; otherwise correct the share",
                format_dutch(*percent),
                eur(*expected)
            ),
            OutsideRange { .. } => "correct the amount, or widen the range".into(),
            TargetNotMet { .. } => "add measures, raise their savings, or lower the target".into(),
            TargetUnverifiable { .. } => "replace P.M. by an estimate to verify the target".into(),
            NoOwner { .. } => "add `owner \"...\"`: the other measures in this plan have one".into(),
            NoPlanHeader { .. } => "start the plan with `plan \"Title\" { period 2021..2024 }`; a file that another plan includes can say so instead: `part of \"main.plan\"`".into(),
            NoPeriod { .. } => "add `period 2021..2024` (the first and last year) to the plan header".into(),
            IncludeNotFound { .. } => "check the path; it is relative to the file that includes it".into(),
                        IncludeCycle { path, .. } => format!("remove this include of `{path}`, or the include that leads back here"),
            WrongCellCount { .. } => "give one figure per column; write `-` for an empty cell".into(),
            CycleInFormula { .. } => "a total can only add rows that do not depend on it".into(),
            TooDeep { .. } => "a plan needs only a few levels of groups; check for `{` without a matching `}`".into(),
            IncludeOutside { .. } => {
                "move the file into the plan's folder, or run grip check with --allow-outside-includes if you trust it".into()
            }
            IncludedTwice { .. } => {
                "remove this include: the file's measures and tables would count twice".into()
            }
            BadScale { .. } => {
                "write the scale the document states: `in € 1.000` for \"bedragen x € 1.000\", `in € 1 mln` for millions".into()
            }
            EuroSignInRow { unit, .. } => {
                format!("remove the `€`, or give the row its unit: a figure in this row is in {}", unit.words())
            }
            Unverifiable { reason, target, .. } => format!(
                "correct what is marked “{}” first; grip then checks this {}",
                reason.label(),
                if *target { "target" } else { "total" }
            ),
            NotInColumnTotal { .. } => {
                "name the columns it adds (`= lasten - baten`), or write `sum` for the columns before it".into()
            }
            TotalRoundedInScale { step, rounded, allowance, .. } => format!(
                "the figures are rounded to {}, so each may be up to half of that off; {rounded} rounded figure{} together may be {} off, so this difference is rounding; nothing to do",
                eur(step.normalize()),
                if *rounded == 1 { "" } else { "s" },
                eur(allowance.normalize())
            ),
        })
    }

    pub fn labels(&self) -> Vec<Label> {
        use Problem::*;
        let p = |span: Span, text: String| Label { span, text, primary: true };
        let s = |span: Span, text: String| Label { span, text, primary: false };
        match &self.problem {
            Syntax { span, expected, .. } => {
                let short = or_list(expected);
                let text = if expected.is_empty() || short.len() > 48 {
                    "not expected here".to_string()
                } else {
                    format!("expected {short}")
                };
                vec![p(*span, text)]
            }
            UnclosedBlock { span, opened, .. } => {
                vec![
                    p(*opened, "this block is opened here".into()),
                    s(*span, "the file ends before it is closed".into()),
                ]
            }
            BadNumber { span, error, .. } => vec![p(*span, error.label().into())],
            BadDate { span, .. } => vec![p(*span, "not a date".into())],
            DuplicateField { span, first, field, .. } => {
                vec![p(*span, format!("second `{field}`")), s(*first, "first given here".into())]
            }
            DuplicateId { span, first, .. } => {
                vec![p(*span, "used again here".into()), s(*first, "first used here".into())]
            }
            UnknownReference { span, kind, .. } => vec![p(*span, format!("unknown {kind}"))],
            UnknownTaakveld { span, .. } => vec![p(*span, "not in the BBV list".into())],
            ExpiredTaakveld { span, .. } => vec![p(*span, "code from before 2023".into())],
            YearOutsidePeriod { span, period, .. } => {
                vec![p(*span, "outside the period".into()), s(*period, "the period is set here".into())]
            }
            OverlappingYears { span, other, year, .. } => {
                vec![p(*span, format!("also applies to {year}")), s(*other, "first amount for that year".into())]
            }
            StartAfterEnd { start_span, end_span, .. } => {
                vec![p(*start_span, "starts here".into()), s(*end_span, "but ends earlier".into())]
            }
            ReversedPeriod { span, .. } => vec![p(*span, "first year after last year".into())],
            ReversedColumns { span, .. } => vec![p(*span, "first year after last year".into())],
            TooManyColumns { span, .. } => vec![p(*span, "too many years".into())],
            UnsupportedCurrency { span, .. } => vec![p(*span, "not euros".into())],
            WrongUnit { span, found, .. } => vec![p(*span, format!("in {found}"))],
            SavingsNeedYear { span, .. } => vec![p(*span, "needs a year column".into())],
            UnitMismatch { span, found, expected, expected_span, .. } => {
                let mut v = vec![p(*span, format!("in {found}"))];
                if let Some(e) = expected_span {
                    v.push(s(*e, format!("in {expected}")));
                }
                v
            }
            PercentOver100 { span, .. } => vec![p(*span, "more than 100%".into())],
            SavingExceedsBudget { span, budget_span, .. } => {
                vec![p(*span, "the saving".into()), s(*budget_span, "the budget".into())]
            }
            TotalMismatch { span, formula, figure, terms, pm_items, .. } => {
                let mut v = vec![p(
                    *span,
                    format!(
                        "printed {}, computed {}",
                        eur_or(&figure.unit, figure.declared),
                        eur_or(&figure.unit, figure.computed)
                    ),
                )];
                let term = |t: &Term| {
                    let v = term_text(&figure.unit, &t.value);
                    if t.negated {
                        format!("− {v}")
                    } else {
                        format!("+ {v}")
                    }
                };
                // A total over thousands of lines would make a label of thousands of figures:
                // show the first and last few and how many there are. P.M. items are not
                // counted, and said so after the sum.
                let terms: Vec<&Term> = terms.iter().filter(|t| !matches!(t.value, TermValue::Pm { .. })).collect();
                let term = |t: &&Term| term(t);
                let sum = if terms.len() > MAX_SUM_TERMS {
                    let head: Vec<String> = terms[..MAX_SUM_TERMS - 2].iter().map(term).collect();
                    let tail: Vec<String> = terms[terms.len() - 2..].iter().map(term).collect();
                    format!("{} … {} ({} lines)", head.join(" "), tail.join(" "), terms.len())
                } else {
                    terms.iter().map(term).collect::<Vec<_>>().join(" ")
                };
                let sum = sum.strip_prefix("+ ").unwrap_or(&sum).to_string();
                let sum = match pm_items.len() {
                    0 => sum,
                    1 => format!("{sum}, without 1 P.M. item"),
                    n => format!("{sum}, without {n} P.M. items"),
                };
                if !(formula.start <= span.start && span.end <= formula.end) {
                    v.push(s(*formula, format!("adds up to {}: {sum}", eur_or(&figure.unit, figure.computed))));
                }
                // Point at the lines that were added when they are near the total; farther
                // ones are listed in the sum above, so the snippet stays short.
                let near = |t: &&&Term| t.span.file == span.file && t.span.start.abs_diff(span.start) <= NEAR_BYTES;
                for t in terms.iter().filter(near).filter(|t| t.span != *formula) {
                    let value = term_text(&figure.unit, &t.value);
                    v.push(s(t.span, format!("{}: {value}", t.label)));
                }
                for (name, sp) in pm_items {
                    v.push(s(*sp, format!("{name}: P.M., not counted")));
                }
                dedup_labels(v)
            }
            TotalWithinTolerance { span, figure, .. } | TotalRounded { span, figure, .. } => {
                vec![p(*span, format!("lines add up to {}", eur_or(&figure.unit, figure.computed)))]
            }
            TotalUnverifiable { span, missing_span, .. } => {
                vec![
                    p(*span, "cannot be recomputed".into()),
                    s(*missing_span, "this has no figure for that year".into()),
                ]
            }
            PmInTotal { span, pm_items, .. } => {
                let mut v = vec![p(*span, "known amounts checked".into())];
                v.extend(pm_items.iter().map(|(name, sp)| s(*sp, format!("{name}: P.M., not counted"))));
                dedup_labels(v)
            }
            ShareMismatch { share_span, amount_span, expected, .. } => vec![
                p(*amount_span, "stated saving".into()),
                s(*share_span, format!("this share is {}", eur(*expected))),
            ],
            OutsideRange { span, range, .. } => {
                vec![p(*span, "outside the range".into()), s(*range, "the range".into())]
            }
            TargetNotMet { span, target, reached, .. } => {
                vec![p(*span, format!("short by {}", eur(*target - *reached)))]
            }
            TargetUnverifiable { span, pm_items, reached, .. } => {
                let mut v = vec![p(*span, format!("known savings: {}", eur(*reached)))];
                v.extend(pm_items.iter().map(|(name, sp)| s(*sp, format!("{name} is P.M."))));
                v
            }
            NoOwner { span, example, .. } => vec![p(*span, "no owner".into()), s(*example, "like this one".into())],
            NoPlanHeader { span } => vec![p(*span, "the plan starts here".into())],
            NoPeriod { span } => vec![p(*span, "no period".into())],
            IncludeNotFound { span, .. } => vec![p(*span, "cannot be read".into())],
            IncludeCycle { span, .. } => vec![p(*span, "included again here".into())],
            WrongCellCount { span, columns, expected, .. } => {
                vec![p(*span, "this row".into()), s(*columns, format!("{expected} columns"))]
            }
            CycleInFormula { span, .. } => vec![p(*span, "refers back to itself".into())],
            TooDeep { span, .. } => vec![p(*span, "too deep".into())],
            IncludeOutside { span, .. } => vec![p(*span, "outside the plan's folder".into())],
            BadScale { span } => vec![p(*span, "not a scale".into())],
            IncludedTwice { span, first, .. } => {
                let mut v = vec![p(*span, "included again".into())];
                v.extend(first.map(|f| s(f, "first included here".into())));
                v
            }
            EuroSignInRow { span, .. } => vec![p(*span, "in euros".into())],
            Unverifiable { span, cause, reason, .. } => {
                vec![p(*span, "not checked".into()), s(*cause, reason.label().into())]
            }
            NotInColumnTotal { span, .. } => vec![p(*span, "not a column".into())],
            TotalRoundedInScale { span, figure, .. } => {
                vec![p(*span, format!("lines add up to {}", eur_or(&figure.unit, figure.computed)))]
            }
        }
    }

    /// The recomputed figure, where there is one (for JSON).
    pub fn figure(&self) -> Option<&Figure> {
        use Problem::*;
        match &self.problem {
            TotalMismatch { figure, .. }
            | TotalWithinTolerance { figure, .. }
            | TotalRounded { figure, .. }
            | TotalRoundedInScale { figure, .. } => Some(figure),
            _ => None,
        }
    }

    /// The year a diagnostic concerns, where it is about one year.
    pub fn year(&self) -> Option<String> {
        use Problem::*;
        match &self.problem {
            TotalUnverifiable { year, .. } => year.clone(),
            Unverifiable { years, .. } if years.len() == 1 => years.first().cloned(),
            YearOutsidePeriod { year, .. } | OverlappingYears { year, .. } => Some(year.to_string()),
            TargetNotMet { year, .. } | TargetUnverifiable { year, .. } => Some(year.to_string()),
            _ => self.figure().and_then(|f| f.year.clone()),
        }
    }

    /// A declared and computed pair for problems that compare two amounts (share, target).
    pub fn compared(&self) -> Option<(Decimal, Decimal, Unit)> {
        use Problem::*;
        match &self.problem {
            ShareMismatch { stated, expected, .. } => Some((*stated, *expected, Unit::Euro)),
            TargetNotMet { target, reached, .. } => Some((*target, *reached, Unit::Euro)),
            _ => self.figure().map(|f| (f.declared, f.computed, f.unit.clone())),
        }
    }
}

impl Diagnostic {
    /// The error this diagnostic follows from, if it is a consequence of another one: it is
    /// listed right after that one.
    pub fn cause(&self) -> Option<Span> {
        match &self.problem {
            Problem::Unverifiable { cause, .. } => Some(*cause),
            _ => None,
        }
    }
}

/// A term's figure in a label: `€ 1.000`, `P.M.`, `unreadable`.
fn term_text(unit: &Unit, value: &TermValue) -> String {
    match value {
        TermValue::Known(v) => eur_or(unit, *v),
        TermValue::Pm { negative: true } => "-P.M.".into(),
        TermValue::Pm { negative: false } => "P.M.".into(),
        TermValue::Faulty(_) => "unknown".into(),
    }
}

/// " in 2021", " in 2021 and 2022", " in 2021, 2022 and 2023".
fn years_suffix(years: &[String]) -> String {
    let quoted: Vec<String> = years
        .iter()
        .map(|y| if y.len() == 4 && y.bytes().all(|b| b.is_ascii_digit()) { y.clone() } else { format!("“{y}”") })
        .collect();
    match quoted.as_slice() {
        [] => String::new(),
        [one] => format!(" in {one}"),
        [init @ .., last] => format!(" in {} and {last}", init.join(", ")),
    }
}

/// Terms of a total farther than this from it are not labelled in the snippet.
const NEAR_BYTES: usize = 1200;

fn dedup_labels(labels: Vec<Label>) -> Vec<Label> {
    let mut out: Vec<Label> = Vec::with_capacity(labels.len());
    for l in labels {
        if !out.iter().any(|o| o.span == l.span) {
            out.push(l);
        }
    }
    out
}
