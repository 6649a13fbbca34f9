//! Route segment config: the `dynamic`, `revalidate`, `dynamicParams`, `fetchCache` and
//! `runtime` a page or route file exports, read from its source ([`crate::exports`]). Values that
//! are not one of the documented literals count as the default, as a non-literal would fail
//! `next build`. A `'use client'` file's options have no effect (seen on `next build` 16.4.6 and
//! 15.5.29: a Client Component page exporting `dynamic = 'force-dynamic'` is prerendered).
//!
//! A page's layouts take part ([`SegmentConfig::read_route`]), as Next.js applies each segment's
//! options while it renders them, outermost first.

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
        SegmentConfig::read_route(&[], exports)
    }

    /// The config a page renders with inside its layouts (`layouts` outermost first), as Next.js
    /// applies each segment's options in turn: the lowest `revalidate` number any of them exports
    /// (`false` changes nothing), the deepest `dynamic` and `fetchCache` (Next.js keeps one
    /// value, each segment replacing it), a `force-dynamic` anywhere; `dynamicParams`,
    /// `generateStaticParams` and `runtime` are the page's own.
    pub fn read_route(layouts: &[&Exports], page: &Exports) -> SegmentConfig {
        let segments: Vec<Options> = layouts.iter().copied().chain([page]).map(Options::read).collect();
        let dynamic = if segments.iter().any(|s| s.dynamic == Some(Dynamic::ForceDynamic)) {
            Dynamic::ForceDynamic
        } else {
            segments.iter().rev().find_map(|s| s.dynamic).unwrap_or_default()
        };
        let revalidate = segments.iter().filter_map(|s| s.revalidate).reduce(|lowest, next| match (lowest, next) {
            (Revalidate::Never, other) | (other, Revalidate::Never) => other,
            (Revalidate::Zero, _) | (_, Revalidate::Zero) => Revalidate::Zero,
            (Revalidate::After(a), Revalidate::After(b)) => Revalidate::After(a.min(b)),
        });
        let fetch_cache = segments.iter().rev().find_map(|s| s.fetch_cache).unwrap_or_default();
        let own = segments.last().copied().unwrap_or_default();
        SegmentConfig {
            dynamic,
            revalidate,
            dynamic_params: own.dynamic_params,
            fetch_cache,
            static_params: page.names.iter().any(|n| n == "generateStaticParams"),
            edge: own.edge,
        }
    }
}

/// What one file exports, each option `None` when it does not (or when the file is a Client
/// Component, whose options have no effect).
#[derive(Debug, Clone, Copy)]
struct Options {
    dynamic: Option<Dynamic>,
    revalidate: Option<Revalidate>,
    fetch_cache: Option<FetchCache>,
    dynamic_params: bool,
    edge: bool,
}

impl Default for Options {
    fn default() -> Self {
        Options { dynamic: None, revalidate: None, fetch_cache: None, dynamic_params: true, edge: false }
    }
}

impl Options {
    fn read(exports: &Exports) -> Options {
        if exports.has_directive("use client") {
            return Options::default();
        }
        let string = |name: &str| match exports.constants.get(name) {
            Some(ConstValue::Str(s)) => Some(s.as_str()),
            _ => None,
        };
        let dynamic = string("dynamic").map(|value| match value {
            "force-dynamic" => Dynamic::ForceDynamic,
            "error" => Dynamic::Error,
            "force-static" => Dynamic::ForceStatic,
            _ => Dynamic::Auto,
        });
        let revalidate = match exports.constants.get("revalidate") {
            Some(ConstValue::Bool(false)) => Some(Revalidate::Never),
            Some(ConstValue::Number(n)) if *n == 0.0 => Some(Revalidate::Zero),
            Some(ConstValue::Number(n)) if *n > 0.0 && n.is_finite() => Some(Revalidate::After(n.ceil() as u64)),
            _ => None,
        };
        let fetch_cache = string("fetchCache").map(|value| match value {
            "default-cache" => FetchCache::DefaultCache,
            "only-cache" => FetchCache::OnlyCache,
            "force-cache" => FetchCache::ForceCache,
            "default-no-store" => FetchCache::DefaultNoStore,
            "only-no-store" => FetchCache::OnlyNoStore,
            "force-no-store" => FetchCache::ForceNoStore,
            _ => FetchCache::Auto,
        });
        let dynamic_params = !matches!(exports.constants.get("dynamicParams"), Some(ConstValue::Bool(false)));
        Options { dynamic, revalidate, fetch_cache, dynamic_params, edge: string("runtime") == Some("edge") }
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
    fn layouts_lower_revalidate_and_the_deepest_fetch_cache_wins() {
        let layout = read_exports("export const revalidate = 1; export const fetchCache = 'force-no-store'", "layout.js").unwrap();
        let page = read_exports("export const revalidate = 60; export const fetchCache = 'only-cache'", "page.js").unwrap();
        let c = SegmentConfig::read_route(&[&layout], &page);
        assert_eq!((c.revalidate, c.fetch_cache), (Some(Revalidate::After(1)), FetchCache::OnlyCache));
        let never = read_exports("export const revalidate = false", "page.js").unwrap();
        assert_eq!(SegmentConfig::read_route(&[&layout], &never).revalidate, Some(Revalidate::After(1)));
    }

    #[test]
    fn client_components_and_the_edge_runtime() {
        assert_eq!(config("'use client'\nexport const dynamic = 'force-dynamic'").dynamic, Dynamic::Auto);
        assert!(config("export const runtime = 'edge'").edge);
    }

    #[test]
    fn revalidate_false_and_zero() {
        assert_eq!(config("export const revalidate = false").revalidate, Some(Revalidate::Never));
        assert_eq!(config("export const revalidate = 0").revalidate, Some(Revalidate::Zero));
        assert_eq!(config("export const revalidate = 60 * 10").revalidate, None);
    }
}
