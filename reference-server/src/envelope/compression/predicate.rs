//! Which answers the compression layer takes on, decided in one place: those with a
//! compressible content type and without `Cache-Control: no-transform`, as the `compression`
//! package decides, except where Next.js answers otherwise (seen on `next start`), by kind of
//! answer and by runtime. An answer it takes on varies on `Accept-Encoding`, compressed or not.

use crate::service::Made;
use http::HeaderMap;
use http::header::{CACHE_CONTROL, CONTENT_TYPE};
use semver::Version;

/// Types the `mime-db` bundled with Next.js marks compressible although they are neither
/// `text/*` nor `+json`, `+text` or `+xml` (no type of those is marked incompressible).
const ALSO_COMPRESSIBLE: [&str; 38] = [
    "application/dart",
    "application/ecmascript",
    "application/javascript",
    "application/json",
    "application/postscript",
    "application/raml+yaml",
    "application/rtf",
    "application/tar",
    "application/toml",
    "application/vnd.dart",
    "application/vnd.ms-fontobject",
    "application/vnd.ms-opentype",
    "application/wasm",
    "application/x-httpd-php",
    "application/x-javascript",
    "application/x-ns-proxy-autoconfig",
    "application/x-sh",
    "application/x-tar",
    "application/x-virtualbox-hdd",
    "application/x-virtualbox-ova",
    "application/x-virtualbox-ovf",
    "application/x-virtualbox-vbox",
    "application/x-virtualbox-vdi",
    "application/x-virtualbox-vhd",
    "application/x-virtualbox-vmdk",
    "application/x-www-form-urlencoded",
    "application/xml",
    "application/xml-dtd",
    "font/otf",
    "font/ttf",
    "image/bmp",
    "image/vnd.adobe.photoshop",
    "image/x-icon",
    "image/x-ms-bmp",
    "message/rfc822",
    "model/gltf-binary",
    "x-shader/x-fragment",
    "x-shader/x-vertex",
];

/// Whether the compression layer takes on this answer (varies it on `Accept-Encoding`, and
/// compresses it when it can); where Next.js differs from the package:
/// - a route handler's answer (a metadata file's too): only from Next.js 16.4 (before, they do
///   not go through the layer at all), and only when its code gave a body;
/// - the proxy's own answer: with a body, `no-transform` or not;
/// - an answer made in the Edge runtime (`edge`): as any other of its kind from Next.js 16.4, never
///   before.
pub fn takes_on(made: &Made, edge: bool, headers: &HeaderMap, next: &Version) -> bool {
    if edge && !crate::releases::compresses_edge_answers(next) {
        return false;
    }
    let content_type = headers.get(CONTENT_TYPE).and_then(|v| v.to_str().ok());
    let compressible_type = content_type.is_some_and(compressible);
    let by_the_package = compressible_type && !no_transform(headers);
    match made {
        Made::Handler { body } => crate::releases::compresses_handlers_and_metadata(next) && *body && by_the_package,
        Made::Proxy { body } => *body && compressible_type,
        Made::Page(_) | Made::Api | Made::Server => by_the_package,
    }
}

/// Whether a `Content-Type` is compressible: its type (before any parameter, in any case) is
/// `text/*`, ends in `+json`, `+text` or `+xml`, or is one of [`ALSO_COMPRESSIBLE`].
pub fn compressible(content_type: &str) -> bool {
    let essence = content_type.trim_start().split([';', ' ', '\t']).next().unwrap_or("").to_ascii_lowercase();
    essence.starts_with("text/")
        || essence.ends_with("+json")
        || essence.ends_with("+text")
        || essence.ends_with("+xml")
        || ALSO_COMPRESSIBLE.contains(&essence.as_str())
}

fn no_transform(headers: &HeaderMap) -> bool {
    let values: Vec<&str> = headers.get_all(CACHE_CONTROL).iter().filter_map(|v| v.to_str().ok()).collect();
    values.join(", ").split(',').any(|directive| directive.trim().eq_ignore_ascii_case("no-transform"))
}

#[cfg(test)]
mod tests {
    use super::*;
    use http::HeaderValue;

    fn fields(pairs: &[(&'static str, &'static str)]) -> HeaderMap {
        pairs.iter().map(|(n, v)| (http::HeaderName::from_static(n), HeaderValue::from_static(v))).collect()
    }

    #[test]
    fn compressible_types_follow_mime_db() {
        for yes in ["text/plain", "TEXT/HTML; charset=utf-8", "application/json", "image/svg+xml", "application/rss+xml", "image/x-icon", "application/manifest+json"] {
            assert!(compressible(yes), "{yes}");
        }
        for no in ["image/png", "application/octet-stream", "application/x-custom", "", "font/woff2"] {
            assert!(!compressible(no), "{no}");
        }
    }

    fn takes_on_node(made: &Made, headers: &HeaderMap, next: &Version) -> bool {
        takes_on(made, false, headers, next)
    }

    #[test]
    fn the_kind_of_answer_and_the_version_decide_beyond_the_type() {
        let (v16, v15) = (Version::new(16, 4, 6), Version::new(15, 5, 29));
        let json = fields(&[("content-type", "application/json")]);
        assert!(takes_on_node(&Made::Handler { body: true }, &json, &v16));
        assert!(!takes_on_node(&Made::Handler { body: true }, &json, &Version::new(16, 3, 8)));
        assert!(!takes_on_node(&Made::Handler { body: true }, &json, &v15));
        assert!(!takes_on_node(&Made::Handler { body: false }, &json, &v16));
        assert!(takes_on_node(&Made::Handler { body: true }, &fields(&[("content-type", "image/x-icon")]), &v16));
        assert!(!takes_on_node(&Made::Handler { body: true }, &fields(&[("content-type", "image/png")]), &v16));
        let no_transform = fields(&[("cache-control", "public, no-transform"), ("content-type", "text/plain")]);
        assert!(!takes_on_node(&Made::Api, &no_transform, &v16));
        assert!(!takes_on_node(&Made::Handler { body: true }, &no_transform, &v16));
        assert!(takes_on_node(&Made::Proxy { body: true }, &no_transform, &v16));
        assert!(!takes_on_node(&Made::Server, &fields(&[("location", "/")]), &v16));
    }

    #[test]
    fn edge_answers_are_taken_on_from_16_only() {
        let json = fields(&[("content-type", "application/json")]);
        assert!(takes_on(&Made::Handler { body: true }, true, &json, &Version::new(16, 4, 6)));
        assert!(!takes_on(&Made::Handler { body: true }, true, &json, &Version::new(15, 5, 0)));
        assert!(!takes_on(&Made::Page(crate::service::Sent {
            app_router: true,
            cache_control: None,
            cache_control_first: false,
            payload: crate::service::Payload::Streamed,
            redirect: None,
            content: crate::service::Content::Html,
        }), true, &fields(&[("content-type", "text/html")]), &Version::new(15, 5, 0)));
    }
}
