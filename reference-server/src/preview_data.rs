//! The Pages Router's preview mode, as `next start` implements it. `res.setPreviewData(data)`
//! sets the bypass cookie (the build's preview-mode id, as draft mode does) and
//! `__next_preview_data`, a JSON Web Token (HS256) holding the data; `res.clearPreviewData()`
//! expires both; `res.setDraftMode({ enable })` sets or expires the bypass cookie alone, keeping
//! its value when it expires it. Every cookie goes out `Path=/; HttpOnly; Secure; SameSite=None`.
//!
//! A page request's cookies make a [`Session`]: the bypass cookie with this build's id alone is
//! draft mode (`previewData` is `{}`), with a token that verifies it is preview mode with the
//! token's data; a bypass cookie of another build, a token that does not verify, or a token
//! without the bypass cookie is a stale session, which Next.js clears.
//!
//! Next.js encrypts the data inside the token with a per-build key; the reference server signs
//! the token (so it knows its own) and only hex-encodes the data, which no client can tell apart.

use crate::draft_mode::{COOKIE, DATA_COOKIE, expired_session_lines, preview_mode_id};
use base64::Engine as _;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use hmac::{Hmac, KeyInit, Mac};
use serde_json::{Value, json};
use sha2::Sha256;

/// The attributes of every preview cookie after its value.
const ATTRIBUTES: &str = "Path=/; HttpOnly; Secure; SameSite=None";
const EXPIRED: &str = "Path=/; Expires=Thu, 01 Jan 1970 00:00:00 GMT; HttpOnly; Secure; SameSite=None";

/// What a request's preview cookies amount to.
#[derive(Debug, Clone, PartialEq)]
pub enum Session {
    /// Neither cookie.
    None,
    /// Cookies that do not make a session, to be expired.
    Stale,
    /// Draft or preview mode, with the `previewData` the page sees.
    Active(Value),
}

impl Session {
    /// The session of a request with these values of the bypass and preview-data cookies.
    pub fn read(bypass: Option<&str>, data: Option<&str>) -> Session {
        match (bypass, data) {
            (None, None) => Session::None,
            (Some(id), None) if id == preview_mode_id() => Session::Active(json!({})),
            (Some(id), Some(token)) if id == preview_mode_id() => verify(token).map_or(Session::Stale, Session::Active),
            _ => Session::Stale,
        }
    }

    /// The session of a request's `Cookie` header(s).
    pub fn of(headers: &http::HeaderMap) -> Session {
        let pairs: Vec<(String, String)> = headers
            .get_all(http::header::COOKIE)
            .iter()
            .flat_map(|v| crate::cookies::parse_cookie_header(&String::from_utf8_lossy(v.as_bytes())))
            .collect();
        let value = |name: &str| pairs.iter().find(|(n, _)| n == name).map(|(_, v)| v.as_str());
        Session::read(value(COOKIE), value(DATA_COOKIE))
    }

    /// The `Set-Cookie` lines an answer to this session carries: both cookies expired when it is
    /// stale, none otherwise.
    pub fn clearing_lines(&self) -> Vec<String> {
        match self {
            Session::Stale => expired_session_lines(),
            Session::None | Session::Active(_) => Vec::new(),
        }
    }
}

/// The `Set-Cookie` lines of `res.setPreviewData(data)`.
pub fn set_preview_data_lines(data: &Value) -> Vec<String> {
    vec![format!("{COOKIE}={}; {ATTRIBUTES}", preview_mode_id()), format!("{DATA_COOKIE}={}; {ATTRIBUTES}", sign(data))]
}

/// The `Set-Cookie` lines of `res.clearPreviewData()`.
pub fn clear_preview_data_lines() -> Vec<String> {
    expired_session_lines()
}

/// The `Set-Cookie` line of `res.setDraftMode({ enable })`.
pub fn set_draft_mode_line(enable: bool) -> String {
    let attributes = if enable { ATTRIBUTES } else { EXPIRED };
    format!("{COOKIE}={}; {attributes}", preview_mode_id())
}

/// The token's header, `{"alg":"HS256","typ":"JWT"}`, as Next.js's `jsonwebtoken` writes it.
const HEADER: &str = r#"{"alg":"HS256","typ":"JWT"}"#;

