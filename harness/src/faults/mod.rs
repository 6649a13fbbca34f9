//! Fault injection: a proxy in front of a target that breaks every exchange in one named way,
//! so the suite's sensitivity can be measured (every fault must fail some case of the area it
//! breaks). Most faults break the answer ([`Fault::apply`]); a few break the request on its way
//! to the target ([`Fault::upstream_request`]), as an adapter that rewrites what the app
//! receives, follow a redirect in place ([`Fault::redirect_to_follow`]), or answer from a cache
//! in front ([`Fault::serves_kept`]). See [`proxy`].

pub mod proxy;

use crate::evidence::SentRequest;
use spec::Response;
use std::fmt;

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Fault {
    /// Every `Set-Cookie` field folded into one, joined with ", ".
    FoldSetCookie,
    /// The named header removed.
    DropHeader(String),
    /// The status code plus one (200 becomes 201, 404 becomes 405).
    ChangeStatus,
    /// An absolute `Location` on any origin cut down to its path.
    RelativeLocation,
    /// `Cache-Control` removed.
    StripCacheControl,
    /// `Cache-Control` replaced with `public, max-age=0`, as a CDN or proxy that rewrites it.
    RewriteCacheControl,
    /// The answers of a server that never caches: every 13-digit number in the body (a
    /// `Date.now()`) replaced with a new time, and `x-nextjs-cache` removed.
    NeverCache,
    /// A cache in front that never revalidates: each GET URL gets the first answer seen for it.
    /// The [`proxy`] keeps those answers; [`apply`](Fault::apply) leaves answers alone.
    NeverRevalidate,
    /// A shared cache in front that ignores cookies: the answer to a GET carrying the preview
    /// bypass cookie is kept and given to every later GET of that URL, as a CDN that caches a
    /// draft render for everyone. The [`proxy`] keeps those answers.
    CachePreview,
    /// Each Pages Router data request (`/_next/data/<buildId>/<path>.json`) answered with the
    /// page's HTML, as a router that sends data requests to the page renderer. The [`proxy`]
    /// rewrites the request.
    DataAsHtml,
    /// `Content-Type` replaced with `application/octet-stream`.
    ChangeContentType,
    /// The body's last byte removed.
    TrimBody,
    /// Every 404 made cacheable for a year (`public, max-age=31536000, immutable`), as a CDN
    /// rule or adapter that caches not-found pages (vercel/next.js#22579).
    CacheableNotFound,
    /// HEAD sent upstream as GET and answered with the GET's headers and the Content-Length of
    /// its body, as a server that runs GET for HEAD and leaves it to HTTP to drop the body
    /// (sveltejs/kit#17036). The [`proxy`] changes the request.
    HeadAsGet,
    /// `Content-Length` removed from every HEAD answer (honojs/node-server#220).
    HeadWithoutLength,
    /// A 308 that removes a trailing slash or repeated slashes followed in place, so the client
    /// gets the target's answer instead of the redirect (withastro/adapters#419). The [`proxy`]
    /// follows it.
    NoSlashRedirect,
    /// Every non-empty answer to a request that accepts gzip gzipped, whatever its method, type
    /// or size, with `Vary: Accept-Encoding`, as a proxy or CDN compressing on its own
    /// (vercel/next.js#49963, MicrosoftDocs/azure-docs#100051).
    CompressEverything,
    /// `Vary` cut short, as compression layers in front get it wrong: a list of several members
    /// cut to its last, as a layer that sets `Vary: Accept-Encoding` instead of adding to it
    /// (cloudflare/vinext#91), and a lone member dropped, as a layer that leaves `Vary` off, so a
    /// cache may serve a flight payload as the page, or a compressed answer to a client that
    /// cannot decode it.
    CutVary,
    /// Next.js's internal `x-middleware-next: 1` on every answer, and `x-middleware-set-cookie`
    /// repeating the `Set-Cookie` lines of answers that set cookies (vercel/next.js#75379,
    /// opennextjs-aws#777).
    LeakMiddlewareHeaders,
    /// The `Set-Cookie` lines in reverse order (opennextjs-cloudflare#606).
    ReorderSetCookie,
    /// A shared cache in front that keys on the URL alone: a GET answer it may store
    /// (`s-maxage` or `public`) is served for later GETs of that URL whatever their headers, so a
    /// flight payload is served as the page (vercel/next.js#49140).
    IgnoreVaryCache,
    /// `text/x-component` labelled `text/html; charset=utf-8`.
    RscAsHtml,
    /// The request's `x-forwarded-host` replaced with the host the proxy forwards to
    /// (opennextjs-aws#1182).
    OverwriteForwardedHost,
    /// The query removed from `Location`.
    DropLocationQuery,
    /// The `_rsc` query parameter removed from the request URL, as a cache or adapter that drops
    /// cache-busting parameters.
    StripRscQuery,
}

