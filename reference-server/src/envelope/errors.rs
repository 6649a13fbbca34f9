//! The answers `next start` gives by itself when the app's code does not answer: a
//! [`Refusal`] from a stage inside becomes the built-in not-found page, the 400 error page or
//! the plain-text 500.

use crate::body::WireBody;
use crate::cache::headers::NO_STORE;
use crate::etag::etag;
use crate::fields::build;
use crate::rsc::{self, flight::{self, Row}};
use crate::service::{Answer, Made, Payload, Refusal, Request, Sent, Service};
use bytes::Bytes;
use semver::Version;

pub struct Errors<S> {
    pub inner: S,
    pub next: Version,
    /// Whether the app has a `pages/` folder, whose `/_error` page answers a malformed path.
    pub pages_router: bool,
}

impl<S: Service<Output = Result<Answer, Refusal>>> Service for Errors<S> {
    type Output = Answer;

    async fn call(&self, request: Request) -> Answer {
        let rsc = rsc::is_rsc_request(request.headers());
        match self.inner.call(request).await {
            Ok(answer) => answer,
            Err(refusal) => self.render(refusal, rsc),
        }
    }
}

impl<S> Errors<S> {
    /// `rsc`: the request asked for an RSC payload, which the not-found page answers as one.
    fn render(&self, refusal: Refusal, rsc: bool) -> Answer {
        match refusal {
            Refusal::NotFound if rsc => not_found_payload(),
            Refusal::NotFound => not_found_page(),
            // Next.js 16 without a Pages Router has no `/_error` page and fails instead.
            Refusal::MalformedPath if self.next.major >= 16 && !self.pages_router => internal_error_text(),
            Refusal::MalformedPath => bad_request_page(),
            Refusal::Internal => internal_error_text(),
        }
    }
}

/// The built-in not-found page of the app router, rendered for a request it refused (so with
/// its `Cache-Control` first).
fn not_found_page() -> Answer {
    let html = "<!DOCTYPE html><html lang=\"en\"><head><meta charSet=\"utf-8\"/>\
        <meta name=\"robots\" content=\"noindex\"/><title>404: This page could not be found.</title></head>\
        <body><div><h1 class=\"next-error-h1\">404</h1><div><h2>This page could not be found.</h2></div></div></body></html>";
    refused_page(404, html, true)
}

/// The built-in not-found page as an RSC payload: its elements, with the same fields.
fn not_found_payload() -> Answer {
    let markup = "<div><h1 class=\"next-error-h1\">404</h1><div><h2>This page could not be found.</h2></div></div>";
    let payload = flight::payload(&[Row::Model(flight::elements(markup))]);
    let mut answer = build(404, vec![], Some(Bytes::from(payload))).map(WireBody::Left);
    let sent = Sent { app_router: true, cache_control: NO_STORE.into(), cache_control_first: true, payload: Payload::Whole, redirect: None, flight: true };
    answer.extensions_mut().insert(Made::Page(sent));
    answer
}

/// The Pages Router's `/_error` page for a path segment that is not valid percent-encoding.
fn bad_request_page() -> Answer {
    let html = "<!DOCTYPE html><html><head><meta charSet=\"utf-8\"/><title>400: Bad Request</title></head>\
        <body><div><h1 class=\"next-error-h1\">400</h1><div><h2>Bad Request.</h2></div></div></body></html>";
    refused_page(400, html, false)
}

fn refused_page(status: u16, html: &'static str, app_router: bool) -> Answer {
    let mut answer = build(status, vec![], Some(Bytes::from_static(html.as_bytes()))).map(WireBody::Left);
    let sent = Sent { app_router, cache_control: NO_STORE.into(), cache_control_first: true, payload: Payload::Whole, redirect: None, flight: false };
    answer.extensions_mut().insert(Made::Page(sent));
    answer
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
    use crate::service::testing::{Stub, get};

    fn errors(refusal: Refusal, major: u64, pages_router: bool) -> Errors<Stub<impl Fn(Request) -> Result<Answer, Refusal>>> {
        Errors { inner: Stub(move |_| Err(refusal)), next: Version::new(major, 0, 0), pages_router }
    }

    #[tokio::test]
    async fn refusals_become_the_built_in_pages() {
        let not_found = errors(Refusal::NotFound, 16, false).call(get("/")).await;
        assert_eq!(not_found.status(), 404);
        assert!(matches!(Made::of(&not_found), Made::Page(Sent { app_router: true, cache_control_first: true, .. })));
        let internal = errors(Refusal::Internal, 16, false).call(get("/")).await;
        let names: Vec<&str> = internal.headers().keys().map(|k| k.as_str()).collect();
        assert_eq!((internal.status().as_u16(), names), (500, vec!["cache-control", "etag", "content-type"]));
    }

    #[tokio::test]
    async fn malformed_segments_get_the_error_page_unless_16_without_pages() {
        assert_eq!(errors(Refusal::MalformedPath, 16, false).call(get("/")).await.status(), 500);
        assert_eq!(errors(Refusal::MalformedPath, 16, true).call(get("/")).await.status(), 400);
        assert_eq!(errors(Refusal::MalformedPath, 15, false).call(get("/")).await.status(), 400);
    }

    #[tokio::test]
    async fn answers_pass_through() {
        let layer = Errors { inner: Stub(|_| Ok(Answer::new(WireBody::Left(Default::default())))), next: Version::new(16, 0, 0), pages_router: false };
        assert_eq!(layer.call(get("/")).await.status(), 200);
    }
}
