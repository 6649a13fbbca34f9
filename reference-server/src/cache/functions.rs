//! The cache of 'use cache' functions: each call's result, keyed by the function and its
//! arguments, kept for its [`CacheLife`] under the tags `cacheTag` gave it.
//!
//! Seen on `next start` 16.4.6, for a function called while a request is answered (a route
//! handler rendered per request):
//! - a call within the profile's `revalidate` period gets the stored result;
//! - a call after it gets a result made anew for it (not the stored one, then regenerated);
//! - after `revalidateTag(tag, 'max')` the next call still gets the stored result and the one
//!   after a new one, made when that stale result was served; after
//!   `revalidateTag(tag, { expire: 0 })` the next call gets a new one.

use super::life::{CacheLife, Profile};
use super::validate_tags;
use serde_json::Value;
use std::collections::HashMap;
use std::sync::Mutex;
use std::time::{Duration, Instant};

/// What a call finds.
#[derive(Debug, Clone, PartialEq)]
pub enum Read {
    Hit(Stored),
    /// Its tag was revalidated with a profile: served once more while a new result is made.
    Stale(Stored),
    Miss,
}

/// A stored result and the `cacheLife` profiles its code named.
#[derive(Debug, Clone, PartialEq)]
pub struct Stored {
    pub value: Value,
    pub profiles: Vec<Profile>,
}

struct Entry {
    stored: Stored,
    made: Instant,
    life: CacheLife,
    tags: Vec<String>,
    /// Set by `revalidateTag(tag, profile)`: stale until then, expired after.
    stale_until: Option<Instant>,
}

#[derive(Default)]
pub struct FunctionCache {
    entries: Mutex<HashMap<String, Entry>>,
}

impl FunctionCache {
    fn lock(&self) -> std::sync::MutexGuard<'_, HashMap<String, Entry>> {
        self.entries.lock().unwrap_or_else(|poisoned| poisoned.into_inner())
    }

    pub fn read(&self, key: &str, now: Instant) -> Read {
        let entries = self.lock();
        let Some(entry) = entries.get(key) else { return Read::Miss };
        let age = now.saturating_duration_since(entry.made);
        if age > Duration::from_secs(entry.life.revalidate) || age > Duration::from_secs(entry.life.expire) {
            return Read::Miss;
        }
        match entry.stale_until {
            Some(until) if now > until => Read::Miss,
            Some(_) => Read::Stale(entry.stored.clone()),
            None => Read::Hit(entry.stored.clone()),
        }
    }

    pub fn put(&self, key: &str, stored: Stored, life: CacheLife, tags: Vec<String>, now: Instant) {
        self.lock().insert(key.to_owned(), Entry { stored, made: now, life, tags, stale_until: None });
    }

    /// `revalidateTag(tag, profile)`: entries carrying the tag stay usable, stale, for
    /// `expire` seconds (0: they are gone at once).
    pub fn revalidate_tag(&self, tag: &str, expire: u64, now: Instant) {
        let mut entries = self.lock();
        if expire == 0 {
            entries.retain(|_, e| !e.tags.iter().any(|t| t == tag));
            return;
        }
        for entry in entries.values_mut().filter(|e| e.tags.iter().any(|t| t == tag)) {
            let until = now + Duration::from_secs(expire);
            entry.stale_until = Some(entry.stale_until.map_or(until, |u| u.min(until)));
        }
    }
}

/// What the code of one 'use cache' function called: `cacheLife` and `cacheTag`.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct CacheScope {
    /// The profiles given to `cacheLife`; none means `default`.
    pub profiles: Vec<Profile>,
    pub tags: Vec<String>,
}

impl CacheScope {
    /// `cacheLife(name)`.
    pub fn cache_life(&mut self, profile: &str) {
        self.profiles.push(Profile::Named(profile.to_owned()));
    }

    /// `cacheLife({ stale, revalidate, expire })`.
    pub fn cache_life_inline(&mut self, life: CacheLife) {
        self.profiles.push(Profile::Inline(life));
    }

    /// `cacheTag(...tags)`: the tags one call gives are checked as Next.js does
    /// ([`validate_tags`]); a tag given again changes nothing.
    pub fn cache_tag<T: AsRef<str>>(&mut self, tags: &[T]) {
        for tag in validate_tags(tags) {
            if !self.tags.contains(&tag) {
                self.tags.push(tag);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    const BRIEF: CacheLife = CacheLife { stale: 1, revalidate: 2, expire: 4 };

    fn stored(value: Value) -> Stored {
        Stored { value, profiles: vec![] }
    }

    #[test]
    fn hit_within_revalidate_then_miss() {
        let cache = FunctionCache::default();
        let t0 = Instant::now();
        assert_eq!(cache.read("f", t0), Read::Miss);
        cache.put("f", stored(json!(1)), BRIEF, vec![], t0);
        assert_eq!(cache.read("f", t0 + Duration::from_millis(1500)), Read::Hit(stored(json!(1))));
        assert_eq!(cache.read("f", t0 + Duration::from_millis(2500)), Read::Miss);
    }

    #[test]
    fn tags_revalidated_with_a_profile_are_stale_then_expire() {
        let cache = FunctionCache::default();
        let t0 = Instant::now();
        cache.put("a", stored(json!(1)), CacheLife::DEFAULT, vec!["t".into()], t0);
        cache.put("b", stored(json!(2)), CacheLife::DEFAULT, vec!["u".into()], t0);
        cache.revalidate_tag("t", 60, t0);
        assert_eq!(cache.read("a", t0), Read::Stale(stored(json!(1))));
        assert_eq!(cache.read("a", t0 + Duration::from_secs(61)), Read::Miss);
        assert_eq!(cache.read("b", t0), Read::Hit(stored(json!(2))));
        cache.revalidate_tag("u", 0, t0);
        assert_eq!(cache.read("b", t0), Read::Miss);
    }
}