impl Fault {
    /// Every fault with the arguments the sensitivity test uses.
    pub fn catalogue() -> Vec<Fault> {
        vec![
            Fault::FoldSetCookie,
            Fault::DropHeader("allow".into()),
            Fault::ChangeStatus,
            Fault::RelativeLocation,
            Fault::StripCacheControl,
            Fault::RewriteCacheControl,
            Fault::NeverCache,
            Fault::NeverRevalidate,
            Fault::CachePreview,
            Fault::DataAsHtml,
            Fault::ChangeContentType,
            Fault::TrimBody,
            Fault::CacheableNotFound,
            Fault::HeadAsGet,
            Fault::HeadWithoutLength,
            Fault::NoSlashRedirect,
            Fault::CompressEverything,
            Fault::CutVary,
            Fault::DropHeader("etag".into()),
            Fault::LeakMiddlewareHeaders,
            Fault::ReorderSetCookie,
            Fault::IgnoreVaryCache,
            Fault::RscAsHtml,
            Fault::OverwriteForwardedHost,
            Fault::DropLocationQuery,
            Fault::StripRscQuery,
        ]
    }

    /// `fold-set-cookie`, `drop-header:NAME`, `change-status`, `relative-location`,
    /// `strip-cache-control`, `rewrite-cache-control`, `never-cache`, `never-revalidate`,
    /// `cache-preview`, `data-as-html`, `change-content-type`, `trim-body`, `cacheable-404`,
    /// `head-as-get`, `head-without-length`, `no-slash-redirect`, `compress-everything`,
    /// `cut-vary`, `leak-middleware-headers`, `reorder-set-cookie`, `ignore-vary-cache`,
    /// `rsc-as-html`, `overwrite-forwarded-host`, `drop-location-query`, `strip-rsc-query`.
    pub fn parse(name: &str) -> Result<Fault, String> {
        Ok(match name {
            "fold-set-cookie" => Fault::FoldSetCookie,
            "change-status" => Fault::ChangeStatus,
            "relative-location" => Fault::RelativeLocation,
            "strip-cache-control" => Fault::StripCacheControl,
            "rewrite-cache-control" => Fault::RewriteCacheControl,
            "never-cache" => Fault::NeverCache,
            "never-revalidate" => Fault::NeverRevalidate,
            "cache-preview" => Fault::CachePreview,
            "data-as-html" => Fault::DataAsHtml,
            "change-content-type" => Fault::ChangeContentType,
            "trim-body" => Fault::TrimBody,
            "cacheable-404" => Fault::CacheableNotFound,
            "head-as-get" => Fault::HeadAsGet,
            "head-without-length" => Fault::HeadWithoutLength,
            "no-slash-redirect" => Fault::NoSlashRedirect,
            "compress-everything" => Fault::CompressEverything,
            "cut-vary" => Fault::CutVary,
            "leak-middleware-headers" => Fault::LeakMiddlewareHeaders,
            "reorder-set-cookie" => Fault::ReorderSetCookie,
            "ignore-vary-cache" => Fault::IgnoreVaryCache,
            "rsc-as-html" => Fault::RscAsHtml,
            "overwrite-forwarded-host" => Fault::OverwriteForwardedHost,
            "drop-location-query" => Fault::DropLocationQuery,
            "strip-rsc-query" => Fault::StripRscQuery,
            other => match other.strip_prefix("drop-header:") {
                Some(header) if !header.is_empty() => Fault::DropHeader(header.to_ascii_lowercase()),
                _ => return Err(format!("unknown fault `{name}`; known: {}", known_names())),
            },
        })
    }

