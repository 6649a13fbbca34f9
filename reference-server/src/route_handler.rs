//! Method dispatch for `route.js` files, as the Next.js app-route module does it: exported
//! methods run; HEAD falls back to GET without a body; OPTIONS is answered with an `Allow`
//! list when not exported; other methods Next.js supports get 405, and any other method 400.
//! A `next/navigation` interrupt becomes its bodiless answer (see [`crate::navigation`]).
//! Whatever answers, a stale preview session is cleared first (see [`draft_mode`]).

use crate::draft_mode;
use crate::code::{Handled, Mirror};
use crate::navigation::Interrupt;
use crate::web::{RouteRequest, WebResponse};

/// The methods a route file can export, as Next.js lists them.
pub const HTTP_METHODS: [&str; 7] = ["GET", "HEAD", "OPTIONS", "POST", "PUT", "DELETE", "PATCH"];

/// What dispatch decided, before the server's own headers are added.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Dispatch {
    /// The handler's (or the automatic OPTIONS) response; `strip_body` for HEAD run as GET.
    Respond { response: WebResponse, strip_body: bool },
    /// The handler threw.
    Threw(String),
}

pub fn dispatch(exported: &[String], mirror: &Mirror, request: &RouteRequest) -> Dispatch {
    match dispatch_method(exported, mirror, request) {
        Dispatch::Respond { mut response, strip_body } => {
            let clearing = draft_mode::stale_session_lines(request).into_iter().map(|line| ("set-cookie".to_owned(), line));
            response.headers.splice(0..0, clearing);
            Dispatch::Respond { response, strip_body }
        }
        threw => threw,
    }
}

fn dispatch_method(exported: &[String], mirror: &Mirror, request: &RouteRequest) -> Dispatch {
    let method = request.method.as_str();
    let exports = |m: &str| exported.iter().any(|e| e == m);
    // What the handler set or deleted through `cookies()` goes out with its answer.
    let with_cookies = |response: WebResponse| {
        let lines = request.cookies.borrow().set_cookie_lines();
        lines.iter().fold(response, |r, line| r.with_appended_header("set-cookie", line))
    };
    let call = |export: &str, strip_body: bool| match (mirror.handle)(export, request) {
        Handled::Answer(response) => Dispatch::Respond { response: with_cookies(response), strip_body },
        // `redirect()` keeps what `cookies()` set, as an answer does; `notFound()`,
        // `forbidden()` and `unauthorized()` answer with their status alone.
        Handled::Interrupt(interrupt @ Interrupt::Redirect { .. }) => {
            Dispatch::Respond { response: with_cookies(interrupt.handler_response()), strip_body }
        }
        Handled::Interrupt(interrupt) => Dispatch::Respond { response: interrupt.handler_response(), strip_body },
        Handled::Throw(error) => Dispatch::Threw(error.0),
        Handled::NotMirrored => Dispatch::Threw(format!("{} exports {export} but its mirror does not handle it", mirror.file)),
    };
    if !HTTP_METHODS.contains(&method) {
        return Dispatch::Respond { response: WebResponse::empty().with_status(400), strip_body: false };
    }
    if exports(method) {
        return call(method, false);
    }
    match method {
        "HEAD" if exports("GET") => call("GET", true),
        "OPTIONS" => Dispatch::Respond { response: automatic_options(exported), strip_body: false },
        _ => Dispatch::Respond { response: WebResponse::empty().with_status(405), strip_body: false },
    }
}

/// `204 No Content` with `Allow` naming every exported method, HEAD when GET is exported,
/// and OPTIONS itself, in alphabetical order.
fn automatic_options(exported: &[String]) -> WebResponse {
    let mut allow: Vec<&str> = HTTP_METHODS.iter().copied().filter(|m| exported.iter().any(|e| e == m)).collect();
    if allow.contains(&"GET") && !allow.contains(&"HEAD") {
        allow.push("HEAD");
    }
    allow.push("OPTIONS");
    allow.sort_unstable();
    WebResponse::empty().with_status(204).with_header("allow", &allow.join(", "))
}
