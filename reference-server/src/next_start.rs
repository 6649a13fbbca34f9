//! What `next start` itself puts around an answer: the `Vary` header of app routes, the
//! compression layer's `Accept-Encoding` vary, and the answers it gives without user code
//! (not-found page, internal error, trailing-slash redirect, rejected methods).

use crate::cache::headers::CacheState;
use crate::etag::etag;
use crate::body::{Chunks, WireBody};
use crate::envelope::compression::compressible;
use crate::web::WebResponse;
use bytes::Bytes;
use http::{HeaderValue, Response, StatusCode};
use http_body_util::Either;
use semver::Version;

/// Every app-router response varies on these request headers (the client router's).
pub const APP_VARY: &str = "rsc, next-router-state-tree, next-router-prefetch, next-router-segment-prefetch";
/// Cache-Control of answers that must not be stored.
pub const NO_STORE: &str = "private, no-cache, no-store, max-age=0, must-revalidate";

pub use crate::body::Body;

/// Methods Node's HTTP parser accepts; any other method is refused before Next.js sees it.
const NODE_METHODS: [&str; 35] = [
    "DELETE", "GET", "HEAD", "POST", "PUT", "CONNECT", "OPTIONS", "TRACE", "COPY", "LOCK", "MKCOL", "MOVE",
    "PROPFIND", "PROPPATCH", "SEARCH", "UNLOCK", "BIND", "REBIND", "UNBIND", "ACL", "REPORT", "MKACTIVITY",
    "CHECKOUT", "MERGE", "M-SEARCH", "NOTIFY", "SUBSCRIBE", "UNSUBSCRIBE", "PATCH", "PURGE", "MKCALENDAR", "LINK",
    "UNLINK", "SOURCE", "QUERY",
];

pub fn node_accepts_method(method: &str) -> bool {
    NODE_METHODS.contains(&method)
}

/// Node's answer to a request its parser rejects: a bare 400 that closes the connection.
pub fn parser_rejection() -> Response<Body> {
    let mut response = Response::new(Body::default());
    *response.status_mut() = StatusCode::BAD_REQUEST;
    response.headers_mut().insert(http::header::CONNECTION, HeaderValue::from_static("close"));
    response
}

/// An app-router answer: `Vary` first, then the Web response's headers in `Headers` order
/// (sorted by name), the body dropped for HEAD. From Next.js 16 the compression layer also
/// varies route handler answers with a compressible body on `Accept-Encoding`. A stream body
/// goes out chunk by chunk; a `statusText` becomes the reason phrase.
pub fn app_response(web: WebResponse, strip_body: bool, next: &Version) -> Response<WireBody> {
    let mut vary = APP_VARY.to_owned();
    let has_body = web.body.is_some() || web.stream.is_some();
    if next.major >= 16 && has_body && web.header("content-type").is_some_and(compressible) {
        vary.push_str(", Accept-Encoding");
    }
    let mut headers = web.headers;
    headers.sort_by(|a, b| a.0.cmp(&b.0));
    headers.insert(0, ("vary".into(), vary));
    let (body, stream) = if strip_body { (None, None) } else { (web.body, web.stream) };
    let mut response = build(web.status, headers, body).map(Either::Left);
    if let Some(chunks) = stream {
        *response.body_mut() = Either::Right(Chunks::new(chunks));
    }
    if let Some(reason) = web.status_text.and_then(|text| hyper::ext::ReasonPhrase::try_from(text.into_bytes()).ok()) {
        response.extensions_mut().insert(reason);
    }
    response
}

/// The built-in not-found page, as `next start` serves it for an unknown path.
pub fn not_found_page() -> Response<Body> {
    let html = "<!DOCTYPE html><html lang=\"en\"><head><meta charSet=\"utf-8\"/>\
        <meta name=\"robots\" content=\"noindex\"/><title>404: This page could not be found.</title></head>\
        <body><div><h1 class=\"next-error-h1\">404</h1><div><h2>This page could not be found.</h2></div></div></body></html>";
    html_page(404, NO_STORE, html)
}

/// A page rendered inside the root layout; `head` is markup added to its `<head>` (the tags of
/// metadata files).
pub fn page(status: u16, cache_control: &str, head: &str, markup: &str) -> Response<Body> {
    html_page(status, cache_control, &page_html(head, markup))
}

/// The HTML of a page rendered inside the root layout.
pub fn page_html(head: &str, markup: &str) -> String {
    format!("<!DOCTYPE html><html lang=\"en\"><head><meta charSet=\"utf-8\"/>{head}</head><body>{markup}</body></html>")
}

/// The `x-nextjs-stale-time` of a prerendered page: `staleTimes.static`, 5 minutes by default
/// (for a 'use cache' page, its profile's `stale`).
pub const STALE_TIME: u64 = 300;

