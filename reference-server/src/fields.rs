//! Header fields in the order they go on the wire: building an answer from a list of fields,
//! and putting fields before those an answer already has. Node writes fields in the order they
//! were set, and clients and caches see that order, so it is kept exactly.

use crate::body::Body;
use bytes::Bytes;
use http::{HeaderMap, HeaderName, HeaderValue, Response, StatusCode};

/// An answer with `status`, `fields` in this order (a field that is not valid HTTP is left out)
/// and `body`.
pub fn build(status: u16, fields: Vec<(String, String)>, body: Option<Bytes>) -> Response<Body> {
    let mut response = Response::new(body.map(Body::new).unwrap_or_default());
    *response.status_mut() = StatusCode::from_u16(status).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
    let map = response.headers_mut();
    for (name, value) in fields {
        let (Ok(name), Ok(value)) = (HeaderName::try_from(name), HeaderValue::try_from(value)) else { continue };
        map.append(name, value);
    }
    response
}

/// Puts `fields` before those of `map`.
pub fn prepend(map: &mut HeaderMap, fields: impl IntoIterator<Item = (HeaderName, HeaderValue)>) {
    let existing = std::mem::take(map);
    for (name, value) in fields {
        map.append(name, value);
    }
    let mut last = None;
    for (name, value) in existing {
        if let Some(name) = name {
            last = Some(name);
        }
        if let Some(name) = &last {
            map.append(name.clone(), value);
        }
    }
}

/// `fields` as valid HTTP fields, leaving out any that are not.
pub fn valid<'a>(fields: impl IntoIterator<Item = &'a (String, String)>) -> Vec<(HeaderName, HeaderValue)> {
    fields
        .into_iter()
        .filter_map(|(name, value)| Some((HeaderName::try_from(name.as_str()).ok()?, HeaderValue::try_from(value.as_str()).ok()?)))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn prepended_fields_come_first_and_order_is_kept() {
        let mut map = HeaderMap::new();
        map.append("b", HeaderValue::from_static("1"));
        map.append("a", HeaderValue::from_static("2"));
        prepend(&mut map, valid(&[("z".to_owned(), "0".to_owned()), ("bad name".to_owned(), "x".to_owned())]));
        let names: Vec<&str> = map.keys().map(|k| k.as_str()).collect();
        assert_eq!(names, ["z", "b", "a"]);
    }

    #[test]
    fn build_keeps_the_field_order() {
        let response = build(404, vec![("x-b".into(), "1".into()), ("x-a".into(), "2".into())], None);
        let names: Vec<&str> = response.headers().keys().map(|k| k.as_str()).collect();
        assert_eq!((response.status().as_u16(), names), (404, vec!["x-b", "x-a"]));
    }
}
