//! `fetch()` in server code: whether a fetch is cached, for how long and under which tags, what
//! it does to the route being prerendered, and the data cache that keeps what was fetched (keyed
//! by URL).
//!
//! [`decide`] follows Next.js's `patchFetch` (server/lib/patch-fetch.ts, 16.4.6 and 15.5.29),
//! and agrees with what `next start` was seen to do:
//! - no option: not cached at runtime ("auto no cache"), neither in a route rendered per
//!   request nor in a regeneration; `next build` caches it for the route's revalidate period;
//! - `cache: 'no-store'`, `next.revalidate: 0`: not cached; while prerendering they make the
//!   route dynamic;
//! - `cache: 'force-cache'`: cached for good, or for `next.revalidate` seconds;
//! - `next.revalidate: N` (or `false`, for good): cached; while prerendering, an N lower than
//!   the route's lowers the route's;
//! - conflicting options (`no-store` with a positive or `false` revalidate, `force-cache` with
//!   0) are both dropped, but a `no-store` still makes a prerendered route dynamic;
//! - the segment's `fetchCache` changes the default (`default-cache`, `default-no-store`) or
//!   forces it (`force-cache`; `force-no-store`, which leaves an explicit `force-cache` cached),
//!   or throws (`only-cache` on a `no-store` fetch, `only-no-store` on a cached one);
//!   `dynamic = 'force-dynamic'` makes a fetch without options no-store.

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

/// Where a fetch runs: the route's config and whether it is being prerendered.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct FetchScope {
    pub fetch_cache: FetchCache,
    pub force_dynamic: bool,
    pub force_static: bool,
    /// `Some(build)` while the route is prerendered: by `next build`, or regenerated.
    pub prerender: Option<bool>,
    /// While prerendering, the route's revalidate period so far (`None`: for good).
    pub route_revalidate: Option<u64>,
}

/// What Next.js does with one fetch.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FetchPlan {
    /// Fetch it, through the data cache when `store` is set: `Some(None)` for good,
    /// `Some(Some(n))` for n seconds. `lowers_route_to`: the route's new revalidate period.
    Fetch { store: Option<Option<u64>>, lowers_route_to: Option<u64> },
    /// The route being prerendered turns dynamic: the prerender stops here.
    DynamicRoute,
    /// `fetch()` throws (a `fetchCache` of `only-*` refuses the option).
    Throws(String),
}

