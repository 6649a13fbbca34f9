//! Body matchers. In a case, `expect.body` is a table of one or more checks, all of which must
//! hold: `exact`, `empty`, `contains` (a string or a list), `not_contains` (a string or a list
//! none of which may appear), `regex`, `json` (exact JSON),
//! `json_subset` (objects may have more members), `xml` (an element tree), `head_tags` (tags
//! of the HTML head, as a set), `nesting` (chains of HTML elements, each inside the one before)
//! and `image` (format and pixel size), and `file` (the exact bytes of a file of the project,
//! read when the cases are loaded).

use super::head_tags::TagPattern;
use super::image::ImageExpect;
use super::json::JsonPattern;
use super::nesting::Selector;
use super::pattern::Pattern;
use super::xml::XmlPattern;
use crate::response::Response;
use serde::de::{self, Deserializer};
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Default, Serialize)]
pub struct BodyMatcher {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub exact: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub empty: Option<bool>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub contains: Vec<String>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub not_contains: Vec<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub regex: Option<Pattern>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub json: Option<JsonPattern>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub json_subset: Option<JsonPattern>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub xml: Option<XmlPattern>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub head_tags: Vec<TagPattern>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub nesting: Vec<Vec<Selector>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub image: Option<ImageExpect>,
    /// A file of the fixture apps (`fixture-app/app/favicon.ico`: relative to the folder that
    /// holds them, see [`crate::load::SUITE_FILE`]) whose bytes the body must be.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub file: Option<String>,
    /// The file's bytes, read by [`crate::load_dir`].
    #[serde(skip)]
    pub file_bytes: Option<std::sync::Arc<Vec<u8>>>,
}

/// How much of a body a message quotes.
const EXCERPT_CHARS: usize = 200;

impl BodyMatcher {
    /// Why the response body does not match, one line per failed check.
    pub fn check(&self, response: &Response) -> Vec<String> {
        let text = response.body_text();
        let mut out = Vec::new();
        if let Some(want_empty) = self.empty {
            if want_empty && !response.body.is_empty() {
                out.push(format!("expected an empty body, got {} bytes: {}", response.body.len(), excerpt(&text)));
            } else if !want_empty && response.body.is_empty() {
                out.push("expected a body, got none".into());
            }
        }
        if let Some(exact) = &self.exact
            && *text != **exact
        {
            out.push(format!("expected exactly {:?}, got {}", exact, excerpt(&text)));
        }
        for part in &self.contains {
            if !text.contains(part.as_str()) {
                out.push(format!("expected it to contain {part:?}, got {}", excerpt(&text)));
            }
        }
        for part in &self.not_contains {
            if let Some(at) = text.find(part.as_str()) {
                out.push(format!("expected it not to contain {part:?}, found at byte {at}: {}", excerpt(&text[at..])));
            }
        }
        if let Some(p) = &self.regex
            && !p.is_match(&text)
        {
            out.push(format!("expected a match for /{}/, got {}", p.as_str(), excerpt(&text)));
        }
        for (pattern, subset) in [(&self.json, false), (&self.json_subset, true)] {
            let Some(pattern) = pattern else { continue };
            match serde_json::from_slice::<serde_json::Value>(&response.body) {
                Ok(actual) => out.extend(pattern.differences(&actual, subset)),
                Err(e) => out.push(format!("expected JSON, but it does not parse ({e}): {}", excerpt(&text))),
            }
        }
        if let Some(problem) = self.xml.as_ref().and_then(|xml| xml.check(&text)) {
            out.push(problem);
        }
        if let Some(problem) = (!self.head_tags.is_empty()).then(|| super::head_tags::check(&self.head_tags, &text)).flatten() {
            out.push(problem);
        }
        if let Some(problem) = (!self.nesting.is_empty()).then(|| super::nesting::check(&self.nesting, &text)).flatten() {
            out.push(problem);
        }
        if let Some(problem) = self.image.as_ref().and_then(|image| image.check(&response.body)) {
            out.push(problem);
        }
        if let Some(file) = &self.file {
            out.extend(same_bytes(file, self.file_bytes.as_deref().map(Vec::as_slice), &response.body));
        }
        if !out.is_empty() && response.body_truncated {
            out.push(format!("(the body was cut at {} bytes)", response.body.len()));
        }
        out
    }
}

/// Why `body` is not the bytes of `file`, if it is not.
fn same_bytes(file: &str, expected: Option<&[u8]>, body: &[u8]) -> Option<String> {
    let Some(expected) = expected else { return Some(format!("the file `{file}` was not read (load the cases with load_dir)")) };
    if expected == body {
        return None;
    }
    let at = expected.iter().zip(body).position(|(a, b)| a != b).unwrap_or(expected.len().min(body.len()));
    Some(format!("expected the {} bytes of `{file}`, got {} bytes, differing from byte {at}", expected.len(), body.len()))
}

