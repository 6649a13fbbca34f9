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

/// What `cacheLife()` was given: a profile's name, or a profile object (`cacheLife({ ... })`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Profile {
    Named(String),
    Inline(CacheLife),
}

impl Profile {
    /// The `default` profile, which code naming none gets.
    pub fn default_named() -> Profile {
        Profile::Named("default".into())
    }
}

impl CacheLife {
    pub const DEFAULT: CacheLife = PRESETS[0].1;

    /// An inline profile: the members given, the `default` profile's for the others
    /// (`cacheLife({})` is the default profile).
    pub fn inline(stale: Option<u64>, revalidate: Option<u64>, expire: Option<u64>) -> CacheLife {
        let default = CacheLife::DEFAULT;
        CacheLife {
            stale: stale.unwrap_or(default.stale),
            revalidate: revalidate.unwrap_or(default.revalidate),
            expire: expire.unwrap_or(default.expire),
        }
    }

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

    /// The shortest of `profiles` (unknown names count as `default`); `default` when there is
    /// none.
    pub fn shortest<'a>(&self, profiles: impl IntoIterator<Item = &'a Profile>) -> CacheLife {
        let mut lives = profiles.into_iter().map(|profile| match profile {
            Profile::Named(name) => self.get(name).unwrap_or_else(|| self.default_life()),
            Profile::Inline(life) => *life,
        });
        let first = lives.next().unwrap_or_else(|| self.default_life());
        lives.fold(first, CacheLife::min)
    }

    /// The `default` profile, as the config may have changed it.
    fn default_life(&self) -> CacheLife {
        self.get("default").unwrap_or(CacheLife::DEFAULT)
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
        let named = |name: &str| Profile::Named(name.into());
        let life = profiles.shortest(&[named("hours"), named("seconds")]);
        assert_eq!(life, CacheLife { stale: 30, revalidate: 1, expire: MINUTE });
        assert_eq!(profiles.shortest(&[]), CacheLife::DEFAULT);
        let inline = Profile::Inline(CacheLife::inline(Some(3600), Some(900), Some(86400)));
        assert_eq!(profiles.shortest(&[inline]), CacheLife { stale: 3600, revalidate: 900, expire: DAY });
        assert_eq!(CacheLife::inline(None, None, None), CacheLife::DEFAULT);
    }

    #[test]
    fn partial_config_profiles_take_the_default_members() {
        let value = ConstValue::Object(vec![("revalidate".into(), ConstValue::Number(2.0))]);
        assert_eq!(CacheLife::from_config(&value), Some(CacheLife { revalidate: 2, ..CacheLife::DEFAULT }));
    }
}
