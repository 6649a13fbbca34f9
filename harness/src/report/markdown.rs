//! The Markdown report, for pull-request comments and job summaries: the run, a summary table
//! by area, then every unexpected outcome with its evidence (request, response excerpt,
//! mismatches, the commands that replay it), the warnings and the flaky failures with theirs,
//! the steps that matched only after several tries, then the known failures and the n/a
//! cases. An expectations entry's link is shown wherever its case is.

use super::expected::Expected;
use super::model::{CaseEntry, Evidence, Report};
use super::{area, doc_link, text};
use crate::outcome::{Outcome, Summary, sections};
use spec::Severity;
use std::fmt::Write as _;

pub fn render(report: &Report) -> String {
    let mut out = String::from("# Next.js conformance report\n\n");
    let _ = writeln!(out, "| | |\n| --- | --- |");
    let _ = writeln!(out, "| Target | {} |", code(&report.target));
    if !report.diff {
        let _ = writeln!(out, "| Next.js version claimed | {} |", report.next_version.as_deref().map_or("none".into(), code));
        let _ = writeln!(out, "| Capabilities | {} |", inline(&report.capabilities.join(", ")));
    }
    if let Some(shard) = &report.shard {
        let _ = writeln!(out, "| Shard | {shard} |");
    }
    if !report.ignored_headers.is_empty() {
        let _ = writeln!(out, "| Headers ignored in complete answers | {} |", code(&report.ignored_headers.join(", ")));
    }
    let _ = writeln!(out, "| Started | {} |", report.started_at);
    let _ = writeln!(out, "| Duration | {:.3} s |", report.duration_ms as f64 / 1000.0);
    let _ = writeln!(out, "| Harness | {} |\n", report.harness_version);
    let total: Summary = report.cases.iter().map(|c| c.outcome).collect();
    let failing: Vec<&CaseEntry> = report.cases.iter().filter(|c| c.fails_run(report.strict)).collect();
    let (verdict, summary) = total.verdict(report.diff, !failing.is_empty());
    let (failures, warned) = sections(report.diff);
    let _ = writeln!(out, "**{verdict}: {summary}**\n");
    if !failing.is_empty() {
        let _ = writeln!(out, "{} (evidence under [{failures}](#{})):\n", if report.diff { "Different" } else { "Failing" }, failures.to_lowercase());
        for case in &failing {
            let _ = writeln!(out, "- {} {}", case.outcome.label_in(report.diff), code(&case.id));
        }
        out.push('\n');
    }

    out.push_str("## Summary by area\n\n");
    summary_table(&mut out, &area::tally(&report.cases), &total, report.diff);

    let unexpected: Vec<&CaseEntry> = report.cases.iter().filter(|c| c.fails_run(report.strict)).collect();
    if !unexpected.is_empty() {
        let _ = writeln!(out, "\n## {failures}\n");
        if report.strict && unexpected.iter().any(|c| c.outcome == Outcome::Warn) {
            out.push_str("The run is strict: a warning not listed as known fails it.\n\n");
        }
        for case in unexpected {
            case_section(&mut out, case, report, None);
        }
    }
    let warnings: Vec<&CaseEntry> = report.cases.iter().filter(|c| c.outcome == Outcome::Warn && !c.fails_run(report.strict)).collect();
    if !warnings.is_empty() {
        let holds = if report.diff { "is the same on both" } else { "holds" };
        let _ = writeln!(out, "\n## {warned}\n\nEvery must of these cases {holds}; a should (a detail clients rarely rely on) does not.\n");
        for case in warnings {
            case_section(&mut out, case, report, None);
        }
    }
    flaky(&mut out, report);
    settled_late(&mut out, report);
    short_list(&mut out, report, Outcome::ExpectedFail, "Expected failures");
    short_list(&mut out, report, Outcome::NotApplicable, "Not applicable");
    out
}

