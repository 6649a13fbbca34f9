//! Mirrors of `fixture-apps/metadata-made-once/`: robots.js and manifest.js with neither a
//! Dynamic API nor segment config; each writes `Date.now()`.

use super::{MirrorSet, pages};
use crate::code::{Handled, MetadataCode, Mirror};
use crate::metadata::manifest::Manifest;
use crate::metadata::robots::{Robots, RobotsRule};
use crate::web::RouteRequest;

pub const MIRRORS: MirrorSet = MirrorSet {
    app: "metadata-made-once",
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
    pages::markup(export, "<h1>Next.js conformance fixture, metadata made once</h1>")
}

/// `{ rules: { userAgent: '*', disallow: `/made-at/${Date.now()}` } }`
pub(super) fn stamped_robots(request: &RouteRequest) -> Robots {
    let rule = RobotsRule { user_agent: vec!["*".into()], disallow: vec![format!("/made-at/{}", request.date_now())], ..Default::default() };
    Robots { rules: vec![rule], ..Default::default() }
}

/// app/robots.js
fn robots(request: &RouteRequest) -> Robots {
    stamped_robots(request)
}

/// app/manifest.js
fn manifest(request: &RouteRequest) -> Manifest {
    Manifest { name: Some("Made once".into()), description: Some(request.date_now().to_string()), ..Default::default() }
}
