//! The `<link>` and `<meta>` tags metadata files add to a page's `<head>`.
//!
//! For each image convention the deepest folder on the page's path that has files of it wins
//! (its files in order of their number, `icon.png` before `icon1.svg`, `icon2.png` before
//! `icon10.png`); `favicon.ico` and the manifest
//! come from the root. Twitter images fall back to the Open Graph images. Each image tag
//! carries the file's type, size (`any` when it has none, as for SVG) and alt text (the
//! generated file's `alt` export, or the static file's `.alt.txt` content as it is); each item
//! of `generateImageMetadata` (called with the page's params) carries its own, its type
//! `image/png` unless it names one (the file's `contentType` export does not count).
//! Open Graph and Twitter image URLs are absolute on the base Next.js falls back to without
//! `metadataBase`, `http://localhost:$PORT`: 3000 for pages prerendered at build time, the
//! server's own port for pages rendered per request. Image URLs under dynamic segments carry the
//! page's params. Image URLs carry a cache-busting query: the content
//! hash Next.js 16 writes as `?<name>.<hash>.<ext>` for static files and Next.js 15 as 16 hex
//! digits (15 leaves `favicon.ico` bare); generated images get 16 hex digits.

use super::convention::{self, Convention};
use super::images::pixel_size;
use super::{Content, MetadataRoute};
use crate::code::MetadataCode;
use crate::etag::base36;
use crate::html::escape;
use crate::params::{ParamValue, Params};
use semver::Version;

/// The port in the fallback `metadataBase` of pages prerendered by `next build`, which runs
/// without `PORT`.
const BUILD_PORT: u16 = 3000;

/// How the page is rendered, which shapes the image URLs of its head.
#[derive(Debug, Clone, Copy)]
pub struct PageRender<'a> {
    /// The page's params, which fill dynamic segments of image URLs.
    pub params: Option<&'a Params>,
    /// The port of the fallback `metadataBase`: the server's port for a page rendered per
    /// request, [`PageRender::prerendered`] for one rendered at build time.
    pub port: u16,
}

impl PageRender<'_> {
    /// A page rendered by `next build`.
    pub fn prerendered() -> PageRender<'static> {
        PageRender { params: None, port: BUILD_PORT }
    }
}

/// One image as the head describes it.
#[derive(Debug, Clone, PartialEq)]
struct ImageTag {
    href: String,
    /// None where Next.js knows no type for the file (a static `.gif` before 16).
    content_type: Option<String>,
    /// `WxH`, or `any`.
    sizes: Option<String>,
    size: Option<(u32, u32)>,
    alt: Option<String>,
}

/// The head tags metadata files add to a page in `folder` (below `app/`, groups kept).
pub fn tags(folder: &str, routes: &[MetadataRoute], next: &Version, render: PageRender) -> String {
    let mut out = String::new();
    for manifest in routes.iter().filter(|r| r.convention == Convention::Manifest) {
        out.push_str(&format!("<link rel=\"manifest\" href=\"{}\"/>", escape(&manifest.url)));
    }
    let og = images(nearest(folder, routes, Convention::OpenGraphImage), next, render);
    for image in &og {
        out.push_str(&social("property", "og", image));
    }
    let twitter = images(nearest(folder, routes, Convention::TwitterImage), next, render);
    let twitter = if twitter.is_empty() { og } else { twitter };
    if !twitter.is_empty() {
        out.push_str("<meta name=\"twitter:card\" content=\"summary_large_image\"/>");
    }
    for image in &twitter {
        out.push_str(&social("name", "twitter", image));
    }
    for (convention, rel) in [(Convention::Favicon, "icon"), (Convention::Icon, "icon"), (Convention::AppleIcon, "apple-touch-icon")] {
        for image in images(nearest(folder, routes, convention), next, render) {
            out.push_str(&format!("<link rel=\"{rel}\" href=\"{}\"", escape(&image.href)));
            if let Some(content_type) = &image.content_type {
                out.push_str(&format!(" type=\"{}\"", escape(content_type)));
            }
            if let Some(sizes) = &image.sizes {
                out.push_str(&format!(" sizes=\"{sizes}\""));
            }
            out.push_str("/>");
        }
    }
    out
}

/// The files of `convention` in the deepest folder on the way to `folder` that has any.
fn nearest<'a>(folder: &str, routes: &'a [MetadataRoute], convention: Convention) -> Vec<&'a MetadataRoute> {
    let mut ancestors: Vec<&str> = vec![""];
    ancestors.extend(folder.match_indices('/').skip(1).map(|(i, _)| &folder[..i]));
    if !folder.is_empty() {
        ancestors.push(folder);
    }
    for ancestor in ancestors.into_iter().rev() {
        let mut here: Vec<&MetadataRoute> = routes.iter().filter(|r| r.convention == convention && r.folder == ancestor).collect();
        if !here.is_empty() {
            here.sort_by_key(|route| {
                let number = convention::number_of(route.name()).and_then(|digits| digits.parse::<u64>().ok());
                (number, route.file.clone())
            });
            return here;
        }
    }
    Vec::new()
}

