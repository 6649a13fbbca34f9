//! What a step checks of the response (its `expect` and `should` tables), and the comparison
//! that explains each difference.
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

use crate::mismatch::{Mismatch, Subject};
use crate::response::Response;
use crate::severity::Severity;
use crate::token::header_name;
use body::BodyMatcher;
use header::HeaderMatcher;
use serde::de::{self, Deserializer, MapAccess, Visitor};
use serde::{Deserialize, Serialize, Serializer};
use std::collections::BTreeMap;
use std::fmt;

/// The checks of one step's table: `expect` ([`Expect`], with the status; each mismatch fails
/// the step) or `should` ([`Should`], the same checks but the status; each mismatch is a
/// warning). `S` is the table's `status` key.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields, bound(serialize = "S: Serialize + StatusKey"))]
pub struct Checks<S> {
    #[serde(skip_serializing_if = "StatusKey::is_absent")]
    pub status: S,
    /// The reason phrase of the status line, where Next.js writes its own (`Invalid JSON`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reason: Option<String>,
    #[serde(default, skip_serializing_if = "HeaderExpects::is_empty")]
    pub headers: HeaderExpects,
    /// The answer carries no header beyond those the step names (in `expect.headers`,
    /// `should.headers`, and `Set-Cookie` when `set_cookies` is given) and the transport headers
    /// of [`complete`].
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub headers_complete: bool,
    /// Every `Set-Cookie` line, in order (see [`set_cookie`]).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub set_cookies: Option<Vec<set_cookie::CookieExpect>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub body: Option<BodyMatcher>,
    /// Values captured by this or earlier steps, compared with earlier ones (see
    /// [`crate::capture`]); checked with the values captured so far.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub captures: BTreeMap<String, Comparison>,
}

/// A step's `expect` table: the status and the checks that make the claim.
pub type Expect = Checks<Status>;

/// A step's `should` table: checks of details clients rarely rely on, whose mismatches are
/// warnings. The status is never a should.
pub type Should = Checks<NoStatus>;

/// The `status` key of a table of checks.
pub trait StatusKey {
    /// True for the `should` table, which has none.
    fn is_absent(&self) -> bool;
}

/// `expect.status`: required, a status code from 100 to 599.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(transparent)]
pub struct Status(pub u16);

impl StatusKey for Status {
    fn is_absent(&self) -> bool {
        false
    }
}

impl<'de> Deserialize<'de> for Status {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let code = u16::deserialize(d)?;
        if !(100..=599).contains(&code) {
            return Err(de::Error::custom(format!("{code} is not an HTTP status code (100 to 599)")));
        }
        Ok(Status(code))
    }
}

/// `should` has no status: a different status is a different answer, never a detail.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct NoStatus;

impl StatusKey for NoStatus {
    fn is_absent(&self) -> bool {
        true
    }
}

impl Serialize for NoStatus {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_none()
    }
}

/// Accepts only a missing key (serde asks for an option then), so `should.status` is an error
/// at its value.
impl<'de> Deserialize<'de> for NoStatus {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct Refuse;
        impl<'de> Visitor<'de> for Refuse {
            type Value = NoStatus;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("no status")
            }
            fn visit_none<E: de::Error>(self) -> Result<NoStatus, E> {
                Ok(NoStatus)
            }
            fn visit_some<D: Deserializer<'de>>(self, _: D) -> Result<NoStatus, D::Error> {
                Err(de::Error::custom("the status cannot be a `should`: a different status is a different answer; check it in `expect.status`"))
            }
        }
        d.deserialize_option(Refuse)
    }
}

impl<S> Checks<S> {
    /// Whether these checks name header `name` (lower case) as one the answer may carry.
    pub fn names_header(&self, name: &str) -> bool {
        let named = self.headers.0.iter().any(|(n, m)| n == name && !matches!(m, HeaderMatcher::Absent));
        named || (name == "set-cookie" && self.set_cookies.is_some())
    }

