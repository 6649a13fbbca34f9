//! `--filter`: which case ids to run. A pattern with glob characters (`*`, `?`, `[`) must match
//! the whole id (`app-router/**/auto-*`); a plain word matches ids that contain it.

use globset::{Glob, GlobMatcher};

#[derive(Debug, Clone)]
pub enum Filter {
    All,
    Glob(GlobMatcher),
    Contains(String),
}

impl Filter {
    pub fn new(pattern: Option<&str>) -> Result<Filter, String> {
        match pattern {
            None => Ok(Filter::All),
            Some(p) if p.contains(['*', '?', '[', '{']) => Glob::new(p)
                .map(|g| Filter::Glob(g.compile_matcher()))
                .map_err(|e| format!("--filter `{p}`: {e}")),
            Some(p) => Ok(Filter::Contains(p.to_owned())),
        }
    }

    pub fn matches(&self, id: &str) -> bool {
        match self {
            Filter::All => true,
            Filter::Glob(g) => g.is_match(id),
            Filter::Contains(part) => id.contains(part.as_str()),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn globs_match_whole_ids_and_words_match_parts() {
        let glob = Filter::new(Some("app-router/**/auto-*")).unwrap();
        assert!(glob.matches("app-router/route-handlers/auto-options"));
        assert!(!glob.matches("app-router/route-handlers/head"));
        let word = Filter::new(Some("options")).unwrap();
        assert!(word.matches("app-router/route-handlers/auto-options"));
        assert!(!word.matches("app-router/route-handlers/head"));
    }
}
