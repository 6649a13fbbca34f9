//! The cache of `next start`: what it stores, for how long, and what it says about it.
//!
//! - [`segment`]: the route segment config a route file exports (`dynamic`, `revalidate`,
//!   `dynamicParams`, `fetchCache`), read from its source.
//! - [`policy`]: whether a route is prerendered and cached or rendered per request, from its
//!   config, its methods and whether its code reads request data.
//! - [`headers`]: the `Cache-Control` and `x-nextjs-cache` a cached answer goes out with.
//! - [`store`]: a keyed store of timed entries (fresh, stale, missing) with tags, used by both
//!   caches below.
//! - [`route_cache`]: the full-route cache (prerendered and on-demand answers, keyed by path);
//!   a stale entry is served once and regenerated in the background.
//! - [`fetch`]: how `fetch()` options and `fetchCache` decide whether a fetch is cached, and
//!   the data cache that holds fetched answers.
//! - [`jobs`]: background work (regeneration, refetch) run after an answer has gone out.
//! - [`life`]: the cache profiles of `cacheLife`; [`functions`]: the cache of 'use cache'
//!   functions (apps with `cacheComponents`).
//!
//! Tags: every entry carries the tags its code gave (`next.tags`) and the implicit tag of its
//! path, so `revalidateTag` and `revalidatePath` both come down to expiring tagged entries.

pub mod fetch;
pub mod functions;
pub mod headers;
pub mod jobs;
pub mod life;
pub mod policy;
pub mod route_cache;
pub mod segment;
pub mod store;

pub use fetch::{DataCache, FetchInit, RequestCache};
pub use jobs::{Job, Jobs};
pub use route_cache::{CachedAnswer, RouteCache};

use std::time::Instant;

/// The most characters a tag may have; a longer one is dropped.
const TAG_MAX_LENGTH: usize = 256;
/// The most tags one `cacheTag()` call or fetch may give.
const TAG_MAX_ITEMS: usize = 128;

/// The tags of one `cacheTag()` call or one fetch's `next.tags` that count, as Next.js's
/// `validateTags` keeps them: a tag longer than 256 characters is dropped, and the list ends
/// once it holds more than 128 tags, with the tag that went past (seen on `next start`
/// 16.4.6 and 15.5.29: the 129th valid tag still revalidates, the 130th does not).
pub fn validate_tags<T: AsRef<str>>(tags: &[T]) -> Vec<String> {
    let mut valid = Vec::new();
    for tag in tags.iter().map(AsRef::as_ref) {
        if tag.chars().count() <= TAG_MAX_LENGTH {
            valid.push(tag.to_owned());
        }
        if valid.len() > TAG_MAX_ITEMS {
            break;
        }
    }
    valid
}

/// The implicit tag of a path, which `revalidatePath` expires (Next.js spells it `_N_T_` + path).
pub fn path_tag(path: &str) -> String {
    format!("_N_T_{path}")
}

#[cfg(test)]
mod tag_tests {
    #[test]
    fn long_tags_are_dropped_and_the_list_ends_past_128() {
        let mut tags = vec!["x".repeat(257)];
        tags.extend((1..=130).map(|i| format!("t{i}")));
        let valid = super::validate_tags(&tags);
        assert_eq!((valid.len(), valid.first().map(String::as_str), valid.last().map(String::as_str)), (129, Some("t1"), Some("t129")));
    }
}

/// Both caches and the background work they schedule; one per app.
#[derive(Default)]
pub struct Cache {
    pub routes: RouteCache,
    pub data: DataCache,
    pub functions: functions::FunctionCache,
    pub jobs: Jobs,
}

impl Cache {
    /// `revalidateTag(tag)`: entries carrying the tag are expired in both caches, so the next
    /// read makes them anew.
    pub fn revalidate_tag(&self, tag: &str, now: Instant) {
        self.routes.expire_tag(tag);
        self.data.expire_tag(tag);
        self.functions.revalidate_tag(tag, 0, now);
    }

    /// `revalidateTag(tag, profile)`, `expire` being the profile's: with 0, as `revalidateTag(tag)`;
    /// else what carries the tag is served stale once more while it is made anew.
    pub fn revalidate_tag_with(&self, tag: &str, expire: u64, now: Instant) {
        if expire == 0 {
            self.revalidate_tag(tag, now);
        } else {
            self.routes.mark_stale(tag);
            self.data.mark_stale(tag);
        }
        self.functions.revalidate_tag(tag, expire, now);
    }

    /// `revalidatePath(path)`: the path's entry and what was fetched while making it.
    pub fn revalidate_path(&self, path: &str, now: Instant) {
        self.revalidate_tag(&path_tag(path), now);
    }
}
