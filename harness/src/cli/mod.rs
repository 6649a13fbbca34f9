//! The `harness` command line: `run`, `check`, `list`, `diff`, `fuzz`, `report`, `serve`,
//! `coverage` and `fixture`, sharing one vocabulary: the same selection (`--cases`, `-f`,
//! `--shard`), runner (`-j`, `--timeout`, `--fail-fast`, `-H`...) and report (`--report-html`...)
//! options wherever they apply, `--color` everywhere, options grouped in `--help` by what they
//! are about.
//!
//! Exit status: 0 when nothing unexpected happened, 1 when a case failed, passed unexpectedly
//! or could not reach the target (or, with `--strict`, warned without being listed as a known
//! warning), 2 for bad usage or an invalid case or expectations file. Every error is one
//! `error: ...` line (after the case-file diagnostics it sums up) that says how to fix it.
//!
//! This module holds the options the commands share and the steps they share (selecting
//! cases, finishing a run); each command lives in its own file.

mod check;
mod coverage;
mod diff;
mod fixture;
mod fuzz;
mod merge;
mod preflight;
mod run;
mod serve;

use crate::client::{Client, Settings, Trust};
use crate::console;
use crate::console::end::End;
use crate::console::paint::{ColorChoice, Paint};
use crate::evidence::shell_quote;
use crate::filter::Filter;
use crate::report::{self, Report, Run};
use crate::shard::Shard;
use clap::{Args, Parser, Subcommand};
use spec::Case;
use std::io::Write as _;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::Duration;

/// Headings of `--help`, as nextest groups its options.
const TARGET: &str = "Target options";
const SELECTION: &str = "Filter options";
const RUNNER: &str = "Runner options";
const VERDICT: &str = "Verdict options";
const REPORTS: &str = "Report options";

#[derive(Parser)]
#[command(
    name = "harness",
    version,
    about = "Conformance suite for the server-side contract of Next.js",
    after_help = "The cases and fixture apps travel inside the binary; --cases DIR reads other case files."
)]
struct Cli {
    /// When to color the output: auto (on a terminal without NO_COLOR), always or never.
    #[arg(long, global = true, value_enum, value_name = "WHEN", default_value_t = ColorChoice::Auto)]
    color: ColorChoice,
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Run the cases against a target (the embedded reference server unless --target is given).
    Run(run::RunArgs),
    /// Check cases against the reference server in every Next.js version it mimics, as the
    /// project's tests do: the one command for a new case.
    Check(check::CheckArgs),
    /// Print the ids of the cases, one a line.
    List(Selection),
    /// Send every case's requests to two servers and report where their answers differ.
    Diff(diff::DiffArgs),
    /// Send generated requests to two servers; shrink each difference to a minimal request.
    Fuzz(fuzz::FuzzArgs),
    /// Combine JSON reports: shards of one target into one report, several targets into a matrix.
    Report(merge::ReportArgs),
    /// Serve a fixture app with the reference server until interrupted.
    Serve(serve::ServeArgs),
    /// Check the doc coverage map against the cases and print what each doc statement has.
    Coverage(coverage::CoverageArgs),
    /// Write a bundled fixture app into a folder, to deploy on a platform.
    #[command(subcommand)]
    Fixture(fixture::FixtureCommand),
}

#[derive(Args)]
#[command(next_help_heading = SELECTION)]
struct Selection {
    /// Folder of case files [default: the bundled cases]
    #[arg(long, value_name = "DIR")]
    cases: Option<PathBuf>,
    /// Only cases whose id matches: a glob (`app-router/**/auto-*`) or a word the id contains;
    /// repeat it for more.
    #[arg(short = 'f', long = "filter", value_name = "PATTERN")]
    filters: Vec<String>,
    /// Only shard I of N of the selected cases (sorted by id, every Nth); merge the shards'
    /// JSON reports with `harness report --merge`.
    #[arg(long, value_name = "I/N")]
    shard: Option<Shard>,
}

impl Selection {
    /// These options as a command line gives them, but the filters and the shard.
    fn replay_words(&self) -> Vec<String> {
        self.cases.iter().flat_map(|dir| ["--cases".to_owned(), shell_quote(&dir.display().to_string())]).collect()
    }
}

