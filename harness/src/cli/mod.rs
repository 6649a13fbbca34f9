//! The `harness` command line: `run`, `list`, `diff`, `fuzz`, `report`, `serve` and `coverage`.
//!
//! Exit status: 0 when nothing unexpected happened, 1 when a case failed, passed unexpectedly
//! or could not reach the target (or, with `--strict`, warned without being listed as a known
//! warning), 2 for bad usage or an invalid case or expectations file.
//!
//! This module holds the options the commands share and the steps they share (selecting
//! cases, finishing a run); each command lives in its own file.

mod coverage;
mod diff;
mod fuzz;
mod merge;
mod preflight;
mod run;
mod serve;

use crate::client::{Client, Settings, Trust};
use crate::console;
use crate::console::paint::Paint;
use crate::evidence::shell_quote;
use crate::filter::Filter;
use crate::outcome::Outcome;
use crate::report::{self, Report, Run};
use crate::shard::Shard;
use clap::{Args, Parser, Subcommand};
use spec::Case;
use std::io::Write as _;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::Duration;

#[derive(Parser)]
#[command(name = "harness", version, about = "Conformance suite for the server-side contract of Next.js")]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Run the cases against a target (the embedded reference server unless --target is given).
    Run(run::RunArgs),
    /// Print the ids of the cases, one a line.
    List(Selection),
    /// Send every case's requests to two servers and report where their answers differ.
    Diff(diff::DiffArgs),
    /// Send generated requests to two servers; shrink each difference to a minimal request.
    Fuzz(fuzz::FuzzArgs),
    /// Combine JSON reports: shards of one target into one report, several targets into a matrix.
    Report(merge::ReportArgs),
    /// Serve fixture-app with the reference server until interrupted.
    Serve(serve::ServeArgs),
    /// Check the doc coverage map against the cases and print what each doc statement has.
    Coverage(coverage::CoverageArgs),
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

/// How requests reach the targets.
#[derive(Args)]
struct Exchange {
    /// How many cases run at once.
    #[arg(long, value_name = "N", default_value_t = 8)]
    jobs: usize,
    #[command(flatten)]
    connection: Connection,
}

/// How one request reaches a target.
#[derive(Args)]
struct Connection {
    /// Seconds one exchange may take before it counts as an error.
    #[arg(long, value_name = "SECS", default_value_t = 5.0)]
    timeout: f64,
    /// A header sent with every request, written as curl takes it (repeat it for more): a
    /// deployment protection bypass token, `Authorization: Bearer ...`. A step that sets a
    /// header of the same name sends its own value.
    #[arg(short = 'H', long = "header", value_name = "NAME: VALUE", value_parser = parse_header)]
    headers: Vec<(String, String)>,
    /// At most N requests a second, all cases together (a platform's firewall may block a burst).
    #[arg(long, value_name = "N")]
    rate: Option<f64>,
    /// Trust the CA certificates in this PEM file too, besides the public roots (curl's --cacert).
    #[arg(long, alias = "cacert", value_name = "FILE")]
    ca_cert: Option<PathBuf>,
    /// Accept any certificate from an https target, for any host (curl's -k).
    #[arg(short = 'k', long, conflicts_with = "ca_cert")]
    insecure: bool,
}

/// `Name: value` as curl's `-H` takes it: a header name, a colon, the value.
fn parse_header(text: &str) -> Result<(String, String), String> {
    let (name, value) = text.split_once(':').ok_or_else(|| format!("`{text}` is not `Name: value`"))?;
    let name = spec::header_name(name.trim())?;
    let value = value.trim();
    if value.chars().any(|c| c.is_ascii_control() && c != '\t') {
        return Err(format!("the value of `{name}` has a control character"));
    }
    Ok((name, value.to_owned()))
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
    fn paths(&self) -> impl Iterator<Item = &PathBuf> {
        [&self.report_json, &self.report_junit, &self.report_md, &self.report_html].into_iter().flatten()
    }

    /// Checks, before anything runs, that every report can be written, so that a typo in a
    /// path does not cost a whole run.
    fn check_writable(&self) -> Result<(), Usage> {
        for path in self.paths() {
            report::check_writable(path).map_err(|e| Usage(format!("error: cannot write the report {}: {e}", path.display())))?;
        }
        Ok(())
    }

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
        if self.jobs == 0 {
            return Err(Usage("error: --jobs must be at least 1".into()));
        }
        self.connection.client()
    }

    /// These options as a command line gives them, for replay commands.
    fn replay_words(&self) -> Vec<String> {
        self.connection.replay_words()
    }
}

