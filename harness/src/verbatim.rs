//! Sends a request whose target a URL parser would rewrite exactly as written, over plain HTTP/1.1.
//!
//! The client's URL parser follows the WHATWG URL rules: it removes dot segments (`/a/../b`,
//! `/%2e/`), percent-encodes raw non-ASCII and some ASCII characters (`'`, `"`, `{`...) and
//! turns `\` into `/`. Browsers do the same, but servers also get requests from clients that
//! do not (`curl --path-as-is`, scanners, proxies), and what a server does with those is part
//! of what it answers. A request-target the parser would change is sent here instead, byte for
//! byte, on a connection of its own; its answer is read as the client reads any other.

use crate::evidence::SentRequest;
use bytes::Bytes;
use http_body_util::{BodyExt, Full};
use hyper_util::rt::TokioIo;
use spec::Response;
use std::time::Duration;

/// Whether the client's URL parser would send `url`'s request-target other than as written.
pub fn rewritten_by_parser(url: &str) -> bool {
    let Ok(parsed) = reqwest::Url::parse(url) else { return true };
    let sent = match parsed.query() {
        Some(query) => format!("{}?{query}", parsed.path()),
        None => parsed.path().to_owned(),
    };
    request_target(url).unwrap_or("/") != sent
}

/// The request-target of an absolute `http://host/target` URL.
pub fn request_target(url: &str) -> Option<&str> {
    let rest = url.split_once("://")?.1;
    Some(rest.find('/').map_or("/", |i| &rest[i..]))
}

/// Sends `request` (an `http://` URL) with its request-target as written; the body is read up
/// to `body_cap` bytes, and the whole exchange ends within `timeout`.
pub async fn send(request: &SentRequest, timeout: Duration, body_cap: usize) -> Result<Response, String> {
    tokio::time::timeout(timeout, exchange(request, body_cap))
        .await
        .unwrap_or_else(|_| Err(format!("no complete answer within {timeout:?} (timed out)")))
}

async fn exchange(request: &SentRequest, body_cap: usize) -> Result<Response, String> {
    let (authority, target) = split(&request.url)?;
    let address = if authority.contains(':') { authority.to_owned() } else { format!("{authority}:80") };
    let stream = tokio::net::TcpStream::connect(&address).await.map_err(|e| format!("connect to {authority}: {e}"))?;
    let (mut sender, connection) = hyper::client::conn::http1::handshake(TokioIo::new(stream)).await.map_err(|e| e.to_string())?;
    tokio::spawn(connection);
    let uri = http::Uri::from_maybe_shared(Bytes::copy_from_slice(target.as_bytes()))
        .map_err(|e| format!("the request-target `{target}` cannot be sent: {e}"))?;
    let method = http::Method::from_bytes(request.method.as_bytes()).map_err(|e| e.to_string())?;
    let mut builder = http::Request::builder().method(method).uri(uri).header("host", authority).header("accept", "*/*");
    for (name, value) in &request.headers {
        builder = builder.header(name.as_str(), value.as_str());
    }
    let body = request.body.clone().map(Bytes::from).unwrap_or_default();
    let outgoing = builder.body(Full::new(body)).map_err(|e| e.to_string())?;
    let response = sender.send_request(outgoing).await.map_err(|e| chain(&e))?;
    let received_at = Some(std::time::SystemTime::now());
    let status = response.status();
    let reason = match response.extensions().get::<hyper::ext::ReasonPhrase>() {
        Some(phrase) => Some(String::from_utf8_lossy(phrase.as_bytes()).into_owned()),
        None => status.canonical_reason().map(str::to_owned),
    };
    let headers = response.headers().iter().map(|(n, v)| (n.as_str().to_owned(), String::from_utf8_lossy(v.as_bytes()).into_owned())).collect();
    let mut incoming = response.into_body();
    let (mut body, mut body_truncated) = (Vec::new(), false);
    while let Some(frame) = incoming.frame().await {
        let frame = frame.map_err(|e| format!("reading the body: {}", chain(&e)))?;
        let Some(chunk) = frame.data_ref() else { continue };
        let room = body_cap - body.len();
        if chunk.len() > room {
            body.extend_from_slice(&chunk[..room]);
            body_truncated = true;
            break;
        }
        body.extend_from_slice(chunk);
    }
    Ok(Response { status: status.as_u16(), reason, headers, body, body_truncated, received_at })
}

/// `host:port` and the request-target of an `http://` URL.
fn split(url: &str) -> Result<(&str, &str), String> {
    let rest = url.strip_prefix("http://").ok_or_else(|| format!("`{url}`: a request-target is sent as written over http:// only"))?;
    let (authority, _) = rest.split_once('/').unwrap_or((rest, ""));
    Ok((authority, request_target(url).unwrap_or("/")))
}

fn chain(error: &dyn std::error::Error) -> String {
    let mut message = error.to_string();
    let mut source = error.source();
    while let Some(cause) = source {
        message.push_str(": ");
        message.push_str(&cause.to_string());
        source = cause.source();
    }
    message
}
