//! Differential mode over the whole suite, in-process: two reference servers of every fixture
//! app, on one clock the cases' waits move on (so no case sleeps), compared case by case as
//! `harness diff` compares them. Two instances of one release agree on every case that holds
//! for it; two releases differ only in cases that hold for one of them. The command's own part
//! (options, summary line, reports) is checked on a few cases in `tests/cli.rs`.
//!
//! A case that holds for neither side is left out: its `eventually` steps never match, so each
//! side is sent them until the time is up, and on a driven clock the last of those tries can
//! fall on the very moment a cached answer goes stale, where which of the two servers still
//! answers HIT is down to microseconds of real time.

use harness::client::{Client, Settings};
use harness::diff::{Pair, diff_case};
use harness::embedded::Embedded;
use harness::runner::run_concurrently;
use harness::waits::Time;
use harness::{CaseResult, Outcome};
use reference_server::{Clock, Config};
use spec::Case;
use std::collections::{BTreeMap, BTreeSet};
use std::sync::Arc;

/// The bundled cases that hold for one of `releases` at least.
fn cases_for(releases: &[&str]) -> Vec<Case> {
    let releases: Vec<semver::Version> = releases.iter().map(|r| r.parse().unwrap()).collect();
    let mut cases = spec::load_dir(&harness::default_cases_dir()).unwrap();
    cases.retain(|case| releases.iter().any(|release| case.next.matches(release)));
    assert!(cases.len() > 100, "the bundled suite: {} cases", cases.len());
    cases
}

/// Diffs every case between a reference server of release `a` and one of release `b`, each
/// serving every fixture app the cases request, all on one driven clock.
fn diff_suite(cases: &[Case], a: &str, b: &str) -> Vec<CaseResult> {
    let runtime = tokio::runtime::Builder::new_multi_thread().worker_threads(2).enable_all().build().unwrap();
    let client = Client::new(Settings::default()).unwrap();
    let clock = Clock::driven();
    let time = Time::driven(clock.clone());
    let apps: BTreeSet<&str> = cases.iter().map(|c| c.app.as_str()).collect();
    let mut servers = Vec::new();
    let mut sides = [BTreeMap::new(), BTreeMap::new()];
    for app in apps {
        for (side, version) in sides.iter_mut().zip([a, b]) {
            let config = Config { clock: clock.clone(), ..Config::for_app(app, version.parse().unwrap()) };
            let server = runtime.block_on(Embedded::start(&config)).unwrap_or_else(|e| panic!("{e}"));
            side.insert(app.to_owned(), server.url.clone());
            servers.push(server);
        }
    }
    let [a, b] = sides;
    let pair = Arc::new(Pair { a, b });
    let results = runtime.block_on(run_concurrently(cases, 8, None, |case, slot, _| {
        let (client, pair, time) = (client.clone(), pair.clone(), time.clone());
        async move { diff_case(&client, &pair, &time, &case, false, slot).await }
    }));
    for server in servers {
        runtime.block_on(server.stop());
    }
    results
}

fn described(cases: &[Case], results: &[CaseResult]) -> String {
    cases.iter().zip(results).filter_map(|(case, result)| harness::console::describe(case, result)).collect::<Vec<_>>().join("\n")
}

/// Two instances, not one server twice: caching cases change what the server answers next
/// (revalidatePath, stale-while-revalidate), so each step must reach its own server once. A
/// case that holds only before 16 fails on both alike, which is no difference.
#[test]
fn two_instances_of_a_release_agree_on_every_case() {
    let cases = cases_for(&["16.4.6"]);
    let results = diff_suite(&cases, "16.4.6", "16.4.6");
    let differing: Vec<&CaseResult> = results.iter().filter(|r| r.outcome != Outcome::Pass).collect();
    assert!(differing.is_empty(), "{} of {} cases differ:\n{}", differing.len(), cases.len(), described(&cases, &results));
    assert_eq!(results.len(), cases.len());
}

#[test]
fn two_releases_differ_only_where_a_case_holds_for_one_of_them() {
    let cases = cases_for(&["16.4.6", "15.5.29"]);
    let results = diff_suite(&cases, "16.4.6", "15.5.29");
    let (sixteen, fifteen) = ("16.4.6".parse().unwrap(), "15.5.29".parse().unwrap());
    let mut differing = Vec::new();
    for (case, result) in cases.iter().zip(&results) {
        match result.outcome {
            Outcome::Pass => {}
            Outcome::Fail => differing.push(case.id.as_str()),
            _ => panic!("{}", harness::console::describe(case, result).unwrap_or_default()),
        }
        let ranged = case.next.matches(&sixteen) != case.next.matches(&fifteen);
        let shown = || harness::console::describe(case, result).unwrap_or_default();
        assert!(result.outcome == Outcome::Pass || ranged, "holds for both releases yet differs:\n{}", shown());
    }
    assert!(differing.len() > 10, "releases 16 and 15 differ in the cases about what changed: {differing:?}");
    let vary = results.iter().any(|r| r.message.as_deref().is_some_and(|m| m.contains("header `vary`: a `rsc")));
    assert!(vary, "16 varies on the router headers where 15 did not: {}", described(&cases, &results));
}
