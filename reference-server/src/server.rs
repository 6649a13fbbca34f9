//! The HTTP side: accepts connections, reads each request and answers it through [`App`].

use crate::cache::Cache;
use crate::error::Error;
use crate::rendering::RouteCaching;
use crate::fixture::{self, RouteFile, RouteKind};
use crate::metadata::head::PageRender;
use crate::metadata::{self, MetadataRoute};
use crate::code::{ApiHandler, Handled, Mirror};
use crate::fallbacks::FallbackFiles;
use crate::mirrors;
use crate::navigation::Interrupt;
use crate::params::ParamValue;
use crate::proxy::{self, Decision, ProxyFile};
use crate::next_start::{self, Body};
use crate::pages_api::config::ApiConfig;
use crate::body::WireBody;
use crate::pages_api;
use crate::route_handler::{Dispatch, dispatch};
use crate::router::{Router, Segment};
use crate::wrappers::Wrappers;
use crate::web::{RouteRequest, WebResponse};
use http_body_util::{BodyExt, Either, Limited};
use hyper::body::Incoming;
use hyper::server::conn::http1;
use hyper::service::service_fn;
use hyper_util::rt::{TokioIo, TokioTimer};
use std::convert::Infallible;
use std::future::Future;
use std::path::PathBuf;
use std::sync::Arc;
use std::time::Duration;
use tokio::net::TcpListener;

/// The largest request body read; a larger one is refused with 413.
pub const MAX_REQUEST_BODY: usize = 32 * 1024 * 1024;
/// How long a client may take to send its request head.
const HEADER_READ_TIMEOUT: Duration = Duration::from_secs(30);

#[derive(Debug, Clone)]
pub struct Config {
    /// The fixture app whose mirrors answer: `fixture-app` or a folder name under
    /// `fixture-apps/` (see [`mirrors::APPS`]).
    pub app: String,
    /// Where that app's sources are (a folder with `app/` or `src/app/`).
    pub fixture_dir: PathBuf,
    /// The Next.js version whose behaviour to mimic.
    pub next_version: semver::Version,
}

impl Config {
    /// Serves the bundled fixture app named `app`, mimicking `next_version`.
    pub fn for_app(app: &str, next_version: semver::Version) -> Config {
        Config { app: app.to_owned(), fixture_dir: crate::app_dir(app), next_version }
    }
}

impl Default for Config {
    fn default() -> Self {
        Config::for_app(crate::DEFAULT_APP, crate::default_next_version())
    }
}

