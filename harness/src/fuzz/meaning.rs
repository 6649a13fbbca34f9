//! What of an answer fuzzing compares. Two servers that both compress an answer rarely make
//! the same bytes, and no two builds of an app make the same page markup (chunk names, inline
//! payloads, build ids), so an answer is first put in a form where only what it means is left:
//!
//! - a body sent with `Content-Encoding: gzip` or `deflate` is decoded (the header itself is
//!   still compared);
//! - an HTML page becomes the text a reader sees, a line for the text between two tags
//!   (comments, which React puts between adjacent texts, join them; scripts, styles and
//!   templates are left out), so a wrong page, a missing heading or another error text still
//!   differs, while markup does not.
//!
//! Everything else (status, every header, other bodies) is compared as received.

use flate2::read::{DeflateDecoder, GzDecoder, ZlibDecoder};
use html5gum::{Token, Tokenizer};
use spec::Response;
use std::io::Read;

/// `response` with its body decoded and, for an HTML page, read as text.
pub fn meaning(response: &Response) -> Response {
    let mut seen = response.clone();
    if let Some(decoded) = decoded(response) {
        seen.body = decoded;
    }
    let content_type = seen.header("content-type").unwrap_or_default().to_ascii_lowercase();
    if content_type.starts_with("text/html") {
        seen.body = visible_text(&String::from_utf8_lossy(&seen.body)).into_bytes();
    }
    seen
}

/// The body decoded per its `Content-Encoding`, when it is gzip or deflate and decodes.
fn decoded(response: &Response) -> Option<Vec<u8>> {
    let encoding = response.header("content-encoding")?.trim().to_ascii_lowercase();
    let body = response.body.as_slice();
    let mut out = Vec::new();
    let read = match encoding.as_str() {
        "gzip" | "x-gzip" => GzDecoder::new(body).read_to_end(&mut out),
        // HTTP's deflate is zlib-wrapped; some servers send it raw.
        "deflate" => ZlibDecoder::new(body).read_to_end(&mut out).or_else(|_| {
            out.clear();
            DeflateDecoder::new(body).read_to_end(&mut out)
        }),
        _ => return None,
    };
    read.ok().map(|_| out)
}

/// Elements whose content no reader sees.
const UNSEEN: [&str; 5] = ["script", "style", "template", "noscript", "svg"];

/// The texts of `html` a reader sees, trimmed, a line for each run of text between two tags.
fn visible_text(html: &str) -> String {
    let mut lines = Vec::new();
    let mut line = String::new();
    let mut unseen_depth = 0usize;
    let unseen = |name: &[u8]| UNSEEN.iter().any(|n| n.as_bytes().eq_ignore_ascii_case(name));
    for Ok(token) in Tokenizer::new(html) {
        let tag_name = match &token {
            Token::StartTag(tag) => Some(&tag.name),
            Token::EndTag(tag) => Some(&tag.name),
            _ => None,
        };
        if tag_name.is_some() {
            let text = line.trim();
            if !text.is_empty() {
                lines.push(text.to_owned());
            }
            line.clear();
        }
        match token {
            Token::StartTag(tag) if !tag.self_closing && unseen(&tag.name) => unseen_depth += 1,
            Token::EndTag(tag) if unseen(&tag.name) => unseen_depth = unseen_depth.saturating_sub(1),
            Token::String(text) if unseen_depth == 0 => line.push_str(&String::from_utf8_lossy(&text)),
            _ => {}
        }
    }
    lines.extend(Some(line.trim().to_owned()).filter(|l| !l.is_empty()));
    lines.join("\n")
}

#[cfg(test)]
mod tests {
    use super::*;
    use flate2::Compression;
    use flate2::write::GzEncoder;
    use std::io::Write;

    #[test]
    fn a_page_is_the_text_a_reader_sees() {
        let html = r#"<!DOCTYPE html><html><head><title>T</title><script>self.__next_f.push([1,"x"])</script><style>p{}</style></head>
            <body><h1>Hello</h1><template><p>later</p></template><p> a <b>b</b></p><noscript>enable JS</noscript></body></html>"#;
        assert_eq!(visible_text(html), "T\nHello\na\nb");
        assert_eq!(visible_text("<h2>Method Not Allowed<!-- -->.</h2>"), "Method Not Allowed.", "a comment joins the texts around it");
    }

    #[test]
    fn a_gzipped_page_is_decoded_then_read() {
        let mut gz = GzEncoder::new(Vec::new(), Compression::default());
        gz.write_all(b"<p>hi</p>").unwrap();
        let response = Response::from_parts(200, &[("content-type", "text/html; charset=utf-8"), ("content-encoding", "gzip")], gz.finish().unwrap());
        let seen = meaning(&response);
        assert_eq!(seen.body, b"hi");
        assert_eq!(seen.header("content-encoding").as_deref(), Some("gzip"), "the header is still compared");
    }

    #[test]
    fn other_bodies_are_kept() {
        let response = Response::from_parts(200, &[("content-type", "application/json")], r#"{"a":1}"#);
        assert_eq!(meaning(&response).body, response.body);
    }
}
