//! The answers `next start` gives by itself when the app's code does not answer: a
//! [`Refusal`] from a stage inside becomes one of its own pages.
//!
//! - No route ([`Refusal::NotFound`]): the prerendered not-found page (`/_not-found`), sent as a
//!   page from the route cache but with `Cache-Control: private, no-cache, no-store, max-age=0,
//!   must-revalidate`, so that no cache keeps a 404 (its route module expires a stale preview
//!   session's cookies first, as every app-router route in Node.js does); a POST that may be a
//!   Server Action gets it rendered for the request instead. A path that names a static route
//!   only once decoded ([`Refusal::NotFoundRoute`]) gets the same page as the route
//!   `/_not-found`, with its prerendered `Cache-Control: s-maxage=31536000` in a page's place.
//!   A path under `/_next/static/` gets a plain-text `Not Found`, and so, from Next.js 16, does
//!   a GET or HEAD whose `Sec-Fetch-Dest` names a destination that cannot show HTML (an image,
//!   a script...). An RSC request gets the page as an RSC payload, with the same fields.
//! - A file refusing a method or a range: the error page with its status (fixture apps with a
//!   `pages/` folder get the Pages Router's `/_error` page), with the fields that explain it.
//!   Every error page expires a stale preview session's cookies, as its route module does.
//! - A malformed path segment: the 400 error page, or, in Next.js 16 without a Pages Router, the
//!   plain-text 500; code that failed outside the app's own handling: the plain-text 500.
//! - A method no Web `Request` can carry, sent to a route handler: the 500 error page, sent
//!   with the app router's `Vary` as the route's answer; in Next.js 16 without a Pages Router
//!   (no `/_error` page), as a malformed path is, the plain-text 500.

use crate::body::WireBody;
use crate::cache::headers::{CacheState, NO_STORE, STALE_TIME, cache_control};
use crate::client_script::ClientScript;
use crate::etag::etag;
use crate::fields::build;
use crate::page;
use crate::preview_data::Session;
use crate::rsc::{self, flight::{self, Row}};
use crate::service::{Answer, Content, Made, Payload, Refusal, Request, Sent, Service};
use bytes::Bytes;
use http::Method;
use semver::Version;

pub struct Errors<S> {
    pub inner: S,
    pub next: Version,
    /// Whether the app has a `pages/` folder, whose `/_error` page answers a malformed path.
    pub pages_router: bool,
    /// The script pages load, which the not-found page loads too.
    pub script: ClientScript,
    /// The metadata tags the not-found page carries before its own title: the root layout's
    /// `<title>` and the tags of the app's root metadata files.
    pub head: String,
}

/// What the answer to a refused request depends on, kept from the request.
struct Refused {
    method: Method,
    path: String,
    /// The `Sec-Fetch-Dest` the browser sent.
    destination: Option<String>,
    /// Whether it is a POST that may be a Server Action.
    action: bool,
    /// Whether it asks for an RSC payload, which the not-found page answers as one.
    rsc: bool,
    /// The `Set-Cookie` lines that expire a stale preview session the request carries, which
    /// the not-found page's route module clears as every app-router route does.
    clearing: Vec<String>,
}

impl<S: Service<Output = Result<Answer, Refusal>>> Service for Errors<S> {
    type Output = Answer;

    async fn call(&self, request: Request) -> Answer {
        let refused = Refused {
            method: request.method().clone(),
            path: request.uri().path().to_owned(),
            destination: request.headers().get("sec-fetch-dest").and_then(|v| v.to_str().ok()).map(str::to_owned),
            action: page::may_be_server_action(request.method(), request.headers()),
            rsc: rsc::is_rsc_request(request.headers()),
            clearing: Session::of(request.headers()).clearing_lines(),
        };
        match self.inner.call(request).await {
            Ok(answer) => answer,
            Err(refusal) => self.render(refusal, &refused),
        }
    }
}

/// What Next.js's built-in not-found component renders (the same in 15 and 16).
const NOT_FOUND_MARKUP: &str = concat!(
    "<div style=\"font-family:system-ui,&quot;Segoe UI&quot;,Roboto,Helvetica,Arial,sans-serif,&quot;Apple Color Emoji&quot;,",
    "&quot;Segoe UI Emoji&quot;;height:100vh;text-align:center;display:flex;flex-direction:column;align-items:center;",
    "justify-content:center\"><div><style>body{color:#000;background:#fff;margin:0}.next-error-h1{border-right:1px solid ",
    "rgba(0,0,0,.3)}@media (prefers-color-scheme:dark){body{color:#fff;background:#000}.next-error-h1{border-right:1px solid ",
    "rgba(255,255,255,.3)}}</style><h1 class=\"next-error-h1\" style=\"display:inline-block;margin:0 20px 0 0;",
    "padding:0 23px 0 0;font-size:24px;font-weight:500;vertical-align:top;line-height:49px\">404</h1>",
    "<div style=\"display:inline-block\"><h2 style=\"font-size:14px;font-weight:400;line-height:49px;margin:0\">",
    "This page could not be found.</h2></div></div></div>"
);

