//! The `--jobs` slots of a run. A case holds one while it sends and checks, and gives it back
//! while it waits. A case coming back from a wait gets the next free slot before any case that
//! has not started yet: otherwise its wait, which a timed case measures against the target's
//! cache, would be stretched by every case queued behind it.

use std::collections::VecDeque;
use std::sync::{Arc, Mutex, MutexGuard};
use tokio::sync::oneshot;

/// A number of slots and the cases waiting for one.
pub struct Slots {
    state: Mutex<State>,
}

struct State {
    free: usize,
    /// Cases back from a wait, served first.
    returning: VecDeque<oneshot::Sender<Held>>,
    /// Cases that have not started.
    starting: VecDeque<oneshot::Sender<Held>>,
}

/// Who asks for a slot.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Asking {
    /// A case that has not started.
    Starting,
    /// A case back from a wait.
    Returning,
}

impl Slots {
    /// `jobs` slots (at least one).
    pub fn new(jobs: usize) -> Arc<Slots> {
        let state = State { free: jobs.max(1), returning: VecDeque::new(), starting: VecDeque::new() };
        Arc::new(Slots { state: Mutex::new(state) })
    }

    fn lock(&self) -> MutexGuard<'_, State> {
        self.state.lock().unwrap_or_else(|poisoned| poisoned.into_inner())
    }

    /// A slot, once one is free and no case before this one in its queue waits for it.
    pub async fn take(self: &Arc<Self>, asking: Asking) -> Held {
        let handed = {
            let mut state = self.lock();
            if state.free > 0 && (asking == Asking::Returning || state.returning.is_empty()) {
                state.free -= 1;
                return Held { slots: self.clone() };
            }
            let (hand, handed) = oneshot::channel();
            match asking {
                Asking::Returning => state.returning.push_back(hand),
                Asking::Starting => state.starting.push_back(hand),
            }
            handed
        };
        // A slot handed to a case that no longer waits is given back when the channel drops.
        handed.await.expect("a queued case is handed a slot, never forgotten")
    }

    /// A slot given back: to the first case back from a wait, else to the first one starting.
    fn give_back(self: &Arc<Self>) {
        let next = {
            let mut state = self.lock();
            match state.returning.pop_front().or_else(|| state.starting.pop_front()) {
                Some(hand) => hand,
                None => {
                    state.free += 1;
                    return;
                }
            }
        };
        // A case that no longer waits drops the slot it is handed, which gives it back again.
        let _ = next.send(Held { slots: self.clone() });
    }
}

/// One slot, given back when dropped.
pub struct Held {
    slots: Arc<Slots>,
}

impl Drop for Held {
    fn drop(&mut self) {
        self.slots.give_back();
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::time::Duration;

    fn queued(slots: &Slots) -> usize {
        let state = slots.lock();
        state.returning.len() + state.starting.len()
    }

    #[test]
    fn a_case_back_from_a_wait_goes_before_the_cases_not_started() {
        let runtime = tokio::runtime::Builder::new_multi_thread().worker_threads(2).enable_all().build().unwrap();
        runtime.block_on(async {
            let slots = Slots::new(1);
            let held = slots.take(Asking::Starting).await;
            let order = Arc::new(Mutex::new(Vec::new()));
            let mut waiting = Vec::new();
            for (name, asking) in [("new 1", Asking::Starting), ("back", Asking::Returning), ("new 2", Asking::Starting)] {
                let (queue, order) = (slots.clone(), order.clone());
                waiting.push(tokio::spawn(async move {
                    let _held = queue.take(asking).await;
                    order.lock().unwrap().push(name);
                }));
                // Queued in this order.
                while queued(&slots) < waiting.len() {
                    tokio::time::sleep(Duration::from_millis(1)).await;
                }
            }
            drop(held);
            for task in waiting {
                task.await.unwrap();
            }
            assert_eq!(*order.lock().unwrap(), ["back", "new 1", "new 2"]);
            assert_eq!(slots.lock().free, 1);
        });
    }

    #[test]
    fn a_slot_handed_to_a_case_gone_is_passed_on() {
        let runtime = tokio::runtime::Builder::new_current_thread().enable_all().build().unwrap();
        runtime.block_on(async {
            let slots = Slots::new(1);
            let held = slots.take(Asking::Starting).await;
            let gone = tokio::spawn({
                let slots = slots.clone();
                async move { slots.take(Asking::Starting).await }
            });
            tokio::task::yield_now().await;
            gone.abort();
            let _ = gone.await;
            drop(held);
            assert_eq!(slots.lock().free, 1);
            drop(slots.take(Asking::Returning).await);
            assert_eq!(slots.lock().free, 1);
        });
    }
}
