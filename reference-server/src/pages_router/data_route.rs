//! The data routes of Pages Router pages: the client router fetches a page's props from
//! `/_next/data/<buildId>/<path>.json` (`index.json` for `/`), the build's id taken from the
//! page's `__NEXT_DATA__`. A request with another build's id is not routed (the not-found
//! page).

use std::hash::{DefaultHasher, Hash, Hasher};
use std::sync::OnceLock;

/// The prefix of every data route.
const PREFIX: &str = "/_next/data/";

/// A data request: the build it names and the page path it is for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DataPath<'a> {
    pub build_id: &'a str,
    /// The page's path (`/blog/a`), still percent-encoded as sent.
    pub page: String,
}

/// The data request `path` (the raw request path) names, or `None` when it is not one.
pub fn parse(path: &str) -> Option<DataPath<'_>> {
    let (build_id, rest) = path.strip_prefix(PREFIX)?.split_once('/')?;
    let page = rest.strip_suffix(".json")?;
    if build_id.is_empty() || page.is_empty() {
        return None;
    }
    let page = if page == "index" { "/".to_owned() } else { format!("/{page}") };
    Some(DataPath { build_id, page })
}

/// The build id: 21 characters of `[A-Za-z0-9_-]`, as `next build` draws them. The reference
/// server has no build, so the id is fixed per reference-server release and all its processes
/// agree, as servers of one build do (like the preview-mode id of [`crate::draft_mode`]).
pub fn build_id() -> &'static str {
    static ID: OnceLock<String> = OnceLock::new();
    ID.get_or_init(|| {
        const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-";
        (0..21u8)
            .map(|i| {
                let mut hasher = DefaultHasher::new();
                (env!("CARGO_PKG_NAME"), env!("CARGO_PKG_VERSION"), "build-id", i).hash(&mut hasher);
                ALPHABET[(hasher.finish() % 64) as usize] as char
            })
            .collect()
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn data_paths_name_a_build_and_a_page() {
        assert_eq!(parse("/_next/data/b1/blog/a.json"), Some(DataPath { build_id: "b1", page: "/blog/a".into() }));
        assert_eq!(parse("/_next/data/b1/index.json"), Some(DataPath { build_id: "b1", page: "/".into() }));
        assert_eq!(parse("/_next/data/b1/blog/a"), None);
        assert_eq!(parse("/_next/data/b1"), None);
        assert_eq!(parse("/_next/data//a.json"), None);
        assert_eq!(parse("/blog/a.json"), None);
    }

    #[test]
    fn the_build_id_is_url_safe_and_stable() {
        let id = build_id();
        assert_eq!(id.len(), 21);
        assert!(id.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'_' || b == b'-'));
        assert_eq!(id, build_id());
    }
}
