//! The proxy file (`proxy.js`; `middleware.js` before Next.js 16): which paths it runs for, and
//! what its answer tells the server to do. As in Next.js, `NextResponse.next()` and
//! `rewrite()` are answers carrying `x-middleware-*` headers that the server acts on.

mod layer;
pub mod matcher;

pub use layer::Proxy;

use crate::error::Error;
use crate::params::decode_component;
use crate::exports::{ConstValue, read_exports};
use crate::web::WebResponse;
use matcher::PathPattern;
use std::path::Path;

/// The file names Next.js looks for, in the app root or `src/`.
const FILE_NAMES: [&str; 4] = ["proxy.js", "proxy.ts", "middleware.js", "middleware.ts"];

#[derive(Debug, Clone)]
pub struct ProxyFile {
    /// Path relative to the app root (`proxy.js`).
    pub file: String,
    /// The function it exports (`proxy` or `middleware`).
    pub export: String,
    matchers: Vec<PathPattern>,
}

impl ProxyFile {
    /// The app's proxy file, if it has one.
    pub fn find(root: &Path) -> Result<Option<ProxyFile>, Error> {
        let found = ["", "src/"].iter().flat_map(|dir| FILE_NAMES.iter().map(move |name| format!("{dir}{name}"))).find(|f| root.join(f).is_file());
        let Some(file) = found else { return Ok(None) };
        let path = root.join(&file);
        let source = std::fs::read_to_string(&path).map_err(|source| Error::Io { path: path.clone(), source })?;
        let exports = read_exports(&source, &file)
            .map_err(|e| Error::Parse { file: file.clone(), line: e.line, column: e.column, message: e.message })?;
        let export = ["proxy", "middleware", "default"]
            .into_iter()
            .find(|name| exports.names.iter().any(|n| n == name))
            .ok_or_else(|| Error::Route { file: file.clone(), message: "exports no proxy function".into() })?
            .to_owned();
        let matchers = match exports.constants.get("config").and_then(|c| c.get("matcher")) {
            None => vec![PathPattern::parse("/:path*").expect("a valid pattern")],
            Some(ConstValue::Str(one)) => vec![parse(&file, one)?],
            Some(ConstValue::StrList(many)) => many.iter().map(|m| parse(&file, m)).collect::<Result<_, _>>()?,
            Some(_) => return Err(Error::Route { file, message: "config.matcher must be a string or a list of strings".into() }),
        };
        Ok(Some(ProxyFile { file, export, matchers }))
    }

    #[cfg(test)]
    pub fn for_every_path(file: &str, export: &str) -> ProxyFile {
        ProxyFile { file: file.into(), export: export.into(), matchers: vec![PathPattern::parse("/:path*").expect("a valid pattern")] }
    }

    /// Whether the proxy runs for `path`, the raw request path: a matcher may match it as sent
    /// or percent-decoded, as Next.js tries both (so `/%70roxy/x` runs a `/proxy/:path*` proxy).
    pub fn runs_for(&self, path: &str) -> bool {
        let decoded = decode_component(path);
        self.matchers.iter().any(|m| m.matches(path) || decoded.as_deref().is_some_and(|d| m.matches(d)))
    }
}

fn parse(file: &str, pattern: &str) -> Result<PathPattern, Error> {
    PathPattern::parse(pattern).map_err(|message| Error::Route { file: file.to_owned(), message })
}

/// What the server does with the proxy's answer.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Decision {
    /// Route the request (with these request headers replaced), then add `response_headers`.
    Continue { request_headers: Option<Vec<(String, String)>>, response_headers: Vec<(String, String)> },
    /// Route this path and query instead, then add `response_headers` (which keep
    /// `x-middleware-rewrite`, as Next.js sends it).
    Rewrite { path_and_query: String, response_headers: Vec<(String, String)> },
    /// Send this answer as it is.
    Answer(WebResponse),
}

/// Reads the proxy's answer. `origin` is the request's own origin: a rewrite elsewhere is not
/// something the reference server can follow, so it is answered as it came.
pub fn decide(answer: WebResponse, origin: &str) -> Decision {
    let internal = |name: &str| name == "x-middleware-next" || name == "x-middleware-override-headers" || name.starts_with("x-middleware-request-");
    let response_headers: Vec<(String, String)> = answer.headers.iter().filter(|(n, _)| !internal(n)).cloned().collect();
    if let Some(target) = answer.header("x-middleware-rewrite")
        && let Some(path_and_query) = target.strip_prefix(origin)
    {
        return Decision::Rewrite { path_and_query: path_and_query.to_owned(), response_headers };
    }
    if answer.header("x-middleware-next").is_some() {
        let request_headers = answer.header("x-middleware-override-headers").map(|names| {
            names
                .split(',')
                .map(str::trim)
                .filter(|n| !n.is_empty())
                .filter_map(|n| answer.header(&format!("x-middleware-request-{n}")).map(|v| (n.to_owned(), v.to_owned())))
                .collect()
        });
        return Decision::Continue { request_headers, response_headers };
    }
    Decision::Answer(answer)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_matcher_matches_the_path_as_sent_or_decoded() {
        let proxy = ProxyFile { file: "proxy.js".into(), export: "proxy".into(), matchers: vec![PathPattern::parse("/proxy/:path*").unwrap()] };
        assert!(proxy.runs_for("/proxy/x"));
        assert!(proxy.runs_for("/%70roxy/x"));
        assert!(!proxy.runs_for("/%70roxy%zz/x"), "a path that does not decode is matched as sent only");
        assert!(!proxy.runs_for("/route-handlers/x"));
    }
}
