//! How a step that may be sent again until it matches (`eventually`) settled: how many tries,
//! how long, whether it matched. Reports say it, so a run shows how long a target took to
//! regenerate.

use serde::{Deserialize, Serialize};
use std::fmt;

/// How a step that may be sent again settled.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Settling {
    /// 1-based index of the step.
    pub step: usize,
    /// How many times the request was sent.
    pub attempts: u32,
    /// From sending the first try to the last answer.
    pub elapsed_ms: u64,
    /// Whether every must of the step held in the last answer.
    pub matched: bool,
}

impl fmt::Display for Settling {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let tries = if self.attempts == 1 { "1 try".to_owned() } else { format!("{} tries", self.attempts) };
        if self.matched {
            write!(f, "step {} matched after {tries} in {} ms", self.step, self.elapsed_ms)
        } else {
            write!(f, "step {} did not match in {tries} over {} ms", self.step, self.elapsed_ms)
        }
    }
}

