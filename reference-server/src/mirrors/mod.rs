//! The user code of each fixture route, mirrored in Rust: the tables of mirrors, which
//! implement the contract of [`crate::code`].
//!
//! The route table and each file's exports come from the fixture app itself; what the exported
//! functions do comes from here, one small function per route file, written to do exactly what
//! the JavaScript does. Each fixture app has a [`MirrorSet`] in [`APPS`]: for `fixture-app/`,
//! [`MIRRORS`] (app routes and pages), [`API_MIRRORS`] (Pages Router API routes) and
//! [`PAGES_MIRRORS`] (Pages Router pages) name each mirror's source file, and [`METADATA_MIRRORS`] do the same for generated metadata files
//! (`robots.js`, `sitemap.js`, `opengraph-image.js`...), whose code returns typed data; the
//! other apps under `fixture-apps/` have theirs in a module named after the app. The server
//! refuses to start when a fixture route has no mirror (a test also checks the reverse).

mod actions;
mod after;
mod cache_components;
mod cache_profiles;
mod cookie_caching;
mod cookies;
mod default_auth_pages;
mod fetch_cache;
mod fetch_options;
mod metadata;
mod metadata_at_root;
mod metadata_caching;
mod metadata_escaping;
mod metadata_images;
mod metadata_made_once;
mod metadata_per_request;
mod navigation;
mod next_response;
mod pages;
mod pages_api;
mod pages_router;
mod path_params;
mod proxy;
mod request_apis;
mod request_headers;
mod request_time;
mod root_layouts;
mod root_forbidden;
mod rsc;
mod route_handlers;
mod runtimes;
mod segment_config;
mod server;
mod src_beside_app;
mod src_layout;
mod templates;
mod unsized_icon;
mod webmanifest;

use crate::code::{ApiHandler, MetadataCode, Mirror, PagesCode, Wrap};

