//! Mirrors of `fixture-apps/default-auth-pages/`: pages calling `forbidden()` and
//! `unauthorized()` in an app without `forbidden.js` and `unauthorized.js`.

use super::{MirrorSet, navigation, pages};
use crate::code::{Handled, Mirror};
use crate::web::RouteRequest;

pub const MIRRORS: MirrorSet = MirrorSet {
    app: "default-auth-pages",
    routes: &[
        Mirror { file: "app/auth-interrupts/forbidden/page.js", handle: navigation::forbidden_page },
        Mirror { file: "app/auth-interrupts/unauthorized/page.js", handle: navigation::unauthorized_page },
        Mirror { file: "app/page.js", handle: home },
    ],
    api: &[],
    pages: &[],
    metadata: &[],
    wrappers: &[],
};

/// app/page.js
fn home(export: &str, _request: &RouteRequest) -> Handled {
    pages::markup(export, "<h1>Next.js conformance fixture, default auth pages</h1>")
}
