//! What a run prints: its progress while it runs (a bar, or a line now and then without a
//! terminal: [`progress`]), each case that did not pass with its evidence (the mismatches with
//! the line of the case file that wrote each check, the exchange, every check of the step with
//! the failed ones marked, and the commands that replay it; colored on a terminal, [`paint`]),
//! then the end of the run ([`end`]): the failing ids, the command that reruns them, where the
//! reports went, and the verdict with the summary line, which CI parses and which is never
//! colored.

pub mod end;
pub mod paint;
pub mod progress;

use crate::evidence::{ReceivedResponse, SentRequest};
use crate::outcome::{CaseResult, Outcome};
use crate::report::differs::Differs;
use crate::report::expected::Expected;
use crate::report::model::{CaseEntry, Evidence, Served};
use crate::report::text;
use paint::Paint;
use spec::{Case, Mismatch, Severity};
use std::fmt::Write as _;
use std::path::Path;

/// How much of a response body the console shows.
const BODY_SHOWN: usize = 600;

/// The block printed for a case that did not pass (nothing for a pass), without colors.
pub fn describe(case: &Case, result: &CaseResult) -> Option<String> {
    describe_with(case, result, Paint::PLAIN, &[])
}

/// [`describe`], with the outcome and what differs colored by `paint`; `servers` are those the
/// run started itself, whose `harness serve` commands go with the replays that reach them.
pub fn describe_with(case: &Case, result: &CaseResult, paint: Paint, servers: &[Served]) -> Option<String> {
    if result.outcome == Outcome::Pass {
        return None;
    }
    let entry = CaseEntry::of(case, result);
    let mut out = String::new();
    // A diff compares two servers: its cases are different, not failed.
    let compared = result.evidence.iter().any(|e| matches!(e, crate::evidence::Evidence::Diff(_)));
    let tag = paint.outcome(result.outcome, &result.outcome.label_in(compared).to_uppercase());
    let _ = writeln!(out, "{tag} {}  [{}#{}]", case.id, case.doc.page, case.doc.anchor);
    let _ = writeln!(out, "  {}", case.title);
    if let Some(link) = result.listed.as_ref().and_then(|l| l.link.as_deref()) {
        let _ = writeln!(out, "  tracked at {link}");
    }
    let message = result.message.as_deref().unwrap_or_default();
    for settling in result.settling.iter().map(ToString::to_string).filter(|s| !message.lines().any(|line| line == s)) {
        let _ = writeln!(out, "  {settling}");
    }
    let color = |line: &str| match result.outcome {
        Outcome::Warn => paint.yellow(line),
        outcome if outcome.is_unexpected() => paint.red(line),
        _ => line.to_owned(),
    };
    for line in entry.untold_lines() {
        let _ = writeln!(out, "  {}", color(line));
    }
    let several = entry.evidence.len() > 1;
    for evidence in &entry.evidence {
        match evidence {
            Evidence::Check(e) => {
                mismatches(&mut out, case, e.step, &e.mismatches, &color, paint);
                let differs = Differs::of(&e.mismatches);
                let label = if several { format!("(step {})", e.step) } else { String::new() };
                exchange(&mut out, &label, &e.request, e.response.as_ref(), &differs, paint);
                if let Some(settling) = &e.eventually {
                    let _ = writeln!(out, "  {}", paint.dim(&format!("sent until it matched: {settling}")));
                }
                let _ = writeln!(out, "  expected{}:", if several { format!(" (step {})", e.step) } else { String::new() });
                for row in Expected::of(e).rows {
                    let line = format!("  {}", text::expected_row(&row));
                    let _ = writeln!(out, "{}", mark(row.differs, line, paint));
                }
                replay(&mut out, "replay", &e.curl, servers, paint);
            }
            Evidence::Diff(e) => {
                mismatches(&mut out, case, e.step, &e.differences, &color, paint);
                let differs = Differs::of(&e.differences);
                for (label, side) in [("a", &e.a), ("b", &e.b)] {
                    let label = if several { format!("{label} (step {})", e.step) } else { label.to_owned() };
                    exchange(&mut out, &label, &side.request, side.response.as_ref(), &differs, paint);
                    replay(&mut out, &format!("replay {label}"), &side.curl, servers, paint);
                }
            }
        }
    }
    Some(out)
}