pub static MIRRORS: &[Mirror] = &[
    Mirror { file: "app/page.js", handle: pages::home },
    Mirror { file: "app/forbidden.js", handle: pages::forbidden },
    Mirror { file: "app/unauthorized.js", handle: pages::unauthorized },
    Mirror { file: "app/auth-interrupts/forbidden-static/page.js", handle: navigation::forbidden_static_page },
    Mirror { file: "app/auth-interrupts/forbidden/page.js", handle: navigation::forbidden_page },
    Mirror { file: "app/auth-interrupts/unauthorized/page.js", handle: navigation::unauthorized_page },
    Mirror { file: "proxy.js", handle: proxy::proxy },
    Mirror { file: "app/proxy/cookies/route.js", handle: proxy::cookies_route },
    Mirror { file: "app/proxy/headers/route.js", handle: proxy::headers_route },
    Mirror { file: "app/proxy/cookie-on/dynamic/page.js", handle: proxy::cookie_on_dynamic },
    Mirror { file: "app/proxy/cookie-on/isr/page.js", handle: proxy::cookie_on_isr },
    Mirror { file: "app/proxy/cookie-on/static/page.js", handle: proxy::cookie_on_static },
    Mirror { file: "app/request-headers/handler/route.js", handle: request_headers::handler },
    Mirror { file: "app/request-headers/page/page.js", handle: request_headers::page },
    Mirror { file: "app/request-headers/probe/route.js", handle: request_headers::probe },
    Mirror { file: "app/cookie-caching/dynamic/route.js", handle: cookie_caching::per_request },
    Mirror { file: "app/cookie-caching/isr/route.js", handle: cookie_caching::regenerated },
    Mirror { file: "app/cookie-caching/static/route.js", handle: cookie_caching::prerendered },
    Mirror { file: "app/rsc/dynamic/page.js", handle: rsc::per_request },
    Mirror { file: "app/rsc/isr/page.js", handle: rsc::regenerated },
    Mirror { file: "app/rsc/static/page.js", handle: rsc::prerendered },
    Mirror { file: "app/runtimes/edge/cookies/route.js", handle: runtimes::cookies },
    Mirror { file: "app/runtimes/edge/echo/route.js", handle: runtimes::echo },
    Mirror { file: "app/runtimes/edge/page/page.js", handle: runtimes::edge_page },
    Mirror { file: "app/runtimes/edge/stream/route.js", handle: runtimes::stream },
    Mirror { file: "app/runtimes/nodejs/cookies/route.js", handle: runtimes::cookies },
    Mirror { file: "app/runtimes/nodejs/echo/route.js", handle: runtimes::echo },
    Mirror { file: "app/runtimes/nodejs/page/page.js", handle: runtimes::nodejs_page },
    Mirror { file: "app/runtimes/nodejs/stream/route.js", handle: runtimes::stream },
    Mirror { file: "app/path-params/handler/[slug]/route.js", handle: path_params::handler },
    Mirror { file: "app/path-params/page/[slug]/page.js", handle: path_params::page },
    Mirror { file: "app/metadata/(grouped)/grouped/page.js", handle: metadata::page },
    Mirror { file: "app/metadata/catalog/[id]/page.js", handle: metadata::page },
    Mirror { file: "app/metadata/generated/page.js", handle: metadata::page },
    Mirror { file: "app/metadata/icon-types/page.js", handle: metadata::page },
    Mirror { file: "app/metadata/icons/page.js", handle: metadata::page },
    Mirror { file: "app/metadata/local-asset/page.js", handle: metadata::page },
    Mirror { file: "app/metadata/made-at-build/page.js", handle: metadata::page },
    Mirror { file: "app/metadata/made-per-request/page.js", handle: metadata::page },
    Mirror { file: "app/metadata/nested-favicon/page.js", handle: metadata::page },
    Mirror { file: "app/metadata/numbered-icons/page.js", handle: metadata::page },
    Mirror { file: "app/metadata/posts/[slug]/page.js", handle: metadata::page },
    Mirror { file: "app/metadata/return-types/page.js", handle: metadata::page },
    Mirror { file: "app/metadata/revalidated/page.js", handle: metadata::page },
    Mirror { file: "app/metadata/shop/page.js", handle: metadata::page },
    Mirror { file: "app/metadata/shop/[tag]/[item]/page.js", handle: metadata::page },
    Mirror { file: "app/metadata/social/page.js", handle: metadata::page },
    Mirror { file: "app/metadata/social-jpeg/page.js", handle: metadata::page },
    Mirror { file: "app/cookies/read/route.js", handle: cookies::read },
    Mirror { file: "app/cookies/set/[variant]/route.js", handle: cookies::set },
    Mirror { file: "app/navigation-pages/not-found/page.js", handle: navigation::not_found_page },
    Mirror { file: "app/navigation-pages/permanent-redirect/page.js", handle: navigation::permanent_redirect_page },
    Mirror { file: "app/navigation-pages/redirect/page.js", handle: navigation::redirect_page },
    Mirror { file: "app/next-response/cookies/route.js", handle: next_response::cookies },
    Mirror { file: "app/next-response/json/route.js", handle: next_response::json },
    Mirror { file: "app/next-response/redirect/[variant]/route.js", handle: next_response::redirect },
    Mirror { file: "app/route-handlers/methods/all/route.js", handle: route_handlers::methods_all },
    Mirror { file: "app/route-handlers/methods/export-forms/route.js", handle: route_handlers::methods_export_forms },
    Mirror { file: "app/route-handlers/methods/get-post/route.js", handle: route_handlers::methods_get_post },
    Mirror { file: "app/route-handlers/methods/get/route.js", handle: route_handlers::methods_get },
    Mirror { file: "app/route-handlers/methods/head/route.js", handle: route_handlers::methods_head },
    Mirror { file: "app/route-handlers/methods/post/route.js", handle: route_handlers::methods_post },
    Mirror { file: "app/route-handlers/methods/put-patch-delete/route.js", handle: route_handlers::methods_put_patch_delete },
    Mirror { file: "app/route-handlers/methods/throws/route.js", handle: route_handlers::methods_throws },
    Mirror { file: "app/route-handlers/navigation/forbidden/route.js", handle: navigation::forbidden },
    Mirror { file: "app/route-handlers/navigation/not-found/route.js", handle: navigation::not_found },
    Mirror { file: "app/route-handlers/navigation/permanent-redirect/route.js", handle: navigation::permanent_redirect },
    Mirror { file: "app/route-handlers/navigation/redirect-after-cookie/route.js", handle: navigation::redirect_after_cookie },
    Mirror { file: "app/route-handlers/navigation/redirect-external/route.js", handle: navigation::redirect_external },
    Mirror { file: "app/route-handlers/navigation/redirect-replace/route.js", handle: navigation::redirect_replace },
    Mirror { file: "app/route-handlers/navigation/redirect/route.js", handle: navigation::redirect },
    Mirror { file: "app/route-handlers/navigation/unauthorized/route.js", handle: navigation::unauthorized },
    Mirror { file: "app/route-handlers/params/(group)/grouped/route.js", handle: route_handlers::params_echo },
    Mirror { file: "app/route-handlers/params/blog/[...slug]/route.js", handle: route_handlers::params_echo },
    Mirror { file: "app/route-handlers/params/optional/[[...slug]]/route.js", handle: route_handlers::params_echo },
    Mirror { file: "app/route-handlers/params/shop/[tag]/[item]/route.js", handle: route_handlers::params_echo },
    Mirror { file: "app/route-handlers/params/team/[team]/route.js", handle: route_handlers::params_echo },
    Mirror { file: "app/route-handlers/request-time/after/route.js", handle: request_time::after },
    Mirror { file: "app/route-handlers/request-time/connection/route.js", handle: request_time::connection },
    Mirror { file: "app/route-handlers/request-time/draft-mode/disable/route.js", handle: request_time::draft_mode_disable },
    Mirror { file: "app/route-handlers/request-time/draft-mode/enable/route.js", handle: request_time::draft_mode_enable },
    Mirror { file: "app/route-handlers/request-time/draft-mode/status/route.js", handle: request_time::draft_mode_status },
    Mirror { file: "app/route-handlers/request/array-buffer/route.js", handle: route_handlers::request_array_buffer },
    Mirror { file: "app/route-handlers/request/form-data/route.js", handle: route_handlers::request_form_data },
    Mirror { file: "app/route-handlers/request/headers/route.js", handle: route_handlers::request_headers },
    Mirror { file: "app/route-handlers/request/json/route.js", handle: route_handlers::request_json },
    Mirror { file: "app/route-handlers/request/search/route.js", handle: route_handlers::request_search },
    Mirror { file: "app/route-handlers/request/text/route.js", handle: route_handlers::request_text },
    Mirror { file: "app/route-handlers/request/url/route.js", handle: route_handlers::request_url },
    Mirror { file: "app/route-handlers/responses/append/route.js", handle: route_handlers::responses_append },
    Mirror { file: "app/route-handlers/responses/binary/route.js", handle: route_handlers::responses_binary },
    Mirror { file: "app/route-handlers/responses/cors/route.js", handle: route_handlers::responses_cors },
    Mirror { file: "app/route-handlers/responses/json/route.js", handle: route_handlers::responses_json },
    Mirror { file: "app/route-handlers/responses/redirect/route.js", handle: route_handlers::responses_redirect },
    Mirror { file: "app/route-handlers/responses/rss/route.js", handle: route_handlers::responses_rss },
    Mirror { file: "app/route-handlers/responses/status-text/route.js", handle: route_handlers::responses_status_text },
    Mirror { file: "app/route-handlers/responses/status/route.js", handle: route_handlers::responses_status },
    Mirror { file: "app/route-handlers/responses/stream/route.js", handle: route_handlers::responses_stream },
    Mirror { file: "app/templates/blog/[slug]/page.js", handle: templates::post },
    Mirror { file: "app/templates/blog/page.js", handle: templates::blog },
    Mirror { file: "app/templates/page.js", handle: templates::home },
    Mirror { file: "app/fetch-cache/default-cache-config/route.js", handle: fetch_cache::no_option },
    Mirror { file: "app/fetch-cache/default/route.js", handle: fetch_cache::no_option },
    Mirror { file: "app/fetch-cache/force-cache/route.js", handle: fetch_cache::force_cache },
    Mirror { file: "app/fetch-cache/force-no-store-config/route.js", handle: fetch_cache::force_cache },
    Mirror { file: "app/fetch-cache/no-store/route.js", handle: fetch_cache::no_store },
    Mirror { file: "app/fetch-cache/path-data/route.js", handle: fetch_cache::force_cache },
    Mirror { file: "app/fetch-cache/revalidate-path/route.js", handle: fetch_cache::revalidate_path },
    Mirror { file: "app/fetch-cache/revalidate-tag/route.js", handle: fetch_cache::revalidate_tag },
    Mirror { file: "app/fetch-cache/revalidate/route.js", handle: fetch_cache::revalidate },
    Mirror { file: "app/fetch-cache/source/route.js", handle: fetch_cache::source },
    Mirror { file: "app/fetch-cache/static-page/page.js", handle: segment_config::now_page },
    Mirror { file: "app/fetch-cache/static-target/route.js", handle: segment_config::now_route },
    Mirror { file: "app/fetch-cache/tagged/route.js", handle: fetch_cache::tagged },
    Mirror { file: "app/segment-config/dynamic/auto-request/route.js", handle: segment_config::probe_route },
    Mirror { file: "app/segment-config/dynamic/auto/route.js", handle: segment_config::now_with_post },
    Mirror { file: "app/segment-config/dynamic/error-get/route.js", handle: segment_config::now_route },
    Mirror { file: "app/segment-config/dynamic/error/route.js", handle: segment_config::now_with_post },
    Mirror { file: "app/segment-config/dynamic/force-dynamic/route.js", handle: segment_config::probe_route },
    Mirror { file: "app/segment-config/dynamic/force-static-get/route.js", handle: segment_config::probe_route },
    Mirror { file: "app/segment-config/dynamic/force-static/route.js", handle: segment_config::probe_route_with_post },
    Mirror { file: "app/segment-config/dynamic/page-auto/page.js", handle: segment_config::now_page },
    Mirror { file: "app/segment-config/dynamic/page-error/page.js", handle: segment_config::now_page },
    Mirror { file: "app/segment-config/dynamic/page-force-dynamic/page.js", handle: segment_config::probe_page },
    Mirror { file: "app/segment-config/dynamic/page-force-static/page.js", handle: segment_config::probe_page },
    Mirror { file: "app/segment-config/params/closed-route/[slug]/route.js", handle: segment_config::params_route },
    Mirror { file: "app/segment-config/params/closed/[slug]/page.js", handle: segment_config::params_page },
    Mirror { file: "app/segment-config/params/open/[slug]/page.js", handle: segment_config::params_page },
    Mirror { file: "app/segment-config/platform/route.js", handle: segment_config::now_route },
    Mirror { file: "app/segment-config/revalidate/false/route.js", handle: segment_config::now_route },
    Mirror { file: "app/segment-config/revalidate/page-swr/page.js", handle: segment_config::now_page },
    Mirror { file: "app/segment-config/revalidate/page-two/page.js", handle: segment_config::now_page },
    Mirror { file: "app/segment-config/revalidate/page-zero/page.js", handle: segment_config::now_page },
    Mirror { file: "app/segment-config/revalidate/swr/route.js", handle: segment_config::now_route },
    Mirror { file: "app/segment-config/revalidate/two/route.js", handle: segment_config::now_route },
    Mirror { file: "app/segment-config/revalidate/two-regenerated/route.js", handle: segment_config::now_route },
    Mirror { file: "app/segment-config/revalidate/zero/route.js", handle: segment_config::now_route },
    Mirror { file: "app/server/complete/isr-handler/route.js", handle: segment_config::now_route },
    Mirror { file: "app/server/complete/isr-page/page.js", handle: segment_config::now_page },
    Mirror { file: "app/server/compression/long-page/page.js", handle: server::long_page },
    Mirror { file: "app/server/compression/text/route.js", handle: server::compression_text },
    Mirror { file: "app/server/errors/throws/page.js", handle: server::throwing_page },
    Mirror { file: "app/actions/after/page.js", handle: actions::after },
    Mirror { file: "app/actions/delete-cookie/page.js", handle: actions::delete_cookie },
    Mirror { file: "app/actions/forbidden/page.js", handle: actions::forbidden },
    Mirror { file: "app/actions/revalidate-path/page.js", handle: actions::revalidate_path },
    Mirror { file: "app/actions/revalidate-tag/page.js", handle: actions::revalidate_tag },
    Mirror { file: "app/actions/set-cookie/page.js", handle: actions::set_cookie },
    Mirror { file: "app/after/dedupe/page.js", handle: after::dedupe },
    Mirror { file: "app/after/interrupted/page.js", handle: after::interrupted },
    Mirror { file: "app/after/log/route.js", handle: after::log_route },
    Mirror { file: "app/after/nested/route.js", handle: after::nested },
    Mirror { file: "app/after/page/page.js", handle: after::page },
    Mirror { file: "app/after/prerendered/page.js", handle: after::prerendered_page },
    Mirror { file: "app/after/request-apis-page/page.js", handle: after::request_apis_page },
    Mirror { file: "app/after/request-apis/route.js", handle: after::request_apis },
    Mirror { file: "app/after/static/page.js", handle: after::static_page },
    Mirror { file: "app/connection/page/page.js", handle: request_apis::connection_page },
    Mirror { file: "app/cookies/sync/route.js", handle: cookies::sync },
    Mirror { file: "app/cookies/to-string/route.js", handle: cookies::to_string },
    Mirror { file: "app/draft-mode/page/page.js", handle: request_apis::draft_mode_page },
    Mirror { file: "app/draft-mode/sync/route.js", handle: request_apis::draft_mode_sync },
    Mirror { file: "app/fetch-options/build-time/page.js", handle: fetch_options::build_time },
    Mirror { file: "app/fetch-options/conflicting/page.js", handle: fetch_options::conflicting },
    Mirror { file: "app/fetch-options/no-store/page.js", handle: fetch_options::no_store_page },
    Mirror { file: "app/fetch-options/page-force-cache/page.js", handle: fetch_options::page_force_cache },
    Mirror { file: "app/fetch-options/revalidate-false/route.js", handle: fetch_options::revalidate_false },
    Mirror { file: "app/fetch-options/revalidate-zero/route.js", handle: fetch_options::revalidate_zero },
    Mirror { file: "app/fetch-options/tag-limits/route.js", handle: fetch_options::tag_limits },
    Mirror { file: "app/fetch-options/two-revalidates/page.js", handle: fetch_options::two_revalidates },
    Mirror { file: "app/next-response/cookie-names/route.js", handle: next_response::cookie_names },
    Mirror { file: "app/request-apis/cookies-page/page.js", handle: request_apis::cookies_page },
    Mirror { file: "app/request-apis/cookies-set-page/page.js", handle: request_apis::cookies_set_page },
    Mirror { file: "app/request-apis/headers-page/page.js", handle: request_apis::headers_page },
    Mirror { file: "app/route-handlers/cors-config/route.js", handle: route_handlers::cors_config },
    Mirror { file: "app/route-handlers/cors-config/second/route.js", handle: route_handlers::cors_config_second },
    Mirror { file: "app/route-handlers/request/cookie-echo-strict/route.js", handle: route_handlers::request_cookie_echo_strict },
    Mirror { file: "app/route-handlers/request/cookie-echo/route.js", handle: route_handlers::request_cookie_echo },
    Mirror { file: "app/route-handlers/request/headers-read-only/route.js", handle: route_handlers::request_headers_read_only },
    Mirror { file: "app/route-handlers/request/referer-or-empty/route.js", handle: route_handlers::request_referer_or_empty },
    Mirror { file: "app/route-handlers/request/referer/route.js", handle: route_handlers::request_referer },
    Mirror { file: "app/segment-config/dynamic/client-page/page.js", handle: segment_config::now_page },
    Mirror { file: "app/segment-config/dynamic/error-fetches/page.js", handle: fetch_options::error_fetches },
    Mirror { file: "app/segment-config/dynamic/force-dynamic-fetches/page.js", handle: fetch_options::force_dynamic_fetches },
    Mirror { file: "app/segment-config/dynamic/force-static-revalidate/page.js", handle: segment_config::now_page },
    Mirror { file: "app/segment-config/dynamic/force-static-tagged/page.js", handle: fetch_options::force_static_tagged },
    Mirror { file: "app/segment-config/fetch-cache/auto-static/page.js", handle: fetch_options::auto_static },
    Mirror { file: "app/segment-config/fetch-cache/cross/page.js", handle: fetch_options::cross },
    Mirror { file: "app/segment-config/fetch-cache/default-no-store/page.js", handle: fetch_options::default_no_store },
    Mirror { file: "app/segment-config/fetch-cache/force-cache/route.js", handle: fetch_options::cache_param },
    Mirror { file: "app/segment-config/fetch-cache/only-cache/route.js", handle: fetch_options::cache_param },
    Mirror { file: "app/segment-config/fetch-cache/only-no-store/route.js", handle: fetch_options::cache_param },
    Mirror { file: "app/segment-config/params/default/[slug]/page.js", handle: segment_config::params_default_page },
    Mirror { file: "app/segment-config/params/empty/[slug]/page.js", handle: segment_config::params_empty_page },
    Mirror { file: "app/segment-config/platform/edge-revalidate/route.js", handle: segment_config::now_route },
    Mirror { file: "app/segment-config/platform/max-duration/route.js", handle: segment_config::max_duration },
    Mirror { file: "app/segment-config/revalidate/false-no-store/page.js", handle: fetch_options::false_no_store },
    Mirror { file: "app/segment-config/revalidate/false-revalidate-zero/page.js", handle: fetch_options::false_revalidate_zero },
    Mirror { file: "app/segment-config/revalidate/fetch-higher/page.js", handle: fetch_options::fetch_higher },
    Mirror { file: "app/segment-config/revalidate/fetch-lower/page.js", handle: fetch_options::fetch_lower },
    Mirror { file: "app/segment-config/revalidate/layout-lower/page.js", handle: segment_config::now_page },
    Mirror { file: "app/segment-config/revalidate/zero-fetches/page.js", handle: fetch_options::zero_fetches },
];

