//! `harness coverage` as CI calls it: the table, the open list, `--strict` and broken maps.

use std::path::PathBuf;
use std::process::{Command, Output};

const HARNESS: &str = env!("CARGO_BIN_EXE_harness");
const GET_CASE: &str = "app-router/route-handlers/methods/get-export-answers-get";

fn harness(args: &[&str]) -> Output {
    Command::new(HARNESS).args(args).output().expect("the harness binary runs")
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

/// A cases folder with one bundled case and a map of the route.js page holding `statements`.
fn cases_with_map(name: &str, statements: &str) -> PathBuf {
    let bundled = harness::default_cases_dir();
    let dir = std::env::temp_dir().join(format!("harness-coverage-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    let case = dir.join(format!("{GET_CASE}.toml"));
    std::fs::create_dir_all(case.parent().unwrap()).unwrap();
    std::fs::copy(bundled.join(format!("{GET_CASE}.toml")), case).unwrap();
    let map = dir.join("coverage");
    std::fs::create_dir_all(&map).unwrap();
    std::fs::copy(bundled.join("coverage/route.md"), map.join("route.md")).unwrap();
    let head = "page = \"route.js\"\nurl = \"https://nextjs.org/docs/app/api-reference/file-conventions/route\"\nsource = \"seed 004\"\n";
    std::fs::write(map.join("route.toml"), format!("{head}{statements}")).unwrap();
    dir
}

const COVERED: &str = r#"
[[statement]]
anchor = "http-methods"
claim = "Exported methods answer"
quote = "The following HTTP methods are supported"
cases = ["app-router/route-handlers/methods/get-export-answers-get"]
"#;

const OPEN: &str = r#"
[[statement]]
anchor = "headers"
claim = "The headers() instance is read-only"
quote = "This `headers` instance is read-only."
open = "no case sets a header on headers()"
"#;

#[test]
fn the_bundled_map_prints_a_table_per_page_and_what_is_open() {
    let out = harness(&["coverage"]);
    let stdout = text(&out.stdout);
    assert_eq!(out.status.code(), Some(0), "{stdout}{}", text(&out.stderr));
    assert!(stdout.starts_with("Doc coverage: "), "{stdout}");
    assert!(stdout.lines().any(|l| l.starts_with("route.js ")), "{stdout}");
    assert!(stdout.lines().any(|l| l.starts_with("all pages ")), "{stdout}");
    assert!(stdout.contains(" cases: ") && stdout.contains(" assert a statement of the map"), "{stdout}");
}

#[test]
fn strict_fails_while_a_statement_is_open_and_passes_once_none_is() {
    let dir = cases_with_map("strict", &format!("{COVERED}{OPEN}"));
    let arg = dir.to_str().unwrap();
    let lenient = harness(&["coverage", "--cases", arg]);
    let stdout = text(&lenient.stdout);
    assert_eq!(lenient.status.code(), Some(0), "{stdout}{}", text(&lenient.stderr));
    assert!(stdout.contains("route.js") && stdout.contains("1 (50%)"), "{stdout}");
    assert!(stdout.contains("Open (1): no case shows them yet\n  route.js#headers: The headers() instance is read-only\n      no case sets a header on headers()"), "{stdout}");

    assert_eq!(harness(&["coverage", "--cases", arg, "--strict"]).status.code(), Some(1));
    std::fs::write(dir.join("coverage/route.toml"), std::fs::read_to_string(dir.join("coverage/route.toml")).unwrap().replace(OPEN, "")).unwrap();
    let complete = harness(&["coverage", "--cases", arg, "--strict"]);
    assert_eq!(complete.status.code(), Some(0), "{}{}", text(&complete.stdout), text(&complete.stderr));
    assert!(!text(&complete.stdout).contains("Open ("));
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn a_broken_map_or_citation_exits_2_naming_file_and_line() {
    let dir = cases_with_map("broken", &COVERED.replace("http-methods", "http-method"));
    let out = harness(&["coverage", "--cases", dir.to_str().unwrap()]);
    let stderr = text(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{stderr}");
    assert!(stderr.contains("has no section `#http-method`, did you mean `http-methods`?") && stderr.contains("route.toml:6:10"), "{stderr}");

    std::fs::write(dir.join("coverage/route.toml"), std::fs::read_to_string(dir.join("coverage/route.toml")).unwrap().replace("http-method\"", "cors\"")).unwrap();
    let out = harness(&["coverage", "--cases", dir.to_str().unwrap()]);
    let stderr = text(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{stderr}");
    assert!(stderr.contains("the quote is not in section `#cors` but in `#http-methods`"), "{stderr}");
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn a_cases_folder_without_a_map_is_a_usage_error() {
    let dir = cases_with_map("no-map", COVERED);
    std::fs::remove_dir_all(dir.join("coverage")).unwrap();
    let out = harness(&["coverage", "--cases", dir.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(2));
    assert!(text(&out.stderr).contains("cannot read the doc coverage map"), "{}", text(&out.stderr));
    std::fs::remove_dir_all(&dir).unwrap();
}
