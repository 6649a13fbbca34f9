//! Pages (`page.js`) of the app router. A page renders its markup inside its layouts and
//! templates ([`Wrappers`]) and the root layout (the document shell written here, or the `<html>`
//! element a route group's root layout renders), with the head tags of the app's metadata files
//! first in the `<html>` element. Rendered per request, it is streamed; from the route cache,
//! it is the HTML the build (or a regeneration) stored. A page (or its root layout) that
//! calls a `next/navigation` function is answered with the error shell: a redirect with its
//! status and `Location`, `notFound()` with the default not-found text (the app has no
//! `not-found.js`), `forbidden()` and `unauthorized()` with what the root fallback file
//! ([`FallbackFiles`]) renders, or without one Next.js's own 403 and 401 texts.
//!
//! Every page loads the app's [`ClientScript`]. A page that throws while rendered per request
//! is answered with the error shell and 500.
//!
//! An RSC request ([`Wants`]) gets the page's RSC payload instead of its HTML: the one the build
//! stored beside the HTML, or one rendered for the request; over RSC, a redirect or `notFound()`
//! is a 200 payload carrying the interrupt's digest, which the client router acts on.
//!
//! Methods: a page rendered per request renders for any method but OPTIONS (a bare 400); a
//! prerendered one answers only GET and HEAD, and a POST that may be a Server Action, which it
//! renders for the request ([`may_be_server_action`]); any other method gets 405.
//!
//! The fields the server sends a page with (`Vary`, `X-Powered-By`, `Cache-Control`, `ETag`,
//! `Content-Type`) are the envelope's: an answer here carries the page's own fields and how it is
//! to be [`Sent`].

use crate::body::WireBody;
use crate::cache::headers::{CacheState, NO_STORE};
use crate::client_script::ClientScript;
use crate::code::{Handled, Mirror};
use crate::error::Error;
use crate::exports::Exports;
use crate::fallbacks::FallbackFiles;
use crate::fields::build;
use crate::metadata::head::PageRender;
use crate::metadata::{self, MetadataRoute};
use crate::mirrors::MirrorSet;
use crate::navigation::Interrupt;
use crate::rsc::Wants;
use crate::rsc::flight::{self, Row};
use crate::service::{Answer, Content, Made, Payload, Refusal, Sent};
use crate::web::{RouteRequest, WebResponse};
use crate::wrappers::Wrappers;
use bytes::Bytes;
use http::{HeaderMap, Method};
use semver::Version;
use std::path::Path;

/// What Next.js renders for `notFound()` when the app has no `not-found.js`.
const DEFAULT_NOT_FOUND: &str = "404: This page could not be found.";
/// What Next.js renders for `forbidden()` when the app has no `forbidden.js`.
const DEFAULT_FORBIDDEN: &str = "403: This page could not be accessed.";
/// What Next.js renders for `unauthorized()` when the app has no `unauthorized.js`.
const DEFAULT_UNAUTHORIZED: &str = "401: You're not authorized to access this page.";

/// The build id RSC payloads name: the reference server is one build that never changes.
const BUILD_ID: &str = "reference-server";

/// What the build stores of a page: its status (200, or that of an interrupt that renders an
/// error document), its HTML and its RSC payload.
pub struct Prerendered {
    pub status: u16,
    pub html: String,
    pub flight: String,
}

/// The files that render around the app's pages.
pub struct PageFiles {
    /// The layouts and templates around pages.
    wrappers: Wrappers,
    /// The root `forbidden.js` and `unauthorized.js`.
    fallbacks: FallbackFiles,
    /// The script every page loads.
    script: ClientScript,
}

impl PageFiles {
    pub fn load(root: &Path, mirrors: &'static MirrorSet, script: ClientScript) -> Result<PageFiles, Error> {
        let fallbacks = FallbackFiles::load(root, mirrors)?;
        let wrappers = Wrappers::load(root, mirrors)?;
        Ok(PageFiles { wrappers, fallbacks, script })
    }

