//! Mirrors of the fixture's metadata files (`fixture-app/app/**/{robots,sitemap,manifest,
//! icon,apple-icon,opengraph-image,twitter-image}.js`) and of the pages under
//! `app/metadata/`. Each function returns the typed data the JavaScript returns; the comment
//! above it names the file.

use crate::code::Handled;
use crate::metadata::images::ImageResponse;
use crate::metadata::manifest::{Manifest, ManifestIcon};
use crate::metadata::robots::{Robots, RobotsRule};
use crate::metadata::sitemap::{ChangeFrequency, LastModified, SitemapEntry, Video};
use crate::code::{ImageMetadata, ImageReturn, MetadataCode, MetadataId};
use crate::params::{ParamValue, Params};
use crate::web::{RouteRequest, Thrown, WebResponse};

fn strings(items: &[&str]) -> Vec<String> {
    items.iter().map(|s| (*s).to_owned()).collect()
}

/// robots.js
fn robots(_request: &RouteRequest) -> Robots {
    Robots {
        rules: vec![
            RobotsRule { user_agent: strings(&["Googlebot"]), allow: strings(&["/", "/public/"]), disallow: strings(&["/private/"]), crawl_delay: Some(2.0) },
            RobotsRule { user_agent: strings(&["Applebot", "Bingbot"]), allow: vec![], disallow: strings(&["/", "/admin/"]), crawl_delay: None },
            RobotsRule { user_agent: strings(&["*"]), allow: strings(&["/"]), disallow: vec![], crawl_delay: None },
        ],
        sitemap: strings(&["https://acme.com/sitemap.xml", "https://acme.com/metadata/products/sitemap/0.xml"]),
        host: Some("https://acme.com".into()),
    }
}
pub const ROBOTS: MetadataCode = MetadataCode::Robots(robots);

/// sitemap.js
fn sitemap(_id: Option<&str>, _request: &RouteRequest) -> Vec<SitemapEntry> {
    vec![
        SitemapEntry {
            url: "https://acme.com".into(),
            // new Date('2024-01-02T03:04:05.678Z')
            last_modified: Some(LastModified::Date(1_704_164_645_678)),
            change_frequency: Some(ChangeFrequency::Yearly),
            priority: Some(1.0),
            ..Default::default()
        },
        SitemapEntry {
            url: "https://acme.com/about".into(),
            last_modified: Some(LastModified::Text("2021-01-01".into())),
            change_frequency: Some(ChangeFrequency::Monthly),
            priority: Some(0.8),
            languages: vec![("es".into(), "https://acme.com/es/about".into()), ("de".into(), "https://acme.com/de/about".into())],
            ..Default::default()
        },
        SitemapEntry {
            url: "https://acme.com/gallery".into(),
            images: strings(&["https://acme.com/image.jpg", "https://acme.com/image-2.jpg"]),
            videos: vec![Video {
                title: "example".into(),
                thumbnail_loc: "https://acme.com/thumb.jpg".into(),
                description: "this is the description".into(),
            }],
            ..Default::default()
        },
        SitemapEntry { url: "https://acme.com/plain".into(), ..Default::default() },
    ]
}
pub const SITEMAP: MetadataCode = MetadataCode::Sitemap { generate_sitemaps: None, sitemap };

/// metadata/products/sitemap.js: `generateSitemaps` returns ids 0, 1 and 2.
fn product_sitemap(id: Option<&str>, _request: &RouteRequest) -> Vec<SitemapEntry> {
    let id = id.unwrap_or("undefined");
    vec![SitemapEntry {
        url: format!("https://acme.com/product/{id}"),
        last_modified: Some(LastModified::Text("2024-05-06".into())),
        ..Default::default()
    }]
}
fn product_sitemap_ids() -> Vec<String> {
    strings(&["0", "1", "2"])
}
pub const PRODUCT_SITEMAP: MetadataCode =
    MetadataCode::Sitemap { generate_sitemaps: Some(product_sitemap_ids), sitemap: product_sitemap };