/// How requests reach the targets and how the cases are run.
#[derive(Args)]
#[command(next_help_heading = RUNNER)]
struct Exchange {
    /// How many cases run at once.
    #[arg(short = 'j', long, value_name = "N", default_value_t = 8)]
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
    /// Stop starting cases after the first that fails the run.
    #[arg(long)]
    fail_fast: bool,
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

/// The report files of a run; each is written whole or not at all. `harness report` takes the
/// same options (and, hidden, the shorter spellings it once had).
#[derive(Args, Default)]
#[command(next_help_heading = REPORTS)]
struct ReportFiles {
    /// Write the JSON report here (reports merge with `harness report --merge`).
    #[arg(long, alias = "json", value_name = "FILE")]
    report_json: Option<PathBuf>,
    /// Write a JUnit XML report here, for CI systems: a testsuite per area, a testcase per case.
    #[arg(long, alias = "junit", value_name = "FILE")]
    report_junit: Option<PathBuf>,
    /// Write a Markdown report here: the verdict and failures, a summary by area, the evidence.
    #[arg(long, alias = "md", value_name = "FILE")]
    report_md: Option<PathBuf>,
    /// Write a self-contained HTML report here: failures first, filterable cases with evidence.
    #[arg(long, alias = "html", value_name = "FILE")]
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
            report::check_writable(path)
                .map_err(|e| Usage::new(format!("cannot write the report {}: {e}; give a file path in a folder you can write", path.display())))?;
        }
        Ok(())
    }

    /// Writes each report asked for; returns the kind and path of each.
    fn write(&self, report: &Report) -> Result<Vec<(&'static str, String)>, Usage> {
        type Render = fn(&Report) -> String;
        let formats: [(&Option<PathBuf>, &'static str, Render); 4] = [
            (&self.report_json, "JSON", report::json::render),
            (&self.report_junit, "JUnit", report::junit::render),
            (&self.report_md, "Markdown", report::markdown::render),
            (&self.report_html, "HTML", report::html::render),
        ];
        let mut written = Vec::new();
        for (path, kind, render) in formats {
            if let Some(path) = path {
                write_report(path, render(report).as_bytes())?;
                written.push((kind, path.display().to_string()));
            }
        }
        Ok(written)
    }
}

impl Exchange {
    fn client(&self) -> Result<Client, Usage> {
        if self.jobs == 0 {
            return Err(Usage::new("--jobs must be at least 1"));
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
            return Err(Usage::new("--timeout must be a positive number of seconds"));
        }
        if let Some(rate) = self.rate
            && !(rate > 0.0 && rate.is_finite())
        {
            return Err(Usage::new("--rate must be a positive number of requests a second"));
        }
        let trust = match (&self.ca_cert, self.insecure) {
            (_, true) => Trust::Anything,
            (Some(path), false) => Trust::AlsoPem(
                std::fs::read(path).map_err(|e| Usage::new(format!("--ca-cert {}: {e}; give a PEM file of CA certificates", path.display())))?,
            ),
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
            Some(path) => Usage::new(format!("--ca-cert {}: {e}; give a PEM file of CA certificates", path.display())),
            None => Usage::new(format!("cannot make an HTTP client: {e}")),
        })
    }

    /// The options that change what the cases see, as a command line gives them, for replay
    /// commands (not `-j` and `--fail-fast`, which change only how the run goes).
    fn replay_words(&self) -> Vec<String> {
        let mut words = Vec::new();
        for (name, value) in &self.headers {
            words.extend(["-H".to_owned(), shell_quote(&format!("{name}: {value}"))]);
        }
        if self.timeout != 5.0 {
            words.extend(["--timeout".to_owned(), self.timeout.to_string()]);
        }
        if let Some(rate) = self.rate {
            words.extend(["--rate".to_owned(), rate.to_string()]);
        }
        words.extend(self.trust_words());
        words
    }

    /// `--ca-cert FILE` or `--insecure`, as given.
    fn trust_words(&self) -> Vec<String> {
        let mut words = Vec::new();
        if let Some(path) = &self.ca_cert {
            words.extend(["--ca-cert".to_owned(), shell_quote(&path.display().to_string())]);
        }
        if self.insecure {
            words.push("--insecure".into());
        }
        words
    }
}

