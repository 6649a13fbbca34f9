//! The report writers over a fixed run with every kind of outcome: snapshots of each format,
//! and the properties the formats promise (well-formed JUnit with the right counts, HTML that
//! escapes bodies and needs no network, JSON that reads back, merges and matrices).

#[path = "support/fixed_run.rs"]
mod fixed_run;

use harness::report::merge::{Merged, merge};
use harness::report::{Report, html, json, junit, markdown, matrix};
use quick_xml::events::Event;

#[test]
fn json_snapshot() {
    insta::assert_snapshot!(json::render(&fixed_run::report()));
}

#[test]
fn junit_snapshot() {
    insta::assert_snapshot!(junit::render(&fixed_run::report()));
}

#[test]
fn markdown_snapshot() {
    insta::assert_snapshot!(markdown::render(&fixed_run::report()));
}

#[test]
fn html_snapshot() {
    insta::assert_snapshot!(html::render(&fixed_run::report()));
}

#[test]
fn a_json_report_reads_back_to_the_same_report() {
    let report = fixed_run::report();
    let text = json::render(&report);
    let back = json::parse(&text).unwrap();
    assert_eq!(json::render(&back), text);
    assert_eq!(html::render(&back), html::render(&report));
    assert!(json::parse("{\"target\": 1}").unwrap_err().starts_with("not a harness JSON report"));
}

/// Every element of a JUnit file, by name, with its attributes.
fn junit_elements(xml: &str) -> Vec<(String, Vec<(String, String)>)> {
    let mut reader = quick_xml::Reader::from_str(xml);
    let mut out = Vec::new();
    loop {
        match reader.read_event().expect("well-formed XML") {
            Event::Start(e) | Event::Empty(e) => {
                let attributes = e
                    .attributes()
                    .map(|a| {
                        let a = a.unwrap();
                        (String::from_utf8(a.key.as_ref().to_vec()).unwrap(), a.unescape_value().unwrap().into_owned())
                    })
                    .collect();
                out.push((String::from_utf8(e.name().as_ref().to_vec()).unwrap(), attributes));
            }
            Event::Eof => return out,
            _ => {}
        }
    }
}

fn attribute<'a>(attributes: &'a [(String, String)], name: &str) -> &'a str {
    &attributes.iter().find(|(n, _)| n == name).unwrap().1
}

#[test]
fn junit_has_a_testsuite_per_area_and_maps_outcomes_to_what_ci_systems_count() {
    let xml = junit::render(&fixed_run::report());
    let elements = junit_elements(&xml);
    let named = |name: &'static str| elements.iter().filter(move |(n, _)| n == name).map(|(_, a)| a.as_slice());
    let root = named("testsuites").next().unwrap();
    assert_eq!(
        ["tests", "failures", "errors", "skipped"].map(|a| attribute(root, a)),
        ["10", "4", "1", "3"],
        "fails (one multi-step) + unexpected-pass + the diff failure are failures; n/a, expected-fail and flaky are skipped; a warning passes"
    );
    let suites: Vec<&str> = named("testsuite").map(|a| attribute(a, "name")).collect();
    assert_eq!(
        suites,
        [
            "app-router/caching",
            "app-router/route-groups",
            "app-router/route-handlers/methods",
            "app-router/route-handlers/redirects",
            "app-router/segment-config/revalidate",
            "pages-router/api-routes",
            "pages-router/api-routes/errors"
        ]
    );
    assert_eq!(named("testcase").count(), 10);
    let options = named("testcase").find(|a| attribute(a, "name") == "auto-options-lists-exported-methods").unwrap();
    assert_eq!(attribute(options, "classname"), "app-router/route-handlers/methods");
    assert_eq!(named("failure").count(), 4);
    assert_eq!(named("error").count(), 1);
    assert_eq!(named("skipped").count(), 3);
    assert_eq!(named("system-out").count(), 3, "the warning's evidence, the flaky failure's, the late pass's tries");
    assert!(named("failure").any(|a| attribute(a, "message").contains("status: expected 204, got 200")));
    let both_steps = "step 1: status: expected 200, got 500; step 1: capture `first`: header `x-rendered` is absent; \
                      step 2: status: expected 200, got 404; step 3: not run: it needs `first`, which step 1 did not capture";
    assert!(named("failure").any(|a| attribute(a, "message") == both_steps));
    assert!(xml.contains("&lt;script&gt;alert(&apos;x &amp; y&apos;)&lt;/script&gt;"), "the body is in the evidence, escaped");
}

