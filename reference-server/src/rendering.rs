//! How the app renders its pages and route handlers through the [`cache`](crate::cache), the
//! layer around those two kinds of route only: what `next build` prerenders when the app loads,
//! how a request is answered from the route cache (fresh, stale and regenerated in the
//! background, or made on demand), which requests are refused on a prerendered route, and the
//! [`Runtime`] behind `fetch()` and `next/cache`. The code itself runs in
//! [`crate::route_handler`] and [`crate::page`]. Before the cache or the code, the route module
//! of a route in Node.js reads the preview cookies and expires those of a stale session on
//! whatever answer follows (a prerendered route's refusal of a method comes before that).

use crate::cache::functions::{CacheScope, Read, Stored};
use crate::cache::headers::{CacheState, EXPIRE, STALE_TIME, cache_control_until, handler_cache_control};
use crate::cache::policy::{self, Kind, Rendering};
use crate::cache::fetch::{FetchPlan, FetchScope};
use crate::cache::segment::{Dynamic, SegmentConfig};
use crate::cache::store::Lookup;
use crate::cache::{Cache, CachedAnswer, FetchInit, Job, fetch, path_tag, validate_tags};
use crate::draft_mode;
use crate::preview_data::Session;
use crate::server_action::{self, ActionCall, Outcome};
use std::collections::HashMap;
use crate::code::{Handled, Mirror};
use crate::navigation::Interrupt;
use crate::next_config::NextConfig;
use crate::metadata;
use crate::page::{self, Page, PageFiles};
use crate::project::Project;
use crate::params::{ParamValue, Params};
use crate::route_handler::{self, Dispatch, HTTP_METHODS, Module, dispatch};
use crate::router::{Segment, fill};
use crate::routes::{Endpoint, Route, Routes};
use crate::rsc::{self, Wants};
use crate::service::{Answer, Content, EdgeRuntime, Refusal};
use crate::web::{Prerender, RouteRequest, Runtime, TagProfile, Thrown, WebResponse};
use bytes::Bytes;
use semver::Version;
use serde_json::Value;
use crate::clock::Clock;

/// The code of a page, a route handler, or the handler Next.js writes around a metadata file.
#[derive(Clone, Copy)]
pub enum AppCode {
    Handler(&'static Mirror),
    Page(&'static Mirror),
    /// The index of the file in [`Routes::metadata`].
    Metadata(usize),
}

impl AppCode {
    pub fn kind(self) -> Kind {
        match self {
            AppCode::Handler(_) => Kind::Handler,
            AppCode::Page(_) => Kind::Page,
            AppCode::Metadata(_) => Kind::Metadata,
        }
    }
}

/// What the build decided for one page or route handler.
pub struct RouteCaching {
    /// What runs to render it.
    pub code: AppCode,
    pub config: SegmentConfig,
    pub rendering: Rendering,
    /// The paths `generateStaticParams` listed (for a route with dynamic segments).
    pub listed: Vec<String>,
    /// Whether the route's URL has dynamic segments.
    pub dynamic_segments: bool,
    /// When its cached answers expire, in seconds: a 'use cache' page's profile `expire`, else
    /// a year.
    pub expire: u64,
    /// The `x-nextjs-stale-time` of its prerendered page: a 'use cache' page's profile
    /// `stale`, else 300.
    pub stale_time: u64,
}

/// What the route cache does with a request.
enum Cached {
    /// It answers (or the code failed while rendering for it).
    Answer(Result<Answer, Refusal>),
    /// The route is prerendered and refuses the method before its code is prepared.
    Refused(Result<Answer, Refusal>),
    /// The route is prerendered, but this request may be a Server Action: the page renders.
    RenderForAction,
    /// The route renders per request.
    NotPrerendered,
}

/// One render of a page or handler: its answer, or why there is none.
enum Rendered {
    Answer(CachedAnswer),
    /// Threw, or was interrupted in a way the cache does not keep.
    Failed,
}

/// What the renderer runs code with: the app's routes, the files around its pages, and the
/// project (`process.env`, its files).
#[derive(Clone, Copy)]
pub struct Site<'a> {
    pub routes: &'a Routes,
    pub files: &'a PageFiles,
    pub project: &'a Project,
}

/// What the server hands over for one request to a page or route handler.
pub struct AppCall {
    pub method: String,
    pub path: String,
    /// The raw query, without `?`.
    pub query: String,
    pub headers: http::HeaderMap,
    pub body: Bytes,
    pub params: Option<Params>,
    pub port: u16,
    /// The path and raw query the client asked for, when the proxy rewrote the request: a route
    /// handler's `request.url` shows them (the route and the cache go by the rewritten path).
    pub asked: Option<(String, String)>,
}

/// The rendering state of an app: what the build decided for each route, the caches, and the
/// `next.config.js` settings they follow.
pub struct Renderer {
    /// What the build decided for each route (`None` for API routes).
    plans: Vec<Option<RouteCaching>>,
    /// The inline Server Actions of the app's pages by id: the page's route and the action's
    /// name.
    actions: HashMap<String, (usize, String)>,
    /// The route cache, the data cache and their background work.
    cache: Cache,
    /// `cacheComponents` and the `cacheLife` profiles.
    config: NextConfig,
    next: Version,
    /// The time the cache and the code read.
    clock: Clock,
}

impl Renderer {
    /// `next build`'s prerendering: decides for each page and handler whether it is static,
    /// and stores the prerendered answers (those of every listed param for dynamic routes).
    pub fn prerender(site: Site, config: NextConfig, next: Version, clock: Clock) -> Renderer {
        let mut renderer = Renderer { plans: Vec::new(), actions: server_actions(site.routes), cache: Cache::default(), config, next, clock };
        let now = renderer.clock.now();
        renderer.plans = site.routes.iter().map(|route| renderer.plan(site, route, now)).collect();
        renderer
    }