    /// The request to send upstream for `request`, broken on its way to the target: HEAD
    /// becomes GET under [`Fault::HeadAsGet`], a Pages Router data request asks for its page
    /// under [`Fault::DataAsHtml`], `x-forwarded-host` names the target under
    /// [`Fault::OverwriteForwardedHost`], `_rsc` is gone under [`Fault::StripRscQuery`].
    pub fn upstream_request(&self, request: &SentRequest) -> SentRequest {
        let mut upstream = request.clone();
        match self {
            Fault::HeadAsGet if request.method == "HEAD" => upstream.method = "GET".into(),
            Fault::DataAsHtml => {
                if let Some(url) = page_of_data_request(&request.url) {
                    upstream.url = url;
                }
            }
            Fault::OverwriteForwardedHost => {
                let authority = request.url.split_once("://").map_or("", |(_, rest)| rest.split('/').next().unwrap_or(""));
                upstream.headers.retain(|(n, _)| !n.eq_ignore_ascii_case("x-forwarded-host"));
                upstream.headers.push(("x-forwarded-host".into(), authority.to_owned()));
            }
            Fault::StripRscQuery => {
                if let Some((path, query)) = request.url.split_once('?') {
                    let kept: Vec<&str> = query.split('&').filter(|p| *p != "_rsc" && !p.starts_with("_rsc=")).collect();
                    upstream.url = if kept.is_empty() { path.to_owned() } else { format!("{path}?{}", kept.join("&")) };
                }
            }
            _ => {}
        }
        upstream
    }

    /// Whether a GET is answered from the answers this fault's cache in front keeps, when it
    /// has one: [`Fault::NeverRevalidate`], [`Fault::CachePreview`], [`Fault::IgnoreVaryCache`].
    pub fn serves_kept(&self) -> bool {
        matches!(self, Fault::NeverRevalidate | Fault::CachePreview | Fault::IgnoreVaryCache)
    }

    /// Whether `answer`, to a GET with these request headers, is kept for its URL.
    pub fn keeps(&self, headers: &[(String, String)], answer: &Response) -> bool {
        match self {
            Fault::NeverRevalidate => true,
            Fault::CachePreview => {
                headers.iter().any(|(n, v)| n.eq_ignore_ascii_case("cookie") && v.contains("__prerender_bypass="))
            }
            Fault::IgnoreVaryCache => answer.status == 200 && answer.header("cache-control").is_some_and(|c| shared_cacheable(&c)),
            _ => false,
        }
    }

    /// Under [`Fault::NoSlashRedirect`], the path and query a redirect of `request` points to,
    /// when it only removes a trailing slash or repeated slashes: the answer to fetch instead.
    pub fn redirect_to_follow(&self, request: &SentRequest, response: &Response) -> Option<String> {
        if *self != Fault::NoSlashRedirect || response.status != 308 {
            return None;
        }
        let location = response.header("location")?;
        let sent = request.url.split_once("://").and_then(|(_, rest)| rest.find('/').map(|i| &rest[i..]))?;
        let (path, _) = sent.split_once('?').unwrap_or((sent, ""));
        let target = location.split_once('?').map_or(location.as_str(), |(p, _)| p);
        let slashes_only = path != target && path.split('/').filter(|s| !s.is_empty()).eq(target.split('/').filter(|s| !s.is_empty()));
        slashes_only.then_some(location)
    }

