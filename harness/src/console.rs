//! What a run prints: its progress while it runs (a bar, or a line now and then without a
//! terminal: [`progress`]), each case that did not pass with its evidence (mismatched parts
//! colored on a terminal, [`paint`]), then the summary line, which CI parses and which is never
//! colored.

pub mod paint;
pub mod progress;

use crate::evidence::{Evidence, ReceivedResponse, SentRequest};
use crate::outcome::{CaseResult, Outcome, Summary};
use paint::Paint;
use spec::{Case, Mismatch, Severity};
use std::fmt::Write as _;

/// How much of a response body the console shows.
const BODY_SHOWN: usize = 600;

/// The block printed for a case that did not pass (nothing for a pass), without colors.
pub fn describe(case: &Case, result: &CaseResult) -> Option<String> {
    describe_with(case, result, Paint::PLAIN)
}

/// [`describe`], with the outcome and what differs colored by `paint`.
pub fn describe_with(case: &Case, result: &CaseResult, paint: Paint) -> Option<String> {
    if result.outcome == Outcome::Pass {
        return None;
    }
    let mut out = String::new();
    let tag = paint.outcome(result.outcome, &result.outcome.label().to_uppercase());
    let _ = writeln!(out, "{tag} {}  [{}#{}]", case.id, case.doc.page, case.doc.anchor);
    let _ = writeln!(out, "  {}", case.title);
    if let Some(link) = result.listed.as_ref().and_then(|l| l.link.as_deref()) {
        let _ = writeln!(out, "  tracked at {link}");
    }
    let message = result.message.as_deref().unwrap_or_default();
    for settling in result.settling.iter().map(ToString::to_string).filter(|s| !message.lines().any(|line| line == s)) {
        let _ = writeln!(out, "  {settling}");
    }
    if let Some(message) = &result.message {
        for line in message.lines() {
            let line = match result.outcome {
                Outcome::Warn => paint.yellow(line),
                outcome if outcome.is_unexpected() => paint.red(line),
                _ => line.to_owned(),
            };
            let _ = writeln!(out, "  {line}");
        }
    }
    let several = result.evidence.len() > 1;
    for evidence in &result.evidence {
        match evidence {
            Evidence::Check(evidence) => {
                let differs = Differs { mismatches: &evidence.mismatches, paint };
                let label = if several { format!("(step {})", evidence.step) } else { String::new() };
                exchange(&mut out, &label, &evidence.request, evidence.response.as_ref(), &differs);
                let _ = writeln!(out, "  {}", paint.dim(&format!("replay: {}", evidence.curl)));
            }
            Evidence::Diff(evidence) => {
                let differs = Differs { mismatches: &evidence.differences, paint };
                for (label, side) in [("a", &evidence.a), ("b", &evidence.b)] {
                    let label = if several { format!("{label} (step {})", evidence.step) } else { label.to_owned() };
                    exchange(&mut out, &label, &side.request, side.response.as_ref(), &differs);
                    let _ = writeln!(out, "  {}", paint.dim(&format!("replay {label}: {}", side.curl)));
                }
            }
        }
    }
    Some(out)
}

/// How many n/a cases with one reason are listed one by one; more share one line.
const NOT_APPLICABLE_LISTED: usize = 3;

/// The blocks a run prints, in the cases' order: one per case that did not pass, except that
/// n/a cases sharing a reason with many others (every case of an app the target does not serve)
/// are folded into one line at the end.
pub fn describe_run(cases: &[Case], results: &[CaseResult], paint: Paint) -> Vec<String> {
    let mut by_reason: Vec<(&str, Vec<&str>)> = Vec::new();
    for result in results.iter().filter(|r| r.outcome == Outcome::NotApplicable) {
        let reason = result.message.as_deref().unwrap_or_default();
        match by_reason.iter_mut().find(|(r, _)| *r == reason) {
            Some((_, ids)) => ids.push(&result.id),
            None => by_reason.push((reason, vec![&result.id])),
        }
    }
    let folded = |result: &CaseResult| {
        result.outcome == Outcome::NotApplicable
            && by_reason.iter().any(|(r, ids)| *r == result.message.as_deref().unwrap_or_default() && ids.len() > NOT_APPLICABLE_LISTED)
    };
    let mut out: Vec<String> =
        cases.iter().zip(results).filter(|(_, r)| !folded(r)).filter_map(|(c, r)| describe_with(c, r, paint)).collect();
    for (reason, ids) in by_reason.iter().filter(|(_, ids)| ids.len() > NOT_APPLICABLE_LISTED) {
        let tag = paint.outcome(Outcome::NotApplicable, "N/A");
        out.push(format!("{tag} {} cases, e.g. {}: {reason}\n", ids.len(), ids[..NOT_APPLICABLE_LISTED].join(", ")));
    }
    out
}

/// One line for each passing case with a step that matched only after several tries, so a run
/// shows how long a target takes to regenerate.
pub fn settled_late(results: &[CaseResult], paint: Paint) -> Vec<String> {
    let late = |r: &&CaseResult| r.outcome == Outcome::Pass && r.settling.iter().any(|s| s.attempts > 1);
    results
        .iter()
        .filter(late)
        .map(|r| {
            let steps: Vec<String> = r.settling.iter().filter(|s| s.attempts > 1).map(ToString::to_string).collect();
            format!("{} {}: {}", paint.dim("LATE"), r.id, steps.join("; "))
        })
        .collect()
}

