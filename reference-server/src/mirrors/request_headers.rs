//! Mirrors of `fixture-app/app/request-headers/**` and `pages/api/request-headers.js`: what each
//! kind of route sees of its request's headers.

use super::pages;
use crate::code::Handled;
use crate::html::escape;
use crate::pages_api::request::ApiRequest;
use crate::pages_api::response::ApiResponse;
use crate::web::{RouteRequest, Thrown, WebResponse};
use serde_json::{Map, Value, json};

/// `{ url, pathname, search, headers: Object.fromEntries(request.headers) }`: what a route
/// handler (or the proxy) sees of its request; `Headers` iterate in name order.
pub fn echo(request: &RouteRequest) -> Value {
    let mut headers = request.header_entries();
    headers.sort();
    json!({
        "url": request.url(),
        "pathname": request.path,
        "search": request.search(),
        "headers": headers.into_iter().map(|(n, v)| (n, Value::String(v))).collect::<Map<_, _>>(),
    })
}

/// handler/route.js
pub fn handler(export: &str, request: &RouteRequest) -> Handled {
    match export {
        "GET" => Handled::Answer(WebResponse::json(&echo(request))),
        _ => Handled::NotMirrored,
    }
}

/// probe/route.js: each header named by a `name` search parameter, null when absent.
pub fn probe(export: &str, request: &RouteRequest) -> Handled {
    if export != "GET" {
        return Handled::NotMirrored;
    }
    let names = request.search_params().into_iter().filter(|(k, _)| k == "name").map(|(_, v)| v);
    let probed: Map<String, Value> = names.map(|name| (name.clone(), json!(request.header(&name)))).collect();
    Handled::Answer(WebResponse::json(&Value::Object(probed)))
}

/// page/page.js: `headers()` as `<dt>`/`<dd>` pairs in the request's order, then each header named
/// by a `name` search parameter (or `absent`).
pub fn page(export: &str, request: &RouteRequest) -> Handled {
    let pairs: String = request
        .header_entries()
        .iter()
        .map(|(name, value)| format!("<div><dt>{}</dt><dd>{}</dd></div>", escape(name), escape(value)))
        .collect();
    let names = request.search_params().into_iter().filter(|(k, _)| k == "name").map(|(_, v)| v);
    let probes: String = names
        .map(|name| {
            let value = request.header(&name).unwrap_or_else(|| "absent".into());
            format!("<li id=\"probe-{}\">{}</li>", escape(&name), escape(&value))
        })
        .collect();
    pages::markup(export, &format!("<dl>{pairs}</dl><ul>{probes}</ul>"))
}

/// pages/api/request-headers.js: `req.url`, `req.headers` and each header named by a `name`
/// query parameter (null when absent).
pub fn api(req: &ApiRequest, res: &mut ApiResponse) -> Result<(), Thrown> {
    let mut headers = Map::new();
    for (name, value) in &req.headers {
        let value = String::from_utf8_lossy(value.as_bytes()).into_owned();
        headers
            .entry(name.as_str())
            .and_modify(|joined| *joined = Value::String(format!("{}, {value}", joined.as_str().unwrap_or_default())))
            .or_insert(Value::String(value));
    }
    let names: Vec<String> = match req.query.get("name") {
        Some(Value::String(one)) => vec![one.clone()],
        Some(Value::Array(many)) => many.iter().filter_map(Value::as_str).map(str::to_owned).collect(),
        _ => vec![],
    };
    let probe: Map<String, Value> = names.into_iter().map(|name| (name.clone(), headers.get(&name).cloned().unwrap_or(Value::Null))).collect();
    res.status(200).json(&json!({ "url": req.url, "headers": headers, "probe": probe }));
    Ok(())
}
