//! The header fields the server adds to what the app made, decided here alone:
//!
//! - `Vary` with the app router's request headers ([`APP_VARY`]): the app router sets it before
//!   anything else on every answer it makes (route handlers, pages, metadata files, its
//!   not-found page).
//! - A rendered page is sent as Next.js's `sendRenderResult` does: after the fields its render
//!   set, `X-Powered-By: Next.js` (an HTML document only: not a Pages Router data route's JSON),
//!   then `Cache-Control` (unless the server set it before rendering, the render set its own, or
//!   the render is for a possible Server Action), an `ETag` of a whole payload
//!   (`304 Not Modified` when the request already has it), and `Content-Type` unless one was
//!   set. A whole payload goes out with its length (to HEAD too, without the body), a streamed
//!   one chunked (and to HEAD without a length). Its RSC payload goes out the same way, as
//!   `text/x-component`, without `X-Powered-By` or `ETag`, and always chunked, from the route
//!   cache too.
//! - A page or route handler made in the Edge runtime goes out as that runtime sends it: a
//!   handler without the app router's `Vary`, a page with it, `Content-Type` and
//!   `x-edge-runtime: 1` first, and neither `X-Powered-By` nor `Cache-Control` nor `ETag`.
//!
//! `Vary: Accept-Encoding` is the compression layer's ([`super::compression`]).

use crate::body::{Body, Chunks, WireBody};
use crate::etag::etag;
use crate::fields::prepend;
use crate::fresh::Conditional;
use crate::service::{Answer, Content, EdgeRuntime, Made, Payload, Request, Sent, Service};
use http::header::{CACHE_CONTROL, CONTENT_TYPE, ETAG, LOCATION, VARY};
use http::{HeaderMap, HeaderName, HeaderValue, Method, StatusCode};
use bytes::Bytes;
use http_body_util::BodyExt;

/// The request headers of the client router, on which every app-router answer varies.
pub const APP_VARY: &str = "rsc, next-router-state-tree, next-router-prefetch, next-router-segment-prefetch";

const HTML: &str = "text/html; charset=utf-8";
const FLIGHT: &str = "text/x-component";
const JSON: &str = "application/json; charset=utf-8";

pub struct Headers<S> {
    pub inner: S,
}

impl<S: Service<Output = Answer>> Service for Headers<S> {
    type Output = Answer;

    async fn call(&self, request: Request) -> Answer {
        let head = request.method() == Method::HEAD;
        let conditional = Conditional::from_headers(request.headers());
        let answer = self.inner.call(request).await;
        let edge = answer.extensions().get::<EdgeRuntime>().is_some();
        match Made::of(&answer) {
            Made::Handler { .. } if edge => answer,
            Made::Handler { .. } | Made::Metadata => with_app_vary(answer),
            Made::Page(sent) if edge => send_from_edge(answer, &sent, head).await,
            Made::Page(sent) => send(answer, &sent, head, &conditional).await,
            Made::Api | Made::Proxy { .. } | Made::Server => answer,
        }
    }
}

/// `answer` with the app router's `Vary` first.
fn with_app_vary(mut answer: Answer) -> Answer {
    prepend(answer.headers_mut(), [(VARY, HeaderValue::from_static(APP_VARY))]);
    answer
}

