//! Numbers as Dutch council documents print them.
//!
//! The dot groups thousands (`1.171.494`), the comma is the decimal mark (`0,6`), a leading `-`
//! or `+` gives the sign, and underscores may group digits (`1_171_494`). A number that can only
//! be read by guessing is refused with a [`NumberError`] that says how to write it.

use crate::lang::Msg;
use rust_decimal::Decimal;
use std::str::FromStr;

/// Why a printed number cannot be read without guessing.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum NumberError {
    /// `1.5`: a dot followed by something other than three digits.
    AmbiguousDot { suggestion_decimal: String, suggestion_thousands: String },
    /// `1.50.000` or `12.34.567`: thousands groups that are not three digits.
    BadGrouping { suggestion: String },
    /// `1,171,494` or `1,171.50`: English notation.
    EnglishNotation { suggestion: String },
    /// `0.800`: a dot after a leading 0 is never a thousands separator, so this is a decimal
    /// point in English notation.
    LeadingZeroDot { suggestion: String },
    /// More than one decimal comma, or a comma in the middle of underscores.
    Malformed,
    /// A number with more digits than an exact decimal can hold.
    TooLarge,
}

impl NumberError {
    /// The problem as a message of the catalogue, about the number as written: its `.help`
    /// gives the fix, its `.label` a few words for under the number.
    pub fn msg(&self, text: &str) -> Msg {
        let m = |id: &'static str| Msg::id(id).arg("text", text);
        match self {
            NumberError::AmbiguousDot { suggestion_decimal, suggestion_thousands } => {
                m("number-ambiguous").arg("decimal", suggestion_decimal).arg("thousands", suggestion_thousands)
            }
            NumberError::BadGrouping { suggestion } => m("number-grouping").arg("suggestion", suggestion),
            NumberError::EnglishNotation { suggestion } => m("number-english").arg("suggestion", suggestion),
            NumberError::LeadingZeroDot { suggestion } => m("number-leading-zero").arg("suggestion", suggestion),
            NumberError::Malformed => m("number-malformed"),
            NumberError::TooLarge => m("number-too-large"),
        }
    }
}

/// Reads a number in Dutch notation. The decimal keeps the number of decimals as printed
/// (`2,10` has scale 2), which the checker uses to recognise a total rounded for print.
pub fn parse_dutch(text: &str) -> Result<Decimal, NumberError> {
    let (negative, body) = match text.as_bytes().first() {
        Some(b'-') => (true, &text[1..]),
        Some(b'+') => (false, &text[1..]),
        _ => (false, text),
    };
    let sign = if negative { "-" } else { "" };

    let commas = body.matches(',').count();
    let dots = body.matches('.').count();

    let (int_part, frac_part) = match commas {
        0 => (body, None),
        1 => {
            let (i, f) = body.split_once(',').ok_or(NumberError::Malformed)?;
            (i, Some(f))
        }
        _ => {
            // `1,171,494`: English thousands separators.
            if dots <= 1 && is_english(body) {
                return Err(NumberError::EnglishNotation { suggestion: english_to_dutch(body, sign) });
            }
            return Err(NumberError::Malformed);
        }
    };

    if let Some(frac) = frac_part {
        if frac.contains('.') {
            // `1,171.50`: English thousands with a decimal point.
            if is_english(body) {
                return Err(NumberError::EnglishNotation { suggestion: english_to_dutch(body, sign) });
            }
            return Err(NumberError::Malformed);
        }
        if frac.is_empty() || frac.contains('_') {
            return Err(NumberError::Malformed);
        }
    }

    let int_digits = if int_part.contains('.') {
        if int_part.contains('_') {
            return Err(NumberError::Malformed);
        }
        let groups: Vec<&str> = int_part.split('.').collect();
        // `0.800` (an fte figure in English notation) is never 800.
        if groups[0].starts_with('0') && frac_part.is_none() {
            let suggestion = if groups.len() == 2 {
                format!("{sign}{},{}", groups[0], groups[1])
            } else {
                format!("{sign}{}", group_thousands(&groups.concat()))
            };
            return Err(NumberError::LeadingZeroDot { suggestion });
        }
        let first_ok = (1..=3).contains(&groups[0].len());
        let rest_ok = groups[1..].iter().all(|g| g.len() == 3);
        if !(first_ok && rest_ok) {
            let digits: String = groups.concat();
            if groups.len() == 2 && frac_part.is_none() && groups[1].len() != 3 {
                // `1.5`: a single dot that cannot be a thousands separator.
                let thousands = if groups[1].len() < 3 {
                    format!("{}.{:0<3}", groups[0], groups[1])
                } else {
                    group_thousands(&digits)
                };
                return Err(NumberError::AmbiguousDot {
                    suggestion_decimal: format!("{sign}{},{}", groups[0], groups[1]),
                    suggestion_thousands: format!("{sign}{thousands}"),
                });
            }
            return Err(NumberError::BadGrouping {
                suggestion: format!(
                    "{sign}{}{}",
                    group_thousands(&digits),
                    frac_part.map(|f| format!(",{f}")).unwrap_or_default()
                ),
            });
        }
        groups.concat()
    } else {
        if int_part.starts_with('_') || int_part.ends_with('_') || int_part.contains("__") {
            return Err(NumberError::Malformed);
        }
        int_part.replace('_', "")
    };

    if int_digits.is_empty() || !int_digits.bytes().all(|b| b.is_ascii_digit()) {
        return Err(NumberError::Malformed);
    }
    let canonical = match frac_part {
        Some(f) => format!("{sign}{int_digits}.{f}"),
        None => format!("{sign}{int_digits}"),
    };
    let value = Decimal::from_str(&canonical).map_err(|_| NumberError::TooLarge)?;
    // Bounds that keep every sum grip computes exact and far from overflow: amounts up to a
    // quadrillion, ten decimals at most.
    if value.abs() >= Decimal::from(MAX_MAGNITUDE) || value.scale() > MAX_DECIMALS {
        return Err(NumberError::TooLarge);
    }
    Ok(value)
}

