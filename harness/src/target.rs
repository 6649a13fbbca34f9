//! A target: where to send requests for each fixture app it serves, and what it claims to be.

use crate::waits::Time;
use serde::{Deserialize, Serialize};
use spec::{Capability, Case};
use std::collections::{BTreeMap, BTreeSet};
use std::fmt;

#[derive(Debug, Clone)]
pub struct Target {
    /// The base URL (scheme, host and port, no trailing slash) serving each fixture app, by
    /// app name (`fixture-app`, or a folder name under `fixture-apps/`).
    pub apps: BTreeMap<String, String>,
    /// The Next.js version whose behaviour the target claims to match.
    pub next_version: semver::Version,
    pub capabilities: BTreeSet<Capability>,
    /// Headers (lower case) that a complete answer may carry unnamed, besides the transport
    /// headers: the ones a CDN in front of the target adds (`--ignore-header`).
    pub ignored_headers: Vec<String>,
    pub ranges: Ranges,
    /// Its clock: the system clock, or one the harness drives (then waits take no time).
    pub time: Time,
}

/// What a case's `next` range does on a run.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, clap::ValueEnum)]
#[serde(rename_all = "snake_case")]
pub enum Ranges {
    /// A case outside its range for the claimed version is n/a.
    #[default]
    Enforced,
    /// Every case runs whatever its range says, so that the outcomes show where a behaviour
    /// really holds (the release timeline's runs); whether a case is in its range is still
    /// known from the report's version and each case's range.
    Informative,
}

impl Ranges {
    pub fn is_enforced(&self) -> bool {
        *self == Ranges::Enforced
    }
}

/// Why a case does not apply to a target.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum NotApplicable {
    /// The case requests a fixture app the target does not serve.
    App(String),
    /// The case holds for other Next.js versions than the one the target claims.
    Version { holds_for: String, claimed: semver::Version },
    /// The case needs capabilities the target does not declare.
    Capabilities(Vec<Capability>),
}

impl fmt::Display for NotApplicable {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            NotApplicable::App(app) => write!(f, "requests the fixture app `{app}`, which the target does not serve"),
            NotApplicable::Version { holds_for, claimed } => write!(f, "holds for Next.js {holds_for}, the target claims {claimed}"),
            NotApplicable::Capabilities(missing) => {
                let names: Vec<&str> = missing.iter().map(|c| c.name()).collect();
                write!(f, "needs {}, which the target does not declare", names.join(", "))
            }
        }
    }
}

impl Target {
    /// A target serving the default fixture app at `base_url`.
    pub fn new(base_url: &str, next_version: semver::Version, capabilities: BTreeSet<Capability>) -> Self {
        Target {
            apps: BTreeMap::new(),
            next_version,
            capabilities,
            ignored_headers: Vec::new(),
            ranges: Ranges::Enforced,
            time: Time::Real,
        }
            .serving(spec::case::DEFAULT_APP, base_url)
    }

    /// This target, also serving `app` at `base_url`.
    pub fn serving(mut self, app: &str, base_url: &str) -> Self {
        self.apps.insert(app.to_owned(), base_url.trim_end_matches('/').to_owned());
        self
    }

    /// This target, keeping `time`.
    pub fn with_time(mut self, time: Time) -> Self {
        self.time = time;
        self
    }

    /// The base URL serving the app `case` requests, if the target serves it.
    pub fn base_url_for(&self, case: &Case) -> Option<&str> {
        self.apps.get(&case.app).map(String::as_str)
    }

    /// Why `case` does not apply to this target, or `None` when it does.
    pub fn not_applicable(&self, case: &Case) -> Option<NotApplicable> {
        if !self.apps.contains_key(&case.app) {
            return Some(NotApplicable::App(case.app.clone()));
        }
        if self.ranges.is_enforced() && !case.next.matches(&self.next_version) {
            return Some(NotApplicable::Version { holds_for: case.next.to_string(), claimed: self.next_version.clone() });
        }
        let missing: Vec<Capability> = case.needs.iter().filter(|c| !self.capabilities.contains(c)).copied().collect();
        (!missing.is_empty()).then_some(NotApplicable::Capabilities(missing))
    }
}
