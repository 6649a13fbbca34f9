//! Case files, good and broken: what loads, and where each error points.

use spec::{Basis, Capability, load_dir, parse_case};
use std::path::Path;

const GOOD: &str = r#"
title = "OPTIONS lists the exported methods"
doc = { page = "route.js", anchor = "http-methods", quote = "If OPTIONS is not defined ..." }
basis = "documented"
next = ">=15.0.0"
needs = ["app-router"]

[[step]]
request = { method = "OPTIONS", path = "/a", headers = { "X-One" = "1", x-many = ["a", "b"] } }
expect.status = 204
expect.headers.allow = { set = ["GET", "HEAD", "OPTIONS"] }
expect.headers.x-exact = "v"
expect.body = { empty = true }
"#;

fn error_of(text: &str) -> String {
    parse_case("t", Path::new("cases/t.toml"), text).unwrap_err().to_string()
}

#[test]
fn a_good_case_loads_with_every_field() {
    let case = parse_case("a/b", Path::new("a/b.toml"), GOOD).unwrap();
    assert_eq!(case.basis, Basis::Documented);
    assert_eq!(case.needs, vec![Capability::AppRouter]);
    assert!(case.next.matches(&semver::Version::new(16, 4, 6)));
    assert!(!case.next.matches(&semver::Version::new(14, 2, 0)));
    let step = &case.steps[0];
    assert_eq!(step.request.method, "OPTIONS");
    assert_eq!(
        step.request.headers,
        vec![("x-one".into(), "1".into()), ("x-many".into(), "a".into()), ("x-many".into(), "b".into())]
    );
    let names: Vec<&str> = step.expect.headers.0.iter().map(|(n, _)| n.as_str()).collect();
    assert_eq!(names, ["allow", "x-exact"]);
}

#[test]
fn unknown_key_names_line_column_and_a_near_miss() {
    let text = GOOD.replace("title =", "tittle =");
    let error = error_of(&text);
    assert!(error.contains("unknown field `tittle`"), "{error}");
    assert!(error.contains("did you mean `title`?"), "{error}");
    assert!(error.contains("--> cases/t.toml:2:1"), "{error}");
}

#[test]
fn unknown_key_in_a_nested_table() {
    let text = GOOD.replace("expect.status", "expect.stauts");
    let error = error_of(&text);
    assert!(error.contains("did you mean `status`?"), "{error}");
    assert!(error.contains("cases/t.toml:10:8"), "{error}");
}

#[test]
fn bad_version_range() {
    let error = error_of(&GOOD.replace(">=15.0.0", ">=fifteen"));
    assert!(error.contains("cases/t.toml:5:"), "{error}");
}

#[test]
fn bad_regex() {
    let text = GOOD.replace("{ set = [\"GET\", \"HEAD\", \"OPTIONS\"] }", "{ regex = \"GET(\" }");
    let error = error_of(&text);
    assert!(error.contains("invalid regex `GET(`"), "{error}");
    assert!(error.contains("cases/t.toml:11:"), "{error}");
}

#[test]
fn bad_matcher() {
    let text = GOOD.replace("{ set = [\"GET\", \"HEAD\", \"OPTIONS\"] }", "{ sett = [\"GET\"] }");
    let error = error_of(&text);
    assert!(error.contains("did you mean `set`?"), "{error}");
    let two = GOOD.replace("{ set = [\"GET\", \"HEAD\", \"OPTIONS\"] }", "{ exact = \"GET\", present = true }");
    assert!(error_of(&two).contains("exactly one of"));
}

#[test]
fn unknown_capability_and_basis() {
    assert!(error_of(&GOOD.replace("app-router", "app-routr")).contains("did you mean `app-router`?"));
    assert!(error_of(&GOOD.replace("\"documented\"", "\"documentd\"")).contains("did you mean `documented`?"));
}

#[test]
fn missing_fields_and_empty_steps() {
    let no_title = GOOD.replace("title = \"OPTIONS lists the exported methods\"\n", "");
    assert!(error_of(&no_title).contains("missing field `title`"));
    assert!(error_of("").contains("missing field"));
    let no_steps = GOOD.split("[[step]]").next().unwrap().to_owned() + "step = []\n";
    assert!(error_of(&no_steps).contains("at least one [[step]]"));
}

#[test]
fn request_checks() {
    assert!(error_of(&GOOD.replace("path = \"/a\"", "path = \"a\"")).contains("must start with `/`"));
    assert!(error_of(&GOOD.replace("\"OPTIONS\", path", "\"GE T\", path")).contains("not an HTTP method token"));
    assert!(error_of(&GOOD.replace("expect.status = 204", "expect.status = 99")).contains("not an HTTP status code"));
}

#[test]
fn syntax_error() {
    let error = error_of("title = \"x\n");
    assert!(error.contains("cases/t.toml:1:"), "{error}");
}

