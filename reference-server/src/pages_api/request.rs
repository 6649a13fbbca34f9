//! `req` of an API route: what Next.js's `apiResolver` prepares before calling the handler.

use bytes::Bytes;
use serde_json::{Map, Value};

#[derive(Debug, Clone, Default)]
pub struct ApiRequest {
    pub method: String,
    /// `req.url`: the raw path and query.
    pub url: String,
    pub headers: http::HeaderMap,
    /// `req.query`: the URL's query pairs, then the route's dynamic parameters over them.
    pub query: Map<String, Value>,
    /// `req.cookies`
    pub cookies: Map<String, Value>,
    /// `req.body`; `None` (undefined) when the route turns the body parser off.
    pub body: Option<Value>,
    /// What reading `req` as a stream yields: the raw body when the parser is off, else nothing
    /// (the parser consumed it).
    pub stream: Bytes,
}
