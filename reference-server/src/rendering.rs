//! How the app renders its pages and route handlers through the [`cache`](crate::cache): what
//! `next build` prerenders when the app loads, how a request is answered from the route cache
//! (fresh, stale and regenerated in the background, or made on demand), which requests are
//! refused on a prerendered route, and the [`Runtime`] behind `fetch()` and `next/cache`.

use crate::cache::headers::{CacheState, EXPIRE, cache_control_until, handler_cache_control};
use crate::cache::functions::{CacheScope, Read, Stored};
use crate::cache::policy::{self, Kind, Rendering};
use crate::cache::segment::SegmentConfig;
use crate::cache::store::Lookup;
use crate::cache::{CachedAnswer, FetchInit, Job, fetch, path_tag};
use crate::fixture::RouteFile;
use crate::metadata::head::PageRender;
use crate::code::{Handled, Mirror};
use crate::next_start;
use crate::body::WireBody;
use crate::params::{ParamValue, Params};
use crate::route_handler::{Dispatch, HTTP_METHODS, dispatch};
use crate::router::Segment;
use crate::server::{App, AppKind, Code};
use crate::web::{RouteRequest, Runtime, TagProfile, Thrown, WebResponse};
use serde_json::Value;
use bytes::Bytes;
use std::time::Instant;

/// What the build decided for one page or route handler.
#[derive(Debug, Clone)]
pub struct RouteCaching {
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

/// One render of a page or handler: its answer, or why there is none.
enum Rendered {
    Answer(CachedAnswer),
    /// Threw, or was interrupted in a way the cache does not keep.
    Failed,
}

impl App {
    /// `next build`'s prerendering: decides for each page and handler whether it is static,
    /// and stores the prerendered answers (those of every listed param for dynamic routes).
    pub(crate) fn prerender(&mut self) {
        let now = Instant::now();
        let mut plans = Vec::with_capacity(self.routes.len());
        for (index, (file, code)) in self.routes.iter().enumerate() {
            let Code::App(kind, mirror) = code else {
                plans.push(None);
                continue;
            };
            let config = SegmentConfig::read(&file.exports);
            let methods: Vec<&str> = HTTP_METHODS.iter().copied().filter(|m| file.exports.names.iter().any(|n| n == m)).collect();
            let kind = match kind {
                AppKind::Handler => Kind::Handler,
                AppKind::Page => Kind::Page,
            };
            let dynamic_segments = file.pattern.iter().any(|s| !matches!(s, Segment::Static(_)));
            let mut rendering = policy::planned(kind, &config, &methods, dynamic_segments);
            let params_list: Vec<Option<Params>> = if !dynamic_segments {
                vec![None]
            } else if config.static_params {
                static_params(mirror).into_iter().map(Some).collect()
            } else {
                vec![]
            };
            let mut prerendered = Vec::new();
            let mut expire = EXPIRE;
            let mut stale_time = next_start::STALE_TIME;
            if let Rendering::Static { .. } = rendering {
                for params in params_list {
                    let path = fill(&file.pattern, params.as_ref());
                    let request = static_request(&path, params.clone(), 0);
                    let rendered = self.render(index, &request);
                    rendering = policy::after_prerender(rendering, &config, request.read_request_data.get());
                    // A 'use cache' page (with `cacheComponents`) is cached for the shortest
                    // profile it used: regenerated after its `revalidate`, gone after `expire`.
                    let profiles = request.cache_profiles.borrow();
                    if self.config.cache_components && !profiles.is_empty() && matches!(rendering, Rendering::Static { .. }) {
                        let life = self.config.cache_profiles.shortest(profiles.iter().map(String::as_str));
                        rendering = Rendering::Static { revalidate: Some(life.revalidate) };
                        expire = life.expire;
                        stale_time = life.stale;
                    }
                    if let Rendered::Answer(answer) = rendered {
                        prerendered.push((path, CachedAnswer { made_by_build: true, ..answer }));
                    }
                }
            }
            // A route whose code cannot be prerendered (it threw or called `forbidden()`...)
            // is rendered per request.
            if !dynamic_segments && prerendered.is_empty() {
                rendering = Rendering::Dynamic;
            }
            let listed = prerendered.iter().map(|(path, _)| path.clone()).collect();
            if let Rendering::Static { revalidate } = rendering {
                for (path, answer) in prerendered {
                    self.cache.routes.put(&path, answer, revalidate, vec![], now);
                }
            }
            plans.push(Some(RouteCaching { config, rendering, listed, dynamic_segments, expire, stale_time }));
        }
        self.caching = plans;
    }

