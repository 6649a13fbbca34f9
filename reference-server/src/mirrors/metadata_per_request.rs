//! Mirrors of `fixture-apps/metadata-per-request/`: robots.js reads `headers()`, manifest.js
//! exports `dynamic = 'force-dynamic'`; each writes `Date.now()`.

use super::{MirrorSet, pages};
use crate::code::{Handled, MetadataCode, Mirror};
use crate::metadata::manifest::Manifest;
use crate::metadata::robots::Robots;
use crate::web::RouteRequest;

pub const MIRRORS: MirrorSet = MirrorSet {
    app: "metadata-per-request",
    routes: &[Mirror { file: "app/page.js", handle: home }],
    api: &[],
    pages: &[],
    metadata: &[
        Mirror { file: "app/manifest.js", handle: MetadataCode::Manifest(manifest) },
        Mirror { file: "app/robots.js", handle: MetadataCode::Robots(robots) },
    ],
    wrappers: &[],
};

/// app/page.js
fn home(export: &str, _request: &RouteRequest) -> Handled {
    pages::markup(export, "<h1>Next.js conformance fixture, metadata per request</h1>")
}

/// app/robots.js: `await headers()`, then one rule disallowing `/made-at/<Date.now()>`.
fn robots(request: &RouteRequest) -> Robots {
    request.next_headers();
    super::metadata_made_once::stamped_robots(request)
}

/// app/manifest.js
fn manifest(request: &RouteRequest) -> Manifest {
    Manifest { name: Some("Made per request".into()), description: Some(request.date_now().to_string()), ..Default::default() }
}

