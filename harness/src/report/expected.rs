//! A step's checks as people read them, one row per check, from the JSON the report keeps of
//! the step: the status, the reason phrase, each header matcher, whether the answer is complete
//! (and which other headers came), each expected Set-Cookie line with its attributes, each body
//! check, each value captured (where from, and what it was) and each comparison of captured
//! values. Each row carries the severity of its table (`expect` or `should`) and, when a
//! mismatch is about it, how grave that is and the line of the case file that wrote it.

use crate::report::model::CheckEvidence;
use serde_json::Value;
use spec::{Mismatch, Severity, Subject};

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Expected {
    pub rows: Vec<Row>,
}

/// One check.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Row {
    /// What it is about: `status`, `reason phrase`, a lower-case header name, `other headers`,
    /// `set-cookie`, `body`, ``capture `name` ``, ``captured `name` ``.
    pub check: String,
    /// What it expects, in words.
    pub expects: String,
    /// The severity of the table that holds it.
    pub severity: Severity,
    /// How grave the gravest mismatch about it is, when one is.
    pub differs: Option<Severity>,
    /// The line of the case file that writes it, when a mismatch about it says.
    pub line: Option<u32>,
    about: About,
}

/// What a row is about, as mismatches name it.
#[derive(Debug, Clone, PartialEq, Eq)]
enum About {
    Subject(Subject),
    /// The complete-answer check: every header no other row names.
    OtherHeaders,
}

impl About {
    fn covers(&self, subject: &Subject) -> bool {
        match self {
            About::Subject(about) => about == subject,
            About::OtherHeaders => matches!(subject, Subject::OtherHeader(_)),
        }
    }
}

/// The row name of a complete answer's check on the headers no row names.
pub const OTHER_HEADERS: &str = "other headers";

impl Expected {
    /// The rows of a step's `expect`, `should` and `capture` tables, marked with its mismatches.
    pub fn of(e: &CheckEvidence) -> Expected {
        let mut expected = Expected { rows: Vec::new() };
        if let Some(status) = e.expected["status"].as_u64() {
            expected.push("status", status.to_string(), Severity::Must, About::Subject(Subject::Status));
        }
        expected.add(&e.expected, Severity::Must, e);
        if let Some(should) = &e.should {
            expected.add(should, Severity::Should, e);
        }
        for (name, source) in &e.capture {
            let value = match e.captured.get(name) {
                Some(value) => format!(": `{value}`"),
                None => ": not captured".to_owned(),
            };
            expected.push(&format!("capture `{name}`"), format!("{}{value}", capture_source(source)), Severity::Must, About::Subject(Subject::Capture(name.clone())));
        }
        expected.mark(&e.mismatches);
        expected
    }

    fn push(&mut self, check: &str, expects: String, severity: Severity, about: About) {
        self.rows.push(Row { check: check.to_owned(), expects, severity, differs: None, line: None, about });
    }

    fn add(&mut self, table: &Value, severity: Severity, e: &CheckEvidence) {
        if let Some(reason) = table["reason"].as_str() {
            self.push("reason phrase", reason.to_owned(), severity, About::Subject(Subject::Reason));
        }
        for pair in table["headers"].as_array().into_iter().flatten() {
            if let (Some(name), Some(matcher)) = (pair.get(0).and_then(Value::as_str), pair.get(1)) {
                self.push(name, header_matcher(matcher), severity, About::Subject(Subject::Header(name.to_owned())));
            }
        }
        if table["headers_complete"] == Value::Bool(true) {
            let mut expects = "none (a complete answer: only the headers named here, and transport headers)".to_owned();
            let others: Vec<&str> = e.mismatches.iter().filter_map(|m| match &m.subject {
                Subject::OtherHeader(name) => Some(name.as_str()),
                _ => None,
            }).collect();
            if !others.is_empty() {
                expects.push_str(&format!("; also came: {}", others.join(", ")));
            }
            self.push(OTHER_HEADERS, expects, severity, About::OtherHeaders);
        }
        if let Some(cookies) = table["set_cookies"].as_array() {
            if cookies.is_empty() {
                self.push("set-cookie", "none".to_owned(), severity, About::Subject(Subject::SetCookies));
            }
            for line in cookies.iter().map(cookie) {
                self.push("set-cookie", line, severity, About::Subject(Subject::SetCookies));
            }
        }
        for (check, value) in table["body"].as_object().into_iter().flatten() {
            for line in body_check(check, value) {
                self.push("body", line, severity, About::Subject(Subject::Body));
            }
        }
        for (name, comparison) in table["captures"].as_object().into_iter().flatten() {
            let expects = comparison_words(name, comparison, e);
            self.push(&format!("captured `{name}`"), expects, severity, About::Subject(Subject::Captured(name.clone())));
        }
    }

