//! Mirrors of `fixture-app/pages/**` pages (not `pages/api`): each page's data functions and
//! component, one small function per export; the comment above each names the files.

use crate::code::{DataFunction, PagesCode};
use crate::html::escape;
use crate::params::{ParamValue, Params};
use crate::pages_router::data::{Fallback, Phase, PropsContext, PropsResult, StaticPaths};
use crate::web::Thrown;
use serde_json::{Value, json};

/// isr.js
pub const ISR: PagesCode = PagesCode { get_static_paths: None, data: DataFunction::StaticProps(isr_props), render: isr_page };
/// pages-router/ssg/static.js and ssg/on-demand.js
pub const NOW_STATIC: PagesCode = PagesCode { get_static_paths: None, data: DataFunction::StaticProps(now_props), render: now_page };
/// pages-router/ssg/revalidate.js
pub const NOW_EVERY_2S: PagesCode = PagesCode { get_static_paths: None, data: DataFunction::StaticProps(now_every_2s), render: now_page };
/// pages-router/ssg/throws.js
pub const THROWS_AFTER_BUILD: PagesCode =
    PagesCode { get_static_paths: None, data: DataFunction::StaticProps(throws_after_build), render: now_page };
/// pages-router/ssg/throws-on-demand.js
pub const THROWS_ON_DEMAND: PagesCode =
    PagesCode { get_static_paths: None, data: DataFunction::StaticProps(throws_on_demand), render: now_page };
/// pages-router/ssg/preview.js
pub const PREVIEW: PagesCode = PagesCode { get_static_paths: None, data: DataFunction::StaticProps(preview_props), render: preview_page };
/// `pages-router/paths/closed/[slug].js`
pub const CLOSED_PATHS: PagesCode =
    PagesCode { get_static_paths: Some(closed_paths), data: DataFunction::StaticProps(slug_props), render: slug_page };
/// `pages-router/paths/fallback/[slug].js`
pub const FALLBACK_PATHS: PagesCode =
    PagesCode { get_static_paths: Some(fallback_paths), data: DataFunction::StaticProps(slug_props), render: fallback_page };
/// `pages-router/paths/blocking/[slug].js`
pub const BLOCKING_PATHS: PagesCode =
    PagesCode { get_static_paths: Some(blocking_paths), data: DataFunction::StaticProps(blocking_props), render: slug_page };
/// pages-router/ssr/basic.js
pub const SSR_NOW: PagesCode = PagesCode { get_static_paths: None, data: DataFunction::ServerSideProps(ssr_now), render: now_page };
/// pages-router/ssr/cache-control.js
pub const SSR_CACHE_CONTROL: PagesCode =
    PagesCode { get_static_paths: None, data: DataFunction::ServerSideProps(ssr_cache_control), render: now_page };
/// pages-router/ssr/cookies.js
pub const SSR_COOKIES: PagesCode = PagesCode { get_static_paths: None, data: DataFunction::ServerSideProps(ssr_cookies), render: now_page };
/// pages-router/ssr/not-found.js
pub const SSR_NOT_FOUND: PagesCode =
    PagesCode { get_static_paths: None, data: DataFunction::ServerSideProps(ssr_not_found), render: never_rendered };
/// pages-router/ssr/redirect.js
pub const SSR_REDIRECT: PagesCode =
    PagesCode { get_static_paths: None, data: DataFunction::ServerSideProps(ssr_redirect), render: never_rendered };
/// pages-router/ssr/permanent-redirect.js
pub const SSR_PERMANENT_REDIRECT: PagesCode =
    PagesCode { get_static_paths: None, data: DataFunction::ServerSideProps(ssr_permanent_redirect), render: never_rendered };

fn props(props: Value) -> Result<PropsResult, Thrown> {
    Ok(PropsResult::Props { props, revalidate: None })
}

fn isr_props(_: &PropsContext) -> Result<PropsResult, Thrown> {
    props(json!({ "title": "ISR page" }))
}

fn isr_page(props: &Value, _: bool) -> String {
    format!("<h1>{}</h1>", text(&props["title"]))
}

fn now_props(context: &PropsContext) -> Result<PropsResult, Thrown> {
    props(json!({ "now": context.date_now() }))
}

fn now_every_2s(context: &PropsContext) -> Result<PropsResult, Thrown> {
    Ok(PropsResult::Props { props: json!({ "now": context.date_now() }), revalidate: Some(2) })
}

