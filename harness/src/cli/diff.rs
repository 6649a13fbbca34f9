//! `harness diff`.

use super::{Exchange, ReportFiles, Selection, Usage, check_target_url, finish, select};
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
    /// Base URL of the reference side, typically a real `next start`.
    #[arg(long, value_name = "URL")]
    a: String,
    /// Base URL of the server under test.
    #[arg(long, value_name = "URL")]
    b: String,
    /// Compare every header and body, not only what each case asserts on.
    #[arg(long)]
    everything: bool,
    #[command(flatten)]
    exchange: Exchange,
    #[command(flatten)]
    reports: ReportFiles,
}

pub(super) async fn diff(args: DiffArgs) -> Result<ExitCode, Usage> {
    let (cases, _) = select(&args.selection)?;
    for url in [&args.a, &args.b] {
        check_target_url(url)?;
    }
    let client = args.exchange.client()?;
    let pair = Pair { a: args.a.trim_end_matches('/').to_owned(), b: args.b.trim_end_matches('/').to_owned() };
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
    let mut replay = format!("harness diff --a {} --b {}", shell_quote(&pair.a), shell_quote(&pair.b));
    if everything {
        replay.push_str(" --everything");
    }
    if let Some(dir) = &args.selection.cases {
        replay.push_str(&format!(" --cases {}", shell_quote(&dir.display().to_string())));
    }
    let info = RunInfo {
        target: format!("a = {}, b = {}", pair.a, pair.b),
        next_version: None,
        capabilities: Vec::new(),
        started_at,
        duration: clock.elapsed(),
        replay,
        shard: args.selection.shard.map(|s| s.to_string()),
    };
    finish(&args.reports, Run { info, cases: &cases, results: &results })
}