/// `Sec-Fetch-Dest` values of subresources that can never show an HTML page.
const NON_HTML_DESTINATIONS: [&str; 17] = [
    "audio", "audioworklet", "font", "image", "json", "manifest", "paintworklet", "report", "script", "serviceworker",
    "sharedworker", "style", "track", "video", "webidentity", "worker", "xslt",
];

impl<S> Errors<S> {
    fn render(&self, refusal: Refusal, refused: &Refused) -> Answer {
        match refusal {
            Refusal::NotFound if self.plain_not_found(refused) => plain_not_found(),
            Refusal::NotFound => self.not_found_page(refused, Vec::new(), Served::NoRoute),
            Refusal::NotFoundAfter(set) => self.not_found_page(refused, set, Served::NoRoute),
            Refusal::NotFoundRoute => self.not_found_page(refused, Vec::new(), Served::AsRoute),
            Refusal::MethodNotAllowed => {
                let allow = vec![("allow".into(), "GET".into()), ("allow".into(), "HEAD".into())];
                self.error_page(405, "405: Method Not Allowed", allow, refused)
            }
            Refusal::RangeNotSatisfiable { size } => {
                let fields = vec![("accept-ranges".into(), "bytes".into()), ("content-range".into(), format!("bytes */{size}"))];
                self.error_page(416, "416: An unexpected error has occurred", fields, refused)
            }
            // Next.js 16 without a Pages Router has no `/_error` page and fails instead.
            Refusal::MalformedPath if self.next.major >= 16 && !self.pages_router => internal_error_text(),
            Refusal::MalformedPath => self.error_page(400, "400: Bad Request", vec![], refused),
            Refusal::ForbiddenMethod if self.next.major >= 16 && !self.pages_router => internal_error_text(),
            Refusal::ForbiddenMethod => {
                let mut answer = self.error_page(500, "500: Internal Server Error", vec![], refused);
                answer.extensions_mut().insert(Made::Page(Sent { app_router: true, ..error_page_sent() }));
                answer
            }
            Refusal::Internal => internal_error_text(),
        }
    }

    /// The Pages Router's error page for `status`, after `fields` that say why. Its route
    /// module, like every route module in Node.js, expires a stale preview session's cookies.
    fn error_page(&self, status: u16, title: &str, fields: Vec<(String, String)>, refused: &Refused) -> Answer {
        let clearing = refused.clearing.iter().map(|line| ("set-cookie".to_owned(), line.clone()));
        error_page(status, title, fields.into_iter().chain(clearing).collect(), status == 500)
    }

    /// Whether a request no route answers gets the plain-text 404 instead of the page.
    fn plain_not_found(&self, refused: &Refused) -> bool {
        let subresource = refused.destination.as_deref().is_some_and(|d| NON_HTML_DESTINATIONS.contains(&d));
        refused.path.starts_with("/_next/static/")
            || (crate::releases::plain_not_found_for_subresources(&self.next)
                && matches!(refused.method, Method::GET | Method::HEAD)
                && subresource)
    }