/// Each mismatch of a step, with the place in the case file that writes its check.
fn mismatches(out: &mut String, case: &Case, step: usize, mismatches: &[Mismatch], color: &impl Fn(&str) -> String, paint: Paint) {
    for m in mismatches {
        let _ = writeln!(out, "  {}", color(&format!("step {step}: {m}")));
        if let Some(line) = m.line {
            let _ = writeln!(out, "    {}", paint.dim(&format!("--> {}:{line}", shown_path(&case.path))));
        }
    }
}

/// A path as short as it can be said from the current folder.
fn shown_path(path: &Path) -> String {
    let here = std::env::current_dir().ok();
    let relative = here.as_deref().and_then(|here| path.strip_prefix(here).ok());
    relative.unwrap_or(path).display().to_string()
}

/// `replay: curl ...`, after the command that starts the server it reaches when the run started
/// that server itself.
fn replay(out: &mut String, label: &str, curl: &str, servers: &[Served], paint: Paint) {
    let mut lines: Vec<String> =
        servers.iter().filter(|s| curl.contains(&format!("{}/", s.url))).map(|s| format!("{}   # in another terminal first", s.command)).collect();
    lines.push(curl.to_owned());
    let indent = " ".repeat(label.len() + 4);
    for (index, line) in lines.iter().enumerate() {
        let line = if index == 0 { format!("  {label}: {line}") } else { format!("{indent}{line}") };
        let _ = writeln!(out, "{}", paint.dim(&line));
    }
}

/// The many n/a cases with one reason that are listed one by one; more share one line.
const NOT_APPLICABLE_LISTED: usize = 3;