    /// Runs the route's code once for `request` and keeps what a cache would store.
    fn render(&self, index: usize, request: &RouteRequest) -> Rendered {
        let (file, code) = &self.routes[index];
        let Code::App(kind, mirror) = code else { return Rendered::Failed };
        match kind {
            AppKind::Handler => match dispatch(&file.exports.names, mirror, request) {
                Dispatch::Respond { response, .. } => Rendered::Answer(CachedAnswer {
                    status: response.status,
                    headers: response.headers,
                    body: response.body.unwrap_or_default(),
                    made_by_build: false,
                }),
                Dispatch::Threw(_) => Rendered::Failed,
            },
            AppKind::Page => match (mirror.handle)("default", request) {
                Handled::Answer(page) => {
                    let head = self.page_head(file, request);
                    let html = next_start::page_html(&head, &self.wrappers.wrap(&file.file, crate::server::markup(page)));
                    Rendered::Answer(CachedAnswer {
                        status: 200,
                        headers: vec![("content-type".into(), "text/html; charset=utf-8".into())],
                        body: Bytes::from(html),
                        made_by_build: false,
                    })
                }
                _ => Rendered::Failed,
            },
        }
    }

    /// The answer of a page or handler the build prerendered, or `None` when the route renders
    /// per request.
    pub(crate) fn answer_cached(&self, index: usize, request: &RouteRequest) -> Option<hyper::Response<WireBody>> {
        let caching = self.caching.get(index)?.as_ref()?;
        let Rendering::Static { revalidate } = caching.rendering else { return None };
        let (_, code) = &self.routes[index];
        let Code::App(kind, _) = code else { return None };
        let head = request.method == "HEAD";
        if *kind == AppKind::Handler && request.method != "GET" && !head {
            return Some(next_start::app_response(static_method_not_allowed(), false, &self.next_version));
        }
        let (answer, state) = match self.cached_answer(index, caching, &request.path, request.params.clone())? {
            Ok(found) => found,
            Err(()) => return Some(next_start::internal_error_text().map(http_body_util::Either::Left)),
        };
        Some(match kind {
            AppKind::Handler => {
                let cache_control = handler_cache_control(revalidate, answer.made_by_build, &self.next_version);
                let mut web = WebResponse { status: answer.status, headers: answer.headers, body: Some(answer.body), ..WebResponse::empty() };
                web.headers.push(("cache-control".into(), cache_control));
                web.headers.push(("x-nextjs-cache".into(), state.as_str().into()));
                next_start::app_response(web, head, &self.next_version)
            }
            AppKind::Page => {
                let cache_control = cache_control_until(revalidate, caching.expire);
                next_start::prerendered_page(answer.status, state, &cache_control, caching.stale_time, answer.body, head).map(http_body_util::Either::Left)
            }
        })
    }

    /// The stored answer for `path` and what `x-nextjs-cache` says of it, rendering it now when
    /// missing. `None`: a path `dynamicParams = false` does not allow (answered 404 by the caller
    /// through the not-found page). `Err`: the code failed.
    fn cached_answer(
        &self,
        index: usize,
        caching: &RouteCaching,
        path: &str,
        params: Option<Params>,
    ) -> Option<Result<(CachedAnswer, CacheState), ()>> {
        let now = Instant::now();
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
                match self.render(index, &self.static_render_request(path, params)) {
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
    pub(crate) fn unlisted_param(&self, index: usize, path: &str) -> bool {
        let Some(Some(caching)) = self.caching.get(index) else { return false };
        matches!(caching.rendering, Rendering::Static { .. })
            && caching.dynamic_segments
            && !caching.config.dynamic_params
            && !caching.listed.iter().any(|p| p == path)
    }

    /// Whether the route's code sees an empty request (`dynamic = 'force-static'`).
    pub(crate) fn empties_request(&self, index: usize) -> bool {
        matches!(self.caching.get(index), Some(Some(caching)) if policy::empties_request(&caching.config))
    }

    fn static_render_request(&self, path: &str, params: Option<Params>) -> RouteRequest<'static> {
        static_request(path, params, 0)
    }

    /// The runtime for code of route `index` (its `fetchCache` and its path's implicit tag).
    pub(crate) fn runtime_for(&self, index: usize, path: &str) -> AppRuntime<'_> {
        let fetch_cache = match self.caching.get(index) {
            Some(Some(caching)) => caching.config.fetch_cache,
            _ => Default::default(),
        };
        AppRuntime { app: self, fetch_cache, path: path.to_owned() }
    }

