//! The headers a cached answer goes out with, as `next start` 16.4.6 and 15.5.29 send them.

/// How long Next.js keeps an entry at most (`expireTime`, one year by default), in seconds.
pub const EXPIRE: u64 = 31_536_000;

/// `Cache-Control` of a prerendered answer: `s-maxage=31536000` when cached for good, else
/// `s-maxage=N, stale-while-revalidate=<one year minus N>`.
pub fn cache_control(revalidate: Option<u64>) -> String {
    match revalidate {
        None => format!("s-maxage={EXPIRE}"),
        Some(seconds) => format!("s-maxage={seconds}, stale-while-revalidate={}", EXPIRE.saturating_sub(seconds)),
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
    }
}
