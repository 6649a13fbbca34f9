//! The XML body matcher: `xml = "<urlset ...>...</urlset>"` compares element trees, not bytes.
//!
//! Two documents match when their root elements match: the same namespace and local name
//! (prefixes may differ), the same attributes (in any order), the same text once surrounding
//! white space is trimmed, and matching child elements in the same order. Comments,
//! processing instructions and the XML declaration are ignored. A difference is reported with
//! the path of the first element that differs (`/urlset/url[2]/lastmod`).

use roxmltree::{Document, Node};
use serde::de::{self, Deserializer};
use serde::{Deserialize, Serialize, Serializer};

/// An expected XML document, checked to be well-formed when the case file is read.
#[derive(Debug, Clone)]
pub struct XmlPattern(String);

impl XmlPattern {
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// Why `actual` does not match this document, or `None` when it does.
    pub fn check(&self, actual: &str) -> Option<String> {
        let want = Document::parse(&self.0).expect("checked when the case was read");
        let got = match Document::parse(actual) {
            Ok(doc) => doc,
            Err(e) => return Some(format!("expected XML, but it does not parse: {e}")),
        };
        compare(want.root_element(), got.root_element(), &format!("/{}", display_name(want.root_element())))
    }
}

/// How an element is named in a path: its prefix as written in the expected document, if any.
fn display_name(node: Node) -> String {
    let tag = node.tag_name();
    match tag.namespace().and_then(|ns| node.lookup_prefix(ns)).filter(|p| !p.is_empty()) {
        Some(prefix) => format!("{prefix}:{}", tag.name()),
        None => tag.name().to_owned(),
    }
}

fn expanded_name(node: Node) -> String {
    let tag = node.tag_name();
    match tag.namespace() {
        Some(ns) => format!("{{{ns}}}{}", tag.name()),
        None => tag.name().to_owned(),
    }
}

/// The element's own text: its text children joined, trimmed.
fn own_text(node: Node) -> String {
    node.children().filter(Node::is_text).filter_map(|t| t.text()).collect::<String>().trim().to_owned()
}

fn attributes(node: Node) -> Vec<(String, String)> {
    let mut list: Vec<(String, String)> = node
        .attributes()
        .map(|a| {
            let name = match a.namespace() {
                Some(ns) => format!("{{{ns}}}{}", a.name()),
                None => a.name().to_owned(),
            };
            (name, a.value().to_owned())
        })
        .collect();
    list.sort();
    list
}

/// Compares two elements; `path` names `want` (`/urlset/url[2]`).
fn compare(want: Node, got: Node, path: &str) -> Option<String> {
    if expanded_name(want) != expanded_name(got) {
        return Some(format!("{path}: expected element <{}>, got <{}>", expanded_name(want), expanded_name(got)));
    }
    let (want_attrs, got_attrs) = (attributes(want), attributes(got));
    if want_attrs != got_attrs {
        return Some(format!("{path}: expected attributes {want_attrs:?}, got {got_attrs:?}"));
    }
    let (want_text, got_text) = (own_text(want), own_text(got));
    if want_text != got_text {
        return Some(format!("{path}: expected text {want_text:?}, got {got_text:?}"));
    }
    let want_children: Vec<Node> = want.children().filter(Node::is_element).collect();
    let got_children: Vec<Node> = got.children().filter(Node::is_element).collect();
    for (i, w) in want_children.iter().enumerate() {
        let same_name = |c: &&Node| c.tag_name() == w.tag_name();
        let child = match want_children.iter().filter(same_name).count() {
            1 => format!("{path}/{}", display_name(*w)),
            _ => format!("{path}/{}[{}]", display_name(*w), want_children[..i].iter().filter(same_name).count() + 1),
        };
        let Some(g) = got_children.get(i) else {
            return Some(format!("{child}: missing (the element has {} child elements)", got_children.len()));
        };
        if let Some(problem) = compare(*w, *g, &child) {
            return Some(problem);
        }
    }
    if let Some(extra) = got_children.get(want_children.len()) {
        return Some(format!("{path}/{}: unexpected element (expected {} child elements)", display_name(*extra), want_children.len()));
    }
    None
}

impl<'de> Deserialize<'de> for XmlPattern {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let source = String::deserialize(d)?;
        Document::parse(&source).map_err(|e| de::Error::custom(format!("the expected XML does not parse: {e}")))?;
        Ok(XmlPattern(source))
    }
}

impl Serialize for XmlPattern {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&self.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pattern(xml: &str) -> XmlPattern {
        serde_json::from_value(serde_json::Value::String(xml.into())).unwrap()
    }

    const SITEMAP: &str = r#"<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:image="http://www.google.com/schemas/sitemap-image/1.1">
<url><loc>https://a.com</loc></url>
<url><loc>https://a.com/b</loc><image:image><image:loc>https://a.com/i.jpg</image:loc></image:image></url>
</urlset>"#;

    #[test]
    fn ignores_layout_declaration_and_prefix_names() {
        let same = r#"<?xml version="1.0" encoding="UTF-8"?>
<s:urlset xmlns:s="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:i="http://www.google.com/schemas/sitemap-image/1.1"><s:url>
  <s:loc> https://a.com </s:loc></s:url><s:url><s:loc>https://a.com/b</s:loc><i:image><i:loc>https://a.com/i.jpg</i:loc></i:image></s:url></s:urlset>"#;
        assert_eq!(pattern(SITEMAP).check(same), None);
    }

    #[test]
    fn reports_the_path_of_the_first_difference() {
        let other = SITEMAP.replace("https://a.com/i.jpg", "https://a.com/j.jpg");
        assert_eq!(
            pattern(SITEMAP).check(&other).unwrap(),
            r#"/urlset/url[2]/image:image/image:loc: expected text "https://a.com/i.jpg", got "https://a.com/j.jpg""#
        );
        let missing = SITEMAP.replace("<url><loc>https://a.com</loc></url>\n", "");
        assert_eq!(
            pattern(SITEMAP).check(&missing).unwrap(),
            r#"/urlset/url[1]/loc: expected text "https://a.com", got "https://a.com/b""#
        );
        let shorter = SITEMAP.replace("<image:image><image:loc>https://a.com/i.jpg</image:loc></image:image>", "");
        assert_eq!(pattern(SITEMAP).check(&shorter).unwrap(), "/urlset/url[2]/image:image: missing (the element has 1 child elements)");
    }

    #[test]
    fn attributes_compare_as_a_set() {
        let want = pattern(r#"<link rel="alternate" hreflang="es" href="x"/>"#);
        assert_eq!(want.check(r#"<link href="x" hreflang="es" rel="alternate"/>"#), None);
        assert!(want.check(r#"<link href="x" hreflang="de" rel="alternate"/>"#).unwrap().starts_with("/link: expected attributes"));
    }

    #[test]
    fn a_broken_expected_document_is_refused_at_load() {
        assert!(serde_json::from_value::<XmlPattern>(serde_json::Value::String("<a><b></a>".into())).is_err());
        assert!(pattern("<a/>").check("not xml").unwrap().starts_with("expected XML, but it does not parse"));
    }
}