/// Numbers are below 10^15 in size (999.999.999.999.999)...
pub const MAX_MAGNITUDE: i64 = 1_000_000_000_000_000;
/// ... and have at most this many decimals.
pub const MAX_DECIMALS: u32 = 10;

/// `1,171,494` or `1,171.50`: commas in groups of three, at most one dot after them.
fn is_english(body: &str) -> bool {
    let (int_part, _) = body.split_once('.').unwrap_or((body, ""));
    let groups: Vec<&str> = int_part.split(',').collect();
    groups.len() >= 2 && (1..=3).contains(&groups[0].len()) && groups[1..].iter().all(|g| g.len() == 3)
}

fn english_to_dutch(body: &str, sign: &str) -> String {
    let (int_part, frac) = body.split_once('.').unwrap_or((body, ""));
    let digits = int_part.replace(',', "");
    if frac.is_empty() {
        format!("{sign}{}", group_thousands(&digits))
    } else {
        format!("{sign}{},{frac}", group_thousands(&digits))
    }
}

/// Groups a run of digits in threes with dots: `1171494` → `1.171.494`.
pub fn group_thousands(digits: &str) -> String {
    let digits = digits.trim_start_matches('0');
    let digits = if digits.is_empty() { "0" } else { digits };
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, ch) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push('.');
        }
        out.push(ch);
    }
    out
}

/// Writes a decimal in Dutch notation, keeping its decimals: `-1171494.5` → `-1.171.494,5`.
pub fn format_dutch(value: Decimal) -> String {
    let text = value.to_string();
    let (sign, body) = match text.strip_prefix('-') {
        Some(rest) => ("-", rest),
        None => ("", text.as_str()),
    };
    let (int_part, frac) = body.split_once('.').unwrap_or((body, ""));
    if frac.is_empty() {
        format!("{sign}{}", group_thousands(int_part))
    } else {
        format!("{sign}{},{frac}", group_thousands(int_part))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ok(text: &str) -> String {
        parse_dutch(text).map(|d| d.to_string()).unwrap_or_else(|e| format!("{e:?}"))
    }

    #[test]
    fn reads_dutch_notation() {
        assert_eq!(ok("1.171.494"), "1171494");
        assert_eq!(ok("45.600"), "45600");
        assert_eq!(ok("0,6"), "0.6");
        assert_eq!(ok("-0,4"), "-0.4");
        assert_eq!(ok("-1.600"), "-1600");
        assert_eq!(ok("2,10"), "2.10");
        assert_eq!(ok("1_171_494"), "1171494");
        assert_eq!(ok("1.234,56"), "1234.56");
        assert_eq!(ok("0"), "0");
        assert_eq!(ok("54,98"), "54.98");
    }

    #[test]
    fn refuses_what_it_would_have_to_guess() {
        assert!(matches!(parse_dutch("1.5"), Err(NumberError::AmbiguousDot { .. })));
        assert!(matches!(parse_dutch("1.50.000"), Err(NumberError::BadGrouping { .. })));
        assert!(matches!(parse_dutch("1,171,494"), Err(NumberError::EnglishNotation { .. })));
        assert!(matches!(parse_dutch("1,171.50"), Err(NumberError::EnglishNotation { .. })));
        assert!(matches!(parse_dutch("99999999999999999999999999999999"), Err(NumberError::TooLarge)));
        assert_eq!(parse_dutch("0.800"), Err(NumberError::LeadingZeroDot { suggestion: "0,800".into() }));
        assert_eq!(parse_dutch("-0.8"), Err(NumberError::LeadingZeroDot { suggestion: "-0,8".into() }));
    }

    #[test]
    fn suggestions_are_dutch() {
        let help = |text: &str| match parse_dutch(text) {
            Err(e) => e.msg(text).attr(crate::lang::Lang::En, "help"),
            Ok(_) => panic!("{text} must be refused"),
        };
        assert!(help("1.5").contains("1,5") && help("1.5").contains("1.500"), "{}", help("1.5"));
        assert!(help("1,171,494").contains("1.171.494"), "{}", help("1,171,494"));
        assert!(help("1.50.000").contains("150.000"), "{}", help("1.50.000"));
    }

    #[test]
    fn formats_dutch() {
        assert_eq!(format_dutch(Decimal::from_str("-1171494.5").unwrap()), "-1.171.494,5");
        assert_eq!(format_dutch(Decimal::from_str("0.6").unwrap()), "0,6");
        assert_eq!(format_dutch(Decimal::from_str("600").unwrap()), "600");
    }
}
