//! `harness coverage`: checks the doc coverage map against the cases and prints it.
//!
//! Exit status: 2 when the map or a case's citation is broken, 1 under `--strict` when a
//! statement is open or partly covered, 0 otherwise.

use super::Usage;
use clap::Args;
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(Args)]
pub(super) struct CoverageArgs {
    /// Folder of case files, whose `coverage/` folder holds the map [default: the bundled cases/]
    #[arg(long, value_name = "DIR")]
    cases: Option<PathBuf>,
    /// Exit 1 when a statement is open or only partly covered.
    #[arg(long)]
    strict: bool,
}

pub(super) fn coverage(args: &CoverageArgs) -> Result<ExitCode, Usage> {
    let dir = args.cases.clone().unwrap_or_else(crate::default_cases_dir);
    let cases = spec::load_dir(&dir).map_err(|problems| broken(&problems, "case file(s) have errors"))?;
    let map = spec::coverage::load(&dir.join(spec::coverage::MAP_DIR)).map_err(|problems| broken(&problems, "problem(s) in the doc coverage map"))?;
    let problems = spec::coverage::check(&map, &cases);
    if !problems.is_empty() {
        return Err(broken(&problems, "problem(s) between the doc coverage map and the cases"));
    }
    print!("{}", crate::coverage::render(&map, &cases));
    let (_, total) = spec::coverage::tally::per_page(&map);
    Ok(if args.strict && !total.complete() { ExitCode::from(1) } else { ExitCode::SUCCESS })
}

fn broken(problems: &[spec::Diagnostic], what: &str) -> Usage {
    let shown: Vec<String> = problems.iter().map(ToString::to_string).collect();
    Usage(format!("{}\n\n{} {what}", shown.join("\n\n"), problems.len()))
}