    /// What the build decides for one route, its prerendered answers stored.
    fn plan(&self, site: Site, route: &Route, now: std::time::Instant) -> Option<RouteCaching> {
        let code = match route.endpoint {
            Endpoint::Handler(mirror) => AppCode::Handler(mirror),
            Endpoint::Page(mirror) => AppCode::Page(mirror),
            Endpoint::Metadata(file) => AppCode::Metadata(file),
            Endpoint::Api(..) | Endpoint::PagesPage(_) => return None,
        };
        let file = &route.file;
        let (config, exported) = match code {
            AppCode::Metadata(index) => (metadata::handler::segment_config(&site.routes.metadata()[index], &self.next), metadata::handler::exports()),
            AppCode::Page(_) => (SegmentConfig::read_route(&site.files.layout_exports(&file.file), &file.exports), file.exports.names.clone()),
            AppCode::Handler(_) => (SegmentConfig::read(&file.exports), file.exports.names.clone()),
        };
        let methods: Vec<&str> = HTTP_METHODS.iter().copied().filter(|m| exported.iter().any(|n| n == m)).collect();
        let dynamic_segments = file.pattern.iter().any(|s| !matches!(s, Segment::Static(_)));
        let params_list: Vec<Option<Params>> = if !dynamic_segments {
            vec![None]
        } else if config.static_params {
            static_params(site, code, &file.pattern, &self.clock).into_iter().map(Some).collect()
        } else {
            vec![]
        };
        let rendering = policy::planned(code.kind(), &config, &methods, dynamic_segments);
        let stale_time = self.config.static_stale_time.unwrap_or(STALE_TIME);
        let mut plan = RouteCaching { code, config, rendering, listed: vec![], dynamic_segments, expire: EXPIRE, stale_time };
        let prerendered = if let Rendering::Static { .. } = plan.rendering { self.prerender_paths(site, route, params_list, &mut plan) } else { vec![] };
        // A route whose code cannot be prerendered (it threw or called `forbidden()`...)
        // is rendered per request.
        if !dynamic_segments && prerendered.is_empty() {
            plan.rendering = Rendering::Dynamic;
        }
        plan.listed = prerendered.iter().map(|(path, ..)| path.clone()).collect();
        if let Rendering::Static { revalidate } = plan.rendering {
            for (path, answer, tags) in prerendered {
                self.cache.routes.put(&path, answer, revalidate, tags, now);
            }
        }
        Some(plan)
    }

