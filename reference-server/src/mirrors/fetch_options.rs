//! Mirrors of the fixture code that fetches the app's data source with each `fetch()` option:
//! `fixture-app/app/fetch-options/**` and the fetching pages and handlers of
//! `app/segment-config/**` (revalidate, dynamic and fetchCache against fetches).
//!
//! Pages fetch the source through `fetch-options/source.js`, on the port `next start` listens on
//! (`process.env.PORT`; during `next build` nothing listens, and the fetch fails); handlers
//! through `request.url`.

use crate::cache::segment::Revalidate;
use crate::cache::{FetchInit, RequestCache};
use crate::code::Handled;
use crate::web::{RouteRequest, Thrown, WebResponse};
use serde_json::json;

/// fetch-options/source.js `sourceUrl(key)`.
fn source_url(request: &RouteRequest, key: &str) -> String {
    format!("http://127.0.0.1:{}/fetch-cache/source?key={}", request.env_port.unwrap_or(9), super::fetch_cache::encode_component(key))
}

/// fetch-options/source.js `fetchedAt(key, init)`: the source's time as text, or `failed` when
/// nothing answered; what Next.js throws to stop a prerender goes through (`unstable_rethrow`).
pub(super) fn fetched_at(request: &RouteRequest, key: &str, init: FetchInit) -> Result<String, Thrown> {
    match request.fetch_json(&source_url(request, key), &init) {
        Ok(data) => Ok(data["now"].to_string()),
        Err(thrown) if thrown.is_dynamic_usage() => Err(thrown),
        Err(_) => Ok("failed".into()),
    }
}

fn options(cache: Option<RequestCache>, revalidate: Option<Revalidate>) -> FetchInit {
    FetchInit { cache, revalidate, tags: vec![] }
}

