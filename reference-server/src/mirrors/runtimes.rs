//! Mirrors of `fixture-app/app/runtimes/{edge,nodejs}/**`: the same code in the Edge and the
//! Node.js runtime (the files differ only in `export const runtime`).

use super::{pages, request_headers};
use crate::code::Handled;
use crate::web::{RouteRequest, WebResponse};
use bytes::Bytes;
use serde_json::json;

/// echo/route.js: the request's URL, pathname, search and headers.
pub fn echo(export: &str, request: &RouteRequest) -> Handled {
    request_headers::handler(export, request)
}

/// cookies/route.js: two cookies through `cookies()`, a third in the answer's own Set-Cookie.
pub fn cookies(export: &str, request: &RouteRequest) -> Handled {
    if export != "GET" {
        return Handled::NotMirrored;
    }
    let mut store = request.cookies.borrow_mut();
    store.set("first", "1", json!({}));
    store.set("second", "2", json!({ "httpOnly": true, "maxAge": 60 }));
    Handled::Answer(WebResponse::text("cookies").with_header("set-cookie", "third=3; Path=/"))
}

/// stream/route.js: three lines, one chunk each.
pub fn stream(export: &str, _request: &RouteRequest) -> Handled {
    match export {
        "GET" => Handled::Answer(
            WebResponse::stream(vec![Bytes::from_static(b"one\n"), Bytes::from_static(b"two\n"), Bytes::from_static(b"three\n")]).with_header("content-type", "text/plain; charset=utf-8"),
        ),
        _ => Handled::NotMirrored,
    }
}

/// edge/page/page.js
pub fn edge_page(export: &str, _request: &RouteRequest) -> Handled {
    pages::markup(export, "<p>edge page</p>")
}

/// nodejs/page/page.js
pub fn nodejs_page(export: &str, _request: &RouteRequest) -> Handled {
    pages::markup(export, "<p>nodejs page</p>")
}
