//! A step's checks as people read them, from the JSON the report keeps of its `expect` and
//! `should` tables: the status, then one row per check (the reason phrase, each header matcher
//! in a few words, whether the answer is complete, the Set-Cookie list) and the body checks,
//! each marked with the severity of its table.

use serde_json::Value;
use spec::Severity;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Expected {
    pub status: Option<u64>,
    /// What is checked beside the body, one row each.
    pub rows: Vec<Row>,
    /// One line per body check: `empty`, `contains "x"`, `json {...}`.
    pub body: Vec<(String, Severity)>,
}

/// One check: what it is about (a lower-case header name, `reason phrase`, `other headers`,
/// `set-cookie`), what it expects in words (`GET, HEAD (as a set)`, `absent`), its severity.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Row {
    pub name: String,
    pub expects: String,
    pub severity: Severity,
}

/// The row name of a complete answer's check on the headers no row names.
pub const OTHER_HEADERS: &str = "other headers";
/// The row name of the reason phrase's check.
pub const REASON_PHRASE: &str = "reason phrase";

impl Expected {
    /// The checks of an `expect` table and, if the step has one, its `should` table.
    pub fn from_json(expect: &Value, should: Option<&Value>) -> Expected {
        let mut expected = Expected { status: expect["status"].as_u64(), rows: Vec::new(), body: Vec::new() };
        expected.add(expect, Severity::Must);
        if let Some(should) = should {
            expected.add(should, Severity::Should);
        }
        expected
    }

    fn add(&mut self, table: &Value, severity: Severity) {
        let mut row = |name: &str, expects: String| self.rows.push(Row { name: name.to_owned(), expects, severity });
        if let Some(reason) = table["reason"].as_str() {
            row(REASON_PHRASE, reason.to_owned());
        }
        for pair in table["headers"].as_array().into_iter().flatten() {
            if let (Some(name), Some(matcher)) = (pair.get(0).and_then(Value::as_str), pair.get(1)) {
                row(name, header_matcher(matcher));
            }
        }
        if let Some(cookies) = table["set_cookies"].as_array() {
            let lines: Vec<String> = cookies.iter().map(cookie).collect();
            row("set-cookie", if lines.is_empty() { "none".to_owned() } else { lines.join(" | ") });
        }
        if table["headers_complete"] == Value::Bool(true) {
            row(OTHER_HEADERS, "none (a complete answer: only the headers named here, and transport headers)".to_owned());
        }
        let checks = table["body"].as_object().into_iter().flatten().flat_map(|(check, value)| body_check(check, value));
        self.body.extend(checks.map(|line| (line, severity)));
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
        ("set", Value::Array(items)) => format!("{} (as a set)", words(items).join(", ")),
        ("fields", Value::Array(items)) => format!("{} (one field line each)", words(items).join(" | ")),
        ("regex", Value::String(p)) => format!("matches /{p}/"),
        ("contains", Value::String(part)) => format!("contains {part:?}"),
        ("shape", Value::String(shape)) => format!("shape {shape}"),
        (kind, value) => format!("{kind} {value}"),
    }
}

fn words(items: &[Value]) -> Vec<String> {
    items.iter().map(|i| i.as_str().map_or_else(|| i.to_string(), str::to_owned)).collect()
}

/// A cookie of a `set_cookies` list as its line: `name=value; attribute; ...`.
fn cookie(cookie: &Value) -> String {
    let mut line = format!("{}={}", cookie["name"].as_str().unwrap_or_default(), cookie["value"].as_str().unwrap_or_default());
    for attribute in cookie["attributes"].as_array().into_iter().flatten() {
        match attribute {
            Value::String(text) => line.push_str(&format!("; {text}")),
            other => line.push_str(&format!("; {}=<Date + {} s>", other["name"].as_str().unwrap_or_default(), other["seconds_after_date"])),
        }
    }
    line
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

    fn row(name: &str, expects: &str, severity: Severity) -> Row {
        Row { name: name.into(), expects: expects.into(), severity }
    }

    #[test]
    fn checks_read_as_words_with_their_severity() {
        let expect = json!({
            "status": 204,
            "headers": [["allow", {"set": ["GET", "HEAD"]}], ["x-powered-by", "absent"], ["date", {"shape": "http-date"}]],
            "headers_complete": true,
            "set_cookies": [{"name": "a", "value": "1", "attributes": ["Path=/", {"name": "Expires", "seconds_after_date": 60}]}],
            "body": {"empty": true, "contains": ["a", "b"]}
        });
        let should = json!({"reason": "No Content", "headers": [["allow", {"fields": ["GET", "HEAD"]}]]});
        assert_eq!(
            Expected::from_json(&expect, Some(&should)),
            Expected {
                status: Some(204),
                rows: vec![
                    row("allow", "GET, HEAD (as a set)", Severity::Must),
                    row("x-powered-by", "absent", Severity::Must),
                    row("date", "shape http-date", Severity::Must),
                    row("set-cookie", "a=1; Path=/; Expires=<Date + 60 s>", Severity::Must),
                    row(OTHER_HEADERS, "none (a complete answer: only the headers named here, and transport headers)", Severity::Must),
                    row(REASON_PHRASE, "No Content", Severity::Should),
                    row("allow", "GET | HEAD (one field line each)", Severity::Should),
                ],
                body: vec![("empty".into(), Severity::Must), ("contains \"a\"".into(), Severity::Must), ("contains \"b\"".into(), Severity::Must)],
            }
        );
    }
}