impl Connection {
    fn client(&self) -> Result<Client, Usage> {
        if !(self.timeout > 0.0 && self.timeout.is_finite()) {
            return Err(Usage("error: --timeout must be a positive number of seconds".into()));
        }
        if let Some(rate) = self.rate
            && !(rate > 0.0 && rate.is_finite())
        {
            return Err(Usage("error: --rate must be a positive number of requests a second".into()));
        }
        let trust = match (&self.ca_cert, self.insecure) {
            (_, true) => Trust::Anything,
            (Some(path), false) => {
                Trust::AlsoPem(std::fs::read(path).map_err(|e| Usage(format!("error: --ca-cert {}: {e}", path.display())))?)
            }
            (None, false) => Trust::WebRoots,
        };
        let settings = Settings {
            timeout: Duration::from_secs_f64(self.timeout),
            trust,
            headers: self.headers.clone(),
            rate: self.rate,
            ..Settings::default()
        };
        Client::new(settings).map_err(|e| match &self.ca_cert {
            Some(path) => Usage(format!("error: --ca-cert {}: {e}", path.display())),
            None => Usage(format!("error: cannot make an HTTP client: {e}")),
        })
    }

    /// These options as a command line gives them, for replay commands.
    fn replay_words(&self) -> Vec<String> {
        let mut words = Vec::new();
        for (name, value) in &self.headers {
            words.extend(["-H".to_owned(), shell_quote(&format!("{name}: {value}"))]);
        }
        if let Some(rate) = self.rate {
            words.extend(["--rate".to_owned(), rate.to_string()]);
        }
        if let Some(path) = &self.ca_cert {
            words.extend(["--ca-cert".to_owned(), shell_quote(&path.display().to_string())]);
        }
        if self.insecure {
            words.push("--insecure".into());
        }
        words
    }
}

/// A failure that ends the command with exit status 2.
struct Usage(String);

pub fn main() -> ExitCode {
    let cli = Cli::parse();
    let runtime = tokio::runtime::Builder::new_multi_thread().enable_all().build().expect("a Tokio runtime");
    let result = match cli.command {
        Command::List(selection) => list(&selection),
        Command::Run(args) => runtime.block_on(run::run(args)),
        Command::Diff(args) => runtime.block_on(diff::diff(args)),
        Command::Fuzz(args) => runtime.block_on(fuzz::fuzz(args)),
        Command::Report(args) => merge::merge_reports(&args),
        Command::Serve(args) => runtime.block_on(serve::serve(args)),
        Command::Coverage(args) => coverage::coverage(&args),
    };
    match result {
        Ok(code) => code,
        Err(Usage(message)) => {
            eprintln!("{message}");
            ExitCode::from(2)
        }
    }
}

