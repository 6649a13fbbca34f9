//! A Rust server that answers as `next start` does when it serves `fixture-app/`.
//!
//! The generic parts implement the Next.js server's rules; the fixture's user code is mirrored
//! by small Rust functions. Nothing here knows about test cases.
//!
//! Layout, in the order a request goes through (see [`envelope`] for the stages):
//! - [`server`]: [`run`] accepts connections on a listener until shutdown: HTTP only (the local
//!   port, timeouts, the request body cap, the cache's background work after each answer).
//! - [`app`]: [`App`] loads the app and puts the stages together; [`service`] is the contract
//!   between stages (a request in, an answer or a refusal out), [`body`] and [`fields`] what
//!   answers are made of.
//! - [`envelope`]: what `next start` puts around every app: Node's parser, the request headers
//!   it removes and adds, compression, dot segments resolved, the trailing-slash and
//!   repeated-slash redirects, the not-found and error pages, its own header fields, `public/`
//!   files and build assets.
//! - [`proxy`]: the proxy file (`middleware.js` before Next.js 16): its matcher, what its answer
//!   makes the server do, and its stage.
//! - [`endpoint`]: the router finds the route, and its kind answers: [`route_handler`] (method
//!   dispatch of `route.js`), [`page`] (pages and their HTML), [`pages_api`] (Pages Router API
//!   routes: body parsing, `req.query`, `req.cookies`, `res` with ETag and 304),
//!   [`metadata`] (robots, sitemap, manifest, icons, social images, and the head tags they add),
//!   [`pages_router`] (Pages Router pages with their own cache: getStaticProps prerendered and
//!   regenerated, getStaticPaths fallbacks, getServerSideProps, data routes, preview sessions);
//!   a POST to a page may call one of its [`server_action`]s.
//! - [`rendering`]: the cache around route handlers and pages: what the build prerenders, stale
//!   answers regenerated in the background, `fetch()` and `next/cache` through the data cache.
//! - [`routes`]: the route table the app loads: [`fixture`] reads `app/` (or `src/app/`) and
//!   `pages/` into route files, with [`exports`] read from each file's source by a JavaScript
//!   parser; [`router`] matches URL patterns (static, `[param]`, `[...all]`, `[[...all]]`) with
//!   their precedence, and [`params`] decodes the matched values. [`wrappers`] and [`fallbacks`]
//!   are the layouts, templates and root `forbidden.js`/`unauthorized.js` around pages;
//!   [`next_config`] what the server reads of `next.config.js`.
//! - [`mirrors`]: the user code of each fixture route, in Rust, implementing [`code`], the
//!   contract between the server and user code.
//! - The runtime user code sees: [`web`] (the Web `Request`/`Response`, with [`form_data`]),
//!   [`cookies`] (`cookies()` and `Set-Cookie`), [`draft_mode`] and the Pages Router's
//!   [`preview_data`], [`navigation`] (`redirect()`, `notFound()`...), [`after`] (callbacks run
//!   once the answer is made), [`cache`] (the route cache and the data cache with their segment
//!   config, header and invalidation rules), [`project`] (`process.env` from the `.env` files,
//!   and the project's files).
//! - [`rsc`]: the client router's requests (`RSC: 1`): the headers that make one and those
//!   Next.js hides from the proxy and from pages, Next.js 16's `_rsc` check, and the RSC payload
//!   that answers one.
//! - [`releases`]: the minor releases that changed a behaviour the stages mimic.
//! - Helpers: [`etag`] Next.js's ETag, [`fresh`] when a conditional request gets 304,
//!   [`html`] React's escaping of text in markup, [`client_script`] the one build asset the
//!   reference server makes (the script its pages load); [`error`] why the app could not be
//!   loaded.
//! - [`clock`]: the one clock everything that shows time reads (the cache, `Date.now()`,
//!   cookie expiry, the `Date` field): the system clock, or one a client drives so that waiting
//!   takes no time.
//!
//! The modules are private (`cargo doc --document-private-items` shows them); what the
//! integration tests in `tests/` reach is re-exported at the root, hidden from the docs.
//!
//! Tests bind `127.0.0.1:0` and run the server in-process:
//!
//! ```no_run
//! # async fn demo() -> std::io::Result<()> {
//! use std::sync::Arc;
//! let app = Arc::new(reference_server::App::load(&Default::default()).expect("fixture app"));
//! let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await?;
//! reference_server::run(listener, app, std::future::pending()).await
//! # }
//! ```

// The layout above names the private modules.
#![allow(rustdoc::private_intra_doc_links)]

mod after;
mod app;
mod body;
mod cache;
mod client_script;
mod clock;
mod code;
mod cookies;
mod draft_mode;
mod endpoint;
mod envelope;
mod error;
mod etag;
mod exports;
mod fallbacks;
mod fields;
mod fixture;
mod form_data;
mod fresh;
mod html;
mod metadata;
mod mirrors;
mod navigation;
mod next_config;
mod page;
mod pages_api;
mod pages_router;
mod params;
mod preview_data;
mod project;
mod proxy;
mod releases;
mod rendering;
mod route_handler;
mod router;
mod routes;
mod rsc;
mod server;
mod server_action;
mod service;
mod web;
mod wrappers;

pub use app::{App, Config};
pub use clock::Clock;
pub use error::Error;
pub use releases::BEFORE_A_MINOR_CHANGE;
pub use server::run;

#[doc(hidden)]
pub use {
    code::{Handled, MetadataCode},
    cookies::serialize,
    fallbacks::FallbackFiles,
    fixture::{RouteFile, RouteKind, scan as scan_routes},
    mirrors::{APPS, MirrorSet},
    fresh::Conditional,
    code::DataFunction,
    pages_api::{request::ApiRequest, response::ApiResponse},
    pages_router::data::{Phase, PropsContext},
    params::{ParamValue, decode_component},
    proxy::ProxyFile,
    route_handler::HTTP_METHODS,
    router::{Router, Segment},
    web::RouteRequest,
    wrappers::Wrappers,
};

/// The Next.js release the reference server mimics unless told otherwise.
pub const DEFAULT_NEXT_VERSION: &str = "16.4.6";

/// The releases whose behaviour the reference server was checked against, newest first; the
/// fixture app is built with each in CI.
pub const CHECKED_NEXT_VERSIONS: [&str; 2] = [DEFAULT_NEXT_VERSION, "15.5.29"];

pub fn default_next_version() -> semver::Version {
    semver::Version::parse(DEFAULT_NEXT_VERSION).expect("a valid version")
}

/// The app cases request unless they name another.
pub const DEFAULT_APP: &str = "fixture-app";

/// The `fixture-app/` folder of this source tree.
pub fn default_fixture_dir() -> std::path::PathBuf {
    app_dir(DEFAULT_APP)
}

/// The folder of the bundled fixture app named `app`: `fixture-app/` for the default app,
/// `fixture-apps/<app>/` for the others.
pub fn app_dir(app: &str) -> std::path::PathBuf {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
    if app == DEFAULT_APP { root.join(DEFAULT_APP) } else { root.join("fixture-apps").join(app) }
}
