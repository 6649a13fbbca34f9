//! Mirrors of `fixture-apps/cache-components/` (Next.js 16, `cacheComponents: true`): route
//! handlers answering times from the 'use cache' functions of `lib/stamps.js`, handlers calling
//! `revalidateTag` and `updateTag`, 'use cache' pages with each kind of profile, and pages whose
//! Server Actions revalidate tags.

use crate::cache::life::CacheLife;
use crate::code::{Handled, Mirror};
use super::MirrorSet;
use crate::server_action::form;
use crate::web::{RouteRequest, TagProfile, WebResponse};
use serde_json::{Value, json};

pub const MIRRORS: MirrorSet = MirrorSet {
    app: "cache-components",
    routes: &[
        Mirror { file: "app/actions/revalidate-tag/page.js", handle: action_revalidate_tag },
        Mirror { file: "app/actions/update-tag/page.js", handle: action_update_tag },
        Mirror { file: "app/cached/brief/route.js", handle: cached_brief },
        Mirror { file: "app/cached/data-tagged/route.js", handle: cached_data_tagged },
        Mirror { file: "app/cached/default-again/route.js", handle: cached_default },
        Mirror { file: "app/cached/default/route.js", handle: cached_default },
        Mirror { file: "app/cached/max/route.js", handle: cached_max },
        Mirror { file: "app/cached/multi-tagged/route.js", handle: cached_multi_tagged },
        Mirror { file: "app/cached/seconds/route.js", handle: cached_seconds },
        Mirror { file: "app/cached/tag-limits/route.js", handle: cached_tag_limits },
        Mirror { file: "app/cached/tagged/route.js", handle: cached_tagged },
        Mirror { file: "app/cached/twice-tagged/route.js", handle: cached_twice_tagged },
        Mirror { file: "app/pages/default/page.js", handle: page_default },
        Mirror { file: "app/pages/lingering/page.js", handle: page_lingering },
        Mirror { file: "app/pages/nested-default/page.js", handle: page_nested_default },
        Mirror { file: "app/pages/nested/page.js", handle: page_nested },
        Mirror { file: "app/pages/swift/page.js", handle: page_swift },
        Mirror { file: "app/pages/tagged/page.js", handle: page_tagged },
        Mirror { file: "app/profiles/days/page.js", handle: page_days },
        Mirror { file: "app/profiles/empty/page.js", handle: page_empty_profile },
        Mirror { file: "app/profiles/inline/page.js", handle: page_inline_profile },
        Mirror { file: "app/profiles/max/page.js", handle: page_max },
        Mirror { file: "app/profiles/minutes/page.js", handle: page_minutes },
        Mirror { file: "app/profiles/weeks/page.js", handle: page_weeks },
        Mirror { file: "app/revalidate-tag-once/route.js", handle: revalidate_tag_once },
        Mirror { file: "app/revalidate-tag/route.js", handle: revalidate_tag },
        Mirror { file: "app/source/route.js", handle: source },
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
        scope.cache_tag(&[format!("tag-{key}")]);
        json!({ "key": key, "cached": request.date_now() })
    })
}

/// lib/stamps.js `multiTaggedStamp(key)`: 'use cache', `cacheTag('multi-a-<key>', 'multi-b-<key>')`.
fn multi_tagged_stamp(request: &RouteRequest, key: &str) -> Value {
    request.use_cache("lib/stamps.js#multiTaggedStamp", &json!([key]), |scope| {
        scope.cache_tag(&[format!("multi-a-{key}"), format!("multi-b-{key}")]);
        json!({ "key": key, "cached": request.date_now() })
    })
}

/// lib/stamps.js `maxStamp(key)`: 'use cache', `cacheLife('max')`.
fn max_stamp(request: &RouteRequest, key: &str) -> Value {
    request.use_cache("lib/stamps.js#maxStamp", &json!([key]), |scope| {
        scope.cache_life("max");
        json!({ "key": key, "cached": request.date_now() })
    })
}

