//! The HTTP side: accepts connections, reads each request and answers it through [`App`].

use crate::error::Error;
use crate::fixture::{self, RouteFile, RouteKind};
use crate::mirrors::{self, Handled, Mirror};
use crate::next_start::{self, Body};
use crate::pages_api::config::ApiConfig;
use crate::pages_api::wire::WireBody;
use crate::pages_api::{self, ApiHandler};
use crate::route_handler::{Dispatch, dispatch};
use crate::router::Router;
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
    /// The Next.js app to serve (a folder with `app/` or `src/app/`).
    pub fixture_dir: PathBuf,
    /// The Next.js version whose behaviour to mimic.
    pub next_version: semver::Version,
}

impl Default for Config {
    fn default() -> Self {
        Config { fixture_dir: crate::default_fixture_dir(), next_version: crate::default_next_version() }
    }
}

/// What answers a route: the mirror of an app route or page, or an API route's handler and config.
enum Code {
    Handler(&'static Mirror),
    Page(&'static Mirror),
    Api(ApiConfig, ApiHandler),
}

/// The loaded app: its routes, their mirrors and the router over them.
pub struct App {
    routes: Vec<(RouteFile, Code)>,
    router: Router,
    next_version: semver::Version,
}

impl App {
    pub fn load(config: &Config) -> Result<App, Error> {
        let files = fixture::scan(&config.fixture_dir)?;
        let mut router = Router::default();
        let mut routes = Vec::with_capacity(files.len());
        for (index, file) in files.into_iter().enumerate() {
            router.insert(&file.pattern, index).map_err(|message| Error::Route { file: file.file.clone(), message })?;
            let no_mirror = || Error::NoMirror { file: file.file.clone() };
            let code = match file.kind {
                RouteKind::Api => {
                    let config = ApiConfig::read(&file.exports).map_err(|message| Error::Route { file: file.file.clone(), message })?;
                    Code::Api(config, mirrors::find_api(&file.file).ok_or_else(no_mirror)?.handle)
                }
                RouteKind::Handler => Code::Handler(mirrors::find(&file.file).ok_or_else(no_mirror)?),
                RouteKind::Page => Code::Page(mirrors::find(&file.file).ok_or_else(no_mirror)?),
            };
            routes.push((file, code));
        }
        Ok(App { routes, router, next_version: config.next_version.clone() })
    }

    pub fn next_version(&self) -> &semver::Version {
        &self.next_version
    }

    /// The route files served, relative to the fixture app.
    pub fn route_files(&self) -> impl Iterator<Item = &RouteFile> {
        self.routes.iter().map(|(file, _)| file)
    }

    pub async fn handle(&self, request: hyper::Request<Incoming>) -> hyper::Response<WireBody> {
        let whole = |response: hyper::Response<Body>| response.map(Either::Left);
        let method = request.method().as_str().to_owned();
        if !next_start::node_accepts_method(&method) {
            return whole(next_start::parser_rejection());
        }
        let path = request.uri().path().to_owned();
        let query = request.uri().query().map(str::to_owned);
        if path != "/" && (path.ends_with('/') || path.contains("//")) {
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
            return whole(next_start::malformed_path_segment(&self.next_version));
        };
        let (file, code) = &self.routes[matched.route];
        let (parts, body) = request.into_parts();
        if let Code::Api(config, handler) = code {
            let incoming = pages_api::Incoming { method, query: query.unwrap_or_default(), headers: parts.headers, body, params };
            return pages_api::serve(config, *handler, incoming, MAX_REQUEST_BODY).await;
        }
        let body = match Limited::new(body, MAX_REQUEST_BODY).collect().await {
            Ok(collected) => collected.to_bytes(),
            Err(_) => return whole(next_start::app_response(WebResponse::empty().with_status(413), false, &self.next_version)),
        };
        let route_request =
            RouteRequest { method, path, query: query.unwrap_or_default(), headers: parts.headers, body, params };
        whole(self.answer_app(file, code, &route_request))
    }

    /// The answer of an app route or page.
    fn answer_app(&self, file: &RouteFile, code: &Code, route_request: &RouteRequest) -> hyper::Response<Body> {
        match code {
            Code::Handler(mirror) => match dispatch(&file.exports.names, mirror, route_request) {
                Dispatch::Respond { response, strip_body } => {
                    next_start::app_response(response, strip_body, &self.next_version)
                }
                Dispatch::Threw(_) => {
                    next_start::app_response(WebResponse::empty().with_status(500), false, &self.next_version)
                }
            },
            Code::Page(mirror) => match (mirror.handle)("default", route_request) {
                Handled::Answer(page) => {
                    let markup = page.body.map(|b| String::from_utf8_lossy(&b).into_owned()).unwrap_or_default();
                    next_start::page(200, "s-maxage=31536000", &markup)
                }
                Handled::Throw(_) | Handled::NotMirrored => next_start::internal_error_text(),
            },
            Code::Api(..) => unreachable!("API routes are answered by pages_api::serve"),
        }
    }
}

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
        let app = app.clone();
        tokio::spawn(async move {
            let service = service_fn(move |request| {
                let app = app.clone();
                async move { Ok::<_, Infallible>(app.handle(request).await) }
            });
            let _ = http1::Builder::new()
                .timer(TokioTimer::new())
                .header_read_timeout(HEADER_READ_TIMEOUT)
                .serve_connection(TokioIo::new(stream), service)
                .await;
        });
    }
}
