//! `api.bodyParser.sizeLimit`: how Next.js turns the configured value into the byte limit its
//! body reader (raw-body) enforces, with the `bytes` package's `parse`, and how the value is
//! spelled in the 413 answer (`Body exceeded 1kb limit`).

use crate::exports::ConstValue;

/// The limit Next.js uses when the config sets none (or a falsy one).
pub const DEFAULT: &str = "1mb";

/// A body size limit: the value as written and the bytes it allows.
#[derive(Debug, Clone, PartialEq)]
pub struct SizeLimit {
    /// The configured value as JavaScript turns it into a string.
    pub spelled: String,
    /// Bytes allowed; NaN when `bytes` cannot parse the value, which means no limit at all.
    pub bytes: f64,
}

impl Default for SizeLimit {
    fn default() -> Self {
        SizeLimit::from_text(DEFAULT)
    }
}

impl SizeLimit {
    pub fn from_text(text: &str) -> SizeLimit {
        SizeLimit { spelled: text.to_owned(), bytes: parse_bytes(text) }
    }

    /// The limit for a configured `sizeLimit`: a falsy value (absent, `''`, `0`, `false`) means
    /// the default, a number is bytes as is, a string is parsed, anything else is no limit.
    pub fn from_config(value: Option<&ConstValue>) -> SizeLimit {
        match value {
            None | Some(ConstValue::Bool(false)) => SizeLimit::default(),
            Some(ConstValue::Str(s)) if s.is_empty() => SizeLimit::default(),
            Some(ConstValue::Number(n)) if *n == 0.0 || n.is_nan() => SizeLimit::default(),
            Some(ConstValue::Str(s)) => SizeLimit::from_text(s),
            Some(ConstValue::Number(n)) => SizeLimit { spelled: js_number(*n), bytes: *n },
            Some(ConstValue::Bool(true)) => SizeLimit { spelled: "true".into(), bytes: f64::NAN },
            Some(other) => SizeLimit { spelled: js_string(other), bytes: f64::NAN },
        }
    }

    /// Whether `received` bytes are past the limit (raw-body fails once `received > limit`).
    pub fn exceeded_by(&self, received: u64) -> bool {
        received as f64 > self.bytes
    }
}

/// `bytes.parse(text)`: `<number><unit>` with a unit of kb, mb, gb, tb or pb (any case, 1024
/// based, spaces allowed before the unit), else `parseInt(text, 10)` bytes; floored. NaN when
/// there is no number.
pub fn parse_bytes(text: &str) -> f64 {
    let (number, unit) = match with_unit(text) {
        Some((number, unit)) => (number, unit),
        None => (parse_int(text), 1.0),
    };
    (unit * number).floor()
}

/// Matches `^((-|\+)?(\d+(?:\.\d+)?)) *(kb|mb|gb|tb|pb)$` (case-insensitive).
fn with_unit(text: &str) -> Option<(f64, f64)> {
    let lower = text.to_ascii_lowercase();
    let (head, unit) = [("kb", 1u32), ("mb", 2), ("gb", 3), ("tb", 4), ("pb", 5)]
        .iter()
        .find_map(|(suffix, power)| lower.strip_suffix(suffix).map(|head| (head, 1024f64.powi(*power as i32))))?;
    let number = head.trim_end_matches(' ');
    let digits = number.strip_prefix(['-', '+']).unwrap_or(number);
    let (int, frac) = match digits.split_once('.') {
        Some((int, frac)) => (int, Some(frac)),
        None => (digits, None),
    };
    let all_digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
    if !all_digits(int) || frac.is_some_and(|f| !all_digits(f)) {
        return None;
    }
    Some((number.parse::<f64>().ok()?, unit))
}

/// JavaScript's `parseInt(text, 10)`: leading whitespace, a sign, then as many digits as there are.
fn parse_int(text: &str) -> f64 {
    let rest = text.trim_start();
    let (sign, rest) = match rest.as_bytes().first() {
        Some(b'-') => (-1.0, &rest[1..]),
        Some(b'+') => (1.0, &rest[1..]),
        _ => (1.0, rest),
    };
    let digits: String = rest.chars().take_while(char::is_ascii_digit).collect();
    digits.parse::<f64>().map_or(f64::NAN, |n| sign * n)
}

