//! What the cache keeps for one path of a `getStaticProps` page, and the `Cache-Control` it goes
//! out with. An entry is timed by the `revalidate` getStaticProps returned (`None`: kept for
//! good) and expires a year after (`expireTime`); with no period it has no expire time either.
//!
//! When regenerating a path fails (its getStaticProps throws), Next.js keeps the last entry and
//! stores it again with a period of `revalidate || 3` seconds held between 3 and 30, its expire
//! time at least 3 s past that (`retainPreviousCacheEntry` in 16.4.6, the same rule in 15.5.29).
//! Sending an entry without an expire time, 16 writes `s-maxage=N` alone; 15 counts a year.

use crate::cache::headers::EXPIRE;
use serde_json::Value;

/// What getStaticProps gave for the path.
#[derive(Debug, Clone, PartialEq)]
pub enum Outcome {
    /// Props, and the page's HTML document rendered with them.
    Page { props: Value, html: String },
    NotFound,
    Redirect { destination: String, permanent: bool },
}

#[derive(Debug, Clone, PartialEq)]
pub struct Entry {
    pub outcome: Outcome,
    /// Seconds until it is stale; `None`: never.
    pub revalidate: Option<u64>,
    /// Seconds until it expires; `None`: never.
    pub expire: Option<u64>,
}

impl Entry {
    pub fn new(outcome: Outcome, revalidate: Option<u64>) -> Entry {
        Entry { outcome, revalidate, expire: revalidate.map(|_| EXPIRE) }
    }

    /// This entry kept after a failed regeneration.
    pub fn retained(&self) -> Entry {
        let revalidate = self.revalidate.unwrap_or(3).clamp(3, 30);
        let expire = self.expire.map(|expire| expire.max(revalidate + 3));
        Entry { outcome: self.outcome.clone(), revalidate: Some(revalidate), expire }
    }

    /// `Cache-Control` of this entry (Next.js's `getCacheControlHeader`); before 16.3 an entry
    /// without an expire time is sent as expiring after `expireTime`.
    pub fn cache_control(&self, next: &semver::Version) -> String {
        let expire = if crate::releases::entries_without_expire_time_send_none(next) { self.expire } else { self.expire.or(Some(EXPIRE)) };
        let stale = match (self.revalidate, expire) {
            (Some(revalidate), Some(expire)) if revalidate < expire => format!(", stale-while-revalidate={}", expire - revalidate),
            _ => String::new(),
        };
        format!("s-maxage={}{stale}", self.revalidate.unwrap_or(EXPIRE))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use semver::Version;

    const V16: Version = Version::new(16, 4, 6);
    const V15: Version = Version::new(15, 5, 29);

    #[test]
    fn kept_for_good_or_timed() {
        assert_eq!(Entry::new(Outcome::NotFound, None).cache_control(&V16), "s-maxage=31536000");
        assert_eq!(Entry::new(Outcome::NotFound, Some(2)).cache_control(&V16), "s-maxage=2, stale-while-revalidate=31535998");
        assert_eq!(Entry::new(Outcome::NotFound, Some(2)).cache_control(&V15), "s-maxage=2, stale-while-revalidate=31535998");
    }

    #[test]
    fn a_failed_regeneration_retries_within_3_to_30_seconds() {
        let timed = Entry::new(Outcome::NotFound, Some(1)).retained();
        assert_eq!((timed.revalidate, timed.cache_control(&V16)), (Some(3), "s-maxage=3, stale-while-revalidate=31535997".into()));
        assert_eq!(Entry::new(Outcome::NotFound, Some(60)).retained().revalidate, Some(30));
        let for_good = Entry::new(Outcome::NotFound, None).retained();
        assert_eq!(for_good.cache_control(&V16), "s-maxage=3");
        assert_eq!(for_good.cache_control(&V15), "s-maxage=3, stale-while-revalidate=31535997");
    }
}
