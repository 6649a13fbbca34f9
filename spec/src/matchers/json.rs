//! JSON patterns: a JSON value written in TOML whose leaves may be placeholders for volatile or
//! non-TOML values: `{ "$shape" = "integer" }`, `{ "$shape" = "null" }` (TOML has no null) or
//! `{ "$regex" = "^v\\d+$" }`.

use super::pattern::Pattern;
use super::shape::Shape;
use serde::de::{self, Deserializer};
use serde::{Deserialize, Serialize, Serializer};
use serde_json::{Map, Value};

#[derive(Debug, Clone)]
pub enum JsonPattern {
    Literal(Value),
    Array(Vec<JsonPattern>),
    Object(Vec<(String, JsonPattern)>),
    Shape(Shape),
    Regex(Pattern),
}

/// How many differences one comparison lists before it stops.
const MAX_DIFFERENCES: usize = 10;

impl JsonPattern {
    /// A pattern that matches exactly `value`; `$`-keys are plain members, not placeholders.
    pub fn literal(value: Value) -> JsonPattern {
        match value {
            Value::Object(map) => JsonPattern::Object(map.into_iter().map(|(k, v)| (k, JsonPattern::literal(v))).collect()),
            Value::Array(items) => JsonPattern::Array(items.into_iter().map(JsonPattern::literal).collect()),
            scalar => JsonPattern::Literal(scalar),
        }
    }

    fn from_value(value: Value) -> Result<JsonPattern, String> {
        Ok(match value {
            Value::Object(map) if map.len() == 1 && map.keys().next().is_some_and(|k| k.starts_with('$')) => {
                let (key, inner) = map.into_iter().next().unwrap();
                match key.as_str() {
                    "$shape" => JsonPattern::Shape(Shape::deserialize(inner).map_err(|e| format!("`$shape`: {e}"))?),
                    "$regex" => JsonPattern::Regex(Pattern::deserialize(inner).map_err(|e| format!("`$regex`: {e}"))?),
                    other => return Err(format!("unknown placeholder `{other}`; use `$shape` or `$regex`")),
                }
            }
            Value::Object(map) => JsonPattern::Object(
                map.into_iter().map(|(k, v)| Ok((k, JsonPattern::from_value(v)?))).collect::<Result<_, String>>()?,
            ),
            Value::Array(items) => {
                JsonPattern::Array(items.into_iter().map(JsonPattern::from_value).collect::<Result<_, _>>()?)
            }
            scalar => JsonPattern::Literal(scalar),
        })
    }

    /// Whether the pattern names every value exactly: it has no `$shape` or `$regex` placeholder.
    pub fn is_literal(&self) -> bool {
        match self {
            JsonPattern::Literal(_) => true,
            JsonPattern::Array(items) => items.iter().all(JsonPattern::is_literal),
            JsonPattern::Object(fields) => fields.iter().all(|(_, v)| v.is_literal()),
            JsonPattern::Shape(_) | JsonPattern::Regex(_) => false,
        }
    }

    /// The pattern as JSON, placeholders written back as `{"$shape": ...}` / `{"$regex": ...}`.
    pub fn to_value(&self) -> Value {
        match self {
            JsonPattern::Literal(v) => v.clone(),
            JsonPattern::Array(items) => Value::Array(items.iter().map(JsonPattern::to_value).collect()),
            JsonPattern::Object(fields) => {
                Value::Object(fields.iter().map(|(k, v)| (k.clone(), v.to_value())).collect::<Map<_, _>>())
            }
            JsonPattern::Shape(s) => serde_json::json!({ "$shape": s.name() }),
            JsonPattern::Regex(p) => serde_json::json!({ "$regex": p.as_str() }),
        }
    }

    /// Differences between `actual` and this pattern, each as `$.path: problem`. With `subset`,
    /// objects may have members the pattern does not name; arrays always match item for item.
    pub fn differences(&self, actual: &Value, subset: bool) -> Vec<String> {
        let mut out = Vec::new();
        self.compare(actual, subset, "$", &mut out);
        out
    }

