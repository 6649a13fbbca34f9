//! Mirrors of `fixture-app/app/path-params/**`: a dynamic segment as a route handler and as a
//! page receive it.

use super::pages;
use crate::code::Handled;
use crate::html::escape;
use crate::params::ParamValue;
use crate::web::{RouteRequest, WebResponse};
use serde_json::{Map, Value, json};

/// `handler/[slug]/route.js`: the params, the search params and the pathname.
pub fn handler(export: &str, request: &RouteRequest) -> Handled {
    if export != "GET" {
        return Handled::NotMirrored;
    }
    let params = request.params.as_ref().map_or(json!({}), |p| p.to_json());
    let search: Map<String, Value> = request.search_params().into_iter().map(|(k, v)| (k, Value::String(v))).collect();
    Handled::Answer(WebResponse::json(&json!({ "params": params, "searchParams": search, "pathname": request.path })))
}

/// `page/[slug]/page.js`: the `slug` param and the `slug` search param (`none` when absent).
pub fn page(export: &str, request: &RouteRequest) -> Handled {
    let slug = match request.params.as_ref().and_then(|p| p.get("slug")) {
        Some(ParamValue::One(slug)) => slug.clone(),
        _ => String::new(),
    };
    let search = request.search_param("slug").unwrap_or_else(|| "none".into());
    pages::markup(
        export,
        &format!("<dl><dt>slug</dt><dd id=\"slug\">{}</dd><dt>search slug</dt><dd id=\"search-slug\">{}</dd></dl>", escape(&slug), escape(&search)),
    )
}