    /// Renders the route for each of `params_list` as the build does, and updates `plan` with
    /// what its code did (read request data, used 'use cache' profiles).
    fn prerender_paths(&self, site: Site, route: &Route, params_list: Vec<Option<Params>>, plan: &mut RouteCaching) -> Vec<(String, CachedAnswer, Vec<String>)> {
        let mut prerendered = Vec::new();
        for params in params_list {
            let path = fill(&route.file.pattern, params.as_ref());
            let runtime = self.runtime_for(site, &plan.config, &path, None);
            let revalidate = match plan.rendering {
                Rendering::Static { revalidate } => revalidate,
                Rendering::Dynamic => None,
            };
            let request = static_request(&path, params.clone(), 0, &self.clock)
                .prerendering(Prerender::Build, revalidate)
                .with_runtime(&runtime)
                .with_project(site.project);
            let rendered = self.render(site, route, plan.code, &request);
            plan.rendering = policy::after_prerender(plan.rendering, &plan.config, request.read_request_data.get());
            // A fetch with a shorter `next.revalidate` lowered the route's.
            if let (Rendering::Static { .. }, Some(lowered)) = (plan.rendering, request.route_revalidate.get()) {
                plan.rendering = Rendering::Static { revalidate: Some(lowered) };
            }
            // A 'use cache' page (with `cacheComponents`) is cached for the shortest
            // profile it used: regenerated after its `revalidate`, gone after `expire`.
            let profiles = request.cache_profiles.borrow();
            if self.config.cache_components && !profiles.is_empty() && matches!(plan.rendering, Rendering::Static { .. }) {
                let life = self.config.cache_profiles.shortest(profiles.iter());
                plan.rendering = Rendering::Static { revalidate: Some(life.revalidate) };
                plan.expire = life.expire;
                plan.stale_time = life.stale;
            }
            if let Rendered::Answer(answer) = rendered {
                prerendered.push((path, CachedAnswer { made_by_build: true, ..answer }, request.cache_tags.take()));
            }
        }
        prerendered
    }

    /// Runs the route's code once for `request` and keeps what a cache would store.
    fn render(&self, site: Site, route: &Route, code: AppCode, request: &RouteRequest) -> Rendered {
        let handled = |module: Module| match dispatch(module, request) {
            Dispatch::Respond { response, .. } => Rendered::Answer(CachedAnswer {
                status: response.status,
                headers: response.headers,
                body: response.body.unwrap_or_default(),
                made_by_build: false,
                flight: None,
            }),
            Dispatch::Threw(_) => Rendered::Failed,
        };
        match code {
            AppCode::Handler(mirror) => handled(Module::of(&route.file.exports.names, mirror)),
            AppCode::Metadata(index) => self.metadata_module(site, index, handled),
            AppCode::Page(mirror) => match self.page(site, route, mirror).prerender(request) {
                Some(page) => Rendered::Answer(CachedAnswer {
                    status: page.status,
                    headers: vec![("content-type".into(), "text/html; charset=utf-8".into())],
                    body: Bytes::from(page.html),
                    made_by_build: false,
                    flight: Some(Bytes::from(page.flight)),
                }),
                None => Rendered::Failed,
            },
        }
    }

    /// Runs `with` on the handler Next.js writes around metadata file `index`.
    fn metadata_module<T>(&self, site: Site, index: usize, with: impl FnOnce(Module) -> T) -> T {
        let file = &site.routes.metadata()[index];
        let get = |export: &str, request: &RouteRequest| match export {
            "GET" => metadata::handler::get(file, request, &self.next),
            _ => Handled::NotMirrored,
        };
        with(Module { file: &file.file, exported: &metadata::handler::exports(), call: &get })
    }

    fn page<'a>(&'a self, site: Site<'a>, route: &'a Route, mirror: &'a Mirror) -> Page<'a> {
        Page { file: &route.file.file, exports: &route.file.exports.names, mirror, files: site.files, metadata: site.routes.metadata(), next: &self.next }
    }

