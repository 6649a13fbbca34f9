//! Noise, learned rather than listed: every request is sent to server A twice, and whatever
//! differs between those two answers (a time, a token, the ETag of a fresh render, a header
//! sent only sometimes) is no difference between A and B. What is learned is then masked:
//! where B's answer has the same part, it is given A's value before the two are compared.
//!
//! - A header whose value changed is given A's value in B's answer; one A sent only once is
//!   left out of both. A cookie whose value alone changed (`Set-Cookie` lines otherwise the
//!   same) is given A's value in B's line.
//! - A JSON body's changed members (by path) are given A's values in B's body.
//! - Any other text body becomes a template: A's first body with every run of tokens that
//!   changed made a hole, each hole matching the kind of characters seen in it (digits,
//!   letters...). A B body the template matches is taken as A's.
//! - A body that is not text (an image) is not compared once A's two bodies differ: the bytes
//!   that change with a drawn time are anywhere in its compressed data.
//!
//! A status that changed says the request is unstable on A; [`Noise::learn`] does not mask that.
//!
//! Some values are fixed when an app is built (the time a prerendered page was made, the
//! draft-mode token) and so are the same in A's two answers yet differ on B, built on its own.
//! Those are learned from two builds of the same app, the reference server loaded twice
//! ([`Noise::between_builds`]): only what bodies and cookie values show is kept of that, and it
//! is masked where both A's and B's answers have it.

use regex::Regex;
use serde_json::Value;
use similar::{Algorithm, DiffTag, capture_diff_slices_deadline};
use spec::Response;
use std::collections::BTreeSet;
use std::time::{Duration, Instant};

#[derive(Debug, Default)]
pub struct Noise {
    /// Headers whose value differed between A's two answers.
    values: BTreeSet<String>,
    /// Headers A sent in one answer only.
    presence: BTreeSet<String>,
    /// Cookies whose value alone changed in `Set-Cookie`.
    cookies: BTreeSet<String>,
    body: BodyNoise,
}

#[derive(Debug, Default)]
enum BodyNoise {
    #[default]
    Quiet,
    /// The paths of the JSON members that changed.
    Json(Vec<Vec<Step>>),
    /// The first body with holes where it changed.
    Template(Regex),
    /// So much changed that no template could be made: the body is not compared.
    Whole,
}

#[derive(Debug, Clone, PartialEq, Eq)]
enum Step {
    Key(String),
    Index(usize),
}

/// How long learning a body's template may take.
const DIFF_DEADLINE: Duration = Duration::from_millis(300);

impl Noise {
    /// What differs between two answers of A to the same request.
    pub fn learn(first: &Response, second: &Response) -> Noise {
        let mut noise = Noise::default();
        let names: BTreeSet<&str> = first.headers.iter().chain(&second.headers).map(|(n, _)| n.as_str()).collect();
        for name in names {
            match (first.header(name), second.header(name)) {
                (Some(a), Some(b)) if a != b => match changed_cookie_values(first, second) {
                    Some(cookies) if name == "set-cookie" => noise.cookies.extend(cookies),
                    _ => {
                        noise.values.insert(name.to_owned());
                    }
                },
                (Some(_), None) | (None, Some(_)) => {
                    noise.presence.insert(name.to_owned());
                }
                _ => {}
            }
        }
        if first.body != second.body {
            noise.body = match (json(first), json(second)) {
                (Some(a), Some(b)) => {
                    let mut paths = Vec::new();
                    changed_paths(&a, &b, &mut Vec::new(), &mut paths);
                    BodyNoise::Json(paths)
                }
                _ => match (std::str::from_utf8(&first.body), std::str::from_utf8(&second.body)) {
                    (Ok(a), Ok(b)) => template(a, b).map_or(BodyNoise::Whole, BodyNoise::Template),
                    _ => BodyNoise::Whole,
                },
            };
        }
        noise
    }

    /// What differs between the answers of two builds of an app to one request, as far as it
    /// can differ between two servers too: the values in bodies and of cookies.
    pub fn between_builds(first: &Response, second: &Response) -> Noise {
        let learned = Noise::learn(first, second);
        Noise { cookies: learned.cookies, body: learned.body, ..Noise::default() }
    }

    /// What was learned, in words, for a report (empty when both answers were the same).
    pub fn describe(&self) -> Vec<String> {
        let mut parts: Vec<String> = self.values.iter().map(|n| format!("the value of `{n}`")).collect();
        parts.extend(self.presence.iter().map(|n| format!("whether `{n}` is sent")));
        parts.extend(self.cookies.iter().map(|n| format!("the value of the cookie `{n}`")));
        match &self.body {
            BodyNoise::Quiet => {}
            BodyNoise::Json(paths) => parts.extend(paths.iter().map(|p| format!("the body's {}", show(p)))),
            BodyNoise::Template(_) => parts.push("parts of the body".into()),
            BodyNoise::Whole => parts.push("the whole body".into()),
        }
        parts
    }

