//! Compares two answers to the same request by meaning: framing and per-response values
//! (`Date`, `ETag`...) by presence only, list-valued headers as sets, `Cache-Control` as a
//! directive set, `Location` (and other URL headers) resolved against each server's base URL, and bodies by content
//! type (JSON structurally, text line by line, anything else byte for byte). A difference found
//! by a step's `should` check is a warning.

use spec::matchers::body::BodyMatcher;
use spec::matchers::complete;
use spec::matchers::header::HeaderMatcher;
use spec::matchers::json::JsonPattern;
use spec::matchers::set_cookie::{self, CookieExpect};
use spec::matchers::{Checks, StatusKey};
use spec::{Mismatch, Response, Severity, Step};
use std::collections::BTreeSet;

/// What is compared besides the status.
#[derive(Debug, Clone)]
pub enum Scope {
    /// Every header and the whole body.
    Everything,
    /// Only what the case's step checks, as far as it pins it (see [`Asserted`]).
    Asserted(Asserted),
}

/// A step's checks as a diff uses them, each with the severity of its table (`expect` or
/// `should`). A header or body it pins exactly (exact, set, absent; exact bodies, JSON without
/// placeholders) is compared by meaning; one it checks only partly (regex, contains, shape,
/// present; contains or regex bodies, a JSON subset or JSON with `$shape`/`$regex`) by whether
/// one answer satisfies the check and the other does not, so that
/// values outside the claim (page markup, random tokens, ports) are not noise. A header pinned
/// by its separate field lines (`fields`) is compared line by line, and a `Set-Cookie` list
/// (`set_cookies`) by whether both answers satisfy it alike. A step that asks for a complete
/// answer has every other header compared by meaning too, but transport headers.
#[derive(Debug, Clone, Default)]
pub struct Asserted {
    pub headers: Vec<(String, HeaderMatcher, Severity)>,
    pub bodies: Vec<(BodyMatcher, Severity)>,
    pub set_cookies: Vec<(Vec<CookieExpect>, Severity)>,
    pub complete: Option<Severity>,
}

impl Scope {
    /// What `step`'s `expect` and `should` tables check.
    pub fn asserted_by(step: &Step) -> Scope {
        let mut asserted = Asserted::default();
        asserted.add(&step.expect, Severity::Must);
        if let Some(should) = &step.should {
            asserted.add(should, Severity::Should);
        }
        Scope::Asserted(asserted)
    }
}

impl Asserted {
    fn add<S: StatusKey>(&mut self, checks: &Checks<S>, severity: Severity) {
        self.headers.extend(checks.headers.0.iter().map(|(name, matcher)| (name.clone(), matcher.clone(), severity)));
        self.bodies.extend(checks.body.iter().map(|body| (body.clone(), severity)));
        self.set_cookies.extend(checks.set_cookies.iter().map(|cookies| (cookies.clone(), severity)));
        if checks.headers_complete {
            self.complete = Some(self.complete.map_or(severity, |known| known.min(severity)));
        }
    }
}

/// The matcher, when it checks a header only partly or by its field lines.
fn partial(matcher: &HeaderMatcher) -> Option<&HeaderMatcher> {
    matches!(
        matcher,
        HeaderMatcher::Regex(_) | HeaderMatcher::Contains(_) | HeaderMatcher::Shape(_) | HeaderMatcher::Present | HeaderMatcher::Fields(_)
    )
    .then_some(matcher)
}

/// The header's field lines, compared one by one: `a, b` in one line is not `a` and `b` in two.
fn compare_fields(name: &str, a: &Response, b: &Response) -> Option<String> {
    let (la, lb): (Vec<&str>, Vec<&str>) = (a.header_values(name).collect(), b.header_values(name).collect());
    (la != lb).then(|| format!("field lines differ: a {la:?}, b {lb:?}"))
}

/// Headers about the connection or message framing, which differ between equivalent servers.
const FRAMING: [&str; 5] = ["connection", "keep-alive", "transfer-encoding", "content-length", "date"];
/// Headers whose value changes from response to response: compared by presence.
const VOLATILE: [&str; 4] = ["etag", "age", "last-modified", "expires"];
/// Headers whose value is a URL, compared as a path when it points at the server itself.
const URLS: [&str; 3] = ["location", "content-location", "x-middleware-rewrite"];
/// Comma-separated lists whose order carries no meaning.
const SETS: [&str; 5] = ["allow", "vary", "access-control-allow-methods", "access-control-allow-headers", "access-control-expose-headers"];

