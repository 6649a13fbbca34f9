//! Mirrors of `fixture-app/app/**/page.js` and of the root `forbidden.js` and `unauthorized.js`:
//! the markup each renders inside the root layout.

use crate::code::Handled;
use crate::web::{RouteRequest, WebResponse};

/// app/page.js
pub fn home(export: &str, _request: &RouteRequest) -> Handled {
    markup(export, "<h1>Next.js conformance fixture</h1>")
}

/// app/forbidden.js
pub fn forbidden(export: &str, _request: &RouteRequest) -> Handled {
    markup(export, "<h2>Forbidden: you are not allowed here</h2>")
}

/// app/unauthorized.js
pub fn unauthorized(export: &str, _request: &RouteRequest) -> Handled {
    markup(export, "<h2>Unauthorized: please log in</h2>")
}

/// A default export that renders `html`.
pub(super) fn markup(export: &str, html: &str) -> Handled {
    match export {
        "default" => Handled::Answer(WebResponse::text(html).with_header("content-type", "text/html; charset=utf-8")),
        _ => Handled::NotMirrored,
    }
}
