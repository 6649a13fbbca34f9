//! `harness run`.

use super::{AppUrl, Exchange, Finish, ReportFiles, Selection, Usage, check_app_urls, finish, preflight, reference_config, select};
use super::{TARGET, VERDICT};
use crate::client::Client;
use crate::console::progress::Progress;
use crate::embedded::Embedded;
use crate::evidence::shell_quote;
use crate::expectations::Expectations;
use crate::faults::Fault;
use crate::faults::proxy::Proxy;
use crate::outcome::CaseResult;
use crate::report::model::Served;
use crate::report::{Run, RunInfo};
use crate::runner;
use crate::target::{Ranges, Target};
use crate::waits::{Slot, Time};
use clap::Args;
use spec::{Capability, Case};
use std::collections::{BTreeSet, HashSet};
use std::future::Future;
use std::path::PathBuf;
use std::process::ExitCode;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Instant, SystemTime};

#[derive(Args)]
pub(super) struct RunArgs {
    /// Base URL of a server that serves fixture-app (loopback or your platform); repeat it as
    /// `APP=URL` for the other fixture apps (`src-layout=http://127.0.0.1:3001`). Cases of an
    /// app no target serves are n/a.
    #[arg(long, value_name = "[APP=]URL", value_parser = AppUrl::parse, help_heading = TARGET)]
    target: Vec<AppUrl>,
    /// The target's name in reports and matrices (`vinext`) [default: its URL]
    #[arg(long, value_name = "NAME", help_heading = TARGET)]
    name: Option<String>,
    /// The Next.js version the target claims to match.
    #[arg(long, value_name = "V", default_value = reference_server::DEFAULT_NEXT_VERSION, help_heading = TARGET)]
    next_version: semver::Version,
    /// `informative`: run the cases outside their Next.js range too, each with its own outcome,
    /// to see where a behaviour really holds (the release timeline does).
    #[arg(long, value_name = "MODE", value_enum, default_value_t = Ranges::Enforced)]
    ranges: Ranges,
    /// Capabilities the target declares, comma-separated [default: all]
    #[arg(long, value_name = "A,B", value_delimiter = ',', help_heading = TARGET)]
    capabilities: Option<Vec<String>>,
    /// The app the embedded reference server serves [default: the bundled fixture-app]
    #[arg(long, value_name = "DIR", help_heading = TARGET)]
    fixture_app: Option<PathBuf>,
    /// Put a proxy in front of the target that breaks every exchange in this way, to see which
    /// cases catch it: fold-set-cookie, drop-header:NAME, change-status, relative-location,
    /// strip-cache-control, rewrite-cache-control, never-cache, never-revalidate, cache-preview,
    /// data-as-html, change-content-type, trim-body, cacheable-404, head-as-get,
    /// head-without-length, no-slash-redirect, compress-everything, cut-vary,
    /// leak-middleware-headers, reorder-set-cookie, ignore-vary-cache, rsc-as-html,
    /// overwrite-forwarded-host, drop-location-query, strip-rsc-query.
    #[arg(long, value_name = "FAULT", value_parser = Fault::parse, help_heading = TARGET)]
    inject_fault: Option<Fault>,
    #[command(flatten)]
    selection: Selection,
    #[command(flatten)]
    exchange: Exchange,
    /// Known failures of this target, each with a reason (TOML).
    #[arg(long, value_name = "FILE", help_heading = VERDICT)]
    expectations: Option<PathBuf>,
    /// Warnings (a `should` that does not hold) fail the run too, unless the expectations file
    /// lists them as known.
    #[arg(long, help_heading = VERDICT)]
    strict: bool,
    /// A header a complete answer (`expect.headers_complete`) may carry unnamed, as the
    /// transport headers may: one your CDN adds to every answer (`x-vercel-cache`,
    /// `strict-transport-security`). Repeat it for more; reports list them.
    #[arg(long, value_name = "NAME", value_parser = spec::header_name, help_heading = VERDICT)]
    ignore_header: Vec<String>,
    #[command(flatten)]
    reports: ReportFiles,
}

pub(super) async fn run(args: RunArgs) -> Result<ExitCode, Usage> {
    let (cases, all) = select(&args.selection)?;
    let capabilities: BTreeSet<Capability> = match &args.capabilities {
        None => Capability::ALL.into_iter().collect(),
        Some(names) => names
            .iter()
            .map(|n| Capability::parse(n.trim()))
            .collect::<Result<_, _>>()
            .map_err(|e| Usage::new(format!("--capabilities: {e}")))?,
    };
    let expectations = match &args.expectations {
        None => Expectations::default(),
        Some(path) => {
            let ids: Vec<&str> = all.iter().map(|c| c.id.as_str()).collect();
            Expectations::load(path, &ids).map_err(|e| Usage::new(format!("--expectations {e}; fix the file, or leave the case out of it")))?
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
        return Err(Usage::new(why));
    }
    if !args.target.is_empty()
        && let Err(line) = preflight::ask_targets(&client, &urls).await
    {
        eprintln!("{line}");
        return Ok(ExitCode::from(1));
    }

    let plan = Servers {
        fixture_app: args.fixture_app.clone(),
        next_version: args.next_version.clone(),
        fault: args.inject_fault.clone(),
        trust: args.exchange.connection.trust_words(),
    };
    let started = plan.start(&mut urls, &client).await?;
    target.time = started.time.clone();
    for app_url in &urls {
        target = target.serving(&app_url.app, &app_url.url);
    }
    let started_at = SystemTime::now();
    let clock = Instant::now();
    let ran = run_selected(&client, &target, &cases, &args.exchange, &expectations).await;
    let duration = clock.elapsed();
    let servers = started.stop().await;

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
        servers,
        ranges: args.ranges,
        diff: false,
    };
    let how = Finish { reports: &args.reports, not_run: ran.not_run };
    finish(how, Run { info, cases: &ran.cases, results: &ran.results })
}

