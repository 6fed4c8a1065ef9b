//! Diagnostics are data: one variant of [`Problem`] per kind of problem, with the spans and
//! figures it concerns. Every message, label, help line and code is written here, in one place,
//! so the checker never formats a sentence and every output (human, short, JSON, editor) says
//! the same thing.

use crate::lang::{Lang, Msg};
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
    pub label: Msg,
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
    fn key(self) -> &'static str {
        match self {
            FaultReason::Unreadable => "unreadable",
            FaultReason::WrongUnit => "unit",
            FaultReason::YearOutsidePeriod => "year",
            FaultReason::WrongCellCount => "cells",
            FaultReason::Scale => "scale",
        }
    }

    /// Why the figure cannot be used, in a few words.
    pub fn words(self) -> Msg {
        Msg::id("fault-words").arg("reason", self.key())
    }

    /// The same, as a label under the cause.
    pub fn label(self) -> Msg {
        Msg::id("fault-label").arg("reason", self.key())
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

/// A row a total row's formula leaves out although the printed total counts it: the printed
/// figure is the lines plus that row's figure, in every column.
#[derive(Debug, Clone, PartialEq)]
pub struct Omitted {
    /// The row's id, as the formula would name it.
    pub row: String,
    /// Its label, as the document prints it.
    pub label: String,
    /// Where the row is named.
    pub span: Span,
    /// Where the formula ends: the term is written there.
    pub at: Span,
}

impl Omitted {
    /// The term as it is added to the formula: `+ overig`.
    pub fn term(&self) -> String {
        format!("+ {}", self.row)
    }
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
        expected: Vec<Msg>,
        found: Option<Msg>,
        hint: Option<Msg>,
    },
    UnclosedBlock {
        span: Span,
        opened: Span,
        what: Msg,
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
        owner: Msg,
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
        what: Msg,
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
        context: Msg,
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
        label: Msg,
        parts: Msg,
        span: Span,
        formula: Span,
        figure: Figure,
        terms: Vec<Term>,
        /// P.M. items among the lines: not counted (as documents count them).
        pm_items: Vec<(Msg, Span)>,
        /// The row of the table the formula does not name whose figures are exactly the
        /// difference in every column: the row the total probably means to add.
        omitted: Option<Omitted>,
    },
    TotalWithinTolerance {
        label: Msg,
        parts: Msg,
        span: Span,
        figure: Figure,
        tolerance: Decimal,
    },
    TotalRounded {
        label: Msg,
        parts: Msg,
        span: Span,
        figure: Figure,
    },
    TotalUnverifiable {
        label: Msg,
        span: Span,
        year: Option<String>,
        missing: Msg,
        missing_span: Span,
    },
    PmInTotal {
        label: Msg,
        span: Span,
        pm_items: Vec<(Msg, Span)>,
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
        group: Msg,
        year: u16,
        target: Decimal,
        reached: Decimal,
        span: Span,
    },
    TargetUnverifiable {
        group: Msg,
        year: u16,
        target: Decimal,
        reached: Decimal,
        span: Span,
        pm_items: Vec<(Msg, Span)>,
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
        reason: Msg,
    },
    /// A progress file whose plan cannot be read.
    ProgressPlanNotFound {
        path: String,
        span: Span,
        reason: Msg,
    },
    /// A reporting moment dated before the one written before it.
    MomentOrder {
        moment: String,
        date: Date,
        span: Span,
        previous: String,
        previous_date: Date,
        previous_span: Span,
    },
    PhaseUnknown {
        phase: String,
        span: Span,
    },
    /// A phase lower than at the moment before, without an explanation.
    PhaseBackwards {
        measure: String,
        phase: u8,
        before: u8,
        previous: String,
        span: Span,
        previous_span: Span,
    },
    /// Phase 3 (realised), but less realised than planned in a year.
    RealisedShort {
        measure: String,
        year: u16,
        realised: Decimal,
        planned: Decimal,
        span: Span,
        phase: Span,
    },
    /// A replacement that covers more than the measure's shortfall.
    ReplacementExceeds {
        measure: String,
        year: u16,
        replacement: Decimal,
        shortfall: Decimal,
        span: Span,
    },
    /// A measure due to have started by a moment, on which the moment says nothing.
    ProgressMissing {
        measure: String,
        moment: String,
        due: String,
        span: Span,
        due_span: Span,
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
    /// Text where a table's column holds figures, a figure in a text column, or a text column
    /// named in a total (`what`: the message).
    TextColumn {
        what: &'static str,
        column: String,
        span: Span,
        columns: Span,
    },
    /// A line below the last total of a table that no total adds.
    RowNotAdded {
        row: String,
        table: String,
        span: Span,
        total: Span,
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
        row: Msg,
    },
    /// A total or target that cannot be checked because a figure it adds has an error of its
    /// own (the cause, reported there).
    Unverifiable {
        what: Msg,
        target: bool,
        span: Span,
        years: Vec<String>,
        cause: Span,
        /// What has the fault: "measure W.2", "“Formatie”".
        part: Msg,
        reason: FaultReason,
    },
    NotInColumnTotal {
        span: Span,
        /// The term as the plan writes it (`sum below`, `besparingen`).
        term: String,
    },
    /// A keyword in the other language than the plan's (`maatregel` in a plan written with
    /// English keywords).
    MixedKeywords {
        span: Span,
        found: &'static str,
        /// The same keyword in the plan's language.
        keyword: &'static str,
        lang: Lang,
        /// The word that shows the plan's language first.
        decided: Span,
    },
    /// A total printed in a scale (`in € 1.000`) that differs from its lines by no more than
    /// the rounding of the printed figures can explain.
    TotalRoundedInScale {
        label: Msg,
        parts: Msg,
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

/// A figure with its unit, as documents print it: `€ 1.171.494`, `20%`, `0,6 fte`.
pub fn eur_or(lang: Lang, unit: &Unit, v: Decimal) -> String {
    match unit {
        // A figure in millions (`€ 1,5 mln`) is whole euros: no ",0" after it.
        Unit::Euro if v.fract().is_zero() => format!("€ {}", format_dutch(v.normalize())),
        Unit::Euro => format!("€ {}", format_dutch(v)),
        Unit::Percent => format!("{}%", format_dutch(v)),
        Unit::Count(None) => format_dutch(v),
        other => format!("{} {}", format_dutch(v), unit_name(lang, other)),
    }
}

fn eur(v: Decimal) -> String {
    format!("€ {}", format_dutch(v))
}

/// The unit in a sentence: "must be in euros".
pub fn unit_words(lang: Lang, unit: &Unit) -> String {
    unit_msg("unit-words", unit).render(lang)
}

/// The unit's short name: "in hours", "in fte".
pub fn unit_name(lang: Lang, unit: &Unit) -> String {
    unit_msg("unit-name", unit).render(lang)
}

fn unit_msg(id: &'static str, unit: &Unit) -> Msg {
    let key = match unit {
        Unit::Euro => "euro",
        Unit::Percent => "percent",
        Unit::Count(None) => "count",
        Unit::Fte => "fte",
        Unit::Hours => "hours",
        Unit::Count(Some(_)) => "other",
    };
    Msg::id(id).arg("unit", key).arg("name", unit.name())
}

fn list_codes(codes: &[NamedCode]) -> String {
    codes.iter().map(|c| format!("{} {}", c.code, c.name)).collect::<Vec<_>>().join(", ")
}

/// "a", "a or b", "a, b or c", in a language.
fn or_list(lang: Lang, items: &[String]) -> String {
    crate::lang::list(lang, false, items)
}

/// "a", "a and b", "a, b and c", in a language.
fn and_list(lang: Lang, items: &[String]) -> String {
    crate::lang::list(lang, true, items)
}

fn is_year(y: &str) -> bool {
    y.len() == 4 && y.bytes().all(|b| b.is_ascii_digit())
}

/// " in 2021" or " in the column “Begroting”", to follow the name of a total.
fn year_suffix(lang: Lang, year: &Option<String>) -> String {
    match year {
        Some(y) if is_year(y) => format!(" {}", Msg::id("year-in").arg("year", y).render(lang)),
        Some(column) => format!(" {}", Msg::id("column-in").arg("column", column).render(lang)),
        None => String::new(),
    }
}

/// " in 2021", " in 2021 and 2022", " in 2021, 2022 and 2023".
fn years_suffix(lang: Lang, years: &[String]) -> String {
    let quoted: Vec<String> = years.iter().map(|y| if is_year(y) { y.clone() } else { format!("“{y}”") }).collect();
    if quoted.is_empty() {
        return String::new();
    }
    format!(" {}", Msg::id("year-in").arg("year", and_list(lang, &quoted)).render(lang))
}

/// A term's figure in a label: `€ 1.000`, `P.M.`, `unknown`.
fn term_text(lang: Lang, unit: &Unit, value: &TermValue) -> String {
    match value {
        TermValue::Known(v) => eur_or(lang, unit, *v),
        TermValue::Pm { negative: true } => "-P.M.".into(),
        TermValue::Pm { negative: false } => "P.M.".into(),
        TermValue::Faulty(_) => Msg::id("term-unknown").render(lang),
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
            TargetUnverifiable { .. }
            | NoOwner { .. }
            | NoPlanHeader { .. }
            | NoPeriod { .. }
            | RowNotAdded { .. }
            | ProgressMissing { .. } => Severity::Warning,
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
                    | MixedKeywords { .. }
                    | MomentOrder { .. }
                    | PhaseUnknown { .. }
                    | PhaseBackwards { .. }
                    | RealisedShort { .. }
                    | ReplacementExceeds { .. }
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
            TextColumn { .. } => "grip::text_column",
            RowNotAdded { .. } => "grip::row_not_added",
            IncludedTwice { .. } => "grip::include_twice",
            EuroSignInRow { .. } => "grip::unit_mismatch",
            Unverifiable { target: true, .. } => "grip::target_unverifiable",
            Unverifiable { target: false, .. } => "grip::total_unverifiable",
            NotInColumnTotal { .. } => "grip::column_total",
            TotalRoundedInScale { .. } => "grip::total_rounded",
            MixedKeywords { .. } => "grip::mixed_keywords",
            ProgressPlanNotFound { .. } => "grip::progress_plan_not_found",
            MomentOrder { .. } => "grip::moment_order",
            PhaseUnknown { .. } => "grip::phase_unknown",
            PhaseBackwards { .. } => "grip::phase_backwards",
            RealisedShort { .. } => "grip::realised_short",
            ReplacementExceeds { .. } => "grip::replacement_exceeds",
            ProgressMissing { .. } => "grip::progress_missing",
        }
    }

    /// The span the diagnostic is about (its primary label).
    pub fn span(&self) -> Span {
        use Problem::*;
        // Where [`Diagnostic::labels_in`] puts its primary label, without building the labels (a
        // total's labels format every line it adds). tests/consistency.rs holds the two equal on
        // every diagnostic of every example, fixture and real plan.
        match &self.problem {
            UnclosedBlock { opened, .. } => *opened,
            StartAfterEnd { start_span, .. } => *start_span,
            ShareMismatch { amount_span, .. } => *amount_span,
            RealisedShort { phase, .. } => *phase,
            Syntax { span, .. }
            | BadNumber { span, .. }
            | BadDate { span, .. }
            | DuplicateField { span, .. }
            | DuplicateId { span, .. }
            | UnknownReference { span, .. }
            | UnknownTaakveld { span, .. }
            | ExpiredTaakveld { span, .. }
            | YearOutsidePeriod { span, .. }
            | OverlappingYears { span, .. }
            | ReversedPeriod { span, .. }
            | UnsupportedCurrency { span, .. }
            | ReversedColumns { span, .. }
            | TooManyColumns { span, .. }
            | WrongUnit { span, .. }
            | SavingsNeedYear { span, .. }
            | UnitMismatch { span, .. }
            | SavingExceedsBudget { span, .. }
            | TotalMismatch { span, .. }
            | TotalWithinTolerance { span, .. }
            | TotalRounded { span, .. }
            | TotalUnverifiable { span, .. }
            | PmInTotal { span, .. }
            | OutsideRange { span, .. }
            | TargetNotMet { span, .. }
            | TargetUnverifiable { span, .. }
            | NoOwner { span, .. }
            | NoPlanHeader { span, .. }
            | NoPeriod { span, .. }
            | IncludeNotFound { span, .. }
            | ProgressPlanNotFound { span, .. }
            | MomentOrder { span, .. }
            | PhaseUnknown { span, .. }
            | PhaseBackwards { span, .. }
            | ReplacementExceeds { span, .. }
            | ProgressMissing { span, .. }
            | IncludeCycle { span, .. }
            | WrongCellCount { span, .. }
            | CycleInFormula { span, .. }
            | TooDeep { span, .. }
            | IncludeOutside { span, .. }
            | BadScale { span, .. }
            | TextColumn { span, .. }
            | RowNotAdded { span, .. }
            | IncludedTwice { span, .. }
            | EuroSignInRow { span, .. }
            | Unverifiable { span, .. }
            | NotInColumnTotal { span, .. }
            | MixedKeywords { span, .. }
            | TotalRoundedInScale { span, .. }
            | PercentOver100 { span, .. } => *span,
        }
    }

    /// The diagnostic as a message of the catalogue, with every argument its message, help
    /// and labels use: [`Diagnostic::message_in`], [`Diagnostic::help_in`] and
    /// [`Diagnostic::labels_in`] show it in a language.
    pub fn msg(&self, lang: Lang) -> Msg {
        use Problem::*;
        let m = Msg::id;
        let amount = |unit: &Unit, v: Decimal| eur_or(lang, unit, v);
        let total = |id: &'static str, label: &Msg, parts: Option<&Msg>, figure: &Figure| {
            let msg = m(id)
                .arg("label", label.clone())
                .arg("year", year_suffix(lang, &figure.year))
                .arg("declared", amount(&figure.unit, figure.declared))
                .arg("computed", amount(&figure.unit, figure.computed));
            match parts {
                Some(parts) => msg.arg("parts", parts.clone()),
                None => msg,
            }
        };
        let duplicate_id = |key: &'static str| {
            m("duplicate-id")
                .arg("key", key)
                .arg("kind", m("ref-kind").arg("kind", key))
                .arg("kinds", m("ref-kinds").arg("kind", key))
        };
        match &self.problem {
            Syntax { expected, found, hint: _, .. } => {
                let found_args = |msg: Msg| match found {
                    Some(f) => msg.arg("found", "some").arg("what", f.clone()),
                    None => msg.arg("found", "none"),
                };
                if expected.is_empty() {
                    found_args(m("syntax-unreadable"))
                } else {
                    let list: Vec<String> = expected.iter().map(|e| e.render(lang)).collect();
                    found_args(m("syntax")).arg("expected", or_list(lang, &list))
                }
            }
            UnclosedBlock { what, .. } => m("unclosed-block").arg("what", what.clone()),
            BadNumber { text, error, .. } => error.msg(text),
            BadDate { text, .. } => m("invalid-date").arg("text", text),
            DuplicateField { field, owner, .. } => {
                m("duplicate-field").arg("field", *field).arg("owner", owner.clone())
            }
            DuplicateId { kind: key, id, .. } => duplicate_id(key).arg("id", id),
            UnknownReference { kind: key, name, suggestion, .. } => {
                let msg = m("unknown-reference").arg("kind", m("ref-kind").arg("kind", *key)).arg("name", name);
                match suggestion {
                    Some(s) => msg.arg("suggestion", s),
                    None => msg,
                }
            }
            UnknownTaakveld { code, nearest, .. } => {
                m("unknown-taakveld").arg("code", code).arg("codes", list_codes(nearest))
            }
            ExpiredTaakveld { code, year, replaced_by, .. } => {
                m("expired-taakveld").arg("code", code).arg("year", *year).arg("codes", list_codes(replaced_by))
            }
            YearOutsidePeriod { year, first, last, .. } => {
                m("year-outside-period").arg("year", *year).arg("first", *first).arg("last", *last)
            }
            OverlappingYears { measure, year, .. } => m("overlapping-years").arg("measure", measure).arg("year", *year),
            StartAfterEnd { start, end, .. } => {
                m("start-after-end").arg("start", start.to_string()).arg("end", end.to_string())
            }
            ReversedPeriod { first, last, .. } => m("reversed-period").arg("first", *first).arg("last", *last),
            ReversedColumns { first, last, .. } => m("reversed-columns").arg("first", *first).arg("last", *last),
            UnsupportedCurrency { currency, .. } => m("unsupported-currency").arg("currency", currency),
            TooManyColumns { first, last, limit, .. } => m("too-many-columns")
                .arg("first", *first)
                .arg("last", *last)
                .arg("years", (last - first + 1).to_string())
                .arg("limit", *limit),
            WrongUnit { expected, found, what, .. } => m("wrong-unit")
                .arg("what", what.clone())
                .arg("expected", unit_words(lang, expected))
                .arg("found", unit_words(lang, found))
                .arg("found-name", unit_name(lang, found)),
            SavingsNeedYear { column, .. } => m("savings-need-year").arg("column", column),
            UnitMismatch { expected, found, context, .. } => m("unit-mismatch")
                .arg("context", context.clone())
                .arg("expected", unit_words(lang, expected))
                .arg("found", unit_words(lang, found))
                .arg("expected-name", unit_name(lang, expected))
                .arg("found-name", unit_name(lang, found)),
            PercentOver100 { value, .. } if *value < Decimal::ZERO => {
                m("share-negative").arg("value", format_dutch(*value))
            }
            PercentOver100 { value, .. } => m("share-over-100").arg("value", format_dutch(*value)),
            SavingExceedsBudget { measure, saving, budget, .. } => m("saving-exceeds-budget")
                .arg("measure", measure)
                .arg("saving", eur(*saving))
                .arg("budget", eur(*budget)),
            TotalMismatch { label, parts, figure, pm_items, omitted, .. } => {
                let diff = figure.declared - figure.computed;
                let msg = total("total-mismatch", label, Some(parts), figure)
                    .arg("difference", amount(&figure.unit, diff.abs()))
                    .arg("direction", if diff > Decimal::ZERO { "more" } else { "less" })
                    .arg("pm", pm_items.len());
                match omitted {
                    Some(o) => msg.arg("row", &o.row).arg("row-label", &o.label).arg("term", o.term()),
                    None => msg,
                }
            }
            TotalWithinTolerance { label, parts, figure, tolerance, .. } => {
                total("total-within-tolerance", label, Some(parts), figure)
                    .arg("difference", amount(&figure.unit, figure.declared - figure.computed))
                    .arg("tolerance", amount(&figure.unit, *tolerance))
            }
            TotalRounded { label, figure, .. } => total("total-rounded", label, None, figure),
            TotalRoundedInScale { label, parts, figure, step, rounded, allowance, .. } => {
                total("total-rounded-in-scale", label, Some(parts), figure)
                    .arg("step", eur(step.normalize()))
                    .arg("rounded", *rounded)
                    .arg("allowance", eur(allowance.normalize()))
            }
            TotalUnverifiable { label, year, missing, .. } => m("total-unverifiable")
                .arg("label", label.clone())
                .arg("year", year_suffix(lang, year))
                .arg("missing", missing.clone()),
            PmInTotal { label, pm_items, .. } => {
                m("pm-in-total").arg("label", label.clone()).arg("count", pm_items.len())
            }
            ShareMismatch { measure, percent, budget, expected, stated, .. } => m("share-mismatch")
                .arg("measure", measure)
                .arg("percent", format_dutch(*percent))
                .arg("budget", eur(*budget))
                .arg("expected", eur(*expected))
                .arg("stated", eur(*stated)),
            OutsideRange { measure, amount, low, high, .. } => m("outside-range")
                .arg("measure", measure)
                .arg("amount", eur(*amount))
                .arg("low", eur(*low))
                .arg("high", eur(*high)),
            TargetNotMet { group, year, target, reached, .. } => m("target-not-met")
                .arg("group", group.clone())
                .arg("year", *year)
                .arg("reached", eur(*reached))
                .arg("target", eur(*target))
                .arg("shortfall", eur(*target - *reached)),
            TargetUnverifiable { group, year, pm_items, target, reached, .. } => {
                let id = if reached >= target { "target-unverifiable-lower" } else { "target-unverifiable" };
                m(id)
                    .arg("group", group.clone())
                    .arg("year", *year)
                    .arg("reached", eur(*reached))
                    .arg("target", eur(*target))
                    .arg("shortfall", eur(*target - *reached))
                    .arg("count", pm_items.len())
            }
            NoOwner { measure, .. } => m("no-owner").arg("measure", measure),
            NoPlanHeader { .. } => m("no-plan-header"),
            NoPeriod { .. } => m("no-period"),
            IncludeNotFound { path, reason, .. } => {
                m("include-not-found").arg("path", path).arg("reason", reason.clone())
            }
            IncludeCycle { path, chain, .. } => m("include-cycle").arg("path", path).arg("chain", chain.join(" → ")),
            WrongCellCount { found, expected, .. } => {
                m("wrong-cell-count").arg("found", *found).arg("expected", *expected)
            }
            CycleInFormula { row, .. } => m("formula-cycle").arg("row", row),
            TooDeep { limit, .. } => m("nested-too-deeply").arg("limit", *limit),
            IncludeOutside { path, .. } => m("include-outside").arg("path", path),
            BadScale { .. } => m("invalid-scale"),
            TextColumn { what, column, .. } => m(what).arg("column", column),
            RowNotAdded { row, table, .. } => m("row-not-added").arg("row", row).arg("table", table),
            IncludedTwice { path, first: None, .. } => m("include-self").arg("path", path),
            IncludedTwice { path, .. } => m("include-twice").arg("path", path),
            EuroSignInRow { unit, row, .. } => {
                m("euro-sign-in-row").arg("row", row.clone()).arg("unit", unit_words(lang, unit))
            }
            Unverifiable { what, years, reason, part, target, .. } => m("unverifiable")
                .arg("what", what.clone())
                .arg("years", years_suffix(lang, years))
                .arg("part", part.clone())
                .arg("reason", reason.words())
                .arg("mark", reason.label())
                .arg("target", if *target { "yes" } else { "no" }),
            NotInColumnTotal { term, .. } => m("column-total").arg("term", term),
            MixedKeywords { found, keyword, lang: plan, .. } => m("mixed-keywords")
                .arg("found", *found)
                .arg("keyword", *keyword)
                .arg("plan", plan.code())
                .arg("other", plan.other().code()),
            ProgressPlanNotFound { path, reason, .. } => {
                m("progress-plan-not-found").arg("path", path).arg("reason", reason.clone())
            }
            MomentOrder { moment, date, previous, previous_date, .. } => m("moment-order")
                .arg("moment", moment)
                .arg("date", date.to_string())
                .arg("previous", previous)
                .arg("previous-date", previous_date.to_string()),
            PhaseUnknown { phase, .. } => m("phase-unknown").arg("phase", phase),
            PhaseBackwards { measure, phase, before, previous, .. } => m("phase-backwards")
                .arg("measure", measure)
                .arg("phase", *phase as u16)
                .arg("before", *before as u16)
                .arg("previous", previous),
            RealisedShort { measure, year, realised, planned, .. } => m("realised-short")
                .arg("measure", measure)
                .arg("year", *year)
                .arg("realised", eur(*realised))
                .arg("planned", eur(*planned)),
            ReplacementExceeds { measure, year, replacement, shortfall, .. } => m("replacement-exceeds")
                .arg("measure", measure)
                .arg("year", *year)
                .arg("replacement", eur(*replacement))
                .arg("shortfall", eur(*shortfall)),
            ProgressMissing { measure, moment, due, .. } => {
                m("progress-missing").arg("measure", measure).arg("moment", moment).arg("due", due)
            }
        }
    }

    /// What is wrong, in one sentence.
    pub fn message_in(&self, lang: Lang) -> String {
        self.msg(lang).render(lang)
    }

    /// How to fix it, where grip can say.
    pub fn help_in(&self, lang: Lang) -> Option<String> {
        use Problem::*;
        let msg = self.msg(lang);
        let attr = |id: &'static str, attr: &str| msg.as_id(id).attr(lang, attr);
        Some(match &self.problem {
            Syntax { hint, .. } => return hint.as_ref().map(|h| h.render(lang)),
            UnknownReference { suggestion: Some(_), .. } => msg.attr(lang, "help-suggestion"),
            TotalMismatch { omitted: Some(_), .. } => msg.attr(lang, "help-omitted"),
            UnknownTaakveld { nearest, .. } if !nearest.is_empty() => msg.attr(lang, "help-nearest"),
            // These share the help of the message they are a case of.
            TargetUnverifiable { .. } => attr("target-unverifiable", "help"),
            IncludedTwice { .. } => attr("include-twice", "help"),
            _ => msg.attr(lang, "help"),
        })
    }

    /// Where, as labels on the source: the primary one says what is wrong there.
    pub fn labels_in(&self, lang: Lang) -> Vec<Label> {
        use Problem::*;
        let msg = self.msg(lang);
        let a = |attr: &str| msg.attr(lang, attr);
        let p = |span: Span, text: String| Label { span, text, primary: true };
        let s = |span: Span, text: String| Label { span, text, primary: false };
        match &self.problem {
            Syntax { span, expected, .. } => {
                let list: Vec<String> = expected.iter().map(|e| e.render(lang)).collect();
                let short = or_list(lang, &list);
                let text = if expected.is_empty() || short.len() > 48 { a("label") } else { a("label-expected") };
                vec![p(*span, text)]
            }
            UnclosedBlock { span, opened, .. } => vec![p(*opened, a("label")), s(*span, a("label-end"))],
            DuplicateField { span, first, .. } | DuplicateId { span, first, .. } => {
                vec![p(*span, a("label")), s(*first, a("label-first"))]
            }
            YearOutsidePeriod { span, period, .. } => vec![p(*span, a("label")), s(*period, a("label-period"))],
            OverlappingYears { span, other, .. } => vec![p(*span, a("label")), s(*other, a("label-first"))],
            StartAfterEnd { start_span, end_span, .. } => {
                vec![p(*start_span, a("label")), s(*end_span, a("label-end"))]
            }
            UnitMismatch { span, expected_span, .. } => {
                let mut v = vec![p(*span, a("label"))];
                v.extend(expected_span.map(|e| s(e, a("label-expected"))));
                v
            }
            SavingExceedsBudget { span, budget_span, .. } => {
                vec![p(*span, a("label")), s(*budget_span, a("label-budget"))]
            }
            TotalMismatch { span, formula, figure, terms, pm_items, omitted, .. } => {
                let mut v = vec![p(*span, a("label"))];
                let term = |t: &&Term| {
                    let v = term_text(lang, &figure.unit, &t.value);
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
                let sum = if terms.len() > MAX_SUM_TERMS {
                    let head: Vec<String> = terms[..MAX_SUM_TERMS - 2].iter().map(term).collect();
                    let tail: Vec<String> = terms[terms.len() - 2..].iter().map(term).collect();
                    Msg::id("sum-lines")
                        .arg("head", head.join(" "))
                        .arg("tail", tail.join(" "))
                        .arg("count", terms.len().to_string())
                        .render(lang)
                } else {
                    terms.iter().map(term).collect::<Vec<_>>().join(" ")
                };
                let sum = sum.strip_prefix("+ ").unwrap_or(&sum).to_string();
                let sum = match pm_items.len() {
                    0 => sum,
                    n => Msg::id("sum-without-pm").arg("sum", sum).arg("count", n).render(lang),
                };
                if !(formula.start <= span.start && span.end <= formula.end) {
                    v.push(s(*formula, msg.clone().arg("sum", sum).attr(lang, "label-sum")));
                }
                // Point at the lines that were added when they are near the total; farther
                // ones are listed in the sum above, so the snippet stays short.
                let near = |t: &&&Term| t.span.file == span.file && t.span.start.abs_diff(span.start) <= NEAR_BYTES;
                for t in terms.iter().filter(near).filter(|t| t.span != *formula) {
                    let value = term_text(lang, &figure.unit, &t.value);
                    v.push(s(
                        t.span,
                        Msg::id("term-at").arg("label", t.label.clone()).arg("value", value).render(lang),
                    ));
                }
                for (name, sp) in pm_items {
                    v.push(s(*sp, Msg::id("not-counted-pm").arg("name", name.clone()).render(lang)));
                }
                if let Some(o) = omitted {
                    v.push(s(o.span, a("label-omitted")));
                }
                dedup_labels(v)
            }
            TotalUnverifiable { span, missing_span, .. } => {
                vec![p(*span, a("label")), s(*missing_span, a("label-missing"))]
            }
            PmInTotal { span, pm_items, .. } => {
                let mut v = vec![p(*span, a("label"))];
                v.extend(
                    pm_items
                        .iter()
                        .map(|(name, sp)| s(*sp, Msg::id("not-counted-pm").arg("name", name.clone()).render(lang))),
                );
                dedup_labels(v)
            }
            ShareMismatch { share_span, amount_span, .. } => {
                vec![p(*amount_span, a("label")), s(*share_span, a("label-share"))]
            }
            OutsideRange { span, range, .. } => vec![p(*span, a("label")), s(*range, a("label-range"))],
            TargetUnverifiable { span, pm_items, .. } => {
                let mut v = vec![p(*span, msg.as_id("target-unverifiable").attr(lang, "label"))];
                v.extend(
                    pm_items.iter().map(|(name, sp)| s(*sp, Msg::id("is-pm").arg("name", name.clone()).render(lang))),
                );
                v
            }
            NoOwner { span, example, .. } => vec![p(*span, a("label")), s(*example, a("label-example"))],
            MixedKeywords { span, decided, .. } => vec![p(*span, a("label")), s(*decided, a("label-decided"))],
            MomentOrder { span, previous_span, .. } | PhaseBackwards { span, previous_span, .. } => {
                vec![p(*span, a("label")), s(*previous_span, a("label-previous"))]
            }
            RealisedShort { phase, .. } => vec![p(*phase, a("label"))],
            ProgressMissing { span, due_span, .. } => vec![p(*span, a("label")), s(*due_span, a("label-due"))],
            WrongCellCount { span, columns, .. } | TextColumn { span, columns, .. } => {
                vec![p(*span, a("label")), s(*columns, a("label-columns"))]
            }
            RowNotAdded { span, total, .. } => vec![p(*span, a("label")), s(*total, a("label-total"))],
            IncludedTwice { span, first, .. } => {
                let mut v = vec![p(*span, msg.as_id("include-twice").attr(lang, "label"))];
                v.extend(first.map(|f| s(f, msg.as_id("include-twice").attr(lang, "label-first"))));
                v
            }
            Unverifiable { span, cause, reason, .. } => {
                vec![p(*span, a("label")), s(*cause, reason.label().render(lang))]
            }
            BadNumber { span, .. }
            | BadDate { span, .. }
            | UnknownReference { span, .. }
            | UnknownTaakveld { span, .. }
            | ExpiredTaakveld { span, .. }
            | ReversedPeriod { span, .. }
            | ReversedColumns { span, .. }
            | TooManyColumns { span, .. }
            | UnsupportedCurrency { span, .. }
            | WrongUnit { span, .. }
            | SavingsNeedYear { span, .. }
            | PercentOver100 { span, .. }
            | TotalWithinTolerance { span, .. }
            | TotalRounded { span, .. }
            | TotalRoundedInScale { span, .. }
            | TargetNotMet { span, .. }
            | NoPlanHeader { span }
            | NoPeriod { span }
            | IncludeNotFound { span, .. }
            | ProgressPlanNotFound { span, .. }
            | PhaseUnknown { span, .. }
            | ReplacementExceeds { span, .. }
            | IncludeCycle { span, .. }
            | CycleInFormula { span, .. }
            | TooDeep { span, .. }
            | IncludeOutside { span, .. }
            | BadScale { span }
            | EuroSignInRow { span, .. }
            | NotInColumnTotal { span, .. } => vec![p(*span, a("label"))],
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
            RealisedShort { year, .. } | ReplacementExceeds { year, .. } => Some(year.to_string()),
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

/// One replacement in a plan's source: what stands at `span` becomes `text`.
#[derive(Debug, Clone, PartialEq)]
pub struct Edit {
    pub span: Span,
    pub text: String,
}

/// A mechanical fix for a problem: edits that make it go away and change nothing else, with a
/// title that says what they do. The language server offers them as quick fixes; any other
/// front end can apply them the same way.
#[derive(Debug, Clone, PartialEq)]
pub struct Fix {
    pub title: Msg,
    pub edits: Vec<Edit>,
}

impl Fix {
    fn replace(span: Span, from: &str, to: impl Into<String>) -> Fix {
        let to = to.into();
        Fix {
            title: Msg::id("fix-replace").arg("from", from).arg("to", to.as_str()),
            edits: vec![Edit { span, text: to }],
        }
    }
}

/// The run of a printed number in a figure as written (`€ -1.600` → `-1.600`, `€ 1,5 mln` →
/// `1,5`, `€ 120.000,-` → `120.000`): its byte range in `text`.
fn number_run(text: &str) -> Option<std::ops::Range<usize>> {
    let bytes = text.as_bytes();
    let first = bytes.iter().position(u8::is_ascii_digit)?;
    let start = if first > 0 && matches!(bytes[first - 1], b'-' | b'+') { first - 1 } else { first };
    let mut end = first;
    while end < bytes.len() {
        let b = bytes[end];
        let separator_then_digit =
            matches!(b, b'.' | b',' | b'_') && bytes.get(end + 1).is_some_and(u8::is_ascii_digit);
        if b.is_ascii_digit() || separator_then_digit {
            end += 1;
        } else {
            break;
        }
    }
    Some(start..end)
}

/// A printed figure (its text at `span`, meaning `printed`) rewritten to mean `wanted`, in the
/// same notation and scale: only the digits change, the `€`, the sign convention, `mln` and
/// the scale of the table around it stay as written.
fn reprint(source: &str, span: Span, printed: Decimal, wanted: Decimal) -> Option<Edit> {
    let text = source.get(span.start..span.end)?;
    let run = number_run(text)?;
    let digits = crate::syntax::number::parse_dutch(&text[run.clone()]).ok()?;
    if digits.is_zero() || printed.is_zero() {
        // The scale cannot be told from a printed nought.
        return None;
    }
    // `printed` is the figure in euros (or its unit); the digits are it divided by the scale.
    let factor = printed.checked_div(digits)?;
    let figure = wanted.checked_div(factor)?.normalize();
    let start = span.start + run.start;
    Some(Edit { span: Span::new(span.file, start, span.start + run.end), text: format_dutch(figure) })
}

/// One fix for several printed figures of the same total that differ from their lines (a total
/// row wrong in every year): each set to its computed figure. `None` unless there are two or
/// more.
pub fn fix_together(diagnostics: &[&Diagnostic], source: &str, lang: Lang) -> Option<Fix> {
    let edits: Vec<Edit> =
        diagnostics.iter().filter_map(|d| d.figure_fix(source, lang)).flat_map(|f| f.edits).collect();
    (edits.len() > 1).then(|| Fix { title: Msg::id("fix-figures").arg("count", edits.len()), edits })
}

impl Diagnostic {
    /// A printed total set to the figure its lines add up to, in its own notation.
    fn figure_fix(&self, source: &str, lang: Lang) -> Option<Fix> {
        let Problem::TotalMismatch { span, figure, .. } = &self.problem else { return None };
        let edit = reprint(source, *span, figure.declared, figure.computed)?;
        Some(Fix {
            title: Msg::id("fix-figure")
                .arg("figure", eur_or(lang, &figure.unit, figure.computed))
                .arg("year", year_suffix(lang, &figure.year)),
            edits: vec![edit],
        })
    }

    /// The fix to make without asking, where there is one: the only fix there is, or the row a
    /// total leaves out (its printed figures say it counts that row in every year). A choice
    /// between fixes (two readings of a number, several successors of a taakveld code) is the
    /// writer's. What `grip check --fix` applies, and what an editor marks as preferred.
    pub fn preferred_fix(&self, source: &str, lang: Lang) -> Option<Fix> {
        let mut fixes = self.fixes(source, lang);
        match &self.problem {
            Problem::TotalMismatch { omitted: Some(_), .. } => fixes.into_iter().next(),
            _ if fixes.len() == 1 => fixes.pop(),
            _ => None,
        }
    }

    /// Whether two diagnostics are about the same printed total (its figures in other years or
    /// columns): what [`fix_together`] sets in one go.
    pub fn same_total(&self, other: &Diagnostic) -> bool {
        match (&self.problem, &other.problem) {
            (
                Problem::TotalMismatch { formula: a, label: la, span: sa, .. },
                Problem::TotalMismatch { formula: b, label: lb, span: sb, .. },
            ) => a == b && la == lb && sa.file == sb.file,
            _ => false,
        }
    }

    /// The fixes grip can make without asking: set a printed figure to the computed one,
    /// apply a "did you mean", write a keyword in the plan's language, replace an expired
    /// taakveld code by its successors, write a number in Dutch notation. `source` is the text
    /// of the file the diagnostic is in; `lang` the language of the titles.
    pub fn fixes(&self, source: &str, lang: Lang) -> Vec<Fix> {
        use Problem::*;
        let written = |span: Span| source.get(span.start..span.end).unwrap_or("").to_string();
        match &self.problem {
            // The row the total leaves out, added to its formula (the same fix for each of its
            // years), or the printed figure set to what its lines add up to.
            TotalMismatch { omitted, .. } => {
                let add = omitted.as_ref().map(|o| Fix {
                    title: Msg::id("fix-add-row").arg("term", o.term()),
                    edits: vec![Edit { span: o.at, text: format!(" {}", o.term()) }],
                });
                add.into_iter().chain(self.figure_fix(source, lang)).collect()
            }
            ShareMismatch { amount_span, stated, expected, .. } => reprint(source, *amount_span, *stated, *expected)
                .map(|edit| Fix {
                    title: Msg::id("fix-figure").arg("figure", eur(*expected)).arg("year", ""),
                    edits: vec![edit],
                })
                .into_iter()
                .collect(),
            UnknownReference { span, suggestion: Some(s), .. } => vec![Fix::replace(*span, &written(*span), s)],
            // The file ends inside a block: its `}` after the last thing written, indented as
            // the line that opens it.
            UnclosedBlock { span, opened, what } => {
                let Some(before) = source.get(..opened.start) else { return Vec::new() };
                let line = &source[before.rfind('\n').map(|i| i + 1).unwrap_or(0)..];
                let indent: String = line.chars().take_while(|c| *c == ' ' || *c == '\t').collect();
                let at = Span::new(span.file, span.end, span.end);
                vec![Fix {
                    title: Msg::id("fix-close").arg("what", what.clone()),
                    edits: vec![Edit { span: at, text: format!("\n{indent}}}") }],
                }]
            }
            MixedKeywords { span, keyword, .. } => vec![Fix::replace(*span, &written(*span), *keyword)],
            ExpiredTaakveld { span, replaced_by, .. } => {
                let mut out: Vec<Fix> =
                    replaced_by.iter().map(|c| Fix::replace(*span, &written(*span), c.code.as_str())).collect();
                if replaced_by.len() > 1 {
                    let all: Vec<&str> = replaced_by.iter().map(|c| c.code.as_str()).collect();
                    out.push(Fix::replace(*span, &written(*span), all.join(", ")));
                }
                out
            }
            BadNumber { span, text, error } => {
                use crate::syntax::number::NumberError::*;
                let suggestions: Vec<&String> = match error {
                    AmbiguousDot { suggestion_decimal, suggestion_thousands } => {
                        vec![suggestion_decimal, suggestion_thousands]
                    }
                    BadGrouping { suggestion } | EnglishNotation { suggestion } | LeadingZeroDot { suggestion } => {
                        vec![suggestion]
                    }
                    Malformed | TooLarge => Vec::new(),
                };
                // The number as written, within the span (which may hold a `€` or a unit too).
                let Some(at) = written(*span).find(text.as_str()) else { return Vec::new() };
                let number = Span::new(span.file, span.start + at, span.start + at + text.len());
                suggestions.into_iter().map(|s| Fix::replace(number, text, s.as_str())).collect()
            }
            Syntax { span, hint: Some(Msg::Id(id, args)), .. } => {
                let key = match *id {
                    "hint-did-you-mean" => "word",
                    "hint-look-alike" => "fixed",
                    _ => return Vec::new(),
                };
                let word = args.iter().find(|(name, _)| *name == key).map(|(_, arg)| match arg {
                    crate::lang::Arg::Text(t) => t.clone(),
                    crate::lang::Arg::Count(n) => n.to_string(),
                    crate::lang::Arg::Msg(m) => m.render(lang),
                });
                match word {
                    Some(w) if span.start < span.end => vec![Fix::replace(*span, &written(*span), w)],
                    _ => Vec::new(),
                }
            }
            _ => Vec::new(),
        }
    }
}
