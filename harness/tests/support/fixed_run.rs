//! A fixed run with one case of every kind of outcome, for report tests: a pass (whose step
//! matched at the third try), a fail with evidence (its body holds markup), a warning (a should
//! table's reason phrase), a multi-step fail (two failing steps and one not run), an expected
//! fail (listed with a link), an unexpected pass, an n/a, an error, a diff-mode failure and a
//! flaky failure (listed with a link; its step never matched). Times are fixed, so reports
//! rendered from it never change.

use harness::settling::Settling;
use harness::evidence::{CheckEvidence, DiffEvidence, Evidence, ReceivedResponse, SentRequest, Side, curl_command};
use harness::outcome::Listed;
use harness::report::{Report, Run, RunInfo};
use harness::{CaseResult, Outcome};
use spec::{Case, Response};
use std::time::{Duration, SystemTime};

const BASE: &str = "http://127.0.0.1:3000";

fn case(id: &str, page: &str, anchor: &str, step: &str) -> Case {
    let text = format!(
        "title = \"Claim of {title}\"\nbasis = \"documented\"\nnext = \">=15.0.0\"\nneeds = [\"app-router\"]\n\
         doc = {{ page = \"{page}\", anchor = \"{anchor}\", quote = \"The doc says <so> & so.\" }}\n\n[[step]]\n{step}",
        title = id.rsplit('/').next().unwrap(),
    );
    spec::parse_case(id, std::path::Path::new(&format!("{id}.toml")), &text).unwrap()
}

fn result(case: &Case, outcome: Outcome, millis: u64, message: Option<&str>, evidence: Option<Evidence>) -> CaseResult {
    CaseResult {
        duration: Duration::from_millis(millis),
        ..CaseResult::ended(&case.id, std::time::Instant::now(), outcome, message.map(str::to_owned), evidence.into_iter().collect())
    }
}

fn request(method: &str, base: &str, path: &str) -> SentRequest {
    SentRequest { method: method.into(), url: format!("{base}{path}"), headers: vec![("accept".into(), "*/*".into())], body: None }
}

/// Checks the case's first step against `response`, as the runner does.
fn checked(case: &Case, request: SentRequest, response: Option<Response>) -> (Option<String>, Evidence) {
    checked_step(case, 1, request, response)
}

/// Checks step `number` of the case against `response`, as the runner does.
fn checked_step(case: &Case, number: usize, request: SentRequest, response: Option<Response>) -> (Option<String>, Evidence) {
    let step = &case.steps[number - 1];
    let mismatches = response
        .as_ref()
        .map(|r| spec::verdict::check_step(step, case.severity, r, &mut Default::default(), &[]))
        .unwrap_or_default();
    let lines: Vec<String> = mismatches.iter().map(|m| format!("step {number}: {m}")).collect();
    let evidence = Evidence::Check(CheckEvidence {
        step: number,
        curl: curl_command(&request),
        request,
        response: response.as_ref().map(ReceivedResponse::from),
        expected: step.expect.clone(),
        should: step.should.clone(),
        capture: step.capture.clone(),
        captured: Default::default(),
        eventually: None,
        mismatches,
    });
    (Some(lines.join("\n")), evidence)
}

fn response(status: u16, headers: &[(&str, &str)], body: &str) -> Response {
    Response::from_parts(status, headers, body)
}

