//! Benchmarks of the suite and the reference server. Prints figures; asserts nothing.
//!
//! - [`floor`]: a trivial hyper server, the round-trip time of a minimal request on loopback.
//! - [`suite`]: the whole suite against a target, timed, with the harness's CPU share, and the
//!   longest waits of one case.
//! - [`load`]: a bounded load client: fixed request count, fixed connections, latency
//!   percentiles and throughput.
//!
//! `bench/run.sh` builds everything in release mode, starts real `next start`, runs this and
//! measures what needs a separate process (`harness run`, `cargo test`, peak memory, clean
//! build time).

mod cli;
mod floor;
mod load;
mod suite;

use clap::Parser;
use harness::Target;
use harness::client::{Client, Settings};
use harness::embedded::Embedded;
use harness::waits::Time;
use spec::{Capability, Case};
use std::path::PathBuf;
use std::time::Duration;

#[derive(Parser)]
struct Args {
    /// A real `next start` to compare with: `URL` serving fixture-app, `APP=URL` serving another
    /// fixture app; repeat it for each app.
    #[arg(long, value_name = "[APP=]URL")]
    next: Vec<String>,
    /// The `harness` binary, to time `harness run` as its own process.
    #[arg(long, value_name = "PATH")]
    harness: Option<PathBuf>,
    /// Requests per route for the load test of the reference server.
    #[arg(long, default_value_t = 20_000)]
    requests: usize,
    /// Requests per route for the load test of `next start` (it is much slower).
    #[arg(long, default_value_t = 3_000)]
    next_requests: usize,
    /// Concurrent connections of the load test.
    #[arg(long, default_value_t = 16)]
    connections: usize,
    /// Repetitions of each suite timing; the median is reported.
    #[arg(long, default_value_t = 7)]
    repeat: usize,
}

/// Routes of fixture-app measured under load: a static route handler, a dynamic one, a pages
/// API route, a generated metadata file.
const LOAD_ROUTES: [(&str, &str); 4] = [
    ("static route handler", "/route-handlers/responses/json"),
    ("dynamic route handler", "/route-handlers/params/team/1"),
    ("pages API route", "/api/methods"),
    ("robots.txt", "/robots.txt"),
];

fn main() {
    let args = Args::parse();
    let runtime = tokio::runtime::Builder::new_multi_thread().enable_all().build().expect("a Tokio runtime");
    runtime.block_on(run(args));
}

