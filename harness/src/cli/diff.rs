//! `harness diff`.

use super::{AppUrl, Exchange, ReportFiles, Selection, Usage, check_app_urls, finish, select};
use crate::console::progress::Progress;
use crate::diff::Pair;
use crate::evidence::shell_quote;
use crate::report::{Run, RunInfo};
use crate::runner;
use clap::Args;
use std::process::ExitCode;
use std::sync::Arc;
use std::time::{Instant, SystemTime};

#[derive(Args)]
pub(super) struct DiffArgs {
    #[command(flatten)]
    selection: Selection,
    /// Base URL of the reference side, typically a real `next start`; repeat it as `APP=URL`
    /// for the other fixture apps.
    #[arg(long, value_name = "[APP=]URL", value_parser = AppUrl::parse, required = true)]
    a: Vec<AppUrl>,
    /// Base URL of the server under test; repeat it as `APP=URL` for the other fixture apps.
    #[arg(long, value_name = "[APP=]URL", value_parser = AppUrl::parse, required = true)]
    b: Vec<AppUrl>,
    /// Compare every header and body, not only what each case asserts on.
    #[arg(long)]
    everything: bool,
    /// Differences in what a case checks only as a `should` fail the run too.
    #[arg(long)]
    strict: bool,
    #[command(flatten)]
    exchange: Exchange,
    #[command(flatten)]
    reports: ReportFiles,
}

pub(super) async fn diff(args: DiffArgs) -> Result<ExitCode, Usage> {
    let (cases, all) = select(&args.selection)?;
    check_app_urls("--a", &args.a, &all)?;
    check_app_urls("--b", &args.b, &all)?;
    let client = args.exchange.client()?;
    let side = |urls: &[AppUrl]| urls.iter().map(|u| (u.app.clone(), u.url.clone())).collect();
    let pair = Pair { a: side(&args.a), b: side(&args.b) };
    let started_at = SystemTime::now();
    let clock = Instant::now();
    let progress = Progress::start(cases.len());
    let shared = Arc::new(pair.clone());
    let everything = args.everything;
    let results = runner::run_concurrently(&cases, args.exchange.jobs, |case| {
        let (client, pair, progress) = (client.clone(), shared.clone(), progress.clone());
        async move {
            let result = crate::diff::diff_case(&client, &pair, &case, everything).await;
            progress.done(&result);
            result
        }
    })
    .await;
    progress.finish();
    let sides = |option: &str, urls: &[AppUrl]| {
        urls.iter().map(|u| format!("{option} {}", shell_quote(&u.show()))).collect::<Vec<_>>().join(" ")
    };
    let mut replay = format!("harness diff {} {}", sides("--a", &args.a), sides("--b", &args.b));
    if everything {
        replay.push_str(" --everything");
    }
    if args.strict {
        replay.push_str(" --strict");
    }
    if let Some(dir) = &args.selection.cases {
        replay.push_str(&format!(" --cases {}", shell_quote(&dir.display().to_string())));
    }
    let info = RunInfo {
        target: format!("a = {}, b = {}", shown(&args.a), shown(&args.b)),
        next_version: None,
        capabilities: Vec::new(),
        started_at,
        duration: clock.elapsed(),
        replay,
        shard: args.selection.shard.map(|s| s.to_string()),
        strict: args.strict,
    };
    finish(&args.reports, Run { info, cases: &cases, results: &results })
}

fn shown(urls: &[AppUrl]) -> String {
    urls.iter().map(AppUrl::show).collect::<Vec<_>>().join(" ")
}