    /// The metadata tags of the not-found page: the `<title>` of the root layout's `metadata`,
    /// then the tags of the app's root metadata files (`metadata`), as prerendered.
    pub fn not_found_head(&self, metadata: &[MetadataRoute], next: &Version) -> String {
        let title = metadata::exported::title_tag(self.wrappers.root_layout(), None);
        title + &metadata::head::tags("", metadata, next, PageRender::prerendered())
    }

    /// What the layouts around the page file `page` export (their segment config), outermost
    /// first.
    pub fn layout_exports(&self, page: &str) -> Vec<&Exports> {
        self.wrappers.layout_exports(page)
    }
}

/// Whether a request may be a Server Action, which Next.js renders a page for whatever the
/// page: a POST with a `Next-Action` field or a form body.
pub fn may_be_server_action(method: &Method, headers: &HeaderMap) -> bool {
    let content_type = headers.get(http::header::CONTENT_TYPE).and_then(|v| v.to_str().ok()).unwrap_or_default();
    *method == Method::POST
        && (headers.contains_key("next-action")
            || content_type == "application/x-www-form-urlencoded"
            || content_type.starts_with("multipart/form-data"))
}

/// A page's markup, and the `title` its `generateMetadata` gave, which its head shows.
pub struct Rendered {
    pub markup: String,
    pub title: Option<String>,
}

/// Why a page's render gave no markup.
#[derive(Debug)]
pub enum NotRendered {
    /// The page's code threw or was interrupted (or is not mirrored).
    Page(Handled),
    /// The root layout's code called a `next/navigation` function.
    RootLayout(Interrupt),
}

/// One page: its file, its code, and what renders around it.
#[derive(Clone, Copy)]
pub struct Page<'a> {
    /// The page file (`app/blog/[slug]/page.js`).
    pub file: &'a str,
    /// What the page file exports.
    pub exports: &'a [String],
    pub mirror: &'a Mirror,
    pub files: &'a PageFiles,
    /// The app's metadata files, for the head tags.
    pub metadata: &'a [MetadataRoute],
    pub next: &'a Version,
}