/// A rendered page as it goes out; a whole payload whose ETag the request already has gets
/// `304 Not Modified` with the fields up to the ETag and no body.
async fn send(answer: Answer, sent: &Sent, head: bool, conditional: &Conditional) -> Answer {
    let (mut parts, body) = answer.into_parts();
    let html = body.collect().await.map(|collected| collected.to_bytes()).unwrap_or_default();
    let cache_control = sent.cache_control.as_deref().and_then(|c| HeaderValue::try_from(c).ok());
    let mut first = Vec::new();
    if sent.cache_control_first && let Some(value) = &cache_control {
        first.push((CACHE_CONTROL, value.clone()));
    }
    if sent.app_router {
        first.push((VARY, HeaderValue::from_static(APP_VARY)));
    }
    prepend(&mut parts.headers, first);
    let fields: &mut HeaderMap = &mut parts.headers;
    if sent.content == Content::Html {
        fields.append(HeaderName::from_static("x-powered-by"), HeaderValue::from_static("Next.js"));
    }
    if !sent.cache_control_first && let Some(value) = cache_control {
        fields.append(CACHE_CONTROL, value);
    }
    if sent.payload != Payload::Streamed && sent.content != Content::Flight {
        let tag = etag(&String::from_utf8_lossy(&html));
        if let Ok(value) = HeaderValue::try_from(tag.as_str()) {
            fields.append(ETAG, value);
        }
        if conditional.fresh(&tag) {
            parts.status = StatusCode::NOT_MODIFIED;
            return Answer::from_parts(parts, WireBody::Left(Body::default()));
        }
    }
    if !fields.contains_key(CONTENT_TYPE) {
        fields.append(CONTENT_TYPE, HeaderValue::from_static(content_type(sent.content)));
    }
    if let Some(location) = sent.redirect.as_deref().and_then(|l| HeaderValue::try_from(l).ok()) {
        fields.insert(LOCATION, location);
    }
    Answer::from_parts(parts, framed(sent, head, html))
}

/// A page rendered in the Edge runtime as it goes out: its content type, the app router's
/// `Vary` and `x-edge-runtime: 1`, and neither `X-Powered-By` nor `Cache-Control` nor `ETag`.
async fn send_from_edge(answer: Answer, sent: &Sent, head: bool) -> Answer {
    let (mut parts, body) = answer.into_parts();
    let bytes = body.collect().await.map(|collected| collected.to_bytes()).unwrap_or_default();
    let content_type = HeaderValue::from_static(content_type(sent.content));
    let fields = [(CONTENT_TYPE, content_type), (VARY, HeaderValue::from_static(APP_VARY)), (HeaderName::from_static("x-edge-runtime"), HeaderValue::from_static("1"))];
    prepend(&mut parts.headers, fields);
    Answer::from_parts(parts, framed(sent, head, bytes))
}

/// The `Content-Type` a render result goes out with unless it set one.
fn content_type(content: Content) -> &'static str {
    match content {
        Content::Html => HTML,
        Content::Flight => FLIGHT,
        Content::Json => JSON,
    }
}