    /// The differences found by every check but the status and completeness, as musts.
    fn differences(&self, response: &Response) -> Vec<Mismatch> {
        let mut out = Vec::new();
        if let Some(reason) = &self.reason
            && response.reason.as_deref() != Some(reason.as_str())
        {
            let got = response.reason.as_deref().unwrap_or("");
            out.push(Mismatch::new(Subject::Reason, format!("expected `{reason}`, got `{got}`")));
        }
        for (name, matcher) in &self.headers.0 {
            if let Some(problem) = matcher.check(name, response) {
                out.push(Mismatch::new(Subject::Header(name.clone()), problem));
            }
        }
        if let Some(cookies) = &self.set_cookies {
            out.extend(set_cookie::check(cookies, response).into_iter().map(|problem| Mismatch::new(Subject::SetCookies, problem)));
        }
        if let Some(body) = &self.body {
            out.extend(body.check(response).into_iter().map(|problem| Mismatch::new(Subject::Body, problem)));
        }
        out
    }
}

impl Expect {
    /// Every difference between this expectation alone and `response`; empty when it matches.
    pub fn check(&self, response: &Response) -> Vec<Mismatch> {
        check(self, None, response, &[])
    }
}

/// Every difference between a step's tables and `response`: `expect`'s as musts, `should`'s as
/// warnings. A header either table names counts as named for a complete answer, and the
/// completeness check has the severity of the table that asks for it (`expect` first). The
/// headers named in `ignored` (lower case) are exempt from completeness as the transport
/// headers are: those a CDN in front of the target adds (`--ignore-header`).
pub fn check(expect: &Expect, should: Option<&Should>, response: &Response, ignored: &[String]) -> Vec<Mismatch> {
    let mut out = Vec::new();
    if response.status != expect.status.0 {
        out.push(Mismatch::new(Subject::Status, format!("expected {}, got {}", expect.status.0, response.status)));
    }
    out.extend(expect.differences(response));
    if let Some(should) = should {
        out.extend(should.differences(response).into_iter().map(|m| m.of(Severity::Should)));
    }
    let complete = match should {
        _ if expect.headers_complete => Some(Severity::Must),
        Some(should) if should.headers_complete => Some(Severity::Should),
        _ => None,
    };
    if let Some(severity) = complete {
        // A header a check is about (an `absent` one too) is that check's to report: one cause,
        // one message.
        let checked = |checks: &HeaderExpects, name: &str| checks.0.iter().any(|(n, _)| n == name);
        let named = |name: &str| {
            expect.names_header(name)
                || should.is_some_and(|s| s.names_header(name))
                || checked(&expect.headers, name)
                || should.is_some_and(|s| checked(&s.headers, name))
                || ignored.iter().any(|i| i == name)
        };
        for (name, value) in complete::unexpected(response, named) {
            let problem = format!("not expected in this complete answer, got `{value}`");
            out.push(Mismatch::new(Subject::OtherHeader(name.to_owned()), problem).of(severity));
        }
    }
    out
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
        let subjects: Vec<String> = e.check(&response).into_iter().map(|m| m.subject.to_string()).collect();
        assert!(subjects.contains(&"other header `x-powered-by`".to_owned()), "{subjects:?}");
        assert!(!subjects.iter().any(|s| s.contains("content-length") || s.contains("content-type")), "{subjects:?}");
        // An `absent` matcher does not allow the header it names, and says so once.
        let leaked = Response::from_parts(200, &[("content-type", "text/plain"), ("x-gone", "1")], "ok");
        let about: Vec<String> = e.check(&leaked).iter().filter(|m| m.header() == Some("x-gone")).map(ToString::to_string).collect();
        assert_eq!(about, ["header `x-gone`: expected no `x-gone` header, got `1`"]);
    }

    #[test]
    fn headers_the_run_ignores_are_exempt_from_a_complete_answer() {
        let e = expect("status = 200\nheaders_complete = true\nheaders.content-type = \"text/plain\"");
        let response = Response::from_parts(200, &[("content-type", "text/plain"), ("x-vercel-cache", "HIT"), ("x-other", "1")], "");
        let subjects = |ignored: &[String]| -> Vec<String> { check(&e, None, &response, ignored).into_iter().map(|m| m.subject.to_string()).collect() };
        assert_eq!(subjects(&[]), ["other header `x-vercel-cache`", "other header `x-other`"]);
        assert_eq!(subjects(&["x-vercel-cache".to_owned()]), ["other header `x-other`"]);
    }

    #[test]
    fn without_headers_complete_other_headers_are_ignored() {
        let e = expect("status = 200\nheaders.content-type = \"text/plain\"");
        let response = Response::from_parts(200, &[("content-type", "text/plain"), ("x-anything", "1")], "");
        assert!(e.check(&response).is_empty());
    }
}
