//! The end of a run, as cargo test and nextest end theirs: the ids of the cases that fail the
//! run, one a line (then the warnings and the flaky failures, each in a list of its own), the
//! command that reruns just the failing cases, where each report was written, and last the
//! verdict word with the summary line.

use super::paint::Paint;
use crate::evidence::shell_quote;
use crate::outcome::{CaseResult, Outcome, Summary, sections};

/// What a run ends with.
pub struct End<'a> {
    pub results: &'a [CaseResult],
    /// `--strict`: warnings the expectations do not list fail the run.
    pub strict: bool,
    /// The command that repeats the run, to which the failing ids are added.
    pub rerun: &'a str,
    /// Each report written: its kind (`HTML`) and path.
    pub reports: Vec<(&'static str, String)>,
    /// A diff compares two servers: its cases are the same or different, not passed or failed.
    pub diff: bool,
}

impl End<'_> {
    /// Whether the run failed.
    pub fn failed(&self) -> bool {
        self.results.iter().any(|r| r.fails_run(self.strict))
    }

    /// The lines that end the run, the verdict and summary last.
    pub fn lines(&self, paint: Paint) -> Vec<String> {
        let mut out = Vec::new();
        let failing: Vec<&str> = self.results.iter().filter(|r| r.fails_run(self.strict)).map(|r| r.id.as_str()).collect();
        let (fails, warns) = sections(self.diff);
        let (fails, warns) = (fails.to_lowercase(), warns.to_lowercase());
        let lists: [(&str, Vec<&str>); 3] = [
            (&fails, failing.clone()),
            (&warns, self.ids(|r| r.outcome == Outcome::Warn && !r.fails_run(self.strict))),
            ("flaky", self.ids(|r| r.outcome == Outcome::Flaky)),
        ];
        for (heading, ids) in lists.into_iter().filter(|(_, ids)| !ids.is_empty()) {
            out.push(format!("{heading}:"));
            out.extend(ids.iter().map(|id| format!("    {id}")));
            out.push(String::new());
        }
        if !failing.is_empty() {
            // `harness check` names a case that fails in another version `ID@VERSION`; its
            // rerun checks the case in every version again.
            let mut ids: Vec<&str> = failing.iter().map(|id| id.split('@').next().unwrap_or(id)).collect();
            ids.dedup();
            let filters: Vec<String> = ids.iter().map(|id| format!("-f {}", shell_quote(id))).collect();
            out.push(format!("rerun {}: {} {}", if self.diff { "them" } else { "the failures" }, self.rerun, filters.join(" ")));
        }
        for (kind, path) in &self.reports {
            out.push(format!("wrote the {kind} report: {path}"));
        }
        out.push(self.verdict(paint));
        out
    }

    fn ids(&self, which: impl Fn(&CaseResult) -> bool) -> Vec<&str> {
        self.results.iter().filter(|r| which(r)).map(|r| r.id.as_str()).collect()
    }

    /// `PASSED: 3 passed, ...` or `FAILED: ...`; for a diff `SAME: 3 same, ...` or `DIFFERENT: ...`.
    fn verdict(&self, paint: Paint) -> String {
        let failed = self.failed();
        let (word, line) = Summary::of(self.results).verdict(self.diff, failed);
        let word = if failed { paint.red(word) } else { paint.green(word) };
        format!("{word}: {line}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::time::Instant;

    fn result(id: &str, outcome: Outcome) -> CaseResult {
        CaseResult::ended(id, Instant::now(), outcome, None, Vec::new())
    }

    #[test]
    fn a_failed_run_ends_with_its_failures_how_to_rerun_them_and_its_verdict() {
        let results = [result("a/one", Outcome::Pass), result("a/two", Outcome::Fail), result("a/it's", Outcome::Error), result("b/w", Outcome::Warn)];
        let end = End { results: &results, strict: false, rerun: "harness run --inject-fault trim-body", reports: vec![("HTML", "r.html".into())], diff: false };
        assert_eq!(
            end.lines(Paint::PLAIN),
            [
                "failures:",
                "    a/two",
                "    a/it's",
                "",
                "warnings:",
                "    b/w",
                "",
                "rerun the failures: harness run --inject-fault trim-body -f a/two -f 'a/it'\\''s'",
                "wrote the HTML report: r.html",
                "FAILED: 1 passed, 1 warned, 1 failed, 0 expected-fail, 0 unexpected-pass, 0 n/a, 1 errors",
            ]
        );
        let versions = [result("a/one", Outcome::Fail), result("a/one@15.5.29", Outcome::Fail)];
        let end = End { results: &versions, strict: false, rerun: "harness check", reports: vec![], diff: false };
        assert!(end.lines(Paint::PLAIN).contains(&"rerun the failures: harness check -f a/one".to_owned()));
        let clean = [result("a/one", Outcome::Pass)];
        let end = End { results: &clean, strict: false, rerun: "harness run", reports: vec![], diff: true };
        assert_eq!(end.lines(Paint::PLAIN), ["SAME: 1 same, 0 different in a should, 0 different, 0 n/a, 0 errors"]);
    }
}
