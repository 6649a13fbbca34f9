//! Mirrors of `fixture-apps/metadata-escaping/`: its home page, and robots and sitemap values
//! with characters that XML must escape and characters outside ASCII.

use super::{MirrorSet, pages};
use crate::code::{Handled, MetadataCode, Mirror};
use crate::metadata::robots::{Robots, RobotsRule};
use crate::metadata::sitemap::{LastModified, SitemapEntry, Video};
use crate::web::RouteRequest;

pub const MIRRORS: MirrorSet = MirrorSet {
    app: "metadata-escaping",
    routes: &[Mirror { file: "app/page.js", handle: home }],
    api: &[],
    pages: &[],
    metadata: &[
        Mirror { file: "app/robots.js", handle: MetadataCode::Robots(robots) },
        Mirror { file: "app/sitemap.js", handle: MetadataCode::Sitemap { generate_sitemaps: None, sitemap } },
    ],
    wrappers: &[],
};

/// app/page.js
fn home(export: &str, _request: &RouteRequest) -> Handled {
    pages::markup(export, "<h1>Next.js conformance fixture, metadata escaping</h1>")
}

/// app/robots.js
fn robots() -> Robots {
    Robots {
        rules: vec![RobotsRule {
            user_agent: vec!["Bot&Co <\"x\">".into()],
            allow: vec!["/search?q=a&b=<c>".into()],
            disallow: vec!["/caf\u{e9}/'quoted'".into()],
            crawl_delay: None,
        }],
        sitemap: vec!["https://acme.com/sitemap.xml?a=1&b=2".into()],
        host: Some("https://acme.com/\u{20ac}".into()),
    }
}

/// app/sitemap.js
fn sitemap(_id: Option<&str>) -> Vec<SitemapEntry> {
    vec![
        SitemapEntry {
            url: "https://acme.com/search?q=a&b=<c>".into(),
            last_modified: Some(LastModified::Text("2024-01-02".into())),
            ..Default::default()
        },
        SitemapEntry {
            url: "https://acme.com/caf\u{e9}/'quoted'/\"double\"".into(),
            languages: vec![("fr".into(), "https://acme.com/fr?x=1&y=2".into())],
            ..Default::default()
        },
        SitemapEntry {
            url: "https://acme.com/gallery".into(),
            images: vec!["https://acme.com/image.jpg?w=1&h=2".into()],
            videos: vec![Video {
                title: "Tom & Jerry <live>".into(),
                thumbnail_loc: "https://acme.com/thumb.jpg?a=1&b=2".into(),
                description: "caf\u{e9} \"quoted\" \u{20ac}".into(),
            }],
            ..Default::default()
        },
    ]
}
