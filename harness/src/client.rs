//! Sends one request to a target. Redirects are never followed, every header is kept as
//! received (repeated ones too, in order), bodies are read up to a cap, and every exchange
//! ends within a timeout.

use crate::evidence::SentRequest;
use spec::case::RequestBody;
use spec::{RequestSpec, Response};
use std::time::Duration;

#[derive(Debug, Clone, Copy)]
pub struct Settings {
    /// The longest one exchange (connect, send, read the whole response) may take.
    pub timeout: Duration,
    /// The most bytes of a body kept; the rest is not read.
    pub body_cap: usize,
}

impl Default for Settings {
    fn default() -> Self {
        Settings { timeout: Duration::from_secs(5), body_cap: 4 * 1024 * 1024 }
    }
}

#[derive(Clone)]
pub struct Client {
    http: reqwest::Client,
    settings: Settings,
}

impl Client {
    pub fn new(settings: Settings) -> Client {
        // No idle connections are kept: a target that closes (or resets) a kept-alive
        // connection after an answer would otherwise fail whichever case used it next.
        let http = reqwest::Client::builder()
            .pool_max_idle_per_host(0)
            .redirect(reqwest::redirect::Policy::none())
            .no_proxy()
            .http1_only()
            .timeout(settings.timeout)
            .connect_timeout(settings.timeout)
            .build()
            .expect("an HTTP client without TLS always builds");
        Client { http, settings }
    }

    /// The request a step sends to `base_url`, as evidence will show it.
    pub fn prepare(base_url: &str, spec: &RequestSpec) -> SentRequest {
        let mut headers = spec.headers.clone();
        let body = match &spec.body {
            None => None,
            Some(RequestBody::Text(text)) => Some(text.clone()),
            Some(RequestBody::Json(value)) => {
                if !headers.iter().any(|(n, _)| n == "content-type") {
                    headers.push(("content-type".into(), "application/json".into()));
                }
                Some(value.to_string())
            }
        };
        SentRequest { method: spec.method.clone(), url: format!("{base_url}{}", spec.path), headers, body }
    }

    /// Sends `request`; an `Err` says why no HTTP response came back.
    pub async fn send(&self, request: &SentRequest) -> Result<Response, String> {
        let method = reqwest::Method::from_bytes(request.method.as_bytes()).map_err(|e| e.to_string())?;
        let mut builder = self.http.request(method, &request.url);
        for (name, value) in &request.headers {
            builder = builder.header(name, value);
        }
        if let Some(body) = &request.body {
            builder = builder.body(body.clone());
        }
        let mut response = builder.send().await.map_err(|e| self.describe(&e))?;
        let received_at = Some(std::time::SystemTime::now());
        let status = response.status().as_u16();
        // hyper keeps a reason phrase only when it is not the standard one for the status.
        let reason = match response.extensions().get::<hyper::ext::ReasonPhrase>() {
            Some(phrase) => Some(String::from_utf8_lossy(phrase.as_bytes()).into_owned()),
            None => response.status().canonical_reason().map(str::to_owned),
        };
        let headers = response
            .headers()
            .iter()
            .map(|(n, v)| (n.as_str().to_owned(), String::from_utf8_lossy(v.as_bytes()).into_owned()))
            .collect();
        let mut body = Vec::new();
        let mut body_truncated = false;
        while let Some(chunk) = response.chunk().await.map_err(|e| format!("reading the body: {}", self.describe(&e)))? {
            let room = self.settings.body_cap - body.len();
            if chunk.len() > room {
                body.extend_from_slice(&chunk[..room]);
                body_truncated = true;
                break;
            }
            body.extend_from_slice(&chunk);
        }
        Ok(Response { status, reason, headers, body, body_truncated, received_at })
    }

    fn describe(&self, error: &reqwest::Error) -> String {
        if error.is_timeout() {
            return format!("no complete answer within {:?} (timed out)", self.settings.timeout);
        }
        let mut message = error.to_string();
        let mut source = std::error::Error::source(error);
        while let Some(cause) = source {
            message.push_str(": ");
            message.push_str(&cause.to_string());
            source = cause.source();
        }
        message
    }
}
