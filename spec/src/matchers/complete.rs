//! Complete answers: with `expect.headers_complete = true` every header the answer carries
//! must be named by the step, so a leaked internal header (`x-middleware-rewrite`) or one a
//! platform adds fails the case.
//!
//! Headers that belong to the connection or to intermediaries, not to the answer, are exempt
//! ([`TRANSPORT_HEADERS`]): framing, connection management, the server's name, proxy and CDN
//! bookkeeping, and the request ids CDNs and hosts stamp on every answer
//! ([`REQUEST_ID_HEADERS`]).

use crate::response::Response;

/// Framing, connection and intermediary headers a complete answer may carry unnamed.
pub const TRANSPORT_HEADERS: [&str; 8] =
    ["content-length", "transfer-encoding", "connection", "keep-alive", "server", "via", "age", "alt-svc"];

/// Request-id headers that CDNs and hosting platforms add to every answer.
pub const REQUEST_ID_HEADERS: [&str; 10] = [
    "x-request-id",
    "x-amzn-requestid",
    "x-amzn-trace-id",
    "x-amz-cf-id",
    "x-amz-cf-pop",
    "cf-ray",
    "x-vercel-id",
    "x-nf-request-id",
    "fly-request-id",
    "x-served-by",
];

/// Whether a complete answer may carry `name` (lower case) without the step naming it.
pub fn exempt(name: &str) -> bool {
    TRANSPORT_HEADERS.contains(&name) || REQUEST_ID_HEADERS.contains(&name)
}

/// The headers of `response` (lower-case names, each once, in the order first received) that
/// are neither exempt nor accepted by `named`.
pub fn unexpected(response: &Response, named: impl Fn(&str) -> bool) -> Vec<(&str, String)> {
    let mut seen: Vec<&str> = Vec::new();
    for (name, _) in &response.headers {
        if !seen.contains(&name.as_str()) {
            seen.push(name);
        }
    }
    seen.into_iter()
        .filter(|name| !exempt(name) && !named(name))
        .map(|name| (name, response.header(name).unwrap_or_default()))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_each_unnamed_header_once_and_skips_transport_headers() {
        let response = Response::from_parts(
            200,
            &[
                ("content-type", "text/plain"),
                ("x-middleware-rewrite", "/a"),
                ("content-length", "3"),
                ("cf-ray", "abc"),
                ("x-middleware-rewrite", "/b"),
            ],
            "abc",
        );
        let extra = unexpected(&response, |name| name == "content-type");
        assert_eq!(extra, vec![("x-middleware-rewrite", "/a, /b".to_owned())]);
    }

    #[test]
    fn nothing_is_unexpected_when_every_header_is_named() {
        let response = Response::from_parts(204, &[("allow", "GET"), ("date", "x")], "");
        assert!(unexpected(&response, |_| true).is_empty());
    }
}
