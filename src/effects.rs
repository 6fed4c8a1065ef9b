//! What a measure saves or costs in a given year: the one home of the effect semantics, read by
//! the checker (totals, targets) and the evaluator alike.
//!
//! - `saving € X` (no year): every year of the period;
//! - `saving € X from Y`: structural, from Y on; a later `from` of the same kind replaces it
//!   (a ramp: `in 2021` € 130.000, `from 2022` € 180.000);
//! - `saving € X in Y`: incidental, in Y only;
//! - `saving P.M.`: unknown, never counted as zero.

use crate::syntax::ast::{Amount, Effect, EffectKind, Measure, Span, YearSpec};
use rust_decimal::Decimal;

/// A figure that may include unknown (P.M.) parts. Wherever grip shows one, it shows the P.M.
/// items too ("€ -575.000 + 1 P.M."): P.M. is never silently counted as zero.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Figure {
    /// The sum of the known amounts.
    pub known: Decimal,
    /// How many P.M. items are part of it.
    pub pm: u32,
    /// How many of those enter with a minus (`-PM`, or a P.M. subtracted).
    pub pm_neg: u32,
}

impl Figure {
    pub fn known(value: Decimal) -> Self {
        Figure { known: value, pm: 0, pm_neg: 0 }
    }
    pub fn pm() -> Self {
        Figure { known: Decimal::ZERO, pm: 1, pm_neg: 0 }
    }
    /// A P.M. item with its sign.
    pub fn pm_signed(negative: bool) -> Self {
        Figure { known: Decimal::ZERO, pm: 1, pm_neg: u32::from(negative) }
    }
    pub fn is_complete(&self) -> bool {
        self.pm == 0
    }
    /// The P.M. items that enter with a plus.
    pub fn pm_pos(&self) -> u32 {
        self.pm - self.pm_neg
    }
}

impl std::ops::Neg for Figure {
    type Output = Figure;
    fn neg(self) -> Figure {
        Figure { known: -self.known, pm: self.pm, pm_neg: self.pm - self.pm_neg }
    }
}

impl std::ops::Sub for Figure {
    type Output = Figure;
    fn sub(self, other: Figure) -> Figure {
        self + (-other)
    }
}

impl std::ops::Add for Figure {
    type Output = Figure;
    fn add(self, other: Figure) -> Figure {
        // Saturating: sums of figures grip read are far below the limit (see
        // `syntax::number::MAX_MAGNITUDE`); a hostile file of thousands of scaled maxima must
        // not panic.
        Figure {
            known: self.known.saturating_add(other.known),
            pm: self.pm.saturating_add(other.pm),
            pm_neg: self.pm_neg.saturating_add(other.pm_neg),
        }
    }
}

impl std::ops::AddAssign for Figure {
    fn add_assign(&mut self, other: Figure) {
        *self = *self + other;
    }
}

/// The effect line of `kind` that applies to `year`, if any: an `in` for that year first, then
/// the latest `from` at or before it, then an effect without a year.
pub fn applicable(measure: &Measure, kind: EffectKind, year: u16) -> Option<&Effect> {
    let of_kind = || measure.effects.iter().filter(move |e| e.kind == kind);
    of_kind()
        .find(|e| matches!(e.years, YearSpec::In(y) if y.value == year))
        .or_else(|| {
            of_kind()
                .filter_map(|e| match e.years {
                    YearSpec::From(y) if y.value <= year => Some((y.value, e)),
                    _ => None,
                })
                .max_by_key(|(y, _)| *y)
                .map(|(_, e)| e)
        })
        .or_else(|| of_kind().find(|e| matches!(e.years, YearSpec::Always)))
}

/// What a measure saves (or costs) in `year`, with the span of the line that says so.
pub fn in_year(measure: &Measure, kind: EffectKind, year: u16) -> (Figure, Option<Span>) {
    match applicable(measure, kind, year) {
        Some(e) => match &e.amount.value {
            Amount::Known(q) => (Figure::known(q.value), Some(e.amount.span)),
            Amount::Pm { negative } => (Figure::pm_signed(*negative), Some(e.amount.span)),
            // Reported where it is written; the checker treats the measure as unverifiable
            // (`MeasureInfo::fault`) and the evaluator refuses a plan with such an error.
            Amount::Unreadable => (Figure::default(), Some(e.amount.span)),
        },
        None => (share_saving(measure, kind, year).map(Figure::known).unwrap_or_default(), None),
    }
}

/// A measure that states only a share (`share 20% of budget`) and no saving saves that share
/// of its budget in every year of the period.
fn share_saving(measure: &Measure, kind: EffectKind, _year: u16) -> Option<Decimal> {
    if kind != EffectKind::Saving || measure.effects.iter().any(|e| e.kind == EffectKind::Saving) {
        return None;
    }
    let share = measure.shares.first()?;
    let budget = measure.budget.as_ref()?.value.known()?.value;
    budget.checked_mul(share.percent.value).map(|v| v / Decimal::ONE_HUNDRED)
}

/// The measure's headline saving: the amount a document prints in its measure table. That is
/// the structural level reached last (the latest `from`), else the largest incidental amount,
/// else an amount without a year.
pub fn headline(measure: &Measure, kind: EffectKind) -> Option<&Effect> {
    let of_kind = || measure.effects.iter().filter(move |e| e.kind == kind);
    of_kind()
        .filter_map(|e| match e.years {
            YearSpec::From(y) => Some((y.value, e)),
            _ => None,
        })
        .max_by_key(|(y, _)| *y)
        .map(|(_, e)| e)
        .or_else(|| of_kind().find(|e| matches!(e.years, YearSpec::Always)))
        .or_else(|| {
            of_kind()
                .filter(|e| matches!(e.years, YearSpec::In(_)))
                .max_by_key(|e| e.amount.value.known().map(|q| q.value).unwrap_or_default())
        })
}
