//! The report options of `harness run` and `harness report --merge` as CI uses them: every
//! format written, shards that split a run and merge back into it, a matrix of two targets.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

const HARNESS: &str = env!("CARGO_BIN_EXE_harness");

fn harness(args: &[&str]) -> Output {
    Command::new(HARNESS).args(args).env_remove("CI").output().expect("the harness binary runs")
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

fn scratch(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("harness-report-cli-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

fn path(dir: &Path, name: &str) -> String {
    dir.join(name).to_str().unwrap().to_owned()
}

fn json(file: &str) -> serde_json::Value {
    serde_json::from_str(&std::fs::read_to_string(file).unwrap()).unwrap()
}

const FILTER: &str = "app-router/route-handlers/methods/*";

#[test]
fn run_writes_every_report_format_and_keeps_the_summary_line_last() {
    let dir = scratch("formats");
    let files = ["r.json", "r.xml", "r.md", "r.html"].map(|f| path(&dir, f));
    let out = harness(&[
        "run", "--filter", FILTER, "--report-json", &files[0], "--report-junit", &files[1], "--report-md", &files[2],
        "--report-html", &files[3],
    ]);
    let stdout = text(&out.stdout);
    assert_eq!(out.status.code(), Some(0), "{stdout}{}", text(&out.stderr));
    assert!(!stdout.contains('\x1b') && !text(&out.stderr).contains('\x1b'), "no escape codes when not on a terminal");
    let last = stdout.lines().last().unwrap();
    assert!(last.contains(" passed, 0 warned, 0 failed, 0 expected-fail, 0 unexpected-pass, ") && last.ends_with(" 0 errors"), "{last}");

    let report = json(&files[0]);
    assert!(report["replay"].as_str().unwrap().starts_with("harness run --next-version 16.4.6"), "{}", report["replay"]);
    let cases = report["cases"].as_array().unwrap().len();
    let junit = std::fs::read_to_string(&files[1]).unwrap();
    assert!(junit.starts_with("<?xml"));
    assert_eq!(junit.matches("<testcase ").count(), cases);
    assert!(std::fs::read_to_string(&files[2]).unwrap().contains("## Summary by area"));
    let page = std::fs::read_to_string(&files[3]).unwrap();
    assert_eq!(page.matches("<tbody class=\"case\" id=").count(), cases);
}

#[test]
fn shards_split_a_run_and_merge_back_into_the_whole_run() {
    let dir = scratch("shards");
    let whole = path(&dir, "whole.json");
    assert_eq!(harness(&["run", "--filter", FILTER, "--report-json", &whole]).status.code(), Some(0));
    let mut shard_files = Vec::new();
    for shard in ["1/3", "2/3", "3/3"] {
        let file = path(&dir, &format!("shard-{}.json", &shard[..1]));
        let out = harness(&["run", "--filter", FILTER, "--shard", shard, "--report-json", &file]);
        assert_eq!(out.status.code(), Some(0), "{}", text(&out.stdout));
        assert!(text(&out.stdout).contains(&format!("(shard {shard})")));
        assert_eq!(json(&file)["shard"], shard);
        shard_files.push(file);
    }
    let merged = path(&dir, "merged.json");
    let html = path(&dir, "merged.html");
    let mut args = vec!["report", "--json", merged.as_str(), "--html", html.as_str(), "--merge"];
    args.extend(shard_files.iter().map(String::as_str));
    let out = harness(&args);
    assert_eq!(out.status.code(), Some(0), "{}{}", text(&out.stdout), text(&out.stderr));
    assert!(text(&out.stdout).trim_end().ends_with(" 0 errors"));

    let ids = |report: &serde_json::Value| -> Vec<String> {
        report["cases"].as_array().unwrap().iter().map(|c| c["id"].as_str().unwrap().to_owned()).collect()
    };
    let (whole, merged) = (json(&whole), json(&merged));
    let mut sorted = ids(&whole);
    sorted.sort();
    assert_eq!(ids(&merged), sorted);
    assert_eq!(merged["summary"], whole["summary"]);
    assert!(merged.get("shard").is_none());

    let missing = harness(&["report", "--merge", &shard_files[0], &shard_files[2]]);
    assert_eq!(missing.status.code(), Some(2));
    assert!(text(&missing.stderr).contains("2/3"), "{}", text(&missing.stderr));
    let bad = harness(&["run", "--shard", "4/3"]);
    assert_eq!(bad.status.code(), Some(2));
}

#[test]
fn reports_of_two_targets_merge_into_a_matrix() {
    let dir = scratch("matrix");
    let (sixteen, fifteen) = (path(&dir, "16.json"), path(&dir, "15.json"));
    assert_eq!(harness(&["run", "--filter", FILTER, "--report-json", &sixteen]).status.code(), Some(0));
    let out = harness(&["run", "--filter", FILTER, "--next-version", "15.5.29", "--report-json", &fifteen]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stdout));
    let (html, md) = (path(&dir, "matrix.html"), path(&dir, "matrix.md"));
    let out = harness(&["report", "--merge", &sixteen, &fifteen, "--report-html", &html, "--report-md", &md]);
    assert_eq!(out.status.code(), Some(0), "{}{}", text(&out.stdout), text(&out.stderr));
    let md = std::fs::read_to_string(&md).unwrap();
    assert!(md.contains("| Case | T1 | T2 |"), "{md}");
    assert!(std::fs::read_to_string(&html).unwrap().contains("id=\"t2-app-router/route-handlers/methods/"));
    let refused = harness(&["report", "--merge", &sixteen, &fifteen, "--junit", &path(&dir, "x.xml")]);
    assert_eq!(refused.status.code(), Some(2));
}

#[test]
fn informative_runs_of_two_releases_make_a_timeline_and_enforced_ones_are_refused() {
    let dir = scratch("timeline");
    let filter = "app-router/metadata/sitemap/static-sitemap-is-*";
    let run = |version: &str, ranges: &str| {
        let file = path(&dir, &format!("{version}-{ranges}.json"));
        harness(&["run", "--filter", filter, "--next-version", version, "--ranges", ranges, "--report-json", &file]);
        file
    };
    let (old, new) = (run("15.5.29", "informative"), run("16.4.6", "informative"));
    assert_eq!(json(&old)["ranges"], "informative");
    let cases = json(&old)["cases"].as_array().unwrap().clone();
    assert!(cases.iter().all(|c| c["outcome"] != "n/a"), "every case runs whatever its range: {cases:?}");

    let timeline = path(&dir, "TIMELINE.md");
    let out = harness(&["report", "--merge", &new, &old, "--timeline", &timeline]);
    assert_eq!(out.status.code(), Some(1), "cases fail outside their range: {}", text(&out.stderr));
    let written = std::fs::read_to_string(&timeline).unwrap();
    assert!(written.contains("| `app-router/metadata/sitemap/static-sitemap-is-immutable-before-16` | `>=15.0.0, <16.0.0` | ✓ | ✗ |"), "{written}");
    assert!(written.contains("| `app-router/metadata/sitemap/static-sitemap-is-revalidated` | `>=16.0.0` | ✗ | ✓ |"), "{written}");
    assert!(written.contains("None: every case holds on exactly the releases its range names"), "{written}");

    let enforced = run("16.4.6", "enforced");
    let out = harness(&["report", "--merge", &enforced, &old, "--timeline", &timeline]);
    assert_eq!(out.status.code(), Some(2));
    assert!(text(&out.stderr).contains("a timeline needs runs with `--ranges informative`"), "{}", text(&out.stderr));
}
