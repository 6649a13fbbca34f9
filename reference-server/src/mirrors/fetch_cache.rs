//! Mirrors of `fixture-app/app/fetch-cache/**`: a data source, routes that fetch it with each
//! caching option and answer its time next to their own, and routes that revalidate.

use crate::code::Handled;
use crate::cache::segment::Revalidate;
use crate::cache::{FetchInit, RequestCache};
use crate::web::{RouteRequest, WebResponse};
use serde_json::json;

/// fetch-cache/source/route.js: the key asked for and the time.
pub fn source(export: &str, request: &RouteRequest) -> Handled {
    match export {
        "GET" => Handled::Answer(WebResponse::json(&json!({ "key": request.search_param("key"), "now": request.date_now() }))),
        _ => Handled::NotMirrored,
    }
}

/// The GET of every fetching route: `await connection()`, fetch the source for `?key=` with
/// `init`, answer `{ fetched: <source's time>, now }`.
fn fetching(export: &str, request: &RouteRequest, init: impl Fn(&str) -> FetchInit) -> Handled {
    if export != "GET" {
        return Handled::NotMirrored;
    }
    let key = request.search_param("key").unwrap_or_default();
    let url = request.resolve(&format!("/fetch-cache/source?key={}", encode_component(&key)));
    match request.fetch_json(&url, &init(&key)) {
        Ok(data) => Handled::Answer(WebResponse::json(&json!({ "fetched": data["now"], "now": request.date_now() }))),
        Err(thrown) => Handled::Throw(thrown),
    }
}

/// fetch-cache/default (no option), fetch-cache/default-cache-config (`fetchCache =
/// 'default-cache'`, no option).
pub fn no_option(export: &str, request: &RouteRequest) -> Handled {
    fetching(export, request, |_| FetchInit::default())
}

/// fetch-cache/force-cache and fetch-cache/path-data, and fetch-cache/force-no-store-config
/// (`fetchCache = 'force-no-store'` over it).
pub fn force_cache(export: &str, request: &RouteRequest) -> Handled {
    fetching(export, request, |_| FetchInit { cache: Some(RequestCache::ForceCache), ..Default::default() })
}

/// fetch-cache/no-store.
pub fn no_store(export: &str, request: &RouteRequest) -> Handled {
    fetching(export, request, |_| FetchInit { cache: Some(RequestCache::NoStore), ..Default::default() })
}

/// fetch-cache/revalidate: `next: { revalidate: 2 }`.
pub fn revalidate(export: &str, request: &RouteRequest) -> Handled {
    fetching(export, request, |_| FetchInit { revalidate: Some(Revalidate::After(2)), ..Default::default() })
}

/// fetch-cache/tagged: `cache: 'force-cache', next: { tags: ['tag-<key>'] }`.
pub fn tagged(export: &str, request: &RouteRequest) -> Handled {
    fetching(export, request, |key| FetchInit {
        cache: Some(RequestCache::ForceCache),
        revalidate: None,
        tags: vec![format!("tag-{key}")],
    })
}

/// fetch-cache/revalidate-tag: POST `revalidateTag('tag-<key>')`.
pub fn revalidate_tag(export: &str, request: &RouteRequest) -> Handled {
    match export {
        "POST" => {
            let tag = format!("tag-{}", request.search_param("key").unwrap_or_default());
            request.revalidate_tag(&tag);
            Handled::Answer(WebResponse::json(&json!({ "revalidated": tag })))
        }
        _ => Handled::NotMirrored,
    }
}

/// fetch-cache/revalidate-path: POST `revalidatePath(<?path= or />)`.
pub fn revalidate_path(export: &str, request: &RouteRequest) -> Handled {
    match export {
        "POST" => {
            let path = request.search_param("path").unwrap_or_else(|| "/".into());
            request.revalidate_path(&path);
            Handled::Answer(WebResponse::json(&json!({ "revalidated": path })))
        }
        _ => Handled::NotMirrored,
    }
}

/// `encodeURIComponent`.
fn encode_component(text: &str) -> String {
    const KEEP: &[u8] = b"-_.!~*'()";
    text.bytes()
        .map(|b| if b.is_ascii_alphanumeric() || KEEP.contains(&b) { (b as char).to_string() } else { format!("%{b:02X}") })
        .collect()
}