    /// Answers a request for the page or handler `index` (whose code is `code`): from the route
    /// cache when the build prerendered it, else by running its code. A prerendered page renders
    /// for a POST that may be a Server Action.
    pub fn serve(&self, site: Site, index: usize, code: AppCode, call: AppCall) -> Result<Answer, Refusal> {
        if self.unlisted_param(index, &call.path) {
            return Err(Refusal::NotFound);
        }
        let action = code.kind() == Kind::Page && page::may_be_server_action(&call.method.parse().unwrap_or_default(), &call.headers);
        let edge = matches!(self.plans.get(index), Some(Some(caching)) if caching.config.edge);
        // The route module, in Node.js, reads the preview cookies before the cache or the code
        // and expires a stale session's; the Edge runtime has no preview data.
        let clearing = if edge { Vec::new() } else { Session::of(&call.headers).clearing_lines() };
        let cleared = |answer: Result<Answer, Refusal>| answer.map(|answer| with_cleared_session(answer, &clearing));
        let runtime = self.runtime_for(site, &self.config_of(index), &call.path, Some(call.port));
        let wants = Wants::of(&call.headers);
        let routed = call.path.clone();
        let request = self.code_request(index, code.kind(), call).with_runtime(&runtime).with_project(site.project);
        if code.kind() == Kind::Page
            && let Some(action) = ActionCall::of(&request.method, &request.headers, &request.body)
        {
            return self.serve_action(site, index, action, &request);
        }
        let prerendered = match self.answer_cached(site, index, &routed, &request, wants, action) {
            Cached::Refused(answer) => return answer,
            Cached::Answer(answer) => return cleared(answer),
            Cached::RenderForAction => true,
            Cached::NotPrerendered => false,
        };
        let route = site.routes.get(index);
        let mut answer = match code {
            AppCode::Handler(_) | AppCode::Metadata(_) if route_handler::fetch_forbidden(&request.method) => return Err(Refusal::ForbiddenMethod),
            AppCode::Handler(mirror) => route_handler::serve(Module::of(&route.file.exports.names, mirror), &request),
            AppCode::Metadata(index) => self.metadata_module(site, index, |module| route_handler::serve(module, &request)),
            AppCode::Page(mirror) if prerendered => self.page(site, route, mirror).serve_action(&request, wants)?,
            AppCode::Page(mirror) => self.page(site, route, mirror).serve(&request, wants)?,
        };
        if edge {
            answer.extensions_mut().insert(EdgeRuntime);
        }
        cleared(Ok(answer))
    }

    /// Runs the Server Action a POST to page `index` calls, and answers as Next.js does (see
    /// [`crate::server_action`]).
    fn serve_action(&self, site: Site, index: usize, action: ActionCall, request: &RouteRequest) -> Result<Answer, Refusal> {
        let found = self.actions.get(action.id()).and_then(|(route, name)| match site.routes.get(*route).endpoint {
            Endpoint::Page(mirror) => Some((mirror, name)),
            _ => None,
        });
        let Some((action_mirror, name)) = found else { return Ok(server_action::unavailable(action.id(), &self.next)) };
        request.in_action.set(true);
        let handled = (action_mirror.handle)(name, request);
        request.in_action.set(false);
        let (status, digest) = match &handled {
            Handled::Interrupt(Interrupt::Redirect { status, .. }) => (*status, None),
            Handled::Interrupt(interrupt) => (interrupt.status(), Some(interrupt.digest())),
            Handled::Throw(_) | Handled::NotMirrored => (500, None),
            Handled::Answer(_) => (200, None),
        };
        let Some(Some(caching)) = self.plans.get(index) else { return Err(Refusal::Internal) };
        let outcome = Outcome {
            status,
            digest,
            revalidated: request.revalidated.get(),
            cookies: request.cookies.borrow().set_cookie_lines(),
            prerendered: matches!(caching.rendering, Rendering::Static { .. }),
        };
        let route = site.routes.get(index);
        let AppCode::Page(mirror) = caching.code else { return Err(Refusal::Internal) };
        let page = self.page(site, route, mirror);
        match action {
            ActionCall::Fetch { .. } => {
                let rerendered = outcome.revalidated || !outcome.cookies.is_empty() || outcome.digest.is_some();
                let markup = if rerendered { page.render(request).ok().map(|rendered| rendered.markup) } else { None };
                Ok(server_action::fetch_answer(&outcome, markup.as_deref(), &self.next))
            }
            ActionCall::Form { .. } => page.after_action(request, outcome.cookies, server_action::NO_CACHE),
        }
    }

    /// The request as the code of route `index` sees it. `dynamic = 'force-static'`: no
    /// headers, cookies or search params; a page's `headers()` never shows the router's, and its
    /// params keep the URL's encoding; a route handler's URL is the one the client asked for,
    /// before a proxy rewrite.
    fn code_request<'r>(&self, index: usize, kind: Kind, call: AppCall) -> RouteRequest<'r> {
        let empties = policy::empties_request(&self.config_of(index));
        let (headers, query) = match kind {
            _ if empties => (http::HeaderMap::new(), String::new()),
            Kind::Page => (rsc::without_flight_headers(&call.headers), call.query),
            Kind::Handler | Kind::Metadata => (call.headers, call.query),
        };
        let (path, query) = match call.asked {
            Some((path, asked)) if kind == Kind::Handler => (path, if empties { String::new() } else { asked }),
            _ => (call.path, query),
        };
        let params = match kind {
            Kind::Page => call.params.map(|p| p.encoded()),
            Kind::Handler | Kind::Metadata => call.params,
        };
        // Seen on next start 15.5.29: a route handler's URL has `'` percent-encoded (16 keeps it).
        let path = if crate::releases::encodes_apostrophes_in_handler_pathnames(&self.next) && kind == Kind::Handler { path.replace('\'', "%27") } else { path };
        RouteRequest::new(call.method, path, query, headers, call.body, params, call.port, self.clock.clone())
    }

