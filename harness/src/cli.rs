//! The `harness` command line: `run`, `list`, `diff`, `report` and `serve`.
//!
//! Exit status: 0 when nothing unexpected happened, 1 when a case failed, passed unexpectedly
//! or could not reach the target, 2 for bad usage or an invalid case or expectations file.

use crate::client::{Client, Settings};
use crate::console::{paint::Paint, progress::Progress};
use crate::embedded::Embedded;
use crate::evidence::shell_quote;
use crate::expectations::Expectations;
use crate::diff::Pair;
use crate::faults::Fault;
use crate::faults::proxy::Proxy;
use crate::filter::Filter;
use crate::report::merge::Merged;
use crate::report::{self, Report, Run, RunInfo};
use crate::shard::Shard;
use crate::target::Target;
use crate::{console, runner};
use clap::{Args, Parser, Subcommand};
use spec::{Capability, Case};
use std::collections::BTreeSet;
use std::io::Write as _;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::Arc;
use std::time::{Duration, Instant, SystemTime};

#[derive(Parser)]
#[command(name = "harness", version, about = "Conformance suite for the server-side contract of Next.js")]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Run the cases against a target (the embedded reference server unless --target is given).
    Run(RunArgs),
    /// Print the ids of the cases, one a line.
    List(Selection),
    /// Send every case's requests to two servers and report where their answers differ.
    Diff(DiffArgs),
    /// Combine JSON reports: shards of one target into one report, several targets into a matrix.
    Report(ReportArgs),
    /// Serve fixture-app with the reference server until interrupted.
    Serve(ServeArgs),
}

#[derive(Args)]
struct Selection {
    /// Folder of case files [default: the bundled cases/]
    #[arg(long, value_name = "DIR")]
    cases: Option<PathBuf>,
    /// Only cases whose id matches: a glob (`app-router/**/auto-*`) or a word the id contains.
    #[arg(long, value_name = "GLOB")]
    filter: Option<String>,
    /// Only shard I of N of the selected cases (sorted by id, every Nth); merge the shards'
    /// JSON reports with `harness report --merge`.
    #[arg(long, value_name = "I/N")]
    shard: Option<Shard>,
}

#[derive(Args)]
struct RunArgs {
    #[command(flatten)]
    selection: Selection,
    /// Base URL of a server that serves fixture-app (loopback or your platform).
    #[arg(long, value_name = "URL")]
    target: Option<String>,
    /// The Next.js version the target claims to match.
    #[arg(long, value_name = "V", default_value = reference_server::DEFAULT_NEXT_VERSION)]
    next_version: semver::Version,
    /// Capabilities the target declares, comma-separated [default: all]
    #[arg(long, value_name = "A,B", value_delimiter = ',')]
    capabilities: Option<Vec<String>>,
    /// Known failures of this target, each with a reason (TOML).
    #[arg(long, value_name = "FILE")]
    expectations: Option<PathBuf>,
    #[command(flatten)]
    exchange: Exchange,
    #[command(flatten)]
    reports: ReportFiles,
    /// The app the embedded reference server serves [default: the bundled fixture-app/]
    #[arg(long, value_name = "DIR")]
    fixture_app: Option<PathBuf>,
    /// Put a proxy in front of the target that breaks every answer in this way, to see which
    /// cases catch it: fold-set-cookie, drop-header:NAME, change-status, relative-location,
    /// strip-cache-control, change-content-type, trim-body.
    #[arg(long, value_name = "FAULT", value_parser = Fault::parse)]
    inject_fault: Option<Fault>,
}

#[derive(Args)]
struct Exchange {
    /// How many cases run at once.
    #[arg(long, value_name = "N", default_value_t = 8)]
    jobs: usize,
    /// Seconds one exchange may take before it counts as an error.
    #[arg(long, value_name = "SECS", default_value_t = 5.0)]
    timeout: f64,
}