/// What the servers a run starts itself are: the reference server (for each app without a
/// --target) with its app and version, and the fault to put in front of every target.
pub(super) struct Servers {
    pub fixture_app: Option<PathBuf>,
    pub next_version: semver::Version,
    pub fault: Option<Fault>,
    /// How the run trusts an https target (`--insecure`, `--ca-cert FILE`), for a fault proxy
    /// started again in front of it.
    pub trust: Vec<String>,
}

/// The servers a run started, and the commands that start each again where it listened.
pub(super) struct Started {
    embedded: Vec<Embedded>,
    fault_proxies: Vec<Proxy>,
    served: Vec<Served>,
    /// The reference servers' one clock, which the cases' waits move on.
    pub time: Time,
}

impl Started {
    /// Stops every server; returns how to start each again.
    pub(super) async fn stop(self) -> Vec<Served> {
        for proxy in self.fault_proxies {
            proxy.stop();
        }
        for server in self.embedded {
            server.stop().await;
        }
        self.served
    }
}

impl Servers {
    /// Starts the reference server for each app `urls` has no URL for yet, and a fault proxy
    /// in front of every target when the run injects one; `urls` then point at what the run
    /// talks to.
    pub(super) async fn start(&self, urls: &mut [AppUrl], client: &Client) -> Result<Started, Usage> {
        let mut started = Started { embedded: Vec::new(), fault_proxies: Vec::new(), served: Vec::new(), time: Time::Real };
        let clock = reference_server::Clock::driven();
        if urls.iter().any(|u| u.url.is_empty()) {
            started.time = Time::driven(clock.clone());
        }
        let mut embedded_apps = HashSet::new();
        for target in urls.iter_mut().filter(|u| u.url.is_empty()) {
            let config = reference_server::Config {
                clock: clock.clone(),
                ..reference_config(&target.app, self.fixture_app.clone(), self.next_version.clone())?
            };
            let server = Embedded::start(&config).await.map_err(|e| Usage::new(format!("{e}; check the fixture app's files")))?;
            target.url = server.url.clone();
            embedded_apps.insert(target.app.clone());
            started.embedded.push(server);
        }
        for target in urls.iter_mut() {
            let embedded = embedded_apps.contains(&target.app);
            if let Some(fault) = &self.fault {
                // The run's client already keeps to --rate; the proxy forwards each request once.
                let proxy = Proxy::start(&target.url, fault.clone(), client.unpaced())
                    .await
                    .map_err(|e| Usage::new(format!("cannot start the fault proxy: {e}")))?;
                let upstream = (!embedded).then_some(target.url.as_str());
                let command = self.serve_command(&proxy.url, &target.app, upstream);
                target.url = proxy.url.clone();
                started.served.push(Served { url: proxy.url.clone(), command });
                started.fault_proxies.push(proxy);
            } else if embedded {
                started.served.push(Served { url: target.url.clone(), command: self.serve_command(&target.url, &target.app, None) });
            }
        }
        Ok(started)
    }

    /// `harness serve` on the port of `url`, serving `app` as this run did (or, with `upstream`,
    /// only the fault proxy in front of it).
    fn serve_command(&self, url: &str, app: &str, upstream: Option<&str>) -> String {
        let port = url.rsplit(':').next().unwrap_or_default();
        let mut words = vec!["harness".to_owned(), "serve".into(), "--port".into(), port.to_owned()];
        match upstream {
            Some(upstream) => {
                words.extend(["--target".to_owned(), shell_quote(upstream)]);
                words.extend(self.trust.iter().cloned());
            }
            None => {
                words.extend(["--next-version".to_owned(), self.next_version.to_string()]);
                if app != spec::case::DEFAULT_APP {
                    words.extend(["--app".to_owned(), app.to_owned()]);
                }
                if let Some(dir) = self.fixture_app.as_ref().filter(|_| app == spec::case::DEFAULT_APP) {
                    words.extend(["--fixture-app".to_owned(), shell_quote(&dir.display().to_string())]);
                }
            }
        }
        if let Some(fault) = &self.fault {
            words.extend(["--inject-fault".to_owned(), shell_quote(&fault.to_string())]);
        }
        words.join(" ")
    }
}

/// The cases that ran, with their results, and how many `--fail-fast` left out.
pub(super) struct Ran {
    pub cases: Vec<Case>,
    pub results: Vec<CaseResult>,
    pub not_run: usize,
}

