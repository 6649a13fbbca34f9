//! Mirrors of `fixture-app/app/metadata/{made-at-build,made-per-request,revalidated,by-slug,
//! listed-slugs,fetched-data}/`: generated metadata files that write the time they were made, so
//! that a file made once can be told from one made again. They differ only in what makes them be
//! made again: nothing (made by the build), a Dynamic API or dynamic config (made per request),
//! `revalidate`, a dynamic segment above them with or without `generateStaticParams`, the
//! options of a `fetch()` they make.

use super::fetch_options::fetched_at;
use crate::cache::segment::Revalidate;
use crate::cache::{FetchInit, RequestCache};
use crate::code::{ImageReturn, MetadataCode, MetadataId};
use crate::metadata::images::ImageResponse;
use crate::metadata::sitemap::{LastModified, SitemapEntry};
use crate::params::{ParamValue, Params};
use crate::web::{RouteRequest, Thrown, WebResponse};

/// An SVG that writes `text`, sent as `new Response(svg, { headers: { 'Content-Type': 'image/svg+xml' } })`.
pub fn svg_response(text: &str) -> WebResponse {
    let svg = format!("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"32\" height=\"32\"><text y=\"20\">{text}</text></svg>");
    WebResponse::bytes(svg).with_header("content-type", "image/svg+xml")
}

/// `new ImageResponse(<div ...>{String(Date.now())}</div>, { width: 400, height: 210 })`.
fn drawn_now(request: &RouteRequest) -> ImageReturn {
    ImageReturn::Image(ImageResponse { width: 400, height: 210, background: [0xff, 0xff, 0xff], text: request.date_now().to_string() })
}

/// `[{ url, lastModified: new Date() }]`.
fn stamped_entry(url: &str, request: &RouteRequest) -> Vec<SitemapEntry> {
    let now = i64::try_from(request.date_now()).unwrap_or(i64::MAX);
    vec![SitemapEntry { url: url.into(), last_modified: Some(LastModified::Date(now)), ..Default::default() }]
}

/// made-at-build/sitemap.js
fn made_at_build_sitemap(_id: Option<&str>, request: &RouteRequest) -> Vec<SitemapEntry> {
    stamped_entry("https://acme.com/made-at-build", request)
}
pub const MADE_AT_BUILD_SITEMAP: MetadataCode = MetadataCode::Sitemap { generate_sitemaps: None, sitemap: made_at_build_sitemap };

/// made-per-request/sitemap.js (which exports `dynamic`)
fn made_per_request_sitemap(_id: Option<&str>, request: &RouteRequest) -> Vec<SitemapEntry> {
    stamped_entry("https://acme.com/made-per-request", request)
}
pub const MADE_PER_REQUEST_SITEMAP: MetadataCode = MetadataCode::Sitemap { generate_sitemaps: None, sitemap: made_per_request_sitemap };

/// made-at-build/icon.js, revalidated/icon.js and made-per-request/apple-icon.js (which exports
/// `dynamic`): an SVG of `Date.now()`.
fn stamped_icon(_id: Option<&MetadataId>, request: &RouteRequest) -> Result<ImageReturn, Thrown> {
    Ok(ImageReturn::Response(svg_response(&request.date_now().to_string())))
}
pub const STAMPED_ICON: MetadataCode = MetadataCode::Image { generate_image_metadata: None, generate_static_params: None, image: stamped_icon };

/// made-per-request/icon.js: `await headers()`, then an SVG of `Date.now()`.
fn stamped_icon_after_headers(id: Option<&MetadataId>, request: &RouteRequest) -> Result<ImageReturn, Thrown> {
    request.next_headers();
    stamped_icon(id, request)
}
pub const STAMPED_ICON_AFTER_HEADERS: MetadataCode = MetadataCode::Image { generate_image_metadata: None, generate_static_params: None, image: stamped_icon_after_headers };

