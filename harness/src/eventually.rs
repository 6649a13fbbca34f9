//! Sending a step: once, or, when the step says `eventually` (see [`spec::eventually`]), again
//! and again until it matches or its time is up. What each try captures is kept only from the
//! last one, so a later step compares with the answer that settled the step. How a step that
//! may be sent again settled (tries, time, matched or not) goes into the case's result, so
//! reports say how long a target took to regenerate.

use crate::client::Client;
use crate::evidence::SentRequest;
use crate::settling::Settling;
use crate::waits::Waits;
use spec::capture::Captured;
use spec::eventually::Eventually;
use spec::{Mismatch, Response, Severity};
use std::time::Duration;

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
    waits: Option<&mut Waits>,
) -> Tried
where
    F: Fn(&Response, &mut Captured) -> Vec<Mismatch>,
{
    let [tried] = send_each(client, eventually, number, [(request, captured)], check, waits).await;
    tried
}

/// Sends each of `requests` (with the values captured before the step on its side) as [`send`]
/// sends one, all at once: after each pause those that have not settled are sent again
/// together, so that one pause serves them all and the step takes as long as the slowest.
pub async fn send_each<F, const N: usize>(
    client: &Client,
    eventually: Option<Eventually>,
    number: usize,
    requests: [(&SentRequest, &Captured); N],
    check: F,
    mut waits: Option<&mut Waits>,
) -> [Tried; N]
where
    F: Fn(&Response, &mut Captured) -> Vec<Mismatch>,
{
    let started = Waits::mark(waits.as_deref());
    let mut tries: [Trying; N] = std::array::from_fn(|_| Trying::default());
    loop {
        let round = requests.iter().zip(&tries).enumerate().filter(|(_, (_, trying))| !trying.settled).map(|(index, ((request, captured), _))| {
            let check = &check;
            async move {
                let mut trial = (*captured).clone();
                let answer = client.send(request).await;
                let mismatches = answer.as_ref().map(|response| check(response, &mut trial)).unwrap_or_default();
                (index, Tried { answer, mismatches, captured: trial, settling: None })
            }
        });
        let answered = futures_util::future::join_all(round).await;
        let elapsed = started.elapsed(waits.as_deref());
        for (index, tried) in answered {
            let trying = &mut tries[index];
            trying.attempts += 1;
            trying.matched = tried.answer.is_ok() && !tried.mismatches.iter().any(|m| m.severity == Severity::Must);
            trying.settled = trying.matched || tried.answer.is_err() || eventually.is_none();
            trying.elapsed = elapsed;
            trying.last = Some(tried);
        }
        let pause = match eventually {
            Some(e) if tries.iter().any(|t| !t.settled) => {
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
            None => return tries.map(|trying| trying.tried(number, eventually.is_some())),
        }
    }
}

/// One request's tries so far.
#[derive(Default)]
struct Trying {
    attempts: u32,
    /// Since the first try, when the last one was answered.
    elapsed: Duration,
    matched: bool,
    /// Matched, or no answer came, or it is sent once only: not sent again.
    settled: bool,
    last: Option<Tried>,
}

impl Trying {
    fn tried(self, number: usize, may_be_sent_again: bool) -> Tried {
        let elapsed_ms = u64::try_from(self.elapsed.as_millis()).unwrap_or(u64::MAX);
        let settling = may_be_sent_again.then_some(Settling { step: number, attempts: self.attempts, elapsed_ms, matched: self.matched });
        // Every request is sent at least once before the tries end.
        Tried { settling, ..self.last.expect("sent once") }
    }
}