/// The report files of a run; each is written whole or not at all.
#[derive(Args)]
struct ReportFiles {
    /// Write the JSON report here (reports merge with `harness report --merge`).
    #[arg(long, value_name = "FILE")]
    report_json: Option<PathBuf>,
    /// Write a JUnit XML report here, for CI systems: a testsuite per area, a testcase per case.
    #[arg(long, value_name = "FILE")]
    report_junit: Option<PathBuf>,
    /// Write a Markdown report here: a summary by area, then the failures with evidence.
    #[arg(long, value_name = "FILE")]
    report_md: Option<PathBuf>,
    /// Write a self-contained HTML report here: filterable cases with their evidence.
    #[arg(long, value_name = "FILE")]
    report_html: Option<PathBuf>,
}

impl ReportFiles {
    fn write(&self, report: &Report) -> Result<(), Usage> {
        type Render = fn(&Report) -> String;
        let formats: [(&Option<PathBuf>, Render); 4] = [
            (&self.report_json, report::json::render),
            (&self.report_junit, report::junit::render),
            (&self.report_md, report::markdown::render),
            (&self.report_html, report::html::render),
        ];
        for (path, render) in formats {
            if let Some(path) = path {
                write_report(path, render(report).as_bytes())?;
            }
        }
        Ok(())
    }
}

impl Exchange {
    fn client(&self) -> Result<Client, Usage> {
        if !(self.timeout > 0.0 && self.timeout.is_finite()) {
            return Err(Usage("--timeout must be a positive number of seconds".into()));
        }
        Ok(Client::new(Settings { timeout: Duration::from_secs_f64(self.timeout), ..Settings::default() }))
    }
}

