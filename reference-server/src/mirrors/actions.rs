//! Mirrors of `fixture-app/app/actions/**`: pages whose form calls an inline Server Action that
//! sets or deletes a cookie, revalidates, calls `forbidden()` or schedules `after()`. Each
//! function handles the page's default export and its action, by the action's name.

use super::after::{forget, record};
use crate::code::Handled;
use crate::html::escape;
use crate::navigation::Interrupt;
use crate::server_action::form;
use crate::web::{RouteRequest, WebResponse};
use serde_json::json;

fn page(markup: String) -> Handled {
    Handled::Answer(WebResponse::text(format!("<main>{markup}</main>")).with_header("content-type", "text/html; charset=utf-8"))
}

/// `<p id="cookie">` with the `action-cookie` cookie (`none` without one) and the form.
fn cookie_page(request: &RouteRequest, file: &str, action: &str, button: &str) -> Handled {
    let value = request.cookie("action-cookie").unwrap_or_else(|| "none".into());
    page(format!("<p id=\"cookie\">{}</p>{}", escape(&value), form(file, action, &format!("<button type=\"submit\">{button}</button>"))))
}

/// The `x-action-key` header of the action's request (`null` without one, as `${}` writes it).
fn action_key(request: &RouteRequest) -> String {
    request.header("x-action-key").unwrap_or_else(|| "null".into())
}

/// actions/set-cookie/page.js: `setCookie` sets `action-cookie=set-by-action`.
pub fn set_cookie(export: &str, request: &RouteRequest) -> Handled {
    match export {
        "default" => cookie_page(request, "app/actions/set-cookie/page.js", "setCookie", "Set the cookie"),
        "setCookie" => match request.set_cookie("action-cookie", "set-by-action", json!({})) {
            Ok(()) => Handled::Answer(WebResponse::empty()),
            Err(thrown) => Handled::Throw(thrown),
        },
        _ => Handled::NotMirrored,
    }
}

/// actions/delete-cookie/page.js: `deleteCookie` deletes `action-cookie`.
pub fn delete_cookie(export: &str, request: &RouteRequest) -> Handled {
    match export {
        "default" => cookie_page(request, "app/actions/delete-cookie/page.js", "deleteCookie", "Delete the cookie"),
        "deleteCookie" => {
            request.cookies.borrow_mut().delete(json!("action-cookie"));
            Handled::Answer(WebResponse::empty())
        }
        _ => Handled::NotMirrored,
    }
}

/// actions/revalidate-path/page.js: the time; `revalidateThisPage` revalidates the page's path.
pub fn revalidate_path(export: &str, request: &RouteRequest) -> Handled {
    const FILE: &str = "app/actions/revalidate-path/page.js";
    match export {
        "default" => page(format!(
            "<p id=\"now\">{}</p>{}",
            request.date_now(),
            form(FILE, "revalidateThisPage", "<button type=\"submit\">Revalidate this page</button>")
        )),
        "revalidateThisPage" => {
            request.revalidate_path("/actions/revalidate-path");
            Handled::Answer(WebResponse::empty())
        }
        _ => Handled::NotMirrored,
    }
}

/// actions/revalidate-tag/page.js: `revalidateKey` revalidates `tag-<x-action-key>`.
pub fn revalidate_tag(export: &str, request: &RouteRequest) -> Handled {
    const FILE: &str = "app/actions/revalidate-tag/page.js";
    match export {
        "default" => page(form(FILE, "revalidateKey", "<button type=\"submit\">Revalidate the tag</button>")),
        "revalidateKey" => {
            request.revalidate_tag(&format!("tag-{}", action_key(request)));
            Handled::Answer(WebResponse::empty())
        }
        _ => Handled::NotMirrored,
    }
}

/// actions/forbidden/page.js: `refuse` calls forbidden().
pub fn forbidden(export: &str, _request: &RouteRequest) -> Handled {
    match export {
        "default" => page(form("app/actions/forbidden/page.js", "refuse", "<button type=\"submit\">Try</button>")),
        "refuse" => Handled::Interrupt(Interrupt::Forbidden),
        _ => Handled::NotMirrored,
    }
}

/// actions/after/page.js: `later` schedules a callback recording the `probe` cookie under the
/// `x-action-key` header.
pub fn after(export: &str, request: &RouteRequest) -> Handled {
    match export {
        "default" => page(form("app/actions/after/page.js", "later", "<button type=\"submit\">Go</button>")),
        "later" => {
            let key = request.header("x-action-key").unwrap_or_default();
            forget(request, &key);
            request.after(move |request| {
                let probe = request.cookie_after("probe").ok().flatten().unwrap_or_else(|| "none".into());
                record(request, &key, &format!("action cookie:{probe}"));
            });
            Handled::Answer(WebResponse::empty())
        }
        _ => Handled::NotMirrored,
    }
}