pub static API_MIRRORS: &[Mirror<ApiHandler>] = &[
    Mirror { file: "pages/api/body/echo.js", handle: pages_api::body_echo },
    Mirror { file: "pages/api/body/length.js", handle: pages_api::body_length },
    Mirror { file: "pages/api/body/limit-1kb.js", handle: pages_api::body_length },
    Mirror { file: "pages/api/body/limit-decimal.js", handle: pages_api::body_length },
    Mirror { file: "pages/api/body/limit-number.js", handle: pages_api::body_length },
    Mirror { file: "pages/api/body/raw.js", handle: pages_api::body_raw },
    Mirror { file: "pages/api/config/external-resolver.js", handle: pages_api::config_external_resolver },
    Mirror { file: "pages/api/config/response-limit.js", handle: pages_api::config_response_limit },
    Mirror { file: "pages/api/cookies.js", handle: pages_api::cookies },
    Mirror { file: "pages/api/methods.js", handle: pages_api::methods },
    Mirror { file: "pages/api/pages-router/draft/disable.js", handle: pages_api::draft_disable },
    Mirror { file: "pages/api/pages-router/draft/enable.js", handle: pages_api::draft_enable },
    Mirror { file: "pages/api/pages-router/preview/disable.js", handle: pages_api::preview_disable },
    Mirror { file: "pages/api/pages-router/preview/enable.js", handle: pages_api::preview_enable },
    Mirror { file: "pages/api/request-headers.js", handle: request_headers::api },
    Mirror { file: "pages/api/query/[id].js", handle: pages_api::query_echo },
    Mirror { file: "pages/api/query/all/[...slug].js", handle: pages_api::query_echo },
    Mirror { file: "pages/api/query/index.js", handle: pages_api::query_echo },
    Mirror { file: "pages/api/query/optional/[[...slug]].js", handle: pages_api::query_echo },
    Mirror { file: "pages/api/res/json.js", handle: pages_api::res_json },
    Mirror { file: "pages/api/res/redirect-status.js", handle: pages_api::res_redirect_status },
    Mirror { file: "pages/api/res/redirect.js", handle: pages_api::res_redirect },
    Mirror { file: "pages/api/res/revalidate.js", handle: pages_api::res_revalidate },
    Mirror { file: "pages/api/res/send-buffer.js", handle: pages_api::res_send_buffer },
    Mirror { file: "pages/api/res/send-object.js", handle: pages_api::res_send_object },
    Mirror { file: "pages/api/res/send-string.js", handle: pages_api::res_send_string },
    Mirror { file: "pages/api/res/set-header.js", handle: pages_api::res_set_header },
    Mirror { file: "pages/api/res/status-invalid.js", handle: pages_api::res_status_invalid },
    Mirror { file: "pages/api/res/status.js", handle: pages_api::res_status },
    Mirror { file: "pages/api/res/write.js", handle: pages_api::res_write },
    Mirror { file: "pages/api/throws.js", handle: pages_api::throws },
];