/// A page's body as it goes on the wire: a whole HTML payload with its length (HTTP sends no
/// body to HEAD, but the length of a whole one goes out); a streamed one, and any RSC payload
/// ([`Content::Flight`]), even from the route cache, chunked, and to HEAD without a length.
fn framed(sent: &Sent, head: bool, bytes: Bytes) -> WireBody {
    match sent.payload {
        Payload::Cached | Payload::Whole if sent.content != Content::Flight => WireBody::Left(Body::new(bytes)),
        _ if head => WireBody::Left(Body::default()),
        _ => WireBody::Right(Chunks::new(vec![bytes])),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::service::testing::{Stub, get, request};

    fn made(made: Made, fields: &[(&'static str, &'static str)], body: &'static str) -> Answer {
        let mut answer = Answer::new(WireBody::Left(Body::from(body)));
        for (name, value) in fields {
            answer.headers_mut().append(*name, HeaderValue::from_static(value));
        }
        answer.extensions_mut().insert(made);
        answer
    }

    fn names(answer: &Answer) -> Vec<&str> {
        answer.headers().keys().map(|k| k.as_str()).collect()
    }

    fn page(cache_control_first: bool, payload: Payload) -> Made {
        Made::Page(Sent { app_router: true, cache_control: Some("no-store".into()), cache_control_first, payload, redirect: None, content: Content::Html })
    }

    #[tokio::test]
    async fn app_router_answers_vary_first() {
        let layer = Headers { inner: Stub(|_| made(Made::Handler { body: true }, &[("allow", "GET"), ("x-handler", "1")], "")) };
        let answer = layer.call(get("/")).await;
        assert_eq!(names(&answer), ["vary", "allow", "x-handler"]);
        assert_eq!(answer.headers()["vary"], APP_VARY);
        let layer = Headers { inner: Stub(|_| made(Made::Api, &[("x-api", "1")], "")) };
        assert_eq!(names(&layer.call(get("/")).await), ["x-api"]);
    }

    #[tokio::test]
    async fn pages_are_sent_with_the_fields_of_a_render_result() {
        let layer = Headers { inner: Stub(|_| made(page(false, Payload::Cached), &[("x-nextjs-cache", "HIT")], "<p/>")) };
        let answer = layer.call(get("/")).await;
        assert_eq!(names(&answer), ["vary", "x-nextjs-cache", "x-powered-by", "cache-control", "etag", "content-type"]);
        let streamed = Headers { inner: Stub(|_| made(page(false, Payload::Streamed), &[], "<p/>")) }.call(get("/")).await;
        assert_eq!(names(&streamed), ["vary", "x-powered-by", "cache-control", "content-type"]);
        let refused = Headers { inner: Stub(|_| made(page(true, Payload::Whole), &[], "<p/>")) }.call(get("/")).await;
        assert_eq!(names(&refused), ["cache-control", "vary", "x-powered-by", "etag", "content-type"]);
    }

    #[tokio::test]
    async fn a_whole_page_keeps_its_length_for_head_and_a_streamed_one_has_none() {
        use hyper::body::Body as _;
        let layer = Headers { inner: Stub(|_| made(page(false, Payload::Cached), &[], "<p/>")) };
        let whole = layer.call(get("/")).await;
        let head = layer.call(request("HEAD", "/")).await;
        assert_eq!(whole.headers()["etag"], head.headers()["etag"]);
        assert_eq!(head.body().size_hint().exact(), Some(4));
        let streamed = Headers { inner: Stub(|_| made(page(false, Payload::Streamed), &[], "<p/>")) };
        assert!(matches!(streamed.call(get("/")).await.body(), WireBody::Right(_)));
        assert_eq!(streamed.call(request("HEAD", "/")).await.body().size_hint().exact(), Some(0));
    }

    #[tokio::test]
    async fn a_cached_rsc_payload_is_chunked_without_an_etag_or_x_powered_by() {
        use hyper::body::Body as _;
        let flight = || Made::Page(Sent { app_router: true, cache_control: Some("s-maxage=1".into()), cache_control_first: false, payload: Payload::Cached, redirect: None, content: Content::Flight });
        let layer = Headers { inner: Stub(move |_| made(flight(), &[("x-nextjs-cache", "HIT")], "0:{}\n")) };
        let answer = layer.call(get("/")).await;
        assert_eq!(names(&answer), ["vary", "x-nextjs-cache", "cache-control", "content-type"]);
        assert_eq!(answer.headers()["content-type"], FLIGHT);
        assert!(matches!(answer.body(), WireBody::Right(_)));
        assert_eq!(layer.call(request("HEAD", "/")).await.body().size_hint().exact(), Some(0));
    }

    #[tokio::test]
    async fn edge_answers_go_out_as_the_edge_runtime_sends_them() {
        let edge = |made: Made| {
            move |_| {
                let mut answer = self::made(made.clone(), &[("x-handler", "1")], "<p/>");
                answer.extensions_mut().insert(EdgeRuntime);
                answer
            }
        };
        let handler = Headers { inner: Stub(edge(Made::Handler { body: true })) }.call(get("/")).await;
        assert_eq!(names(&handler), ["x-handler"]);
        let page = Headers { inner: Stub(edge(page(false, Payload::Streamed))) }.call(get("/")).await;
        assert_eq!(names(&page), ["content-type", "vary", "x-edge-runtime", "x-handler"]);
        assert!(matches!(page.body(), WireBody::Right(_)));
    }
}
