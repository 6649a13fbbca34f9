//! What fuzzing may ask each fixture app, read from the app the way the reference server reads
//! it: every route file's URL pattern ([`reference_server::scan_routes`]), every file of
//! `public/`, every path the cases request of the app (the proxy's branches and the parameter
//! values a route prerenders are written nowhere else), and a path no route serves. Routes whose
//! handlers change the server's state are left out (see [`mutation`]).

use super::mutation::{self, Mutation};
use reference_server::{RouteKind, Router, Segment};
use std::path::Path;

/// The request space of the apps both servers serve.
#[derive(Debug, Clone)]
pub struct Space {
    pub apps: Vec<AppSpace>,
}

/// One app's targets, and the routes left out with why.
#[derive(Debug, Clone)]
pub struct AppSpace {
    pub app: String,
    pub targets: Vec<Target>,
    pub left_out: Vec<(String, Mutation)>,
}

/// Where a generated request goes, before its parameters and variants are chosen.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Target {
    pub app: String,
    /// What answers it, for grouping differences.
    pub kind: TargetKind,
    pub path: TargetPath,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum TargetPath {
    /// A route's URL pattern: its parameters are generated.
    Pattern(Vec<Segment>),
    /// A path as written, with its query (a public file, a path a case requests).
    Fixed { path: String, query: Option<String> },
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum TargetKind {
    RouteHandler,
    Page,
    PagesPage,
    ApiRoute,
    Metadata,
    PublicFile,
    /// A path no route serves, or one only the proxy answers.
    Unrouted,
}

impl TargetKind {
    pub fn name(self) -> &'static str {
        match self {
            TargetKind::RouteHandler => "route handler",
            TargetKind::Page => "page",
            TargetKind::PagesPage => "Pages Router page",
            TargetKind::ApiRoute => "API route",
            TargetKind::Metadata => "metadata file",
            TargetKind::PublicFile => "public file",
            TargetKind::Unrouted => "no route",
        }
    }

    /// The capability a case about such a target needs, if any.
    pub fn capability(self) -> Option<&'static str> {
        match self {
            TargetKind::RouteHandler | TargetKind::Page | TargetKind::Metadata => Some("app-router"),
            TargetKind::ApiRoute | TargetKind::PagesPage => Some("pages-router"),
            TargetKind::PublicFile | TargetKind::Unrouted => None,
        }
    }

    fn of(kind: RouteKind) -> TargetKind {
        match kind {
            RouteKind::Handler => TargetKind::RouteHandler,
            RouteKind::Page => TargetKind::Page,
            RouteKind::PagesPage => TargetKind::PagesPage,
            RouteKind::Api => TargetKind::ApiRoute,
            RouteKind::Metadata => TargetKind::Metadata,
        }
    }
}

/// The path of a request that no route serves.
pub const UNROUTED: &str = "/no-such-route";

impl Space {
    /// The space of each app in `apps` as Next.js `next` routes it, with the paths `cases`
    /// request of it.
    pub fn read(apps: &[String], cases: &[spec::Case], next: &semver::Version) -> Result<Space, String> {
        let apps = apps.iter().map(|app| AppSpace::read(app, &crate::bundle::app_dir(app)?, cases, next)).collect::<Result<_, _>>()?;
        Ok(Space { apps })
    }

    pub fn targets(&self) -> Vec<Target> {
        self.apps.iter().flat_map(|a| a.targets.iter().cloned()).collect()
    }
}

impl AppSpace {
    /// Reads the app at `root`, as Next.js `next` routes it.
    pub fn read(app: &str, root: &Path, cases: &[spec::Case], next: &semver::Version) -> Result<AppSpace, String> {
        let routes = reference_server::scan_routes(root, next).map_err(|e| format!("{app}: {e}"))?;
        let mut router = Router::default();
        let mut targets = Vec::new();
        let mut left_out = Vec::new();
        let mut mutating = Vec::new();
        for (index, route) in routes.iter().enumerate() {
            // A route Next.js would refuse to build is no target; the reference server says why.
            let _ = router.insert(&route.pattern, index);
            let source = std::fs::read_to_string(root.join(&route.file)).unwrap_or_default();
            match mutation::of(&source) {
                Some(mutation) => {
                    left_out.push((route.file.clone(), mutation));
                    mutating.push(index);
                }
                None => targets.push(Target { app: app.to_owned(), kind: TargetKind::of(route.kind), path: TargetPath::Pattern(route.pattern.clone()) }),
            }
        }
        for file in public_files(&root.join("public")) {
            targets.push(Target { app: app.to_owned(), kind: TargetKind::PublicFile, path: TargetPath::Fixed { path: file, query: None } });
        }
        for (path, query) in requested_paths(app, cases) {
            let route = router.find(&path).map(|m| m.route);
            if route.is_some_and(|r| mutating.contains(&r)) {
                continue;
            }
            let kind = route.map_or(TargetKind::Unrouted, |r| TargetKind::of(routes[r].kind));
            let target = Target { app: app.to_owned(), kind, path: TargetPath::Fixed { path, query } };
            if !targets.contains(&target) {
                targets.push(target);
            }
        }
        targets.push(Target { app: app.to_owned(), kind: TargetKind::Unrouted, path: TargetPath::Fixed { path: UNROUTED.into(), query: None } });
        Ok(AppSpace { app: app.to_owned(), targets, left_out })
    }
}