    /// Marks each row a mismatch is about: the rows of the mismatch's own severity, or, when no
    /// row of that severity is about its subject (a `should` case), every row about it.
    fn mark(&mut self, mismatches: &[Mismatch]) {
        for m in mismatches {
            let same = |row: &Row| row.about.covers(&m.subject) && row.severity == m.severity;
            let any_same = self.rows.iter().any(same);
            let mut line = m.line;
            for row in self.rows.iter_mut().filter(|row| row.about.covers(&m.subject) && (!any_same || row.severity == m.severity)) {
                row.differs = Some(row.differs.map_or(m.severity, |d| d.min(m.severity)));
                // Rows of one check (a Set-Cookie line each) say where it is written once.
                row.line = row.line.or(line.take());
            }
        }
    }
}

/// A header matcher as serialized (`"absent"`, `{"set": [..]}`, `{"exact": ".."}`) in words.
fn header_matcher(matcher: &Value) -> String {
    if let Some(word) = matcher.as_str() {
        return word.to_owned();
    }
    let Some((kind, value)) = matcher.as_object().and_then(|m| m.iter().next()) else {
        return matcher.to_string();
    };
    match (kind.as_str(), value) {
        ("exact", Value::String(v)) => v.clone(),
        ("set", Value::Array(items)) => format!("{} (as a set)", words(items).join(", ")),
        ("fields", Value::Array(items)) => format!("{} (one field line each)", words(items).join(" | ")),
        ("regex", Value::String(p)) => format!("matches /{p}/"),
        ("contains", Value::String(part)) => format!("contains {part:?}"),
        ("shape", Value::String(shape)) => format!("shape {shape}"),
        (kind, value) => format!("{kind} {value}"),
    }
}

fn words(items: &[Value]) -> Vec<String> {
    items.iter().map(|i| i.as_str().map_or_else(|| i.to_string(), str::to_owned)).collect()
}

/// A cookie of a `set_cookies` list as its line: `name=value; attribute; ...`.
fn cookie(cookie: &Value) -> String {
    let mut line = format!("{}={}", cookie["name"].as_str().unwrap_or_default(), cookie["value"].as_str().unwrap_or_default());
    for attribute in cookie["attributes"].as_array().into_iter().flatten() {
        match attribute {
            Value::String(text) => line.push_str(&format!("; {text}")),
            other => line.push_str(&format!("; {}=<Date + {} s>", other["name"].as_str().unwrap_or_default(), other["seconds_after_date"])),
        }
    }
    line
}

/// One body check (a key of `body` and its value) as lines of words; a list check gives a line
/// per item.
fn body_check(check: &str, value: &Value) -> Vec<String> {
    let items = || value.as_array().cloned().unwrap_or_default();
    match (check, value) {
        ("empty", Value::Bool(true)) => vec!["empty".into()],
        ("empty", Value::Bool(false)) => vec!["not empty".into()],
        ("exact", Value::String(text)) => vec![format!("exactly {text:?}")],
        ("contains", Value::Array(parts)) => parts.iter().map(|p| format!("contains {p}")).collect(),
        ("regex", Value::String(p)) => vec![format!("matches /{p}/")],
        ("json", pattern) => vec![format!("JSON {pattern}")],
        ("json_subset", pattern) => vec![format!("JSON containing {pattern}")],
        ("xml", Value::String(xml)) => vec![format!("XML {}", xml.split_whitespace().collect::<Vec<_>>().join(" "))],
        ("head_tags", _) => items().iter().map(|tag| format!("head tag {}", head_tag(tag))).collect(),
        ("nesting", _) => items().iter().map(|chain| format!("nested {}", words(chain.as_array().map_or(&[][..], Vec::as_slice)).join(" > "))).collect(),
        ("image", image) => vec![image_words(image)],
        ("file", Value::String(file)) => vec![format!("the bytes of `{file}`")],
        (check, value) => vec![format!("{check} {value}")],
    }
}

/// `<link rel="icon" href=/re/>`: a head tag with the attributes it checks.
fn head_tag(tag: &Value) -> String {
    let mut out = format!("<{}", tag["tag"].as_str().unwrap_or_default());
    for (name, matcher) in tag.as_object().into_iter().flatten().filter(|(name, _)| *name != "tag") {
        match matcher {
            Value::String(exact) => out.push_str(&format!(" {name}={exact:?}")),
            other if other.get("regex").is_some() => out.push_str(&format!(" {name}=/{}/", other["regex"].as_str().unwrap_or_default())),
            _ => out.push_str(&format!(" (no {name})")),
        }
    }
    out.push('>');
    out
}

