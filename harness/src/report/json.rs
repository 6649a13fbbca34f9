//! The JSON report: run metadata, the summary, and per case its outcome, doc, message and,
//! for failures and errors, the full exchange with a `curl` command that replays it.

use super::Run;
use crate::evidence::Evidence;
use crate::outcome::{Outcome, Summary};
use serde::Serialize;
use spec::{Basis, Doc};

#[derive(Serialize)]
struct Report<'a> {
    harness_version: &'static str,
    target: &'a str,
    next_version: Option<String>,
    capabilities: &'a [String],
    started_at: String,
    duration_ms: u128,
    summary: Summary,
    cases: Vec<CaseEntry<'a>>,
}

#[derive(Serialize)]
struct CaseEntry<'a> {
    id: &'a str,
    title: &'a str,
    outcome: Outcome,
    duration_ms: u128,
    doc: &'a Doc,
    basis: Basis,
    next: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    message: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    evidence: Option<&'a Evidence>,
}

pub fn render(run: &Run) -> String {
    let report = Report {
        harness_version: env!("CARGO_PKG_VERSION"),
        target: &run.info.target,
        next_version: run.info.next_version.as_ref().map(ToString::to_string),
        capabilities: &run.info.capabilities,
        started_at: humantime::format_rfc3339_millis(run.info.started_at).to_string(),
        duration_ms: run.info.duration.as_millis(),
        summary: Summary::of(run.results),
        cases: run
            .cases
            .iter()
            .zip(run.results)
            .map(|(case, result)| CaseEntry {
                id: &case.id,
                title: &case.title,
                outcome: result.outcome,
                duration_ms: result.duration.as_millis(),
                doc: &case.doc,
                basis: case.basis,
                next: case.next.to_string(),
                message: result.message.as_deref(),
                evidence: result.evidence.as_ref(),
            })
            .collect(),
    };
    serde_json::to_string_pretty(&report).expect("a report always serializes")
}
