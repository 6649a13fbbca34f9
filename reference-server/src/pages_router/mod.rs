//! Pages Router pages (`pages/**` outside `pages/api`), the route kind with its own caching, as
//! `next start` serves them.
//!
//! - A `getStaticProps` page is prerendered when the app loads (every path `getStaticPaths`
//!   lists), kept in the cache ([`entry`]) and answered from it: `x-nextjs-cache: HIT`, or
//!   `STALE` past its `revalidate` period while it is regenerated in the background (a failed
//!   regeneration keeps the last render). A path getStaticPaths does not list follows its
//!   `fallback`: the not-found page (`false`), rendered on its first request and stored
//!   (`'blocking'`), or (`true`) the page rendered as a fallback until its data route (or a
//!   [crawler](crawler::is_crawler)) asks for it. Other methods than GET and HEAD get 405.
//! - A `getServerSideProps` page is rendered for every request, with
//!   `Cache-Control: private, no-cache, no-store, max-age=0, must-revalidate` unless it sets one.
//! - A request in a preview or draft mode session ([`crate::preview_data`]) renders a
//!   getStaticProps page for itself and stores nothing; stale preview cookies are expired.
//! - `notFound` is the not-found page and `redirect` a 307/308; [`data_route`]s answer the props
//!   as JSON ([`document`]), `notFound` and `redirect` as JSON the client router reads.
//! - `res.revalidate(path)` renders a path again at once ([`PagesRouter::revalidate`]).
//! - Asked for over RSC (`RSC: 1`), a page or data route answers as ever, but varies on the
//!   client router's headers.

pub mod answer;
pub mod crawler;
pub mod data;
pub mod data_route;
pub mod document;
pub mod entry;

use crate::cache::headers::{CacheState, NO_STORE};
use crate::cache::store::{Lookup, Store};
use crate::clock::Clock;
use crate::code::{DataFunction, PagesCode};
use crate::error::Error;
use crate::pages_api::revalidate::Revalidate;
use crate::params::Params;
use crate::preview_data::Session;
use crate::router::{Segment, fill};
use crate::rsc;
use crate::routes::{Endpoint, Route, Routes};
use crate::service::{Answer, Content, Payload, Refusal};
use crate::web::Thrown;
use answer::Fields;
use data::{Fallback, Phase, PropsContext, PropsResult};
use document::{Made, Render};
use entry::{Entry, Outcome};
use semver::Version;
use serde_json::{Value, json};
use std::sync::Mutex;
use std::time::Duration;

/// What the build decided for one page.
struct PagePlan {
    code: PagesCode,
    /// The page's route as Next.js names it (`/blog/[slug]`): `page` of `__NEXT_DATA__`, and
    /// `x-nextjs-matched-path` of its data route.
    page: String,
    /// For a getStaticProps page with dynamic segments: the `fallback` of getStaticPaths, for
    /// the paths it does not list (those it lists are prerendered).
    fallback: Option<Fallback>,
}

/// One request for a page, or for its data route.
pub struct PageCall {
    pub method: String,
    /// The page's path (for a data route, the page it is for).
    pub path: String,
    pub headers: http::HeaderMap,
    pub params: Option<Params>,
    /// Whether it came through the data route.
    pub data: bool,
}

/// A stale path to render again once the answer is out.
struct Regeneration {
    route: usize,
    path: String,
    params: Option<Params>,
    previous: Entry,
}

/// The app's Pages Router pages: what the build decided for each, and the cache of
/// getStaticProps renders.
pub struct PagesRouter {
    /// By route index; `None` for routes of other kinds.
    plans: Vec<Option<PagePlan>>,
    entries: Store<Entry>,
    jobs: Mutex<Vec<Regeneration>>,
    next: Version,
    /// The time the cache and the pages' code read.
    clock: Clock,
}

impl PagesRouter {
    /// `next build` for the Pages Router: plans every page and prerenders the paths of
    /// getStaticProps pages. A page whose prerender throws or redirects fails the build.
    pub fn prerender(routes: &Routes, next: Version, clock: Clock) -> Result<PagesRouter, Error> {
        let mut router = PagesRouter { plans: Vec::new(), entries: Store::default(), jobs: Mutex::default(), next, clock };
        for route in routes.iter() {
            let plan = match route.endpoint {
                Endpoint::PagesPage(code) => Some(router.build(route, code)?),
                _ => None,
            };
            router.plans.push(plan);
        }
        Ok(router)
    }

