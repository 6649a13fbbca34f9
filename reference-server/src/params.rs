//! Dynamic route parameters, decoded as Next.js decodes them (`decodeURIComponent` on each
//! path segment) and shaped as the `params` object a handler awaits.

use percent_encoding::percent_decode_str;
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
