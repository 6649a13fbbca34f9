//! How `next start` answers GET and HEAD for a file (the `send` package behind `serveStatic`):
//!
//! - fields in this order: `Accept-Ranges: bytes`, `Cache-Control` (`public, max-age=0`
//!   unless the server set one before, which then comes first), `Last-Modified` (the file's
//!   modification time), a weak `ETag` (`W/"<size hex>-<mtime ms hex>"`), `Content-Type`;
//! - a conditional request the file is fresh for ([`crate::fresh`]) gets `304` with those
//!   fields but the `Content-*` ones, and no body;
//! - `Range: bytes=...` naming one range (after merging, and when `If-Range` still matches)
//!   gets `206` with `Content-Range` and those bytes; several ranges, or a field it does not
//!   understand, the whole file; a range past the end is refused (416, rendered by
//!   [`crate::envelope::errors`]).
//!
//! The body is whole, so HTTP sends its `Content-Length` (to HEAD too, without the body).

use super::mime::content_type;
use super::ranges::{self, Ranges};
use crate::body::{Body, WireBody};
use crate::fields::build;
use crate::fresh::Conditional;
use crate::service::{Answer, Refusal};
use bytes::Bytes;
use http::HeaderMap;
use http::header::{IF_MATCH, IF_MODIFIED_SINCE, IF_NONE_MATCH, IF_RANGE, IF_UNMODIFIED_SINCE, RANGE};
use std::time::{SystemTime, UNIX_EPOCH};

/// What `send` knows of a file.
pub struct File<'a> {
    /// Its name, whose extension gives the content type.
    pub name: &'a str,
    pub bytes: Bytes,
    pub modified: SystemTime,
    /// The `Cache-Control` the server set before `send` ran (build assets), if any.
    pub cache_control: Option<&'static str>,
}

/// `send`'s own `Cache-Control` (its `maxAge` is 0).
const CACHE_CONTROL: &str = "public, max-age=0";

/// The answer to a GET or HEAD of `file` with these request fields.
pub fn answer(file: &File, request: &HeaderMap) -> Result<Answer, Refusal> {
    let size = file.bytes.len() as u64;
    let tag = etag(size, file.modified);
    let mut fields: Vec<(String, String)> = Vec::new();
    if let Some(preset) = file.cache_control {
        fields.push(("cache-control".into(), preset.into()));
    }
    fields.push(("accept-ranges".into(), "bytes".into()));
    if file.cache_control.is_none() {
        fields.push(("cache-control".into(), CACHE_CONTROL.into()));
    }
    fields.push(("last-modified".into(), httpdate::fmt_http_date(file.modified)));
    fields.push(("etag".into(), tag.clone()));
    let conditional = [IF_MATCH, IF_UNMODIFIED_SINCE, IF_NONE_MATCH, IF_MODIFIED_SINCE].iter().any(|name| request.contains_key(name));
    if conditional && Conditional::from_headers(request).fresh_for(Some(&tag), Some(file.modified)) {
        return Ok(build(304, fields, None).map(WireBody::Left));
    }
    fields.push(("content-type".into(), content_type(file.name)));
    let range = request.get(RANGE).and_then(|v| v.to_str().ok()).filter(|v| v.trim_start().starts_with("bytes="));
    let ranges = match range {
        Some(field) if range_fresh(request, &tag, file.modified) => ranges::parse(size, field),
        _ => Ranges::Malformed,
    };
    match ranges {
        Ranges::Unsatisfiable => Err(Refusal::RangeNotSatisfiable { size }),
        Ranges::Satisfiable(list) if list.len() == 1 => {
            let (start, end) = list[0];
            fields.push(("content-range".into(), format!("bytes {start}-{end}/{size}")));
            let part = file.bytes.slice(start as usize..=end as usize);
            Ok(build(206, fields, Some(part)).map(WireBody::Left))
        }
        _ => Ok(build(200, fields, None).map(|_| WireBody::Left(Body::new(file.bytes.clone())))),
    }
}

