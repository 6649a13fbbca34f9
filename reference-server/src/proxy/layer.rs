//! The proxy as a stage of the pipeline: it wraps everything that routes, since it may answer
//! the request itself, rewrite its URL, or change its headers and those of the answer.

use super::{Decision, ProxyFile, decide};
use crate::body::WireBody;
use crate::code::{Handled, Mirror};
use crate::fields::{build, prepend, valid};
use crate::service::{Answer, LocalPort, Made, Refusal, Request, Service};
use crate::web::{RouteRequest, WebResponse};
use bytes::Bytes;
use semver::Version;

pub struct Proxy<S> {
    pub inner: S,
    /// The proxy file and the mirror of its function, when the app has one.
    pub file: Option<(ProxyFile, &'static Mirror)>,
    pub next: Version,
}

impl<S: Service<Output = Answer>> Service for Proxy<S> {
    /// A proxy that throws is answered outside it, as Next.js's router server does.
    type Output = Result<Answer, Refusal>;

    async fn call(&self, mut request: Request) -> Result<Answer, Refusal> {
        let Some((file, mirror)) = self.file.as_ref().filter(|(file, _)| file.runs_for(request.uri().path())) else {
            return Ok(self.inner.call(request).await);
        };
        let (decision, origin) = {
            let proxy_request = RouteRequest::new(
                request.method().to_string(),
                request.uri().path().to_owned(),
                request.uri().query().unwrap_or_default().to_owned(),
                request.headers().clone(),
                Bytes::new(),
                None,
                LocalPort::of(&request),
            );
            let Handled::Answer(answer) = (mirror.handle)(&file.export, &proxy_request) else { return Err(Refusal::Internal) };
            (decide(answer, &proxy_request.origin), proxy_request.origin)
        };
        let added = match decision {
            Decision::Answer(answer) => return Ok(own_answer(answer, &origin, &self.next)),
            Decision::Continue { request_headers, response_headers } => {
                if let Some(replacement) = request_headers {
                    let headers = request.headers_mut();
                    headers.clear();
                    headers.extend(valid(&replacement));
                }
                response_headers
            }
            Decision::Rewrite { path_and_query, response_headers } => {
                if let Ok(uri) = path_and_query.parse() {
                    *request.uri_mut() = uri;
                }
                response_headers
            }
        };
        let mut answer = self.inner.call(request).await;
        prepend(answer.headers_mut(), valid(&added));
        Ok(answer)
    }
}

/// The proxy's own answer. A redirect goes out with its Location and, as body, the Location
/// text: from Next.js 16.1 a Location on the request's origin is made relative, before it is kept
/// absolute. Any other answer goes out as built, its fields in `Headers` order.
fn own_answer(web: WebResponse, origin: &str, next: &Version) -> Answer {
    let made = Made::Proxy { body: web.body.is_some() };
    let mut answer = if let Some(location) = web.header("location").filter(|_| (300..400).contains(&web.status)) {
        let location = match location.strip_prefix(origin) {
            Some(path) if crate::releases::relative_proxy_redirects(next) => if path.is_empty() { "/".to_owned() } else { path.to_owned() },
            _ => location.to_owned(),
        };
        build(web.status, vec![("location".into(), location.clone())], Some(Bytes::from(location)))
    } else {
        let mut headers = web.headers;
        headers.sort_by(|a, b| a.0.cmp(&b.0));
        build(web.status, headers, web.body)
    }
    .map(WireBody::Left);
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
        let layer = Proxy { inner: Stub(routed), file: proxy_of(next), next: Version::new(16, 0, 0) };
        let answer = layer.call(get("/a")).await.unwrap();
        let names: Vec<&str> = answer.headers().keys().map(|k| k.as_str()).collect();
        assert_eq!(names, ["x-from-proxy", "x-path"]);
        fn rewrite(_: &str, request: &RouteRequest) -> Handled {
            Handled::Answer(WebResponse::empty().with_header("x-middleware-rewrite", &format!("{}/b?c=1", request.origin)))
        }
        let layer = Proxy { inner: Stub(routed), file: proxy_of(rewrite), next: Version::new(16, 0, 0) };
        assert_eq!(layer.call(get("/a")).await.unwrap().headers()["x-path"], "/b?c=1");
    }

    #[tokio::test]
    async fn a_redirect_is_answered_by_the_proxy_and_a_throw_is_refused() {
        fn redirect(_: &str, request: &RouteRequest) -> Handled {
            Handled::Answer(WebResponse::empty().with_status(307).with_header("location", &format!("{}/", request.origin)))
        }
        for (next, location) in [(Version::new(16, 1, 0), "/"), (Version::new(16, 0, 11), "http://localhost:0/")] {
            let layer = Proxy { inner: Stub(routed), file: proxy_of(redirect), next };
            let answer = layer.call(get("/a")).await.unwrap();
            assert_eq!((answer.status().as_u16(), answer.headers()["location"].to_str().unwrap()), (307, location));
        }
        fn throws(_: &str, _: &RouteRequest) -> Handled {
            Handled::Throw(crate::web::Thrown("Error".into()))
        }
        let layer = Proxy { inner: Stub(routed), file: proxy_of(throws), next: Version::new(16, 0, 0) };
        assert_eq!(layer.call(get("/a")).await.err(), Some(Refusal::Internal));
    }
}
