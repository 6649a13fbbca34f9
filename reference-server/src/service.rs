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

/// A request extension: the address the connection came from, which `next start` hands the app
/// as `x-forwarded-for`.
#[derive(Debug, Clone, Copy)]
pub struct PeerAddr(pub std::net::IpAddr);

/// A request extension the proxy leaves when it rewrites: the path and query the client asked
/// for, which a route handler still sees as its `request.url`.
#[derive(Debug, Clone)]
pub struct OriginalUri(pub http::Uri);

/// A request `next start` answers with one of its own pages instead of the app's code.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Refusal {
    /// No route for the path, or a path its route does not allow: the not-found page.
    NotFound,
    /// The not-found page on a response the route already gave these fields (in order), as a
    /// Pages Router page does for `notFound`: they stay first, a field the page sets again takes
    /// its value in place, and a `Cache-Control` among them is kept.
    NotFoundAfter(Vec<(String, String)>),
    /// A path the router finds a static route for only once the whole path is percent-decoded
    /// (or `/_not-found` itself): the route does not match the path as sent, so the not-found
    /// page answers as the prerendered route `/_not-found` it is, with that route's
    /// `Cache-Control`, not the one of a path no route serves.
    NotFoundRoute,
    /// A path segment that is not valid percent-encoding.
    MalformedPath,
    /// Code failed outside what the app's own error handling answers: a plain-text 500.
    Internal,
    /// A method a file does not take (any but GET and HEAD): the 405 error page.
    MethodNotAllowed,
    /// A method the Fetch standard forbids (`TRACE`), for which no Web `Request` can be made
    /// to hand to a route handler: the 500 error page.
    ForbiddenMethod,
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

/// A response extension: the answer was made in the Edge runtime (`runtime = 'edge'`), which
/// `next start` sends without the app router's `Vary` on a route handler, and a page without
/// `X-Powered-By` or `Cache-Control` but with `x-edge-runtime: 1`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct EdgeRuntime;

/// How a rendered page is sent (Next.js's `sendRenderResult`): the answer carries the fields its
/// render set and the HTML; sending adds the rest.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Sent {
    /// Whether it varies on the client router's request headers: what the app router renders,
    /// and a Pages Router render that answers an RSC request; not the Pages Router's error page.
    pub app_router: bool,
    /// `None` for a render that set its own (a Pages Router page) or one made for a possible
    /// Server Action, which goes out without one.
    pub cache_control: Option<String>,
    /// Whether the server set `Cache-Control` before rendering (a refused request), so that it
    /// comes first.
    pub cache_control_first: bool,
    pub payload: Payload,
    /// The `Location` of a `redirect()` the render met while streaming, set after the head.
    pub redirect: Option<String>,
    pub content: Content,
}

/// What a render result is: an HTML document (sent with `X-Powered-By`), the RSC payload of an
/// app-router render (`text/x-component`, without `X-Powered-By` or an `ETag`, always chunked)
/// or JSON (a Pages Router data route).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Content {
    Html,
    Flight,
    Json,
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
