//! The `headers()` of `next.config.js`: on a request whose path matches a rule's `source`
//! (path-to-regexp, as the proxy's matcher), the rule's fields go on the answer, whatever
//! answers it (a route, the not-found page, an automatic OPTIONS). The path is the one the
//! router sees: from Next.js 16 with its dot segments resolved (`/a/./b` matches as `/a/b`),
//! before 16 as sent. The redirects `next start` makes of a trailing slash or of repeated
//! slashes come before, and carry none of the fields (seen on 16.4.6 and 15.5.29).
//!
//! Seen on `next start` 16.4.6 and 15.5.29 (fixture-app/next.config.js): the fields come
//! first, spelled as the config spells them, and a field of the same name the route handler set
//! is replaced by the config's.

use crate::fields::prepend;
use crate::next_config::HeaderRule;
use crate::proxy::matcher::PathPattern;
use crate::service::{Answer, Request, Service};
use http::{HeaderName, HeaderValue};

pub struct ConfigHeaders<S> {
    pub inner: S,
    /// The rules, with their `source` patterns parsed.
    pub rules: Vec<(PathPattern, HeaderRule)>,
}

impl<S> ConfigHeaders<S> {
    /// The stage for `rules`; a rule whose `source` the reference server cannot read is an
    /// error.
    pub fn new(inner: S, rules: &[HeaderRule]) -> Result<ConfigHeaders<S>, String> {
        let rules = rules.iter().map(|rule| Ok((PathPattern::parse(&rule.source)?, rule.clone()))).collect::<Result<_, String>>()?;
        Ok(ConfigHeaders { inner, rules })
    }
}

impl<S: Service<Output = Answer>> Service for ConfigHeaders<S> {
    type Output = Answer;

    async fn call(&self, request: Request) -> Answer {
        let fields: Vec<(HeaderName, HeaderValue)> = self
            .rules
            .iter()
            .filter(|(pattern, _)| pattern.matches(request.uri().path()))
            .flat_map(|(_, rule)| rule.headers.iter())
            .filter_map(|(name, value)| Some((HeaderName::try_from(name.as_str()).ok()?, HeaderValue::try_from(value.as_str()).ok()?)))
            .collect();
        let mut answer = self.inner.call(request).await;
        for (name, _) in &fields {
            answer.headers_mut().remove(name);
        }
        prepend(answer.headers_mut(), fields);
        answer
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::body::WireBody;
    use crate::service::testing::{Stub, get};

    fn answered(_: Request) -> Answer {
        let mut answer = Answer::new(WireBody::Left(Default::default()));
        answer.headers_mut().insert("x-route", "1".parse().unwrap());
        answer.headers_mut().insert("access-control-allow-origin", "https://example.com".parse().unwrap());
        answer
    }

    #[tokio::test]
    async fn matching_paths_get_the_fields_first_and_replacing_the_routes() {
        let rule = HeaderRule { source: "/api/:path*".into(), headers: vec![("Access-Control-Allow-Origin".into(), "*".into())] };
        let stage = ConfigHeaders::new(Stub(answered), &[rule]).unwrap();
        let answer = stage.call(get("/api/a")).await;
        let fields: Vec<(&str, &str)> = answer.headers().iter().map(|(n, v)| (n.as_str(), v.to_str().unwrap())).collect();
        assert_eq!(fields, [("access-control-allow-origin", "*"), ("x-route", "1")]);
        let other = stage.call(get("/other")).await;
        assert_eq!(other.headers()["access-control-allow-origin"], "https://example.com");
    }
}
