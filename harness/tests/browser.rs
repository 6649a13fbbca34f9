//! The HTML reports of the fixed run, checked in headless Chromium by
//! `tests/browser/run.sh`: no console errors, the failures first (a clean report opens on its
//! summary), filters that work, cases that expand to every check with the failed ones
//! highlighted. Passes with a note when Chromium or Node.js is missing (CI installs both and
//! sets REQUIRE_BROWSER=1).

#[path = "support/fixed_run.rs"]
mod fixed_run;

use harness::report::merge::{Merged, merge};
use harness::report::{html, matrix};
use std::path::{Path, PathBuf};
use std::process::Command;

fn check_in_browser(name: &str, page: &str) {
    let dir = std::env::temp_dir().join(format!("harness-browser-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let file = dir.join(format!("{name}.html"));
    std::fs::write(&file, page).unwrap();
    let script = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/browser/run.sh");
    let screenshot: PathBuf = dir.join(format!("{name}.png"));
    let out = Command::new("sh").arg(&script).arg(&file).arg(&screenshot).output().unwrap();
    let (stdout, stderr) = (String::from_utf8_lossy(&out.stdout), String::from_utf8_lossy(&out.stderr));
    assert!(out.status.success(), "{stdout}{stderr}");
    if stderr.contains("skipped") {
        eprintln!("{stderr}");
        return;
    }
    assert!(stdout.contains("report check passed"), "{stdout}{stderr}");
    let png = std::fs::read(&screenshot).unwrap();
    assert!(png.starts_with(b"\x89PNG"), "a PNG screenshot");
}

#[test]
fn the_run_report_works_in_a_browser() {
    check_in_browser("report", &html::render(&fixed_run::report()));
}

#[test]
fn a_clean_report_opens_on_its_summary_in_a_browser() {
    let mut report = fixed_run::report();
    report.cases.retain(|c| !c.fails_run(false));
    report.summary = report.cases.iter().map(|c| c.outcome).collect();
    check_in_browser("clean", &html::render(&report));
}

#[test]
fn the_matrix_works_in_a_browser() {
    let mut other = fixed_run::report();
    other.target = "https://my-platform.example".into();
    let Merged::Matrix(matrix) = merge(vec![("a".into(), fixed_run::report()), ("b".into(), other)]).unwrap() else {
        panic!("two targets make a matrix")
    };
    check_in_browser("matrix", &matrix::html::render(&matrix));
}
