//! One case in full: the doc it encodes (quote and link), why it did not pass, the request
//! sent, the response received and the expectation side by side with the differences
//! highlighted, and the commands that replay it.

use crate::evidence::{ReceivedResponse, SentRequest, Side};
use crate::report::escape::html;
use crate::report::expected::Expected;
use crate::report::model::{CaseEntry, CheckEvidence, DiffEvidence, Evidence, Mismatch};
use crate::report::doc_link;
use std::collections::BTreeSet;
use std::fmt::Write as _;

pub fn render(case: &CaseEntry, run_replay: &str) -> String {
    let mut out = String::new();
    doc(&mut out, case);
    let _ = writeln!(
        out,
        "<p class=\"note\">Basis: {} · Next.js {} · {} ms</p>",
        case.basis_name(),
        html(&case.next),
        case.duration_ms
    );
    let listed: &[Mismatch] = match &case.evidence {
        Some(Evidence::Check(e)) => &e.mismatches,
        Some(Evidence::Diff(e)) => &e.differences,
        None => &[],
    };
    if let Some(message) = unlisted(case.message.as_deref(), listed) {
        let _ = writeln!(out, "<pre class=\"message\">{}</pre>", html(&message));
    }
    let mut commands = Vec::new();
    match &case.evidence {
        Some(Evidence::Check(e)) => {
            check(&mut out, e);
            commands.push(e.curl.clone());
        }
        Some(Evidence::Diff(e)) => {
            diff(&mut out, e);
            commands.extend([e.a.curl.clone(), e.b.curl.clone()]);
        }
        None => {}
    }
    commands.push(case.replay(run_replay));
    let _ = writeln!(out, "<h4>Replay</h4>\n<pre class=\"cmd\">{}</pre>", html(&commands.join("\n")));
    out
}

/// The lines of `message` that do not repeat a mismatch shown in the list below it.
fn unlisted(message: Option<&str>, listed: &[Mismatch]) -> Option<String> {
    let lines: Vec<&str> = message?
        .lines()
        .filter(|line| !listed.iter().any(|m| line.ends_with(&format!("{}: {}", m.subject, m.problem))))
        .collect();
    (!lines.is_empty()).then(|| lines.join("\n"))
}

fn doc(out: &mut String, case: &CaseEntry) {
    let place = format!("{}#{}", case.doc.page, case.doc.anchor);
    let source = match doc_link::url(&case.doc.page, &case.doc.anchor) {
        Some(url) => format!("<a href=\"{}\" rel=\"noreferrer\">{}</a>", html(&url), html(&place)),
        None => html(&place),
    };
    let _ = writeln!(out, "<blockquote>{}<br><cite>{source}</cite></blockquote>", html(&case.doc.quote));
    if let Some(note) = &case.doc.note {
        let _ = writeln!(out, "<p class=\"note\"><strong>Note:</strong> {}</p>", html(note));
    }
}

/// What a list of mismatches says differs: the status, which headers, the body.
#[derive(Default)]
struct Differs {
    status: bool,
    headers: BTreeSet<String>,
    body: bool,
}

impl Differs {
    fn of(mismatches: &[Mismatch]) -> Differs {
        let mut differs = Differs::default();
        for m in mismatches {
            match (m.subject.as_str(), m.header()) {
                (_, Some(name)) => {
                    differs.headers.insert(name.to_ascii_lowercase());
                }
                ("status", None) => differs.status = true,
                ("body", None) => differs.body = true,
                _ => {}
            }
        }
        differs
    }

    fn header(&self, name: &str) -> bool {
        self.headers.contains(&name.to_ascii_lowercase())
    }
}

fn mismatch_list(out: &mut String, mismatches: &[Mismatch]) {
    if mismatches.is_empty() {
        return;
    }
    out.push_str("<ul class=\"mismatches\">\n");
    for m in mismatches {
        let _ = writeln!(out, "<li><code>{}</code>: {}</li>", html(&m.subject), html(&m.problem));
    }
    out.push_str("</ul>\n");
}