/// The cases the selection names, and every case in the folder.
fn select(selection: &Selection) -> Result<(Vec<Case>, Vec<Case>), Usage> {
    let dir = selection.cases.clone().unwrap_or_else(crate::default_cases_dir);
    let cases = spec::load_dir(&dir).map_err(|problems| {
        let shown: Vec<String> = problems.iter().map(ToString::to_string).collect();
        Usage(format!("{}\n\n{} case file(s) have errors", shown.join("\n\n"), problems.len()))
    })?;
    let filter = Filter::new(selection.filter.as_deref()).map_err(Usage)?;
    let mut selected: Vec<Case> = cases.iter().filter(|c| filter.matches(&c.id)).cloned().collect();
    if let Some(shard) = selection.shard {
        selected = shard.select(selected);
    }
    if selected.is_empty() {
        let shard = selection.shard.map(|s| format!(" in shard {s}")).unwrap_or_default();
        return Err(Usage(format!("no case in {} matches the filter{shard}", dir.display())));
    }
    Ok((selected, cases))
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

/// The reference server's settings for the bundled app named `app`; `fixture_app` replaces the
/// default app's folder.
fn reference_config(app: &str, fixture_app: Option<PathBuf>, next_version: semver::Version) -> reference_server::Config {
    let mut config = reference_server::Config::for_app(app, next_version);
    if let Some(dir) = fixture_app.filter(|_| app == spec::case::DEFAULT_APP) {
        config.fixture_dir = dir;
    }
    config
}

/// A `--target` (or `--a`, `--b`) value: `URL` for the default fixture app, or `APP=URL`.
#[derive(Debug, Clone)]
struct AppUrl {
    app: String,
    url: String,
}

impl AppUrl {
    fn parse(value: &str) -> Result<AppUrl, String> {
        let (app, url) = match value.split_once('=') {
            Some((app, url)) if !app.contains(':') => (app.to_owned(), url),
            _ => (spec::case::DEFAULT_APP.to_owned(), value),
        };
        if app.is_empty() || !app.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-') {
            return Err(format!("`{app}` is not a fixture app name"));
        }
        Ok(AppUrl { app, url: url.trim_end_matches('/').to_owned() })
    }

    /// As given on the command line.
    fn show(&self) -> String {
        if self.app == spec::case::DEFAULT_APP { self.url.clone() } else { format!("{}={}", self.app, self.url) }
    }
}

/// The target URLs, checked: each an http(s) base URL, each app given once and requested by
/// some case (`all` holds every case in the folder).
fn check_app_urls(option: &str, urls: &[AppUrl], all: &[Case]) -> Result<(), Usage> {
    for (index, target) in urls.iter().enumerate() {
        check_target_url(&target.url)?;
        if urls[..index].iter().any(|earlier| earlier.app == target.app) {
            return Err(Usage(format!("{option}: the app `{}` is given twice", target.app)));
        }
        if target.app != spec::case::DEFAULT_APP && !all.iter().any(|c| c.app == target.app) {
            let mut known: Vec<&str> = all.iter().map(|c| c.app.as_str()).collect();
            known.sort_unstable();
            known.dedup();
            return Err(Usage(format!("{option}: no case requests the app `{}` (apps: {})", target.app, known.join(", "))));
        }
    }
    Ok(())
}

/// Prints what did not pass and the summary, writes the reports, and picks the exit status.
fn finish(reports: &ReportFiles, run: Run) -> Result<ExitCode, Usage> {
    let paint = Paint::for_stdout();
    for block in console::describe_run(run.cases, run.results, paint) {
        println!("{block}");
    }
    let claimed = run.info.next_version.as_ref().map(|v| format!(" (Next.js {v})")).unwrap_or_default();
    let shard = run.info.shard.as_ref().map(|s| format!(" (shard {s})")).unwrap_or_default();
    println!("ran {} cases{shard} against {}{claimed} in {:.2?}", run.cases.len(), run.info.target, run.info.duration);
    for line in console::settled_late(run.results, paint) {
        println!("{line}");
    }
    let strict = run.info.strict;
    let failing_warnings = run.results.iter().filter(|r| r.outcome == Outcome::Warn && r.fails_run(strict)).count();
    if failing_warnings > 0 {
        println!("--strict: {failing_warnings} warning(s) not listed as known fail the run");
    }
    println!("{}", console::summary_line(run.results));
    reports.write(&Report::of(&run))?;
    let unexpected = run.results.iter().any(|r| r.fails_run(strict));
    Ok(if unexpected { ExitCode::from(1) } else { ExitCode::SUCCESS })
}

fn write_report(path: &Path, contents: &[u8]) -> Result<(), Usage> {
    report::write_atomic(path, contents).map_err(|e| Usage(format!("cannot write the report {}: {e}", path.display())))
}

fn check_target_url(url: &str) -> Result<(), Usage> {
    let parsed = reqwest::Url::parse(url).map_err(|e| Usage(format!("--target `{url}`: {e}")))?;
    if !matches!(parsed.scheme(), "http" | "https") {
        return Err(Usage(format!("--target `{url}`: give an http:// or https:// URL")));
    }
    if parsed.path() != "/" || parsed.query().is_some() {
        return Err(Usage(format!("--target `{url}`: give the base URL only (scheme, host and port)")));
    }
    Ok(())
}