/// What answers a route: the mirror of an app route or page, or an API route's handler and config.
pub(crate) enum Code {
    App(AppKind, &'static Mirror),
    Api(ApiConfig, ApiHandler),
    /// A metadata file: its index in [`App::metadata`].
    Metadata(usize),
}

#[derive(Clone, Copy, PartialEq, Eq)]
pub(crate) enum AppKind {
    Handler,
    Page,
}

/// The loaded app: its routes, their mirrors and the router over them.
pub struct App {
    pub(crate) routes: Vec<(RouteFile, Code)>,
    /// The app's metadata files, which also give pages their head tags.
    pub(crate) metadata: Vec<MetadataRoute>,
    pub(crate) router: Router,
    pub(crate) next_version: semver::Version,
    /// What the build decided for each route (`None` for API routes and metadata files).
    pub(crate) caching: Vec<Option<RouteCaching>>,
    /// The route cache, the data cache and their background work.
    pub(crate) cache: Cache,
    /// Whether the app has a `pages/` folder, which changes some of Next.js's own answers.
    pages_router: bool,
    /// The proxy file and the mirror of its function.
    proxy: Option<(ProxyFile, &'static Mirror)>,
    /// The root `forbidden.js` and `unauthorized.js`, which render pages that call `forbidden()`
    /// or `unauthorized()`.
    fallbacks: FallbackFiles,
    /// The layouts and templates around pages.
    pub(crate) wrappers: Wrappers,
    /// What the server reads of `next.config.js`.
    pub(crate) config: crate::next_config::NextConfig,
}

impl App {
    pub fn load(config: &Config) -> Result<App, Error> {
        let mirrors = mirrors::for_app(&config.app).ok_or_else(|| Error::UnknownApp { app: config.app.clone() })?;
        let files = fixture::scan(&config.fixture_dir)?;
        let mut router = Router::default();
        let mut routes = Vec::with_capacity(files.len());
        let mut metadata = Vec::new();
        for (index, file) in files.into_iter().enumerate() {
            router.insert(&file.pattern, index).map_err(|message| Error::Route { file: file.file.clone(), message })?;
            let no_mirror = || Error::NoMirror { file: file.file.clone() };
            let code = match file.kind {
                RouteKind::Api => {
                    let config = ApiConfig::read(&file.exports).map_err(|message| Error::Route { file: file.file.clone(), message })?;
                    Code::Api(config, mirrors.find_api(&file.file).ok_or_else(no_mirror)?.handle)
                }
                RouteKind::Handler => Code::App(AppKind::Handler, mirrors.find(&file.file).ok_or_else(no_mirror)?),
                RouteKind::Page => Code::App(AppKind::Page, mirrors.find(&file.file).ok_or_else(no_mirror)?),
                RouteKind::Metadata => {
                    let code = mirrors.find_metadata(&file.file).map(|m| m.handle);
                    let url: String = file.pattern.iter().filter(|s| !matches!(s, Segment::Dynamic(p) if p == metadata::ID_PARAM)).map(|s| format!("/{s}")).collect();
                    metadata.push(MetadataRoute::load(&config.fixture_dir, &file.file, url, &file.exports, code)?);
                    Code::Metadata(metadata.len() - 1)
                }
            };
            routes.push((file, code));
        }
        let pages_router = fixture::has_pages_router(&config.fixture_dir);
        let proxy = match ProxyFile::find(&config.fixture_dir)? {
            Some(file) => {
                let mirror = mirrors.find(&file.file).ok_or_else(|| Error::NoMirror { file: file.file.clone() })?;
                Some((file, mirror))
            }
            None => None,
        };
        let fallbacks = FallbackFiles::load(&config.fixture_dir, mirrors)?;
        let wrappers = Wrappers::load(&config.fixture_dir, mirrors)?;
        let next_config = crate::next_config::NextConfig::read(&config.fixture_dir)
            .map_err(|message| Error::Route { file: "next.config.js".into(), message })?;
        let mut app = App {
            routes,
            metadata,
            router,
            next_version: config.next_version.clone(),
            caching: Vec::new(),
            cache: Cache::default(),
            pages_router,
            proxy,
            fallbacks,
            wrappers,
            config: next_config,
        };
        app.prerender();
        Ok(app)
    }

    pub fn next_version(&self) -> &semver::Version {
        &self.next_version
    }

    /// The route files served, relative to the fixture app.
    pub fn route_files(&self) -> impl Iterator<Item = &RouteFile> {
        self.routes.iter().map(|(file, _)| file)
    }