pub static PAGES_MIRRORS: &[Mirror<PagesCode>] = &[
    Mirror { file: "pages/isr.js", handle: pages_router::ISR },
    Mirror { file: "pages/pages-router/paths/blocking/[slug].js", handle: pages_router::BLOCKING_PATHS },
    Mirror { file: "pages/pages-router/paths/closed/[slug].js", handle: pages_router::CLOSED_PATHS },
    Mirror { file: "pages/pages-router/paths/fallback/[slug].js", handle: pages_router::FALLBACK_PATHS },
    Mirror { file: "pages/pages-router/ssg/on-demand.js", handle: pages_router::NOW_STATIC },
    Mirror { file: "pages/pages-router/ssg/preview.js", handle: pages_router::PREVIEW },
    Mirror { file: "pages/pages-router/ssg/revalidate.js", handle: pages_router::NOW_EVERY_2S },
    Mirror { file: "pages/pages-router/ssg/static.js", handle: pages_router::NOW_STATIC },
    Mirror { file: "pages/pages-router/ssg/throws-on-demand.js", handle: pages_router::THROWS_ON_DEMAND },
    Mirror { file: "pages/pages-router/ssg/throws.js", handle: pages_router::THROWS_AFTER_BUILD },
    Mirror { file: "pages/pages-router/ssr/basic.js", handle: pages_router::SSR_NOW },
    Mirror { file: "pages/pages-router/ssr/cache-control.js", handle: pages_router::SSR_CACHE_CONTROL },
    Mirror { file: "pages/pages-router/ssr/cookies.js", handle: pages_router::SSR_COOKIES },
    Mirror { file: "pages/pages-router/ssr/not-found.js", handle: pages_router::SSR_NOT_FOUND },
    Mirror { file: "pages/pages-router/ssr/permanent-redirect.js", handle: pages_router::SSR_PERMANENT_REDIRECT },
    Mirror { file: "pages/pages-router/ssr/redirect.js", handle: pages_router::SSR_REDIRECT },
];

