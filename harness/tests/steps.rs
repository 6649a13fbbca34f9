//! Multi-step cases: a step waits before sending, captures values and compares them with
//! earlier ones, in runs and in diffs.

use harness::client::{Client, Settings};
use harness::diff::{Pair, diff_case};
use harness::waits::{Slot, Time};
use harness::runner::run_case;
use harness::{Outcome, Target};
use spec::{Capability, Case};
use std::io::{Read, Write};
use std::net::TcpListener;
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

/// A loopback server that answers every request with `{"n": N}`: N counts the requests when
/// `counting`, and is always 0 otherwise (a cache that never expires).
fn counter(counting: bool) -> String {
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let url = format!("http://{}", listener.local_addr().unwrap());
    let served = Arc::new(AtomicUsize::new(0));
    std::thread::spawn(move || {
        for mut stream in listener.incoming().flatten() {
            let mut head = Vec::new();
            let mut byte = [0u8; 1];
            while !head.ends_with(b"\r\n\r\n") && stream.read(&mut byte).is_ok_and(|n| n == 1) {
                head.push(byte[0]);
            }
            let n = if counting { served.fetch_add(1, Ordering::SeqCst) + 1 } else { 0 };
            let body = format!("{{\"n\": {n}}}");
            let _ = write!(
                stream,
                "HTTP/1.1 200 OK\r\ncontent-type: application/json\r\nx-n: {n}\r\ncontent-length: {}\r\nconnection: close\r\n\r\n{body}",
                body.len()
            );
        }
    });
    url
}

fn case(comparison: &str, wait_ms: u64) -> Case {
    let text = format!(
        r#"
title = "t"
doc = {{ page = "p", anchor = "a", quote = "q" }}
basis = "observed"

[[step]]
request = {{ path = "/" }}
capture.first = {{ json = "/n" }}
expect.status = 200

[[step]]
wait_ms = {wait_ms}
request = {{ path = "/" }}
capture.second = {{ header = "x-n" }}
expect.status = 200
expect.captures.second = {{ {comparison} = "first" }}
"#
    );
    spec::parse_case("steps/t", std::path::Path::new("t.toml"), &text).unwrap()
}

fn runtime() -> tokio::runtime::Runtime {
    tokio::runtime::Builder::new_multi_thread().enable_all().build().unwrap()
}

fn client() -> Client {
    Client::new(Settings { timeout: Duration::from_secs(5), body_cap: 64 * 1024, ..Settings::default() }).unwrap()
}

fn run(url: &str, case: &Case) -> (Outcome, String) {
    let target = Target::new(url, reference_server::default_next_version(), Capability::ALL.into_iter().collect());
    let result = runtime().block_on(run_case(&client(), &target, case));
    (result.outcome, result.message.unwrap_or_default())
}

#[test]
fn same_as_holds_for_a_cached_value_and_fails_for_a_new_one() {
    assert_eq!(run(&counter(false), &case("same_as", 0)).0, Outcome::Pass);
    let (outcome, message) = run(&counter(true), &case("same_as", 0));
    assert_eq!(outcome, Outcome::Fail);
    assert_eq!(message, "step 2: captured `second`: expected the same value as `first` (`1`), got `2`");
}

#[test]
fn differs_from_holds_for_a_new_value_and_fails_for_a_cached_one() {
    assert_eq!(run(&counter(true), &case("differs_from", 0)).0, Outcome::Pass);
    let (outcome, message) = run(&counter(false), &case("differs_from", 0));
    assert_eq!(outcome, Outcome::Fail);
    assert_eq!(message, "step 2: captured `second`: expected a value other than `first`, got the same `0`");
}

#[test]
fn a_step_waits_before_sending() {
    let started = Instant::now();
    assert_eq!(run(&counter(true), &case("differs_from", 300)).0, Outcome::Pass);
    assert!(started.elapsed() >= Duration::from_millis(300));
}

