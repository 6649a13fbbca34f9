//! A target's answer as the matchers see it: status, headers in the order received (repeated
//! headers kept), and the body up to the harness's size cap.

use serde::Serialize;

#[derive(Debug, Clone, Default, Serialize)]
pub struct Response {
    pub status: u16,
    /// The reason phrase of the status line, as received (`OK`, `Body exceeded 1mb limit`).
    pub reason: Option<String>,
    /// Header names in lower case, values as received (bytes that are not UTF-8 replaced).
    pub headers: Vec<(String, String)>,
    pub body: Vec<u8>,
    /// True when the body was longer than the cap and only its start was kept.
    pub body_truncated: bool,
    /// When the response head arrived, by the client's clock: what dates relative to the
    /// response are measured from when it has no `Date` header.
    #[serde(skip)]
    pub received_at: Option<std::time::SystemTime>,
}

impl Response {
    /// A response with these headers (names as given) and body, the reason phrase unknown.
    pub fn from_parts(status: u16, headers: &[(&str, &str)], body: impl Into<Vec<u8>>) -> Response {
        let headers = headers.iter().map(|(n, v)| (n.to_string(), v.to_string())).collect();
        Response { status, reason: None, headers, body: body.into(), body_truncated: false, received_at: None }
    }

    /// Every value of the named header, in order.
    pub fn header_values<'a>(&'a self, name: &'a str) -> impl Iterator<Item = &'a str> + 'a {
        self.headers.iter().filter(move |(n, _)| n.eq_ignore_ascii_case(name)).map(|(_, v)| v.as_str())
    }

    /// The named header's field value: repeated fields joined with ", " as HTTP defines.
    pub fn header(&self, name: &str) -> Option<String> {
        let values: Vec<&str> = self.header_values(name).collect();
        (!values.is_empty()).then(|| values.join(", "))
    }

    /// The instant the response stands for: its `Date` header, else when it arrived.
    pub fn date(&self) -> Option<std::time::SystemTime> {
        let sent = self.header("date").and_then(|d| httpdate::parse_http_date(&d).ok());
        sent.or(self.received_at)
    }

    pub fn body_text(&self) -> std::borrow::Cow<'_, str> {
        String::from_utf8_lossy(&self.body)
    }
}
