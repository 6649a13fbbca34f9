//! Mirror of `fixture-app/proxy.js` (staged as `middleware.js` for Next.js 15).

use super::{pages, request_headers};
use crate::code::Handled;
use crate::cookies::{CookieStore, parse_cookie_header};
use crate::web::{RouteRequest, WebResponse};
use serde_json::{Value, json};
use std::collections::BTreeSet;
use std::sync::{Mutex, MutexGuard};

/// proxy.js `afterDone`: keys whose after() callback scheduled by /proxy/after has run, in each
/// server process. The servers of one test process are told apart by the port they listen on.
static AFTER_DONE: Mutex<BTreeSet<(Option<u16>, String)>> = Mutex::new(BTreeSet::new());

fn after_done() -> MutexGuard<'static, BTreeSet<(Option<u16>, String)>> {
    AFTER_DONE.lock().unwrap_or_else(|poisoned| poisoned.into_inner())
}

/// proxy.js: one behaviour per path under /proxy.
pub fn proxy(export: &str, request: &RouteRequest) -> Handled {
    if export != "proxy" {
        return Handled::NotMirrored;
    }
    let key = || request.search_param("key").unwrap_or_default();
    let answer = match request.path.as_str() {
        "/proxy/after-log" => WebResponse::json(&json!({ "key": key(), "done": after_done().contains(&(request.env_port, key())) })),
        "/proxy/after" => {
            let done = (request.env_port, key());
            after_done().remove(&done);
            let scheduled = done.clone();
            request.after(move |_| {
                after_done().insert(scheduled);
            });
            WebResponse::json(&json!({ "key": done.1, "doneWhenResponding": after_done().contains(&done) }))
        }
        "/proxy/rewrite" => WebResponse::rewrite(&request.resolve("/route-handlers/responses/json")),
        "/proxy/rewrite-to-missing" => WebResponse::rewrite(&request.resolve("/route-handlers/nope")),
        "/proxy/redirect" => return WebResponse::redirect(&request.resolve("/route-handlers/methods/get"), 307).into(),
        "/proxy/headers" => {
            let mut headers: Vec<(String, String)> = request
                .headers
                .iter()
                .filter(|(n, _)| n.as_str() != "x-custom")
                .map(|(n, v)| (n.to_string(), String::from_utf8_lossy(v.as_bytes()).into_owned()))
                .collect();
            headers.push(("x-custom".into(), "from-proxy".into()));
            WebResponse::next_with_request_headers(&headers).with_header("x-proxy", "yes")
        }
        "/proxy/cookies" => {
            let seen = request
                .header("cookie")
                .and_then(|h| parse_cookie_header(&h).into_iter().find(|(n, _)| n == "a").map(|(_, v)| v))
                .unwrap_or_else(|| "none".into());
            let mut cookies = CookieStore::new(request.clock.clone());
            cookies.set("from-proxy", "1", json!({}));
            cookies.set("seen", &seen, json!({ "httpOnly": true }));
            let lines = cookies.set_cookie_lines();
            lines.iter().fold(WebResponse::next(), |r, line| r.with_appended_header("set-cookie", line))
        }
        "/proxy/respond" => WebResponse::json(&json!({ "fromProxy": true })).with_status(418).with_header("x-proxy", "yes"),
        "/proxy/request-headers" => WebResponse::json(&request_headers::echo(request)),
        "/proxy/rewrite-echo" => WebResponse::rewrite(&request.resolve("/request-headers/handler")),
        "/proxy/rewrite-query" => WebResponse::rewrite(&request.resolve("/request-headers/handler?added=1")),
        "/proxy/redirect-query" => return WebResponse::redirect(&request.resolve("/request-headers/handler?added=1"), 307).into(),
        // `request.nextUrl.clone()` with a new pathname: the incoming query stays as it came.
        "/proxy/redirect-keep-query" => {
            let query = if request.query.is_empty() { String::new() } else { format!("?{}", request.query) };
            return WebResponse::redirect(&format!("{}{query}", request.resolve("/request-headers/handler")), 307).into();
        }
        "/proxy/respond-cookies" => with_cookies(
            WebResponse::json(&json!({ "fromProxy": true })),
            request,
            &[("first", "1", json!({})), ("second", "2", json!({ "httpOnly": true })), ("third", "3", json!({ "path": "/proxy", "maxAge": 60 }))],
        ),
        path if path.starts_with("/proxy/cookie-on/") => {
            with_cookies(WebResponse::next(), request, &[("first", "1", json!({})), ("second", "2", json!({ "httpOnly": true }))])
        }
        _ => WebResponse::next().with_header("x-proxy-ran", "1"),
    };
    Handled::Answer(answer)
}

/// `response.cookies.set(name, value, options)` for each cookie, in order.
fn with_cookies(response: WebResponse, request: &RouteRequest, cookies: &[(&str, &str, Value)]) -> WebResponse {
    let mut store = CookieStore::new(request.clock.clone());
    for (name, value, options) in cookies {
        store.set(name, value, options.clone());
    }
    store.set_cookie_lines().iter().fold(response, |r, line| r.with_appended_header("set-cookie", line))
}

/// cookie-on/static/page.js (prerendered); the proxy sets cookies on its answer.
pub fn cookie_on_static(export: &str, _request: &RouteRequest) -> Handled {
    pages::markup(export, "<p>static</p>")
}

/// cookie-on/isr/page.js (`revalidate = 3600`)
pub fn cookie_on_isr(export: &str, _request: &RouteRequest) -> Handled {
    pages::markup(export, "<p>isr</p>")
}

/// cookie-on/dynamic/page.js: `await connection()`.
pub fn cookie_on_dynamic(export: &str, request: &RouteRequest) -> Handled {
    request.connection();
    pages::markup(export, "<p>dynamic</p>")
}

/// app/proxy/headers/route.js: the request headers the handler sees after the proxy.
pub fn headers_route(export: &str, request: &RouteRequest) -> Handled {
    match export {
        "GET" => Handled::Answer(WebResponse::json(&json!({
            "custom": request.header("x-custom"),
            "fromRequest": request.header("x-custom"),
        }))),
        _ => Handled::NotMirrored,
    }
}

/// app/proxy/cookies/route.js: the cookies the handler sees after the proxy set some.
pub fn cookies_route(export: &str, request: &RouteRequest) -> Handled {
    if export != "GET" {
        return Handled::NotMirrored;
    }
    let store = request.cookies.borrow();
    let value = |name: &str| store.get(name).and_then(|c| c.get("value")).cloned();
    Handled::Answer(WebResponse::json(&json!({ "a": value("a"), "fromProxy": value("from-proxy") })))
}
