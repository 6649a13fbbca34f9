//! `req.cookies`: the `Cookie` header parsed as Next.js's bundled `cookie` package does.
//! Pairs are split on `;`, pieces without `=` are skipped, names and values are trimmed, one
//! pair of surrounding quotes is removed, values are URI-decoded when they decode, and the
//! first occurrence of a name wins.

use crate::params::decode_component;
use serde_json::{Map, Value};

/// The cookies of the request's `Cookie` header(s); several headers are joined with `; `.
pub fn parse(headers: &http::HeaderMap) -> Map<String, Value> {
    let joined: Vec<String> =
        headers.get_all(http::header::COOKIE).iter().map(|v| String::from_utf8_lossy(v.as_bytes()).into_owned()).collect();
    let mut cookies = Map::new();
    for piece in joined.join("; ").split(';') {
        let Some((name, value)) = piece.split_once('=') else { continue };
        let name = name.trim();
        let mut value = value.trim();
        if let Some(quoted) = value.strip_prefix('"') {
            let mut inner = quoted.chars();
            inner.next_back();
            value = inner.as_str();
        }
        if !cookies.contains_key(name) {
            let decoded = decode_component(value).unwrap_or_else(|| value.to_owned());
            cookies.insert(name.to_owned(), Value::String(decoded));
        }
    }
    cookies
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn cookies(values: &[&str]) -> Value {
        let mut headers = http::HeaderMap::new();
        for v in values {
            headers.append(http::header::COOKIE, v.parse().unwrap());
        }
        Value::Object(parse(&headers))
    }

    #[test]
    fn parses_like_the_cookie_package() {
        assert_eq!(
            cookies(&["a=1; b=hello%20world; c=\"quoted\"; a=2; bad; =x; d=; e=%zz"]),
            json!({ "a": "1", "b": "hello world", "c": "quoted", "": "x", "d": "", "e": "%zz" })
        );
    }

    #[test]
    fn several_headers_are_joined_and_none_is_empty() {
        assert_eq!(cookies(&["a=1", "b=2"]), json!({ "a": "1", "b": "2" }));
        assert_eq!(cookies(&[]), json!({}));
    }
}
