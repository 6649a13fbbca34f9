//! Mirrors of the fixture pages and handlers that read the request through Next.js's request
//! APIs: `fixture-app/app/request-apis/**` (`cookies()` and `headers()` in pages),
//! `app/connection/**` (`connection()` in a page) and `app/draft-mode/**` (`draftMode()` in a
//! page, and read without `await`).

use crate::code::Handled;
use crate::draft_mode;
use crate::html::escape;
use crate::web::{RouteRequest, WebResponse};
use serde_json::json;

fn page(markup: String) -> Handled {
    Handled::Answer(WebResponse::text(format!("<main>{markup}</main>")).with_header("content-type", "text/html; charset=utf-8"))
}

/// request-apis/cookies-page/page.js: the `probe` cookie (`none`) and the time.
pub fn cookies_page(export: &str, request: &RouteRequest) -> Handled {
    match export {
        "default" => {
            let probe = request.cookie("probe").unwrap_or_else(|| "none".into());
            page(format!("<p id=\"cookie\">{}</p><p id=\"now\">{}</p>", escape(&probe), request.date_now()))
        }
        _ => Handled::NotMirrored,
    }
}

/// request-apis/headers-page/page.js: the `x-probe` header (`none`) and the time.
pub fn headers_page(export: &str, request: &RouteRequest) -> Handled {
    match export {
        "default" => {
            let probe = request.header("x-probe").unwrap_or_else(|| "none".into());
            page(format!("<p id=\"header\">{}</p><p id=\"now\">{}</p>", escape(&probe), request.date_now()))
        }
        _ => Handled::NotMirrored,
    }
}

/// request-apis/cookies-set-page/page.js: `(await cookies()).set('from-page', '1')`, which
/// throws in a Server Component.
pub fn cookies_set_page(export: &str, request: &RouteRequest) -> Handled {
    match export {
        "default" => match request.set_cookie("from-page", "1", json!({})) {
            Ok(()) => page("<p id=\"set\">set</p>".into()),
            Err(thrown) => Handled::Throw(thrown),
        },
        _ => Handled::NotMirrored,
    }
}

/// connection/page/page.js: `await connection()`, then the time.
pub fn connection_page(export: &str, request: &RouteRequest) -> Handled {
    match export {
        "default" => {
            request.connection();
            page(format!("<p id=\"now\">{}</p>", request.date_now()))
        }
        _ => Handled::NotMirrored,
    }
}

/// draft-mode/page/page.js: `Draft Mode is currently {isEnabled ? 'Enabled' : 'Disabled'}`.
pub fn draft_mode_page(export: &str, request: &RouteRequest) -> Handled {
    match export {
        "default" => {
            let state = if draft_mode::is_enabled(request) { "Enabled" } else { "Disabled" };
            // React separates the two text nodes with a comment.
            page(format!("<p id=\"draft\">Draft Mode is currently <!-- -->{state}</p>"))
        }
        _ => Handled::NotMirrored,
    }
}

/// draft-mode/sync/route.js: `draftMode().isEnabled ?? null`, read on the promise; only
/// Next.js 15 gives the promise that property.
pub fn draft_mode_sync(export: &str, request: &RouteRequest) -> Handled {
    match export {
        "GET" => {
            let enabled = request.sync_request_apis().then(|| draft_mode::is_enabled(request));
            Handled::Answer(WebResponse::json(&json!({ "isEnabled": enabled })))
        }
        _ => Handled::NotMirrored,
    }
}
