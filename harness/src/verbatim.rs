//! Sends a request whose target a URL parser would rewrite exactly as written, over plain HTTP/1.1.
//!
//! The client's URL parser follows the WHATWG URL rules: it removes dot segments (`/a/../b`,
//! `/%2e/`), percent-encodes raw non-ASCII and some ASCII characters (`'`, `"`, `{`...) and
//! turns `\` into `/`. Browsers do the same, but servers also get requests from clients that
//! do not (`curl --path-as-is`, scanners, proxies), and what a server does with those is part
//! of what it answers. A request-target the parser would change is sent here instead, byte for
//! byte, on a connection of its own (over TLS for https, trusting what the client trusts, see
//! [`crate::tls`]); its answer is read as the client reads any other.

use crate::evidence::SentRequest;
use bytes::Bytes;
use http_body_util::{BodyExt, Full};
use hyper_util::rt::TokioIo;
use rustls::ClientConfig;
use rustls::pki_types::ServerName;
use spec::Response;
use std::sync::Arc;
use std::time::Duration;
use tokio_rustls::TlsConnector;

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

/// Sends `request` with its request-target as written, over TLS with `tls` for an `https://`
/// URL; the body is read up to `body_cap` bytes, and the whole exchange ends within `timeout`.
pub async fn send(request: &SentRequest, tls: &Arc<ClientConfig>, timeout: Duration, body_cap: usize) -> Result<Response, String> {
    tokio::time::timeout(timeout, exchange(request, tls, body_cap))
        .await
        .unwrap_or_else(|_| Err(format!("no complete answer within {timeout:?} (timed out)")))
}

async fn exchange(request: &SentRequest, tls: &Arc<ClientConfig>, body_cap: usize) -> Result<Response, String> {
    let Split { secure, authority, host, port, target } = split(&request.url)?;
    let stream = tokio::net::TcpStream::connect((host, port)).await.map_err(|e| format!("connect to {authority}: {e}"))?;
    let mut sender = if secure {
        let name = ServerName::try_from(host.trim_start_matches('[').trim_end_matches(']').to_owned()).map_err(|e| format!("{host}: {e}"))?;
        let stream = TlsConnector::from(tls.clone()).connect(name, stream).await.map_err(|e| format!("TLS with {authority}: {e}"))?;
        handshake(stream).await?
    } else {
        handshake(stream).await?
    };
    let uri = http::Uri::from_maybe_shared(Bytes::copy_from_slice(target.as_bytes()))
        .map_err(|e| format!("the request-target `{target}` cannot be sent: {e}"))?;
    let method = http::Method::from_bytes(request.method.as_bytes()).map_err(|e| e.to_string())?;
    let mut builder = http::Request::builder().method(method).uri(uri).header("host", authority).header("accept", "*/*");
    for (name, value) in &request.headers {
        builder = builder.header(name.as_str(), value.as_str());
    }
    let body = request.body.clone().map(Bytes::from).unwrap_or_default();
    let outgoing = builder.body(Full::new(body)).map_err(|e| e.to_string())?;
    let response = sender.send_request(outgoing).await.map_err(|e| crate::error_chain::describe_chain(&e))?;
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
        let frame = frame.map_err(|e| format!("reading the body: {}", crate::error_chain::describe_chain(&e)))?;
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

/// An HTTP/1.1 connection on `io`, driven in the background.
async fn handshake<T>(io: T) -> Result<hyper::client::conn::http1::SendRequest<Full<Bytes>>, String>
where
    T: tokio::io::AsyncRead + tokio::io::AsyncWrite + Unpin + Send + 'static,
{
    let (sender, connection) = hyper::client::conn::http1::handshake(TokioIo::new(io)).await.map_err(|e| e.to_string())?;
    tokio::spawn(connection);
    Ok(sender)
}

/// The parts of an `http://` or `https://` URL a connection needs.
struct Split<'a> {
    secure: bool,
    /// `host:port` as written, for the `Host` field.
    authority: &'a str,
    host: &'a str,
    port: u16,
    target: &'a str,
}

fn split(url: &str) -> Result<Split<'_>, String> {
    let (secure, rest) = match (url.strip_prefix("http://"), url.strip_prefix("https://")) {
        (Some(rest), _) => (false, rest),
        (_, Some(rest)) => (true, rest),
        _ => return Err(format!("`{url}` is not an http:// or https:// URL")),
    };
    let authority = rest.split_once('/').map_or(rest, |(authority, _)| authority);
    let (host, port) = match authority.rsplit_once(':').filter(|(_, port)| !port.contains(']')) {
        Some((host, port)) => (host, port.parse().map_err(|_| format!("`{url}`: the port is not a number"))?),
        None => (authority, if secure { 443 } else { 80 }),
    };
    Ok(Split { secure, authority, host, port, target: request_target(url).unwrap_or("/") })
}
