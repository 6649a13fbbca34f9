//! `--rate N`: at most N requests a second to a target, however many cases run at once, so a
//! platform's firewall does not take the run for an attack. Each request takes the next free
//! slot, `1/N` seconds after the one before, and waits for it.

use std::time::Duration;
use tokio::sync::Mutex;
use tokio::time::Instant;

#[derive(Debug)]
pub struct Pacer {
    interval: Duration,
    next_slot: Mutex<Option<Instant>>,
}

impl Pacer {
    /// A pacer for `per_second` requests a second (positive and finite).
    pub fn new(per_second: f64) -> Pacer {
        Pacer { interval: Duration::from_secs_f64(1.0 / per_second), next_slot: Mutex::new(None) }
    }

    /// Waits until the next request may be sent.
    pub async fn wait(&self) {
        let slot = {
            let mut next = self.next_slot.lock().await;
            let now = Instant::now();
            let slot = next.map_or(now, |n| n.max(now));
            *next = Some(slot + self.interval);
            slot
        };
        tokio::time::sleep_until(slot).await;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test(start_paused = true)]
    async fn requests_are_spaced_by_the_interval_even_when_asked_at_once() {
        let pacer = std::sync::Arc::new(Pacer::new(4.0));
        let start = Instant::now();
        let waits: Vec<_> = (0..5)
            .map(|_| {
                let pacer = pacer.clone();
                tokio::spawn(async move {
                    pacer.wait().await;
                    Instant::now()
                })
            })
            .collect();
        let mut times = Vec::new();
        for wait in waits {
            times.push(wait.await.unwrap() - start);
        }
        times.sort();
        let expected: Vec<Duration> = (0..5).map(|i| Duration::from_millis(250 * i)).collect();
        assert_eq!(times, expected);
    }
}
