//! Node's HTTP parser, which reads every request before Next.js sees it: a method it does not
//! know, or a request-target with a byte outside visible ASCII (raw UTF-8, `DEL`, a control
//! character), is refused with a bare `400 Bad Request` and the connection is closed.

use crate::body::WireBody;
use crate::service::{Answer, Request, Service};
use http::{HeaderValue, StatusCode};

/// Methods Node's HTTP parser accepts.
const NODE_METHODS: [&str; 35] = [
    "DELETE", "GET", "HEAD", "POST", "PUT", "CONNECT", "OPTIONS", "TRACE", "COPY", "LOCK", "MKCOL", "MOVE",
    "PROPFIND", "PROPPATCH", "SEARCH", "UNLOCK", "BIND", "REBIND", "UNBIND", "ACL", "REPORT", "MKACTIVITY",
    "CHECKOUT", "MERGE", "M-SEARCH", "NOTIFY", "SUBSCRIBE", "UNSUBSCRIBE", "PATCH", "PURGE", "MKCALENDAR", "LINK",
    "UNLINK", "SOURCE", "QUERY",
];

pub struct NodeParser<S> {
    pub inner: S,
}

impl<S: Service<Output = Answer>> Service for NodeParser<S> {
    type Output = Answer;

    async fn call(&self, request: Request) -> Answer {
        let target = request.uri().path_and_query().map_or("", |p| p.as_str());
        if !NODE_METHODS.contains(&request.method().as_str()) || !target.bytes().all(|b| b.is_ascii_graphic()) {
            return rejection();
        }
        self.inner.call(request).await
    }
}

/// A bare 400 that closes the connection.
fn rejection() -> Answer {
    let mut response = Answer::new(WireBody::Left(Default::default()));
    *response.status_mut() = StatusCode::BAD_REQUEST;
    response.headers_mut().insert(http::header::CONNECTION, HeaderValue::from_static("close"));
    response
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::service::testing::{Stub, request};

    #[tokio::test]
    async fn unknown_methods_never_reach_the_app() {
        let parser = NodeParser { inner: Stub(|_| Answer::new(WireBody::Left(Default::default()))) };
        let refused = parser.call(request("BREW", "/")).await;
        assert_eq!((refused.status(), refused.headers()["connection"].to_str().unwrap()), (StatusCode::BAD_REQUEST, "close"));
        for method in ["GET", "PROPFIND", "M-SEARCH", "QUERY"] {
            assert_eq!(parser.call(request(method, "/")).await.status(), StatusCode::OK, "{method}");
        }
    }

    #[tokio::test]
    async fn a_request_target_with_a_byte_outside_visible_ascii_never_reaches_the_app() {
        let parser = NodeParser { inner: Stub(|_| Answer::new(WireBody::Left(Default::default()))) };
        for target in ["/caf\u{e9}", "/a?q=\u{65e5}"] {
            assert_eq!(parser.call(request("GET", target)).await.status(), StatusCode::BAD_REQUEST, "{target}");
        }
        assert_eq!(parser.call(request("GET", "/caf%C3%A9?q={}|^")).await.status(), StatusCode::OK);
    }
}