/// The cases and their results, in the order a run lists them.
pub fn cases_and_results() -> (Vec<Case>, Vec<CaseResult>) {
    let mut cases = Vec::new();
    let mut results = Vec::new();

    let pass = case("app-router/route-handlers/methods/get-export-answers-get", "route.js", "http-methods",
        "request = { path = \"/route-handlers/methods/get-post\" }\nexpect.status = 200\n");
    let settled = Settling { step: 1, attempts: 3, elapsed_ms: 612, matched: true };
    results.push(CaseResult { settling: vec![settled], ..result(&pass, Outcome::Pass, 4, None, None) });
    cases.push(pass);

    let fail = case("app-router/route-handlers/methods/auto-options-lists-exported-methods", "route.js", "http-methods",
        "request = { method = \"OPTIONS\", path = \"/route-handlers/methods/get-post\" }\nexpect.status = 204\n\
         expect.headers.allow = { set = [\"GET\", \"HEAD\", \"OPTIONS\", \"POST\"] }\nexpect.body = { empty = true }\n");
    let answer = response(200, &[("content-type", "text/html"), ("x-powered-by", "Next.js")], "<script>alert('x & y')</script>");
    let (message, evidence) = checked(&fail, request("OPTIONS", BASE, "/route-handlers/methods/get-post"), Some(answer));
    results.push(result(&fail, Outcome::Fail, 12, message.as_deref(), Some(evidence)));
    cases.push(fail);

    let warned = case("pages-router/api-routes/errors/status-text-of-invalid-json", "API Routes", "request-helpers",
        "request = { method = \"POST\", path = \"/api/body/echo\", body = \"{oops\" }\nexpect.status = 400\n\
         expect.headers.content-type = { regex = \"^text/plain\" }\nshould.reason = \"Invalid JSON\"\n\
         should.headers.content-type = \"text/plain; charset=utf-8\"\n");
    let mut answer = response(400, &[("content-type", "text/plain")], "Invalid JSON");
    answer.reason = Some("Bad Request".into());
    let (message, evidence) = checked(&warned, request("POST", BASE, "/api/body/echo"), Some(answer));
    results.push(result(&warned, Outcome::Warn, 6, message.as_deref(), Some(evidence)));
    cases.push(warned);

    let steps = case("app-router/caching/revalidate-path-regenerates-a-static-page", "revalidatePath", "revalidatepath",
        "request = { path = \"/static\" }\ncapture.first = { header = \"x-rendered\" }\nexpect.status = 200\n\
         [[step]]\nrequest = { method = \"POST\", path = \"/revalidate\" }\nexpect.status = 200\n\
         [[step]]\nrequest = { path = \"/static\", headers = { x-seen = \"{{first}}\" } }\nexpect.status = 200\n");
    let (first, first_evidence) = checked_step(&steps, 1, request("GET", BASE, "/static"), Some(response(500, &[], "")));
    let (second, second_evidence) = checked_step(&steps, 2, request("POST", BASE, "/revalidate"), Some(response(404, &[], "")));
    let message = format!("{}\n{}\nstep 3: not run: it needs `first`, which step 1 did not capture", first.unwrap(), second.unwrap());
    let mut multi = result(&steps, Outcome::Fail, 21, Some(&message), Some(first_evidence));
    multi.evidence.push(second_evidence);
    results.push(multi);
    cases.push(steps);

    let known = case("app-router/route-handlers/methods/auto-head", "route.js", "http-methods",
        "request = { method = \"HEAD\", path = \"/route-handlers/methods/get-only\" }\nexpect.status = 200\n");
    let (message, evidence) = checked(&known, request("HEAD", BASE, "/route-handlers/methods/get-only"), Some(response(405, &[("allow", "GET")], "")));
    let message = format!("known failure: the platform answers HEAD with 405\n{}", message.unwrap());
    let listed = Listed { reason: "the platform answers HEAD with 405".into(), link: Some("https://example.com/platform/issues/7".into()), flaky: false };
    results.push(CaseResult { listed: Some(listed), ..result(&known, Outcome::ExpectedFail, 7, Some(&message), Some(evidence)) });
    cases.push(known);

    let stale = case("app-router/route-groups/group-folder-is-not-in-the-url", "Route Groups", "convention",
        "request = { path = \"/grouped\" }\nexpect.status = 200\n");
    let message = "listed as a known failure (groups leak into URLs) but passed: remove it from the list";
    results.push(result(&stale, Outcome::UnexpectedPass, 3, Some(message), None));
    cases.push(stale);

    let not_applicable = case("pages-router/api-routes/res-json-sends-json", "API Routes", "response-helpers",
        "request = { path = \"/api/json\" }\nexpect.status = 200\n");
    let message = "needs pages-router, which the target does not declare";
    results.push(result(&not_applicable, Outcome::NotApplicable, 0, Some(message), None));
    cases.push(not_applicable);

    let error = case("app-router/route-handlers/redirects/redirect-answers-307", "Redirecting", "redirect-function",
        "request = { path = \"/redirects/temporary\" }\nexpect.status = 307\nexpect.headers.location = \"/target\"\n");
    let sent = request("GET", BASE, "/redirects/temporary");
    let (_, evidence) = checked(&error, sent, None);
    let message = format!("step 1: GET {BASE}/redirects/temporary: connection refused");
    results.push(result(&error, Outcome::Error, 5003, Some(&message), Some(evidence)));
    cases.push(error);

    let diff = case("app-router/route-handlers/methods/vary-on-accept-encoding", "route.js", "http-methods",
        "request = { path = \"/route-handlers/methods/get-post\" }\nexpect.status = 200\nexpect.headers.vary = { present = true }\n");
    let (a, b) = ("http://127.0.0.1:3001", "http://127.0.0.1:3002");
    let side = |base: &str, vary: &str| {
        let sent = request("GET", base, "/route-handlers/methods/get-post");
        let answer = response(200, &[("vary", vary), ("content-type", "application/json")], "{\"ok\":true}");
        Side { curl: curl_command(&sent), request: sent, response: Some(ReceivedResponse::from(&answer)) }
    };
    let differences = vec![spec::Mismatch::new(
        spec::Subject::Header("vary".into()),
        "a {rsc, next-router-state-tree, accept-encoding}, b {rsc, next-router-state-tree}",
    )];
    let evidence = Evidence::Diff(DiffEvidence {
        step: 1,
        a: side(a, "rsc, next-router-state-tree, accept-encoding"),
        b: side(b, "rsc, next-router-state-tree"),
        differences,
    });
    let message = "step 1: header `vary`: a {rsc, next-router-state-tree, accept-encoding}, b {rsc, next-router-state-tree}";
    results.push(result(&diff, Outcome::Fail, 9, Some(message), Some(evidence)));
    cases.push(diff);

    let flaky = case("app-router/segment-config/revalidate/revalidate-seconds-handler-serves-stale-then-regenerates", "Route Segment Config", "revalidate",
        "eventually = { within_ms = 5000, every_ms = 500 }\nrequest = { path = \"/segment-config/revalidate/swr\" }\nexpect.status = 200\n\
         expect.headers.x-nextjs-cache = \"HIT\"\n");
    let answer = response(200, &[("x-nextjs-cache", "STALE")], "{}");
    let (message, evidence) = checked(&flaky, request("GET", BASE, "/segment-config/revalidate/swr"), Some(answer));
    let settled = Settling { step: 1, attempts: 10, elapsed_ms: 5003, matched: false };
    let message = format!("flaky: regenerates late under load\n{settled}\n{}", message.unwrap());
    let entry = Listed { reason: "regenerates late under load".into(), link: Some("https://example.com/platform/issues/12".into()), flaky: true };
    results.push(CaseResult {
        listed: Some(entry),
        settling: vec![settled],
        ..result(&flaky, Outcome::Flaky, 5011, Some(&message), Some(evidence))
    });
    cases.push(flaky);

    (cases, results)
}

pub fn info() -> RunInfo {
    RunInfo {
        target: BASE.into(),
        next_version: Some(semver::Version::new(16, 4, 6)),
        capabilities: vec!["app-router".into(), "proxy".into()],
        started_at: SystemTime::UNIX_EPOCH + Duration::from_secs(1_767_225_600),
        duration: Duration::from_millis(5_432),
        replay: format!("harness run --target {BASE} --next-version 16.4.6 --capabilities app-router,proxy"),
        shard: None,
        strict: false,
        ignored_headers: vec!["x-vercel-cache".into()],
        servers: Vec::new(),
        ranges: Default::default(),
        diff: false,
    }
}

/// The fixed run's report.
pub fn report() -> Report {
    let (cases, results) = cases_and_results();
    Report::of(&Run { info: info(), cases: &cases, results: &results })
}
