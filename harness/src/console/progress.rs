//! The progress of a run, on standard error. On an interactive terminal (with `CI` unset) a
//! bar, which names the cases still running once few remain. Elsewhere (a CI log, a pipe) a
//! plain line every few seconds: how many cases are done, how many were unexpected, and which
//! are running; a run shorter than that prints none.

use crate::outcome::CaseResult;
use indicatif::{ProgressBar, ProgressStyle};
use std::io::IsTerminal as _;
use std::sync::{Arc, Mutex, MutexGuard};
use std::time::{Duration, Instant};
use tokio::task::JoinHandle;

/// How many cases left make "few": the bar then names those running.
const FEW_LEFT: usize = 5;
/// How often a plain progress line is printed.
const PLAIN_EVERY: Duration = Duration::from_secs(5);
/// How many running cases a plain line names.
const NAMED_IN_A_LINE: usize = 3;

/// Counts started and finished cases; cheap to clone into concurrent tasks.
#[derive(Clone)]
pub struct Progress {
    /// The bar, on a terminal.
    bar: Option<ProgressBar>,
    tally: Arc<Mutex<Tally>>,
    /// What prints the plain lines, when there is no bar.
    ticker: Arc<Mutex<Option<JoinHandle<()>>>>,
}

impl Progress {
    /// Progress of `cases` cases: a bar if someone is watching a terminal, else plain lines.
    /// Call inside a Tokio runtime.
    pub fn start(cases: usize) -> Progress {
        let interactive = std::io::stderr().is_terminal() && std::env::var_os("CI").is_none();
        let tally = Arc::new(Mutex::new(Tally::new(cases)));
        let bar = interactive.then(|| {
            let bar = ProgressBar::new(cases as u64);
            bar.set_style(
                ProgressStyle::with_template("{spinner} [{elapsed}] {wide_bar} {pos}/{len} {prefix}\n{wide_msg}")
                    .expect("a valid progress template"),
            );
            bar.enable_steady_tick(Duration::from_millis(120));
            bar
        });
        let ticker = (!interactive).then(|| {
            let tally = tally.clone();
            tokio::spawn(async move {
                let mut every = tokio::time::interval(PLAIN_EVERY);
                every.tick().await;
                loop {
                    every.tick().await;
                    eprintln!("{}", lock(&tally).line());
                }
            })
        });
        Progress { bar, tally, ticker: Arc::new(Mutex::new(ticker)) }
    }

    /// The case `id` started.
    pub fn started(&self, id: &str) {
        let mut tally = lock(&self.tally);
        tally.running.push(id.to_owned());
        self.show(&tally);
    }

    /// One more case finished.
    pub fn done(&self, result: &CaseResult) {
        let mut tally = lock(&self.tally);
        tally.finished(result);
        if let Some(bar) = &self.bar {
            bar.inc(1);
        }
        self.show(&tally);
    }

    fn show(&self, tally: &Tally) {
        if let Some(bar) = &self.bar {
            if tally.unexpected > 0 {
                bar.set_prefix(format!("{} unexpected", tally.unexpected));
            }
            bar.set_message(tally.few_left().unwrap_or_default());
        }
    }

    /// Removes the bar or stops the lines, so what follows starts on a clean line.
    pub fn finish(&self) {
        if let Some(bar) = &self.bar {
            bar.finish_and_clear();
        }
        if let Some(ticker) = self.ticker.lock().unwrap_or_else(|p| p.into_inner()).take() {
            ticker.abort();
        }
    }
}

fn lock(tally: &Mutex<Tally>) -> MutexGuard<'_, Tally> {
    tally.lock().unwrap_or_else(|poisoned| poisoned.into_inner())
}

/// Where a run is.
struct Tally {
    cases: usize,
    done: usize,
    unexpected: usize,
    /// The ids of the cases started and not finished, in the order they started.
    running: Vec<String>,
    started: Instant,
}

impl Tally {
    fn new(cases: usize) -> Tally {
        Tally { cases, done: 0, unexpected: 0, running: Vec::new(), started: Instant::now() }
    }

    fn finished(&mut self, result: &CaseResult) {
        self.done += 1;
        self.unexpected += usize::from(result.outcome.is_unexpected());
        if let Some(at) = self.running.iter().position(|id| *id == result.id) {
            self.running.remove(at);
        }
    }

    /// `still running: A, B` once at most [`FEW_LEFT`] cases are left.
    fn few_left(&self) -> Option<String> {
        (self.cases - self.done <= FEW_LEFT && !self.running.is_empty())
            .then(|| format!("still running: {}", self.running.join(", ")))
    }

    /// A plain progress line: `[12s] 120/350 cases done, 2 unexpected; running: A, B (+4 more)`.
    fn line(&self) -> String {
        format!("[{}s] {}", self.started.elapsed().as_secs(), self.counts())
    }

    /// The line without its time.
    fn counts(&self) -> String {
        let mut line = format!("{}/{} cases done", self.done, self.cases);
        if self.unexpected > 0 {
            line += &format!(", {} unexpected", self.unexpected);
        }
        if !self.running.is_empty() {
            line += &format!("; running: {}", self.running.iter().take(NAMED_IN_A_LINE).cloned().collect::<Vec<_>>().join(", "));
            if self.running.len() > NAMED_IN_A_LINE {
                line += &format!(" (+{} more)", self.running.len() - NAMED_IN_A_LINE);
            }
        }
        line
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::outcome::Outcome;

    fn ended(id: &str, outcome: Outcome) -> CaseResult {
        CaseResult::ended(id, Instant::now(), outcome, None, Vec::new())
    }

    #[test]
    fn few_cases_left_are_named_in_the_order_they_started() {
        let mut tally = Tally::new(8);
        for id in ["a", "b", "c", "d", "e", "f", "g"] {
            tally.running.push(id.into());
        }
        assert_eq!(tally.few_left(), None, "8 left is not few");
        tally.finished(&ended("a", Outcome::Pass));
        tally.finished(&ended("c", Outcome::Pass));
        tally.finished(&ended("d", Outcome::Fail));
        assert_eq!(tally.few_left().as_deref(), Some("still running: b, e, f, g"));
    }

    #[test]
    fn a_plain_line_counts_and_names_what_runs() {
        let mut tally = Tally::new(350);
        for id in ["a", "b", "c", "d", "e"] {
            tally.running.push(id.into());
        }
        tally.finished(&ended("e", Outcome::Fail));
        tally.finished(&ended("x", Outcome::Pass));
        assert_eq!(tally.counts(), "2/350 cases done, 1 unexpected; running: a, b, c (+1 more)");
        tally.running.clear();
        assert_eq!(tally.counts(), "2/350 cases done, 1 unexpected");
        assert!(tally.line().starts_with('[') && tally.line().ends_with("s] 2/350 cases done, 1 unexpected"));
    }
}
