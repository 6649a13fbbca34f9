//! Mirrors of `fixture-apps/unsized-icon/`: its home page. Its icon.png (an SVG whose size
//! cannot be read) is a static file, so it has no mirror.

use super::{MirrorSet, pages};
use crate::code::{Handled, Mirror};
use crate::web::RouteRequest;

pub const MIRRORS: MirrorSet = MirrorSet {
    app: "unsized-icon",
    routes: &[Mirror { file: "app/page.js", handle: home }],
    api: &[],
    pages: &[],
    metadata: &[],
    wrappers: &[],
};

/// app/page.js
fn home(export: &str, _request: &RouteRequest) -> Handled {
    pages::markup(export, "<h1>Next.js conformance fixture, an icon of unknown size</h1>")
}
