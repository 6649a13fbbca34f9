//! `expect.captures`: how a value captured in this step compares with one captured earlier
//! (see [`crate::capture`]).

use serde::{Deserialize, Serialize};

/// How a captured value compares with one captured earlier.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(rename_all = "snake_case", deny_unknown_fields)]
pub enum Comparison {
    /// Equal to the named value: the answer came from the same render.
    SameAs(String),
    /// Different from the named value: the answer was rendered anew.
    DiffersFrom(String),
}

impl Comparison {
    /// The value this one is compared with.
    pub fn other(&self) -> &str {
        match self {
            Comparison::SameAs(name) | Comparison::DiffersFrom(name) => name,
        }
    }
}
