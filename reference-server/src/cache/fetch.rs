//! `fetch()` in server code: whether a fetch is cached, for how long and under which tags, and
//! the data cache that keeps what was fetched (keyed by URL).
//!
//! Seen on `next start` 16.4.6 and 15.5.29 from a route handler rendered per request:
//! - no option: not cached ("auto no cache"), unless `fetchCache` makes caching the default;
//! - `cache: 'no-store'` or `next.revalidate: 0`: not cached;
//! - `cache: 'force-cache'`: cached for good, or for `next.revalidate` seconds;
//! - `next.revalidate: N`: cached N seconds, then served stale once and refetched in the
//!   background;
//! - `fetchCache = 'force-no-store'` did not stop a `cache: 'force-cache'` fetch from being
//!   cached, although the docs say it does; it only changes the default.

use super::segment::{FetchCache, Revalidate};
use super::store::Store;
use std::time::{Duration, Instant};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RequestCache {
    ForceCache,
    NoStore,
}

/// The options of one `fetch(url, init)` call that Next.js reads.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct FetchInit {
    pub cache: Option<RequestCache>,
    /// `next.revalidate`.
    pub revalidate: Option<Revalidate>,
    /// `next.tags`.
    pub tags: Vec<String>,
}

/// Whether the fetch is cached and for how long: `None` not cached, `Some(None)` for good,
/// `Some(Some(n))` for n seconds.
pub fn caching(init: &FetchInit, segment: FetchCache) -> Option<Option<u64>> {
    let seconds = match init.revalidate {
        Some(Revalidate::After(n)) => Some(n),
        _ => None,
    };
    if init.cache == Some(RequestCache::NoStore) || init.revalidate == Some(Revalidate::Zero) {
        return None;
    }
    if init.cache == Some(RequestCache::ForceCache) || init.revalidate.is_some() {
        return Some(seconds);
    }
    match segment {
        FetchCache::DefaultCache | FetchCache::OnlyCache | FetchCache::ForceCache => Some(None),
        _ => None,
    }
}

/// A fetched answer as the data cache keeps it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Fetched {
    pub status: u16,
    pub body: bytes::Bytes,
}

#[derive(Default)]
pub struct DataCache {
    store: Store<Fetched>,
}

impl DataCache {
    pub fn put(&self, url: &str, fetched: Fetched, revalidate: Option<u64>, tags: Vec<String>, now: Instant) {
        self.store.put(url, fetched, revalidate.map(Duration::from_secs), tags, now);
    }
}

/// Reading, releasing and expiring entries are the store's own.
impl std::ops::Deref for DataCache {
    type Target = Store<Fetched>;

    fn deref(&self) -> &Self::Target {
        &self.store
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn init(cache: Option<RequestCache>, revalidate: Option<Revalidate>) -> FetchInit {
        FetchInit { cache, revalidate, tags: vec![] }
    }

    #[test]
    fn no_option_is_not_cached_unless_the_segment_defaults_to_caching() {
        assert_eq!(caching(&FetchInit::default(), FetchCache::Auto), None);
        assert_eq!(caching(&FetchInit::default(), FetchCache::DefaultCache), Some(None));
        assert_eq!(caching(&FetchInit::default(), FetchCache::ForceNoStore), None);
    }

    #[test]
    fn explicit_options() {
        assert_eq!(caching(&init(Some(RequestCache::ForceCache), None), FetchCache::Auto), Some(None));
        assert_eq!(caching(&init(Some(RequestCache::NoStore), None), FetchCache::DefaultCache), None);
        assert_eq!(caching(&init(None, Some(Revalidate::After(2))), FetchCache::Auto), Some(Some(2)));
        assert_eq!(caching(&init(None, Some(Revalidate::Zero)), FetchCache::Auto), None);
        assert_eq!(caching(&init(Some(RequestCache::ForceCache), Some(Revalidate::After(5))), FetchCache::Auto), Some(Some(5)));
    }

    #[test]
    fn force_cache_survives_force_no_store_as_observed() {
        assert_eq!(caching(&init(Some(RequestCache::ForceCache), None), FetchCache::ForceNoStore), Some(None));
    }
}
