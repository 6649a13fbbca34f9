//! Whether a conditional request may be answered `304 Not Modified`, as the `fresh` package
//! decides for Next.js: for an API route's `res.send` and a rendered page (whose only validator
//! is the ETag), and, through `send`, for a file (its ETag and Last-Modified).
//!
//! - No `If-None-Match` and no `If-Modified-Since`: not fresh.
//! - `Cache-Control: no-cache` on the request: not fresh.
//! - `If-None-Match` other than exactly `*` must list the ETag: as it is, with `W/` added to the
//!   listed tag or to the ETag.
//! - `If-Modified-Since` must be at or after the Last-Modified (and is never satisfied without
//!   one).

use std::time::SystemTime;

/// The request headers `fresh` reads, kept from the request.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Conditional {
    if_none_match: Option<String>,
    if_modified_since: Option<String>,
    no_cache: bool,
}

impl Conditional {
    pub fn from_headers(headers: &http::HeaderMap) -> Conditional {
        // Node joins repeated fields of these headers with ", ".
        let joined = |name: http::header::HeaderName| {
            let values: Vec<String> =
                headers.get_all(name).iter().map(|v| String::from_utf8_lossy(v.as_bytes()).into_owned()).collect();
            (!values.is_empty()).then(|| values.join(", ")).filter(|v| !v.is_empty())
        };
        Conditional {
            if_none_match: joined(http::header::IF_NONE_MATCH),
            if_modified_since: joined(http::header::IF_MODIFIED_SINCE),
            no_cache: joined(http::header::CACHE_CONTROL).is_some_and(|v| has_directive(&v, "no-cache")),
        }
    }

    /// Whether a response with `etag` (and no Last-Modified) is fresh for this request.
    pub fn fresh(&self, etag: &str) -> bool {
        self.fresh_for(Some(etag), None)
    }

    /// Whether a response with these validators is fresh for this request.
    pub fn fresh_for(&self, etag: Option<&str>, last_modified: Option<SystemTime>) -> bool {
        if self.if_none_match.is_none() && self.if_modified_since.is_none() {
            return false;
        }
        if self.no_cache {
            return false;
        }
        if let Some(none_match) = self.if_none_match.as_deref().filter(|v| *v != "*") {
            let Some(etag) = etag else { return false };
            let listed = none_match.split(',').map(|t| t.trim_matches(' ')).any(|t| {
                t == etag || t.strip_prefix("W/") == Some(etag) || etag.strip_prefix("W/") == Some(t)
            });
            if !listed {
                return false;
            }
        }
        match &self.if_modified_since {
            None => true,
            Some(since) => {
                let since = httpdate::parse_http_date(since).ok();
                matches!((last_modified, since), (Some(modified), Some(since)) if whole_seconds(modified) <= since)
            }
        }
    }
}

/// `time` as an HTTP date keeps it: to the second.
fn whole_seconds(time: SystemTime) -> SystemTime {
    httpdate::parse_http_date(&httpdate::fmt_http_date(time)).unwrap_or(time)
}

/// Whether a comma-separated Cache-Control value has `directive` as one of its items
/// (`(?:^|,)\s*?directive\s*?(?:,|$)`).
pub fn has_directive(value: &str, directive: &str) -> bool {
    value.split(',').any(|item| item.trim() == directive)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::etag::etag;
    use proptest::prelude::*;

    fn request(headers: &[(&str, &str)]) -> Conditional {
        let mut map = http::HeaderMap::new();
        for (name, value) in headers {
            map.append(http::HeaderName::from_bytes(name.as_bytes()).unwrap(), value.parse().unwrap());
        }
        Conditional::from_headers(&map)
    }

    #[test]
    fn the_cases_next_start_was_seen_answering() {
        // Seen on next start 16.4.6 and 15.5.29 for a body whose ETag is "x0q7xhtzoxx".
        let tag = "\"x0q7xhtzoxx\"";
        assert!(request(&[("if-none-match", tag)]).fresh(tag));
        assert!(request(&[("if-none-match", "W/\"x0q7xhtzoxx\"")]).fresh(tag));
        assert!(request(&[("if-none-match", "\"other\", \"x0q7xhtzoxx\"")]).fresh(tag));
        assert!(request(&[("if-none-match", "*")]).fresh(tag));
        assert!(!request(&[("if-none-match", tag), ("cache-control", "no-cache")]).fresh(tag));
        assert!(!request(&[("if-none-match", "\"nomatch\"")]).fresh(tag));
        assert!(!request(&[("if-modified-since", "Wed, 25 Nov 2026 14:56:26 GMT")]).fresh(tag));
        assert!(!request(&[]).fresh(tag));
    }

    #[test]
    fn files_compare_both_validators() {
        let modified = httpdate::parse_http_date("Mon, 30 Nov 2026 23:46:28 GMT").unwrap() + std::time::Duration::from_millis(400);
        let tag = "W/\"14-1a22eda4f63\"";
        let fresh = |headers: &[(&str, &str)]| request(headers).fresh_for(Some(tag), Some(modified));
        assert!(fresh(&[("if-none-match", tag)]));
        assert!(fresh(&[("if-none-match", "\"14-1a22eda4f63\"")]));
        assert!(fresh(&[("if-modified-since", "Mon, 30 Nov 2026 23:46:28 GMT")]));
        assert!(fresh(&[("if-modified-since", "Tue, 01 Dec 2099 00:00:00 GMT")]));
        assert!(!fresh(&[("if-modified-since", "Mon, 01 Jan 2001 00:00:00 GMT")]));
        assert!(!fresh(&[("if-modified-since", "not a date")]));
        assert!(!fresh(&[("if-none-match", "\"x\""), ("if-modified-since", "Mon, 30 Nov 2026 23:46:28 GMT")]));
        assert!(fresh(&[("if-none-match", "*"), ("if-modified-since", "Mon, 30 Nov 2026 23:46:28 GMT")]));
    }

    #[test]
    fn directives_are_whole_items() {
        assert!(has_directive("max-age=0, no-cache", "no-cache"));
        assert!(!has_directive("no-cache-please", "no-cache"));
    }

    proptest! {
        #[test]
        fn a_body_is_fresh_for_its_own_etag_only(body in ".*", other in ".*") {
            let tag = etag(&body);
            prop_assert!(request(&[("if-none-match", &tag)]).fresh(&tag));
            let weak = format!("W/{}", tag);
            let listed = format!("\"x\", {}", tag);
            prop_assert!(request(&[("if-none-match", &weak)]).fresh(&tag));
            prop_assert!(request(&[("if-none-match", &listed)]).fresh(&tag));
            prop_assert!(!request(&[("if-none-match", &tag), ("cache-control", "no-cache")]).fresh(&tag));
            let other_tag = etag(&other);
            prop_assert_eq!(request(&[("if-none-match", &other_tag)]).fresh(&tag), other_tag == tag);
        }
    }
}
