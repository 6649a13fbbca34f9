//! Mirrors of `fixture-app/app/cookie-caching/**/route.js`: handlers that set a cookie while
//! prerendered, regenerated (ISR) or rendered per request.

use crate::code::Handled;
use crate::web::{RouteRequest, WebResponse};

/// static/route.js and isr/route.js: the kind as body and a `kind` cookie in the answer's own
/// Set-Cookie.
fn own_cookie(export: &str, kind: &str) -> Handled {
    match export {
        "GET" => Handled::Answer(WebResponse::text(kind).with_header("set-cookie", &format!("kind={kind}; Path=/"))),
        _ => Handled::NotMirrored,
    }
}

/// static/route.js (`dynamic = 'force-static'`)
pub fn prerendered(export: &str, _request: &RouteRequest) -> Handled {
    own_cookie(export, "static")
}

/// isr/route.js (`revalidate = 3600`)
pub fn regenerated(export: &str, _request: &RouteRequest) -> Handled {
    own_cookie(export, "isr")
}

/// dynamic/route.js: `(await cookies()).set('kind', 'dynamic')`.
pub fn per_request(export: &str, request: &RouteRequest) -> Handled {
    match export {
        "GET" => {
            request.cookies.borrow_mut().set("kind", "dynamic", serde_json::json!({}));
            Handled::Answer(WebResponse::text("dynamic"))
        }
        _ => Handled::NotMirrored,
    }
}
