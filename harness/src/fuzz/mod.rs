//! Differential fuzzing: requests generated over the fixture apps' routes are sent to two
//! servers, and where their answers differ by meaning the request is shrunk to a minimal one,
//! grouped with others of the same cause and written as a `curl` command and a case file to
//! start from. Cases find the differences someone thought of; this finds the others.
//!
//! - [`space`]: the targets of each app, read from the app as the reference server reads it;
//!   [`mutation`] leaves out routes that change the server's state.
//! - [`draft`] and [`strategy`]: a request as parts that shrink, and the proptest strategies
//!   that generate them.
//! - [`check`]: one request sent to A twice and to B once; [`meaning`] puts the answers in the
//!   form that is compared, [`noise`] learns what is noise, and `diff::compare` compares the rest.
//! - [`cause`] and [`shrink`]: what a difference is about, and proptest's shrinking of a request
//!   that shows one. Causes whose minimal requests have the same [`draft::Draft::features`]
//!   (a `..` segment, a header) are one group: the part of the request the servers disagree on.
//! - [`case_toml`] and [`report`]: a difference as a case file and as text.
//!
//! A run is deterministic for a seed (the same requests in the same order), bounded by a
//! count of generated requests and a time, and sends one request at a time to each server.

pub mod case_toml;
pub mod cause;
pub mod check;
pub mod draft;
pub mod meaning;
pub mod mutation;
pub mod noise;
pub mod report;
pub mod shrink;
pub mod space;
pub mod strategy;

use crate::client::Client;
use cause::Cause;
use check::{Servers, Verdict, check};
use proptest::strategy::{Strategy, ValueTree};
use proptest::test_runner::{Config, RngAlgorithm, TestRng, TestRunner};
use shrink::{Shown, causes_of, shows, shrink};
use space::Space;
use std::collections::BTreeMap;
use std::time::{Duration, Instant};

#[derive(Debug, Clone)]
pub struct Settings {
    /// How many requests are generated (each is sent three times; shrinking sends more).
    pub requests: usize,
    pub seed: u64,
    /// When to stop generating and shrinking.
    pub time: Duration,
}

/// One cause, with the simplest request found that shows it.
#[derive(Debug, Clone)]
pub struct Finding {
    /// The cause as the minimal request shows it.
    pub cause: Cause,
    pub minimal: Shown,
    /// How many generated requests showed it.
    pub seen: usize,
    /// The first few request-targets that showed it, as generated.
    pub examples: Vec<String>,
    /// How many simpler requests shrinking sent.
    pub shrink_tries: usize,
    /// Whether the minimal request showed the cause again when sent once more.
    pub confirmed: bool,
}

/// The causes whose minimal requests have the same features: one disagreement.
#[derive(Debug, Clone)]
pub struct Group {
    /// What the minimal requests have beyond the plain request, or the plain request itself.
    pub features: Vec<String>,
    pub findings: Vec<Finding>,
}

impl Group {
    pub fn confirmed(&self) -> bool {
        self.findings.iter().any(|f| f.confirmed)
    }
}

#[derive(Debug, Clone, Default)]
pub struct Findings {
    pub generated: usize,
    pub agreed: usize,
    /// Requests A answered with two statuses (or once only).
    pub unstable: usize,
    pub groups: Vec<Group>,
    pub elapsed: Duration,
    /// The time ran out before every request was generated.
    pub out_of_time: bool,
}

impl Findings {
    /// Groups with a cause whose minimal request showed it again.
    pub fn confirmed(&self) -> impl Iterator<Item = &Group> {
        self.groups.iter().filter(|g| g.confirmed())
    }
}

/// How many request-targets a finding keeps as examples.
const EXAMPLES: usize = 5;

