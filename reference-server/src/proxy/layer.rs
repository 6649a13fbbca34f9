//! The proxy as a stage of the pipeline: it wraps everything that routes, since it may answer
//! the request itself, rewrite its URL, or change its headers and those of the answer.

use super::{Decision, ProxyFile, decide};
use crate::body::{Chunks, WireBody};
use crate::clock::Clock;
use crate::code::{Handled, Mirror};
use crate::fields::{build, prepend, valid};
use crate::rsc;
use crate::service::{Answer, LocalPort, Made, OriginalUri, Refusal, Request, Service};
use crate::web::{RouteRequest, WebResponse};
use bytes::Bytes;

pub struct Proxy<S> {
    pub inner: S,
    /// The proxy file and the mirror of its function, when the app has one.
    pub file: Option<(ProxyFile, &'static Mirror)>,
    /// The time the proxy's code reads.
    pub clock: Clock,
}

impl<S: Service<Output = Answer>> Service for Proxy<S> {
    /// A proxy that throws is answered outside it, as Next.js's router server does.
    type Output = Result<Answer, Refusal>;

    async fn call(&self, mut request: Request) -> Result<Answer, Refusal> {
        let Some((file, mirror)) = self.file.as_ref().filter(|(file, _)| file.runs_for(request.uri().path())) else {
            return Ok(self.inner.call(request).await);
        };
        let (decision, origin) = {
            // The proxy sees neither the router's headers nor its `_rsc` parameter.
            let proxy_request = RouteRequest::new(
                request.method().to_string(),
                request.uri().path().to_owned(),
                rsc::without_query(request.uri().query().unwrap_or_default()),
                rsc::without_flight_headers(request.headers()),
                Bytes::new(),
                None,
                LocalPort::of(&request),
                self.clock.clone(),
            );
            let Handled::Answer(answer) = (mirror.handle)(&file.export, &proxy_request) else { return Err(Refusal::Internal) };
            (decide(answer, &proxy_request.origin), proxy_request.origin.clone())
        };
        let added = match decision {
            Decision::Answer(answer) => return Ok(own_answer(answer, &origin)),
            Decision::Continue { request_headers, response_headers } => {
                if let Some(replacement) = request_headers {
                    let headers = request.headers_mut();
                    headers.clear();
                    headers.extend(valid(&replacement));
                }
                response_headers
            }
            Decision::Rewrite { path_and_query, response_headers } => {
                let marked = rewrite_fields(response_headers, &path_and_query, &request);
                if let Ok(uri) = path_and_query.parse() {
                    let original = std::mem::replace(request.uri_mut(), uri);
                    request.extensions_mut().insert(OriginalUri(original));
                }
                marked
            }
        };
        let mut answer = self.inner.call(request).await;
        prepend(answer.headers_mut(), valid(&added));
        Ok(answer)
    }
}

/// The fields a rewrite adds to the answer: the proxy's own, with `x-middleware-rewrite` naming
/// the target relative to the server's origin (and, for an RSC request, with its `_rsc` value),
/// and for an RSC request first `x-nextjs-rewritten-path` with the target's path when it is not
/// the request's, then `x-nextjs-rewritten-query` with the target's query (without `?`) when it
/// is not the request's (without its `_rsc`), as Next.js's proxy adapter compares them, and not
/// empty (seen on `next start` 16.4.6 and 15.5.29).
fn rewrite_fields(fields: Vec<(String, String)>, path_and_query: &str, request: &Request) -> Vec<(String, String)> {
    let rsc_value = rsc::is_rsc_request(request.headers())
        .then(|| form_urlencoded::parse(request.uri().query().unwrap_or_default().as_bytes()).find(|(k, _)| k == rsc::QUERY))
        .flatten()
        .map(|(_, v)| v.into_owned())
        .filter(|v| !v.is_empty());
    let target = match rsc_value {
        Some(value) => format!("{path_and_query}{}{}={value}", if path_and_query.contains('?') { "&" } else { "?" }, rsc::QUERY),
        None => path_and_query.to_owned(),
    };
    let mut out = Vec::new();
    if rsc::is_rsc_request(request.headers()) {
        let (path, query) = path_and_query.split_once('?').unwrap_or((path_and_query, ""));
        if path != request.uri().path() {
            out.push(("x-nextjs-rewritten-path".to_owned(), path.to_owned()));
        }
        // An empty value is dropped where the proxy's fields are copied to the answer.
        if !query.is_empty() && query != without_rsc_marker(request.uri().query().unwrap_or_default()) {
            out.push(("x-nextjs-rewritten-query".to_owned(), query.to_owned()));
        }
    }
    out.extend(fields.into_iter().map(|(name, value)| if name == "x-middleware-rewrite" { (name, target.clone()) } else { (name, value) }));
    out
}

/// A query without its `_rsc` pairs, which the server takes off the URL before the proxy runs.
fn without_rsc_marker(query: &str) -> String {
    let kept: Vec<&str> = query.split('&').filter(|pair| pair.split('=').next() != Some(rsc::QUERY)).collect();
    kept.join("&")
}

/// The proxy's own answer. A redirect goes out with its Location and, as body, the Location
/// text, relative when it names the server's own origin. Any other answer goes out as built,
/// its fields in `Headers` order. A body is piped from the proxy's response, so it is sent
/// chunked, without `Content-Length` (seen on `next start` 16.4.6 and 15.5.29), and the
/// compression layer compresses it whatever its size.
fn own_answer(web: WebResponse, origin: &str) -> Answer {
    let made = Made::Proxy { body: web.body.is_some() };
    let (status, fields, body) = if let Some(location) = web.header("location").filter(|_| (300..400).contains(&web.status)) {
        let location = match location.strip_prefix(origin) {
            Some(path) => if path.is_empty() { "/".to_owned() } else { path.to_owned() },
            None => location.to_owned(),
        };
        (web.status, vec![("location".into(), location.clone())], Some(Bytes::from(location)))
    } else {
        let mut headers = web.headers;
        headers.sort_by(|a, b| a.0.cmp(&b.0));
        (web.status, headers, web.body)
    };
    let body = match body.filter(|bytes| !bytes.is_empty()) {
        Some(bytes) => WireBody::Right(Chunks::new(vec![bytes])),
        None => WireBody::Left(Default::default()),
    };
    let mut answer = build(status, fields, None).map(|_| body);
    answer.extensions_mut().insert(made);
    answer
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::code::Handled;
    use crate::service::testing::{Stub, get};

    fn proxy_of(handle: crate::code::Handler) -> Option<(ProxyFile, &'static Mirror)> {
        let mirror: &'static Mirror = Box::leak(Box::new(Mirror { file: "proxy.js", handle }));
        Some((ProxyFile::for_every_path("proxy.js", "proxy"), mirror))
    }

    /// The inner stage answers with the path it was asked for.
    fn routed(request: Request) -> Answer {
        let mut answer = Answer::new(WireBody::Left(Default::default()));
        answer.headers_mut().insert("x-path", request.uri().to_string().parse().unwrap());
        answer
    }

    #[tokio::test]
    async fn next_puts_the_proxy_headers_first_and_a_rewrite_changes_the_url() {
        fn next(_: &str, _: &RouteRequest) -> Handled {
            Handled::Answer(WebResponse::empty().with_header("x-middleware-next", "1").with_header("x-from-proxy", "1"))
        }
        let layer = Proxy { inner: Stub(routed), file: proxy_of(next), clock: Clock::default() };
        let answer = layer.call(get("/a")).await.unwrap();
        let names: Vec<&str> = answer.headers().keys().map(|k| k.as_str()).collect();
        assert_eq!(names, ["x-from-proxy", "x-path"]);
        fn rewrite(_: &str, request: &RouteRequest) -> Handled {
            Handled::Answer(WebResponse::empty().with_header("x-middleware-rewrite", &format!("{}/b?c=1", request.origin)))
        }
        let layer = Proxy { inner: Stub(routed), file: proxy_of(rewrite), clock: Clock::default() };
        assert_eq!(layer.call(get("/a")).await.unwrap().headers()["x-path"], "/b?c=1");
    }

    #[tokio::test]
    async fn a_redirect_is_answered_by_the_proxy_and_a_throw_is_refused() {
        fn redirect(_: &str, request: &RouteRequest) -> Handled {
            Handled::Answer(WebResponse::empty().with_status(307).with_header("location", &format!("{}/", request.origin)))
        }
        let layer = Proxy { inner: Stub(routed), file: proxy_of(redirect), clock: Clock::default() };
        let answer = layer.call(get("/a")).await.unwrap();
        assert_eq!((answer.status().as_u16(), answer.headers()["location"].to_str().unwrap()), (307, "/"));
        fn throws(_: &str, _: &RouteRequest) -> Handled {
            Handled::Throw(crate::web::Thrown("Error".into()))
        }
        let layer = Proxy { inner: Stub(routed), file: proxy_of(throws), clock: Clock::default() };
        assert_eq!(layer.call(get("/a")).await.err(), Some(Refusal::Internal));
    }
}