    /// Answers one request: the proxy file first, where its matcher says so, then routing.
    pub async fn handle(&self, mut request: hyper::Request<Incoming>) -> hyper::Response<WireBody> {
        let path = request.uri().path();
        let proxied = self.proxy.as_ref().filter(|(file, _)| {
            file.runs_for(path) && next_start::node_accepts_method(request.method().as_str()) && !needs_normalizing(path)
        });
        let Some((file, mirror)) = proxied else {
            return self.route(request).await;
        };
        let port = request.extensions().get::<LocalPort>().map_or(0, |p| p.0);
        let query = request.uri().query().unwrap_or_default().to_owned();
        let proxy_request = RouteRequest::new(
            request.method().to_string(),
            path.to_owned(),
            query,
            request.headers().clone(),
            bytes::Bytes::new(),
            None,
            port,
        );
        let answer = match (mirror.handle)(&file.export, &proxy_request) {
            Handled::Answer(answer) => answer,
            Handled::Throw(_) | Handled::Interrupt(_) | Handled::NotMirrored => {
                return next_start::internal_error_text().map(Either::Left);
            }
        };
        let added = match proxy::decide(answer, &proxy_request.origin) {
            Decision::Answer(answer) => {
                return next_start::proxy_answer(answer, &proxy_request.origin, &self.next_version).map(Either::Left);
            }
            Decision::Continue { request_headers, response_headers } => {
                if let Some(replacement) = request_headers {
                    let headers = request.headers_mut();
                    headers.clear();
                    for (name, value) in replacement {
                        if let (Ok(n), Ok(v)) = (http::HeaderName::try_from(name), http::HeaderValue::try_from(value)) {
                            headers.append(n, v);
                        }
                    }
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
        let mut response = self.route(request).await;
        next_start::prepend_headers(response.headers_mut(), &added);
        response
    }

    /// Answers a request by routing it to a route, page, API route or metadata file.
    async fn route(&self, request: hyper::Request<Incoming>) -> hyper::Response<WireBody> {
        let whole = |response: hyper::Response<Body>| response.map(Either::Left);
        let method = request.method().as_str().to_owned();
        if !next_start::node_accepts_method(&method) {
            return whole(next_start::parser_rejection());
        }
        let path = request.uri().path().to_owned();
        let query = request.uri().query().map(str::to_owned);
        if needs_normalizing(&path) {
            let mut location: String = path.split('/').filter(|s| !s.is_empty()).map(|s| format!("/{s}")).collect();
            if location.is_empty() {
                location.push('/');
            }
            if let Some(q) = &query {
                location = format!("{location}?{q}");
            }
            return whole(next_start::normalize_redirect(&location));
        }
        let Some(matched) = self.router.find(&path) else {
            return whole(next_start::not_found_page());
        };
        let Ok(params) = matched.params() else {
            return whole(next_start::malformed_path_segment(&self.next_version, self.pages_router));
        };
        let (file, code) = &self.routes[matched.route];
        if let Code::Metadata(index) = code {
            let id = match params.as_ref().and_then(|p| p.get(metadata::ID_PARAM)) {
                Some(ParamValue::One(id)) => Some(id.as_str()),
                _ => None,
            };
            return whole(metadata::answer::serve(&self.metadata[*index], &method, id, &self.next_version));
        }
        let (parts, body) = request.into_parts();
        let (kind, mirror) = match code {
            Code::Api(config, handler) => {
                let call = pages_api::ApiCall { method, query: query.unwrap_or_default(), headers: parts.headers, body, params };
                return pages_api::serve(config, *handler, call, MAX_REQUEST_BODY).await;
            }
            Code::App(kind, mirror) => (*kind, *mirror),
            Code::Metadata(_) => unreachable!("metadata files are answered above"),
        };
        let body = match Limited::new(body, MAX_REQUEST_BODY).collect().await {
            Ok(collected) => collected.to_bytes(),
            Err(_) => return next_start::app_response(WebResponse::empty().with_status(413), false, &self.next_version),
        };
        let port = parts.extensions.get::<LocalPort>().map_or(0, |p| p.0);
        let index = matched.route;
        if self.unlisted_param(index, &path) {
            return whole(next_start::not_found_page());
        }
        let runtime = self.runtime_for(index, &path);
        // `dynamic = 'force-static'`: the code sees no headers, cookies or search params.
        let (headers, query) =
            if self.empties_request(index) { (http::HeaderMap::new(), String::new()) } else { (parts.headers, query.unwrap_or_default()) };
        let route_request = RouteRequest::new(method, path, query, headers, body, params, port).with_runtime(&runtime);
        if let Some(response) = self.answer_cached(index, &route_request) {
            return response;
        }
        self.answer_app(file, kind, mirror, &route_request)
    }

    /// The answer of an app route or page.
    fn answer_app(&self, file: &RouteFile, kind: AppKind, mirror: &Mirror, route_request: &RouteRequest) -> hyper::Response<WireBody> {
        match kind {
            AppKind::Handler => match dispatch(&file.exports.names, mirror, route_request) {
                Dispatch::Respond { response, strip_body } => {
                    next_start::app_response(response, strip_body, &self.next_version)
                }
                Dispatch::Threw(_) => {
                    next_start::app_response(WebResponse::empty().with_status(500), false, &self.next_version)
                }
            },
            AppKind::Page => {
                // The cache answered every page the build prerendered; this one renders per
                // request, so its metadata base is the server's own port.
                let render = PageRender { params: route_request.params.as_ref(), port: route_request.url_parts().2.parse().unwrap_or(0) };
                let head = metadata::head::tags(&metadata::folder_of(&file.file), &self.metadata, &self.next_version, render);
                let wrapped = |page| self.wrappers.wrap(&file.file, markup(page));
                match (mirror.handle)("default", route_request) {
                    Handled::Answer(page) => next_start::dynamic_page(200, &head, &wrapped(page), &self.next_version).map(Either::Left),
                    Handled::Interrupt(interrupt) => self.interrupted_page(&interrupt, &head, route_request),
                    Handled::Throw(_) | Handled::NotMirrored => next_start::internal_error_text().map(Either::Left),
                }
            }
        }
    }

    /// A page that called a `next/navigation` function: a redirect answers its status and
    /// `Location` with the error shell; `notFound()` the shell with the default not-found text
    /// (the app has no `not-found.js`); `forbidden()` and `unauthorized()` the shell with the root
    /// fallback file's markup. All are rendered per request, so not stored.
    fn interrupted_page(&self, interrupt: &Interrupt, head: &str, route_request: &RouteRequest) -> hyper::Response<WireBody> {
        if let Interrupt::Redirect { location, status } = interrupt {
            return next_start::redirect_page(*status, location, head).map(Either::Left);
        }
        if *interrupt == Interrupt::NotFound {
            return next_start::error_shell_page(404, head, DEFAULT_NOT_FOUND).map(Either::Left);
        }
        let rendered = self.fallbacks.for_interrupt(interrupt).map(|fallback| (fallback.handle)("default", route_request));
        match rendered {
            Some(Handled::Answer(fallback)) => {
                next_start::error_shell_page(interrupt.status(), head, &markup(fallback)).map(Either::Left)
            }
            _ => next_start::internal_error_text().map(Either::Left),
        }
    }
}

/// What Next.js renders for `notFound()` when the app has no `not-found.js`.
const DEFAULT_NOT_FOUND: &str = "404: This page could not be found.";

/// The HTML a page or fallback file rendered.
pub(crate) fn markup(page: WebResponse) -> String {
    page.body.map(|b| String::from_utf8_lossy(&b).into_owned()).unwrap_or_default()
}

/// Whether the path has a trailing slash or an empty segment, which Next.js redirects away.
fn needs_normalizing(path: &str) -> bool {
    path != "/" && (path.ends_with('/') || path.contains("//"))
}

/// The port the connection came in on; `request.url` is built from it.
#[derive(Debug, Clone, Copy)]
struct LocalPort(u16);

/// Serves `app` on `listener` until `shutdown` completes. Connections already open finish
/// their current exchange.
pub async fn run(listener: TcpListener, app: Arc<App>, shutdown: impl Future<Output = ()>) -> std::io::Result<()> {
    tokio::pin!(shutdown);
    loop {
        let (stream, _) = tokio::select! {
            accepted = listener.accept() => match accepted {
                Ok(connection) => connection,
                // Out of file descriptors and the like: wait and go on serving.
                Err(_) => { tokio::time::sleep(Duration::from_millis(50)).await; continue; }
            },
            () = &mut shutdown => return Ok(()),
        };
        let _ = stream.set_nodelay(true);
        let port = LocalPort(stream.local_addr().map_or(0, |a| a.port()));
        let app = app.clone();
        tokio::spawn(async move {
            let service = service_fn(move |mut request: hyper::Request<Incoming>| {
                request.extensions_mut().insert(port);
                let app = app.clone();
                async move {
                    let response = app.handle(request).await;
                    // Regeneration and refetches start once the answer is built, off its path.
                    if app.has_jobs() {
                        let app = app.clone();
                        tokio::task::spawn_blocking(move || app.run_jobs());
                    }
                    Ok::<_, Infallible>(response)
                }
            });
            let _ = http1::Builder::new()
                .timer(TokioTimer::new())
                .header_read_timeout(HEADER_READ_TIMEOUT)
                .serve_connection(TokioIo::new(stream), service)
                .await;
        });
    }
}
