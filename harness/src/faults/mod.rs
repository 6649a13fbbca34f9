//! Fault injection: a proxy in front of a target that breaks every answer in one named way, so
//! the suite's sensitivity can be measured (every fault must fail some case of the area it
//! breaks). See [`proxy`].

pub mod proxy;

use spec::Response;
use std::fmt;

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Fault {
    /// Every `Set-Cookie` field folded into one, joined with ", ".
    FoldSetCookie,
    /// The named header removed.
    DropHeader(String),
    /// The status code plus one (200 becomes 201, 404 becomes 405).
    ChangeStatus,
    /// An absolute `Location` on any origin cut down to its path.
    RelativeLocation,
    /// `Cache-Control` removed.
    StripCacheControl,
    /// `Cache-Control` replaced with `public, max-age=0`, as a CDN or proxy that rewrites it.
    RewriteCacheControl,
    /// The answers of a server that never caches: every 13-digit number in the body (a
    /// `Date.now()`) replaced with a new time, and `x-nextjs-cache` removed.
    NeverCache,
    /// A cache in front that never revalidates: each GET URL gets the first answer seen for it.
    /// The [`proxy`] keeps those answers; [`apply`](Fault::apply) leaves answers alone.
    NeverRevalidate,
    /// `Content-Type` replaced with `application/octet-stream`.
    ChangeContentType,
    /// The body's last byte removed.
    TrimBody,
}

impl Fault {
    /// Every fault with the arguments the sensitivity test uses.
    pub fn catalogue() -> Vec<Fault> {
        vec![
            Fault::FoldSetCookie,
            Fault::DropHeader("allow".into()),
            Fault::ChangeStatus,
            Fault::RelativeLocation,
            Fault::StripCacheControl,
            Fault::RewriteCacheControl,
            Fault::NeverCache,
            Fault::NeverRevalidate,
            Fault::ChangeContentType,
            Fault::TrimBody,
        ]
    }

    /// `fold-set-cookie`, `drop-header:NAME`, `change-status`, `relative-location`,
    /// `strip-cache-control`, `rewrite-cache-control`, `never-cache`, `never-revalidate`,
    /// `change-content-type`, `trim-body`.
    pub fn parse(name: &str) -> Result<Fault, String> {
        Ok(match name {
            "fold-set-cookie" => Fault::FoldSetCookie,
            "change-status" => Fault::ChangeStatus,
            "relative-location" => Fault::RelativeLocation,
            "strip-cache-control" => Fault::StripCacheControl,
            "rewrite-cache-control" => Fault::RewriteCacheControl,
            "never-cache" => Fault::NeverCache,
            "never-revalidate" => Fault::NeverRevalidate,
            "change-content-type" => Fault::ChangeContentType,
            "trim-body" => Fault::TrimBody,
            other => match other.strip_prefix("drop-header:") {
                Some(header) if !header.is_empty() => Fault::DropHeader(header.to_ascii_lowercase()),
                _ => return Err(format!("unknown fault `{name}`; known: {}", known_names())),
            },
        })
    }

    /// Breaks `response` in this fault's way.
    pub fn apply(&self, response: &mut Response) {
        let headers = &mut response.headers;
        match self {
            Fault::FoldSetCookie => {
                let cookies: Vec<String> =
                    headers.iter().filter(|(n, _)| n == "set-cookie").map(|(_, v)| v.clone()).collect();
                if cookies.len() > 1 {
                    headers.retain(|(n, _)| n != "set-cookie");
                    headers.push(("set-cookie".into(), cookies.join(", ")));
                }
            }
            Fault::DropHeader(name) => headers.retain(|(n, _)| n != name),
            Fault::ChangeStatus => response.status = (response.status + 1).min(599),
            Fault::RelativeLocation => {
                for (_, value) in headers.iter_mut().filter(|(n, _)| n == "location") {
                    if let Some((_, rest)) = value.split_once("://") {
                        *value = rest.find('/').map_or_else(|| "/".to_owned(), |i| rest[i..].to_owned());
                    }
                }
            }
            Fault::StripCacheControl => headers.retain(|(n, _)| n != "cache-control"),
            Fault::RewriteCacheControl => {
                for (_, value) in headers.iter_mut().filter(|(n, _)| n == "cache-control") {
                    *value = "public, max-age=0".into();
                }
            }
            Fault::NeverCache => {
                headers.retain(|(n, _)| n != "x-nextjs-cache");
                response.body = fresh_times(&response.body);
            }
            Fault::NeverRevalidate => {}
            Fault::ChangeContentType => {
                for (_, value) in headers.iter_mut().filter(|(n, _)| n == "content-type") {
                    *value = "application/octet-stream".into();
                }
            }
            Fault::TrimBody => {
                response.body.pop();
            }
        }
    }
}

