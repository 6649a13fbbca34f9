//! The contract between the server and the user code it runs: what a mirror of a route file,
//! layout, API route or generated metadata file is, and what calling it can do. Mirrors (in
//! `mirrors/`) implement it; the route kinds call it. It sits below both, so user code depends
//! on nothing but this contract and the runtime ([`crate::web`], [`crate::navigation`]...).

use crate::metadata::images::ImageResponse;
use crate::metadata::manifest::Manifest;
use crate::metadata::robots::Robots;
use crate::metadata::sitemap::SitemapEntry;
use crate::navigation::Interrupt;
use crate::pages_api::request::ApiRequest;
use crate::pages_router::data::{PropsContext, PropsResult, StaticPaths};
use crate::pages_api::response::ApiResponse;
use crate::web::{RouteRequest, Thrown, WebResponse};
use serde_json::Value;

/// What calling one export of a route module did.
#[derive(Debug)]
pub enum Handled {
    Answer(WebResponse),
    Throw(Thrown),
    /// The code called a `next/navigation` function that interrupts it (`redirect()`...).
    Interrupt(Interrupt),
    /// The mirror has no code for this export; a mirror bug, reported as such.
    NotMirrored,
}

impl From<Result<WebResponse, Thrown>> for Handled {
    fn from(result: Result<WebResponse, Thrown>) -> Self {
        match result {
            Ok(response) => Handled::Answer(response),
            Err(thrown) => Handled::Throw(thrown),
        }
    }
}

/// Calls the function a module exports under `export` (`GET`, `default`...).
pub type Handler = fn(export: &str, request: &RouteRequest) -> Handled;

/// What a layout's or template's default export renders around `children` for `request`.
pub type Wrap = fn(children: &str, request: &RouteRequest) -> String;

/// The user code of one API route: `export default function handler(req, res)`.
pub type ApiHandler = fn(&ApiRequest, &mut ApiResponse) -> Result<(), Thrown>;

/// What the default export (and the `generate*` export) of a generated metadata file does.
#[derive(Debug, Clone, Copy)]
pub enum MetadataCode {
    Robots(fn() -> Robots),
    Manifest(fn() -> Manifest),
    Sitemap {
        /// `generateSitemaps()`: the ids, as the URL writes them (`0`, `1`).
        generate_sitemaps: Option<fn() -> Vec<String>>,
        /// `sitemap({ id })`.
        sitemap: fn(id: Option<&str>) -> Vec<SitemapEntry>,
    },
    Image {
        generate_image_metadata: Option<fn() -> Vec<ImageMetadata>>,
        /// The default export, called with the `id` of one `generateImageMetadata` item.
        image: fn(id: Option<&str>) -> ImageResponse,
    },
}

/// The user code of a Pages Router page (`pages/**`, not `pages/api`): its data functions and
/// its component.
#[derive(Clone, Copy)]
pub struct PagesCode {
    /// `getStaticPaths()`, for a page with dynamic segments and `getStaticProps`.
    pub get_static_paths: Option<fn() -> StaticPaths>,
    pub data: DataFunction,
    /// The default export: the page's markup for its props; `is_fallback` is
    /// `router.isFallback` (the props are then empty).
    pub render: fn(props: &Value, is_fallback: bool) -> String,
}

/// The data function a Pages Router page exports.
#[derive(Clone, Copy)]
pub enum DataFunction {
    /// `getStaticProps(context)`: prerendered, cached, regenerated.
    StaticProps(fn(&PropsContext) -> Result<PropsResult, Thrown>),
    /// `getServerSideProps(context)`: run for every request.
    ServerSideProps(fn(&PropsContext) -> Result<PropsResult, Thrown>),
}

impl DataFunction {
    /// The name the page exports it under.
    pub fn export_name(&self) -> &'static str {
        match self {
            DataFunction::StaticProps(_) => "getStaticProps",
            DataFunction::ServerSideProps(_) => "getServerSideProps",
        }
    }
}

/// One item `generateImageMetadata` returns.
#[derive(Debug, Clone, PartialEq)]
pub struct ImageMetadata {
    pub id: String,
    pub alt: Option<String>,
    pub size: Option<(u32, u32)>,
    pub content_type: Option<String>,
}

/// The Rust code of one fixture file: a [`Handler`] for app routes and pages, an
/// [`ApiHandler`] for API routes, a [`PagesCode`] for Pages Router pages, a [`Wrap`] for layouts
/// and templates, a [`MetadataCode`] for generated metadata files.
pub struct Mirror<H = Handler> {
    /// The mirrored source, relative to the fixture app (`app/.../route.js`).
    pub file: &'static str,
    pub handle: H,
}
