//! The release timeline: where each case holds across Next.js releases, from runs of the suite
//! against `next start` of each release with every case run whatever its range says
//! (`harness run --ranges informative`). A case holds on a release when it passes there, in any
//! of the release's runs (a second run of the cases that failed the first tells a change of
//! behaviour from a timing that a busy machine upset); a release that did not build the case's
//! fixture app says nothing about it. A case's `next`
//! range agrees with the timeline when, among the releases that built its app, it holds on
//! exactly those in its range.
//!
//! The cells come from the reports; the ranges and fixture apps from the cases as they are now,
//! so a range changed since the runs is checked against what the runs saw.
//!
//! - [`markdown`]: `TIMELINE.md`, and its tables read back (for the check that the committed
//!   file and the cases' ranges agree).

pub mod markdown;

use super::model::Report;
use crate::outcome::Outcome;
use crate::target::Ranges;
use semver::{Op, Version, VersionReq};
use spec::{Case, Versions};
use std::collections::{BTreeMap, BTreeSet};

/// What a release answered for a case.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Cell {
    Holds,
    /// Every must of the case holds and a should does not (a `warn` outcome).
    Warns,
    Fails,
    /// An `error` outcome: the release did not answer.
    NoAnswer,
    /// The case did not run on this release: the release did not build its fixture app.
    NotRun,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Release {
    pub version: Version,
    /// The fixture apps this release did not build: none of their cases ran.
    pub not_built: Vec<String>,
}

#[derive(Debug, Clone)]
pub struct CaseLine {
    pub id: String,
    pub app: String,
    pub range: Versions,
    /// One per release, oldest release first.
    pub cells: Vec<Cell>,
    /// Per release, the first line of why the case does not hold there (none for a timeline read
    /// back from Markdown).
    pub answers: Vec<Option<String>>,
}

#[derive(Debug)]
pub struct Timeline {
    /// Oldest first.
    pub releases: Vec<Release>,
    /// Every case the runs and the cases folder both have, by id.
    pub cases: Vec<CaseLine>,
    /// Ids the runs have that the cases folder does not (removed since).
    pub gone: Vec<String>,
    /// Ids of the cases folder that no run has (added since).
    pub added: Vec<String>,
}

/// A release where a case holds outside its range, or does not hold inside it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Disagreement {
    pub id: String,
    pub range: Versions,
    pub release: Version,
    pub cell: Cell,
}

impl Timeline {
    /// The timeline of `reports` (one informative run per release, any order), for `cases`.
    pub fn of(reports: &[Report], cases: &[Case]) -> Result<Timeline, String> {
        let mut runs: Vec<(Version, Vec<&Report>)> = Vec::new();
        for report in reports {
            let label = report.target_label();
            let version = report.next_version.as_deref().ok_or_else(|| format!("{label}: the report claims no Next.js version"))?;
            let version = Version::parse(version).map_err(|e| format!("{label}: `{version}`: {e}"))?;
            if report.ranges != Ranges::Informative {
                return Err(format!(
                    "{label}: a timeline needs runs with `--ranges informative` (this run left the cases outside their range n/a)"
                ));
            }
            match runs.iter_mut().find(|(v, _)| *v == version) {
                Some((_, same_release)) => same_release.push(report),
                None => runs.push((version, vec![report])),
            }
        }
        runs.sort_by(|a, b| a.0.cmp(&b.0));

        let ran: BTreeSet<&str> = reports.iter().flat_map(|r| &r.cases).map(|c| c.id.as_str()).collect();
        let known: BTreeSet<&str> = cases.iter().map(|c| c.id.as_str()).collect();
        let releases: Vec<Release> = runs
            .iter()
            .map(|(version, reports)| Release { version: version.clone(), not_built: not_built(reports, cases) })
            .collect();
        let lines = cases
            .iter()
            .filter(|case| ran.contains(case.id.as_str()))
            .map(|case| {
                let (cells, answers) = runs
                    .iter()
                    .zip(&releases)
                    .map(|((_, reports), release)| answer(reports, release, case))
                    .unzip();
                CaseLine { id: case.id.clone(), app: case.app.clone(), range: case.next.clone(), cells, answers }
            })
            .collect();
        Ok(Timeline {
            releases,
            cases: lines,
            gone: ran.difference(&known).map(|id| (*id).to_owned()).collect(),
            added: known.difference(&ran).map(|id| (*id).to_owned()).collect(),
        })
    }

