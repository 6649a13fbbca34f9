//! Escaping for HTML and XML. Everything a report shows comes from a target or a case file,
//! so every piece of text goes through one of these.

/// Text for HTML element content or a quoted attribute value.
pub fn html(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            _ => out.push(c),
        }
    }
    out
}

/// Text for XML 1.0 element content. Characters XML 1.0 cannot carry at all (most control
/// characters) become U+FFFD.
pub fn xml_text(text: &str) -> String {
    xml(text, false)
}

/// Text for a quoted XML 1.0 attribute value: as [`xml_text`], and tabs and line breaks kept
/// as character references so parsers do not turn them into spaces.
pub fn xml_attribute(text: &str) -> String {
    xml(text, true)
}

fn xml(text: &str, attribute: bool) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            '\t' if attribute => out.push_str("&#9;"),
            '\n' if attribute => out.push_str("&#10;"),
            '\r' => out.push_str("&#13;"),
            '\t' | '\n' => out.push(c),
            '\u{0}'..='\u{1f}' | '\u{fffe}' | '\u{ffff}' => out.push('\u{fffd}'),
            _ => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markup_in_bodies_is_shown_not_interpreted() {
        assert_eq!(html(r#"<script>alert("x&y")</script>'"#), "&lt;script&gt;alert(&quot;x&amp;y&quot;)&lt;/script&gt;&#39;");
    }

    #[test]
    fn xml_drops_characters_xml_cannot_carry_and_keeps_line_breaks() {
        assert_eq!(xml_text("a\u{0}b\u{1b}c\nd<"), "a\u{fffd}b\u{fffd}c\nd&lt;");
        assert_eq!(xml_attribute("a\u{0}b\nc"), "a\u{fffd}b&#10;c");
    }
}
