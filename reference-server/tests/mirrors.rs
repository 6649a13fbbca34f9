//! The fixture app and its Rust mirrors cover each other exactly.

use reference_server::{
    APPS, ApiRequest, ApiResponse, App, Conditional, Config, DataFunction, FallbackFiles, HTTP_METHODS, Handled, MetadataCode,
    MirrorSet, Phase, PropsContext, ProxyFile, RouteFile, RouteKind, RouteRequest, Wrappers, app_dir, default_fixture_dir,
    default_next_version, scan_routes,
};
use std::path::Path;

fn sample_request(method: &str) -> RouteRequest<'static> {
    RouteRequest::new(method.into(), "/".into(), String::new(), http::HeaderMap::new(), bytes::Bytes::from_static(b"{}"), None, 3000, Default::default())
}

#[test]
fn every_fixture_route_has_a_mirror() {
    let app = App::load(&Config::default()).unwrap_or_else(|e| panic!("{e}"));
    assert!(app.route_files().count() >= 20);
    assert!(app.route_files().filter(|r| r.kind == RouteKind::Api).count() >= 25);
    for set in APPS {
        let app = App::load(&Config::for_app(set.app, default_next_version())).unwrap_or_else(|e| panic!("{}: {e}", set.app));
        assert!(app.route_files().count() >= 2, "{}", set.app);
    }
}

#[test]
fn every_app_folder_has_mirrors() {
    let folders = std::fs::read_dir(app_dir("fixture-app").join("../fixture-apps")).unwrap();
    for folder in folders {
        let name = folder.unwrap().file_name().into_string().unwrap();
        assert!(APPS.iter().any(|set| set.app == name), "fixture-apps/{name} has no mirror set in APPS");
    }
    assert!(App::load(&Config::for_app("no-such-app", default_next_version())).is_err());
}

#[test]
fn every_mirror_has_a_fixture_route() {
    for set in APPS {
        let root = app_dir(set.app);
        let mut files: Vec<String> = scan_routes(&root).unwrap().into_iter().map(|r| r.file).collect();
        files.extend(ProxyFile::find(&root).unwrap().map(|p| p.file));
        files.extend(FallbackFiles::find(&root));
        files.extend(Wrappers::find(&root));
        let orphans: Vec<&str> = set.files().filter(|f| !files.iter().any(|x| x == f)).collect();
        assert!(orphans.is_empty(), "{}: mirrors without a fixture route: {orphans:?}", set.app);
    }
}

#[test]
fn every_export_is_mirrored() {
    for set in APPS {
        check_exports(set);
    }
}

fn check_exports(set: &MirrorSet) {
    for route in scan_routes(&app_dir(set.app)).unwrap() {
        let callable: Vec<&str> = match route.kind {
            RouteKind::Handler => HTTP_METHODS.iter().copied().filter(|m| route.exports.names.iter().any(|n| n == m)).collect(),
            RouteKind::Page => vec!["default"],
            RouteKind::Api => {
                assert!(route.exports.names.iter().any(|n| n == "default"), "{} has no default export", route.file);
                let mirror = set.find_api(&route.file).unwrap();
                let request = ApiRequest { method: "GET".into(), body: Some(serde_json::json!("")), ..Default::default() };
                let mut response = ApiResponse::new(Conditional::default());
                let _ = (mirror.handle)(&request, &mut response);
                assert!(response.is_ended() || route.file.ends_with("throws.js"), "{}: the mirror did not respond", route.file);
                continue;
            }
            RouteKind::Metadata => {
                check_metadata_mirror(set, &route);
                continue;
            }
            RouteKind::PagesPage => {
                check_pages_mirror(set, &route);
                continue;
            }
        };
        let mirror = set.find(&route.file).unwrap();
        assert!(!callable.is_empty(), "{} exports nothing callable", route.file);
        for export in callable {
            let handled = (mirror.handle)(export, &sample_request(export));
            assert!(!matches!(handled, Handled::NotMirrored), "{}: {export} is not mirrored", route.file);
        }
    }
}

#[test]
fn reads_a_src_layout_with_groups_private_folders_and_typescript() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/src-layout");
    let routes = scan_routes(&root).unwrap();
    let seen: Vec<(String, String, RouteKind)> = routes
        .iter()
        .map(|r| (r.file.clone(), r.pattern.iter().map(|s| format!("/{s}")).collect(), r.kind))
        .collect();
    assert_eq!(
        seen,
        vec![
            ("src/app/(shop)/items/[id]/route.ts".into(), "/items/[id]".into(), RouteKind::Handler),
            ("src/app/docs/[[...path]]/page.tsx".into(), "/docs/[[...path]]".into(), RouteKind::Page),
        ]
    );
    assert_eq!(routes[0].exports.names, ["GET", "dynamic"]);
}