pub static METADATA_MIRRORS: &[Mirror<MetadataCode>] = &[
    Mirror { file: "app/manifest.js", handle: metadata::MANIFEST },
    Mirror { file: "app/metadata/(grouped)/grouped/twitter-image.js", handle: metadata::GROUPED_TWITTER },
    Mirror { file: "app/metadata/by-slug/[slug]/opengraph-image.js", handle: metadata_caching::SLUG_IMAGE },
    Mirror { file: "app/metadata/catalog/[id]/opengraph-image.js", handle: metadata_images::CATALOG_IMAGE },
    Mirror { file: "app/metadata/fetched-data/no-option/opengraph-image.js", handle: metadata_caching::FETCHED_WITHOUT_OPTION_IMAGE },
    Mirror { file: "app/metadata/fetched-data/no-store/opengraph-image.js", handle: metadata_caching::FETCHED_NO_STORE_IMAGE },
    Mirror { file: "app/metadata/fetched-data/revalidate/opengraph-image.js", handle: metadata_caching::FETCHED_REVALIDATED_IMAGE },
    Mirror { file: "app/metadata/generated/apple-icon.js", handle: metadata::GENERATED_APPLE_ICON },
    Mirror { file: "app/metadata/generated/icon.js", handle: metadata::GENERATED_ICON },
    Mirror { file: "app/metadata/generated/opengraph-image.js", handle: metadata::GENERATED_OPENGRAPH },
    Mirror { file: "app/metadata/listed-slugs/[slug]/opengraph-image.js", handle: metadata_caching::LISTED_SLUG_IMAGE },
    Mirror { file: "app/metadata/local-asset/icon.js", handle: metadata_images::LOCAL_ASSET_ICON },
    Mirror { file: "app/metadata/local-asset/opengraph-image.js", handle: metadata_images::LOCAL_ASSET_IMAGE },
    Mirror { file: "app/metadata/made-at-build/icon.js", handle: metadata_caching::STAMPED_ICON },
    Mirror { file: "app/metadata/made-at-build/opengraph-image.js", handle: metadata_caching::STAMPED_IMAGE },
    Mirror { file: "app/metadata/made-at-build/sitemap.js", handle: metadata_caching::MADE_AT_BUILD_SITEMAP },
    Mirror { file: "app/metadata/made-per-request/apple-icon.js", handle: metadata_caching::STAMPED_ICON },
    Mirror { file: "app/metadata/made-per-request/icon.js", handle: metadata_caching::STAMPED_ICON_AFTER_HEADERS },
    Mirror { file: "app/metadata/made-per-request/opengraph-image.js", handle: metadata_caching::STAMPED_IMAGE_AFTER_HEADERS },
    Mirror { file: "app/metadata/made-per-request/sitemap.js", handle: metadata_caching::MADE_PER_REQUEST_SITEMAP },
    Mirror { file: "app/metadata/made-per-request/twitter-image.js", handle: metadata_caching::STAMPED_IMAGE },
    Mirror { file: "app/metadata/posts/[slug]/opengraph-image.js", handle: metadata::POST_OPENGRAPH },
    Mirror { file: "app/metadata/return-types/icon.js", handle: metadata_images::RETURN_TYPE_ICON },
    Mirror { file: "app/metadata/return-types/opengraph-image.js", handle: metadata_images::RETURN_TYPE_IMAGE },
    Mirror { file: "app/metadata/revalidated/icon.js", handle: metadata_caching::STAMPED_ICON },
    Mirror { file: "app/metadata/revalidated/opengraph-image.js", handle: metadata_caching::STAMPED_IMAGE },
    Mirror { file: "app/metadata/shop/[tag]/[item]/icon.js", handle: metadata_images::SHOP_ITEM_ICON },
    Mirror { file: "app/metadata/shop/[tag]/[item]/opengraph-image.js", handle: metadata_images::SHOP_ITEM_IMAGE },
    Mirror { file: "app/metadata/shop/[tag]/[item]/twitter-image.js", handle: metadata_images::SHOP_ITEM_TWITTER_IMAGE },
    Mirror { file: "app/metadata/shop/icon.js", handle: metadata_images::SHOP_ICON },
    Mirror { file: "app/metadata/products/sitemap.js", handle: metadata::PRODUCT_SITEMAP },
    Mirror { file: "app/robots.js", handle: metadata::ROBOTS },
    Mirror { file: "app/sitemap.js", handle: metadata::SITEMAP },
];