fn excerpt(text: &str) -> String {
    if text.chars().count() <= EXCERPT_CHARS {
        return format!("{text:?}");
    }
    let head: String = text.chars().take(EXCERPT_CHARS).collect();
    format!("{head:?}... ({} bytes)", text.len())
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawBodyMatcher {
    exact: Option<String>,
    empty: Option<bool>,
    contains: Option<StringOrList>,
    not_contains: Option<StringOrList>,
    regex: Option<Pattern>,
    json: Option<JsonPattern>,
    json_subset: Option<JsonPattern>,
    xml: Option<XmlPattern>,
    head_tags: Option<Vec<TagPattern>>,
    nesting: Option<Vec<Vec<Selector>>>,
    image: Option<ImageExpect>,
    file: Option<String>,
}

#[derive(Deserialize)]
#[serde(untagged, expecting = "a string or an array of strings")]
enum StringOrList {
    One(String),
    Many(Vec<String>),
}

impl StringOrList {
    fn into_vec(self) -> Vec<String> {
        match self {
            StringOrList::One(s) => vec![s],
            StringOrList::Many(v) => v,
        }
    }
}

impl<'de> Deserialize<'de> for BodyMatcher {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let raw = RawBodyMatcher::deserialize(d)?;
        let matcher = BodyMatcher {
            exact: raw.exact,
            empty: raw.empty,
            contains: raw.contains.map(StringOrList::into_vec).unwrap_or_default(),
            not_contains: raw.not_contains.map(StringOrList::into_vec).unwrap_or_default(),
            regex: raw.regex,
            json: raw.json,
            json_subset: raw.json_subset,
            xml: raw.xml,
            head_tags: raw.head_tags.unwrap_or_default(),
            nesting: raw.nesting.unwrap_or_default(),
            image: raw.image,
            file: raw.file,
            file_bytes: None,
        };
        let checks = [
            matcher.exact.is_some(),
            matcher.empty.is_some(),
            !matcher.contains.is_empty(),
            !matcher.not_contains.is_empty(),
            matcher.regex.is_some(),
            matcher.json.is_some(),
            matcher.json_subset.is_some(),
            matcher.xml.is_some(),
            !matcher.head_tags.is_empty(),
            !matcher.nesting.is_empty(),
            matcher.image.is_some(),
            matcher.file.is_some(),
        ];
        match checks.iter().filter(|c| **c).count() {
            0 => Err(de::Error::custom(
                "a body matcher needs at least one of `exact`, `empty`, `contains`, `not_contains`, `regex`, `json`, `json_subset`, `xml`, `head_tags`, `nesting`, `image`, `file`",
            )),
            n if n > 1 && matcher.empty == Some(true) => {
                Err(de::Error::custom("`empty = true` cannot be combined with other body checks"))
            }
            _ => Ok(matcher),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn body(text: &str) -> Response {
        Response { status: 200, body: text.as_bytes().to_vec(), ..Default::default() }
    }

    fn matcher(toml_text: &str) -> BodyMatcher {
        toml::from_str::<std::collections::BTreeMap<String, BodyMatcher>>(toml_text).unwrap().remove("b").unwrap()
    }

    #[test]
    fn empty_and_exact() {
        assert!(matcher("b = { empty = true }").check(&body("")).is_empty());
        assert_eq!(matcher("b = { empty = true }").check(&body("x")).len(), 1);
        assert!(matcher("b = { exact = \"hi\" }").check(&body("hi")).is_empty());
        assert_eq!(matcher("b = { exact = \"hi\" }").check(&body("hi!")).len(), 1);
    }

    #[test]
    fn contains_every_part() {
        let m = matcher("b = { contains = [\"One\", \"Two\"] }");
        assert!(m.check(&body("<p>One</p><p>Two</p>")).is_empty());
        assert_eq!(m.check(&body("<p>One</p>")).len(), 1);
    }

    #[test]
    fn not_contains_any_part() {
        let m = matcher("b = { not_contains = [\"blog\", \"shop\"] }");
        assert!(m.check(&body("<p>home</p>")).is_empty());
        let problems = m.check(&body("<div data-template=\"blog\">"));
        assert_eq!(problems.len(), 1);
        assert!(problems[0].contains("found at byte 20"), "{problems:?}");
    }

    #[test]
    fn json_that_does_not_parse() {
        let problems = matcher("b = { json = { a = 1 } }").check(&body("{oops"));
        assert!(problems[0].starts_with("expected JSON, but it does not parse"), "{problems:?}");
    }

    #[test]
    fn rejects_an_empty_matcher_table() {
        assert!(toml::from_str::<std::collections::BTreeMap<String, BodyMatcher>>("b = {}").is_err());
    }
}
