//! Mirrors of `fixture-app/app/templates/**`: a layout, a template at its level and one a level
//! deeper, and the pages they wrap.

use crate::code::Handled;
use super::pages;
use crate::html::escape;
use crate::params::ParamValue;
use crate::web::RouteRequest;

/// templates/layout.js
pub fn layout(children: &str, _request: &RouteRequest) -> String {
    format!("<section data-layout=\"templates\">{children}</section>")
}

/// templates/template.js
pub fn template(children: &str, _request: &RouteRequest) -> String {
    format!("<div data-template=\"templates\">{children}</div>")
}

/// templates/blog/template.js
pub fn blog_template(children: &str, _request: &RouteRequest) -> String {
    format!("<div data-template=\"blog\">{children}</div>")
}

/// templates/page.js
pub fn home(export: &str, _request: &RouteRequest) -> Handled {
    pages::markup(export, "<h1>templates</h1>")
}

/// templates/blog/page.js
pub fn blog(export: &str, _request: &RouteRequest) -> Handled {
    pages::markup(export, "<h1>blog</h1>")
}

/// templates/blog/[slug]/page.js: `<h1>{`post ${slug}`}</h1>`
pub fn post(export: &str, request: &RouteRequest) -> Handled {
    let slug = match request.params.as_ref().and_then(|p| p.get("slug")) {
        Some(ParamValue::One(slug)) => slug.clone(),
        _ => String::new(),
    };
    pages::markup(export, &format!("<h1>post {}</h1>", escape(&slug)))
}