impl Page<'_> {
    /// What the build stores for the page, rendered for `request` (which carries its params):
    /// the page, or the error document of its `notFound()`, `forbidden()` or `unauthorized()`
    /// (seen on `next build` 16.4.6 and 15.5.29: such a page is prerendered with that status).
    /// `None` when the code threw or redirected.
    pub fn prerender(&self, request: &RouteRequest) -> Option<Prerendered> {
        let render = PageRender { params: request.params.as_ref(), ..PageRender::prerendered() };
        match self.render(request) {
            Ok(Rendered { markup, title }) => {
                let head = self.head(render, title.as_deref());
                Some(Prerendered { status: 200, html: page_html(&self.files.script, &head, &markup), flight: payload(&request.path, Some(&markup)) })
            }
            Err(not_rendered) => {
                let head = self.head(render, None);
                let (interrupt, markup) = self.in_place_of(&not_rendered, request)?;
                let digest = interrupt.digest();
                let rows = [flight::route_row(BUILD_ID, &segments(&request.path)), Row::Error(digest.clone())];
                let html = error_shell_html(&self.files.script, &head, &markup, Some(&digest));
                Some(Prerendered { status: interrupt.status(), html, flight: flight::payload(&rows) })
            }
        }
    }

    /// The page rendered for this request, as HTML or as the RSC payload it `wants`: its
    /// metadata base is the server's own port. OPTIONS is refused before it renders.
    pub fn serve(&self, request: &RouteRequest, wants: Wants) -> Result<Answer, Refusal> {
        if request.method == "OPTIONS" {
            return Ok(options_refused());
        }
        let render = PageRender { params: request.params.as_ref(), port: request.url_parts().2.parse().unwrap_or(0) };
        let script = &self.files.script;
        match self.render(request) {
            Ok(Rendered { markup, title }) => Ok(match wants {
                Wants::Html => streamed(200, dynamic_html(script, &self.head(render, title.as_deref()), &markup, self.next), None, Content::Html),
                Wants::Payload => streamed(200, payload(&request.path, Some(&markup)), None, Content::Flight),
                Wants::Prefetch => streamed(200, payload(&request.path, None), None, Content::Flight),
            }),
            Err(NotRendered::Page(Handled::Throw(_))) => Ok(streamed(500, error_shell_html(script, &self.head(render, None), "", None), None, Content::Html)),
            Err(not_rendered) => self.interrupted(&not_rendered, &self.head(render, None), request, wants),
        }
    }

    /// A prerendered page rendered for a POST that may be a Server Action: it says it came from
    /// the cache once, and goes out without `Cache-Control`.
    pub fn serve_action(&self, request: &RouteRequest, wants: Wants) -> Result<Answer, Refusal> {
        let mut answer = self.serve(request, wants)?;
        let Made::Page(sent) = Made::of(&answer) else { return Ok(answer) };
        if sent.payload == Payload::Streamed && answer.status() == 200 {
            let fields = [("x-nextjs-cache", CacheState::Hit.as_str()), ("x-nextjs-prerender", "1")];
            crate::fields::prepend(answer.headers_mut(), fields.map(|(n, v)| (http::HeaderName::from_static(n), http::HeaderValue::from_static(v))));
            answer.extensions_mut().insert(Made::Page(Sent { cache_control: None, ..sent }));
        }
        Ok(answer)
    }

    /// The page rendered anew after a Server Action that its form, posted without JavaScript,
    /// ran: `cookies` are the `Set-Cookie` lines of what the action set.
    pub fn after_action(&self, request: &RouteRequest, cookies: Vec<String>, cache_control: &str) -> Result<Answer, Refusal> {
        let Rendered { markup, title } = self.render(request).map_err(|_| Refusal::Internal)?;
        let head = self.head(PageRender { params: request.params.as_ref(), port: request.url_parts().2.parse().unwrap_or(0) }, title.as_deref());
        let html = dynamic_html(&self.files.script, &head, &markup, self.next);
        let fields = cookies.into_iter().map(|line| ("set-cookie".to_owned(), line)).collect();
        let sent = Sent { app_router: true, cache_control: Some(cache_control.into()), cache_control_first: false, payload: Payload::Streamed, redirect: None, content: Content::Html };
        Ok(with_sent(build(200, fields, Some(Bytes::from(html))).map(WireBody::Left), sent))
    }

    /// Runs the page's Server Components for `request`: the root layout's code (when the app
    /// mirrors it), the page's `generateMetadata`, the page, then the layouts and templates
    /// around it. The markup and the generated title, or what was done instead of rendering.
    pub fn render(&self, request: &RouteRequest) -> Result<Rendered, NotRendered> {
        request.in_component.set(true);
        let root = self.files.fallbacks.root_layout().map(|layout| (layout.handle)("default", request));
        let rendered = match root {
            Some(Handled::Interrupt(interrupt)) => Err(NotRendered::RootLayout(interrupt)),
            _ => {
                let generated = self.exports.iter().any(|e| e == "generateMetadata").then(|| (self.mirror.handle)("generateMetadata", request));
                let title = match &generated {
                    Some(Handled::Answer(metadata)) => metadata::exported::generated_title(metadata),
                    _ => None,
                };
                match (self.mirror.handle)("default", request) {
                    Handled::Answer(page) => Ok(Rendered { markup: self.files.wrappers.wrap(self.file, markup(page), request), title }),
                    other => Err(NotRendered::Page(other)),
                }
            }
        };
        request.in_component.set(false);
        rendered
    }

    /// What renders in the place of a page that called `notFound()`, `forbidden()` or
    /// `unauthorized()`, with the interrupt: the default not-found text, what the root fallback
    /// file renders, or without one Next.js's own 403 or 401 text. When the root layout itself
    /// called it, nothing can render there. `None` for anything else.
    fn in_place_of<'n>(&self, not_rendered: &'n NotRendered, request: &RouteRequest) -> Option<(&'n Interrupt, String)> {
        match not_rendered {
            NotRendered::RootLayout(interrupt @ (Interrupt::NotFound | Interrupt::Forbidden | Interrupt::Unauthorized)) => Some((interrupt, String::new())),
            NotRendered::Page(Handled::Interrupt(interrupt @ Interrupt::NotFound)) => Some((interrupt, DEFAULT_NOT_FOUND.to_owned())),
            NotRendered::Page(Handled::Interrupt(interrupt @ (Interrupt::Forbidden | Interrupt::Unauthorized))) => {
                let Some(fallback) = self.files.fallbacks.for_interrupt(interrupt) else {
                    let default = if *interrupt == Interrupt::Forbidden { DEFAULT_FORBIDDEN } else { DEFAULT_UNAUTHORIZED };
                    return Some((interrupt, default.to_owned()));
                };
                match (fallback.handle)("default", request) {
                    Handled::Answer(fallback) => Some((interrupt, markup(fallback))),
                    _ => None,
                }
            }
            _ => None,
        }
    }

    /// The page's metadata tags: the `<title>` of its `generateMetadata` (`generated`) or of its
    /// layouts' `metadata`, then the tags of the metadata files.
    fn head(&self, render: PageRender, generated: Option<&str>) -> String {
        let title = metadata::exported::title_tag(self.files.wrappers.metadata_exports(self.file), generated);
        title + &metadata::head::tags(&metadata::folder_of(self.file), self.metadata, self.next, render)
    }

    /// A page (or its root layout) that called a `next/navigation` function. Rendered per
    /// request, so not stored. Over RSC, a redirect or `notFound()` is a 200 payload whose error
    /// row carries the interrupt's digest, which the client router acts on; otherwise the error
    /// document carries the digest in its RSC payload.
    fn interrupted(&self, not_rendered: &NotRendered, head: &str, request: &RouteRequest, wants: Wants) -> Result<Answer, Refusal> {
        let (NotRendered::Page(Handled::Interrupt(interrupt)) | NotRendered::RootLayout(interrupt)) = not_rendered else {
            return Err(Refusal::Internal);
        };
        let script = &self.files.script;
        let routed = matches!(interrupt, Interrupt::Redirect { .. } | Interrupt::NotFound);
        if wants != Wants::Html && routed {
            let rows = [flight::route_row(BUILD_ID, &segments(&request.path)), Row::Error(interrupt.digest())];
            return Ok(streamed(200, flight::payload(&rows), None, Content::Flight));
        }
        if let Interrupt::Redirect { location, status } = interrupt {
            let digest = flight::payload(&[Row::Error(interrupt.digest())]);
            let html = format!(
                "<!DOCTYPE html><html id=\"__next_error__\"><head><meta charSet=\"utf-8\"/>{}{head}</head><body>{}</body></html>",
                script.tag(),
                payload_script(&digest)
            );
            return Ok(streamed(*status, html, Some(location.clone()), Content::Html));
        }
        let (interrupt, markup) = self.in_place_of(not_rendered, request).ok_or(Refusal::Internal)?;
        let html = error_shell_html(script, head, &markup, Some(&interrupt.digest()));
        Ok(streamed(interrupt.status(), html, None, Content::Html))
    }
}