    /// Plans one page and stores the prerender of each path it lists.
    fn build(&self, route: &Route, code: PagesCode) -> Result<PagePlan, Error> {
        let page: String = route.file.pattern.iter().map(|s| format!("/{s}")).collect();
        let mut plan = PagePlan { code, page: if page.is_empty() { "/".into() } else { page }, fallback: None };
        let DataFunction::StaticProps(_) = code.data else { return Ok(plan) };
        let fail = |message: String| Error::Route { file: route.file.file.clone(), message };
        let dynamic = route.file.pattern.iter().any(|s| !matches!(s, Segment::Static(_)));
        let params_list = match (dynamic, code.get_static_paths) {
            (false, _) => vec![None],
            (true, Some(paths)) => {
                let paths = paths();
                plan.fallback = Some(paths.fallback);
                paths.paths.into_iter().map(Some).collect()
            }
            (true, None) => return Err(fail("getStaticProps on a dynamic page needs getStaticPaths".into())),
        };
        let now = self.clock.now();
        for params in params_list {
            let path = fill(&route.file.pattern, params.as_ref());
            match self.render(&plan, params.as_ref(), Phase::Build, false) {
                Ok(entry) if matches!(entry.outcome, Outcome::Redirect { .. }) => {
                    return Err(fail(format!("`redirect` can not be returned from getStaticProps during prerendering ({path})")));
                }
                Ok(entry) => self.store(&path, entry, now),
                Err(Thrown(message)) => return Err(fail(format!("prerendering {path} failed: {message}"))),
            }
        }
        Ok(plan)
    }

    /// Answers a request for the page of route `index`.
    pub fn serve(&self, index: usize, call: PageCall) -> Result<Answer, Refusal> {
        let Some(Some(plan)) = self.plans.get(index) else { return Err(Refusal::NotFound) };
        let session = Session::of(&call.headers);
        // A prerendered page refuses other methods before it reads the preview cookies.
        if matches!(plan.code.data, DataFunction::StaticProps(_)) && call.method != "GET" && call.method != "HEAD" {
            return Ok(answer::method_not_allowed());
        }
        let mut answer = match (plan.code.data, session.clone()) {
            (DataFunction::ServerSideProps(props), Session::Active(data)) => self.per_request(plan, props, &call, Some(&data)),
            (DataFunction::ServerSideProps(props), _) => self.per_request(plan, props, &call, None),
            (DataFunction::StaticProps(props), Session::Active(data)) => self.per_request(plan, props, &call, Some(&data)),
            (DataFunction::StaticProps(_), _) => self.cached(index, plan, &call),
        }?;
        let clearing = crate::fields::valid(&session.clearing_lines().into_iter().map(|l| ("set-cookie".to_owned(), l)).collect::<Vec<_>>());
        crate::fields::prepend(answer.headers_mut(), clearing);
        Ok(if rsc::is_rsc_request(&call.headers) { answer::varied_for_the_router(answer) } else { answer })
    }

    /// A page rendered for this request: getServerSideProps, or getStaticProps in a preview
    /// session (`preview_data`), which says `x-nextjs-cache: HIT` though nothing is cached.
    fn per_request(
        &self,
        plan: &PagePlan,
        props: fn(&PropsContext) -> Result<PropsResult, Thrown>,
        call: &PageCall,
        preview_data: Option<&Value>,
    ) -> Result<Answer, Refusal> {
        let context = PropsContext::new(call.params.as_ref(), Phase::Server, preview_data, self.clock.clone());
        let result = props(&context).map_err(|_| Refusal::Internal)?;
        let made = made_by(plan);
        let mut fields: Fields = context.res.lines();
        if made == Made::StaticProps {
            fields.insert(0, ("x-nextjs-cache".into(), CacheState::Hit.as_str().into()));
        }
        if !fields.iter().any(|(n, _)| n == "cache-control") {
            fields.push(("cache-control".into(), NO_STORE.into()));
        }
        match result {
            PropsResult::Props { props, .. } => {
                let render = self.render_of(plan, &props, made, preview_data.is_some(), call.params.as_ref(), true);
                Ok(self.page_answer(plan, &render, call, fields, Payload::Whole))
            }
            PropsResult::NotFound if call.data => Ok(answer::not_found_data(data_fields(plan, fields))),
            PropsResult::NotFound => Err(Refusal::NotFoundAfter(fields)),
            PropsResult::Redirect { destination, permanent } => Ok(redirect_answer(plan, call, fields, &destination, permanent)),
        }
    }