/// A page from the route cache: what `x-nextjs-cache` says of it, `x-nextjs-prerender: 1`
/// (sent twice unless it was made for this request), the client router's stale time, and the
/// cache's `Cache-Control`.
pub fn prerendered_page(status: u16, state: CacheState, cache_control: &str, stale_time: u64, html: Bytes, head_only: bool) -> Response<Body> {
    let mut headers = vec![
        ("vary".into(), format!("{APP_VARY}, Accept-Encoding")),
        ("x-nextjs-cache".into(), state.as_str().into()),
        ("x-nextjs-prerender".into(), "1".into()),
    ];
    if state != CacheState::Miss {
        headers.push(("x-nextjs-prerender".into(), "1".into()));
    }
    headers.extend([
        ("x-nextjs-stale-time".into(), stale_time.to_string()),
        ("x-powered-by".into(), "Next.js".into()),
        ("cache-control".into(), cache_control.into()),
        ("etag".into(), etag(&String::from_utf8_lossy(&html))),
        ("content-type".into(), "text/html; charset=utf-8".into()),
    ]);
    build(status, headers, (!head_only).then_some(html))
}

/// A dynamic page interrupted by `forbidden()` or `unauthorized()`: the error shell
/// (`<html id="__next_error__">`, `noindex`) whose RSC payload carries what the fallback file
/// rendered, so that the browser renders it; the server-side HTML has no body markup. Not to be
/// stored, and streamed, so without an ETag.
pub fn error_shell_page(status: u16, head: &str, markup: &str) -> Response<Body> {
    let payload = serde_json::to_string(markup).unwrap_or_default();
    let html = format!(
        "<!DOCTYPE html><html id=\"__next_error__\"><head><meta charSet=\"utf-8\"/><meta name=\"robots\" content=\"noindex\"/>\
        {head}</head><body><script>self.__next_f.push([1,{payload}])</script></body></html>"
    );
    streamed_html(status, html)
}

/// A page that called `redirect()` or `permanentRedirect()`: its status and `Location`, with
/// the error shell (whose RSC payload carries the redirect for the browser's router).
pub fn redirect_page(status: u16, location: &str, head: &str) -> Response<Body> {
    let html = format!("<!DOCTYPE html><html id=\"__next_error__\"><head><meta charSet=\"utf-8\"/>{head}</head><body></body></html>");
    let mut response = streamed_html(status, html);
    if let Ok(value) = http::HeaderValue::from_str(location) {
        response.headers_mut().insert("location", value);
    }
    response
}

/// A page rendered per request: not to be stored, and streamed, so without an ETag. Before
/// 16, Next.js streams such a page's metadata tags after the head, in a hidden `<div>` of the
/// body.
pub fn dynamic_page(status: u16, head: &str, markup: &str, next: &Version) -> Response<Body> {
    let html = if next.major >= 16 {
        format!("<!DOCTYPE html><html lang=\"en\"><head><meta charSet=\"utf-8\"/>{head}</head><body>{markup}</body></html>")
    } else {
        format!("<!DOCTYPE html><html lang=\"en\"><head><meta charSet=\"utf-8\"/></head><body><div hidden=\"\">{head}</div>{markup}</body></html>")
    };
    streamed_html(status, html)
}

fn streamed_html(status: u16, html: String) -> Response<Body> {
    let headers = vec![
        ("vary".into(), format!("{APP_VARY}, Accept-Encoding")),
        ("x-powered-by".into(), "Next.js".into()),
        ("cache-control".into(), NO_STORE.into()),
        ("content-type".into(), "text/html; charset=utf-8".into()),
    ];
    build(status, headers, Some(Bytes::from(html)))
}

fn html_page(status: u16, cache_control: &str, html: &str) -> Response<Body> {
    let headers = vec![
        ("cache-control".into(), cache_control.into()),
        ("vary".into(), format!("{APP_VARY}, Accept-Encoding")),
        ("x-powered-by".into(), "Next.js".into()),
        ("etag".into(), etag(html)),
        ("content-type".into(), "text/html; charset=utf-8".into()),
    ];
    build(status, headers, Some(Bytes::from(html.to_owned())))
}

/// The answer to a path segment that is not valid percent-encoding: the 400 error page, except
/// that Next.js 16 without a Pages Router (no `pages/` folder, so no `/_error` page) fails with a
/// plain-text 500.
pub fn malformed_path_segment(next: &Version, pages_router: bool) -> Response<Body> {
    if next.major >= 16 && !pages_router {
        return internal_error_text();
    }
    let html = "<!DOCTYPE html><html><head><meta charSet=\"utf-8\"/><title>400: Bad Request</title></head>\
        <body><div><h1 class=\"next-error-h1\">400</h1><div><h2>Bad Request.</h2></div></div></body></html>";
    let headers = vec![
        ("cache-control".into(), NO_STORE.into()),
        ("x-powered-by".into(), "Next.js".into()),
        ("etag".into(), etag(html)),
        ("content-type".into(), "text/html; charset=utf-8".into()),
        ("vary".into(), "Accept-Encoding".into()),
    ];
    build(400, headers, Some(Bytes::from_static(html.as_bytes())))
}

