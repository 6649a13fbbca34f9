//! Work that runs after an answer has gone out: regenerating a stale route and refetching
//! stale data. The server drains the queue once each answer is sent (see [`crate::server::run`]).

use crate::params::Params;
use std::sync::Mutex;

#[derive(Debug, Clone)]
pub enum Job {
    /// Render route `route` (an index into the app's routes) for `path` again and store it;
    /// the server listens on `port`.
    Regenerate { route: usize, path: String, params: Option<Params>, port: u16 },
    /// Fetch `url` again for the data cache, to keep `revalidate` seconds (`None`: for good),
    /// tagged `tags`; the server listens on `port`.
    Refetch { url: String, revalidate: Option<u64>, tags: Vec<String>, port: u16 },
}

#[derive(Default)]
pub struct Jobs {
    queue: Mutex<Vec<Job>>,
}

impl Jobs {
    pub fn push(&self, job: Job) {
        self.queue.lock().unwrap_or_else(|p| p.into_inner()).push(job);
    }

    pub fn take(&self) -> Vec<Job> {
        std::mem::take(&mut *self.queue.lock().unwrap_or_else(|p| p.into_inner()))
    }

    pub fn is_empty(&self) -> bool {
        self.queue.lock().unwrap_or_else(|p| p.into_inner()).is_empty()
    }
}
