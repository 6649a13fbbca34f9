//! The typed case: what one TOML file under `cases/` says.
//!
//! Every table rejects unknown keys. Values that can be wrong in ways TOML cannot see (version
//! ranges, regexes, header names, methods, paths) are checked while deserializing, so the
//! error carries the span of the offending value.

use crate::capability::Capability;
use crate::capture::CaptureSource;
use crate::eventually::{self, Eventually};
use crate::matchers::{Expect, Should};
use crate::severity::Severity;
use crate::token::{header_name, is_tchar};
use crate::versions::Versions;
use serde::de::{self, Deserializer, MapAccess, Visitor};
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, BTreeSet};
use std::fmt;
use std::path::PathBuf;

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Case {
    /// The file's path below the cases folder, without `.toml`; set by the loader.
    #[serde(skip)]
    pub id: String,
    /// Where the case was read from; set by the loader.
    #[serde(skip)]
    pub path: PathBuf,
    pub title: String,
    pub doc: Doc,
    pub basis: Basis,
    /// The Next.js versions for which the behaviour holds.
    #[serde(default = "Versions::any")]
    pub next: Versions,
    #[serde(default)]
    pub needs: Vec<Capability>,
    /// `should` makes every mismatch of the case a warning (a detail clients rarely rely on).
    #[serde(default)]
    pub severity: Severity,
    /// The fixture app whose route the case requests: `fixture-app` (the default) or the name
    /// of a folder under `fixture-apps/`.
    #[serde(default = "default_app", deserialize_with = "app_name")]
    pub app: String,
    #[serde(rename = "step", deserialize_with = "steps")]
    pub steps: Vec<Step>,
}

/// The app cases request unless they name another.
pub const DEFAULT_APP: &str = "fixture-app";

fn default_app() -> String {
    DEFAULT_APP.to_owned()
}

fn app_name<'de, D: Deserializer<'de>>(d: D) -> Result<String, D::Error> {
    let name = String::deserialize(d)?;
    let valid = !name.is_empty() && name.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-');
    if !valid {
        return Err(de::Error::custom(format!("`{name}` is not an app name: use lower-case letters, digits and `-`")));
    }
    Ok(name)
}

/// The longest a step may wait before sending, so that the suite stays fast.
pub const MAX_WAIT_MS: u64 = 10_000;

/// At least one step; every value captured once and compared only after it is captured.
fn steps<'de, D: Deserializer<'de>>(d: D) -> Result<Vec<Step>, D::Error> {
    let steps = Vec::<Step>::deserialize(d)?;
    if steps.is_empty() {
        return Err(de::Error::custom("a case needs at least one [[step]]"));
    }
    let mut captured = BTreeSet::new();
    for (index, step) in steps.iter().enumerate() {
        let number = index + 1;
        if step.eventually.is_some() && !eventually::resendable(&step.request.method) {
            return Err(de::Error::custom(format!(
                "step {number}: `eventually` sends the request again, which only GET and HEAD may be; {} may not",
                step.request.method
            )));
        }
        if let Some(name) = step.request.placeholders().find(|name| !captured.contains(name)) {
            return Err(de::Error::custom(format!("step {number}: the request uses `{{{{{name}}}}}`, which no earlier step captures")));
        }
        for (name, source) in &step.capture {
            if let Some(problem) = source.invalid() {
                return Err(de::Error::custom(format!("step {number}: capture `{name}`: {problem}")));
            }
            if !captured.insert(name.as_str()) {
                return Err(de::Error::custom(format!("step {number}: `{name}` is captured twice; give each value its own name")));
            }
        }
        for (table, name, used) in step.comparisons() {
            if !captured.contains(used) {
                return Err(de::Error::custom(format!(
                    "step {number}: `{table}.captures.{name}` uses `{used}`, which this or an earlier step does not capture"
                )));
            }
        }
    }
    Ok(steps)
}

/// The doc statement a case encodes.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Doc {
    /// The doc page's title, e.g. `route.js`.
    pub page: String,
    /// The section's anchor on that page, e.g. `http-methods`.
    pub anchor: String,
    /// The sentence of the doc the case checks (for observed cases, the nearest one).
    pub quote: String,
    /// Where real Next.js and the doc differ, or what was observed and how.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Basis {
    /// A seed doc states the behaviour.
    Documented,
    /// Seen on a real `next start` of fixture-app; not written in the docs.
    Observed,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Step {
    /// Milliseconds to wait before sending the request (at most [`MAX_WAIT_MS`]).
    #[serde(default, deserialize_with = "wait_ms")]
    pub wait_ms: u64,
    /// Send the request again until the step matches or the time is up (see [`Eventually`]).
    #[serde(default)]
    pub eventually: Option<Eventually>,
    pub request: RequestSpec,
    /// Values to take from the response, by name, for `expect.captures` of this or later steps.
    #[serde(default)]
    pub capture: BTreeMap<String, CaptureSource>,
    pub expect: Expect,
    /// Checks whose mismatches are warnings (see [`crate::severity`]).
    #[serde(default)]
    pub should: Option<Should>,
    /// The line of each check in the case file; set by the loader.
    #[serde(skip)]
    pub lines: crate::locate::CheckLines,
}

