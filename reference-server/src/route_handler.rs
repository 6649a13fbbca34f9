//! Method dispatch for `route.js` files, as the Next.js app-route module does it: exported
//! methods run; HEAD falls back to GET without a body; OPTIONS is answered with an `Allow`
//! list when not exported; other methods Next.js supports get 405, and any other method 400.
//! A `next/navigation` interrupt becomes its bodiless answer (see [`crate::navigation`]).
//!
//! The answer goes out with the Web response's fields in `Headers` order (sorted by name), its
//! body chunk by chunk (Next.js pipes every body, a stream or not), a `statusText` as the reason
//! phrase; the server adds its `Vary`.

use crate::body::{Chunks, WireBody};
use crate::cache::CachedAnswer;
use crate::cache::headers::CacheState;
use crate::code::{Handled, Mirror};
use crate::fields::build;
use crate::navigation::Interrupt;
use crate::service::{Answer, Made};
use crate::web::{RouteRequest, WebResponse};
use bytes::Bytes;

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

/// A route module as dispatch sees it: the names it exports and a call of one of them.
#[derive(Clone, Copy)]
pub struct Module<'a> {
    /// The source file, to name in errors.
    pub file: &'a str,
    pub exported: &'a [String],
    pub call: &'a dyn Fn(&str, &RouteRequest) -> Handled,
}

impl<'a> Module<'a> {
    /// The module of a `route.js` file: its exports, and its mirror.
    pub fn of(exported: &'a [String], mirror: &'a Mirror) -> Module<'a> {
        Module { file: mirror.file, exported, call: &mirror.handle }
    }
}

/// The handler's answer to a request it runs for.
pub fn serve(module: Module, request: &RouteRequest) -> Answer {
    match dispatch(module, request) {
        Dispatch::Respond { response, strip_body } => into_answer(response, strip_body),
        Dispatch::Threw(_) => into_answer(WebResponse::empty().with_status(500), false),
    }
}

/// A handler's answer from the route cache, with the route's `Cache-Control` unless the
/// handler's response set its own, and what `x-nextjs-cache` says of it; no body for HEAD.
pub fn cached(answer: CachedAnswer, state: CacheState, cache_control: String, head: bool) -> Answer {
    let mut web = WebResponse { status: answer.status, headers: answer.headers, body: Some(answer.body), ..WebResponse::empty() };
    if web.header("cache-control").is_none() {
        web.headers.push(("cache-control".into(), cache_control));
    }
    web.headers.push(("x-nextjs-cache".into(), state.as_str().into()));
    into_answer(web, head)
}

/// Whether the Fetch standard forbids `method`, so that no Web `Request` can be made of it for
/// a handler (`new Request(url, { method: 'TRACE' })` throws): `TRACE` (Node's parser refuses
/// `TRACK`, and `CONNECT` takes no path).
pub fn fetch_forbidden(method: &str) -> bool {
    method == "TRACE"
}

fn refusal(exported: &[String], method: &str) -> Option<WebResponse> {
    let exports = |m: &str| exported.iter().any(|e| e == m);
    Some(match method {
        _ if !HTTP_METHODS.contains(&method) => WebResponse::empty().with_status(400),
        _ if exports(method) => return None,
        "HEAD" if exports("GET") => return None,
        "OPTIONS" => automatic_options(exported),
        _ => WebResponse::empty().with_status(405),
    })
}

/// A prerendered handler's answer to any method but GET and HEAD: 405, `Allow: GET` and
/// `Allow: HEAD` as two fields, and the status text as a body without a content type.
pub fn static_method_not_allowed() -> Answer {
    // Not a Web `Response` (whose `Headers` would join the values): Next.js writes the fields itself.
    let mut response = WebResponse::bytes(Bytes::from_static(b"Method Not Allowed")).with_status(405);
    response.headers.extend([("allow".to_owned(), "GET".to_owned()), ("allow".to_owned(), "HEAD".to_owned())]);
    into_answer(response, false)
}

/// The answer to a request body over the server's cap.
pub fn payload_too_large() -> Answer {
    into_answer(WebResponse::empty().with_status(413), false)
}