    /// A getStaticProps page from the cache, rendered and stored when missing.
    fn cached(&self, index: usize, plan: &PagePlan, call: &PageCall) -> Result<Answer, Refusal> {
        let (entry, state) = match self.entries.get(&call.path, self.clock.now()) {
            Lookup::Fresh(entry) => (entry, CacheState::Hit),
            Lookup::Stale { value, refresh } => {
                if refresh {
                    let job = Regeneration { route: index, path: call.path.clone(), params: call.params.clone(), previous: value.clone() };
                    self.jobs.lock().unwrap_or_else(|p| p.into_inner()).push(job);
                }
                (value, CacheState::Stale)
            }
            Lookup::Missing => match plan.fallback {
                Some(Fallback::False) if call.data => return Err(Refusal::NotFoundAfter(data_fields(plan, Vec::new()))),
                Some(Fallback::False) => return Err(Refusal::NotFound),
                Some(Fallback::True) if !call.data && !crawler(&call.headers) => return Ok(self.fallback_page(plan)),
                _ => {
                    let entry = self.render(plan, call.params.as_ref(), Phase::Server, true).map_err(|_| Refusal::Internal)?;
                    self.store(&call.path, entry.clone(), self.clock.now());
                    (entry, CacheState::Miss)
                }
            },
        };
        let fields = vec![("x-nextjs-cache".into(), state.as_str().into()), ("cache-control".into(), entry.cache_control(&self.next))];
        match entry.outcome {
            Outcome::Page { props, html } => {
                if call.data {
                    let render = self.render_of(plan, &props, Made::StaticProps, false, call.params.as_ref(), true);
                    let json = document::data_json(&render);
                    return Ok(answer::rendered(data_fields(plan, fields), json, Content::Json, Payload::Cached));
                }
                Ok(answer::rendered(fields, html, Content::Html, Payload::Cached))
            }
            Outcome::NotFound if call.data => Ok(answer::not_found_data(data_fields(plan, fields))),
            Outcome::NotFound => Err(Refusal::NotFoundAfter(fields)),
            Outcome::Redirect { destination, permanent } => Ok(redirect_answer(plan, call, fields, &destination, permanent)),
        }
    }

    /// The page rendered as a fallback (`router.isFallback`, no props), as the build made it.
    fn fallback_page(&self, plan: &PagePlan) -> Answer {
        let props = json!({});
        let render = Render { query: json!({}), is_fallback: true, ..self.render_of(plan, &props, Made::StaticProps, false, None, false) };
        let html = document::html(&render, &(plan.code.render)(&props, true));
        let fields = vec![("x-nextjs-cache".into(), CacheState::Miss.as_str().into()), ("cache-control".into(), NO_STORE.into())];
        answer::rendered(fields, html, Content::Html, Payload::Whole)
    }

    fn page_answer(&self, plan: &PagePlan, render: &Render, call: &PageCall, fields: Fields, payload: Payload) -> Answer {
        if call.data {
            return answer::rendered(data_fields(plan, fields), document::data_json(render), Content::Json, payload);
        }
        let html = document::html(render, &(plan.code.render)(render.props, false));
        answer::rendered(fields, html, Content::Html, payload)
    }

    fn render_of<'a>(&self, plan: &'a PagePlan, props: &'a Value, made: Made, preview: bool, params: Option<&Params>, at_runtime: bool) -> Render<'a> {
        Render {
            props,
            made,
            preview,
            page: &plan.page,
            query: params.map_or_else(|| json!({}), Params::to_json),
            build_id: data_route::build_id(),
            is_fallback: false,
            at_runtime,
        }
    }

    /// Runs getStaticProps for one path and makes the entry the cache keeps.
    fn render(&self, plan: &PagePlan, params: Option<&Params>, phase: Phase, at_runtime: bool) -> Result<Entry, Thrown> {
        let DataFunction::StaticProps(props) = plan.code.data else { return Err(Thrown("not a getStaticProps page".into())) };
        Ok(match props(&PropsContext::new(params, phase, None, self.clock.clone()))? {
            PropsResult::Props { props, revalidate } => {
                let render = self.render_of(plan, &props, Made::StaticProps, false, params, at_runtime);
                let html = document::html(&render, &(plan.code.render)(&props, false));
                Entry::new(Outcome::Page { props, html }, revalidate)
            }
            PropsResult::NotFound => Entry::new(Outcome::NotFound, None),
            PropsResult::Redirect { destination, permanent } => Entry::new(Outcome::Redirect { destination, permanent }, None),
        })
    }

