//! The route handler Next.js writes around each metadata file, which `next start` then serves
//! as it serves any route handler (see [`crate::rendering`]): a `GET` only (HEAD runs it without
//! the body, other methods get 405), made by the build and served from the route cache unless
//! the file's code reads request data (`headers()`...) or it exports dynamic config, as a page
//! is (see [`crate::cache::policy`]).
//!
//! What the GET answers:
//! - A static file: its bytes and type ([`static_files`]), with `Cache-Control: public,
//!   max-age=0, must-revalidate` (before Next.js 16, `public, immutable, no-transform,
//!   max-age=31536000` for every static file but `favicon.ico`). Its handler exports
//!   `dynamic = 'force-static'`.
//! - `robots`, `manifest` or `sitemap` code: the object it returns, serialized, with its type
//!   and `Cache-Control: public, max-age=0, must-revalidate`.
//! - Image code: what the default export returned. An `ImageResponse` is a PNG with its own
//!   `Cache-Control` (`public, max-age=0, must-revalidate`; before 16, `public, immutable,
//!   no-transform, max-age=31536000`); another `Response` goes out as it is, without one, so the
//!   route cache's applies. Anything else (a `Blob`, an `ArrayBuffer`..., which the docs allow)
//!   throws: Next.js wants a `Response`.
//! - An id that `generateImageMetadata` did not return is a plain-text `404 Not Found`, and so
//!   is a sitemap id without `.xml` and, from Next.js 16, one `generateSitemaps` did not return
//!   (before, any `<id>.xml` is passed to `sitemap`). The image function gets the item's `id` as `generateImageMetadata` returned
//!   it, a string or a number; from Next.js 16, the id segment of the URL, a string.
//!
//! The build lists the ids of `generateSitemaps`, and from Next.js 16 those of
//! `generateImageMetadata`, as the handler's `generateStaticParams` (before 16, such images are
//! made per request); an image file may export its own `generateStaticParams` for the dynamic
//! segments above it. Without one, an image below a dynamic segment is made per request.

use super::convention::Convention;
use super::{Content, ID_PARAM, MetadataRoute, manifest, robots, sitemap, static_files};
use crate::cache::segment::{Dynamic, SegmentConfig};
use crate::code::{Handled, ImageReturn, MetadataCode, MetadataId};
use crate::params::{ParamValue, Params};
use crate::web::{RouteRequest, Thrown, WebResponse};
use semver::Version;

const REVALIDATE: &str = "public, max-age=0, must-revalidate";
const IMMUTABLE: &str = "public, immutable, no-transform, max-age=31536000";

/// What the handler module exports that dispatch calls.
pub fn exports() -> Vec<String> {
    vec!["GET".to_owned()]
}

/// The segment config of the handler: the file's own exports for code, `force-static` for a
/// static file, and `generateStaticParams` where the build lists ids.
pub fn segment_config(route: &MetadataRoute, next: &Version) -> SegmentConfig {
    match &route.content {
        Content::Static { .. } if route.unchecked_by_server(next) => {
            // Next.js 16's server counts a numbered file as a metadata route only with one digit
            // (`icon\d?`); the build does not prerender the others, which are made per request.
            SegmentConfig { dynamic: Dynamic::ForceDynamic, ..Default::default() }
        }
        Content::Static { .. } => SegmentConfig { dynamic: Dynamic::ForceStatic, ..Default::default() },
        Content::Generated { code, exports, .. } => {
            let mut config = SegmentConfig::read(exports);
            config.static_params = match code {
                MetadataCode::Sitemap { generate_sitemaps, .. } => generate_sitemaps.is_some(),
                MetadataCode::Image { generate_image_metadata, generate_static_params, .. } => {
                    generate_static_params.is_some() || (generate_image_metadata.is_some() && next.major >= 16)
                }
                _ => false,
            };
            config
        }
    }
}

/// What the file's own `generateStaticParams` lists, when it exports one.
pub fn static_params(route: &MetadataRoute) -> Option<Vec<Params>> {
    match &route.content {
        Content::Generated { code: MetadataCode::Image { generate_static_params: Some(params), .. }, .. } => Some(params()),
        _ => None,
    }
}

/// The ids the handler's `generateStaticParams` lists, as the URL writes them (`0.xml`, `small`).
pub fn static_ids(route: &MetadataRoute) -> Vec<String> {
    match &route.content {
        Content::Generated { code: MetadataCode::Sitemap { generate_sitemaps: Some(ids), .. }, .. } => {
            ids().into_iter().map(|id| format!("{id}.xml")).collect()
        }
        Content::Generated { code: MetadataCode::Image { generate_image_metadata: Some(items), .. }, .. } => {
            items(None).iter().map(|item| item.id.to_url()).collect()
        }
        _ => Vec::new(),
    }
}

