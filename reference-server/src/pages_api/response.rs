//! `res` of an API route: Node's `ServerResponse` surface the fixture uses (status, headers,
//! `write`, `end`) and the helpers Next.js adds: `status`, `json`, `send`, `redirect`,
//! `revalidate`, the preview and draft mode switches (`setPreviewData`, `clearPreviewData`,
//! `setDraftMode`), plus the `sendError` Next.js answers failures with.
//!
//! `res.send` is where Next.js computes the ETag (of the body as sent, or of
//! `JSON.stringify(buffer)` for a Buffer) and answers `304` to a request it is fresh for.

use crate::fresh::Conditional;
use super::revalidate::{self, NothingToRevalidate, Revalidate};
use crate::preview_data;
use crate::etag::etag;
use crate::web::Thrown;
use bytes::Bytes;
use serde_json::Value;

const JSON_CONTENT_TYPE: &str = "application/json; charset=utf-8";

/// What `res.send(body)` is given.
#[derive(Debug, Clone, PartialEq)]
pub enum Payload {
    /// A string, sent as is with no content type of its own.
    Text(String),
    /// An object, array, number or boolean: sent as JSON; `null` ends the response empty.
    Json(Value),
    /// A Buffer: sent as bytes, `application/octet-stream` unless a content type is set.
    Buffer(Vec<u8>),
}

/// Header fields in the order first set, each with the name as last spelled and its values.
pub type HeaderFields = Vec<(String, Vec<String>)>;

/// What an ended response consists of, for the wire.
#[derive(Debug, Clone, PartialEq)]
pub struct Parts {
    pub status: u16,
    /// The status text when one was set (`sendError`); else the standard one.
    pub status_message: Option<String>,
    pub headers: HeaderFields,
    pub chunks: Vec<Bytes>,
}

/// The response an API route builds. Once ended, further writes are ignored.
#[derive(Clone)]
pub struct ApiResponse<'a> {
    status: u16,
    /// A status code Node refuses (outside 100-999), set by [`ApiResponse::status_number`]:
    /// writing the head throws.
    refused_status: Option<f64>,
    status_message: Option<String>,
    headers: HeaderFields,
    chunks: Vec<Bytes>,
    ended: bool,
    conditional: Conditional,
    /// What `res.revalidate` asks to render again.
    server: &'a dyn Revalidate,
}

impl std::fmt::Debug for ApiResponse<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("ApiResponse").field("status", &self.status).field("headers", &self.headers).field("ended", &self.ended).finish()
    }
}

