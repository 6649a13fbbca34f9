//! The HTML nesting matcher: `nesting = [["section[data-layout=blog]", "div[data-template=blog]", "h1"]]`.
//!
//! Each chain names elements with simple selectors (`tag`, `#id`, `.class`, `[name]`,
//! `[name=value]`, combined as in `div.card[data-x=1]`, or `*`), and holds when the page has an
//! element for each selector, each inside the one before it (at any depth, as CSS's descendant
//! combinator). Elements outside the chain may sit between them. Markup is read with an HTML
//! tokenizer; void elements (`<br>`, `<meta>`...) hold nothing.

use html5gum::{Token, Tokenizer};
use serde::de::{self, Deserializer};
use serde::{Deserialize, Serialize, Serializer};
use std::collections::BTreeMap;
use std::fmt;

/// One element as a selector names it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Selector {
    source: String,
    /// Lower-case element name, or `None` for any element.
    tag: Option<String>,
    /// Attributes that must be present, with the value they must have if one is given.
    attributes: Vec<(String, Option<String>)>,
    classes: Vec<String>,
}

/// Elements that never hold content.
const VOID: [&str; 14] = ["area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source", "track", "wbr"];

impl Selector {
    pub fn parse(source: &str) -> Result<Selector, String> {
        let bad = |why: &str| format!("`{source}` is not a simple selector: {why}");
        let mut rest = source.trim();
        let name_end = rest.find(['#', '.', '[']).unwrap_or(rest.len());
        let (name, tail) = rest.split_at(name_end);
        let tag = match name {
            "" | "*" => None,
            name if name.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-') => Some(name.to_ascii_lowercase()),
            _ => return Err(bad("an element name has letters, digits and `-` only")),
        };
        rest = tail;
        let mut selector = Selector { source: source.to_owned(), tag, attributes: Vec::new(), classes: Vec::new() };
        while let Some(first) = rest.chars().next() {
            let token_end = |s: &str| s[1..].find(['#', '.', '[']).map_or(s.len(), |i| i + 1);
            match first {
                '#' | '.' => {
                    let end = token_end(rest);
                    let value = &rest[1..end];
                    if value.is_empty() {
                        return Err(bad("`#` and `.` need a name after them"));
                    }
                    if first == '#' {
                        selector.attributes.push(("id".into(), Some(value.to_owned())));
                    } else {
                        selector.classes.push(value.to_owned());
                    }
                    rest = &rest[end..];
                }
                '[' => {
                    let end = rest.find(']').ok_or_else(|| bad("`[` is not closed"))?;
                    let inner = &rest[1..end];
                    let (name, value) = match inner.split_once('=') {
                        Some((name, value)) => (name, Some(value.trim_matches(|c| c == '"' || c == '\'').to_owned())),
                        None => (inner, None),
                    };
                    if name.is_empty() {
                        return Err(bad("`[]` needs an attribute name"));
                    }
                    selector.attributes.push((name.trim().to_ascii_lowercase(), value));
                    rest = &rest[end + 1..];
                }
                _ => return Err(bad("use `tag`, `#id`, `.class` and `[attr=value]` only")),
            }
        }
        Ok(selector)
    }

    fn fits(&self, element: &Element) -> bool {
        self.tag.as_ref().is_none_or(|t| *t == element.name)
            && self.attributes.iter().all(|(name, value)| match (element.attributes.get(name), value) {
                (Some(found), Some(want)) => found == want,
                (Some(_), None) => true,
                (None, _) => false,
            })
            && self.classes.iter().all(|c| element.attributes.get("class").is_some_and(|list| list.split_whitespace().any(|x| x == c)))
    }
}

impl fmt::Display for Selector {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.source)
    }
}

impl<'de> Deserialize<'de> for Selector {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        Selector::parse(&String::deserialize(d)?).map_err(de::Error::custom)
    }
}

impl Serialize for Selector {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&self.source)
    }
}

/// An element of the page as the tokenizer saw it.
#[derive(Debug, Clone)]
struct Element {
    name: String,
    attributes: BTreeMap<String, String>,
}

