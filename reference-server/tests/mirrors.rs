//! The fixture app and its Rust mirrors cover each other exactly.

use reference_server::fixture::{self, RouteKind};
use reference_server::mirrors::{API_MIRRORS, Handled, MIRRORS};
use reference_server::pages_api::fresh::Conditional;
use reference_server::pages_api::request::ApiRequest;
use reference_server::pages_api::response::ApiResponse;
use reference_server::route_handler::HTTP_METHODS;
use reference_server::web::RouteRequest;
use reference_server::{App, Config, default_fixture_dir};
use std::path::Path;

fn sample_request(method: &str) -> RouteRequest {
    RouteRequest {
        method: method.into(),
        path: "/".into(),
        query: String::new(),
        headers: http::HeaderMap::new(),
        body: bytes::Bytes::from_static(b"{}"),
        params: None,
    }
}

#[test]
fn every_fixture_route_has_a_mirror() {
    let app = App::load(&Config::default()).unwrap_or_else(|e| panic!("{e}"));
    assert!(app.route_files().count() >= 20);
    assert!(app.route_files().filter(|r| r.kind == RouteKind::Api).count() >= 25);
}

#[test]
fn every_mirror_has_a_fixture_route() {
    let files: Vec<String> = fixture::scan(&default_fixture_dir()).unwrap().into_iter().map(|r| r.file).collect();
    let mirrored = MIRRORS.iter().map(|m| m.file).chain(API_MIRRORS.iter().map(|m| m.file));
    let orphans: Vec<&str> = mirrored.filter(|f| !files.iter().any(|x| x == f)).collect();
    assert!(orphans.is_empty(), "mirrors without a fixture route: {orphans:?}");
}

#[test]
fn every_export_is_mirrored() {
    for route in fixture::scan(&default_fixture_dir()).unwrap() {
        let callable: Vec<&str> = match route.kind {
            RouteKind::Handler => HTTP_METHODS.iter().copied().filter(|m| route.exports.names.iter().any(|n| n == m)).collect(),
            RouteKind::Page => vec!["default"],
            RouteKind::Api => {
                assert!(route.exports.names.iter().any(|n| n == "default"), "{} has no default export", route.file);
                let mirror = reference_server::mirrors::find_api(&route.file).unwrap();
                let request = ApiRequest { method: "GET".into(), body: Some(serde_json::json!("")), ..Default::default() };
                let mut response = ApiResponse::new(Conditional::default());
                let _ = (mirror.handle)(&request, &mut response);
                assert!(response.is_ended() || route.file.ends_with("throws.js"), "{}: the mirror did not respond", route.file);
                continue;
            }
        };
        let mirror = reference_server::mirrors::find(&route.file).unwrap();
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
    let routes = fixture::scan(&root).unwrap();
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
    let routes = fixture::scan(&default_fixture_dir()).unwrap();
    let pattern = |file: &str| -> String {
        let route = routes.iter().find(|r| r.file == file).unwrap_or_else(|| panic!("{file} not scanned"));
        assert_eq!(route.kind, RouteKind::Api);
        route.pattern.iter().map(|s| format!("/{s}")).collect()
    };
    assert_eq!(pattern("pages/api/query/index.js"), "/api/query");
    assert_eq!(pattern("pages/api/query/[id].js"), "/api/query/[id]");
    assert_eq!(pattern("pages/api/query/all/[...slug].js"), "/api/query/all/[...slug]");
    assert_eq!(pattern("pages/api/query/optional/[[...slug]].js"), "/api/query/optional/[[...slug]]");
    assert!(!routes.iter().any(|r| r.file == "pages/isr.js"), "only pages/api is read from pages/");
}

#[test]
fn a_route_without_a_mirror_stops_the_load() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/src-layout");
    let error = App::load(&Config { fixture_dir: root, ..Config::default() }).err().expect("no mirrors for this app");
    assert!(error.to_string().contains("no Rust mirror"), "{error}");
}
