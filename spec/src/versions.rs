//! A case's `next`: the Next.js versions for which its behaviour holds. Comparators as the
//! semver crate reads them (`>=15.4.0, <16.0.0`), and alternatives joined by `||` as npm writes
//! them, for a behaviour that went away in some releases and came back
//! (`>=15.0.0, <16.0.0 || >=16.2.0`).

use semver::{Version, VersionReq};
use serde::de::{self, Deserialize, Deserializer};
use std::fmt;
use std::str::FromStr;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Versions {
    /// At least one.
    alternatives: Vec<VersionReq>,
}

impl Versions {
    /// Every version.
    pub fn any() -> Versions {
        Versions { alternatives: vec![VersionReq::STAR] }
    }

    /// The versions any of `alternatives` matches; `None` when there is none.
    pub fn from_alternatives(alternatives: Vec<VersionReq>) -> Option<Versions> {
        (!alternatives.is_empty()).then_some(Versions { alternatives })
    }

    pub fn matches(&self, version: &Version) -> bool {
        self.alternatives.iter().any(|req| req.matches(version))
    }

    pub fn alternatives(&self) -> &[VersionReq] {
        &self.alternatives
    }
}

impl FromStr for Versions {
    type Err = semver::Error;

    fn from_str(text: &str) -> Result<Versions, semver::Error> {
        let alternatives = text.split("||").map(|part| VersionReq::parse(part.trim())).collect::<Result<Vec<_>, _>>()?;
        Ok(Versions { alternatives })
    }
}

impl fmt::Display for Versions {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (index, req) in self.alternatives.iter().enumerate() {
            if index > 0 {
                f.write_str(" || ")?;
            }
            write!(f, "{req}")?;
        }
        Ok(())
    }
}

impl<'de> Deserialize<'de> for Versions {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Versions, D::Error> {
        String::deserialize(d)?.parse().map_err(de::Error::custom)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn v(text: &str) -> Version {
        text.parse().unwrap()
    }

    #[test]
    fn alternatives_match_any_of_their_ranges() {
        let gone_and_back: Versions = ">=15.0.0, <16.0.0 || >=16.2.0".parse().unwrap();
        assert!(gone_and_back.matches(&v("15.5.29")));
        assert!(!gone_and_back.matches(&v("16.1.7")));
        assert!(gone_and_back.matches(&v("16.2.12")));
        assert_eq!(gone_and_back.to_string(), ">=15.0.0, <16.0.0 || >=16.2.0");
        assert_eq!(gone_and_back.alternatives().len(), 2);
    }

    #[test]
    fn one_range_reads_and_prints_as_semver_does() {
        let one: Versions = ">=16.1.0".parse().unwrap();
        assert_eq!(one.to_string(), ">=16.1.0");
        assert!(Versions::any().matches(&v("14.2.0")));
        assert_eq!(">=15.x.y".parse::<Versions>().unwrap_err().to_string(), "unexpected character after wildcard in version req");
        assert!(">=15.0.0 ||".parse::<Versions>().is_err(), "an empty alternative is an error");
        assert_eq!(Versions::from_alternatives(Vec::new()), None);
    }
}
