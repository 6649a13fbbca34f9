//! What a run prints: each case that did not pass, with its evidence, then the summary line.

use crate::evidence::{Evidence, ReceivedResponse, SentRequest};
use crate::outcome::{CaseResult, Outcome, Summary};
use spec::Case;
use std::fmt::Write as _;

/// How much of a response body the console shows.
const BODY_SHOWN: usize = 600;

/// The block printed for a case that did not pass (nothing for a pass).
pub fn describe(case: &Case, result: &CaseResult) -> Option<String> {
    if result.outcome == Outcome::Pass {
        return None;
    }
    let mut out = String::new();
    let tag = result.outcome.label().to_uppercase();
    let _ = writeln!(out, "{tag} {}  [{}#{}]", case.id, case.doc.page, case.doc.anchor);
    let _ = writeln!(out, "  {}", case.title);
    if let Some(message) = &result.message {
        for line in message.lines() {
            let _ = writeln!(out, "  {line}");
        }
    }
    match &result.evidence {
        Some(Evidence::Check(evidence)) => {
            exchange(&mut out, "", &evidence.request, evidence.response.as_ref());
            let _ = writeln!(out, "  replay: {}", evidence.curl);
        }
        Some(Evidence::Diff(evidence)) => {
            for (label, side) in [("a", &evidence.a), ("b", &evidence.b)] {
                exchange(&mut out, label, &side.request, side.response.as_ref());
                let _ = writeln!(out, "  replay {label}: {}", side.curl);
            }
        }
        None => {}
    }
    Some(out)
}

/// The request sent and the response received, headers in the order they came.
fn exchange(out: &mut String, label: &str, request: &SentRequest, response: Option<&ReceivedResponse>) {
    let label = if label.is_empty() { String::new() } else { format!(" {label}") };
    let _ = writeln!(out, "  sent{label}: {} {}", request.method, request.url);
    for (name, value) in &request.headers {
        let _ = writeln!(out, "    {name}: {value}");
    }
    if let Some(body) = &request.body {
        let _ = writeln!(out, "    body: {}", clip(body));
    }
    if let Some(response) = response {
        let _ = writeln!(out, "  received{label}: {}", response.status);
        for (name, value) in &response.headers {
            let _ = writeln!(out, "    {name}: {value}");
        }
        let cut = if response.body_truncated { ", cut at the cap" } else { "" };
        let _ = writeln!(out, "    body ({} bytes{cut}): {}", response.body_bytes, clip(&response.body));
    }
}

fn clip(text: &str) -> String {
    if text.chars().count() <= BODY_SHOWN {
        return format!("{text:?}");
    }
    let head: String = text.chars().take(BODY_SHOWN).collect();
    format!("{head:?}...")
}

/// The closing line: `N passed, N failed, ...`, alone on its line.
pub fn summary_line(results: &[CaseResult]) -> String {
    Summary::of(results).to_string()
}
