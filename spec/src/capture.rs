//! Values a step takes from its response, and comparisons of them in the same or a later step.
//!
//! A case that shows caching captures a timestamp in one step and says, in a later step, that
//! the new value is the same (served from the cache) or differs (regenerated):
//!
//! ```toml
//! [[step]]
//! request = { path = "/cached" }
//! capture.first = { json = "/now" }
//! expect.status = 200
//!
//! [[step]]
//! wait_ms = 1500
//! request = { path = "/cached" }
//! capture.second = { json = "/now" }
//! expect.status = 200
//! expect.captures.second = { same_as = "first" }
//! ```

use crate::matchers::Comparison;
use crate::matchers::pattern::Pattern;
use crate::mismatch::{Mismatch, Subject};
use crate::response::Response;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// Where a value is taken from: a header (`{ header = "name" }`), a JSON Pointer into a JSON
/// body (`{ json = "/now" }`) or the whole body (`{ body = true }`; a body that is not UTF-8
/// text, such as an image, is taken as the hex digits of its bytes, so that two bodies compare
/// as their bytes do), optionally narrowed by a regex to its first group (or whole match,
/// without groups); `{ regex = "..." }` alone looks in the body.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct CaptureSource {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub header: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub json: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub body: Option<bool>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub regex: Option<Pattern>,
}

impl CaptureSource {
    /// The value this source names in `response`, or why there is none.
    pub fn extract(&self, response: &Response) -> Result<String, String> {
        let (value, place) = if let Some(name) = &self.header {
            (response.header(name).ok_or_else(|| format!("header `{name}` is absent"))?, format!("header `{name}`"))
        } else if let Some(pointer) = &self.json {
            let json: serde_json::Value =
                serde_json::from_slice(&response.body).map_err(|e| format!("the body is not JSON: {e}"))?;
            let value = match json.pointer(pointer) {
                Some(serde_json::Value::String(text)) => text.clone(),
                Some(value) => value.to_string(),
                None => return Err(format!("the JSON body has nothing at `{pointer}`")),
            };
            (value, format!("the JSON at `{pointer}`"))
        } else if self.body == Some(true) && std::str::from_utf8(&response.body).is_err() {
            (response.body.iter().map(|b| format!("{b:02x}")).collect(), "the body's bytes".to_owned())
        } else {
            (response.body_text().into_owned(), "the body".to_owned())
        };
        let Some(pattern) = &self.regex else { return Ok(value) };
        let found = pattern.0.captures(&value).ok_or_else(|| format!("`{}` is not found in {place}", pattern.as_str()))?;
        Ok(found.get(1).or_else(|| found.get(0)).map_or_else(String::new, |m| m.as_str().to_owned()))
    }

    /// Why this source cannot be used, if it cannot.
    pub(crate) fn invalid(&self) -> Option<String> {
        let named = [self.header.is_some(), self.json.is_some(), self.body.is_some()].into_iter().filter(|b| *b).count();
        if named > 1 {
            return Some("take the value from one of `header`, `json` and `body`".into());
        }
        if named == 0 && self.regex.is_none() {
            return Some("say where the value is: `header`, `json`, `body` or `regex`".into());
        }
        match (&self.header, &self.json, self.body) {
            (Some(name), _, _) => crate::token::header_name(name).err(),
            (_, Some(pointer), _) if !pointer.is_empty() && !pointer.starts_with('/') => {
                Some(format!("`{pointer}` is not a JSON Pointer: it must be empty or start with `/`"))
            }
            (_, _, Some(false)) => Some("`body = false` captures nothing; write `body = true`".into()),
            _ => None,
        }
    }
}

/// The names of the `{{name}}` placeholders in `text`, which a request fills with captured
/// values.
pub fn placeholders(text: &str) -> impl Iterator<Item = &str> {
    text.split("{{").skip(1).filter_map(|rest| rest.split_once("}}").map(|(name, _)| name.trim()))
}