/// manifest.js
fn manifest(_request: &RouteRequest) -> Manifest {
    Manifest {
        name: Some("Next.js App".into()),
        short_name: Some("Next.js App".into()),
        description: Some("Next.js App".into()),
        start_url: Some("/".into()),
        display: Some("standalone".into()),
        background_color: Some("#fff".into()),
        theme_color: Some("#fff".into()),
        icons: vec![ManifestIcon { src: "/favicon.ico".into(), sizes: Some("any".into()), mime_type: Some("image/x-icon".into()) }],
    }
}
pub const MANIFEST: MetadataCode = MetadataCode::Manifest(manifest);

/// metadata/generated/opengraph-image.js
fn generated_opengraph(_id: Option<&MetadataId>, _request: &RouteRequest) -> Result<ImageReturn, Thrown> {
    Ok(ImageReturn::Image(ImageResponse { width: 1200, height: 630, background: [0x00, 0xaa, 0x77], text: String::new() }))
}
pub const GENERATED_OPENGRAPH: MetadataCode = MetadataCode::Image { generate_image_metadata: None, generate_static_params: None, image: generated_opengraph };

/// metadata/generated/icon.js: two sizes from `generateImageMetadata`.
fn icon_metadata(_params: Option<&Params>) -> Vec<ImageMetadata> {
    [("small", 48), ("medium", 72)]
        .into_iter()
        .map(|(id, side)| ImageMetadata {
            id: MetadataId::Text(id.into()),
            alt: None,
            size: Some((side, side)),
            content_type: Some("image/png".into()),
        })
        .collect()
}
fn generated_icon(id: Option<&MetadataId>, _request: &RouteRequest) -> Result<ImageReturn, Thrown> {
    let side = if id.map(MetadataId::to_url).as_deref() == Some("small") { 48 } else { 72 };
    Ok(ImageReturn::Image(ImageResponse { width: side, height: side, background: [0, 0, 0], text: String::new() }))
}
pub const GENERATED_ICON: MetadataCode = MetadataCode::Image { generate_image_metadata: Some(icon_metadata), generate_static_params: None, image: generated_icon };

/// metadata/generated/apple-icon.js
fn generated_apple_icon(_id: Option<&MetadataId>, _request: &RouteRequest) -> Result<ImageReturn, Thrown> {
    Ok(ImageReturn::Image(ImageResponse { width: 180, height: 180, background: [0x33, 0x33, 0x33], text: String::new() }))
}
pub const GENERATED_APPLE_ICON: MetadataCode = MetadataCode::Image { generate_image_metadata: None, generate_static_params: None, image: generated_apple_icon };

/// metadata/(grouped)/grouped/twitter-image.js
fn grouped_twitter(_id: Option<&MetadataId>, _request: &RouteRequest) -> Result<ImageReturn, Thrown> {
    Ok(ImageReturn::Image(ImageResponse { width: 800, height: 400, background: [0xaa, 0x00, 0x77], text: String::new() }))
}
pub const GROUPED_TWITTER: MetadataCode = MetadataCode::Image { generate_image_metadata: None, generate_static_params: None, image: grouped_twitter };

/// metadata/posts/[slug]/opengraph-image.js: the slug is drawn as text.
fn post_opengraph(_id: Option<&MetadataId>, request: &RouteRequest) -> Result<ImageReturn, Thrown> {
    let slug = match request.params.as_ref().and_then(|p| p.get("slug")) {
        Some(ParamValue::One(slug)) => slug.clone(),
        _ => String::new(),
    };
    Ok(ImageReturn::Image(ImageResponse { width: 600, height: 315, background: [0x33, 0x66, 0xcc], text: slug }))
}
pub const POST_OPENGRAPH: MetadataCode = MetadataCode::Image { generate_image_metadata: None, generate_static_params: None, image: post_opengraph };

/// metadata/*/page.js: `<h1>metadata: NAME</h1>`, NAME being the page's folder (or, for
/// metadata/posts/[slug]/page.js, the slug).
pub fn page(export: &str, request: &RouteRequest) -> Handled {
    match export {
        "default" => {
            let name = request.path.rsplit('/').next().unwrap_or_default();
            Handled::Answer(
                WebResponse::text(format!("<h1>metadata: {name}</h1>")).with_header("content-type", "text/html; charset=utf-8"),
            )
        }
        _ => Handled::NotMirrored,
    }
}
