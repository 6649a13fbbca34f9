//! `eventually = { within_ms = N, every_ms = M }` on a step: the step's request is sent again,
//! every `every_ms`, until its expectations hold or `within_ms` has passed since the first try.
//!
//! `next start` regenerates a stale page or an expired tag in the background within a few
//! milliseconds on an idle machine; a serverless platform or a CDN may take seconds. A step that
//! waits for such a regeneration says how long a platform may take, so that a slow one passes
//! and one that never regenerates still fails. Only safe methods are sent again.

use serde::de::{self, Deserializer};
use serde::{Deserialize, Serialize};

/// The longest a step may keep trying, so that a target that never matches fails in time.
pub const MAX_WITHIN_MS: u64 = 30_000;

/// The shortest pause between two tries, so that a target is not flooded.
pub const MIN_EVERY_MS: u64 = 50;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Eventually {
    /// How long after the first try the last one may start.
    pub within_ms: u64,
    /// The pause between two tries.
    pub every_ms: u64,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Raw {
    within_ms: u64,
    every_ms: u64,
}

impl<'de> Deserialize<'de> for Eventually {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let Raw { within_ms, every_ms } = Raw::deserialize(d)?;
        if within_ms > MAX_WITHIN_MS {
            return Err(de::Error::custom(format!("within_ms = {within_ms} is longer than {MAX_WITHIN_MS}")));
        }
        if every_ms < MIN_EVERY_MS {
            return Err(de::Error::custom(format!("every_ms = {every_ms} is shorter than {MIN_EVERY_MS}; do not flood the target")));
        }
        if every_ms > within_ms {
            return Err(de::Error::custom(format!("every_ms = {every_ms} is longer than within_ms = {within_ms}, so no second try would be sent")));
        }
        Ok(Eventually { within_ms, every_ms })
    }
}

/// Methods a step may send again: sending them twice asks for nothing more than once.
pub fn resendable(method: &str) -> bool {
    matches!(method, "GET" | "HEAD")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(text: &str) -> Result<Eventually, String> {
        #[derive(Deserialize)]
        struct Holder {
            eventually: Eventually,
        }
        toml::from_str::<Holder>(text).map(|h| h.eventually).map_err(|e| e.message().to_owned())
    }

    #[test]
    fn a_bounded_period_with_room_for_a_second_try_is_accepted() {
        assert_eq!(parse("eventually = { within_ms = 5000, every_ms = 250 }"), Ok(Eventually { within_ms: 5000, every_ms: 250 }));
    }

    #[test]
    fn periods_too_long_tries_too_close_or_no_second_try_are_refused() {
        assert!(parse("eventually = { within_ms = 60000, every_ms = 250 }").unwrap_err().contains("longer than 30000"));
        assert!(parse("eventually = { within_ms = 5000, every_ms = 10 }").unwrap_err().contains("shorter than 50"));
        assert!(parse("eventually = { within_ms = 100, every_ms = 200 }").unwrap_err().contains("no second try"));
        assert!(parse("eventually = { within_ms = 100, every = 50 }").unwrap_err().contains("unknown field `every`"));
    }
}