#[test]
fn under_strict_an_unlisted_warning_is_a_junit_failure() {
    let mut report = fixed_run::report();
    report.strict = true;
    let xml = junit::render(&report);
    let elements = junit_elements(&xml);
    let root = &elements.iter().find(|(n, _)| n == "testsuites").unwrap().1;
    assert_eq!(attribute(root, "failures"), "5");
    assert!(xml.contains("type=\"warn\""), "{xml}");
    for case in &mut report.cases {
        if case.outcome == harness::Outcome::Warn {
            case.listed = Some(harness::outcome::Listed { reason: "the platform's status line says Bad Request".into(), link: None, flaky: false });
        }
    }
    let listed = junit_elements(&junit::render(&report));
    assert_eq!(attribute(&listed.iter().find(|(n, _)| n == "testsuites").unwrap().1, "failures"), "4", "a listed warning is known");
}

#[test]
fn html_escapes_what_the_target_sent_and_needs_no_network() {
    let page = html::render(&fixed_run::report());
    assert!(!page.contains("<script>alert"), "a body is shown, never run");
    assert!(page.contains("&lt;script&gt;alert(&#39;x &amp; y&#39;)&lt;/script&gt;"));
    assert!(!page.contains("The doc says <so>"));
    for fetches in ["src=", "<link", "@import", "url(", "fetch("] {
        assert!(!page.contains(fetches), "the page must not load `{fetches}`");
    }
    assert_eq!(page.matches("<tbody class=\"case\" id=").count(), 10);
    assert!(page.contains("href=\"https://nextjs.org/docs/app/api-reference/file-conventions/route#http-methods\""));
    assert!(page.contains("href=\"https://nextjs.org/docs/app/api-reference/file-conventions/route-groups#convention\""));
    assert!(page.contains("href=\"https://nextjs.org/docs/pages/building-your-application/routing/api-routes#response-helpers\""));
    assert!(!page.contains("nextjs.org/docs/Redirecting"), "an unknown page gets no link");
    assert!(page.contains("harness run --target http://127.0.0.1:3000 --next-version 16.4.6 --capabilities app-router,proxy --filter app-router/route-handlers/methods/auto-head"));
}

#[test]
fn html_highlights_what_the_mismatches_name() {
    let page = html::render(&fixed_run::report());
    let case = page.split("id=\"case-app-router/route-handlers/methods/auto-options-lists-exported-methods\"").nth(1).unwrap();
    let case = case.split("</tbody>").next().unwrap();
    assert!(case.contains("<tr class=\"diff\"><th>status</th><td>200</td></tr>"), "{case}");
    assert!(case.contains("<tr class=\"diff\"><th>status</th><td>204 <span class=\"at\">app-router/route-handlers/methods/auto-options-lists-exported-methods.toml:"), "the expected row says where it is written: {case}");
    assert!(case.contains("<tr class=\"diff missing\"><th>allow</th><td>(absent)</td></tr>"), "{case}");
    assert!(case.contains("<tr><th>x-powered-by</th><td>Next.js</td></tr>"), "an asserted-on header that matched is not marked");
    assert!(case.contains("<pre class=\"body diff\">"), "{case}");

    let warned = page.split("id=\"case-pages-router/api-routes/errors/status-text-of-invalid-json\"").nth(1).unwrap();
    let warned = warned.split("</tbody>").next().unwrap();
    assert!(warned.contains("data-outcome=\"warn\""), "{warned}");
    assert!(warned.contains("<tr class=\"warn\"><th>status</th><td>400 Bad Request</td></tr>"), "{warned}");
    assert!(warned.contains("<tr class=\"warn\"><th>reason phrase (should)</th><td>Invalid JSON <span class=\"at\">"), "{warned}");
    assert!(warned.contains("<li class=\"warn\">step 1: <code>reason phrase</code> <em>(should)</em>"), "{warned}");
    assert!(page.contains("<option value=\"warn\">warn</option>"), "the outcome filter offers warnings");

    let steps = page.split("id=\"case-app-router/caching/revalidate-path-regenerates-a-static-page\"").nth(1).unwrap();
    let steps = steps.split("</tbody>").next().unwrap();
    assert!(steps.contains("<h4>Sent (step 1)</h4>") && steps.contains("<h4>Sent (step 2)</h4>"), "{steps}");
    assert!(steps.contains("step 3: not run: it needs `first`, which step 1 did not capture"), "{steps}");
}