    /// Breaks `response`, the answer to `request`, in this fault's way.
    pub fn apply(&self, request: &SentRequest, response: &mut Response) {
        let head = request.method == "HEAD";
        let headers = &mut response.headers;
        match self {
            Fault::FoldSetCookie => {
                let cookies = set_cookie_lines(headers);
                if cookies.len() > 1 {
                    headers.retain(|(n, _)| n != "set-cookie");
                    headers.push(("set-cookie".into(), cookies.join(", ")));
                }
            }
            Fault::DropHeader(name) => headers.retain(|(n, _)| n != name),
            Fault::ChangeStatus => response.status = (response.status + 1).min(599),
            Fault::RelativeLocation => {
                for (_, value) in headers.iter_mut().filter(|(n, _)| n == "location") {
                    if let Some((_, rest)) = value.split_once("://") {
                        *value = rest.find('/').map_or_else(|| "/".to_owned(), |i| rest[i..].to_owned());
                    }
                }
            }
            Fault::StripCacheControl => headers.retain(|(n, _)| n != "cache-control"),
            Fault::RewriteCacheControl => {
                for (_, value) in headers.iter_mut().filter(|(n, _)| n == "cache-control") {
                    *value = "public, max-age=0".into();
                }
            }
            Fault::NeverCache => {
                headers.retain(|(n, _)| n != "x-nextjs-cache");
                response.body = fresh_times(&response.body);
            }
            Fault::NeverRevalidate | Fault::CachePreview | Fault::DataAsHtml => {}
            Fault::ChangeContentType => {
                for (_, value) in headers.iter_mut().filter(|(n, _)| n == "content-type") {
                    *value = "application/octet-stream".into();
                }
            }
            Fault::TrimBody => {
                response.body.pop();
            }
            Fault::CacheableNotFound if response.status == 404 => {
                headers.retain(|(n, _)| n != "cache-control");
                headers.push(("cache-control".into(), "public, max-age=31536000, immutable".into()));
            }
            Fault::HeadAsGet if head => {
                headers.retain(|(n, _)| n != "content-length" && n != "transfer-encoding");
                headers.push(("content-length".into(), response.body.len().to_string()));
            }
            Fault::HeadWithoutLength if head => headers.retain(|(n, _)| n != "content-length"),
            Fault::CompressEverything if accepts_gzip(request) && !response.body.is_empty() && !headers.iter().any(|(n, _)| n == "content-encoding") => {
                response.body = gzip(&response.body);
                headers.retain(|(n, _)| n != "content-length");
                headers.push(("content-encoding".into(), "gzip".into()));
                if !headers.iter().any(|(n, v)| n == "vary" && v.to_ascii_lowercase().contains("accept-encoding")) {
                    headers.push(("vary".into(), "Accept-Encoding".into()));
                }
            }
            Fault::CutVary => {
                let members: Vec<String> = headers.iter().filter(|(n, _)| n == "vary").flat_map(|(_, v)| v.split(',')).map(|m| m.trim().to_owned()).filter(|m| !m.is_empty()).collect();
                headers.retain(|(n, _)| n != "vary");
                if members.len() > 1 {
                    headers.push(("vary".into(), members[members.len() - 1].clone()));
                }
            }
            Fault::LeakMiddlewareHeaders => {
                let cookies = set_cookie_lines(headers);
                headers.push(("x-middleware-next".into(), "1".into()));
                if !cookies.is_empty() {
                    headers.push(("x-middleware-set-cookie".into(), cookies.join(", ")));
                }
            }
            Fault::ReorderSetCookie => {
                let mut reordered = set_cookie_lines(headers).into_iter().rev();
                for (_, value) in headers.iter_mut().filter(|(n, _)| n == "set-cookie") {
                    *value = reordered.next().unwrap_or_default();
                }
            }
            Fault::RscAsHtml => {
                for (_, value) in headers.iter_mut().filter(|(n, _)| n == "content-type") {
                    if value.starts_with("text/x-component") {
                        *value = "text/html; charset=utf-8".into();
                    }
                }
            }
            Fault::DropLocationQuery => {
                for (_, value) in headers.iter_mut().filter(|(n, _)| n == "location") {
                    value.truncate(value.find('?').unwrap_or(value.len()));
                }
            }
            Fault::CacheableNotFound
            | Fault::HeadAsGet
            | Fault::HeadWithoutLength
            | Fault::NoSlashRedirect
            | Fault::CompressEverything
            | Fault::IgnoreVaryCache
            | Fault::OverwriteForwardedHost
            | Fault::StripRscQuery => {}
        }
    }

}

fn set_cookie_lines(headers: &[(String, String)]) -> Vec<String> {
    headers.iter().filter(|(n, _)| n == "set-cookie").map(|(_, v)| v.clone()).collect()
}

