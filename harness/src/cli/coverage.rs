//! `harness coverage`: checks the doc coverage map against the cases and prints it.
//!
//! Exit status: 2 when the map or a case's citation is broken, 1 under `--strict` when a
//! statement is open or partly covered, 0 otherwise.

use super::{SELECTION, Usage, load_cases};
use clap::Args;
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(Args)]
pub(super) struct CoverageArgs {
    /// Folder of case files, whose `coverage/` folder holds the map [default: the bundled cases]
    #[arg(long, value_name = "DIR", help_heading = SELECTION)]
    cases: Option<PathBuf>,
    /// Exit 1 when a statement is open or only partly covered.
    #[arg(long)]
    strict: bool,
}

pub(super) fn coverage(args: &CoverageArgs) -> Result<ExitCode, Usage> {
    let (dir, cases) = load_cases(args.cases.as_deref())?;
    let problems = map_problems(&dir, &cases)?;
    if !problems.is_empty() {
        return Err(Usage::problems(&problems, format!("{} problem(s) between the doc coverage map and the cases (shown above); fix them and run again", problems.len())));
    }
    let map = spec::coverage::load(&dir.join(spec::coverage::MAP_DIR)).map_err(|p| broken_map(&p))?;
    print!("{}", crate::coverage::render(&map, &cases));
    let (_, total) = spec::coverage::tally::per_page(&map);
    Ok(if args.strict && !total.complete() { ExitCode::from(1) } else { ExitCode::SUCCESS })
}

/// The problems between the doc coverage map in `dir` and `cases` (an error when the map itself
/// cannot be read).
pub(super) fn map_problems(dir: &std::path::Path, cases: &[spec::Case]) -> Result<Vec<spec::Diagnostic>, Usage> {
    let map = spec::coverage::load(&dir.join(spec::coverage::MAP_DIR)).map_err(|p| broken_map(&p))?;
    Ok(spec::coverage::check(&map, cases))
}

fn broken_map(problems: &[spec::Diagnostic]) -> Usage {
    Usage::problems(problems, format!("{} problem(s) in the doc coverage map (shown above); fix them and run again", problems.len()))
}
