//! Evidence of an exchange: the request as sent, the response as received (a binary body as
//! its size and hash), what was expected and captured, how often it was sent, and a `curl`
//! command that sends the same request again.

use crate::settling::Settling;
use serde::{Deserialize, Serialize};
use spec::capture::CaptureSource;
use spec::{Mismatch, Response};
use std::collections::BTreeMap;

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct SentRequest {
    pub method: String,
    pub url: String,
    /// The headers the case sets, in order (the client adds `host` and `accept: */*`).
    pub headers: Vec<(String, String)>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub body: Option<String>,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct ReceivedResponse {
    pub status: u16,
    /// The status line's reason phrase.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reason: Option<String>,
    /// In the order received; repeated headers kept.
    pub headers: Vec<(String, String)>,
    /// The body as text, up to [`BODY_EXCERPT`] bytes; empty for a binary body.
    pub body: String,
    /// The body's length as received (up to the client's cap).
    pub body_bytes: usize,
    /// True when the body was longer than the client's cap.
    pub body_truncated: bool,
    /// For a body that is not text (not UTF-8: an image, compressed bytes), the SHA-256 of its
    /// bytes in hex, shown with its size in place of the bytes.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub body_sha256: Option<String>,
}

impl ReceivedResponse {
    /// The body as reports show it: its text, or `binary, sha256 …` for bytes that are not text.
    pub fn body_shown(&self) -> String {
        match &self.body_sha256 {
            Some(hash) => format!("(binary, sha256 {hash})"),
            None => self.body.clone(),
        }
    }
}

/// How much of a body evidence keeps.
pub const BODY_EXCERPT: usize = 16 * 1024;

impl SentRequest {
    /// The request as evidence keeps it: a body longer than [`BODY_EXCERPT`] is cut there, with
    /// a note of its whole length (the `curl` command still sends all of it).
    pub fn excerpt(&self) -> SentRequest {
        let mut kept = self.clone();
        if let Some(body) = &mut kept.body
            && body.len() > BODY_EXCERPT
        {
            let total = body.len();
            let mut end = BODY_EXCERPT;
            while !body.is_char_boundary(end) {
                end -= 1;
            }
            body.truncate(end);
            body.push_str(&format!("… ({total} bytes in all)"));
        }
        kept
    }
}

impl From<&Response> for ReceivedResponse {
    fn from(r: &Response) -> Self {
        let excerpt = &r.body[..r.body.len().min(BODY_EXCERPT)];
        // Text cut at the cap may end inside a character; only bytes that are wrong before the
        // end make a body binary.
        let binary = std::str::from_utf8(&r.body).is_err_and(|e| e.error_len().is_some());
        ReceivedResponse {
            status: r.status,
            reason: r.reason.clone(),
            headers: r.headers.clone(),
            body: if binary { String::new() } else { String::from_utf8_lossy(excerpt).into_owned() },
            body_bytes: r.body.len(),
            body_truncated: r.body_truncated,
            body_sha256: binary.then(|| sha256_hex(&r.body)),
        }
    }
}

/// The SHA-256 of `bytes`, in lower-case hex.
pub fn sha256_hex(bytes: &[u8]) -> String {
    ring::digest::digest(&ring::digest::SHA256, bytes).as_ref().iter().map(|b| format!("{b:02x}")).collect()
}

/// Why a case ended as it did, one per step that did not pass: an exchange checked against the
/// step's checks, or the same request sent to two servers and their answers compared.
// One is made per case that does not pass, so the size of the larger variant does not matter.
#[allow(clippy::large_enum_variant)]
#[derive(Debug, Clone, Serialize)]
#[serde(untagged)]
pub enum Evidence {
    Check(CheckEvidence),
    Diff(DiffEvidence),
}

#[derive(Debug, Clone, Serialize)]
pub struct CheckEvidence {
    /// 1-based index of the step.
    pub step: usize,
    pub request: SentRequest,
    /// Absent when no response came back.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub response: Option<ReceivedResponse>,
    pub expected: spec::Expect,
    /// The step's `should` table, whose mismatches are warnings.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub should: Option<spec::Should>,
    /// The step's `capture` table: where each value it takes comes from.
    #[serde(skip_serializing_if = "BTreeMap::is_empty")]
    pub capture: BTreeMap<String, CaptureSource>,
    /// The values the step captured or compares, as they were after it.
    #[serde(skip_serializing_if = "BTreeMap::is_empty")]
    pub captured: BTreeMap<String, String>,
    /// How a step that may be sent again (`eventually`) settled.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub eventually: Option<Settling>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub mismatches: Vec<Mismatch>,
    pub curl: String,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct DiffEvidence {
    /// 1-based index of the step.
    pub step: usize,
    pub a: Side,
    pub b: Side,
    pub differences: Vec<Mismatch>,
}

/// One server's side of a compared exchange.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Side {
    pub request: SentRequest,
    /// Absent when no response came back.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub response: Option<ReceivedResponse>,
    pub curl: String,
}

/// A `curl` command that sends `request` as the harness did and shows the response head.
pub fn curl_command(request: &SentRequest) -> String {
    let mut parts = vec!["curl".to_owned(), "-sS".into(), "-i".into(), "--path-as-is".into()];
    match request.method.as_str() {
        "HEAD" => parts.push("--head".into()),
        "GET" => {}
        other => parts.extend(["-X".into(), shell_quote(other)]),
    }
    for (name, value) in &request.headers {
        parts.extend(["-H".into(), shell_quote(&format!("{name}: {value}"))]);
    }
    if let Some(body) = &request.body {
        parts.extend(["--data-binary".into(), body_argument(body)]);
    }
    parts.push(shell_quote(&request.url));
    parts.join(" ")
}

/// Above this length a body that repeats a short text is written as a command that makes it:
/// a shell word holds at most 128 KiB on Linux.
const INLINE_BODY: usize = 4096;

/// The `--data-binary` argument that sends `body`: the body itself, or, for a long body that
/// repeats a short text without newlines, a bash process substitution that writes it.
fn body_argument(body: &str) -> String {
    if body.len() > INLINE_BODY
        && let Some(unit) = (1..=64).filter(|n| body.is_char_boundary(*n)).map(|n| &body[..n]).find(|unit| repeats(body, unit))
        && !unit.contains('\n')
    {
        return format!("@<(yes {} | tr -d '\\n' | head -c {})", shell_quote(unit), body.len());
    }
    shell_quote(body)
}

/// Whether `body` is `unit` written over and over (the last time possibly cut short).
fn repeats(body: &str, unit: &str) -> bool {
    body.as_bytes().chunks(unit.len()).all(|chunk| unit.as_bytes().starts_with(chunk))
}

/// `text` as one shell word: as is when it is safe, otherwise in single quotes.
pub fn shell_quote(text: &str) -> String {
    if !text.is_empty() && text.bytes().all(|b| b.is_ascii_alphanumeric() || b"-_./:=@%+,".contains(&b)) {
        return text.to_owned();
    }
    format!("'{}'", text.replace('\'', r"'\''"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn curl_replays_method_headers_and_body() {
        let request = SentRequest {
            method: "POST".into(),
            url: "http://127.0.0.1:3000/a?q=it's".into(),
            headers: vec![("content-type".into(), "application/json".into())],
            body: Some("{\"a\":1}".into()),
        };
        assert_eq!(
            curl_command(&request),
            r#"curl -sS -i --path-as-is -X POST -H 'content-type: application/json' --data-binary '{"a":1}' 'http://127.0.0.1:3000/a?q=it'\''s'"#
        );
    }

    #[test]
    fn a_long_repeated_body_is_made_by_the_shell_and_cut_in_evidence() {
        let body = "ab".repeat(600_000);
        let request = SentRequest { method: "POST".into(), url: "http://h/x".into(), headers: vec![], body: Some(body.clone()) };
        let curl = curl_command(&request);
        assert_eq!(curl, "curl -sS -i --path-as-is -X POST --data-binary @<(yes ab | tr -d '\\n' | head -c 1200000) http://h/x");
        let output = std::process::Command::new("bash").args(["-c", "cat <(yes ab | tr -d '\\n' | head -c 1200000)"]).output();
        if let Ok(output) = output {
            assert_eq!(output.stdout, body.as_bytes());
        }
        let kept = request.excerpt().body.unwrap();
        assert!(kept.len() < BODY_EXCERPT + 64 && kept.ends_with("… (1200000 bytes in all)"), "{}", &kept[kept.len() - 40..]);
        let short = SentRequest { body: Some("x".repeat(10)), ..request };
        assert_eq!(short.excerpt().body, short.body);
        assert!(curl_command(&short).contains("--data-binary xxxxxxxxxx "));
    }

    #[test]
    fn a_binary_body_is_kept_as_its_size_and_hash() {
        let png = Response::from_parts(200, &[("content-type", "image/png")], b"\x89PNG\r\n\x1a\n\xff\xfe".to_vec());
        let kept = ReceivedResponse::from(&png);
        assert_eq!((kept.body.as_str(), kept.body_bytes), ("", 10));
        assert_eq!(kept.body_sha256.as_deref().map(str::len), Some(64));
        assert!(kept.body_shown().starts_with("(binary, sha256 "), "{}", kept.body_shown());
        let cut_text = Response::from_parts(200, &[], "héllo".as_bytes()[..2].to_vec());
        assert_eq!(ReceivedResponse::from(&cut_text).body_sha256, None, "text cut inside a character is still text");
        assert_eq!(sha256_hex(b""), "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    }

    #[test]
    fn head_uses_curl_head_so_it_does_not_wait_for_a_body() {
        let request = SentRequest { method: "HEAD".into(), url: "http://h/x".into(), headers: vec![], body: None };
        assert_eq!(curl_command(&request), "curl -sS -i --path-as-is --head http://h/x");
    }
}