    /// The answer of a page or handler the build prerendered, when the route cache answers (not
    /// for a page in draft mode); `path` is the one the route was matched by (the proxy may have
    /// rewritten the one the code sees). A route without dynamic segments answers only GET and
    /// HEAD from it (405 otherwise, but for a page's possible Server Action); a path of a route
    /// with dynamic segments is served as for GET whatever the method, but OPTIONS to a page and
    /// a method no Web `Request` carries to a handler, which are refused as when the code runs.
    fn answer_cached(&self, site: Site, index: usize, path: &str, request: &RouteRequest, wants: Wants, action: bool) -> Cached {
        let Some(Some(caching)) = self.plans.get(index) else { return Cached::NotPrerendered };
        let Rendering::Static { revalidate } = caching.rendering else { return Cached::NotPrerendered };
        let head = request.method == "HEAD";
        if request.method != "GET" && !head {
            let refused = match caching.code.kind() {
                Kind::Page if action => return Cached::RenderForAction,
                Kind::Page if !caching.dynamic_segments => Some(Ok(page::method_not_allowed())),
                Kind::Handler | Kind::Metadata if !caching.dynamic_segments => Some(Ok(route_handler::static_method_not_allowed())),
                Kind::Page if request.method == "OPTIONS" => Some(Ok(page::options_refused())),
                Kind::Handler | Kind::Metadata if route_handler::fetch_forbidden(&request.method) => Some(Err(Refusal::ForbiddenMethod)),
                Kind::Page | Kind::Handler | Kind::Metadata => None,
            };
            if let Some(refused) = refused {
                return Cached::Refused(refused);
            }
        }
        if caching.code.kind() == Kind::Page && draft_mode::is_enabled(request) {
            return Cached::NotPrerendered;
        }
        let port = request.env_port.unwrap_or_default();
        let (answer, state) = match self.cached_answer(site, index, caching, path, request.params.clone(), port) {
            None => return Cached::NotPrerendered,
            Some(Ok(found)) => found,
            Some(Err(())) => return Cached::Answer(Err(Refusal::Internal)),
        };
        Cached::Answer(Ok(match caching.code.kind() {
            Kind::Handler | Kind::Metadata => {
                let cache_control = handler_cache_control(revalidate, answer.made_by_build, &self.next);
                route_handler::cached(answer, state, cache_control, head)
            }
            Kind::Page => {
                let cache_control = cache_control_until(revalidate, caching.expire);
                let (body, content) = match answer.flight.filter(|_| wants != Wants::Html) {
                    Some(flight) => (flight, Content::Flight),
                    None => (answer.body, Content::Html),
                };
                page::cached(answer.status, state, answer.made_by_build, cache_control, caching.stale_time, body, content)
            }
        }))
    }

    /// The stored answer for `path` and what `x-nextjs-cache` says of it, rendering it now when
    /// missing; the server listens on `port`. `None`: a path `dynamicParams = false` does not
    /// allow (answered 404 by the caller through the not-found page). `Err`: the code failed.
    fn cached_answer(
        &self,
        site: Site,
        index: usize,
        caching: &RouteCaching,
        path: &str,
        params: Option<Params>,
        port: u16,
    ) -> Option<Result<(CachedAnswer, CacheState), ()>> {
        let now = self.clock.now();
        match self.cache.routes.get(path, now) {
            Lookup::Fresh(answer) => Some(Ok((answer, CacheState::Hit))),
            Lookup::Stale { value, refresh } => {
                if refresh {
                    self.cache.jobs.push(Job::Regenerate { route: index, path: path.to_owned(), params, port });
                }
                Some(Ok((value, CacheState::Stale)))
            }
            Lookup::Missing => {
                if caching.dynamic_segments && !caching.config.dynamic_params && !caching.listed.iter().any(|p| p == path) {
                    return None;
                }
                let Rendering::Static { revalidate } = caching.rendering else { return None };
                let runtime = self.runtime_for(site, &caching.config, path, Some(port));
                let request = static_request(path, params, port, &self.clock)
                    .prerendering(Prerender::Regeneration, revalidate)
                    .with_runtime(&runtime)
                    .with_project(site.project);
                match self.render(site, site.routes.get(index), caching.code, &request) {
                    Rendered::Answer(answer) => {
                        self.cache.routes.put(path, answer.clone(), revalidate, request.cache_tags.take(), now);
                        Some(Ok((answer, CacheState::Miss)))
                    }
                    Rendered::Failed => Some(Err(())),
                }
            }
        }
    }

