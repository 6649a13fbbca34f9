//! The Web `Request`/`Response` surface the fixture's user code sees, in Rust: what a mirror
//! reads from a request and the response it builds, with the Web API's defaults.

use crate::cookies::{CookieStore, parse_cookie_header};
use crate::params::Params;
use bytes::Bytes;
use serde_json::Value;
use std::cell::RefCell;

/// The request a route handler receives (`NextRequest` plus the `params` context).
#[derive(Debug, Clone)]
pub struct RouteRequest {
    pub method: String,
    /// The raw request path, without the query.
    pub path: String,
    /// The raw query, without `?`.
    pub query: String,
    pub headers: http::HeaderMap,
    pub body: Bytes,
    /// `None` on a route without dynamic segments.
    pub params: Option<Params>,
    /// Scheme, host and port of `request.url`: `next start` reports `localhost` and its own port
    /// whatever the Host header says, with the scheme from `x-forwarded-proto`.
    pub origin: String,
    /// What `cookies()` reads and writes while the handler runs.
    pub cookies: RefCell<CookieStore>,
}

/// An exception thrown by user code; Next.js answers it with a 500.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Thrown(pub String);

impl RouteRequest {
    pub fn new(
        method: String,
        path: String,
        query: String,
        headers: http::HeaderMap,
        body: Bytes,
        params: Option<Params>,
        port: u16,
    ) -> RouteRequest {
        let scheme = match headers.get("x-forwarded-proto").and_then(|v| v.to_str().ok()) {
            Some(proto) if proto.split(',').next().is_some_and(|p| p.trim() == "https") => "https",
            _ => "http",
        };
        let cookies = headers.get_all("cookie").iter().filter_map(|v| v.to_str().ok()).collect::<Vec<_>>().join("; ");
        let cookies = RefCell::new(CookieStore::from_request(&parse_cookie_header(&cookies)));
        RouteRequest { method, path, query, headers, body, params, origin: format!("{scheme}://localhost:{port}"), cookies }
    }

    /// `request.url`
    pub fn url(&self) -> String {
        let query = if self.query.is_empty() { String::new() } else { format!("?{}", self.query) };
        format!("{}{}{query}", self.origin, self.path)
    }

    /// `new URL(path, request.url)` for a path starting with `/`.
    pub fn resolve(&self, path: &str) -> String {
        format!("{}{path}", self.origin)
    }

    /// `headers.get(name)`: every value of the header joined with ", ".
    pub fn header(&self, name: &str) -> Option<String> {
        let values: Vec<String> =
            self.headers.get_all(name).iter().map(|v| String::from_utf8_lossy(v.as_bytes()).into_owned()).collect();
        (!values.is_empty()).then(|| values.join(", "))
    }

    /// `nextUrl.searchParams` as entries, parsed as `URLSearchParams` does.
    pub fn search_params(&self) -> Vec<(String, String)> {
        form_urlencoded::parse(self.query.as_bytes()).map(|(k, v)| (k.into_owned(), v.into_owned())).collect()
    }

    /// `searchParams.get(name)`: the first value.
    pub fn search_param(&self, name: &str) -> Option<String> {
        self.search_params().into_iter().find(|(k, _)| k == name).map(|(_, v)| v)
    }

    /// `request.text()`: the body decoded as UTF-8, invalid bytes replaced.
    pub fn text(&self) -> String {
        String::from_utf8_lossy(&self.body).into_owned()
    }

    /// `request.json()`: throws on a body that is not JSON.
    pub fn json(&self) -> Result<Value, Thrown> {
        serde_json::from_str(&self.text()).map_err(|e| Thrown(format!("SyntaxError: {e}")))
    }
}

/// A Web `Response` as user code builds it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WebResponse {
    pub status: u16,
    /// Lower-case names, as `Headers` stores them.
    pub headers: Vec<(String, String)>,
    pub body: Option<Bytes>,
}

impl WebResponse {
    /// `new Response(null)`
    pub fn empty() -> Self {
        WebResponse { status: 200, headers: Vec::new(), body: None }
    }

    /// `new Response(text)`: a string body gets `text/plain;charset=UTF-8`.
    pub fn text(text: impl Into<String>) -> Self {
        WebResponse {
            status: 200,
            headers: vec![("content-type".into(), "text/plain;charset=UTF-8".into())],
            body: Some(Bytes::from(text.into())),
        }
    }

    /// `Response.json(value)`: serialized compactly, with `content-type: application/json`.
    pub fn json(value: &Value) -> Self {
        WebResponse {
            status: 200,
            headers: vec![("content-type".into(), "application/json".into())],
            body: Some(Bytes::from(value.to_string())),
        }
    }

    pub fn with_status(mut self, status: u16) -> Self {
        self.status = status;
        self
    }

    /// `headers.set(name, value)`: replaces any value the header had.
    pub fn with_header(mut self, name: &str, value: &str) -> Self {
        let name = name.to_ascii_lowercase();
        self.headers.retain(|(n, _)| *n != name);
        self.headers.push((name, value.to_owned()));
        self
    }

    /// `NextResponse.redirect(url, status)`: an absolute URL and a redirect status, or it throws.
    pub fn redirect(url: &str, status: u16) -> Result<WebResponse, Thrown> {
        if ![301, 302, 303, 307, 308].contains(&status) {
            return Err(Thrown("RangeError: Failed to execute 'redirect' on 'Response': Invalid status code".into()));
        }
        if !(url.starts_with("http://") || url.starts_with("https://")) {
            return Err(Thrown(format!("TypeError: Invalid URL: {url}")));
        }
        Ok(WebResponse::empty().with_status(status).with_header("location", url))
    }

    /// `NextResponse.next()`: routing goes on.
    pub fn next() -> WebResponse {
        WebResponse::empty().with_header("x-middleware-next", "1")
    }

    /// `NextResponse.next({ request: { headers } })`: routing goes on with these request headers.
    pub fn next_with_request_headers(headers: &[(String, String)]) -> WebResponse {
        let names: Vec<&str> = headers.iter().map(|(n, _)| n.as_str()).collect();
        let answer = WebResponse::next().with_header("x-middleware-override-headers", &names.join(","));
        headers.iter().fold(answer, |r, (name, value)| r.with_header(&format!("x-middleware-request-{name}"), value))
    }

    /// `NextResponse.rewrite(url)`: the request is answered by the route at `url`.
    pub fn rewrite(url: &str) -> WebResponse {
        WebResponse::empty().with_header("x-middleware-rewrite", url)
    }

    /// `headers.append(name, value)`: adds a field, keeping those already there.
    pub fn with_appended_header(mut self, name: &str, value: &str) -> Self {
        self.headers.push((name.to_ascii_lowercase(), value.to_owned()));
        self
    }

    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers.iter().find(|(n, _)| n.eq_ignore_ascii_case(name)).map(|(_, v)| v.as_str())
    }
}
