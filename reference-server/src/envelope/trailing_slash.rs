//! The redirect Next.js makes by itself for a path with a trailing slash or an empty segment
//! (`trailingSlash: false`, the default): `308 Permanent Redirect` to the path without them,
//! the query kept, with a `Refresh` field and the target as body.

use crate::body::WireBody;
use crate::fields::build;
use crate::service::{Answer, Request, Service};
use bytes::Bytes;

pub struct TrailingSlash<S> {
    pub inner: S,
}

impl<S: Service<Output = Answer>> Service for TrailingSlash<S> {
    type Output = Answer;

    async fn call(&self, request: Request) -> Answer {
        let path = request.uri().path();
        if !needs_normalizing(path) {
            return self.inner.call(request).await;
        }
        let mut location: String = path.split('/').filter(|s| !s.is_empty()).map(|s| format!("/{s}")).collect();
        if location.is_empty() {
            location.push('/');
        }
        if let Some(query) = request.uri().query() {
            location = format!("{location}?{query}");
        }
        redirect(&location)
    }
}

/// Whether the path has a trailing slash or an empty segment.
fn needs_normalizing(path: &str) -> bool {
    path != "/" && (path.ends_with('/') || path.contains("//"))
}

fn redirect(location: &str) -> Answer {
    let fields = vec![("location".into(), location.into()), ("refresh".into(), format!("0;url={location}"))];
    build(308, fields, Some(Bytes::from(location.to_owned()))).map(WireBody::Left)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::service::testing::{Stub, get};
    use http_body_util::BodyExt;

    fn layer() -> TrailingSlash<Stub<impl Fn(Request) -> Answer>> {
        TrailingSlash { inner: Stub(|_| Answer::new(WireBody::Left(Default::default()))) }
    }

    #[tokio::test]
    async fn redirects_away_trailing_and_repeated_slashes_with_the_query() {
        let answer = layer().call(get("/a//b/?x=1")).await;
        assert_eq!(answer.status(), 308);
        assert_eq!(answer.headers()["location"], "/a/b?x=1");
        assert_eq!(answer.headers()["refresh"], "0;url=/a/b?x=1");
        assert_eq!(answer.into_body().collect().await.unwrap().to_bytes(), "/a/b?x=1");
        assert_eq!(layer().call(get("//")).await.headers()["location"], "/");
    }

    #[tokio::test]
    async fn other_paths_reach_the_inner_stage() {
        assert_eq!(layer().call(get("/")).await.status(), 200);
        assert_eq!(layer().call(get("/a/b?x=/")).await.status(), 200);
    }
}