/// The fixed report cut into `count` shards, as `--shard I/N` runs would write them.
fn shards(count: usize) -> Vec<(String, Report)> {
    let whole = fixed_run::report();
    (1..=count)
        .map(|index| {
            let mut part = whole.clone();
            part.cases = whole.cases.iter().enumerate().filter(|(k, _)| k % count + 1 == index).map(|(_, c)| c.clone()).collect();
            part.shard = Some(format!("{index}/{count}"));
            (format!("shard-{index}.json"), part)
        })
        .collect()
}

#[test]
fn shards_of_one_target_merge_into_the_whole_report() {
    let Merged::One(merged) = merge(shards(3)).unwrap() else { panic!("one target") };
    let mut whole = fixed_run::report();
    whole.cases.sort_by(|a, b| a.id.cmp(&b.id));
    assert_eq!(json::render(&merged), json::render(&whole));

    let mut missing = shards(3);
    missing.remove(1);
    assert_eq!(merge(missing).unwrap_err(), "shard(s) 2/3 of http://127.0.0.1:3000 (Next.js 16.4.6) are missing");
    let mut twice = shards(2);
    twice.push(twice[0].clone());
    assert!(merge(twice).unwrap_err().contains("shard-1.json"));
}

#[test]
fn a_case_in_two_reports_of_one_target_is_refused() {
    let report = fixed_run::report();
    let err = merge(vec![("a.json".into(), report.clone()), ("b.json".into(), report)]).unwrap_err();
    assert!(err.starts_with("b.json: case `app-router/route-handlers/methods/get-export-answers-get`"), "{err}");
}

/// The fixed report as another target saw it: the failing case passes, the pass fails.
fn other_target() -> Report {
    let mut other = fixed_run::report();
    other.target = "https://my-platform.example".into();
    other.next_version = Some("15.5.29".into());
    for case in &mut other.cases {
        if case.id.ends_with("auto-options-lists-exported-methods") {
            case.outcome = harness::Outcome::Pass;
            case.message = None;
            case.evidence = Vec::new();
        }
    }
    other.cases.retain(|c| !c.id.ends_with("get-export-answers-get"));
    other.summary = other.cases.iter().map(|c| c.outcome).collect();
    other
}

fn matrix_of_two() -> matrix::Matrix {
    let reports = vec![("a.json".into(), fixed_run::report()), ("b.json".into(), other_target())];
    let Merged::Matrix(matrix) = merge(reports).unwrap() else { panic!("two targets") };
    matrix
}

#[test]
fn different_targets_make_a_matrix_whose_cells_link_to_their_evidence() {
    let matrix = matrix_of_two();
    assert_eq!(matrix.reports.len(), 2);
    assert_eq!(matrix.rows.len(), 10);
    let page = matrix::html::render(&matrix);
    let anchor = "t2-app-router/route-handlers/methods/auto-head";
    assert!(page.contains(&format!("href=\"#{anchor}\"")));
    assert!(page.contains(&format!("<section class=\"evidence\" id=\"{anchor}\">")));
    assert!(page.contains("<td class=\"cell\">—</td>"), "T2 did not run get-export-answers-get");
    assert!(!page.contains("<script>alert"));
}

#[test]
fn matrix_markdown_snapshot() {
    insta::assert_snapshot!(matrix::markdown::render(&matrix_of_two()));
}

#[test]
fn matrix_html_snapshot() {
    insta::assert_snapshot!(matrix::html::render(&matrix_of_two()));
}

