//! Cache profiles (`cacheLife`) of 'use cache': how long an entry is fresh, when it is
//! regenerated and when it expires, from the presets or the app's `cacheLife` config.
//!
//! From the cacheLife doc (#preset-cache-profiles, #custom-cache-profiles); the seconds of
//! `default` agree with what `next start` 16.4.6 sends for a page cached with it
//! (`s-maxage=900, stale-while-revalidate=31535100`, an expiry of one year).

use crate::exports::ConstValue;

/// One profile, in seconds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CacheLife {
    /// How long the client router may reuse it (`x-nextjs-stale-time`).
    pub stale: u64,
    /// After this, the next request regenerates it.
    pub revalidate: u64,
    /// After this, it is gone.
    pub expire: u64,
}

const MINUTE: u64 = 60;
const HOUR: u64 = 60 * MINUTE;
const DAY: u64 = 24 * HOUR;
/// One year, the longest an entry lives (`expireTime`).
pub const YEAR: u64 = super::headers::EXPIRE;

/// The preset profiles of the cacheLife doc.
pub const PRESETS: [(&str, CacheLife); 7] = [
    ("default", CacheLife { stale: 5 * MINUTE, revalidate: 15 * MINUTE, expire: YEAR }),
    ("seconds", CacheLife { stale: 30, revalidate: 1, expire: MINUTE }),
    ("minutes", CacheLife { stale: 5 * MINUTE, revalidate: MINUTE, expire: HOUR }),
    ("hours", CacheLife { stale: 5 * MINUTE, revalidate: HOUR, expire: DAY }),
    ("days", CacheLife { stale: 5 * MINUTE, revalidate: DAY, expire: 7 * DAY }),
    ("weeks", CacheLife { stale: 5 * MINUTE, revalidate: 7 * DAY, expire: 30 * DAY }),
    ("max", CacheLife { stale: 5 * MINUTE, revalidate: 30 * DAY, expire: YEAR }),
];

impl CacheLife {
    pub const DEFAULT: CacheLife = PRESETS[0].1;

    /// The shortest of two profiles, member by member: nested caches keep the shortest
    /// duration (cacheLife doc, #nested-caching-behavior).
    pub fn min(self, other: CacheLife) -> CacheLife {
        CacheLife {
            stale: self.stale.min(other.stale),
            revalidate: self.revalidate.min(other.revalidate),
            expire: self.expire.min(other.expire),
        }
    }

    /// A profile object of the config (`{ stale, revalidate, expire }`); missing members come
    /// from the `default` profile.
    pub fn from_config(value: &ConstValue) -> Option<CacheLife> {
        let member = |name: &str, fallback: u64| match value.get(name) {
            Some(ConstValue::Number(n)) if *n >= 0.0 && n.is_finite() => Some(*n as u64),
            None => Some(fallback),
            _ => None,
        };
        let default = CacheLife::DEFAULT;
        Some(CacheLife {
            stale: member("stale", default.stale)?,
            revalidate: member("revalidate", default.revalidate)?,
            expire: member("expire", default.expire)?,
        })
    }
}

/// The profiles an app knows: the presets, overridden or extended by its config.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Profiles {
    custom: Vec<(String, CacheLife)>,
}

impl Profiles {
    pub fn new(custom: Vec<(String, CacheLife)>) -> Profiles {
        Profiles { custom }
    }

    /// The profile named `name`, the config's before the preset of that name.
    pub fn get(&self, name: &str) -> Option<CacheLife> {
        let custom = self.custom.iter().find(|(n, _)| n == name).map(|(_, life)| *life);
        custom.or_else(|| PRESETS.iter().find(|(n, _)| *n == name).map(|(_, life)| *life))
    }

    /// The shortest of the profiles named (unknown names count as `default`); `default` when
    /// none is.
    pub fn shortest<'a>(&self, names: impl IntoIterator<Item = &'a str>) -> CacheLife {
        let mut lives = names.into_iter().map(|n| self.get(n).unwrap_or(CacheLife::DEFAULT));
        let first = lives.next().unwrap_or(CacheLife::DEFAULT);
        lives.fold(first, CacheLife::min)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn config_profiles_override_presets() {
        let brief = CacheLife { stale: 1, revalidate: 2, expire: 4 };
        let profiles = Profiles::new(vec![("brief".into(), brief), ("days".into(), brief)]);
        assert_eq!(profiles.get("brief"), Some(brief));
        assert_eq!(profiles.get("days"), Some(brief));
        assert_eq!(profiles.get("hours").map(|l| l.revalidate), Some(HOUR));
        assert_eq!(profiles.get("nope"), None);
    }

    #[test]
    fn nested_profiles_keep_the_shortest() {
        let profiles = Profiles::default();
        let life = profiles.shortest(["hours", "seconds"]);
        assert_eq!(life, CacheLife { stale: 30, revalidate: 1, expire: MINUTE });
        assert_eq!(profiles.shortest([]), CacheLife::DEFAULT);
    }

    #[test]
    fn partial_config_profiles_take_the_default_members() {
        let value = ConstValue::Object(vec![("revalidate".into(), ConstValue::Number(2.0))]);
        assert_eq!(CacheLife::from_config(&value), Some(CacheLife { revalidate: 2, ..CacheLife::DEFAULT }));
    }
}
