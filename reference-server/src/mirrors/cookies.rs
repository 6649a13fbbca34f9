//! Mirrors of `fixture-app/app/cookies/**/route.js`.

use crate::code::Handled;
use crate::cookies::parse_cookie_header;
use crate::params::ParamValue;
use crate::web::{RouteRequest, Thrown, WebResponse};
use serde_json::{Value, json};

/// `new Date('2030-01-02T03:04:05Z')` in milliseconds.
const JAN_2_2030: f64 = 1_893_553_445_000.0;

fn variant<'r>(request: &'r RouteRequest) -> Option<&'r str> {
    match request.params.as_ref()?.get("variant")? {
        ParamValue::One(v) => Some(v),
        ParamValue::Many(_) => None,
    }
}

/// cookies/set/[variant]/route.js: one documented `cookies()` call per variant.
pub fn set(export: &str, request: &RouteRequest) -> Handled {
    if export != "GET" {
        return Handled::NotMirrored;
    }
    let Some(variant) = variant(request) else {
        return Handled::Throw(Thrown("TypeError: variants[variant] is not a function".into()));
    };
    let mut store = request.cookies.borrow_mut();
    let lee = |store: &mut crate::cookies::CookieStore, options: Value| store.set("name", "lee", options);
    match variant {
        "name-value" => lee(&mut store, json!({})),
        "object-form" => store.set_object(json!({ "name": "name", "value": "lee", "httpOnly": true, "path": "/" })),
        "secure" => lee(&mut store, json!({ "secure": true })),
        "http-only" => lee(&mut store, json!({ "httpOnly": true })),
        "path" => lee(&mut store, json!({ "path": "/docs" })),
        "domain" => lee(&mut store, json!({ "domain": "example.com" })),
        "max-age" => lee(&mut store, json!({ "maxAge": 3600 })),
        "expires-date" => lee(&mut store, json!({ "expires": JAN_2_2030 })),
        "expires-number" => lee(&mut store, json!({ "expires": request.date_now() as f64 + 60_000.0 })),
        "same-site-lax" => lee(&mut store, json!({ "sameSite": "lax" })),
        "same-site-strict" => lee(&mut store, json!({ "sameSite": "strict" })),
        "same-site-none" => lee(&mut store, json!({ "sameSite": "none", "secure": true })),
        "same-site-true" => lee(&mut store, json!({ "sameSite": true })),
        "same-site-false" => lee(&mut store, json!({ "sameSite": false })),
        "priority-low" => lee(&mut store, json!({ "priority": "low" })),
        "priority-medium" => lee(&mut store, json!({ "priority": "medium" })),
        "priority-high" => lee(&mut store, json!({ "priority": "high" })),
        "partitioned" => lee(&mut store, json!({ "partitioned": true, "secure": true })),
        "all-options" => lee(
            &mut store,
            json!({
                "partitioned": true, "priority": "high", "sameSite": "strict", "httpOnly": true, "secure": true,
                "maxAge": 60, "expires": JAN_2_2030, "domain": "example.com", "path": "/docs"
            }),
        ),
        "several" => {
            store.set("a", "1", json!({}));
            store.set("b", "2", json!({}));
            store.set("c", "3", json!({}));
        }
        "same-name-twice" => {
            store.set("name", "first", json!({}));
            store.set("name", "second", json!({}));
        }
        "needs-encoding" => store.set("name", "a b;c,d\"é=%", json!({})),
        "delete-by-name" => store.delete(json!("name")),
        "delete-object" => store.delete(json!({ "name": "name", "path": "/docs", "domain": "example.com" })),
        "set-empty-value" => store.set("name", "", json!({})),
        "max-age-zero" => store.set("name", "value", json!({ "maxAge": 0 })),
        // The store `cookies()` returns in a route handler has no usable clear().
        "clear" => return Handled::Throw(Thrown("TypeError: store.clear is not a function".into())),
        _ => return Handled::Throw(Thrown("TypeError: variants[variant] is not a function".into())),
    }
    Handled::Answer(WebResponse::json(&json!({ "variant": variant })))
}

/// cookies/read/route.js
pub fn read(export: &str, request: &RouteRequest) -> Handled {
    if export != "GET" {
        return Handled::NotMirrored;
    }
    let store = request.cookies.borrow();
    let from_request = request
        .header("cookie")
        .and_then(|h| parse_cookie_header(&h).into_iter().find(|(n, _)| n == "a").map(|(_, v)| v));
    Handled::Answer(WebResponse::json(&json!({
        "get": store.get("a"),
        "missing": store.get("missing"),
        "getAll": store.get_all(None),
        "getAllNamed": store.get_all(Some("a")),
        "has": store.has("a"),
        "hasMissing": store.has("missing"),
        "fromRequest": from_request,
    })))
}