/// Fuzzes A and B of `servers` over `space`; `progress` hears of each new cause found.
pub async fn fuzz(client: &Client, servers: &Servers, space: &Space, settings: &Settings, progress: &dyn Fn(&Cause)) -> Findings {
    let started = Instant::now();
    let deadline = started + settings.time;
    let strategy = strategy::drafts(space.targets());
    let config = Config { failure_persistence: None, ..Config::default() };
    let mut runner = seeded(&config, settings.seed);
    let mut findings = Findings::default();
    let mut by_cause: BTreeMap<Cause, Finding> = BTreeMap::new();
    while findings.generated < settings.requests {
        if Instant::now() >= deadline {
            findings.out_of_time = true;
            break;
        }
        let before = runner.rng().clone();
        let Ok(tree) = strategy.new_tree(&mut runner) else { break };
        findings.generated += 1;
        let (verdict, exchange) = check(client, servers, &tree.current()).await;
        let differences = match verdict {
            Verdict::Agree => {
                findings.agreed += 1;
                continue;
            }
            Verdict::Unstable(_) => {
                findings.unstable += 1;
                continue;
            }
            Verdict::Differ(differences) => differences,
        };
        let found = Shown { exchange, differences };
        for cause in causes_of(&found.exchange, &found.differences) {
            if let Some(known) = by_cause.get_mut(&cause) {
                known.seen += 1;
                if known.examples.len() < EXAMPLES {
                    known.examples.push(found.exchange.draft.target());
                }
                continue;
            }
            progress(&cause);
            // The tree again as generated, to shrink from for this cause.
            let mut fresh = TestRunner::new_with_rng(config.clone(), before.clone());
            let Ok(mut tree) = strategy.new_tree(&mut fresh) else { continue };
            let (minimal, shrink_tries) = shrink(client, servers, &mut *tree, &cause, found.clone(), deadline).await;
            let confirmed = shows(client, servers, &minimal.exchange.draft, &cause).await.is_some();
            let examples = vec![found.exchange.draft.target()];
            let shown = causes_of(&minimal.exchange, &minimal.differences).into_iter().find(|c| cause.shown_by(c)).unwrap_or_else(|| cause.clone());
            by_cause.insert(cause, Finding { cause: shown, minimal, seen: 1, examples, shrink_tries, confirmed });
        }
    }
    findings.groups = group(by_cause.into_values());
    findings.elapsed = started.elapsed();
    findings
}

/// Findings grouped by the features of their minimal requests (a plain request by itself).
fn group(findings: impl Iterator<Item = Finding>) -> Vec<Group> {
    let mut groups: BTreeMap<Vec<String>, Vec<Finding>> = BTreeMap::new();
    for finding in findings {
        let draft = &finding.minimal.exchange.draft;
        let mut features = draft.features();
        if features.is_empty() {
            features.push(format!("nothing but the route: GET {}", draft.target()));
        }
        groups.entry(features).or_default().push(finding);
    }
    groups.into_iter().map(|(features, findings)| Group { features, findings }).collect()
}

/// A runner whose random numbers come from `seed` alone.
fn seeded(config: &Config, seed: u64) -> TestRunner {
    let mut bytes = [0u8; 32];
    for (index, chunk) in bytes.chunks_mut(8).enumerate() {
        chunk.copy_from_slice(&seed.wrapping_mul(index as u64 + 1).to_le_bytes());
    }
    TestRunner::new_with_rng(config.clone(), TestRng::from_seed(RngAlgorithm::ChaCha, &bytes))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn requests(seed: u64, count: usize) -> Vec<String> {
        let cases = spec::load_dir(&crate::default_cases_dir()).unwrap();
        let space = Space::read(&[spec::case::DEFAULT_APP.to_owned()], &cases, &reference_server::default_next_version()).unwrap();
        let strategy = strategy::drafts(space.targets());
        let mut runner = seeded(&Config::default(), seed);
        (0..count).map(|_| format!("{:?}", strategy.new_tree(&mut runner).unwrap().current().request())).collect()
    }

    #[test]
    fn a_seed_makes_the_same_requests_in_the_same_order() {
        let first = requests(5, 40);
        assert_eq!(first, requests(5, 40));
        assert_ne!(first, requests(6, 40));
        let distinct: std::collections::BTreeSet<&String> = first.iter().collect();
        assert!(distinct.len() > 30, "requests vary: {distinct:?}");
    }
}