/// Colors the parts of a response that the mismatches name.
struct Differs<'a> {
    mismatches: &'a [Mismatch],
    paint: Paint,
}

impl Differs<'_> {
    /// The gravest severity of the mismatches about `subject`, if any is.
    fn names(&self, subject: &str) -> Option<Severity> {
        self.mismatches.iter().filter(|m| m.subject == subject).map(|m| m.severity).min()
    }

    fn header(&self, name: &str) -> Option<Severity> {
        self.mismatches.iter().filter(|m| m.header().is_some_and(|h| h.eq_ignore_ascii_case(name))).map(|m| m.severity).min()
    }

    /// The line in red when a must found it differs, in yellow when only a should did.
    fn mark(&self, differs: Option<Severity>, line: String) -> String {
        match differs {
            Some(Severity::Must) => self.paint.bold_red(&line),
            Some(Severity::Should) => self.paint.yellow(&line),
            None => line,
        }
    }
}

/// The request sent and the response received, headers in the order they came.
fn exchange(out: &mut String, label: &str, request: &SentRequest, response: Option<&ReceivedResponse>, differs: &Differs) {
    let label = if label.is_empty() { String::new() } else { format!(" {label}") };
    let _ = writeln!(out, "  sent{label}: {} {}", request.method, request.url);
    for (name, value) in &request.headers {
        let _ = writeln!(out, "    {name}: {value}");
    }
    if let Some(body) = &request.body {
        let _ = writeln!(out, "    body: {}", clip(body));
    }
    if let Some(response) = response {
        let status = format!("  received{label}: {}", response.status);
        let _ = writeln!(out, "{}", differs.mark(differs.names("status"), status));
        for (name, value) in &response.headers {
            let _ = writeln!(out, "{}", differs.mark(differs.header(name), format!("    {name}: {value}")));
        }
        let cut = if response.body_truncated { ", cut at the cap" } else { "" };
        let body = format!("    body ({} bytes{cut}): {}", response.body_bytes, clip(&response.body));
        let _ = writeln!(out, "{}", differs.mark(differs.names("body"), body));
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::evidence::CheckEvidence;

    fn failed() -> (Case, CaseResult) {
        let text = "title = \"t\"\nbasis = \"observed\"\ndoc = { page = \"p\", anchor = \"a\", quote = \"q\" }\n\
                    [[step]]\nrequest = { path = \"/x\" }\nexpect.status = 204\nexpect.headers.allow = \"GET\"\n";
        let case = spec::parse_case("area/case", std::path::Path::new("case.toml"), text).unwrap();
        let response = spec::Response::from_parts(200, &[("allow", "POST"), ("date", "today")], b"hi".to_vec());
        let mismatches = case.steps[0].expect.check(&response);
        let request = SentRequest { method: "GET".into(), url: "http://h/x".into(), headers: vec![], body: None };
        let evidence = CheckEvidence {
            step: 1,
            curl: crate::evidence::curl_command(&request),
            request,
            response: Some((&response).into()),
            expected: case.steps[0].expect.clone(),
            should: None,
            mismatches,
        };
        let result = CaseResult {
            evidence: vec![Evidence::Check(evidence)],
            ..CaseResult::ended(&case.id, std::time::Instant::now(), Outcome::Fail, Some("step 1: status: expected 204, got 200".into()), Vec::new())
        };
        (case, result)
    }

    #[test]
    fn on_a_terminal_the_parts_that_differ_are_red_and_elsewhere_nothing_is_colored() {
        let (case, result) = failed();
        let plain = describe(&case, &result).unwrap();
        assert!(!plain.contains('\x1b'), "{plain}");
        let colored = describe_with(&case, &result, Paint::ANSI).unwrap();
        assert!(colored.contains("\x1b[1;31m  received: 200\x1b[0m"), "{colored}");
        assert!(colored.contains("\x1b[1;31m    allow: POST\x1b[0m"), "{colored}");
        assert!(colored.contains("\n    date: today\n"), "{colored}");
        let stripped = colored.replace("\x1b[0m", "").replace("\x1b[1;31m", "").replace("\x1b[31m", "").replace("\x1b[2m", "");
        assert_eq!(stripped, plain);
    }

    #[test]
    fn many_n_a_cases_with_one_reason_share_a_line_and_failures_stay_listed() {
        let (case, failure) = failed();
        let not_applicable =
            |id: &str, reason: &str| CaseResult::ended(id, std::time::Instant::now(), Outcome::NotApplicable, Some(reason.into()), Vec::new());
        let mut results = vec![failure, not_applicable("v/one", "holds for Next.js <16")];
        results.extend((0..4).map(|i| not_applicable(&format!("app/{i}"), "requests the fixture app `x`")));
        let cases = vec![case; results.len()];
        let blocks = describe_run(&cases, &results, Paint::PLAIN);
        assert_eq!(blocks.len(), 3, "{blocks:?}");
        assert!(blocks[0].starts_with("FAIL area/case"), "{}", blocks[0]);
        assert!(blocks[1].starts_with("N/A area/case") && blocks[1].contains("holds for Next.js <16"), "{}", blocks[1]);
        assert_eq!(blocks[2], "N/A 4 cases, e.g. app/0, app/1, app/2: requests the fixture app `x`\n");
    }
}