    /// Whether a request for route `index` is refused because `dynamicParams = false` and its
    /// path was not listed.
    fn unlisted_param(&self, index: usize, path: &str) -> bool {
        let Some(Some(caching)) = self.plans.get(index) else { return false };
        matches!(caching.rendering, Rendering::Static { .. })
            && caching.dynamic_segments
            && !caching.config.dynamic_params
            && !caching.listed.iter().any(|p| p == path)
    }

    /// The segment config route `index` renders with (the default for other kinds of route).
    fn config_of(&self, index: usize) -> SegmentConfig {
        match self.plans.get(index) {
            Some(Some(caching)) => caching.config.clone(),
            _ => SegmentConfig::default(),
        }
    }

    /// The runtime for code of a route with `config` answering for `path` (its implicit tag),
    /// on a server listening on `port` (`None`: while `next build` runs it).
    fn runtime_for<'a>(&'a self, site: Site<'a>, config: &SegmentConfig, path: &str, port: Option<u16>) -> AppRuntime<'a> {
        AppRuntime { renderer: self, site, config: config.clone(), path: path.to_owned(), listening: port }
    }

    /// Runs the background work queued while answering: regenerations and refetches.
    pub fn run_jobs(&self, site: Site) {
        for job in self.cache.jobs.take() {
            match job {
                Job::Regenerate { route, path, params, port } => self.regenerate(site, route, &path, params, port),
                Job::Refetch { url, revalidate, tags, port } => match self.origin_get(site, &url, Some(port)) {
                    Ok(response) => self.cache.data.put(&url, fetched(&response), revalidate, tags, self.clock.now()),
                    Err(_) => self.cache.data.release(&url),
                },
            }
        }
    }

    fn regenerate(&self, site: Site, index: usize, path: &str, params: Option<Params>, port: u16) {
        let Some(Some(caching)) = self.plans.get(index) else { return };
        let revalidate = match caching.rendering {
            Rendering::Static { revalidate } => revalidate,
            Rendering::Dynamic => None,
        };
        let runtime = self.runtime_for(site, &caching.config, path, Some(port));
        let request = static_request(path, params, port, &self.clock)
            .prerendering(Prerender::Regeneration, revalidate)
            .with_runtime(&runtime)
            .with_project(site.project);
        let rendered = self.render(site, site.routes.get(index), caching.code, &request);
        match rendered {
            Rendered::Answer(answer) => self.cache.routes.put(path, answer, revalidate, request.cache_tags.take(), self.clock.now()),
            Rendered::Failed => self.cache.routes.release(path),
        }
    }

    /// Whether background work is waiting.
    pub fn has_jobs(&self) -> bool {
        !self.cache.jobs.is_empty()
    }

    /// A GET of a URL of this app, answered in-process: a prerendered handler from the route
    /// cache, any other handler by running it. Nothing answers while the server does not listen
    /// (`next build`), nor on another port.
    fn origin_get(&self, site: Site, url: &str, listening: Option<u16>) -> Result<WebResponse, Thrown> {
        let failed = || Thrown("TypeError: fetch failed".into());
        let after_scheme = url.split_once("://").map_or(url, |(_, rest)| rest);
        let (authority, path_and_query) = after_scheme.find('/').map_or((after_scheme, "/"), |i| after_scheme.split_at(i));
        let port = authority.rsplit_once(':').and_then(|(_, port)| port.parse::<u16>().ok()).unwrap_or(80);
        let Some(listening) = listening.filter(|&listening| listening == port) else { return Err(failed()) };
        let (path, query) = path_and_query.split_once('?').unwrap_or((path_and_query, ""));
        let (index, params) = site.routes.resolve(path).map_err(|_| failed())?;
        let route = site.routes.get(index);
        let Endpoint::Handler(mirror) = route.endpoint else { return Err(failed()) };
        if let Some(Some(caching)) = self.plans.get(index)
            && let Rendering::Static { .. } = caching.rendering
        {
            return match self.cached_answer(site, index, caching, path, params, listening) {
                Some(Ok((answer, _))) => {
                    Ok(WebResponse { status: answer.status, headers: answer.headers, body: Some(answer.body), ..WebResponse::empty() })
                }
                Some(Err(())) => Ok(WebResponse::empty().with_status(500)),
                None => Ok(WebResponse::empty().with_status(404)),
            };
        }
        let runtime = self.runtime_for(site, &self.config_of(index), path, Some(listening));
        let request =
            RouteRequest::new("GET".into(), path.into(), query.into(), http::HeaderMap::new(), Bytes::new(), params, listening, self.clock.clone())
                .with_runtime(&runtime)
                .with_project(site.project);
        match dispatch(Module::of(&route.file.exports.names, mirror), &request) {
            Dispatch::Respond { response, .. } => Ok(response),
            Dispatch::Threw(_) => Ok(WebResponse::empty().with_status(500)),
        }
    }
}

/// The [`Runtime`] of code running for one route.
pub struct AppRuntime<'a> {
    renderer: &'a Renderer,
    site: Site<'a>,
    /// The route's segment config (with its layouts').
    config: SegmentConfig,
    path: String,
    /// The port the server listens on; `None` while `next build` runs the code.
    listening: Option<u16>,
}

