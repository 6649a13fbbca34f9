//! Benchmarks of the suite and the reference server. Prints figures; asserts nothing.
//!
//! - [`floor`]: a trivial hyper server, the round-trip time of a minimal request on loopback.
//! - [`suite`]: the whole suite against a target, timed, with the harness's CPU share.
//! - [`load`]: a bounded load client: fixed request count, fixed connections, latency
//!   percentiles and throughput.
//!
//! `bench/run.sh` builds everything in release mode, starts real `next start`, runs this and
//! measures what needs a separate process (peak memory, clean build time).

mod floor;
mod load;
mod suite;

use clap::Parser;
use harness::client::{Client, Settings};
use std::time::Duration;

#[derive(Parser)]
struct Args {
    /// Base URL of a real `next start` of fixture-app to compare with.
    #[arg(long)]
    next: Option<String>,
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
    println!("| measurement | time | vs floor |\n| --- | --- | --- |");
    println!("| loopback floor: median round trip {rtt:.1?} × {requests} requests | {floor:.2?} | 1.0× |");

    let reference = reference_server::App::load(&reference_server::Config::default()).expect("fixture app");
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.expect("bind");
    let reference_url = format!("http://{}", listener.local_addr().expect("address"));
    tokio::spawn(reference_server::run(listener, std::sync::Arc::new(reference), std::future::pending()));

    for jobs in [1, 8] {
        let timing = suite::time(&client, &reference_url, &cases, jobs, args.repeat).await;
        println!(
            "| suite vs in-process reference server, --jobs {jobs} | {:.2?} | {:.2}× |",
            timing.wall,
            timing.wall.as_secs_f64() / floor.as_secs_f64()
        );
    }
    if let Some(next) = &args.next {
        for jobs in [1, 8] {
            let timing = suite::time(&client, next, &cases, jobs, 3).await;
            println!(
                "| suite vs next start, --jobs {jobs} (harness CPU {:.2?}, {:.0}% of wall time) | {:.2?} | {:.2}× |",
                timing.harness_cpu,
                100.0 * timing.harness_cpu.as_secs_f64() / timing.wall.as_secs_f64(),
                timing.wall,
                timing.wall.as_secs_f64() / floor.as_secs_f64()
            );
        }
    }

    println!("\n## Throughput: {} connections\n", args.connections);
    println!("| route | server | requests | req/s | p50 | p90 | p99 | max | errors |\n| --- | --- | --- | --- | --- | --- | --- | --- | --- |");
    for (name, path) in LOAD_ROUTES {
        let mut rates = Vec::new();
        let mut servers = vec![("reference", reference_url.as_str(), args.requests)];
        if let Some(next) = &args.next {
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