impl Step {
    /// The values this step needs from earlier steps: the placeholders of its request and the
    /// values its comparisons name, but for those it captures itself.
    pub fn needs(&self) -> BTreeSet<&str> {
        let compared = self.comparisons().into_iter().map(|(_, _, used)| used);
        self.request.placeholders().chain(compared).filter(|name| !self.capture.contains_key(*name)).collect()
    }

    /// Each value a comparison of `expect.captures` or `should.captures` uses (the value it
    /// names and the one it is compared with), with its table and the comparison's name.
    fn comparisons(&self) -> Vec<(&'static str, &str, &str)> {
        let mut out = Vec::new();
        let should = self.should.as_ref().map(|s| &s.captures);
        for (table, captures) in [("expect", Some(&self.expect.captures)), ("should", should)] {
            for (name, comparison) in captures.into_iter().flatten() {
                out.push((table, name.as_str(), name.as_str()));
                out.push((table, name.as_str(), comparison.other()));
            }
        }
        out
    }
}

fn wait_ms<'de, D: Deserializer<'de>>(d: D) -> Result<u64, D::Error> {
    let wait = u64::deserialize(d)?;
    if wait > MAX_WAIT_MS {
        return Err(de::Error::custom(format!("wait_ms = {wait} is longer than {MAX_WAIT_MS}; keep cases fast")));
    }
    Ok(wait)
}

/// The request a step sends. The path is sent as written (percent-encode what must be).
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(try_from = "RawRequest")]
pub struct RequestSpec {
    pub method: String,
    pub path: String,
    /// Header fields in the order written; a name may repeat.
    pub headers: Vec<(String, String)>,
    pub body: Option<RequestBody>,
}

#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum RequestBody {
    /// Sent as is.
    Text(String),
    /// Serialized; `content-type: application/json` is added unless the step sets one.
    Json(serde_json::Value),
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawRequest {
    #[serde(default)]
    method: Option<String>,
    path: String,
    #[serde(default)]
    headers: HeaderList,
    #[serde(default)]
    body: Option<String>,
    #[serde(default)]
    json: Option<serde_json::Value>,
    #[serde(default)]
    body_repeat: Option<Repeat>,
}

/// `body_repeat = { text = "a", times = 1048576 }`: a text body of `text` written `times`
/// times, for bodies of an exact size too large to spell out (size limits).
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Repeat {
    text: String,
    times: usize,
}

/// The largest body `body_repeat` may build.
const MAX_REPEATED_BODY: usize = 64 * 1024 * 1024;

impl TryFrom<RawRequest> for RequestSpec {
    type Error = String;

    fn try_from(raw: RawRequest) -> Result<Self, String> {
        let method = raw.method.unwrap_or_else(|| "GET".to_owned());
        if method.is_empty() || !method.bytes().all(is_tchar) {
            return Err(format!("`{method}` is not an HTTP method token"));
        }
        if !raw.path.starts_with('/') {
            return Err(format!("the request path `{}` must start with `/`", raw.path));
        }
        if raw.path.chars().any(|c| c.is_ascii_control() || c == ' ' || c == '#') {
            return Err(format!("the request path `{}` has a space, `#` or control character; percent-encode it", raw.path));
        }
        let body = match (raw.body, raw.json, raw.body_repeat) {
            (Some(text), None, None) => Some(RequestBody::Text(text)),
            (None, Some(json), None) => Some(RequestBody::Json(json)),
            (None, None, Some(repeat)) => {
                if repeat.text.len().saturating_mul(repeat.times) > MAX_REPEATED_BODY {
                    return Err(format!("`body_repeat` builds more than {MAX_REPEATED_BODY} bytes"));
                }
                Some(RequestBody::Text(repeat.text.repeat(repeat.times)))
            }
            (None, None, None) => None,
            _ => return Err("a request has at most one of `body`, `json` and `body_repeat`".into()),
        };
        Ok(RequestSpec { method, path: raw.path, headers: raw.headers.0, body })
    }
}