pub fn compare(a: &Response, b: &Response, scope: &Scope, base_a: &str, base_b: &str) -> Vec<Mismatch> {
    let mut out = Vec::new();
    if a.status != b.status {
        out.push(Mismatch::new("status", format!("a {}, b {}", a.status, b.status)));
    }
    let names: BTreeSet<&str> = a.headers.iter().chain(&b.headers).map(|(n, _)| n.as_str()).collect();
    for name in names.into_iter().filter(|n| !FRAMING.contains(n)) {
        let by_meaning = || compare_header(name, a.header(name), b.header(name), base_a, base_b);
        let asserted = match scope {
            Scope::Everything => {
                out.extend(by_meaning().map(|problem| Mismatch::new(format!("header `{name}`"), problem)));
                continue;
            }
            Scope::Asserted(asserted) => asserted,
        };
        let mut problems: Vec<(String, Severity)> = Vec::new();
        let rules: Vec<_> = asserted.headers.iter().filter(|(n, _, _)| n == name).collect();
        if rules.is_empty()
            && let Some(severity) = asserted.complete.filter(|_| !complete::exempt(name))
        {
            problems.extend(by_meaning().map(|problem| (problem, severity)));
        }
        for (_, matcher, severity) in rules {
            let problem = match partial(matcher) {
                None => by_meaning(),
                Some(HeaderMatcher::Fields(_)) => compare_fields(name, a, b),
                Some(matcher) => one_sided(
                    "meets the case's check",
                    &matcher.check(name, a).unwrap_or_default(),
                    &matcher.check(name, b).unwrap_or_default(),
                ),
            };
            problems.extend(problem.map(|problem| (problem, *severity)));
        }
        push_distinct(&mut out, &format!("header `{name}`"), problems);
    }
    if let Scope::Asserted(asserted) = scope {
        let problems = asserted.set_cookies.iter().filter_map(|(expected, severity)| {
            let check = |r: &Response| set_cookie::check(expected, r).join("; ");
            Some((one_sided("sends the case's cookies", &check(a), &check(b))?, *severity))
        });
        push_distinct(&mut out, "Set-Cookie", problems.collect());
    }
    let body = match scope {
        Scope::Everything => compare_body(a, b).map(|problem| (problem, Severity::Must)).into_iter().collect(),
        Scope::Asserted(asserted) => asserted
            .bodies
            .iter()
            .filter_map(|(matcher, severity)| {
                let pinned = matcher.exact.is_some() || matcher.json.as_ref().is_some_and(JsonPattern::is_literal) || matcher.file.is_some();
                let problem = if pinned { compare_body(a, b) } else { compare_verdicts(matcher, a, b) };
                Some((problem?, *severity))
            })
            .collect(),
    };
    push_distinct(&mut out, "body", body);
    out
}

/// Adds a mismatch about `subject` per distinct problem, with the gravest severity that found it.
fn push_distinct(out: &mut Vec<Mismatch>, subject: &str, mut problems: Vec<(String, Severity)>) {
    problems.sort_by_key(|(_, severity)| *severity);
    let mut seen = BTreeSet::new();
    for (problem, severity) in problems {
        if seen.insert(problem.clone()) {
            out.push(Mismatch::new(subject, problem).of(severity));
        }
    }
}

/// Whether the step's body checks hold on one answer only.
fn compare_verdicts(matcher: &BodyMatcher, a: &Response, b: &Response) -> Option<String> {
    one_sided("meets the case's body checks", &matcher.check(a).join("; "), &matcher.check(b).join("; "))
}

/// The difference when a check holds on one side only, given each side's problems (empty when
/// it holds). Two answers that both fail a check agree about the claim, however their volatile
/// parts (ports, times) differ, so that is no difference.
pub(crate) fn one_sided(what: &str, problems_a: &str, problems_b: &str) -> Option<String> {
    match (problems_a.is_empty(), problems_b.is_empty()) {
        (true, false) => Some(format!("only a {what}; b: {problems_b}")),
        (false, true) => Some(format!("only b {what}; a: {problems_a}")),
        _ => None,
    }
}

