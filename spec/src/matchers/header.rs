//! Header matchers. A header's value is its field value: repeated fields joined with ", ".
//!
//! In a case: `allow = "GET"` (exact), or a table with exactly one of `exact`, `regex`,
//! `absent = true`, `present = true`, `set = [..]` (comma-separated list compared as a set),
//! `fields = [..]` (the header's separate field lines, in order: a folded or split header
//! fails it), `contains`, `shape`.

use super::pattern::Pattern;
use super::shape::Shape;
use crate::response::Response;
use serde::de::{self, Deserializer, MapAccess, Visitor, value::MapAccessDeserializer};
use serde::{Deserialize, Serialize};
use std::collections::BTreeSet;
use std::fmt;

#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum HeaderMatcher {
    Exact(String),
    Regex(Pattern),
    Absent,
    Present,
    Set(Vec<String>),
    Fields(Vec<String>),
    Contains(String),
    Shape(Shape),
}

impl HeaderMatcher {
    /// Why the response's `name` header does not match, or `None` when it does.
    pub fn check(&self, name: &str, response: &Response) -> Option<String> {
        let value = response.header(name);
        let Some(value) = value else {
            return match self {
                HeaderMatcher::Absent => None,
                other => Some(format!("expected {}, but the response has no `{name}` header", other.describe())),
            };
        };
        let ok = match self {
            HeaderMatcher::Absent => return Some(format!("expected no `{name}` header, got `{value}`")),
            HeaderMatcher::Present => true,
            HeaderMatcher::Exact(expected) => value == *expected,
            HeaderMatcher::Regex(pattern) => pattern.is_match(&value),
            HeaderMatcher::Contains(part) => value.contains(part.as_str()),
            HeaderMatcher::Shape(shape) => shape.matches_text(&value),
            HeaderMatcher::Set(expected) => return set_difference(expected, &value),
            HeaderMatcher::Fields(expected) => {
                let got: Vec<&str> = response.header_values(name).collect();
                return (got != *expected).then(|| {
                    format!("expected {} field lines {expected:?}, got {} field lines {got:?}", expected.len(), got.len())
                });
            }
        };
        (!ok).then(|| format!("expected {}, got `{value}`", self.describe()))
    }

    fn describe(&self) -> String {
        match self {
            HeaderMatcher::Exact(v) => format!("`{v}`"),
            HeaderMatcher::Regex(p) => format!("a match for /{}/", p.as_str()),
            HeaderMatcher::Absent => "no such header".into(),
            HeaderMatcher::Present => "the header to be present".into(),
            HeaderMatcher::Set(items) => format!("the set {{{}}}", items.join(", ")),
            HeaderMatcher::Fields(items) => format!("the field lines {items:?}"),
            HeaderMatcher::Contains(part) => format!("a value containing `{part}`"),
            HeaderMatcher::Shape(shape) => format!("a value of shape `{}`", shape.name()),
        }
    }
}

