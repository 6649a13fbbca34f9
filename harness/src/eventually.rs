//! Sending a step: once, or, when the step says `eventually` (see [`spec::eventually`]), again
//! and again until it matches or its time is up. What each try captures is kept only from the
//! last one, so a later step compares with the answer that settled the step. How a step that
//! may be sent again settled (tries, time, matched or not) goes into the case's result, so
//! reports say how long a target took to regenerate.

use crate::client::Client;
use crate::evidence::SentRequest;
use crate::waits::Waits;
use serde::{Deserialize, Serialize};
use spec::capture::Captured;
use spec::eventually::Eventually;
use spec::{Mismatch, Response, Severity};
use std::fmt;
use std::time::Duration;

/// How a step that may be sent again settled.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Settling {
    /// 1-based index of the step.
    pub step: usize,
    /// How many times the request was sent.
    pub attempts: u32,
    /// From sending the first try to the last answer.
    pub elapsed_ms: u64,
    /// Whether every must of the step held in the last answer.
    pub matched: bool,
}

impl fmt::Display for Settling {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let tries = if self.attempts == 1 { "1 try".to_owned() } else { format!("{} tries", self.attempts) };
        if self.matched {
            write!(f, "step {} matched after {tries} in {} ms", self.step, self.elapsed_ms)
        } else {
            write!(f, "step {} did not match in {tries} over {} ms", self.step, self.elapsed_ms)
        }
    }
}

/// The last try of a step.
pub struct Tried {
    /// The last answer, or why none came.
    pub answer: Result<Response, String>,
    /// What differs in the last answer (warnings too); empty when no answer came.
    pub mismatches: Vec<Mismatch>,
    /// The values captured before the step, with those the last answer gave.
    pub captured: Captured,
    /// For a step that may be sent again, how it settled.
    pub settling: Option<Settling>,
}

/// Sends step `number`'s `request` until `check` finds no must that fails in the answer
/// (given a copy of `captured` to capture into) or `eventually`'s time is up; without
/// `eventually`, once. An error (no answer) ends the tries. The pauses between tries pass as
/// the case's `waits` do (on the target's clock, without the case's slot); without them, in a
/// plain sleep.
pub async fn send<F>(
    client: &Client,
    eventually: Option<Eventually>,
    number: usize,
    request: &SentRequest,
    captured: &Captured,
    check: F,
    mut waits: Option<&mut Waits>,
) -> Tried
where
    F: Fn(&Response, &mut Captured) -> Vec<Mismatch>,
{
    let started = Waits::mark(waits.as_deref());
    let mut attempts = 0;
    loop {
        attempts += 1;
        let mut trial = captured.clone();
        let answer = client.send(request).await;
        let mismatches = answer.as_ref().map(|response| check(response, &mut trial)).unwrap_or_default();
        let matched = answer.is_ok() && !mismatches.iter().any(|m| m.severity == Severity::Must);
        let elapsed = started.elapsed(waits.as_deref());
        let pause = match eventually {
            Some(e) if !matched && answer.is_ok() => {
                let pause = Duration::from_millis(e.every_ms);
                (elapsed + pause <= Duration::from_millis(e.within_ms)).then_some(pause)
            }
            _ => None,
        };
        match pause {
            Some(pause) => match waits.as_deref_mut() {
                Some(waits) => waits.wait(pause).await,
                None => tokio::time::sleep(pause).await,
            },
            None => {
                let elapsed_ms = u64::try_from(elapsed.as_millis()).unwrap_or(u64::MAX);
                let settling = eventually.map(|_| Settling { step: number, attempts, elapsed_ms, matched });
                return Tried { answer, mismatches, captured: trial, settling };
            }
        }
    }
}
