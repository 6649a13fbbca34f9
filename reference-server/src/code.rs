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
use crate::params::Params;
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

/// What a layout's or template's default export renders around `children` for `request`. A
/// root layout in a route group renders the document's `<html>` element.
pub type Wrap = fn(children: &str, request: &RouteRequest) -> String;

/// The user code of one API route: `export default function handler(req, res)`.
pub type ApiHandler = fn(&ApiRequest, &mut ApiResponse) -> Result<(), Thrown>;

/// What the default export (and the `generate*` export) of a generated metadata file does.
/// Each function runs for a request ([`RouteRequest`], whose `params` are the route's without
/// the id segment); code that reads request data (`headers()`) makes the file be made per
/// request.
#[derive(Debug, Clone, Copy)]
pub enum MetadataCode {
    Robots(fn(&RouteRequest) -> Robots),
    Manifest(fn(&RouteRequest) -> Manifest),
    Sitemap {
        /// `generateSitemaps()`: the ids, as the URL writes them (`0`, `1`).
        generate_sitemaps: Option<fn() -> Vec<String>>,
        /// `sitemap({ id })`.
        sitemap: fn(id: Option<&str>, request: &RouteRequest) -> Vec<SitemapEntry>,
    },
    Image {
        generate_image_metadata: Option<GenerateImageMetadata>,
        /// `generateStaticParams()`: the params of the dynamic segments above the file that the
        /// build makes it for.
        generate_static_params: Option<fn() -> Vec<Params>>,
        image: ImageFunction,
    },
}

/// `generateImageMetadata({ params })`.
pub type GenerateImageMetadata = fn(params: Option<&Params>) -> Vec<ImageMetadata>;

/// The default export of an image file, called with the `id` of one `generateImageMetadata`
/// item.
pub type ImageFunction = fn(id: Option<&MetadataId>, request: &RouteRequest) -> Result<ImageReturn, Thrown>;

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
    pub id: MetadataId,
    pub alt: Option<String>,
    pub size: Option<(u32, u32)>,
    pub content_type: Option<String>,
}

/// An `id` of `generateImageMetadata`: a string or a number (an integer, as the fixtures
/// use), as the code returned it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum MetadataId {
    Text(String),
    Number(i64),
}

impl MetadataId {
    /// `String(id)`, as the id segment of the image's URL writes it.
    pub fn to_url(&self) -> String {
        match self {
            MetadataId::Text(text) => text.clone(),
            MetadataId::Number(n) => n.to_string(),
        }
    }

    /// `typeof id`.
    pub fn type_of(&self) -> &'static str {
        match self {
            MetadataId::Text(_) => "string",
            MetadataId::Number(_) => "number",
        }
    }
}

/// What the default export of an image file returned.
#[derive(Debug, Clone)]
pub enum ImageReturn {
    /// `new ImageResponse(element, options)`.
    Image(ImageResponse),
    /// Any other `Response`.
    Response(WebResponse),
    /// A value that is not a `Response` (`Blob`, `ArrayBuffer`...), by its JavaScript type name.
    NotAResponse(&'static str),
}

/// The Rust code of one fixture file: a [`Handler`] for app routes and pages, an
/// [`ApiHandler`] for API routes, a [`PagesCode`] for Pages Router pages, a [`Wrap`] for layouts
/// and templates, a [`MetadataCode`] for generated metadata files.
pub struct Mirror<H = Handler> {
    /// The mirrored source, relative to the fixture app (`app/.../route.js`).
    pub file: &'static str,
    pub handle: H,
}