fn images(routes: Vec<&MetadataRoute>, next: &Version, render: PageRender) -> Vec<ImageTag> {
    let social = |r: &MetadataRoute| matches!(r.convention, Convention::OpenGraphImage | Convention::TwitterImage);
    let mut out = Vec::new();
    for route in routes {
        let base = if social(route) { format!("http://localhost:{}", render.port) } else { String::new() };
        let url = filled(&route.url, render.params);
        match &route.content {
            Content::Static { bytes, content_type } => {
                let size = pixel_size(bytes);
                out.push(ImageTag {
                    href: format!("{base}{url}{}", static_query(route, next)),
                    content_type: static_image_type(content_type, next),
                    sizes: Some(size.map_or("any".to_owned(), |(w, h)| format!("{w}x{h}"))),
                    size,
                    alt: route.alt_text.clone(),
                });
            }
            Content::Generated { code: MetadataCode::Image { generate_image_metadata, .. }, source_hash, .. } => {
                let query = format!("?{source_hash:016x}");
                let tag = |href: String, size: Option<(u32, u32)>, alt: Option<String>, content_type: String| ImageTag {
                    href,
                    content_type: Some(content_type),
                    sizes: size.map(|(w, h)| format!("{w}x{h}")),
                    size,
                    alt,
                };
                match generate_image_metadata {
                    Some(items) => out.extend(items(render.params).into_iter().map(|item| {
                        let href = format!("{base}{url}/{}{query}", item.id.to_url());
                        tag(href, item.size, item.alt, item.content_type.unwrap_or_else(|| "image/png".to_owned()))
                    })),
                    None => out.push(tag(
                        format!("{base}{url}{query}"),
                        route.export_size(),
                        route.export_str("alt").map(str::to_owned),
                        route.export_str("contentType").unwrap_or("image/png").to_owned(),
                    )),
                }
            }
            Content::Generated { .. } => {}
        }
    }
    out
}

/// `url` with its dynamic segments (`[slug]`, `[...all]`) filled from `params`.
fn filled(url: &str, params: Option<&Params>) -> String {
    let Some(params) = params else { return url.to_owned() };
    let segment = |s: &str| {
        let name = s.strip_prefix("[[...").and_then(|n| n.strip_suffix("]]")).or_else(|| s.strip_prefix("[...").and_then(|n| n.strip_suffix(']')));
        let name = name.or_else(|| s.strip_prefix('[').and_then(|n| n.strip_suffix(']')));
        match name.and_then(|n| params.get(n)) {
            Some(ParamValue::One(value)) => value.clone(),
            Some(ParamValue::Many(values)) => values.join("/"),
            None => s.to_owned(),
        }
    };
    url.split('/').map(segment).collect::<Vec<_>>().join("/")
}

/// The type a head tag gives a static image: the type it is served with, except that Next.js
/// 15 leaves the type out for a file it serves as `text/plain` (a `.gif`, which its type table
/// lacks).
fn static_image_type(served: &str, next: &Version) -> Option<String> {
    (next.major >= 16 || served != "text/plain").then(|| served.to_owned())
}

/// The cache-busting query of a static image, named after the file (without the route group
/// suffix of its URL).
fn static_query(route: &MetadataRoute, next: &Version) -> String {
    let Content::Static { bytes, .. } = &route.content else { return String::new() };
    let hash = super::fnv1a64(bytes);
    if next.major < 16 {
        return if route.convention == Convention::Favicon { String::new() } else { format!("?{hash:016x}") };
    }
    let name = route.file.rsplit('/').next().unwrap_or_default();
    let (stem, ext) = name.rsplit_once('.').unwrap_or((name, ""));
    format!("?{stem}.{}.{ext}", base36(hash))
}

/// The `og:image` or `twitter:image` tags of one image.
fn social(attribute: &str, prefix: &str, image: &ImageTag) -> String {
    let meta = |key: &str, value: &str| format!("<meta {attribute}=\"{prefix}:{key}\" content=\"{}\"/>", escape(value));
    let mut out = meta("image", &image.href);
    if let Some(content_type) = &image.content_type {
        out.push_str(&meta("image:type", content_type));
    }
    if let Some((w, h)) = image.size {
        out.push_str(&meta("image:width", &w.to_string()));
        out.push_str(&meta("image:height", &h.to_string()));
    }
    if let Some(alt) = &image.alt {
        out.push_str(&meta("image:alt", alt));
    }
    out
}


#[cfg(test)]
mod tests {
    use super::*;
    use bytes::Bytes;

    fn static_route(file: &str, url: &str, convention: Convention) -> MetadataRoute {
        MetadataRoute {
            convention,
            file: file.into(),
            folder: super::super::folder_of(file),
            url: url.into(),
            alt_text: None,
            content: Content::Static { bytes: Bytes::from_static(b"<svg/>"), content_type: "image/svg+xml" },
        }
    }

    #[test]
    fn the_deepest_folder_with_icons_wins() {
        let routes = [
            static_route("app/icon.svg", "/icon.svg", Convention::Icon),
            static_route("app/a/(g)/icon.svg", "/a/icon.svg", Convention::Icon),
        ];
        let v16 = Version::new(16, 0, 0);
        let deep = tags("/a/(g)/b", &routes, &v16, PageRender::prerendered());
        assert!(deep.contains("href=\"/a/icon.svg?icon.") && !deep.contains("href=\"/icon.svg"), "{deep}");
        assert!(deep.contains("sizes=\"any\""), "{deep}");
        let top = tags("/c", &routes, &v16, PageRender::prerendered());
        assert!(top.contains("href=\"/icon.svg?icon.") && !top.contains("/a/icon.svg"), "{top}");
    }

    #[test]
    fn static_queries_differ_by_version() {
        let route = static_route("app/favicon.ico", "/favicon.ico", Convention::Favicon);
        assert!(static_query(&route, &Version::new(16, 0, 0)).starts_with("?favicon."));
        assert_eq!(static_query(&route, &Version::new(15, 5, 0)), "");
        let icon = static_route("app/icon.svg", "/icon.svg", Convention::Icon);
        assert_eq!(static_query(&icon, &Version::new(15, 5, 0)).len(), 17);
    }
}