/// The answer as Next.js sends it: the Web response's body is piped, so it goes out chunked
/// whatever it is, and HEAD (run as GET) gets neither a body nor a length.
fn into_answer(web: WebResponse, strip_body: bool) -> Answer {
    let made = Made::Handler { body: web.body.is_some() || web.stream.is_some() };
    let mut headers = web.headers;
    headers.sort_by(|a, b| a.0.cmp(&b.0));
    let chunks = match (web.body, web.stream) {
        _ if strip_body => None,
        (Some(body), _) => Some(vec![body]),
        (None, stream) => stream,
    };
    let mut answer = build(web.status, headers, None).map(WireBody::Left);
    if let Some(chunks) = chunks {
        *answer.body_mut() = WireBody::Right(Chunks::new(chunks));
    }
    if let Some(reason) = web.status_text.and_then(|text| hyper::ext::ReasonPhrase::try_from(text.into_bytes()).ok()) {
        answer.extensions_mut().insert(reason);
    }
    answer.extensions_mut().insert(made);
    answer
}

pub fn dispatch(module: Module, request: &RouteRequest) -> Dispatch {
    let (exported, method) = (module.exported, request.method.as_str());
    let exports = |m: &str| exported.iter().any(|e| e == m);
    // What the handler set or deleted through `cookies()` goes out with its answer.
    let with_cookies = |response: WebResponse| {
        let lines = request.cookies.borrow().set_cookie_lines();
        lines.iter().fold(response, |r, line| r.with_appended_header("set-cookie", line))
    };
    let call = |export: &str, strip_body: bool| match (module.call)(export, request) {
        Handled::Answer(response) => Dispatch::Respond { response: with_cookies(response), strip_body },
        // `redirect()` keeps what `cookies()` set, as an answer does; `notFound()`,
        // `forbidden()` and `unauthorized()` answer with their status alone.
        Handled::Interrupt(interrupt @ Interrupt::Redirect { .. }) => {
            Dispatch::Respond { response: with_cookies(interrupt.handler_response()), strip_body }
        }
        Handled::Interrupt(interrupt) => Dispatch::Respond { response: interrupt.handler_response(), strip_body },
        Handled::Throw(error) => Dispatch::Threw(error.0),
        Handled::NotMirrored => Dispatch::Threw(format!("{} exports {export} but its mirror does not handle it", module.file)),
    };
    match refusal(exported, method) {
        Some(response) => Dispatch::Respond { response, strip_body: false },
        None if exports(method) => call(method, false),
        None => call("GET", true),
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn handler_headers_come_sorted() {
        let web = WebResponse::empty().with_header("x-handler", "OPTIONS").with_header("allow", "GET");
        let answer = into_answer(web, false);
        let names: Vec<&str> = answer.headers().keys().map(|k| k.as_str()).collect();
        assert_eq!(names, ["allow", "x-handler"]);
        assert_eq!(Made::of(&answer), Made::Handler { body: false });
    }

    #[tokio::test]
    async fn streams_go_out_chunked_and_status_text_is_the_reason() {
        use http_body_util::BodyExt;
        let web = WebResponse::stream(vec![Bytes::from("a"), Bytes::from("b")]).with_status(299).with_status_text("Custom");
        let answer = into_answer(web, false);
        assert_eq!(answer.extensions().get::<hyper::ext::ReasonPhrase>().unwrap().as_bytes(), b"Custom");
        assert!(matches!(answer.body(), WireBody::Right(_)));
        assert_eq!(Made::of(&answer), Made::Handler { body: true });
        assert_eq!(answer.into_body().collect().await.unwrap().to_bytes(), "ab");
    }

    #[test]
    fn a_head_run_as_get_keeps_the_fields_of_a_body_it_does_not_send() {
        let answer = into_answer(WebResponse::json(&serde_json::json!({})), true);
        assert_eq!(Made::of(&answer), Made::Handler { body: true });
        assert!(hyper::body::Body::is_end_stream(answer.body()));
    }
}
