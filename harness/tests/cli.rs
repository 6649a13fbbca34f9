//! The `harness` command as users and CI call it: exit statuses, messages and reports.

use std::io::{Read, Write};
use std::net::{TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

const HARNESS: &str = env!("CARGO_BIN_EXE_harness");

fn harness(args: &[&str]) -> Output {
    Command::new(HARNESS).args(args).output().expect("the harness binary runs")
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

fn bundled_case(id: &str) -> String {
    std::fs::read_to_string(harness::default_cases_dir().join(format!("{id}.toml"))).unwrap()
}

/// A fresh folder holding the given `(id, text)` case files.
fn case_dir(name: &str, files: &[(&str, String)]) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("harness-cli-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    for (id, contents) in files {
        let path = dir.join(format!("{id}.toml"));
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, contents).unwrap();
    }
    dir
}

const GET_CASE: &str = "app-router/route-handlers/methods/get-export-answers-get";
const OPTIONS_CASE: &str = "app-router/route-handlers/methods/auto-options-lists-exported-methods";

fn two_cases(name: &str) -> PathBuf {
    case_dir(name, &[(GET_CASE, bundled_case(GET_CASE)), (OPTIONS_CASE, bundled_case(OPTIONS_CASE))])
}

/// A loopback server that answers every request with `answer`, whatever was asked.
fn fixed_answer_server(answer: &'static [u8]) -> String {
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let url = format!("http://{}", listener.local_addr().unwrap());
    std::thread::spawn(move || {
        for stream in listener.incoming().flatten() {
            std::thread::spawn(move || answer_once(stream, answer));
        }
    });
    url
}

fn answer_once(mut stream: TcpStream, answer: &[u8]) {
    let mut head = Vec::new();
    let mut byte = [0u8; 1];
    while !head.ends_with(b"\r\n\r\n") && stream.read(&mut byte).is_ok_and(|n| n == 1) {
        head.push(byte[0]);
    }
    let _ = stream.write_all(answer);
}

const ALWAYS_OK: &[u8] = b"HTTP/1.1 200 OK\r\ncontent-type: text/plain\r\ncontent-length: 4\r\nconnection: close\r\n\r\nnope";

fn closed_port_url() -> String {
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let url = format!("http://{}", listener.local_addr().unwrap());
    drop(listener);
    url
}

#[test]
fn run_against_the_embedded_reference_server_passes() {
    let out = harness(&["run"]);
    let stdout = text(&out.stdout);
    assert_eq!(out.status.code(), Some(0), "{stdout}{}", text(&out.stderr));
    let last = stdout.lines().last().unwrap();
    assert!(last.contains(" passed, 0 warned, 0 failed, 0 expected-fail, 0 unexpected-pass,") && last.ends_with(" 0 errors"), "{last}");
    let passed: usize = last.strip_prefix("PASSED: ").unwrap().split(' ').next().unwrap().parse().unwrap();
    assert!(passed >= 30, "{last}");
}

#[test]
fn an_unreachable_target_ends_the_run_at_once_with_one_line() {
    let dir = two_cases("unreachable");
    let url = closed_port_url();
    let started = std::time::Instant::now();
    let out = harness(&["run", "--target", &url, "--cases", dir.to_str().unwrap(), "--timeout", "30"]);
    let (stdout, stderr) = (text(&out.stdout), text(&out.stderr));
    assert_eq!(out.status.code(), Some(1), "{stdout}{stderr}");
    assert!(stdout.is_empty(), "no case ran: {stdout}");
    assert_eq!(stderr.lines().count(), 1, "{stderr}");
    assert!(stderr.starts_with(&format!("error: cannot connect to {url}: ")), "{stderr}");
    assert!(stderr.trim_end().ends_with("; is the server running?"), "{stderr}");
    assert!(started.elapsed() < std::time::Duration::from_secs(20), "refused at once, not after the timeout");
}