/// `| Area | Cases | Pass | ... |`, one row per area and a total row; in the words of a diff
/// when the run `compared` two servers.
pub fn summary_table(out: &mut String, areas: &[(String, Summary)], total: &Summary, compared: bool) {
    let (pass, warn, fail) = if compared { ("Same", "Different in a should", "Different") } else { ("Pass", "Warn", "Fail") };
    let _ = writeln!(out, "| Area | Cases | {pass} | {warn} | {fail} | Expected fail | Unexpected pass | N/A | Error | Flaky |");
    out.push_str("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |\n");
    let row = |out: &mut String, name: String, s: &Summary| {
        let _ = writeln!(
            out,
            "| {name} | {} | {} | {} | {} | {} | {} | {} | {} | {} |",
            s.total(),
            s.pass,
            s.warn,
            s.fail,
            s.expected_fail,
            s.unexpected_pass,
            s.not_applicable,
            s.error,
            s.flaky
        );
    };
    for (name, summary) in areas {
        row(out, code(name), summary);
    }
    row(out, "**Total**".into(), total);
}

/// A case's heading, doc, mismatches (each with the line of the case file that wrote its
/// check), each exchange with every check of its step (the failed ones marked), and the commands
/// that replay it. `anchor` puts an HTML anchor before the heading so a table cell can link to it.
pub fn case_section(out: &mut String, case: &CaseEntry, report: &Report, anchor: Option<&str>) {
    if let Some(anchor) = anchor {
        let _ = writeln!(out, "<a id=\"{anchor}\"></a>\n");
    }
    let whole = if case.severity == Severity::Should { " (the whole case is a should)" } else { "" };
    let _ = writeln!(out, "### {} {}{whole}\n", case.outcome.label_in(report.diff), code(&case.id));
    let _ = writeln!(out, "{}\n", inline(&case.title));
    let doc = format!("{}#{}", case.doc.page, case.doc.anchor);
    match doc_link::url(&case.doc.page, &case.doc.anchor) {
        Some(url) => {
            let _ = writeln!(out, "Doc: [{}]({url}): {}\n", inline(&doc), quote(&case.doc.quote));
        }
        None => {
            let _ = writeln!(out, "Doc: {}: {}\n", inline(&doc), quote(&case.doc.quote));
        }
    }
    if let Some(link) = case.listed.as_ref().and_then(|l| l.link.as_deref()) {
        let _ = writeln!(out, "Tracked at: {}\n", link_to(link));
    }
    let untold = case.untold_lines();
    if !untold.is_empty() {
        let _ = writeln!(out, "{}", fenced("text", &untold.join("\n")));
    }
    let settling: Vec<String> = case.settling_untold().map(|s| format!("- {}\n", inline(&s.to_string()))).collect();
    if !settling.is_empty() {
        let _ = writeln!(out, "{}", settling.concat());
    }
    for evidence in &case.evidence {
        match evidence {
            Evidence::Check(e) => {
                mismatch_block(out, case, e.step, &e.mismatches);
                let tries = e.eventually.as_ref().map(|s| format!(" ({})", inline(&s.to_string()))).unwrap_or_default();
                let _ = writeln!(out, "Request (step {}){tries}:\n\n{}", e.step, fenced("http", &text::request(&e.request)));
                if let Some(response) = &e.response {
                    let _ = writeln!(out, "Response:\n\n{}", fenced("http", &text::response(response)));
                }
                let expected = text::expected(&Expected::of(e));
                let _ = writeln!(out, "Expected (`✗` failed, `!` a should that failed):\n\n{}", fenced("text", &expected));
            }
            Evidence::Diff(e) => {
                mismatch_block(out, case, e.step, &e.differences);
                for (label, side) in [("a", &e.a), ("b", &e.b)] {
                    let _ = writeln!(out, "Request to {label} (step {}):\n\n{}", e.step, fenced("http", &text::request(&side.request)));
                    if let Some(response) = &side.response {
                        let _ = writeln!(out, "Response from {label}:\n\n{}", fenced("http", &text::response(response)));
                    }
                }
            }
        }
    }
    let replay = case.replays(&report.replay, &report.servers);
    let _ = writeln!(out, "Replay:\n\n{}", fenced("sh", &replay.lines().join("\n")));
}

/// The mismatches of a step, each with where its check is written, in a code block.
fn mismatch_block(out: &mut String, case: &CaseEntry, step: usize, mismatches: &[spec::Mismatch]) {
    if !mismatches.is_empty() {
        let _ = writeln!(out, "{}", fenced("text", &text::mismatch_lines(case, step, mismatches).join("\n")));
    }
}

