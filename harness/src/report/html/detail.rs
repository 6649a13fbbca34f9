//! One case in full: the doc it encodes (quote and link), the expectations entry listing it
//! (reason, link, flaky), how its `eventually` steps settled, why it did not pass, the request
//! sent, the response received and the expectation side by side with the differences
//! highlighted, and the commands that replay it.

use crate::evidence::{ReceivedResponse, SentRequest, Side};
use crate::report::escape::html;
use crate::report::differs::Differs;
use crate::report::expected::Expected;
use crate::report::model::{CaseEntry, CheckEvidence, DiffEvidence, Evidence, Mismatch, Served};
use crate::outcome::Outcome;
use crate::report::doc_link;
use spec::Severity;
use std::fmt::Write as _;

pub fn render(case: &CaseEntry, run_replay: &str, servers: &[Served]) -> String {
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
    let untold = case.untold_lines();
    if !untold.is_empty() {
        let _ = writeln!(out, "<pre class=\"message\">{}</pre>", html(&untold.join("\n")));
    }
    for evidence in &case.evidence {
        match evidence {
            Evidence::Check(e) => check(&mut out, case, e),
            Evidence::Diff(e) => diff(&mut out, case, e),
        }
    }
    let replay = case.replays(run_replay, servers);
    let _ = writeln!(out, "<h4>Replay</h4>\n<pre class=\"cmd\">{}</pre>", html(&replay.lines().join("\n")));
    out
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

/// The mismatches of a step, each with the line of the case file that wrote its check.
fn mismatch_list(out: &mut String, case: &CaseEntry, step: usize, mismatches: &[Mismatch]) {
    if mismatches.is_empty() {
        return;
    }
    out.push_str("<ul class=\"mismatches\">\n");
    for m in mismatches {
        let (class, should) = if m.severity == Severity::Should { (" class=\"warn\"", " <em>(should)</em>") } else { ("", "") };
        let at = m.line.map(|line| format!(" <span class=\"at\">{}</span>", html(&case.file_line(line)))).unwrap_or_default();
        let _ = writeln!(out, "<li{class}>step {step}: <code>{}</code>{should}: {}{at}</li>", html(&m.subject.to_string()), html(&m.problem));
    }
    out.push_str("</ul>\n");
}

fn check(out: &mut String, case: &CaseEntry, e: &CheckEvidence) {
    mismatch_list(out, case, e.step, &e.mismatches);
    let differs = Differs::of(&e.mismatches);
    let expected = Expected::of(e);
    out.push_str("<div class=\"exchange\">\n");
    let tries = e.eventually.as_ref().map(|s| format!("<p class=\"note\">{}</p>", html(&s.to_string()))).unwrap_or_default();
    let _ = writeln!(out, "<div><h4>Sent (step {})</h4>{}{tries}</div>", e.step, request(&e.request));
    match &e.response {
        Some(r) => {
            let _ = writeln!(out, "<div><h4>Received</h4>{}</div>", response(r, &differs, &differs.named_headers()));
        }
        None => out.push_str("<div><h4>Received</h4><p>No response.</p></div>\n"),
    }
    let _ = writeln!(out, "<div><h4>Expected</h4>{}</div>", expectation(case, &expected));
    out.push_str("</div>\n");
}

fn diff(out: &mut String, case: &CaseEntry, e: &DiffEvidence) {
    mismatch_list(out, case, e.step, &e.differences);
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
    if !r.body.is_empty() || r.body_sha256.is_some() {
        let _ = writeln!(out, "<pre class=\"{}\">{}</pre>", body_class(differs.body()), html(&r.body_shown()));
    }
    out
}

/// Every check of the step, a should's marked as such, the ones that failed highlighted with
/// the line of the case file that wrote them.
fn expectation(case: &CaseEntry, expected: &Expected) -> String {
    let mut out = String::from("<table>\n");
    for check in &expected.rows {
        let name = if check.severity == Severity::Should { format!("{} (should)", check.check) } else { check.check.clone() };
        let at = check.line.map(|line| format!(" <span class=\"at\">{}</span>", html(&case.file_line(line)))).unwrap_or_default();
        let class = match class(check.differs) {
            "" => String::new(),
            class => format!(" class=\"{class}\""),
        };
        let _ = writeln!(out, "<tr{class}><th>{}</th><td>{}{at}</td></tr>", html(&name), html(&check.expects));
    }
    out.push_str("</table>\n");
    out
}
