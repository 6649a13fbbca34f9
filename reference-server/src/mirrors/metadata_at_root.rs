//! Mirrors of `fixture-apps/metadata-at-root/`: the docs' robots.js (one rule object, one
//! sitemap) and icon.js (32x32), its home page, and its proxy, which marks what it runs for
//! (its matcher leaves the robots, sitemap and favicon files out). `app/favicon.js` is no route:
//! a favicon cannot be generated.

use super::{MirrorSet, pages};
use crate::code::{Handled, ImageReturn, MetadataCode, MetadataId, Mirror};
use crate::metadata::images::ImageResponse;
use crate::metadata::robots::{Robots, RobotsRule};
use crate::web::{RouteRequest, Thrown, WebResponse};

pub const MIRRORS: MirrorSet = MirrorSet {
    app: "metadata-at-root",
    routes: &[Mirror { file: "app/page.js", handle: home }, Mirror { file: "proxy.js", handle: proxy }],
    api: &[],
    pages: &[],
    metadata: &[
        Mirror { file: "app/icon.js", handle: MetadataCode::Image { generate_image_metadata: None, generate_static_params: None, image: icon } },
        Mirror { file: "app/robots.js", handle: MetadataCode::Robots(robots) },
    ],
    wrappers: &[],
};

/// app/page.js
fn home(export: &str, _request: &RouteRequest) -> Handled {
    pages::markup(export, "<h1>Next.js conformance fixture, metadata at the root</h1>")
}

/// proxy.js: `x-proxy-ran: 1` on every answer it runs for.
fn proxy(export: &str, _request: &RouteRequest) -> Handled {
    match export {
        "proxy" => Handled::Answer(WebResponse::next().with_header("x-proxy-ran", "1")),
        _ => Handled::NotMirrored,
    }
}

/// app/robots.js
fn robots(_request: &RouteRequest) -> Robots {
    Robots {
        rules: vec![RobotsRule { user_agent: vec!["*".into()], allow: vec!["/".into()], disallow: vec!["/private/".into()], crawl_delay: None }],
        sitemap: vec!["https://acme.com/sitemap.xml".into()],
        host: None,
    }
}

/// app/icon.js: the letter A, white on black, 32x32.
fn icon(_id: Option<&MetadataId>, _request: &RouteRequest) -> Result<ImageReturn, Thrown> {
    Ok(ImageReturn::Image(ImageResponse { width: 32, height: 32, background: [0, 0, 0], text: "A".into() }))
}
