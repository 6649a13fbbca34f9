//! What `next start` does to the headers of every request before the proxy and the app see them.
//!
//! - It deletes the headers it passes between its own layers, so that a client cannot fake what
//!   only the proxy decides (a rewrite, a redirect, cookies to add) or what a deployment
//!   platform tells it ([`INTERNAL`]). Other `x-middleware-*` or `x-invoke-*` headers a client
//!   sends reach the app.
//! - It fills in `x-forwarded-host` (the `Host` header), `x-forwarded-port` (the port it listens
//!   on), `x-forwarded-proto` (`http` on a plain connection) and `x-forwarded-for` (the peer's
//!   address), each only when the request has none, appended in that order: a proxy in front
//!   decides them, and nothing checks who sent them.
//!
//! Seen on `next start` 16.4.6 and 15.5.29 through what a route handler, a page, an API route and
//! the proxy see.

use crate::service::{LocalPort, PeerAddr, Request, Service};
use http::HeaderValue;

/// The headers `next start` deletes from every incoming request (its `INTERNAL_HEADERS`).
pub const INTERNAL: [&str; 11] = [
    "x-middleware-rewrite",
    "x-middleware-redirect",
    "x-middleware-set-cookie",
    "x-middleware-skip",
    "x-middleware-override-headers",
    "x-middleware-next",
    "x-now-route-matches",
    "x-matched-path",
    "x-nextjs-data",
    "x-next-resume-state-length",
    "next-resume",
];

pub struct RequestHeaders<S> {
    pub inner: S,
}

impl<S: Service> Service for RequestHeaders<S> {
    type Output = S::Output;

    async fn call(&self, mut request: Request) -> S::Output {
        // Rebuilt rather than removed from, which would reorder the others.
        let kept: Vec<_> = request.headers().iter().filter(|(n, _)| !INTERNAL.contains(&n.as_str())).map(|(n, v)| (n.clone(), v.clone())).collect();
        request.headers_mut().clear();
        request.headers_mut().extend(kept);
        let host = request.headers().get(http::header::HOST).cloned();
        let port = LocalPort::of(&request).to_string();
        let peer = request.extensions().get::<PeerAddr>().map(|p| p.0.to_string());
        let headers = request.headers_mut();
        let mut fill = |name: &'static str, value: Option<HeaderValue>| {
            if let Some(value) = value.filter(|_| !headers.contains_key(name)) {
                headers.append(name, value);
            }
        };
        fill("x-forwarded-host", host);
        fill("x-forwarded-port", HeaderValue::try_from(port).ok());
        fill("x-forwarded-proto", Some(HeaderValue::from_static("http")));
        fill("x-forwarded-for", peer.and_then(|p| HeaderValue::try_from(p).ok()));
        self.inner.call(request).await
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::service::testing::{Stub, get};

    /// The inner stage answers with the headers it was given.
    fn seen(request: Request) -> Vec<(String, String)> {
        request.headers().iter().map(|(n, v)| (n.to_string(), v.to_str().unwrap().to_owned())).collect()
    }

    fn with(mut request: Request, fields: &[(&'static str, &'static str)]) -> Request {
        for (name, value) in fields {
            request.headers_mut().append(*name, HeaderValue::from_static(value));
        }
        request.extensions_mut().insert(LocalPort(3000));
        request.extensions_mut().insert(PeerAddr([127, 0, 0, 1].into()));
        request
    }

    #[tokio::test]
    async fn fills_the_forwarded_headers_a_request_lacks_in_order() {
        let stage = RequestHeaders { inner: Stub(seen) };
        let headers = stage.call(with(get("/"), &[("host", "example.com:8080"), ("x-forwarded-proto", "https")])).await;
        let expected = [
            ("host", "example.com:8080"),
            ("x-forwarded-proto", "https"),
            ("x-forwarded-host", "example.com:8080"),
            ("x-forwarded-port", "3000"),
            ("x-forwarded-for", "127.0.0.1"),
        ];
        assert_eq!(headers, expected.map(|(n, v)| (n.to_owned(), v.to_owned())));
    }

    #[tokio::test]
    async fn deletes_the_internal_headers_and_keeps_the_others() {
        let stage = RequestHeaders { inner: Stub(seen) };
        let fields = [("x-middleware-rewrite", "/x"), ("x-matched-path", "/y"), ("x-invoke-path", "/z"), ("x-middleware-subrequest", "proxy")];
        let names: Vec<String> = stage.call(with(get("/"), &fields)).await.into_iter().map(|(n, _)| n).collect();
        assert_eq!(names, ["x-invoke-path", "x-middleware-subrequest", "x-forwarded-port", "x-forwarded-proto", "x-forwarded-for"]);
    }
}