    /// `a` (A's first answer) and `b` with this noise masked.
    pub fn mask(&self, a: &Response, b: &Response) -> (Response, Response) {
        let (a, b) = self.mask_headers(a, b);
        self.mask_body(a, b)
    }

    fn mask_headers(&self, a: &Response, b: &Response) -> (Response, Response) {
        let (mut a, mut b) = (a.clone(), b.clone());
        for name in &self.presence {
            a.headers.retain(|(n, _)| n != name);
            b.headers.retain(|(n, _)| n != name);
        }
        for name in &self.values {
            if b.header(name).is_some() && a.header(name).is_some() {
                let first = b.headers.iter().position(|(n, _)| n == name).unwrap_or(b.headers.len());
                b.headers.retain(|(n, _)| n != name);
                let from_a: Vec<_> = a.headers.iter().filter(|(n, _)| n == name).cloned().collect();
                b.headers.splice(first.min(b.headers.len())..first.min(b.headers.len()), from_a);
            }
        }
        for (_, line) in b.headers.iter_mut().filter(|(n, _)| n == "set-cookie") {
            let Some((name, _, attributes)) = cookie_parts(line) else { continue };
            let value_in_a = a.header_values("set-cookie").filter_map(cookie_parts).find(|(n, _, _)| *n == name).map(|(_, v, _)| v);
            if let Some(value) = value_in_a.filter(|_| self.cookies.contains(name)) {
                *line = format!("{name}={value}{attributes}");
            }
        }
        (a, b)
    }

    fn mask_body(&self, mut a: Response, mut b: Response) -> (Response, Response) {
        match &self.body {
            BodyNoise::Quiet => {}
            BodyNoise::Json(paths) => {
                if let (Some(mut va), Some(mut vb)) = (json(&a), json(&b)) {
                    for path in paths {
                        match (get(&va, path).cloned(), get_mut(&mut vb, path)) {
                            (Some(value), Some(slot)) => *slot = value,
                            _ => {
                                remove(&mut va, path);
                                remove(&mut vb, path);
                            }
                        }
                    }
                    a.body = va.to_string().into_bytes();
                    b.body = vb.to_string().into_bytes();
                }
            }
            BodyNoise::Template(template) => {
                if template.is_match(&a.body_text()) && template.is_match(&b.body_text()) {
                    b.body = a.body.clone();
                }
            }
            BodyNoise::Whole => b.body = a.body.clone(),
        }
        (a, b)
    }
}

/// `name`, `value` and the attributes (from the first `;` on) of a `Set-Cookie` line.
fn cookie_parts(line: &str) -> Option<(&str, &str, &str)> {
    let (pair, attributes) = line.find(';').map_or((line, ""), |at| line.split_at(at));
    let (name, value) = pair.split_once('=')?;
    Some((name.trim(), value, attributes))
}

/// The cookies whose value alone differs between the two answers' `Set-Cookie` lines, when
/// the lines are otherwise the same (same cookies, in order, with the same attributes).
fn changed_cookie_values(first: &Response, second: &Response) -> Option<Vec<String>> {
    let (la, lb): (Vec<&str>, Vec<&str>) = (first.header_values("set-cookie").collect(), second.header_values("set-cookie").collect());
    if la.len() != lb.len() {
        return None;
    }
    let mut changed = Vec::new();
    for (x, y) in la.into_iter().zip(lb) {
        let ((nx, vx, ax), (ny, vy, ay)) = (cookie_parts(x)?, cookie_parts(y)?);
        if nx != ny || ax != ay {
            return None;
        }
        if vx != vy {
            changed.push(nx.to_owned());
        }
    }
    Some(changed)
}

fn json(response: &Response) -> Option<Value> {
    serde_json::from_slice(&response.body).ok()
}

/// Every path at which `a` and `b` differ; an array whose length changed counts as one.
fn changed_paths(a: &Value, b: &Value, at: &mut Vec<Step>, out: &mut Vec<Vec<Step>>) {
    match (a, b) {
        (Value::Object(ma), Value::Object(mb)) => {
            let keys: BTreeSet<&String> = ma.keys().chain(mb.keys()).collect();
            for key in keys {
                at.push(Step::Key(key.clone()));
                match (ma.get(key), mb.get(key)) {
                    (Some(x), Some(y)) => changed_paths(x, y, at, out),
                    _ => out.push(at.clone()),
                }
                at.pop();
            }
        }
        (Value::Array(xa), Value::Array(xb)) if xa.len() == xb.len() => {
            for (index, (x, y)) in xa.iter().zip(xb).enumerate() {
                at.push(Step::Index(index));
                changed_paths(x, y, at, out);
                at.pop();
            }
        }
        _ if a != b => out.push(at.clone()),
        _ => {}
    }
}

