//! `--filter` (`-f`): which case ids to run. A pattern with glob characters (`*`, `?`, `[`)
//! must match the whole id (`app-router/**/auto-*`); a plain word matches ids that contain it.
//! Given more than once, a case runs when any pattern matches it.

use globset::{Glob, GlobMatcher};

#[derive(Debug, Clone)]
pub enum Filter {
    All,
    Glob(GlobMatcher),
    Contains(String),
    /// Any of several patterns.
    Any(Vec<Filter>),
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

    /// A case matches when any of `patterns` does, or when there is none.
    pub fn any(patterns: &[String]) -> Result<Filter, String> {
        match patterns {
            [] => Ok(Filter::All),
            [one] => Filter::new(Some(one)),
            many => many.iter().map(|p| Filter::new(Some(p))).collect::<Result<_, _>>().map(Filter::Any),
        }
    }

    pub fn matches(&self, id: &str) -> bool {
        match self {
            Filter::All => true,
            Filter::Any(filters) => filters.iter().any(|f| f.matches(id)),
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
        let either = Filter::any(&["head".into(), "**/auto-*".into()]).unwrap();
        assert!(either.matches("app-router/route-handlers/head") && either.matches("x/auto-options"));
        assert!(!either.matches("app-router/route-handlers/get"));
        assert!(Filter::any(&[]).unwrap().matches("anything"));
    }
}
