//! The compression layer `next start` runs every answer through (the `compression` package):
//!
//! - [`predicate`] decides which answers it takes on; each of those gets `Accept-Encoding`
//!   added to its `Vary`, appended to the field the answer has or as a new last field, whether
//!   it is then compressed or not;
//! - it is compressed unless the request is HEAD, the answer is already encoded, or its length
//!   is known and under [`THRESHOLD`] (a streamed body is compressed whatever its size, an
//!   empty one never);
//! - with the coding [`negotiation`] picks from `Accept-Encoding`, gzip or deflate: the body is
//!   encoded whole and sent chunked, without `Content-Length`, after a `Content-Encoding` field.

mod negotiation;
mod predicate;

use crate::body::{Chunks, WireBody};
use crate::service::{Answer, EdgeRuntime, Made, Request, Service};
use bytes::Bytes;
use http::header::{ACCEPT_ENCODING, CONTENT_ENCODING, CONTENT_LENGTH, VARY};
use http::{HeaderMap, HeaderValue, Method};
use http_body_util::BodyExt;
use negotiation::{Coding, negotiate};
use semver::Version;
use std::io::Write;

/// The package's default threshold: an answer whose length is known and shorter is not
/// compressed.
pub const THRESHOLD: usize = 1024;

pub struct Compression<S> {
    pub inner: S,
    pub next: Version,
}

impl<S: Service<Output = Answer>> Service for Compression<S> {
    type Output = Answer;

    async fn call(&self, request: Request) -> Answer {
        let head = request.method() == Method::HEAD;
        let accept = field_values(request.headers(), &ACCEPT_ENCODING);
        let mut answer = self.inner.call(request).await;
        let edge = answer.extensions().get::<EdgeRuntime>().is_some();
        if !predicate::takes_on(&Made::of(&answer), edge, answer.headers(), &self.next) {
            return answer;
        }
        add_vary(answer.headers_mut());
        match negotiate(&accept) {
            Some(coding) if !head && !encoded(answer.headers()) && !known_and_short(&answer) => compress(answer, coding).await,
            _ => answer,
        }
    }
}

/// The values of a request field, joined as one list.
fn field_values(headers: &HeaderMap, name: &http::HeaderName) -> String {
    let values: Vec<String> = headers.get_all(name).iter().map(|v| String::from_utf8_lossy(v.as_bytes()).into_owned()).collect();
    values.join(", ")
}

fn encoded(headers: &HeaderMap) -> bool {
    headers.get(CONTENT_ENCODING).is_some_and(|v| !v.as_bytes().eq_ignore_ascii_case(b"identity"))
}

/// Whether the answer's length is known before it is sent (a `Content-Length` field, or a whole
/// body) and under the threshold; a streamed body counts as short only when it is empty.
fn known_and_short(answer: &Answer) -> bool {
    let declared = answer.headers().get(CONTENT_LENGTH).and_then(|v| v.to_str().ok()?.trim().parse::<usize>().ok());
    if declared.is_some_and(|length| length < THRESHOLD) {
        return true;
    }
    match answer.body() {
        WireBody::Left(whole) => hyper::body::Body::size_hint(whole).exact().is_some_and(|length| (length as usize) < THRESHOLD),
        WireBody::Right(chunks) => hyper::body::Body::is_end_stream(chunks),
    }
}

/// The answer with its body encoded whole, sent chunked.
async fn compress(answer: Answer, coding: Coding) -> Answer {
    let (mut parts, body) = answer.into_parts();
    let bytes = body.collect().await.map(|collected| collected.to_bytes()).unwrap_or_default();
    let Ok(encoded) = encode(&bytes, coding) else { return Answer::from_parts(parts, WireBody::Left(bytes.into())) };
    parts.headers.remove(CONTENT_LENGTH);
    parts.headers.append(CONTENT_ENCODING, HeaderValue::from_static(coding.token()));
    Answer::from_parts(parts, WireBody::Right(Chunks::new(vec![Bytes::from(encoded)])))
}

/// `bytes` in `coding`, at zlib's default level as Node.js writes it (deflate in its zlib
/// wrapper).
fn encode(bytes: &[u8], coding: Coding) -> std::io::Result<Vec<u8>> {
    let level = flate2::Compression::default();
    match coding {
        Coding::Gzip => {
            let mut encoder = flate2::write::GzEncoder::new(Vec::new(), level);
            encoder.write_all(bytes)?;
            encoder.finish()
        }
        Coding::Deflate => {
            let mut encoder = flate2::write::ZlibEncoder::new(Vec::new(), level);
            encoder.write_all(bytes)?;
            encoder.finish()
        }
    }
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

    fn text(body: WireBody) -> Answer {
        let mut answer = Answer::new(body);
        answer.headers_mut().append("content-type", HeaderValue::from_static("text/plain"));
        answer
    }

    async fn sent(answer: fn() -> Answer, method: &str, accept: &'static str) -> (Option<String>, Bytes) {
        let layer = Compression { inner: Stub(move |_| answer()), next: Version::new(16, 0, 0) };
        let mut request = crate::service::testing::request(method, "/");
        request.headers_mut().append(ACCEPT_ENCODING, HeaderValue::from_static(accept));
        let answer = layer.call(request).await;
        let coding = answer.headers().get(CONTENT_ENCODING).map(|v| v.to_str().unwrap().to_owned());
        (coding, answer.into_body().collect().await.unwrap().to_bytes())
    }

    fn long() -> Answer {
        text(WireBody::Left(Bytes::from(vec![b'a'; THRESHOLD]).into()))
    }

    #[tokio::test]
    async fn a_long_answer_is_encoded_as_negotiated() {
        let (coding, body) = sent(long, "GET", "gzip").await;
        assert_eq!(coding.as_deref(), Some("gzip"));
        let mut decoded = Vec::new();
        std::io::Read::read_to_end(&mut flate2::read::GzDecoder::new(&body[..]), &mut decoded).unwrap();
        assert_eq!(decoded, vec![b'a'; THRESHOLD]);
        assert_eq!(sent(long, "GET", "deflate").await.0.as_deref(), Some("deflate"));
        assert_eq!(sent(long, "GET", "br").await.0, None);
        assert_eq!(sent(long, "HEAD", "gzip").await.0, None);
    }

    #[tokio::test]
    async fn a_short_answer_is_encoded_only_when_streamed() {
        let short = || text(WireBody::Left(Bytes::from_static(b"short").into()));
        assert_eq!(sent(short, "GET", "gzip").await, (None, Bytes::from_static(b"short")));
        let streamed = || text(WireBody::Right(Chunks::new(vec![Bytes::from_static(b"short")])));
        assert_eq!(sent(streamed, "GET", "gzip").await.0.as_deref(), Some("gzip"));
        let empty = || text(WireBody::Right(Chunks::new(vec![])));
        assert_eq!(sent(empty, "GET", "gzip").await.0, None);
    }

    #[tokio::test]
    async fn an_encoded_answer_is_left_alone() {
        let encoded = || {
            let mut answer = long();
            answer.headers_mut().append(CONTENT_ENCODING, HeaderValue::from_static("br"));
            answer
        };
        assert_eq!(sent(encoded, "GET", "gzip").await.0.as_deref(), Some("br"));
    }
}
