//! What `next start` puts around every app: the answers and header fields that come from the
//! server rather than from the app's code.
//!
//! # Order
//!
//! A request goes through these stages, outermost first; each is a
//! [`Service`](crate::service::Service) holding the stage inside it, and an answer comes back
//! out the same way. The order is Next.js's own: its HTTP server, then the router server
//! (redirects, the proxy, the filesystem), then the render server that runs the matched route.
//!
//! 1. [`crate::server`]: connections, the local port, timeouts, the request body cap, the cache's
//!    background work once an answer is out.
//! 2. [`node_parser`]: Node's HTTP parser refuses a method it does not know with a bare 400.
//! 3. [`request_headers`]: the internal headers a client sent are deleted, the `x-forwarded-*`
//!    headers a request lacks are filled in.
//! 4. [`compression`]: the compression layer varies the answers it takes on on
//!    `Accept-Encoding` (one predicate over the content type, what
//!    [`Made`](crate::service::Made) the answer and the runtime it was made in) and gzips or
//!    deflates them as negotiated.
//! 5. [`dot_segments`]: `.` and `..` segments are resolved, as the WHATWG URL parser does (16).
//! 6. [`trailing_slash`]: a trailing slash, then repeated slashes, are redirected away (308).
//! 7. [`config_headers`]: the `headers()` of `next.config.js` go first on the answers of the
//!    paths they match: the path with its dot segments resolved (16), and never on the
//!    redirects of a trailing slash or of repeated slashes.
//! 8. [`errors`]: a proxy that fails is answered with the plain-text 500.
//! 9. [`crate::proxy`]: the proxy file runs where its matcher says, and may answer, rewrite the
//!    URL, or change the request and response headers.
//! 10. [`headers`]: the fields the server adds to what the app router made: its `Vary` first, and
//!     `X-Powered-By`, `Cache-Control`, `ETag` and `Content-Type` as a rendered page is sent.
//! 11. [`errors`]: a [`Refusal`](crate::service::Refusal) from inside becomes Next.js's own page:
//!     the not-found page (or a plain-text 404 for assets and subresources, or its RSC payload
//!     for an RSC request), the error page of a status, the plain-text 500.
//! 12. [`static_files`]: files of `public/` and build assets under `/_next/static/`, before the
//!     routes (the fallback).
//! 13. [`crate::endpoint`]: the router finds the route ([`crate::routes`]) and the route's kind
//!     answers: a route handler ([`crate::route_handler`]) or a page ([`crate::page`]) through
//!     the cache ([`crate::rendering`]), an API route ([`crate::pages_api`]), a metadata file
//!     ([`crate::metadata::answer`]).
//! 14. [`crate::mirrors`]: the user code, through the contract of [`crate::code`], which sees only
//!     the runtime: [`crate::web`], [`crate::cookies`], [`crate::cache`], [`crate::navigation`].
//!
//! A module imports only modules of stages inside its own (or the contracts at the bottom:
//! [`crate::service`], [`crate::body`], [`crate::fields`]); the stages are put together in
//! [`crate::app`].

pub mod compression;
pub mod config_headers;
pub mod dot_segments;
pub mod error_page;
pub mod errors;
pub mod headers;
pub mod node_parser;
pub mod request_headers;
pub mod static_files;
pub mod trailing_slash;