#[test]
fn load_dir_reports_invalid_utf8_duplicates_and_bad_names() {
    let dir = std::env::temp_dir().join(format!("spec-load-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(dir.join("area")).unwrap();
    std::fs::write(dir.join("area/good-case.toml"), GOOD).unwrap();
    std::fs::write(dir.join("area/Bad_Name.toml"), GOOD).unwrap();
    let mut broken = b"title = \"caf".to_vec();
    broken.extend([0xff, b'"', b'\n']);
    std::fs::write(dir.join("area/not-utf8.toml"), broken).unwrap();
    std::fs::write(dir.join("area/notes.md"), "not a case").unwrap();

    let problems = load_dir(&dir).unwrap_err();
    let shown: Vec<String> = problems.iter().map(ToString::to_string).collect();
    assert_eq!(problems.len(), 2, "{shown:#?}");
    assert!(shown.iter().any(|s| s.contains("`Bad_Name` cannot be part of a case id")), "{shown:#?}");
    assert!(shown.iter().any(|s| s.contains("not valid UTF-8") && s.contains("not-utf8.toml:1:13")), "{shown:#?}");

    std::fs::remove_file(dir.join("area/Bad_Name.toml")).unwrap();
    std::fs::remove_file(dir.join("area/not-utf8.toml")).unwrap();
    let cases = load_dir(&dir).unwrap();
    assert_eq!(cases.iter().map(|c| c.id.as_str()).collect::<Vec<_>>(), ["area/good-case"]);
    std::fs::remove_dir_all(&dir).unwrap();
}

const TWO_STEPS: &str = r#"
title = "A cached value stays the same"
doc = { page = "route.js", anchor = "revalidate", quote = "..." }
basis = "observed"
app = "cache-components"

[[step]]
request = { path = "/a" }
capture.first = { json = "/now" }
expect.status = 200

[[step]]
wait_ms = 1500
request = { path = "/a" }
capture.second = { header = "x-now" }
expect.status = 200
expect.captures.second = { same_as = "first" }
"#;

#[test]
fn steps_wait_capture_and_compare() {
    let case = parse_case("t", Path::new("t.toml"), TWO_STEPS).unwrap();
    assert_eq!(case.app, "cache-components");
    assert_eq!(case.steps[0].wait_ms, 0);
    assert_eq!(case.steps[1].wait_ms, 1500);
    assert_eq!(case.steps[0].capture.keys().collect::<Vec<_>>(), ["first"]);
    assert_eq!(case.steps[1].expect.captures["second"].other(), "first");
    assert_eq!(parse_case("t", Path::new("t.toml"), GOOD).unwrap().app, "fixture-app");
}

#[test]
fn captures_are_checked_while_reading() {
    let unknown = error_of(&TWO_STEPS.replace("same_as = \"first\"", "same_as = \"third\""));
    assert!(unknown.contains("step 2: `expect.captures.second` uses `third`, which this or an earlier step does not capture"), "{unknown}");
    let later = error_of(&TWO_STEPS.replace("capture.first", "capture.zero").replace("capture.second", "capture.first"));
    assert!(later.contains("uses `second`"), "{later}");
    let twice = error_of(&TWO_STEPS.replace("capture.second", "capture.first").replace("expect.captures.second", "expect.captures.first"));
    assert!(twice.contains("`first` is captured twice"), "{twice}");
    let long = error_of(&TWO_STEPS.replace("wait_ms = 1500", "wait_ms = 60000"));
    assert!(long.contains("longer than 10000"), "{long}");
    let source = error_of(&TWO_STEPS.replace("{ json = \"/now\" }", "{ jsn = \"/now\" }"));
    assert!(source.contains("jsn") && source.contains("t.toml:9:19"), "{source}");
    let pointer = error_of(&TWO_STEPS.replace("\"/now\"", "\"now\""));
    assert!(pointer.contains("not a JSON Pointer"), "{pointer}");
    let app = error_of(&TWO_STEPS.replace("cache-components", "Cache Components"));
    assert!(app.contains("not an app name"), "{app}");
}

#[test]
fn requests_use_values_captured_by_earlier_steps() {
    let carried = TWO_STEPS.replace("request = { path = \"/a\" }\ncapture.second", "request = { path = \"/a\", headers = { cookie = \"t={{first}}\" } }\ncapture.second");
    let case = parse_case("t", Path::new("t.toml"), &carried).unwrap();
    assert_eq!(case.steps[1].request.placeholders().collect::<Vec<_>>(), ["first"]);
    let captured = [("first".to_owned(), "abc".to_owned())].into();
    assert_eq!(case.steps[1].request.filled(&captured).headers, [("cookie".to_owned(), "t=abc".to_owned())]);
    let own = error_of(&carried.replace("t={{first}}", "t={{second}}"));
    assert!(own.contains("step 2: the request uses `{{second}}`, which no earlier step captures"), "{own}");
}

#[test]
fn a_step_needs_the_values_it_uses_and_does_not_capture_itself() {
    let case = parse_case("t", Path::new("t.toml"), TWO_STEPS).unwrap();
    assert!(case.steps[0].needs().is_empty());
    assert_eq!(case.steps[1].needs().into_iter().collect::<Vec<_>>(), ["first"]);
    let should = TWO_STEPS.replace("expect.captures.second", "should.captures.second");
    let case = parse_case("t", Path::new("t.toml"), &should).unwrap();
    assert_eq!(case.steps[1].needs().into_iter().collect::<Vec<_>>(), ["first"]);
    let unknown = error_of(&should.replace("same_as = \"first\"", "same_as = \"third\""));
    assert!(unknown.contains("step 2: `should.captures.second` uses `third`, which this or an earlier step does not capture"), "{unknown}");
}

#[test]
fn a_case_or_a_step_table_can_be_a_should() {
    let case = parse_case("t", Path::new("t.toml"), &GOOD.replace("basis = ", "severity = \"should\"\nbasis = ")).unwrap();
    assert_eq!(case.severity, spec::Severity::Should);
    assert_eq!(parse_case("t", Path::new("t.toml"), GOOD).unwrap().severity, spec::Severity::Must);
    let step = GOOD.replace("expect.body", "should.reason = \"No Content\"\nshould.headers.allow = { fields = [\"GET\", \"HEAD\", \"OPTIONS\"] }\nexpect.body");
    let case = parse_case("t", Path::new("t.toml"), &step).unwrap();
    let should = case.steps[0].should.as_ref().unwrap();
    assert_eq!(should.reason.as_deref(), Some("No Content"));
    assert_eq!(should.headers.0[0].0, "allow");
    let status = error_of(&step.replace("should.reason = \"No Content\"", "should.status = 204"));
    assert!(status.contains("the status cannot be a `should`"), "{status}");
}

#[test]
fn a_body_file_is_read_at_load_and_compared_byte_for_byte() {
    let project = std::env::temp_dir().join(format!("spec-body-file-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&project);
    std::fs::create_dir_all(project.join("cases/area")).unwrap();
    std::fs::create_dir_all(project.join("app")).unwrap();
    std::fs::write(project.join("app/icon.bin"), [1u8, 2, 3, 4]).unwrap();
    let case = GOOD.replace("expect.body = { empty = true }", "expect.body = { file = \"app/icon.bin\" }");
    std::fs::write(project.join("cases/area/served.toml"), &case).unwrap();

    let cases = load_dir(&project.join("cases")).unwrap();
    let expect = &cases[0].steps[0].expect;
    let answer = |body: &[u8]| spec::Response { status: 204, headers: vec![("allow".into(), "GET, HEAD, OPTIONS".into()), ("x-exact".into(), "v".into())], body: body.to_vec(), ..Default::default() };
    assert!(expect.check(&answer(&[1, 2, 3, 4])).is_empty());
    let differs = expect.check(&answer(&[1, 2, 9, 4]));
    assert_eq!(differs[0].to_string(), "body: expected the 4 bytes of `app/icon.bin`, got 4 bytes, differing from byte 2");

    // A cases folder that declares where its fixture apps are reads them there...
    std::fs::rename(project.join("app"), project.join("apps-elsewhere")).unwrap();
    std::fs::create_dir_all(project.join("apps-elsewhere/app")).unwrap();
    std::fs::rename(project.join("apps-elsewhere/icon.bin"), project.join("apps-elsewhere/app/icon.bin")).unwrap();
    std::fs::write(project.join("cases/suite.toml"), "fixture_apps = \"../apps-elsewhere\"\n").unwrap();
    assert_eq!(load_dir(&project.join("cases")).unwrap().len(), 1, "suite.toml is no case");
    // ...and a copy of it, away from them, reads them from the fallback (the bundled apps).
    let copy = project.join("copy/cases/area");
    std::fs::create_dir_all(&copy).unwrap();
    std::fs::copy(project.join("cases/area/served.toml"), copy.join("served.toml")).unwrap();
    std::fs::copy(project.join("cases/suite.toml"), copy.parent().unwrap().join("suite.toml")).unwrap();
    let copied = copy.parent().unwrap();
    assert!(load_dir(copied).is_err());
    assert_eq!(spec::load_dir_with(copied, Some(&project.join("apps-elsewhere"))).unwrap().len(), 1);

    std::fs::remove_file(project.join("apps-elsewhere/app/icon.bin")).unwrap();
    let problems = load_dir(&project.join("cases")).unwrap_err();
    assert!(problems[0].to_string().contains("step 1: expect.body.file `app/icon.bin`: cannot read"), "{}", problems[0]);
    std::fs::write(project.join("cases/suite.toml"), "fixture_app = \"..\"\n").unwrap();
    let problems = load_dir(&project.join("cases")).unwrap_err();
    assert!(problems[0].to_string().contains("fixture_app"), "{}", problems[0]);
    std::fs::remove_dir_all(&project).unwrap();
}
