//! Mirrors of `fixture-app/app/route-handlers/**/route.js`. Each function does what the
//! exported functions of that file do; the comment above it names the file.

use crate::code::Handled;
use crate::form_data::FormValue;
use crate::web::{RouteRequest, Thrown, WebResponse};
use bytes::Bytes;
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

/// request/form-data/route.js: `formData.get('name')`, `formData.get('email')` and every entry,
/// a file as `{ file, type, size }`.
pub fn request_form_data(export: &str, request: &RouteRequest) -> Handled {
    match export {
        "POST" => request
            .form_data()
            .map(|entries| {
                // `get` gives the first value; `JSON.stringify` writes a `File` as `{}`.
                let get = |name: &str| match entries.iter().find(|(n, _)| n == name) {
                    Some((_, FormValue::Text(text))) => json!(text),
                    Some(_) => json!({}),
                    None => Value::Null,
                };
                let all: Vec<Value> = entries.iter().map(|(name, value)| json!([name, form_value(value)])).collect();
                WebResponse::json(&json!({ "name": get("name"), "email": get("email"), "entries": all }))
            })
            .into(),
        _ => Handled::NotMirrored,
    }
}

/// An entry's value as the fixture lists it: the text, or a file's name, type and size.
fn form_value(value: &FormValue) -> Value {
    match value {
        FormValue::Text(text) => json!(text),
        FormValue::File { name, content_type, bytes } => json!({ "file": name, "type": content_type, "size": bytes.len() }),
    }
}

/// request/array-buffer/route.js: echoes the body with its byte length.
pub fn request_array_buffer(export: &str, request: &RouteRequest) -> Handled {
    match export {
        "POST" => Handled::Answer(
            WebResponse::bytes(request.body.clone())
                .with_header("content-type", "application/octet-stream")
                .with_header("x-byte-length", &request.body.len().to_string()),
        ),
        _ => Handled::NotMirrored,
    }
}

/// request/url/route.js: `request.url` and the `nextUrl` fields.
pub fn request_url(export: &str, request: &RouteRequest) -> Handled {
    match export {
        "GET" => {
            let (scheme, hostname, port) = request.url_parts();
            let host = if port.is_empty() { hostname.to_owned() } else { format!("{hostname}:{port}") };
            Handled::Answer(WebResponse::json(&json!({
                "url": request.url(),
                "href": request.url(),
                "origin": request.origin,
                "protocol": format!("{scheme}:"),
                "host": host,
                "hostname": hostname,
                "port": port,
                "pathname": request.path,
                "search": request.search(),
            })))
        }
        _ => Handled::NotMirrored,
    }
}

/// responses/status-text/route.js
pub fn responses_status_text(export: &str, _request: &RouteRequest) -> Handled {
    match export {
        "GET" => Handled::Answer(WebResponse::empty().with_status(299).with_status_text("Custom")),
        _ => Handled::NotMirrored,
    }
}

/// responses/append/route.js: `Headers.append` twice for `x-item` and for `set-cookie`.
pub fn responses_append(export: &str, _request: &RouteRequest) -> Handled {
    match export {
        "GET" => Handled::Answer(
            WebResponse::text("ok")
                .with_appended_header("x-item", "one")
                .with_appended_header("x-item", "two")
                .with_appended_header("set-cookie", "a=1; Path=/")
                .with_appended_header("set-cookie", "b=2; Path=/"),
        ),
        _ => Handled::NotMirrored,
    }
}

/// responses/cors/route.js, the docs' CORS example.
pub fn responses_cors(export: &str, _request: &RouteRequest) -> Handled {
    match export {
        "GET" => Handled::Answer(
            WebResponse::text("Hello, Next.js!")
                .with_header("access-control-allow-origin", "*")
                .with_header("access-control-allow-methods", "GET, POST, PUT, DELETE, OPTIONS")
                .with_header("access-control-allow-headers", "Content-Type, Authorization"),
        ),
        _ => Handled::NotMirrored,
    }
}

/// responses/rss/route.js, the docs' non-UI example.
pub fn responses_rss(export: &str, _request: &RouteRequest) -> Handled {
    const RSS: &str = "<?xml version=\"1.0\" encoding=\"UTF-8\" ?>\n<rss version=\"2.0\">\n\n<channel>\n  \
        <title>Next.js Documentation</title>\n  <link>https://nextjs.org/docs</link>\n  \
        <description>The React Framework for the Web</description>\n</channel>\n\n</rss>";
    match export {
        "GET" => Handled::Answer(WebResponse::text(RSS).with_header("content-type", "text/xml")),
        _ => Handled::NotMirrored,
    }
}

