//! A doc page's text, split into sections by its markdown headings, each under the anchor the
//! Next.js docs give it.
//!
//! The docs make an anchor from a heading the way GitHub does: lower case, punctuation
//! dropped, each space a hyphen, and `-1`, `-2`... after a heading met again on the page
//! (`### \`options.next.revalidate\`` is `#optionsnextrevalidate`). The page title has no
//! anchor on the site; here it is the title's slug with dots read as spaces (`route.js` is
//! `route-js`), and its section is the introduction before the first heading below it. Every
//! other section runs to the next heading of its level or above, so it holds its subsections.
//! Lines inside fenced code blocks are never headings.

use std::collections::HashMap;
use std::ops::Range;

/// One page's text and its sections.
#[derive(Debug, Clone)]
pub struct PageText {
    text: String,
    sections: Vec<Section>,
}

#[derive(Debug, Clone)]
struct Section {
    anchor: String,
    /// Byte range of the section in the page's text, heading line included.
    range: Range<usize>,
}

impl PageText {
    pub fn parse(text: &str) -> PageText {
        let headings = headings(text);
        let mut seen: HashMap<String, usize> = HashMap::new();
        let mut sections = Vec::with_capacity(headings.len());
        for (index, heading) in headings.iter().enumerate() {
            let slug = slug(&heading.title, heading.level == 1);
            let times = seen.entry(slug.clone()).or_insert(0);
            let anchor = if *times == 0 { slug } else { format!("{slug}-{times}") };
            *times += 1;
            let later = &headings[index + 1..];
            let end = if heading.level == 1 { later.first() } else { later.iter().find(|h| h.level <= heading.level) };
            let end = end.map_or(text.len(), |h| h.start);
            sections.push(Section { anchor, range: heading.start..end });
        }
        PageText { text: text.to_owned(), sections }
    }

    /// The anchors of the page, in page order.
    pub fn anchors(&self) -> impl Iterator<Item = &str> {
        self.sections.iter().map(|s| s.anchor.as_str())
    }

    /// The text of the section under `anchor`, its subsections included.
    pub fn section(&self, anchor: &str) -> Option<&str> {
        self.sections.iter().find(|s| s.anchor == anchor).map(|s| &self.text[s.range.clone()])
    }

    /// The whole text of the page.
    pub fn text(&self) -> &str {
        &self.text
    }
}

struct Heading {
    level: usize,
    title: String,
    start: usize,
}

/// The markdown ATX headings (`## Title`) outside fenced code, with where each line starts.
fn headings(text: &str) -> Vec<Heading> {
    let mut out = Vec::new();
    let mut in_code = false;
    let mut start = 0;
    for line in text.split_inclusive('\n') {
        let trimmed = line.trim_end();
        if trimmed.trim_start().starts_with("```") {
            in_code = !in_code;
        } else if !in_code {
            let level = trimmed.bytes().take_while(|&b| b == b'#').count();
            if (1..=6).contains(&level) && trimmed[level..].starts_with(' ') {
                out.push(Heading { level, title: trimmed[level..].trim().to_owned(), start });
            }
        }
        start += line.len();
    }
    out
}

/// The anchor the docs make from a heading (GitHub's rule); for the page title, dots count
/// as spaces.
fn slug(title: &str, page_title: bool) -> String {
    title
        .chars()
        .flat_map(char::to_lowercase)
        .filter_map(|c| match c {
            '.' if page_title => Some('-'),
            ' ' => Some('-'),
            c if c.is_alphanumeric() || c == '-' || c == '_' => Some(c),
            _ => None,
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    const PAGE: &str = "# route.js\n\nIntro.\n\n## Reference\n\nRef.\n\n### `context` (optional)\n\nCtx.\n\n\
```js\n# not a heading\n```\n\n### Image files (.ico, .jpg)\n\nFiles.\n\n## Examples\n\n### `context` (optional)\n\nAgain.\n";

    #[test]
    fn anchors_follow_the_docs_slugs() {
        let page = PageText::parse(PAGE);
        let anchors: Vec<&str> = page.anchors().collect();
        assert_eq!(anchors, ["route-js", "reference", "context-optional", "image-files-ico-jpg", "examples", "context-optional-1"]);
    }

    #[test]
    fn a_section_holds_its_subsections_and_the_title_only_the_introduction() {
        let page = PageText::parse(PAGE);
        let reference = page.section("reference").unwrap();
        assert!(reference.contains("Ref.") && reference.contains("Files.") && !reference.contains("Again."), "{reference}");
        let intro = page.section("route-js").unwrap();
        assert!(intro.contains("Intro.") && !intro.contains("Ref."), "{intro}");
        assert_eq!(page.section("context-optional-1").unwrap(), "### `context` (optional)\n\nAgain.\n");
        assert!(page.section("nowhere").is_none());
    }

    #[test]
    fn hashes_in_code_and_without_a_space_are_not_headings() {
        let page = PageText::parse("# t\n```\n## code\n```\n#hashtag\n");
        assert_eq!(page.anchors().collect::<Vec<_>>(), ["t"]);
    }
}