/// `String(n)` for the numbers a config holds.
fn js_number(n: f64) -> String {
    if n.fract() == 0.0 && n.abs() < 1e21 {
        format!("{}", n as i128)
    } else {
        format!("{n}")
    }
}

/// `String(value)` for a literal: an array's elements joined with `,`, an object
/// `[object Object]`.
fn js_string(value: &ConstValue) -> String {
    match value {
        ConstValue::Str(s) => s.clone(),
        ConstValue::Number(n) => js_number(*n),
        ConstValue::Bool(b) => b.to_string(),
        ConstValue::StrList(items) => items.join(","),
        ConstValue::List(items) => items.iter().map(js_string).collect::<Vec<_>>().join(","),
        ConstValue::Object(_) => "[object Object]".into(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn units_are_1024_based_and_case_insensitive() {
        assert_eq!(parse_bytes("1mb"), 1_048_576.0);
        assert_eq!(parse_bytes("1kb"), 1024.0);
        assert_eq!(parse_bytes("0.5KB"), 512.0);
        assert_eq!(parse_bytes("2 Gb"), 2.0 * 1024f64.powi(3));
        assert_eq!(parse_bytes("1tb"), 1024f64.powi(4));
        assert_eq!(parse_bytes("1pb"), 1024f64.powi(5));
        assert_eq!(parse_bytes("1.0001kb"), 1024.0);
    }

    #[test]
    fn without_a_unit_it_is_parse_int() {
        assert_eq!(parse_bytes("500b"), 500.0);
        assert_eq!(parse_bytes("500"), 500.0);
        assert_eq!(parse_bytes("  42 bytes"), 42.0);
        assert_eq!(parse_bytes("1.5b"), 1.0);
        assert_eq!(parse_bytes("-3"), -3.0);
        assert!(parse_bytes("kb").is_nan());
        assert!(parse_bytes(".5kb").is_nan());
        assert!(parse_bytes("huge").is_nan());
    }

    #[test]
    fn config_values() {
        assert_eq!(SizeLimit::from_config(None), SizeLimit::from_text("1mb"));
        assert_eq!(SizeLimit::from_config(Some(&ConstValue::Number(0.0))), SizeLimit::default());
        assert_eq!(SizeLimit::from_config(Some(&ConstValue::Str(String::new()))), SizeLimit::default());
        let numeric = SizeLimit::from_config(Some(&ConstValue::Number(100.0)));
        assert_eq!((numeric.spelled.as_str(), numeric.bytes), ("100", 100.0));
        let unlimited = SizeLimit::from_config(Some(&ConstValue::Bool(true)));
        assert!(!unlimited.exceeded_by(u64::MAX));
    }

    #[test]
    fn the_limit_itself_is_allowed() {
        let limit = SizeLimit::from_text("1kb");
        assert!(!limit.exceeded_by(1024));
        assert!(limit.exceeded_by(1025));
    }

    fn unit() -> impl Strategy<Value = (&'static str, f64)> {
        prop::sample::select(vec![("kb", 1024.0), ("mb", 1024f64.powi(2)), ("gb", 1024f64.powi(3)), ("tb", 1024f64.powi(4)), ("pb", 1024f64.powi(5))])
    }

    proptest! {
        #[test]
        fn every_unit_form_parses((name, factor) in unit(), n in 0u32..100_000, frac in proptest::option::of(0u32..1000), spaces in 0usize..3, upper: bool) {
            let number = match frac { Some(f) => format!("{n}.{f:03}"), None => n.to_string() };
            let unit = if upper { name.to_ascii_uppercase() } else { name.to_owned() };
            let text = format!("{number}{}{unit}", " ".repeat(spaces));
            let value: f64 = number.parse().unwrap();
            prop_assert_eq!(parse_bytes(&text), (factor * value).floor());
        }

        #[test]
        fn plain_and_b_suffixed_numbers_are_bytes(n in 0u64..1u64 << 40, suffix in prop::sample::select(vec!["", "b", "B", " bytes"])) {
            prop_assert_eq!(parse_bytes(&format!("{n}{suffix}")), n as f64);
        }

        #[test]
        fn limits_allow_exactly_their_bytes(n in 1u64..1u64 << 30) {
            let limit = SizeLimit::from_text(&n.to_string());
            prop_assert!(!limit.exceeded_by(n));
            prop_assert!(limit.exceeded_by(n + 1));
        }
    }
}
