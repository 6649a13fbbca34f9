//! How the app renders its pages and route handlers through the [`cache`](crate::cache), the
//! layer around those two kinds of route only: what `next build` prerenders when the app loads,
//! how a request is answered from the route cache (fresh, stale and regenerated in the
//! background, or made on demand), which requests are refused on a prerendered route, and the
//! [`Runtime`] behind `fetch()` and `next/cache`. The code itself runs in
//! [`crate::route_handler`] and [`crate::page`].

use crate::cache::functions::{CacheScope, Read, Stored};
use crate::cache::headers::{CacheState, EXPIRE, STALE_TIME, cache_control_until, handler_cache_control};
use crate::cache::policy::{self, Kind, Rendering};
use crate::cache::segment::{FetchCache, SegmentConfig};
use crate::cache::store::Lookup;
use crate::cache::{Cache, CachedAnswer, FetchInit, Job, fetch, path_tag};
use crate::code::{Handled, Mirror};
use crate::next_config::NextConfig;
use crate::page::{self, Page, PageFiles};
use crate::params::{ParamValue, Params};
use crate::route_handler::{self, Dispatch, HTTP_METHODS, dispatch};
use crate::router::{Segment, fill};
use crate::routes::{Endpoint, Route, Routes};
use crate::rsc::{self, Wants};
use crate::service::{Answer, Content, EdgeRuntime, Refusal};
use crate::web::{RouteRequest, Runtime, TagProfile, Thrown, WebResponse};
use bytes::Bytes;
use semver::Version;
use serde_json::Value;
use crate::clock::Clock;