    fn store(&self, path: &str, entry: Entry, now: std::time::Instant) {
        let revalidate = entry.revalidate.map(Duration::from_secs);
        self.entries.put(path, entry, revalidate, vec![], now);
    }

    /// Renders the stale paths queued while answering; a failed render keeps the last entry.
    pub fn run_jobs(&self) {
        let jobs = std::mem::take(&mut *self.jobs.lock().unwrap_or_else(|p| p.into_inner()));
        for job in jobs {
            let Some(Some(plan)) = self.plans.get(job.route) else { continue };
            let entry = self.render(plan, job.params.as_ref(), Phase::Server, true).unwrap_or_else(|_| job.previous.retained());
            self.store(&job.path, entry, self.clock.now());
        }
    }

    pub fn has_jobs(&self) -> bool {
        !self.jobs.lock().unwrap_or_else(|p| p.into_inner()).is_empty()
    }

    /// `res.revalidate(path)`: renders the path of a getStaticProps page again now and stores
    /// it. A path getStaticPaths does not list fails with `NoFallbackError` (fallback: false) or
    /// stays unstored (fallback: true, whose render is the fallback page); a render that throws
    /// keeps the last entry and fails with the 500 it answered. Any other path is not a page to
    /// render, and resolves.
    pub fn revalidate(&self, routes: &Routes, path: &str) -> Result<(), String> {
        let Ok((index, params)) = routes.resolve(path) else { return Ok(()) };
        let Some(Some(plan)) = self.plans.get(index) else { return Ok(()) };
        if let DataFunction::ServerSideProps(_) = plan.code.data {
            return Ok(());
        }
        let previous = match self.entries.get(path, self.clock.now()) {
            Lookup::Fresh(entry) | Lookup::Stale { value: entry, .. } => Some(entry),
            Lookup::Missing => None,
        };
        match (&previous, plan.fallback) {
            (None, Some(Fallback::False)) => return Err("Internal: NoFallbackError".into()),
            (None, Some(Fallback::True)) => return Ok(()),
            _ => {}
        }
        match self.render(plan, params.as_ref(), Phase::Server, true) {
            Ok(entry) => {
                self.store(path, entry, self.clock.now());
                Ok(())
            }
            Err(_) => {
                if let Some(previous) = previous {
                    self.store(path, previous.retained(), self.clock.now());
                }
                Err("Invalid response 500".into())
            }
        }
    }
}

/// `res.revalidate` of the app's API routes, rendering its pages again.
pub struct OnDemand<'a> {
    pub pages: &'a PagesRouter,
    pub routes: &'a Routes,
}

impl Revalidate for OnDemand<'_> {
    fn revalidate(&self, path: &str) -> Result<(), String> {
        self.pages.revalidate(self.routes, path)
    }
}

fn made_by(plan: &PagePlan) -> Made {
    match plan.code.data {
        DataFunction::StaticProps(_) => Made::StaticProps,
        DataFunction::ServerSideProps(_) => Made::ServerSideProps,
    }
}

/// The fields of a data route's answer: `x-nextjs-matched-path` first.
fn data_fields(plan: &PagePlan, fields: Fields) -> Fields {
    let mut out = vec![("x-nextjs-matched-path".to_owned(), plan.page.clone())];
    out.extend(fields);
    out
}

/// A `redirect` result: 307/308 for the page, JSON naming it for the data route.
fn redirect_answer(plan: &PagePlan, call: &PageCall, fields: Fields, destination: &str, permanent: bool) -> Answer {
    if call.data {
        let marker = match made_by(plan) {
            Made::StaticProps => "__N_SSG",
            Made::ServerSideProps => "__N_SSP",
        };
        return answer::redirect_data(data_fields(plan, fields), destination, permanent, marker);
    }
    answer::redirect(fields, destination, permanent)
}

fn crawler(headers: &http::HeaderMap) -> bool {
    headers.get(http::header::USER_AGENT).and_then(|v| v.to_str().ok()).is_some_and(crawler::is_crawler)
}