    /// The built-in not-found page of the app router: from the build's output, or rendered for
    /// a request that may be a Server Action; its RSC payload for an RSC request; on a response
    /// the route already gave the fields `set`, which keep their place and values.
    fn not_found_page(&self, refused: &Refused, set: Vec<(String, String)>, served: Served) -> Answer {
        let (body, content) = if refused.rsc {
            (flight::payload(&[Row::Model(flight::elements(NOT_FOUND_MARKUP))]), Content::Flight)
        } else {
            // Seen on 15.5.29 and 16.4.6: the page's own title after the root layout's metadata
            // in 16, before it in 15.
            let own_title = "<title>404: This page could not be found.</title>";
            let (first, second) = if self.next.major >= 16 { (self.head.as_str(), own_title) } else { (own_title, self.head.as_str()) };
            let html = format!(
                "<!DOCTYPE html><html lang=\"en\"><head><meta charSet=\"utf-8\"/>{}<meta name=\"robots\" content=\"noindex\"/>\
                {first}{second}</head><body>{NOT_FOUND_MARKUP}</body></html>",
                self.script.tag(),
            );
            (html, Content::Html)
        };
        let mut fields = vec![("x-nextjs-cache".into(), CacheState::Hit.as_str().into()), ("x-nextjs-prerender".into(), "1".into())];
        let payload = if refused.action {
            Payload::Streamed
        } else {
            fields.push(("x-nextjs-prerender".into(), "1".into()));
            fields.push(("x-nextjs-stale-time".into(), STALE_TIME.to_string()));
            Payload::Cached
        };
        let own_cache_control = set.iter().any(|(name, _)| name.eq_ignore_ascii_case("cache-control"));
        let cache_control = (!own_cache_control).then(|| match served {
            Served::NoRoute => NO_STORE.to_owned(),
            Served::AsRoute => cache_control(None),
        });
        let earlier = set.len();
        let mut fields = set_after(set, fields);
        fields.splice(earlier..earlier, refused.clearing.iter().map(|line| ("set-cookie".to_owned(), line.clone())));
        let cache_control_first = served == Served::NoRoute;
        let sent = Sent { app_router: true, cache_control, cache_control_first, payload, redirect: None, content };
        page::with_sent(build(404, fields, Some(Bytes::from(body))).map(WireBody::Left), sent)
    }
}

/// How the not-found page is reached.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Served {
    /// For a path no route serves: the server puts its own `Cache-Control` first, so that no
    /// cache keeps a 404.
    NoRoute,
    /// As its own route `/_not-found`, prerendered for good: that `Cache-Control`, in a page's
    /// place.
    AsRoute,
}

/// `later` set on a response that has the fields `set`: a name set before keeps its place and
/// takes the new value, as Node's `setHeader` replaces a field in place.
fn set_after(set: Vec<(String, String)>, later: Vec<(String, String)>) -> Vec<(String, String)> {
    let mut fields = set;
    let earlier = fields.len();
    for (name, value) in later {
        match fields[..earlier].iter_mut().find(|(set_name, _)| set_name.eq_ignore_ascii_case(&name)) {
            Some(field) => field.1 = value,
            None => fields.push((name, value)),
        }
    }
    fields
}

/// The plain-text 404 of a missing build asset or subresource.
fn plain_not_found() -> Answer {
    let fields = vec![("cache-control".into(), NO_STORE.into()), ("content-type".into(), "text/plain; charset=utf-8".into())];
    build(404, fields, Some(Bytes::from_static(b"Not Found"))).map(WireBody::Left)
}

/// The Pages Router's error page for `status`, with `fields`; `thrown` when code failed.
fn error_page(status: u16, title: &str, fields: Vec<(String, String)>, thrown: bool) -> Answer {
    let html = super::error_page::html(status, title, thrown);
    page::with_sent(build(status, fields, Some(Bytes::from(html))).map(WireBody::Left), error_page_sent())
}

/// How the error page is sent: not to be stored, with its length.
fn error_page_sent() -> Sent {
    Sent { app_router: false, cache_control: Some(NO_STORE.into()), cache_control_first: true, payload: Payload::Whole, redirect: None, content: Content::Html }
}

