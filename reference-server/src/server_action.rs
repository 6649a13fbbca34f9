//! Server Actions as HTTP shows them. A page's form whose action is an inline Server Action
//! (`async function act() { 'use server' ... }` in the page's module) renders as
//! `<form action="" encType="multipart/form-data" method="POST">` holding a hidden
//! `$ACTION_ID_<id>` input; the id (42 hex digits, the first two saying which arguments the
//! action uses) changes with every build. The client router calls the action with a POST to the
//! page carrying the `Next-Action: <id>` header ([`ActionCall::Fetch`]); a browser without
//! JavaScript posts the form itself ([`ActionCall::Form`]).
//!
//! Seen on `next start` 16.4.6 and 15.5.29 (fixture-app/app/actions/):
//! - a fetch action is answered `text/x-component` with `Cache-Control: no-cache, no-store,
//!   max-age=0, must-revalidate`, the cookies it set or deleted as `Set-Cookie`, and (on a
//!   prerendered page) `x-nextjs-cache: HIT` and `x-nextjs-prerender: 1`; when it changed
//!   cookies or revalidated (a path, or a tag without a profile), the RSC payload carries the
//!   page rendered anew and `x-action-revalidated` says so: `1` from 16, or always a list
//!   `[[],<revalidated>,<cookies>]` before; `forbidden()` answers 403 with the error's digest;
//! - a form post runs the action and is answered with the page's HTML rendered anew;
//! - an id no action has: 16 answers 409 `Server Action unavailable.` (400 `Invalid Server
//!   Action request.` for one that is not 42 characters long), 15 404 `Server action not
//!   found.`, as text with `x-nextjs-action-not-found: 1`.

use crate::etag::etag;
use crate::fields::build;
use crate::service::{Answer, Made};
use bytes::Bytes;
use http::HeaderMap;
use serde_json::{Value, json};
use std::hash::{DefaultHasher, Hash, Hasher};

/// How a Server Action was called.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ActionCall {
    /// By the client router: the `Next-Action` header names the action.
    Fetch { id: String },
    /// By a form posted without JavaScript: its `$ACTION_ID_<id>` field names the action.
    Form { id: String },
}

impl ActionCall {
    /// The action a POST to a page calls, if it calls one.
    pub fn of(method: &str, headers: &HeaderMap, body: &[u8]) -> Option<ActionCall> {
        if method != "POST" {
            return None;
        }
        if let Some(id) = headers.get("next-action").and_then(|v| v.to_str().ok()) {
            return Some(ActionCall::Fetch { id: id.to_owned() });
        }
        let multipart = headers.get("content-type").and_then(|v| v.to_str().ok()).is_some_and(|t| t.starts_with("multipart/form-data"));
        let body = String::from_utf8_lossy(body);
        let field = body.split("name=\"$ACTION_ID_").nth(1)?;
        multipart.then(|| ActionCall::Form { id: field.split('"').next().unwrap_or_default().to_owned() })
    }

    pub fn id(&self) -> &str {
        match self {
            ActionCall::Fetch { id } | ActionCall::Form { id } => id,
        }
    }
}

/// The id of the inline Server Action `name` of the module `file`: `00` (it uses no
/// arguments) and 40 hex digits, the same for every server of this build.
pub fn action_id(file: &str, name: &str) -> String {
    let word = |salt: u8| {
        let mut hasher = DefaultHasher::new();
        (env!("CARGO_PKG_VERSION"), file, name, salt).hash(&mut hasher);
        hasher.finish()
    };
    let digits = format!("{:016x}{:016x}{:016x}", word(0), word(1), word(2));
    format!("00{}", &digits[..40])
}

/// The markup of `<form action={name}>{inner}</form>` for the action `name` of `file`.
pub fn form(file: &str, name: &str, inner: &str) -> String {
    format!(
        "<form action=\"\" encType=\"multipart/form-data\" method=\"POST\"><input type=\"hidden\" name=\"$ACTION_ID_{}\"/>{inner}</form>",
        action_id(file, name)
    )
}