impl Runtime for AppRuntime<'_> {
    fn fetch(&self, request: &RouteRequest, url: &str, init: &FetchInit) -> Result<WebResponse, Thrown> {
        let fetch_tags = validate_tags(&init.tags);
        // A prerendered route's entry carries the tags of what it fetched.
        if request.prerender.is_some() {
            request.cache_tags.borrow_mut().extend(fetch_tags.iter().cloned());
        }
        let scope = FetchScope {
            fetch_cache: self.config.fetch_cache,
            force_dynamic: self.config.dynamic == Dynamic::ForceDynamic,
            force_static: self.config.dynamic == Dynamic::ForceStatic,
            prerender: request.prerender.map(|p| p == Prerender::Build),
            route_revalidate: request.route_revalidate.get(),
        };
        let revalidate = match fetch::decide(url, init, scope) {
            FetchPlan::Throws(message) => return Err(Thrown(message)),
            FetchPlan::DynamicRoute => {
                request.read_request_data.set(true);
                return Err(Thrown::dynamic_usage(&format!("fetch of {url} is not cached")));
            }
            FetchPlan::Fetch { store, lowers_route_to } => {
                if lowers_route_to.is_some() {
                    request.route_revalidate.set(lowers_route_to);
                }
                match store {
                    Some(revalidate) => revalidate,
                    None => return self.renderer.origin_get(self.site, url, self.listening),
                }
            }
        };
        let cache = &self.renderer.cache;
        let now = self.renderer.clock.now();
        let mut tags = fetch_tags;
        tags.push(path_tag(&self.path));
        let fetch_now = || -> Result<WebResponse, Thrown> {
            let response = self.renderer.origin_get(self.site, url, self.listening)?;
            if response.status == 200 {
                cache.data.put(url, fetched(&response), revalidate, tags.clone(), now);
            }
            Ok(response)
        };
        match cache.data.get_within(url, revalidate.map(std::time::Duration::from_secs), now) {
            Lookup::Fresh(found) => Ok(from_fetched(found)),
            // A prerender stores what it renders, so it waits for fresh data.
            Lookup::Stale { .. } if request.prerender.is_some() => fetch_now(),
            Lookup::Stale { value, refresh } => {
                if let (true, Some(port)) = (refresh, self.listening) {
                    cache.jobs.push(Job::Refetch { url: url.to_owned(), revalidate, tags: tags.clone(), port });
                }
                Ok(from_fetched(value))
            }
            Lookup::Missing => fetch_now(),
        }
    }

    fn next_version(&self) -> &semver::Version {
        &self.renderer.next
    }

    fn revalidate_tag(&self, tag: &str) {
        self.renderer.cache.revalidate_tag(tag, self.renderer.clock.now());
    }

    fn revalidate_path(&self, path: &str) {
        self.renderer.cache.revalidate_path(path, self.renderer.clock.now());
    }

    fn revalidate_tag_with(&self, tag: &str, profile: &TagProfile) {
        let expire = match profile {
            TagProfile::Named(name) => self.renderer.config.cache_profiles.get(name).map_or(EXPIRE, |life| life.expire),
            TagProfile::Expire(seconds) => *seconds,
        };
        self.renderer.cache.revalidate_tag_with(tag, expire, self.renderer.clock.now());
    }

    /// A stale result (its tag revalidated with a profile) is served while a new one is made;
    /// the functions being synchronous here, it is made at once rather than in the background.
    fn use_cache(&self, key: &str, make: &mut dyn FnMut(&mut CacheScope) -> Value) -> Stored {
        let now = self.renderer.clock.now();
        let mut make_and_store = || {
            let mut scope = CacheScope::default();
            let value = make(&mut scope);
            let life = self.renderer.config.cache_profiles.shortest(scope.profiles.iter());
            let stored = Stored { value, profiles: scope.profiles };
            self.renderer.cache.functions.put(key, stored.clone(), life, scope.tags, now);
            stored
        };
        match self.renderer.cache.functions.read(key, now) {
            Read::Hit(stored) => stored,
            Read::Stale(stored) => {
                make_and_store();
                stored
            }
            Read::Miss => make_and_store(),
        }
    }
}

