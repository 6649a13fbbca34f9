//! The HTML report: one self-contained page (inline style and script, nothing fetched) that
//! opens on its verdict and what needs a look (the failures, then the warnings and the flaky
//! failures, each linking to its evidence), then the run, a summary by area with a bar per area,
//! and a table of cases filterable by outcome, area, basis and free text, each case expanding to
//! its doc quote and evidence ([`detail`]), the expectations entry that lists it (with its link)
//! and how its `eventually` steps settled.
//! Every piece of text is escaped: bodies and headers come from the target.

pub mod detail;
pub mod layout;

use super::model::{CaseEntry, Evidence, Report};
use super::{area, escape::html, text};
use crate::outcome::{Outcome, Summary, sections};
use layout::{badge, bar, count_cells, count_headers, key};
use std::fmt::Write as _;

pub fn render(report: &Report) -> String {
    let mut body = String::new();
    let _ = writeln!(body, "<header>\n<h1>Next.js conformance report</h1>");
    let total: Summary = report.cases.iter().map(|c| c.outcome).collect();
    let failed = report.cases.iter().any(|c| c.fails_run(report.strict));
    let verdict = if failed { "failed" } else { "passed" };
    let (word, summary) = total.verdict(report.diff, failed);
    let _ = writeln!(
        body,
        "<p class=\"totals\" id=\"totals\"><span class=\"verdict {verdict}\">{word}</span> {} · {}</p>\n{}\n</header>",
        html(&report.target_label()),
        html(&summary),
        bar(&total)
    );
    attention(&mut body, report);
    body.push_str("<h2>Run</h2>\n");
    run_facts(&mut body, report);

    let areas = area::tally(&report.cases);
    body.push_str("<h2>By area</h2>\n<table class=\"areas\">\n");
    let _ = writeln!(body, "<thead><tr><th>area</th>{}<th></th></tr></thead>\n<tbody>", count_headers(report.diff));
    for (name, summary) in &areas {
        let _ = writeln!(
            body,
            "<tr><td><a href=\"#cases\" data-filter-area=\"{0}\"><code>{0}</code></a></td>{1}<td>{2}</td></tr>",
            html(name),
            count_cells(summary),
            bar(summary)
        );
    }
    let _ = writeln!(body, "<tr><th>total</th>{}<td></td></tr>\n</tbody>\n</table>", count_cells(&total));

    body.push_str("<h2 id=\"cases\">Cases</h2>\n");
    filters(&mut body, &areas, report.diff);
    body.push_str("<table class=\"cases\">\n<thead><tr><th>outcome</th><th>case</th><th>basis</th><th class=\"n\">ms</th></tr></thead>\n");
    for case in &report.cases {
        case_rows(&mut body, case, report);
    }
    body.push_str("</table>\n");
    layout::document(&format!("Next.js conformance: {}", report.target_label()), &body)
}

/// What needs a look first, above everything else: the cases that fail the run, then the
/// warnings, then the flaky failures, each with why and a link that opens its evidence.
fn attention(out: &mut String, report: &Report) {
    let group = |c: &CaseEntry| match c.outcome {
        _ if c.fails_run(report.strict) => Some("failures"),
        Outcome::Warn => Some("warnings"),
        Outcome::Flaky => Some("flaky"),
        _ => None,
    };
    let (failures, warnings) = sections(report.diff);
    for (heading, id) in [(failures, "failures"), (warnings, "warnings"), ("Flaky", "flaky")] {
        let cases: Vec<&CaseEntry> = report.cases.iter().filter(|c| group(c) == Some(id)).collect();
        if cases.is_empty() {
            continue;
        }
        let _ = writeln!(out, "<section class=\"attention {id}\" id=\"{id}\">\n<h2>{heading} ({})</h2>\n<ul>", cases.len());
        for case in cases {
            let mut why: Vec<String> = case.evidence.iter().flat_map(|e| match e {
                Evidence::Check(e) => text::mismatch_lines(case, e.step, &e.mismatches),
                Evidence::Diff(e) => text::mismatch_lines(case, e.step, &e.differences),
            }).collect();
            why.extend(case.untold_lines().into_iter().map(str::to_owned));
            let _ = writeln!(
                out,
                "<li>{} <a class=\"open-case\" href=\"#case-{id}\"><code>{id}</code></a> <span class=\"title\">{}</span>\n<pre class=\"why\">{}</pre></li>",
                badge(case.outcome, report.diff),
                html(&case.title),
                html(&why.join("\n")),
                id = html(&case.id),
            );
        }
        out.push_str("</ul>\n</section>\n");
    }
}

