//! The route table of an app, as `next build` makes it: every route file with the kind of
//! [`Endpoint`] it is and the user code (mirror) that answers for it, and the router over their
//! URL patterns. Finding a route for a path gives its parameters, or a [`Refusal`]: no route is
//! the not-found page, a parameter that is not valid percent-encoding the malformed-path answer.

use crate::code::{ApiHandler, DataFunction, Mirror, PagesCode};
use crate::error::Error;
use crate::fixture::{self, RouteFile, RouteKind};
use crate::metadata::{self, MetadataRoute};
use crate::mirrors::MirrorSet;
use crate::pages_api::config::ApiConfig;
use crate::params::{Params, decode_component};
use crate::router::{Router, Segment};
use crate::service::Refusal;
use semver::Version;
use std::path::Path;

/// The route of the built-in not-found page, which every app router build has.
const NOT_FOUND_ROUTE: &str = "/_not-found";

/// What answers a route, by kind.
pub enum Endpoint {
    /// `route.js`, with the mirror of its module.
    Handler(&'static Mirror),
    /// `page.js`, with the mirror of its module.
    Page(&'static Mirror),
    /// A Pages Router API route: its `config` and its handler.
    Api(ApiConfig, ApiHandler),
    /// A metadata file: its index in [`Routes::metadata`].
    Metadata(usize),
    /// A Pages Router page, with its code.
    PagesPage(PagesCode),
}

pub struct Route {
    pub file: RouteFile,
    pub endpoint: Endpoint,
}

pub struct Routes {
    routes: Vec<Route>,
    router: Router,
    /// The app's metadata files, which also give pages their head tags.
    metadata: Vec<MetadataRoute>,
}

impl Routes {
    /// The routes of the app at `root` as Next.js `next` builds them, each with its mirror from
    /// `mirrors`.
    pub fn load(root: &Path, mirrors: &'static MirrorSet, next: &Version) -> Result<Routes, Error> {
        let mut routes = Routes { routes: Vec::new(), router: Router::default(), metadata: Vec::new() };
        for (index, file) in fixture::scan(root, next)?.into_iter().enumerate() {
            routes.router.insert(&file.pattern, index).map_err(|message| Error::Route { file: file.file.clone(), message })?;
            let endpoint = routes.endpoint_of(root, &file, mirrors, next)?;
            routes.routes.push(Route { file, endpoint });
        }
        Ok(routes)
    }

    fn endpoint_of(&mut self, root: &Path, file: &RouteFile, mirrors: &'static MirrorSet, next: &Version) -> Result<Endpoint, Error> {
        let no_mirror = || Error::NoMirror { file: file.file.clone() };
        Ok(match file.kind {
            RouteKind::Api => {
                let config = ApiConfig::read(&file.exports).map_err(|message| Error::Route { file: file.file.clone(), message })?;
                Endpoint::Api(config, mirrors.find_api(&file.file).ok_or_else(no_mirror)?.handle)
            }
            RouteKind::Handler => Endpoint::Handler(mirrors.find(&file.file).ok_or_else(no_mirror)?),
            RouteKind::Page => Endpoint::Page(mirrors.find(&file.file).ok_or_else(no_mirror)?),
            RouteKind::PagesPage => {
                let code = mirrors.find_pages(&file.file).ok_or_else(no_mirror)?.handle;
                check_pages_exports(&code, &file.exports.names).map_err(|message| Error::Route { file: file.file.clone(), message })?;
                Endpoint::PagesPage(code)
            }
            RouteKind::Metadata => {
                let code = mirrors.find_metadata(&file.file).map(|m| m.handle);
                let id = |s: &&Segment| matches!(s, Segment::Dynamic(p) if p == metadata::ID_PARAM);
                let url: String = file.pattern.iter().filter(|s| !id(s)).map(|s| format!("/{s}")).collect();
                self.metadata.push(MetadataRoute::load(root, &file.file, url, &file.exports, code, next)?);
                Endpoint::Metadata(self.metadata.len() - 1)
            }
        })
    }

    /// The route at `index` (as [`Routes::resolve`] gives it).
    pub fn get(&self, index: usize) -> &Route {
        &self.routes[index]
    }

    pub fn iter(&self) -> impl Iterator<Item = &Route> {
        self.routes.iter()
    }

    pub fn metadata(&self) -> &[MetadataRoute] {
        &self.metadata
    }

    /// The route for `path` (the raw request path) and its decoded parameters.
    pub fn resolve(&self, path: &str) -> Result<(usize, Option<Params>), Refusal> {
        let Some(matched) = self.router.find(path) else {
            return Err(self.unrouted(path));
        };
        let params = matched.params().map_err(|_| Refusal::MalformedPath)?;
        Ok((matched.route, params))
    }

    /// Why no route matches `path`. Next.js's router server looks a path up among the build's
    /// static routes (and its own `/_not-found` page) decoded too, and hands it to the route it
    /// names; the route, matching the path as sent, then finds none of its own.
    fn unrouted(&self, path: &str) -> Refusal {
        let decoded = decode_component(path);
        let static_route = decoded.as_deref().is_some_and(|d| d == NOT_FOUND_ROUTE || self.router.find(d).is_some_and(|m| !m.is_dynamic()));
        if static_route { Refusal::NotFoundRoute } else { Refusal::NotFound }
    }
}

/// Whether a Pages Router page's mirror has the data functions the file exports.
fn check_pages_exports(code: &PagesCode, names: &[String]) -> Result<(), String> {
    let exports = |name: &str| names.iter().any(|n| n == name);
    if !exports("default") {
        return Err("a page needs a default export".into());
    }
    let data = code.data.export_name();
    let other = match code.data {
        DataFunction::StaticProps(_) => "getServerSideProps",
        DataFunction::ServerSideProps(_) => "getStaticProps",
    };
    if !exports(data) || exports(other) {
        return Err(format!("the mirror has {data}, the page exports {}", if exports(other) { other } else { "neither" }));
    }
    if code.get_static_paths.is_some() != exports("getStaticPaths") {
        return Err("the mirror and the page disagree on getStaticPaths".into());
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn resolves_paths_to_routes_or_refusals() {
        let routes = Routes::load(&crate::default_fixture_dir(), crate::mirrors::for_app("fixture-app").unwrap(), &crate::default_next_version()).unwrap();
        let (index, params) = routes.resolve("/api/query/42").unwrap();
        assert_eq!(routes.get(index).file.file, "pages/api/query/[id].js");
        assert_eq!(params.unwrap().get("id"), Some(&crate::params::ParamValue::One("42".into())));
        assert_eq!(routes.resolve("/no/such/route").err(), Some(Refusal::NotFound));
        assert_eq!(routes.resolve("/api/query/%zz").err(), Some(Refusal::MalformedPath));
    }

    #[test]
    fn a_static_route_found_only_once_decoded_is_the_not_found_route() {
        let routes = Routes::load(&crate::default_fixture_dir(), crate::mirrors::for_app("fixture-app").unwrap(), &crate::default_next_version()).unwrap();
        assert_eq!(routes.resolve("/%72sc/static").err(), Some(Refusal::NotFoundRoute));
        assert_eq!(routes.resolve("/route-handlers%2Fmethods/throws").err(), Some(Refusal::NotFoundRoute));
        assert_eq!(routes.resolve("/_not-found").err(), Some(Refusal::NotFoundRoute));
        assert_eq!(routes.resolve("/p%61th-params/page/abc").err(), Some(Refusal::NotFound), "a dynamic route is matched as sent only");
        assert_eq!(routes.resolve("/%72sc/nope").err(), Some(Refusal::NotFound));
    }
}
