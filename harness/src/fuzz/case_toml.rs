//! A difference written as a case file to start from: the minimal request as its step, and A's
//! answer, in what differed, as its expectations. The title, the doc it cites and whether A is
//! right are for the author to settle on real Next.js: the file says so at its top, and its
//! `doc` fields say `TODO` until then.

use super::cause::{Cause, How, What};
use super::shrink::Shown;
use crate::evidence::SentRequest;
use spec::Response;
use spec::case::DEFAULT_APP;
use std::fmt::Write as _;

/// Above this length a body is written as `body_repeat` when it repeats one character.
const INLINE_BODY: usize = 256;

/// The case file for `cause`, shown by `shown`, found with `replay` (the fuzz command).
pub fn case_toml(cause: &Cause, shown: &Shown, replay: &str) -> String {
    let mut out = String::new();
    let draft = &shown.exchange.draft;
    let _ = writeln!(out, "# Found by `{replay}`: {cause}.");
    for difference in &shown.differences {
        let _ = writeln!(out, "#   {}", one_line(&difference.to_string()));
    }
    out.push_str(
        "# The expectations are what a answered. Before adding the case, replay it on real `next start`\n\
         # 16.4.6 and 15.5.29, keep what Next.js answers, cite the nearest doc section and name the file\n\
         # after the claim (README, \"Add a case\").\n",
    );
    let _ = writeln!(out, "title = \"TODO: the claim\"");
    let _ = writeln!(out, "basis = \"observed\"");
    let _ = writeln!(out, "next = \">=15.0.0\"");
    if let Some(needs) = draft.kind.capability() {
        let _ = writeln!(out, "needs = [{}]", quote(needs));
    }
    if draft.app != DEFAULT_APP {
        let _ = writeln!(out, "app = {}", quote(&draft.app));
    }
    out.push_str("\n[doc]\npage = \"TODO\"\nanchor = \"TODO\"\nquote = \"TODO\"\n");
    let _ = writeln!(out, "note = {}", quote(&format!("TODO: what the docs leave unsaid. Found by harness fuzz on a {}.", draft.kind.name())));
    let _ = writeln!(out, "\n[[step]]\nrequest = {}", request(&shown.exchange.to_a, &draft.request().path));
    if let Ok(a) = &shown.exchange.a {
        expectations(&mut out, cause, a);
    }
    out
}

/// The step's `request` table: method, path as written, headers, body.
fn request(sent: &SentRequest, path: &str) -> String {
    let mut fields = vec![format!("method = {}", quote(&sent.method)), format!("path = {}", quote(path))];
    if !sent.headers.is_empty() {
        let mut names: Vec<&str> = Vec::new();
        for (name, _) in &sent.headers {
            if !names.contains(&name.as_str()) {
                names.push(name);
            }
        }
        let headers: Vec<String> = names
            .iter()
            .map(|name| {
                let values: Vec<String> = sent.headers.iter().filter(|(n, _)| n == name).map(|(_, v)| quote(v)).collect();
                let value = if values.len() == 1 { values[0].clone() } else { format!("[{}]", values.join(", ")) };
                format!("{name} = {value}")
            })
            .collect();
        fields.push(format!("headers = {{ {} }}", headers.join(", ")));
    }
    if let Some(body) = &sent.body {
        fields.push(body_field(body));
    }
    format!("{{ {} }}", fields.join(", "))
}

fn body_field(body: &str) -> String {
    let mut chars = body.chars();
    match chars.next() {
        Some(first) if body.len() > INLINE_BODY && chars.all(|c| c == first) => {
            format!("body_repeat = {{ text = {}, times = {} }}", quote(&first.to_string()), body.chars().count())
        }
        _ => format!("body = {}", quote(body)),
    }
}