#[test]
fn a_target_that_answers_garbage_ends_the_run_at_once() {
    let url = fixed_answer_server(b"this is not HTTP\r\n\r\n");
    let dir = two_cases("garbage");
    let out = harness(&["run", "--target", &url, "--cases", dir.to_str().unwrap()]);
    let stderr = text(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{stderr}");
    assert!(text(&out.stdout).is_empty(), "{}", text(&out.stdout));
    assert!(stderr.starts_with(&format!("error: cannot connect to {url}: ")) && stderr.lines().count() == 1, "{stderr}");
}

#[test]
fn a_target_that_refuses_the_harness_is_named_with_what_to_send() {
    let url = fixed_answer_server(b"HTTP/1.1 401 Unauthorized\r\ncontent-length: 0\r\nconnection: close\r\n\r\n");
    let dir = two_cases("refused");
    let out = harness(&["run", "--target", &url, "--cases", dir.to_str().unwrap()]);
    let stderr = text(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{stderr}");
    assert!(stderr.starts_with(&format!("error: {url} answers 401 Unauthorized to GET /")), "{stderr}");
    assert!(stderr.contains("-H 'Name: value'"), "{stderr}");
}

#[test]
fn bad_options_and_report_paths_exit_2_before_any_request() {
    let requests = std::sync::Arc::new(std::sync::atomic::AtomicUsize::new(0));
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let url = format!("http://{}", listener.local_addr().unwrap());
    let counted = requests.clone();
    std::thread::spawn(move || {
        for stream in listener.incoming().flatten() {
            counted.fetch_add(1, std::sync::atomic::Ordering::SeqCst);
            answer_once(stream, ALWAYS_OK);
        }
    });
    let dir = two_cases("preflight");
    let folder = dir.join("a-folder");
    std::fs::create_dir_all(&folder).unwrap();
    let blocker = dir.join("a-file");
    std::fs::write(&blocker, "").unwrap();
    let under_a_file = blocker.join("report.json");
    let cases = dir.to_str().unwrap();
    for (args, message) in [
        (vec!["--report-html", folder.to_str().unwrap()], "error: cannot write the report"),
        (vec!["--report-json", under_a_file.to_str().unwrap()], "error: cannot write the report"),
        (vec!["--jobs", "0"], "error: --jobs must be at least 1"),
        (vec!["--rate", "0"], "error: --rate must be a positive number"),
        (vec!["-H", "no colon"], "is not `Name: value`"),
        (vec!["--ca-cert", "/no/such/ca.pem"], "error: --ca-cert /no/such/ca.pem"),
        (vec!["--ignore-header", "bad name"], "is not a valid header name"),
    ] {
        let mut all = vec!["run", "--target", url.as_str(), "--cases", cases];
        all.extend(args.iter().copied());
        let out = harness(&all);
        let stderr = text(&out.stderr);
        assert_eq!(out.status.code(), Some(2), "{args:?}: {stderr}");
        assert!(stderr.contains(message), "{args:?}: {stderr}");
    }
    assert_eq!(requests.load(std::sync::atomic::Ordering::SeqCst), 0, "no request is sent before the options are checked");
}

#[test]
fn a_wrong_answer_fails_with_evidence_and_a_replay_command() {
    let url = fixed_answer_server(ALWAYS_OK);
    let dir = two_cases("wrong");
    let report = dir.join("out/report.json");
    let out = harness(&["run", "--target", &url, "--cases", dir.to_str().unwrap(), "--report-json", report.to_str().unwrap()]);
    let stdout = text(&out.stdout);
    assert_eq!(out.status.code(), Some(1), "{stdout}");
    assert!(stdout.contains("FAIL app-router/route-handlers/methods/auto-options-lists-exported-methods"), "{stdout}");
    assert!(stdout.contains("status: expected 204, got 200"), "{stdout}");
    assert!(stdout.contains("header `allow`: expected the set {GET, HEAD, OPTIONS, POST}, but the response has no `allow` header"), "{stdout}");
    assert!(stdout.contains(&format!("replay: curl -sS -i --path-as-is -X OPTIONS {url}/route-handlers/methods/get-post")), "{stdout}");
    assert!(stdout.trim_end().ends_with("0 passed, 0 warned, 2 failed, 0 expected-fail, 0 unexpected-pass, 0 n/a, 0 errors"), "{stdout}");

    let json: serde_json::Value = serde_json::from_str(&std::fs::read_to_string(&report).unwrap()).unwrap();
    assert_eq!(json["target"], url);
    assert_eq!(json["next_version"], "16.4.6");
    assert_eq!(json["summary"]["fail"], 2);
    let case = json["cases"].as_array().unwrap().iter().find(|c| c["id"] == OPTIONS_CASE).unwrap();
    assert_eq!(case["id"], OPTIONS_CASE);
    assert_eq!(case["outcome"], "fail");
    assert_eq!(case["doc"]["anchor"], "http-methods");
    assert_eq!(case["evidence"][0]["request"]["method"], "OPTIONS");
    assert_eq!(case["evidence"][0]["response"]["status"], 200);
    assert_eq!(case["evidence"][0]["response"]["body"], "nope");
    assert!(case["evidence"][0]["curl"].as_str().unwrap().starts_with("curl "));
}

#[test]
fn expectations_turn_known_failures_into_expected_ones_and_catch_stale_entries() {
    let url = fixed_answer_server(ALWAYS_OK);
    let dir = two_cases("expectations");
    let lists = dir.with_extension("lists");
    std::fs::create_dir_all(&lists).unwrap();
    let write = |name: &str, body: &str| {
        let path = lists.join(name);
        std::fs::write(&path, body).unwrap();
        path
    };
    let run = |expectations: &Path| {
        harness(&["run", "--target", &url, "--cases", dir.to_str().unwrap(), "--expectations", expectations.to_str().unwrap()])
    };

    let both = write("both.toml", &format!("[fails]\n\"{GET_CASE}\" = \"answers text\"\n\"{OPTIONS_CASE}\" = \"no OPTIONS\"\n"));
    let out = run(&both);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stdout));
    assert!(text(&out.stdout).contains("0 passed, 0 warned, 0 failed, 2 expected-fail"));

    let flaky = write(
        "flaky.toml",
        &format!("[fails]\n\"{GET_CASE}\" = {{ reason = \"sometimes text\", flaky = true, link = \"https://example.com/i/1\" }}\n"),
    );
    let out = run(&flaky);
    let stdout = text(&out.stdout);
    assert_eq!(out.status.code(), Some(1), "the unlisted failure still fails the run: {stdout}");
    assert!(stdout.contains(&format!("FLAKY {GET_CASE}")) && stdout.contains("tracked at https://example.com/i/1"), "{stdout}");
    assert!(stdout.trim_end().ends_with("0 passed, 0 warned, 1 failed, 0 expected-fail, 0 unexpected-pass, 0 n/a, 0 errors, 1 flaky"), "{stdout}");
    let reference = harness(&["run", "--cases", dir.to_str().unwrap(), "--expectations", flaky.to_str().unwrap()]);
    assert_eq!(reference.status.code(), Some(0), "a flaky case that passes is a pass: {}", text(&reference.stdout));
    assert!(text(&reference.stdout).contains("2 passed, 0 warned, 0 failed"), "{}", text(&reference.stdout));

    let unknown = write("unknown.toml", "[fails]\n\"no/such/case\" = \"reason\"\n");
    let out = run(&unknown);
    assert_eq!(out.status.code(), Some(2));
    assert!(text(&out.stderr).contains("`no/such/case` is not a case id"), "{}", text(&out.stderr));

    let reference = harness(&["run", "--cases", dir.to_str().unwrap(), "--expectations", both.to_str().unwrap()]);
    assert_eq!(reference.status.code(), Some(1), "a listed case that passes is stale");
    assert!(text(&reference.stdout).contains("2 unexpected-pass"), "{}", text(&reference.stdout));
}