    /// Every release where a case's range and where it holds disagree, by case id.
    pub fn disagreements(&self) -> Vec<Disagreement> {
        let mut found = Vec::new();
        for case in &self.cases {
            for (release, cell) in self.releases.iter().zip(&case.cells) {
                let in_range = case.range.matches(&release.version);
                let disagrees = *cell != Cell::NotRun && cell.holds() != in_range;
                if disagrees {
                    found.push(Disagreement {
                        id: case.id.clone(),
                        range: case.range.clone(),
                        release: release.version.clone(),
                        cell: *cell,
                    });
                }
            }
        }
        found
    }

    /// The range that holds on exactly the releases where `case` holds: for each unbroken run
    /// of them, from the minor of its first release to the minor of the release after it,
    /// keeping the case's own bound at an end the timeline does not close (the releases before
    /// or after did not build its app). Runs apart make `||` alternatives. None when the case
    /// holds on no release.
    pub fn fitted_range(&self, case: &CaseLine) -> Option<Versions> {
        let ran: Vec<(usize, bool)> =
            case.cells.iter().enumerate().filter(|(_, c)| **c != Cell::NotRun).map(|(i, c)| (i, c.holds())).collect();
        let mut alternatives = Vec::new();
        let mut at = 0;
        while at < ran.len() {
            if !ran[at].1 {
                at += 1;
                continue;
            }
            let start = at;
            while at + 1 < ran.len() && ran[at + 1].1 {
                at += 1;
            }
            alternatives.push(self.fitted_run(case, ran[start].0, ran[at].0, start == 0, ran.get(at + 1).map(|(i, _)| *i)));
            at += 1;
        }
        Versions::from_alternatives(alternatives)
    }

    /// The range of one run of releases `first..=last` where a case holds; `opens` when no
    /// release before it ran the case, `after` the next release that did.
    fn fitted_run(&self, case: &CaseLine, first: usize, last: usize, opens: bool, after: Option<usize>) -> VersionReq {
        let minor = |i: usize| {
            let v = &self.releases[i].version;
            format!("{}.{}.0", v.major, v.minor)
        };
        // The case's own comparators of one side, from the alternative that holds at release `i`.
        let own = |i: usize, lower: bool| -> Option<Vec<String>> {
            let req = case.range.alternatives().iter().find(|r| r.matches(&self.releases[i].version))?;
            let side = |op: &Op| if lower { matches!(op, Op::Greater | Op::GreaterEq) } else { matches!(op, Op::Less | Op::LessEq) };
            Some(req.comparators.iter().filter(|c| side(&c.op)).map(ToString::to_string).collect())
        };
        let mut bounds = Vec::new();
        match own(first, true) {
            Some(lower) if opens => bounds.extend(lower),
            _ => bounds.push(format!(">={}", minor(first))),
        }
        match after {
            Some(after) => bounds.push(format!("<{}", minor(after))),
            None => bounds.extend(own(last, false).unwrap_or_default()),
        }
        if bounds.is_empty() {
            return VersionReq::STAR;
        }
        VersionReq::parse(&bounds.join(", ")).expect("bounds made of versions")
    }
}

impl Cell {
    /// Whether the case holds: its musts do (a should may not).
    pub fn holds(self) -> bool {
        matches!(self, Cell::Holds | Cell::Warns)
    }
}

impl CaseLine {
    /// Whether the case passes on every release that built its app (and one did). A case some
    /// of those releases did not run (added between two runs of the timeline) does not.
    pub fn passes_throughout(&self, releases: &[Release]) -> bool {
        let ran_where_built = releases.iter().zip(&self.cells).all(|(release, cell)| *cell != Cell::NotRun || release.not_built.contains(&self.app));
        self.cells.contains(&Cell::Holds) && ran_where_built && self.cells.iter().all(|c| matches!(c, Cell::Holds | Cell::NotRun))
    }
}

/// The apps with cases in the release's reports none of which ran.
fn not_built(reports: &[&Report], cases: &[Case]) -> Vec<String> {
    let app_of: BTreeMap<&str, &str> = cases.iter().map(|c| (c.id.as_str(), c.app.as_str())).collect();
    let mut ran_any: BTreeMap<&str, bool> = BTreeMap::new();
    for entry in reports.iter().flat_map(|r| &r.cases) {
        if let Some(app) = app_of.get(entry.id.as_str()) {
            *ran_any.entry(app).or_default() |= entry.outcome != Outcome::NotApplicable;
        }
    }
    ran_any.into_iter().filter(|(_, ran)| !ran).map(|(app, _)| app.to_owned()).collect()
}

