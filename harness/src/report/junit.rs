//! JUnit XML, in the dialect CI systems (GitHub, GitLab, Jenkins, Azure) read: one
//! `<testsuite>` per area, one `<testcase>` per case named after the id's last segment with the
//! area as its class. A fail or an unexpected pass is a `<failure>`, an error an `<error>`,
//! both with the message as attribute and the whole evidence as text; n/a and expected-fail
//! are `<skipped>` with their reason, and so is a flaky failure, its evidence in
//! `<system-out>`. A warning passes, with its evidence as `<system-out>`, unless the run is
//! `--strict` and does not list it: then it is a `<failure>` of type `warn`. A case the
//! expectations file lists with a link has a `link` property; one with a step sent until it
//! matched (`eventually`) says in `<system-out>` how long that took.

use super::escape::{xml_attribute as attr, xml_text as text};
use super::model::{CaseEntry, Report};
use super::{area, text as plain};
use crate::outcome::{Outcome, Summary};
use std::fmt::Write as _;

pub fn render(report: &Report) -> String {
    let mut out = String::from("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    let total: Summary = report.cases.iter().map(|c| c.outcome).collect();
    let _ = writeln!(
        out,
        r#"<testsuites name="{}" tests="{}" failures="{}" errors="{}" skipped="{}" time="{}" timestamp="{}">"#,
        attr(&format!("Next.js conformance: {}", report.target_label())),
        total.total(),
        failures(&report.cases, report.strict),
        total.error,
        skipped(&total),
        seconds(report.duration_ms),
        attr(&report.started_at),
    );
    for (area, summary) in area::tally(&report.cases) {
        let cases: Vec<&CaseEntry> = report.cases.iter().filter(|c| area::of(&c.id) == area).collect();
        let time: u64 = cases.iter().map(|c| c.duration_ms).sum();
        let _ = writeln!(
            out,
            r#"  <testsuite name="{}" tests="{}" failures="{}" errors="{}" skipped="{}" time="{}" timestamp="{}">"#,
            attr(&area),
            summary.total(),
            failures(cases.iter().copied(), report.strict),
            summary.error,
            skipped(&summary),
            seconds(time),
            attr(&report.started_at),
        );
        properties(&mut out, report);
        for case in cases {
            testcase(&mut out, case, &area, report);
        }
        out.push_str("  </testsuite>\n");
    }
    out.push_str("</testsuites>\n");
    out
}

fn properties(out: &mut String, report: &Report) {
    out.push_str("    <properties>\n");
    let mut property = |name: &str, value: &str| {
        let _ = writeln!(out, r#"      <property name="{name}" value="{}"/>"#, attr(value));
    };
    property("target", &report.target);
    if let Some(version) = &report.next_version {
        property("next_version", version);
    }
    property("capabilities", &report.capabilities.join(","));
    property("harness_version", &report.harness_version);
    if report.strict {
        property("strict", "true");
    }
    out.push_str("    </properties>\n");
}

fn testcase(out: &mut String, case: &CaseEntry, area: &str, report: &Report) {
    let strict = report.strict;
    let mut inner = String::new();
    if let Some(link) = case.listed.as_ref().and_then(|l| l.link.as_deref()) {
        let _ = writeln!(inner, "      <properties>\n        <property name=\"link\" value=\"{}\"/>\n      </properties>", attr(link));
    }
    let message = case.message.as_deref().unwrap_or_default();
    let first_line = message.lines().next().unwrap_or_default();
    let evidence = || text(&format!("{}\n\n{}", case.title, plain::case(case, report)));
    let mut system_out: Vec<String> = case.eventually.iter().map(ToString::to_string).collect();
    match case.outcome {
        Outcome::Pass => {}
        Outcome::Warn if case.fails_run(strict) => {
            let _ = writeln!(inner, "      <failure message=\"{}\" type=\"warn\">{}</failure>", attr(&message.replace('\n', "; ")), evidence());
        }
        Outcome::Warn => system_out.push(format!("warn: {}\n\n{}", case.title, plain::case(case, report))),
        Outcome::NotApplicable | Outcome::ExpectedFail => {
            let reason = format!("{}: {first_line}", case.outcome.label());
            let _ = writeln!(inner, "      <skipped message=\"{}\"/>", attr(&reason));
        }
        Outcome::Flaky => {
            // A flaky failure's message starts with `flaky: ` already.
            let _ = writeln!(inner, "      <skipped message=\"{}\"/>", attr(first_line));
            system_out.push(format!("{}\n\n{}", case.title, plain::case(case, report)));
        }
        Outcome::Fail | Outcome::UnexpectedPass | Outcome::Error => {
            let element = if case.outcome == Outcome::Error { "error" } else { "failure" };
            let _ = writeln!(
                inner,
                "      <{element} message=\"{}\" type=\"{}\">{}</{element}>",
                attr(&message.replace('\n', "; ")),
                case.outcome.label(),
                evidence(),
            );
        }
    }
    if !system_out.is_empty() {
        let _ = writeln!(inner, "      <system-out>{}</system-out>", text(&system_out.join("\n")));
    }
    let _ = write!(
        out,
        r#"    <testcase name="{}" classname="{}" time="{}""#,
        attr(area::leaf(&case.id)),
        attr(area),
        seconds(case.duration_ms)
    );
    if inner.is_empty() {
        out.push_str("/>\n");
    } else {
        let _ = write!(out, ">\n{inner}    </testcase>\n");
    }
}

/// What counts as a JUnit failure: fails, stale expectations, and under `--strict` the
/// warnings not listed as known.
fn failures<'a>(cases: impl IntoIterator<Item = &'a CaseEntry>, strict: bool) -> usize {
    cases.into_iter().filter(|c| c.outcome != Outcome::Error && c.fails_run(strict)).count()
}

fn skipped(summary: &Summary) -> usize {
    summary.not_applicable + summary.expected_fail + summary.flaky
}

fn seconds(millis: u64) -> String {
    format!("{}.{:03}", millis / 1000, millis % 1000)
}