/// A page from the route cache: what `x-nextjs-cache` says of it, `x-nextjs-prerender: 1`
/// (sent twice for a page the build made, once for one made since), the client router's stale
/// time. `body` is the stored HTML or RSC payload, as `content` says.
pub fn cached(status: u16, state: CacheState, made_by_build: bool, cache_control: String, stale_time: u64, body: Bytes, content: Content) -> Answer {
    let mut fields = vec![("x-nextjs-cache".into(), state.as_str().into()), ("x-nextjs-prerender".into(), "1".into())];
    if made_by_build {
        fields.push(("x-nextjs-prerender".into(), "1".into()));
    }
    fields.push(("x-nextjs-stale-time".into(), stale_time.to_string()));
    let sent = Sent { app_router: true, cache_control: Some(cache_control), cache_control_first: false, payload: Payload::Cached, redirect: None, content };
    with_sent(build(status, fields, Some(body)).map(WireBody::Left), sent)
}

/// A prerendered page's answer to a method it does not take: as a prerendered route handler's,
/// `405`, `Allow: GET` and `Allow: HEAD`, the status text as body.
pub fn method_not_allowed() -> Answer {
    crate::route_handler::static_method_not_allowed()
}

/// OPTIONS to a page rendered per request (or to a path of a page with dynamic segments): a
/// bare `400 Bad Request` with the app router's Vary.
pub fn options_refused() -> Answer {
    let mut answer = build(400, vec![], None).map(WireBody::Left);
    answer.extensions_mut().insert(Made::Handler { body: false });
    answer
}

