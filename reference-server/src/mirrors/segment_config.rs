//! Mirrors of `fixture-app/app/segment-config/**`: routes and pages that differ only in their
//! segment config, answering the time (`Date.now()`) and what they see of the request.

use crate::code::Handled;
use crate::html::escape;
use crate::web::{RouteRequest, WebResponse};
use serde_json::json;

/// dynamic/{auto-request,force-dynamic,force-static}/route.js GET: the time, the `probe`
/// cookie, the `x-probe` header (through `headers()` and `request.headers`) and the `probe`
/// search param.
fn probe(request: &RouteRequest) -> WebResponse {
    WebResponse::json(&json!({
        "now": request.date_now(),
        "cookie": request.cookie("probe"),
        "header": request.header("x-probe"),
        "requestHeader": request.header("x-probe"),
        "query": request.search_param("probe"),
    }))
}

fn now(request: &RouteRequest) -> WebResponse {
    WebResponse::json(&json!({ "now": request.date_now() }))
}

fn post(request: &RouteRequest) -> WebResponse {
    WebResponse::json(&json!({ "now": request.date_now(), "method": "POST" }))
}

/// dynamic/auto-request, dynamic/force-dynamic and dynamic/force-static-get: GET only.
pub fn probe_route(export: &str, request: &RouteRequest) -> Handled {
    match export {
        "GET" => Handled::Answer(probe(request)),
        _ => Handled::NotMirrored,
    }
}

/// dynamic/force-static: the probe GET and a POST.
pub fn probe_route_with_post(export: &str, request: &RouteRequest) -> Handled {
    match export {
        "GET" => Handled::Answer(probe(request)),
        "POST" => Handled::Answer(post(request)),
        _ => Handled::NotMirrored,
    }
}

/// dynamic/auto and dynamic/error: the time, and a POST.
pub fn now_with_post(export: &str, request: &RouteRequest) -> Handled {
    match export {
        "GET" => Handled::Answer(now(request)),
        "POST" => Handled::Answer(post(request)),
        _ => Handled::NotMirrored,
    }
}

/// revalidate/{false,zero,two,swr}, dynamic/error-get, platform, fetch-cache/static-target and
/// server/complete/isr-handler: the time.
pub fn now_route(export: &str, request: &RouteRequest) -> Handled {
    match export {
        "GET" => Handled::Answer(now(request)),
        _ => Handled::NotMirrored,
    }
}

fn page(markup: String) -> Handled {
    Handled::Answer(WebResponse::text(format!("<main>{markup}</main>")).with_header("content-type", "text/html; charset=utf-8"))
}

/// dynamic/{page-auto,page-error}, revalidate/{page-two,page-swr,page-zero},
/// fetch-cache/static-page and server/complete/isr-page: the time.
pub fn now_page(export: &str, request: &RouteRequest) -> Handled {
    match export {
        "default" => page(format!("<p id=\"now\">{}</p>", request.date_now())),
        _ => Handled::NotMirrored,
    }
}

/// dynamic/{page-force-dynamic,page-force-static}: the time, the `probe` search param and
/// cookie, `none` when absent.
pub fn probe_page(export: &str, request: &RouteRequest) -> Handled {
    match export {
        "default" => {
            let query = request.search_param("probe").unwrap_or_else(|| "none".into());
            let cookie = request.cookie("probe").unwrap_or_else(|| "none".into());
            page(format!(
                "<p id=\"now\">{}</p><p id=\"query\">{}</p><p id=\"cookie\">{}</p>",
                request.date_now(),
                escape(&query),
                escape(&cookie)
            ))
        }
        _ => Handled::NotMirrored,
    }
}

fn slug(request: &RouteRequest) -> String {
    match request.params.as_ref().and_then(|p| p.get("slug")) {
        Some(crate::params::ParamValue::One(slug)) => slug.clone(),
        _ => String::new(),
    }
}

/// params/{closed,open}/[slug]/page.js: `listed` and `also-listed` from generateStaticParams;
/// the page shows the slug and the time.
pub fn params_page(export: &str, request: &RouteRequest) -> Handled {
    match export {
        "generateStaticParams" => Handled::Answer(WebResponse::json(&json!([{ "slug": "listed" }, { "slug": "also-listed" }]))),
        "default" => page(format!("<p id=\"slug\">{}</p><p id=\"now\">{}</p>", escape(&slug(request)), request.date_now())),
        _ => Handled::NotMirrored,
    }
}

/// params/closed-route/[slug]/route.js: `listed` from generateStaticParams; GET answers the
/// slug and the time.
pub fn params_route(export: &str, request: &RouteRequest) -> Handled {
    match export {
        "generateStaticParams" => Handled::Answer(WebResponse::json(&json!([{ "slug": "listed" }]))),
        "GET" => Handled::Answer(WebResponse::json(&json!({ "slug": slug(request), "now": request.date_now() }))),
        _ => Handled::NotMirrored,
    }
}
