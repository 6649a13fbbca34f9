//! Matches a request path to a route, with Next.js's precedence: at each level a static
//! segment wins over a dynamic one, which wins over a catch-all, then an optional catch-all.

use crate::params::{ParamValue, Params, decode_component};
use std::collections::BTreeMap;
use std::fmt;

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Segment {
    Static(String),
    /// `[name]`
    Dynamic(String),
    /// `[...name]`: one or more segments.
    CatchAll(String),
    /// `[[...name]]`: zero or more segments.
    OptionalCatchAll(String),
}

impl fmt::Display for Segment {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Segment::Static(s) => write!(f, "{s}"),
            Segment::Dynamic(p) => write!(f, "[{p}]"),
            Segment::CatchAll(p) => write!(f, "[...{p}]"),
            Segment::OptionalCatchAll(p) => write!(f, "[[...{p}]]"),
        }
    }
}

/// A route found for a path, with its parameters still percent-encoded.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Matched {
    pub route: usize,
    raw_params: Vec<(String, RawParam)>,
    dynamic: bool,
}

#[derive(Debug, Clone, PartialEq, Eq)]
enum RawParam {
    One(String),
    Many(Vec<String>),
}

impl Matched {
    /// Whether the route has dynamic segments (a static route's path names it alone).
    pub fn is_dynamic(&self) -> bool {
        self.dynamic
    }

    /// The decoded `params`: `None` for a route without dynamic segments (Next.js passes no
    /// params object then), `Err` when a segment is not valid percent-encoded UTF-8.
    pub fn params(&self) -> Result<Option<Params>, MalformedSegment> {
        if !self.dynamic {
            return Ok(None);
        }
        let decode = |raw: &str| decode_component(raw).ok_or_else(|| MalformedSegment(raw.to_owned()));
        let mut params = Vec::new();
        for (name, raw) in &self.raw_params {
            let value = match raw {
                RawParam::One(s) => ParamValue::One(decode(s)?),
                RawParam::Many(items) => ParamValue::Many(items.iter().map(|s| decode(s)).collect::<Result<_, _>>()?),
            };
            params.push((name.clone(), value));
        }
        Ok(Some(Params(params)))
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MalformedSegment(pub String);

#[derive(Debug, Default)]
pub struct Router {
    root: Node,
}

#[derive(Debug, Default)]
struct Node {
    route: Option<usize>,
    statics: BTreeMap<String, Node>,
    dynamic: Option<(String, Box<Node>)>,
    catch_all: Option<(String, usize)>,
    optional_catch_all: Option<(String, usize)>,
}

impl Router {
    /// Adds a route; fails where Next.js's build would, on two routes for one path or two
    /// different parameter names at the same level.
    pub fn insert(&mut self, pattern: &[Segment], route: usize) -> Result<(), String> {
        let mut node = &mut self.root;
        for (i, segment) in pattern.iter().enumerate() {
            let last = i + 1 == pattern.len();
            match segment {
                Segment::Static(name) => node = node.statics.entry(name.clone()).or_default(),
                Segment::Dynamic(param) => {
                    let (existing, child) = node.dynamic.get_or_insert_with(|| (param.clone(), Box::default()));
                    if existing != param {
                        return Err(format!("[{param}] and [{existing}] are different names for the same dynamic path"));
                    }
                    node = child;
                }
                Segment::CatchAll(param) | Segment::OptionalCatchAll(param) => {
                    if !last {
                        return Err(format!("{segment} must be the last segment of a route"));
                    }
                    let slot = if matches!(segment, Segment::CatchAll(_)) { &mut node.catch_all } else { &mut node.optional_catch_all };
                    if slot.is_some() {
                        return Err(format!("{segment} conflicts with another catch-all at the same level"));
                    }
                    *slot = Some((param.clone(), route));
                    return Ok(());
                }
            }
        }
        if node.route.replace(route).is_some() {
            return Err("two routes resolve to the same path".into());
        }
        Ok(())
    }

    /// The route for `path` (the raw request path, without query).
    pub fn find(&self, path: &str) -> Option<Matched> {
        let segments: Vec<&str> = path.split('/').filter(|s| !s.is_empty()).collect();
        let mut params = Vec::new();
        let route = find_in(&self.root, &segments, &mut params)?;
        let dynamic = !params.is_empty() || ends_in_optional_catch_all(&self.root, &segments);
        Some(Matched { route, raw_params: params, dynamic })
    }
}

fn find_in(node: &Node, segments: &[&str], params: &mut Vec<(String, RawParam)>) -> Option<usize> {
    let Some((first, rest)) = segments.split_first() else {
        return node.route.or_else(|| node.optional_catch_all.as_ref().map(|(_, route)| *route));
    };
    if let Some(child) = node.statics.get(*first)
        && let Some(route) = find_in(child, rest, params)
    {
        return Some(route);
    }
    if let Some((name, child)) = &node.dynamic {
        params.push((name.clone(), RawParam::One((*first).to_owned())));
        if let Some(route) = find_in(child, rest, params) {
            return Some(route);
        }
        params.pop();
    }
    let all = || RawParam::Many(segments.iter().map(|s| (*s).to_owned()).collect());
    if let Some((name, route)) = node.catch_all.as_ref().or(node.optional_catch_all.as_ref()) {
        params.push((name.clone(), all()));
        return Some(*route);
    }
    None
}

/// Whether the path ends at an optional catch-all with no segments, which still makes the
/// route dynamic (its handler receives an empty `params` object).
fn ends_in_optional_catch_all(root: &Node, segments: &[&str]) -> bool {
    let mut node = root;
    for segment in segments {
        match node.statics.get(*segment) {
            Some(child) => node = child,
            None => return false,
        }
    }
    node.route.is_none() && node.optional_catch_all.is_some()
}

/// The path a route pattern stands for with `params` filled in.
pub fn fill(pattern: &[Segment], params: Option<&Params>) -> String {
    let value = |name: &str| match params.and_then(|p| p.get(name)) {
        Some(ParamValue::One(v)) => v.clone(),
        Some(ParamValue::Many(parts)) => parts.join("/"),
        None => String::new(),
    };
    let path: String = pattern
        .iter()
        .map(|segment| match segment {
            Segment::Static(s) => s.clone(),
            Segment::Dynamic(p) | Segment::CatchAll(p) | Segment::OptionalCatchAll(p) => value(p),
        })
        .filter(|s| !s.is_empty())
        .map(|s| format!("/{s}"))
        .collect();
    if path.is_empty() { "/".into() } else { path }
}


#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fill_puts_params_into_the_pattern() {
        let pattern = vec![Segment::Static("a".into()), Segment::Dynamic("slug".into())];
        let params = Params(vec![("slug".into(), ParamValue::One("listed".into()))]);
        assert_eq!(fill(&pattern, Some(&params)), "/a/listed");
        assert_eq!(fill(&[], None), "/");
    }
    use Segment::*;