fn compare_header(name: &str, a: Option<String>, b: Option<String>, base_a: &str, base_b: &str) -> Option<String> {
    let (a, b) = match (a, b) {
        (None, None) => return None,
        (Some(a), None) => return Some(format!("only a sends it: `{a}`")),
        (None, Some(b)) => return Some(format!("only b sends it: `{b}`")),
        (Some(a), Some(b)) => (a, b),
    };
    let same = if VOLATILE.contains(&name) {
        true
    } else if SETS.contains(&name) {
        items(&a, name == "vary" || name.starts_with("access-control-allow-h")) == items(&b, name == "vary" || name.starts_with("access-control-allow-h"))
    } else if name == "cache-control" {
        items(&a, true) == items(&b, true)
    } else if URLS.contains(&name) {
        local(&a, base_a) == local(&b, base_b)
    } else {
        a == b
    };
    (!same).then(|| format!("a `{a}`, b `{b}`"))
}

fn items(value: &str, ignore_case: bool) -> BTreeSet<String> {
    value
        .split(',')
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(|s| if ignore_case { s.to_ascii_lowercase() } else { s.to_owned() })
        .collect()
}

/// A Location on the server's own origin, as a path; any other Location unchanged. A loopback
/// server's own origin may be written with `localhost` or `127.0.0.1` (`next start` writes
/// `localhost` whatever the Host header says), so any loopback name on the base's port counts.
fn local<'a>(location: &'a str, base: &str) -> &'a str {
    let Some((scheme, rest)) = location.split_once("://") else { return location };
    let (authority, path) = rest.find('/').map_or((rest, "/"), |i| (&rest[..i], &rest[i..]));
    let base_port = base.rsplit_once(':').map(|(_, p)| p.trim_end_matches('/'));
    let (host, port) = authority.rsplit_once(':').unwrap_or((authority, ""));
    let loopback = matches!(host, "localhost" | "127.0.0.1" | "[::1]");
    let same_origin = location.starts_with(base) || (loopback && Some(port) == base_port && base.starts_with(&format!("{scheme}://")));
    if same_origin { path } else { location }
}

fn compare_body(a: &Response, b: &Response) -> Option<String> {
    if a.body == b.body {
        return None;
    }
    let content_type = a.header("content-type").unwrap_or_default().to_ascii_lowercase();
    if content_type.contains("json")
        && let (Ok(va), Ok(vb)) = (serde_json::from_slice(&a.body), serde_json::from_slice::<serde_json::Value>(&b.body))
    {
        let differences = JsonPattern::literal(va).differences(&vb, false);
        return (!differences.is_empty()).then(|| format!("JSON differs (expected = a, got = b): {}", differences.join("; ")));
    }
    let (ta, tb) = (String::from_utf8_lossy(&a.body), String::from_utf8_lossy(&b.body));
    if let Some((line, (la, lb))) = ta.lines().zip(tb.lines()).enumerate().find(|(_, (x, y))| x != y) {
        return Some(format!("line {} differs: a {:?}, b {:?}", line + 1, clip(la), clip(lb)));
    }
    Some(format!("a has {} bytes, b has {} bytes", a.body.len(), b.body.len()))
}