/// A page rendered per request: not to be stored, and streamed; `body` is its HTML or its RSC
/// payload, as `content` says.
fn streamed(status: u16, body: String, redirect: Option<String>, content: Content) -> Answer {
    let sent = Sent { app_router: true, cache_control: Some(NO_STORE.into()), cache_control_first: false, payload: Payload::Streamed, redirect, content };
    with_sent(build(status, vec![], Some(Bytes::from(body))).map(WireBody::Left), sent)
}

/// The RSC payload of the page at `path`: its route's segments, then the elements `rendered`
/// (`None` for a prefetch of a page rendered per request, which gets the segments only).
pub fn payload(path: &str, rendered: Option<&str>) -> String {
    let mut rows = vec![flight::route_row(BUILD_ID, &segments(path))];
    rows.extend(rendered.map(|markup| Row::Model(flight::elements(markup))));
    flight::payload(&rows)
}

fn segments(path: &str) -> Vec<&str> {
    path.split('/').filter(|s| !s.is_empty()).collect()
}

/// The script that hands the browser a part of the RSC payload.
fn payload_script(part: &str) -> String {
    format!("<script>self.__next_f.push([1,{}])</script>", serde_json::to_string(part).unwrap_or_default())
}

/// `answer`, marked as a page to be sent as `sent` says.
pub fn with_sent(mut answer: Answer, sent: Sent) -> Answer {
    answer.extensions_mut().insert(Made::Page(sent));
    answer
}

/// The HTML of a page rendered inside the root layout, loading `script`; `head` is markup added
/// to its `<head>` (the tags of metadata files).
fn page_html(script: &ClientScript, head: &str, markup: &str) -> String {
    let (html, content) = root_element(markup);
    format!("<!DOCTYPE html>{html}<head><meta charSet=\"utf-8\"/>{}{head}</head>{content}</html>", script.tag())
}

/// A page rendered per request. From 15.4 until 16, Next.js streams its metadata tags after the
/// head, in a hidden `<div>` of the body.
fn dynamic_html(script: &ClientScript, head: &str, markup: &str, next: &Version) -> String {
    if !crate::releases::streams_metadata_after_the_head(next) {
        return page_html(script, head, markup);
    }
    let (html, content) = root_element(markup);
    let content = content.replacen("<body>", &format!("<body><div hidden=\"\">{head}</div>"), 1);
    format!("<!DOCTYPE html>{html}<head><meta charSet=\"utf-8\"/>{}</head>{content}</html>", script.tag())
}

/// The opening `<html>` tag of the document and what follows it up to `</html>`: those of the
/// root layout a route group gives, when the markup is one, else `app/layout.js`'s, which the
/// fixtures write as `<html lang="en"><body>{children}</body></html>`.
fn root_element(markup: &str) -> (String, String) {
    let rendered = markup.strip_suffix("</html>").filter(|_| markup.starts_with("<html")).and_then(|m| m.split_once('>'));
    match rendered {
        Some((open, content)) => (format!("{open}>"), content.to_owned()),
        None => ("<html lang=\"en\">".to_owned(), format!("<body>{markup}</body>")),
    }
}