async fn run(args: Args) {
    let cases = spec::load_dir(&harness::default_cases_dir()).unwrap_or_else(|problems| {
        panic!("{}", problems.iter().map(ToString::to_string).collect::<Vec<_>>().join("\n"))
    });
    let requests: usize = cases.iter().map(|c| c.steps.len()).sum();
    let client = Client::new(Settings::default()).unwrap();
    println!("## Suite\n\n{} cases, {requests} requests\n", cases.len());

    let rtt = floor::round_trip(&client, 2_000).await;
    let floor = rtt * requests as u32;
    let vs_floor = |wall: Duration| format!("{:.2}×", wall.as_secs_f64() / floor.as_secs_f64());
    println!("| measurement | time | vs floor |\n| --- | --- | --- |");
    println!("| loopback floor: median round trip {rtt:.1?} × {requests} requests | {floor:.2?} | 1.0× |");

    if let Some(harness) = &args.harness {
        let (wall, clean) = cli::time(harness, &[], args.repeat);
        let unexpected = if clean { "" } else { ", something unexpected" };
        println!("| `harness run`: every app on the embedded reference server, waits on its driven clock (process included){unexpected} | {wall:.2?} | {} |", vs_floor(wall));
    }
    let (embedded, reference) = reference_target(&cases).await;
    for jobs in [1, 8] {
        let timing = suite::time(&client, &reference, &cases, jobs, args.repeat).await;
        let unexpected = if timing.unexpected > 0 { format!(", {} unexpected", timing.unexpected) } else { String::new() };
        println!("| suite vs in-process reference server, waits on its driven clock, --jobs {jobs}{unexpected} | {:.2?} | {} |", timing.wall, vs_floor(timing.wall));
    }
    if !args.next.is_empty() {
        let next = next_target(&args.next);
        let longest = suite::longest_waits(&next, &cases);
        println!("| the longest waits of one case (the least a run on real time can take) | {longest:.2?} | {} |", vs_floor(longest));
        if let Some(harness) = &args.harness {
            let targets: Vec<String> = args.next.iter().flat_map(|url| ["--target".to_owned(), url.clone()]).collect();
            let (wall, clean) = cli::time(harness, &targets, 3);
            let unexpected = if clean { "" } else { ", something unexpected" };
            println!(
                "| `harness run --target ...` against next start ({} apps): {:.2?} over the longest waits{unexpected} | {wall:.2?} | {} |",
                next.apps.len(),
                wall.saturating_sub(longest),
                vs_floor(wall)
            );
        }
        for jobs in [1, 8] {
            let timing = suite::time(&client, &next, &cases, jobs, 3).await;
            println!(
                "| suite vs next start ({} apps), --jobs {jobs}: {:.2?} over the longest waits, {} unexpected, harness CPU {:.2?} | {:.2?} | {} |",
                next.apps.len(),
                timing.wall.saturating_sub(longest),
                timing.unexpected,
                timing.harness_cpu,
                timing.wall,
                vs_floor(timing.wall)
            );
        }
    }
    for server in embedded {
        server.stop().await;
    }

    // Throughput of the reference server as `harness serve` runs it, on the system clock.
    let reference = reference_server::App::load(&reference_server::Config::default()).expect("fixture app");
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.expect("bind");
    let reference_url = format!("http://{}", listener.local_addr().expect("address"));
    tokio::spawn(reference_server::run(listener, std::sync::Arc::new(reference), std::future::pending()));

    println!("\n## Throughput: {} connections\n", args.connections);
    println!("| route | server | requests | req/s | p50 | p90 | p99 | max | errors |\n| --- | --- | --- | --- | --- | --- | --- | --- | --- |");
    for (name, path) in LOAD_ROUTES {
        let mut rates = Vec::new();
        let mut servers = vec![("reference", reference_url.as_str(), args.requests)];
        if let Some(next) = args.next.iter().find(|n| !n.contains('=')) {
            servers.push(("next start", next.as_str(), args.next_requests));
        }
        for (server, base, count) in servers {
            let report = load::run(base, path, count, args.connections, Duration::from_secs(10)).await;
            if report.errors == report.requests {
                println!("| {name} `{path}` | {server} | not answered: the fixture app has no such route here | | | | | | |");
                continue;
            }
            println!("| {name} `{path}` | {server} | {} | {:.0} | {:.2?} | {:.2?} | {:.2?} | {:.2?} | {} |",
                report.requests, report.rate(), report.percentile(50.0), report.percentile(90.0),
                report.percentile(99.0), report.max(), report.errors);
            rates.push(report.rate());
        }
        if let [reference, next] = rates[..] {
            println!("| {name}: reference / next start | | | {:.1}× | | | | | |", reference / next);
        }
    }
}

/// The reference server in-process, serving every app a case requests, all on one driven clock,
/// as `harness run` starts it.
async fn reference_target(cases: &[Case]) -> (Vec<Embedded>, Target) {
    let clock = reference_server::Clock::driven();
    let mut target = target().with_time(Time::driven(clock.clone()));
    let mut servers = Vec::new();
    let mut apps: Vec<&str> = cases.iter().map(|c| c.app.as_str()).collect();
    apps.sort_unstable();
    apps.dedup();
    for app in apps {
        let config = reference_server::Config { clock: clock.clone(), ..reference_server::Config::for_app(app, reference_server::default_next_version()) };
        let server = Embedded::start(&config).await.unwrap_or_else(|e| panic!("{e}"));
        target = target.serving(app, &server.url);
        servers.push(server);
    }
    (servers, target)
}

/// A real `next start` serving the apps `urls` name (`URL` for fixture-app, `APP=URL`).
fn next_target(urls: &[String]) -> Target {
    urls.iter().fold(target(), |target, url| match url.split_once('=') {
        Some((app, url)) => target.serving(app, url),
        None => target.serving(spec::case::DEFAULT_APP, url),
    })
}

/// A target serving nothing yet, claiming the default Next.js version and every capability.
fn target() -> Target {
    Target {
        apps: Default::default(),
        next_version: reference_server::default_next_version(),
        capabilities: Capability::ALL.into_iter().collect(),
        ignored_headers: Vec::new(),
        ranges: Default::default(),
        time: Time::Real,
    }
}