/// The `etag` package's tag for a file: its size and modification time in milliseconds, in
/// hex, weak.
pub fn etag(size: u64, modified: SystemTime) -> String {
    let millis = modified.duration_since(UNIX_EPOCH).map_or(0, |d| d.as_millis());
    format!("W/\"{size:x}-{millis:x}\"")
}

/// Whether a `Range` still applies: no `If-Range`, an `If-Range` naming the ETag, or an
/// `If-Range` date at or after the Last-Modified.
fn range_fresh(request: &HeaderMap, tag: &str, modified: SystemTime) -> bool {
    let Some(if_range) = request.get(IF_RANGE).and_then(|v| v.to_str().ok()) else { return true };
    if if_range.contains('"') {
        return if_range.contains(tag);
    }
    let since = httpdate::parse_http_date(if_range).ok();
    let modified = httpdate::parse_http_date(&httpdate::fmt_http_date(modified)).ok();
    matches!((modified, since), (Some(m), Some(s)) if m <= s)
}

#[cfg(test)]
mod tests {
    use super::*;
    use http::HeaderValue;
    use http_body_util::BodyExt;
    use std::time::Duration;

    fn file() -> File<'static> {
        File { name: "hello.txt", bytes: Bytes::from_static(b"Hello from public/.\n"), modified: UNIX_EPOCH + Duration::from_millis(1_796_082_388_835), cache_control: None }
    }

    fn fields(pairs: &[(&'static str, &str)]) -> HeaderMap {
        pairs.iter().map(|(n, v)| (http::HeaderName::from_static(n), HeaderValue::from_str(v).unwrap())).collect()
    }

    fn names(answer: &Answer) -> Vec<&str> {
        answer.headers().keys().map(|k| k.as_str()).collect()
    }

    async fn body(answer: Answer) -> Bytes {
        answer.into_body().collect().await.unwrap().to_bytes()
    }

    #[tokio::test]
    async fn a_whole_file_with_its_validators() {
        let answer = answer(&file(), &HeaderMap::new()).unwrap();
        assert_eq!(answer.status(), 200);
        assert_eq!(names(&answer), ["accept-ranges", "cache-control", "last-modified", "etag", "content-type"]);
        assert_eq!(answer.headers()["etag"], "W/\"14-1a22eda4f63\"");
        assert_eq!(answer.headers()["last-modified"], "Mon, 30 Nov 2026 23:46:28 GMT");
        assert_eq!(body(answer).await, "Hello from public/.\n");
    }

    #[tokio::test]
    async fn a_preset_cache_control_comes_first() {
        let asset = File { cache_control: Some("public, max-age=31536000, immutable"), ..file() };
        let answer = answer(&asset, &HeaderMap::new()).unwrap();
        assert_eq!(names(&answer)[..2], ["cache-control", "accept-ranges"]);
    }

    #[tokio::test]
    async fn fresh_requests_get_304_without_content_fields() {
        let tag = etag(20, file().modified);
        for request in [fields(&[("if-none-match", &tag)]), fields(&[("if-modified-since", "Mon, 30 Nov 2026 23:46:28 GMT")])] {
            let answer = answer(&file(), &request).unwrap();
            assert_eq!(answer.status(), 304);
            assert_eq!(names(&answer), ["accept-ranges", "cache-control", "last-modified", "etag"]);
        }
        assert_eq!(answer(&file(), &fields(&[("if-none-match", "\"x\"")])).unwrap().status(), 200);
    }

    #[tokio::test]
    async fn one_range_is_partial_and_others_are_whole_or_refused() {
        let partial = answer(&file(), &fields(&[("range", "bytes=0-4")])).unwrap();
        assert_eq!((partial.status().as_u16(), partial.headers()["content-range"].to_str().unwrap()), (206, "bytes 0-4/20"));
        assert_eq!(body(partial).await, "Hello");
        assert_eq!(answer(&file(), &fields(&[("range", "bytes=0-1,3-4")])).unwrap().status(), 200);
        assert_eq!(answer(&file(), &fields(&[("range", "bytes=0-4"), ("if-range", "\"x\"")])).unwrap().status(), 200);
        assert_eq!(answer(&file(), &fields(&[("range", "bytes=100-200")])).err(), Some(Refusal::RangeNotSatisfiable { size: 20 }));
    }
}
