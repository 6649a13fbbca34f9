//! Whether `next build` prerenders a route (and `next start` serves it from the cache) or
//! renders it for each request.
//!
//! Seen on `next build` 16.4.6 and 15.5.29 of the fixture app:
//! - `dynamic = 'force-dynamic'` or `revalidate = 0` render per request, and so does a route in
//!   the Edge runtime (`runtime = 'edge'`, where `revalidate` is not available).
//! - A page is prerendered unless its code reads request data (`searchParams`, `cookies()`,
//!   `headers()`) while `dynamic` is `'auto'`; with `'force-static'` that data reads as empty.
//! - A route handler is prerendered only when it exports no method but GET (and HEAD) and opts
//!   in: `dynamic = 'force-static'` or `'error'`, an exported `revalidate` other than `0`, or
//!   `generateStaticParams`. Since Next.js 15 a plain GET handler renders per request.
//! - A route with dynamic segments is prerendered only for the params `generateStaticParams`
//!   lists (others on demand), or with `dynamic = 'force-static'` (every param on demand);
//!   without either it renders per request.
//! - A prerendered route is cached for good (`revalidate` absent or `false`) or for its
//!   `revalidate` seconds.

use super::segment::{Dynamic, Revalidate, SegmentConfig};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Handler,
    Page,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Rendering {
    /// Prerendered and served from the route cache; `revalidate` in seconds, `None` for good.
    Static { revalidate: Option<u64> },
    Dynamic,
}

/// The methods a prerendered route handler may export.
const STATIC_METHODS: [&str; 2] = ["GET", "HEAD"];

/// What the build plans for a route before running its code; `dynamic_segments` when its URL
/// has `[param]` segments.
pub fn planned(kind: Kind, config: &SegmentConfig, methods: &[&str], dynamic_segments: bool) -> Rendering {
    if config.dynamic == Dynamic::ForceDynamic || config.revalidate == Some(Revalidate::Zero) || config.edge {
        return Rendering::Dynamic;
    }
    if dynamic_segments && !config.static_params && config.dynamic != Dynamic::ForceStatic {
        return Rendering::Dynamic;
    }
    if kind == Kind::Handler {
        let only_get = methods.contains(&"GET") && methods.iter().all(|m| STATIC_METHODS.contains(m) || *m == "OPTIONS");
        let opted_in = matches!(config.dynamic, Dynamic::ForceStatic | Dynamic::Error)
            || matches!(config.revalidate, Some(Revalidate::Never | Revalidate::After(_)))
            || config.static_params;
        if !only_get || !opted_in || methods.contains(&"OPTIONS") {
            return Rendering::Dynamic;
        }
    }
    let revalidate = match config.revalidate {
        Some(Revalidate::After(seconds)) => Some(seconds),
        _ => None,
    };
    Rendering::Static { revalidate }
}

/// What the build decides once it ran the code: an `'auto'` route that read request data bails
/// out of prerendering.
pub fn after_prerender(planned: Rendering, config: &SegmentConfig, read_request_data: bool) -> Rendering {
    match planned {
        Rendering::Static { .. } if read_request_data && config.dynamic == Dynamic::Auto => Rendering::Dynamic,
        other => other,
    }
}

/// Whether the code sees an empty request (no headers, cookies or search params):
/// `dynamic = 'force-static'`, whether or not the route ends up prerendered.
pub fn empties_request(config: &SegmentConfig) -> bool {
    config.dynamic == Dynamic::ForceStatic
}

#[cfg(test)]
mod tests {
    use super::*;

    fn config(dynamic: Dynamic, revalidate: Option<Revalidate>) -> SegmentConfig {
        SegmentConfig { dynamic, revalidate, ..Default::default() }
    }

    #[test]
    fn plain_get_handlers_render_per_request() {
        assert_eq!(planned(Kind::Handler, &SegmentConfig::default(), &["GET"], false), Rendering::Dynamic);
    }

    #[test]
    fn handlers_opt_in_with_force_static_revalidate_or_static_params() {
        let get = ["GET"];
        assert_eq!(planned(Kind::Handler, &config(Dynamic::ForceStatic, None), &get, false), Rendering::Static { revalidate: None });
        assert_eq!(planned(Kind::Handler, &config(Dynamic::Auto, Some(Revalidate::Never)), &get, false), Rendering::Static { revalidate: None });
        assert_eq!(planned(Kind::Handler, &config(Dynamic::Auto, Some(Revalidate::After(2))), &get, false), Rendering::Static { revalidate: Some(2) });
        let params = SegmentConfig { static_params: true, ..Default::default() };
        assert_eq!(planned(Kind::Handler, &params, &get, false), Rendering::Static { revalidate: None });
    }

    #[test]
    fn other_methods_keep_a_handler_dynamic() {
        assert_eq!(planned(Kind::Handler, &config(Dynamic::ForceStatic, None), &["GET", "POST"], false), Rendering::Dynamic);
    }

    #[test]
    fn edge_routes_render_per_request() {
        let edge = SegmentConfig { edge: true, ..Default::default() };
        assert_eq!(planned(Kind::Page, &edge, &[], false), Rendering::Dynamic);
    }

    #[test]
    fn zero_and_force_dynamic_are_dynamic_everywhere() {
        for kind in [Kind::Handler, Kind::Page] {
            assert_eq!(planned(kind, &config(Dynamic::ForceDynamic, None), &["GET"], false), Rendering::Dynamic);
            assert_eq!(planned(kind, &config(Dynamic::Auto, Some(Revalidate::Zero)), &["GET"], false), Rendering::Dynamic);
        }
    }

    #[test]
    fn dynamic_segments_need_static_params_or_force_static() {
        let page = |config: &SegmentConfig| planned(Kind::Page, config, &[], true);
        assert_eq!(page(&SegmentConfig::default()), Rendering::Dynamic);
        assert_eq!(page(&SegmentConfig { static_params: true, ..Default::default() }), Rendering::Static { revalidate: None });
        assert_eq!(page(&config(Dynamic::ForceStatic, None)), Rendering::Static { revalidate: None });
    }

    #[test]
    fn reading_request_data_bails_out_only_in_auto() {
        let plan = planned(Kind::Page, &SegmentConfig::default(), &[], false);
        assert_eq!(plan, Rendering::Static { revalidate: None });
        assert_eq!(after_prerender(plan, &SegmentConfig::default(), true), Rendering::Dynamic);
        let forced = config(Dynamic::ForceStatic, None);
        assert_eq!(after_prerender(plan, &forced, true), plan);
    }
}