/// `body` with every run of exactly 13 ASCII digits replaced by a new, never repeated time in
/// milliseconds.
fn fresh_times(body: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(body.len());
    let mut i = 0;
    while i < body.len() {
        let run = body[i..].iter().take_while(|b| b.is_ascii_digit()).count().max(1);
        if run == 13 {
            out.extend_from_slice(format!("{:013}", fresh_time() % 10_000_000_000_000).as_bytes());
        } else {
            out.extend_from_slice(&body[i..i + run]);
        }
        i += run;
    }
    out
}

/// The current time in milliseconds, or one more than the last one given.
fn fresh_time() -> u64 {
    use std::sync::atomic::{AtomicU64, Ordering};
    static LAST: AtomicU64 = AtomicU64::new(0);
    let now = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map_or(0, |d| d.as_millis() as u64);
    let mut last = LAST.load(Ordering::SeqCst);
    loop {
        let next = now.max(last + 1);
        match LAST.compare_exchange(last, next, Ordering::SeqCst, Ordering::SeqCst) {
            Ok(_) => return next,
            Err(seen) => last = seen,
        }
    }
}

fn known_names() -> String {
    Fault::catalogue().iter().map(ToString::to_string).collect::<Vec<_>>().join(", ")
}

impl fmt::Display for Fault {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Fault::FoldSetCookie => f.write_str("fold-set-cookie"),
            Fault::DropHeader(name) => write!(f, "drop-header:{name}"),
            Fault::ChangeStatus => f.write_str("change-status"),
            Fault::RelativeLocation => f.write_str("relative-location"),
            Fault::StripCacheControl => f.write_str("strip-cache-control"),
            Fault::RewriteCacheControl => f.write_str("rewrite-cache-control"),
            Fault::NeverCache => f.write_str("never-cache"),
            Fault::NeverRevalidate => f.write_str("never-revalidate"),
            Fault::ChangeContentType => f.write_str("change-content-type"),
            Fault::TrimBody => f.write_str("trim-body"),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn response(headers: &[(&str, &str)], body: &str) -> Response {
        Response::from_parts(200, headers, body)
    }

    #[test]
    fn names_round_trip() {
        for fault in Fault::catalogue() {
            assert_eq!(Fault::parse(&fault.to_string()), Ok(fault));
        }
        assert!(Fault::parse("drop-header:").is_err());
    }

    #[test]
    fn each_fault_changes_what_it_names() {
        let mut r = response(&[("set-cookie", "a=1"), ("set-cookie", "b=2"), ("location", "http://h:1/x?y")], "body");
        Fault::FoldSetCookie.apply(&mut r);
        assert_eq!(r.header_values("set-cookie").collect::<Vec<_>>(), ["a=1, b=2"]);
        Fault::RelativeLocation.apply(&mut r);
        assert_eq!(r.header("location").as_deref(), Some("/x?y"));
        Fault::TrimBody.apply(&mut r);
        assert_eq!(r.body, b"bod");
        Fault::ChangeStatus.apply(&mut r);
        assert_eq!(r.status, 201);
    }

    #[test]
    fn never_cache_renews_times_and_drops_the_cache_state() {
        let body = r#"{"now":1795625152208,"n":12}"#;
        let mut a = response(&[("x-nextjs-cache", "HIT"), ("cache-control", "s-maxage=2")], body);
        let mut b = response(&[], body);
        Fault::NeverCache.apply(&mut a);
        Fault::NeverCache.apply(&mut b);
        assert_eq!(a.header("x-nextjs-cache"), None);
        assert_ne!(a.body, body.as_bytes());
        assert_ne!(a.body, b.body);
        assert!(String::from_utf8(a.body).unwrap().ends_with(r#","n":12}"#));
        let mut r = response(&[("cache-control", "s-maxage=2")], "");
        Fault::RewriteCacheControl.apply(&mut r);
        assert_eq!(r.header("cache-control").as_deref(), Some("public, max-age=0"));
    }
}
