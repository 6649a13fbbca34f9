//! The report as data. [`Report::of`] builds it from a finished run; the JSON report is this
//! type serialized, so reading a JSON report back gives the same value, and every other format
//! renders from it.

use super::Run;
pub use crate::evidence::DiffEvidence;
use crate::settling::Settling;
use crate::evidence::{self, ReceivedResponse, SentRequest};
pub use spec::Mismatch;
use crate::outcome::{CaseResult, Listed, Outcome, Summary};
use crate::target::Ranges;
use serde::{Deserialize, Serialize};
use spec::{Basis, Case, Doc, Severity};
use std::collections::BTreeMap;

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Report {
    pub harness_version: String,
    /// The target's base URL, or a description of it (`embedded reference server`, `a = .., b = ..`).
    pub target: String,
    /// The Next.js version the target claims (none in differential mode).
    pub next_version: Option<String>,
    /// A diff: two servers compared, each case the same on both or different.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub diff: bool,
    pub capabilities: Vec<String>,
    /// RFC 3339, UTC, milliseconds.
    pub started_at: String,
    pub duration_ms: u64,
    /// The `harness` command that repeats the run; `--filter ID` appended replays one case.
    #[serde(default)]
    pub replay: String,
    /// `I/N` when the run was one shard of the selected cases.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub shard: Option<String>,
    /// Run with `--strict`: a warning the expectations file does not list fails the run.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub strict: bool,
    /// Headers a complete answer could carry unnamed in this run (`--ignore-header`), beyond
    /// the transport headers every run exempts.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub ignored_headers: Vec<String>,
    /// The servers the run started itself (the reference server, fault proxies), each with the
    /// command that starts it again on its port, so that the `curl` replays reach it.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub servers: Vec<Served>,
    /// `informative` when cases outside their Next.js range ran too (`harness run --ranges`).
    #[serde(default, skip_serializing_if = "Ranges::is_enforced")]
    pub ranges: Ranges,
    pub summary: Summary,
    pub cases: Vec<CaseEntry>,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct CaseEntry {
    pub id: String,
    pub title: String,
    pub outcome: Outcome,
    pub duration_ms: u64,
    pub doc: Doc,
    pub basis: Basis,
    /// The Next.js version range for which the case holds.
    pub next: String,
    /// `should` when every mismatch of the case is a warning.
    #[serde(default, skip_serializing_if = "Severity::is_must")]
    pub severity: Severity,
    /// Why it is not a pass: the mismatches, the transport error, why it is n/a.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub message: Option<String>,
    /// What the expectations file says about the case, when it lists it: the reason, a link,
    /// whether it is flaky (the reason alone in reports of older harnesses).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub listed: Option<Listed>,
    /// One exchange per step that did not pass (one object in reports of older harnesses).
    #[serde(default, skip_serializing_if = "Vec::is_empty", deserialize_with = "one_or_many")]
    pub evidence: Vec<Evidence>,
    /// How each step sent until it matched (`eventually`) settled.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub eventually: Vec<Settling>,
}

/// A list, or the single object reports wrote before every failing step had its evidence.
fn one_or_many<'de, D: serde::Deserializer<'de>>(d: D) -> Result<Vec<Evidence>, D::Error> {
    #[derive(Deserialize)]
    #[serde(untagged)]
    enum OneOrMany {
        Many(Vec<Evidence>),
        One(Box<Evidence>),
    }
    Ok(match OneOrMany::deserialize(d)? {
        OneOrMany::Many(all) => all,
        OneOrMany::One(one) => vec![*one],
    })
}

/// The exchange that decided a case (see [`crate::evidence`]), with the expectation kept as the
/// JSON it serializes to so that reports can be read back.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(untagged)]
pub enum Evidence {
    Check(CheckEvidence),
    Diff(DiffEvidence),
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct CheckEvidence {
    /// 1-based index of the step.
    pub step: usize,
    pub request: SentRequest,
    /// Absent when no response came back.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub response: Option<ReceivedResponse>,
    /// The step's `expect` table: `status`, `headers` as `[name, matcher]` pairs,
    /// `headers_complete`, `body`...
    pub expected: serde_json::Value,
    /// The step's `should` table, in the same form without the status.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub should: Option<serde_json::Value>,
    /// The step's `capture` table: each value's name and where it is taken from.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub capture: BTreeMap<String, serde_json::Value>,
    /// The values the step captured or compares, as they were after it.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub captured: BTreeMap<String, String>,
    /// How the step settled when it may be sent again (`eventually`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub eventually: Option<Settling>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub mismatches: Vec<Mismatch>,
    pub curl: String,
}

/// The commands that replay a case (see [`CaseEntry::replays`]).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Replay {
    /// `harness serve ...` for each server the run started that the `curl` commands reach: run
    /// it in another terminal first.
    pub serve: Vec<String>,
    pub curl: Vec<String>,
    pub harness: String,
}

impl Replay {
    /// The commands as lines of a shell script, the servers' marked to run in another terminal.
    pub fn lines(&self) -> Vec<String> {
        let serve = self.serve.iter().map(|c| format!("{c}   # in another terminal first: the server this run used"));
        serve.chain(self.curl.iter().cloned()).chain([self.harness.clone()]).collect()
    }
}

/// A server the run started, and the command that starts it again on the same port.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Served {
    /// Its base URL during the run, as the `curl` replays address it.
    pub url: String,
    /// `harness serve --port N --next-version V ...`
    pub command: String,
}

