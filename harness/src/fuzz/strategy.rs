//! The proptest strategies that generate [`Draft`]s over an app's [`Target`]s. Every choice
//! shrinks toward the plain request to the same target: GET, `a` for a parameter, a segment
//! written as `encodeURIComponent` writes it, no edit, no query, no header, no body. A target,
//! a header or a body is kept or dropped whole, never shrunk to another entry of its list,
//! which would be a different request rather than a simpler one; query keys and values and odd
//! parameter values shrink toward the first of their lists (`a`, `1`, `é`), so that requests
//! needing the same kind of value end on the same one. The parts most requests can do without
//! (headers, query, body, method) shrink first.
//!
//! What is varied, and the values tried:
//! - methods: the standard ones, the same in lower case, and tokens Node.js does not know or
//!   only WebDAV and CDNs use;
//! - path parameters: short ASCII words, and values with non-Latin-1 and Latin-1 letters,
//!   emoji, reserved characters, `%` signs, dot segments, escapes written out, a long value;
//! - how a segment is written ([`Encoding`]) and changes to the path ([`Edit`]): trailing and
//!   doubled slashes, `.` and `..` segments (also escaped), letter case, an escaped slash, a
//!   backslash;
//! - query pairs: repeated and empty keys, keys without `=`, Next.js's own keys, spaces as `+`;
//! - headers: `Accept-Encoding` variants, `RSC` and the router's headers, `If-None-Match`,
//!   `If-Modified-Since`, `Range`, `Cookie` lines with odd characters, `Content-Type`s that do
//!   not match the body, `Accept`, forwarded hosts and the proxy's subrequest header;
//! - bodies: none, small texts, JSON, a form, multipart, and bodies just over 1 KiB and 1 MiB.

use super::draft::{Body, Draft, Edit, Encoding, Method, Piece, QueryPair};
use super::space::{Target, TargetPath};
use proptest::collection::vec;
use proptest::prelude::*;
use proptest::sample::select;
use reference_server::Segment;

const STANDARD_METHODS: [&str; 7] = ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"];
const OTHER_METHODS: [&str; 5] = ["FOO", "PROPFIND", "PURGE", "TRACE", "QUERY"];

/// Parameter values beyond short ASCII words.
const ODD_VALUES: [&str; 27] = [
    "é", "ÿ", "日本", "Ω", "😀", "\u{202e}x", "a b", "a+b", "a%b", "%", "%zz", "a/b", "a?b", "a#b", "a;b", "a=b", "a&b", "a'b", "\"",
    "<b>", "~", "..", ".", "%2F", "%E6%97%A5", "\u{0}", "A",
];

/// Keys of query pairs: plain ones (a key repeated when drawn twice), empty, bracketed,
/// non-ASCII, and keys Next.js reads itself.
const QUERY_KEYS: [&str; 10] = ["a", "b", "", "a[]", "é", "a b", "_rsc", "__nextDataReq", "nxtPslug", "__nextLocale"];
const QUERY_VALUES: [&str; 9] = ["1", "", "a b", "é", "1&2", "=", "%", "\u{1F600}", "a+b"];