#[test]
fn compatibility_snapshot() {
    insta::assert_snapshot!(matrix::compatibility::render(&matrix_of_two()));
}

#[test]
fn compatibility_names_each_difference_with_its_reason() {
    let page = matrix::compatibility::render(&matrix_of_two());
    assert!(page.contains("the platform answers HEAD with 405"), "{page}");
    assert!(page.contains("## https://my-platform.example: 6 differences"), "{page}");
    assert!(page.contains("#request-helpers), documented, a should): step 1: reason phrase (should)"), "{page}");
    assert!(!page.contains("known failure:"), "{page}");
}

#[test]
fn every_report_shows_links_flaky_outcomes_and_late_steps() {
    let report = fixed_run::report();
    let flaky_link = "https://example.com/platform/issues/12";
    let known_link = "https://example.com/platform/issues/7";
    let late = "step 1 matched after 3 tries in 612 ms";
    let never = "step 1 did not match in 10 tries over 5003 ms";
    let mut console = String::new();
    let (cases, results) = fixed_run::cases_and_results();
    for block in harness::console::describe_run(&cases, &results, harness::console::paint::Paint::PLAIN, &[]) {
        console.push_str(&block);
    }
    console.extend(harness::console::settled_late(&results, harness::console::paint::Paint::PLAIN));
    let formats = [
        ("console", console),
        ("json", json::render(&report)),
        ("junit", junit::render(&report)),
        ("markdown", markdown::render(&report)),
        ("html", html::render(&report)),
        ("matrix html", matrix::html::render(&matrix_of_two())),
        ("matrix markdown", matrix::markdown::render(&matrix_of_two())),
    ];
    for (format, text) in &formats {
        // JSON keeps the tries as data.
        let never = if *format == "json" { "\"attempts\": 10," } else { never };
        for shown in [flaky_link, known_link, "flaky", never] {
            assert!(text.contains(shown), "{format} does not show `{shown}`");
        }
    }
    for (format, text) in formats.iter().filter(|(f, _)| ["console", "json", "junit", "markdown", "html"].contains(f)) {
        let late = if *format == "json" { "\"attempts\": 3," } else { late };
        assert!(text.contains(late), "{format} does not show `{late}`");
    }
    let summary = &report.summary;
    assert_eq!((summary.flaky, summary.pass), (1, 1));
    assert!(summary.to_string().ends_with(", 1 flaky"), "{summary}");
    assert!(!report.cases.iter().any(|c| c.outcome == harness::Outcome::Flaky && c.outcome.is_unexpected()));
    let compatibility = matrix::compatibility::render(&matrix_of_two());
    assert!(compatibility.contains(flaky_link) && compatibility.contains(", flaky)"), "{compatibility}");
}

#[test]
fn every_report_names_the_headers_the_run_ignored() {
    let report = fixed_run::report();
    for (format, text) in [("json", json::render(&report)), ("markdown", markdown::render(&report)), ("html", html::render(&report))] {
        assert!(text.contains("x-vercel-cache"), "{format}");
    }
}

#[test]
fn every_report_shows_every_check_and_starts_the_server_a_replay_reaches() {
    let mut report = fixed_run::report();
    let serve = "harness serve --port 3000 --next-version 16.4.6";
    report.servers = vec![harness::report::model::Served { url: "http://127.0.0.1:3000".into(), command: serve.into() }];
    let capture = "✗ capture `first`: from header `x-rendered`: not captured";
    for (format, text) in [("markdown", markdown::render(&report)), ("junit", junit::render(&report))] {
        assert!(text.contains(capture), "{format} shows the capture that failed");
        assert!(text.contains("  location: /target"), "{format} shows a check that did not fail");
        assert!(text.contains(&format!("{serve}   # in another terminal first")), "{format} says how to start the server");
    }
    let page = html::render(&report);
    assert!(page.contains("<tr class=\"diff\"><th>capture `first`</th><td>from header `x-rendered`: not captured"), "html");
    assert!(page.contains(serve), "html");
    assert!(!markdown::render(&fixed_run::report()).contains("harness serve"), "a run that started no server says nothing of one");
}