/// A's answer in what `cause` is about.
fn expectations(out: &mut String, cause: &Cause, a: &Response) {
    let _ = writeln!(out, "expect.status = {}", a.status);
    match &cause.what {
        What::Status { .. } | What::Answer => {}
        What::Header { name, how } => {
            let matcher = match (how, a.header(name)) {
                (How::OnlyB, _) | (_, None) => "{ absent = true }".to_owned(),
                (_, Some(_)) if ["date", "etag", "last-modified", "expires", "age"].contains(&name.as_str()) => "{ present = true }".to_owned(),
                (_, Some(value)) => quote(&value),
            };
            let _ = writeln!(out, "expect.headers.{name} = {matcher}");
        }
        What::Body => {
            let text = super::meaning::meaning(a).body_text().into_owned();
            let line = text.lines().map(str::trim).find(|l| !l.is_empty()).unwrap_or_default();
            if line.is_empty() {
                let _ = writeln!(out, "expect.body = {{ empty = true }}");
            } else {
                let _ = writeln!(out, "expect.body = {{ contains = {} }}", quote(&line.chars().take(200).collect::<String>()));
            }
        }
    }
}

fn quote(text: &str) -> String {
    toml::Value::String(text.to_owned()).to_string()
}

fn one_line(text: &str) -> String {
    let line: String = text.chars().map(|c| if c.is_control() { ' ' } else { c }).collect();
    if line.chars().count() > 160 { line.chars().take(160).collect::<String>() + "…" } else { line }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::fuzz::check::Exchange;
    use crate::fuzz::draft::{Body, Draft, Method};
    use crate::fuzz::space::{Target, TargetKind, TargetPath};
    use spec::{Mismatch, Subject};
    use spec::case::RequestBody;

    fn shown(headers: Vec<(&'static str, &'static str)>, body: Option<Body>) -> Shown {
        let target = Target { app: "src-layout".into(), kind: TargetKind::RouteHandler, path: TargetPath::Fixed { path: "/x".into(), query: None } };
        let draft = Draft { method: Method::Standard("POST"), headers, body, ..Draft::plain(&target, Vec::new(), Some("a=1".into())) };
        let request = draft.request();
        let client = crate::client::Client::new(crate::client::Settings::default()).unwrap();
        let (to_a, to_b) = (client.prepare("http://a", &request), client.prepare("http://b", &request));
        let a = Response::from_parts(200, &[("vary", "rsc, Accept-Encoding"), ("content-type", "application/json")], r#"{"a":1}"#);
        let b = Response::from_parts(200, &[("content-type", "application/json")], r#"{"a":2}"#);
        let differences = vec![Mismatch::new(Subject::Header("vary".into()), "only a sends it: `rsc, Accept-Encoding`")];
        Shown { exchange: Exchange { draft, to_a, to_b, a: Ok(a), b: Ok(b), noise: Vec::new() }, differences }
    }

    #[test]
    fn the_case_file_parses_and_expects_as_answer_in_what_differed() {
        let cause = Cause { kind: TargetKind::RouteHandler, what: What::Header { name: "vary".into(), how: How::OnlyA } };
        let text = case_toml(&cause, &shown(vec![("cookie", "a=\"q\""), ("cookie", "b"), ("rsc", "1")], Some(Body::Repeat { text: "a", times: 1025 })), "harness fuzz --seed 1");
        let case = spec::parse_case("fuzz/found", std::path::Path::new("found.toml"), &text).unwrap_or_else(|e| panic!("{e}\n{text}"));
        assert_eq!(case.app, "src-layout");
        let step = &case.steps[0];
        assert_eq!(step.request.method, "POST");
        assert_eq!(step.request.path, "/?a=1");
        assert_eq!(step.request.headers, [("cookie".to_owned(), "a=\"q\"".to_owned()), ("cookie".into(), "b".into()), ("rsc".into(), "1".into())]);
        assert!(matches!(&step.request.body, Some(RequestBody::Text(t)) if t.len() == 1025));
        assert!(text.contains("expect.headers.vary = \"rsc, Accept-Encoding\""), "{text}");
        assert!(text.contains("title = \"TODO: the claim\""));
    }

    #[test]
    fn a_body_difference_expects_as_first_line() {
        let cause = Cause { kind: TargetKind::RouteHandler, what: What::Body };
        let text = case_toml(&cause, &shown(Vec::new(), None), "harness fuzz");
        assert!(text.contains(r#"expect.body = { contains = '{"a":1}' }"#), "{text}");
        spec::parse_case("fuzz/found", std::path::Path::new("found.toml"), &text).unwrap_or_else(|e| panic!("{e}\n{text}"));
    }
}
