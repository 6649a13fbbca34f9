//! The HTML head matcher: `head_tags = [ { tag = "link", rel = "icon", href = { regex = "..." } } ]`.
//!
//! The page's `<head>` start tags are read with an HTML tokenizer; each expected tag must be
//! matched by a different tag of the head, in any order, and the head may hold other tags.
//! An expected tag names its element with `tag` and each attribute it checks with a string
//! (the exact value), `{ regex = "..." }` or `{ absent = true }`; attributes it does not name
//! are not compared. Attribute names compare without regard to case, as in HTML.

use super::pattern::Pattern;
use html5gum::{Token, Tokenizer};
use serde::de::{self, Deserializer};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::fmt;

#[derive(Debug, Clone, Serialize)]
#[serde(untagged)]
pub enum AttrMatcher {
    Exact(String),
    Regex { regex: Pattern },
    Absent { absent: bool },
}

impl AttrMatcher {
    fn matches(&self, value: Option<&str>) -> bool {
        match (self, value) {
            (AttrMatcher::Exact(want), Some(got)) => want == got,
            (AttrMatcher::Regex { regex }, Some(got)) => regex.is_match(got),
            (AttrMatcher::Absent { .. }, got) => got.is_none(),
            (_, None) => false,
        }
    }
}

impl<'de> Deserialize<'de> for AttrMatcher {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        #[derive(Deserialize)]
        #[serde(untagged)]
        enum Raw {
            Exact(String),
            Table(BTreeMap<String, toml::Value>),
        }
        match Raw::deserialize(d)? {
            Raw::Exact(value) => Ok(AttrMatcher::Exact(value)),
            Raw::Table(table) => match table.into_iter().collect::<Vec<_>>().as_slice() {
                [(key, toml::Value::String(source))] if key == "regex" => {
                    Pattern::deserialize(toml::Value::String(source.clone())).map(|regex| AttrMatcher::Regex { regex }).map_err(de::Error::custom)
                }
                [(key, toml::Value::Boolean(true))] if key == "absent" => Ok(AttrMatcher::Absent { absent: true }),
                _ => Err(de::Error::custom("an attribute is matched by a string, `{ regex = \"...\" }` or `{ absent = true }`")),
            },
        }
    }
}

/// One expected tag: its element name and the attributes it checks, in the order written.
#[derive(Debug, Clone, Serialize)]
pub struct TagPattern {
    pub tag: String,
    #[serde(flatten)]
    pub attributes: BTreeMap<String, AttrMatcher>,
}

impl<'de> Deserialize<'de> for TagPattern {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let mut table = BTreeMap::<String, toml::Value>::deserialize(d)?;
        let Some(toml::Value::String(tag)) = table.remove("tag") else {
            return Err(de::Error::custom("a head tag needs `tag`, the element name (`link`, `meta`...)"));
        };
        let mut attributes = BTreeMap::new();
        for (name, value) in table {
            let matcher = AttrMatcher::deserialize(value).map_err(|e| de::Error::custom(format!("attribute `{name}`: {e}")))?;
            attributes.insert(name.to_ascii_lowercase(), matcher);
        }
        Ok(TagPattern { tag: tag.to_ascii_lowercase(), attributes })
    }
}

impl fmt::Display for TagPattern {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "<{}", self.tag)?;
        for (name, matcher) in &self.attributes {
            match matcher {
                AttrMatcher::Exact(v) => write!(f, " {name}={v:?}")?,
                AttrMatcher::Regex { regex } => write!(f, " {name}=/{}/", regex.as_str())?,
                AttrMatcher::Absent { .. } => write!(f, " (no {name})")?,
            }
        }
        write!(f, ">")
    }
}

/// A start tag found in the head.
#[derive(Debug, Clone, PartialEq, Eq)]
struct HeadTag {
    name: String,
    attributes: BTreeMap<String, String>,
}

impl HeadTag {
    fn fits(&self, pattern: &TagPattern) -> bool {
        self.name == pattern.tag
            && pattern.attributes.iter().all(|(name, m)| m.matches(self.attributes.get(name).map(String::as_str)))
    }
}

impl fmt::Display for HeadTag {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "<{}", self.name)?;
        for (name, value) in &self.attributes {
            write!(f, " {name}={value:?}")?;
        }
        write!(f, ">")
    }
}

