//! The `config.matcher` paths of the proxy file, in the path-to-regexp forms the docs use:
//! literal segments and named parameters, optionally repeated (`/proxy/:path*`), and the
//! negative lookahead that leaves some paths out
//! (`/((?!api|_next/static|favicon.ico|sitemap.xml|robots.txt).*)`: every path but those whose
//! part after `/` starts with one of the alternatives, each a regular expression).

#[derive(Debug, Clone, PartialEq, Eq)]
enum Part {
    Literal(String),
    /// `:name`
    One,
    /// `:name?`
    Optional,
    /// `:name*`: zero or more segments.
    ZeroOrMore,
    /// `:name+`: one or more segments.
    OneOrMore,
}

#[derive(Debug, Clone)]
enum Shape {
    Segments(Vec<Part>),
    /// `/((?!alternatives).*)`: the alternatives, anchored at the start of the path after `/`.
    Excluding(regex::Regex),
}

#[derive(Debug, Clone)]
pub struct PathPattern {
    shape: Shape,
}

impl PathPattern {
    pub fn parse(source: &str) -> Result<PathPattern, String> {
        if !source.starts_with('/') {
            return Err(format!("matcher `{source}` must start with `/`"));
        }
        if let Some(alternatives) = source.strip_prefix("/((?!").and_then(|rest| rest.strip_suffix(").*)")) {
            let excluded = regex::Regex::new(&format!("^(?:{alternatives})"))
                .map_err(|e| format!("matcher `{source}`: the excluded paths are not a regular expression: {e}"))?;
            return Ok(PathPattern { shape: Shape::Excluding(excluded) });
        }
        let mut parts = Vec::new();
        for segment in source.split('/').filter(|s| !s.is_empty()) {
            let part = match segment.strip_prefix(':') {
                None if segment.contains(['(', ')', '*', '+', '?', ':']) => {
                    return Err(format!("matcher `{source}`: `{segment}` uses syntax the reference server does not support"));
                }
                None => Part::Literal(segment.to_owned()),
                Some(name) => match name.chars().last() {
                    Some('*') => Part::ZeroOrMore,
                    Some('+') => Part::OneOrMore,
                    Some('?') => Part::Optional,
                    _ => Part::One,
                },
            };
            parts.push(part);
        }
        Ok(PathPattern { shape: Shape::Segments(parts) })
    }

    pub fn matches(&self, path: &str) -> bool {
        match &self.shape {
            Shape::Segments(parts) => {
                let segments: Vec<&str> = path.split('/').filter(|s| !s.is_empty()).collect();
                matches_from(parts, &segments)
            }
            Shape::Excluding(excluded) => path.strip_prefix('/').is_some_and(|rest| !excluded.is_match(rest)),
        }
    }
}

fn matches_from(parts: &[Part], segments: &[&str]) -> bool {
    let Some((part, rest)) = parts.split_first() else {
        return segments.is_empty();
    };
    match part {
        Part::Literal(text) => segments.first() == Some(&text.as_str()) && matches_from(rest, &segments[1..]),
        Part::One => !segments.is_empty() && matches_from(rest, &segments[1..]),
        Part::Optional => matches_from(rest, segments) || (!segments.is_empty() && matches_from(rest, &segments[1..])),
        Part::ZeroOrMore => (0..=segments.len()).any(|n| matches_from(rest, &segments[n..])),
        Part::OneOrMore => (1..=segments.len()).any(|n| matches_from(rest, &segments[n..])),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn zero_or_more_covers_the_prefix_itself() {
        let p = PathPattern::parse("/proxy/:path*").unwrap();
        assert!(p.matches("/proxy"));
        assert!(p.matches("/proxy/a/b"));
        assert!(!p.matches("/proxied"));
        assert!(!p.matches("/route-handlers/proxy"));
    }

    #[test]
    fn one_or_more_and_optional() {
        assert!(!PathPattern::parse("/a/:b+").unwrap().matches("/a"));
        assert!(PathPattern::parse("/a/:b+").unwrap().matches("/a/x/y"));
        assert!(PathPattern::parse("/a/:b?").unwrap().matches("/a"));
        assert!(!PathPattern::parse("/a/:b?").unwrap().matches("/a/x/y"));
    }

    #[test]
    fn a_negative_lookahead_leaves_out_the_paths_it_names() {
        let p = PathPattern::parse("/((?!api|_next/static|favicon.ico|robots.txt).*)").unwrap();
        assert!(p.matches("/"));
        assert!(p.matches("/icon"));
        assert!(p.matches("/shop/robots.txt"), "only the start of the path counts");
        assert!(!p.matches("/robots.txt"));
        assert!(!p.matches("/api/x"));
        assert!(!p.matches("/_next/static/chunk.js"));
    }

    #[test]
    fn unsupported_syntax_is_refused() {
        assert!(PathPattern::parse("/(a|b)").is_err());
        assert!(PathPattern::parse("/((?!a(.*)").is_err());
    }
}
