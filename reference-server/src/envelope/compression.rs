//! The compression layer `next start` runs every answer through (the `compression` package):
//! an answer it would compress gets `Accept-Encoding` added to its `Vary`, appended to the
//! field the answer has or as a new last field. Which answers that is, per kind of answer and
//! Next.js version, is decided in one place, [`varies`].

use crate::service::{Answer, EdgeRuntime, Made, Request, Service};
use http::header::{CACHE_CONTROL, CONTENT_TYPE, VARY};
use http::{HeaderMap, HeaderValue};
use semver::Version;

pub struct Compression<S> {
    pub inner: S,
    pub next: Version,
}

impl<S: Service<Output = Answer>> Service for Compression<S> {
    type Output = Answer;

    async fn call(&self, request: Request) -> Answer {
        let mut answer = self.inner.call(request).await;
        let edge_before_16 = answer.extensions().get::<EdgeRuntime>().is_some() && self.next.major < 16;
        if !edge_before_16 && varies(&Made::of(&answer), answer.headers(), &self.next) {
            add_vary(answer.headers_mut());
        }
        answer
    }
}

/// Whether the compression layer varies this answer on `Accept-Encoding`: a compressible
/// content type without `Cache-Control: no-transform`, as the `compression` package decides;
/// where Next.js answers otherwise (seen on `next start`), by kind of answer:
/// - a route handler: only from Next.js 16, and only with a body;
/// - a metadata file: from Next.js 16 whatever its type, when it has one; never before;
/// - the proxy's own answer: with a body, `no-transform` or not;
/// - an answer made in the Edge runtime: as any other from Next.js 16, never before.
pub fn varies(made: &Made, headers: &HeaderMap, next: &Version) -> bool {
    let content_type = headers.get(CONTENT_TYPE).and_then(|v| v.to_str().ok());
    let compressible_type = content_type.is_some_and(compressible);
    match made {
        Made::Handler { body } => next.major >= 16 && *body && compressible_type,
        Made::Metadata => next.major >= 16 && content_type.is_some(),
        Made::Proxy { body } => *body && compressible_type,
        Made::Page(_) | Made::Api | Made::Server => compressible_type && !no_transform(headers),
    }
}

/// Content types the compression layer compresses.
pub fn compressible(content_type: &str) -> bool {
    let essence = content_type.split(';').next().unwrap_or("").trim().to_ascii_lowercase();
    essence.starts_with("text/")
        || essence.ends_with("+json")
        || essence.ends_with("+xml")
        || matches!(essence.as_str(), "application/json" | "application/javascript" | "application/xml")
}

fn no_transform(headers: &HeaderMap) -> bool {
    let values: Vec<&str> = headers.get_all(CACHE_CONTROL).iter().filter_map(|v| v.to_str().ok()).collect();
    values.join(", ").split(',').any(|directive| directive.trim() == "no-transform")
}

/// Adds `Accept-Encoding` to `Vary`: to the answer's own field (its values joined into one),
/// unless it names it already, or as a new last field.
fn add_vary(headers: &mut HeaderMap) {
    let values: Vec<String> = headers.get_all(VARY).iter().map(|v| String::from_utf8_lossy(v.as_bytes()).into_owned()).collect();
    if values.is_empty() {
        headers.append(VARY, HeaderValue::from_static("Accept-Encoding"));
    } else if !values.iter().any(|v| v.to_ascii_lowercase().contains("accept-encoding"))
        && let Ok(joined) = HeaderValue::try_from(format!("{}, Accept-Encoding", values.join(", ")))
    {
        headers.insert(VARY, joined);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::body::WireBody;
    use crate::service::testing::{Stub, get};

    fn answer(made: Made, fields: &[(&'static str, &'static str)]) -> Answer {
        let mut answer = Answer::new(WireBody::Left(Default::default()));
        for (name, value) in fields {
            answer.headers_mut().append(*name, HeaderValue::from_static(value));
        }
        answer.extensions_mut().insert(made);
        answer
    }

    async fn vary_of(made: Made, fields: &'static [(&'static str, &'static str)], major: u64) -> Vec<String> {
        let layer = Compression { inner: Stub(move |_| answer(made.clone(), fields)), next: Version::new(major, 0, 0) };
        let answer = layer.call(get("/")).await;
        let names: Vec<&str> = answer.headers().keys().map(|k| k.as_str()).collect();
        let position = names.iter().position(|n| *n == "vary").map(|i| i.to_string()).unwrap_or_default();
        answer.headers().get_all(VARY).iter().map(|v| v.to_str().unwrap().to_owned()).chain([position]).collect()
    }

    #[tokio::test]
    async fn vary_is_extended_in_place_or_added_last() {
        let fields = &[("vary", "rsc"), ("content-type", "text/html")];
        assert_eq!(vary_of(Made::Api, fields, 16).await, ["rsc, Accept-Encoding", "0"]);
        assert_eq!(vary_of(Made::Api, &[("content-type", "text/plain"), ("etag", "x")], 16).await, ["Accept-Encoding", "2"]);
        let named = &[("vary", "accept-encoding"), ("content-type", "text/plain")];
        assert_eq!(vary_of(Made::Api, named, 16).await, ["accept-encoding", "0"]);
        let two = &[("vary", "a"), ("vary", "b"), ("content-type", "text/plain")];
        assert_eq!(vary_of(Made::Api, two, 16).await, ["a, b, Accept-Encoding", "0"]);
    }

    #[tokio::test]
    async fn what_is_compressed_depends_on_the_kind_of_answer_and_the_version() {
        let json = &[("content-type", "application/json")];
        assert_eq!(vary_of(Made::Handler { body: true }, json, 16).await, ["Accept-Encoding", "1"]);
        assert_eq!(vary_of(Made::Handler { body: true }, json, 15).await, [""]);
        assert_eq!(vary_of(Made::Handler { body: false }, json, 16).await, [""]);
        assert_eq!(vary_of(Made::Metadata, &[("content-type", "image/png")], 16).await, ["Accept-Encoding", "1"]);
        assert_eq!(vary_of(Made::Metadata, &[("allow", "GET")], 16).await, [""]);
        assert_eq!(vary_of(Made::Metadata, json, 15).await, [""]);
        assert_eq!(vary_of(Made::Proxy { body: false }, json, 16).await, [""]);
        let no_transform = &[("cache-control", "no-transform"), ("content-type", "text/plain")];
        assert_eq!(vary_of(Made::Api, no_transform, 16).await, [""]);
        assert_eq!(vary_of(Made::Proxy { body: true }, no_transform, 16).await, ["Accept-Encoding", "2"]);
        assert_eq!(vary_of(Made::Server, &[("location", "/")], 16).await, [""]);
    }
}