#[test]
fn ignored_headers_may_be_in_a_complete_answer_and_the_report_lists_them() {
    let url = fixed_answer_server(
        b"HTTP/1.1 200 OK\r\ncontent-type: text/plain\r\nx-cdn-cache: HIT\r\ncontent-length: 4\r\nconnection: close\r\n\r\nnope",
    );
    let case = "title = \"t\"\nbasis = \"observed\"\ndoc = { page = \"p\", anchor = \"a\", quote = \"q\" }\n\
                [[step]]\nrequest = { path = \"/x\" }\nexpect.status = 200\nexpect.headers_complete = true\n\
                expect.headers.content-type = \"text/plain\"\n";
    let dir = case_dir("ignore-header", &[("area/complete", case.to_owned())]);
    let report = dir.join("report.json");
    let cases = dir.to_str().unwrap();
    let strict = harness(&["run", "--target", &url, "--cases", cases]);
    assert_eq!(strict.status.code(), Some(1));
    assert!(text(&strict.stdout).contains("header `x-cdn-cache`: not expected in this complete answer, got `HIT`"), "{}", text(&strict.stdout));
    let out = harness(&["run", "--target", &url, "--cases", cases, "--ignore-header", "X-CDN-Cache", "--report-json", report.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stdout));
    let json: serde_json::Value = serde_json::from_str(&std::fs::read_to_string(&report).unwrap()).unwrap();
    assert_eq!(json["ignored_headers"], serde_json::json!(["x-cdn-cache"]));
    assert!(json["replay"].as_str().unwrap().contains("--ignore-header x-cdn-cache"), "{}", json["replay"]);
}

