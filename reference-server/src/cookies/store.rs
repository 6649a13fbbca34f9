//! The cookie store behind `cookies()` in route handlers and `response.cookies`: a map from name
//! to cookie in first-set order, where `set` replaces a cookie of the same name and `delete`
//! sets an expired empty one. Only what was set or deleted becomes a `Set-Cookie` line.

use super::serialize::{Cookie, serialize};
use crate::clock::Clock;
use crate::params::decode_component;
use serde_json::{Map, Value, json};

#[derive(Debug, Clone)]
pub struct CookieStore {
    /// The request's cookies, then every cookie set, by name in first-seen order.
    cookies: Vec<(String, Cookie)>,
    /// Names set or deleted while answering, in first-set order.
    changed: Vec<String>,
    /// The server's time, from which `maxAge` counts.
    clock: Clock,
}

/// The cookies of a `Cookie` header: `name=value` pairs split on `;`, values decoded as
/// `decodeURIComponent` does (kept as sent when that fails); a repeated name keeps the last value.
pub fn parse_cookie_header(header: &str) -> Vec<(String, String)> {
    let mut out: Vec<(String, String)> = Vec::new();
    for pair in header.split(';') {
        let Some((name, value)) = pair.split_once('=') else { continue };
        let (name, value) = (name.trim().to_owned(), value.trim());
        let value = decode_component(value).unwrap_or_else(|| value.to_owned());
        match out.iter_mut().find(|(n, _)| *n == name) {
            Some(existing) => existing.1 = value,
            None => out.push((name, value)),
        }
    }
    out
}

impl CookieStore {
    /// An empty store (`response.cookies` of a new response), on the server's `clock`.
    pub fn new(clock: Clock) -> CookieStore {
        CookieStore { cookies: Vec::new(), changed: Vec::new(), clock }
    }

    /// A store that starts with the request's cookies (as `{ name, value, path: '/' }`).
    pub fn from_request(pairs: &[(String, String)], clock: Clock) -> CookieStore {
        let mut store = CookieStore::new(clock);
        store.cookies = pairs.iter().map(|(name, value)| (name.clone(), store.normalize(json!({ "name": name, "value": value })))).collect();
        store
    }

    pub fn get(&self, name: &str) -> Option<&Cookie> {
        self.cookies.iter().find(|(n, _)| n == name).map(|(_, c)| c)
    }

    pub fn get_all(&self, name: Option<&str>) -> Vec<&Cookie> {
        self.cookies.iter().filter(|(n, _)| name.is_none_or(|want| n == want)).map(|(_, c)| c).collect()
    }

    pub fn has(&self, name: &str) -> bool {
        self.get(name).is_some()
    }

    /// `set(name, value, options)`; `options` is the JS options object (may be empty).
    pub fn set(&mut self, name: &str, value: &str, options: Value) {
        let mut cookie = Map::new();
        cookie.insert("name".into(), Value::String(name.into()));
        cookie.insert("value".into(), Value::String(value.into()));
        if let Value::Object(options) = options {
            cookie.extend(options);
        }
        self.set_object(Value::Object(cookie));
    }

    /// `set({ name, value, ...options })`.
    pub fn set_object(&mut self, cookie: Value) {
        let cookie = self.normalize(cookie);
        let name = cookie.get("name").and_then(Value::as_str).unwrap_or_default().to_owned();
        match self.cookies.iter_mut().find(|(n, _)| *n == name) {
            Some(slot) => slot.1 = cookie,
            None => self.cookies.push((name.clone(), cookie)),
        }
        if !self.changed.contains(&name) {
            self.changed.push(name);
        }
    }

    /// `delete(name)` or `delete({ name, path, domain })`: an empty cookie that expired at the epoch.
    pub fn delete(&mut self, cookie: Value) {
        let mut expired = match cookie {
            Value::String(name) => json!({ "name": name }).as_object().cloned().unwrap_or_default(),
            Value::Object(map) => map,
            _ => return,
        };
        expired.insert("value".into(), Value::String(String::new()));
        expired.insert("expires".into(), json!(0.0));
        self.set_object(Value::Object(expired));
    }

    /// The `Set-Cookie` lines for what was set or deleted, in first-set order.
    pub fn set_cookie_lines(&self) -> Vec<String> {
        self.changed.iter().filter_map(|name| self.get(name)).map(serialize).collect()
    }

    /// Next.js's cookie normalization: the default path `/`, `maxAge` (when not zero) turned
    /// into an `expires` that many seconds from now, and a numeric or Date `expires` kept as
    /// milliseconds.
    fn normalize(&self, cookie: Value) -> Cookie {
        let mut cookie = cookie.as_object().cloned().unwrap_or_default();
        if let Some(max_age) = cookie.get("maxAge").and_then(Value::as_f64).filter(|m| *m != 0.0) {
            cookie.insert("expires".into(), json!(self.clock.date_now() as f64 + max_age * 1000.0));
        }
        if cookie.get("path").and_then(Value::as_str).is_none_or(str::is_empty) {
            cookie.insert("path".into(), Value::String("/".into()));
        }
        cookie
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn request_cookies_keep_the_last_value_and_decode() {
        let pairs = parse_cookie_header("a=1; b=2; a=3; enc=%20x; bad=%zz");
        assert_eq!(pairs, [("a".into(), "3".into()), ("b".into(), "2".into()), ("enc".into(), " x".into()), ("bad".into(), "%zz".into())]);
    }

    #[test]
    fn only_changes_become_set_cookie_lines() {
        let mut store = CookieStore::from_request(&parse_cookie_header("name=old; other=1"), Clock::default());
        store.set("name", "first", json!({}));
        store.set("name", "second", json!({}));
        store.delete(json!("gone"));
        assert_eq!(store.set_cookie_lines(), ["name=second; Path=/", "gone=; Path=/; Expires=Thu, 01 Jan 1970 00:00:00 GMT"]);
        assert_eq!(store.get("other").unwrap()["path"], "/");
    }
}
