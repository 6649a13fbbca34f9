//! The innermost stage: the router finds the route for the path ([`Routes::resolve`]), and the
//! route's kind of [`Endpoint`] answers. [`Endpoints::serve`] hands each kind off to its module:
//! route handlers, pages and metadata files (through the handler Next.js writes around each,
//! [`crate::metadata::handler`]) go through the cache ([`crate::rendering`], which runs
//! [`crate::route_handler`] and [`crate::page`]), API routes to [`crate::pages_api`], Pages
//! Router pages to [`crate::pages_router`], which also answers their data routes
//! (`/_next/data/<buildId>/<path>.json`).

use crate::page::PageFiles;
use crate::pages_api::{self, ApiCall};
use crate::pages_router::{OnDemand, PageCall, PagesRouter, data_route};
use crate::params::Params;
use crate::project::Project;
use crate::rendering::{AppCall, AppCode, Renderer, Site};
use crate::body::WireBody;
use crate::fields::build;
use crate::route_handler;
use crate::rsc::{self, cache_busting};
use crate::routes::{Endpoint, Routes};
use crate::service::{Answer, LocalPort, OriginalUri, Refusal, Request, Service};
use http_body_util::BodyExt;
use semver::Version;

/// The app's routes with everything that answers them.
pub struct Endpoints {
    routes: Routes,
    files: PageFiles,
    project: Project,
    renderer: Renderer,
    pages: PagesRouter,
    next: Version,
}

impl Service for Endpoints {
    type Output = Result<Answer, Refusal>;

    async fn call(&self, request: Request) -> Result<Answer, Refusal> {
        if let Some(data) = data_route::parse(request.uri().path()) {
            return self.serve_data(&data, &request);
        }
        let (index, params) = self.routes.resolve(request.uri().path())?;
        if let Some(redirect) = self.rsc_redirect(index, &request) {
            return Ok(redirect);
        }
        self.serve(index, params, request).await
    }
}

impl Endpoints {
    pub fn new(routes: Routes, files: PageFiles, project: Project, renderer: Renderer, pages: PagesRouter, next: Version) -> Endpoints {
        Endpoints { routes, files, project, renderer, pages, next }
    }

    pub fn routes(&self) -> &Routes {
        &self.routes
    }

    /// Runs the background work queued while answering: regenerations and refetches.
    pub fn run_jobs(&self) {
        self.renderer.run_jobs(self.site());
        self.pages.run_jobs();
    }

    /// Whether background work is waiting.
    pub fn has_jobs(&self) -> bool {
        self.renderer.has_jobs() || self.pages.has_jobs()
    }

    /// A data route: the props of the Pages Router page it names, when it names this build.
    fn serve_data(&self, data: &data_route::DataPath, request: &Request) -> Result<Answer, Refusal> {
        if data.build_id != data_route::build_id() {
            return Err(Refusal::NotFound);
        }
        let (index, params) = self.routes.resolve(&data.page)?;
        if !matches!(self.routes.get(index).endpoint, Endpoint::PagesPage(_)) {
            return Err(Refusal::NotFound);
        }
        if let Some(redirect) = self.rsc_redirect(index, request) {
            return Ok(redirect);
        }
        let call = PageCall { method: request.method().as_str().to_owned(), path: data.page.clone(), headers: request.headers().clone(), params, data: true };
        self.pages.serve(index, call)
    }

    /// From Next.js 16, the redirect of an RSC request for any route but an API route (a page of
    /// either router, its data route, a route handler, a metadata file) whose `_rsc` does not
    /// match its router headers: to the URL the client asked for with the right one.
    fn rsc_redirect(&self, index: usize, request: &Request) -> Option<Answer> {
        if !crate::releases::redirects_rsc_requests_to_their_rsc_query(&self.next) || !rsc::is_rsc_request(request.headers()) || matches!(self.routes.get(index).endpoint, Endpoint::Api(..)) {
            return None;
        }
        let asked = request.extensions().get::<OriginalUri>().map_or(request.uri(), |o| &o.0);
        let location = cache_busting::redirect_for(request.headers(), asked)?;
        Some(build(307, vec![("location".into(), location)], None).map(WireBody::Left))
    }