impl Report {
    pub fn of(run: &Run) -> Report {
        let cases: Vec<CaseEntry> = run.cases.iter().zip(run.results).map(|(case, result)| CaseEntry::of(case, result)).collect();
        Report {
            harness_version: env!("CARGO_PKG_VERSION").to_owned(),
            target: run.info.target.clone(),
            next_version: run.info.next_version.as_ref().map(ToString::to_string),
            capabilities: run.info.capabilities.clone(),
            started_at: humantime::format_rfc3339_millis(run.info.started_at).to_string(),
            duration_ms: millis(run.info.duration),
            replay: run.info.replay.clone(),
            shard: run.info.shard.clone(),
            strict: run.info.strict,
            ignored_headers: run.info.ignored_headers.clone(),
            servers: run.info.servers.clone(),
            ranges: run.info.ranges,
            diff: run.info.diff,
            summary: cases.iter().map(|c| c.outcome).collect(),
            cases,
        }
    }

    /// A short name for the target, e.g. for a matrix column: its URL or description, with
    /// the Next.js version it claims.
    pub fn target_label(&self) -> String {
        match &self.next_version {
            Some(version) => format!("{} (Next.js {version})", self.target),
            None => self.target.clone(),
        }
    }
}

impl CaseEntry {
    /// The entry of `case`, which ran to `result`.
    pub fn of(case: &Case, result: &CaseResult) -> CaseEntry {
        CaseEntry {
            id: case.id.clone(),
            title: case.title.clone(),
            outcome: result.outcome,
            duration_ms: millis(result.duration),
            doc: case.doc.clone(),
            basis: case.basis,
            next: case.next.to_string(),
            severity: case.severity,
            message: result.message.clone(),
            listed: result.listed.clone(),
            evidence: result.evidence.iter().map(Evidence::from).collect(),
            eventually: result.settling.clone(),
        }
    }

    /// Where a line of the case's file is, as `ID.toml:LINE` (the file's path below the cases
    /// folder).
    pub fn file_line(&self, line: u32) -> String {
        format!("{}.toml:{line}", self.id)
    }

    /// The message's lines that no evidence's mismatch already tells (steps not run, no
    /// answer, how long a step was sent again).
    pub fn untold_lines(&self) -> Vec<&str> {
        let told: Vec<String> = self
            .evidence
            .iter()
            .flat_map(|e| {
                let (step, mismatches) = match e {
                    Evidence::Check(e) => (e.step, &e.mismatches),
                    Evidence::Diff(e) => (e.step, &e.differences),
                };
                mismatches.iter().map(move |m| format!("step {step}: {m}"))
            })
            .collect();
        let message = self.message.as_deref().unwrap_or_default();
        message.lines().filter(|line| !told.iter().any(|t| t == line)).collect()
    }

    pub fn basis_name(&self) -> &'static str {
        match self.basis {
            Basis::Documented => "documented",
            Basis::Observed => "observed",
        }
    }

    /// Whether this case makes the run fail (see [`crate::outcome::fails_run`]).
    pub fn fails_run(&self, strict: bool) -> bool {
        crate::outcome::fails_run(self.outcome, self.listed.is_some(), strict)
    }

    /// How each `eventually` step settled, but those the message already tells.
    pub fn settling_untold(&self) -> impl Iterator<Item = &Settling> {
        let message = self.message.as_deref().unwrap_or_default();
        self.eventually.iter().filter(move |s| !message.lines().any(|line| line == s.to_string()))
    }

    /// Steps that matched only after more than one try, or never.
    pub fn settled_late(&self) -> impl Iterator<Item = &Settling> {
        self.eventually.iter().filter(|s| s.attempts > 1 || !s.matched)
    }

    /// The command that replays this case alone against the same target.
    pub fn replay(&self, run_replay: &str) -> String {
        let run_replay = if run_replay.is_empty() { "harness run" } else { run_replay };
        format!("{run_replay} --filter {}", self.id)
    }

    /// Every command that replays this case: the servers to start first, the `curl` of each
    /// exchange, and the `harness` command.
    pub fn replays(&self, run_replay: &str, servers: &[Served]) -> Replay {
        let curl: Vec<String> = self
            .evidence
            .iter()
            .flat_map(|e| match e {
                Evidence::Check(e) => vec![e.curl.clone()],
                Evidence::Diff(e) => vec![e.a.curl.clone(), e.b.curl.clone()],
            })
            .collect();
        let reached = |s: &&Served| curl.iter().any(|c| c.contains(&format!("{}/", s.url)));
        let serve = servers.iter().filter(reached).map(|s| s.command.clone()).collect();
        Replay { serve, curl, harness: self.replay(run_replay) }
    }
}

fn millis(duration: std::time::Duration) -> u64 {
    u64::try_from(duration.as_millis()).unwrap_or(u64::MAX)
}

impl From<&evidence::Evidence> for Evidence {
    fn from(evidence: &evidence::Evidence) -> Evidence {
        match evidence {
            evidence::Evidence::Check(e) => Evidence::Check(CheckEvidence {
                step: e.step,
                request: e.request.clone(),
                response: e.response.clone(),
                expected: serde_json::to_value(&e.expected).expect("an expectation always serializes"),
                should: e.should.as_ref().map(|s| serde_json::to_value(s).expect("a should table always serializes")),
                capture: e.capture.iter().map(|(name, source)| (name.clone(), serde_json::to_value(source).expect("a capture serializes"))).collect(),
                captured: e.captured.clone(),
                eventually: e.eventually.clone(),
                mismatches: e.mismatches.clone(),
                curl: e.curl.clone(),
            }),
            evidence::Evidence::Diff(e) => Evidence::Diff(e.clone()),
        }
    }
}