/// The blocks a run prints, in the cases' order: one per case that did not pass, except that
/// n/a cases sharing a reason with many others (every case of an app the target does not serve)
/// are folded into one line at the end.
pub fn describe_run(cases: &[Case], results: &[CaseResult], paint: Paint, servers: &[Served]) -> Vec<String> {
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
        cases.iter().zip(results).filter(|(_, r)| !folded(r)).filter_map(|(c, r)| describe_with(c, r, paint, servers)).collect();
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

/// The line in red when a must found it differs, in yellow when only a should did.
fn mark(differs: Option<Severity>, line: String, paint: Paint) -> String {
    match differs {
        Some(Severity::Must) => paint.bold_red(&line),
        Some(Severity::Should) => paint.yellow(&line),
        None => line,
    }
}

/// The request sent and the response received, headers in the order they came.
fn exchange(out: &mut String, label: &str, request: &SentRequest, response: Option<&ReceivedResponse>, differs: &Differs, paint: Paint) {
    let label = if label.is_empty() { String::new() } else { format!(" {label}") };
    let _ = writeln!(out, "  sent{label}: {} {}", request.method, request.url);
    for (name, value) in &request.headers {
        let _ = writeln!(out, "    {name}: {value}");
    }
    if let Some(body) = &request.body {
        let _ = writeln!(out, "    body: {}", clip(body));
    }
    let Some(response) = response else {
        let _ = writeln!(out, "  received{label}: no answer");
        return;
    };
    let status = match &response.reason {
        Some(reason) => format!("  received{label}: {} {reason}", response.status),
        None => format!("  received{label}: {}", response.status),
    };
    let _ = writeln!(out, "{}", mark(differs.status_line(), status, paint));
    for (name, value) in &response.headers {
        let _ = writeln!(out, "{}", mark(differs.header(name), format!("    {name}: {value}"), paint));
    }
    for name in differs.named_headers().into_iter().filter(|n| !response.headers.iter().any(|(h, _)| h.eq_ignore_ascii_case(n))) {
        let _ = writeln!(out, "{}", mark(differs.header(name), format!("    ({name}: absent)"), paint));
    }
    let cut = if response.body_truncated { ", cut at the cap" } else { "" };
    let body = match &response.body_sha256 {
        Some(hash) => format!("    body ({} bytes{cut}, binary, sha256 {hash})", response.body_bytes),
        None => format!("    body ({} bytes{cut}): {}", response.body_bytes, clip(&response.body)),
    };
    let _ = writeln!(out, "{}", mark(differs.body(), body, paint));
}

fn clip(text: &str) -> String {
    if text.chars().count() <= BODY_SHOWN {
        return format!("{text:?}");
    }
    let head: String = text.chars().take(BODY_SHOWN).collect();
    format!("{head:?}...")
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
        let mismatches = spec::verdict::check_step(&case.steps[0], case.severity, &response, &mut Default::default(), &[]);
        let request = SentRequest { method: "GET".into(), url: "http://h/x".into(), headers: vec![], body: None };
        let evidence = CheckEvidence {
            step: 1,
            curl: crate::evidence::curl_command(&request),
            request,
            response: Some((&response).into()),
            expected: case.steps[0].expect.clone(),
            should: None,
            capture: Default::default(),
            captured: Default::default(),
            eventually: None,
            mismatches: mismatches.clone(),
        };
        let lines: Vec<String> = mismatches.iter().map(|m| format!("step 1: {m}")).collect();
        let result = CaseResult {
            evidence: vec![crate::evidence::Evidence::Check(evidence)],
            ..CaseResult::ended(&case.id, std::time::Instant::now(), Outcome::Fail, Some(lines.join("\n")), Vec::new())
        };
        (case, result)
    }

    #[test]
    fn a_failure_shows_where_each_check_is_written_and_every_check_with_the_failed_ones_marked() {
        let (case, result) = failed();
        let plain = describe(&case, &result).unwrap();
        for line in [
            "  step 1: status: expected 204, got 200\n    --> case.toml:6\n",
            "  step 1: header `allow`: expected `GET`, got `POST`\n    --> case.toml:7\n",
            "  expected:\n  ✗ status: 204\n  ✗ allow: GET\n",
        ] {
            assert!(plain.contains(line), "{line:?} in:\n{plain}");
        }
        assert_eq!(plain.matches("expected 204, got 200").count(), 1, "each mismatch is told once:\n{plain}");
    }

    #[test]
    fn on_a_terminal_the_parts_that_differ_are_red_and_elsewhere_nothing_is_colored() {
        let (case, result) = failed();
        let plain = describe(&case, &result).unwrap();
        assert!(!plain.contains('\x1b'), "{plain}");
        let colored = describe_with(&case, &result, Paint::ANSI, &[]).unwrap();
        assert!(colored.contains("\x1b[1;31m  received: 200\x1b[0m"), "{colored}");
        assert!(colored.contains("\x1b[1;31m    allow: POST\x1b[0m"), "{colored}");
        assert!(colored.contains("\n    date: today\n"), "{colored}");
        let stripped = colored.replace("\x1b[0m", "").replace("\x1b[1;31m", "").replace("\x1b[31m", "").replace("\x1b[2m", "");
        assert_eq!(stripped, plain);
    }

    #[test]
    fn the_replay_of_a_server_the_run_started_comes_with_the_command_that_starts_it_again() {
        let (case, result) = failed();
        let servers = [Served { url: "http://h".into(), command: "harness serve --port 80".into() }];
        let shown = describe_with(&case, &result, Paint::PLAIN, &servers).unwrap();
        assert!(shown.contains("  replay: harness serve --port 80   # in another terminal first\n          curl -sS -i --path-as-is http://h/x\n"), "{shown}");
    }

    #[test]
    fn many_n_a_cases_with_one_reason_share_a_line_and_failures_stay_listed() {
        let (case, failure) = failed();
        let not_applicable =
            |id: &str, reason: &str| CaseResult::ended(id, std::time::Instant::now(), Outcome::NotApplicable, Some(reason.into()), Vec::new());
        let mut results = vec![failure, not_applicable("v/one", "holds for Next.js <16")];
        results.extend((0..4).map(|i| not_applicable(&format!("app/{i}"), "requests the fixture app `x`")));
        let cases = vec![case; results.len()];
        let blocks = describe_run(&cases, &results, Paint::PLAIN, &[]);
        assert_eq!(blocks.len(), 3, "{blocks:?}");
        assert!(blocks[0].starts_with("FAIL area/case"), "{}", blocks[0]);
        assert!(blocks[1].starts_with("N/A area/case") && blocks[1].contains("holds for Next.js <16"), "{}", blocks[1]);
        assert_eq!(blocks[2], "N/A 4 cases, e.g. app/0, app/1, app/2: requests the fixture app `x`\n");
    }
}
