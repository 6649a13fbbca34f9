//! A keyed store of timed entries, the common part of the route cache and the data cache.
//!
//! An entry is fresh until its revalidate period has passed, then stale: a stale read still
//! gets the value, and the first one is told to refresh it (later ones are not, until the
//! refreshed value is put back). An entry whose tag was revalidated is expired: reads miss it,
//! so the next one makes the value anew before answering. Times are passed in, so the rules can
//! be tested without waiting.

use std::collections::HashMap;
use std::sync::Mutex;
use std::time::{Duration, Instant};

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Lookup<V> {
    Fresh(V),
    /// Served as it is; `refresh` is true for the one read that should regenerate it.
    Stale { value: V, refresh: bool },
    Missing,
}

struct Entry<V> {
    value: V,
    made: Instant,
    /// `None`: fresh for good.
    revalidate: Option<Duration>,
    tags: Vec<String>,
    expired: bool,
    /// Its tag was revalidated with a profile: stale whatever its age.
    tag_stale: bool,
    refreshing: bool,
}

pub struct Store<V> {
    entries: Mutex<HashMap<String, Entry<V>>>,
}

impl<V> Default for Store<V> {
    fn default() -> Self {
        Store { entries: Mutex::new(HashMap::new()) }
    }
}

impl<V: Clone> Store<V> {
    fn lock(&self) -> std::sync::MutexGuard<'_, HashMap<String, Entry<V>>> {
        self.entries.lock().unwrap_or_else(|poisoned| poisoned.into_inner())
    }

    pub fn get(&self, key: &str, now: Instant) -> Lookup<V> {
        self.read(key, None, now)
    }

    /// Reads `key` as a reader with its own revalidate `period` does: the entry is stale once
    /// older than that period, whatever the period it was stored with (Next.js's data cache
    /// judges an entry by the revalidate of the fetch reading it).
    pub fn get_within(&self, key: &str, period: Option<Duration>, now: Instant) -> Lookup<V> {
        self.read(key, Some(period), now)
    }

    fn read(&self, key: &str, period: Option<Option<Duration>>, now: Instant) -> Lookup<V> {
        let mut entries = self.lock();
        let Some(entry) = entries.get_mut(key).filter(|e| !e.expired) else { return Lookup::Missing };
        let period = period.unwrap_or(entry.revalidate);
        let timed_out = period.is_some_and(|period| now.saturating_duration_since(entry.made) > period);
        if timed_out || entry.tag_stale {
            let refresh = !entry.refreshing;
            entry.refreshing = true;
            Lookup::Stale { value: entry.value.clone(), refresh }
        } else {
            Lookup::Fresh(entry.value.clone())
        }
    }

    /// Stores `value` made at `now`, replacing any entry (and ending its refresh).
    pub fn put(&self, key: &str, value: V, revalidate: Option<Duration>, tags: Vec<String>, now: Instant) {
        let entry = Entry { value, made: now, revalidate, tags, expired: false, tag_stale: false, refreshing: false };
        self.lock().insert(key.to_owned(), entry);
    }

    /// A refresh that failed: the next stale read tries again.
    pub fn release(&self, key: &str) {
        if let Some(entry) = self.lock().get_mut(key) {
            entry.refreshing = false;
        }
    }

    /// Makes every entry carrying `tag` stale: served once more, then made anew.
    pub fn mark_stale(&self, tag: &str) {
        for entry in self.lock().values_mut().filter(|e| e.tags.iter().any(|t| t == tag)) {
            entry.tag_stale = true;
        }
    }

    /// Expires every entry carrying `tag`.
    pub fn expire_tag(&self, tag: &str) {
        for entry in self.lock().values_mut().filter(|e| e.tags.iter().any(|t| t == tag)) {
            entry.expired = true;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const TWO: Option<Duration> = Some(Duration::from_secs(2));

    #[test]
    fn missing_then_fresh_within_the_period() {
        let store = Store::default();
        let t0 = Instant::now();
        assert_eq!(store.get("/a", t0), Lookup::Missing);
        store.put("/a", 1, TWO, vec![], t0);
        assert_eq!(store.get("/a", t0 + Duration::from_millis(1999)), Lookup::Fresh(1));
    }

    #[test]
    fn stale_after_the_period_and_only_one_read_refreshes() {
        let store = Store::default();
        let t0 = Instant::now();
        store.put("/a", 1, TWO, vec![], t0);
        let later = t0 + Duration::from_millis(2500);
        assert_eq!(store.get("/a", later), Lookup::Stale { value: 1, refresh: true });
        assert_eq!(store.get("/a", later), Lookup::Stale { value: 1, refresh: false });
        store.put("/a", 2, TWO, vec![], later);
        assert_eq!(store.get("/a", later), Lookup::Fresh(2));
    }

    #[test]
    fn a_failed_refresh_lets_the_next_stale_read_try_again() {
        let store = Store::default();
        let t0 = Instant::now();
        store.put("/a", 1, TWO, vec![], t0);
        let later = t0 + Duration::from_secs(3);
        assert!(matches!(store.get("/a", later), Lookup::Stale { refresh: true, .. }));
        store.release("/a");
        assert!(matches!(store.get("/a", later), Lookup::Stale { refresh: true, .. }));
    }

    #[test]
    fn a_reader_judges_an_entry_by_its_own_period() {
        let store = Store::default();
        let t0 = Instant::now();
        store.put("/a", 1, Some(Duration::from_secs(60)), vec![], t0);
        let later = t0 + Duration::from_millis(1500);
        assert_eq!(store.get_within("/a", Some(Duration::from_secs(60)), later), Lookup::Fresh(1));
        assert_eq!(store.get_within("/a", Some(Duration::from_secs(1)), later), Lookup::Stale { value: 1, refresh: true });
    }

    #[test]
    fn entries_marked_stale_by_tag_are_served_once_then_replaced() {
        let store = Store::default();
        let t0 = Instant::now();
        store.put("/a", 1, None, vec!["t".into()], t0);
        store.mark_stale("t");
        assert_eq!(store.get("/a", t0), Lookup::Stale { value: 1, refresh: true });
        assert_eq!(store.get("/a", t0), Lookup::Stale { value: 1, refresh: false });
        store.put("/a", 2, None, vec!["t".into()], t0);
        assert_eq!(store.get("/a", t0), Lookup::Fresh(2));
    }

    #[test]
    fn entries_without_a_period_stay_fresh() {
        let store = Store::default();
        let t0 = Instant::now();
        store.put("/a", 1, None, vec![], t0);
        assert_eq!(store.get("/a", t0 + Duration::from_secs(86_400 * 400)), Lookup::Fresh(1));
    }

    #[test]
    fn expiring_a_tag_misses_only_the_entries_carrying_it() {
        let store = Store::default();
        let t0 = Instant::now();
        store.put("/a", 1, None, vec!["posts".into(), "_N_T_/a".into()], t0);
        store.put("/b", 2, None, vec!["_N_T_/b".into()], t0);
        store.expire_tag("posts");
        assert_eq!(store.get("/a", t0), Lookup::Missing);
        assert_eq!(store.get("/b", t0), Lookup::Fresh(2));
        store.expire_tag("_N_T_/b");
        assert_eq!(store.get("/b", t0), Lookup::Missing);
        store.put("/a", 3, None, vec!["posts".into()], t0);
        assert_eq!(store.get("/a", t0), Lookup::Fresh(3));
    }
}
