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

/// The implicit tag of a path, which `revalidatePath` expires (Next.js spells it `_N_T_` + path).
pub fn path_tag(path: &str) -> String {
    format!("_N_T_{path}")
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