/// The plain-text 500 Next.js sends when it fails outside user code.
pub fn internal_error_text() -> Response<Body> {
    let text = "Internal Server Error";
    let headers = vec![
        ("cache-control".into(), NO_STORE.into()),
        ("etag".into(), etag(text)),
        ("content-type".into(), "text/plain".into()),
        ("vary".into(), "Accept-Encoding".into()),
    ];
    build(500, headers, Some(Bytes::from_static(text.as_bytes())))
}

/// The 308 to the path without a trailing slash or empty segments; the body is the target.
pub fn normalize_redirect(location: &str) -> Response<Body> {
    let headers = vec![("location".into(), location.into()), ("refresh".into(), format!("0;url={location}"))];
    build(308, headers, Some(Bytes::from(location.to_owned())))
}

/// The proxy file's own answer. A redirect goes out with its Location and, as body, the
/// Location text: Next.js 16 makes a Location on the request's origin relative, Next.js 15
/// keeps it absolute. Any other answer goes out as built, varying on Accept-Encoding when its
/// body is compressible.
pub fn proxy_answer(web: WebResponse, origin: &str, next: &Version) -> Response<Body> {
    if let Some(location) = web.header("location").filter(|_| (300..400).contains(&web.status)) {
        let location = match location.strip_prefix(origin) {
            Some(path) if next.major >= 16 => if path.is_empty() { "/".to_owned() } else { path.to_owned() },
            _ => location.to_owned(),
        };
        return build(web.status, vec![("location".into(), location.clone())], Some(Bytes::from(location)));
    }
    let vary = web.body.is_some() && web.header("content-type").is_some_and(compressible);
    let mut headers = web.headers;
    headers.sort_by(|a, b| a.0.cmp(&b.0));
    if vary {
        headers.push(("vary".into(), "Accept-Encoding".into()));
    }
    build(web.status, headers, web.body)
}

/// Puts `headers` (the proxy's response headers) before those of the routed answer.
pub fn prepend_headers(map: &mut http::HeaderMap, headers: &[(String, String)]) {
    let existing = std::mem::take(map);
    for (name, value) in headers {
        if let (Ok(n), Ok(v)) = (http::HeaderName::try_from(name.as_str()), HeaderValue::try_from(value.as_str())) {
            map.append(n, v);
        }
    }
    let mut last = None;
    for (name, value) in existing {
        if let Some(name) = name {
            last = Some(name);
        }
        if let Some(name) = &last {
            map.append(name.clone(), value);
        }
    }
}

fn build(status: u16, headers: Vec<(String, String)>, body: Option<Bytes>) -> Response<Body> {
    let mut response = Response::new(body.map(Body::new).unwrap_or_default());
    *response.status_mut() = StatusCode::from_u16(status).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
    let map = response.headers_mut();
    for (name, value) in headers {
        let (Ok(name), Ok(value)) = (http::HeaderName::try_from(name), HeaderValue::try_from(value)) else { continue };
        map.append(name, value);
    }
    response
}

#[cfg(test)]
mod tests {
    use super::*;

    fn next(major: u64) -> Version {
        Version::new(major, 0, 0)
    }

    #[test]
    fn accept_encoding_is_added_only_for_compressible_bodies_from_16() {
        let json = || WebResponse::json(&serde_json::json!({}));
        let vary = |r: Response<WireBody>| r.headers()["vary"].to_str().unwrap().to_owned();
        assert!(vary(app_response(json(), false, &next(16))).ends_with(", Accept-Encoding"));
        assert_eq!(vary(app_response(json(), false, &next(15))), APP_VARY);
        assert_eq!(vary(app_response(WebResponse::empty().with_status(405), false, &next(16))), APP_VARY);
    }

    #[test]
    fn malformed_segments_get_the_error_page_unless_16_without_pages() {
        assert_eq!(malformed_path_segment(&next(16), false).status(), 500);
        assert_eq!(malformed_path_segment(&next(16), true).status(), 400);
        assert_eq!(malformed_path_segment(&next(15), false).status(), 400);
    }

    #[test]
    fn handler_headers_come_sorted_after_vary() {
        let web = WebResponse::empty().with_header("x-handler", "OPTIONS").with_header("allow", "GET");
        let response = app_response(web, false, &next(16));
        let names: Vec<&str> = response.headers().keys().map(|k| k.as_str()).collect();
        assert_eq!(names, ["vary", "allow", "x-handler"]);
    }

    #[tokio::test]
    async fn streams_go_out_chunked_and_status_text_is_the_reason() {
        use http_body_util::BodyExt;
        let web = WebResponse::stream(vec![Bytes::from("a"), Bytes::from("b")]).with_status(299).with_status_text("Custom");
        let response = app_response(web, false, &next(16));
        assert_eq!(response.extensions().get::<hyper::ext::ReasonPhrase>().unwrap().as_bytes(), b"Custom");
        assert!(matches!(response.body(), Either::Right(_)));
        assert_eq!(response.into_body().collect().await.unwrap().to_bytes(), "ab");
    }
}
