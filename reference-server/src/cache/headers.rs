//! The headers a cached answer goes out with, as `next start` 16.4.6 and 15.5.29 send them.

/// `Cache-Control` of answers that must not be stored: made per request, or refused.
pub const NO_STORE: &str = "private, no-cache, no-store, max-age=0, must-revalidate";

/// The `x-nextjs-stale-time` of a prerendered page: `staleTimes.static`, 5 minutes by default
/// (for a 'use cache' page, its profile's `stale`).
pub const STALE_TIME: u64 = 300;

/// How long Next.js keeps an entry at most (`expireTime`, one year by default), in seconds.
pub const EXPIRE: u64 = 31_536_000;

/// `Cache-Control` of a prerendered answer: `s-maxage=31536000` when cached for good, else
/// `s-maxage=N, stale-while-revalidate=<one year minus N>`.
pub fn cache_control(revalidate: Option<u64>) -> String {
    cache_control_until(revalidate, EXPIRE)
}

/// `Cache-Control` of a prerendered answer that expires after `expire` seconds (a 'use cache'
/// page's profile): the stale-while-revalidate part lasts until then. Seen on `next start`
/// 16.4.6: `s-maxage=2, stale-while-revalidate=598` for `{ revalidate: 2, expire: 600 }`.
pub fn cache_control_until(revalidate: Option<u64>, expire: u64) -> String {
    match revalidate {
        None => format!("s-maxage={EXPIRE}"),
        Some(seconds) => format!("s-maxage={seconds}, stale-while-revalidate={}", expire.saturating_sub(seconds)),
    }
}

/// `Cache-Control` of a cached route handler answer. Before Next.js 16.3, an answer regenerated
/// at runtime (not by `next build`) loses the stale-while-revalidate part: `s-maxage=N` alone.
pub fn handler_cache_control(revalidate: Option<u64>, made_by_build: bool, next: &semver::Version) -> String {
    match revalidate {
        Some(seconds) if !crate::releases::regenerated_handlers_keep_stale_while_revalidate(next) && !made_by_build => {
            format!("s-maxage={seconds}")
        }
        other => cache_control(other),
    }
}

/// What `x-nextjs-cache` says about a cached answer.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CacheState {
    /// Fresh from the cache.
    Hit,
    /// From the cache after its revalidate period; regeneration has been started.
    Stale,
    /// Made for this request and stored.
    Miss,
}

impl CacheState {
    pub fn as_str(self) -> &'static str {
        match self {
            CacheState::Hit => "HIT",
            CacheState::Stale => "STALE",
            CacheState::Miss => "MISS",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cache_control_for_good_and_timed() {
        assert_eq!(cache_control(None), "s-maxage=31536000");
        assert_eq!(cache_control(Some(2)), "s-maxage=2, stale-while-revalidate=31535998");
        assert_eq!(cache_control_until(Some(2), 600), "s-maxage=2, stale-while-revalidate=598");
    }

    #[test]
    fn handlers_regenerated_before_16_lose_stale_while_revalidate() {
        let v15 = semver::Version::new(15, 5, 29);
        let v16 = semver::Version::new(16, 4, 6);
        assert_eq!(handler_cache_control(Some(2), false, &v15), "s-maxage=2");
        assert_eq!(handler_cache_control(Some(2), true, &v15), "s-maxage=2, stale-while-revalidate=31535998");
        assert_eq!(handler_cache_control(Some(2), false, &v16), "s-maxage=2, stale-while-revalidate=31535998");
        assert_eq!(handler_cache_control(None, false, &v15), "s-maxage=31536000");
    }
}