/// `text` with each `{{name}}` replaced by the value captured as `name` (left as written when
/// there is none; the case loader rejects such cases).
pub fn fill(text: &str, captured: &Captured) -> String {
    if !text.contains("{{") {
        return text.to_owned();
    }
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(start) = rest.find("{{") {
        out.push_str(&rest[..start]);
        let after = &rest[start + 2..];
        match after.split_once("}}") {
            Some((name, tail)) if captured.contains_key(name.trim()) => {
                out.push_str(&captured[name.trim()]);
                rest = tail;
            }
            _ => {
                out.push_str("{{");
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

/// The values a case has captured so far, by name.
pub type Captured = BTreeMap<String, String>;

/// Takes each named value from `response` into `captured`; a value that is not there is a
/// mismatch.
pub fn capture(sources: &BTreeMap<String, CaptureSource>, response: &Response, captured: &mut Captured) -> Vec<Mismatch> {
    let mut out = Vec::new();
    for (name, source) in sources {
        match source.extract(response) {
            Ok(value) => {
                captured.insert(name.clone(), value);
            }
            Err(problem) => out.push(Mismatch::new(Subject::Capture(name.clone()), problem)),
        }
    }
    out
}

/// Checks each comparison against the values captured so far.
pub fn compare(comparisons: &BTreeMap<String, Comparison>, captured: &Captured) -> Vec<Mismatch> {
    let mut out = Vec::new();
    for (name, comparison) in comparisons {
        let (Some(value), Some(other)) = (captured.get(name), captured.get(comparison.other())) else {
            // A value that could not be captured is already reported as a mismatch.
            continue;
        };
        let problem = match comparison {
            Comparison::SameAs(other_name) if value != other => {
                Some(format!("expected the same value as `{other_name}` (`{other}`), got `{value}`"))
            }
            Comparison::DiffersFrom(other_name) if value == other => {
                Some(format!("expected a value other than `{other_name}`, got the same `{value}`"))
            }
            _ => None,
        };
        if let Some(problem) = problem {
            out.push(Mismatch::new(Subject::Captured(name.clone()), problem));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn source(toml_text: &str) -> Result<CaptureSource, String> {
        toml::from_str::<BTreeMap<String, CaptureSource>>(toml_text)
            .map(|mut m| m.remove("s").expect("the s key"))
            .map_err(|e| e.to_string())
    }

    fn json_response(body: &str) -> Response {
        Response::from_parts(200, &[("x-nextjs-cache", "HIT"), ("content-type", "application/json")], body)
    }

    #[test]
    fn takes_values_from_headers_json_body_and_regex() {
        let response = json_response(r#"{"now": 17, "id": "abc", "nested": {"list": [1, 2]}}"#);
        let extract = |text: &str| source(text).unwrap().extract(&response);
        assert_eq!(extract(r#"s = { header = "X-NextJS-Cache" }"#).unwrap(), "HIT");
        assert_eq!(extract(r#"s = { json = "/now" }"#).unwrap(), "17");
        assert_eq!(extract(r#"s = { json = "/id" }"#).unwrap(), "abc");
        assert_eq!(extract(r#"s = { json = "/nested/list" }"#).unwrap(), "[1,2]");
        assert_eq!(extract(r#"s = { regex = '"id": "(\w+)"' }"#).unwrap(), "abc");
        assert_eq!(extract(r#"s = { regex = '\d+' }"#).unwrap(), "17");
        assert!(extract("s = { body = true }").unwrap().starts_with("{\"now\""));
    }

    #[test]
    fn a_body_that_is_not_text_is_taken_as_hex() {
        let png = |last: u8| Response { status: 200, body: vec![0x89, b'P', b'N', b'G', 0xff, last], ..Default::default() };
        let body = source("s = { body = true }").unwrap();
        assert_eq!(body.extract(&png(0xfe)).unwrap(), "89504e47fffe");
        assert_ne!(body.extract(&png(0xfe)), body.extract(&png(0xfd)), "bytes that lossy text would merge");
    }

    #[test]
    fn a_missing_value_says_what_is_missing() {
        let response = json_response("not json");
        let problem = |text: &str| source(text).unwrap().extract(&response).unwrap_err();
        assert_eq!(problem(r#"s = { header = "etag" }"#), "header `etag` is absent");
        assert!(problem(r#"s = { json = "/now" }"#).starts_with("the body is not JSON"));
        assert_eq!(problem(r#"s = { regex = 'x(\d)' }"#), r"`x(\d)` is not found in the body");
        let json = json_response("{}");
        assert_eq!(source(r#"s = { json = "/now" }"#).unwrap().extract(&json).unwrap_err(), "the JSON body has nothing at `/now`");
    }

    #[test]
    fn a_regex_narrows_a_header_or_json_value() {
        let response = Response::from_parts(200, &[("set-cookie", "t=abc123; Path=/; HttpOnly")], r#"{"at": "n=42"}"#);
        let extract = |text: &str| source(text).unwrap().extract(&response);
        assert_eq!(extract(r#"s = { header = "set-cookie", regex = "^t=([^;]+)" }"#).unwrap(), "abc123");
        assert_eq!(extract(r#"s = { json = "/at", regex = '\d+' }"#).unwrap(), "42");
        assert_eq!(extract(r#"s = { header = "set-cookie", regex = "^u=" }"#).unwrap_err(), "`^u=` is not found in header `set-cookie`");
    }

    #[test]
    fn unknown_and_ambiguous_sources_are_rejected() {
        let typo = source(r#"s = { jsn = "/now" }"#).unwrap_err();
        assert!(typo.contains("jsn"), "{typo}");
        assert!(source(r#"s = { regex = "(" }"#).unwrap_err().contains("invalid regex"));
        assert!(source(r#"s = { json = "now" }"#).unwrap().invalid().is_some());
        assert!(source("s = { body = false }").unwrap().invalid().is_some());
        assert!(source(r#"s = { json = "/a", header = "b" }"#).unwrap().invalid().unwrap().contains("one of"));
        assert!(source("s = {}").unwrap().invalid().unwrap().contains("say where"));
    }

    #[test]
    fn placeholders_are_found_and_filled() {
        let captured: Captured = [("token".to_owned(), "abc".to_owned())].into();
        assert_eq!(placeholders("a={{token}}; b={{ other }}").collect::<Vec<_>>(), ["token", "other"]);
        assert_eq!(fill("__prerender_bypass={{token}}", &captured), "__prerender_bypass=abc");
        assert_eq!(fill("{{missing}} {{token}} {{", &captured), "{{missing}} abc {{");
        assert_eq!(fill("plain", &captured), "plain");
    }

    #[test]
    fn comparisons_report_equal_and_different_values() {
        let captured: Captured =
            [("a", "1"), ("b", "1"), ("c", "2")].into_iter().map(|(k, v)| (k.to_owned(), v.to_owned())).collect();
        let check = |name: &str, comparison: Comparison| compare(&BTreeMap::from([(name.to_owned(), comparison)]), &captured);
        assert!(check("b", Comparison::SameAs("a".into())).is_empty());
        assert!(check("c", Comparison::DiffersFrom("a".into())).is_empty());
        let same = check("c", Comparison::SameAs("a".into()));
        assert_eq!(same[0].to_string(), "captured `c`: expected the same value as `a` (`1`), got `2`");
        let differs = check("b", Comparison::DiffersFrom("a".into()));
        assert_eq!(differs[0].to_string(), "captured `b`: expected a value other than `a`, got the same `1`");
    }
}