/// What a called action did, for its answer.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Outcome {
    /// `200`, or the status of what interrupted it (`forbidden()`: 403).
    pub status: u16,
    /// The digest of what interrupted it, sent as the action's result.
    pub digest: Option<String>,
    /// It revalidated a path or a tag (without a profile).
    pub revalidated: bool,
    /// The `Set-Cookie` lines of what it set or deleted.
    pub cookies: Vec<String>,
    /// The page was prerendered.
    pub prerendered: bool,
}

/// The answer to a fetch action: `page_markup` is the page rendered anew, when it was.
pub fn fetch_answer(outcome: &Outcome, page_markup: Option<&str>, next: &semver::Version) -> Answer {
    let mut fields = vec![("cache-control".to_owned(), NO_CACHE.to_owned())];
    fields.extend(outcome.cookies.iter().map(|line| ("set-cookie".to_owned(), line.clone())));
    let changed = outcome.revalidated || !outcome.cookies.is_empty();
    if crate::releases::action_revalidated_is_a_flag(next) {
        if changed {
            fields.push(("x-action-revalidated".into(), "1".into()));
        }
    } else {
        let flag = |b: bool| u8::from(b);
        fields.push(("x-action-revalidated".into(), format!("[[],{},{}]", flag(outcome.revalidated), flag(!outcome.cookies.is_empty()))));
    }
    if outcome.prerendered {
        fields.push(("x-nextjs-cache".into(), "HIT".into()));
        fields.push(("x-nextjs-prerender".into(), "1".into()));
    }
    fields.push(("content-type".into(), "text/x-component".into()));
    let body = payload(outcome, page_markup, next.major);
    let mut answer = build(outcome.status, fields, Some(Bytes::from(body))).map(crate::body::WireBody::Left);
    answer.extensions_mut().insert(Made::Handler { body: true });
    answer
}

/// `Cache-Control` of an action's answer.
pub const NO_CACHE: &str = "no-cache, no-store, max-age=0, must-revalidate";

/// The RSC payload of a fetch action's answer: row 0 for the router (the action's result,
/// the build), row 1 the result (`undefined`, or the digest that interrupted it), and the
/// elements of the page rendered anew.
fn payload(outcome: &Outcome, page_markup: Option<&str>, next_major: u64) -> String {
    let build_id = &action_id("build", "id")[2..23];
    let head = if next_major >= 16 {
        json!({ "a": "$@1", "q": "", "i": false, "b": build_id })
    } else {
        json!({ "a": "$@1", "f": "", "b": build_id })
    };
    let result = match &outcome.digest {
        Some(digest) => format!("E{}", json!({ "digest": digest })),
        None => "\"$undefined\"".into(),
    };
    let mut rows = format!("0:{head}\n1:{result}\n");
    if let Some(markup) = page_markup {
        rows.push_str(&format!("2:{}\n", elements(markup)));
    }
    rows
}

/// The answer to an id no action of the app has.
pub fn unavailable(id: &str, next: &semver::Version) -> Answer {
    let (status, text) = match (crate::releases::unknown_action_ids_answer_409_or_400(next), id.len() == 42) {
        (true, true) => (409, "Server Action unavailable."),
        (true, false) => (400, "Invalid Server Action request."),
        (false, _) => (404, "Server action not found."),
    };
    let fields = vec![
        ("cache-control".to_owned(), NO_CACHE.to_owned()),
        ("x-nextjs-action-not-found".to_owned(), "1".to_owned()),
        ("content-type".to_owned(), "text/plain".to_owned()),
        ("etag".to_owned(), etag(text)),
        ("content-length".to_owned(), text.len().to_string()),
    ];
    let mut answer = build(status, fields, Some(Bytes::from_static(text.as_bytes()))).map(crate::body::WireBody::Left);
    answer.extensions_mut().insert(Made::Handler { body: true });
    answer
}

/// The React elements of `markup` as the RSC payload writes them (`["$", tag, null, props]`,
/// text as strings); markup as the server renders it: tags with double-quoted attributes.
fn elements(markup: &str) -> Value {
    let mut rest = markup;
    let mut nodes = children(&mut rest, None);
    if nodes.len() == 1 { nodes.remove(0) } else { Value::Array(nodes) }
}