    /// Runs the background work queued while answering: regenerations and refetches.
    pub fn run_jobs(&self) {
        for job in self.cache.jobs.take() {
            match job {
                Job::Regenerate { route, path, params } => {
                    let runtime = self.runtime_for(route, &path);
                    let request = self.static_render_request(&path, params).with_runtime(&runtime);
                    let revalidate = match self.caching.get(route) {
                        Some(Some(RouteCaching { rendering: Rendering::Static { revalidate }, .. })) => *revalidate,
                        _ => None,
                    };
                    match self.render(route, &request) {
                        Rendered::Answer(answer) => self.cache.routes.put(&path, answer, revalidate, vec![], Instant::now()),
                        Rendered::Failed => self.cache.routes.release(&path),
                    }
                }
                Job::Refetch { url, revalidate, tags } => {
                    match self.origin_get(&url) {
                        Ok(response) => self.cache.data.put(&url, fetched(&response), revalidate, tags, Instant::now()),
                        Err(_) => self.cache.data.release(&url),
                    }
                }
            }
        }
    }

    /// Whether background work is waiting.
    pub fn has_jobs(&self) -> bool {
        !self.cache.jobs.is_empty()
    }

    /// A GET of a URL of this app, answered in-process: a prerendered handler from the route
    /// cache, any other handler by running it.
    fn origin_get(&self, url: &str) -> Result<WebResponse, Thrown> {
        let after_scheme = url.split_once("://").map_or(url, |(_, rest)| rest);
        let path_and_query = after_scheme.find('/').map_or("/", |i| &after_scheme[i..]);
        let (path, query) = path_and_query.split_once('?').unwrap_or((path_and_query, ""));
        let failed = || Thrown("TypeError: fetch failed".into());
        let matched = self.router.find(path).ok_or_else(failed)?;
        let params = matched.params().map_err(|_| failed())?;
        let index = matched.route;
        let (file, code) = &self.routes[index];
        let Code::App(AppKind::Handler, mirror) = code else { return Err(failed()) };
        if let Some(Some(caching)) = self.caching.get(index)
            && let Rendering::Static { .. } = caching.rendering
        {
            return match self.cached_answer(index, caching, path, params) {
                Some(Ok((answer, _))) => {
                    Ok(WebResponse { status: answer.status, headers: answer.headers, body: Some(answer.body), ..WebResponse::empty() })
                }
                Some(Err(())) => Ok(WebResponse::empty().with_status(500)),
                None => Ok(WebResponse::empty().with_status(404)),
            };
        }
        let runtime = self.runtime_for(index, path);
        let request = RouteRequest::new("GET".into(), path.into(), query.into(), http::HeaderMap::new(), Bytes::new(), params, 0)
            .with_runtime(&runtime);
        match dispatch(&file.exports.names, mirror, &request) {
            Dispatch::Respond { response, .. } => Ok(response),
            Dispatch::Threw(_) => Ok(WebResponse::empty().with_status(500)),
        }
    }

    /// The head tags of a page rendered for the cache (as `next build` renders, with the
    /// request's params).
    fn page_head(&self, file: &RouteFile, request: &RouteRequest) -> String {
        let render = PageRender { params: request.params.as_ref(), ..PageRender::prerendered() };
        crate::metadata::head::tags(&crate::metadata::folder_of(&file.file), &self.metadata, &self.next_version, render)
    }
}

/// The [`Runtime`] of code running for one route.
pub struct AppRuntime<'a> {
    app: &'a App,
    fetch_cache: crate::cache::segment::FetchCache,
    path: String,
}