fn mac() -> Hmac<Sha256> {
    // The key, like the preview-mode id, is the same for every process of one release.
    let key = format!("{}:preview-data", preview_mode_id());
    Hmac::<Sha256>::new_from_slice(key.as_bytes()).expect("HMAC takes a key of any length")
}

/// The token for `data`: `{ data, iat }` signed with HS256.
fn sign(data: &Value) -> String {
    // No answer shows `iat` (the token is opaque to clients), so it is read from the system
    // clock rather than the app's.
    let iat = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map_or(0, |d| d.as_secs());
    let hex: String = data.to_string().bytes().map(|b| format!("{b:02x}")).collect();
    let payload = json!({ "data": hex, "iat": iat }).to_string();
    let signed = format!("{}.{}", URL_SAFE_NO_PAD.encode(HEADER), URL_SAFE_NO_PAD.encode(payload));
    let mut mac = mac();
    mac.update(signed.as_bytes());
    format!("{signed}.{}", URL_SAFE_NO_PAD.encode(mac.finalize().into_bytes()))
}

/// The data of a token this server signed; `None` for anything else.
fn verify(token: &str) -> Option<Value> {
    let (signed, signature) = token.rsplit_once('.')?;
    let (_, payload) = signed.split_once('.')?;
    let mut mac = mac();
    mac.update(signed.as_bytes());
    mac.verify_slice(&URL_SAFE_NO_PAD.decode(signature).ok()?).ok()?;
    let payload: Value = serde_json::from_slice(&URL_SAFE_NO_PAD.decode(payload).ok()?).ok()?;
    let hex = payload.get("data")?.as_str()?;
    let bytes: Option<Vec<u8>> =
        (0..hex.len()).step_by(2).map(|i| hex.get(i..i + 2).and_then(|b| u8::from_str_radix(b, 16).ok())).collect();
    serde_json::from_slice(&bytes?).ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn token_of(lines: &[String]) -> String {
        lines[1].split_once('=').unwrap().1.split(';').next().unwrap().to_owned()
    }

    #[test]
    fn a_token_set_here_gives_back_its_data_and_nothing_else_verifies() {
        let lines = set_preview_data_lines(&json!({ "user": "fixture" }));
        assert_eq!(lines[0], format!("__prerender_bypass={}; Path=/; HttpOnly; Secure; SameSite=None", preview_mode_id()));
        let token = token_of(&lines);
        assert!(token.starts_with("eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9."), "{token}");
        assert_eq!(token.split('.').count(), 3);
        assert_eq!(verify(&token), Some(json!({ "user": "fixture" })));
        let mut forged = token.clone();
        forged.pop();
        assert_eq!(verify(&forged), None);
        assert_eq!(verify("not-a-token"), None);
    }

    #[test]
    fn sessions_from_cookies() {
        let id = preview_mode_id();
        let token = token_of(&set_preview_data_lines(&json!({ "a": 1 })));
        assert_eq!(Session::read(None, None), Session::None);
        assert_eq!(Session::read(Some(id), None), Session::Active(json!({})));
        assert_eq!(Session::read(Some(id), Some(&token)), Session::Active(json!({ "a": 1 })));
        assert_eq!(Session::read(Some("0123"), None), Session::Stale);
        assert_eq!(Session::read(Some(id), Some("x")), Session::Stale);
        assert_eq!(Session::read(None, Some(&token)), Session::Stale);
        assert_eq!(Session::Stale.clearing_lines().len(), 2);
        assert!(Session::read(Some(id), None).clearing_lines().is_empty());
    }

    #[test]
    fn draft_mode_lines_keep_the_id_when_expiring() {
        assert_eq!(set_draft_mode_line(true), format!("__prerender_bypass={}; Path=/; HttpOnly; Secure; SameSite=None", preview_mode_id()));
        assert!(set_draft_mode_line(false).ends_with("; Path=/; Expires=Thu, 01 Jan 1970 00:00:00 GMT; HttpOnly; Secure; SameSite=None"));
        assert!(set_draft_mode_line(false).starts_with(&format!("__prerender_bypass={}", preview_mode_id())));
    }
}
