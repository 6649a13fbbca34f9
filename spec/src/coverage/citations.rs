//! The map against the cases: every case a statement lists exists; every case cites a mapped
//! page, one of its anchors and words of that section; every documented case is listed by a
//! statement of the page it cites.
//!
//! An observed case cites the nearest section its behaviour belongs to and says in `doc.note`
//! what the docs leave unsaid, so its citation is checked the same way; it need not be listed
//! by a statement, as the docs may not state what it shows.

use super::map::{Map, misplaced_quote, unknown_anchor};
use super::quote::quote_in;
use crate::case::{Basis, Case};
use crate::diagnostic::Diagnostic;
use crate::suggest::did_you_mean;
use std::collections::{BTreeMap, BTreeSet};

/// Every problem of the map with these cases, and of the cases' citations.
pub fn check(map: &Map, cases: &[Case]) -> Vec<Diagnostic> {
    let ids: BTreeSet<&str> = cases.iter().map(|c| c.id.as_str()).collect();
    let mut problems = Vec::new();
    for page in &map.pages {
        for statement in &page.statements {
            for (id, span) in &statement.cases {
                if !ids.contains(id.as_str()) {
                    problems.push(page.diagnostic(span.clone(), format!("no case `{id}` in the cases folder")));
                }
            }
        }
    }
    let listed = listed_by_page(map);
    for case in cases {
        problems.extend(check_citation(map, case));
        // A case citing a page outside the map has had its problem reported above.
        let page_mapped = map.pages.iter().any(|p| p.name == case.doc.page);
        let listed_there = listed.get(case.doc.page.as_str()).is_some_and(|ids| ids.contains(case.id.as_str()));
        if case.basis == Basis::Documented && page_mapped && !listed_there {
            problems.push(at_key(
                case,
                "basis",
                format!(
                    "the documented case is listed by no statement of page `{}`: add its id to the `cases` of the statement it asserts in the map",
                    case.doc.page
                ),
            ));
        }
    }
    problems
}

/// The case ids each page's statements list.
fn listed_by_page(map: &Map) -> BTreeMap<&str, BTreeSet<&str>> {
    let mut listed: BTreeMap<&str, BTreeSet<&str>> = BTreeMap::new();
    for page in &map.pages {
        let ids = listed.entry(page.name.as_str()).or_default();
        ids.extend(page.statements.iter().flat_map(|s| s.cases.iter().map(|(id, _)| id.as_str())));
    }
    listed
}

/// The case's `doc`: a mapped page, one of its anchors, and words of that section.
fn check_citation(map: &Map, case: &Case) -> Option<Diagnostic> {
    let doc = &case.doc;
    let Some(page) = map.pages.iter().find(|p| p.name == doc.page) else {
        let names: Vec<&str> = map.pages.iter().map(|p| p.name.as_str()).collect();
        let hint = did_you_mean(&doc.page, &names).map(|n| format!(", did you mean `{n}`?")).unwrap_or_default();
        let listed: Vec<String> = names.iter().map(|n| format!("`{n}`")).collect();
        return Some(at_key(
            case,
            "page",
            format!(
                "`{}` is not a page of the doc coverage map{hint}; an observed case cites the nearest section of a mapped page and says in `doc.note` what the docs leave unsaid (pages: {})",
                doc.page,
                listed.join(", ")
            ),
        ));
    };
    let Some(section) = page.text.section(&doc.anchor) else {
        return Some(at_key(case, "anchor", unknown_anchor(&page.name, &doc.anchor, &page.text)));
    };
    if !quote_in(&doc.quote, section) {
        return Some(at_key(case, "quote", misplaced_quote(&page.text, &doc.anchor, &doc.quote)));
    }
    None
}

/// A problem pointing at `key = ...` in the case file (`doc.page`, `doc.quote`...), or at the
/// file when it cannot be read again.
fn at_key(case: &Case, key: &str, message: String) -> Diagnostic {
    let text = std::fs::read_to_string(&case.path).unwrap_or_default();
    match key_span(&text, key) {
        Some(span) => Diagnostic::at(&case.path, &text, span, message),
        None => Diagnostic::whole_file(&case.path, message),
    }
}

/// Where `key =` is first written at the start of a line or of an inline table entry.
fn key_span(text: &str, key: &str) -> Option<std::ops::Range<usize>> {
    let pattern = format!(r"(?m)(?:^|[{{,])[ \t]*({})[ \t]*=", regex::escape(key));
    let found = regex::Regex::new(&pattern).ok()?.captures(text)?.get(1)?;
    Some(found.range())
}

#[cfg(test)]
mod tests {
    use super::key_span;

    #[test]
    fn finds_a_key_on_its_own_line_or_inline() {
        let text = "title = \"a quote = b\"\n[doc]\nquote = \"x\"\n";
        assert_eq!(key_span(text, "quote"), Some(28..33));
        let inline = "doc = { page = \"p\", anchor = \"a\" }\n";
        assert_eq!(key_span(inline, "anchor").map(|r| &inline[r]), Some("anchor"));
        assert_eq!(key_span(inline, "note"), None);
    }
}
