//! Testing a real deployment, on loopback: the reference server behind a TLS gate whose
//! certificate a CA made in the test issued, and which lets only requests with a protection
//! header through. The suite passes through it trusting anything or the CA, with the header
//! (in-process, on the server's driven clock, so its waits take no time), and so do cases run
//! with `--insecure` or `--ca-cert` and `-H`; without the header or the trust, the run stops at
//! once with one line; the fault proxy and `diff` and `fuzz` work on https targets; `--rate`
//! spaces the requests.

#[path = "support/tls_gate.rs"]
mod tls_gate;

use harness::client::{Client, Settings, Trust};
use harness::embedded::Embedded;
use harness::runner::run_cases;
use harness::waits::Time;
use harness::{Outcome, Target};
use reference_server::Clock;
use spec::Capability;
use std::process::{Command, Output};
use std::time::Duration;
use tls_gate::Gate;

const HARNESS: &str = env!("CARGO_BIN_EXE_harness");
const TOKEN: &str = "x-deploy-token: s3cret";

fn harness(args: &[&str]) -> Output {
    Command::new(HARNESS).args(args).output().expect("the harness binary runs")
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

/// A reference server behind its own gate, served by its own runtime as long as the value lives.
struct Deployment {
    runtime: tokio::runtime::Runtime,
    gate: Gate,
    _server: Embedded,
    clock: Clock,
}

impl Deployment {
    fn start() -> Deployment {
        Deployment::on(Clock::default())
    }

    /// A deployment whose server keeps time on `clock`.
    fn on(clock: Clock) -> Deployment {
        let runtime = tokio::runtime::Builder::new_multi_thread().worker_threads(2).enable_all().build().unwrap();
        let config = reference_server::Config { clock: clock.clone(), ..Default::default() };
        let server = runtime.block_on(Embedded::start(&config)).unwrap();
        let gate = runtime.block_on(tls_gate::start(&server.url, TOKEN));
        Deployment { runtime, gate, _server: server, clock }
    }

    fn url(&self) -> &str {
        &self.gate.url
    }

    /// The gate's CA in a file, for `--ca-cert`.
    fn ca_file(&self, name: &str) -> String {
        let path = std::env::temp_dir().join(format!("harness-deploy-{name}-{}.pem", std::process::id()));
        std::fs::write(&path, &self.gate.ca_pem).unwrap();
        path.to_string_lossy().into_owned()
    }

    fn passed(&self) -> Vec<std::time::Instant> {
        self.gate.passed.lock().unwrap().clone()
    }

    fn refused(&self) -> usize {
        *self.gate.refused.lock().unwrap()
    }
}

/// The summary line's count of passes, after checking that nothing else but n/a happened.
fn passes(out: &Output) -> usize {
    let stdout = text(&out.stdout);
    assert_eq!(out.status.code(), Some(0), "{stdout}{}", text(&out.stderr));
    let last = stdout.lines().last().unwrap_or_default();
    assert!(last.contains(" passed, 0 warned, 0 failed, 0 expected-fail, 0 unexpected-pass, ") && last.ends_with(" 0 errors"), "{last}");
    last.strip_prefix("PASSED: ").unwrap_or(last).split(' ').next().unwrap().parse().unwrap()
}

/// The whole suite through the gate of a deployment on a driven clock, trusting `trust` and
/// sending the header: how many cases passed, once nothing but passes and n/a came of it.
fn suite_through(deployment: &Deployment, trust: Trust) -> usize {
    let cases = spec::load_dir(&harness::default_cases_dir()).unwrap();
    let (name, value) = TOKEN.split_once(": ").unwrap();
    let client = Client::new(Settings { trust, headers: vec![(name.into(), value.into())], ..Settings::default() }).unwrap();
    let target = Target::new(deployment.url(), reference_server::default_next_version(), Capability::ALL.into_iter().collect())
        .with_time(Time::driven(deployment.clock.clone()));
    let results = deployment.runtime.block_on(run_cases(&client, &target, &cases, 8));
    for (case, result) in cases.iter().zip(&results) {
        let fine = matches!(result.outcome, Outcome::Pass | Outcome::NotApplicable);
        assert!(fine, "{}", harness::console::describe(case, result).unwrap_or_default());
    }
    results.iter().filter(|r| r.outcome == Outcome::Pass).count()
}

#[test]
fn the_suite_passes_through_https_with_the_header_trusting_anything_or_the_ca() {
    let insecure = Deployment::on(Clock::driven());
    assert!(suite_through(&insecure, Trust::Anything) >= 300);
    assert_eq!(insecure.refused(), 0, "every request carried the header");
    let trusted = Deployment::on(Clock::driven());
    assert!(suite_through(&trusted, Trust::AlsoPem(trusted.gate.ca_pem.clone().into_bytes())) >= 300);
    assert_eq!(trusted.refused(), 0);
}

/// Checks that of `cases` most passed and the others are n/a (they hold for other releases).
fn all_ran(out: &Output, cases: usize) {
    let passed = passes(out);
    assert!(passed >= cases * 3 / 4, "{}", text(&out.stdout));
    assert!(text(&out.stdout).trim_end().ends_with(&format!(" {} n/a, 0 errors", cases - passed)), "{}", text(&out.stdout));
}

/// Cases of fixture-app that do not wait, with request-targets sent as written, bodies,
/// compressed answers and every method among them.
const TRANSPORT: [&str; 8] = [
    "--filter", "server/redirects/*", "--filter", "server/compression/*",
    "--filter", "app-router/route-handlers/methods/*", "--filter", "pages-router/api-routes/request/*",
];

#[test]
fn cases_pass_through_https_with_the_header_and_insecure_or_the_ca_cert() {
    let selected = harness(&[&["list"], &TRANSPORT[..]].concat());
    let cases = text(&selected.stdout).lines().count();
    assert!(cases >= 50, "{}", text(&selected.stdout));

    let insecure = Deployment::start();
    let report = std::env::temp_dir().join(format!("harness-deploy-{}.json", std::process::id()));
    let out = harness(&[&["run", "--target", insecure.url(), "--insecure", "-H", TOKEN, "--report-json", report.to_str().unwrap()], &TRANSPORT[..]].concat());
    all_ran(&out, cases);
    assert_eq!(insecure.refused(), 0, "every request carried the header");
    let json: serde_json::Value = serde_json::from_str(&std::fs::read_to_string(&report).unwrap()).unwrap();
    let replay = json["replay"].as_str().unwrap();
    assert!(replay.contains(&format!("--target {}", insecure.url())) && replay.contains(&format!("-H '{TOKEN}'")) && replay.contains("--insecure"), "{replay}");

    let trusted = Deployment::start();
    let out = harness(&[&["run", "--target", trusted.url(), "--ca-cert", &trusted.ca_file("trusted"), "--header", TOKEN], &TRANSPORT[..]].concat());
    all_ran(&out, cases);
}

#[test]
fn without_the_header_or_the_trust_the_run_stops_at_once_with_one_line() {
    let deployment = Deployment::start();
    let out = harness(&["run", "--target", deployment.url(), "--insecure"]);
    let stderr = text(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{stderr}");
    assert!(text(&out.stdout).is_empty(), "{}", text(&out.stdout));
    assert_eq!(stderr.lines().count(), 1, "{stderr}");
    assert!(stderr.starts_with(&format!("error: {} answers 401 Unauthorized to GET /", deployment.url())), "{stderr}");
    assert!(stderr.contains("-H 'Name: value'"), "{stderr}");
    assert_eq!(deployment.refused(), 1, "the target is asked once");

    let out = harness(&["run", "--target", deployment.url(), "-H", TOKEN]);
    let stderr = text(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{stderr}");
    assert_eq!(stderr.lines().count(), 1, "{stderr}");
    assert!(stderr.starts_with(&format!("error: cannot connect to {}: ", deployment.url())), "{stderr}");
    assert!(stderr.contains("invalid peer certificate") && stderr.contains("--ca-cert FILE") && stderr.contains("--insecure"), "{stderr}");

    let other = Deployment::start();
    let out = harness(&["run", "--target", deployment.url(), "-H", TOKEN, "--ca-cert", &other.ca_file("other")]);
    assert_eq!(out.status.code(), Some(1), "another CA is not this one's: {}", text(&out.stderr));
    assert!(deployment.passed().is_empty(), "no request got through");
}

#[test]
fn the_fault_proxy_diff_and_fuzz_take_https_targets_and_replays_carry_the_header() {
    let (a, b) = (Deployment::start(), Deployment::start());
    let filter = "app-router/route-handlers/methods/*";
    let out = harness(&["run", "--target", a.url(), "--insecure", "-H", TOKEN, "--filter", filter, "--inject-fault", "change-status"]);
    let stdout = text(&out.stdout);
    assert_eq!(out.status.code(), Some(1), "{stdout}{}", text(&out.stderr));
    assert!(stdout.contains("status: expected 200, got 201"), "{stdout}");
    assert!(stdout.contains(&format!("    {TOKEN}\n")), "the evidence shows the header sent: {stdout}");
    assert!(stdout.contains("replay: harness serve --port ") && stdout.contains(&format!(" --target {} --insecure --inject-fault change-status", a.url())), "{stdout}");
    assert!(stdout.contains(&format!("\n          curl -sS -i --path-as-is -H '{TOKEN}' ")), "{stdout}");
    assert_eq!(a.refused(), 0);

    let out = harness(&["diff", "--reference", a.url(), "--target", b.url(), "--insecure", "-H", TOKEN, "--filter", filter]);
    let stdout = text(&out.stdout);
    assert_eq!(out.status.code(), Some(0), "{stdout}{}", text(&out.stderr));
    assert!(stdout.trim_end().ends_with(" same, 0 different in a should, 0 different, 0 n/a, 0 errors"), "{stdout}");
    assert!(stdout.lines().last().unwrap().starts_with("SAME: "), "{stdout}");
    assert_eq!(b.refused(), 0);

    let passed_before = b.passed().len();
    let out = harness(&["fuzz", "--reference", a.url(), "--target", b.url(), "--insecure", "-H", TOKEN, "--requests", "20", "--seed", "3"]);
    // The gates forward to two servers on their own ports, and the pages that echo the request's
    // Host and X-Forwarded-Port show them: a difference of addresses, not of behaviour, which
    // fuzz may report (exit 1). What this checks is that fuzz runs through TLS with the header.
    assert!(matches!(out.status.code(), Some(0 | 1)), "{}{}", text(&out.stdout), text(&out.stderr));
    assert!(text(&out.stdout).contains("fuzz: 20 requests generated"), "{}", text(&out.stdout));
    assert!(b.passed().len() - passed_before >= 20, "each generated request went to b through TLS");
    assert_eq!(b.refused(), 0);
}

#[test]
fn rate_spaces_the_requests_of_cases_run_at_once() {
    let deployment = Deployment::start();
    // Five one-step cases at once, and the request that checks the target first.
    let filter = "app-router/route-handlers/methods/all-methods-route-dispatches-*";
    let out = harness(&["run", "--target", deployment.url(), "--insecure", "-H", TOKEN, "--filter", filter, "--rate", "10", "--jobs", "8"]);
    assert_eq!(passes(&out), 5, "{}", text(&out.stdout));
    let mut arrivals = deployment.passed();
    arrivals.sort();
    assert_eq!(arrivals.len(), 6);
    // Ten a second: the sixth request is sent half a second after the first; allow for one
    // request being slower to arrive than the next.
    let span = *arrivals.last().unwrap() - arrivals[0];
    assert!(span >= Duration::from_millis(400), "{span:?}");
}
