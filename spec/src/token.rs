//! HTTP tokens (RFC 9110 `tchar`): the characters a method or a header name may use. Case files
//! write header names in any letter case; matchers compare them in lower case.

/// Whether `b` may appear in a token.
pub(crate) fn is_tchar(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b"!#$%&'*+-.^_`|~".contains(&b)
}

/// Checks a header name and returns it in lower case.
pub fn header_name(name: &str) -> Result<String, String> {
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
        assert_eq!(header_name("X-NextJS-Cache").unwrap(), "x-nextjs-cache");
        assert!(header_name("x cache").unwrap_err().contains("not a valid header name"));
        assert!(header_name("").is_err());
    }
}