impl Runtime for AppRuntime<'_> {
    fn fetch(&self, url: &str, init: &FetchInit) -> Result<WebResponse, Thrown> {
        let cache = &self.app.cache;
        let Some(revalidate) = fetch::caching(init, self.fetch_cache) else { return self.app.origin_get(url) };
        let now = Instant::now();
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
                let response = self.app.origin_get(url)?;
                if response.status == 200 {
                    cache.data.put(url, fetched(&response), revalidate, tags, now);
                }
                Ok(response)
            }
        }
    }

    fn revalidate_tag(&self, tag: &str) {
        self.app.cache.revalidate_tag(tag);
    }

    fn revalidate_path(&self, path: &str) {
        self.app.cache.revalidate_path(path);
    }

    fn revalidate_tag_with(&self, tag: &str, profile: &TagProfile) {
        let expire = match profile {
            TagProfile::Named(name) => self.app.config.cache_profiles.get(name).map_or(EXPIRE, |life| life.expire),
            TagProfile::Expire(seconds) => *seconds,
        };
        self.app.cache.revalidate_tag_with(tag, expire);
    }

    /// A stale result (its tag revalidated with a profile) is served while a new one is made;
    /// the functions being synchronous here, it is made at once rather than in the background.
    fn use_cache(&self, key: &str, make: &mut dyn FnMut(&mut CacheScope) -> Value) -> Stored {
        let now = Instant::now();
        let mut make_and_store = || {
            let mut scope = CacheScope::default();
            let value = make(&mut scope);
            let life = self.app.config.cache_profiles.shortest(scope.profiles.iter().map(String::as_str));
            let stored = Stored { value, profiles: scope.profiles };
            self.app.cache.functions.put(key, stored.clone(), life, scope.tags, now);
            stored
        };
        match self.app.cache.functions.read(key, now) {
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
fn static_request(path: &str, params: Option<Params>, port: u16) -> RouteRequest<'static> {
    RouteRequest::new("GET".into(), path.into(), String::new(), http::HeaderMap::new(), Bytes::new(), params, port)
}

/// What `generateStaticParams` returns: a list of objects of strings (or string arrays).
fn static_params(mirror: &Mirror) -> Vec<Params> {
    let request = static_request("/", None, 0);
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

/// The path a route pattern stands for with `params` filled in.
fn fill(pattern: &[Segment], params: Option<&Params>) -> String {
    let value = |name: &str| match params.and_then(|p| p.get(name)) {
        Some(ParamValue::One(v)) => v.clone(),
        Some(ParamValue::Many(parts)) => parts.join("/"),
        None => String::new(),
    };
    let path: String = pattern
        .iter()
        .map(|segment| match segment {
            Segment::Static(s) => s.clone(),
            Segment::Dynamic(p) | Segment::CatchAll(p) | Segment::OptionalCatchAll(p) => value(p),
        })
        .filter(|s| !s.is_empty())
        .map(|s| format!("/{s}"))
        .collect();
    if path.is_empty() { "/".into() } else { path }
}

/// A prerendered handler's answer to any method but GET and HEAD: 405, `Allow: GET` and
/// `Allow: HEAD` as two fields, and the status text as a body without a content type.
fn static_method_not_allowed() -> WebResponse {
    // Not a Web `Response` (whose `Headers` would join the values): Next.js writes the fields itself.
    let mut response = WebResponse::bytes(Bytes::from_static(b"Method Not Allowed")).with_status(405);
    response.headers.extend([("allow".to_owned(), "GET".to_owned()), ("allow".to_owned(), "HEAD".to_owned())]);
    response
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fill_puts_params_into_the_pattern() {
        let pattern = vec![Segment::Static("a".into()), Segment::Dynamic("slug".into())];
        let params = Params(vec![("slug".into(), ParamValue::One("listed".into()))]);
        assert_eq!(fill(&pattern, Some(&params)), "/a/listed");
        assert_eq!(fill(&[], None), "/");
    }
}