/// A failure that ends the command with exit status 2: `error: MESSAGE`, after the `detail`
/// (case-file diagnostics) it sums up.
pub(crate) struct Usage {
    detail: String,
    message: String,
}

impl Usage {
    fn new(message: impl Into<String>) -> Usage {
        let message = message.into();
        let message = message.strip_prefix("error: ").map(str::to_owned).unwrap_or(message);
        Usage { detail: String::new(), message }
    }

    /// Case-file or map problems, each shown as it is, summed up by `message`.
    fn problems(problems: &[spec::Diagnostic], message: impl Into<String>) -> Usage {
        let shown: Vec<String> = problems.iter().map(ToString::to_string).collect();
        Usage { detail: shown.join("\n\n"), message: message.into() }
    }
}

pub fn main() -> ExitCode {
    let cli = Cli::parse();
    console::paint::choose(cli.color);
    let runtime = tokio::runtime::Builder::new_multi_thread().enable_all().build().expect("a Tokio runtime");
    let result = match cli.command {
        Command::List(selection) => list(&selection),
        Command::Run(args) => runtime.block_on(run::run(args)),
        Command::Check(args) => runtime.block_on(check::check(args)),
        Command::Diff(args) => runtime.block_on(diff::diff(args)),
        Command::Fuzz(args) => runtime.block_on(fuzz::fuzz(args)),
        Command::Report(args) => merge::merge_reports(&args),
        Command::Serve(args) => runtime.block_on(serve::serve(args)),
        Command::Coverage(args) => coverage::coverage(&args),
        Command::Fixture(command) => fixture::fixture(&command),
    };
    match result {
        Ok(code) => code,
        Err(Usage { detail, message }) => {
            if !detail.is_empty() {
                eprintln!("{detail}\n");
            }
            eprintln!("error: {message}");
            ExitCode::from(2)
        }
    }
}

/// The cases folder: `dir`, or the bundled one.
fn cases_dir(dir: Option<&Path>) -> Result<PathBuf, Usage> {
    match dir {
        Some(dir) => Ok(dir.to_owned()),
        None => Ok(crate::bundle::root().map_err(Usage::new)?.join(crate::bundle::CASES)),
    }
}

/// Every case in `dir` (the bundled cases by default); a `body.file` the folder's own fixture
/// apps lack is read from the bundled ones.
fn load_cases(dir: Option<&Path>) -> Result<(PathBuf, Vec<Case>), Usage> {
    let dir = cases_dir(dir)?;
    if !dir.is_dir() {
        return Err(Usage::new(format!("the cases folder {} does not exist; give a folder of case files with --cases DIR", dir.display())));
    }
    let bundled = crate::bundle::root().ok();
    let cases = spec::load_dir_with(&dir, bundled).map_err(|problems| {
        let message = format!("{} case file(s) have errors (shown above); fix them and run again", problems.len());
        Usage::problems(&problems, message)
    })?;
    Ok((dir, cases))
}

