//! Sends one request to a target, over http or https. Redirects are never followed, every
//! header is kept as received (repeated ones too, in order), bodies are read up to a cap, and
//! every exchange ends within a timeout. The headers a deployment needs on every request
//! (`-H`) are added when a request is prepared, so evidence and `curl` replays carry them; a
//! [`Pacer`] keeps to `--rate`. A request-target that a URL parser would rewrite (dot
//! segments, raw non-ASCII) goes out as written through [`crate::verbatim`]. Both kinds of
//! connection use the one TLS setup of [`crate::tls`].

use crate::evidence::SentRequest;
use crate::pace::Pacer;
use spec::case::RequestBody;
use spec::{RequestSpec, Response};
use std::sync::Arc;
use std::time::Duration;

#[derive(Debug, Clone)]
pub struct Settings {
    /// The longest one exchange (connect, send, read the whole response) may take.
    pub timeout: Duration,
    /// The most bytes of a body kept; the rest is not read.
    pub body_cap: usize,
    /// Which certificates an https target may present.
    pub trust: Trust,
    /// Header fields sent with every request (`-H`), unless the step sets one of the same name.
    pub headers: Vec<(String, String)>,
    /// At most this many requests a second (`--rate`).
    pub rate: Option<f64>,
}

impl Default for Settings {
    fn default() -> Self {
        Settings { timeout: Duration::from_secs(5), body_cap: 4 * 1024 * 1024, trust: Trust::WebRoots, headers: Vec::new(), rate: None }
    }
}

pub use crate::tls::Trust;

#[derive(Clone)]
pub struct Client {
    http: reqwest::Client,
    /// For the connections [`crate::verbatim`] opens.
    tls: Arc<rustls::ClientConfig>,
    settings: Arc<Settings>,
    pacer: Option<Arc<Pacer>>,
}

impl Client {
    /// A client with `settings`; an `Err` says what is wrong with them (a CA file that holds no
    /// certificate).
    pub fn new(settings: Settings) -> Result<Client, String> {
        let tls = crate::tls::config(&settings.trust)?;
        // No idle connections are kept: a target that closes (or resets) a kept-alive
        // connection after an answer would otherwise fail whichever case used it next.
        let builder = reqwest::Client::builder()
            .pool_max_idle_per_host(0)
            .redirect(reqwest::redirect::Policy::none())
            .no_proxy()
            .http1_only()
            .timeout(settings.timeout)
            .connect_timeout(settings.timeout)
            .tls_backend_preconfigured(tls.clone());
        let http = builder.build().map_err(|e| crate::error_chain::describe_chain(&e))?;
        let pacer = settings.rate.map(|rate| Arc::new(Pacer::new(rate)));
        Ok(Client { http, tls: Arc::new(tls), settings: Arc::new(settings), pacer })
    }

    /// This client without its rate limit, for a proxy whose every request the paced client
    /// already waited for.
    pub fn unpaced(&self) -> Client {
        Client { pacer: None, ..self.clone() }
    }

    /// The request a step sends to `base_url`, as evidence will show it: the step's headers,
    /// then the headers every request carries, except those the step sets itself.
    pub fn prepare(&self, base_url: &str, spec: &RequestSpec) -> SentRequest {
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
        let own: Vec<String> = headers.iter().map(|(n, _)| n.to_ascii_lowercase()).collect();
        headers.extend(self.settings.headers.iter().filter(|(n, _)| !own.contains(&n.to_ascii_lowercase())).cloned());
        SentRequest { method: spec.method.clone(), url: format!("{base_url}{}", spec.path), headers, body }
    }

    /// Sends `request`; an `Err` says why no HTTP response came back.
    pub async fn send(&self, request: &SentRequest) -> Result<Response, String> {
        let method = reqwest::Method::from_bytes(request.method.as_bytes()).map_err(|e| e.to_string())?;
        if let Some(pacer) = &self.pacer {
            pacer.wait().await;
        }
        if crate::verbatim::rewritten_by_parser(&request.url) {
            return crate::verbatim::send(request, &self.tls, self.settings.timeout, self.settings.body_cap).await;
        }
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

    /// Whether `base_url` answers HTTP at all: its answer to `GET /` (with the headers every
    /// request carries), or why none came.
    pub async fn ask(&self, base_url: &str) -> Result<Response, Unanswered> {
        let request = self.prepare(base_url, &RequestSpec { method: "GET".into(), path: "/".into(), headers: Vec::new(), body: None });
        self.send(&request).await.map_err(|message| {
            // rustls names every refused certificate this way (`invalid peer certificate: ...`).
            let certificate = message.contains("invalid peer certificate");
            Unanswered { message, certificate }
        })
    }

    fn describe(&self, error: &reqwest::Error) -> String {
        if error.is_timeout() {
            return format!("no complete answer within {:?} (timed out)", self.settings.timeout);
        }
        crate::error_chain::describe_chain(error)
    }
}

/// Why a target gave no HTTP answer.
#[derive(Debug)]
pub struct Unanswered {
    pub message: String,
    /// The TLS handshake failed because the target's certificate is not trusted.
    pub certificate: bool,
}
