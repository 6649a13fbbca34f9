//! A fuzz run as text: the routes left out, then each group of differences (what its minimal
//! requests have in common) with each cause's minimal request, what differed and the `curl`
//! commands that replay it on each side, a case file to start from, and the counts.

use super::case_toml::case_toml;
use super::space::Space;
use super::{Finding, Findings, Group};
use crate::evidence::curl_command;
use std::fmt::Write as _;

/// The whole report; `replay` is the command line that repeats the run.
pub fn render(findings: &Findings, space: &Space, replay: &str) -> String {
    let mut out = String::new();
    for app in &space.apps {
        for (file, why) in &app.left_out {
            let _ = writeln!(out, "left out: {}/{file} ({why})", app.app);
        }
    }
    for (index, group) in findings.groups.iter().enumerate() {
        out.push('\n');
        group_text(&mut out, index + 1, group, replay);
    }
    out.push('\n');
    out.push_str(&summary(findings));
    out
}

/// The closing lines: counts, time and the verdict.
pub fn summary(findings: &Findings) -> String {
    let confirmed = findings.confirmed().count();
    let unconfirmed = findings.groups.len() - confirmed;
    let mut out = format!(
        "fuzz: {} requests generated in {:.1?} (each sent to a twice and to b once): {} agreed, {} with differences, {} unstable on a\n",
        findings.generated,
        findings.elapsed,
        findings.agreed,
        findings.generated - findings.agreed - findings.unstable,
        findings.unstable,
    );
    if findings.out_of_time {
        out.push_str("fuzz: the time ran out before every request was generated\n");
    }
    let _ = write!(out, "fuzz: {confirmed} difference(s) found");
    if unconfirmed > 0 {
        let _ = write!(out, ", {unconfirmed} more not seen again on their minimal request (not counted)");
    }
    out.push('\n');
    out
}

fn group_text(out: &mut String, number: usize, group: &Group, replay: &str) {
    let seen_again = if group.confirmed() { "" } else { " [not seen again when its minimal request was sent once more]" };
    let _ = writeln!(out, "difference {number}: requests with {}{seen_again}", group.features.join(", "));
    for (index, finding) in group.findings.iter().enumerate() {
        finding_text(out, finding, index == 0, replay);
    }
}

/// One cause of a group; the first is shown with its case file.
fn finding_text(out: &mut String, finding: &Finding, first: bool, replay: &str) {
    let exchange = &finding.minimal.exchange;
    let seen_again = if finding.confirmed { "" } else { " [not seen again]" };
    let _ = writeln!(out, "  {}{seen_again}", finding.cause);
    let examples: Vec<String> = finding.examples.iter().map(|e| clip(e, 120)).collect();
    let _ = writeln!(out, "    seen on {} generated request(s), e.g. {}", finding.seen, examples.join("  "));
    let _ = writeln!(out, "    minimal request (after {} simpler ones tried): {} {}", finding.shrink_tries, exchange.to_a.method, exchange.draft.target());
    let status = |answer: &Result<spec::Response, String>| match answer {
        Ok(r) => r.status.to_string(),
        Err(e) => format!("no answer ({e})"),
    };
    let _ = writeln!(out, "    a: {}   b: {}", status(&exchange.a), status(&exchange.b));
    for difference in &finding.minimal.differences {
        let _ = writeln!(out, "    - {}", clip(&difference.to_string(), 300));
    }
    if !exchange.noise.is_empty() {
        let _ = writeln!(out, "    noise (not compared): {}", exchange.noise.join(", "));
    }
    let _ = writeln!(out, "    replay on a: {}", curl_command(&exchange.to_a));
    let _ = writeln!(out, "    replay on b: {}", curl_command(&exchange.to_b));
    if first {
        let _ = writeln!(out, "    case to start from:");
        for line in case_toml(&finding.cause, &finding.minimal, replay).lines() {
            let _ = writeln!(out, "      {line}");
        }
    }
}

/// `text` on one line of at most `most` characters.
fn clip(text: &str, most: usize) -> String {
    let line: String = text.chars().map(|c| if c.is_control() { ' ' } else { c }).collect();
    if line.chars().count() > most { line.chars().take(most).collect::<String>() + "…" } else { line }
}