/// Runs `cases` against `target` with a progress bar and applies the expectations.
pub(super) async fn run_selected(client: &Client, target: &Target, cases: &[Case], exchange: &Exchange, expectations: &Expectations) -> Ran {
    let shared = Arc::new((target.clone(), expectations.clone()));
    run_each(cases, exchange.jobs, exchange.connection.fail_fast, |case, slot| {
        let (client, shared) = (client.clone(), shared.clone());
        async move {
            let (target, expectations) = &*shared;
            let mut result = runner::run_case_in(&client, target, &case, slot).await;
            expectations.apply(&mut result);
            result
        }
    })
    .await
}

/// Runs `work` on each case, each with one of `jobs` slots, with progress; with `fail_fast`,
/// starts no case after one fails the run.
pub(super) async fn run_each<F, Fut>(cases: &[Case], jobs: usize, fail_fast: bool, work: F) -> Ran
where
    F: Fn(Case, Slot) -> Fut,
    Fut: Future<Output = CaseResult> + Send + 'static,
{
    let progress = Progress::start(cases.len());
    let stop = Arc::new(AtomicBool::new(false));
    let skipped: Arc<Mutex<HashSet<String>>> = Arc::default();
    // A case gives its slot back as it ends, before its outcome is known here; under
    // --fail-fast, a case also holds a permit until its outcome has been looked at, so that no
    // case starts after a failure it could have seen.
    let admit = fail_fast.then(|| Arc::new(tokio::sync::Semaphore::new(jobs.max(1))));
    let results = runner::run_concurrently(cases, jobs, admit, |case, slot, permit| {
        let (progress, stop, skipped) = (progress.clone(), stop.clone(), skipped.clone());
        let id = case.id.clone();
        let work = work(case, slot);
        async move {
            let _permit = permit;
            if stop.load(Ordering::SeqCst) {
                skipped.lock().unwrap_or_else(|p| p.into_inner()).insert(id.clone());
                return CaseResult::ended(&id, Instant::now(), crate::outcome::Outcome::NotApplicable, None, Vec::new());
            }
            progress.started(&id);
            let result = work.await;
            if fail_fast && result.fails_run(false) {
                stop.store(true, Ordering::SeqCst);
            }
            progress.done(&result);
            result
        }
    })
    .await;
    progress.finish();
    let skipped = std::mem::take(&mut *skipped.lock().unwrap_or_else(|p| p.into_inner()));
    let (cases, results): (Vec<Case>, Vec<CaseResult>) =
        cases.iter().cloned().zip(results).filter(|(case, _)| !skipped.contains(&case.id)).unzip();
    Ran { cases, results, not_run: skipped.len() }
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

/// The `harness run` command that repeats this run: every option that changes an outcome
/// (not `--filter` and `--shard`, which the replays add, nor the reports and `-j`).
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
    if let Some(dir) = &args.fixture_app {
        option("--fixture-app", dir.display().to_string());
    }
    if let Some(fault) = &args.inject_fault {
        option("--inject-fault", fault.to_string());
    }
    if let Some(path) = &args.expectations {
        option("--expectations", path.display().to_string());
    }
    for name in &args.ignore_header {
        option("--ignore-header", name.clone());
    }
    if args.strict {
        words.push("--strict".into());
    }
    words.extend(args.selection.replay_words());
    words.extend(args.exchange.replay_words());
    words.join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::Parser;

    #[derive(Parser)]
    struct Line {
        #[command(flatten)]
        run: RunArgs,
    }

    #[test]
    fn the_replay_keeps_every_option_that_changes_an_outcome() {
        let line = Line::parse_from([
            "run", "--target", "http://a:1", "--target", "src-layout=http://b:2", "--next-version", "15.5.29", "--capabilities",
            "app-router", "--inject-fault", "fold-set-cookie", "--expectations", "e.toml", "-H", "x-a: 1", "--ignore-header",
            "x-cdn", "--strict", "--cases", "my cases", "--timeout", "9", "-j", "3", "-f", "one", "--report-html", "r.html",
        ]);
        assert_eq!(
            run_replay(&line.run),
            "harness run --target http://a:1 --target src-layout=http://b:2 --next-version 15.5.29 --capabilities app-router \
             --inject-fault fold-set-cookie --expectations e.toml --ignore-header x-cdn --strict --cases 'my cases' -H 'x-a: 1' --timeout 9"
        );
    }

    #[test]
    fn a_server_the_run_started_is_started_again_with_what_it_served() {
        let servers = Servers { fixture_app: None, next_version: "15.5.29".parse().unwrap(), fault: Some(Fault::TrimBody), trust: vec!["--insecure".into()] };
        assert_eq!(
            servers.serve_command("http://127.0.0.1:41234", "src-layout", None),
            "harness serve --port 41234 --next-version 15.5.29 --app src-layout --inject-fault trim-body"
        );
        assert_eq!(
            servers.serve_command("http://127.0.0.1:5", "fixture-app", Some("https://my.example")),
            "harness serve --port 5 --target https://my.example --insecure --inject-fault trim-body"
        );
    }
}
