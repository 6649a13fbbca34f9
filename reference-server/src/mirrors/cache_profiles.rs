//! Mirrors of `fixture-apps/cache-profiles/` (Next.js 16, `cacheComponents: true`, with the
//! `days` profile overridden and `staleTimes.static` set in next.config.js): 'use cache' pages.

use super::MirrorSet;
use super::cache_components::{page_default, profiled_page};
use crate::code::{Handled, Mirror};
use crate::web::RouteRequest;

pub const MIRRORS: MirrorSet = MirrorSet {
    app: "cache-profiles",
    routes: &[
        Mirror { file: "app/days/page.js", handle: page_days },
        Mirror { file: "app/default/page.js", handle: page_default },
    ],
    api: &[],
    pages: &[],
    metadata: &[],
    wrappers: &[],
};

/// app/days/page.js: 'use cache', `cacheLife('days')`.
fn page_days(export: &str, request: &RouteRequest) -> Handled {
    profiled_page(export, request, "days")
}
