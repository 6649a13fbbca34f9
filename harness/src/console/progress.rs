//! The progress bar of a run: drawn on standard error when it is an interactive terminal and
//! `CI` is unset; otherwise nothing is drawn and the output stays plain.

use crate::outcome::CaseResult;
use indicatif::{ProgressBar, ProgressStyle};
use std::io::IsTerminal as _;
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};

/// Counts finished cases; cheap to clone into concurrent tasks.
#[derive(Clone)]
pub struct Progress {
    bar: ProgressBar,
    unexpected: Arc<AtomicUsize>,
}

impl Progress {
    /// A bar for `cases` cases, hidden unless someone is watching a terminal.
    pub fn start(cases: usize) -> Progress {
        let interactive = std::io::stderr().is_terminal() && std::env::var_os("CI").is_none();
        let bar = if interactive { ProgressBar::new(cases as u64) } else { ProgressBar::hidden() };
        bar.set_style(
            ProgressStyle::with_template("{spinner} [{elapsed}] {wide_bar} {pos}/{len} {msg}")
                .expect("a valid progress template"),
        );
        bar.enable_steady_tick(std::time::Duration::from_millis(120));
        Progress { bar, unexpected: Arc::default() }
    }

    /// One more case finished.
    pub fn done(&self, result: &CaseResult) {
        if result.outcome.is_unexpected() {
            let n = self.unexpected.fetch_add(1, Ordering::Relaxed) + 1;
            self.bar.set_message(format!("{n} unexpected"));
        }
        self.bar.inc(1);
    }

    /// Removes the bar, so what follows starts on a clean line.
    pub fn finish(&self) {
        self.bar.finish_and_clear();
    }
}
