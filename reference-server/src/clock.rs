//! The server's time. `next start` reads the system clock wherever time shows: the cache ages
//! its entries by it, user code reads it through `Date.now()`, a cookie's `maxAge` becomes an
//! `Expires` that many seconds from it, and every answer carries it in its `Date` header. Here
//! all of these read one [`Clock`], given to the app in its [`Config`](crate::Config).
//!
//! The clock is the system clock, or a driven clock for a client that would rather not wait
//! for time to pass: it runs with the system clock, and [`Clock::advance`] moves it ahead at
//! once, after the work the server does in the background (regenerating a stale page,
//! refetching stale data) has finished, as that work would have in the time skipped.

use std::sync::Arc;
use std::sync::atomic::{AtomicU64, AtomicUsize, Ordering};
use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};
use tokio::sync::Notify;

/// The system clock (the default), or a driven one; clones share the same time.
#[derive(Clone, Default)]
pub struct Clock {
    driven: Option<Arc<Driven>>,
}

/// What a driven clock keeps: how far it is ahead of the system clock, and the background work
/// that must finish before it moves on.
#[derive(Default)]
struct Driven {
    /// In nanoseconds.
    ahead: AtomicU64,
    background: AtomicUsize,
    idle: Notify,
}

impl Clock {
    /// A clock that starts at the system clock's time and moves ahead when [`advance`](Self::advance)d.
    pub fn driven() -> Clock {
        Clock { driven: Some(Arc::default()) }
    }

    /// How far this clock is ahead of the system clock.
    fn ahead(&self) -> Duration {
        self.driven.as_ref().map_or(Duration::ZERO, |d| Duration::from_nanos(d.ahead.load(Ordering::SeqCst)))
    }

    /// Now, for measuring ages (the cache).
    pub fn now(&self) -> Instant {
        Instant::now() + self.ahead()
    }

    /// Now, as a date.
    pub fn wall(&self) -> SystemTime {
        SystemTime::now() + self.ahead()
    }

    /// `Date.now()`: milliseconds since the Unix epoch.
    pub fn date_now(&self) -> u64 {
        self.wall().duration_since(UNIX_EPOCH).map_or(0, |d| d.as_millis() as u64)
    }

    /// Now, as an HTTP date (the `Date` header).
    pub fn http_date(&self) -> String {
        httpdate::fmt_http_date(self.wall())
    }

    /// Marks work done in the background until the returned guard is dropped: a driven clock
    /// waits for it before it moves on.
    pub fn background(&self) -> Background {
        if let Some(driven) = &self.driven {
            driven.background.fetch_add(1, Ordering::SeqCst);
        }
        Background { driven: self.driven.clone() }
    }

    /// Lets `by` pass: a driven clock waits until no background work is left, then moves ahead
    /// by `by` at once; the system clock is waited for.
    pub async fn advance(&self, by: Duration) {
        let Some(driven) = &self.driven else {
            tokio::time::sleep(by).await;
            return;
        };
        loop {
            let idle = driven.idle.notified();
            tokio::pin!(idle);
            idle.as_mut().enable();
            if driven.background.load(Ordering::SeqCst) == 0 {
                break;
            }
            idle.await;
        }
        driven.ahead.fetch_add(by.as_nanos() as u64, Ordering::SeqCst);
    }
}

impl std::fmt::Debug for Clock {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self.driven {
            None => f.write_str("Clock::System"),
            Some(_) => write!(f, "Clock::Driven {{ ahead: {:?} }}", self.ahead()),
        }
    }
}

/// Background work in progress; see [`Clock::background`].
pub struct Background {
    driven: Option<Arc<Driven>>,
}

impl Drop for Background {
    fn drop(&mut self) {
        if let Some(driven) = &self.driven
            && driven.background.fetch_sub(1, Ordering::SeqCst) == 1
        {
            driven.idle.notify_waiters();
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn runtime() -> tokio::runtime::Runtime {
        tokio::runtime::Builder::new_current_thread().enable_all().build().unwrap()
    }

    #[test]
    fn a_driven_clock_moves_ahead_at_once_and_its_clones_with_it() {
        let clock = Clock::driven();
        let copy = clock.clone();
        let (before, started) = (clock.date_now(), Instant::now());
        runtime().block_on(clock.advance(Duration::from_secs(3600)));
        assert!(started.elapsed() < Duration::from_secs(60), "slept");
        assert!(copy.date_now() >= before + 3_600_000);
        assert!(copy.now() >= started + Duration::from_secs(3600));
        assert!(Clock::default().date_now() < before + 3_600_000);
    }

    #[test]
    fn a_driven_clock_waits_for_background_work_before_moving_on() {
        let clock = Clock::driven();
        let work = clock.background();
        let runtime = tokio::runtime::Builder::new_multi_thread().worker_threads(1).enable_all().build().unwrap();
        let advancing = runtime.spawn({
            let clock = clock.clone();
            async move { clock.advance(Duration::from_secs(60)).await }
        });
        std::thread::sleep(Duration::from_millis(50));
        assert!(clock.ahead().is_zero(), "moved on while work was in progress");
        drop(work);
        runtime.block_on(advancing).unwrap();
        assert_eq!(clock.ahead(), Duration::from_secs(60));
    }

    #[test]
    fn the_system_clock_is_not_moved() {
        let clock = Clock::default();
        let started = Instant::now();
        runtime().block_on(clock.advance(Duration::from_millis(30)));
        assert!(started.elapsed() >= Duration::from_millis(30));
        assert!(clock.ahead().is_zero());
    }
}
