//! The reference server started in-process on a free loopback port, and its clock as one the
//! harness drives: a server started with [`Clock::driven`] in its [`Config`] lets a run's waits
//! move its time on instead of sleeping (see [`crate::waits`]).

use crate::waits::DrivenClock;
use reference_server::{App, Clock, Config};
use std::future::Future;
use std::pin::Pin;
use std::sync::Arc;
use std::time::Duration;
use tokio::sync::oneshot;
use tokio::task::JoinHandle;

pub struct Embedded {
    /// `http://127.0.0.1:PORT`
    pub url: String,
    shutdown: oneshot::Sender<()>,
    task: JoinHandle<std::io::Result<()>>,
}

impl Embedded {
    /// Loads the fixture app and serves it on `127.0.0.1:0`. Call from inside a Tokio runtime.
    pub async fn start(config: &Config) -> Result<Embedded, String> {
        let app = Arc::new(App::load(config).map_err(|e| format!("reference server: {e}"))?);
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.map_err(|e| format!("bind 127.0.0.1:0: {e}"))?;
        let url = format!("http://{}", listener.local_addr().map_err(|e| e.to_string())?);
        let (shutdown, stop) = oneshot::channel();
        let task = tokio::spawn(reference_server::run(listener, app, async {
            let _ = stop.await;
        }));
        Ok(Embedded { url, shutdown, task })
    }

    pub async fn stop(self) {
        let _ = self.shutdown.send(());
        let _ = self.task.await;
    }
}

impl DrivenClock for Clock {
    fn advance(&self, by: Duration) -> Pin<Box<dyn Future<Output = ()> + Send + '_>> {
        Box::pin(Clock::advance(self, by))
    }
}