fn fetched(response: &WebResponse) -> fetch::Fetched {
    fetch::Fetched { status: response.status, body: response.body.clone().unwrap_or_default() }
}

fn from_fetched(found: fetch::Fetched) -> WebResponse {
    WebResponse { status: found.status, body: Some(found.body), ..WebResponse::empty() }
}

/// The request a prerender runs with: a GET of the path, without headers, cookies or query.
fn static_request<'a>(path: &str, params: Option<Params>, port: u16, clock: &Clock) -> RouteRequest<'a> {
    RouteRequest::new("GET".into(), path.into(), String::new(), http::HeaderMap::new(), Bytes::new(), params, port, clock.clone())
}

/// The params the build lists for a route whose URL is `pattern`: what a route file's
/// `generateStaticParams` returns, or for a metadata file what its own returns, each with the
/// ids of its `generate*` export (none when other dynamic segments lie above it and it lists
/// no params for them).
fn static_params(site: Site, code: AppCode, pattern: &[Segment], clock: &Clock) -> Vec<Params> {
    match code {
        AppCode::Handler(mirror) | AppCode::Page(mirror) => listed_params(mirror, clock),
        AppCode::Metadata(index) => {
            let file = &site.routes.metadata()[index];
            let id = Segment::Dynamic(metadata::ID_PARAM.into());
            let above = match metadata::handler::static_params(file) {
                Some(listed) => listed,
                None if pattern.iter().any(|s| !matches!(s, Segment::Static(_)) && *s != id) => return Vec::new(),
                None => vec![Params(Vec::new())],
            };
            let ids = metadata::handler::static_ids(file);
            if ids.is_empty() {
                return above;
            }
            let with_id = |params: &Params, id: &String| {
                Params(params.0.iter().cloned().chain([(metadata::ID_PARAM.to_owned(), ParamValue::One(id.clone()))]).collect())
            };
            above.iter().flat_map(|params| ids.iter().map(move |id| with_id(params, id))).collect()
        }
    }
}

/// The inline Server Actions of the pages of `routes`, by id.
fn server_actions(routes: &Routes) -> HashMap<String, (usize, String)> {
    let pages = routes.iter().enumerate().filter(|(_, route)| matches!(route.endpoint, Endpoint::Page(_)));
    pages
        .flat_map(|(index, route)| {
            route.file.exports.server_actions.iter().map(move |name| (server_action::action_id(&route.file.file, name), (index, name.clone())))
        })
        .collect()
}

/// What `generateStaticParams` returns: a list of objects of strings (or string arrays).
fn listed_params(mirror: &Mirror, clock: &Clock) -> Vec<Params> {
    let request = static_request("/", None, 0, clock);
    let Handled::Answer(answer) = (mirror.handle)("generateStaticParams", &request) else { return vec![] };
    let Ok(serde_json::Value::Array(items)) = serde_json::from_slice(answer.body.as_deref().unwrap_or_default()) else {
        return vec![];
    };
    items
        .iter()
        .filter_map(|item| item.as_object())
        .map(|object| {
            Params(
                object
                    .iter()
                    .map(|(name, value)| {
                        let value = match value {
                            serde_json::Value::Array(parts) => {
                                ParamValue::Many(parts.iter().filter_map(|p| p.as_str().map(str::to_owned)).collect())
                            }
                            other => ParamValue::One(other.as_str().unwrap_or_default().to_owned()),
                        };
                        (name.clone(), value)
                    })
                    .collect(),
            )
        })
        .collect()
}

/// `answer` with the `Set-Cookie` lines `clearing` before every field its route set.
fn with_cleared_session(mut answer: Answer, clearing: &[String]) -> Answer {
    let lines = clearing.iter().filter_map(|line| http::HeaderValue::try_from(line.as_str()).ok()).map(|value| (http::header::SET_COOKIE, value));
    crate::fields::prepend(answer.headers_mut(), lines);
    answer
}