/// The nodes of `rest` up to the end tag of `parent`, which is consumed.
fn children(rest: &mut &str, parent: Option<&str>) -> Vec<Value> {
    let mut nodes = Vec::new();
    while !rest.is_empty() {
        if let Some(after) = rest.strip_prefix("</") {
            let end = after.find('>').map_or(after.len(), |i| i + 1);
            *rest = &after[end..];
            if parent.is_some() {
                break;
            }
            continue;
        }
        if let Some(after) = rest.strip_prefix("<!--") {
            *rest = after.find("-->").map_or("", |i| &after[i + 3..]);
            continue;
        }
        if rest.starts_with('<') {
            nodes.push(element(rest));
            continue;
        }
        let end = rest.find('<').unwrap_or(rest.len());
        nodes.push(Value::String(crate::html::unescape(&rest[..end])));
        *rest = &rest[end..];
    }
    nodes
}

/// The element that starts `rest`, which is consumed.
fn element(rest: &mut &str) -> Value {
    let close = rest.find('>').unwrap_or(rest.len() - 1);
    let tag_text = &rest[1..close];
    let void = tag_text.ends_with('/');
    let tag_text = tag_text.trim_end_matches('/');
    *rest = &rest[close + 1..];
    let (name, mut attributes) = tag_text.split_once(' ').unwrap_or((tag_text, ""));
    let mut props = serde_json::Map::new();
    while let Some((key, after)) = attributes.trim_start().split_once("=\"") {
        let end = after.find('"').unwrap_or(after.len());
        props.insert(key.trim().to_owned(), Value::String(crate::html::unescape(&after[..end])));
        attributes = after.get(end + 1..).unwrap_or_default();
    }
    if !void {
        let mut inner = children(rest, Some(name));
        match inner.len() {
            // The markup does not tell an empty text from none; the fixture's empty elements
            // hold a value that is empty.
            0 => {
                props.insert("children".into(), Value::String(String::new()));
            }
            1 => {
                props.insert("children".into(), inner.remove(0));
            }
            _ => {
                props.insert("children".into(), Value::Array(inner));
            }
        }
    }
    json!(["$", name, null, props])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn calls_are_told_by_the_header_or_the_form_field() {
        let mut headers = HeaderMap::new();
        headers.insert("next-action", "00ab".parse().unwrap());
        assert_eq!(ActionCall::of("POST", &headers, b"[]"), Some(ActionCall::Fetch { id: "00ab".into() }));
        assert_eq!(ActionCall::of("GET", &headers, b"[]"), None);
        let mut form = HeaderMap::new();
        form.insert("content-type", "multipart/form-data; boundary=b".parse().unwrap());
        let body = b"--b\r\nContent-Disposition: form-data; name=\"$ACTION_ID_00cd\"\r\n\r\n\r\n--b--\r\n";
        assert_eq!(ActionCall::of("POST", &form, body), Some(ActionCall::Form { id: "00cd".into() }));
        assert_eq!(ActionCall::of("POST", &form, b"--b--"), None);
    }

    #[test]
    fn ids_are_42_hex_digits_per_action() {
        let id = action_id("app/a/page.js", "act");
        assert_eq!(id.len(), 42);
        assert!(id.starts_with("00") && id.bytes().all(|b| b.is_ascii_hexdigit()));
        assert_ne!(id, action_id("app/a/page.js", "other"));
    }

    #[test]
    fn markup_becomes_react_elements() {
        let value = elements("<main><p id=\"cookie\">set</p><p id=\"x\"></p><input name=\"a\"/></main>");
        assert_eq!(
            value,
            json!(["$", "main", null, { "children": [
                ["$", "p", null, { "id": "cookie", "children": "set" }],
                ["$", "p", null, { "id": "x", "children": "" }],
                ["$", "input", null, { "name": "a" }],
            ] }])
        );
    }
}
