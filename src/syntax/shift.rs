//! Moving the spans of parsed items: a top-level piece of a plan whose text did not change but
//! now starts elsewhere in the file (text was inserted or removed before it) parses to the same
//! items with every span moved by the same distance. The language server re-uses such pieces
//! instead of parsing them again (see [`super::reuse`]).
//!
//! Every struct is taken apart with all its fields named (no `..`), so a field added to the AST
//! does not compile here until it is decided whether it holds a span.

use super::ast::*;

/// Moves every span by `by` bytes (a file offset plus `by` is never below zero for spans that
/// lie after the place text was removed).
pub trait Shift {
    fn shift(&mut self, by: isize);
}

fn moved(at: usize, by: isize) -> usize {
    at.checked_add_signed(by).unwrap_or(0)
}

impl Shift for Span {
    fn shift(&mut self, by: isize) {
        let Span { file: _, start, end } = self;
        *start = moved(*start, by);
        *end = moved(*end, by);
    }
}

impl<T> Shift for Spanned<T> {
    fn shift(&mut self, by: isize) {
        // The values inside spanned nodes (strings, numbers, amounts, dates, units, scales,
        // roles) hold no spans.
        self.span.shift(by);
    }
}

impl<T: Shift> Shift for Option<T> {
    fn shift(&mut self, by: isize) {
        if let Some(x) = self {
            x.shift(by);
        }
    }
}

impl<T: Shift> Shift for Vec<T> {
    fn shift(&mut self, by: isize) {
        for x in self {
            x.shift(by);
        }
    }
}

impl<T: Shift> Shift for Box<T> {
    fn shift(&mut self, by: isize) {
        (**self).shift(by);
    }
}

impl Shift for Item {
    fn shift(&mut self, by: isize) {
        match self {
            Item::Header(h) => h.shift(by),
            Item::Include(s) | Item::PartOf(s) | Item::Text(s) | Item::Progress(s) => s.shift(by),
            Item::Group(g) => g.shift(by),
            Item::Measure(m) => m.shift(by),
            Item::Table(t) => t.shift(by),
            Item::Total(t) => t.shift(by),
            Item::Moment(m) => m.shift(by),
        }
    }
}

impl Shift for PlanHeader {
    fn shift(&mut self, by: isize) {
        let PlanHeader { title, scale, municipality, adopted, period, currency, tolerances, description, span } = self;
        title.shift(by);
        scale.shift(by);
        municipality.shift(by);
        adopted.shift(by);
        period.shift(by);
        currency.shift(by);
        tolerances.shift(by);
        description.shift(by);
        span.shift(by);
    }
}

impl Shift for Period {
    fn shift(&mut self, by: isize) {
        let Period { first, last, span } = self;
        first.shift(by);
        last.shift(by);
        span.shift(by);
    }
}

impl Shift for Moment {
    fn shift(&mut self, by: isize) {
        let Moment { name, date, measures, remaining, descriptions, span } = self;
        name.shift(by);
        date.shift(by);
        measures.shift(by);
        remaining.shift(by);
        descriptions.shift(by);
        span.shift(by);
    }
}

impl Shift for MeasureProgress {
    fn shift(&mut self, by: isize) {
        let MeasureProgress { id, phase, realised, expected, decided, explanation, replacements, span } = self;
        id.shift(by);
        phase.shift(by);
        realised.shift(by);
        expected.shift(by);
        decided.shift(by);
        explanation.shift(by);
        replacements.shift(by);
        span.shift(by);
    }
}

impl Shift for Replacement {
    fn shift(&mut self, by: isize) {
        let Replacement { amount, years, what, span } = self;
        amount.shift(by);
        years.shift(by);
        what.shift(by);
        span.shift(by);
    }
}

impl Shift for YearSpec {
    fn shift(&mut self, by: isize) {
        match self {
            YearSpec::Always => {}
            YearSpec::From(y) | YearSpec::In(y) => y.shift(by),
        }
    }
}

impl Shift for Group {
    fn shift(&mut self, by: isize) {
        let Group { id, title, scale, targets, totals, items, descriptions, span } = self;
        id.shift(by);
        title.shift(by);
        scale.shift(by);
        targets.shift(by);
        totals.shift(by);
        items.shift(by);
        descriptions.shift(by);
        span.shift(by);
    }
}