    fn s(name: &str) -> Segment {
        Static(name.into())
    }

    fn router(routes: &[Vec<Segment>]) -> Router {
        let mut r = Router::default();
        for (i, pattern) in routes.iter().enumerate() {
            r.insert(pattern, i).unwrap();
        }
        r
    }

    #[test]
    fn static_beats_dynamic_beats_catch_all() {
        let r = router(&[
            vec![s("blog"), s("new")],
            vec![s("blog"), Dynamic("slug".into())],
            vec![s("blog"), CatchAll("rest".into())],
        ]);
        assert_eq!(r.find("/blog/new").unwrap().route, 0);
        assert_eq!(r.find("/blog/other").unwrap().route, 1);
        assert_eq!(r.find("/blog/a/b").unwrap().route, 2);
        assert!(r.find("/blog").is_none());
    }

    #[test]
    fn backtracks_from_a_static_dead_end() {
        let r = router(&[vec![s("a"), s("b"), s("c")], vec![s("a"), Dynamic("x".into()), s("d")]]);
        assert_eq!(r.find("/a/b/d").unwrap().params().unwrap(), Some(Params(vec![("x".into(), ParamValue::One("b".into()))])));
    }

    #[test]
    fn optional_catch_all_matches_zero_segments_with_empty_params() {
        let r = router(&[vec![s("docs"), OptionalCatchAll("slug".into())]]);
        assert_eq!(r.find("/docs").unwrap().params().unwrap(), Some(Params::default()));
        let deep = r.find("/docs/a/b").unwrap().params().unwrap().unwrap();
        assert_eq!(deep.get("slug"), Some(&ParamValue::Many(vec!["a".into(), "b".into()])));
    }

    #[test]
    fn static_routes_have_no_params_object() {
        let r = router(&[vec![s("a")]]);
        assert_eq!(r.find("/a").unwrap().params().unwrap(), None);
    }

    #[test]
    fn static_segments_compare_undecoded() {
        let r = router(&[vec![s("get")]]);
        assert!(r.find("/ge%74").is_none());
    }

    #[test]
    fn malformed_escape_in_a_param_is_an_error() {
        let r = router(&[vec![Dynamic("id".into())]]);
        assert_eq!(r.find("/%zz").unwrap().params(), Err(MalformedSegment("%zz".into())));
    }

    #[test]
    fn rejects_conflicts() {
        let mut r = Router::default();
        r.insert(&[Dynamic("a".into())], 0).unwrap();
        assert!(r.insert(&[Dynamic("b".into())], 1).is_err());
        assert!(r.insert(&[Dynamic("a".into())], 2).is_err());
    }
}
