//! The requests of Next.js's client router ("RSC requests"): the headers that make one, the
//! ones Next.js hides from user code, the `_rsc` search parameter that keys its answers apart
//! ([`cache_busting`]) and the payload that answers it ([`flight`]).

pub mod cache_busting;
pub mod flight;

use http::HeaderMap;

/// The request header that asks for the RSC payload instead of the HTML.
pub const RSC: &str = "rsc";

/// The search parameter the router adds so that caches key RSC answers apart.
pub const QUERY: &str = "_rsc";

/// The router's request headers (Next.js's `FLIGHT_HEADERS`): the proxy does not see them, nor
/// does a page through `headers()`; a route handler and an API route do.
pub const FLIGHT_HEADERS: [&str; 5] = ["rsc", "next-router-state-tree", "next-router-prefetch", "next-hmr-refresh", "next-router-segment-prefetch"];

/// What a request for a page asks for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Wants {
    /// The HTML document (not an RSC request).
    Html,
    /// The RSC payload of the page.
    Payload,
    /// A prefetch (`Next-Router-Prefetch: 1`): of a page rendered per request, only its
    /// route's segments; of a prerendered page, the whole payload.
    Prefetch,
}

impl Wants {
    pub fn of(headers: &HeaderMap) -> Wants {
        match (is_rsc_request(headers), headers.get("next-router-prefetch").is_some_and(|v| v.as_bytes() == b"1")) {
            (false, _) => Wants::Html,
            (true, false) => Wants::Payload,
            (true, true) => Wants::Prefetch,
        }
    }
}

/// Whether `headers` make an RSC request (`RSC: 1`).
pub fn is_rsc_request(headers: &HeaderMap) -> bool {
    headers.get(RSC).is_some_and(|v| v.as_bytes() == b"1")
}

/// `headers` without the router's headers, the others in their order.
pub fn without_flight_headers(headers: &HeaderMap) -> HeaderMap {
    headers.iter().filter(|(n, _)| !FLIGHT_HEADERS.contains(&n.as_str())).map(|(n, v)| (n.clone(), v.clone())).collect()
}

/// `query` (without `?`) without its `_rsc` pairs.
pub fn without_query(query: &str) -> String {
    query.split('&').filter(|p| !p.is_empty() && *p != QUERY && !p.starts_with("_rsc=")).collect::<Vec<_>>().join("&")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_router_headers_and_query_can_be_taken_out() {
        let mut headers = HeaderMap::new();
        for (name, value) in [("accept", "*/*"), ("rsc", "1"), ("x-custom", "c"), ("next-router-prefetch", "1")] {
            headers.append(name, value.parse().unwrap());
        }
        assert!(is_rsc_request(&headers));
        let kept = without_flight_headers(&headers);
        assert_eq!(kept.keys().map(|k| k.as_str()).collect::<Vec<_>>(), ["accept", "x-custom"]);
        assert_eq!(without_query("a=1&_rsc&b=2&_rsc=x"), "a=1&b=2");
    }
}
