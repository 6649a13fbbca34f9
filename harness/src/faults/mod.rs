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
            Fault::ChangeContentType,
            Fault::TrimBody,
        ]
    }

    /// `fold-set-cookie`, `drop-header:NAME`, `change-status`, `relative-location`,
    /// `strip-cache-control`, `change-content-type`, `trim-body`.
    pub fn parse(name: &str) -> Result<Fault, String> {
        Ok(match name {
            "fold-set-cookie" => Fault::FoldSetCookie,
            "change-status" => Fault::ChangeStatus,
            "relative-location" => Fault::RelativeLocation,
            "strip-cache-control" => Fault::StripCacheControl,
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
}
