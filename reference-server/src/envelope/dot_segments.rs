//! From Next.js 16, `next start` reads every request URL with the WHATWG URL parser, which
//! resolves dot segments: a `.` segment is dropped and a `..` segment drops the one before it (never going
//! above the root), also when written `%2e` (any case, as in `.%2E`), and a backslash counts as
//! a slash between segments. The proxy, the routes and the app's code (`request.url`) all see
//! the resolved path, and no redirect is made for it: `/x/../a` is answered as `/a`. A dot
//! segment last leaves a trailing slash (`/a/b/..` is `/a/`), which the next stage redirects
//! away, as it redirects a path with a backslash: backslashes are kept here for it to see (one
//! before a segment that goes passes to the next one).
//! Before 16, dot segments stay in the path, where no route matches them.

use crate::service::{Request, Service};

pub struct DotSegments<S> {
    pub inner: S,
    pub next: semver::Version,
}

impl<S: Service> Service for DotSegments<S> {
    type Output = S::Output;

    async fn call(&self, mut request: Request) -> S::Output {
        if let Some(resolved) = resolve(request.uri().path()).filter(|_| crate::releases::resolves_dot_segments(&self.next)) {
            let target = match request.uri().query() {
                Some(query) => format!("{resolved}?{query}"),
                None => resolved,
            };
            if let Ok(uri) = target.parse() {
                *request.uri_mut() = uri;
            }
        }
        self.inner.call(request).await
    }
}

/// `path` with its dot segments resolved, when it has any.
fn resolve(path: &str) -> Option<String> {
    let mut segments: Vec<(char, &str)> = Vec::new();
    let mut rest = path.strip_prefix('/')?;
    let mut separator = '/';
    let mut changed = false;
    // A backslash before a segment that went, for the next segment kept.
    let mut backslash = false;
    loop {
        let end = rest.find(['/', '\\']).unwrap_or(rest.len());
        let (segment, last) = (&rest[..end], end == rest.len());
        match dots(segment) {
            0 => segments.push((if std::mem::take(&mut backslash) { '\\' } else { separator }, segment)),
            count => {
                changed = true;
                backslash |= separator == '\\';
                if count == 2 {
                    backslash |= segments.pop().is_some_and(|(gone, _)| gone == '\\');
                }
                if last {
                    segments.push((if backslash { '\\' } else { '/' }, ""));
                }
            }
        }
        if last {
            break;
        }
        separator = rest[end..].chars().next().unwrap_or('/');
        rest = &rest[end + 1..];
    }
    if !changed {
        return None;
    }
    let resolved: String = segments.iter().flat_map(|(separator, segment)| [separator.to_string(), (*segment).to_owned()]).collect();
    Some(if resolved.is_empty() { "/".into() } else { resolved })
}

/// 1 for a single-dot segment, 2 for a double-dot one, 0 otherwise.
fn dots(segment: &str) -> usize {
    match segment.to_ascii_lowercase().as_str() {
        "." | "%2e" => 1,
        ".." | ".%2e" | "%2e." | "%2e%2e" => 2,
        _ => 0,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::body::WireBody;
    use crate::service::Answer;
    use crate::service::testing::{Stub, get};

    #[test]
    fn dot_segments_are_resolved_as_the_whatwg_url_parser_does() {
        assert_eq!(resolve("/a/b"), None);
        assert_eq!(resolve("/./a").as_deref(), Some("/a"));
        assert_eq!(resolve("/x/../a/b").as_deref(), Some("/a/b"));
        assert_eq!(resolve("/x/%2E%2e/a").as_deref(), Some("/a"));
        assert_eq!(resolve("/a/b/.%2e/c").as_deref(), Some("/a/c"));
        assert_eq!(resolve("/../a").as_deref(), Some("/a"), "never above the root");
        assert_eq!(resolve("/..").as_deref(), Some("/"));
        assert_eq!(resolve("/a/b/..").as_deref(), Some("/a/"), "a last dot segment leaves a trailing slash");
        assert_eq!(resolve("/a/.").as_deref(), Some("/a/"));
        assert_eq!(resolve("/a/...").as_deref(), None, "three dots are a name");
    }

    #[test]
    fn a_backslash_separates_segments_and_stays_for_the_redirect() {
        assert_eq!(resolve("/x\\..\\a/b").as_deref(), Some("\\a/b"));
        assert_eq!(resolve("/a\\b"), None);
        assert_eq!(resolve("/a/b\\./c").as_deref(), Some("/a/b\\c"), "a backslash before a segment that goes passes on");
        assert_eq!(resolve("/a\\b/../c").as_deref(), Some("/a\\c"));
    }

    #[tokio::test]
    async fn the_inner_stage_sees_the_resolved_path_and_the_query() {
        let seen = |next: &str| {
            let stage = DotSegments { inner: Stub(|request: Request| Answer::new(WireBody::Left(request.uri().to_string().into()))), next: semver::Version::parse(next).unwrap() };
            async move {
                let answer = stage.call(get("/x/../a/./b?q=/../")).await;
                http_body_util::BodyExt::collect(answer.into_body()).await.unwrap().to_bytes()
            }
        };
        assert_eq!(seen("16.4.6").await, "/a/b?q=/../");
        assert_eq!(seen("15.5.29").await, "/x/../a/./b?q=/../", "before 16 the path stays as sent");
    }
}
