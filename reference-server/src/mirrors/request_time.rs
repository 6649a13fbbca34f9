//! Mirrors of `fixture-app/app/route-handlers/request-time/**/route.js`: the request-time APIs
//! `connection()` and `after()` from `next/server` and `draftMode()` from `next/headers`.

use crate::code::Handled;
use crate::draft_mode;
use crate::web::{RouteRequest, WebResponse, random_uuid};
use serde_json::json;
use std::collections::BTreeSet;
use std::sync::Mutex;

/// request-time/connection/route.js: after `await connection()`, a fresh id and the time.
pub fn connection(export: &str, request: &RouteRequest) -> Handled {
    match export {
        "GET" => Handled::Answer(WebResponse::json(&json!({
            "id": random_uuid(),
            "at": request.clock.http_date(),
        }))),
        _ => Handled::NotMirrored,
    }
}

/// The module-level `done` set of request-time/after/route.js, in each server process: tokens
/// whose `after` callback ran (`None` for a request without one, as `searchParams.get` gives
/// `null`). The servers of one test process are told apart by the port they listen on.
static AFTER_DONE: Mutex<BTreeSet<(Option<u16>, Option<String>)>> = Mutex::new(BTreeSet::new());

fn done() -> std::sync::MutexGuard<'static, BTreeSet<(Option<u16>, Option<String>)>> {
    AFTER_DONE.lock().unwrap_or_else(|poisoned| poisoned.into_inner())
}

/// request-time/after/route.js. POST forgets the token, schedules a callback that records it,
/// and answers whether it is done (it is not: the callback runs once the response is made).
/// GET answers whether the token's callback has run.
pub fn after(export: &str, request: &RouteRequest) -> Handled {
    let token = (request.env_port, request.search_param("token"));
    match export {
        "POST" => {
            done().remove(&token);
            let recorded = token.clone();
            request.after(move |_| {
                done().insert(recorded);
            });
            Handled::Answer(WebResponse::json(&json!({ "doneWhenResponding": done().contains(&token) })))
        }
        "GET" => Handled::Answer(WebResponse::json(&json!({ "done": done().contains(&token) }))),
        _ => Handled::NotMirrored,
    }
}

/// request-time/draft-mode/enable/route.js: `enable()`, then `isEnabled`.
pub fn draft_mode_enable(export: &str, _request: &RouteRequest) -> Handled {
    match export {
        "GET" => Handled::Answer(
            WebResponse::json(&json!({ "isEnabled": true })).with_appended_header("set-cookie", &draft_mode::enable_cookie()),
        ),
        _ => Handled::NotMirrored,
    }
}

/// request-time/draft-mode/disable/route.js: `disable()`, then `isEnabled`.
pub fn draft_mode_disable(export: &str, _request: &RouteRequest) -> Handled {
    match export {
        "GET" => Handled::Answer(
            WebResponse::json(&json!({ "isEnabled": false })).with_appended_header("set-cookie", &draft_mode::disable_cookie()),
        ),
        _ => Handled::NotMirrored,
    }
}

/// request-time/draft-mode/status/route.js: `isEnabled`.
pub fn draft_mode_status(export: &str, request: &RouteRequest) -> Handled {
    match export {
        "GET" => Handled::Answer(WebResponse::json(&json!({ "isEnabled": draft_mode::is_enabled(request) }))),
        _ => Handled::NotMirrored,
    }
}
