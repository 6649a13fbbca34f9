//! How a case waits before a step (`wait_ms`), and what it holds meanwhile.
//!
//! Against a target on the system clock the case sleeps. A target may instead expose a clock
//! the harness drives ([`DrivenClock`]; the embedded reference server does): then the wait
//! moves that clock on, with no sleep, through [`VirtualTime`].
//!
//! Either way a waiting case gives its `--jobs` [`Slot`] back and takes one again before its
//! next step, so waiting cases do not keep others from running.

mod slots;
mod virtual_time;

pub use slots::Slots;
pub use virtual_time::VirtualTime;

use spec::Step;
use std::future::Future;
use std::pin::Pin;
use std::sync::Arc;
use std::time::{Duration, Instant};
use slots::{Asking, Held};
use virtual_time::Presence;

/// A target's clock that the harness moves on itself.
pub trait DrivenClock: Send + Sync {
    /// Lets `by` pass on the target; completes once the target has done what it would have done
    /// in that time (background work started before).
    fn advance(&self, by: Duration) -> Pin<Box<dyn Future<Output = ()> + Send + '_>>;
}

/// The time a target keeps: the system clock's, or a clock the harness drives.
#[derive(Clone, Default)]
pub enum Time {
    #[default]
    Real,
    Driven(Arc<VirtualTime>),
}

impl Time {
    /// Time on `clock`, moved on by the cases' waits.
    pub fn driven(clock: impl DrivenClock + 'static) -> Time {
        Time::Driven(Arc::new(VirtualTime::new(Arc::new(clock))))
    }

    /// The waits of one case that holds `slot`: from now until it is dropped the case is in
    /// progress, and time moves on only while it waits.
    pub async fn start(&self, slot: Slot) -> Waits {
        let presence = match self {
            Time::Real => None,
            Time::Driven(time) => Some(time.enter().await),
        };
        Waits { slot, presence, skipped: Duration::ZERO }
    }
}

impl std::fmt::Debug for Time {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self {
            Time::Real => "Time::Real",
            Time::Driven(_) => "Time::Driven",
        })
    }
}

/// A case's share of `--jobs`: one of the run's [`Slots`], held while it sends and checks and
/// given back while it waits.
pub struct Slot {
    slots: Option<Arc<Slots>>,
    held: Option<Held>,
}

impl Slot {
    /// No limit: a case run on its own.
    pub fn unlimited() -> Slot {
        Slot { slots: None, held: None }
    }

    /// Takes one of `slots` for a case about to start, waiting for it.
    pub async fn take(slots: &Arc<Slots>) -> Slot {
        let held = slots.take(Asking::Starting).await;
        Slot { slots: Some(slots.clone()), held: Some(held) }
    }

    fn give_back(&mut self) {
        self.held = None;
    }

    async fn take_again(&mut self) {
        if let Some(slots) = &self.slots {
            self.held = Some(slots.take(Asking::Returning).await);
        }
    }
}

/// The waits of one case in progress; see [`Time::start`].
pub struct Waits {
    slot: Slot,
    presence: Option<Presence>,
    /// How far the case's waits moved a driven clock on: time that passed for the target and
    /// not on the system clock.
    skipped: Duration,
}

impl Waits {
    /// Waits as long as `step` says before its request is sent, giving the case's slot back
    /// meanwhile.
    pub async fn before(&mut self, step: &Step) {
        self.wait(Duration::from_millis(step.wait_ms)).await;
    }

    /// Lets `wait` pass for the target, giving the case's slot back meanwhile.
    pub async fn wait(&mut self, wait: Duration) {
        if wait.is_zero() {
            return;
        }
        self.slot.give_back();
        match &mut self.presence {
            None => tokio::time::sleep(wait).await,
            Some(presence) => {
                presence.sleep(wait).await;
                self.skipped += wait;
            }
        }
        self.slot.take_again().await;
    }

    /// Now, to measure later how much time passed for the target (see [`Mark::elapsed`]).
    pub fn mark(waits: Option<&Waits>) -> Mark {
        Mark { at: Instant::now(), skipped: waits.map_or(Duration::ZERO, |w| w.skipped) }
    }
}

/// A moment of a case, on the system clock and on the driven one.
#[derive(Debug, Clone, Copy)]
pub struct Mark {
    at: Instant,
    skipped: Duration,
}

impl Mark {
    /// The time that passed since for the target: what passed on the system clock, and what
    /// `waits` (the same case's, or none) moved a driven clock on meanwhile.
    pub fn elapsed(&self, waits: Option<&Waits>) -> Duration {
        self.at.elapsed() + waits.map_or(Duration::ZERO, |w| w.skipped.saturating_sub(self.skipped))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn runtime() -> tokio::runtime::Runtime {
        tokio::runtime::Builder::new_multi_thread().worker_threads(2).enable_all().build().unwrap()
    }

    #[test]
    fn a_waiting_case_gives_its_slot_back() {
        let slots = Slots::new(1);
        runtime().block_on(async {
            let mut case = Time::Real.start(Slot::take(&slots).await).await;
            let waiting = tokio::spawn(async move { case.wait(Duration::from_secs(600)).await });
            let taken = tokio::time::timeout(Duration::from_secs(60), Slot::take(&slots)).await;
            assert!(taken.is_ok(), "the slot is held while waiting");
            waiting.abort();
        });
    }
}