fn run_facts(out: &mut String, report: &Report) {
    out.push_str("<dl class=\"run\">\n");
    let mut fact = |name: &str, value: &str| {
        let _ = writeln!(out, "<dt>{name}</dt><dd>{}</dd>", html(value));
    };
    fact("Target", &report.target);
    if !report.diff {
        fact("Next.js version claimed", report.next_version.as_deref().unwrap_or("none"));
        fact("Capabilities", &report.capabilities.join(", "));
    }
    if let Some(shard) = &report.shard {
        fact("Shard", shard);
    }
    if !report.ignored_headers.is_empty() {
        fact("Headers ignored in complete answers", &report.ignored_headers.join(", "));
    }
    fact("Started", &report.started_at);
    fact("Duration", &format!("{:.3} s", report.duration_ms as f64 / 1000.0));
    if report.strict {
        fact("Strict", "yes: a warning not listed as known fails the run");
    }
    fact("Harness", &report.harness_version);
    out.push_str("</dl>\n");
}

fn filters(out: &mut String, areas: &[(String, Summary)], compared: bool) {
    out.push_str("<div class=\"filters\">\n<label>outcome<select id=\"f-outcome\">\n<option value=\"\">all</option>\n");
    let _ = writeln!(out, "<option value=\"not-passing\">{}</option>", if compared { "not the same" } else { "not passing" });
    for outcome in Outcome::ALL {
        let _ = writeln!(out, "<option value=\"{}\">{}</option>", key(outcome), html(outcome.label_in(compared)));
    }
    out.push_str("</select></label>\n<label>area<select id=\"f-area\">\n<option value=\"\">all</option>\n");
    for (name, _) in areas {
        let _ = writeln!(out, "<option value=\"{0}\">{0}</option>", html(name));
    }
    out.push_str(
        "</select></label>\n<label>basis<select id=\"f-basis\">\n<option value=\"\">all</option>\n\
         <option value=\"documented\">documented</option>\n<option value=\"observed\">observed</option>\n</select></label>\n\
         <label>text<input id=\"f-text\" type=\"search\" placeholder=\"id, title, message\"></label>\n\
         <span id=\"shown\"></span>\n</div>\n",
    );
}

fn case_rows(out: &mut String, case: &CaseEntry, report: &Report) {
    let basis = case.basis_name();
    let text = format!("{} {} {}", case.id, case.title, case.message.as_deref().unwrap_or_default()).to_lowercase();
    let _ = writeln!(
        out,
        "<tbody class=\"case\" id=\"case-{id}\" data-outcome=\"{}\" data-area=\"{}\" data-basis=\"{basis}\" data-text=\"{}\">",
        key(case.outcome),
        html(area::of(&case.id)),
        html(&text),
        id = html(&case.id),
    );
    let _ = writeln!(
        out,
        "<tr class=\"head\"><td>{}</td><td><button class=\"toggle\" type=\"button\" aria-expanded=\"false\">{}</button>\
         <div class=\"title\">{}</div></td><td>{basis}</td><td class=\"n\">{}</td></tr>",
        badge(case.outcome, report.diff),
        html(&case.id),
        html(&case.title),
        case.duration_ms
    );
    let _ = writeln!(out, "<tr class=\"detail\" hidden><td colspan=\"4\">\n{}</td></tr>\n</tbody>", detail::render(case, &report.replay, &report.servers));
}
