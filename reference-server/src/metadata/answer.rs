//! The HTTP answer `next start` gives for a metadata route.
//!
//! - GET and HEAD are served. Another method to a file the build made gets `405 Method Not
//!   Allowed` with `Allow: GET` and `Allow: HEAD` as two fields, but for a path with an id
//!   segment (`generateSitemaps`, `generateImageMetadata`), which is served as for GET; to a
//!   file made per request it gets the route module's answer, as a route handler exporting GET
//!   would ([`route_handler::method_refused`]). `TRACE` reaches the module in both cases, which
//!   cannot make a Web `Request` of it ([`Refusal::ForbiddenMethod`]).
//! - `Cache-Control`: `public, max-age=0, must-revalidate`. Before Next.js 16, static files
//!   other than `favicon.ico` and generated images were `public, immutable, no-transform,
//!   max-age=31536000` instead.
//! - `x-nextjs-cache: HIT` when the build made the file: a static file, or a generated one that
//!   is not below a dynamic segment (one with `generateImageMetadata` only from Next.js 16;
//!   before, such images are made per request).
//! - The body is sent chunked, and HEAD gets neither a body nor a length.
//! - `Vary` is the server's (the app router's request headers; the compression layer adds
//!   `Accept-Encoding`).
//! - An id that `generateImageMetadata` did not return is a plain-text `404 Not Found`, and so
//!   from Next.js 16 is one `generateSitemaps` did not return (before, any `<id>.xml` was
//!   passed to `sitemap`).

use super::convention::Convention;
use crate::code::MetadataCode;
use super::{Content, MetadataRoute, manifest, robots, sitemap, static_files};
use crate::body::{Chunks, WireBody};
use crate::route_handler;
use crate::service::{Answer, Made, Refusal};
use bytes::Bytes;
use http::{HeaderValue, StatusCode};
use semver::Version;

const REVALIDATE: &str = "public, max-age=0, must-revalidate";
const IMMUTABLE: &str = "public, immutable, no-transform, max-age=31536000";

/// The answer to `method` on `route`; `id` is the id segment of a `generate*` route.
pub fn serve(route: &MetadataRoute, method: &str, id: Option<&str>, next: &Version) -> Result<Answer, Refusal> {
    if method != "GET" && method != "HEAD" {
        match (made_by_build(route, next), id.is_some()) {
            (true, false) => return Ok(method_not_allowed()),
            _ if route_handler::fetch_forbidden(method) => return Err(Refusal::ForbiddenMethod),
            (true, true) => {}
            (false, _) => {
                if let Some(refused) = route_handler::method_refused(&["GET".to_owned()], method) {
                    return Ok(refused);
                }
            }
        }
    }
    let Some((content_type, body)) = produce(route, id, next) else {
        return Ok(not_found(next));
    };
    let mut fields = vec![("cache-control", cache_control(route, next)), ("content-type", content_type)];
    if made_by_build(route, next) {
        fields.insert(0, ("x-nextjs-cache", "HIT"));
    }
    let mut answer = build(StatusCode::OK, &fields, Bytes::new());
    if method != "HEAD" {
        *answer.body_mut() = WireBody::Right(Chunks::new(vec![body]));
    }
    Ok(answer)
}

/// Whether `next build` made the file, so that it is served from its output.
fn made_by_build(route: &MetadataRoute, next: &Version) -> bool {
    match &route.content {
        Content::Static { .. } => true,
        Content::Generated { .. } if route.url.contains('[') => false,
        Content::Generated { code: MetadataCode::Image { generate_image_metadata: Some(_), .. }, .. } => next.major >= 16,
        Content::Generated { .. } => true,
    }
}

/// The content type and bytes of `route`, or `None` for an id its `generate*` export did not return.
fn produce(route: &MetadataRoute, id: Option<&str>, next: &Version) -> Option<(&'static str, Bytes)> {
    let text = |content_type, text: String| Some((content_type, Bytes::from(text)));
    match &route.content {
        Content::Static { bytes, content_type } => Some((content_type, bytes.clone())),
        Content::Generated { code, .. } => match *code {
            MetadataCode::Robots(robots) => text("text/plain", robots::serialize(&robots())),
            MetadataCode::Manifest(manifest) => text("application/manifest+json", manifest::serialize(&manifest())),
            MetadataCode::Sitemap { generate_sitemaps, sitemap } => {
                let id = match (generate_sitemaps, id) {
                    (Some(ids), Some(segment)) => {
                        let id = segment.strip_suffix(".xml")?;
                        (next.major < 16 || ids().iter().any(|known| known == id)).then_some(id)?;
                        Some(id)
                    }
                    _ => None,
                };
                text(static_files::content_type("xml"), sitemap::serialize(&sitemap(id)))
            }
            MetadataCode::Image { generate_image_metadata, image } => {
                if let (Some(items), Some(id)) = (generate_image_metadata, id) {
                    items().iter().any(|item| item.id == id).then_some(())?;
                }
                Some(("image/png", image(id).render_png()))
            }
        },
    }
}

fn cache_control(route: &MetadataRoute, next: &Version) -> &'static str {
    let generated_image = matches!(route.content, Content::Generated { code: MetadataCode::Image { .. }, .. });
    let static_file = matches!(route.content, Content::Static { .. });
    if next.major < 16 && (generated_image || (static_file && route.convention != Convention::Favicon)) {
        IMMUTABLE
    } else {
        REVALIDATE
    }
}

fn not_found(next: &Version) -> Answer {
    let mut headers = vec![("content-type", "text/plain;charset=UTF-8")];
    if next.major >= 16 {
        headers.insert(0, ("cache-control", "s-maxage=31536000"));
    }
    build(StatusCode::NOT_FOUND, &headers, Bytes::from_static(b"Not Found"))
}

fn method_not_allowed() -> Answer {
    build(StatusCode::METHOD_NOT_ALLOWED, &[("allow", "GET"), ("allow", "HEAD")], Bytes::from_static(b"Method Not Allowed"))
}

fn build(status: StatusCode, headers: &[(&'static str, &'static str)], body: Bytes) -> Answer {
    let mut answer = Answer::new(WireBody::Left(body.into()));
    *answer.status_mut() = status;
    let map = answer.headers_mut();
    for (name, value) in headers {
        map.append(*name, HeaderValue::from_static(value));
    }
    answer.extensions_mut().insert(Made::Metadata);
    answer
}