/// Whether a `Cache-Control` value lets a shared cache store the answer.
fn shared_cacheable(cache_control: &str) -> bool {
    let directives: Vec<String> = cache_control.split(',').map(|d| d.trim().to_ascii_lowercase()).collect();
    let forbidden = directives.iter().any(|d| d == "private" || d == "no-store");
    !forbidden && directives.iter().any(|d| d == "public" || d.starts_with("s-maxage="))
}

/// Whether `request` accepts gzip (by name, with any q-value but 0).
fn accepts_gzip(request: &SentRequest) -> bool {
    request.headers.iter().filter(|(n, _)| n.eq_ignore_ascii_case("accept-encoding")).flat_map(|(_, v)| v.split(',')).any(|coding| {
        let mut parts = coding.split(';').map(str::trim);
        let name = parts.next().unwrap_or_default();
        let refused = parts.any(|p| p.replace(' ', "").eq_ignore_ascii_case("q=0"));
        name.eq_ignore_ascii_case("gzip") && !refused
    })
}

fn gzip(body: &[u8]) -> Vec<u8> {
    use std::io::Write;
    let mut encoder = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
    encoder.write_all(body).and_then(|()| encoder.finish()).unwrap_or_default()
}

/// The URL of the page a Pages Router data request is for: `.../_next/data/<buildId>/a/b.json?q`
/// is `.../a/b?q`, `.../_next/data/<buildId>/index.json` is `.../`.
fn page_of_data_request(url: &str) -> Option<String> {
    let (origin, path_and_query) = url.split_at(url.find("/_next/data/")?);
    let (path, query) = path_and_query.split_once('?').map_or((path_and_query, None), |(p, q)| (p, Some(q)));
    let (_build, page) = path.strip_prefix("/_next/data/")?.split_once('/')?;
    let page = page.strip_suffix(".json")?;
    let page = if page == "index" { "" } else { page };
    Some(match query {
        Some(query) => format!("{origin}/{page}?{query}"),
        None => format!("{origin}/{page}"),
    })
}

/// `body` with every run of exactly 13 ASCII digits replaced by a new, never repeated time in
/// milliseconds.
fn fresh_times(body: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(body.len());
    let mut i = 0;
    while i < body.len() {
        let run = body[i..].iter().take_while(|b| b.is_ascii_digit()).count().max(1);
        if run == 13 {
            out.extend_from_slice(format!("{:013}", fresh_time() % 10_000_000_000_000).as_bytes());
        } else {
            out.extend_from_slice(&body[i..i + run]);
        }
        i += run;
    }
    out
}

/// The current time in milliseconds, or one more than the last one given.
fn fresh_time() -> u64 {
    use std::sync::atomic::{AtomicU64, Ordering};
    static LAST: AtomicU64 = AtomicU64::new(0);
    let now = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map_or(0, |d| d.as_millis() as u64);
    let mut last = LAST.load(Ordering::SeqCst);
    loop {
        let next = now.max(last + 1);
        match LAST.compare_exchange(last, next, Ordering::SeqCst, Ordering::SeqCst) {
            Ok(_) => return next,
            Err(seen) => last = seen,
        }
    }
}

fn known_names() -> String {
    Fault::catalogue().iter().map(ToString::to_string).collect::<Vec<_>>().join(", ")
}

