//! The app as the server runs it: loaded from its folder (routes and their mirrors, the proxy
//! file, the files around pages, `next.config.js`, what the build prerenders), with the stages
//! a request goes through put together in the order [`crate::envelope`] describes.

use crate::project::Project;
use crate::endpoint::Endpoints;
use crate::envelope::compression::Compression;
use crate::envelope::config_headers::ConfigHeaders;
use crate::envelope::dot_segments::DotSegments;
use crate::envelope::errors::Errors;
use crate::envelope::headers::Headers;
use crate::envelope::node_parser::NodeParser;
use crate::envelope::request_headers::RequestHeaders;
use crate::envelope::static_files::{PublicFiles, StaticFiles};
use crate::envelope::trailing_slash::TrailingSlash;
use crate::client_script::ClientScript;
use crate::clock::Clock;
use crate::error::Error;
use crate::fixture::{self, RouteFile};
use crate::mirrors::{self, MirrorSet};
use crate::next_config::{HeaderRule, NextConfig};
use crate::page::PageFiles;
use crate::pages_router::PagesRouter;
use crate::proxy::{Proxy, ProxyFile};
use crate::rendering::{Renderer, Site};
use crate::router::Segment;
use crate::routes::Routes;
use crate::code::Mirror;
use crate::service::{Answer, Request, Service};
use std::path::{Path, PathBuf};
use std::sync::Arc;

#[derive(Debug, Clone)]
pub struct Config {
    /// The fixture app whose mirrors answer: `fixture-app` or a folder name under
    /// `fixture-apps/` (see [`mirrors::APPS`]).
    pub app: String,
    /// Where that app's sources are (a folder with `app/` or `src/app/`).
    pub fixture_dir: PathBuf,
    /// The Next.js version whose behaviour to mimic.
    pub next_version: semver::Version,
    /// The time the app keeps: the system clock unless a client drives it.
    pub clock: Clock,
}

impl Config {
    /// Serves the bundled fixture app named `app`, mimicking `next_version`.
    pub fn for_app(app: &str, next_version: semver::Version) -> Config {
        Config { app: app.to_owned(), fixture_dir: crate::app_dir(app), next_version, clock: Clock::default() }
    }
}

impl Default for Config {
    fn default() -> Self {
        Config::for_app(crate::DEFAULT_APP, crate::default_next_version())
    }
}

/// The stages, outermost first.
type Stack = NodeParser<RequestHeaders<Compression<DotSegments<TrailingSlash<ConfigHeaders<Errors<Proxy<Headers<Errors<StaticFiles<Arc<Endpoints>>>>>>>>>>>>;

/// The loaded app and the stages that answer its requests.
pub struct App {
    stack: Stack,
    /// The innermost stage, which also owns the cache and its background work.
    endpoints: Arc<Endpoints>,
    next_version: semver::Version,
    clock: Clock,
}

impl App {
    pub fn load(config: &Config) -> Result<App, Error> {
        let mirrors = mirrors::for_app(&config.app).ok_or_else(|| Error::UnknownApp { app: config.app.clone() })?;
        let root = config.fixture_dir.as_path();
        let routes = Routes::load(root, mirrors, &config.next_version)?;
        let proxy = load_proxy(root, mirrors)?;
        let script = ClientScript::for_routes(routes.iter().map(|route| url_pattern(&route.file.pattern)).collect::<Vec<_>>().iter().map(String::as_str));
        // Made when the app loads, by the app's clock.
        let script = ClientScript { modified: config.clock.wall(), ..script };
        let files = PageFiles::load(root, mirrors, script.clone())?;
        let next_config = NextConfig::read(root).map_err(|message| Error::Route { file: "next.config.js".into(), message })?;
        let header_rules = next_config.header_rules.clone();
        let not_found_head = files.not_found_head(routes.metadata(), &config.next_version);
        let project = Project::load(root);
        let site = Site { routes: &routes, files: &files, project: &project };
        let renderer = Renderer::prerender(site, next_config, config.next_version.clone(), config.clock.clone());
        let pages = PagesRouter::prerender(&routes, config.next_version.clone(), config.clock.clone())?;
        let endpoints = Arc::new(Endpoints::new(routes, files, project, renderer, pages, config.next_version.clone()));
        let outside = Outside { public: PublicFiles::scan(root), script, pages_router: fixture::has_pages_router(root), header_rules, not_found_head };
        let stack = stack(endpoints.clone(), proxy, &config.next_version, outside, &config.clock)
            .map_err(|message| Error::Route { file: "next.config.js".into(), message })?;
        Ok(App { stack, endpoints, next_version: config.next_version.clone(), clock: config.clock.clone() })
    }

    pub fn next_version(&self) -> &semver::Version {
        &self.next_version
    }

    /// The time the app keeps.
    pub fn clock(&self) -> &Clock {
        &self.clock
    }

    /// The route files served, relative to the fixture app.
    pub fn route_files(&self) -> impl Iterator<Item = &RouteFile> {
        self.endpoints.routes().iter().map(|route| &route.file)
    }

    /// Answers one request; every request gets an answer.
    pub(crate) async fn handle(&self, request: Request) -> Answer {
        self.stack.call(request).await
    }

    /// Runs the background work queued while answering: regenerations and refetches.
    pub fn run_jobs(&self) {
        self.endpoints.run_jobs();
    }

    /// Whether background work is waiting.
    pub fn has_jobs(&self) -> bool {
        self.endpoints.has_jobs()
    }
}

/// The app's proxy file with the mirror of its function.
fn load_proxy(root: &Path, mirrors: &'static MirrorSet) -> Result<Option<(ProxyFile, &'static Mirror)>, Error> {
    let Some(file) = ProxyFile::find(root)? else { return Ok(None) };
    let mirror = mirrors.find(&file.file).ok_or_else(|| Error::NoMirror { file: file.file.clone() })?;
    Ok(Some((file, mirror)))
}

/// What the stages outside the routes serve or render with: the app's `public/` files, the
/// client script its pages load, whether it has a `pages/` folder (for the error pages), and
/// the `headers()` of its config.
struct Outside {
    public: PublicFiles,
    script: ClientScript,
    pages_router: bool,
    header_rules: Vec<HeaderRule>,
    /// The metadata tags of the not-found page.
    not_found_head: String,
}

fn stack(endpoints: Arc<Endpoints>, proxy: Option<(ProxyFile, &'static Mirror)>, next: &semver::Version, outside: Outside, clock: &Clock) -> Result<Stack, String> {
    let Outside { public, script, pages_router, header_rules, not_found_head } = outside;
    let routed = Errors {
        inner: StaticFiles { fallback: endpoints, public, script: script.clone() },
        next: next.clone(),
        pages_router,
        script: script.clone(),
        head: not_found_head.clone(),
    };
    let proxied = Proxy { inner: Headers { inner: routed }, file: proxy, clock: clock.clone() };
    let refused = Errors { inner: proxied, next: next.clone(), pages_router, script, head: not_found_head };
    let configured = ConfigHeaders::new(refused, &header_rules)?;
    let resolved = DotSegments { inner: TrailingSlash { inner: configured }, next: next.clone() };
    let compressed = Compression { inner: resolved, next: next.clone() };
    Ok(NodeParser { inner: RequestHeaders { inner: compressed } })
}

/// A route's URL pattern as written in the app (`/blog/[slug]`).
fn url_pattern(pattern: &[Segment]) -> String {
    if pattern.is_empty() {
        return "/".into();
    }
    pattern.iter().map(|segment| format!("/{segment}")).collect()
}
