//! The files of the app's `public/` folder, which `next start` serves at the root URL before
//! any route (after the proxy, which runs for them too). A request for no such file goes on to
//! the routes, the fallback, as with tower-http's `ServeDir`. The reference server serves no
//! `public/` files yet: every request goes to the fallback.

use crate::service::{Answer, Refusal, Request, Service};

pub struct StaticFiles<S> {
    /// What answers a path that is not a file: the routes.
    pub fallback: S,
}

impl<S: Service<Output = Result<Answer, Refusal>>> Service for StaticFiles<S> {
    type Output = Result<Answer, Refusal>;

    async fn call(&self, request: Request) -> Result<Answer, Refusal> {
        self.fallback.call(request).await
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::service::testing::{Stub, get};

    #[tokio::test]
    async fn a_path_that_is_no_file_goes_to_the_fallback() {
        let files = StaticFiles { fallback: Stub(|_| Err(Refusal::NotFound)) };
        assert_eq!(files.call(get("/robots.txt")).await.err(), Some(Refusal::NotFound));
    }
}
