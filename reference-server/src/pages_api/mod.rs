//! Pages Router API routes (`pages/api/**`): what Next.js's `apiResolver` does around the
//! user's handler, for every route alike.
//!
//! - [`config`]: the route's `export const config` (body parser on or off, its size limit).
//! - [`size_limit`]: `sizeLimit` values (`'1mb'`, `'0.5kb'`, `100`) as bytes.
//! - [`body`]: `req.body`, read within the limit and parsed by [`content_type`].
//! - [`querystring`], [`cookies`]: `req.query` and `req.cookies`.
//! - [`request`], [`response`]: `req` and `res` with Next.js's helpers ([`crate::fresh`] decides the
//!   304 of `res.send`); [`revalidate`] checks `res.revalidate`'s argument.
//! - [`wire`]: how `res` is sent by `next start`.
//!
//! Before anything else, the route module expires the cookies of a stale preview session the
//! request carries (`Set-Cookie` lines the handler may replace or add to).
//!
//! A handler runs for every method; Next.js adds no automatic HEAD or OPTIONS answer here
//! (Node drops the body of a HEAD answer). A handler that throws gets
//! `500 Internal Server Error` with that text as body; failures of the body parser are answered
//! without calling the handler.

pub mod body;
pub mod config;
pub mod content_type;
pub mod cookies;
pub mod querystring;
pub mod request;
pub mod response;
pub mod revalidate;
pub mod size_limit;
pub mod wire;

use crate::code::ApiHandler;
use crate::preview_data::Session;
use crate::params::{ParamValue, Params};
use bytes::Bytes;
use config::ApiConfig;
use crate::fresh::Conditional;
use http_body_util::BodyExt;
use request::ApiRequest;
use response::ApiResponse;
use revalidate::Revalidate;
use serde_json::Value;
use crate::service::Answer;

/// What the server hands over for one request to an API route.
pub struct ApiCall<B> {
    pub method: String,
    /// The raw path.
    pub path: String,
    /// The raw query, without `?`.
    pub query: String,
    pub headers: http::HeaderMap,
    pub body: B,
    pub params: Option<Params>,
}

/// Answers `call` with `handler` under `config`, its `res.revalidate` asking `server`. A route
/// with the body parser off receives what the server's own cap lets through.
pub async fn serve<B>(config: &ApiConfig, handler: ApiHandler, call: ApiCall<B>, server: &dyn Revalidate) -> Answer
where
    B: hyper::body::Body<Data = Bytes> + Unpin,
    B::Error: Into<Box<dyn std::error::Error + Send + Sync>>,
{
    let ApiCall { method, path, query, headers, body, params } = call;
    let mut res = ApiResponse::on(Conditional::from_headers(&headers), server);
    // The route module reads the preview cookies before anything else, expiring a stale
    // session's, so the handler finds those lines already set.
    let clearing = Session::of(&headers).clearing_lines();
    if !clearing.is_empty() {
        res.set_header_list("Set-Cookie", &clearing.iter().map(String::as_str).collect::<Vec<_>>());
    }
    let (parsed, stream) = match &config.body_parser {
        Some(limit) => match body::parse(&headers, body, limit).await {
            Ok(value) => (Some(value), Bytes::new()),
            Err(error) => {
                res.send_error(error.status, &error.message);
                return wire::into_http(res);
            }
        },
        None => match body.collect().await {
            Ok(collected) => (None, collected.to_bytes()),
            Err(_) => {
                res.send_error(413, "Payload Too Large");
                return wire::into_http(res);
            }
        },
    };
    let url = if query.is_empty() { path } else { format!("{path}?{query}") };
    let req = ApiRequest {
        method,
        url,
        query: req_query(&query, params.as_ref()),
        cookies: cookies::parse(&headers),
        headers,
        body: parsed,
        stream,
    };
    let outcome = handler(&req, &mut res);
    if !res.is_ended() {
        match outcome {
            // Next.js would leave the request open (and warn); a mirror always answers, so this
            // only ends what a mirror left unfinished rather than hanging the client.
            Ok(()) => res.end(b""),
            Err(_) => res.send_error(500, "Internal Server Error"),
        }
    }
    wire::into_http(res)
}

/// `{ ...query, ...params }`: a parameter replaces a query pair of the same name.
fn req_query(query: &str, params: Option<&Params>) -> serde_json::Map<String, Value> {
    let mut object = querystring::decode(query);
    for (name, value) in params.map(|p| p.0.as_slice()).unwrap_or_default() {
        let value = match value {
            ParamValue::One(s) => Value::String(s.clone()),
            ParamValue::Many(items) => Value::Array(items.iter().cloned().map(Value::String).collect()),
        };
        object.insert(name.clone(), value);
    }
    object
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::web::Thrown;
    use http_body_util::Full;
    use serde_json::json;

    fn echo_query(req: &ApiRequest, res: &mut ApiResponse) -> Result<(), Thrown> {
        res.json(&json!({ "query": req.query, "body": req.body }));
        Ok(())
    }

    fn throws(_: &ApiRequest, res: &mut ApiResponse) -> Result<(), Thrown> {
        res.set_header("X-Before", "1");
        Err(Thrown("Error: failed".into()))
    }

    fn call(query: &str, params: Option<Params>) -> ApiCall<Full<Bytes>> {
        ApiCall { method: "GET".into(), path: "/api/x".into(), query: query.into(), headers: http::HeaderMap::new(), body: Full::default(), params }
    }

    async fn body_of(response: Answer) -> Value {
        serde_json::from_slice(&response.into_body().collect().await.unwrap().to_bytes()).unwrap()
    }

    #[tokio::test]
    async fn params_replace_query_pairs_in_place() {
        let params = Params(vec![("id".into(), ParamValue::One("42".into()))]);
        let response = serve(&ApiConfig::default(), echo_query, call("id=q&x=1&x=2", Some(params)), &revalidate::NothingToRevalidate).await;
        let body = body_of(response).await;
        assert_eq!(body, json!({ "query": { "id": "42", "x": ["1", "2"] }, "body": "" }));
        assert_eq!(body["query"].as_object().unwrap().keys().collect::<Vec<_>>(), ["id", "x"]);
    }

    #[tokio::test]
    async fn a_throwing_handler_keeps_its_headers_and_gets_a_500() {
        let response = serve(&ApiConfig::default(), throws, call("", None), &revalidate::NothingToRevalidate).await;
        assert_eq!(response.status(), 500);
        assert_eq!(response.headers()["x-before"], "1");
        assert!(response.headers().get("content-type").is_none());
        let body = response.into_body().collect().await.unwrap().to_bytes();
        assert_eq!(body, "Internal Server Error");
    }
}