impl fmt::Display for Fault {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Fault::FoldSetCookie => f.write_str("fold-set-cookie"),
            Fault::DropHeader(name) => write!(f, "drop-header:{name}"),
            Fault::ChangeStatus => f.write_str("change-status"),
            Fault::RelativeLocation => f.write_str("relative-location"),
            Fault::StripCacheControl => f.write_str("strip-cache-control"),
            Fault::RewriteCacheControl => f.write_str("rewrite-cache-control"),
            Fault::NeverCache => f.write_str("never-cache"),
            Fault::NeverRevalidate => f.write_str("never-revalidate"),
            Fault::CachePreview => f.write_str("cache-preview"),
            Fault::DataAsHtml => f.write_str("data-as-html"),
            Fault::ChangeContentType => f.write_str("change-content-type"),
            Fault::TrimBody => f.write_str("trim-body"),
            Fault::CacheableNotFound => f.write_str("cacheable-404"),
            Fault::HeadAsGet => f.write_str("head-as-get"),
            Fault::HeadWithoutLength => f.write_str("head-without-length"),
            Fault::NoSlashRedirect => f.write_str("no-slash-redirect"),
            Fault::CompressEverything => f.write_str("compress-everything"),
            Fault::CutVary => f.write_str("cut-vary"),
            Fault::LeakMiddlewareHeaders => f.write_str("leak-middleware-headers"),
            Fault::ReorderSetCookie => f.write_str("reorder-set-cookie"),
            Fault::IgnoreVaryCache => f.write_str("ignore-vary-cache"),
            Fault::RscAsHtml => f.write_str("rsc-as-html"),
            Fault::OverwriteForwardedHost => f.write_str("overwrite-forwarded-host"),
            Fault::DropLocationQuery => f.write_str("drop-location-query"),
            Fault::StripRscQuery => f.write_str("strip-rsc-query"),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn response(headers: &[(&str, &str)], body: &str) -> Response {
        Response::from_parts(200, headers, body)
    }

    fn request(method: &str, path: &str, headers: &[(&str, &str)]) -> SentRequest {
        SentRequest {
            method: method.into(),
            url: format!("http://127.0.0.1:1{path}"),
            headers: headers.iter().map(|(n, v)| ((*n).into(), (*v).into())).collect(),
            body: None,
        }
    }

    fn get() -> SentRequest {
        request("GET", "/", &[])
    }

    #[test]
    fn names_round_trip() {
        for fault in Fault::catalogue() {
            assert_eq!(Fault::parse(&fault.to_string()), Ok(fault));
        }
        assert!(Fault::parse("drop-header:").is_err());
    }

    #[test]
    fn each_fault_changes_what_it_names() {
        let mut r = response(&[("set-cookie", "a=1"), ("set-cookie", "b=2"), ("location", "http://h:1/x?y")], "body");
        Fault::FoldSetCookie.apply(&get(), &mut r);
        assert_eq!(r.header_values("set-cookie").collect::<Vec<_>>(), ["a=1, b=2"]);
        Fault::RelativeLocation.apply(&get(), &mut r);
        assert_eq!(r.header("location").as_deref(), Some("/x?y"));
        Fault::TrimBody.apply(&get(), &mut r);
        assert_eq!(r.body, b"bod");
        Fault::ChangeStatus.apply(&get(), &mut r);
        assert_eq!(r.status, 201);
    }

    #[test]
    fn data_as_html_asks_for_the_page() {
        let url = |fault: &Fault, path: &str| fault.upstream_request(&request("GET", path, &[])).url;
        let fault = Fault::DataAsHtml;
        assert_eq!(url(&fault, "/_next/data/b1/pages-router/ssg/static.json"), "http://127.0.0.1:1/pages-router/ssg/static");
        assert_eq!(url(&fault, "/_next/data/b1/index.json?x=1"), "http://127.0.0.1:1/?x=1");
        assert_eq!(url(&fault, "/_next/data/b1"), "http://127.0.0.1:1/_next/data/b1");
        assert_eq!(url(&fault, "/pages-router/ssr/basic"), "http://127.0.0.1:1/pages-router/ssr/basic");
        assert_eq!(url(&Fault::TrimBody, "/_next/data/b1/a.json"), "http://127.0.0.1:1/_next/data/b1/a.json");
    }

    #[test]
    fn cache_preview_keeps_only_answers_to_preview_requests() {
        let with = [("cookie".to_owned(), "a=1; __prerender_bypass=abc".to_owned())];
        let without = [("cookie".to_owned(), "a=1".to_owned())];
        let answer = response(&[], "");
        assert!(Fault::CachePreview.keeps(&with, &answer));
        assert!(!Fault::CachePreview.keeps(&without, &answer));
        assert!(Fault::NeverRevalidate.keeps(&without, &answer));
        assert!(!Fault::TrimBody.keeps(&with, &answer));
        assert!(Fault::CachePreview.serves_kept() && !Fault::DataAsHtml.serves_kept());
    }

