//! The command line as a new user meets it: the end of a run (failing ids, how to rerun them,
//! where the reports went, a verdict), replays that reproduce (the server a `curl` line
//! addresses can be started again), one command to check a new case in every Next.js version
//! the reference server mimics, a copied cases folder that still works, a fixture app to
//! deploy, and errors that all start with `error:`.

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use reference_server::{BEFORE_A_MINOR_CHANGE, CHECKED_NEXT_VERSIONS};

const HARNESS: &str = env!("CARGO_BIN_EXE_harness");

fn harness(args: &[&str]) -> Output {
    Command::new(HARNESS).args(args).output().expect("the harness binary runs")
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

fn scratch(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("harness-ux-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for entry in std::fs::read_dir(from).unwrap().flatten() {
        let target = to.join(entry.file_name());
        if entry.path().is_dir() {
            copy_dir(&entry.path(), &target);
        } else {
            std::fs::copy(entry.path(), target).unwrap();
        }
    }
}

const FOLDED: &str = "app-router/cookies/set/several-cookies-one-line-each";

#[test]
fn a_failed_run_ends_with_its_failures_how_to_rerun_them_its_reports_and_a_verdict() {
    let dir = scratch("end");
    let html = dir.join("report.html");
    let out = harness(&["run", "--inject-fault", "fold-set-cookie", "-f", "cookies/set/several", "-f", "no-such-case", "--report-html", html.to_str().unwrap()]);
    let stdout = text(&out.stdout);
    assert_eq!(out.status.code(), Some(1), "{stdout}{}", text(&out.stderr));
    let end: Vec<&str> = stdout.lines().rev().take(6).collect::<Vec<_>>().into_iter().rev().collect();
    assert_eq!(end[0], format!("    {FOLDED}"), "{stdout}");
    assert_eq!(end[1], "");
    assert_eq!(end[2], format!("rerun the failures: harness run --next-version 16.4.6 --inject-fault fold-set-cookie -f {FOLDED}"));
    assert_eq!(end[3], format!("wrote the HTML report: {}", html.display()));
    assert!(end[4].starts_with("ran 1 case against "), "one case, not `1 cases`: {stdout}");
    assert!(end[5].starts_with("FAILED: 0 passed, 0 warned, 1 failed,"), "{stdout}");
    assert_eq!(stdout.matches("step 1: Set-Cookie:").count(), 1, "one folded line is one message: {stdout}");

    let rerun = end[2].strip_prefix("rerun the failures: harness ").unwrap();
    let again = harness(&rerun.split(' ').collect::<Vec<_>>());
    assert_eq!(again.status.code(), Some(1), "the rerun fails as the run did: {}", text(&again.stdout));
}

#[test]
fn the_curl_replay_of_an_embedded_run_reaches_the_server_its_command_starts_again() {
    let out = harness(&["run", "--inject-fault", "fold-set-cookie", "-f", FOLDED]);
    let stdout = text(&out.stdout);
    let serve = stdout.lines().find_map(|l| l.trim().strip_prefix("replay: ")).unwrap_or_else(|| panic!("{stdout}"));
    let serve = serve.split("   #").next().unwrap();
    assert!(serve.starts_with("harness serve --port ") && serve.ends_with(" --next-version 16.4.6 --inject-fault fold-set-cookie"), "{serve}");
    let curl = stdout.lines().map(str::trim).find(|l| l.starts_with("curl ")).unwrap();
    let url = curl.rsplit(' ').next().unwrap();

    let mut child = Command::new(HARNESS).args(serve.split(' ').skip(1)).stdout(Stdio::piped()).spawn().unwrap();
    let mut first = String::new();
    BufReader::new(child.stdout.take().unwrap()).read_line(&mut first).unwrap();
    let address = url.strip_prefix("http://").unwrap().split('/').next().unwrap();
    assert!(first.trim_end().ends_with(&format!("on http://{address}")), "{first}");
    let mut stream = TcpStream::connect(address).unwrap();
    let path = &url[url.find(address).unwrap() + address.len()..];
    write!(stream, "GET {path} HTTP/1.1\r\nhost: {address}\r\ncookie: a=1; name=old\r\nconnection: close\r\n\r\n").unwrap();
    let mut answer = String::new();
    stream.read_to_string(&mut answer).unwrap();
    let _ = child.kill();
    let _ = child.wait();
    assert!(answer.to_ascii_lowercase().contains("set-cookie: a=1; path=/, b=2; path=/, c=3; path=/"), "the fault is there again: {answer}");
}

#[test]
fn check_runs_a_case_in_every_version_the_reference_server_mimics() {
    let bundled = harness::default_cases_dir();
    let id = "server/compression/route-handler-answers-are-not-compressed-before-16";
    let text_of_case = std::fs::read_to_string(bundled.join(format!("{id}.toml"))).unwrap();
    let dir = scratch("check");
    let case = dir.join(format!("{id}.toml"));
    std::fs::create_dir_all(case.parent().unwrap()).unwrap();
    // Without its version range (from 15.5 until 16.4) the claim fails in the 16.4 mode only.
    let without_range: String = text_of_case.lines().filter(|l| !l.starts_with("next = ")).map(|l| format!("{l}\n")).collect();
    assert_ne!(without_range.len(), text_of_case.len(), "the case has a range to take away");
    std::fs::write(&case, without_range).unwrap();
    let cases = dir.to_str().unwrap();

    let fifteen = harness(&["run", "--cases", cases, "--next-version", "15.5.29"]);
    assert_eq!(fifteen.status.code(), Some(0), "{}", text(&fifteen.stdout));
    let checked = harness(&["check", "--cases", cases]);
    let stdout = text(&checked.stdout);
    assert_eq!(checked.status.code(), Some(1), "{stdout}");
    assert!(stdout.contains(&format!("failures:\n    {id}\n")), "the 16 mode fails it: {stdout}");
    assert!(!stdout.contains(&format!("    {id}@15.5.29")), "{stdout}");
    assert!(stdout.contains(&format!("rerun the failures: harness check --cases {cases} -f {id}")), "{stdout}");
    // Every release the reference server mimics: the two checked ones and the release before
    // each minor that changed a behaviour.
    let versions = CHECKED_NEXT_VERSIONS.into_iter().chain(BEFORE_A_MINOR_CHANGE).collect::<Vec<_>>();
    assert!(stdout.contains(&format!("ran {} cases against the reference server as Next.js {}", versions.len(), versions.join(", "))), "{stdout}");
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn a_copied_cases_folder_works_anywhere_and_a_fixture_app_exports() {
    let dir = scratch("copied");
    let copy = dir.join("my-cases");
    copy_dir(&harness::default_cases_dir(), &copy);
    assert!(copy.join("coverage").is_dir() && copy.join("suite.toml").is_file(), "the coverage map and the marker travel");
    // Cases whose bodies are files of the fixture apps, read from the bundled apps here.
    let out = harness(&["check", "--cases", copy.to_str().unwrap(), "-f", "server/static-files"]);
    let stdout = text(&out.stdout);
    assert_eq!(out.status.code(), Some(0), "{stdout}{}", text(&out.stderr));
    assert!(stdout.lines().last().unwrap().starts_with("PASSED: "), "{stdout}");
    let coverage = harness(&["coverage", "--cases", copy.to_str().unwrap()]);
    assert_eq!(coverage.status.code(), Some(0), "{}", text(&coverage.stderr));

    let app = dir.join("deploy");
    let out = harness(&["fixture", "export", app.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    for file in ["package.json", "package-lock.json", "next.config.js", "app/favicon.ico", "proxy.js"] {
        assert!(app.join(file).is_file(), "{file}");
    }
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn fail_fast_stops_after_the_first_failure_and_color_is_chosen() {
    let out = harness(&["run", "--inject-fault", "change-status", "-f", "app-router/route-handlers/methods/", "-j", "1", "--fail-fast"]);
    let stdout = text(&out.stdout);
    assert_eq!(out.status.code(), Some(1), "{stdout}");
    assert!(stdout.contains("ran 1 case against ") && stdout.contains("; --fail-fast left "), "{stdout}");
    let colored = harness(&["run", "--inject-fault", "change-status", "-f", FOLDED, "--color", "always"]);
    assert!(text(&colored.stdout).contains("\x1b[1;31m"), "{}", text(&colored.stdout));
    let plain = harness(&["run", "--inject-fault", "change-status", "-f", FOLDED, "--color", "never"]);
    assert!(!text(&plain.stdout).contains('\x1b'));
}

#[test]
fn every_error_is_one_error_line_that_says_what_to_do() {
    let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let busy = listener.local_addr().unwrap().port().to_string();
    for args in [
        vec!["run", "--cases", "/no/such/folder"],
        vec!["run", "-f", "no-case-is-called-this"],
        vec!["run", "--target", "ftp://example.com"],
        vec!["run", "--capabilities", "teleportation"],
        vec!["diff", "--reference", "http://127.0.0.1:1", "--target", "nope=http://127.0.0.1:2"],
        vec!["report", "--merge", "/no/such/report.json"],
        vec!["serve", "--port", busy.as_str()],
        vec!["fixture", "export", "/tmp", "no-such-app"],
        vec!["check", "-j", "0"],
    ] {
        let out = harness(&args);
        let stderr = text(&out.stderr);
        assert_eq!(out.status.code(), Some(2), "{args:?}: {stderr}");
        assert!(stderr.starts_with("error: ") && stderr.lines().count() == 1, "{args:?}: {stderr}");
    }
}
