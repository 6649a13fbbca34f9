//! Mirrors of `fixture-app/app/after/**`: routes and pages that schedule `after()` callbacks
//! recording what they did under a key, in a log shared by the whole app (`after/log.js`, kept
//! on `globalThis`), and the route that answers the log.

use crate::code::Handled;
use crate::navigation::Interrupt;
use crate::web::{RouteRequest, Thrown, WebResponse};
use serde_json::json;
use std::collections::HashMap;
use std::sync::{Mutex, MutexGuard};

/// after/log.js: what the callbacks recorded, per key, in each server process. The servers of
/// one test process are told apart by the port they listen on.
static LOG: Mutex<Option<Log>> = Mutex::new(None);

/// What was recorded, by the server's port and the key.
type Log = HashMap<(Option<u16>, String), Vec<String>>;

fn log() -> MutexGuard<'static, Option<Log>> {
    LOG.lock().unwrap_or_else(|poisoned| poisoned.into_inner())
}

/// after/log.js `forget(key)`, in the server answering `request`.
pub fn forget(request: &RouteRequest, key: &str) {
    if let Some(log) = log().as_mut() {
        log.remove(&(request.env_port, key.to_owned()));
    }
}

/// after/log.js `record(key, what)`, in the server answering `request`.
pub fn record(request: &RouteRequest, key: &str, what: &str) {
    log().get_or_insert_with(HashMap::new).entry((request.env_port, key.to_owned())).or_default().push(what.to_owned());
}

/// after/log.js `recorded(key)`, in the server answering `request`.
fn recorded(request: &RouteRequest, key: &str) -> Vec<String> {
    log().as_ref().and_then(|log| log.get(&(request.env_port, key.to_owned())).cloned()).unwrap_or_default()
}

/// `?key=`, or the empty string.
fn key(request: &RouteRequest) -> String {
    request.search_param("key").unwrap_or_default()
}

fn page_markup(html: String) -> Handled {
    Handled::Answer(WebResponse::text(html).with_header("content-type", "text/html; charset=utf-8"))
}

/// after/log/route.js: `{ key, recorded: <sorted>, last }`.
pub fn log_route(export: &str, request: &RouteRequest) -> Handled {
    if export != "GET" {
        return Handled::NotMirrored;
    }
    let key = key(request);
    let entries = recorded(request, &key);
    let mut sorted = entries.clone();
    sorted.sort();
    Handled::Answer(WebResponse::json(&json!({ "key": key, "recorded": sorted, "last": entries.last() })))
}

/// after/page/layout.js: records `layout` under the `x-after-key` header.
pub fn page_layout(children: &str, request: &RouteRequest) -> String {
    let key = request.header("x-after-key").unwrap_or_default();
    forget(request, &key);
    request.after(move |request| record(request, &key, "layout"));
    format!("<section>{children}</section>")
}

/// after/page/page.js: generateMetadata records `metadata`, the page `page`, under `?key=`.
pub fn page(export: &str, request: &RouteRequest) -> Handled {
    let key = key(request);
    match export {
        "generateMetadata" => {
            forget(request, &key);
            request.after(move |request| record(request, &key, "metadata"));
            Handled::Answer(WebResponse::json(&json!({ "title": "after() in a page" })))
        }
        "default" => {
            let shown = crate::html::escape(&key);
            request.after(move |request| record(request, &key, "page"));
            page_markup(format!("<main><p id=\"key\">{shown}</p></main>"))
        }
        _ => Handled::NotMirrored,
    }
}

/// after/static/page.js (revalidate = 1): records its render time under `static-page`.
pub fn static_page(export: &str, request: &RouteRequest) -> Handled {
    render_time_page(export, request, "static-page")
}

/// after/prerendered/page.js: records its render time under `prerendered-page`.
pub fn prerendered_page(export: &str, request: &RouteRequest) -> Handled {
    render_time_page(export, request, "prerendered-page")
}

