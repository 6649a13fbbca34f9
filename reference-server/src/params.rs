//! Dynamic route parameters, decoded as Next.js decodes them (`decodeURIComponent` on each
//! path segment) and shaped as the `params` object a handler awaits. A page gets them encoded
//! again ([`Params::encoded`]).

use percent_encoding::{AsciiSet, NON_ALPHANUMERIC, percent_decode_str, utf8_percent_encode};
use serde_json::{Map, Value};

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ParamValue {
    One(String),
    Many(Vec<String>),
}

/// Parameters in the order their segments appear in the route.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Params(pub Vec<(String, ParamValue)>);

impl Params {
    pub fn get(&self, name: &str) -> Option<&ParamValue> {
        self.0.iter().find(|(n, _)| n == name).map(|(_, v)| v)
    }

    /// The parameters a page receives: each value encoded as `encodeURIComponent` writes it
    /// (`é` as `%C3%A9`, `+` as `%2B`, a space as `%20`). Seen on `next start` 16.4.6 and
    /// 15.5.29: a page's params keep the URL's encoding where a route handler's are decoded.
    pub fn encoded(&self) -> Params {
        let encode = |value: &String| utf8_percent_encode(value, URI_COMPONENT).to_string();
        let encoded = self.0.iter().map(|(name, value)| {
            let value = match value {
                ParamValue::One(one) => ParamValue::One(encode(one)),
                ParamValue::Many(items) => ParamValue::Many(items.iter().map(encode).collect()),
            };
            (name.clone(), value)
        });
        Params(encoded.collect())
    }

    pub fn to_json(&self) -> Value {
        let map: Map<String, Value> = self
            .0
            .iter()
            .map(|(name, value)| {
                let v = match value {
                    ParamValue::One(s) => Value::String(s.clone()),
                    ParamValue::Many(items) => Value::Array(items.iter().cloned().map(Value::String).collect()),
                };
                (name.clone(), v)
            })
            .collect();
        Value::Object(map)
    }
}

/// What `encodeURIComponent` escapes: all but ASCII letters, digits and `-_.!~*'()`.
const URI_COMPONENT: &AsciiSet = &NON_ALPHANUMERIC.remove(b'-').remove(b'_').remove(b'.').remove(b'!').remove(b'~').remove(b'*').remove(b'\'').remove(b'(').remove(b')');

/// `decodeURIComponent`: fails on a malformed escape or on bytes that are not UTF-8.
pub fn decode_component(raw: &str) -> Option<String> {
    let bytes = raw.as_bytes();
    for (i, b) in bytes.iter().enumerate() {
        if *b == b'%' {
            let hex = bytes.get(i + 1..i + 3)?;
            if !hex.iter().all(u8::is_ascii_hexdigit) {
                return None;
            }
        }
    }
    percent_decode_str(raw).decode_utf8().ok().map(|s| s.into_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_page_gets_its_params_encoded_like_encode_uri_component() {
        let params = Params(vec![("slug".into(), ParamValue::One("a+b é/%;'~".into())), ("all".into(), ParamValue::Many(vec!["x y".into()]))]);
        let encoded = params.encoded();
        assert_eq!(encoded.get("slug"), Some(&ParamValue::One("a%2Bb%20%C3%A9%2F%25%3B'~".into())));
        assert_eq!(encoded.get("all"), Some(&ParamValue::Many(vec!["x%20y".into()])));
    }

    #[test]
    fn decodes_like_decode_uri_component() {
        assert_eq!(decode_component("a%20b").as_deref(), Some("a b"));
        assert_eq!(decode_component("a%2Fb").as_deref(), Some("a/b"));
        assert_eq!(decode_component("%C3%A9").as_deref(), Some("é"));
        assert_eq!(decode_component("a+b").as_deref(), Some("a+b"));
        assert_eq!(decode_component("%zz"), None);
        assert_eq!(decode_component("%F"), None);
        assert_eq!(decode_component("%FF"), None);
    }
}
