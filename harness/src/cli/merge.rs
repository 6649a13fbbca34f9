//! `harness report`.

use super::{ReportFiles, Selection, Usage, select, write_report};
use crate::report::merge::Merged;
use crate::report::{self, Report};
use clap::Args;
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(Args)]
pub(super) struct ReportArgs {
    /// JSON reports written by `run` or `diff`: reports of the same target (its shards) merge
    /// into one report, reports of different targets into a matrix of cases × targets.
    #[arg(long, value_name = "FILE", num_args = 1.., required = true)]
    merge: Vec<PathBuf>,
    /// Write the merged JSON report here (one target only).
    #[arg(long, value_name = "FILE")]
    json: Option<PathBuf>,
    /// Write the merged JUnit XML report here (one target only).
    #[arg(long, value_name = "FILE")]
    junit: Option<PathBuf>,
    /// Write the Markdown report or matrix here.
    #[arg(long, value_name = "FILE")]
    md: Option<PathBuf>,
    /// Write the HTML report or matrix here.
    #[arg(long, value_name = "FILE")]
    html: Option<PathBuf>,
    /// Write COMPATIBILITY.md here: per-area scores of each target by basis, then each
    /// target's differences from Next.js with the doc and the reason.
    #[arg(long, value_name = "FILE")]
    compatibility: Option<PathBuf>,
    /// Write TIMELINE.md here: the reports are one `run --ranges informative` per Next.js
    /// release; where each case holds across them, what changed from release to release, and
    /// the cases' ranges that disagree.
    #[arg(long, value_name = "FILE")]
    timeline: Option<PathBuf>,
    /// The cases whose ranges and fixture apps the timeline reads [default: the bundled cases/]
    #[arg(long, value_name = "DIR", requires = "timeline")]
    cases: Option<PathBuf>,
}

/// `harness report --merge`: reads JSON reports, merges them, writes what was asked, and
/// prints the summary line of each target. Exit status 1 when a merged report holds an
/// unexpected outcome, as `run` would have.
pub(super) fn merge_reports(args: &ReportArgs) -> Result<ExitCode, Usage> {
    let mut reports = Vec::new();
    for path in &args.merge {
        let text = std::fs::read_to_string(path).map_err(|e| Usage(format!("{}: {e}", path.display())))?;
        let parsed = report::json::parse(&text).map_err(|e| Usage(format!("{}: {e}", path.display())))?;
        reports.push((path.display().to_string(), parsed));
    }
    let merged = report::merge::merge(reports).map_err(Usage)?;
    if let Some(path) = &args.timeline {
        let reports = match &merged {
            Merged::One(one) => std::slice::from_ref(one),
            Merged::Matrix(matrix) => matrix.reports.as_slice(),
        };
        let selection = Selection { cases: args.cases.clone(), filter: None, shard: None };
        let (_, cases) = select(&selection)?;
        let timeline = report::timeline::Timeline::of(reports, &cases).map_err(Usage)?;
        write_report(path, report::timeline::markdown::render(&timeline).as_bytes())?;
    }
    if let Some(path) = &args.compatibility {
        let matrix = match &merged {
            Merged::One(one) => report::matrix::Matrix::new(vec![one.clone()]),
            Merged::Matrix(matrix) => report::matrix::Matrix::new(matrix.reports.clone()),
        };
        write_report(path, report::matrix::compatibility::render(&matrix).as_bytes())?;
    }
    let (summaries, html, md): (Vec<&Report>, _, _) = match &merged {
        Merged::One(one) => {
            let files = ReportFiles {
                report_json: args.json.clone(),
                report_junit: args.junit.clone(),
                report_md: args.md.clone(),
                report_html: args.html.clone(),
            };
            files.write(one)?;
            (vec![one], None, None)
        }
        Merged::Matrix(matrix) => {
            if args.json.is_some() || args.junit.is_some() {
                return Err(Usage(
                    "these reports are of different targets: --json and --junit need reports of one target (its shards)".into(),
                ));
            }
            let html = args.html.as_ref().map(|p| (p, report::matrix::html::render(matrix)));
            let md = args.md.as_ref().map(|p| (p, report::matrix::markdown::render(matrix)));
            (matrix.reports.iter().collect(), html, md)
        }
    };
    for (path, contents) in html.into_iter().chain(md) {
        write_report(path, contents.as_bytes())?;
    }
    for report in &summaries {
        println!("{}: {} cases", report.target_label(), report.cases.len());
        println!("{}", report.summary);
    }
    let unexpected = summaries.iter().any(|r| r.cases.iter().any(|c| c.outcome.is_unexpected()));
    Ok(if unexpected { ExitCode::from(1) } else { ExitCode::SUCCESS })
}
