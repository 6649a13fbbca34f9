//! The contract between the stages a request goes through (see [`crate::envelope`] for their
//! order): each stage is a [`Service`] that answers a [`Request`], most of them by calling the
//! stage inside it. What a stage hands outward is an [`Answer`] marked with what [`Made`] it, or,
//! inside the envelope, a [`Refusal`] that the envelope renders as Next.js's own page. This module
//! depends on nothing above it, as `tower-service` does.

use crate::body::WireBody;
use bytes::Bytes;
use http_body_util::combinators::UnsyncBoxBody;
use std::future::Future;
use std::sync::Arc;

/// Why a request body could not be read (the server's cap, a broken connection).
pub type BoxError = Box<dyn std::error::Error + Send + Sync>;
/// A request body, read only by the stage that needs it (and capped by the server).
pub type RequestBody = UnsyncBoxBody<Bytes, BoxError>;
pub type Request = http::Request<RequestBody>;
pub type Answer = http::Response<WireBody>;

/// One stage of the request pipeline.
pub trait Service: Send + Sync {
    type Output;
    fn call(&self, request: Request) -> impl Future<Output = Self::Output> + Send;
}

impl<S: Service> Service for Arc<S> {
    type Output = S::Output;
    fn call(&self, request: Request) -> impl Future<Output = S::Output> + Send {
        (**self).call(request)
    }
}

/// A request extension: the port the connection came in on; `request.url` is built from it.
#[derive(Debug, Clone, Copy)]
pub struct LocalPort(pub u16);

impl LocalPort {
    pub fn of(request: &Request) -> u16 {
        request.extensions().get::<LocalPort>().map_or(0, |p| p.0)
    }
}

/// A request `next start` answers with one of its own pages instead of the app's code.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Refusal {
    /// No route for the path, or a path its route does not allow: the not-found page.
    NotFound,
    /// A path segment that is not valid percent-encoding.
    MalformedPath,
    /// Code failed outside what the app's own error handling answers: a plain-text 500.
    Internal,
    /// A method a file does not take (any but GET and HEAD): the 405 error page.
    MethodNotAllowed,
    /// A byte range past the end of a file of `size` bytes: the 416 error page.
    RangeNotSatisfiable { size: u64 },
}

/// A response extension: what made an answer. The envelope decides from it which of its own
/// header fields the answer gets (`Vary`, `X-Powered-By` and the others a rendered page is sent
/// with); an answer without it was made by the server itself.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub enum Made {
    /// A route handler (app router), or the one Next.js writes around a metadata file; `body`:
    /// whether its code gave one (before HEAD dropped it).
    Handler { body: bool },
    /// A rendered HTML page, to be sent as Next.js sends a render result.
    Page(Sent),
    /// A Pages Router API route.
    Api,
    /// The proxy's own answer; `body`: whether it has one.
    Proxy { body: bool },
    /// The server itself: redirects, refusals, errors.
    #[default]
    Server,
}

impl Made {
    pub fn of(answer: &Answer) -> Made {
        answer.extensions().get::<Made>().cloned().unwrap_or_default()
    }
}

/// How a rendered page is sent (Next.js's `sendRenderResult`): the answer carries the fields its
/// render set and the HTML; sending adds the rest.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Sent {
    /// Whether the app router rendered it (it varies on the router's request headers); the
    /// Pages Router's error page did not.
    pub app_router: bool,
    /// `None` for a render made for a possible Server Action, which goes out without one.
    pub cache_control: Option<String>,
    /// Whether the server set `Cache-Control` before rendering (a refused request), so that it
    /// comes first.
    pub cache_control_first: bool,
    pub payload: Payload,
    /// The `Location` of a `redirect()` the render met while streaming, set after the head.
    pub redirect: Option<String>,
}

/// How a page's HTML was made, which decides its `ETag` and its answer to HEAD.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Payload {
    /// Streamed as it renders: no `ETag`.
    Streamed,
    /// Made whole for this request: an `ETag`; HEAD gets the fields of GET, length included.
    Whole,
    /// Whole, from the route cache: an `ETag`; HEAD gets no body.
    Cached,
}

#[cfg(test)]
pub mod testing {
    //! A stage made of a function, to stand for the stage inside the one under test.

    use super::*;

    pub struct Stub<F>(pub F);

    impl<F, Out> Service for Stub<F>
    where
        F: Fn(Request) -> Out + Send + Sync,
        Out: Send,
    {
        type Output = Out;
        fn call(&self, request: Request) -> impl Future<Output = Out> + Send {
            std::future::ready((self.0)(request))
        }
    }

    /// A GET of `uri` with an empty body.
    pub fn get(uri: &str) -> Request {
        request("GET", uri)
    }

    pub fn request(method: &str, uri: &str) -> Request {
        use http_body_util::BodyExt;
        let body = http_body_util::Empty::<Bytes>::new().map_err(|never| match never {}).boxed_unsync();
        http::Request::builder().method(method).uri(uri).body(body).expect("a valid request")
    }
}