fn check(out: &mut String, e: &CheckEvidence) {
    mismatch_list(out, &e.mismatches);
    let differs = Differs::of(&e.mismatches);
    let expected = Expected::from_json(&e.expected);
    out.push_str("<div class=\"exchange\">\n");
    let _ = writeln!(out, "<div><h4>Sent (step {})</h4>{}</div>", e.step, request(&e.request));
    let absent: Vec<&str> = expected.headers.iter().map(|(n, _)| n.as_str()).filter(|n| differs.header(n)).collect();
    match &e.response {
        Some(r) => {
            let _ = writeln!(out, "<div><h4>Received</h4>{}</div>", response(r, &differs, &absent));
        }
        None => out.push_str("<div><h4>Received</h4><p>No response.</p></div>\n"),
    }
    let _ = writeln!(out, "<div><h4>Expected</h4>{}</div>", expectation(&expected, &differs));
    out.push_str("</div>\n");
}

fn diff(out: &mut String, e: &DiffEvidence) {
    mismatch_list(out, &e.differences);
    let differs = Differs::of(&e.differences);
    out.push_str("<div class=\"exchange\">\n");
    for (label, side) in [("a", &e.a), ("b", &e.b)] {
        let _ = writeln!(out, "<div><h4>Server {label} (step {})</h4>{}", e.step, request(&side.request));
        side_response(out, side, &differs);
        out.push_str("</div>\n");
    }
    out.push_str("</div>\n");
}

fn side_response(out: &mut String, side: &Side, differs: &Differs) {
    match &side.response {
        Some(r) => out.push_str(&response(r, differs, &[])),
        None => out.push_str("<p class=\"diff\">No response.</p>"),
    }
}

fn row(name: &str, value: &str, highlight: bool) -> String {
    let class = if highlight { " class=\"diff\"" } else { "" };
    format!("<tr{class}><th>{}</th><td>{}</td></tr>\n", html(name), html(value))
}

fn request(r: &SentRequest) -> String {
    let mut out = format!("<table>\n{}", row(&r.method, &r.url, false));
    for (name, value) in &r.headers {
        out.push_str(&row(name, value, false));
    }
    out.push_str("</table>\n");
    if let Some(body) = &r.body {
        let _ = writeln!(out, "<pre class=\"body\">{}</pre>", html(body));
    }
    out
}

/// The response, highlighting what differs; `missing` are headers that differ and are
/// expected, so that one absent from the response still shows as a highlighted row.
fn response(r: &ReceivedResponse, differs: &Differs, missing: &[&str]) -> String {
    let mut out = format!("<table>\n{}", row("status", &r.status.to_string(), differs.status));
    for (name, value) in &r.headers {
        out.push_str(&row(name, value, differs.header(name)));
    }
    for name in missing.iter().filter(|m| !r.headers.iter().any(|(n, _)| n.eq_ignore_ascii_case(m))) {
        let _ = writeln!(out, "<tr class=\"diff missing\"><th>{}</th><td>(absent)</td></tr>", html(name));
    }
    out.push_str("</table>\n");
    let class = if differs.body { "body diff" } else { "body" };
    let cut = if r.body_truncated { ", cut at the cap" } else { "" };
    let shown = if r.body.len() < r.body_bytes { format!(", first {} shown", r.body.len()) } else { String::new() };
    let _ = writeln!(out, "<p class=\"note\">Body: {} bytes{cut}{shown}</p>", r.body_bytes);
    if !r.body.is_empty() {
        let _ = writeln!(out, "<pre class=\"{class}\">{}</pre>", html(&r.body));
    }
    out
}

fn expectation(expected: &Expected, differs: &Differs) -> String {
    let mut out = String::from("<table>\n");
    if let Some(status) = expected.status {
        out.push_str(&row("status", &status.to_string(), differs.status));
    }
    for (name, matcher) in &expected.headers {
        out.push_str(&row(name, matcher, differs.header(name)));
    }
    out.push_str("</table>\n");
    if !expected.body.is_empty() {
        let class = if differs.body { "body diff" } else { "body" };
        let _ = writeln!(out, "<pre class=\"{class}\">{}</pre>", html(&expected.body.join("\n")));
    }
    out
}
