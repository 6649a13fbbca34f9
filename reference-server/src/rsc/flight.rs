//! The RSC payload ("flight") that answers a router request (`RSC: 1`) instead of a page's HTML.
//!
//! React writes the payload as rows, one a line: `ID:VALUE`, the id in hexadecimal and the value
//! JSON (an element is `["$", type, key, props]`, an error row `E{"digest": ...}`). Row 0 holds
//! what the router reads first: the build id and the route's segments. The exact rows differ
//! from build to build and between Next.js majors; what is written here is the same shape and the
//! same content: the rendered elements of the page, the segments, and the digest of a
//! `redirect()` or `notFound()` met while rendering.

use serde_json::{Value, json};

/// One row of a payload.
#[derive(Debug, Clone, PartialEq)]
pub enum Row {
    /// A JSON value: the route, elements.
    Model(Value),
    /// An error met while rendering, by its digest: what the router reads a `next/navigation`
    /// interrupt from (`NEXT_REDIRECT;replace;/path;307;`, `NEXT_HTTP_ERROR_FALLBACK;404`).
    Error(String),
}

/// A payload of `rows`, numbered from 0 in order.
pub fn payload(rows: &[Row]) -> String {
    rows.iter()
        .enumerate()
        .map(|(id, row)| match row {
            Row::Model(value) => format!("{id:x}:{value}\n"),
            Row::Error(digest) => format!("{id:x}:E{}\n", json!({ "digest": digest })),
        })
        .collect()
}

/// The first row: the build id and the route's segments, the page last (`__PAGE__`).
pub fn route_row(build_id: &str, segments: &[&str]) -> Row {
    let mut tree: Vec<Value> = vec![json!("")];
    tree.extend(segments.iter().map(|s| json!(s)));
    tree.push(json!("__PAGE__"));
    Row::Model(json!({ "b": build_id, "c": tree }))
}

/// The React elements `markup` (as the server rendered it) is made of: one element, or a list
/// when there are several at the top.
pub fn elements(markup: &str) -> Value {
    let mut nodes = Parser { rest: markup }.nodes(None);
    if nodes.len() == 1 { nodes.remove(0) } else { Value::Array(nodes) }
}

/// Elements with no content and no closing tag.
const VOID: [&str; 6] = ["meta", "link", "br", "img", "input", "hr"];

/// Reads markup as React writes it: tags with double-quoted attributes, text with the five
/// characters React escapes.
struct Parser<'a> {
    rest: &'a str,
}

impl Parser<'_> {
    /// The nodes up to the closing tag of `parent` (or the end).
    fn nodes(&mut self, parent: Option<&str>) -> Vec<Value> {
        let mut nodes = Vec::new();
        while !self.rest.is_empty() {
            if let Some(after) = self.rest.strip_prefix("</") {
                let end = after.find('>').map_or(after.len(), |i| i + 1);
                self.rest = &after[end..];
                if parent.is_some() {
                    break;
                }
            } else if let Some(comment) = self.rest.strip_prefix("<!--") {
                self.rest = comment.find("-->").map_or("", |i| &comment[i + 3..]);
            } else if self.rest.starts_with('<') {
                nodes.push(self.element());
            } else {
                let end = self.rest.find('<').unwrap_or(self.rest.len());
                nodes.push(Value::String(unescape(&self.rest[..end])));
                self.rest = &self.rest[end..];
            }
        }
        nodes
    }

    fn element(&mut self) -> Value {
        let tag_end = self.rest.find('>').unwrap_or(self.rest.len());
        let open = &self.rest[1..tag_end];
        self.rest = self.rest.get(tag_end + 1..).unwrap_or("");
        let self_closing = open.ends_with('/');
        let open = open.trim_end_matches('/').trim();
        let (name, attributes) = open.split_once(char::is_whitespace).unwrap_or((open, ""));
        let mut props = attributes_of(attributes);
        if !self_closing && !VOID.contains(&name) {
            let mut children = self.nodes(Some(name));
            match children.len() {
                0 => {}
                1 => {
                    props.insert("children".into(), children.remove(0));
                }
                _ => {
                    props.insert("children".into(), Value::Array(children));
                }
            }
        }
        json!(["$", name, null, props])
    }
}

/// `name="value"` pairs (and bare names, which are `true`).
fn attributes_of(mut text: &str) -> serde_json::Map<String, Value> {
    let mut props = serde_json::Map::new();
    loop {
        text = text.trim_start();
        if text.is_empty() {
            return props;
        }
        let name_end = text.find(|c: char| c == '=' || c.is_whitespace()).unwrap_or(text.len());
        let name = &text[..name_end];
        text = &text[name_end..];
        let value = match text.strip_prefix("=\"") {
            Some(quoted) => {
                let end = quoted.find('"').unwrap_or(quoted.len());
                text = quoted.get(end + 1..).unwrap_or("");
                Value::String(unescape(&quoted[..end]))
            }
            None => Value::Bool(true),
        };
        props.insert(name.to_owned(), value);
    }
}

/// Text with React's five escapes undone.
fn unescape(text: &str) -> String {
    text.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&#x27;", "'").replace("&amp;", "&")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markup_becomes_react_elements() {
        assert_eq!(elements("<p>rsc static</p>").to_string(), r#"["$","p",null,{"children":"rsc static"}]"#);
        assert_eq!(
            elements(r#"<dl><dt>a &amp; b</dt><dd id="x">1</dd></dl>"#).to_string(),
            r#"["$","dl",null,{"children":[["$","dt",null,{"children":"a & b"}],["$","dd",null,{"id":"x","children":"1"}]]}]"#
        );
        assert_eq!(elements(r#"<meta charSet="utf-8"/><div hidden=""></div>"#).to_string(), r#"[["$","meta",null,{"charSet":"utf-8"}],["$","div",null,{"hidden":""}]]"#);
        assert_eq!(elements("<!--$-->text").to_string(), r#""text""#);
    }

    #[test]
    fn a_payload_is_one_row_a_line() {
        let rows = [route_row("b1", &["rsc", "static"]), Row::Model(elements("<p>x</p>")), Row::Error("NEXT_HTTP_ERROR_FALLBACK;404".into())];
        let text = payload(&rows);
        assert_eq!(
            text,
            "0:{\"b\":\"b1\",\"c\":[\"\",\"rsc\",\"static\",\"__PAGE__\"]}\n1:[\"$\",\"p\",null,{\"children\":\"x\"}]\n2:E{\"digest\":\"NEXT_HTTP_ERROR_FALLBACK;404\"}\n"
        );
    }
}
