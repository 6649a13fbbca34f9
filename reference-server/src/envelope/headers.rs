//! The header fields the server adds to what the app made, decided here alone:
//!
//! - `Vary` with the app router's request headers ([`APP_VARY`]): the app router sets it before
//!   anything else on every answer it makes (route handlers, pages, metadata files, its
//!   not-found page).
//! - A rendered page is sent as Next.js's `sendRenderResult` does: after the fields its render
//!   set, `X-Powered-By: Next.js`, then `Cache-Control` (unless the server set it before
//!   rendering), an `ETag` of a whole payload, and `Content-Type`. A page from the route cache
//!   has no body in the answer to HEAD. Its RSC payload goes out the same way, as
//!   `text/x-component`, without `X-Powered-By` or `ETag`.
//!
//! `Vary: Accept-Encoding` is the compression layer's ([`super::compression`]).

use crate::body::{Body, WireBody};
use crate::etag::etag;
use crate::fields::prepend;
use crate::service::{Answer, EdgeRuntime, Made, Payload, Request, Sent, Service};
use http::header::{CACHE_CONTROL, CONTENT_TYPE, ETAG, LOCATION, VARY};
use http::{HeaderMap, HeaderName, HeaderValue, Method};
use http_body_util::BodyExt;

/// The request headers of the client router, on which every app-router answer varies.
pub const APP_VARY: &str = "rsc, next-router-state-tree, next-router-prefetch, next-router-segment-prefetch";

const HTML: &str = "text/html; charset=utf-8";
const FLIGHT: &str = "text/x-component";

pub struct Headers<S> {
    pub inner: S,
}

impl<S: Service<Output = Answer>> Service for Headers<S> {
    type Output = Answer;

    async fn call(&self, request: Request) -> Answer {
        let head = request.method() == Method::HEAD;
        let answer = self.inner.call(request).await;
        let edge = answer.extensions().get::<EdgeRuntime>().is_some();
        match Made::of(&answer) {
            Made::Handler { .. } if edge => answer,
            Made::Handler { .. } | Made::Metadata => with_app_vary(answer),
            Made::Page(sent) if edge => send_from_edge(answer, &sent),
            Made::Page(sent) => send(answer, &sent, head).await,
            Made::Api | Made::Proxy { .. } | Made::Server => answer,
        }
    }
}

/// `answer` with the app router's `Vary` first.
fn with_app_vary(mut answer: Answer) -> Answer {
    prepend(answer.headers_mut(), [(VARY, HeaderValue::from_static(APP_VARY))]);
    answer
}

/// A rendered page as it goes out.
async fn send(answer: Answer, sent: &Sent, head: bool) -> Answer {
    let (mut parts, body) = answer.into_parts();
    let html = body.collect().await.map(|collected| collected.to_bytes()).unwrap_or_default();
    let cache_control = HeaderValue::try_from(sent.cache_control.as_str()).unwrap_or(HeaderValue::from_static(""));
    let mut first = Vec::new();
    if sent.cache_control_first {
        first.push((CACHE_CONTROL, cache_control.clone()));
    }
    if sent.app_router {
        first.push((VARY, HeaderValue::from_static(APP_VARY)));
    }
    prepend(&mut parts.headers, first);
    let fields: &mut HeaderMap = &mut parts.headers;
    if !sent.flight {
        fields.append(HeaderName::from_static("x-powered-by"), HeaderValue::from_static("Next.js"));
    }
    if !sent.cache_control_first {
        fields.append(CACHE_CONTROL, cache_control);
    }
    if sent.payload != Payload::Streamed
        && !sent.flight
        && let Ok(tag) = HeaderValue::try_from(etag(&String::from_utf8_lossy(&html)))
    {
        fields.append(ETAG, tag);
    }
    fields.append(CONTENT_TYPE, HeaderValue::from_static(if sent.flight { FLIGHT } else { HTML }));
    if let Some(location) = sent.redirect.as_deref().and_then(|l| HeaderValue::try_from(l).ok()) {
        fields.insert(LOCATION, location);
    }
    let body = if sent.payload == Payload::Cached && head { Body::default() } else { Body::new(html) };
    Answer::from_parts(parts, WireBody::Left(body))
}

/// A page rendered in the Edge runtime as it goes out: its content type, the app router's
/// `Vary` and `x-edge-runtime: 1`, and neither `X-Powered-By` nor `Cache-Control` nor `ETag`.
fn send_from_edge(answer: Answer, sent: &Sent) -> Answer {
    let (mut parts, body) = answer.into_parts();
    let content_type = HeaderValue::from_static(if sent.flight { FLIGHT } else { HTML });
    let fields = [(CONTENT_TYPE, content_type), (VARY, HeaderValue::from_static(APP_VARY)), (HeaderName::from_static("x-edge-runtime"), HeaderValue::from_static("1"))];
    prepend(&mut parts.headers, fields);
    Answer::from_parts(parts, body)
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
        Made::Page(Sent { app_router: true, cache_control: "no-store".into(), cache_control_first, payload, redirect: None, flight: false })
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
    async fn a_cached_page_has_no_body_for_head_but_keeps_its_etag() {
        let layer = Headers { inner: Stub(|_| made(page(false, Payload::Cached), &[], "<p/>")) };
        let get = layer.call(get("/")).await;
        let head = layer.call(request("HEAD", "/")).await;
        assert_eq!(get.headers()["etag"], head.headers()["etag"]);
        assert_eq!(head.into_body().collect().await.unwrap().to_bytes(), "");
    }
}