/// Header fields, as (name, value).
const HEADERS: [(&str, &str); 57] = [
    ("accept-encoding", "gzip"),
    ("accept-encoding", "br"),
    ("accept-encoding", "deflate"),
    ("accept-encoding", "gzip, deflate, br, zstd"),
    ("accept-encoding", "identity"),
    ("accept-encoding", "*"),
    ("accept-encoding", "gzip;q=0"),
    ("accept-encoding", "br;q=1.0, gzip;q=0.8"),
    ("accept-encoding", "GZIP"),
    ("accept-encoding", ""),
    ("rsc", "1"),
    ("rsc", "0"),
    ("next-router-prefetch", "1"),
    ("next-router-segment-prefetch", "/_tree"),
    ("next-router-state-tree", "%5B%22%22%2C%7B%22children%22%3A%5B%22__PAGE__%22%2C%7B%7D%5D%7D%2Cnull%2Cnull%2Ctrue%5D"),
    ("next-router-state-tree", "not-a-tree"),
    ("next-url", "/"),
    ("next-action", "0123456789abcdef"),
    ("x-nextjs-data", "1"),
    ("purpose", "prefetch"),
    ("if-none-match", "*"),
    ("if-none-match", "\"x\""),
    ("if-none-match", "W/\"x\""),
    ("if-none-match", ""),
    ("if-modified-since", "Thu, 01 Jan 1970 00:00:00 GMT"),
    ("if-modified-since", "Fri, 01 Jan 2100 00:00:00 GMT"),
    ("if-modified-since", "yesterday"),
    ("range", "bytes=0-0"),
    ("range", "bytes=0-"),
    ("range", "bytes=-1"),
    ("range", "bytes=5-2"),
    ("range", "bytes=0-1,3-4"),
    ("range", "bytes=100000-"),
    ("range", "items=0-1"),
    ("cookie", "a=1"),
    ("cookie", "a=1; b=2"),
    ("cookie", "a=\"q\""),
    ("cookie", "a=x=y"),
    ("cookie", "a=%E2%82%AC"),
    ("cookie", "a"),
    ("cookie", ";;"),
    ("cookie", "a=1;a=2"),
    ("cookie", "__prerender_bypass=x"),
    ("content-type", "application/json"),
    ("content-type", "text/plain"),
    ("content-type", "application/x-www-form-urlencoded"),
    ("content-type", "multipart/form-data"),
    ("content-type", "multipart/form-data; boundary=x"),
    ("content-type", "application/octet-stream"),
    ("content-type", "text/plain; charset=latin1"),
    ("content-type", "nonsense"),
    ("accept", "text/html"),
    ("accept", "application/json"),
    ("accept", "text/x-component"),
    ("x-forwarded-host", "example.com"),
    ("x-forwarded-proto", "https"),
    ("x-middleware-subrequest", "middleware:middleware:middleware:middleware:middleware"),
];

const BODIES: [Body; 9] = [
    Body::Text(""),
    Body::Text("a"),
    Body::Text("{\"a\":1}"),
    Body::Text("{\"a\":"),
    Body::Text("a=1&b=%20"),
    Body::Text("--x\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\n1\r\n--x--\r\n"),
    Body::Text("é"),
    Body::Repeat { text: "a", times: 1025 },
    Body::Repeat { text: "a", times: 1024 * 1024 + 1 },
];

/// Requests to `targets`.
pub fn drafts(targets: Vec<Target>) -> BoxedStrategy<Draft> {
    let header = select(&HEADERS[..]).no_shrink();
    let parts = (vec(header, 0..4), vec(query_pair(), 0..4), body(), method(), vec(edit(), 0..3), select(targets).no_shrink().prop_flat_map(pieces));
    parts
        .prop_map(|(headers, query, body, method, edits, (target, segments, fixed_query))| Draft {
            method,
            edits,
            query,
            headers,
            body,
            ..Draft::plain(&target, segments, fixed_query)
        })
        .boxed()
}

/// The target with its segments: generated parameters for a pattern, the written ones for a
/// fixed path.
fn pieces(target: Target) -> BoxedStrategy<(Target, Vec<Piece>, Option<String>)> {
    match target.path.clone() {
        TargetPath::Pattern(segments) => {
            let each: Vec<BoxedStrategy<Vec<Piece>>> = segments.iter().map(segment).collect();
            each.prop_map(move |pieces| (target.clone(), pieces.concat(), None)).boxed()
        }
        TargetPath::Fixed { path, query } => {
            let each: Vec<BoxedStrategy<Piece>> = path.split('/').filter(|s| !s.is_empty()).map(|s| written(s, 12)).collect();
            each.prop_map(move |pieces| (target.clone(), pieces, query.clone())).boxed()
        }
    }
}

fn segment(segment: &Segment) -> BoxedStrategy<Vec<Piece>> {
    let piece = || (value(), encoding(4)).prop_map(|(text, encoding)| Piece { text, encoding, param: true });
    match segment {
        Segment::Static(name) => written(name, 12).prop_map(|p| vec![p]).boxed(),
        Segment::Dynamic(_) => piece().prop_map(|p| vec![p]).boxed(),
        Segment::CatchAll(_) => vec(piece(), 1..=3).boxed(),
        Segment::OptionalCatchAll(_) => vec(piece(), 0..=3).boxed(),
    }
}