/// The case's cell on one release, the best of its runs there, and why it does not hold.
fn answer(reports: &[&Report], release: &Release, case: &Case) -> (Cell, Option<String>) {
    if release.not_built.contains(&case.app) {
        return (Cell::NotRun, None);
    }
    let rank = |cell: &Cell| [Cell::Holds, Cell::Warns, Cell::Fails, Cell::NoAnswer, Cell::NotRun].iter().position(|c| c == cell);
    let mut best = (Cell::NotRun, None);
    for entry in reports.iter().flat_map(|r| &r.cases).filter(|c| c.id == case.id) {
        let cell = match entry.outcome {
            Outcome::Pass | Outcome::UnexpectedPass => Cell::Holds,
            Outcome::Warn => Cell::Warns,
            Outcome::Fail | Outcome::ExpectedFail | Outcome::Flaky => Cell::Fails,
            Outcome::Error => Cell::NoAnswer,
            Outcome::NotApplicable => Cell::NotRun,
        };
        if rank(&cell) < rank(&best.0) {
            let why = entry.message.as_deref().and_then(|m| m.lines().next()).unwrap_or_default().to_owned();
            best = (cell, (cell != Cell::Holds).then_some(why));
        }
    }
    best
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use crate::outcome::Summary;

    pub(crate) fn case(id: &str, app: &str, range: &str) -> Case {
        let text = format!(
            "title = \"t\"\nbasis = \"observed\"\nnext = \"{range}\"\napp = \"{app}\"\n\
             [doc]\npage = \"route.js\"\nanchor = \"a\"\nquote = \"q\"\n\
             [[step]]\nrequest = {{ path = \"/\" }}\nexpect.status = 200\n"
        );
        let mut case: Case = toml::from_str(&text).unwrap();
        case.id = id.to_owned();
        case
    }

    /// A report of `version` with each (id, outcome, message), read from JSON as a report file
    /// would be.
    pub(crate) fn report(version: &str, ranges: Ranges, results: &[(&str, Outcome, &str)]) -> Report {
        let cases: Vec<serde_json::Value> = results
            .iter()
            .map(|(id, outcome, message)| {
                let mut case = serde_json::json!({
                    "id": id, "title": "t", "outcome": outcome, "duration_ms": 1, "basis": "observed", "next": "*",
                    "doc": { "page": "route.js", "anchor": "a", "quote": "q" },
                });
                if !message.is_empty() {
                    case["message"] = serde_json::json!(message);
                }
                case
            })
            .collect();
        let summary: Summary = results.iter().map(|(_, outcome, _)| *outcome).collect();
        serde_json::from_value(serde_json::json!({
            "harness_version": "0", "target": "next start", "next_version": version, "capabilities": [],
            "started_at": "2026-01-01T00:00:00.000Z", "duration_ms": 1, "ranges": ranges, "summary": summary, "cases": cases,
        }))
        .unwrap()
    }

    pub(crate) fn sample() -> (Vec<Report>, Vec<Case>) {
        use Outcome::*;
        let cases = vec![
            case("a/appears-in-16-1", "fixture-app", ">=16.0.0"),
            case("a/always", "fixture-app", ">=15.0.0"),
            case("a/gone-in-16", "fixture-app", ">=15.0.0"),
            case("b/needs-16", "cache-components", ">=16.0.0"),
            case("a/added-later", "fixture-app", ">=15.0.0"),
            case("a/warns-from-16-1", "fixture-app", ">=15.0.0"),
        ];
        let reports = vec![
            report("16.1.7", Ranges::Informative, &[
                ("a/appears-in-16-1", Pass, ""),
                ("a/always", Pass, ""),
                ("a/gone-in-16", Fail, "step 1: header `x`: expected `1`, got `2`"),
                ("b/needs-16", Pass, ""),
                ("a/removed", Pass, ""),
                ("a/warns-from-16-1", Warn, "step 1: header `content-type` (should): expected `a`, got `A`"),
            ]),
            report("15.5.29", Ranges::Informative, &[
                ("a/appears-in-16-1", Fail, "step 1: status: expected 200, got 404"),
                ("a/always", Pass, ""),
                ("a/gone-in-16", Pass, ""),
                ("b/needs-16", NotApplicable, "requests the fixture app `cache-components`, which the target does not serve"),
                ("a/removed", Pass, ""),
                ("a/warns-from-16-1", Pass, ""),
            ]),
            report("16.0.11", Ranges::Informative, &[
                ("a/appears-in-16-1", Fail, "step 1: status: expected 200, got 404"),
                ("a/always", Pass, ""),
                ("a/gone-in-16", Fail, "step 1: header `x`: expected `1`, got `2`"),
                ("b/needs-16", Pass, ""),
                ("a/removed", Pass, ""),
                ("a/warns-from-16-1", Pass, ""),
            ]),
        ];
        (reports, cases)
    }

    #[test]
    fn releases_are_ordered_and_unbuilt_apps_found() {
        let (reports, cases) = sample();
        let timeline = Timeline::of(&reports, &cases).unwrap();
        let versions: Vec<String> = timeline.releases.iter().map(|r| r.version.to_string()).collect();
        assert_eq!(versions, ["15.5.29", "16.0.11", "16.1.7"]);
        assert_eq!(timeline.releases[0].not_built, ["cache-components"]);
        assert!(timeline.releases[1].not_built.is_empty());
        assert_eq!(timeline.gone, ["a/removed"]);
        assert_eq!(timeline.added, ["a/added-later"]);
        let needs_16 = timeline.cases.iter().find(|c| c.id == "b/needs-16").unwrap();
        assert_eq!(needs_16.cells, [Cell::NotRun, Cell::Holds, Cell::Holds]);
        assert!(needs_16.passes_throughout(&timeline.releases));
        let mut run_once = needs_16.clone();
        run_once.cells = vec![Cell::NotRun, Cell::NotRun, Cell::Holds];
        assert!(!run_once.passes_throughout(&timeline.releases), "a release that built its app did not run it");
    }

    #[test]
    fn a_range_wider_or_narrower_than_where_the_case_holds_disagrees() {
        let (reports, cases) = sample();
        let timeline = Timeline::of(&reports, &cases).unwrap();
        let found: Vec<(String, String)> =
            timeline.disagreements().into_iter().map(|d| (d.id, d.release.to_string())).collect();
        assert_eq!(
            found,
            [
                ("a/appears-in-16-1".to_owned(), "16.0.11".to_owned()),
                ("a/gone-in-16".to_owned(), "16.0.11".to_owned()),
                ("a/gone-in-16".to_owned(), "16.1.7".to_owned()),
            ]
        );
    }

    #[test]
    fn a_fitted_range_starts_and_ends_at_the_minors_where_the_case_starts_and_stops_holding() {
        let (reports, cases) = sample();
        let timeline = Timeline::of(&reports, &cases).unwrap();
        let fitted = |id: &str| timeline.fitted_range(timeline.cases.iter().find(|c| c.id == id).unwrap()).map(|r| r.to_string());
        assert_eq!(fitted("a/appears-in-16-1").as_deref(), Some(">=16.1.0"));
        assert_eq!(fitted("a/gone-in-16").as_deref(), Some(">=15.0.0, <16.0.0"));
        assert_eq!(fitted("b/needs-16").as_deref(), Some(">=16.0.0"), "the case's own bound where its app was not built");
        assert_eq!(fitted("a/always").as_deref(), Some(">=15.0.0"));
        let mut back = timeline.cases.iter().find(|c| c.id == "a/always").unwrap().clone();
        back.cells = vec![Cell::Holds, Cell::Fails, Cell::Holds];
        assert_eq!(timeline.fitted_range(&back).unwrap().to_string(), ">=15.0.0, <16.0.0 || >=16.1.0");
        back.cells = vec![Cell::Fails, Cell::NoAnswer, Cell::Fails];
        assert_eq!(timeline.fitted_range(&back), None);
    }

    #[test]
    fn runs_that_left_out_of_range_cases_unrun_are_refused() {
        let enforced = report("16.1.7", Ranges::Enforced, &[("a/always", Outcome::Pass, "")]);
        let error = Timeline::of(&[enforced], &[case("a/always", "fixture-app", "*")]).unwrap_err();
        assert!(error.contains("--ranges informative"), "{error}");
    }

    #[test]
    fn a_case_holds_on_a_release_when_any_of_its_runs_there_passes() {
        use Outcome::*;
        let cases = [case("a/timing", "fixture-app", "*"), case("a/changed", "fixture-app", "*")];
        let first = report("16.1.7", Ranges::Informative, &[("a/timing", Fail, "step 4: late"), ("a/changed", Fail, "step 1: other")]);
        let again = report("16.1.7", Ranges::Informative, &[("a/timing", Pass, ""), ("a/changed", Fail, "step 1: other")]);
        let timeline = Timeline::of(&[first, again], &cases).unwrap();
        assert_eq!(timeline.releases.len(), 1);
        let cells: Vec<Cell> = timeline.cases.iter().map(|c| c.cells[0]).collect();
        assert_eq!(cells, [Cell::Holds, Cell::Fails]);
        assert_eq!(timeline.cases[1].answers[0].as_deref(), Some("step 1: other"));
    }
}
