//! A target's answer as the matchers see it: status, headers in the order received (repeated
//! headers kept), and the body up to the harness's size cap.

use serde::Serialize;

#[derive(Debug, Clone, Default, Serialize)]
pub struct Response {
    pub status: u16,
    /// Header names in lower case, values as received (bytes that are not UTF-8 replaced).
    pub headers: Vec<(String, String)>,
    pub body: Vec<u8>,
    /// True when the body was longer than the cap and only its start was kept.
    pub body_truncated: bool,
}

impl Response {
    /// Every value of the named header, in order.
    pub fn header_values<'a>(&'a self, name: &'a str) -> impl Iterator<Item = &'a str> + 'a {
        self.headers.iter().filter(move |(n, _)| n.eq_ignore_ascii_case(name)).map(|(_, v)| v.as_str())
    }

    /// The named header's field value: repeated fields joined with ", " as HTTP defines.
    pub fn header(&self, name: &str) -> Option<String> {
        let values: Vec<&str> = self.header_values(name).collect();
        (!values.is_empty()).then(|| values.join(", "))
    }

    pub fn body_text(&self) -> std::borrow::Cow<'_, str> {
        String::from_utf8_lossy(&self.body)
    }
}