/// A segment of a known path: its decoded text, written in one of the encodings (mostly the
/// standard one); a segment whose escapes are not UTF-8 stays as written.
fn written(segment: &str, standard_weight: u32) -> BoxedStrategy<Piece> {
    match percent_encoding::percent_decode_str(segment).decode_utf8() {
        Ok(text) => {
            let text = text.into_owned();
            encoding(standard_weight).prop_map(move |encoding| Piece { text: text.clone(), encoding, param: false }).boxed()
        }
        Err(_) => Just(Piece { text: segment.to_owned(), encoding: Encoding::Raw, param: false }).boxed(),
    }
}

fn value() -> BoxedStrategy<String> {
    prop_oneof![
        4 => Just(super::draft::PLAIN_PARAM.to_owned()),
        3 => "[a-z0-9]{1,6}",
        3 => select(&ODD_VALUES[..]).prop_map(str::to_owned),
        1 => Just("x".repeat(300)),
    ]
    .boxed()
}

fn encoding(standard_weight: u32) -> BoxedStrategy<Encoding> {
    prop_oneof![
        standard_weight => Just(Encoding::Standard),
        1 => Just(Encoding::LowerHex),
        1 => Just(Encoding::Raw),
        1 => Just(Encoding::EveryByte),
        1 => Just(Encoding::Twice),
    ]
    .boxed()
}

/// A method, which shrinks straight to GET: shrinking through the list instead (POST to HEAD,
/// then no further when HEAD, which has no body to show, loses the difference) would keep a
/// method that plays no part in it.
fn method() -> BoxedStrategy<Method> {
    let any = prop_oneof![
        10 => select(&STANDARD_METHODS[..]).prop_map(Method::Standard),
        1 => select(&STANDARD_METHODS[..]).prop_map(Method::Lowercase),
        1 => select(&OTHER_METHODS[..]).prop_map(Method::Other),
    ];
    // `None` (GET) is what an option shrinks to first.
    proptest::option::weighted(0.9, any.no_shrink()).prop_map(|method| method.unwrap_or(Method::Standard("GET"))).boxed()
}

fn edit() -> BoxedStrategy<Edit> {
    let at = || (0usize..8).no_shrink();
    prop_oneof![
        Just(Edit::TrailingSlash),
        at().prop_map(Edit::DoubledSlash),
        at().prop_map(Edit::Dot),
        at().prop_map(Edit::DotDot),
        at().prop_map(Edit::EncodedDotDot),
        at().prop_map(Edit::Upper),
        at().prop_map(Edit::EncodedSlash),
        at().prop_map(Edit::Backslash),
    ]
    .boxed()
}

fn query_pair() -> BoxedStrategy<QueryPair> {
    let encoding = prop_oneof![4 => Just(Encoding::Standard), 1 => Just(Encoding::Form), 1 => Just(Encoding::Raw), 1 => Just(Encoding::LowerHex)];
    (select(&QUERY_KEYS[..]), proptest::option::weighted(0.8, select(&QUERY_VALUES[..])), encoding)
        .prop_map(|(key, value, encoding)| QueryPair { key: key.to_owned(), value: value.map(str::to_owned), encoding })
        .boxed()
}

fn body() -> BoxedStrategy<Option<Body>> {
    proptest::option::weighted(0.3, select(&BODIES[..]).no_shrink()).boxed()
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::strategy::ValueTree;
    use proptest::test_runner::TestRunner;

    #[test]
    fn any_other_method_shrinks_to_get_in_one_step() {
        let mut runner = TestRunner::deterministic();
        let mut others = 0;
        for _ in 0..200 {
            let mut tree = method().new_tree(&mut runner).unwrap();
            if tree.current() == Method::Standard("GET") {
                continue;
            }
            others += 1;
            assert!(tree.simplify(), "{:?} does not shrink", tree.current());
            assert_eq!(tree.current(), Method::Standard("GET"));
        }
        assert!(others > 100, "most drawn methods are not GET: {others}");
    }
}
