//! Plain-text renderings of an exchange, as JUnit failure bodies and Markdown code blocks
//! show them: the request as sent, the response head and a body excerpt, every check with the
//! ones that failed marked.

use super::expected::{Expected, Row};
use super::model::{CaseEntry, Evidence, Report};
use crate::evidence::{ReceivedResponse, SentRequest};
use spec::{Mismatch, Severity};
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

/// The status line, the headers in the order received and the start of the body (a binary
/// body as its size and hash).
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
    let binary = response.body_sha256.as_ref().map(|hash| format!(", binary, sha256 {hash}")).unwrap_or_default();
    let _ = writeln!(out, "[body: {} bytes{cut}{binary}]", response.body_bytes);
    out
}

/// The first [`BODY_EXCERPT_CHARS`] characters of `body`, marked when there is more.
pub fn excerpt(body: &str) -> String {
    match body.char_indices().nth(BODY_EXCERPT_CHARS) {
        None => body.to_owned(),
        Some((end, _)) => format!("{}\n[... {} more bytes]", &body[..end], body.len() - end),
    }
}

/// Every check of a step, one a line: `check: expects`; a check that failed starts with `✗`
/// (a must) or `!` (a should), and a should's line ends with `(should)`. (Where each failed
/// check is written goes with its mismatch.)
pub fn expected(expected: &Expected) -> String {
    let mut out = String::new();
    for row in &expected.rows {
        let _ = writeln!(out, "{}", expected_row(row));
    }
    out
}

/// One check as [`expected`] writes it.
pub fn expected_row(row: &Row) -> String {
    let mark = match row.differs {
        Some(Severity::Must) => "✗ ",
        Some(Severity::Should) => "! ",
        None => "  ",
    };
    let should = if row.severity == Severity::Should { " (should)" } else { "" };
    format!("{mark}{}: {}{should}", row.check, row.expects)
}

/// `step N: subject: problem (ID.toml:LINE)`, one per mismatch of an exchange.
pub fn mismatch_lines(case: &CaseEntry, step: usize, mismatches: &[Mismatch]) -> Vec<String> {
    mismatches
        .iter()
        .map(|m| {
            let at = m.line.map(|line| format!(" ({})", case.file_line(line))).unwrap_or_default();
            format!("step {step}: {m}{at}")
        })
        .collect()
}

/// Everything about a case that did not pass, as one text: why, then each exchange with what
/// was expected, and the commands that replay it.
pub fn case(case: &CaseEntry, report: &Report) -> String {
    let mut out = String::new();
    for line in case.untold_lines() {
        let _ = writeln!(out, "{line}");
    }
    for evidence in &case.evidence {
        match evidence {
            Evidence::Check(e) => {
                for line in mismatch_lines(case, e.step, &e.mismatches) {
                    let _ = writeln!(out, "{line}");
                }
                let _ = write!(out, "\n--- sent (step {})\n{}", e.step, request(&e.request));
                if let Some(settling) = &e.eventually {
                    let _ = writeln!(out, "({settling})");
                }
                if let Some(r) = &e.response {
                    let _ = write!(out, "\n--- received\n{}", response(r));
                }
                let _ = write!(out, "\n--- expected\n{}\n", expected(&Expected::of(e)));
            }
            Evidence::Diff(e) => {
                for line in mismatch_lines(case, e.step, &e.differences) {
                    let _ = writeln!(out, "{line}");
                }
                for (label, side) in [("a", &e.a), ("b", &e.b)] {
                    let _ = write!(out, "\n--- sent to {label} (step {})\n{}", e.step, request(&side.request));
                    if let Some(r) = &side.response {
                        let _ = write!(out, "\n--- received from {label}\n{}", response(r));
                    }
                }
                out.push('\n');
            }
        }
    }
    let replay = case.replays(&report.replay, &report.servers);
    let _ = writeln!(out, "--- replay\n{}", replay.lines().join("\n"));
    out
}