    fn compare(&self, actual: &Value, subset: bool, path: &str, out: &mut Vec<String>) {
        if out.len() >= MAX_DIFFERENCES {
            return;
        }
        match (self, actual) {
            (JsonPattern::Shape(shape), v) => {
                if !shape.matches_json(v) {
                    out.push(format!("{path}: expected a value of shape `{}`, got {v}", shape.name()));
                }
            }
            (JsonPattern::Regex(p), Value::String(s)) if p.is_match(s) => {}
            (JsonPattern::Regex(p), v) => out.push(format!("{path}: expected a string matching /{}/, got {v}", p.as_str())),
            (JsonPattern::Literal(want), got) => {
                if !same_scalar(want, got) {
                    out.push(format!("{path}: expected {want}, got {got}"));
                }
            }
            (JsonPattern::Array(want), Value::Array(got)) => {
                if want.len() != got.len() {
                    out.push(format!("{path}: expected {} items, got {}: {actual}", want.len(), got.len()));
                    return;
                }
                for (i, (w, g)) in want.iter().zip(got).enumerate() {
                    w.compare(g, subset, &format!("{path}[{i}]"), out);
                }
            }
            (JsonPattern::Object(want), Value::Object(got)) => {
                for (key, w) in want {
                    match got.get(key) {
                        Some(g) => w.compare(g, subset, &member_path(path, key), out),
                        None => out.push(format!("{}: missing (expected {})", member_path(path, key), w.to_value())),
                    }
                }
                if !subset {
                    for key in got.keys().filter(|k| !want.iter().any(|(w, _)| w == *k)) {
                        out.push(format!("{}: unexpected member {}", member_path(path, key), got[key]));
                    }
                }
            }
            (want, got) => out.push(format!("{path}: expected {}, got {got}", want.to_value())),
        }
    }
}

fn member_path(path: &str, key: &str) -> String {
    if !key.is_empty() && key.chars().all(|c| c.is_ascii_alphanumeric() || c == '_') {
        format!("{path}.{key}")
    } else {
        format!("{path}[{}]", Value::String(key.to_owned()))
    }
}

/// Scalars compare by value; numbers by numeric value, so TOML's `1` equals JSON's `1.0`.
fn same_scalar(want: &Value, got: &Value) -> bool {
    match (want, got) {
        (Value::Number(a), Value::Number(b)) => a == b || a.as_f64() == b.as_f64(),
        (a, b) => a == b,
    }
}

impl<'de> Deserialize<'de> for JsonPattern {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        JsonPattern::from_value(Value::deserialize(d)?).map_err(de::Error::custom)
    }
}

impl Serialize for JsonPattern {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        self.to_value().serialize(s)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn pattern(v: Value) -> JsonPattern {
        JsonPattern::from_value(v).unwrap()
    }

    #[test]
    fn exact_rejects_extra_members_subset_allows_them() {
        let p = pattern(json!({ "a": 1 }));
        let actual = json!({ "a": 1, "b": 2 });
        assert_eq!(p.differences(&actual, false), vec!["$.b: unexpected member 2"]);
        assert!(p.differences(&actual, true).is_empty());
    }

    #[test]
    fn reports_the_path_of_a_difference() {
        let p = pattern(json!({ "params": { "slug": ["a", "b"] } }));
        let diffs = p.differences(&json!({ "params": { "slug": ["a", "c"] } }), false);
        assert_eq!(diffs, vec![r#"$.params.slug[1]: expected "b", got "c""#]);
    }

    #[test]
    fn placeholders_match_by_shape_and_regex() {
        let p = pattern(json!({ "n": { "$shape": "integer" }, "q": { "$shape": "null" }, "v": { "$regex": "^v\\d$" } }));
        assert!(p.differences(&json!({ "n": 7, "q": null, "v": "v1" }), false).is_empty());
        assert_eq!(p.differences(&json!({ "n": "7", "q": null, "v": "v1" }), false).len(), 1);
    }

    #[test]
    fn numbers_compare_by_value() {
        assert!(pattern(json!(1)).differences(&json!(1.0), false).is_empty());
        assert!(!pattern(json!(1)).differences(&json!("1"), false).is_empty());
    }

    #[test]
    fn unknown_placeholder_is_an_error() {
        assert!(JsonPattern::from_value(json!({ "$shap": "integer" })).is_err());
    }
}
