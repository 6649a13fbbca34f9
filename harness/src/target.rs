//! A target: where to send requests and what it claims to be.

use spec::{Capability, Case};
use std::collections::BTreeSet;

#[derive(Debug, Clone)]
pub struct Target {
    /// Scheme, host and port, without a trailing slash: `http://127.0.0.1:3000`.
    pub base_url: String,
    /// The Next.js version whose behaviour the target claims to match.
    pub next_version: semver::Version,
    pub capabilities: BTreeSet<Capability>,
}

impl Target {
    pub fn new(base_url: &str, next_version: semver::Version, capabilities: BTreeSet<Capability>) -> Self {
        Target { base_url: base_url.trim_end_matches('/').to_owned(), next_version, capabilities }
    }

    /// Why `case` does not apply to this target, or `None` when it does.
    pub fn not_applicable(&self, case: &Case) -> Option<String> {
        if !case.next.matches(&self.next_version) {
            return Some(format!("holds for Next.js {}, the target claims {}", case.next, self.next_version));
        }
        let missing: Vec<&str> = case.needs.iter().filter(|c| !self.capabilities.contains(c)).map(|c| c.name()).collect();
        (!missing.is_empty()).then(|| format!("needs {}, which the target does not declare", missing.join(", ")))
    }
}