    #[test]
    fn never_cache_renews_times_and_drops_the_cache_state() {
        let body = r#"{"now":1795625152208,"n":12}"#;
        let mut a = response(&[("x-nextjs-cache", "HIT"), ("cache-control", "s-maxage=2")], body);
        let mut b = response(&[], body);
        Fault::NeverCache.apply(&get(), &mut a);
        Fault::NeverCache.apply(&get(), &mut b);
        assert_eq!(a.header("x-nextjs-cache"), None);
        assert_ne!(a.body, body.as_bytes());
        assert_ne!(a.body, b.body);
        assert!(String::from_utf8(a.body).unwrap().ends_with(r#","n":12}"#));
        let mut r = response(&[("cache-control", "s-maxage=2")], "");
        Fault::RewriteCacheControl.apply(&get(), &mut r);
        assert_eq!(r.header("cache-control").as_deref(), Some("public, max-age=0"));
    }

    #[test]
    fn envelope_faults_break_what_they_name() {
        let mut r = response(
            &[("set-cookie", "a=1"), ("vary", "rsc, next-router-state-tree, Accept-Encoding"), ("set-cookie", "b=2"), ("content-type", "text/x-component"), ("location", "/x?y=1")],
            "",
        );
        Fault::ReorderSetCookie.apply(&get(), &mut r);
        assert_eq!(r.header_values("set-cookie").collect::<Vec<_>>(), ["b=2", "a=1"]);
        Fault::LeakMiddlewareHeaders.apply(&get(), &mut r);
        assert_eq!(r.header("x-middleware-next").as_deref(), Some("1"));
        assert_eq!(r.header("x-middleware-set-cookie").as_deref(), Some("b=2, a=1"));
        Fault::RscAsHtml.apply(&get(), &mut r);
        assert_eq!(r.header("content-type").as_deref(), Some("text/html; charset=utf-8"));
        Fault::DropLocationQuery.apply(&get(), &mut r);
        assert_eq!(r.header("location").as_deref(), Some("/x"));
        let mut plain = response(&[("content-type", "application/json")], "");
        Fault::RscAsHtml.apply(&get(), &mut plain);
        Fault::LeakMiddlewareHeaders.apply(&get(), &mut plain);
        assert_eq!(plain.header("content-type").as_deref(), Some("application/json"));
        assert_eq!(plain.header("x-middleware-set-cookie"), None);
    }

    #[test]
    fn request_faults_change_what_reaches_the_target() {
        let sent = SentRequest {
            method: "GET".into(),
            url: "http://127.0.0.1:9/a?x=1&_rsc=abc&_rsc&y=2".into(),
            headers: vec![("x-forwarded-host".into(), "example.com".into())],
            body: None,
        };
        let stripped = Fault::StripRscQuery.upstream_request(&sent);
        assert_eq!((stripped.url.as_str(), &stripped.headers), ("http://127.0.0.1:9/a?x=1&y=2", &sent.headers));
        let overwritten = Fault::OverwriteForwardedHost.upstream_request(&sent);
        assert_eq!((overwritten.url, overwritten.headers), (sent.url.clone(), vec![("x-forwarded-host".to_owned(), "127.0.0.1:9".to_owned())]));
        let bare = SentRequest { url: "http://h/b?_rsc".into(), ..sent };
        assert_eq!(Fault::StripRscQuery.upstream_request(&bare).url, "http://h/b");
    }

    #[test]
    fn the_url_keyed_cache_keeps_only_what_a_shared_cache_may_store() {
        let fault = Fault::IgnoreVaryCache;
        assert!(fault.serves_kept() && !Fault::TrimBody.serves_kept());
        assert!(fault.keeps(&[], &response(&[("cache-control", "s-maxage=31536000")], "")));
        assert!(fault.keeps(&[], &response(&[("cache-control", "public, max-age=60")], "")));
        assert!(!fault.keeps(&[], &response(&[("cache-control", "private, no-cache, no-store, max-age=0, must-revalidate")], "")));
        assert!(!fault.keeps(&[], &response(&[], "")));
    }

    #[test]
    fn not_found_answers_become_cacheable_and_others_stay() {
        let mut missing = Response::from_parts(404, &[("cache-control", "private, no-store")], "");
        let mut found = response(&[("cache-control", "private, no-store")], "");
        Fault::CacheableNotFound.apply(&get(), &mut missing);
        Fault::CacheableNotFound.apply(&get(), &mut found);
        assert_eq!(missing.header("cache-control").as_deref(), Some("public, max-age=31536000, immutable"));
        assert_eq!(found.header("cache-control").as_deref(), Some("private, no-store"));
    }

    #[test]
    fn head_faults_touch_head_answers_only() {
        let head = request("HEAD", "/a", &[]);
        assert_eq!(Fault::HeadAsGet.upstream_request(&head).method, "GET");
        assert_eq!(Fault::HeadAsGet.upstream_request(&get()).method, "GET");
        assert_eq!(Fault::TrimBody.upstream_request(&head).method, "HEAD");
        let mut as_get = response(&[("transfer-encoding", "chunked")], "hello");
        Fault::HeadAsGet.apply(&head, &mut as_get);
        assert_eq!(as_get.header("content-length").as_deref(), Some("5"));
        assert_eq!(as_get.header("transfer-encoding"), None);
        let mut sized = response(&[("content-length", "5")], "");
        Fault::HeadWithoutLength.apply(&get(), &mut sized);
        assert_eq!(sized.header("content-length").as_deref(), Some("5"));
        Fault::HeadWithoutLength.apply(&head, &mut sized);
        assert_eq!(sized.header("content-length"), None);
    }

    #[test]
    fn only_slash_redirects_are_followed() {
        let redirect = |location: &str| Response::from_parts(308, &[("location", location)], "");
        let fault = Fault::NoSlashRedirect;
        assert_eq!(fault.redirect_to_follow(&request("GET", "/a/b/?q=1", &[]), &redirect("/a/b?q=1")).as_deref(), Some("/a/b?q=1"));
        assert_eq!(fault.redirect_to_follow(&request("GET", "//a//b", &[]), &redirect("/a/b")).as_deref(), Some("/a/b"));
        assert_eq!(fault.redirect_to_follow(&request("GET", "/a", &[]), &redirect("/b")), None);
        assert_eq!(Fault::TrimBody.redirect_to_follow(&request("GET", "/a/", &[]), &redirect("/a")), None);
    }

    #[test]
    fn compression_follows_accept_encoding() {
        let mut plain = response(&[("content-type", "image/png"), ("content-length", "3")], "abc");
        Fault::CompressEverything.apply(&get(), &mut plain);
        assert_eq!(plain.body, b"abc");
        let gzip_ok = request("GET", "/", &[("accept-encoding", "br, gzip;q=0.5")]);
        Fault::CompressEverything.apply(&gzip_ok, &mut plain);
        assert_eq!(plain.header("content-encoding").as_deref(), Some("gzip"));
        assert_eq!(plain.header("vary").as_deref(), Some("Accept-Encoding"));
        assert_eq!(plain.header("content-length"), None);
        assert_eq!(&plain.body[..2], [0x1f, 0x8b]);
        let refused = request("GET", "/", &[("accept-encoding", "gzip;q=0")]);
        let mut kept = response(&[], "abc");
        Fault::CompressEverything.apply(&refused, &mut kept);
        assert_eq!(kept.body, b"abc");
    }

    #[test]
    fn vary_is_cut_to_its_last_member_or_none() {
        let cut = |fields: &[(&str, &str)]| {
            let mut r = response(fields, "");
            Fault::CutVary.apply(&get(), &mut r);
            r.header_values("vary").map(str::to_owned).collect::<Vec<String>>()
        };
        assert_eq!(cut(&[("vary", "rsc, next-router-state-tree, Accept-Encoding")]), ["Accept-Encoding"]);
        assert_eq!(cut(&[("vary", "rsc"), ("vary", "accept-encoding")]), ["accept-encoding"]);
        assert_eq!(cut(&[("vary", "Accept-Encoding"), ("content-type", "text/plain")]), Vec::<String>::new());
        assert_eq!(cut(&[("content-type", "text/plain")]), Vec::<String>::new());
    }
}