fn image_words(image: &Value) -> String {
    let format = image["format"].as_str().unwrap_or("an");
    match (image["width"].as_u64(), image["height"].as_u64()) {
        (Some(w), Some(h)) => format!("a {format} image, {w}×{h}"),
        (Some(w), None) => format!("a {format} image, {w} wide"),
        (None, Some(h)) => format!("a {format} image, {h} high"),
        (None, None) => format!("a {format} image"),
    }
}

/// Where a capture takes its value: `from header `date``, `from the JSON at `/now``...
fn capture_source(source: &Value) -> String {
    let mut out = if let Some(name) = source["header"].as_str() {
        format!("from header `{name}`")
    } else if let Some(pointer) = source["json"].as_str() {
        format!("from the JSON at `{pointer}`")
    } else {
        "from the body".to_owned()
    };
    if let Some(regex) = source["regex"].as_str() {
        out.push_str(&format!(" matching /{regex}/"));
    }
    out
}

/// `same as `first` (`1`, got `2`)`: a comparison of captured values, with the values.
fn comparison_words(name: &str, comparison: &Value, e: &CheckEvidence) -> String {
    let (words, other) = match (comparison["same_as"].as_str(), comparison["differs_from"].as_str()) {
        (Some(other), _) => ("the same as", other),
        (_, Some(other)) => ("other than", other),
        _ => return comparison.to_string(),
    };
    let value = |n: &str| e.captured.get(n).map_or_else(|| "not captured".to_owned(), |v| format!("`{v}`"));
    format!("{words} `{other}` ({other} = {}, {name} = {})", value(other), value(name))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::evidence::SentRequest;
    use serde_json::json;

    fn evidence(expect: Value, should: Option<Value>, mismatches: Vec<Mismatch>) -> CheckEvidence {
        CheckEvidence {
            step: 1,
            request: SentRequest { method: "GET".into(), url: "http://h/".into(), headers: vec![], body: None },
            response: None,
            expected: expect,
            should,
            capture: [("first".to_owned(), json!({"header": "date"}))].into(),
            captured: [("first".to_owned(), "Mon".to_owned()), ("second".to_owned(), "Tue".to_owned())].into(),
            eventually: None,
            mismatches,
            curl: String::new(),
        }
    }

    fn shown(expected: &Expected) -> Vec<(String, String, Severity, Option<Severity>)> {
        expected.rows.iter().map(|r| (r.check.clone(), r.expects.clone(), r.severity, r.differs)).collect()
    }

    #[test]
    fn every_check_is_a_row_and_the_ones_that_failed_are_marked() {
        let expect = json!({
            "status": 204,
            "headers": [["allow", {"set": ["GET", "HEAD"]}], ["x-powered-by", "absent"]],
            "headers_complete": true,
            "set_cookies": [{"name": "a", "value": "1", "attributes": ["Path=/", {"name": "Expires", "seconds_after_date": 60}]}, {"name": "b", "value": "2", "attributes": []}],
            "body": {"empty": true, "head_tags": [{"tag": "link", "rel": "icon", "href": {"regex": "^/i"}}], "image": {"format": "png", "width": 2, "height": 3}},
            "captures": {"second": {"differs_from": "first"}}
        });
        let should = json!({"reason": "No Content", "headers": [["allow", {"fields": ["GET", "HEAD"]}]]});
        let mismatches = vec![
            Mismatch::new(Subject::SetCookies, "folded").at(Some(9)),
            Mismatch::new(Subject::OtherHeader("etag".into()), "not expected"),
            Mismatch::new(Subject::Header("allow".into()), "one line").of(Severity::Should),
        ];
        let expected = Expected::of(&evidence(expect, Some(should), mismatches));
        let (must, should) = (Severity::Must, Severity::Should);
        let row = |check: &str, expects: &str, severity, differs| (check.to_owned(), expects.to_owned(), severity, differs);
        assert_eq!(
            shown(&expected),
            vec![
                row("status", "204", must, None),
                row("allow", "GET, HEAD (as a set)", must, None),
                row("x-powered-by", "absent", must, None),
                row(OTHER_HEADERS, "none (a complete answer: only the headers named here, and transport headers); also came: etag", must, Some(must)),
                row("set-cookie", "a=1; Path=/; Expires=<Date + 60 s>", must, Some(must)),
                row("set-cookie", "b=2", must, Some(must)),
                row("body", "empty", must, None),
                row("body", "head tag <link rel=\"icon\" href=/^/i/>", must, None),
                row("body", "a png image, 2×3", must, None),
                row("captured `second`", "other than `first` (first = `Mon`, second = `Tue`)", must, None),
                row("reason phrase", "No Content", should, None),
                row("allow", "GET | HEAD (one field line each)", should, Some(should)),
                row("capture `first`", "from header `date`: `Mon`", must, None),
            ]
        );
        assert_eq!(expected.rows[4].line, Some(9), "a failed row says where it is written");
    }
}