/// Every file below `public/`, as the URL path it is served at, in a stable order.
fn public_files(dir: &Path) -> Vec<String> {
    let mut found = Vec::new();
    let mut pending = vec![(dir.to_owned(), String::new())];
    while let Some((dir, prefix)) = pending.pop() {
        let Ok(entries) = std::fs::read_dir(&dir) else { continue };
        for entry in entries.flatten() {
            let name = entry.file_name().to_string_lossy().into_owned();
            let url = format!("{prefix}/{name}");
            if entry.path().is_dir() {
                pending.push((entry.path(), url));
            } else {
                found.push(url);
            }
        }
    }
    found.sort();
    found
}

/// The paths (and queries) the steps of `cases` request of `app`, without those that need a
/// value captured from an earlier answer, sorted and each once.
fn requested_paths(app: &str, cases: &[spec::Case]) -> Vec<(String, Option<String>)> {
    let mut paths: Vec<(String, Option<String>)> = cases
        .iter()
        .filter(|case| case.app == app)
        .flat_map(|case| &case.steps)
        .map(|step| &step.request.path)
        .filter(|path| !path.contains("{{"))
        .map(|path| match path.split_once('?') {
            Some((path, query)) => (path.to_owned(), Some(query.to_owned())),
            None => (path.clone(), None),
        })
        .collect();
    paths.sort();
    paths.dedup();
    paths
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fixture_space() -> AppSpace {
        let cases = spec::load_dir(&crate::default_cases_dir()).expect("the bundled cases load");
        AppSpace::read(spec::case::DEFAULT_APP, &reference_server::default_fixture_dir(), &cases, &reference_server::default_next_version()).expect("fixture-app reads")
    }

    #[test]
    fn the_fixture_app_gives_routes_files_requested_paths_and_an_unrouted_path() {
        let space = fixture_space();
        let has = |kind: TargetKind| space.targets.iter().any(|t| t.kind == kind);
        for kind in [TargetKind::RouteHandler, TargetKind::Page, TargetKind::ApiRoute, TargetKind::Metadata, TargetKind::PublicFile, TargetKind::Unrouted] {
            assert!(has(kind), "no {} target", kind.name());
        }
        let team = TargetPath::Pattern(vec![
            Segment::Static("route-handlers".into()),
            Segment::Static("params".into()),
            Segment::Static("team".into()),
            Segment::Dynamic("team".into()),
        ]);
        assert!(space.targets.iter().any(|t| t.path == team), "the [team] route is a target");
        let fixed = |p: &str| space.targets.iter().any(|t| matches!(&t.path, TargetPath::Fixed { path, .. } if path == p));
        assert!(fixed("/static-files/hello.txt"), "a public file is a target");
        assert!(fixed("/proxy/rewrite"), "a path only a case names (a branch of the proxy) is a target");
    }

    #[test]
    fn routes_that_change_the_servers_state_are_left_out_with_the_paths_that_reach_them() {
        let space = fixture_space();
        let left_out: Vec<&str> = space.left_out.iter().map(|(file, _)| file.as_str()).collect();
        assert!(left_out.contains(&"app/fetch-cache/revalidate-path/route.js"), "{left_out:?}");
        assert!(left_out.contains(&"pages/api/res/revalidate.js"), "{left_out:?}");
        let reaches = |p: &str| space.targets.iter().any(|t| matches!(&t.path, TargetPath::Fixed { path, .. } if path.starts_with(p)));
        assert!(!reaches("/fetch-cache/revalidate-path"), "a case's path to a left-out route is left out too");
        assert!(!reaches("/api/res/revalidate"));
    }
}
