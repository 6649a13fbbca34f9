//! Whether a quote is in a doc text.
//!
//! Quotes are copied from the docs as a reader sees them, so markdown is set aside on both
//! sides: a link counts as its text, backticks, emphasis stars and blockquote markers are
//! dropped, curly quotes are straight, and whitespace is ignored (the seed texts lost spaces
//! and line breaks in places). Letter case counts. A quote may leave words out where it
//! writes `...` or `…`: its parts must then appear in the text in order.

/// Whether every part of `quote` (split at ellipses) is in `text`, in order. A quote with no
/// words is in no text.
pub fn quote_in(quote: &str, text: &str) -> bool {
    let text = comparable(text);
    let parts: Vec<String> = quote.split("...").flat_map(|p| p.split('…')).map(comparable).filter(|p| !p.is_empty()).collect();
    if parts.is_empty() {
        return false;
    }
    let mut from = 0;
    for part in parts {
        match text[from..].find(&part) {
            Some(at) => from += at + part.len(),
            None => return false,
        }
    }
    true
}

/// The text as quotes are compared.
fn comparable(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for line in text.lines() {
        let line = line.trim_start();
        let line = line.strip_prefix('>').unwrap_or(line);
        push_without_links(line, &mut out);
    }
    out.retain(|c| !c.is_whitespace() && c != '`' && c != '*');
    out.chars().map(straight).collect()
}

/// Appends `line` with each markdown link or image (`[text](url)`, `![alt](url)`) reduced to
/// its text.
fn push_without_links(line: &str, out: &mut String) {
    let mut rest = line;
    while let Some(open) = rest.find('[') {
        let Some((label, after)) = link_at(&rest[open..]) else {
            out.push_str(&rest[..=open]);
            rest = &rest[open + 1..];
            continue;
        };
        out.push_str(rest[..open].strip_suffix('!').unwrap_or(&rest[..open]));
        out.push_str(label);
        rest = after;
    }
    out.push_str(rest);
    out.push('\n');
}

/// For text starting with `[label](target)`, the label and what follows the link.
fn link_at(text: &str) -> Option<(&str, &str)> {
    let close = text.find(']')?;
    let after = text[close + 1..].strip_prefix('(')?;
    let end = after.find(')')?;
    Some((&text[1..close], &after[end + 1..]))
}

fn straight(c: char) -> char {
    match c {
        '\u{2018}' | '\u{2019}' => '\'',
        '\u{201C}' | '\u{201D}' => '"',
        c => c,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const DOC: &str = "> **Good to know**: `after` is not a [Dynamic API](/docs/caching.md#dynamic) and\n> calling it does not cause a route to become dynamic.\n\n* The cookie’s lifespan in seconds.\n";

    #[test]
    fn markdown_and_line_breaks_are_set_aside() {
        assert!(quote_in("Good to know: after is not a Dynamic API and calling it does not cause a route to become dynamic.", DOC));
        assert!(quote_in("`after` is not a Dynamic API", DOC));
        assert!(quote_in("The cookie's lifespan in seconds.", DOC));
    }

    #[test]
    fn ellipses_skip_words_but_keep_the_order() {
        assert!(quote_in("after is not ... does not cause a route …", DOC));
        assert!(!quote_in("does not cause a route ... after is not", DOC));
    }

    #[test]
    fn other_words_case_and_empty_quotes_are_not_in_the_text() {
        assert!(!quote_in("after is a Dynamic API", DOC));
        assert!(!quote_in("AFTER is not a Dynamic API", DOC));
        assert!(!quote_in(" ... ", DOC));
    }

    #[test]
    fn a_bracket_that_opens_no_link_stays() {
        assert!(quote_in("app/blog/[...slug]/route.js", "`app/blog/[...slug]/route.js` | `/blog/1/2`"));
    }
}
