//! `req.body`: Next.js's body parser. The body is read up to the route's size limit (counted
//! while reading, so a body is refused as soon as it passes the limit), decoded with the
//! `charset` of its `Content-Type` (UTF-8 by default), then parsed by media type:
//!
//! - `application/json` and `application/ld+json`: JSON; an empty body is `{}`.
//! - `application/x-www-form-urlencoded`: an object of its pairs.
//! - anything else, or no `Content-Type`: the text itself.
//!
//! Failures are answered by Next.js itself with the message as status text and body:
//! `413 Body exceeded <limit> limit`, `400 Invalid JSON`, `400 Invalid body` (a charset it cannot
//! decode, or a body that could not be read).

use super::content_type::MediaType;
use super::querystring;
use super::size_limit::SizeLimit;
use bytes::{Bytes, BytesMut};
use http_body_util::BodyExt;
use serde_json::Value;

/// An error Next.js answers itself: `status`, with `message` as both status text and body.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ApiError {
    pub status: u16,
    pub message: String,
}

impl ApiError {
    fn invalid_body() -> ApiError {
        ApiError { status: 400, message: "Invalid body".into() }
    }
}

/// Reads and parses the body of a request with `headers`.
pub async fn parse<B>(headers: &http::HeaderMap, body: B, limit: &SizeLimit) -> Result<Value, ApiError>
where
    B: hyper::body::Body<Data = Bytes> + Unpin,
{
    let content_type = headers.get(http::header::CONTENT_TYPE).and_then(|v| v.to_str().ok());
    let media = MediaType::parse(content_type);
    // The decoder is chosen before anything is read.
    let decode = decoder(media.charset.as_deref().unwrap_or("utf-8")).ok_or_else(ApiError::invalid_body)?;
    let bytes = read(body, limit).await?;
    interpret(&media.essence, decode(&bytes))
}

/// Reads the whole body, failing once more than `limit` bytes have arrived.
pub async fn read<B>(mut body: B, limit: &SizeLimit) -> Result<Bytes, ApiError>
where
    B: hyper::body::Body<Data = Bytes> + Unpin,
{
    let mut received = BytesMut::new();
    while let Some(frame) = body.frame().await {
        let frame = frame.map_err(|_| ApiError::invalid_body())?;
        let Ok(data) = frame.into_data() else { continue };
        received.extend_from_slice(&data);
        if limit.exceeded_by(received.len() as u64) {
            return Err(ApiError { status: 413, message: format!("Body exceeded {} limit", limit.spelled) });
        }
    }
    Ok(received.freeze())
}

type Decoder = fn(&[u8]) -> String;

/// The decoder for a charset label, normalized as iconv-lite does (lower case, only letters
/// and digits). Only UTF-8 and Latin-1 are known here; other labels iconv-lite knows are a gap
/// of the reference server and are refused like unknown ones.
fn decoder(label: &str) -> Option<Decoder> {
    let normalized: String = label.chars().filter(char::is_ascii_alphanumeric).collect::<String>().to_ascii_lowercase();
    match normalized.as_str() {
        "utf8" => Some(|bytes| String::from_utf8_lossy(bytes).into_owned()),
        "latin1" | "iso88591" | "binary" | "l1" => Some(|bytes| bytes.iter().map(|&b| char::from(b)).collect()),
        _ => None,
    }
}

fn interpret(essence: &str, text: String) -> Result<Value, ApiError> {
    match essence {
        "application/json" | "application/ld+json" => {
            if text.is_empty() {
                return Ok(Value::Object(Default::default()));
            }
            serde_json::from_str(&text).map_err(|_| ApiError { status: 400, message: "Invalid JSON".into() })
        }
        "application/x-www-form-urlencoded" => Ok(Value::Object(querystring::decode(&text))),
        _ => Ok(Value::String(text)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::body::Chunks;
    use http_body_util::Full;
    use serde_json::json;

    fn headers(content_type: Option<&str>) -> http::HeaderMap {
        let mut map = http::HeaderMap::new();
        if let Some(ct) = content_type {
            map.insert(http::header::CONTENT_TYPE, ct.parse().unwrap());
        }
        map
    }

    async fn parsed(content_type: Option<&str>, body: &'static [u8]) -> Result<Value, ApiError> {
        parse(&headers(content_type), Full::new(Bytes::from_static(body)), &SizeLimit::default()).await
    }

    #[tokio::test]
    async fn parses_by_media_type() {
        assert_eq!(parsed(Some("application/json"), b"{\"a\":[1,null]}").await, Ok(json!({ "a": [1, null] })));
        assert_eq!(parsed(Some("application/ld+json"), b"\"s\"").await, Ok(json!("s")));
        assert_eq!(parsed(Some("application/json"), b"").await, Ok(json!({})));
        assert_eq!(parsed(Some("application/x-www-form-urlencoded"), b"a=1&a=2").await, Ok(json!({ "a": ["1", "2"] })));
        assert_eq!(parsed(Some("application/vnd.api+json"), b"{}").await, Ok(json!("{}")));
        assert_eq!(parsed(None, b"plain").await, Ok(json!("plain")));
        assert_eq!(parsed(Some("text/plain; charset=latin1"), b"\xe9").await, Ok(json!("é")));
    }

    #[tokio::test]
    async fn failures_name_their_cause() {
        let invalid_json = parsed(Some("application/json"), b"{oops").await.unwrap_err();
        assert_eq!((invalid_json.status, invalid_json.message.as_str()), (400, "Invalid JSON"));
        let bad_charset = parsed(Some("text/plain; charset=bogus"), b"x").await.unwrap_err();
        assert_eq!((bad_charset.status, bad_charset.message.as_str()), (400, "Invalid body"));
    }

    #[tokio::test]
    async fn the_limit_is_enforced_while_reading() {
        let limit = SizeLimit::from_text("1kb");
        let chunks = |sizes: &[usize]| Chunks::new(sizes.iter().map(|&n| Bytes::from(vec![b'a'; n])).collect());
        assert_eq!(read(chunks(&[512, 512]), &limit).await.map(|b| b.len()), Ok(1024));
        let error = read(chunks(&[512, 512, 1]), &limit).await.unwrap_err();
        assert_eq!((error.status, error.message.as_str()), (413, "Body exceeded 1kb limit"));
    }
}