/// The plain-text 500 Next.js sends when it fails outside user code.
fn internal_error_text() -> Answer {
    let text = "Internal Server Error";
    let fields = vec![
        ("cache-control".into(), NO_STORE.into()),
        ("etag".into(), etag(text)),
        ("content-type".into(), "text/plain".into()),
    ];
    build(500, fields, Some(Bytes::from_static(text.as_bytes()))).map(WireBody::Left)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::service::Made;
    use crate::service::testing::{Stub, get, request};

    fn errors(refusal: Refusal, major: u64, pages_router: bool) -> Errors<Stub<impl Fn(Request) -> Result<Answer, Refusal>>> {
        let script = ClientScript::for_routes(["/"]);
        let next = if major >= 16 { Version::new(16, 4, 6) } else { Version::new(15, 5, 29) };
        Errors { inner: Stub(move |_| Err(refusal.clone())), next, pages_router, script, head: String::new() }
    }

    fn names(answer: &Answer) -> Vec<&str> {
        answer.headers().keys().map(|k| k.as_str()).collect()
    }

    #[tokio::test]
    async fn refusals_become_the_built_in_pages() {
        let not_found = errors(Refusal::NotFound, 16, false).call(get("/")).await;
        assert_eq!(not_found.status(), 404);
        assert!(matches!(Made::of(&not_found), Made::Page(Sent { app_router: true, cache_control_first: true, payload: Payload::Cached, .. })));
        assert_eq!(names(&not_found), ["x-nextjs-cache", "x-nextjs-prerender", "x-nextjs-stale-time"]);
        let internal = errors(Refusal::Internal, 16, false).call(get("/")).await;
        assert_eq!((internal.status().as_u16(), names(&internal)), (500, vec!["cache-control", "etag", "content-type"]));
        let refused = errors(Refusal::MethodNotAllowed, 16, true).call(request("POST", "/a.txt")).await;
        assert_eq!((refused.status().as_u16(), refused.headers().get_all("allow").iter().count()), (405, 2));
    }

    #[tokio::test]
    async fn a_not_found_page_on_a_response_keeps_the_fields_set_before() {
        let set = vec![("x-nextjs-cache".into(), "MISS".into()), ("cache-control".into(), "s-maxage=31536000".into())];
        let answer = errors(Refusal::NotFoundAfter(set), 16, true).call(get("/")).await;
        assert_eq!(answer.status(), 404);
        assert_eq!(names(&answer), ["x-nextjs-cache", "cache-control", "x-nextjs-prerender", "x-nextjs-stale-time"]);
        assert_eq!(answer.headers()["x-nextjs-cache"], "HIT");
        assert!(matches!(Made::of(&answer), Made::Page(Sent { cache_control: None, .. })));
    }

    #[tokio::test]
    async fn a_form_post_gets_the_not_found_page_rendered() {
        let mut post = request("POST", "/nope");
        post.headers_mut().insert("content-type", "application/x-www-form-urlencoded".parse().unwrap());
        let answer = errors(Refusal::NotFound, 16, false).call(post).await;
        assert!(matches!(Made::of(&answer), Made::Page(Sent { payload: Payload::Streamed, .. })));
        assert_eq!(answer.headers().get_all("x-nextjs-prerender").iter().count(), 1);
    }

    #[tokio::test]
    async fn an_rsc_request_gets_the_not_found_page_as_its_payload() {
        let mut rsc = get("/nope");
        rsc.headers_mut().insert("rsc", "1".parse().unwrap());
        let answer = errors(Refusal::NotFound, 16, false).call(rsc).await;
        assert!(matches!(Made::of(&answer), Made::Page(Sent { content: Content::Flight, cache_control_first: true, payload: Payload::Cached, .. })));
        assert_eq!(names(&answer), ["x-nextjs-cache", "x-nextjs-prerender", "x-nextjs-stale-time"]);
        let body = http_body_util::BodyExt::collect(answer.into_body()).await.unwrap().to_bytes();
        assert!(String::from_utf8_lossy(&body).starts_with("0:["), "{body:?}");
    }

    #[tokio::test]
    async fn assets_and_from_16_subresources_get_a_plain_404() {
        let plain = |answer: &Answer| answer.headers().get("content-type").is_some_and(|v| v == "text/plain; charset=utf-8");
        assert!(plain(&errors(Refusal::NotFound, 15, false).call(request("POST", "/_next/static/x.js")).await));
        let image = |method| {
            let mut r = request(method, "/x.png");
            r.headers_mut().insert("sec-fetch-dest", "image".parse().unwrap());
            r
        };
        assert!(plain(&errors(Refusal::NotFound, 16, false).call(image("GET")).await));
        assert!(!plain(&errors(Refusal::NotFound, 16, false).call(image("POST")).await));
        assert!(!plain(&errors(Refusal::NotFound, 15, false).call(image("GET")).await));
    }

    #[tokio::test]
    async fn malformed_segments_get_the_error_page_unless_16_without_pages() {
        assert_eq!(errors(Refusal::MalformedPath, 16, false).call(get("/")).await.status(), 500);
        assert_eq!(errors(Refusal::MalformedPath, 16, true).call(get("/")).await.status(), 400);
        assert_eq!(errors(Refusal::MalformedPath, 15, false).call(get("/")).await.status(), 400);
    }

    #[tokio::test]
    async fn answers_pass_through() {
        let script = ClientScript::for_routes(["/"]);
        let layer = Errors { inner: Stub(|_| Ok(Answer::new(WireBody::Left(Default::default())))), next: Version::new(16, 0, 0), pages_router: false, script, head: String::new() };
        assert_eq!(layer.call(get("/")).await.status(), 200);
    }
}