impl<'a> ApiResponse<'a> {
    /// A fresh `res` for a request with these conditional headers, on a server with no page to
    /// revalidate.
    pub fn new(conditional: Conditional) -> ApiResponse<'a> {
        ApiResponse::on(conditional, &NothingToRevalidate)
    }

    /// A fresh `res` whose `res.revalidate` asks `server`.
    pub fn on(conditional: Conditional, server: &'a dyn Revalidate) -> ApiResponse<'a> {
        ApiResponse { status: 200, refused_status: None, status_message: None, headers: Vec::new(), chunks: Vec::new(), ended: false, conditional, server }
    }

    pub fn is_ended(&self) -> bool {
        self.ended
    }

    /// `res.status(code)`
    pub fn status(&mut self, code: u16) -> &mut Self {
        self.status = code;
        self
    }

    /// `res.status(code)` with any JavaScript number (`NaN` for what is not one): Node keeps its
    /// integer part, and refuses, when the head is written, a code outside 100-999.
    pub fn status_number(&mut self, code: f64) -> &mut Self {
        let integer = code.trunc();
        if integer.is_finite() && (100.0..=999.0).contains(&integer) {
            self.status = integer as u16;
        } else {
            self.refused_status = Some(code);
        }
        self
    }

    /// `res.setHeader(name, value)`
    pub fn set_header(&mut self, name: &str, value: &str) -> &mut Self {
        self.set_header_list(name, &[value])
    }

    /// `res.setHeader(name, [values])`: one header field per value.
    pub fn set_header_list(&mut self, name: &str, values: &[&str]) -> &mut Self {
        let values = values.iter().map(|v| (*v).to_owned()).collect();
        match self.headers.iter_mut().find(|(n, _)| n.eq_ignore_ascii_case(name)) {
            Some(field) => *field = (name.to_owned(), values),
            None => self.headers.push((name.to_owned(), values)),
        }
        self
    }

    fn has_header(&self, name: &str) -> bool {
        self.headers.iter().any(|(n, _)| n.eq_ignore_ascii_case(name))
    }

    fn remove_header(&mut self, name: &str) {
        self.headers.retain(|(n, _)| !n.eq_ignore_ascii_case(name));
    }

    /// `res.write(chunk)`
    pub fn write(&mut self, chunk: &[u8]) -> &mut Self {
        if !self.ended && !chunk.is_empty() {
            self.chunks.push(Bytes::copy_from_slice(chunk));
        }
        self
    }

    /// `res.end(chunk)`; an empty chunk is `res.end()`. With a status Node refuses, writing the
    /// head throws (`RangeError: Invalid status code`) and the route fails: Next.js answers with
    /// [`ApiResponse::send_error`] over the fields already set.
    pub fn end(&mut self, chunk: &[u8]) {
        if self.refused_status.take().is_some() && !self.ended {
            self.chunks.clear();
            return self.send_error(500, "Internal Server Error");
        }
        self.write(chunk);
        self.ended = true;
    }

    /// `res.json(body)`: sets the JSON content type, then sends `JSON.stringify(body)` as a string.
    pub fn json(&mut self, body: &Value) {
        self.set_header("Content-Type", JSON_CONTENT_TYPE);
        self.send(Payload::Text(body.to_string()));
    }

    /// `res.send(body)`
    pub fn send(&mut self, body: Payload) {
        if body == Payload::Json(Value::Null) {
            return self.end(b"");
        }
        if self.status == 204 || self.status == 304 {
            for name in ["Content-Type", "Content-Length", "Transfer-Encoding"] {
                self.remove_header(name);
            }
            return self.end(b"");
        }
        let stringified = match &body {
            Payload::Text(text) => text.clone(),
            Payload::Json(value) => value.to_string(),
            Payload::Buffer(bytes) => buffer_json(bytes),
        };
        let tag = etag(&stringified);
        self.set_header("ETag", &tag);
        if self.conditional.fresh(&tag) {
            self.status = 304;
            return self.end(b"");
        }
        let bytes = match body {
            Payload::Buffer(bytes) => {
                if !self.has_header("Content-Type") {
                    self.set_header("Content-Type", "application/octet-stream");
                }
                bytes
            }
            Payload::Json(_) => {
                self.set_header("Content-Type", JSON_CONTENT_TYPE);
                stringified.into_bytes()
            }
            Payload::Text(_) => stringified.into_bytes(),
        };
        self.set_header("Content-Length", &bytes.len().to_string());
        self.end(&bytes);
    }

    /// `res.redirect([status,] url)`: `status` defaults to 307; the body is the URL.
    pub fn redirect(&mut self, status: Option<u16>, url: &str) {
        self.status = status.unwrap_or(307);
        self.set_header("Location", url);
        self.write(url.as_bytes());
        self.end(b"");
    }

    /// `await res.revalidate(urlPath)`
    pub fn revalidate(&self, url_path: Option<&Value>) -> Result<(), Thrown> {
        revalidate::revalidate(url_path, self.server)
    }

    /// `res.setPreviewData(data)`: the preview cookies, after any `Set-Cookie` already set.
    pub fn set_preview_data(&mut self, data: &Value) -> &mut Self {
        self.append_set_cookie(preview_data::set_preview_data_lines(data))
    }

    /// `res.clearPreviewData()`
    pub fn clear_preview_data(&mut self) -> &mut Self {
        self.append_set_cookie(preview_data::clear_preview_data_lines())
    }

    /// `res.setDraftMode({ enable })`
    pub fn set_draft_mode(&mut self, enable: bool) -> &mut Self {
        self.append_set_cookie(vec![preview_data::set_draft_mode_line(enable)])
    }

    fn append_set_cookie(&mut self, lines: Vec<String>) -> &mut Self {
        match self.headers.iter_mut().find(|(n, _)| n.eq_ignore_ascii_case("set-cookie")) {
            Some((_, values)) => values.extend(lines),
            None => self.headers.push(("Set-Cookie".to_owned(), lines)),
        }
        self
    }

    /// Next.js's `sendError`: `status` with `message` as status text and body.
    pub fn send_error(&mut self, status: u16, message: &str) {
        self.status = status;
        self.status_message = Some(message.to_owned());
        self.end(message.as_bytes());
    }

    pub fn into_parts(self) -> Parts {
        Parts { status: self.status, status_message: self.status_message, headers: self.headers, chunks: self.chunks }
    }
}

