//! The request's `Content-Type` as the `content-type` package parses it for Next.js's body
//! parser: a lower-cased `type/subtype` and the `charset` parameter. A header that does not
//! parse counts as `text/plain`, as Next.js falls back to it.

/// The parts of a media type the body parser uses.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MediaType {
    /// `type/subtype`, lower case.
    pub essence: String,
    /// The `charset` parameter as written, unquoted.
    pub charset: Option<String>,
}

impl MediaType {
    /// Parses a `Content-Type` value; a missing or malformed one is `text/plain`.
    pub fn parse(header: Option<&str>) -> MediaType {
        header.and_then(parse_strict).unwrap_or_else(|| MediaType { essence: "text/plain".into(), charset: None })
    }
}

fn is_token(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b"!#$%&'*+.^_`|~-".contains(&b)
}

fn parse_strict(header: &str) -> Option<MediaType> {
    let (essence, mut params) = match header.find(';') {
        Some(i) => (&header[..i], &header[i..]),
        None => (header, ""),
    };
    let essence = essence.trim();
    let (kind, subtype) = essence.split_once('/')?;
    if kind.is_empty() || subtype.is_empty() || !kind.bytes().chain(subtype.bytes()).all(is_token) {
        return None;
    }
    let mut charset = None;
    while !params.is_empty() {
        let (name, value, rest) = parameter(params)?;
        if name.eq_ignore_ascii_case("charset") {
            charset = Some(value);
        }
        params = rest;
    }
    Some(MediaType { essence: essence.to_ascii_lowercase(), charset })
}

/// One `; name=value` (spaces allowed around `=` and after the value); the value a token or a
/// quoted string.
fn parameter(input: &str) -> Option<(&str, String, &str)> {
    let rest = input.strip_prefix(';')?.trim_start_matches(' ');
    let name_end = rest.bytes().position(|b| !is_token(b)).unwrap_or(rest.len());
    let (name, rest) = rest.split_at(name_end);
    let rest = rest.trim_start_matches(' ').strip_prefix('=')?.trim_start_matches(' ');
    if name.is_empty() {
        return None;
    }
    let (value, rest) = if let Some(quoted) = rest.strip_prefix('"') {
        let mut value = String::new();
        let mut chars = quoted.char_indices();
        loop {
            match chars.next()? {
                (i, '"') => break (value, &quoted[i + 1..]),
                (_, '\\') => value.push(chars.next()?.1),
                (_, c) => value.push(c),
            }
        }
    } else {
        let end = rest.bytes().position(|b| !is_token(b)).unwrap_or(rest.len());
        if end == 0 {
            return None;
        }
        (rest[..end].to_owned(), &rest[end..])
    };
    Some((name, value, rest.trim_start_matches(' ')))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parsed(header: &str) -> (String, Option<String>) {
        let m = MediaType::parse(Some(header));
        (m.essence, m.charset)
    }

    #[test]
    fn essence_is_lower_cased_and_charset_read() {
        assert_eq!(parsed("APPLICATION/JSON"), ("application/json".into(), None));
        assert_eq!(parsed("text/plain; charset=latin1"), ("text/plain".into(), Some("latin1".into())));
        assert_eq!(parsed("text/plain;CHARSET=\"utf-8\"; a=b"), ("text/plain".into(), Some("utf-8".into())));
    }

    #[test]
    fn malformed_headers_are_text_plain() {
        for header in ["garbage", "application/json;", "application/json; charset", "a/b c", "/json"] {
            assert_eq!(parsed(header), ("text/plain".into(), None), "{header}");
        }
        assert_eq!(MediaType::parse(None).essence, "text/plain");
    }
}
