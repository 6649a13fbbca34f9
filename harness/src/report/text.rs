//! Plain-text renderings of an exchange, as JUnit failure bodies and Markdown code blocks
//! show them: the request as sent, the response head and a body excerpt, what was expected.

use super::expected::Expected;
use super::model::{CaseEntry, Evidence};
use crate::evidence::{ReceivedResponse, SentRequest};
use spec::Severity;
use std::fmt::Write as _;

/// How many characters of a response body plain-text reports quote.
pub const BODY_EXCERPT_CHARS: usize = 2000;

/// `METHOD URL`, the headers the case set, and the body if any.
pub fn request(request: &SentRequest) -> String {
    let mut out = format!("{} {}\n", request.method, request.url);
    for (name, value) in &request.headers {
        let _ = writeln!(out, "{name}: {value}");
    }
    if let Some(body) = &request.body {
        let _ = write!(out, "\n{body}\n");
    }
    out
}

/// The status line, the headers in the order received and the start of the body.
pub fn response(response: &ReceivedResponse) -> String {
    let mut out = match &response.reason {
        Some(reason) => format!("HTTP {} {reason}\n", response.status),
        None => format!("HTTP {}\n", response.status),
    };
    for (name, value) in &response.headers {
        let _ = writeln!(out, "{name}: {value}");
    }
    if !response.body.is_empty() {
        let _ = write!(out, "\n{}\n", excerpt(&response.body));
    }
    let cut = if response.body_truncated { ", cut at the cap" } else { "" };
    let _ = writeln!(out, "[body: {} bytes{cut}]", response.body_bytes);
    out
}

/// The first [`BODY_EXCERPT_CHARS`] characters of `body`, marked when there is more.
pub fn excerpt(body: &str) -> String {
    match body.char_indices().nth(BODY_EXCERPT_CHARS) {
        None => body.to_owned(),
        Some((end, _)) => format!("{}\n[... {} more bytes]", &body[..end], body.len() - end),
    }
}

/// The checks: `status`, `name: expects` lines, `body: check` lines; a should's line ends with
/// `(should)`.
pub fn expected(expected: &Expected) -> String {
    let mut out = String::new();
    let marked = |severity: Severity| if severity == Severity::Should { " (should)" } else { "" };
    if let Some(status) = expected.status {
        let _ = writeln!(out, "status {status}");
    }
    for row in &expected.rows {
        let _ = writeln!(out, "{}: {}{}", row.name, row.expects, marked(row.severity));
    }
    for (check, severity) in &expected.body {
        let _ = writeln!(out, "body: {check}{}", marked(*severity));
    }
    out
}

/// Everything about a case that did not pass, as one text: why, then the exchange and the
/// commands that replay it.
pub fn case(case: &CaseEntry, run_replay: &str) -> String {
    let mut out = String::new();
    if let Some(message) = &case.message {
        let _ = writeln!(out, "{message}");
    }
    for evidence in &case.evidence {
        match evidence {
            Evidence::Check(e) => {
                let _ = write!(out, "\n--- sent (step {})\n{}", e.step, request(&e.request));
                if let Some(r) = &e.response {
                    let _ = write!(out, "\n--- received\n{}", response(r));
                }
                let _ = write!(out, "\n--- expected\n{}", expected(&Expected::from_json(&e.expected, e.should.as_ref())));
                let _ = write!(out, "\n--- replay\n{}\n", e.curl);
            }
            Evidence::Diff(e) => {
                for (label, side) in [("a", &e.a), ("b", &e.b)] {
                    let _ = write!(out, "\n--- sent to {label} (step {})\n{}", e.step, request(&side.request));
                    if let Some(r) = &side.response {
                        let _ = write!(out, "\n--- received from {label}\n{}", response(r));
                    }
                    let _ = write!(out, "\n--- replay {label}\n{}\n", side.curl);
                }
            }
        }
    }
    let _ = writeln!(out, "\n--- replay with the harness\n{}", case.replay(run_replay));
    out
}
