//! Text as React escapes it when it renders markup: the same five characters in element
//! content and in attribute values.

/// `text` escaped for HTML element content or a quoted attribute value.
pub fn escape(text: &str) -> String {
    text.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;").replace('"', "&quot;").replace('\'', "&#x27;")
}

/// The text `escape` made `escaped` from.
pub fn unescape(escaped: &str) -> String {
    escaped.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&#x27;", "'").replace("&amp;", "&")
}

#[cfg(test)]
mod tests {
    #[test]
    fn escapes_the_five_characters_react_escapes() {
        assert_eq!(super::escape(r#"<a href="x">Tom & Jerry's</a>"#), "&lt;a href=&quot;x&quot;&gt;Tom &amp; Jerry&#x27;s&lt;/a&gt;");
        assert_eq!(super::unescape(&super::escape("a &lt; <b> & 'c'")), "a &lt; <b> & 'c'");
    }
}
