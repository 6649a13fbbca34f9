//! The HTTP side: accepts connections, reads each request (its head within a timeout, its body
//! up to a cap) and answers it through [`App`]; the cache's background work runs once an answer
//! is built, off its path.

use crate::app::App;
use crate::service::{Answer, LocalPort, PeerAddr};
use http_body_util::{BodyExt, Limited};
use hyper::body::Incoming;
use hyper::server::conn::http1;
use hyper::service::service_fn;
use hyper_util::rt::{TokioIo, TokioTimer};
use std::convert::Infallible;
use std::future::Future;
use std::sync::Arc;
use std::time::Duration;
use tokio::net::{TcpListener, TcpStream};

/// The largest request body read; what reads a larger one fails (a route handler answers 413).
pub const MAX_REQUEST_BODY: usize = 32 * 1024 * 1024;
/// How long a client may take to send its request head.
const HEADER_READ_TIMEOUT: Duration = Duration::from_secs(30);

/// Serves `app` on `listener` until `shutdown` completes. Connections already open finish
/// their current exchange.
pub async fn run(listener: TcpListener, app: Arc<App>, shutdown: impl Future<Output = ()>) -> std::io::Result<()> {
    tokio::pin!(shutdown);
    loop {
        let (stream, _) = tokio::select! {
            accepted = listener.accept() => match accepted {
                Ok(connection) => connection,
                // Out of file descriptors and the like: wait and go on serving.
                Err(_) => { tokio::time::sleep(Duration::from_millis(50)).await; continue; }
            },
            () = &mut shutdown => return Ok(()),
        };
        tokio::spawn(serve_connection(stream, app.clone()));
    }
}

async fn serve_connection(stream: TcpStream, app: Arc<App>) {
    let _ = stream.set_nodelay(true);
    let port = LocalPort(stream.local_addr().map_or(0, |a| a.port()));
    let peer = stream.peer_addr().ok().map(|a| PeerAddr(a.ip()));
    let service = service_fn(move |request| answer(app.clone(), port, peer, request));
    let _ = http1::Builder::new()
        .auto_date_header(false)
        .timer(TokioTimer::new())
        .header_read_timeout(HEADER_READ_TIMEOUT)
        .serve_connection(TokioIo::new(stream), service)
        .await;
}

async fn answer(app: Arc<App>, port: LocalPort, peer: Option<PeerAddr>, request: hyper::Request<Incoming>) -> Result<Answer, Infallible> {
    let mut request = request.map(|body| Limited::new(body, MAX_REQUEST_BODY).boxed_unsync());
    request.extensions_mut().insert(port);
    if let Some(peer) = peer {
        request.extensions_mut().insert(peer);
    }
    let mut answer = app.handle(request).await;
    // Node.js dates every answer; here by the app's clock, which a client may drive.
    if let Ok(date) = http::HeaderValue::try_from(app.clock().http_date()) {
        answer.headers_mut().entry(http::header::DATE).or_insert(date);
    }
    // Counted as background work before the answer goes out, so a driven clock waits for it.
    if app.has_jobs() {
        let work = app.clock().background();
        tokio::task::spawn_blocking(move || {
            app.run_jobs();
            drop(work);
        });
    }
    Ok(answer)
}
