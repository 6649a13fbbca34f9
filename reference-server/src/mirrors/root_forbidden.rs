//! Mirrors of `fixture-apps/root-forbidden/`: a root layout that calls `forbidden()`, and the
//! home page inside it.

use crate::code::{Handled, Mirror};
use crate::navigation::Interrupt;
use super::{MirrorSet, pages};
use crate::web::RouteRequest;

pub const MIRRORS: MirrorSet = MirrorSet {
    app: "root-forbidden",
    routes: &[
        Mirror { file: "app/layout.js", handle: root_layout },
        Mirror { file: "app/other/page.js", handle: other },
        Mirror { file: "app/page.js", handle: home },
    ],
    api: &[],
    metadata: &[],
    wrappers: &[],
};

/// app/layout.js: `forbidden()` before rendering anything.
fn root_layout(export: &str, _request: &RouteRequest) -> Handled {
    match export {
        "default" => Handled::Interrupt(Interrupt::Forbidden),
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
