//! A step's expectation as people read it, from the JSON the report keeps of it: the status,
//! each header matcher in a few words, and the body checks.

use serde_json::Value;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Expected {
    pub status: Option<u64>,
    /// Lower-case header name and what is expected of it: `GET, HEAD (as a set)`, `absent`.
    pub headers: Vec<(String, String)>,
    /// One line per body check: `empty`, `contains "x"`, `json {...}`.
    pub body: Vec<String>,
}

impl Expected {
    pub fn from_json(expect: &Value) -> Expected {
        let headers = expect["headers"]
            .as_array()
            .into_iter()
            .flatten()
            .filter_map(|pair| Some((pair.get(0)?.as_str()?.to_owned(), header_matcher(pair.get(1)?))))
            .collect();
        let body = expect["body"].as_object().into_iter().flatten().flat_map(|(check, value)| body_check(check, value)).collect();
        Expected { status: expect["status"].as_u64(), headers, body }
    }
}

/// A header matcher as serialized (`"absent"`, `{"set": [..]}`, `{"exact": ".."}`) in words.
fn header_matcher(matcher: &Value) -> String {
    if let Some(word) = matcher.as_str() {
        return word.to_owned();
    }
    let Some((kind, value)) = matcher.as_object().and_then(|m| m.iter().next()) else {
        return matcher.to_string();
    };
    match (kind.as_str(), value) {
        ("exact", Value::String(v)) => v.clone(),
        ("set", Value::Array(items)) => {
            let items: Vec<String> = items.iter().map(|i| i.as_str().map_or_else(|| i.to_string(), str::to_owned)).collect();
            format!("{} (as a set)", items.join(", "))
        }
        ("regex", Value::String(p)) => format!("matches /{p}/"),
        ("contains", Value::String(part)) => format!("contains {part:?}"),
        ("shape", Value::String(shape)) => format!("shape {shape}"),
        (kind, value) => format!("{kind} {value}"),
    }
}

fn body_check(check: &str, value: &Value) -> Vec<String> {
    match (check, value) {
        ("empty", Value::Bool(true)) => vec!["empty".into()],
        ("empty", Value::Bool(false)) => vec!["not empty".into()],
        ("exact", Value::String(text)) => vec![format!("exactly {text:?}")],
        ("contains", Value::Array(parts)) => parts.iter().map(|p| format!("contains {p}")).collect(),
        ("regex", Value::String(p)) => vec![format!("matches /{p}/")],
        ("json" | "json_subset", pattern) => {
            let pretty = serde_json::to_string_pretty(pattern).unwrap_or_default();
            vec![format!("{} {pretty}", if check == "json" { "JSON" } else { "JSON containing" })]
        }
        (check, value) => vec![format!("{check} {value}")],
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn matchers_read_as_words() {
        let expect = json!({
            "status": 204,
            "headers": [["allow", {"set": ["GET", "HEAD"]}], ["x-powered-by", "absent"], ["date", {"shape": "http-date"}]],
            "body": {"empty": true, "contains": ["a", "b"]}
        });
        assert_eq!(
            Expected::from_json(&expect),
            Expected {
                status: Some(204),
                headers: vec![
                    ("allow".into(), "GET, HEAD (as a set)".into()),
                    ("x-powered-by".into(), "absent".into()),
                    ("date".into(), "shape http-date".into()),
                ],
                body: vec!["empty".into(), "contains \"a\"".into(), "contains \"b\"".into()],
            }
        );
    }
}
