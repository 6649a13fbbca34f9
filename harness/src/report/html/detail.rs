//! One case in full: the doc it encodes (quote and link), the expectations entry listing it
//! (reason, link, flaky), how its `eventually` steps settled, why it did not pass, the request
//! sent, the response received and the expectation side by side with the differences
//! highlighted, and the commands that replay it.

use crate::evidence::{ReceivedResponse, SentRequest, Side};
use crate::report::escape::html;
use crate::report::expected::{Expected, REASON_PHRASE};
use crate::report::model::{CaseEntry, CheckEvidence, DiffEvidence, Evidence, Mismatch};
use crate::outcome::Outcome;
use crate::report::doc_link;
use spec::Severity;
use std::collections::BTreeMap;
use std::fmt::Write as _;

pub fn render(case: &CaseEntry, run_replay: &str) -> String {
    let mut out = String::new();
    doc(&mut out, case);
    let whole = if case.severity == Severity::Should { " · the whole case is a should: its mismatches are warnings" } else { "" };
    let _ = writeln!(
        out,
        "<p class=\"note\">Basis: {} · Next.js {} · {} ms{whole}</p>",
        case.basis_name(),
        html(&case.next),
        case.duration_ms
    );
    if let Some(entry) = &case.listed {
        let kind = match (entry.flaky, case.outcome) {
            (true, _) => "Listed as flaky",
            (false, Outcome::Warn) => "Listed as a known warning",
            (false, _) => "Listed as a known failure",
        };
        let link = match &entry.link {
            Some(url) => format!(" · <a href=\"{0}\" rel=\"noreferrer\">{0}</a>", html(url)),
            None => String::new(),
        };
        let _ = writeln!(out, "<p class=\"listed\">{kind}: {}{link}</p>", html(&entry.reason));
    }
    for settling in case.settling_untold() {
        let _ = writeln!(out, "<p class=\"note\">Sent until it matched: {}</p>", html(&settling.to_string()));
    }
    let listed: Vec<&Mismatch> = case
        .evidence
        .iter()
        .flat_map(|e| match e {
            Evidence::Check(e) => &e.mismatches,
            Evidence::Diff(e) => &e.differences,
        })
        .collect();
    if let Some(message) = unlisted(case.message.as_deref(), &listed) {
        let _ = writeln!(out, "<pre class=\"message\">{}</pre>", html(&message));
    }
    let mut commands = Vec::new();
    for evidence in &case.evidence {
        match evidence {
            Evidence::Check(e) => {
                check(&mut out, e);
                commands.push(e.curl.clone());
            }
            Evidence::Diff(e) => {
                diff(&mut out, e);
                commands.extend([e.a.curl.clone(), e.b.curl.clone()]);
            }
        }
    }
    commands.push(case.replay(run_replay));
    let _ = writeln!(out, "<h4>Replay</h4>\n<pre class=\"cmd\">{}</pre>", html(&commands.join("\n")));
    out
}

/// The lines of `message` that do not repeat a mismatch shown in the lists below it.
fn unlisted(message: Option<&str>, listed: &[&Mismatch]) -> Option<String> {
    let lines: Vec<&str> = message?.lines().filter(|line| !listed.iter().any(|m| line.ends_with(&m.to_string()))).collect();
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

/// What a list of mismatches says differs (the status line, which headers, the body), each with
/// the gravest severity that found it.
#[derive(Default)]
struct Differs {
    status: Option<Severity>,
    reason: Option<Severity>,
    headers: BTreeMap<String, Severity>,
    body: Option<Severity>,
}

impl Differs {
    fn of(mismatches: &[Mismatch]) -> Differs {
        let mut differs = Differs::default();
        let graver = |known: &mut Option<Severity>, severity: Severity| *known = Some(known.map_or(severity, |k| k.min(severity)));
        for m in mismatches {
            match (m.subject.as_str(), m.header()) {
                (_, Some(name)) => {
                    let known = differs.headers.entry(name.to_ascii_lowercase()).or_insert(m.severity);
                    *known = (*known).min(m.severity);
                }
                ("status", None) => graver(&mut differs.status, m.severity),
                (REASON_PHRASE, None) => graver(&mut differs.reason, m.severity),
                ("body", None) => graver(&mut differs.body, m.severity),
                _ => {}
            }
        }
        differs
    }

    fn header(&self, name: &str) -> Option<Severity> {
        self.headers.get(&name.to_ascii_lowercase()).copied()
    }

    /// The row of a check: the reason phrase, a header, or neither.
    fn row(&self, name: &str) -> Option<Severity> {
        if name == REASON_PHRASE { self.reason } else { self.header(name) }
    }

    /// The status line differs in its code or its reason phrase.
    fn status_line(&self) -> Option<Severity> {
        [self.status, self.reason].into_iter().flatten().min()
    }
}

/// The class of something that differs: `diff` when a must found it, `warn` when only a should.
fn class(differs: Option<Severity>) -> &'static str {
    match differs {
        Some(Severity::Must) => "diff",
        Some(Severity::Should) => "warn",
        None => "",
    }
}