/// `JSON.stringify(buffer)`: `{"type":"Buffer","data":[...bytes]}`.
fn buffer_json(bytes: &[u8]) -> String {
    let data: Vec<String> = bytes.iter().map(u8::to_string).collect();
    format!("{{\"type\":\"Buffer\",\"data\":[{}]}}", data.join(","))
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;
    use serde_json::json;

    fn sent(body: Payload) -> Parts {
        let mut res = ApiResponse::new(Conditional::default());
        res.send(body);
        res.into_parts()
    }

    fn header<'a>(headers: &'a [(String, Vec<String>)], name: &str) -> Option<&'a str> {
        headers.iter().find(|(n, _)| n.eq_ignore_ascii_case(name)).map(|(_, v)| v[0].as_str())
    }

    #[test]
    fn etags_match_those_next_start_sent() {
        // Seen on next start 16.4.6 and 15.5.29 for these handlers of fixture-app/pages/api/res.
        let Parts { headers, .. } = sent(Payload::Text("Hello from Next.js!".into()));
        assert_eq!(header(&headers, "etag"), Some("\"731kqan6y1j\""));
        assert_eq!(header(&headers, "content-type"), None);
        let Parts { headers, .. } = sent(Payload::Json(json!({ "result": "ok" })));
        assert_eq!(header(&headers, "etag"), Some("\"123nw43g918f\""));
        assert_eq!(header(&headers, "content-type"), Some(JSON_CONTENT_TYPE));
        let Parts { headers, chunks, .. } = sent(Payload::Buffer(b"binary data".to_vec()));
        assert_eq!(header(&headers, "etag"), Some("\"6s50sayl5z1t\""));
        assert_eq!(header(&headers, "content-type"), Some("application/octet-stream"));
        assert_eq!(chunks.concat(), b"binary data");
    }

    #[test]
    fn json_sets_its_type_before_the_etag() {
        let mut res = ApiResponse::new(Conditional::default());
        res.json(&json!({ "message": "Hello from Next.js!" }));
        let Parts { headers, .. } = res.into_parts();
        let names: Vec<&str> = headers.iter().map(|(n, _)| n.as_str()).collect();
        assert_eq!(names, ["Content-Type", "ETag", "Content-Length"]);
        assert_eq!(header(&headers, "etag"), Some("\"x0q7xhtzoxx\""));
    }

    #[test]
    fn no_content_statuses_and_null_send_nothing() {
        let mut res = ApiResponse::new(Conditional::default());
        res.set_header("Content-Type", "text/plain").status(204).send(Payload::Text("ignored".into()));
        let Parts { status, headers, chunks, .. } = res.into_parts();
        assert_eq!((status, headers.len(), chunks.len()), (204, 0, 0));
        let Parts { status, headers, chunks, .. } = sent(Payload::Json(Value::Null));
        assert_eq!((status, headers.len(), chunks.len()), (200, 0, 0));
    }

    #[test]
    fn redirect_defaults_to_307_with_the_url_as_body() {
        let mut res = ApiResponse::new(Conditional::default());
        res.redirect(None, "/to");
        assert!(res.is_ended());
        let Parts { status, headers, chunks, .. } = res.into_parts();
        assert_eq!((status, header(&headers, "location"), chunks.concat()), (307, Some("/to"), b"/to".to_vec()));
    }

    #[test]
    fn a_status_node_refuses_fails_into_the_error_answer() {
        let mut res = ApiResponse::new(Conditional::default());
        res.status_number(1000.0).json(&json!({ "code": "1000" }));
        let Parts { status, status_message, headers, chunks } = res.into_parts();
        assert_eq!((status, status_message.as_deref()), (500, Some("Internal Server Error")));
        assert_eq!(header(&headers, "content-length"), Some("15"));
        assert_eq!(chunks.concat(), b"Internal Server Error");
        let mut res = ApiResponse::new(Conditional::default());
        res.status_number(200.5).json(&json!({}));
        assert_eq!(res.into_parts().status, 200);
    }

    #[test]
    fn set_header_replaces_in_place() {
        let mut res = ApiResponse::new(Conditional::default());
        res.set_header("a", "1").set_header("b", "2").set_header("A", "3");
        let Parts { headers, .. } = res.into_parts();
        assert_eq!(headers, [("A".to_owned(), vec!["3".to_owned()]), ("b".to_owned(), vec!["2".to_owned()])]);
    }

    fn conditional(if_none_match: &str) -> Conditional {
        let mut headers = http::HeaderMap::new();
        headers.insert(http::header::IF_NONE_MATCH, if_none_match.parse().unwrap());
        Conditional::from_headers(&headers)
    }

    proptest! {
        #[test]
        fn send_tags_any_body_and_answers_304_to_that_tag_only(body in "\\PC*", other in "\\PC*") {
            let Parts { status, headers, chunks, .. } = sent(Payload::Text(body.clone()));
            let tag = header(&headers, "etag").unwrap().to_owned();
            prop_assert_eq!(status, 200);
            prop_assert_eq!(&tag, &etag(&body));
            prop_assert!(tag.len() > 2 && tag.starts_with('"') && tag.ends_with('"'));
            prop_assert!(tag[1..tag.len() - 1].bytes().all(|b| b.is_ascii_digit() || b.is_ascii_lowercase()));
            prop_assert_eq!(chunks.concat(), body.as_bytes().to_vec());
            prop_assert_eq!(header(&headers, "content-length").map(str::to_owned), Some(body.len().to_string()));

            let mut revisit = ApiResponse::new(conditional(&tag));
            revisit.send(Payload::Text(body.clone()));
            let Parts { status, headers, chunks, .. } = revisit.into_parts();
            prop_assert_eq!((status, chunks.len()), (304, 0));
            prop_assert_eq!(header(&headers, "etag"), Some(tag.as_str()));
            prop_assert_eq!(header(&headers, "content-length"), None);

            let mut changed = ApiResponse::new(conditional(&tag));
            changed.send(Payload::Text(other.clone()));
            let Parts { status, .. } = changed.into_parts();
            prop_assert_eq!(status, if etag(&other) == tag { 304 } else { 200 });
        }

        #[test]
        fn json_and_buffer_bodies_are_tagged_by_their_serialized_form(bytes in proptest::collection::vec(any::<u8>(), 0..64), n in any::<i64>()) {
            let Parts { headers, chunks, .. } = sent(Payload::Buffer(bytes.clone()));
            prop_assert_eq!(header(&headers, "etag").map(str::to_owned), Some(etag(&buffer_json(&bytes))));
            prop_assert_eq!(chunks.concat(), bytes);
            let Parts { headers, .. } = sent(Payload::Json(json!({ "n": n })));
            prop_assert_eq!(header(&headers, "etag").map(str::to_owned), Some(etag(&format!("{{\"n\":{n}}}"))));
        }
    }
}
