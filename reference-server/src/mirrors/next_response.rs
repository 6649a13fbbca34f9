//! Mirrors of `fixture-app/app/next-response/**/route.js`.

use crate::code::Handled;
use crate::cookies::CookieStore;
use crate::params::ParamValue;
use crate::web::{RouteRequest, Thrown, WebResponse};
use serde_json::json;

/// next-response/redirect/[variant]/route.js: one `NextResponse.redirect` form per variant.
pub fn redirect(export: &str, request: &RouteRequest) -> Handled {
    if export != "GET" {
        return Handled::NotMirrored;
    }
    let variant = match request.params.as_ref().and_then(|p| p.get("variant")) {
        Some(ParamValue::One(v)) => v.as_str(),
        _ => "",
    };
    let new = request.resolve("/new");
    let answer = match variant {
        "default" => WebResponse::redirect(&new, 307),
        "301" | "302" | "303" | "307" | "308" => WebResponse::redirect(&new, variant.parse().unwrap_or(307)),
        "disallowed-status" => WebResponse::redirect(&new, 200),
        "init-object" => WebResponse::redirect(&new, 303).map(|r| r.with_header("x-extra", "yes")),
        "other-origin" => WebResponse::redirect("https://example.com/elsewhere?x=1", 307),
        "relative-string" => WebResponse::redirect("/new", 307),
        "login-from" => {
            let from: String = form_urlencoded::byte_serialize(request.path.as_bytes()).collect();
            WebResponse::redirect(&format!("{}?from={from}", request.resolve("/login")), 307)
        }
        _ => Err(Thrown("TypeError: variants[variant] is not a function".into())),
    };
    answer.into()
}

/// next-response/json/route.js
pub fn json(export: &str, _request: &RouteRequest) -> Handled {
    match export {
        "GET" => Handled::Answer(WebResponse::json(&json!({ "error": "Internal Server Error" })).with_status(500)),
        "POST" => Handled::Answer(
            WebResponse::json(&json!({ "ok": true }))
                .with_status(201)
                .with_header("x-custom", "yes")
                .with_header("content-type", "application/vnd.api+json"),
        ),
        _ => Handled::NotMirrored,
    }
}

/// next-response/cookies/route.js: what `response.cookies` methods return, as JSON, and the
/// cookies left on the probe response, as Set-Cookie.
pub fn cookies(export: &str, request: &RouteRequest) -> Handled {
    if export != "GET" {
        return Handled::NotMirrored;
    }
    let mut probe = CookieStore::new(request.clock.clone());
    probe.set("show-banner", "false", json!({}));
    probe.set("experiments", "new-pricing-page", json!({}));
    probe.set_object(json!({ "name": "session", "value": "abc", "httpOnly": true, "path": "/app" }));
    probe.set("temporary", "x", json!({}));
    let mut report = json!({
        "get": probe.get("show-banner"),
        "getMissing": probe.get("missing"),
        "getAll": probe.get_all(None),
        "getAllNamed": probe.get_all(Some("experiments")),
        "has": probe.has("session"),
        // delete() returns the ResponseCookies object, which JSON.stringify writes this way.
        "deleted": { "_parsed": {}, "_headers": {} },
    });
    probe.delete(json!("temporary"));
    report["hasAfterDelete"] = json!(probe.has("temporary"));
    let lines = probe.set_cookie_lines();
    let response = lines.iter().fold(WebResponse::json(&report), |r, line| r.with_appended_header("set-cookie", line));
    Handled::Answer(response)
}