/// The start tags between `<head>` and `</head>` (or the first `<body>`).
fn head_tags(html: &str) -> Vec<HeadTag> {
    let text = |bytes: &[u8]| String::from_utf8_lossy(bytes).into_owned();
    let mut in_head = false;
    let mut out = Vec::new();
    for Ok(token) in Tokenizer::new(html) {
        match token {
            Token::StartTag(tag) if &*tag.name == b"head" => in_head = true,
            Token::StartTag(tag) if &*tag.name == b"body" => break,
            Token::EndTag(tag) if &*tag.name == b"head" => break,
            Token::StartTag(tag) if in_head => out.push(HeadTag {
                name: text(&tag.name),
                attributes: tag.attributes.iter().map(|(k, v)| (text(k), text(&v.value))).collect(),
            }),
            _ => {}
        }
    }
    out
}

/// Why the head of `html` lacks one of `patterns`, each needing its own tag, or `None`.
pub fn check(patterns: &[TagPattern], html: &str) -> Option<String> {
    let tags = head_tags(html);
    // Bipartite matching (augmenting paths): a general pattern must not take the only tag a
    // more specific one could use.
    let mut owner: Vec<Option<usize>> = vec![None; tags.len()];
    for p in 0..patterns.len() {
        let mut seen = vec![false; tags.len()];
        if !augment(p, patterns, &tags, &mut owner, &mut seen) {
            let same_kind: Vec<String> = tags.iter().filter(|t| t.name == patterns[p].tag).map(ToString::to_string).collect();
            return Some(format!(
                "expected a head tag {} (one per expected tag); the head's <{}> tags are: {}",
                patterns[p],
                patterns[p].tag,
                if same_kind.is_empty() { "none".to_owned() } else { same_kind.join(", ") }
            ));
        }
    }
    None
}

fn augment(p: usize, patterns: &[TagPattern], tags: &[HeadTag], owner: &mut [Option<usize>], seen: &mut [bool]) -> bool {
    for t in 0..tags.len() {
        if seen[t] || !tags[t].fits(&patterns[p]) {
            continue;
        }
        seen[t] = true;
        if owner[t].is_none_or(|q| augment(q, patterns, tags, owner, seen)) {
            owner[t] = Some(p);
            return true;
        }
    }
    false
}

#[cfg(test)]
mod tests {
    use super::*;

    fn patterns(toml_text: &str) -> Vec<TagPattern> {
        #[derive(Deserialize)]
        struct T {
            p: Vec<TagPattern>,
        }
        toml::from_str::<T>(toml_text).unwrap().p
    }

    const PAGE: &str = r#"<!DOCTYPE html><html><head><meta charSet="utf-8"/><link rel="icon" href="/favicon.ico" sizes="16x16" type="image/x-icon"/>
<link rel="icon" href="/icon.png?abc" type="image/png" sizes="32x32"/><meta property="og:image" content="http://x/og.png"/></head>
<body><link rel="icon" href="/in-body"/></body></html>"#;

    #[test]
    fn matches_tags_in_any_order_by_named_attributes() {
        let p = patterns(
            r#"p = [
            { tag = "meta", property = "og:image", content = { regex = "/og\\.png$" } },
            { tag = "link", rel = "icon", href = "/favicon.ico", type = "image/x-icon" },
            { tag = "meta", charset = "utf-8" },
        ]"#,
        );
        assert_eq!(check(&p, PAGE), None);
    }

    #[test]
    fn each_expected_tag_needs_its_own_tag() {
        let p = patterns(r#"p = [ { tag = "link", rel = "icon" }, { tag = "link", rel = "icon", href = "/favicon.ico" } ]"#);
        assert_eq!(check(&p, PAGE), None, "the general pattern takes the other icon");
        let three = patterns(r#"p = [ { tag = "link", rel = "icon" }, { tag = "link", rel = "icon" }, { tag = "link", rel = "icon" } ]"#);
        assert!(check(&three, PAGE).unwrap().contains("the head's <link> tags are:"), "tags in <body> do not count");
    }

    #[test]
    fn absent_attributes_and_bad_tables() {
        let p = patterns(r#"p = [ { tag = "link", href = "/favicon.ico", media = { absent = true } } ]"#);
        assert_eq!(check(&p, PAGE), None);
        let p = patterns(r#"p = [ { tag = "link", href = "/favicon.ico", sizes = { absent = true } } ]"#);
        assert!(check(&p, PAGE).is_some());
        assert!(toml::from_str::<BTreeMap<String, Vec<TagPattern>>>(r#"p = [ { rel = "icon" } ]"#).is_err());
        assert!(toml::from_str::<BTreeMap<String, Vec<TagPattern>>>(r#"p = [ { tag = "a", rel = { regx = "x" } } ]"#).is_err());
    }
}
