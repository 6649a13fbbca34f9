//! A target: where to send requests for each fixture app it serves, and what it claims to be.

use spec::{Capability, Case};
use std::collections::{BTreeMap, BTreeSet};

#[derive(Debug, Clone)]
pub struct Target {
    /// The base URL (scheme, host and port, no trailing slash) serving each fixture app, by
    /// app name (`fixture-app`, or a folder name under `fixture-apps/`).
    pub apps: BTreeMap<String, String>,
    /// The Next.js version whose behaviour the target claims to match.
    pub next_version: semver::Version,
    pub capabilities: BTreeSet<Capability>,
}

impl Target {
    /// A target serving the default fixture app at `base_url`.
    pub fn new(base_url: &str, next_version: semver::Version, capabilities: BTreeSet<Capability>) -> Self {
        Target { apps: BTreeMap::new(), next_version, capabilities }.serving(spec::case::DEFAULT_APP, base_url)
    }

    /// This target, also serving `app` at `base_url`.
    pub fn serving(mut self, app: &str, base_url: &str) -> Self {
        self.apps.insert(app.to_owned(), base_url.trim_end_matches('/').to_owned());
        self
    }

    /// The base URL serving the app `case` requests, if the target serves it.
    pub fn base_url_for(&self, case: &Case) -> Option<&str> {
        self.apps.get(&case.app).map(String::as_str)
    }

    /// Why `case` does not apply to this target, or `None` when it does.
    pub fn not_applicable(&self, case: &Case) -> Option<String> {
        if !self.apps.contains_key(&case.app) {
            return Some(format!("requests the fixture app `{}`, which the target does not serve", case.app));
        }
        if !case.next.matches(&self.next_version) {
            return Some(format!("holds for Next.js {}, the target claims {}", case.next, self.next_version));
        }
        let missing: Vec<&str> = case.needs.iter().filter(|c| !self.capabilities.contains(c)).map(|c| c.name()).collect();
        (!missing.is_empty()).then(|| format!("needs {}, which the target does not declare", missing.join(", ")))
    }
}
