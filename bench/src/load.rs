//! A bounded load client: a fixed number of GETs over a fixed number of keep-alive
//! connections, each request timed. Loopback only; it stops when the count is reached.

use bytes::Bytes;
use http_body_util::{BodyExt, Empty};
use hyper::client::conn::http1;
use hyper_util::rt::TokioIo;
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

pub struct LoadReport {
    pub requests: usize,
    pub errors: usize,
    pub wall: Duration,
    latencies: Vec<Duration>,
}

impl LoadReport {
    pub fn rate(&self) -> f64 {
        self.latencies.len() as f64 / self.wall.as_secs_f64()
    }

    pub fn percentile(&self, p: f64) -> Duration {
        if self.latencies.is_empty() {
            return Duration::ZERO;
        }
        let index = ((p / 100.0) * (self.latencies.len() - 1) as f64).round() as usize;
        self.latencies[index]
    }

    pub fn max(&self) -> Duration {
        self.latencies.last().copied().unwrap_or_default()
    }
}

/// Sends `count` GETs of `path` to `base_url` over `connections` connections; a request that
/// fails or takes longer than `timeout` counts as an error.
pub async fn run(base_url: &str, path: &str, count: usize, connections: usize, timeout: Duration) -> LoadReport {
    let authority = base_url.trim_start_matches("http://").to_owned();
    let issued = Arc::new(AtomicUsize::new(0));
    let started = Instant::now();
    let mut workers = Vec::new();
    for _ in 0..connections.max(1) {
        let (authority, path, issued) = (authority.clone(), path.to_owned(), issued.clone());
        workers.push(tokio::spawn(async move { worker(&authority, &path, count, &issued, timeout).await }));
    }
    let mut latencies = Vec::with_capacity(count);
    let mut errors = 0;
    for worker in workers {
        let (times, failed) = worker.await.expect("a load worker finishes");
        latencies.extend(times);
        errors += failed;
    }
    let wall = started.elapsed();
    latencies.sort();
    LoadReport { requests: count, errors, wall, latencies }
}

async fn worker(authority: &str, path: &str, count: usize, issued: &AtomicUsize, timeout: Duration) -> (Vec<Duration>, usize) {
    let mut times = Vec::new();
    let mut errors = 0;
    let mut sender = None;
    while issued.fetch_add(1, Ordering::Relaxed) < count {
        if sender.is_none() {
            sender = connect(authority).await;
        }
        let Some(connection) = sender.as_mut() else {
            errors += 1;
            continue;
        };
        let request = hyper::Request::get(path).header("host", authority).body(Empty::<Bytes>::new()).expect("a valid request");
        let started = Instant::now();
        let exchange = async {
            let response = connection.send_request(request).await.ok()?;
            let ok = response.status().is_success();
            response.into_body().collect().await.ok()?;
            Some(ok)
        };
        match tokio::time::timeout(timeout, exchange).await {
            Ok(Some(true)) => times.push(started.elapsed()),
            _ => {
                errors += 1;
                sender = None;
            }
        }
    }
    (times, errors)
}

async fn connect(authority: &str) -> Option<http1::SendRequest<Empty<Bytes>>> {
    let stream = tokio::net::TcpStream::connect(authority).await.ok()?;
    let _ = stream.set_nodelay(true);
    let (sender, connection) = http1::handshake(TokioIo::new(stream)).await.ok()?;
    tokio::spawn(connection);
    Some(sender)
}
