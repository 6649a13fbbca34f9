//! `harness run`.

use super::{AppUrl, Exchange, ReportFiles, Selection, Usage, check_app_urls, finish, preflight, reference_config, select};
use crate::client::Client;
use crate::console::progress::Progress;
use crate::embedded::Embedded;
use crate::evidence::shell_quote;
use crate::expectations::Expectations;
use crate::faults::Fault;
use crate::faults::proxy::Proxy;
use crate::report::{Run, RunInfo};
use crate::outcome::CaseResult;
use crate::runner;
use crate::target::{Ranges, Target};
use crate::waits::Time;
use clap::Args;
use spec::{Capability, Case};
use std::collections::BTreeSet;
use std::path::PathBuf;
use std::process::ExitCode;
use std::sync::Arc;
use std::time::{Instant, SystemTime};

#[derive(Args)]
pub(super) struct RunArgs {
    #[command(flatten)]
    selection: Selection,
    /// Base URL of a server that serves fixture-app (loopback or your platform); repeat it as
    /// `APP=URL` for the other fixture apps (`src-layout=http://127.0.0.1:3001`). Cases of an
    /// app no target serves are n/a.
    #[arg(long, value_name = "[APP=]URL", value_parser = AppUrl::parse)]
    target: Vec<AppUrl>,
    /// The target's name in reports and matrices (`vinext`) [default: its URL]
    #[arg(long, value_name = "NAME")]
    name: Option<String>,
    /// The Next.js version the target claims to match.
    #[arg(long, value_name = "V", default_value = reference_server::DEFAULT_NEXT_VERSION)]
    next_version: semver::Version,
    /// `informative`: run the cases outside their Next.js range too, each with its own outcome,
    /// to see where a behaviour really holds (the release timeline does).
    #[arg(long, value_name = "MODE", value_enum, default_value_t = Ranges::Enforced)]
    ranges: Ranges,
    /// Capabilities the target declares, comma-separated [default: all]
    #[arg(long, value_name = "A,B", value_delimiter = ',')]
    capabilities: Option<Vec<String>>,
    /// Known failures of this target, each with a reason (TOML).
    #[arg(long, value_name = "FILE")]
    expectations: Option<PathBuf>,
    /// Warnings (a `should` that does not hold) fail the run too, unless the expectations file
    /// lists them as known.
    #[arg(long)]
    strict: bool,
    #[command(flatten)]
    exchange: Exchange,
    #[command(flatten)]
    reports: ReportFiles,
    /// The app the embedded reference server serves [default: the bundled fixture-app/]
    #[arg(long, value_name = "DIR")]
    fixture_app: Option<PathBuf>,
    /// Put a proxy in front of the target that breaks every exchange in this way, to see which
    /// cases catch it: fold-set-cookie, drop-header:NAME, change-status, relative-location,
    /// strip-cache-control, rewrite-cache-control, never-cache, never-revalidate, cache-preview,
    /// data-as-html, change-content-type, trim-body, cacheable-404, head-as-get,
    /// head-without-length, no-slash-redirect, compress-everything, cut-vary,
    /// leak-middleware-headers, reorder-set-cookie, ignore-vary-cache, rsc-as-html,
    /// overwrite-forwarded-host, drop-location-query, strip-rsc-query.
    #[arg(long, value_name = "FAULT", value_parser = Fault::parse)]
    inject_fault: Option<Fault>,
    /// A header a complete answer (`expect.headers_complete`) may carry unnamed, as the
    /// transport headers may: one your CDN adds to every answer (`x-vercel-cache`,
    /// `strict-transport-security`). Repeat it for more; reports list them.
    #[arg(long, value_name = "NAME", value_parser = spec::header_name)]
    ignore_header: Vec<String>,
}

pub(super) async fn run(args: RunArgs) -> Result<ExitCode, Usage> {
    let (cases, all) = select(&args.selection)?;
    let capabilities: BTreeSet<Capability> = match &args.capabilities {
        None => Capability::ALL.into_iter().collect(),
        Some(names) => names.iter().map(|n| Capability::parse(n.trim())).collect::<Result<_, _>>().map_err(Usage)?,
    };
    let expectations = match &args.expectations {
        None => Expectations::default(),
        Some(path) => {
            let ids: Vec<&str> = all.iter().map(|c| c.id.as_str()).collect();
            Expectations::load(path, &ids).map_err(Usage)?
        }
    };
    let client = args.exchange.client()?;
    args.reports.check_writable()?;
    if !args.target.is_empty() {
        check_app_urls("--target", &args.target, &all)?;
    }

    // Without --target, the reference server serves each app the selected cases request.
    let mut urls = args.target.clone();
    if urls.is_empty() {
        let apps: BTreeSet<&str> = cases.iter().map(|c| c.app.as_str()).collect();
        urls = apps.into_iter().map(|app| AppUrl { app: app.to_owned(), url: String::new() }).collect();
    }
    let mut target = Target {
        apps: urls.iter().map(|u| (u.app.clone(), u.url.clone())).collect(),
        next_version: args.next_version.clone(),
        capabilities,
        ignored_headers: args.ignore_header.clone(),
        ranges: args.ranges,
        time: Time::Real,
    };
    if let Some(why) = preflight::nothing_applies(&cases, &target) {
        return Err(Usage(why));
    }
    if !args.target.is_empty()
        && let Err(line) = preflight::ask_targets(&client, &urls).await
    {
        eprintln!("{line}");
        return Ok(ExitCode::from(1));
    }

    let started = start_targets(&args, &mut urls, &client).await?;
    target.time = started.time.clone();
    for app_url in &urls {
        target = target.serving(&app_url.app, &app_url.url);
    }
    let started_at = SystemTime::now();
    let clock = Instant::now();
    let results = run_selected(&client, &target, &cases, args.exchange.jobs, &expectations).await;
    let duration = clock.elapsed();
    started.stop().await;

    let info = RunInfo {
        target: run_name(&args),
        next_version: Some(target.next_version.clone()),
        capabilities: target.capabilities.iter().map(|c| c.name().to_owned()).collect(),
        started_at,
        duration,
        replay: run_replay(&args),
        shard: args.selection.shard.map(|s| s.to_string()),
        strict: args.strict,
        ignored_headers: args.ignore_header.clone(),
        ranges: args.ranges,
    };
    finish(&args.reports, Run { info, cases: &cases, results: &results })
}

