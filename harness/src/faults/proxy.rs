//! A loopback proxy that forwards each request to an upstream target with the harness's own
//! client and breaks the exchange with one [`Fault`]: the request before it goes on, the answer
//! before it comes back, or both through a cache in front.

use super::Fault;
use crate::client::Client;
use crate::evidence::SentRequest;
use bytes::Bytes;
use http_body_util::{BodyExt, Full};
use hyper::server::conn::http1;
use hyper::service::service_fn;
use hyper_util::rt::TokioIo;
use std::convert::Infallible;
use std::collections::HashMap;
use std::sync::{Arc, Mutex};
use tokio::sync::oneshot;

/// Request headers that describe the hop, not the request; the client sets its own (a Host the
/// request chose itself is passed on, see [`Shared::own_host`]).
const HOP_HEADERS: [&str; 4] = ["host", "connection", "content-length", "transfer-encoding"];

pub struct Proxy {
    /// `http://127.0.0.1:PORT`
    pub url: String,
    stop: oneshot::Sender<()>,
}

impl Proxy {
    /// Starts the proxy on `127.0.0.1:0` in front of `upstream`. Call inside a Tokio runtime.
    pub async fn start(upstream: &str, fault: Fault, client: Client) -> std::io::Result<Proxy> {
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await?;
        let url = format!("http://{}", listener.local_addr()?);
        let (stop, mut stopped) = oneshot::channel();
        let own_host = listener.local_addr()?.to_string();
        let shared = Arc::new(Shared { upstream: upstream.trim_end_matches('/').to_owned(), own_host, fault, client, kept: Mutex::default() });
        tokio::spawn(async move {
            loop {
                let stream = tokio::select! {
                    accepted = listener.accept() => match accepted { Ok((s, _)) => s, Err(_) => continue },
                    _ = &mut stopped => return,
                };
                let shared = shared.clone();
                tokio::spawn(async move {
                    let service = service_fn(move |request| {
                        let shared = shared.clone();
                        async move { Ok::<_, Infallible>(forward(&shared, request).await) }
                    });
                    // The upstream's `Date` is passed on, not replaced by the proxy's own time.
                    let _ = http1::Builder::new().auto_date_header(false).serve_connection(TokioIo::new(stream), service).await;
                });
            }
        });
        Ok(Proxy { url, stop })
    }

    pub fn stop(self) {
        let _ = self.stop.send(());
    }
}

struct Shared {
    upstream: String,
    /// The proxy's own `HOST:PORT`: a request whose Host names anything else chose its Host,
    /// and the target gets that Host too.
    own_host: String,
    fault: Fault,
    client: Client,
    /// For the faults that keep answers ([`Fault::serves_kept`]): the first kept answer to each
    /// GET URL.
    kept: Mutex<HashMap<String, spec::Response>>,
}

async fn forward(shared: &Shared, request: hyper::Request<hyper::body::Incoming>) -> hyper::Response<Full<Bytes>> {
    let Shared { upstream, own_host, fault, client, kept } = shared;
    let (parts, body) = request.into_parts();
    let body = body.collect().await.map(|b| b.to_bytes()).unwrap_or_default();
    let sent = SentRequest {
        method: parts.method.to_string(),
        url: format!("{upstream}{}", parts.uri.path_and_query().map_or("/", |p| p.as_str())),
        headers: parts
            .headers
            .iter()
            .filter(|(n, v)| !HOP_HEADERS.contains(&n.as_str()) || (*n == http::header::HOST && v.as_bytes() != own_host.as_bytes()))
            .map(|(n, v)| (n.to_string(), String::from_utf8_lossy(v.as_bytes()).into_owned()))
            .collect(),
        body: (!body.is_empty()).then(|| String::from_utf8_lossy(&body).into_owned()),
    };
    let get = parts.method == http::Method::GET;
    let kept_answer =
        if get && fault.serves_kept() { kept.lock().unwrap_or_else(|p| p.into_inner()).get(&sent.url).cloned() } else { None };
    let mut answer = match kept_answer {
        Some(answer) => answer,
        None => match client.send(&fault.upstream_request(&sent)).await {
            Ok(answer) => answer,
            Err(error) => return bad_gateway(&error),
        },
    };
    if get && fault.keeps(&sent.headers, &answer) {
        kept.lock().unwrap_or_else(|p| p.into_inner()).entry(sent.url.clone()).or_insert_with(|| answer.clone());
    }
    if let Some(target) = fault.redirect_to_follow(&sent, &answer) {
        let followed = SentRequest { url: format!("{upstream}{target}"), ..sent.clone() };
        answer = match client.send(&followed).await {
            Ok(answer) => answer,
            Err(error) => return bad_gateway(&error),
        };
    }
    fault.apply(&sent, &mut answer);
    if parts.method != http::Method::HEAD {
        // A fault may change the body's length; a HEAD answer has none to measure.
        for (_, value) in answer.headers.iter_mut().filter(|(n, _)| n == "content-length") {
            *value = answer.body.len().to_string();
        }
    }
    let mut response = hyper::Response::new(Full::new(Bytes::from(answer.body)));
    *response.status_mut() = http::StatusCode::from_u16(answer.status).unwrap_or(http::StatusCode::BAD_GATEWAY);
    if let Some(reason) = answer.reason.filter(|r| Some(r.as_str()) != response.status().canonical_reason())
        && let Ok(phrase) = hyper::ext::ReasonPhrase::try_from(reason)
    {
        response.extensions_mut().insert(phrase);
    }
    // Framing headers pass through too, so the client sees the upstream's framing.
    for (name, value) in answer.headers.iter().filter(|(n, _)| n != "connection") {
        if let (Ok(name), Ok(value)) = (http::HeaderName::try_from(name.as_str()), http::HeaderValue::try_from(value.as_str())) {
            response.headers_mut().append(name, value);
        }
    }
    response
}

fn bad_gateway(error: &str) -> hyper::Response<Full<Bytes>> {
    let mut response = hyper::Response::new(Full::new(Bytes::from(format!("fault proxy: {error}"))));
    *response.status_mut() = http::StatusCode::BAD_GATEWAY;
    response
}