/// The code of a page or route handler: its kind and its mirror.
pub type AppCode = (Kind, &'static Mirror);

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

/// What the renderer runs code with: the app's routes and the files around its pages.
#[derive(Clone, Copy)]
pub struct Site<'a> {
    pub routes: &'a Routes,
    pub files: &'a PageFiles,
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
    /// What the build decided for each route (`None` for API routes and metadata files).
    plans: Vec<Option<RouteCaching>>,
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
        let mut renderer = Renderer { plans: Vec::new(), cache: Cache::default(), config, next, clock };
        let now = renderer.clock.now();
        renderer.plans = site.routes.iter().map(|route| renderer.plan(site, route, now)).collect();
        renderer
    }

    /// What the build decides for one route, its prerendered answers stored.
    fn plan(&self, site: Site, route: &Route, now: std::time::Instant) -> Option<RouteCaching> {
        let code = match route.endpoint {
            Endpoint::Handler(mirror) => (Kind::Handler, mirror),
            Endpoint::Page(mirror) => (Kind::Page, mirror),
            Endpoint::Api(..) | Endpoint::Metadata(_) | Endpoint::PagesPage(_) => return None,
        };
        let file = &route.file;
        let config = SegmentConfig::read(&file.exports);
        let methods: Vec<&str> = HTTP_METHODS.iter().copied().filter(|m| file.exports.names.iter().any(|n| n == m)).collect();
        let dynamic_segments = file.pattern.iter().any(|s| !matches!(s, Segment::Static(_)));
        let params_list: Vec<Option<Params>> = if !dynamic_segments {
            vec![None]
        } else if config.static_params {
            static_params(code.1, &self.clock).into_iter().map(Some).collect()
        } else {
            vec![]
        };
        let rendering = policy::planned(code.0, &config, &methods, dynamic_segments);
        let mut plan = RouteCaching { code, config, rendering, listed: vec![], dynamic_segments, expire: EXPIRE, stale_time: STALE_TIME };
        let prerendered = if let Rendering::Static { .. } = plan.rendering { self.prerender_paths(site, route, params_list, &mut plan) } else { vec![] };
        // A route whose code cannot be prerendered (it threw or called `forbidden()`...)
        // is rendered per request.
        if !dynamic_segments && prerendered.is_empty() {
            plan.rendering = Rendering::Dynamic;
        }
        plan.listed = prerendered.iter().map(|(path, _)| path.clone()).collect();
        if let Rendering::Static { revalidate } = plan.rendering {
            for (path, answer) in prerendered {
                self.cache.routes.put(&path, answer, revalidate, vec![], now);
            }
        }
        Some(plan)
    }

    /// Renders the route for each of `params_list` as the build does, and updates `plan` with
    /// what its code did (read request data, used 'use cache' profiles).
    fn prerender_paths(&self, site: Site, route: &Route, params_list: Vec<Option<Params>>, plan: &mut RouteCaching) -> Vec<(String, CachedAnswer)> {
        let mut prerendered = Vec::new();
        for params in params_list {
            let path = fill(&route.file.pattern, params.as_ref());
            let request = static_request(&path, params.clone(), 0, &self.clock);
            let rendered = self.render(site, route, plan.code, &request);
            plan.rendering = policy::after_prerender(plan.rendering, &plan.config, request.read_request_data.get());
            // A 'use cache' page (with `cacheComponents`) is cached for the shortest
            // profile it used: regenerated after its `revalidate`, gone after `expire`.
            let profiles = request.cache_profiles.borrow();
            if self.config.cache_components && !profiles.is_empty() && matches!(plan.rendering, Rendering::Static { .. }) {
                let life = self.config.cache_profiles.shortest(profiles.iter().map(String::as_str));
                plan.rendering = Rendering::Static { revalidate: Some(life.revalidate) };
                plan.expire = life.expire;
                plan.stale_time = life.stale;
            }
            if let Rendered::Answer(answer) = rendered {
                prerendered.push((path, CachedAnswer { made_by_build: true, ..answer }));
            }
        }
        prerendered
    }

    /// Runs the route's code once for `request` and keeps what a cache would store.
    fn render(&self, site: Site, route: &Route, (kind, mirror): AppCode, request: &RouteRequest) -> Rendered {
        match kind {
            Kind::Handler => match dispatch(&route.file.exports.names, mirror, request) {
                Dispatch::Respond { response, .. } => Rendered::Answer(CachedAnswer {
                    status: response.status,
                    headers: response.headers,
                    body: response.body.unwrap_or_default(),
                    made_by_build: false,
                    flight: None,
                }),
                Dispatch::Threw(_) => Rendered::Failed,
            },
            Kind::Page => match self.page(site, route, mirror).prerender(request) {
                Some(page) => Rendered::Answer(CachedAnswer {
                    status: 200,
                    headers: vec![("content-type".into(), "text/html; charset=utf-8".into())],
                    body: Bytes::from(page.html),
                    made_by_build: false,
                    flight: Some(Bytes::from(page.flight)),
                }),
                None => Rendered::Failed,
            },
        }
    }

    fn page<'a>(&'a self, site: Site<'a>, route: &'a Route, mirror: &'a Mirror) -> Page<'a> {
        Page { file: &route.file.file, mirror, files: site.files, metadata: site.routes.metadata(), next: &self.next }
    }

    /// Answers a request for the page or handler `index` (whose code is `code`): from the route
    /// cache when the build prerendered it, else by running its code. A prerendered page renders
    /// for a POST that may be a Server Action.
    pub fn serve(&self, site: Site, index: usize, code: AppCode, call: AppCall) -> Result<Answer, Refusal> {
        if self.unlisted_param(index, &call.path) {
            return Err(Refusal::NotFound);
        }
        let action = code.0 == Kind::Page && page::may_be_server_action(&call.method.parse().unwrap_or_default(), &call.headers);
        let runtime = self.runtime_for(site, index, &call.path);
        let wants = Wants::of(&call.headers);
        let routed = call.path.clone();
        let request = self.code_request(index, code.0, call).with_runtime(&runtime);
        let prerendered = match self.answer_cached(site, index, &routed, &request, wants, action) {
            Cached::Answer(answer) => return answer,
            Cached::RenderForAction => true,
            Cached::NotPrerendered => false,
        };
        let route = site.routes.get(index);
        let mut answer = match code {
            (Kind::Handler, mirror) => route_handler::serve(&route.file.exports.names, mirror, &request),
            (Kind::Page, mirror) if prerendered => self.page(site, route, mirror).serve_action(&request, wants)?,
            (Kind::Page, mirror) => self.page(site, route, mirror).serve(&request, wants)?,
        };
        if matches!(self.plans.get(index), Some(Some(caching)) if caching.config.edge) {
            answer.extensions_mut().insert(EdgeRuntime);
        }
        Ok(answer)
    }

    /// The request as the code of route `index` sees it. `dynamic = 'force-static'`: no
    /// headers, cookies or search params; a page's `headers()` never shows the router's, and its
    /// params keep the URL's encoding; a route handler's URL is the one the client asked for,
    /// before a proxy rewrite.
    fn code_request<'r>(&self, index: usize, kind: Kind, call: AppCall) -> RouteRequest<'r> {
        let empties = self.empties_request(index);
        let (headers, query) = match kind {
            _ if empties => (http::HeaderMap::new(), String::new()),
            Kind::Page => (rsc::without_flight_headers(&call.headers), call.query),
            Kind::Handler => (call.headers, call.query),
        };
        let (path, query) = match call.asked {
            Some((path, asked)) if kind == Kind::Handler => (path, if empties { String::new() } else { asked }),
            _ => (call.path, query),
        };
        let params = match kind {
            Kind::Page => call.params.map(|p| p.encoded()),
            Kind::Handler => call.params,
        };
        // Seen on next start 15.5.29: a route handler's URL has `'` percent-encoded (16 keeps it).
        let path = if self.next.major < 16 && kind == Kind::Handler { path.replace('\'', "%27") } else { path };
        RouteRequest::new(call.method, path, query, headers, call.body, params, call.port, self.clock.clone())
    }

    /// The answer of a page or handler the build prerendered, when the route cache answers;
    /// `path` is the one the route was matched by (the proxy may have rewritten the one the
    /// code sees).
    fn answer_cached(&self, site: Site, index: usize, path: &str, request: &RouteRequest, wants: Wants, action: bool) -> Cached {
        let Some(Some(caching)) = self.plans.get(index) else { return Cached::NotPrerendered };
        let Rendering::Static { revalidate } = caching.rendering else { return Cached::NotPrerendered };
        let head = request.method == "HEAD";
        if request.method != "GET" && !head {
            return match caching.code.0 {
                Kind::Page if action => Cached::RenderForAction,
                Kind::Page => Cached::Answer(Ok(page::method_not_allowed())),
                Kind::Handler => Cached::Answer(Ok(route_handler::static_method_not_allowed())),
            };
        }
        let (answer, state) = match self.cached_answer(site, index, caching, path, request.params.clone()) {
            None => return Cached::NotPrerendered,
            Some(Ok(found)) => found,
            Some(Err(())) => return Cached::Answer(Err(Refusal::Internal)),
        };
        Cached::Answer(Ok(match caching.code.0 {
            Kind::Handler => {
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
    /// missing. `None`: a path `dynamicParams = false` does not allow (answered 404 by the caller
    /// through the not-found page). `Err`: the code failed.
    fn cached_answer(
        &self,
        site: Site,
        index: usize,
        caching: &RouteCaching,
        path: &str,
        params: Option<Params>,
    ) -> Option<Result<(CachedAnswer, CacheState), ()>> {
        let now = self.clock.now();
        match self.cache.routes.get(path, now) {
            Lookup::Fresh(answer) => Some(Ok((answer, CacheState::Hit))),
            Lookup::Stale { value, refresh } => {
                if refresh {
                    self.cache.jobs.push(Job::Regenerate { route: index, path: path.to_owned(), params });
                }
                Some(Ok((value, CacheState::Stale)))
            }
            Lookup::Missing => {
                if caching.dynamic_segments && !caching.config.dynamic_params && !caching.listed.iter().any(|p| p == path) {
                    return None;
                }
                let Rendering::Static { revalidate } = caching.rendering else { return None };
                match self.render(site, site.routes.get(index), caching.code, &static_request(path, params, 0, &self.clock)) {
                    Rendered::Answer(answer) => {
                        self.cache.routes.put(path, answer.clone(), revalidate, vec![], now);
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

    /// Whether the route's code sees an empty request (`dynamic = 'force-static'`).
    fn empties_request(&self, index: usize) -> bool {
        matches!(self.plans.get(index), Some(Some(caching)) if policy::empties_request(&caching.config))
    }

    /// The runtime for code of route `index` (its `fetchCache` and its path's implicit tag).
    fn runtime_for<'a>(&'a self, site: Site<'a>, index: usize, path: &str) -> AppRuntime<'a> {
        let fetch_cache = match self.plans.get(index) {
            Some(Some(caching)) => caching.config.fetch_cache,
            _ => Default::default(),
        };
        AppRuntime { renderer: self, site, fetch_cache, path: path.to_owned() }
    }

    /// Runs the background work queued while answering: regenerations and refetches.
    pub fn run_jobs(&self, site: Site) {
        for job in self.cache.jobs.take() {
            match job {
                Job::Regenerate { route, path, params } => self.regenerate(site, route, &path, params),
                Job::Refetch { url, revalidate, tags } => match self.origin_get(site, &url) {
                    Ok(response) => self.cache.data.put(&url, fetched(&response), revalidate, tags, self.clock.now()),
                    Err(_) => self.cache.data.release(&url),
                },
            }
        }
    }

    fn regenerate(&self, site: Site, index: usize, path: &str, params: Option<Params>) {
        let runtime = self.runtime_for(site, index, path);
        let request = static_request(path, params, 0, &self.clock).with_runtime(&runtime);
        let Some(Some(caching)) = self.plans.get(index) else { return };
        let revalidate = match caching.rendering {
            Rendering::Static { revalidate } => revalidate,
            Rendering::Dynamic => None,
        };
        let rendered = self.render(site, site.routes.get(index), caching.code, &request);
        match rendered {
            Rendered::Answer(answer) => self.cache.routes.put(path, answer, revalidate, vec![], self.clock.now()),
            Rendered::Failed => self.cache.routes.release(path),
        }
    }

    /// Whether background work is waiting.
    pub fn has_jobs(&self) -> bool {
        !self.cache.jobs.is_empty()
    }

    /// A GET of a URL of this app, answered in-process: a prerendered handler from the route
    /// cache, any other handler by running it.
    fn origin_get(&self, site: Site, url: &str) -> Result<WebResponse, Thrown> {
        let after_scheme = url.split_once("://").map_or(url, |(_, rest)| rest);
        let path_and_query = after_scheme.find('/').map_or("/", |i| &after_scheme[i..]);
        let (path, query) = path_and_query.split_once('?').unwrap_or((path_and_query, ""));
        let failed = || Thrown("TypeError: fetch failed".into());
        let (index, params) = site.routes.resolve(path).map_err(|_| failed())?;
        let route = site.routes.get(index);
        let Endpoint::Handler(mirror) = route.endpoint else { return Err(failed()) };
        if let Some(Some(caching)) = self.plans.get(index)
            && let Rendering::Static { .. } = caching.rendering
        {
            return match self.cached_answer(site, index, caching, path, params) {
                Some(Ok((answer, _))) => {
                    Ok(WebResponse { status: answer.status, headers: answer.headers, body: Some(answer.body), ..WebResponse::empty() })
                }
                Some(Err(())) => Ok(WebResponse::empty().with_status(500)),
                None => Ok(WebResponse::empty().with_status(404)),
            };
        }
        let runtime = self.runtime_for(site, index, path);
        let request =
            RouteRequest::new("GET".into(), path.into(), query.into(), http::HeaderMap::new(), Bytes::new(), params, 0, self.clock.clone())
                .with_runtime(&runtime);
        match dispatch(&route.file.exports.names, mirror, &request) {
            Dispatch::Respond { response, .. } => Ok(response),
            Dispatch::Threw(_) => Ok(WebResponse::empty().with_status(500)),
        }
    }
}

/// The [`Runtime`] of code running for one route.
pub struct AppRuntime<'a> {
    renderer: &'a Renderer,
    site: Site<'a>,
    fetch_cache: FetchCache,
    path: String,
}

impl Runtime for AppRuntime<'_> {
    fn fetch(&self, url: &str, init: &FetchInit) -> Result<WebResponse, Thrown> {
        let cache = &self.renderer.cache;
        let Some(revalidate) = fetch::caching(init, self.fetch_cache) else { return self.renderer.origin_get(self.site, url) };
        let now = self.renderer.clock.now();
        let mut tags = init.tags.clone();
        tags.push(path_tag(&self.path));
        match cache.data.get(url, now) {
            Lookup::Fresh(found) => Ok(from_fetched(found)),
            Lookup::Stale { value, refresh } => {
                if refresh {
                    cache.jobs.push(Job::Refetch { url: url.to_owned(), revalidate, tags });
                }
                Ok(from_fetched(value))
            }
            Lookup::Missing => {
                let response = self.renderer.origin_get(self.site, url)?;
                if response.status == 200 {
                    cache.data.put(url, fetched(&response), revalidate, tags, now);
                }
                Ok(response)
            }
        }
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
            let life = self.renderer.config.cache_profiles.shortest(scope.profiles.iter().map(String::as_str));
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
fn static_request(path: &str, params: Option<Params>, port: u16, clock: &Clock) -> RouteRequest<'static> {
    RouteRequest::new("GET".into(), path.into(), String::new(), http::HeaderMap::new(), Bytes::new(), params, port, clock.clone())
}

/// What `generateStaticParams` returns: a list of objects of strings (or string arrays).
fn static_params(mirror: &Mirror, clock: &Clock) -> Vec<Params> {
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