/// A page rendering `<main>` with a `<p id>` for each named value, then the time.
fn page(export: &str, request: &RouteRequest, values: impl FnOnce() -> Result<Vec<(&'static str, String)>, Thrown>) -> Handled {
    if export != "default" {
        return Handled::NotMirrored;
    }
    match values() {
        Ok(values) => {
            let shown: String = values.iter().map(|(id, value)| format!("<p id=\"{id}\">{}</p>", crate::html::escape(value))).collect();
            let html = format!("<main>{shown}<p id=\"now\">{}</p></main>", request.date_now());
            Handled::Answer(WebResponse::text(html).with_header("content-type", "text/html; charset=utf-8"))
        }
        Err(thrown) => Handled::Throw(thrown),
    }
}

/// A page showing one fetch of `key` with `init` as `fetched`.
fn fetching_page(export: &str, request: &RouteRequest, key: &str, init: FetchInit) -> Handled {
    page(export, request, || Ok(vec![("fetched", fetched_at(request, key, init)?)]))
}

/// fetch-options/page-force-cache/page.js: `page-force-cache-<?key=>` with cache: 'force-cache'.
pub fn page_force_cache(export: &str, request: &RouteRequest) -> Handled {
    let key = format!("page-force-cache-{}", request.search_param("key").unwrap_or_default());
    fetching_page(export, request, &key, options(Some(RequestCache::ForceCache), None))
}

/// fetch-options/build-time/page.js: no option.
pub fn build_time(export: &str, request: &RouteRequest) -> Handled {
    fetching_page(export, request, "build-time", FetchInit::default())
}

/// fetch-options/no-store/page.js: cache: 'no-store'.
pub fn no_store_page(export: &str, request: &RouteRequest) -> Handled {
    fetching_page(export, request, "no-store-page", options(Some(RequestCache::NoStore), None))
}

/// fetch-options/conflicting/page.js: { cache: 'no-store', next: { revalidate: 3600 } }.
pub fn conflicting(export: &str, request: &RouteRequest) -> Handled {
    fetching_page(export, request, "conflicting", options(Some(RequestCache::NoStore), Some(Revalidate::After(3600))))
}

/// fetch-options/two-revalidates/page.js: one URL with next.revalidate 60 (`slow`), then 1 (`fast`).
pub fn two_revalidates(export: &str, request: &RouteRequest) -> Handled {
    page(export, request, || {
        let slow = fetched_at(request, "two-revalidates", options(None, Some(Revalidate::After(60))))?;
        let fast = fetched_at(request, "two-revalidates", options(None, Some(Revalidate::After(1))))?;
        Ok(vec![("slow", slow), ("fast", fast)])
    })
}

/// A handler's GET: `await connection()`, fetch the source for `?key=` through `request.url`
/// with `init`, answer `{ fetched, now }`.
fn fetching_handler(export: &str, request: &RouteRequest, init: impl FnOnce(&str) -> FetchInit) -> Handled {
    if export != "GET" {
        return Handled::NotMirrored;
    }
    request.connection();
    let key = request.search_param("key").unwrap_or_default();
    let url = request.resolve(&format!("/fetch-cache/source?key={}", super::fetch_cache::encode_component(&key)));
    match request.fetch_json(&url, &init(&key)) {
        Ok(data) => Handled::Answer(WebResponse::json(&json!({ "fetched": data["now"], "now": request.date_now() }))),
        Err(thrown) => Handled::Throw(thrown),
    }
}

/// fetch-options/revalidate-false/route.js: next: { revalidate: false }.
pub fn revalidate_false(export: &str, request: &RouteRequest) -> Handled {
    fetching_handler(export, request, |_| options(None, Some(Revalidate::Never)))
}

/// fetch-options/revalidate-zero/route.js: next: { revalidate: 0 }.
pub fn revalidate_zero(export: &str, request: &RouteRequest) -> Handled {
    fetching_handler(export, request, |_| options(None, Some(Revalidate::Zero)))
}

/// fetch-options/tag-limits/route.js: cache: 'force-cache' and 131 tags, `tag-<key>-long`
/// padded to 257 characters, then `tag-<key>-1` to `tag-<key>-130`.
pub fn tag_limits(export: &str, request: &RouteRequest) -> Handled {
    fetching_handler(export, request, |key| {
        let long = format!("{:x<257}", format!("tag-{key}-long"));
        let numbered = (1..=130).map(|i| format!("tag-{key}-{i}"));
        FetchInit { cache: Some(RequestCache::ForceCache), revalidate: None, tags: std::iter::once(long).chain(numbered).collect() }
    })
}

/// segment-config/fetch-cache/{only-cache,force-cache,only-no-store}/route.js: the cache option
/// `?cache=` (none when absent).
pub fn cache_param(export: &str, request: &RouteRequest) -> Handled {
    let cache = match request.search_param("cache").as_deref() {
        Some("no-store") => Some(RequestCache::NoStore),
        Some("force-cache") => Some(RequestCache::ForceCache),
        _ => None,
    };
    fetching_handler(export, request, |_| options(cache, None))
}

/// segment-config/revalidate/fetch-lower/page.js: next.revalidate 1 (the page exports 60).
pub fn fetch_lower(export: &str, request: &RouteRequest) -> Handled {
    fetching_page(export, request, "fetch-lower", options(None, Some(Revalidate::After(1))))
}

/// segment-config/revalidate/fetch-higher/page.js: next.revalidate 60 (the page exports 1).
pub fn fetch_higher(export: &str, request: &RouteRequest) -> Handled {
    fetching_page(export, request, "fetch-higher", options(None, Some(Revalidate::After(60))))
}

/// segment-config/revalidate/false-no-store/page.js: cache: 'no-store'.
pub fn false_no_store(export: &str, request: &RouteRequest) -> Handled {
    fetching_page(export, request, "false-no-store", options(Some(RequestCache::NoStore), None))
}

/// segment-config/revalidate/false-revalidate-zero/page.js: next.revalidate 0.
pub fn false_revalidate_zero(export: &str, request: &RouteRequest) -> Handled {
    fetching_page(export, request, "false-revalidate-zero", options(None, Some(Revalidate::Zero)))
}

/// The three fetches of revalidate/zero-fetches and dynamic/force-dynamic-fetches: no option
/// (`plain`), cache: 'force-cache' (`forced`), next.revalidate 60 (`timed`), keys `<prefix>-*`.
fn three_fetches(export: &str, request: &RouteRequest, prefix: &str) -> Handled {
    page(export, request, || {
        Ok(vec![
            ("plain", fetched_at(request, &format!("{prefix}-plain"), FetchInit::default())?),
            ("forced", fetched_at(request, &format!("{prefix}-forced"), options(Some(RequestCache::ForceCache), None))?),
            ("timed", fetched_at(request, &format!("{prefix}-timed"), options(None, Some(Revalidate::After(60))))?),
        ])
    })
}

/// segment-config/revalidate/zero-fetches/page.js.
pub fn zero_fetches(export: &str, request: &RouteRequest) -> Handled {
    three_fetches(export, request, "zero-fetches")
}

/// segment-config/dynamic/force-dynamic-fetches/page.js.
pub fn force_dynamic_fetches(export: &str, request: &RouteRequest) -> Handled {
    three_fetches(export, request, "force-dynamic")
}

/// segment-config/dynamic/error-fetches/page.js: no option.
pub fn error_fetches(export: &str, request: &RouteRequest) -> Handled {
    fetching_page(export, request, "error-fetches", FetchInit::default())
}

/// segment-config/fetch-cache/auto-static/page.js: no option.
pub fn auto_static(export: &str, request: &RouteRequest) -> Handled {
    fetching_page(export, request, "auto-static", FetchInit::default())
}

/// segment-config/fetch-cache/default-no-store/page.js: no option.
pub fn default_no_store(export: &str, request: &RouteRequest) -> Handled {
    fetching_page(export, request, "default-no-store", FetchInit::default())
}

/// segment-config/dynamic/force-static-tagged/page.js: cache: 'force-cache', tagged
/// `tag-force-static-page`.
pub fn force_static_tagged(export: &str, request: &RouteRequest) -> Handled {
    let init = FetchInit { cache: Some(RequestCache::ForceCache), revalidate: None, tags: vec!["tag-force-static-page".into()] };
    fetching_page(export, request, "force-static-page", init)
}

/// segment-config/fetch-cache/cross/page.js: `await connection()`, then a no-store fetch of
/// `cross`, which throws under the page's fetchCache = 'only-cache'.
pub fn cross(export: &str, request: &RouteRequest) -> Handled {
    page(export, request, || {
        request.connection();
        let data = request.fetch_json(&source_url(request, "cross"), &options(Some(RequestCache::NoStore), None))?;
        Ok(vec![("fetched", data["now"].to_string())])
    })
}