fn clip(line: &str) -> String {
    line.chars().take(160).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn response(status: u16, headers: &[(&str, &str)], body: &str) -> Response {
        Response::from_parts(status, headers, body)
    }

    fn asserted(headers: Vec<(&str, HeaderMatcher, Severity)>) -> Scope {
        let headers = headers.into_iter().map(|(n, m, s)| (n.to_owned(), m, s)).collect();
        Scope::Asserted(Asserted { headers, ..Asserted::default() })
    }

    fn differences(a: &Response, b: &Response) -> Vec<String> {
        compare(a, b, &Scope::Everything, "http://a", "http://b").iter().map(ToString::to_string).collect()
    }

    #[test]
    fn equivalent_answers_do_not_differ() {
        let a = response(
            200,
            &[("date", "x"), ("etag", "\"1\""), ("allow", "GET, HEAD"), ("cache-control", "no-store, private"), ("location", "http://a/x"), ("content-type", "application/json")],
            r#"{"a":1,"b":2}"#,
        );
        let b = response(
            200,
            &[("etag", "\"2\""), ("allow", "HEAD,GET"), ("cache-control", "private, no-store"), ("location", "/x"), ("content-type", "application/json"), ("transfer-encoding", "chunked")],
            r#"{"b":2, "a":1}"#,
        );
        assert_eq!(differences(&a, &b), Vec::<String>::new());
    }

    #[test]
    fn a_location_on_the_servers_own_loopback_origin_is_a_path() {
        assert_eq!(local("http://localhost:3000/new?x", "http://127.0.0.1:3000"), "/new?x");
        assert_eq!(local("http://127.0.0.1:3000", "http://127.0.0.1:3000"), "/");
        assert_eq!(local("http://localhost:4000/new", "http://127.0.0.1:3000"), "http://localhost:4000/new");
        assert_eq!(local("https://example.com/new", "http://127.0.0.1:3000"), "https://example.com/new");
        assert_eq!(local("/new", "http://127.0.0.1:3000"), "/new");
    }

    #[test]
    fn names_each_difference() {
        let a = response(200, &[("vary", "rsc, Accept-Encoding"), ("content-type", "application/json")], r#"{"a":1}"#);
        let b = response(201, &[("vary", "rsc"), ("x-extra", "1"), ("content-type", "application/json")], r#"{"a":2}"#);
        assert_eq!(
            differences(&a, &b),
            [
                "status: a 200, b 201",
                "header `vary`: a `rsc, Accept-Encoding`, b `rsc`",
                "header `x-extra`: only b sends it: `1`",
                "body: JSON differs (expected = a, got = b): $.a: expected 1, got 2",
            ]
        );
    }

    #[test]
    fn asserted_scope_ignores_headers_the_case_does_not_check() {
        let a = response(200, &[("vary", "rsc, Accept-Encoding"), ("x-handler", "GET")], "");
        let b = response(200, &[("vary", "rsc"), ("x-handler", "GET")], "x");
        let scope = asserted(vec![("x-handler", HeaderMatcher::Exact("GET".into()), Severity::Must)]);
        assert!(compare(&a, &b, &scope, "", "").is_empty());
    }

    #[test]
    fn asserted_scope_compares_partial_header_checks_by_verdict() {
        let token = HeaderMatcher::Regex(toml::from_str::<std::collections::BTreeMap<String, spec::matchers::pattern::Pattern>>("p = \"^t=[0-9a-f]+; Path=/$\"").unwrap().remove("p").unwrap());
        let scope = asserted(vec![("set-cookie", token, Severity::Must)]);
        let a = response(200, &[("set-cookie", "t=1a2b; Path=/")], "");
        let b = response(200, &[("set-cookie", "t=9f9f; Path=/")], "");
        assert!(compare(&a, &b, &scope, "", "").is_empty());
        let c = response(200, &[("set-cookie", "t=zz; Path=/")], "");
        assert_eq!(compare(&a, &c, &scope, "", "").len(), 1);
    }

    #[test]
    fn asserted_scope_compares_partial_body_checks_by_verdict() {
        let matcher: BodyMatcher = toml::from_str::<std::collections::BTreeMap<String, BodyMatcher>>("b = { contains = \"not found\" }")
            .unwrap()
            .remove("b")
            .unwrap();
        let scope = Scope::Asserted(Asserted { bodies: vec![(matcher, Severity::Must)], ..Asserted::default() });
        let a = response(404, &[], "<html>build 1: not found</html>");
        let b = response(404, &[], "<html>build 2: not found</html>");
        assert!(compare(&a, &b, &scope, "", "").is_empty());
        let c = response(404, &[], "<html>gone</html>");
        let found = compare(&a, &c, &scope, "", "");
        assert!(found[0].problem.starts_with("only a meets the case's body checks"), "{found:?}");
    }

    #[test]
    fn json_with_placeholders_or_a_subset_is_compared_by_verdict() {
        let matcher = |source: &str| -> BodyMatcher { toml::from_str::<std::collections::BTreeMap<String, BodyMatcher>>(source).unwrap().remove("b").unwrap() };
        let a = response(200, &[("content-type", "application/json")], r#"{"url":"http://localhost:1/x","n":1}"#);
        let b = response(200, &[("content-type", "application/json")], r#"{"url":"http://localhost:2/x","n":1}"#);
        for source in [r#"b = { json_subset = { n = 1 } }"#, r#"b = { json = { url = { "$regex" = "^http://[^/]+/x$" }, n = 1 } }"#] {
            let scope = Scope::Asserted(Asserted { bodies: vec![(matcher(source), Severity::Must)], ..Asserted::default() });
            assert!(compare(&a, &b, &scope, "", "").is_empty(), "{source}");
        }
        let literal = Scope::Asserted(Asserted { bodies: vec![(matcher(r#"b = { json = { n = 1 } }"#), Severity::Must)], ..Asserted::default() });
        assert!(!compare(&a, &b, &literal, "", "").is_empty());
    }

    #[test]
    fn asserted_scope_compares_field_lines_and_cookie_lists() {
        let lines = HeaderMatcher::Fields(vec!["a".into(), "b".into()]);
        let scope = asserted(vec![("x-items", lines, Severity::Must)]);
        let two = response(200, &[("x-items", "a"), ("x-items", "b")], "");
        let folded = response(200, &[("x-items", "a, b")], "");
        assert!(compare(&two, &two, &scope, "", "").is_empty());
        assert_eq!(compare(&two, &folded, &scope, "", "")[0].problem, r#"field lines differ: a ["a", "b"], b ["a, b"]"#);

        let cookies: Vec<CookieExpect> = toml::from_str::<std::collections::BTreeMap<String, Vec<CookieExpect>>>(
            "c = [{ name = \"t\", value = \"\", attributes = [\"Path=/\"] }]",
        )
        .unwrap()
        .remove("c")
        .unwrap();
        let scope = Scope::Asserted(Asserted { set_cookies: vec![(cookies, Severity::Must)], ..Asserted::default() });
        let clears = response(200, &[("set-cookie", "t=; Path=/")], "");
        let silent = response(200, &[], "");
        assert!(compare(&clears, &clears, &scope, "", "").is_empty());
        let found = compare(&clears, &silent, &scope, "", "");
        assert!(found[0].problem.starts_with("only a sends the case's cookies"), "{found:?}");
    }

    #[test]
    fn a_complete_answer_compares_every_header_but_transport_ones() {
        let date = HeaderMatcher::Shape(toml::from_str::<std::collections::BTreeMap<String, spec::matchers::shape::Shape>>("s = \"http-date\"").unwrap().remove("s").unwrap());
        let mut scope = Asserted { headers: vec![("date".into(), date, Severity::Must)], complete: Some(Severity::Must), ..Asserted::default() };
        let a = response(200, &[("date", "x"), ("x-powered-by", "Next.js"), ("cf-ray", "1")], "");
        let b = response(200, &[("date", "y"), ("x-middleware-rewrite", "/b"), ("server", "other")], "");
        let found: Vec<String> = compare(&a, &b, &Scope::Asserted(scope.clone()), "", "").iter().map(ToString::to_string).collect();
        assert_eq!(found, ["header `x-middleware-rewrite`: only b sends it: `/b`", "header `x-powered-by`: only a sends it: `Next.js`"]);
        scope.complete = Some(Severity::Should);
        let found = compare(&a, &b, &Scope::Asserted(scope), "", "");
        assert!(found.iter().all(|m| m.severity == Severity::Should), "{found:?}");
        assert!(compare(&a, &b, &asserted(vec![]), "", "").is_empty(), "without a complete answer unnamed headers are not compared");
    }

    #[test]
    fn a_should_check_finds_warnings_and_a_must_one_on_the_same_header_failures() {
        let set = HeaderMatcher::Set(vec!["GET".into(), "HEAD".into()]);
        let lines = HeaderMatcher::Fields(vec!["GET".into(), "HEAD".into()]);
        let scope = asserted(vec![("allow", set, Severity::Must), ("allow", lines, Severity::Should)]);
        let two = response(405, &[("allow", "GET"), ("allow", "HEAD")], "");
        let folded = response(405, &[("allow", "GET, HEAD")], "");
        let found: Vec<String> = compare(&two, &folded, &scope, "", "").iter().map(ToString::to_string).collect();
        assert_eq!(found, [r#"header `allow` (should): field lines differ: a ["GET", "HEAD"], b ["GET, HEAD"]"#]);
        let other = response(405, &[("allow", "GET")], "");
        let found = compare(&two, &other, &scope, "", "");
        assert_eq!(found.iter().map(|m| m.severity).collect::<Vec<_>>(), [Severity::Must, Severity::Should], "{found:?}");
    }

    #[test]
    fn text_bodies_report_the_first_differing_line() {
        let a = response(200, &[("content-type", "text/plain")], "one\ntwo\nthree");
        let b = response(200, &[("content-type", "text/plain")], "one\n2\nthree");
        assert_eq!(differences(&a, &b), [r#"body: line 2 differs: a "two", b "2""#]);
    }
}
