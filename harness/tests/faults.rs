//! The suite's sensitivity: each named fault, injected by a proxy in front of the reference
//! server, must fail at least one case whose failure names what the fault broke, and the cases
//! written about a fault must be among those it fails, failing by what it broke. The server's
//! clock is driven, so the cases' waits take no time. Run with `--nocapture` to see the kill rate
//! of every fault, and with `SHOW_FAULT=<fault>` to list
//! the cases that fault fails.

use harness::client::{Client, Settings};
use harness::embedded::Embedded;
use harness::faults::Fault;
use harness::faults::proxy::Proxy;
use harness::runner::run_cases;
use harness::waits::Time;
use harness::{Outcome, Target};
use spec::Capability;

/// What a failure caused by the fault mentions.
fn symptom(fault: &Fault) -> String {
    match fault {
        Fault::FoldSetCookie => "folded into one header line".into(),
        Fault::DropHeader(name) => format!("header `{name}`"),
        Fault::ChangeStatus => "status: expected".into(),
        Fault::RelativeLocation => "header `location`".into(),
        Fault::StripCacheControl | Fault::RewriteCacheControl => "header `cache-control`".into(),
        Fault::NeverCache => "expected the same value as".into(),
        Fault::NeverRevalidate | Fault::CachePreview => "expected a value other than".into(),
        Fault::DataAsHtml => "header `content-type`".into(),
        Fault::ChangeContentType => "header `content-type`".into(),
        Fault::TrimBody => "body:".into(),
        Fault::CacheableNotFound => "header `cache-control`".into(),
        Fault::HeadAsGet | Fault::HeadWithoutLength => "header `content-length`".into(),
        Fault::NoSlashRedirect => "status: expected".into(),
        Fault::CompressEverything => "header `content-encoding`".into(),
        Fault::CutVary => "header `vary`".into(),
        Fault::LeakMiddlewareHeaders => "header `x-middleware-next`".into(),
        Fault::ReorderSetCookie => "Set-Cookie: line".into(),
        Fault::IgnoreVaryCache | Fault::RscAsHtml => "header `content-type`".into(),
        Fault::OverwriteForwardedHost => "x-forwarded-host".into(),
        Fault::DropLocationQuery => "header `location`".into(),
        Fault::StripRscQuery => "status: expected".into(),
    }
}

/// Cases written about a fault modelled on an adapter bug: each must fail under it, with a
/// failure naming what it broke.
fn cases_about(fault: &Fault) -> &'static [&'static str] {
    match fault {
        Fault::CacheableNotFound => &["server/not-found/unknown-path-complete-answer", "server/not-found/unknown-api-path-is-the-not-found-page"],
        Fault::HeadAsGet => &["server/page-methods/dynamic-page-head-has-no-content-length", "server/head-and-options/head-of-a-route-handler-has-no-content-length"],
        Fault::HeadWithoutLength => &["server/static-files/public-file-head-has-the-length-and-no-body", "server/head-and-options/head-of-an-api-route-has-the-length-of-its-body"],
        Fault::NoSlashRedirect => &["server/redirects/trailing-slash-on-a-prerendered-page-complete-answer", "server/redirects/repeated-leading-slashes-are-collapsed"],
        Fault::CompressEverything => &["server/compression/incompressible-content-types-are-not-varied", "server/compression/files-under-1-kib-are-not-compressed"],
        Fault::CutVary => &[
            "server/compression/gzip-when-the-client-accepts-it",
            "server/static-files/public-text-file-complete-answer",
            "server/rsc/rsc-answer-varies-on-the-router-headers",
        ],
        Fault::DropHeader(name) if name == "etag" => &["server/static-files/public-text-file-complete-answer", "server/static-files/public-file-if-none-match-its-etag-is-304"],
        Fault::NeverRevalidate => &[
            "pages-router/get-static-props/revalidate-page-serves-stale-then-regenerates",
            "pages-router/on-demand-revalidation/next-request-gets-the-new-render",
        ],
        Fault::CachePreview => &["pages-router/preview/preview-renders-per-request-and-is-never-cached"],
        Fault::DataAsHtml => &[
            "pages-router/data-routes/static-props-data-is-the-pages-props-as-json",
            "pages-router/data-routes/server-side-props-data-is-rendered-per-request",
        ],
        Fault::LeakMiddlewareHeaders => &["server/proxy/own-answer-complete-answer", "server/rsc/prerendered-page-rsc-complete-answer"],
        Fault::ReorderSetCookie => &["server/proxy/own-answer-sets-several-cookies-in-order"],
        Fault::IgnoreVaryCache => &["server/rsc/html-and-rsc-answers-of-one-url-differ"],
        Fault::RscAsHtml => &["server/rsc/prerendered-page-rsc-complete-answer"],
        Fault::OverwriteForwardedHost => &["server/request-headers/client-x-forwarded-headers-reach-the-handler-unchanged"],
        Fault::DropLocationQuery => &["server/proxy/redirect-location-carries-the-query-it-names"],
        Fault::StripRscQuery => &["server/rsc/prerendered-page-rsc-complete-answer"],
        _ => &[],
    }
}

#[test]
fn every_fault_fails_a_case_that_names_it() {
    let cases = spec::load_dir(&harness::default_cases_dir()).unwrap();
    let runtime = tokio::runtime::Builder::new_multi_thread().enable_all().build().unwrap();
    let client = Client::new(Settings::default()).unwrap();
    let clock = reference_server::Clock::driven();
    let time = Time::driven(clock.clone());
    let server = runtime.block_on(Embedded::start(&reference_server::Config { clock, ..Default::default() })).unwrap();
    let mut uncaught = Vec::new();
    println!("| fault | cases failed | kill rate | failures naming it |\n| --- | --- | --- | --- |");
    for fault in Fault::catalogue() {
        let proxy = runtime.block_on(Proxy::start(&server.url, fault.clone(), client.clone())).unwrap();
        let target = Target::new(&proxy.url, reference_server::default_next_version(), Capability::ALL.into_iter().collect())
            .with_time(time.clone());
        let results = runtime.block_on(run_cases(&client, &target, &cases, 8));
        proxy.stop();
        let applicable = results.iter().filter(|r| r.outcome != Outcome::NotApplicable).count();
        let failed: Vec<_> = results.iter().filter(|r| matches!(r.outcome, Outcome::Fail | Outcome::Error)).collect();
        let naming = failed.iter().filter(|r| r.message.as_deref().unwrap_or("").contains(&symptom(&fault))).count();
        println!("| {fault} | {} of {applicable} | {:.0}% | {naming} |", failed.len(), 100.0 * failed.len() as f64 / applicable as f64);
        if std::env::var("SHOW_FAULT").is_ok_and(|f| f == fault.to_string()) {
            for r in &failed {
                println!("{}: {}", r.id, r.message.as_deref().unwrap_or(""));
            }
        }
        if naming == 0 {
            uncaught.push(fault.to_string());
        }
        for id in cases_about(&fault) {
            assert!(results.iter().any(|r| r.id == *id), "{fault}: no case `{id}`");
            let named = failed.iter().any(|r| r.id == *id && r.message.as_deref().unwrap_or("").contains(&symptom(&fault)));
            if !named {
                uncaught.push(format!("{fault} (not by `{id}`)"));
            }
        }
    }
    runtime.block_on(server.stop());
    assert!(uncaught.is_empty(), "faults no case catches: {uncaught:?}");
}
