//! The redirects `next start` makes by itself, before the proxy and the routes (with
//! `trailingSlash: false`, the default), each a `308 Permanent Redirect` with a relative
//! `Location`, a `Refresh` field naming the same target, and the target as body:
//!
//! - a path with repeated slashes (or a backslash) gets them collapsed into one slash (the
//!   server's check of the raw URL, first); a path ending in `//` or `\` is thus first
//!   collapsed to a trailing slash, which a second redirect removes;
//! - otherwise, a trailing slash after one or more non-empty segments is removed (the router's
//!   internal `/:path+/` → `/:path+` redirect).
//!
//! The repeated-slash redirect keeps the query as it was sent. The trailing-slash one writes it
//! anew, as Node's `querystring` parses and writes it: `+` becomes `%20`, a key without `=`
//! gets one, a repeated key's values go together where the key first came, empty pairs are
//! dropped, and what is escaped is what `encodeURIComponent` escapes (invalid escapes too:
//! `%zz` becomes `%25zz`). An empty query (a bare `?`) is dropped. Percent-encoding in the path
//! is kept as it is.

use crate::body::WireBody;
use crate::cookies::encode_uri_component;
use crate::fields::build;
use crate::pages_api::querystring;
use crate::service::{Answer, Request, Service};
use bytes::Bytes;

pub struct TrailingSlash<S> {
    pub inner: S,
}

impl<S: Service<Output = Answer>> Service for TrailingSlash<S> {
    type Output = Answer;

    async fn call(&self, request: Request) -> Answer {
        let (path, query) = (request.uri().path(), request.uri().query().unwrap_or_default());
        let (mut location, query) = match (collapsed(path), without_trailing_slash(path)) {
            (Some(location), _) => (location, query.to_owned()),
            (None, Some(location)) => (location, rewritten(query)),
            (None, None) => return self.inner.call(request).await,
        };
        if !query.is_empty() {
            location = format!("{location}?{query}");
        }
        redirect(&location)
    }
}

/// The path without its trailing slash, when every segment before it is non-empty.
fn without_trailing_slash(path: &str) -> Option<String> {
    let segments = path.strip_prefix('/')?.strip_suffix('/')?;
    (!segments.is_empty() && segments.split('/').all(|s| !s.is_empty())).then(|| format!("/{segments}"))
}

/// The path with backslashes turned into slashes and repeated slashes collapsed, when that
/// changes it.
fn collapsed(path: &str) -> Option<String> {
    if !path.contains("//") && !path.contains('\\') {
        return None;
    }
    let mut out = String::with_capacity(path.len());
    for c in path.chars().map(|c| if c == '\\' { '/' } else { c }) {
        if !(c == '/' && out.ends_with('/')) {
            out.push(c);
        }
    }
    Some(out)
}

/// `query` parsed and written again by Node's `querystring`.
fn rewritten(query: &str) -> String {
    let mut pairs = Vec::new();
    for (key, values) in querystring::decode(query) {
        let values = match values {
            serde_json::Value::Array(values) => values,
            one => vec![one],
        };
        for value in values {
            pairs.push(format!("{}={}", encode_uri_component(&key), encode_uri_component(value.as_str().unwrap_or_default())));
        }
    }
    pairs.join("&")
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

    async fn location(uri: &str) -> String {
        layer().call(get(uri)).await.headers()["location"].to_str().unwrap().to_owned()
    }

    #[tokio::test]
    async fn redirects_away_a_trailing_slash_with_the_query() {
        let answer = layer().call(get("/a/b/?x=1")).await;
        assert_eq!(answer.status(), 308);
        assert_eq!(answer.headers()["location"], "/a/b?x=1");
        assert_eq!(answer.headers()["refresh"], "0;url=/a/b?x=1");
        assert_eq!(answer.into_body().collect().await.unwrap().to_bytes(), "/a/b?x=1");
        assert_eq!(location("/a/%E2%82%AC/?").await, "/a/%E2%82%AC");
    }

    #[tokio::test]
    async fn collapses_repeated_slashes_before_removing_a_trailing_one() {
        assert_eq!(location("/a//b/?x=1").await, "/a/b/?x=1");
        assert_eq!(location("/a/b//").await, "/a/b/");
        assert_eq!(location("//a").await, "/a");
        assert_eq!(location("//").await, "/");
        assert_eq!(location("/a\\b/?x").await, "/a/b/?x", "a backslash first, whatever follows");
    }

    #[tokio::test]
    async fn the_trailing_slash_redirect_writes_the_query_as_nodes_querystring_does() {
        assert_eq!(location("/a/?x").await, "/a?x=");
        assert_eq!(location("/a/?a=1&b=2&a=3").await, "/a?a=1&a=3&b=2");
        assert_eq!(location("/a/?a+b=%20&&x").await, "/a?a%20b=%20&x=");
        assert_eq!(location("/a/?a=%zz&b=%c3%a9&c=*'()!~").await, "/a?a=%25zz&b=%C3%A9&c=*'()!~");
        assert_eq!(location("/a/?&").await, "/a");
        assert_eq!(location("/a//?x").await, "/a/?x", "the repeated-slash redirect keeps it as sent");
    }

    #[tokio::test]
    async fn other_paths_reach_the_inner_stage() {
        assert_eq!(layer().call(get("/")).await.status(), 200);
        assert_eq!(layer().call(get("/a/b?x=/")).await.status(), 200);
    }
}
