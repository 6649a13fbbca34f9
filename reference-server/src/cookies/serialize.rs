//! The `Set-Cookie` line Next.js writes for a cookie: `name=value` with the value
//! `encodeURIComponent`-encoded, then the attributes in a fixed order — Path, Expires,
//! Max-Age, Domain, Secure, HttpOnly, SameSite, Partitioned, Priority.

use serde_json::{Map, Value};
use std::time::{Duration, UNIX_EPOCH};

/// A cookie as user code passes it to `set` (a JS object: `name`, `value` and options).
pub type Cookie = Map<String, Value>;

/// The `Set-Cookie` value for `cookie`.
pub fn serialize(cookie: &Cookie) -> String {
    let text = |key: &str| cookie.get(key).and_then(Value::as_str).filter(|s| !s.is_empty());
    let truthy = |key: &str| cookie.get(key).is_some_and(is_truthy);
    let mut parts = vec![format!(
        "{}={}",
        cookie.get("name").and_then(Value::as_str).unwrap_or_default(),
        encode_uri_component(cookie.get("value").and_then(Value::as_str).unwrap_or_default())
    )];
    if let Some(path) = text("path") {
        parts.push(format!("Path={path}"));
    }
    if let Some(expires) = cookie.get("expires").and_then(Value::as_f64) {
        parts.push(format!("Expires={}", http_date(expires)));
    }
    if let Some(max_age) = cookie.get("maxAge").and_then(Value::as_f64) {
        parts.push(format!("Max-Age={max_age}"));
    }
    if let Some(domain) = text("domain") {
        parts.push(format!("Domain={domain}"));
    }
    if truthy("secure") {
        parts.push("Secure".into());
    }
    if truthy("httpOnly") {
        parts.push("HttpOnly".into());
    }
    match cookie.get("sameSite") {
        Some(Value::String(s)) if !s.is_empty() => parts.push(format!("SameSite={s}")),
        Some(Value::Bool(true)) => parts.push("SameSite=true".into()),
        _ => {}
    }
    if truthy("partitioned") {
        parts.push("Partitioned".into());
    }
    if let Some(priority) = text("priority") {
        parts.push(format!("Priority={priority}"));
    }
    parts.join("; ")
}

fn is_truthy(value: &Value) -> bool {
    match value {
        Value::Null => false,
        Value::Bool(b) => *b,
        Value::Number(n) => n.as_f64().is_some_and(|f| f != 0.0),
        Value::String(s) => !s.is_empty(),
        Value::Array(_) | Value::Object(_) => true,
    }
}

/// `new Date(ms).toUTCString()` for milliseconds since the epoch.
fn http_date(millis: f64) -> String {
    let when = if millis >= 0.0 {
        UNIX_EPOCH + Duration::from_millis(millis as u64)
    } else {
        UNIX_EPOCH - Duration::from_millis((-millis) as u64)
    };
    httpdate::fmt_http_date(when)
}

/// `encodeURIComponent`: everything but `A-Z a-z 0-9 - _ . ! ~ * ' ( )` percent-encoded as UTF-8.
pub fn encode_uri_component(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for byte in text.bytes() {
        if byte.is_ascii_alphanumeric() || b"-_.!~*'()".contains(&byte) {
            out.push(byte as char);
        } else {
            out.push_str(&format!("%{byte:02X}"));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn cookie(value: Value) -> Cookie {
        value.as_object().unwrap().clone()
    }

    #[test]
    fn attributes_come_in_next_order() {
        let all = cookie(json!({
            "name": "name", "value": "lee", "partitioned": true, "priority": "high", "sameSite": "strict",
            "httpOnly": true, "secure": true, "maxAge": 60, "expires": 1893553445000.0, "domain": "example.com", "path": "/docs"
        }));
        assert_eq!(
            serialize(&all),
            "name=lee; Path=/docs; Expires=Wed, 02 Jan 2030 03:04:05 GMT; Max-Age=60; Domain=example.com; Secure; HttpOnly; SameSite=strict; Partitioned; Priority=high"
        );
    }

    #[test]
    fn values_are_uri_component_encoded() {
        let c = cookie(json!({ "name": "name", "value": "a b;c,d\"é=%", "path": "/" }));
        assert_eq!(serialize(&c), "name=a%20b%3Bc%2Cd%22%C3%A9%3D%25; Path=/");
    }

    #[test]
    fn false_same_site_and_zero_max_age() {
        let c = cookie(json!({ "name": "n", "value": "v", "sameSite": false, "maxAge": 0 }));
        assert_eq!(serialize(&c), "n=v; Max-Age=0");
    }
}