/// lib/stamps.js `secondsStamp(key)`: 'use cache', `cacheLife('seconds')`.
fn seconds_stamp(request: &RouteRequest, key: &str) -> Value {
    request.use_cache("lib/stamps.js#secondsStamp", &json!([key]), |scope| {
        scope.cache_life("seconds");
        json!({ "key": key, "cached": request.date_now() })
    })
}

/// lib/stamps.js `twiceTaggedStamp(key)`: 'use cache', `cacheTag('twice-<key>', 'twice-<key>')`
/// then `cacheTag('twice-<key>')`.
fn twice_tagged_stamp(request: &RouteRequest, key: &str) -> Value {
    request.use_cache("lib/stamps.js#twiceTaggedStamp", &json!([key]), |scope| {
        let tag = format!("twice-{key}");
        scope.cache_tag(&[&tag, &tag]);
        scope.cache_tag(&[&tag]);
        json!({ "key": key, "cached": request.date_now() })
    })
}

/// lib/stamps.js `tagLimitsStamp(key)`: 'use cache', one cacheTag call with `limit-<key>-long`
/// padded to 257 characters, then `limit-<key>-1` to `limit-<key>-130`.
fn tag_limits_stamp(request: &RouteRequest, key: &str) -> Value {
    request.use_cache("lib/stamps.js#tagLimitsStamp", &json!([key]), |scope| {
        let long = format!("{:x<257}", format!("limit-{key}-long"));
        let tags: Vec<String> = std::iter::once(long).chain((1..=130).map(|i| format!("limit-{key}-{i}"))).collect();
        scope.cache_tag(&tags);
        json!({ "key": key, "cached": request.date_now() })
    })
}

