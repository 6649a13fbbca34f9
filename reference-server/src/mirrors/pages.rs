//! Mirrors of `fixture-app/app/**/page.js`: the markup each page renders inside the root layout.

use super::Handled;
use crate::web::{RouteRequest, WebResponse};

/// app/page.js
pub fn home(export: &str, _request: &RouteRequest) -> Handled {
    match export {
        "default" => Handled::Answer(
            WebResponse::text("<h1>Next.js conformance fixture</h1>")
                .with_header("content-type", "text/html; charset=utf-8"),
        ),
        _ => Handled::NotMirrored,
    }
}
