//! Shrinking, proptest's way: the value tree of a request that showed a difference is
//! simplified step by step (`simplify`), and a step is taken back (`complicate`) when the
//! simpler request no longer shows the same [`Cause`]. What is left is a request where every
//! part that could go does not show the difference without it.

use super::cause::{Cause, causes};
use super::check::{Exchange, Servers, Verdict, check};
use super::draft::Draft;
use crate::client::Client;
use proptest::strategy::ValueTree;
use spec::Mismatch;
use std::collections::HashMap;
use std::time::Instant;

/// The most simpler requests tried for one difference.
pub const MAX_TRIES: usize = 150;

/// A request that shows a cause, with what differed.
#[derive(Debug, Clone)]
pub struct Shown {
    pub exchange: Exchange,
    pub differences: Vec<Mismatch>,
}

/// The causes the answers in `exchange` show, given their `differences`.
pub fn causes_of(exchange: &Exchange, differences: &[Mismatch]) -> Vec<Cause> {
    let statuses = match (&exchange.a, &exchange.b) {
        (Ok(a), Ok(b)) => Some((a.status, b.status)),
        _ => None,
    };
    causes(exchange.draft.kind, statuses, differences)
}

/// Checks `draft` and returns what it shows if it shows `cause` (see [`Cause::shown_by`]).
pub async fn shows(client: &Client, servers: &Servers, draft: &Draft, cause: &Cause) -> Option<Shown> {
    match check(client, servers, draft).await {
        (Verdict::Differ(differences), exchange) if causes_of(&exchange, &differences).iter().any(|c| cause.shown_by(c)) => {
            Some(Shown { exchange, differences })
        }
        _ => None,
    }
}

/// The simplest request `tree` leads to that still shows `cause`, starting from `found` (its
/// current value's), within `MAX_TRIES` requests and before `deadline`. Returns it and how
/// many simpler requests were sent.
pub async fn shrink(
    client: &Client,
    servers: &Servers,
    tree: &mut dyn ValueTree<Value = Draft>,
    cause: &Cause,
    found: Shown,
    deadline: Instant,
) -> (Shown, usize) {
    let mut best = found;
    let mut seen: HashMap<String, Option<Shown>> = HashMap::new();
    let mut tried = 0;
    if !tree.simplify() {
        return (best, tried);
    }
    while tried < MAX_TRIES && Instant::now() < deadline {
        let draft = tree.current();
        let key = format!("{:?}", draft.request());
        let shown = match seen.get(&key) {
            Some(known) => known.clone(),
            None => {
                tried += 1;
                let shown = shows(client, servers, &draft, cause).await;
                seen.insert(key, shown.clone());
                shown
            }
        };
        let more = match shown {
            Some(shown) => {
                best = shown;
                tree.simplify()
            }
            None => tree.complicate(),
        };
        if !more {
            break;
        }
    }
    (best, tried)
}
