//! Whether a conditional request may be answered `304 Not Modified`, as the `fresh` package
//! decides for `res.send` (the only validator it is given is the ETag).
//!
//! - No `If-None-Match` and no `If-Modified-Since`: not fresh.
//! - `Cache-Control: no-cache` on the request: not fresh.
//! - `If-None-Match` other than exactly `*` must list the ETag, bare or as `W/` + ETag.
//! - `If-Modified-Since` is never satisfied, since no `Last-Modified` is compared.

/// The request headers `fresh` reads, kept from the request for `res.send`.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Conditional {
    if_none_match: Option<String>,
    if_modified_since: bool,
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
            if_modified_since: joined(http::header::IF_MODIFIED_SINCE).is_some(),
            no_cache: joined(http::header::CACHE_CONTROL).is_some_and(|v| has_directive(&v, "no-cache")),
        }
    }

    /// Whether a response with `etag` is fresh for this request.
    pub fn fresh(&self, etag: &str) -> bool {
        if self.if_none_match.is_none() && !self.if_modified_since {
            return false;
        }
        if self.no_cache {
            return false;
        }
        if let Some(none_match) = self.if_none_match.as_deref().filter(|v| *v != "*") {
            let weak = format!("W/{etag}");
            let listed = none_match.split(',').map(|t| t.trim_matches(' ')).any(|t| t == etag || t == weak);
            if !listed {
                return false;
            }
        }
        !self.if_modified_since
    }
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
