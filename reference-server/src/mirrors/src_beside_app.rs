//! Mirrors of `fixture-apps/src-beside-app/`: its `app/` and `pages/` only, as Next.js ignores
//! `src/app/` and `src/pages/` when `app/` and `pages/` exist.

use super::{MirrorSet, pages};
use crate::code::{ApiHandler, Handled, Mirror};
use crate::pages_api::request::ApiRequest;
use crate::pages_api::response::ApiResponse;
use crate::web::{RouteRequest, Thrown};
use serde_json::json;

pub const MIRRORS: MirrorSet = MirrorSet {
    app: "src-beside-app",
    routes: &[Mirror { file: "app/only-in-app/page.js", handle: only_in_app }, Mirror { file: "app/page.js", handle: home }],
    api: &[Mirror::<ApiHandler> { file: "pages/api/which-pages.js", handle: which_pages }],
    pages: &[],
    metadata: &[],
    wrappers: &[],
};

/// app/page.js
fn home(export: &str, _request: &RouteRequest) -> Handled {
    pages::markup(export, "<h1>From app/</h1>")
}

/// app/only-in-app/page.js
fn only_in_app(export: &str, _request: &RouteRequest) -> Handled {
    pages::markup(export, "<h1>Only in app/</h1>")
}

/// pages/api/which-pages.js
fn which_pages(_req: &ApiRequest, res: &mut ApiResponse) -> Result<(), Thrown> {
    res.status(200).json(&json!({ "from": "pages" }));
    Ok(())
}
