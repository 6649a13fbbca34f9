//! What the data functions of a Pages Router page see and give back: the `context` of
//! `getStaticProps` and `getServerSideProps`, their result (props, `notFound` or `redirect`), and
//! what `getStaticPaths` lists. Mirrors of `pages/**` pages implement
//! [`PagesCode`](crate::code::PagesCode) with these types.

use crate::clock::Clock;
use crate::params::Params;
use serde_json::Value;
use std::cell::RefCell;

/// `process.env.NEXT_PHASE` while the code runs.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Phase {
    /// `phase-production-build`: `next build` prerendering.
    Build,
    /// `next start` answering requests (and regenerating pages).
    Server,
}

/// The `context` argument of `getStaticProps` and `getServerSideProps`.
pub struct PropsContext<'a> {
    pub params: Option<&'a Params>,
    pub phase: Phase,
    /// `previewData` when the request carries a preview session (`preview` and `draftMode` are
    /// then true): the data `res.setPreviewData` was given, `{}` in draft mode.
    pub preview_data: Option<&'a Value>,
    /// `context.res` of `getServerSideProps`: the header fields it sets.
    pub res: ResHeaders,
    /// The server's time, which `Date.now()` reads.
    pub clock: Clock,
}

impl<'a> PropsContext<'a> {
    pub fn new(params: Option<&'a Params>, phase: Phase, preview_data: Option<&'a Value>, clock: Clock) -> PropsContext<'a> {
        PropsContext { params, phase, preview_data, res: ResHeaders::default(), clock }
    }

    /// `Date.now()`: milliseconds since the Unix epoch, by the server's clock.
    pub fn date_now(&self) -> u64 {
        self.clock.date_now()
    }

    /// `context.params[name]` of a single dynamic segment.
    pub fn param(&self, name: &str) -> Option<&str> {
        match self.params?.get(name)? {
            crate::params::ParamValue::One(value) => Some(value),
            crate::params::ParamValue::Many(_) => None,
        }
    }
}

/// Header fields set with `res.setHeader(name, value or [values])`, in the order first set.
#[derive(Debug, Default)]
pub struct ResHeaders(RefCell<Vec<(String, Vec<String>)>>);

impl ResHeaders {
    /// `res.setHeader(name, values)`: one field per value, replacing an earlier one of that name.
    pub fn set_header(&self, name: &str, values: &[&str]) {
        let values: Vec<String> = values.iter().map(|v| (*v).to_owned()).collect();
        let mut fields = self.0.borrow_mut();
        match fields.iter_mut().find(|(n, _)| n.eq_ignore_ascii_case(name)) {
            Some(field) => *field = (name.to_owned(), values),
            None => fields.push((name.to_owned(), values)),
        }
    }

    /// Every field line, in order.
    pub fn lines(&self) -> Vec<(String, String)> {
        let fields = self.0.borrow();
        fields.iter().flat_map(|(name, values)| values.iter().map(move |v| (name.to_ascii_lowercase(), v.clone()))).collect()
    }
}

/// What `getStaticProps` or `getServerSideProps` returns.
#[derive(Debug, Clone, PartialEq)]
pub enum PropsResult {
    /// `{ props, revalidate }`; `revalidate` only from `getStaticProps`, `None` for `false` or
    /// left out.
    Props { props: Value, revalidate: Option<u64> },
    /// `{ notFound: true }`
    NotFound,
    /// `{ redirect: { destination, permanent } }`
    Redirect { destination: String, permanent: bool },
}

/// What `getStaticPaths` returns.
#[derive(Debug, Clone, PartialEq)]
pub struct StaticPaths {
    pub paths: Vec<Params>,
    pub fallback: Fallback,
}

/// `fallback` of `getStaticPaths`: what a path it does not list gets.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Fallback {
    /// `false`: the not-found page.
    False,
    /// `true`: the page rendered as a fallback (`router.isFallback`), until the path's data is
    /// requested.
    True,
    /// `'blocking'`: rendered on its first request.
    Blocking,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn set_header_replaces_a_field_and_keeps_one_line_per_value() {
        let res = ResHeaders::default();
        res.set_header("Set-Cookie", &["a=1", "b=2"]);
        res.set_header("Cache-Control", &["no-store"]);
        res.set_header("cache-control", &["public"]);
        let lines = res.lines();
        assert_eq!(lines, [("set-cookie".into(), "a=1".into()), ("set-cookie".into(), "b=2".into()), ("cache-control".into(), "public".into())]);
    }
}