#[test]
fn a_value_that_is_not_there_fails_the_step() {
    let mut broken = case("same_as", 0);
    broken.steps[0].capture = toml::from_str(r#"first = { json = "/missing" }"#).unwrap();
    let (outcome, message) = run(&counter(false), &broken);
    assert_eq!(outcome, Outcome::Fail);
    assert_eq!(
        message,
        "step 1: capture `first`: the JSON body has nothing at `/missing`\nstep 2: not run: it needs `first`, which step 1 did not capture"
    );
}

#[test]
fn a_diff_names_a_server_that_caches_where_the_other_renders_anew() {
    let pair = Pair::new(&counter(true), &counter(false));
    let result = runtime().block_on(diff_case(&client(), &pair, &Time::Real, &case("differs_from", 0), false, Slot::unlimited()));
    assert_eq!(result.outcome, Outcome::Fail);
    let message = result.message.unwrap();
    assert!(message.contains("captures: only a meets the case's captures; b: captured `second`"), "{message}");
    let same = Pair::new(&counter(true), &counter(true));
    assert_eq!(runtime().block_on(diff_case(&client(), &same, &Time::Real, &case("differs_from", 0), false, Slot::unlimited())).outcome, Outcome::Pass);
}

fn three_steps(third: &str) -> Case {
    let text = format!(
        r#"
title = "t"
doc = {{ page = "p", anchor = "a", quote = "q" }}
basis = "observed"

[[step]]
request = {{ path = "/one" }}
capture.token = {{ header = "x-token" }}
expect.status = 200

[[step]]
request = {{ path = "/two" }}
expect.status = 201

[[step]]
{third}
"#
    );
    spec::parse_case("steps/three", std::path::Path::new("three.toml"), &text).unwrap()
}

#[test]
fn a_step_after_a_failed_one_still_runs_and_every_failing_step_is_reported() {
    let url = counter(true);
    let case = three_steps("request = { path = \"/three\" }\nexpect.status = 200\nexpect.headers.x-n = \"2\"");
    let target = Target::new(&url, reference_server::default_next_version(), Capability::ALL.into_iter().collect());
    let result = runtime().block_on(run_case(&client(), &target, &case));
    assert_eq!(result.outcome, Outcome::Fail);
    assert_eq!(
        result.message.unwrap(),
        "step 1: capture `token`: header `x-token` is absent\nstep 2: status: expected 201, got 200\n\
         step 3: header `x-n`: expected `2`, got `3`"
    );
    let steps: Vec<usize> = result
        .evidence
        .iter()
        .map(|e| match e {
            harness::evidence::Evidence::Check(e) => e.step,
            harness::evidence::Evidence::Diff(e) => e.step,
        })
        .collect();
    assert_eq!(steps, [1, 2, 3], "each failing step keeps its exchange");
}

#[test]
fn a_step_that_needs_a_value_a_failed_step_did_not_capture_is_not_run() {
    let url = counter(true);
    let case = three_steps("request = { path = \"/three\", headers = { x-token = \"{{token}}\" } }\nexpect.status = 200");
    let (outcome, message) = run(&url, &case);
    assert_eq!(outcome, Outcome::Fail);
    assert_eq!(
        message,
        "step 1: capture `token`: header `x-token` is absent\nstep 2: status: expected 201, got 200\n\
         step 3: not run: it needs `token`, which step 1 did not capture"
    );
    // Step 3 sent nothing: the next request is the counter's third.
    let probe = spec::parse_case(
        "steps/probe",
        std::path::Path::new("probe.toml"),
        "title = \"t\"\nbasis = \"observed\"\ndoc = { page = \"p\", anchor = \"a\", quote = \"q\" }\n\
         [[step]]\nrequest = { path = \"/\" }\nexpect.status = 200\nexpect.headers.x-n = \"3\"\n",
    )
    .unwrap();
    assert_eq!(run(&url, &probe), (Outcome::Pass, String::new()));
}

#[test]
fn a_diff_also_reports_every_differing_step() {
    let pair = Pair::new(&counter(true), &counter(false));
    let case = three_steps("request = { path = \"/three\" }\nexpect.status = 200\nexpect.headers.x-n = { present = true }");
    let result = runtime().block_on(diff_case(&client(), &pair, &Time::Real, &case, true, Slot::unlimited()));
    assert_eq!(result.outcome, Outcome::Fail);
    let message = result.message.unwrap();
    assert!(message.contains("step 1: header `x-n`") && message.contains("step 3: header `x-n`"), "{message}");
    assert_eq!(result.evidence.len(), 3);
}

/// A case whose second step is sent until the server has answered at least `at_least` requests
/// (the `x-n` header counts them), and must differ from the first step's value.
fn eventually_case(at_least: u32, within_ms: u64) -> Case {
    let counts: Vec<String> = (at_least..at_least + 20).map(|n| n.to_string()).collect();
    let text = format!(
        r#"
title = "t"
doc = {{ page = "p", anchor = "a", quote = "q" }}
basis = "observed"

[[step]]
request = {{ path = "/" }}
capture.first = {{ json = "/n" }}
expect.status = 200

[[step]]
eventually = {{ within_ms = {within_ms}, every_ms = 50 }}
request = {{ path = "/" }}
capture.second = {{ header = "x-n" }}
expect.status = 200
expect.headers.x-n = {{ regex = "^({})$" }}
expect.captures.second = {{ differs_from = "first" }}
"#,
        counts.join("|")
    );
    spec::parse_case("steps/eventually", std::path::Path::new("e.toml"), &text).unwrap()
}

fn run_result(url: &str, case: &Case) -> harness::CaseResult {
    let target = Target::new(url, reference_server::default_next_version(), Capability::ALL.into_iter().collect());
    runtime().block_on(run_case(&client(), &target, case))
}

#[test]
fn an_eventually_step_is_sent_until_it_matches_and_says_how_many_tries_it_took() {
    // Request 1 is step 1; step 2 matches at request 4, its third try.
    let result = run_result(&counter(true), &eventually_case(4, 5000));
    assert_eq!(result.outcome, Outcome::Pass, "{:?}", result.message);
    assert_eq!(result.settling.len(), 1);
    let settled = &result.settling[0];
    assert_eq!((settled.step, settled.attempts, settled.matched), (2, 3, true));
    assert_eq!(settled.to_string(), format!("step 2 matched after 3 tries in {} ms", settled.elapsed_ms));
}

#[test]
fn an_eventually_step_that_never_matches_fails_when_its_time_is_up() {
    let started = Instant::now();
    let result = run_result(&counter(false), &eventually_case(1, 400));
    assert_eq!(result.outcome, Outcome::Fail);
    let settled = &result.settling[0];
    assert!(!settled.matched && settled.attempts >= 2 && settled.elapsed_ms <= 400 + 1000, "{settled:?}");
    let message = result.message.unwrap();
    let first_line = format!("step 2 did not match in {} tries over {} ms", settled.attempts, settled.elapsed_ms);
    assert_eq!(message.lines().next(), Some(first_line.as_str()), "{message}");
    assert!(message.contains("step 2: captured `second`: expected a value other than `first`, got the same `0`"), "{message}");
    assert!(started.elapsed() >= Duration::from_millis(350), "it tried for the whole period");
}

#[test]
fn a_step_without_eventually_is_sent_once() {
    let mut once = eventually_case(4, 5000);
    once.steps[1].eventually = None;
    let result = run_result(&counter(true), &once);
    assert_eq!(result.outcome, Outcome::Fail);
    assert!(result.settling.is_empty());
    assert!(result.message.unwrap().starts_with("step 2: header `x-n`"));
}

#[test]
fn once_the_case_has_failed_an_eventually_step_is_sent_once() {
    let mut failed_first = eventually_case(1, 5000);
    failed_first.steps[0].expect.status = spec::matchers::Status(201);
    let started = Instant::now();
    let result = run_result(&counter(false), &failed_first);
    assert_eq!(result.outcome, Outcome::Fail);
    assert!(result.settling.is_empty(), "{:?}", result.settling);
    assert!(started.elapsed() < Duration::from_millis(4000), "not tried for the whole period");
}

#[test]
fn a_diff_sends_an_eventually_step_to_each_side_until_it_matches_there() {
    // Both sides match at their fourth request; a side whose cache never expires never does,
    // and the difference is what each side answered last.
    let both = Pair::new(&counter(true), &counter(true));
    let result = runtime().block_on(diff_case(&client(), &both, &Time::Real, &eventually_case(4, 5000), false, Slot::unlimited()));
    assert_eq!(result.outcome, Outcome::Pass, "{:?}", result.message);
    let one = Pair::new(&counter(true), &counter(false));
    let result = runtime().block_on(diff_case(&client(), &one, &Time::Real, &eventually_case(4, 400), false, Slot::unlimited()));
    assert_eq!(result.outcome, Outcome::Fail);
    assert!(result.message.unwrap().contains("step 2: header `x-n`"));
}

#[test]
fn a_diff_on_a_driven_clock_waits_without_sleeping() {
    let never = Pair::new(&counter(false), &counter(false));
    let time = Time::driven(reference_server::Clock::driven());
    let started = Instant::now();
    let mut case = eventually_case(2, 10_000);
    case.steps[1].wait_ms = 10_000;
    let result = runtime().block_on(diff_case(&client(), &never, &time, &case, false, Slot::unlimited()));
    assert_eq!(result.outcome, Outcome::Pass, "both sides answer alike: {:?}", result.message);
    assert!(started.elapsed() < Duration::from_secs(10), "slept: {:?}", started.elapsed());
}
