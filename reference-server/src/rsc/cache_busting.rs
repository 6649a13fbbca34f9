//! The `_rsc` search parameter of router requests. From Next.js 16 an RSC request to an app
//! route must carry, in `_rsc`, a hash of its router headers (`Next-Router-Prefetch`,
//! `Next-Router-Segment-Prefetch`, `Next-Router-State-Tree`, `Next-Url`): a cache that ignores
//! `Vary` then keys the variants apart. A request whose `_rsc` is missing or differs is
//! redirected (307) to the same URL with the expected value.
//!
//! The hash is the first 12 bytes of SHA-256 of the four values joined by commas (`0` for an
//! absent one), in unpadded base64url; the first five base-36 digits of its djb2 hash, which
//! older clients send, are accepted too. With no router header but `RSC`, the value is empty.

use base64::Engine;
use sha2::{Digest, Sha256};

/// The router headers the value hashes, as the request has them.
#[derive(Debug, Clone, Copy, Default)]
pub struct RouterHeaders<'a> {
    pub prefetch: Option<&'a str>,
    pub segment_prefetch: Option<&'a str>,
    pub state_tree: Option<&'a str>,
    pub next_url: Option<&'a str>,
}

impl RouterHeaders<'_> {
    /// What is hashed, or `None` when there is nothing to (the value is then empty). A
    /// prefetch value other than 1, 2 or 3 counts as none.
    fn input(&self) -> Option<String> {
        let prefetch = self.prefetch.filter(|p| matches!(*p, "1" | "2" | "3"));
        if prefetch.is_none_or(|p| p == "0") && self.segment_prefetch.is_none() && self.state_tree.is_none() && self.next_url.is_none() {
            return None;
        }
        let values = [prefetch, self.segment_prefetch, self.state_tree, self.next_url];
        Some(values.map(|v| v.unwrap_or("0")).join(","))
    }

    /// The `_rsc` value Next.js expects for these headers.
    pub fn expected(&self) -> String {
        self.input().map_or_else(String::new, |input| {
            let digest = Sha256::digest(input.as_bytes());
            base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(&digest[..12])
        })
    }

    /// Whether `actual` (the request's `_rsc`, `None` when it has none) is accepted.
    pub fn accepts(&self, actual: Option<&str>) -> bool {
        let Some(actual) = actual else { return false };
        actual == self.expected() || self.input().is_some_and(|input| actual == legacy(&input))
    }
}

/// The short hash older clients send: djb2, in base 36, cut to five digits.
fn legacy(input: &str) -> String {
    let hash = input.bytes().fold(5381u32, |hash, byte| hash.wrapping_shl(5).wrapping_add(hash).wrapping_add(u32::from(byte)));
    crate::etag::base36(u64::from(hash)).chars().take(5).collect()
}

/// Where Next.js 16 redirects an RSC request (`headers`) for `asked` (the path and query the
/// client asked for) whose `_rsc` it does not accept; `None` when it accepts it. The first
/// `_rsc` of the query counts.
pub fn redirect_for(headers: &http::HeaderMap, asked: &http::Uri) -> Option<String> {
    let header = |name: &str| headers.get(name).and_then(|v| v.to_str().ok());
    let router = RouterHeaders {
        prefetch: header("next-router-prefetch"),
        segment_prefetch: header("next-router-segment-prefetch"),
        state_tree: header("next-router-state-tree"),
        next_url: header("next-url"),
    };
    let query = asked.query().unwrap_or_default();
    let actual = form_urlencoded::parse(query.as_bytes()).find(|(k, _)| k == super::QUERY).map(|(_, v)| v.into_owned());
    if router.accepts(actual.as_deref()) {
        return None;
    }
    let path_and_query = asked.path_and_query().map_or("/", |p| p.as_str());
    Some(with_value(path_and_query, &router.expected()))
}

