//! The full-route cache: prerendered answers of pages and route handlers, keyed by path. The
//! build's prerenders are put in when the app loads; on-demand answers (`dynamicParams`) when
//! first made. A stale answer is served and a [`super::Job::Regenerate`] is scheduled.

use super::store::Store;
use bytes::Bytes;
use std::time::{Duration, Instant};

/// An answer as stored: status, the code's own headers and the body.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CachedAnswer {
    pub status: u16,
    pub headers: Vec<(String, String)>,
    pub body: Bytes,
    /// Made by `next build` (prerendered) rather than at runtime; see
    /// [`handler_cache_control`](super::headers::handler_cache_control).
    pub made_by_build: bool,
    /// A page's RSC payload, stored with its HTML (`None` for a route handler).
    pub flight: Option<Bytes>,
}

#[derive(Default)]
pub struct RouteCache {
    store: Store<CachedAnswer>,
}

impl RouteCache {
    /// Stores the answer for `path`, tagged with the path's implicit tag and `tags`.
    pub fn put(&self, path: &str, answer: CachedAnswer, revalidate: Option<u64>, mut tags: Vec<String>, now: Instant) {
        tags.push(super::path_tag(path));
        self.store.put(path, answer, revalidate.map(Duration::from_secs), tags, now);
    }
}

/// Reading, releasing and expiring entries are the store's own.
impl std::ops::Deref for RouteCache {
    type Target = Store<CachedAnswer>;

    fn deref(&self) -> &Self::Target {
        &self.store
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::cache::store::Lookup;

    fn answer(body: &'static str) -> CachedAnswer {
        CachedAnswer { status: 200, headers: vec![], body: Bytes::from_static(body.as_bytes()), made_by_build: false, flight: None }
    }

    #[test]
    fn revalidating_a_path_misses_its_entry_only() {
        let cache = RouteCache::default();
        let t0 = Instant::now();
        cache.put("/a", answer("a"), None, vec![], t0);
        cache.put("/b", answer("b"), None, vec![], t0);
        cache.expire_tag(&crate::cache::path_tag("/a"));
        assert_eq!(cache.get("/a", t0), Lookup::Missing);
        assert_eq!(cache.get("/b", t0), Lookup::Fresh(answer("b")));
    }

    #[test]
    fn timed_entries_go_stale_then_come_back_fresh_when_regenerated() {
        let cache = RouteCache::default();
        let t0 = Instant::now();
        cache.put("/isr", answer("old"), Some(2), vec![], t0);
        let t3 = t0 + Duration::from_secs(3);
        assert_eq!(cache.get("/isr", t3), Lookup::Stale { value: answer("old"), refresh: true });
        cache.put("/isr", answer("new"), Some(2), vec![], t3);
        assert_eq!(cache.get("/isr", t3 + Duration::from_millis(500)), Lookup::Fresh(answer("new")));
    }
}
