//! Route segment config: the `dynamic`, `revalidate`, `dynamicParams`, `fetchCache` and
//! `runtime` a page or route file exports, read from its source ([`crate::exports`]). Values that are not one of
//! the documented literals count as the default, as a non-literal would fail `next build`.

use crate::exports::{ConstValue, Exports};

/// `dynamic`: `'auto'`, `'force-dynamic'`, `'error'` or `'force-static'`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
#[expect(clippy::enum_variant_names, reason = "named after the values Next.js documents")]
pub enum Dynamic {
    #[default]
    Auto,
    ForceDynamic,
    Error,
    ForceStatic,
}

/// `revalidate`: `false` (cache for good), `0` (render per request) or a number of seconds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Revalidate {
    Never,
    Zero,
    After(u64),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum FetchCache {
    #[default]
    Auto,
    DefaultCache,
    OnlyCache,
    ForceCache,
    DefaultNoStore,
    OnlyNoStore,
    ForceNoStore,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SegmentConfig {
    pub dynamic: Dynamic,
    /// `None` when the file does not export `revalidate`.
    pub revalidate: Option<Revalidate>,
    pub dynamic_params: bool,
    pub fetch_cache: FetchCache,
    /// Whether the file exports `generateStaticParams`.
    pub static_params: bool,
    /// `runtime = 'edge'` (the default is `'nodejs'`).
    pub edge: bool,
}

impl Default for SegmentConfig {
    fn default() -> Self {
        SegmentConfig { dynamic: Dynamic::Auto, revalidate: None, dynamic_params: true, fetch_cache: FetchCache::Auto, static_params: false, edge: false }
    }
}

impl SegmentConfig {
    pub fn read(exports: &Exports) -> SegmentConfig {
        let string = |name: &str| match exports.constants.get(name) {
            Some(ConstValue::Str(s)) => Some(s.as_str()),
            _ => None,
        };
        let dynamic = match string("dynamic") {
            Some("force-dynamic") => Dynamic::ForceDynamic,
            Some("error") => Dynamic::Error,
            Some("force-static") => Dynamic::ForceStatic,
            _ => Dynamic::Auto,
        };
        let revalidate = match exports.constants.get("revalidate") {
            Some(ConstValue::Bool(false)) => Some(Revalidate::Never),
            Some(ConstValue::Number(n)) if *n == 0.0 => Some(Revalidate::Zero),
            Some(ConstValue::Number(n)) if *n > 0.0 && n.is_finite() => Some(Revalidate::After(n.ceil() as u64)),
            _ => None,
        };
        let dynamic_params = !matches!(exports.constants.get("dynamicParams"), Some(ConstValue::Bool(false)));
        let fetch_cache = match string("fetchCache") {
            Some("default-cache") => FetchCache::DefaultCache,
            Some("only-cache") => FetchCache::OnlyCache,
            Some("force-cache") => FetchCache::ForceCache,
            Some("default-no-store") => FetchCache::DefaultNoStore,
            Some("only-no-store") => FetchCache::OnlyNoStore,
            Some("force-no-store") => FetchCache::ForceNoStore,
            _ => FetchCache::Auto,
        };
        let static_params = exports.names.iter().any(|n| n == "generateStaticParams");
        let edge = string("runtime") == Some("edge");
        SegmentConfig { dynamic, revalidate, dynamic_params, fetch_cache, static_params, edge }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::exports::read_exports;

    fn config(source: &str) -> SegmentConfig {
        SegmentConfig::read(&read_exports(source, "route.js").unwrap())
    }

    #[test]
    fn defaults_without_exports() {
        assert_eq!(config("export function GET() {}"), SegmentConfig::default());
    }

    #[test]
    fn reads_each_option() {
        let c = config(
            "export const dynamic = 'force-static'; export const revalidate = 2; export const dynamicParams = false;\
             export const fetchCache = 'force-no-store'; export function generateStaticParams() { return [] }",
        );
        assert_eq!(c.dynamic, Dynamic::ForceStatic);
        assert_eq!(c.revalidate, Some(Revalidate::After(2)));
        assert!(!c.dynamic_params);
        assert_eq!(c.fetch_cache, FetchCache::ForceNoStore);
        assert!(c.static_params);
    }

    #[test]
    fn revalidate_false_and_zero() {
        assert_eq!(config("export const revalidate = false").revalidate, Some(Revalidate::Never));
        assert_eq!(config("export const revalidate = 0").revalidate, Some(Revalidate::Zero));
        assert_eq!(config("export const revalidate = 60 * 10").revalidate, None);
    }
}