    fn site(&self) -> Site<'_> {
        Site { routes: &self.routes, files: &self.files, project: &self.project }
    }

    /// Answers `request` with route `index`, whose parameters are `params`.
    async fn serve(&self, index: usize, params: Option<Params>, request: Request) -> Result<Answer, Refusal> {
        let method = request.method().as_str().to_owned();
        let path = request.uri().path().to_owned();
        let query = request.uri().query().unwrap_or_default().to_owned();
        let port = LocalPort::of(&request);
        let asked = request.extensions().get::<OriginalUri>().map(|o| (o.0.path().to_owned(), o.0.query().unwrap_or_default().to_owned()));
        let (parts, body) = request.into_parts();
        let code = match &self.routes.get(index).endpoint {
            Endpoint::Api(config, handler) => {
                let call = ApiCall { method, path, query, headers: parts.headers, body, params };
                let server = OnDemand { pages: &self.pages, routes: &self.routes };
                return Ok(pages_api::serve(config, *handler, call, &server).await);
            }
            Endpoint::PagesPage(_) => {
                let call = PageCall { method, path, headers: parts.headers, params, data: false };
                return self.pages.serve(index, call);
            }
            Endpoint::Handler(mirror) => AppCode::Handler(mirror),
            Endpoint::Page(mirror) => AppCode::Page(mirror),
            Endpoint::Metadata(file) => AppCode::Metadata(*file),
        };
        let Ok(body) = body.collect().await.map(|collected| collected.to_bytes()) else {
            return Ok(route_handler::payload_too_large());
        };
        let call = AppCall { method, path, query, headers: parts.headers, body, params, port, asked };
        self.renderer.serve(self.site(), index, code, call)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::next_config::NextConfig;
    use crate::service::Made;
    use crate::service::testing::{get, request};

    fn endpoints() -> Endpoints {
        let (root, mirrors) = (crate::default_fixture_dir(), crate::mirrors::for_app("fixture-app").unwrap());
        let script = crate::client_script::ClientScript::for_routes(["/"]);
        let (routes, files) = (Routes::load(&root, mirrors, &crate::default_next_version()).unwrap(), PageFiles::load(&root, mirrors, script).unwrap());
        let next = crate::default_next_version();
        let project = Project::load(&root);
        let renderer = Renderer::prerender(Site { routes: &routes, files: &files, project: &project }, NextConfig::read(&root).unwrap(), next.clone(), Default::default());
        let pages = PagesRouter::prerender(&routes, next.clone(), Default::default()).unwrap();
        Endpoints::new(routes, files, project, renderer, pages, next)
    }

    #[tokio::test]
    async fn each_kind_of_route_answers_and_an_unknown_path_is_refused() {
        let endpoints = endpoints();
        let made = async |request| Made::of(&endpoints.call(request).await.unwrap());
        assert!(matches!(made(get("/robots.txt")).await, Made::Handler { body: true }));
        assert_eq!(made(get("/api/query/1")).await, Made::Api);
        assert!(matches!(made(get("/route-handlers/methods/get")).await, Made::Handler { .. }));
        assert!(matches!(made(get("/")).await, Made::Page(_)));
        assert!(matches!(made(get("/pages-router/ssr/basic")).await, Made::Page(_)));
        let data = format!("/_next/data/{}/pages-router/ssr/basic.json", data_route::build_id());
        assert!(matches!(made(get(&data)).await, Made::Page(crate::service::Sent { content: crate::service::Content::Json, .. })));
        assert_eq!(endpoints.call(get("/_next/data/other-build/pages-router/ssr/basic.json")).await.err(), Some(Refusal::NotFound));
        assert_eq!(endpoints.call(request("POST", "/no/such/route")).await.err(), Some(Refusal::NotFound));
    }

    #[tokio::test]
    async fn from_16_an_rsc_request_without_its_rsc_query_is_redirected_but_not_to_an_api_route() {
        let endpoints = endpoints();
        let rsc = |path: &str| {
            let mut request = get(path);
            request.headers_mut().insert("rsc", "1".parse().unwrap());
            request
        };
        let data = format!("/_next/data/{}/pages-router/ssr/basic.json", data_route::build_id());
        for path in ["/rsc/static", "/pages-router/ssr/basic", data.as_str()] {
            let answer = endpoints.call(rsc(path)).await.unwrap();
            assert_eq!((answer.status().as_u16(), answer.headers()["location"].to_str().unwrap()), (307, format!("{path}?_rsc").as_str()), "{path}");
        }
        assert_eq!(endpoints.call(rsc("/api/query/1")).await.unwrap().status(), 200);
    }
}