/// `path_and_query` with `_rsc` set to `value`, as Next.js redirects: every `_rsc=...` pair
/// removed and the other pairs kept in order and as written (a bare `_rsc` too, which Next.js
/// does not recognise as one), then `_rsc=value` last, or `_rsc` alone when the value is empty.
pub fn with_value(path_and_query: &str, value: &str) -> String {
    let (path, query) = path_and_query.split_once('?').unwrap_or((path_and_query, ""));
    let mut pairs: Vec<String> = query.split('&').filter(|p| !p.is_empty() && !p.starts_with("_rsc=")).map(str::to_owned).collect();
    pairs.push(if value.is_empty() { "_rsc".to_owned() } else { format!("_rsc={value}") });
    format!("{path}?{}", pairs.join("&"))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The values next start 16.4.6 redirected to, and its own functions computed.
    #[test]
    fn hashes_the_router_headers_as_next_js_does() {
        let prefetch = RouterHeaders { prefetch: Some("1"), ..Default::default() };
        assert_eq!(prefetch.expected(), "HEAvJdHAQJrUAe2K");
        assert_eq!(legacy(&prefetch.input().unwrap()), "bl95g");
        let segment = RouterHeaders { prefetch: Some("1"), segment_prefetch: Some("/_tree"), ..Default::default() };
        assert_eq!((segment.expected().as_str(), legacy(&segment.input().unwrap()).as_str()), ("_i_aeImnuN6u1u1r", "1r34m"));
        let tree = RouterHeaders { state_tree: Some("%5B%22%22%5D"), ..Default::default() };
        assert_eq!((tree.expected().as_str(), legacy(&tree.input().unwrap()).as_str()), ("WCzv4JOXuLb8w6j7", "1ch7l"));
        let all = RouterHeaders { prefetch: Some("1"), state_tree: Some("%5B%22%22%5D"), next_url: Some("/a"), ..Default::default() };
        assert_eq!(all.expected(), "4CGc1SrVZiq9GcJl");
        assert_eq!(RouterHeaders { prefetch: Some("2"), ..Default::default() }.expected(), "gO6pH-93hUwkIF31");
    }

    #[test]
    fn without_router_headers_the_value_is_empty_and_must_be_sent() {
        let none = RouterHeaders::default();
        assert_eq!(none.expected(), "");
        assert!(none.accepts(Some("")));
        assert!(!none.accepts(None));
        assert!(!none.accepts(Some("abc")));
        let prefetch = RouterHeaders { prefetch: Some("1"), ..Default::default() };
        assert!(prefetch.accepts(Some("bl95g")) && prefetch.accepts(Some("HEAvJdHAQJrUAe2K")) && !prefetch.accepts(Some("")));
    }

    #[test]
    fn a_request_is_redirected_unless_its_first_rsc_is_accepted() {
        let mut headers = http::HeaderMap::new();
        let uri = |s: &str| s.parse::<http::Uri>().unwrap();
        assert_eq!(redirect_for(&headers, &uri("/a")).as_deref(), Some("/a?_rsc"));
        assert_eq!(redirect_for(&headers, &uri("/a?_rsc")), None);
        headers.insert("next-router-prefetch", "1".parse().unwrap());
        assert_eq!(redirect_for(&headers, &uri("/a?_rsc=bl95g")), None);
        assert_eq!(redirect_for(&headers, &uri("/a?_rsc&_rsc=HEAvJdHAQJrUAe2K")).as_deref(), Some("/a?_rsc&_rsc=HEAvJdHAQJrUAe2K"));
    }

    #[test]
    fn the_redirect_keeps_the_other_parameters_and_puts_rsc_last() {
        assert_eq!(with_value("/rsc/static", ""), "/rsc/static?_rsc");
        assert_eq!(with_value("/rsc/static?x=1&_rsc=abc&y=2", ""), "/rsc/static?x=1&y=2&_rsc");
        assert_eq!(with_value("/a?_rsc=", "HEAvJdHAQJrUAe2K"), "/a?_rsc=HEAvJdHAQJrUAe2K");
        assert_eq!(with_value("/a?_rsc", "HEAvJdHAQJrUAe2K"), "/a?_rsc&_rsc=HEAvJdHAQJrUAe2K");
        assert_eq!(with_value("/a?x=1&_rsc=y&b", ""), "/a?x=1&b&_rsc");
    }
}
