//! `draftMode()` from `next/headers`, as `next start` implements it: enabling sets the
//! `__prerender_bypass` cookie to the build's preview-mode id, disabling expires it, and
//! `isEnabled` holds when the request carries the cookie with that id. A request with a stale
//! preview session gets both cookies cleared (see [`crate::preview_data`] and
//! [`crate::rendering`], where the route module clears them).

use crate::web::RouteRequest;
use std::hash::{DefaultHasher, Hash, Hasher};
use std::sync::OnceLock;

/// The cookie that turns draft mode on.
pub const COOKIE: &str = "__prerender_bypass";
/// The Pages Router preview-data cookie, cleared with it.
pub const DATA_COOKIE: &str = "__next_preview_data";
/// The attributes `next start` gives the cookie after `Path=/` (production: a cross-site cookie).
const ATTRIBUTES: &str = "Secure; HttpOnly; SameSite=none";

/// The preview-mode id: 32 hex digits. `next build` draws a new one each build and every
/// `next start` of that build uses it; the reference server has no build, so the id is fixed
/// per reference-server release and all its processes agree, as servers of one build do.
pub fn preview_mode_id() -> &'static str {
    static ID: OnceLock<String> = OnceLock::new();
    ID.get_or_init(|| {
        let word = |salt: &str| {
            let mut hasher = DefaultHasher::new();
            (env!("CARGO_PKG_NAME"), env!("CARGO_PKG_VERSION"), salt).hash(&mut hasher);
            hasher.finish()
        };
        format!("{:016x}{:016x}", word("high"), word("low"))
    })
}

/// Both preview cookies expired, as Next.js clears a preview session.
pub fn expired_session_lines() -> Vec<String> {
    [COOKIE, DATA_COOKIE]
        .map(|name| format!("{name}=; Path=/; Expires=Thu, 01 Jan 1970 00:00:00 GMT; HttpOnly; Secure; SameSite=None"))
        .to_vec()
}

/// `draftMode().isEnabled`
pub fn is_enabled(request: &RouteRequest) -> bool {
    request.cookies.borrow().get(COOKIE).is_some_and(|cookie| cookie.get("value").and_then(|v| v.as_str()) == Some(preview_mode_id()))
}

/// The `Set-Cookie` line of `draftMode().enable()`.
pub fn enable_cookie() -> String {
    format!("{COOKIE}={}; Path=/; {ATTRIBUTES}", preview_mode_id())
}

/// The `Set-Cookie` line of `draftMode().disable()`.
pub fn disable_cookie() -> String {
    format!("{COOKIE}=; Path=/; Expires=Thu, 01 Jan 1970 00:00:00 GMT; {ATTRIBUTES}")
}

#[cfg(test)]
mod tests {
    use super::*;
    use bytes::Bytes;

    fn request(cookie: &str) -> RouteRequest<'static> {
        let mut headers = http::HeaderMap::new();
        headers.insert("cookie", cookie.parse().unwrap());
        RouteRequest::new("GET".into(), "/".into(), String::new(), headers, Bytes::new(), None, 3000, Default::default())
    }

    #[test]
    fn only_the_preview_mode_id_enables_draft_mode() {
        assert!(preview_mode_id().len() == 32 && preview_mode_id().bytes().all(|b| b.is_ascii_hexdigit()));
        assert!(is_enabled(&request(&format!("{COOKIE}={}", preview_mode_id()))));
        assert!(!is_enabled(&request(&format!("{COOKIE}=abc"))));
        assert!(!is_enabled(&request("other=1")));
    }

    #[test]
    fn enable_and_disable_lines() {
        assert_eq!(enable_cookie(), format!("__prerender_bypass={}; Path=/; Secure; HttpOnly; SameSite=none", preview_mode_id()));
        assert!(disable_cookie().starts_with("__prerender_bypass=; Path=/; Expires=Thu, 01 Jan 1970"));
    }
}
