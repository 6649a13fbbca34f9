//! Mirrors of `fixture-app/app/route-handlers/**/route.js`. Each function does what the
//! exported functions of that file do; the comment above it names the file.

use super::Handled;
use crate::web::{RouteRequest, Thrown, WebResponse};
use serde_json::{Value, json};

/// `Response.json({ handler, method: request.method }, { headers: { 'x-handler': handler } })`,
/// the answer most method fixtures give.
fn answer(request: &RouteRequest, handler: &str) -> Handled {
    Handled::Answer(WebResponse::json(&json!({ "handler": handler, "method": request.method })).with_header("x-handler", handler))
}

/// `new Response(null, { status: 200, headers: { 'x-handler': 'HEAD' } })`
fn head_answer() -> Handled {
    Handled::Answer(WebResponse::empty().with_header("x-handler", "HEAD"))
}

/// methods/get/route.js
pub fn methods_get(export: &str, request: &RouteRequest) -> Handled {
    match export {
        "GET" => answer(request, "GET"),
        _ => Handled::NotMirrored,
    }
}

/// methods/get-post/route.js
pub fn methods_get_post(export: &str, request: &RouteRequest) -> Handled {
    match export {
        "GET" | "POST" => answer(request, export),
        _ => Handled::NotMirrored,
    }
}

/// methods/post/route.js
pub fn methods_post(export: &str, request: &RouteRequest) -> Handled {
    match export {
        "POST" => answer(request, "POST"),
        _ => Handled::NotMirrored,
    }
}

/// methods/put-patch-delete/route.js
pub fn methods_put_patch_delete(export: &str, request: &RouteRequest) -> Handled {
    match export {
        "PUT" | "PATCH" | "DELETE" => answer(request, export),
        _ => Handled::NotMirrored,
    }
}

/// methods/all/route.js
pub fn methods_all(export: &str, request: &RouteRequest) -> Handled {
    match export {
        "GET" | "POST" | "PUT" | "PATCH" | "DELETE" => answer(request, export),
        "HEAD" => head_answer(),
        "OPTIONS" => Handled::Answer(WebResponse::empty().with_header("x-handler", "OPTIONS").with_header("allow", "GET, POST")),
        _ => Handled::NotMirrored,
    }
}

/// methods/head/route.js
pub fn methods_head(export: &str, _request: &RouteRequest) -> Handled {
    match export {
        "HEAD" => head_answer(),
        _ => Handled::NotMirrored,
    }
}

/// methods/throws/route.js
pub fn methods_throws(export: &str, _request: &RouteRequest) -> Handled {
    match export {
        "GET" | "POST" => Handled::Throw(Thrown("Error: route handler failed on purpose".into())),
        _ => Handled::NotMirrored,
    }
}

/// methods/export-forms/route.js
pub fn methods_export_forms(export: &str, request: &RouteRequest) -> Handled {
    match export {
        "GET" | "POST" | "DELETE" => answer(request, export),
        _ => Handled::NotMirrored,
    }
}

/// params/team/[team], params/shop/[tag]/[item], params/blog/[...slug],
/// params/optional/[[...slug]] and params/(group)/grouped: `Response.json({ params: await params })`.
/// A route without dynamic segments gets no params, and `JSON.stringify` drops the member.
pub fn params_echo(export: &str, request: &RouteRequest) -> Handled {
    match export {
        "GET" => {
            let body = match &request.params {
                Some(params) => json!({ "params": params.to_json() }),
                None => json!({}),
            };
            Handled::Answer(WebResponse::json(&body))
        }
        _ => Handled::NotMirrored,
    }
}

/// request/search/route.js
pub fn request_search(export: &str, request: &RouteRequest) -> Handled {
    match export {
        "GET" => {
            let entries: Vec<Value> = request.search_params().into_iter().map(|(k, v)| json!([k, v])).collect();
            Handled::Answer(WebResponse::json(&json!({ "query": request.search_param("query"), "entries": entries })))
        }
        _ => Handled::NotMirrored,
    }
}

/// request/headers/route.js
pub fn request_headers(export: &str, request: &RouteRequest) -> Handled {
    match export {
        "GET" => Handled::Answer(WebResponse::json(&json!({
            "referer": request.header("referer"),
            "custom": request.header("x-custom"),
        }))),
        _ => Handled::NotMirrored,
    }
}

/// request/json/route.js
pub fn request_json(export: &str, request: &RouteRequest) -> Handled {
    match export {
        "POST" => request.json().map(|body| WebResponse::json(&json!({ "received": body }))).into(),
        _ => Handled::NotMirrored,
    }
}

/// request/text/route.js
pub fn request_text(export: &str, request: &RouteRequest) -> Handled {
    match export {
        "POST" => Handled::Answer(WebResponse::text(format!("received: {}", request.text()))),
        _ => Handled::NotMirrored,
    }
}

/// responses/json/route.js
pub fn responses_json(export: &str, _request: &RouteRequest) -> Handled {
    match export {
        "GET" => Handled::Answer(WebResponse::json(&json!({ "message": "Hello World" }))),
        _ => Handled::NotMirrored,
    }
}

/// responses/status/route.js
pub fn responses_status(export: &str, _request: &RouteRequest) -> Handled {
    match export {
        "GET" => Handled::Answer(WebResponse::text("created").with_status(201).with_header("x-custom", "yes")),
        _ => Handled::NotMirrored,
    }
}