/// The flaky failures with their evidence, then the cases listed as flaky that passed.
fn flaky(out: &mut String, report: &Report) {
    let failed: Vec<&CaseEntry> = report.cases.iter().filter(|c| c.outcome == Outcome::Flaky).collect();
    let listed = |c: &&CaseEntry| c.outcome != Outcome::Flaky && c.listed.as_ref().is_some_and(|l| l.flaky);
    let passed: Vec<&CaseEntry> = report.cases.iter().filter(listed).collect();
    if failed.is_empty() && passed.is_empty() {
        return;
    }
    out.push_str("\n## Flaky\n\nListed as flaky in the expectations: a failure is reported here and does not fail the run.\n\n");
    for case in failed {
        case_section(out, case, report, None);
    }
    if !passed.is_empty() {
        out.push_str("Not failing this time:\n\n");
        for case in passed {
            let _ = writeln!(out, "- {} ({}){}", code(&case.id), case.outcome.label(), listing(case));
        }
    }
}

/// The steps that matched only after several tries (or never), with how long they took.
fn settled_late(out: &mut String, report: &Report) {
    let late: Vec<(&CaseEntry, String)> =
        report.cases.iter().flat_map(|c| c.settled_late().map(move |s| (c, s.to_string()))).collect();
    if late.is_empty() {
        return;
    }
    out.push_str("\n## Sent until they matched\n\nSteps that wait for a regeneration in the background (`eventually`) and needed more than one try:\n\n");
    for (case, settling) in late {
        let _ = writeln!(out, "- {} ({}): {}", code(&case.id), case.outcome.label(), inline(&settling));
    }
}

/// The cases with `outcome`, each with the first line of its message, folded away.
fn short_list(out: &mut String, report: &Report, outcome: Outcome, heading: &str) {
    let cases: Vec<&CaseEntry> = report.cases.iter().filter(|c| c.outcome == outcome).collect();
    if cases.is_empty() {
        return;
    }
    let _ = writeln!(out, "\n## {heading}\n\n<details><summary>{} cases</summary>\n", cases.len());
    for case in cases {
        let reason = case.message.as_deref().and_then(|m| m.lines().next()).unwrap_or_default();
        let link = case.listed.as_ref().and_then(|l| l.link.as_deref()).map(|l| format!(" ({})", link_to(l))).unwrap_or_default();
        let _ = writeln!(out, "- {}: {}{link}", code(&case.id), inline(reason));
    }
    out.push_str("\n</details>\n");
}

/// `: reason (link)` of a case the expectations list, or nothing.
fn listing(case: &CaseEntry) -> String {
    let Some(listed) = &case.listed else { return String::new() };
    let link = listed.link.as_deref().map(|l| format!(" ({})", link_to(l))).unwrap_or_default();
    format!(": {}{link}", inline(&listed.reason))
}

/// A link whose text is its URL.
fn link_to(url: &str) -> String {
    format!("[{}](<{url}>)", inline(url))
}

/// Inline code that survives backticks and pipes in `text`.
pub fn code(text: &str) -> String {
    let text = text.replace('|', "\\|").replace('\n', " ");
    let ticks = "`".repeat(longest_run(&text, '`') + 1);
    let pad = if text.starts_with('`') || text.ends_with('`') { " " } else { "" };
    format!("{ticks}{pad}{text}{pad}{ticks}")
}

/// Text shown as is: Markdown and HTML characters escaped, on one line.
pub fn inline(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '|' | '&' | '~' | '#' => {
                out.push('\\');
                out.push(c);
            }
            '\n' | '\r' => out.push(' '),
            _ => out.push(c),
        }
    }
    out
}

fn quote(text: &str) -> String {
    format!("“{}”", inline(text))
}

/// A fenced code block whose fence is longer than any backtick run in `body`.
fn fenced(language: &str, body: &str) -> String {
    let fence = "`".repeat(longest_run(body, '`').max(2) + 1);
    let body = body.trim_end_matches('\n');
    format!("{fence}{language}\n{body}\n{fence}\n")
}

fn longest_run(text: &str, c: char) -> usize {
    text.split(|x| x != c).map(str::len).max().unwrap_or(0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fences_and_code_spans_outgrow_backticks_in_the_content() {
        assert_eq!(fenced("text", "a ``` b\n"), "````text\na ``` b\n````\n");
        assert_eq!(code("a`b|c"), "``a`b\\|c``");
        assert_eq!(inline("<b>*x*</b>\nnext"), "\\<b\\>\\*x\\*\\</b\\> next");
    }
}
