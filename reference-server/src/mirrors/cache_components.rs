//! Mirrors of `fixture-apps/cache-components/` (Next.js 16, `cacheComponents: true`): route
//! handlers answering times from the 'use cache' functions of `lib/stamps.js`, handlers calling
//! `revalidateTag(tag, profile)` and `updateTag`, and 'use cache' pages.

use crate::code::{Handled, Mirror};
use super::MirrorSet;
use crate::web::{RouteRequest, TagProfile, WebResponse};
use serde_json::{Value, json};

pub const MIRRORS: MirrorSet = MirrorSet {
    app: "cache-components",
    routes: &[
        Mirror { file: "app/cached/brief/route.js", handle: cached_brief },
        Mirror { file: "app/cached/default-again/route.js", handle: cached_default },
        Mirror { file: "app/cached/default/route.js", handle: cached_default },
        Mirror { file: "app/cached/multi-tagged/route.js", handle: cached_multi_tagged },
        Mirror { file: "app/cached/tagged/route.js", handle: cached_tagged },
        Mirror { file: "app/pages/default/page.js", handle: page_default },
        Mirror { file: "app/pages/lingering/page.js", handle: page_lingering },
        Mirror { file: "app/pages/nested/page.js", handle: page_nested },
        Mirror { file: "app/pages/swift/page.js", handle: page_swift },
        Mirror { file: "app/revalidate-tag/route.js", handle: revalidate_tag },
        Mirror { file: "app/update-tag/route.js", handle: update_tag },
    ],
    api: &[],
    pages: &[],
    metadata: &[],
    wrappers: &[],
};

/// lib/stamps.js `defaultStamp(key)`: 'use cache', the default profile.
fn default_stamp(request: &RouteRequest, key: &str) -> Value {
    request.use_cache("lib/stamps.js#defaultStamp", &json!([key]), |_| json!({ "key": key, "cached": request.date_now() }))
}

/// lib/stamps.js `briefStamp(key)`: 'use cache', `cacheLife('brief')`.
fn brief_stamp(request: &RouteRequest, key: &str) -> Value {
    request.use_cache("lib/stamps.js#briefStamp", &json!([key]), |scope| {
        scope.cache_life("brief");
        json!({ "key": key, "cached": request.date_now() })
    })
}

/// lib/stamps.js `taggedStamp(key)`: 'use cache', `cacheTag('tag-<key>')`.
fn tagged_stamp(request: &RouteRequest, key: &str) -> Value {
    request.use_cache("lib/stamps.js#taggedStamp", &json!([key]), |scope| {
        scope.cache_tag(&format!("tag-{key}"));
        json!({ "key": key, "cached": request.date_now() })
    })
}

/// lib/stamps.js `multiTaggedStamp(key)`: 'use cache', `cacheTag('multi-a-<key>', 'multi-b-<key>')`.
fn multi_tagged_stamp(request: &RouteRequest, key: &str) -> Value {
    request.use_cache("lib/stamps.js#multiTaggedStamp", &json!([key]), |scope| {
        scope.cache_tag(&format!("multi-a-{key}"));
        scope.cache_tag(&format!("multi-b-{key}"));
        json!({ "key": key, "cached": request.date_now() })
    })
}

/// lib/stamps.js `SwiftTime`: 'use cache', `cacheLife('swift')`, renders `<p id="inner">` with the time.
fn swift_time(request: &RouteRequest) -> String {
    let rendered = request.use_cache("lib/stamps.js#SwiftTime", &json!([]), |scope| {
        scope.cache_life("swift");
        json!(format!("<p id=\"inner\">{}</p>", request.date_now()))
    });
    rendered.as_str().unwrap_or_default().to_owned()
}

/// The GET of app/cached/*/route.js: `{ key, cached: <the stamp's time>, now }`.
fn stamped(export: &str, request: &RouteRequest, stamp: fn(&RouteRequest, &str) -> Value) -> Handled {
    if export != "GET" {
        return Handled::NotMirrored;
    }
    let key = request.search_param("key").unwrap_or_default();
    let stamp = stamp(request, &key);
    Handled::Answer(WebResponse::json(&json!({ "key": key, "cached": stamp["cached"], "now": request.date_now() })))
}

