//! `request.formData()` as Node's fetch (undici) does it: an
//! `application/x-www-form-urlencoded` body parsed as `URLSearchParams`, a `multipart/form-data`
//! body split on its boundary, and a `TypeError` for any other content type.

use bytes::Bytes;

/// One value of a `FormData` entry.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FormValue {
    Text(String),
    /// A part with a `filename`: a `File` with that name, the part's content type
    /// (`text/plain` when it has none) and its bytes.
    File { name: String, content_type: String, bytes: Bytes },
}

/// A body that `formData()` cannot parse; the handler's `await` throws it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FormError(pub String);

/// The entries of `body` in order, read as its `content_type` says.
pub fn parse(content_type: Option<&str>, body: &[u8]) -> Result<Vec<(String, FormValue)>, FormError> {
    let content_type = content_type.unwrap_or_default();
    let essence = content_type.split(';').next().unwrap_or_default().trim().to_ascii_lowercase();
    match essence.as_str() {
        "application/x-www-form-urlencoded" => Ok(form_urlencoded::parse(body)
            .map(|(k, v)| (k.into_owned(), FormValue::Text(v.into_owned())))
            .collect()),
        "multipart/form-data" => {
            let boundary = parameter(content_type, "boundary").ok_or_else(|| FormError("TypeError: missing boundary".into()))?;
            multipart(body, &boundary)
        }
        _ => Err(FormError(format!("TypeError: Content-Type was not one of \"multipart/form-data\" or \"application/x-www-form-urlencoded\": {content_type:?}"))),
    }
}

/// The parts between `--boundary` delimiters, up to the closing `--boundary--`.
fn multipart(body: &[u8], boundary: &str) -> Result<Vec<(String, FormValue)>, FormError> {
    let malformed = || FormError("TypeError: Failed to parse body as FormData.".into());
    let delimiter = format!("--{boundary}");
    let mut rest = body.strip_prefix(delimiter.as_bytes()).ok_or_else(malformed)?;
    let separator = format!("\r\n{delimiter}");
    let mut entries = Vec::new();
    loop {
        if rest.starts_with(b"--") {
            return Ok(entries);
        }
        rest = rest.strip_prefix(b"\r\n").ok_or_else(malformed)?;
        let head_end = find(rest, b"\r\n\r\n").ok_or_else(malformed)?;
        let head = std::str::from_utf8(&rest[..head_end]).map_err(|_| malformed())?;
        rest = &rest[head_end + 4..];
        let content_end = find(rest, separator.as_bytes()).ok_or_else(malformed)?;
        let content = &rest[..content_end];
        rest = &rest[content_end + separator.len()..];
        entries.push(part(head, content).ok_or_else(malformed)?);
    }
}

/// One part from its header lines and content: named by `Content-Disposition`.
fn part(head: &str, content: &[u8]) -> Option<(String, FormValue)> {
    let header = |name: &str| {
        head.split("\r\n").find_map(|line| {
            let (n, v) = line.split_once(':')?;
            n.trim().eq_ignore_ascii_case(name).then(|| v.trim())
        })
    };
    let disposition = header("content-disposition")?;
    let name = parameter(disposition, "name")?;
    let value = match parameter(disposition, "filename") {
        Some(file) => FormValue::File {
            name: file,
            content_type: header("content-type").unwrap_or("text/plain").to_owned(),
            bytes: Bytes::copy_from_slice(content),
        },
        None => FormValue::Text(String::from_utf8_lossy(content).into_owned()),
    };
    Some((name, value))
}

/// The value of `name=` in a header's `; `-separated parameters, quotes removed.
fn parameter(header: &str, name: &str) -> Option<String> {
    header.split(';').skip(1).find_map(|p| {
        let (key, value) = p.split_once('=')?;
        key.trim().eq_ignore_ascii_case(name).then(|| value.trim().trim_matches('"').to_owned())
    })
}

fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).position(|w| w == needle)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text(name: &str, value: &str) -> (String, FormValue) {
        (name.into(), FormValue::Text(value.into()))
    }

    #[test]
    fn urlencoded_bodies_parse_as_search_params() {
        let got = parse(Some("application/x-www-form-urlencoded"), b"name=Ada+L&email=ada%40x.io&name=two").unwrap();
        assert_eq!(got, [text("name", "Ada L"), text("email", "ada@x.io"), text("name", "two")]);
    }

    #[test]
    fn multipart_bodies_give_text_and_file_entries() {
        let body = "--XyZ\r\nContent-Disposition: form-data; name=\"name\"\r\n\r\nAda\r\n\
            --XyZ\r\nContent-Disposition: form-data; name=\"up\"; filename=\"a.txt\"\r\n\r\nhi\r\n\r\n\
            --XyZ\r\nContent-Disposition: form-data; name=\"doc\"; filename=\"b.txt\"\r\nContent-Type: text/markdown\r\n\r\nx\r\n\
            --XyZ--\r\n";
        let got = parse(Some("multipart/form-data; boundary=XyZ"), body.as_bytes()).unwrap();
        assert_eq!(got[0], text("name", "Ada"));
        let file = |name: &str, content_type: &str, bytes: &'static str| FormValue::File {
            name: name.into(),
            content_type: content_type.into(),
            bytes: Bytes::from_static(bytes.as_bytes()),
        };
        assert_eq!(got[1], ("up".into(), file("a.txt", "text/plain", "hi\r\n")));
        assert_eq!(got[2], ("doc".into(), file("b.txt", "text/markdown", "x")));
        assert_eq!(got.len(), 3);
    }

    #[test]
    fn other_content_types_and_broken_multipart_throw() {
        assert!(parse(None, b"name=x").is_err());
        assert!(parse(Some("text/plain"), b"name=x").is_err());
        assert!(parse(Some("multipart/form-data"), b"").is_err());
        assert!(parse(Some("multipart/form-data; boundary=a"), b"--a\r\nno blank line").is_err());
    }
}