/// lib/stamps.js `dataTaggedStamp(origin, key)`: 'use cache', fetches the app's source for
/// `key` and tags the result `data-<key the source answered>`.
fn data_tagged_stamp(request: &RouteRequest, key: &str) -> Value {
    let origin = request.origin.clone();
    request.use_cache("lib/stamps.js#dataTaggedStamp", &json!([origin, key]), |scope| {
        let url = format!("{origin}/source?key={}", super::fetch_cache::encode_component(key));
        let data = request.fetch_json(&url, &Default::default()).unwrap_or_default();
        scope.cache_tag(&[format!("data-{}", data["key"].as_str().unwrap_or("null"))]);
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

fn cached_max(export: &str, request: &RouteRequest) -> Handled {
    stamped(export, request, max_stamp)
}

fn cached_seconds(export: &str, request: &RouteRequest) -> Handled {
    stamped(export, request, seconds_stamp)
}

fn cached_twice_tagged(export: &str, request: &RouteRequest) -> Handled {
    stamped(export, request, twice_tagged_stamp)
}

fn cached_tag_limits(export: &str, request: &RouteRequest) -> Handled {
    stamped(export, request, tag_limits_stamp)
}

fn cached_data_tagged(export: &str, request: &RouteRequest) -> Handled {
    stamped(export, request, data_tagged_stamp)
}

/// app/source/route.js: `{ key, now }`.
fn source(export: &str, request: &RouteRequest) -> Handled {
    match export {
        "GET" => Handled::Answer(WebResponse::json(&json!({ "key": request.search_param("key"), "now": request.date_now() }))),
        _ => Handled::NotMirrored,
    }
}

/// app/revalidate-tag-once/route.js: POST `revalidateTag(<?tag=>)` with one argument.
fn revalidate_tag_once(export: &str, request: &RouteRequest) -> Handled {
    if export != "POST" {
        return Handled::NotMirrored;
    }
    let tag = request.search_param("tag").unwrap_or_default();
    request.revalidate_tag(&tag);
    Handled::Answer(WebResponse::json(&json!({ "revalidated": tag })))
}

/// The `x-action-key` header of an action's request (`null` without one, as `${}` writes it).
fn action_key(request: &RouteRequest) -> String {
    request.header("x-action-key").unwrap_or_else(|| "null".into())
}

/// app/actions/revalidate-tag/page.js: its action `revalidate` calls
/// `revalidateTag('tag-<x-action-key>')` with one argument.
fn action_revalidate_tag(export: &str, request: &RouteRequest) -> Handled {
    match export {
        "default" => action_page("app/actions/revalidate-tag/page.js", "revalidate", "Revalidate the tag"),
        "revalidate" => {
            request.revalidate_tag(&format!("tag-{}", action_key(request)));
            Handled::Answer(WebResponse::empty())
        }
        _ => Handled::NotMirrored,
    }
}

/// app/actions/update-tag/page.js: its action `update` calls `updateTag('tag-<x-action-key>')`.
fn action_update_tag(export: &str, request: &RouteRequest) -> Handled {
    match export {
        "default" => action_page("app/actions/update-tag/page.js", "update", "Update the tag"),
        "update" => match request.update_tag(&format!("tag-{}", action_key(request))) {
            Ok(()) => Handled::Answer(WebResponse::empty()),
            Err(thrown) => Handled::Throw(thrown),
        },
        _ => Handled::NotMirrored,
    }
}

/// A page with one form, whose action is `action` of `file`.
fn action_page(file: &str, action: &str, button: &str) -> Handled {
    let html = format!("<main>{}</main>", form(file, action, &format!("<button type=\"submit\">{button}</button>")));
    Handled::Answer(WebResponse::text(&html).with_header("content-type", "text/html; charset=utf-8"))
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

/// app/pages/nested-default/page.js: 'use cache', no `cacheLife`, around `<SwiftTime />`.
fn page_nested_default(export: &str, request: &RouteRequest) -> Handled {
    match export {
        "default" => request.cached_page(|_| now_markup_with(request, &swift_time(request))),
        _ => Handled::NotMirrored,
    }
}

/// app/pages/tagged/page.js: 'use cache', `cacheTag('tagged-page')`.
fn page_tagged(export: &str, request: &RouteRequest) -> Handled {
    match export {
        "default" => request.cached_page(|scope| {
            scope.cache_tag(&["tagged-page"]);
            now_markup(request)
        }),
        _ => Handled::NotMirrored,
    }
}

/// app/profiles/inline/page.js: `cacheLife({ stale: 3600, revalidate: 900, expire: 86400 })`.
fn page_inline_profile(export: &str, request: &RouteRequest) -> Handled {
    inline_profiled_page(export, request, CacheLife::inline(Some(3600), Some(900), Some(86400)))
}

/// app/profiles/empty/page.js: `cacheLife({})`.
fn page_empty_profile(export: &str, request: &RouteRequest) -> Handled {
    inline_profiled_page(export, request, CacheLife::inline(None, None, None))
}

fn inline_profiled_page(export: &str, request: &RouteRequest, life: CacheLife) -> Handled {
    match export {
        "default" => request.cached_page(|scope| {
            scope.cache_life_inline(life);
            now_markup(request)
        }),
        _ => Handled::NotMirrored,
    }
}

/// app/profiles/minutes/page.js
fn page_minutes(export: &str, request: &RouteRequest) -> Handled {
    profiled_page(export, request, "minutes")
}

/// app/profiles/days/page.js
fn page_days(export: &str, request: &RouteRequest) -> Handled {
    profiled_page(export, request, "days")
}

/// app/profiles/weeks/page.js
fn page_weeks(export: &str, request: &RouteRequest) -> Handled {
    profiled_page(export, request, "weeks")
}

/// app/profiles/max/page.js
fn page_max(export: &str, request: &RouteRequest) -> Handled {
    profiled_page(export, request, "max")
}

/// app/pages/default/page.js: 'use cache' at the top, no `cacheLife`.
pub(super) fn page_default(export: &str, request: &RouteRequest) -> Handled {
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

pub(super) fn profiled_page(export: &str, request: &RouteRequest, profile: &str) -> Handled {
    match export {
        "default" => request.cached_page(|scope| {
            scope.cache_life(profile);
            now_markup(request)
        }),
        _ => Handled::NotMirrored,
    }
}