impl RequestSpec {
    /// The names of the `{{name}}` placeholders in the path, header values and text body.
    pub fn placeholders(&self) -> impl Iterator<Item = &str> {
        let body = match &self.body {
            Some(RequestBody::Text(text)) => Some(text.as_str()),
            _ => None,
        };
        std::iter::once(self.path.as_str())
            .chain(self.headers.iter().map(|(_, v)| v.as_str()))
            .chain(body)
            .flat_map(crate::capture::placeholders)
    }

    /// This request with its placeholders filled from `captured`.
    pub fn filled(&self, captured: &crate::capture::Captured) -> RequestSpec {
        let fill = |text: &str| crate::capture::fill(text, captured);
        RequestSpec {
            method: self.method.clone(),
            path: fill(&self.path),
            headers: self.headers.iter().map(|(n, v)| (n.clone(), fill(v))).collect(),
            body: match &self.body {
                Some(RequestBody::Text(text)) => Some(RequestBody::Text(fill(text))),
                other => other.clone(),
            },
        }
    }
}

/// A TOML table of header fields in document order: `name = "value"` or `name = ["v1", "v2"]`.
#[derive(Debug, Clone, Default)]
pub(crate) struct HeaderList(pub Vec<(String, String)>);

impl<'de> Deserialize<'de> for HeaderList {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct ListVisitor;
        impl<'de> Visitor<'de> for ListVisitor {
            type Value = HeaderList;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a table of header names to a string or an array of strings")
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<HeaderList, A::Error> {
                let mut fields = Vec::new();
                while let Some(name) = map.next_key::<String>()? {
                    let name = header_name(&name).map_err(de::Error::custom)?;
                    match map.next_value::<OneOrMany>()? {
                        OneOrMany::One(v) => fields.push((name, v)),
                        OneOrMany::Many(vs) => fields.extend(vs.into_iter().map(|v| (name.clone(), v))),
                    }
                }
                Ok(HeaderList(fields))
            }
        }
        d.deserialize_map(ListVisitor)
    }
}

enum OneOrMany {
    One(String),
    Many(Vec<String>),
}

impl<'de> Deserialize<'de> for OneOrMany {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct OneOrManyVisitor;
        impl<'de> Visitor<'de> for OneOrManyVisitor {
            type Value = OneOrMany;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a string or an array of strings")
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<OneOrMany, E> {
                Ok(OneOrMany::One(v.to_owned()))
            }
            fn visit_seq<A: de::SeqAccess<'de>>(self, mut seq: A) -> Result<OneOrMany, A::Error> {
                let mut values = Vec::new();
                while let Some(v) = seq.next_element::<String>()? {
                    values.push(v);
                }
                Ok(OneOrMany::Many(values))
            }
        }
        d.deserialize_any(OneOrManyVisitor)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn request(toml_text: &str) -> Result<RequestSpec, String> {
        toml::from_str::<std::collections::BTreeMap<String, RequestSpec>>(toml_text)
            .map(|mut m| m.remove("r").expect("the r key"))
            .map_err(|e| e.to_string())
    }

    #[test]
    fn only_safe_methods_may_be_sent_again() {
        let case = |method: &str| {
            let text = format!(
                "title = \"t\"\nbasis = \"observed\"\ndoc = {{ page = \"p\", anchor = \"a\", quote = \"q\" }}\n\
                 [[step]]\neventually = {{ within_ms = 1000, every_ms = 100 }}\nrequest = {{ method = \"{method}\", path = \"/\" }}\nexpect.status = 200\n"
            );
            crate::parse_case("a/b", std::path::Path::new("b.toml"), &text).map_err(|d| d.to_string())
        };
        assert_eq!(case("GET").unwrap().steps[0].eventually.map(|e| e.every_ms), Some(100));
        assert!(case("HEAD").is_ok());
        let post = case("POST").unwrap_err();
        assert!(post.contains("step 1: `eventually` sends the request again, which only GET and HEAD may be; POST may not"), "{post}");
    }

    #[test]
    fn body_repeat_builds_a_body_of_exact_size() {
        let spec = request("r = { method = \"POST\", path = \"/\", body_repeat = { text = \"ab\", times = 3 } }").unwrap();
        assert!(matches!(spec.body, Some(RequestBody::Text(ref t)) if t == "ababab"));
    }

    #[test]
    fn body_repeat_excludes_other_bodies_and_huge_sizes() {
        let both = request("r = { path = \"/\", body = \"x\", body_repeat = { text = \"a\", times = 1 } }").unwrap_err();
        assert!(both.contains("at most one of"), "{both}");
        let huge = request("r = { path = \"/\", body_repeat = { text = \"a\", times = 100000000 } }").unwrap_err();
        assert!(huge.contains("more than"), "{huge}");
        let typo = request("r = { path = \"/\", body_repeat = { text = \"a\", count = 1 } }").unwrap_err();
        assert!(typo.contains("count"), "{typo}");
    }
}