/// The mirrors of one fixture app's files, paths relative to that app.
pub struct MirrorSet {
    /// The app's name: `fixture-app`, or its folder's name under `fixture-apps/`.
    pub app: &'static str,
    pub routes: &'static [Mirror],
    pub api: &'static [Mirror<ApiHandler>],
    /// Pages Router pages.
    pub pages: &'static [Mirror<PagesCode>],
    pub metadata: &'static [Mirror<MetadataCode>],
    /// Layouts (but the root one) and templates.
    pub wrappers: &'static [Mirror<Wrap>],
}

/// Every fixture app the reference server can serve.
pub static APPS: &[MirrorSet] = &[
    MirrorSet { app: "fixture-app", routes: MIRRORS, api: API_MIRRORS, pages: PAGES_MIRRORS, metadata: METADATA_MIRRORS, wrappers: WRAPPER_MIRRORS },
    src_layout::MIRRORS,
    webmanifest::MIRRORS,
    cache_components::MIRRORS,
    default_auth_pages::MIRRORS,
    src_beside_app::MIRRORS,
    root_layouts::MIRRORS,
    metadata_at_root::MIRRORS,
    metadata_made_once::MIRRORS,
    metadata_per_request::MIRRORS,
    cache_profiles::MIRRORS,
    root_forbidden::MIRRORS,
    metadata_escaping::MIRRORS,
    unsized_icon::MIRRORS,
];

