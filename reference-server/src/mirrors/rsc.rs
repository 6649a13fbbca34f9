//! Mirrors of `fixture-app/app/rsc/**/page.js`: pages asked for as HTML and as RSC payloads.

use super::pages;
use crate::code::Handled;
use crate::web::RouteRequest;

/// static/page.js
pub fn prerendered(export: &str, _request: &RouteRequest) -> Handled {
    pages::markup(export, "<p>rsc static</p>")
}

/// isr/page.js (`revalidate = 3600`)
pub fn regenerated(export: &str, _request: &RouteRequest) -> Handled {
    pages::markup(export, "<p>rsc isr</p>")
}

/// dynamic/page.js: `await connection()`.
pub fn per_request(export: &str, request: &RouteRequest) -> Handled {
    request.connection();
    pages::markup(export, "<p>rsc dynamic</p>")
}