fn get<'v>(value: &'v Value, path: &[Step]) -> Option<&'v Value> {
    path.iter().try_fold(value, |v, step| match step {
        Step::Key(k) => v.get(k),
        Step::Index(i) => v.get(i),
    })
}

fn get_mut<'v>(value: &'v mut Value, path: &[Step]) -> Option<&'v mut Value> {
    path.iter().try_fold(value, |v, step| match step {
        Step::Key(k) => v.get_mut(k),
        Step::Index(i) => v.get_mut(i),
    })
}

fn remove(value: &mut Value, path: &[Step]) {
    let Some((last, parent)) = path.split_last() else { return };
    match (get_mut(value, parent), last) {
        (Some(Value::Object(map)), Step::Key(key)) => {
            map.shift_remove(key);
        }
        (Some(slot @ Value::Array(_)), Step::Index(_)) => *slot = Value::Null,
        _ => {}
    }
}

fn show(path: &[Step]) -> String {
    let mut out = String::from("$");
    for step in path {
        match step {
            Step::Key(k) => out.push_str(&format!(".{k}")),
            Step::Index(i) => out.push_str(&format!("[{i}]")),
        }
    }
    out
}

/// The tokens of a text: runs of letters and digits, and every other character alone.
fn tokens(text: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut start = None;
    for (at, c) in text.char_indices() {
        if c.is_alphanumeric() {
            start.get_or_insert(at);
            continue;
        }
        if let Some(s) = start.take() {
            out.push(&text[s..at]);
        }
        out.push(&text[at..at + c.len_utf8()]);
    }
    if let Some(s) = start {
        out.push(&text[s..]);
    }
    out
}

/// A regex that matches `first`, `second` and any text that differs from them only where they
/// differ from each other, in the kinds of characters seen there; `None` when the texts are
/// too different to diff in time or the regex would be too large.
fn template(first: &str, second: &str) -> Option<Regex> {
    let (ta, tb) = (tokens(first), tokens(second));
    let deadline = Instant::now() + DIFF_DEADLINE;
    let ops = capture_diff_slices_deadline(Algorithm::Myers, &ta, &tb, Some(deadline));
    if Instant::now() > deadline {
        return None;
    }
    let mut pattern = String::from("(?s)^");
    for op in ops {
        let (tag, old, new) = op.as_tag_tuple();
        if tag == DiffTag::Equal {
            pattern.push_str(&regex::escape(&ta[old].concat()));
        } else {
            let changed: String = ta[old].concat() + &tb[new].concat();
            pattern.push_str(&hole(&changed));
        }
    }
    pattern.push('$');
    regex::RegexBuilder::new(&pattern).size_limit(1 << 24).build().ok()
}