/// How many leading selectors of `chain` the stack of open elements (outermost first) holds
/// in order, each inside the one before.
fn matched_prefix(chain: &[Selector], open: &[Element]) -> usize {
    let mut matched = 0;
    for element in open {
        if matched < chain.len() && chain[matched].fits(element) {
            matched += 1;
        }
    }
    matched
}

/// Why `html` lacks one of `chains`, or `None` when every chain is found.
pub fn check(chains: &[Vec<Selector>], html: &str) -> Option<String> {
    let text = |bytes: &[u8]| String::from_utf8_lossy(bytes).into_owned();
    let mut best = vec![0usize; chains.len()];
    let mut open: Vec<Element> = Vec::new();
    for Ok(token) in Tokenizer::new(html) {
        match token {
            Token::StartTag(tag) => {
                let element = Element {
                    name: text(&tag.name).to_ascii_lowercase(),
                    attributes: tag.attributes.iter().map(|(k, v)| (text(k).to_ascii_lowercase(), text(&v.value))).collect(),
                };
                let void = tag.self_closing || VOID.contains(&element.name.as_str());
                open.push(element);
                for (chain, best) in chains.iter().zip(&mut best) {
                    *best = (*best).max(matched_prefix(chain, &open));
                }
                if void {
                    open.pop();
                }
            }
            Token::EndTag(tag) => {
                let name = text(&tag.name).to_ascii_lowercase();
                if let Some(at) = open.iter().rposition(|e| e.name == name) {
                    open.truncate(at);
                }
            }
            _ => {}
        }
    }
    let (chain, found) = chains.iter().zip(best).find(|(chain, found)| *found < chain.len())?;
    let path = |selectors: &[Selector]| selectors.iter().map(ToString::to_string).collect::<Vec<_>>().join(" > ");
    Some(match found {
        0 => format!("expected the nesting {}; no element matches `{}`", path(chain), chain[0]),
        n => format!("expected the nesting {}; found {} but no `{}` inside it", path(chain), path(&chain[..n]), chain[n]),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn chain(selectors: &[&str]) -> Vec<Selector> {
        selectors.iter().map(|s| Selector::parse(s).unwrap()).collect()
    }

    const PAGE: &str = r#"<!DOCTYPE html><html><head><meta charSet="utf-8"/></head><body><div hidden=""></div>
        <section data-layout="blog"><div class="t x" data-template="root"><br><div data-template="blog">
        <h1 id="title">Post</h1></div></div></section><p>after</p></body></html>"#;

    #[test]
    fn descendant_chains_are_found_at_any_depth() {
        let found = |selectors: &[&str]| check(&[chain(selectors)], PAGE);
        assert_eq!(found(&["section[data-layout=blog]", "div[data-template=blog]", "h1"]), None);
        assert_eq!(found(&["body", "div.t.x", "h1#title"]), None);
        assert_eq!(found(&["[data-template]", "[data-template='blog']", "*"]), None);
    }

    #[test]
    fn a_reversed_or_broken_chain_says_how_far_it_got() {
        let reversed = check(&[chain(&["div[data-template=blog]", "div[data-template=root]"])], PAGE).unwrap();
        assert_eq!(
            reversed,
            "expected the nesting div[data-template=blog] > div[data-template=root]; found div[data-template=blog] but no `div[data-template=root]` inside it"
        );
        let outside = check(&[chain(&["section", "p"])], PAGE).unwrap();
        assert!(outside.contains("found section but no `p` inside it"), "{outside}");
        let missing = check(&[chain(&["main"])], PAGE).unwrap();
        assert!(missing.ends_with("no element matches `main`"), "{missing}");
        // The <br> before the inner template holds nothing.
        assert!(check(&[chain(&["br", "h1"])], PAGE).unwrap().contains("no `h1` inside"));
    }

    #[test]
    fn selectors_are_checked_while_reading() {
        assert!(Selector::parse("div > h1").is_err());
        assert!(Selector::parse("div[data-x").unwrap_err().contains("not closed"));
        assert!(Selector::parse("div.").is_err());
        assert_eq!(Selector::parse("DIV#a.b[c=d]").unwrap().tag.as_deref(), Some("div"));
    }
}
