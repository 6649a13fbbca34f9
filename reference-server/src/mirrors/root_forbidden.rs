//! Mirrors of `fixture-apps/root-forbidden/`: a root layout that calls `forbidden()` for a
//! request with an `x-forbid` header, and the pages inside it.

use crate::code::{Handled, Mirror};
use crate::navigation::Interrupt;
use super::{MirrorSet, pages};
use crate::web::{RouteRequest, WebResponse};

pub const MIRRORS: MirrorSet = MirrorSet {
    app: "root-forbidden",
    routes: &[
        Mirror { file: "app/layout.js", handle: root_layout },
        Mirror { file: "app/other/page.js", handle: other },
        Mirror { file: "app/page.js", handle: home },
    ],
    api: &[],
    pages: &[],
    metadata: &[],
    wrappers: &[],
};

/// app/layout.js: `forbidden()` when the request has an `x-forbid` header, before rendering
/// anything (its markup is the document the server writes).
fn root_layout(export: &str, request: &RouteRequest) -> Handled {
    match export {
        "default" if request.header("x-forbid").is_some() => Handled::Interrupt(Interrupt::Forbidden),
        "default" => Handled::Answer(WebResponse::empty()),
        _ => Handled::NotMirrored,
    }
}

/// app/page.js
fn home(export: &str, _request: &RouteRequest) -> Handled {
    pages::markup(export, "<h1>Next.js conformance fixture, forbidden() in the root layout</h1>")
}

/// app/other/page.js
fn other(export: &str, _request: &RouteRequest) -> Handled {
    pages::markup(export, "<h1>Another page under the same root layout</h1>")
}
