//! Time on a clock the harness drives, shared by the cases of a run. Since they share the
//! target, the clock is moved only while every case in progress is waiting, to the earliest
//! end of a wait: each case then sees exactly its own waits pass between its steps, as it would
//! with real time on a machine that answered at once, and no time passes under a case that is
//! sending or checking.

use super::DrivenClock;
use std::collections::BTreeMap;
use std::sync::{Arc, Mutex, MutexGuard};
use std::time::Duration;
use tokio::sync::{Notify, oneshot};

/// Time on a driven clock, shared by the cases run against one target: it moves on to the
/// earliest end of a wait once no case in progress is doing anything but waiting.
pub struct VirtualTime {
    clock: Arc<dyn DrivenClock>,
    state: Mutex<State>,
    /// Signalled when a move ends, for cases waiting to start.
    moved: Notify,
}

#[derive(Default)]
struct State {
    /// Cases in progress that are not waiting.
    running: usize,
    /// Whether the clock is being moved; no case starts meanwhile.
    moving: bool,
    /// How far the clock has been moved.
    elapsed: Duration,
    /// The waiting cases, by when their wait ends (and a number that tells equal ends apart).
    sleepers: BTreeMap<WakeAt, oneshot::Sender<()>>,
    next_sleeper: u64,
}

type WakeAt = (Duration, u64);

impl VirtualTime {
    pub(super) fn new(clock: Arc<dyn DrivenClock>) -> VirtualTime {
        VirtualTime { clock, state: Mutex::default(), moved: Notify::new() }
    }

    fn lock(&self) -> MutexGuard<'_, State> {
        self.state.lock().unwrap_or_else(|poisoned| poisoned.into_inner())
    }

    /// A case starts, once the clock is not being moved: a case's first request and the next
    /// one it sends without waiting see the same time.
    pub(super) async fn enter(self: &Arc<Self>) -> Presence {
        loop {
            let moved = self.moved.notified();
            tokio::pin!(moved);
            moved.as_mut().enable();
            {
                let mut state = self.lock();
                if !state.moving {
                    state.running += 1;
                    return Presence { time: self.clone(), asleep: None };
                }
            }
            moved.await;
        }
    }

    /// Moves the clock on if every case in progress is waiting.
    fn move_if_all_wait(self: &Arc<Self>, state: &mut State) {
        if state.running > 0 || state.moving {
            return;
        }
        let Some(&(until, _)) = state.sleepers.keys().next() else { return };
        // Outside a runtime (one shutting down) no case is left to wake.
        let Ok(runtime) = tokio::runtime::Handle::try_current() else { return };
        state.moving = true;
        let time = self.clone();
        runtime.spawn(async move { time.move_to(until).await });
    }

    /// Moves the clock on to `until` and wakes the cases whose wait ends then.
    async fn move_to(self: Arc<Self>, until: Duration) {
        let by = until.saturating_sub(self.lock().elapsed);
        self.clock.advance(by).await;
        let mut state = self.lock();
        state.elapsed = until;
        let later = state.sleepers.split_off(&(until, u64::MAX));
        for (_, wake) in std::mem::replace(&mut state.sleepers, later) {
            if wake.send(()).is_ok() {
                state.running += 1;
            }
        }
        state.moving = false;
        self.moved.notify_waiters();
        self.move_if_all_wait(&mut state);
    }
}

/// A case in progress on a [`VirtualTime`]; dropped when the case ends.
pub(super) struct Presence {
    time: Arc<VirtualTime>,
    /// While waiting: when the wait ends, and the signal that it has.
    asleep: Option<(WakeAt, oneshot::Receiver<()>)>,
}

impl Presence {
    pub(super) async fn sleep(&mut self, wait: Duration) {
        let (wake, woken) = oneshot::channel();
        {
            let mut state = self.time.lock();
            let at = (state.elapsed + wait, state.next_sleeper);
            state.next_sleeper += 1;
            state.sleepers.insert(at, wake);
            state.running -= 1;
            self.asleep = Some((at, woken));
            self.time.move_if_all_wait(&mut state);
        }
        if let Some((_, woken)) = &mut self.asleep {
            let _ = woken.await;
        }
        self.asleep = None;
    }
}

impl Drop for Presence {
    fn drop(&mut self) {
        let mut state = self.time.lock();
        // A case dropped while waiting counts as running only if it was woken.
        let woken = match &self.asleep {
            None => true,
            Some((at, _)) => state.sleepers.remove(at).is_none(),
        };
        if woken {
            state.running -= 1;
        }
        self.time.move_if_all_wait(&mut state);
    }
}

#[cfg(test)]
mod tests {
    use super::super::{Slot, Time};
    use super::*;
    use std::future::Future;
    use std::pin::Pin;
    use std::time::Instant;

    /// A clock that keeps how far it was moved.
    #[derive(Clone, Default)]
    struct Hand(Arc<Mutex<Duration>>);

    impl Hand {
        fn read(&self) -> Duration {
            *self.0.lock().unwrap()
        }
    }

    impl DrivenClock for Hand {
        fn advance(&self, by: Duration) -> Pin<Box<dyn Future<Output = ()> + Send + '_>> {
            *self.0.lock().unwrap() += by;
            Box::pin(async {})
        }
    }

    fn ms(n: u64) -> Duration {
        Duration::from_millis(n)
    }

    fn runtime() -> tokio::runtime::Runtime {
        tokio::runtime::Builder::new_multi_thread().worker_threads(2).enable_all().build().unwrap()
    }

    #[test]
    fn each_case_sees_its_own_waits_pass_and_no_one_sleeps() {
        let hand = Hand::default();
        let time = Time::driven(hand.clone());
        let started = Instant::now();
        let seen = runtime().block_on(async {
            let mut cases = tokio::task::JoinSet::new();
            // All three are in progress before any waits, so the clock moves only as far as
            // the longest case waits in all: 10 minutes, which no one sleeps.
            for waits in [vec![250_000, 30_000, 200_000, 120_000], vec![20, 20], vec![120_000, 130_000, 2_000]] {
                let (mut case, hand) = (time.start(Slot::unlimited()).await, hand.clone());
                cases.spawn(async move {
                    let mut seen = Vec::new();
                    for wait in waits {
                        let before = hand.read();
                        case.wait(ms(wait)).await;
                        seen.push((ms(wait), hand.read() - before));
                    }
                    seen
                });
            }
            cases.join_all().await
        });
        assert!(started.elapsed() < Duration::from_secs(60), "slept: {:?}", started.elapsed());
        for (wait, passed) in seen.into_iter().flatten() {
            assert_eq!(passed, wait);
        }
        assert_eq!(hand.read(), ms(600_000));
    }

    #[test]
    fn time_stands_still_while_a_case_is_not_waiting() {
        let hand = Hand::default();
        let time = Time::driven(hand.clone());
        runtime().block_on(async {
            let busy = time.start(Slot::unlimited()).await;
            let sleeper = tokio::spawn({
                let time = time.clone();
                async move { time.start(Slot::unlimited()).await.wait(ms(1000)).await }
            });
            tokio::time::sleep(ms(50)).await;
            assert_eq!(hand.read(), Duration::ZERO, "moved while a case was busy");
            drop(busy);
            sleeper.await.unwrap();
            assert_eq!(hand.read(), ms(1000));
        });
    }
}
