//! `harness report`.

use super::{REPORTS, ReportFiles, Selection, Usage, select, write_report};
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
    /// The reports to write: JSON and JUnit of one target only; Markdown and HTML as a report
    /// of one target or a matrix of several.
    #[command(flatten)]
    reports: ReportFiles,
    /// Write COMPATIBILITY.md here: per-area scores of each target by basis, then each
    /// target's differences from Next.js with the doc and the reason.
    #[arg(long, alias = "compatibility", value_name = "FILE", help_heading = REPORTS)]
    report_compatibility: Option<PathBuf>,
    /// Write TIMELINE.md here: the reports are one `run --ranges informative` per Next.js
    /// release; where each case holds across them, what changed from release to release, and
    /// the cases' ranges that disagree.
    #[arg(long, value_name = "FILE", help_heading = REPORTS)]
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
        let text = std::fs::read_to_string(path).map_err(|e| Usage::new(format!("--merge {}: {e}", path.display())))?;
        let parsed = report::json::parse(&text)
            .map_err(|e| Usage::new(format!("--merge {}: {e}; give JSON reports written by `harness run --report-json`", path.display())))?;
        reports.push((path.display().to_string(), parsed));
    }
    let merged = report::merge::merge(reports).map_err(Usage::new)?;
    if let Some(path) = &args.timeline {
        let reports = match &merged {
            Merged::One(one) => std::slice::from_ref(one),
            Merged::Matrix(matrix) => matrix.reports.as_slice(),
        };
        let selection = Selection { cases: args.cases.clone(), filters: Vec::new(), shard: None };
        let (_, cases) = select(&selection)?;
        let timeline = report::timeline::Timeline::of(reports, &cases).map_err(Usage::new)?;
        write_report(path, report::timeline::markdown::render(&timeline).as_bytes())?;
    }
    if let Some(path) = &args.report_compatibility {
        let matrix = match &merged {
            Merged::One(one) => report::matrix::Matrix::new(vec![one.clone()]),
            Merged::Matrix(matrix) => report::matrix::Matrix::new(matrix.reports.clone()),
        };
        write_report(path, report::matrix::compatibility::render(&matrix).as_bytes())?;
    }
    let files = &args.reports;
    let summaries: Vec<&Report> = match &merged {
        Merged::One(one) => {
            files.write(one)?;
            vec![one]
        }
        Merged::Matrix(matrix) => {
            if files.report_json.is_some() || files.report_junit.is_some() {
                return Err(Usage::new(
                    "these reports are of different targets: --report-json and --report-junit need reports of one target (its shards); \
                     write --report-html or --report-md for a matrix",
                ));
            }
            if let Some(path) = &files.report_html {
                write_report(path, report::matrix::html::render(matrix).as_bytes())?;
            }
            if let Some(path) = &files.report_md {
                write_report(path, report::matrix::markdown::render(matrix).as_bytes())?;
            }
            matrix.reports.iter().collect()
        }
    };
    for report in &summaries {
        println!("{}: {} cases", report.target_label(), report.cases.len());
        println!("{}", report.summary);
    }
    let unexpected = summaries.iter().any(|r| r.cases.iter().any(|c| c.fails_run(r.strict)));
    Ok(if unexpected { ExitCode::from(1) } else { ExitCode::SUCCESS })
}