/// The 1x1 PNG of responses/binary/route.js.
const PNG_1X1: [u8; 70] = [
    0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x48, 0x44, 0x52, 0x00, 0x00, 0x00,
    0x01, 0x00, 0x00, 0x00, 0x01, 0x08, 0x06, 0x00, 0x00, 0x00, 0x1f, 0x15, 0xc4, 0x89, 0x00, 0x00, 0x00, 0x0d, 0x49,
    0x44, 0x41, 0x54, 0x78, 0xda, 0x63, 0x64, 0xf8, 0xcf, 0x50, 0x0f, 0x00, 0x03, 0x86, 0x01, 0x80, 0x5a, 0x34, 0x7d,
    0x6b, 0x00, 0x00, 0x00, 0x00, 0x49, 0x45, 0x4e, 0x44, 0xae, 0x42, 0x60, 0x82,
];

/// responses/binary/route.js
pub fn responses_binary(export: &str, _request: &RouteRequest) -> Handled {
    match export {
        "GET" => Handled::Answer(WebResponse::bytes(&PNG_1X1[..]).with_header("content-type", "image/png")),
        _ => Handled::NotMirrored,
    }
}

/// responses/redirect/route.js: `Response.redirect` to a URL on the request's origin (GET) and
/// to another site (POST).
pub fn responses_redirect(export: &str, request: &RouteRequest) -> Handled {
    match export {
        "GET" => WebResponse::redirect(&request.resolve("/route-handlers/responses/json"), 307).into(),
        "POST" => WebResponse::redirect("https://nextjs.org/", 301).into(),
        _ => Handled::NotMirrored,
    }
}

/// responses/stream/route.js, the docs' streaming example: three chunks from a `ReadableStream`.
pub fn responses_stream(export: &str, _request: &RouteRequest) -> Handled {
    match export {
        "GET" => Handled::Answer(WebResponse::stream(
            ["<p>One</p>", "<p>Two</p>", "<p>Three</p>"].map(Bytes::from).to_vec(),
        )),
        _ => Handled::NotMirrored,
    }
}

/// request/headers-read-only/route.js: `headersList.set('x-added', '1')` throws, as headers()
/// is read-only.
pub fn request_headers_read_only(export: &str, _request: &RouteRequest) -> Handled {
    match export {
        "GET" => Handled::Throw(Thrown("TypeError: Headers cannot be modified. Read more: https://nextjs.org/docs/app/api-reference/functions/headers".into())),
        _ => Handled::NotMirrored,
    }
}

/// request/referer/route.js: `new Response('Hello, Next.js!', { headers: { referer: referer } })`;
/// Headers turn a null referer into the text `null`.
pub fn request_referer(export: &str, request: &RouteRequest) -> Handled {
    match export {
        "GET" => {
            let referer = request.header("referer").unwrap_or_else(|| "null".into());
            Handled::Answer(WebResponse::text("Hello, Next.js!").with_header("referer", &referer))
        }
        _ => Handled::NotMirrored,
    }
}

/// request/referer-or-empty/route.js: `new Response('Hello', { headers: { referer: referer ?? '' } })`.
pub fn request_referer_or_empty(export: &str, request: &RouteRequest) -> Handled {
    match export {
        "GET" => {
            let referer = request.header("referer").unwrap_or_default();
            Handled::Answer(WebResponse::text("Hello").with_header("referer", &referer))
        }
        _ => Handled::NotMirrored,
    }
}

/// request/cookie-echo/route.js: `Set-Cookie: token=${token?.value}` (`undefined` without one).
pub fn request_cookie_echo(export: &str, request: &RouteRequest) -> Handled {
    match export {
        "GET" => {
            let token = request.cookie("token").unwrap_or_else(|| "undefined".into());
            Handled::Answer(WebResponse::text("Hello, Next.js!").with_header("set-cookie", &format!("token={token}")))
        }
        _ => Handled::NotMirrored,
    }
}

/// request/cookie-echo-strict/route.js: `Set-Cookie: token=${token.value}`, which throws without
/// the cookie.
pub fn request_cookie_echo_strict(export: &str, request: &RouteRequest) -> Handled {
    match (export, request.cookie("token")) {
        ("GET", Some(token)) => Handled::Answer(WebResponse::text("Hello, Next.js!").with_header("set-cookie", &format!("token={token}"))),
        ("GET", None) => Handled::Throw(Thrown("TypeError: Cannot read properties of undefined (reading 'value')".into())),
        _ => Handled::NotMirrored,
    }
}

/// cors-config/route.js: `new Response('Hello, Next.js!')`; next.config.js `headers` adds CORS.
pub fn cors_config(export: &str, _request: &RouteRequest) -> Handled {
    match export {
        "GET" => Handled::Answer(WebResponse::text("Hello, Next.js!")),
        _ => Handled::NotMirrored,
    }
}

/// cors-config/second/route.js: `{ second: true }` with an Access-Control-Allow-Origin of its own.
pub fn cors_config_second(export: &str, _request: &RouteRequest) -> Handled {
    match export {
        "GET" => Handled::Answer(WebResponse::json(&json!({ "second": true })).with_header("access-control-allow-origin", "https://example.com")),
        _ => Handled::NotMirrored,
    }
}