#[test]
fn reads_pages_api_routes_with_index_and_bracketed_names() {
    let routes = scan_routes(&default_fixture_dir()).unwrap();
    let pattern = |file: &str| -> String {
        let route = routes.iter().find(|r| r.file == file).unwrap_or_else(|| panic!("{file} not scanned"));
        assert_eq!(route.kind, RouteKind::Api);
        route.pattern.iter().map(|s| format!("/{s}")).collect()
    };
    assert_eq!(pattern("pages/api/query/index.js"), "/api/query");
    assert_eq!(pattern("pages/api/query/[id].js"), "/api/query/[id]");
    assert_eq!(pattern("pages/api/query/all/[...slug].js"), "/api/query/all/[...slug]");
    assert_eq!(pattern("pages/api/query/optional/[[...slug]].js"), "/api/query/optional/[[...slug]]");
    let isr = routes.iter().find(|r| r.file == "pages/isr.js").expect("pages/isr.js is a page");
    assert_eq!(isr.kind, RouteKind::PagesPage);
    let slug = routes.iter().find(|r| r.file == "pages/pages-router/paths/closed/[slug].js").expect("a dynamic page");
    assert_eq!(slug.pattern.iter().map(|s| format!("/{s}")).collect::<String>(), "/pages-router/paths/closed/[slug]");
}

/// A Pages Router page has a mirror with the data functions the file exports, which run and
/// render (getStaticPaths listing paths, the component some markup).
fn check_pages_mirror(set: &MirrorSet, route: &RouteFile) {
    let exported = |name: &str| route.exports.names.iter().any(|n| n == name);
    let code = set.find_pages(&route.file).unwrap_or_else(|| panic!("{} has no mirror", route.file)).handle;
    assert!(exported("default") && exported(code.data.export_name()), "{}: the mirror's data function is not exported", route.file);
    assert_eq!(code.get_static_paths.is_some(), exported("getStaticPaths"), "{}: getStaticPaths", route.file);
    if let Some(paths) = code.get_static_paths {
        assert!(!paths().paths.is_empty(), "{}: getStaticPaths lists nothing", route.file);
    }
    let props = match code.data {
        DataFunction::StaticProps(props) | DataFunction::ServerSideProps(props) => props,
    };
    assert!(props(&PropsContext::new(None, Phase::Build, None, Default::default())).is_ok(), "{}: the data function fails at build time", route.file);
    assert!(!(code.render)(&serde_json::json!({ "now": 1, "slug": "a" }), false).is_empty(), "{}: renders nothing", route.file);
}

#[test]
fn a_route_without_a_mirror_stops_the_load() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/src-layout");
    let error = App::load(&Config { fixture_dir: root, ..Config::default() }).err().expect("no mirrors for this app");
    assert!(error.to_string().contains("no Rust mirror"), "{error}");
}

/// A generated metadata file has a mirror of the right kind, with a `generate*` function
/// exactly when the file exports one; a static one has none.
fn check_metadata_mirror(set: &MirrorSet, route: &RouteFile) {
    let exported = |name: &str| route.exports.names.iter().any(|n| n == name);
    let mirror = set.find_metadata(&route.file);
    if !route.file.ends_with(".js") {
        assert!(mirror.is_none(), "{} is a static file but has a mirror", route.file);
        return;
    }
    let mirror = mirror.unwrap_or_else(|| panic!("{} has no metadata mirror", route.file));
    assert!(exported("default"), "{} has no default export", route.file);
    let name = route.file.rsplit('/').next().unwrap();
    let fits = match mirror.handle {
        MetadataCode::Robots(_) => name.starts_with("robots."),
        MetadataCode::Manifest(_) => name.starts_with("manifest."),
        MetadataCode::Sitemap { generate_sitemaps, .. } => name.starts_with("sitemap.") && generate_sitemaps.is_some() == exported("generateSitemaps"),
        MetadataCode::Image { generate_image_metadata, .. } => {
            !name.starts_with("sitemap.") && generate_image_metadata.is_some() == exported("generateImageMetadata")
        }
    };
    assert!(fits, "{}: the mirror is not of the file's kind or misses its generate* export", route.file);
}

#[test]
fn metadata_files_are_routed_at_the_urls_next_uses() {
    let routes = scan_routes(&default_fixture_dir()).unwrap();
    let url = |file: &str| -> String {
        let route = routes.iter().find(|r| r.file == file).unwrap_or_else(|| panic!("{file} not scanned"));
        assert_eq!(route.kind, RouteKind::Metadata);
        route.pattern.iter().map(|s| format!("/{s}")).collect()
    };
    assert_eq!(url("app/robots.js"), "/robots.txt");
    assert_eq!(url("app/sitemap.js"), "/sitemap.xml");
    assert_eq!(url("app/manifest.js"), "/manifest.webmanifest");
    assert_eq!(url("app/favicon.ico"), "/favicon.ico");
    assert_eq!(url("app/metadata/icons/icon1.svg"), "/metadata/icons/icon1.svg");
    assert_eq!(url("app/metadata/products/sitemap.js"), "/metadata/products/sitemap/[__metadata_id__]");
    assert_eq!(url("app/metadata/generated/icon.js"), "/metadata/generated/icon/[__metadata_id__]");
    assert_eq!(url("app/metadata/generated/opengraph-image.js"), "/metadata/generated/opengraph-image");
    assert_eq!(url("app/metadata/(grouped)/grouped/twitter-image.js"), "/metadata/grouped/twitter-image-wfszrk");
    assert!(!routes.iter().any(|r| r.file.ends_with(".alt.txt")), "alt text files are not served");
}
