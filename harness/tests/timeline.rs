//! The committed TIMELINE.md and the cases stay in step: every case it names still exists, and
//! every case's `next` range holds on exactly the releases where the timeline saw it hold (among
//! those that built its fixture app), so `--next-version` of any release in the timeline is exact.
//! Cases added since the timeline's runs are listed, not checked: `targets/timeline.sh` runs them.

use harness::report::timeline::markdown;
use std::path::Path;

#[test]
fn the_committed_timeline_agrees_with_the_cases_ranges() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("../TIMELINE.md");
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let recorded = markdown::parse(&text).unwrap_or_else(|e| panic!("{e}"));
    let cases = spec::load_dir(&harness::default_cases_dir()).unwrap_or_else(|problems| panic!("{} case files have errors", problems.len()));
    let timeline = recorded.with_cases(&cases);

    assert!(timeline.cases.len() > 100, "TIMELINE.md records only {} of the cases", timeline.cases.len());
    assert!(
        timeline.gone.is_empty(),
        "TIMELINE.md names cases that no longer exist: {}; render it again (targets/timeline.sh --render, or a run of targets/timeline.sh)",
        timeline.gone.join(", ")
    );
    let disagreements: Vec<String> = timeline
        .disagreements()
        .iter()
        .map(|d| format!("{} ({}) on {}: {:?}", d.id, d.range, d.release, d.cell))
        .collect();
    assert!(
        disagreements.is_empty(),
        "these ranges disagree with where the cases hold in TIMELINE.md (Holds: outside the range; Fails: inside it):\n{}",
        disagreements.join("\n")
    );
    if !timeline.added.is_empty() {
        eprintln!("not in TIMELINE.md yet (targets/timeline.sh runs them): {}", timeline.added.join(", "));
    }
}
