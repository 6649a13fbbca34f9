//! Mirrors of `fixture-apps/webmanifest/`: its home page; the manifest is a static file.

use crate::code::{Handled, Mirror};
use super::{MirrorSet, pages};
use crate::web::RouteRequest;

pub const MIRRORS: MirrorSet = MirrorSet {
    app: "webmanifest",
    routes: &[Mirror { file: "app/page.js", handle: home }],
    api: &[],
    pages: &[],
    metadata: &[],
    wrappers: &[],
};

/// app/page.js
fn home(export: &str, _request: &RouteRequest) -> Handled {
    pages::markup(export, "<h1>Next.js conformance fixture, static webmanifest</h1>")
}
