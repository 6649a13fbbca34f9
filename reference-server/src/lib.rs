//! A Rust server that answers as `next start` does when it serves `fixture-app/`.
//!
//! The generic parts implement the Next.js server's rules; the fixture's user code is mirrored
//! by small Rust functions. Nothing here knows about test cases.
//!
//! Layout:
//! - [`server`]: [`run`] accepts connections on a listener until shutdown; [`App`] answers.
//! - [`fixture`]: reads `app/` (or `src/app/`) and `pages/api/` into route files, with [`exports`] read from
//!   each file's source by a JavaScript parser.
//! - [`router`]: URL patterns (static, `[param]`, `[...all]`, `[[...all]]`) and precedence;
//!   [`params`] decodes the matched values.
//! - [`pages_api`]: Pages Router API routes (`pages/api/**`): body parsing, `req.query`,
//!   `req.cookies` and the `res` helpers with ETag and 304.
//! - [`proxy`]: the proxy file (`middleware.js` before Next.js 16): its matcher and what its
//!   answer makes the server do.
//! - [`route_handler`]: method dispatch of `route.js`: automatic HEAD and OPTIONS, 405, 400.
//! - [`web`]: the Web `Request`/`Response` surface mirrors use, with [`form_data`] behind
//!   `request.formData()`; [`cookies`] the cookie store and `Set-Cookie` serializer behind
//!   `cookies()` and `response.cookies`; [`draft_mode`] behind `draftMode()`.
//! - [`navigation`]: what `redirect()`, `notFound()`, `forbidden()` and `unauthorized()` make
//!   Next.js answer, and the root `forbidden.js`/`unauthorized.js` pages render.
//! - [`metadata`]: metadata files (robots, sitemap, manifest, icons, social images) and the
//!   head tags they add to pages.
//! - [`wrappers`]: the layouts and templates around a page, in the order Next.js nests them.
//! - [`cache`]: the route cache and the data cache with their segment config, header and
//!   invalidation rules; [`rendering`] puts pages and handlers through it (what the build
//!   prerenders, stale answers regenerated in the background, `fetch()` and `next/cache`).
//! - [`mirrors`]: the user code of each fixture route, in Rust.
//! - [`next_config`]: what the server reads of the app's `next.config.js` (`cacheComponents`,
//!   `cacheLife` profiles).
//! - [`next_start`]: the headers and built-in answers `next start` adds; [`etag`] its ETag;
//!   [`html`] React's escaping of text in markup.
//! - [`error`]: why the app could not be loaded.
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

pub mod app;
pub mod body;
pub mod cache;
pub mod code;
pub mod cookies;
pub mod draft_mode;
pub mod endpoint;
pub mod envelope;
pub mod error;
pub mod etag;
pub mod exports;
pub mod fallbacks;
pub mod fields;
pub mod fixture;
pub mod form_data;
pub mod html;
pub mod metadata;
pub mod mirrors;
pub mod navigation;
pub mod next_config;
pub mod page;
pub mod pages_api;
pub mod params;
pub mod proxy;
pub mod rendering;
pub mod route_handler;
pub mod router;
pub mod routes;
pub mod server;
pub mod service;
pub mod web;
pub mod wrappers;

pub use error::Error;
pub use app::{App, Config};
pub use server::run;

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
