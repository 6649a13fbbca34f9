//! HTTP tokens (RFC 9110, section 5.6.2), the syntax of method and header names.

/// Whether `b` may appear in a token.
pub(crate) fn is_tchar(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b"!#$%&'*+-.^_`|~".contains(&b)
}

/// Checks a header name and returns it in lower case.
pub(crate) fn header_name(name: &str) -> Result<String, String> {
    if name.is_empty() || !name.bytes().all(is_tchar) {
        return Err(format!("`{name}` is not a valid header name"));
    }
    Ok(name.to_ascii_lowercase())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn header_names_are_tokens_in_lower_case() {
        assert_eq!(header_name("X-Custom_1"), Ok("x-custom_1".into()));
        assert!(header_name("bad name").is_err());
        assert!(header_name("").is_err());
    }
}