/// cached/default and cached/default-again.
fn cached_default(export: &str, request: &RouteRequest) -> Handled {
    stamped(export, request, default_stamp)
}

fn cached_brief(export: &str, request: &RouteRequest) -> Handled {
    stamped(export, request, brief_stamp)
}

fn cached_tagged(export: &str, request: &RouteRequest) -> Handled {
    stamped(export, request, tagged_stamp)
}

fn cached_multi_tagged(export: &str, request: &RouteRequest) -> Handled {
    stamped(export, request, multi_tagged_stamp)
}

/// app/revalidate-tag/route.js: POST `revalidateTag(<?tag= or 'tag-<key>'>, 'max')`, or with
/// `{ expire: 0 }` when `?expire=0`.
fn revalidate_tag(export: &str, request: &RouteRequest) -> Handled {
    if export != "POST" {
        return Handled::NotMirrored;
    }
    let tag = request.search_param("tag").unwrap_or_else(|| format!("tag-{}", request.search_param("key").unwrap_or_default()));
    let (profile, shown) = match request.search_param("expire").as_deref() {
        Some("0") => (TagProfile::Expire(0), json!({ "expire": 0 })),
        _ => (TagProfile::Named("max".into()), json!("max")),
    };
    request.revalidate_tag_with(&tag, profile);
    Handled::Answer(WebResponse::json(&json!({ "revalidated": tag, "profile": shown })))
}

/// app/update-tag/route.js: POST `updateTag('tag-<key>')`, which throws here.
fn update_tag(export: &str, request: &RouteRequest) -> Handled {
    if export != "POST" {
        return Handled::NotMirrored;
    }
    let tag = format!("tag-{}", request.search_param("key").unwrap_or_default());
    if let Err(thrown) = request.update_tag(&tag) {
        return Handled::Throw(thrown);
    }
    Handled::Answer(WebResponse::json(&json!({ "updated": tag })))
}

/// A page rendering `<main><p id="now">…</p>{inner}</main>`.
fn now_markup_with(request: &RouteRequest, inner: &str) -> Handled {
    let html = format!("<main><p id=\"now\">{}</p>{inner}</main>", request.date_now());
    Handled::Answer(WebResponse::text(&html).with_header("content-type", "text/html; charset=utf-8"))
}

fn now_markup(request: &RouteRequest) -> Handled {
    now_markup_with(request, "")
}

/// app/pages/nested/page.js: 'use cache', `cacheLife('hours')`, around `<SwiftTime />`.
fn page_nested(export: &str, request: &RouteRequest) -> Handled {
    match export {
        "default" => request.cached_page(|scope| {
            scope.cache_life("hours");
            now_markup_with(request, &swift_time(request))
        }),
        _ => Handled::NotMirrored,
    }
}

/// app/pages/default/page.js: 'use cache' at the top, no `cacheLife`.
fn page_default(export: &str, request: &RouteRequest) -> Handled {
    match export {
        "default" => request.cached_page(|_| now_markup(request)),
        _ => Handled::NotMirrored,
    }
}

/// app/pages/swift/page.js: 'use cache' at the top, `cacheLife('swift')`.
fn page_swift(export: &str, request: &RouteRequest) -> Handled {
    profiled_page(export, request, "swift")
}

/// app/pages/lingering/page.js: 'use cache' at the top, `cacheLife('lingering')`.
fn page_lingering(export: &str, request: &RouteRequest) -> Handled {
    profiled_page(export, request, "lingering")
}

fn profiled_page(export: &str, request: &RouteRequest, profile: &str) -> Handled {
    match export {
        "default" => request.cached_page(|scope| {
            scope.cache_life(profile);
            now_markup(request)
        }),
        _ => Handled::NotMirrored,
    }
}