/// The cases the selection names, and every case in the folder.
fn select(selection: &Selection) -> Result<(Vec<Case>, Vec<Case>), Usage> {
    let (dir, cases) = load_cases(selection.cases.as_deref())?;
    let filter = Filter::any(&selection.filters).map_err(|e| Usage::new(format!("{e}; write a glob like `app-router/**/auto-*` or a word")))?;
    let mut selected: Vec<Case> = cases.iter().filter(|c| filter.matches(&c.id)).cloned().collect();
    if let Some(shard) = selection.shard {
        selected = shard.select(selected);
    }
    if selected.is_empty() {
        let shard = selection.shard.map(|s| format!(" in shard {s}")).unwrap_or_default();
        let folder = match &selection.cases {
            Some(_) => format!("no case in {}", dir.display()),
            None => "no bundled case".to_owned(),
        };
        return Err(Usage::new(format!("{folder} matches the filter{shard}; `harness list` prints the ids there are")));
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
fn reference_config(app: &str, fixture_app: Option<PathBuf>, next_version: semver::Version) -> Result<reference_server::Config, Usage> {
    let apps = crate::bundle::apps();
    if !apps.iter().any(|known| known == app) {
        return Err(Usage::new(format!("no fixture app is named `{app}` (apps: {})", apps.join(", "))));
    }
    let mut config = reference_server::Config::for_app(app, next_version);
    config.fixture_dir = match fixture_app.filter(|_| app == spec::case::DEFAULT_APP) {
        Some(dir) => dir,
        None => crate::bundle::app_dir(app).map_err(Usage::new)?,
    };
    Ok(config)
}

/// A `--target` (or `--reference`) value: `URL` for the default fixture app, or `APP=URL`.
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
        check_target_url(option, &target.url)?;
        if urls[..index].iter().any(|earlier| earlier.app == target.app) {
            return Err(Usage::new(format!("{option}: the app `{}` is given twice; give each app one URL", target.app)));
        }
        if target.app != spec::case::DEFAULT_APP && !all.iter().any(|c| c.app == target.app) {
            let mut known: Vec<&str> = all.iter().map(|c| c.app.as_str()).collect();
            known.sort_unstable();
            known.dedup();
            return Err(Usage::new(format!("{option}: no case requests the app `{}`; name one of {}", target.app, known.join(", "))));
        }
    }
    Ok(())
}

/// What a command that ran cases needs to finish: its report files and how its end reads.
struct Finish<'a> {
    reports: &'a ReportFiles,
    /// Cases `--fail-fast` did not start.
    not_run: usize,
}

/// Prints what did not pass, writes the reports, then ends as cargo test does: the failing ids,
/// the command that reruns them, where the reports went, the verdict and the summary line.
fn finish(how: Finish, run: Run) -> Result<ExitCode, Usage> {
    let paint = Paint::for_stdout();
    for block in console::describe_run(run.cases, run.results, paint, &run.info.servers) {
        println!("{block}");
    }
    for line in console::settled_late(run.results, paint) {
        println!("{line}");
    }
    let strict = run.info.strict;
    let failing_warnings = run.results.iter().filter(|r| r.outcome == crate::outcome::Outcome::Warn && r.fails_run(strict)).count();
    if failing_warnings > 0 {
        println!("--strict: {failing_warnings} warning(s) not listed as known fail the run");
    }
    let written = how.reports.write(&Report::of(&run))?;
    let claimed = run.info.next_version.as_ref().map(|v| format!(" (Next.js {v})")).unwrap_or_default();
    let shard = run.info.shard.as_ref().map(|s| format!(" (shard {s})")).unwrap_or_default();
    let count = run.cases.len();
    let cases = if count == 1 { "1 case".to_owned() } else { format!("{count} cases") };
    let stopped = match how.not_run {
        0 => String::new(),
        n => format!("; --fail-fast left {n} not run"),
    };
    let end = End { results: run.results, strict, rerun: &run.info.replay, reports: written, diff: run.info.diff };
    let lines = end.lines(paint);
    let (verdict, before) = lines.split_last().expect("an end has its verdict");
    for line in before {
        println!("{line}");
    }
    println!("ran {cases}{shard} against {}{claimed} in {:.2?}{stopped}", run.info.target, run.info.duration);
    println!("{verdict}");
    Ok(if end.failed() { ExitCode::from(1) } else { ExitCode::SUCCESS })
}

fn write_report(path: &Path, contents: &[u8]) -> Result<(), Usage> {
    report::write_atomic(path, contents)
        .map_err(|e| Usage::new(format!("cannot write the report {}: {e}; give a file path in a folder you can write", path.display())))
}

fn check_target_url(option: &str, url: &str) -> Result<(), Usage> {
    let parsed = reqwest::Url::parse(url).map_err(|e| Usage::new(format!("{option} `{url}`: {e}; give a URL like http://127.0.0.1:3000")))?;
    if !matches!(parsed.scheme(), "http" | "https") {
        return Err(Usage::new(format!("{option} `{url}`: give an http:// or https:// URL")));
    }
    if parsed.path() != "/" || parsed.query().is_some() {
        return Err(Usage::new(format!("{option} `{url}`: give the base URL only (scheme, host and port)")));
    }
    Ok(())
}