/// Compares a comma-separated header value with a set of items.
fn set_difference(expected: &[String], value: &str) -> Option<String> {
    let want: BTreeSet<&str> = expected.iter().map(|s| s.trim()).collect();
    let got_items: Vec<&str> = value.split(',').map(str::trim).filter(|s| !s.is_empty()).collect();
    let got: BTreeSet<&str> = got_items.iter().copied().collect();
    let missing: Vec<&str> = want.difference(&got).copied().collect();
    let extra: Vec<&str> = got.difference(&want).copied().collect();
    let repeated = got_items.len() != got.len();
    if missing.is_empty() && extra.is_empty() && !repeated {
        return None;
    }
    let mut parts = Vec::new();
    if !missing.is_empty() {
        parts.push(format!("missing {}", missing.join(", ")));
    }
    if !extra.is_empty() {
        parts.push(format!("unexpected {}", extra.join(", ")));
    }
    if repeated {
        parts.push("an item is repeated".into());
    }
    Some(format!(
        "expected the set {{{}}}, got `{value}` ({})",
        want.into_iter().collect::<Vec<_>>().join(", "),
        parts.join("; ")
    ))
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawHeaderMatcher {
    exact: Option<String>,
    regex: Option<Pattern>,
    absent: Option<bool>,
    present: Option<bool>,
    set: Option<Vec<String>>,
    fields: Option<Vec<String>>,
    contains: Option<String>,
    shape: Option<Shape>,
}

impl TryFrom<RawHeaderMatcher> for HeaderMatcher {
    type Error = String;

    fn try_from(raw: RawHeaderMatcher) -> Result<Self, String> {
        let mut found = Vec::new();
        if let Some(v) = raw.exact {
            found.push(HeaderMatcher::Exact(v));
        }
        if let Some(p) = raw.regex {
            found.push(HeaderMatcher::Regex(p));
        }
        match raw.absent {
            Some(true) => found.push(HeaderMatcher::Absent),
            Some(false) => return Err("`absent = false` says nothing; write `present = true`".into()),
            None => {}
        }
        match raw.present {
            Some(true) => found.push(HeaderMatcher::Present),
            Some(false) => return Err("`present = false` says nothing; write `absent = true`".into()),
            None => {}
        }
        if let Some(items) = raw.set {
            found.push(HeaderMatcher::Set(items));
        }
        if let Some(lines) = raw.fields {
            found.push(HeaderMatcher::Fields(lines));
        }
        if let Some(part) = raw.contains {
            found.push(HeaderMatcher::Contains(part));
        }
        if let Some(shape) = raw.shape {
            found.push(HeaderMatcher::Shape(shape));
        }
        match found.len() {
            1 => Ok(found.pop().unwrap()),
            n => Err(format!(
                "a header matcher has exactly one of `exact`, `regex`, `absent`, `present`, `set`, `fields`, `contains`, `shape` (found {n})"
            )),
        }
    }
}

impl<'de> Deserialize<'de> for HeaderMatcher {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct MatcherVisitor;
        impl<'de> Visitor<'de> for MatcherVisitor {
            type Value = HeaderMatcher;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a string (exact value) or a matcher table such as `{ set = [...] }`")
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<HeaderMatcher, E> {
                Ok(HeaderMatcher::Exact(v.to_owned()))
            }
            fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<HeaderMatcher, A::Error> {
                let raw = RawHeaderMatcher::deserialize(MapAccessDeserializer::new(map))?;
                HeaderMatcher::try_from(raw).map_err(de::Error::custom)
            }
        }
        d.deserialize_any(MatcherVisitor)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn response(headers: &[(&str, &str)]) -> Response {
        Response::from_parts(200, headers, Vec::new())
    }

    fn set(items: &[&str]) -> HeaderMatcher {
        HeaderMatcher::Set(items.iter().map(|s| s.to_string()).collect())
    }

    #[test]
    fn set_ignores_order_and_spacing() {
        let r = response(&[("allow", "OPTIONS,GET ,  HEAD")]);
        assert_eq!(set(&["GET", "HEAD", "OPTIONS"]).check("allow", &r), None);
    }

    #[test]
    fn set_names_missing_and_extra_items() {
        let r = response(&[("allow", "GET, POST")]);
        let problem = set(&["GET", "HEAD"]).check("allow", &r).unwrap();
        assert!(problem.contains("missing HEAD"), "{problem}");
        assert!(problem.contains("unexpected POST"), "{problem}");
    }

    #[test]
    fn set_rejects_repeated_items() {
        let r = response(&[("allow", "GET, GET")]);
        assert!(set(&["GET"]).check("allow", &r).is_some());
    }

    #[test]
    fn repeated_fields_are_joined() {
        let r = response(&[("x-a", "1"), ("X-A", "2")]);
        assert_eq!(HeaderMatcher::Exact("1, 2".into()).check("x-a", &r), None);
    }

    #[test]
    fn fields_tell_separate_lines_from_one_folded_line() {
        let fields = HeaderMatcher::Fields(vec!["a=1".into(), "b=2".into()]);
        assert_eq!(fields.check("set-cookie", &response(&[("set-cookie", "a=1"), ("set-cookie", "b=2")])), None);
        let folded = fields.check("set-cookie", &response(&[("set-cookie", "a=1, b=2")])).unwrap();
        assert!(folded.contains("got 1 field lines"), "{folded}");
    }

    #[test]
    fn absent_and_present() {
        let r = response(&[("x-a", "1")]);
        assert!(HeaderMatcher::Absent.check("x-a", &r).is_some());
        assert_eq!(HeaderMatcher::Absent.check("x-b", &r), None);
        assert!(HeaderMatcher::Present.check("x-b", &r).unwrap().contains("no `x-b` header"));
    }
}