/// The servers a run starts itself: the reference server for each app without a --target,
/// and the fault proxies.
struct Started {
    embedded: Vec<Embedded>,
    fault_proxies: Vec<Proxy>,
    /// The reference servers' one clock, which the cases' waits move on.
    time: Time,
}

impl Started {
    async fn stop(self) {
        for proxy in self.fault_proxies {
            proxy.stop();
        }
        for server in self.embedded {
            server.stop().await;
        }
    }
}

/// Starts the reference server for each app `urls` has no URL for yet, and a fault proxy in
/// front of every target when the run injects one; `urls` then point at what the run talks to.
async fn start_targets(args: &RunArgs, urls: &mut [AppUrl], client: &Client) -> Result<Started, Usage> {
    let mut started = Started { embedded: Vec::new(), fault_proxies: Vec::new(), time: Time::Real };
    let clock = reference_server::Clock::driven();
    if urls.iter().any(|u| u.url.is_empty()) {
        started.time = Time::driven(clock.clone());
    }
    for target in urls.iter_mut().filter(|u| u.url.is_empty()) {
        let config = reference_server::Config {
            clock: clock.clone(),
            ..reference_config(&target.app, args.fixture_app.clone(), args.next_version.clone())
        };
        let server = Embedded::start(&config).await.map_err(Usage)?;
        target.url = server.url.clone();
        started.embedded.push(server);
    }
    if let Some(fault) = &args.inject_fault {
        for target in urls.iter_mut() {
            // The run's client already keeps to --rate; the proxy forwards each request once.
            let proxy = Proxy::start(&target.url, fault.clone(), client.unpaced())
                .await
                .map_err(|e| Usage(format!("cannot start the fault proxy: {e}")))?;
            target.url = proxy.url.clone();
            started.fault_proxies.push(proxy);
        }
    }
    Ok(started)
}

/// Runs `cases` against `target` with a progress bar, and applies the expectations.
async fn run_selected(client: &Client, target: &Target, cases: &[Case], jobs: usize, expectations: &Expectations) -> Vec<CaseResult> {
    let progress = Progress::start(cases.len());
    let shared = Arc::new(target.clone());
    let mut results = runner::run_concurrently(cases, jobs, |case, slot| {
        let (client, target, progress) = (client.clone(), shared.clone(), progress.clone());
        async move {
            progress.started(&case.id);
            let result = runner::run_case_in(&client, &target, &case, slot).await;
            progress.done(&result);
            result
        }
    })
    .await;
    progress.finish();
    for result in &mut results {
        expectations.apply(result);
    }
    results
}

/// The target's name in reports. The embedded server's port changes from run to run; its name
/// does not, so that the reports of its shards merge as one target.
fn run_name(args: &RunArgs) -> String {
    let name = match (&args.name, args.target.is_empty()) {
        (Some(name), _) => name.clone(),
        (None, false) => args.target.iter().map(AppUrl::show).collect::<Vec<_>>().join(", "),
        (None, true) => "embedded reference server".to_owned(),
    };
    match &args.inject_fault {
        Some(fault) => format!("{name} behind fault {fault}"),
        None => name,
    }
}

/// The `harness run` command that repeats this run (without `--filter` and `--shard`).
fn run_replay(args: &RunArgs) -> String {
    let mut words = vec!["harness".to_owned(), "run".into()];
    let mut option = |name: &str, value: String| words.extend([name.to_owned(), shell_quote(&value)]);
    for target in &args.target {
        option("--target", target.show());
    }
    if let Some(name) = &args.name {
        option("--name", name.clone());
    }
    option("--next-version", args.next_version.to_string());
    if !args.ranges.is_enforced() {
        option("--ranges", "informative".to_owned());
    }
    if let Some(capabilities) = &args.capabilities {
        option("--capabilities", capabilities.join(","));
    }
    if let Some(path) = &args.expectations {
        option("--expectations", path.display().to_string());
    }
    if let Some(dir) = &args.selection.cases {
        option("--cases", dir.display().to_string());
    }
    for name in &args.ignore_header {
        option("--ignore-header", name.clone());
    }
    if args.strict {
        words.push("--strict".into());
    }
    words.extend(args.exchange.replay_words());
    words.join(" ")
}
