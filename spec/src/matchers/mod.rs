//! What a step expects of the response, and the comparison that explains each difference.
//!
//! - [`set_cookie`]: the list of `Set-Cookie` lines, parsed, attributes in order.
//! - [`header`]: one matcher per header name (exact, regex, absent, present, set, fields,
//!   contains, shape).
//! - [`complete`]: `headers_complete`, which fails any header the step does not name.
//! - [`body`]: exact, empty, contains, regex, JSON exact and JSON subset, XML, head tags, image.
//! - [`xml`]: XML documents compared as element trees.
//! - [`head_tags`]: `<link>`/`<meta>` tags of an HTML head, matched as a set.
//! - [`nesting`]: chains of HTML elements named by simple selectors, each inside the one before.
//! - [`image`]: image format and pixel size read from the bytes.
//! - [`json`]: JSON patterns whose leaves may be shapes or regexes (`{ "$shape" = "integer" }`).
//! - [`shape`]: named shapes for volatile values (dates, ETags, ids).
//! - [`pattern`]: regexes compiled while the case file is read.

pub mod body;
mod comparison;
pub mod complete;
pub mod head_tags;
pub mod header;
pub mod image;
pub mod json;
pub mod nesting;
pub mod pattern;
pub mod set_cookie;
pub mod shape;
pub mod xml;

pub use comparison::Comparison;

use crate::token::header_name;
use crate::response::Response;
use body::BodyMatcher;
use header::HeaderMatcher;
use serde::de::{self, Deserializer, MapAccess, Visitor};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::fmt;

#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Expect {
    #[serde(deserialize_with = "status_code")]
    pub status: u16,
    /// The reason phrase of the status line, where Next.js writes its own (`Invalid JSON`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reason: Option<String>,
    #[serde(default, skip_serializing_if = "HeaderExpects::is_empty")]
    pub headers: HeaderExpects,
    /// The answer carries no header beyond those named in `headers` (and `Set-Cookie` when
    /// `set_cookies` is given) and the transport headers of [`complete`].
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub headers_complete: bool,
    /// Every `Set-Cookie` line, in order (see [`set_cookie`]).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub set_cookies: Option<Vec<set_cookie::CookieExpect>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub body: Option<BodyMatcher>,
    /// Values captured by this or earlier steps, compared with earlier ones (see
    /// [`crate::capture`]); checked by the runner, which holds the captured values.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub captures: BTreeMap<String, Comparison>,
}

/// One difference between what a step expects and what came back.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Mismatch {
    /// What was compared: `status`, ``header `allow` ``, `body`.
    pub subject: String,
    /// Why it differs, with both sides.
    pub problem: String,
}

impl Mismatch {
    /// The header a mismatch is about, lower-case, if it is about one.
    pub fn header(&self) -> Option<&str> {
        self.subject.strip_prefix("header `")?.strip_suffix('`')
    }
}

impl fmt::Display for Mismatch {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.subject, self.problem)
    }
}

impl Expect {
    /// Every difference between this expectation and `response`; empty when it matches.
    pub fn check(&self, response: &Response) -> Vec<Mismatch> {
        let mut out = Vec::new();
        if response.status != self.status {
            out.push(Mismatch {
                subject: "status".into(),
                problem: format!("expected {}, got {}", self.status, response.status),
            });
        }
        if let Some(reason) = &self.reason
            && response.reason.as_deref() != Some(reason.as_str())
        {
            out.push(Mismatch {
                subject: "reason phrase".into(),
                problem: format!("expected `{reason}`, got `{}`", response.reason.as_deref().unwrap_or("")),
            });
        }
        for (name, matcher) in &self.headers.0 {
            if let Some(problem) = matcher.check(name, response) {
                out.push(Mismatch { subject: format!("header `{name}`"), problem });
            }
        }
        if self.headers_complete {
            for (name, value) in complete::unexpected(response, |name| self.names_header(name)) {
                out.push(Mismatch {
                    subject: format!("header `{name}`"),
                    problem: format!("not expected in this complete answer, got `{value}`"),
                });
            }
        }
        if let Some(cookies) = &self.set_cookies {
            let subject = || "Set-Cookie".to_owned();
            out.extend(set_cookie::check(cookies, response).into_iter().map(|problem| Mismatch { subject: subject(), problem }));
        }
        if let Some(body) = &self.body {
            out.extend(body.check(response).into_iter().map(|problem| Mismatch { subject: "body".into(), problem }));
        }
        out
    }
}

impl Expect {
    /// Whether the step names header `name` (lower case) as one the answer may carry.
    fn names_header(&self, name: &str) -> bool {
        let named = self.headers.0.iter().any(|(n, m)| n == name && !matches!(m, header::HeaderMatcher::Absent));
        named || (name == "set-cookie" && self.set_cookies.is_some())
    }
}

fn status_code<'de, D: Deserializer<'de>>(d: D) -> Result<u16, D::Error> {
    let code = u16::deserialize(d)?;
    if !(100..=599).contains(&code) {
        return Err(de::Error::custom(format!("{code} is not an HTTP status code (100 to 599)")));
    }
    Ok(code)
}

/// Header matchers keyed by lower-case header name, in the order written.
#[derive(Debug, Clone, Default, Serialize)]
pub struct HeaderExpects(pub Vec<(String, HeaderMatcher)>);

impl HeaderExpects {
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

impl<'de> Deserialize<'de> for HeaderExpects {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct ExpectsVisitor;
        impl<'de> Visitor<'de> for ExpectsVisitor {
            type Value = HeaderExpects;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a table of header names to matchers")
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<HeaderExpects, A::Error> {
                let mut matchers: Vec<(String, HeaderMatcher)> = Vec::new();
                while let Some(name) = map.next_key::<String>()? {
                    let name = header_name(&name).map_err(de::Error::custom)?;
                    if matchers.iter().any(|(n, _)| *n == name) {
                        return Err(de::Error::custom(format!("header `{name}` is expected twice (names ignore case)")));
                    }
                    matchers.push((name, map.next_value()?));
                }
                Ok(HeaderExpects(matchers))
            }
        }
        d.deserialize_map(ExpectsVisitor)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn expect(toml_text: &str) -> Expect {
        toml::from_str(toml_text).expect("a valid expectation")
    }

    #[test]
    fn a_complete_answer_fails_each_header_the_step_does_not_name() {
        let e = expect("status = 200\nheaders_complete = true\nheaders.content-type = \"text/plain\"\nheaders.x-gone = { absent = true }\nset_cookies = []");
        let response = Response::from_parts(
            200,
            &[("Content-Type", "text/plain"), ("x-powered-by", "Next.js"), ("content-length", "2"), ("set-cookie", "a=1")],
            "ok",
        );
        let subjects: Vec<String> = e.check(&response).into_iter().map(|m| m.subject).collect();
        assert!(subjects.contains(&"header `x-powered-by`".to_owned()), "{subjects:?}");
        assert!(!subjects.iter().any(|s| s.contains("content-length") || s.contains("content-type")), "{subjects:?}");
        // An `absent` matcher does not allow the header it names.
        let leaked = Response::from_parts(200, &[("content-type", "text/plain"), ("x-gone", "1")], "ok");
        assert_eq!(e.check(&leaked).iter().filter(|m| m.subject == "header `x-gone`").count(), 2);
    }

    #[test]
    fn without_headers_complete_other_headers_are_ignored() {
        let e = expect("status = 200\nheaders.content-type = \"text/plain\"");
        let response = Response::from_parts(200, &[("content-type", "text/plain"), ("x-anything", "1")], "");
        assert!(e.check(&response).is_empty());
    }
}
