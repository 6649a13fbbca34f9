//! Mirrors of `fixture-apps/src-layout/`: the same kinds of files as fixture-app, under `src/`.
//! Its robots and manifest files are static, so they have no mirrors; `.env` at its root (read)
//! and in `src/` (not read) show where `.env` files belong.

use crate::code::{Handled, Mirror};
use super::{MirrorSet, pages, route_handlers};
use crate::code::ApiHandler;
use crate::pages_api::request::ApiRequest;
use crate::pages_api::response::ApiResponse;
use crate::web::{RouteRequest, Thrown, WebResponse};
use serde_json::json;

pub const MIRRORS: MirrorSet = MirrorSet {
    app: "src-layout",
    routes: &[
        Mirror { file: "src/app/(shop)/items/[id]/route.js", handle: route_handlers::params_echo },
        Mirror { file: "src/app/env/route.js", handle: env },
        Mirror { file: "src/app/page.js", handle: home },
        Mirror { file: "src/proxy.js", handle: proxy },
    ],
    api: &[Mirror::<ApiHandler> { file: "src/pages/api/hello.js", handle: hello }],
    pages: &[],
    metadata: &[],
    wrappers: &[],
};

/// src/app/page.js
fn home(export: &str, _request: &RouteRequest) -> Handled {
    pages::markup(export, "<h1>Next.js conformance fixture, src layout</h1>")
}

/// src/app/env/route.js: what `process.env` holds of the root `.env` and of `src/.env`.
fn env(export: &str, request: &RouteRequest) -> Handled {
    match export {
        "GET" => Handled::Answer(WebResponse::json(&json!({ "fromRoot": request.env("FROM_ROOT_ENV"), "fromSrc": request.env("FROM_SRC_ENV") }))),
        _ => Handled::NotMirrored,
    }
}

/// src/proxy.js: marks the answers it ran for (its matcher is `/items/:path*`).
fn proxy(export: &str, _request: &RouteRequest) -> Handled {
    match export {
        "proxy" => Handled::Answer(WebResponse::next().with_header("x-src-proxy", "ran")),
        _ => Handled::NotMirrored,
    }
}

/// src/pages/api/hello.js
fn hello(_req: &ApiRequest, res: &mut ApiResponse) -> Result<(), Thrown> {
    res.status(200).json(&json!({ "from": "src/pages/api" }));
    Ok(())
}