/// The error shell (`<html id="__next_error__">`, `noindex`) whose RSC payload carries what a
/// fallback file rendered (nothing for an error), so that the browser renders it, and the
/// `digest` of the interrupt that made it; the server-side HTML has no body markup.
fn error_shell_html(script: &ClientScript, head: &str, markup: &str, digest: Option<&str>) -> String {
    let error = digest.map(|digest| payload_script(&flight::payload(&[Row::Error(digest.to_owned())]))).unwrap_or_default();
    format!(
        "<!DOCTYPE html><html id=\"__next_error__\"><head><meta charSet=\"utf-8\"/>{}<meta name=\"robots\" content=\"noindex\"/>\
        {head}</head><body>{}{error}</body></html>",
        script.tag(),
        payload_script(markup)
    )
}

/// The HTML a page or fallback file rendered.
fn markup(page: WebResponse) -> String {
    page.body.map(|b| String::from_utf8_lossy(&b).into_owned()).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_root_layout_of_a_group_gives_the_html_element() {
        let script = ClientScript::for_routes(["/"]);
        let html = page_html(&script, "<link/>", "<html lang=\"en\" data-root=\"shop\"><body><h1/></body></html>");
        assert!(html.starts_with("<!DOCTYPE html><html lang=\"en\" data-root=\"shop\"><head><meta charSet=\"utf-8\"/>"), "{html}");
        assert!(html.ends_with("<link/></head><body><h1/></body></html>"), "{html}");
        let v15 = dynamic_html(&script, "<link/>", "<html data-root=\"x\"><body><p/></body></html>", &Version::new(15, 5, 0));
        assert!(v15.ends_with("<body><div hidden=\"\"><link/></div><p/></body></html>"), "{v15}");
    }

    #[test]
    fn from_15_4_until_16_the_head_tags_of_a_dynamic_page_are_in_the_body() {
        let script = ClientScript::for_routes(["/"]);
        let in_head = format!("<head><meta charSet=\"utf-8\"/>{}<link/></head><body><p/>", script.tag());
        let v16 = dynamic_html(&script, "<link/>", "<p/>", &Version::new(16, 0, 0));
        assert!(v16.contains(&in_head), "{v16}");
        let v15 = dynamic_html(&script, "<link/>", "<p/>", &Version::new(15, 5, 29));
        assert!(v15.contains("<body><div hidden=\"\"><link/></div><p/>"), "{v15}");
        let v15_3 = dynamic_html(&script, "<link/>", "<p/>", &Version::new(15, 3, 9));
        assert!(v15_3.contains(&in_head), "{v15_3}");
    }

    #[test]
    fn a_page_the_build_made_says_prerender_twice() {
        let count = |state, by_build| {
            cached(200, state, by_build, "s-maxage=1".into(), 300, Bytes::new(), Content::Html).headers().get_all("x-nextjs-prerender").iter().count()
        };
        assert_eq!((count(CacheState::Hit, true), count(CacheState::Stale, true)), (2, 2));
        assert_eq!((count(CacheState::Miss, false), count(CacheState::Hit, false), count(CacheState::Stale, false)), (1, 1, 1));
    }

    #[test]
    fn forms_and_next_action_posts_may_be_server_actions() {
        let headers = |pairs: &[(&'static str, &'static str)]| -> HeaderMap {
            pairs.iter().map(|(n, v)| (http::HeaderName::from_static(n), http::HeaderValue::from_static(v))).collect()
        };
        assert!(may_be_server_action(&Method::POST, &headers(&[("content-type", "application/x-www-form-urlencoded")])));
        assert!(may_be_server_action(&Method::POST, &headers(&[("content-type", "multipart/form-data; boundary=x")])));
        assert!(may_be_server_action(&Method::POST, &headers(&[("next-action", "abc")])));
        assert!(!may_be_server_action(&Method::POST, &headers(&[("content-type", "text/plain")])));
        assert!(!may_be_server_action(&Method::PUT, &headers(&[("content-type", "application/x-www-form-urlencoded")])));
    }
}