/// What Next.js does with a fetch of `url` with `init` in `scope`.
pub fn decide(url: &str, init: &FetchInit, scope: FetchScope) -> FetchPlan {
    const FOREVER: u64 = u64::MAX;
    let page = scope.fetch_cache;
    let (mut cache, mut revalidate) = (init.cache, init.revalidate);
    let conflicting = matches!((cache, revalidate), (Some(RequestCache::ForceCache), Some(Revalidate::Zero)))
        || matches!((cache, revalidate), (Some(RequestCache::NoStore), Some(Revalidate::After(_) | Revalidate::Never)));
    if conflicting {
        (cache, revalidate) = (None, None);
    }
    let opt_out = cache == Some(RequestCache::NoStore) || matches!(page, FetchCache::ForceNoStore | FetchCache::OnlyNoStore);
    let unset = |r: Option<Revalidate>| matches!(r, None | Some(Revalidate::Zero | Revalidate::Never));
    let force_dynamic_default = page == FetchCache::Auto && cache.is_none() && unset(revalidate) && scope.force_dynamic;
    if cache == Some(RequestCache::ForceCache) && revalidate.is_none() {
        revalidate = Some(Revalidate::Never);
    } else if opt_out || force_dynamic_default {
        revalidate = Some(Revalidate::Zero);
    }
    let mut seconds = revalidate.map(|r| match r {
        Revalidate::Never => FOREVER,
        Revalidate::Zero => 0,
        Revalidate::After(n) => n,
    });
    let no_explicit_config = page == FetchCache::Auto && cache.is_none() && revalidate.is_none();
    // Outside `next build`, a fetch that chose nothing is not cached.
    let auto_no_cache = no_explicit_config && scope.prerender != Some(true);
    match page {
        FetchCache::OnlyNoStore if cache == Some(RequestCache::ForceCache) || seconds.is_some_and(|s| s > 0) => {
            return FetchPlan::Throws(format!("Error: cache: 'force-cache' used on fetch for {url} with 'export const fetchCache = 'only-no-store'"));
        }
        FetchCache::OnlyCache if cache == Some(RequestCache::NoStore) => {
            return FetchPlan::Throws(format!("Error: cache: 'no-store' used on fetch for {url} with 'export const fetchCache = 'only-cache'"));
        }
        FetchCache::ForceCache if seconds.is_none_or(|s| s == 0) => seconds = Some(FOREVER),
        _ => {}
    }
    let route = scope.route_revalidate.unwrap_or(FOREVER);
    let seconds = seconds.unwrap_or(match page {
        FetchCache::DefaultCache => FOREVER,
        FetchCache::DefaultNoStore => 0,
        _ if auto_no_cache => 0,
        _ => route,
    });
    let prerendering = scope.prerender.is_some();
    let mut lowers_route_to = None;
    if prerendering && !(scope.force_static && seconds == 0) && !auto_no_cache && seconds < route {
        if seconds == 0 {
            return FetchPlan::DynamicRoute;
        }
        let explicit = init.revalidate.filter(|_| !conflicting).map(|r| match r {
            Revalidate::Never => FOREVER,
            Revalidate::Zero => 0,
            Revalidate::After(n) => n,
        });
        if explicit == Some(seconds) {
            lowers_route_to = Some(seconds);
        }
    }
    // `cache: 'no-store'` as written (even when dropped as conflicting) stops a prerender.
    if prerendering && !scope.force_static && init.cache == Some(RequestCache::NoStore) {
        return FetchPlan::DynamicRoute;
    }
    let store = (seconds > 0).then_some((seconds != FOREVER).then_some(seconds));
    FetchPlan::Fetch { store, lowers_route_to }
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

    fn stored(plan: FetchPlan) -> Option<Option<u64>> {
        match plan {
            FetchPlan::Fetch { store, .. } => store,
            other => panic!("not fetched: {other:?}"),
        }
    }

    const REQUEST: FetchScope = FetchScope {
        fetch_cache: FetchCache::Auto,
        force_dynamic: false,
        force_static: false,
        prerender: None,
        route_revalidate: None,
    };

    #[test]
    fn per_request_fetches_are_cached_only_when_they_ask() {
        assert_eq!(stored(decide("u", &FetchInit::default(), REQUEST)), None);
        assert_eq!(stored(decide("u", &init(Some(RequestCache::ForceCache), None), REQUEST)), Some(None));
        assert_eq!(stored(decide("u", &init(None, Some(Revalidate::After(2))), REQUEST)), Some(Some(2)));
        assert_eq!(stored(decide("u", &init(None, Some(Revalidate::Never)), REQUEST)), Some(None));
        assert_eq!(stored(decide("u", &init(None, Some(Revalidate::Zero)), REQUEST)), None);
        assert_eq!(stored(decide("u", &init(Some(RequestCache::NoStore), None), REQUEST)), None);
    }

    #[test]
    fn segment_fetch_cache() {
        let with = |fetch_cache| FetchScope { fetch_cache, ..REQUEST };
        assert_eq!(stored(decide("u", &FetchInit::default(), with(FetchCache::DefaultCache))), Some(None));
        assert_eq!(stored(decide("u", &FetchInit::default(), with(FetchCache::OnlyCache))), Some(None));
        assert_eq!(stored(decide("u", &init(Some(RequestCache::NoStore), None), with(FetchCache::ForceCache))), Some(None));
        assert_eq!(stored(decide("u", &init(Some(RequestCache::ForceCache), None), with(FetchCache::ForceNoStore))), Some(None));
        assert!(matches!(decide("u", &init(Some(RequestCache::NoStore), None), with(FetchCache::OnlyCache)), FetchPlan::Throws(_)));
        assert!(matches!(decide("u", &init(Some(RequestCache::ForceCache), None), with(FetchCache::OnlyNoStore)), FetchPlan::Throws(_)));
    }

    #[test]
    fn force_dynamic_changes_only_fetches_without_options() {
        let scope = FetchScope { force_dynamic: true, ..REQUEST };
        assert_eq!(stored(decide("u", &FetchInit::default(), scope)), None);
        assert_eq!(stored(decide("u", &init(Some(RequestCache::ForceCache), None), scope)), Some(None));
        assert_eq!(stored(decide("u", &init(None, Some(Revalidate::After(60))), scope)), Some(Some(60)));
    }

    #[test]
    fn prerenders_lower_the_route_or_turn_dynamic() {
        let build = FetchScope { prerender: Some(true), route_revalidate: Some(60), ..REQUEST };
        assert_eq!(decide("u", &init(None, Some(Revalidate::After(1))), build), FetchPlan::Fetch { store: Some(Some(1)), lowers_route_to: Some(1) });
        assert_eq!(decide("u", &init(Some(RequestCache::NoStore), None), build), FetchPlan::DynamicRoute);
        assert_eq!(decide("u", &init(None, Some(Revalidate::Zero)), build), FetchPlan::DynamicRoute);
        // Conflicting options are dropped, but the no-store still counts.
        assert_eq!(decide("u", &init(Some(RequestCache::NoStore), Some(Revalidate::After(3600))), build), FetchPlan::DynamicRoute);
        // Without options: cached with the route at build, fetched again on regeneration.
        assert_eq!(decide("u", &FetchInit::default(), build), FetchPlan::Fetch { store: Some(Some(60)), lowers_route_to: None });
        let regeneration = FetchScope { prerender: Some(false), ..build };
        assert_eq!(decide("u", &FetchInit::default(), regeneration), FetchPlan::Fetch { store: None, lowers_route_to: None });
        let default_no_store = FetchScope { fetch_cache: FetchCache::DefaultNoStore, ..build };
        assert_eq!(decide("u", &FetchInit::default(), default_no_store), FetchPlan::DynamicRoute);
        let force_static = FetchScope { force_static: true, ..build };
        assert_eq!(decide("u", &init(Some(RequestCache::NoStore), None), force_static), FetchPlan::Fetch { store: None, lowers_route_to: None });
    }
}