/// Renders at build time only: `process.env.NEXT_PHASE !== PHASE_PRODUCTION_BUILD` throws.
fn throws_after_build(context: &PropsContext) -> Result<PropsResult, Thrown> {
    built_only(context)?;
    Ok(PropsResult::Props { props: json!({ "now": context.date_now() }), revalidate: Some(1) })
}

fn throws_on_demand(context: &PropsContext) -> Result<PropsResult, Thrown> {
    built_only(context)?;
    props(json!({ "now": context.date_now() }))
}

fn built_only(context: &PropsContext) -> Result<(), Thrown> {
    match context.phase {
        Phase::Build => Ok(()),
        Phase::Server => Err(Thrown("Error: getStaticProps failed".into())),
    }
}

fn now_page(props: &Value, _: bool) -> String {
    format!("<p id=\"now\">{}</p>", text(&props["now"]))
}

fn preview_props(context: &PropsContext) -> Result<PropsResult, Thrown> {
    let preview = context.preview_data.is_some();
    let data = context.preview_data.cloned().unwrap_or(Value::Null);
    props(json!({ "now": context.date_now(), "preview": preview, "previewData": data, "draftMode": preview }))
}

fn preview_page(props: &Value, _: bool) -> String {
    format!(
        "<main><p id=\"now\">{}</p><p id=\"preview\">{}</p><p id=\"draft-mode\">{}</p><p id=\"preview-data\">{}</p></main>",
        text(&props["now"]),
        props["preview"],
        props["draftMode"],
        escape(&props["previewData"].to_string()),
    )
}

fn slugs(slugs: &[&str], fallback: Fallback) -> StaticPaths {
    let paths = slugs.iter().map(|slug| Params(vec![("slug".into(), ParamValue::One((*slug).into()))])).collect();
    StaticPaths { paths, fallback }
}

fn closed_paths() -> StaticPaths {
    slugs(&["a", "b"], Fallback::False)
}

fn fallback_paths() -> StaticPaths {
    slugs(&["a"], Fallback::True)
}

fn blocking_paths() -> StaticPaths {
    slugs(&["a"], Fallback::Blocking)
}

fn slug_props(context: &PropsContext) -> Result<PropsResult, Thrown> {
    props(json!({ "slug": context.param("slug"), "now": context.date_now() }))
}

/// `gone` is not found, `moved` redirects to the static page.
fn blocking_props(context: &PropsContext) -> Result<PropsResult, Thrown> {
    match context.param("slug") {
        Some("gone") => Ok(PropsResult::NotFound),
        Some("moved") => Ok(PropsResult::Redirect { destination: "/pages-router/ssg/static".into(), permanent: false }),
        _ => slug_props(context),
    }
}

fn slug_page(props: &Value, _: bool) -> String {
    format!("<main><p id=\"slug\">{}</p><p id=\"now\">{}</p></main>", text(&props["slug"]), text(&props["now"]))
}

fn fallback_page(props: &Value, is_fallback: bool) -> String {
    if is_fallback { "<p id=\"fallback\">loading</p>".into() } else { slug_page(props, false) }
}

fn ssr_now(context: &PropsContext) -> Result<PropsResult, Thrown> {
    props(json!({ "now": context.date_now() }))
}

fn ssr_cache_control(context: &PropsContext) -> Result<PropsResult, Thrown> {
    context.res.set_header("Cache-Control", &["public, s-maxage=10, stale-while-revalidate=59"]);
    ssr_now(context)
}

fn ssr_cookies(context: &PropsContext) -> Result<PropsResult, Thrown> {
    context.res.set_header("Set-Cookie", &["flavour=oat; Path=/", "session=abc; Path=/; HttpOnly; SameSite=Lax"]);
    ssr_now(context)
}

fn ssr_not_found(_: &PropsContext) -> Result<PropsResult, Thrown> {
    Ok(PropsResult::NotFound)
}

fn ssr_redirect(_: &PropsContext) -> Result<PropsResult, Thrown> {
    Ok(PropsResult::Redirect { destination: "/pages-router/ssr/basic".into(), permanent: false })
}

fn ssr_permanent_redirect(_: &PropsContext) -> Result<PropsResult, Thrown> {
    Ok(PropsResult::Redirect { destination: "/pages-router/ssr/basic".into(), permanent: true })
}

fn never_rendered(_: &Value, _: bool) -> String {
    "<p>never rendered</p>".into()
}

/// A prop rendered as text: a string as it is, a number as JavaScript prints it, escaped.
fn text(value: &Value) -> String {
    escape(&value.as_str().map_or_else(|| value.to_string(), str::to_owned))
}