/// A page showing its render time and recording it under `key` after the answer.
fn render_time_page(export: &str, request: &RouteRequest, key: &'static str) -> Handled {
    if export != "default" {
        return Handled::NotMirrored;
    }
    let at = request.date_now();
    request.after(move |request| record(request, key, &at.to_string()));
    page_markup(format!("<main><p id=\"at\">{at}</p></main>"))
}

/// after/interrupted/page.js: records `?how=` under `?key=`, then throws, calls notFound() or
/// redirect('/').
pub fn interrupted(export: &str, request: &RouteRequest) -> Handled {
    if export != "default" {
        return Handled::NotMirrored;
    }
    let (key, how) = (key(request), request.search_param("how").unwrap_or_default());
    forget(request, &key);
    let recorded_how = how.clone();
    request.after(move |request| record(request, &key, &recorded_how));
    match how.as_str() {
        "throw" => Handled::Throw(Thrown("Error: thrown after after() was scheduled".into())),
        "not-found" => Handled::Interrupt(Interrupt::NotFound),
        "redirect" => Handled::Interrupt(Interrupt::redirect("/")),
        _ => page_markup(format!("<main><p id=\"how\">{}</p></main>", crate::html::escape(&how))),
    }
}

/// after/dedupe/page.js: the callback calls the cache()-wrapped `note(key)` twice; it records
/// `called` when it runs.
pub fn dedupe(export: &str, request: &RouteRequest) -> Handled {
    if export != "default" {
        return Handled::NotMirrored;
    }
    let key = key(request);
    let shown = crate::html::escape(&key);
    forget(request, &key);
    request.after(move |request| {
        for _ in 0..2 {
            if request.react_cache_runs(&format!("note:{key}")) {
                record(request, &key, "called");
            }
        }
    });
    page_markup(format!("<main><p id=\"key\">{shown}</p></main>"))
}

/// after/nested/route.js: the callback records `outer` and schedules one recording `inner`.
pub fn nested(export: &str, request: &RouteRequest) -> Handled {
    if export != "GET" {
        return Handled::NotMirrored;
    }
    let key = key(request);
    forget(request, &key);
    let answer = WebResponse::json(&json!({ "key": key }));
    request.after(move |request| {
        record(request, &key, "outer");
        request.after(move |request| record(request, &key, "inner"));
    });
    Handled::Answer(answer)
}

/// after/request-apis/route.js: the callback records the `probe` cookie and `x-probe` header.
pub fn request_apis(export: &str, request: &RouteRequest) -> Handled {
    if export != "GET" {
        return Handled::NotMirrored;
    }
    let key = key(request);
    forget(request, &key);
    let answer = WebResponse::json(&json!({ "key": key }));
    request.after(move |request| {
        // In a route handler's callback the request APIs answer.
        let cookie = request.cookie_after("probe").ok().flatten().unwrap_or_else(|| "none".into());
        let header = request.header_after("x-probe").ok().flatten().unwrap_or_else(|| "none".into());
        record(request, &key, &format!("cookie:{cookie}"));
        record(request, &key, &format!("header:{header}"));
    });
    Handled::Answer(answer)
}

/// after/request-apis-page/page.js: the callback records whether cookies() and headers() threw.
pub fn request_apis_page(export: &str, request: &RouteRequest) -> Handled {
    if export != "default" {
        return Handled::NotMirrored;
    }
    let key = key(request);
    let shown = crate::html::escape(&key);
    forget(request, &key);
    request.after(move |request| {
        let outcome = |result: Result<Option<String>, Thrown>| if result.is_ok() { "read" } else { "threw" };
        record(request, &key, &format!("cookies:{}", outcome(request.cookie_after("probe"))));
        record(request, &key, &format!("headers:{}", outcome(request.header_after("x-probe"))));
    });
    page_markup(format!("<main><p id=\"key\">{shown}</p></main>"))
}
