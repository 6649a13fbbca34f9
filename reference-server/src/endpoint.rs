//! The innermost stage: the router finds the route for the path ([`Routes::resolve`]), and the
//! route's kind of [`Endpoint`] answers. [`Endpoints::serve`] hands each kind off to its module:
//! route handlers, pages and metadata files (through the handler Next.js writes around each,
//! [`crate::metadata::handler`]) go through the cache ([`crate::rendering`], which runs
//! [`crate::route_handler`] and [`crate::page`]), API routes to [`crate::pages_api`].

use crate::page::PageFiles;
use crate::pages_api::{self, ApiCall};
use crate::params::Params;
use crate::project::Project;
use crate::rendering::{AppCall, AppCode, Renderer, Site};
use crate::route_handler;
use crate::routes::{Endpoint, Routes};
use crate::service::{Answer, LocalPort, Refusal, Request, Service};
use http_body_util::BodyExt;

/// The app's routes with everything that answers them.
pub struct Endpoints {
    routes: Routes,
    files: PageFiles,
    project: Project,
    renderer: Renderer,
}

impl Service for Endpoints {
    type Output = Result<Answer, Refusal>;

    async fn call(&self, request: Request) -> Result<Answer, Refusal> {
        let (index, params) = self.routes.resolve(request.uri().path())?;
        self.serve(index, params, request).await
    }
}

impl Endpoints {
    pub fn new(routes: Routes, files: PageFiles, project: Project, renderer: Renderer) -> Endpoints {
        Endpoints { routes, files, project, renderer }
    }

    pub fn routes(&self) -> &Routes {
        &self.routes
    }

    /// Runs the background work queued while answering: regenerations and refetches.
    pub fn run_jobs(&self) {
        self.renderer.run_jobs(self.site());
    }

    /// Whether background work is waiting.
    pub fn has_jobs(&self) -> bool {
        self.renderer.has_jobs()
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
        let (parts, body) = request.into_parts();
        let code = match &self.routes.get(index).endpoint {
            Endpoint::Api(config, handler) => {
                let call = ApiCall { method, query, headers: parts.headers, body, params };
                return Ok(pages_api::serve(config, *handler, call).await);
            }
            Endpoint::Handler(mirror) => AppCode::Handler(mirror),
            Endpoint::Page(mirror) => AppCode::Page(mirror),
            Endpoint::Metadata(file) => AppCode::Metadata(*file),
        };
        let Ok(body) = body.collect().await.map(|collected| collected.to_bytes()) else {
            return Ok(route_handler::payload_too_large());
        };
        let call = AppCall { method, path, query, headers: parts.headers, body, params, port };
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
        let renderer = Renderer::prerender(Site { routes: &routes, files: &files, project: &project }, NextConfig::read(&root).unwrap(), next.clone());
        Endpoints::new(routes, files, project, renderer)
    }

    #[tokio::test]
    async fn each_kind_of_route_answers_and_an_unknown_path_is_refused() {
        let endpoints = endpoints();
        let made = async |request| Made::of(&endpoints.call(request).await.unwrap());
        assert!(matches!(made(get("/robots.txt")).await, Made::Handler { body: true }));
        assert_eq!(made(get("/api/query/1")).await, Made::Api);
        assert!(matches!(made(get("/route-handlers/methods/get")).await, Made::Handler { .. }));
        assert!(matches!(made(get("/")).await, Made::Page(_)));
        assert_eq!(endpoints.call(request("POST", "/no/such/route")).await.err(), Some(Refusal::NotFound));
    }
}