fn body_class(differs: Option<Severity>) -> String {
    match class(differs) {
        "" => "body".to_owned(),
        class => format!("body {class}"),
    }
}

fn mismatch_list(out: &mut String, mismatches: &[Mismatch]) {
    if mismatches.is_empty() {
        return;
    }
    out.push_str("<ul class=\"mismatches\">\n");
    for m in mismatches {
        let (class, should) = if m.severity == Severity::Should { (" class=\"warn\"", " <em>(should)</em>") } else { ("", "") };
        let _ = writeln!(out, "<li{class}><code>{}</code>{should}: {}</li>", html(&m.subject), html(&m.problem));
    }
    out.push_str("</ul>\n");
}

fn check(out: &mut String, e: &CheckEvidence) {
    mismatch_list(out, &e.mismatches);
    let differs = Differs::of(&e.mismatches);
    let expected = Expected::from_json(&e.expected, e.should.as_ref());
    out.push_str("<div class=\"exchange\">\n");
    let _ = writeln!(out, "<div><h4>Sent (step {})</h4>{}</div>", e.step, request(&e.request));
    let absent: Vec<&str> = expected.rows.iter().map(|r| r.name.as_str()).filter(|n| differs.header(n).is_some()).collect();
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

fn row(name: &str, value: &str, differs: Option<Severity>) -> String {
    let class = match class(differs) {
        "" => String::new(),
        class => format!(" class=\"{class}\""),
    };
    format!("<tr{class}><th>{}</th><td>{}</td></tr>\n", html(name), html(value))
}

fn request(r: &SentRequest) -> String {
    let mut out = format!("<table>\n{}", row(&r.method, &r.url, None));
    for (name, value) in &r.headers {
        out.push_str(&row(name, value, None));
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
    let status = match &r.reason {
        Some(reason) => format!("{} {reason}", r.status),
        None => r.status.to_string(),
    };
    let mut out = format!("<table>\n{}", row("status", &status, differs.status_line()));
    for (name, value) in &r.headers {
        out.push_str(&row(name, value, differs.header(name)));
    }
    for name in missing.iter().filter(|m| !r.headers.iter().any(|(n, _)| n.eq_ignore_ascii_case(m))) {
        let _ = writeln!(out, "<tr class=\"{} missing\"><th>{}</th><td>(absent)</td></tr>", class(differs.header(name)), html(name));
    }
    out.push_str("</table>\n");
    let cut = if r.body_truncated { ", cut at the cap" } else { "" };
    let shown = if r.body.len() < r.body_bytes { format!(", first {} shown", r.body.len()) } else { String::new() };
    let _ = writeln!(out, "<p class=\"note\">Body: {} bytes{cut}{shown}</p>", r.body_bytes);
    if !r.body.is_empty() {
        let _ = writeln!(out, "<pre class=\"{}\">{}</pre>", body_class(differs.body), html(&r.body));
    }
    out
}

/// The checks, a should's marked as such.
fn expectation(expected: &Expected, differs: &Differs) -> String {
    let mut out = String::from("<table>\n");
    if let Some(status) = expected.status {
        out.push_str(&row("status", &status.to_string(), differs.status));
    }
    for check in &expected.rows {
        let name = if check.severity == Severity::Should { format!("{} (should)", check.name) } else { check.name.clone() };
        out.push_str(&row(&name, &check.expects, differs.row(&check.name)));
    }
    out.push_str("</table>\n");
    if !expected.body.is_empty() {
        let lines: Vec<String> =
            expected.body.iter().map(|(check, severity)| if *severity == Severity::Should { format!("{check} (should)") } else { check.clone() }).collect();
        let _ = writeln!(out, "<pre class=\"{}\">{}</pre>", body_class(differs.body), html(&lines.join("\n")));
    }
    out
}
