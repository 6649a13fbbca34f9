//! Differential fuzzing of the reference server, in-process on `127.0.0.1:0` on a driven clock
//! (the ticks between answers move it on): against itself it finds nothing; behind a
//! fault-injecting proxy it finds the fault, shrunk to the request that needs it.

use harness::client::{Client, Settings as ClientSettings};
use harness::diff::Pair;
use harness::embedded::Embedded;
use harness::faults::Fault;
use harness::faults::proxy::Proxy;
use harness::fuzz::check::Servers;
use harness::fuzz::space::Space;
use harness::fuzz::cause::What;
use harness::fuzz::{Findings, Group, Settings, fuzz};
use harness::waits::Time;
use reference_server::Clock;
use std::collections::BTreeMap;
use std::time::Duration;

const APP: &str = spec::case::DEFAULT_APP;

/// Four reference servers of fixture-app started together on `clock`: A, B and two builds.
async fn start(clock: &Clock) -> [Embedded; 4] {
    let config = reference_server::Config { clock: clock.clone(), ..Default::default() };
    let (a, b, one, two) = tokio::join!(Embedded::start(&config), Embedded::start(&config), Embedded::start(&config), Embedded::start(&config));
    [a.unwrap(), b.unwrap(), one.unwrap(), two.unwrap()]
}

fn servers(a: &str, b: &str, builds: [&str; 2], clock: &Clock) -> Servers {
    let side = |url: &str| BTreeMap::from([(APP.to_owned(), url.to_owned())]);
    let builds = BTreeMap::from([(APP.to_owned(), builds.map(str::to_owned))]);
    Servers { pair: Pair { a: side(a), b: side(b) }, builds, time: Time::driven(clock.clone()) }
}

async fn run(servers: &Servers, requests: usize, seed: u64) -> Findings {
    let cases = spec::load_dir(&harness::default_cases_dir()).unwrap();
    let space = Space::read(&[APP.to_owned()], &cases, &reference_server::default_next_version()).unwrap();
    let client = Client::new(ClientSettings::default()).unwrap();
    let settings = Settings { requests, seed, time: Duration::from_secs(120) };
    fuzz(&client, servers, &space, &settings, &|_| {}).await
}

fn shown(findings: &Findings) -> String {
    harness::fuzz::report::summary(findings)
        + &findings.groups.iter().map(|g| format!("{:?}: {}\n", g.features, g.findings.iter().map(|f| f.cause.to_string()).collect::<Vec<_>>().join("; "))).collect::<String>()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_reference_server_against_itself_differs_nowhere() {
    let clock = Clock::driven();
    let [a, b, one, two] = start(&clock).await;
    let findings = run(&servers(&a.url, &b.url, [&one.url, &two.url], &clock), 400, 7).await;
    for server in [a, b, one, two] {
        server.stop().await;
    }
    assert_eq!(findings.generated, 400, "{}", shown(&findings));
    assert!(findings.agreed > 300, "most requests are answered alike: {}", shown(&findings));
    // A difference not seen again when its minimal request is sent once more is a passing
    // hiccup of a loaded machine (a timeout), which the fuzz report does not count either.
    assert_eq!(findings.confirmed().count(), 0, "{}", shown(&findings));
}

/// Fuzzes the reference server (A) against itself behind `fault` (B).
/// Returns the findings and B's own address (`127.0.0.1:PORT`), which the proxy's upstream sees.
async fn against(fault: Fault, requests: usize) -> (Findings, String) {
    let clock = Clock::driven();
    let [a, b, one, two] = start(&clock).await;
    let client = Client::new(ClientSettings::default()).unwrap();
    let proxy = Proxy::start(&b.url, fault, client).await.unwrap();
    let findings = run(&servers(&a.url, &proxy.url, [&one.url, &two.url], &clock), requests, 3).await;
    let upstream = b.url.trim_start_matches("http://").trim_end_matches('/').to_owned();
    proxy.stop();
    for server in [a, b, one, two] {
        server.stop().await;
    }
    (findings, upstream)
}

/// The groups of confirmed differences, but those the fault proxy makes by being a proxy: it
/// passes on the upstream's own URL in `x-middleware-rewrite` and in the `location` of a
/// redirect made from the request's URL, where B's base URL is its own, and answers 502 when it
/// cannot forward a request (a large body the upstream refused early), and a page that echoes
/// the request's `Host` shows the upstream's address when the proxy forwards a request-target
/// as written.
fn caused_by_the_fault<'f>(findings: &'f Findings, upstream: &str) -> Vec<&'f Group> {
    let by_the_proxy = |f: &harness::fuzz::Finding| {
        let cause = f.cause.to_string();
        let echoes_upstream = matches!(f.cause.what, What::Body)
            && f.minimal.exchange.b.as_ref().is_ok_and(|r| String::from_utf8_lossy(&r.body).contains(upstream));
        cause.contains("x-middleware-rewrite")
            || cause.contains("`location`")
            || matches!(f.cause.what, What::Status { b: 502, .. })
            || echoes_upstream
    };
    findings.confirmed().filter(|g| !g.findings.iter().all(by_the_proxy)).collect()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_fault_that_needs_a_header_is_found_with_that_header_and_only_where_it_is_sent() {
    let (findings, upstream) = against(Fault::CompressEverything, 300).await;
    let groups = caused_by_the_fault(&findings, &upstream);
    assert!(!groups.is_empty(), "{}", shown(&findings));
    for group in &groups {
        assert!(group.features.iter().any(|f| f.starts_with("the header `accept-encoding: ")), "found without accept-encoding: {}", shown(&findings));
    }
    let alone = groups.iter().any(|g| g.features.len() == 1);
    assert!(alone, "no minimal request with the header alone: {}", shown(&findings));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_fault_of_every_answer_is_found_with_the_plain_request_and_nothing_else() {
    let (findings, upstream) = against(Fault::ChangeStatus, 100).await;
    let groups = caused_by_the_fault(&findings, &upstream);
    assert!(!groups.is_empty(), "{}", shown(&findings));
    let plain = groups.iter().filter(|g| g.features.len() == 1 && g.features[0].starts_with("nothing but the route: GET /")).count();
    assert!(plain > 0, "no plain minimal request: {}", shown(&findings));
    for group in &groups {
        for finding in &group.findings {
            assert!(matches!(finding.cause.what, What::Status { a, b } if b == a + 1), "{}: {}", finding.cause, shown(&findings));
        }
    }
}