/// made-at-build/opengraph-image.js, made-per-request/twitter-image.js (which exports `dynamic`)
/// and revalidated/opengraph-image.js: an image drawing `Date.now()`.
fn stamped_image(_id: Option<&MetadataId>, request: &RouteRequest) -> Result<ImageReturn, Thrown> {
    Ok(drawn_now(request))
}
pub const STAMPED_IMAGE: MetadataCode = MetadataCode::Image { generate_image_metadata: None, generate_static_params: None, image: stamped_image };

/// made-per-request/opengraph-image.js: `await headers()`, then an image drawing `Date.now()`.
fn stamped_image_after_headers(_id: Option<&MetadataId>, request: &RouteRequest) -> Result<ImageReturn, Thrown> {
    request.next_headers();
    Ok(drawn_now(request))
}
pub const STAMPED_IMAGE_AFTER_HEADERS: MetadataCode = MetadataCode::Image { generate_image_metadata: None, generate_static_params: None, image: stamped_image_after_headers };

/// by-slug/[slug]/opengraph-image.js and listed-slugs/[slug]/opengraph-image.js: an image
/// drawing the slug and `Date.now()`.
fn slug_image(_id: Option<&MetadataId>, request: &RouteRequest) -> Result<ImageReturn, Thrown> {
    let slug = match request.params.as_ref().and_then(|p| p.get("slug")) {
        Some(ParamValue::One(slug)) => slug.clone(),
        _ => String::new(),
    };
    let text = format!("{slug} {}", request.date_now());
    Ok(ImageReturn::Image(ImageResponse { width: 400, height: 210, background: [0xff, 0xff, 0xff], text }))
}
pub const SLUG_IMAGE: MetadataCode = MetadataCode::Image { generate_image_metadata: None, generate_static_params: None, image: slug_image };

/// listed-slugs/[slug]/opengraph-image.js `generateStaticParams`: `[{ slug: 'listed' }]`.
fn listed_slugs() -> Vec<Params> {
    vec![Params(vec![("slug".into(), ParamValue::One("listed".into()))])]
}
pub const LISTED_SLUG_IMAGE: MetadataCode =
    MetadataCode::Image { generate_image_metadata: None, generate_static_params: Some(listed_slugs), image: slug_image };

/// fetched-data/fetched-svg.js `fetchedSvg(key, init)`: an SVG writing what the app's data source
/// answered for `key` (`failed` when nothing answered, as during the build) and `Date.now()`.
fn fetched_svg(request: &RouteRequest, key: &str, init: FetchInit) -> Result<ImageReturn, Thrown> {
    let fetched = fetched_at(request, key, init)?;
    Ok(ImageReturn::Response(svg_response(&format!("fetched={fetched} now={}", request.date_now()))))
}

/// fetched-data/no-option/opengraph-image.js: fetched without an option.
fn fetched_without_option(_id: Option<&MetadataId>, request: &RouteRequest) -> Result<ImageReturn, Thrown> {
    fetched_svg(request, "image-no-option", FetchInit::default())
}
pub const FETCHED_WITHOUT_OPTION_IMAGE: MetadataCode =
    MetadataCode::Image { generate_image_metadata: None, generate_static_params: None, image: fetched_without_option };

/// fetched-data/no-store/opengraph-image.js: fetched with `cache: 'no-store'`.
fn fetched_no_store(_id: Option<&MetadataId>, request: &RouteRequest) -> Result<ImageReturn, Thrown> {
    fetched_svg(request, "image-no-store", FetchInit { cache: Some(RequestCache::NoStore), ..FetchInit::default() })
}
pub const FETCHED_NO_STORE_IMAGE: MetadataCode = MetadataCode::Image { generate_image_metadata: None, generate_static_params: None, image: fetched_no_store };

/// fetched-data/revalidate/opengraph-image.js: fetched with `next: { revalidate: 2 }`.
fn fetched_revalidated(_id: Option<&MetadataId>, request: &RouteRequest) -> Result<ImageReturn, Thrown> {
    fetched_svg(request, "image-revalidate", FetchInit { revalidate: Some(Revalidate::After(2)), ..FetchInit::default() })
}
pub const FETCHED_REVALIDATED_IMAGE: MetadataCode =
    MetadataCode::Image { generate_image_metadata: None, generate_static_params: None, image: fetched_revalidated };
