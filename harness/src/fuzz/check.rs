//! One generated request checked: sent to A and B at once (and to two builds of the app, the
//! reference server loaded twice, to learn what differs from build to build), then to A again;
//! the answers are put in the form fuzzing compares ([`meaning`]), the noise learned from A's
//! two answers and from the two builds is masked ([`Noise`]), and what is left is compared by
//! meaning with [`compare`], as `harness diff --everything` compares two answers.

use super::draft::Draft;
use super::meaning::meaning;
use super::noise::Noise;
use crate::client::Client;
use crate::diff::Pair;
use crate::diff::compare::{self, Scope};
use crate::evidence::SentRequest;
use crate::waits::{Slot, Time};
use spec::{Mismatch, Response, Subject};
use std::collections::BTreeMap;

/// The pause before A's second answer, and between the two builds' answers.
const CLOCK_TICK: std::time::Duration = std::time::Duration::from_millis(3);

/// The servers a request goes to: A and B, and for each app two builds of it.
#[derive(Debug, Clone)]
pub struct Servers {
    pub pair: Pair,
    /// Base URLs of two separately loaded reference servers of each app.
    pub builds: BTreeMap<String, [String; 2]>,
    /// The time the servers keep, on which the ticks between answers pass.
    pub time: Time,
}

/// A request as sent to each side, and what came back.
#[derive(Debug, Clone)]
pub struct Exchange {
    pub draft: Draft,
    pub to_a: SentRequest,
    pub to_b: SentRequest,
    /// A's first answer, or why none came.
    pub a: Result<Response, String>,
    pub b: Result<Response, String>,
    /// What differed between A's two answers.
    pub noise: Vec<String>,
}

#[derive(Debug, Clone)]
pub enum Verdict {
    Agree,
    /// What differs once A's noise is masked.
    Differ(Vec<Mismatch>),
    /// A answered the same request with two statuses, or only once: nothing can be said.
    Unstable(String),
}

/// Sends `draft` to both sides and compares the answers.
pub async fn check(client: &Client, servers: &Servers, draft: &Draft) -> (Verdict, Exchange) {
    let request = draft.request();
    let pair = &servers.pair;
    let (base_a, base_b) = (&pair.a[&draft.app], &pair.b[&draft.app]);
    let (to_a, to_b) = (client.prepare(base_a, &request), client.prepare(base_b, &request));
    let [build_1, build_2] = &servers.builds[&draft.app];
    let (to_build_1, to_build_2) = (client.prepare(build_1, &request), client.prepare(build_2, &request));
    // A time a server keeps from the first request for a path (a page rendered on demand and
    // cached) is the same in A's two answers; the builds, asked a tick apart, show it as noise.
    let mut ticks = servers.time.start(Slot::unlimited()).await;
    let builds = async {
        let one = client.send(&to_build_1).await;
        ticks.wait(CLOCK_TICK).await;
        (one, client.send(&to_build_2).await)
    };
    let (first, b, builds) = tokio::join!(client.send(&to_a), client.send(&to_b), builds);
    // Far enough apart that a time in milliseconds (`Date.now()`) has moved on.
    ticks.wait(CLOCK_TICK).await;
    let second = client.send(&to_a).await;
    let build_noise = match builds {
        (Ok(one), Ok(two)) => Noise::between_builds(&meaning(&one), &meaning(&two)),
        _ => Noise::default(),
    };
    let mut exchange = Exchange { draft: draft.clone(), to_a, to_b, a: first.clone(), b: b.clone(), noise: Vec::new() };
    let verdict = match (first, second, b) {
        (Ok(first), Ok(second), Ok(b)) => {
            if first.status != second.status {
                Verdict::Unstable(format!("a answered {} then {}", first.status, second.status))
            } else {
                let noise = Noise::learn(&meaning(&first), &meaning(&second));
                exchange.noise = noise.describe();
                exchange.noise.extend(build_noise.describe().into_iter().map(|n| format!("{n} (between builds)")));
                let (a, b) = noise.mask(&meaning(&first), &meaning(&b));
                let (a, b) = build_noise.mask(&a, &b);
                let differences = compare::compare(&a, &b, &Scope::Everything, base_a, base_b);
                if differences.is_empty() { Verdict::Agree } else { Verdict::Differ(differences) }
            }
        }
        (Err(_), Err(_), Err(_)) => Verdict::Agree,
        (Ok(_), Ok(_), Err(error)) => Verdict::Differ(vec![Mismatch::new(Subject::Server("b".into()), format!("only a answers; b: {error}"))]),
        (Err(error), Err(_), Ok(_)) => Verdict::Differ(vec![Mismatch::new(Subject::Server("a".into()), format!("only b answers; a: {error}"))]),
        (Ok(_), Err(error), _) | (Err(error), Ok(_), _) => Verdict::Unstable(format!("a answered once only: {error}")),
    };
    (verdict, exchange)
}
