//! Named shapes for volatile values: a date, an ETag or a generated id is matched by its form,
//! never by a value that changes from run to run.

use serde::{Deserialize, Serialize};
use serde_json::Value;
use std::sync::LazyLock;

use regex::Regex;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Shape {
    /// Anything, present.
    Any,
    /// Not empty (a string with non-space text, or a non-empty JSON array or object).
    NonEmpty,
    /// An IMF-fixdate as in `Date` and `Expires` (RFC 9110).
    HttpDate,
    /// An ISO 8601 date or date-time.
    IsoDate,
    /// A strong or weak entity tag: `"..."` or `W/"..."`.
    Etag,
    Uuid,
    /// A whole number (as text in a header; a JSON integer in a body).
    Integer,
    Number,
    String,
    Boolean,
    Null,
}

static ISO_DATE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?$").unwrap()
});
static ETAG: LazyLock<Regex> = LazyLock::new(|| Regex::new(r#"^(W/)?"[\x21\x23-\x7e\x80-\xff]*"$"#).unwrap());
static UUID: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$").unwrap());

impl Shape {
    /// Whether a header value or body text has this shape.
    pub fn matches_text(self, text: &str) -> bool {
        match self {
            Shape::Any | Shape::String => true,
            Shape::NonEmpty => !text.trim().is_empty(),
            Shape::HttpDate => httpdate::parse_http_date(text).is_ok() && text.ends_with(" GMT"),
            Shape::IsoDate => ISO_DATE.is_match(text),
            Shape::Etag => ETAG.is_match(text),
            Shape::Uuid => UUID.is_match(text),
            Shape::Integer => text.parse::<i128>().is_ok(),
            Shape::Number => text.parse::<f64>().is_ok_and(f64::is_finite),
            Shape::Boolean => text == "true" || text == "false",
            Shape::Null => false,
        }
    }

    /// Whether a JSON value has this shape.
    pub fn matches_json(self, value: &Value) -> bool {
        match (self, value) {
            (Shape::Any, _) => true,
            (Shape::Null, v) => v.is_null(),
            (Shape::String, v) => v.is_string(),
            (Shape::Boolean, v) => v.is_boolean(),
            (Shape::Number, v) => v.is_number(),
            (Shape::Integer, v) => v.is_i64() || v.is_u64(),
            (Shape::NonEmpty, Value::Array(a)) => !a.is_empty(),
            (Shape::NonEmpty, Value::Object(o)) => !o.is_empty(),
            (shape, Value::String(s)) => shape.matches_text(s),
            _ => false,
        }
    }

    pub fn name(self) -> String {
        serde_json::to_value(self).ok().and_then(|v| v.as_str().map(str::to_owned)).unwrap_or_default()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn http_dates() {
        assert!(Shape::HttpDate.matches_text("Wed, 25 Nov 2026 14:33:54 GMT"));
        assert!(!Shape::HttpDate.matches_text("2026-11-25"));
    }

    #[test]
    fn etags() {
        assert!(Shape::Etag.matches_text("\"66fci67lppl\""));
        assert!(Shape::Etag.matches_text("W/\"1-a\""));
        assert!(!Shape::Etag.matches_text("66fci67lppl"));
    }

    #[test]
    fn json_shapes() {
        assert!(Shape::Integer.matches_json(&json!(3)));
        assert!(!Shape::Integer.matches_json(&json!(3.5)));
        assert!(Shape::Null.matches_json(&json!(null)));
        assert!(!Shape::NonEmpty.matches_json(&json!([])));
        assert!(Shape::IsoDate.matches_json(&json!("2026-11-25T14:33:54.120Z")));
    }
}