/// The handler's `GET` for `request`.
pub fn get(route: &MetadataRoute, request: &RouteRequest, next: &Version) -> Handled {
    let code = match &route.content {
        Content::Static { bytes, content_type } => {
            let cache_control = if next.major < 16 && route.convention != Convention::Favicon { IMMUTABLE } else { REVALIDATE };
            return Handled::Answer(typed(WebResponse::bytes(bytes.clone()), content_type, cache_control));
        }
        Content::Generated { code, .. } => *code,
    };
    let segment = match request.params.as_ref().and_then(|p| p.get(ID_PARAM)) {
        Some(ParamValue::One(id)) => Some(id.clone()),
        _ => None,
    };
    // The user code sees the route's params without the id segment.
    let params = request.params.as_ref().map(|p| Params(p.0.iter().filter(|(name, _)| name != ID_PARAM).cloned().collect()));
    let params = params.filter(|p| !p.0.is_empty());
    let inner = request.with_params(params);
    let handled = run(code, segment.as_deref(), &inner, next);
    request.read_request_data.set(request.read_request_data.get() || inner.read_request_data.get());
    // A fetch of the code lowers the route's revalidate period and tags its entry, as in a page.
    request.route_revalidate.set(inner.route_revalidate.get());
    request.cache_tags.borrow_mut().extend(inner.cache_tags.take());
    handled
}

fn run(code: MetadataCode, segment: Option<&str>, request: &RouteRequest, next: &Version) -> Handled {
    let text = |content_type: &str, text: String| Handled::Answer(typed(WebResponse::bytes(text), content_type, REVALIDATE));
    match code {
        MetadataCode::Robots(robots) => text("text/plain", robots::serialize(&robots(request))),
        MetadataCode::Manifest(manifest) => text("application/manifest+json", manifest::serialize(&manifest(request))),
        MetadataCode::Sitemap { generate_sitemaps, sitemap } => {
            let id = match (generate_sitemaps, segment) {
                (Some(ids), Some(segment)) => match segment.strip_suffix(".xml") {
                    Some(id) if next.major < 16 || ids().iter().any(|known| known == id) => Some(id),
                    _ => return not_found(),
                },
                _ => None,
            };
            text(static_files::content_type("xml"), sitemap::serialize(&sitemap(id, request)))
        }
        MetadataCode::Image { generate_image_metadata, image, .. } => {
            let id = match (generate_image_metadata, segment) {
                (Some(items), Some(segment)) => {
                    let Some(item) = items(request.params.as_ref()).into_iter().find(|item| item.id.to_url() == segment) else {
                        return not_found();
                    };
                    Some(if next.major >= 16 { MetadataId::Text(segment.to_owned()) } else { item.id })
                }
                _ => None,
            };
            match image(id.as_ref(), request) {
                Err(thrown) => Handled::Throw(thrown),
                Ok(ImageReturn::Image(response)) => {
                    let cache_control = if next.major < 16 { IMMUTABLE } else { REVALIDATE };
                    Handled::Answer(typed(WebResponse::bytes(response.render_png()), "image/png", cache_control))
                }
                Ok(ImageReturn::Response(response)) => Handled::Answer(response),
                Ok(ImageReturn::NotAResponse(kind)) => Handled::Throw(Thrown(format!(
                    "No response is returned from route handler '{}'. Expected a Response object but received '{kind}'",
                    request.path
                ))),
            }
        }
    }
}

/// `new NextResponse(body, { headers: { 'Content-Type': ..., 'Cache-Control': ... } })`.
fn typed(response: WebResponse, content_type: &str, cache_control: &str) -> WebResponse {
    response.with_header("content-type", content_type).with_header("cache-control", cache_control)
}

/// `new NextResponse('Not Found', { status: 404 })`.
fn not_found() -> Handled {
    Handled::Answer(WebResponse::text("Not Found").with_status(404))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::exports::Exports;
    use bytes::Bytes;

    fn icon(file: &str) -> MetadataRoute {
        MetadataRoute {
            convention: Convention::Icon,
            file: file.into(),
            folder: "/a".into(),
            url: "/a/icon.png".into(),
            alt_text: None,
            content: Content::Static { bytes: Bytes::from_static(b"png"), content_type: "image/png" },
        }
    }

    fn header<'a>(handled: &'a Handled, name: &str) -> Option<&'a str> {
        let Handled::Answer(response) = handled else { panic!("{handled:?}") };
        response.header(name)
    }

    #[test]
    fn static_files_are_forced_static_and_immutable_before_16() {
        let request = RouteRequest::new("GET".into(), "/a/icon.png".into(), String::new(), http::HeaderMap::new(), Bytes::new(), None, 0, Default::default());
        let (v15, v16) = (Version::new(15, 5, 29), Version::new(16, 4, 6));
        assert_eq!(header(&get(&icon("app/a/icon.png"), &request, &v16), "cache-control"), Some(REVALIDATE));
        assert_eq!(header(&get(&icon("app/a/icon.png"), &request, &v15), "cache-control"), Some(IMMUTABLE));
        assert_eq!(segment_config(&icon("app/a/icon.png"), &v16).dynamic, Dynamic::ForceStatic);
        assert_eq!(segment_config(&icon("app/a/icon10.png"), &v16).dynamic, Dynamic::ForceDynamic);
    }

    #[test]
    fn generated_files_keep_their_own_config() {
        let exports = Exports { names: vec!["default".into(), "revalidate".into()], ..Default::default() };
        let exports = Exports { constants: [("revalidate".to_owned(), crate::exports::ConstValue::Number(2.0))].into(), ..exports };
        let route = MetadataRoute {
            content: Content::Generated { code: MetadataCode::Robots(|_| Default::default()), exports, source_hash: 0 },
            ..icon("app/robots.js")
        };
        let config = segment_config(&route, &Version::new(16, 4, 6));
        assert_eq!((config.dynamic, config.revalidate), (Dynamic::Auto, Some(crate::cache::segment::Revalidate::After(2))));
    }
}
