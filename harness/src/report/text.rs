//! Plain-text renderings of an exchange, as JUnit failure bodies and Markdown code blocks
//! show them: the request as sent, the response head and a body excerpt, what was expected.

use super::expected::Expected;
use super::model::{CaseEntry, Evidence, Mismatch};
use crate::evidence::{ReceivedResponse, SentRequest};
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

/// The status, the headers in the order received and the start of the body.
pub fn response(response: &ReceivedResponse) -> String {
    let mut out = format!("HTTP {}\n", response.status);
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

/// The expectation: `status`, `header: matcher` lines, `body: check` lines.
pub fn expected(expected: &Expected) -> String {
    let mut out = String::new();
    if let Some(status) = expected.status {
        let _ = writeln!(out, "status {status}");
    }
    for (name, matcher) in &expected.headers {
        let _ = writeln!(out, "{name}: {matcher}");
    }
    for check in &expected.body {
        let _ = writeln!(out, "body: {check}");
    }
    out
}

/// One line per mismatch: `subject: problem`.
pub fn mismatches(mismatches: &[Mismatch]) -> String {
    mismatches.iter().map(|m| format!("{}: {}\n", m.subject, m.problem)).collect()
}

/// Everything about a case that did not pass, as one text: why, then the exchange and the
/// commands that replay it.
pub fn case(case: &CaseEntry, run_replay: &str) -> String {
    let mut out = String::new();
    if let Some(message) = &case.message {
        let _ = writeln!(out, "{message}");
    }
    match &case.evidence {
        Some(Evidence::Check(e)) => {
            let _ = write!(out, "\n--- sent (step {})\n{}", e.step, request(&e.request));
            if let Some(r) = &e.response {
                let _ = write!(out, "\n--- received\n{}", response(r));
            }
            let _ = write!(out, "\n--- expected\n{}", expected(&Expected::from_json(&e.expected)));
            let _ = write!(out, "\n--- replay\n{}\n", e.curl);
        }
        Some(Evidence::Diff(e)) => {
            for (label, side) in [("a", &e.a), ("b", &e.b)] {
                let _ = write!(out, "\n--- sent to {label} (step {})\n{}", e.step, request(&side.request));
                if let Some(r) = &side.response {
                    let _ = write!(out, "\n--- received from {label}\n{}", response(r));
                }
                let _ = write!(out, "\n--- replay {label}\n{}\n", side.curl);
            }
        }
        None => {}
    }
    let _ = writeln!(out, "\n--- replay with the harness\n{}", case.replay(run_replay));
    out
}