#[derive(Args)]
struct DiffArgs {
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

#[derive(Args)]
struct ReportArgs {
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
}

#[derive(Args)]
struct ServeArgs {
    /// Loopback port to listen on (0 picks a free one).
    #[arg(long, default_value_t = 3000)]
    port: u16,
    /// The Next.js version to mimic.
    #[arg(long, value_name = "V", default_value = reference_server::DEFAULT_NEXT_VERSION)]
    next_version: semver::Version,
    /// The app to serve [default: the bundled fixture-app/]
    #[arg(long, value_name = "DIR")]
    fixture_app: Option<PathBuf>,
}

/// A failure that ends the command with exit status 2.
struct Usage(String);

pub fn main() -> ExitCode {
    let cli = Cli::parse();
    let runtime = tokio::runtime::Builder::new_multi_thread().enable_all().build().expect("a Tokio runtime");
    let result = match cli.command {
        Command::List(selection) => list(&selection),
        Command::Run(args) => runtime.block_on(run(args)),
        Command::Diff(args) => runtime.block_on(diff(args)),
        Command::Report(args) => merge_reports(&args),
        Command::Serve(args) => runtime.block_on(serve(args)),
    };
    match result {
        Ok(code) => code,
        Err(Usage(message)) => {
            eprintln!("{message}");
            ExitCode::from(2)
        }
    }
}

/// The cases the selection names, and the ids of every case in the folder.
fn select(selection: &Selection) -> Result<(Vec<Case>, Vec<String>), Usage> {
    let dir = selection.cases.clone().unwrap_or_else(crate::default_cases_dir);
    let cases = spec::load_dir(&dir).map_err(|problems| {
        let shown: Vec<String> = problems.iter().map(ToString::to_string).collect();
        Usage(format!("{}\n\n{} case file(s) have errors", shown.join("\n\n"), problems.len()))
    })?;
    let all_ids = cases.iter().map(|c| c.id.clone()).collect();
    let filter = Filter::new(selection.filter.as_deref()).map_err(Usage)?;
    let mut selected: Vec<Case> = cases.into_iter().filter(|c| filter.matches(&c.id)).collect();
    if let Some(shard) = selection.shard {
        selected = shard.select(selected);
    }
    if selected.is_empty() {
        let shard = selection.shard.map(|s| format!(" in shard {s}")).unwrap_or_default();
        return Err(Usage(format!("no case in {} matches the filter{shard}", dir.display())));
    }
    Ok((selected, all_ids))
}

fn list(selection: &Selection) -> Result<ExitCode, Usage> {
    let (cases, _) = select(selection)?;
    let mut out = std::io::stdout().lock();
    for case in cases {
        // A closed pipe (`harness list | head`) just ends the listing.
        if writeln!(out, "{}", case.id).is_err() {
            break;
        }
    }
    Ok(ExitCode::SUCCESS)
}

fn reference_config(fixture_app: Option<PathBuf>, next_version: semver::Version) -> reference_server::Config {
    reference_server::Config {
        fixture_dir: fixture_app.unwrap_or_else(reference_server::default_fixture_dir),
        next_version,
    }
}

async fn run(args: RunArgs) -> Result<ExitCode, Usage> {
    let (cases, all_ids) = select(&args.selection)?;
    let capabilities: BTreeSet<Capability> = match &args.capabilities {
        None => Capability::ALL.into_iter().collect(),
        Some(names) => names.iter().map(|n| Capability::parse(n.trim())).collect::<Result<_, _>>().map_err(Usage)?,
    };
    let expectations = match &args.expectations {
        None => Expectations::default(),
        Some(path) => {
            let ids: Vec<&str> = all_ids.iter().map(String::as_str).collect();
            Expectations::load(path, &ids).map_err(Usage)?
        }
    };
    let client = args.exchange.client()?;

    let embedded = match &args.target {
        Some(url) => {
            check_target_url(url)?;
            None
        }
        None => Some(
            Embedded::start(&reference_config(args.fixture_app.clone(), args.next_version.clone()))
                .await
                .map_err(Usage)?,
        ),
    };
    let mut base_url = args.target.clone().unwrap_or_else(|| embedded.as_ref().map(|e| e.url.clone()).unwrap_or_default());
    let fault_proxy = match &args.inject_fault {
        Some(fault) => {
            let proxy = Proxy::start(&base_url, fault.clone(), client.clone())
                .await
                .map_err(|e| Usage(format!("cannot start the fault proxy: {e}")))?;
            base_url = proxy.url.clone();
            Some(proxy)
        }
        None => None,
    };
    let target = Target::new(&base_url, args.next_version.clone(), capabilities);

    let started_at = SystemTime::now();
    let clock = Instant::now();
    let progress = Progress::start(cases.len());
    let shared = Arc::new(target.clone());
    let mut results = runner::run_concurrently(&cases, args.exchange.jobs, |case| {
        let (client, target, progress) = (client.clone(), shared.clone(), progress.clone());
        async move {
            let result = runner::run_case(&client, &target, &case).await;
            progress.done(&result);
            result
        }
    })
    .await;
    progress.finish();
    for result in &mut results {
        expectations.apply(result);
    }
    let duration = clock.elapsed();
    if let Some(proxy) = fault_proxy {
        proxy.stop();
    }
    if let Some(server) = embedded {
        server.stop().await;
    }

    // The embedded server's port changes from run to run; its name does not, so that the
    // reports of its shards merge as one target.
    let mut name = match &args.target {
        Some(url) => url.trim_end_matches('/').to_owned(),
        None => "embedded reference server".to_owned(),
    };
    if let Some(fault) = &args.inject_fault {
        name = format!("{name} behind fault {fault}");
    }
    let info = RunInfo {
        target: name,
        next_version: Some(target.next_version.clone()),
        capabilities: target.capabilities.iter().map(|c| c.name().to_owned()).collect(),
        started_at,
        duration,
        replay: run_replay(&args),
        shard: args.selection.shard.map(|s| s.to_string()),
    };
    finish(&args.reports, Run { info, cases: &cases, results: &results })
}

/// The `harness run` command that repeats this run (without `--filter` and `--shard`).
fn run_replay(args: &RunArgs) -> String {
    let mut words = vec!["harness".to_owned(), "run".into()];
    let mut option = |name: &str, value: String| words.extend([name.to_owned(), shell_quote(&value)]);
    if let Some(url) = &args.target {
        option("--target", url.clone());
    }
    option("--next-version", args.next_version.to_string());
    if let Some(capabilities) = &args.capabilities {
        option("--capabilities", capabilities.join(","));
    }
    if let Some(path) = &args.expectations {
        option("--expectations", path.display().to_string());
    }
    if let Some(dir) = &args.selection.cases {
        option("--cases", dir.display().to_string());
    }
    words.join(" ")
}

/// Prints what did not pass and the summary, writes the reports, and picks the exit status.
fn finish(reports: &ReportFiles, run: Run) -> Result<ExitCode, Usage> {
    let paint = Paint::for_stdout();
    for (case, result) in run.cases.iter().zip(run.results) {
        if let Some(block) = console::describe_with(case, result, paint) {
            println!("{block}");
        }
    }
    let claimed = run.info.next_version.as_ref().map(|v| format!(" (Next.js {v})")).unwrap_or_default();
    let shard = run.info.shard.as_ref().map(|s| format!(" (shard {s})")).unwrap_or_default();
    println!("ran {} cases{shard} against {}{claimed} in {:.2?}", run.cases.len(), run.info.target, run.info.duration);
    println!("{}", console::summary_line(run.results));
    reports.write(&Report::of(&run))?;
    let unexpected = run.results.iter().any(|r| r.outcome.is_unexpected());
    Ok(if unexpected { ExitCode::from(1) } else { ExitCode::SUCCESS })
}

async fn diff(args: DiffArgs) -> Result<ExitCode, Usage> {
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

/// `harness report --merge`: reads JSON reports, merges them, writes what was asked, and
/// prints the summary line of each target. Exit status 1 when a merged report holds an
/// unexpected outcome, as `run` would have.
fn merge_reports(args: &ReportArgs) -> Result<ExitCode, Usage> {
    let mut reports = Vec::new();
    for path in &args.merge {
        let text = std::fs::read_to_string(path).map_err(|e| Usage(format!("{}: {e}", path.display())))?;
        let parsed = report::json::parse(&text).map_err(|e| Usage(format!("{}: {e}", path.display())))?;
        reports.push((path.display().to_string(), parsed));
    }
    let merged = report::merge::merge(reports).map_err(Usage)?;
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

fn write_report(path: &Path, contents: &[u8]) -> Result<(), Usage> {
    report::write_atomic(path, contents).map_err(|e| Usage(format!("cannot write the report {}: {e}", path.display())))
}

fn check_target_url(url: &str) -> Result<(), Usage> {
    let parsed = reqwest::Url::parse(url).map_err(|e| Usage(format!("--target `{url}`: {e}")))?;
    if parsed.scheme() != "http" {
        return Err(Usage(format!("--target `{url}`: only http:// targets are supported")));
    }
    if parsed.path() != "/" || parsed.query().is_some() {
        return Err(Usage(format!("--target `{url}`: give the base URL only (scheme, host and port)")));
    }
    Ok(())
}

async fn serve(args: ServeArgs) -> Result<ExitCode, Usage> {
    let config = reference_config(args.fixture_app, args.next_version);
    let app = reference_server::App::load(&config).map_err(|e| Usage(format!("reference server: {e}")))?;
    let listener = tokio::net::TcpListener::bind(("127.0.0.1", args.port))
        .await
        .map_err(|e| Usage(format!("cannot listen on 127.0.0.1:{}: {e}", args.port)))?;
    let address = listener.local_addr().map_err(|e| Usage(e.to_string()))?;
    println!("reference server (Next.js {}) on http://{address}", config.next_version);
    let interrupted = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    reference_server::run(listener, std::sync::Arc::new(app), interrupted)
        .await
        .map_err(|e| Usage(format!("reference server: {e}")))?;
    Ok(ExitCode::SUCCESS)
}
