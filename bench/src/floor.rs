//! The floor: a trivial hyper server on loopback that answers every request with a short
//! body, and the median round trip of the harness's own client against it.

use bytes::Bytes;
use harness::client::Client;
use http_body_util::Full;
use hyper::server::conn::http1;
use hyper::service::service_fn;
use hyper_util::rt::TokioIo;
use std::convert::Infallible;
use std::time::{Duration, Instant};

/// Median round trip of `samples` sequential GETs.
pub async fn round_trip(client: &Client, samples: usize) -> Duration {
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.expect("bind");
    let url = format!("http://{}", listener.local_addr().expect("address"));
    let server = tokio::spawn(async move {
        loop {
            let Ok((stream, _)) = listener.accept().await else { continue };
            tokio::spawn(async move {
                let service = service_fn(|_| async { Ok::<_, Infallible>(hyper::Response::new(Full::new(Bytes::from_static(b"ok")))) });
                let _ = http1::Builder::new().serve_connection(TokioIo::new(stream), service).await;
            });
        }
    });
    let request = spec::RequestSpec { method: "GET".into(), path: "/".into(), headers: Vec::new(), body: None };
    let sent = client.prepare(&url, &request);
    let mut times = Vec::with_capacity(samples);
    for _ in 0..samples {
        let started = Instant::now();
        client.send(&sent).await.expect("the floor server answers");
        times.push(started.elapsed());
    }
    server.abort();
    times.sort();
    times[times.len() / 2]
}
