//! The Web `Request`/`Response` surface the fixture's user code sees, in Rust: what a mirror
//! reads from a request and the response it builds, with the Web API's defaults.

use crate::params::Params;
use bytes::Bytes;
use serde_json::Value;

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
}

/// An exception thrown by user code; Next.js answers it with a 500.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Thrown(pub String);

impl RouteRequest {
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

    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers.iter().find(|(n, _)| n.eq_ignore_ascii_case(name)).map(|(_, v)| v.as_str())
    }
}