#[test]
fn a_typo_in_a_case_file_exits_2_naming_file_line_and_column() {
    let broken = bundled_case(GET_CASE).replacen("title =", "tittle =", 1);
    let dir = case_dir("typo", &[("area/broken-case", broken)]);
    let out = harness(&["run", "--cases", dir.to_str().unwrap()]);
    let stderr = text(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{stderr}");
    assert!(stderr.contains("unknown field `tittle`"), "{stderr}");
    assert!(stderr.contains("did you mean `title`?"), "{stderr}");
    assert!(stderr.contains("area/broken-case.toml:1:1"), "{stderr}");
}

#[test]
fn no_cases_is_an_error_not_a_pass() {
    let dir = case_dir("empty", &[]);
    std::fs::create_dir_all(&dir).unwrap();
    let out = harness(&["run", "--cases", dir.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(2));
    let filtered = harness(&["run", "--filter", "no-case-has-this-in-its-id"]);
    assert_eq!(filtered.status.code(), Some(2));
}

#[test]
fn list_prints_ids_and_honours_filters() {
    let out = harness(&["list", "--filter", "app-router/**/auto-options-*"]);
    assert_eq!(out.status.code(), Some(0));
    let ids: Vec<String> = text(&out.stdout).lines().map(str::to_owned).collect();
    assert!(ids.len() >= 5, "{ids:?}");
    assert!(ids.iter().all(|id| id.starts_with("app-router/") && id.contains("/auto-options-")), "{ids:?}");
    assert!(ids.contains(&OPTIONS_CASE.to_owned()));
}

#[test]
fn a_run_in_which_no_case_applies_exits_2_and_says_why() {
    let dir = two_cases("applicability");
    let old = harness(&["run", "--cases", dir.to_str().unwrap(), "--next-version", "14.2.0"]);
    let stderr = text(&old.stderr);
    assert_eq!(old.status.code(), Some(2), "{}{stderr}", text(&old.stdout));
    assert!(stderr.starts_with("error: none of the 2 selected cases applies to the target"), "{stderr}");
    assert!(stderr.contains("2 hold for other Next.js versions (>=15.0.0) than the 14.2.0 claimed"), "{stderr}");
    let no_app_router = harness(&["run", "--cases", dir.to_str().unwrap(), "--capabilities", "pages-router"]);
    assert_eq!(no_app_router.status.code(), Some(2));
    assert!(text(&no_app_router.stderr).contains("2 need capabilities the target does not declare (app-router)"), "{}", text(&no_app_router.stderr));
    let unknown = harness(&["run", "--cases", dir.to_str().unwrap(), "--capabilities", "app-routr"]);
    assert_eq!(unknown.status.code(), Some(2));
    assert!(text(&unknown.stderr).contains("did you mean `app-router`?"));
    // One applicable case is a run: the others are reported n/a.
    let some = harness(&["run", "--filter", "app-router/route-handlers/methods/*", "--next-version", "15.5.29"]);
    assert_eq!(some.status.code(), Some(0), "{}", text(&some.stdout));
}

/// `harness serve --port 0` as a child process, stopped when dropped.
struct Served {
    child: std::process::Child,
    url: String,
}

impl Served {
    fn start(next_version: &str) -> Served {
        Served::app("fixture-app", next_version)
    }

    fn app(app: &str, next_version: &str) -> Served {
        let mut child = Command::new(HARNESS)
            .args(["serve", "--port", "0", "--next-version", next_version, "--app", app])
            .stdout(std::process::Stdio::piped())
            .spawn()
            .unwrap();
        let mut line = String::new();
        std::io::BufRead::read_line(&mut std::io::BufReader::new(child.stdout.take().unwrap()), &mut line).unwrap();
        let url = line.trim().rsplit(' ').next().unwrap().to_owned();
        assert!(url.starts_with("http://127.0.0.1:"), "{line}");
        Served { child, url }
    }
}

impl Drop for Served {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// The command over a few cases without waits, of two apps; the whole suite, every app, is
/// diffed in-process on a driven clock in `tests/diff.rs`.
const DIFFED: [&str; 4] = ["--filter", "app-router/route-handlers/methods/*", "--filter", "app-router/route-handlers/src-folder/*"];

/// How many cases `filters` select.
fn selected(filters: &[&str]) -> usize {
    let out = harness(&[&["list"], filters].concat());
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    text(&out.stdout).lines().count()
}

#[test]
fn diff_of_two_instances_of_a_server_reports_nothing() {
    let (a, b) = (Served::start("16.4.6"), Served::start("16.4.6"));
    let (src_on_a, src_on_b) = (Served::app("src-layout", "16.4.6"), Served::app("src-layout", "16.4.6"));
    let (src_a, src_b) = (format!("src-layout={}", src_on_a.url), format!("src-layout={}", src_on_b.url));
    let out = harness(&[&["diff", "--a", &a.url, "--b", &b.url, "--a", &src_a, "--b", &src_b], &DIFFED[..]].concat());
    let stdout = text(&out.stdout);
    assert_eq!(out.status.code(), Some(0), "{stdout}");
    let cases = selected(&DIFFED);
    assert!(cases >= 10, "{cases}");
    assert!(stdout.trim_end().ends_with(&format!("SAME: {cases} same, 0 different in a should, 0 different, 0 n/a, 0 errors")), "{stdout}");
    let without_src = harness(&["diff", "--a", &a.url, "--b", &b.url, "--filter", "route-handlers/src-folder"]);
    assert_eq!(without_src.status.code(), Some(2), "{}", text(&without_src.stdout));
    assert!(text(&without_src.stderr).contains("none of the 3 selected cases requests an app both sides serve"), "{}", text(&without_src.stderr));
    let unknown = harness(&["diff", "--a", "nope=http://127.0.0.1:1", "--b", &b.url]);
    assert_eq!(unknown.status.code(), Some(2));
    assert!(text(&unknown.stderr).contains("no case requests the app `nope`"), "{}", text(&unknown.stderr));
}

#[test]
fn diff_names_the_differences_between_two_next_versions() {
    let (sixteen, fifteen) = (Served::start("16.4.6"), Served::start("15.5.29"));
    let report = std::env::temp_dir().join(format!("harness-cli-diff-{}.json", std::process::id()));
    let (md, page) = (report.with_extension("md"), report.with_extension("html"));
    let reports = ["--report-json", report.to_str().unwrap(), "--report-md", md.to_str().unwrap(), "--report-html", page.to_str().unwrap()];
    let out = harness(&[&["diff", "--reference", &sixteen.url, "--target", &fifteen.url], &reports[..], &DIFFED[..2]].concat());
    let stdout = text(&out.stdout);
    assert_eq!(out.status.code(), Some(1), "{stdout}");
    let failed: Vec<&str> = stdout.lines().filter(|l| l.starts_with("DIFFERENT ")).collect();
    // A case whose `next` range holds for one of the two versions and not the other is expected
    // to differ.
    let (v16, v15) = ("16.4.6".parse().unwrap(), "15.5.29".parse().unwrap());
    let ranged = |line: &str| {
        let id = line.trim_start_matches("DIFFERENT ").split_whitespace().next().unwrap_or_default();
        let case = Path::new(env!("CARGO_MANIFEST_DIR")).join("../cases").join(format!("{id}.toml"));
        let text = std::fs::read_to_string(case).unwrap_or_default();
        let range = text.lines().find_map(|l| l.strip_prefix("next = \"")).and_then(|r| r.strip_suffix('"'));
        range.and_then(|r| r.parse::<spec::Versions>().ok()).is_some_and(|r| r.matches(&v16) != r.matches(&v15))
    };
    assert!(!failed.is_empty() && failed.iter().all(|l| ranged(l)), "{failed:?}");
    assert!(stdout.contains("header `vary`: a `rsc"), "{stdout}");
    let json: serde_json::Value = serde_json::from_str(&std::fs::read_to_string(&report).unwrap()).unwrap();
    let case = json["cases"].as_array().unwrap().iter().find(|c| c["outcome"] == "fail").unwrap();
    assert!(case["evidence"][0]["a"]["curl"].as_str().unwrap().contains(&sixteen.url));
    assert!(case["evidence"][0]["b"]["curl"].as_str().unwrap().contains(&fifteen.url));
    assert!(json["next_version"].is_null() && json["diff"] == true);
    // The other reports speak of a diff too: cases are the same or different, not passed or failed.
    let md = std::fs::read_to_string(&md).unwrap();
    assert!(md.contains("**DIFFERENT: ") && md.contains("## Different\n") && md.contains("### different `"), "{md}");
    assert!(!md.contains("FAILED") && !md.contains("Next.js version claimed") && !md.contains("| Pass |"), "{md}");
    let page = std::fs::read_to_string(&page).unwrap();
    assert!(page.contains(">DIFFERENT</span>") && page.contains("<span class=\"badge o-fail\">different</span>"), "{page}");
    assert!(!page.contains("FAILED") && !page.contains(">fail</span>"), "{page}");
}

#[test]
fn every_file_of_the_broken_case_corpus_exits_2_with_its_location() {
    let corpus = Path::new(env!("CARGO_MANIFEST_DIR")).join("../spec/tests/corpus");
    for entry in std::fs::read_dir(&corpus).unwrap() {
        let path = entry.unwrap().path();
        let name = path.file_stem().unwrap().to_string_lossy().into_owned();
        let dir = case_dir(&format!("corpus-{name}"), &[]);
        std::fs::create_dir_all(&dir).unwrap();
        std::fs::copy(&path, dir.join(path.file_name().unwrap())).unwrap();
        let out = harness(&["run", "--cases", dir.to_str().unwrap()]);
        let stderr = text(&out.stderr);
        assert_eq!(out.status.code(), Some(2), "{name}: {stderr}");
        assert!(stderr.contains(&format!("{name}.toml:")) && stderr.contains("error: "), "{name}: {stderr}");
    }
}

/// A 400 whose only departure from Next.js's is the reason phrase.
const BAD_REQUEST: &[u8] = b"HTTP/1.1 400 Bad Request\r\ncontent-type: text/plain\r\ncontent-length: 12\r\nconnection: close\r\n\r\nInvalid JSON";

fn case_text(checks: &str) -> String {
    format!(
        "title = \"t\"\nbasis = \"observed\"\ndoc = {{ page = \"API Routes\", anchor = \"a\", quote = \"q\" }}\n\
         [[step]]\nrequest = {{ method = \"POST\", path = \"/api/body/echo\", body = \"{{oops\" }}\nexpect.status = 400\n\
         expect.body = {{ exact = \"Invalid JSON\" }}\n{checks}"
    )
}

#[test]
fn a_case_whose_only_mismatch_is_a_should_warns_and_fails_only_under_strict() {
    let url = fixed_answer_server(BAD_REQUEST);
    let id = "errors/status-text-of-invalid-json";
    let dir = case_dir("should", &[(id, case_text("should.reason = \"Invalid JSON\"\n"))]);
    let report = dir.join("out/report.json");
    let run = |extra: &[&str]| {
        let mut args = vec!["run", "--target", &url, "--cases", dir.to_str().unwrap(), "--report-json", report.to_str().unwrap()];
        args.extend(extra);
        harness(&args)
    };

    let out = run(&[]);
    let stdout = text(&out.stdout);
    assert_eq!(out.status.code(), Some(0), "{stdout}");
    assert!(stdout.contains(&format!("WARN {id}")), "{stdout}");
    assert!(stdout.contains("step 1: reason phrase (should): expected `Invalid JSON`, got `Bad Request`"), "{stdout}");
    assert!(stdout.trim_end().ends_with("0 passed, 1 warned, 0 failed, 0 expected-fail, 0 unexpected-pass, 0 n/a, 0 errors"), "{stdout}");
    let json: serde_json::Value = serde_json::from_str(&std::fs::read_to_string(&report).unwrap()).unwrap();
    assert_eq!(json["summary"]["warn"], 1);
    assert_eq!(json["cases"][0]["outcome"], "warn");
    assert_eq!(json["cases"][0]["evidence"][0]["mismatches"][0]["severity"], "should");

    let strict = run(&["--strict"]);
    let stdout = text(&strict.stdout);
    assert_eq!(strict.status.code(), Some(1), "{stdout}");
    assert!(stdout.contains("--strict: 1 warning(s) not listed as known fail the run"), "{stdout}");
    let json: serde_json::Value = serde_json::from_str(&std::fs::read_to_string(&report).unwrap()).unwrap();
    assert_eq!((json["strict"].clone(), json["cases"][0]["outcome"].clone()), (true.into(), "warn".into()));

    // The same difference as a must fails without --strict.
    let must = case_dir("should-as-must", &[(id, case_text("expect.reason = \"Invalid JSON\"\n"))]);
    let out = harness(&["run", "--target", &url, "--cases", must.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1), "{}", text(&out.stdout));
    // A whole case can be a should.
    let whole = case_dir("should-case", &[(id, case_text("expect.reason = \"Invalid JSON\"\n").replacen("basis =", "severity = \"should\"\nbasis =", 1))]);
    let out = harness(&["run", "--target", &url, "--cases", whole.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stdout));
    assert!(text(&out.stdout).contains("1 warned"), "{}", text(&out.stdout));
}

#[test]
fn expectations_list_known_warnings_apart_from_known_failures() {
    let url = fixed_answer_server(BAD_REQUEST);
    let id = "errors/status-text-of-invalid-json";
    let dir = case_dir("known-warnings", &[(id, case_text("should.reason = \"Invalid JSON\"\n"))]);
    let list = |name: &str, body: String| {
        let path = dir.with_extension(name);
        std::fs::write(&path, body).unwrap();
        path
    };
    let run = |expectations: &Path, strict: bool| {
        let mut args = vec!["run", "--target", &url, "--cases", dir.to_str().unwrap(), "--expectations", expectations.to_str().unwrap()];
        if strict {
            args.push("--strict");
        }
        harness(&args)
    };

    let warns = list("warns.toml", format!("[warns]\n\"{id}\" = \"the status line says Bad Request\"\n"));
    let out = run(&warns, true);
    let stdout = text(&out.stdout);
    assert_eq!(out.status.code(), Some(0), "a listed warning does not fail a strict run: {stdout}");
    assert!(stdout.contains("known warning: the status line says Bad Request"), "{stdout}");

    let fails = list("fails.toml", format!("[fails]\n\"{id}\" = \"the status line says Bad Request\"\n"));
    let out = run(&fails, false);
    let stdout = text(&out.stdout);
    assert_eq!(out.status.code(), Some(1), "a known failure that only warns now is stale: {stdout}");
    assert!(stdout.contains("only a should differs: move it to `warns`"), "{stdout}");

    let both = list("both.toml", format!("[fails]\n\"{id}\" = \"x\"\n[warns]\n\"{id}\" = \"y\"\n"));
    let out = run(&both, false);
    assert_eq!(out.status.code(), Some(2));
    assert!(text(&out.stderr).contains("listed in both `fails` and `warns`"), "{}", text(&out.stderr));

    let reference = harness(&["run", "--target", &fixed_answer_server(ALWAYS_OK), "--cases", dir.to_str().unwrap(), "--expectations", warns.to_str().unwrap()]);
    assert_eq!(reference.status.code(), Some(1), "a listed warning that now fails is a failure");
}

#[test]
fn diff_reports_a_difference_only_a_should_checks_as_a_warning() {
    let folded = fixed_answer_server(b"HTTP/1.1 200 OK\r\nx-items: one, two\r\ncontent-length: 0\r\nconnection: close\r\n\r\n");
    let split = fixed_answer_server(b"HTTP/1.1 200 OK\r\nx-items: one\r\nx-items: two\r\ncontent-length: 0\r\nconnection: close\r\n\r\n");
    let text_of_case = "title = \"t\"\nbasis = \"observed\"\ndoc = { page = \"p\", anchor = \"a\", quote = \"q\" }\n\
                        [[step]]\nrequest = { path = \"/api/res/set-header\" }\nexpect.status = 200\n\
                        expect.headers.x-items = { set = [\"one\", \"two\"] }\nshould.headers.x-items = { fields = [\"one\", \"two\"] }\n";
    let dir = case_dir("diff-should", &[("res/set-header-array", text_of_case.to_owned())]);
    let diff = |strict: bool| {
        let mut args = vec!["diff", "--reference", &split, "--target", &folded, "--cases", dir.to_str().unwrap()];
        if strict {
            args.push("--strict");
        }
        harness(&args)
    };
    let out = diff(false);
    let stdout = text(&out.stdout);
    assert_eq!(out.status.code(), Some(0), "{stdout}");
    assert!(stdout.contains(r#"step 1: header `x-items` (should): field lines differ: a ["one", "two"], b ["one, two"]"#), "{stdout}");
    assert!(stdout.trim_end().ends_with("SAME: 0 same, 1 different in a should, 0 different, 0 n/a, 0 errors"), "{stdout}");
    assert!(stdout.contains("different in a should:\n    res/set-header-array\n"), "{stdout}");
    assert_eq!(diff(true).status.code(), Some(1));
}

#[test]
fn diff_compares_every_header_of_a_complete_answer() {
    let plain = fixed_answer_server(b"HTTP/1.1 204 No Content\r\nallow: GET\r\nconnection: close\r\n\r\n");
    let leaky = fixed_answer_server(b"HTTP/1.1 204 No Content\r\nallow: GET\r\nx-middleware-rewrite: /x\r\ncf-ray: 1\r\nconnection: close\r\n\r\n");
    let case = |complete: &str| {
        format!(
            "title = \"t\"\nbasis = \"observed\"\ndoc = {{ page = \"p\", anchor = \"a\", quote = \"q\" }}\n\
             [[step]]\nrequest = {{ method = \"OPTIONS\", path = \"/x\" }}\nexpect.status = 204\nexpect.headers.allow = \"GET\"\n{complete}"
        )
    };
    let partial = case_dir("diff-partial", &[("a/options", case(""))]);
    let out = harness(&["diff", "--reference", &plain, "--target", &leaky, "--cases", partial.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stdout));
    let complete = case_dir("diff-complete", &[("a/options", case("expect.headers_complete = true\n"))]);
    let out = harness(&["diff", "--reference", &plain, "--target", &leaky, "--cases", complete.to_str().unwrap()]);
    let stdout = text(&out.stdout);
    assert_eq!(out.status.code(), Some(1), "{stdout}");
    assert!(stdout.contains("step 1: header `x-middleware-rewrite`: only b sends it: `/x`"), "{stdout}");
    assert!(!stdout.contains("step 1: header `cf-ray`"), "a CDN's request id is exempt: {stdout}");
}

#[test]
fn fuzz_refuses_bad_usage_with_exit_2() {
    let url = fixed_answer_server(b"HTTP/1.1 200 OK\r\ncontent-length: 0\r\nconnection: close\r\n\r\n");
    let bad: [&[&str]; 5] = [
        &["fuzz"],
        &["fuzz", "--reference", &url, "--requests", "0"],
        &["fuzz", "--reference", &url, "--time", "-1"],
        &["fuzz", "--reference", "ftp://127.0.0.1:1"],
        &["fuzz", "--reference", &format!("no-such-app={url}")],
    ];
    for args in bad {
        let out = harness(args);
        assert_eq!(out.status.code(), Some(2), "{args:?}: {}", text(&out.stderr));
    }
}

#[test]
fn fuzz_names_a_server_that_gives_no_answer_before_it_generates_anything() {
    let closed = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let url = format!("http://{}", closed.local_addr().unwrap());
    drop(closed);
    let out = harness(&["fuzz", "--reference", &url, "--requests", "3"]);
    let stderr = text(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{stderr}");
    assert!(stderr.contains(&format!("error: cannot connect to {url}")) && !text(&out.stdout).contains("generated"), "{stderr}");
}

#[test]
fn fuzz_exits_1_with_each_difference_as_curl_and_a_case_to_start_from() {
    let url = fixed_answer_server(b"HTTP/1.1 200 OK\r\ncontent-type: text/plain\r\ncontent-length: 2\r\nconnection: close\r\n\r\nok");
    let out = harness(&["fuzz", "--reference", &url, "--requests", "3", "--seed", "4", "--time", "60"]);
    let stdout = text(&out.stdout);
    assert_eq!(out.status.code(), Some(1), "{stdout}{}", text(&out.stderr));
    assert!(stdout.contains("left out: fixture-app/app/fetch-cache/revalidate-path/route.js"), "{stdout}");
    // Which request is minimal depends on the fixture apps' routes; that it replays on a does not.
    let replay = stdout.lines().find(|l| l.trim_start().starts_with("replay on a: ")).unwrap_or_default();
    assert!(replay.contains("curl -sS -i --path-as-is") && replay.contains(&url), "{stdout}");
    assert!(stdout.contains("[[step]]\n      request = {"), "{stdout}");
    assert!(stdout.contains("fuzz: 3 requests generated"), "{stdout}");
}

#[test]
fn serve_names_the_fixture_apps_when_asked_for_one_it_does_not_have() {
    let out = harness(&["serve", "--port", "0", "--app", "no-such-app"]);
    let stderr = text(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{stderr}");
    assert!(stderr.contains("no fixture app is named `no-such-app`") && stderr.contains("fixture-app, "), "{stderr}");
}
