//! The example GitHub Actions workflow, `examples/github-actions/conformance.yml`: every option
//! it gives the harness exists, and actionlint (with shellcheck for its scripts) finds nothing
//! wrong with it. actionlint is the `actionlint` command or, as CI installs it from PyPI,
//! `jactionlint` (a maintained fork with prebuilt wheels). Without them the lint passes with a
//! note, unless REQUIRE_ACTIONLINT=1 (as in CI).

use std::path::{Path, PathBuf};
use std::process::Command;

const HARNESS: &str = env!("CARGO_BIN_EXE_harness");

fn workflow() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../examples/github-actions/conformance.yml")
}

/// The first of `names` found on PATH.
fn on_path(names: &[&str]) -> Option<PathBuf> {
    let path = std::env::var_os("PATH")?;
    names.iter().find_map(|name| std::env::split_paths(&path).map(|dir| dir.join(name)).find(|file| file.is_file()))
}

#[test]
fn the_workflow_passes_actionlint_and_shellcheck() {
    let required = std::env::var("REQUIRE_ACTIONLINT").is_ok_and(|v| v == "1");
    let (Some(actionlint), Some(_)) = (on_path(&["actionlint", "jactionlint"]), on_path(&["shellcheck"])) else {
        assert!(!required, "REQUIRE_ACTIONLINT=1 but actionlint (or jactionlint) and shellcheck are not both on PATH");
        eprintln!("workflow lint skipped: needs actionlint (or jactionlint) and shellcheck on PATH");
        return;
    };
    let out = Command::new(&actionlint).arg(workflow()).output().unwrap();
    let (stdout, stderr) = (String::from_utf8_lossy(&out.stdout), String::from_utf8_lossy(&out.stderr));
    assert!(out.status.success(), "{} found problems:\n{stdout}{stderr}", actionlint.display());
    assert!(!stderr.contains("shellcheck was not found"), "{stderr}");
}

#[test]
fn every_option_the_workflow_gives_the_harness_exists() {
    let text = std::fs::read_to_string(workflow()).unwrap();
    let help = |command: &str| {
        let out = Command::new(HARNESS).args([command, "--help"]).output().unwrap();
        String::from_utf8_lossy(&out.stdout).into_owned()
    };
    let known = format!("{}{}", help("run"), help("report"));
    let options: Vec<&str> = harness_words(&text).into_iter().filter(|word| word.starts_with('-')).collect();
    assert!(options.contains(&"--shard") && options.contains(&"--merge") && options.contains(&"-H"), "{options:?}");
    for option in options {
        let spelled = format!("{option} ");
        let short = format!("{option}, ");
        assert!(known.contains(&spelled) || known.contains(&short), "`{option}` is not an option of harness run or report");
    }
}

/// The words of the workflow's harness command lines: each line that calls `bin/harness` with
/// its `\`-continued lines, and each `args=(...)` or `args+=(...)` list it builds for them.
fn harness_words(text: &str) -> Vec<&str> {
    let mut pieces = Vec::new();
    let mut lines = text.lines();
    while let Some(line) = lines.next() {
        if line.contains("bin/harness ") {
            pieces.push(line);
            let mut last = line;
            while last.trim_end().ends_with('\\') {
                let Some(next) = lines.next() else { break };
                pieces.push(next);
                last = next;
            }
        }
    }
    for (start, _) in text.match_indices("args") {
        let rest = &text[start..];
        if let Some(list) = rest.strip_prefix("args=(").or_else(|| rest.strip_prefix("args+=(")) {
            pieces.push(&list[..list.find(')').unwrap_or(list.len())]);
        }
    }
    pieces.iter().flat_map(|piece| piece.split_whitespace()).collect()
}