/// The mirrors of the app named `app`.
pub static WRAPPER_MIRRORS: &[Mirror<Wrap>] = &[
    Mirror { file: "app/after/page/layout.js", handle: after::page_layout },
    Mirror { file: "app/segment-config/fetch-cache/cross/layout.js", handle: segment_config::section_layout },
    Mirror { file: "app/segment-config/revalidate/layout-lower/layout.js", handle: segment_config::section_layout },
    Mirror { file: "app/templates/blog/template.js", handle: templates::blog_template },
    Mirror { file: "app/templates/layout.js", handle: templates::layout },
    Mirror { file: "app/templates/template.js", handle: templates::template },
];

pub fn for_app(app: &str) -> Option<&'static MirrorSet> {
    APPS.iter().find(|set| set.app == app)
}

impl MirrorSet {
    pub fn find(&self, file: &str) -> Option<&'static Mirror> {
        self.routes.iter().find(|m| m.file == file)
    }

    pub fn find_metadata(&self, file: &str) -> Option<&'static Mirror<MetadataCode>> {
        self.metadata.iter().find(|m| m.file == file)
    }

    pub fn find_api(&self, file: &str) -> Option<&'static Mirror<ApiHandler>> {
        self.api.iter().find(|m| m.file == file)
    }

    pub fn find_pages(&self, file: &str) -> Option<&'static Mirror<PagesCode>> {
        self.pages.iter().find(|m| m.file == file)
    }

    pub fn find_wrapper(&self, file: &str) -> Option<&'static Mirror<Wrap>> {
        self.wrappers.iter().find(|m| m.file == file)
    }

    /// Every mirrored file, of every kind.
    pub fn files(&self) -> impl Iterator<Item = &'static str> {
        let (routes, api, metadata, wrappers) = (self.routes, self.api, self.metadata, self.wrappers);
        let files = routes.iter().map(|m| m.file).chain(api.iter().map(|m| m.file)).chain(metadata.iter().map(|m| m.file));
        files.chain(self.pages.iter().map(|m| m.file)).chain(wrappers.iter().map(|m| m.file))
    }
}
