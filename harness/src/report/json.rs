//! The JSON report: run metadata, the summary, and per case its outcome, doc, message and,
//! for failures and errors, the full exchange with a `curl` command that replays it.

use super::Report;

pub fn render(report: &Report) -> String {
    serde_json::to_string_pretty(report).expect("a report always serializes")
}

/// Reads a JSON report back, e.g. to merge it with others.
pub fn parse(text: &str) -> Result<Report, String> {
    serde_json::from_str(text).map_err(|e| format!("not a harness JSON report: {e}"))
}