/// A hole that takes any run of the kinds of characters in `changed`.
fn hole(changed: &str) -> String {
    let mut class = String::new();
    for (range, first, last) in [("0-9", '0', '9'), ("a-z", 'a', 'z'), ("A-Z", 'A', 'Z')] {
        if changed.chars().any(|c| (first..=last).contains(&c)) {
            class.push_str(range);
        }
    }
    let others: BTreeSet<char> = changed.chars().filter(|c| !c.is_ascii_alphanumeric()).collect();
    for c in others {
        class.push_str(&regex::escape(&c.to_string()));
    }
    format!("[{class}]*")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn answer(headers: &[(&str, &str)], body: &str) -> Response {
        Response::from_parts(200, headers, body)
    }

    #[test]
    fn headers_that_changed_between_as_answers_are_masked() {
        let a1 = answer(&[("x-time", "1"), ("x-sometimes", "1"), ("x-fixed", "a")], "");
        let a2 = answer(&[("x-time", "2"), ("x-fixed", "a")], "");
        let noise = Noise::learn(&a1, &a2);
        let b = answer(&[("x-time", "3"), ("x-fixed", "b")], "");
        let (a, b) = noise.mask(&a1, &b);
        assert_eq!(b.header("x-time").as_deref(), Some("1"));
        assert_eq!(a.header("x-sometimes"), None);
        assert_eq!(b.header("x-fixed").as_deref(), Some("b"), "what did not change on A is kept");
        let lost = answer(&[("x-fixed", "a")], "");
        assert_eq!(noise.mask(&a1, &lost).1.header("x-time"), None, "a header B lacks stays missing");
    }

    #[test]
    fn json_members_that_changed_are_masked_by_path() {
        let a1 = answer(&[], r#"{"now":1,"items":[{"id":"x","at":5}],"fixed":true}"#);
        let a2 = answer(&[], r#"{"now":2,"items":[{"id":"x","at":6}],"fixed":true}"#);
        let noise = Noise::learn(&a1, &a2);
        assert_eq!(noise.describe(), ["the body's $.items[0].at", "the body's $.now"]);
        let b = answer(&[], r#"{"now":9,"items":[{"id":"x","at":7}],"fixed":false}"#);
        let (a, b) = noise.mask(&a1, &b);
        let (va, vb): (Value, Value) = (serde_json::from_slice(&a.body).unwrap(), serde_json::from_slice(&b.body).unwrap());
        assert_eq!(va["now"], vb["now"]);
        assert_eq!(vb["fixed"], Value::Bool(false), "what did not change on A is kept");
    }

    #[test]
    fn other_bodies_match_a_template_with_holes_where_a_changed() {
        let a1 = answer(&[], "<p>rendered at 1700000000001 by abc</p>");
        let a2 = answer(&[], "<p>rendered at 1700000000502 by abc</p>");
        let noise = Noise::learn(&a1, &a2);
        let same = answer(&[], "<p>rendered at 1700000009999 by abc</p>");
        assert_eq!(noise.mask(&a1, &same).1.body, a1.body);
        let other = answer(&[], "<p>rendered at 1700000009999 by xyz</p>");
        assert_eq!(noise.mask(&a1, &other).1.body, other.body, "a change outside the holes stays");
        let letters = answer(&[], "<p>rendered at soon by abc</p>");
        assert_eq!(noise.mask(&a1, &letters).1.body, letters.body, "a hole takes the kinds of characters seen in it");
    }

    #[test]
    fn a_binary_body_that_changed_is_not_compared() {
        let png = |bytes: &[u8]| Response { body: bytes.to_vec(), ..answer(&[("content-type", "image/png")], "") };
        let (a1, a2) = (png(&[0x89, b'P', 0xff, 1, 2, 3]), png(&[0x89, b'P', 0xfe, 1, 2, 3]));
        let noise = Noise::learn(&a1, &a2);
        assert_eq!(noise.describe(), ["the whole body"]);
        assert_eq!(noise.mask(&a1, &png(&[0x89, b'P', 0xff, 9, 9, 9])).1.body, a1.body);
        let quiet = Noise::learn(&a1, &a1);
        assert_eq!(quiet.mask(&a1, &a2).1.body, a2.body, "a body A answered alike twice is compared");
    }

    #[test]
    fn a_cookie_whose_value_alone_changed_is_masked_in_bs_line() {
        let a1 = answer(&[("set-cookie", "t=1; Path=/; HttpOnly"), ("set-cookie", "u=x")], "");
        let a2 = answer(&[("set-cookie", "t=2; Path=/; HttpOnly"), ("set-cookie", "u=x")], "");
        let noise = Noise::learn(&a1, &a2);
        assert_eq!(noise.describe(), ["the value of the cookie `t`"]);
        let b = answer(&[("set-cookie", "t=3; Path=/; HttpOnly"), ("set-cookie", "u=y")], "");
        let lines: Vec<String> = noise.mask(&a1, &b).1.header_values("set-cookie").map(str::to_owned).collect();
        assert_eq!(lines, ["t=1; Path=/; HttpOnly", "u=y"]);
        let other_attributes = answer(&[("set-cookie", "t=3; Path=/")], "");
        assert_eq!(noise.mask(&a1, &other_attributes).1.header("set-cookie").as_deref(), Some("t=1; Path=/"), "attributes are still compared");
    }

    #[test]
    fn between_builds_only_bodies_and_cookie_values_count() {
        let o1 = answer(&[("x-nextjs-cache", "HIT"), ("set-cookie", "t=1")], r#"{"built":1}"#);
        let o2 = answer(&[("x-nextjs-cache", "STALE"), ("set-cookie", "t=2")], r#"{"built":2}"#);
        assert_eq!(Noise::between_builds(&o1, &o2).describe(), ["the value of the cookie `t`", "the body's $.built"]);
    }

    #[test]
    fn a_template_of_another_server_masks_only_when_both_answers_fit_it() {
        let noise = Noise::between_builds(&answer(&[], "made at 100"), &answer(&[], "made at 250"));
        let (a, b) = (answer(&[], "made at 7"), answer(&[], "made at 9"));
        assert_eq!(noise.mask(&a, &b).1.body, a.body);
        let unlike = answer(&[], "built at 7");
        assert_eq!(noise.mask(&unlike, &b).1.body, b.body);
    }

    #[test]
    fn the_same_answer_twice_learns_nothing() {
        let a1 = answer(&[("etag", "\"1\"")], "x");
        assert!(Noise::learn(&a1, &a1.clone()).describe().is_empty());
    }
}