impl Shift for Target {
    fn shift(&mut self, by: isize) {
        let Target { amount, year, span } = self;
        amount.shift(by);
        year.shift(by);
        span.shift(by);
    }
}

impl Shift for Effect {
    fn shift(&mut self, by: isize) {
        let Effect { kind: _, amount, years, span } = self;
        amount.shift(by);
        years.shift(by);
        span.shift(by);
    }
}

impl Shift for DeclaredTotal {
    fn shift(&mut self, by: isize) {
        let DeclaredTotal { kind: _, values, span } = self;
        values.shift(by);
        span.shift(by);
    }
}

impl Shift for DeclaredValue {
    fn shift(&mut self, by: isize) {
        let DeclaredValue { year, amount } = self;
        year.shift(by);
        amount.shift(by);
    }
}

impl Shift for Share {
    fn shift(&mut self, by: isize) {
        let Share { percent, span } = self;
        percent.shift(by);
        span.shift(by);
    }
}

impl Shift for EstimateRange {
    fn shift(&mut self, by: isize) {
        let EstimateRange { low, high, span } = self;
        low.shift(by);
        high.shift(by);
        span.shift(by);
    }
}

impl Shift for Decision {
    fn shift(&mut self, by: isize) {
        let Decision { needed: _, forum, planned, span } = self;
        forum.shift(by);
        planned.shift(by);
        span.shift(by);
    }
}

impl Shift for Indicator {
    fn shift(&mut self, by: isize) {
        let Indicator { label, quantity, span } = self;
        label.shift(by);
        quantity.shift(by);
        span.shift(by);
    }
}

impl Shift for Measure {
    fn shift(&mut self, by: isize) {
        let Measure {
            id,
            title,
            budget,
            effects,
            shares,
            range,
            category,
            owner,
            start,
            end,
            decision,
            status,
            taakvelden,
            related,
            descriptions,
            indicators,
            span,
        } = self;
        id.shift(by);
        title.shift(by);
        budget.shift(by);
        effects.shift(by);
        shares.shift(by);
        range.shift(by);
        category.shift(by);
        owner.shift(by);
        start.shift(by);
        end.shift(by);
        decision.shift(by);
        status.shift(by);
        taakvelden.shift(by);
        related.shift(by);
        descriptions.shift(by);
        indicators.shift(by);
        span.shift(by);
    }
}

impl Shift for Table {
    fn shift(&mut self, by: isize) {
        let Table { id, title, unit, scale, role, sign, columns, columns_span, rows, descriptions, span } = self;
        id.shift(by);
        title.shift(by);
        unit.shift(by);
        scale.shift(by);
        role.shift(by);
        sign.shift(by);
        columns.shift(by);
        columns_span.shift(by);
        rows.shift(by);
        descriptions.shift(by);
        span.shift(by);
    }
}

impl Shift for Column {
    fn shift(&mut self, by: isize) {
        let Column { key: _, label: _, kind: _, mark: _, formula, text: _, span } = self;
        formula.shift(by);
        span.shift(by);
    }
}

impl Shift for Row {
    fn shift(&mut self, by: isize) {
        let Row { id, label, unit, role, taakvelden, formula, cells, span } = self;
        id.shift(by);
        label.shift(by);
        unit.shift(by);
        role.shift(by);
        taakvelden.shift(by);
        formula.shift(by);
        cells.shift(by);
        span.shift(by);
    }
}

impl Shift for Cell {
    fn shift(&mut self, by: isize) {
        let Cell { value: _, span, mark: _ } = self;
        span.shift(by);
    }
}

impl Shift for Expr {
    fn shift(&mut self, by: isize) {
        match self {
            Expr::Row(r) => r.shift(by),
            Expr::Sum(s) | Expr::SumBelow(s) => s.shift(by),
            Expr::Savings(g, s) | Expr::Costs(g, s) => {
                g.shift(by);
                s.shift(by);
            }
            Expr::Cumulative(inner, s) | Expr::Previous(inner, s) => {
                inner.shift(by);
                s.shift(by);
            }
            Expr::Terms(terms, s) => {
                for (_, t) in terms {
                    t.shift(by);
                }
                s.shift(by);
            }
        }
    }
}
