//! Mirrors of `fixture-apps/src-beside-app/`: its `app/` only, as Next.js ignores `src/app/`
//! when `app/` exists.

use super::{MirrorSet, pages};
use crate::code::{Handled, Mirror};
use crate::web::RouteRequest;

pub const MIRRORS: MirrorSet = MirrorSet {
    app: "src-beside-app",
    routes: &[Mirror { file: "app/only-in-app/page.js", handle: only_in_app }, Mirror { file: "app/page.js", handle: home }],
    api: &[],
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
