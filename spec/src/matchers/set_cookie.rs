//! The Set-Cookie list matcher: `expect.set_cookies` pins every `Set-Cookie` header line of the
//! response, in order: each cookie's name, value and attributes, attribute order included.
//!
//! ```toml
//! expect.set_cookies = [
//!   { name = "a", value = "1", attributes = ["Path=/"] },
//!   { name = "b", value = "2", attributes = ["Path=/", { name = "Expires", seconds_after_date = 3600 }, "Max-Age=3600"] },
//! ]
//! ```
//!
//! An attribute is written as sent (`"HttpOnly"`, `"SameSite=lax"`), or, when it is a time
//! relative to the response, as `{ name = "Expires", seconds_after_date = N }`: a date N seconds
//! (±2) after the response's `Date` header (or, when it sends none, after the client received it).

use crate::response::Response;
use serde::{Deserialize, Serialize};
use std::time::{Duration, SystemTime};

#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct CookieExpect {
    pub name: String,
    /// The value as sent (still encoded).
    pub value: String,
    pub attributes: Vec<AttributeExpect>,
}

#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(untagged, expecting = "an attribute as sent, or { name = \"Expires\", seconds_after_date = N }")]
pub enum AttributeExpect {
    Exact(String),
    RelativeDate(RelativeDate),
}

#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct RelativeDate {
    pub name: String,
    pub seconds_after_date: i64,
}

/// How far a relative date may be from the expected instant (the server's clock ticks between
/// computing the attribute and the `Date` header).
const DATE_SLACK: Duration = Duration::from_secs(2);

/// One Set-Cookie line, split as a client reads it.
struct Line<'a> {
    name: &'a str,
    value: &'a str,
    attributes: Vec<&'a str>,
}

fn split(line: &str) -> Option<Line<'_>> {
    let parsed = cookie::Cookie::parse(line).ok()?;
    let mut parts = line.split(';').map(str::trim);
    let pair = parts.next()?;
    let (name, value) = pair.split_once('=')?;
    debug_assert_eq!(parsed.name(), name.trim());
    Some(Line { name: name.trim(), value: value.trim(), attributes: parts.filter(|p| !p.is_empty()).collect() })
}

/// Every difference between the expected cookies and the response's Set-Cookie lines.
pub fn check(expected: &[CookieExpect], response: &Response) -> Vec<String> {
    let lines: Vec<&str> = response.header_values("set-cookie").collect();
    let date = response.date();
    let mut out = Vec::new();
    for line in &lines {
        let folded: Vec<&str> = expected.iter().map(|c| c.name.as_str()).filter(|n| line.contains(&format!(", {n}="))).collect();
        if !folded.is_empty() {
            out.push(format!("cookies folded into one header line (also holds {}): `{line}`", folded.join(", ")));
        }
    }
    if lines.len() != expected.len() {
        let names = |it: Vec<&str>| it.join(", ");
        let got: Vec<&str> = lines.iter().filter_map(|l| split(l).map(|c| c.name)).collect();
        out.push(format!(
            "expected {} Set-Cookie lines ({}), got {} ({})",
            expected.len(),
            names(expected.iter().map(|c| c.name.as_str()).collect()),
            lines.len(),
            names(got)
        ));
    }
    for (index, want) in expected.iter().enumerate() {
        let Some(line) = lines.get(index) else {
            out.push(format!("missing cookie `{}`", want.name));
            continue;
        };
        let Some(got) = split(line) else {
            out.push(format!("line {}: `{line}` is not a valid Set-Cookie", index + 1));
            continue;
        };
        if got.name != want.name || got.value != want.value {
            out.push(format!("line {}: expected `{}={}`, got `{}={}`", index + 1, want.name, want.value, got.name, got.value));
        }
        if let Some(problem) = compare_attributes(&want.attributes, &got.attributes, date) {
            out.push(format!("cookie `{}`: {problem} (line `{line}`)", want.name));
        }
    }
    for line in lines.iter().skip(expected.len()) {
        out.push(format!("unexpected cookie line `{line}`"));
    }
    out
}

fn compare_attributes(want: &[AttributeExpect], got: &[&str], date: Option<SystemTime>) -> Option<String> {
    let shown: Vec<String> = want.iter().map(describe).collect();
    let same = want.len() == got.len() && want.iter().zip(got).all(|(w, g)| attribute_matches(w, g, date));
    (!same).then(|| format!("expected attributes [{}], got [{}]", shown.join("; "), got.join("; ")))
}

fn attribute_matches(want: &AttributeExpect, got: &str, date: Option<SystemTime>) -> bool {
    match want {
        AttributeExpect::Exact(text) => text == got,
        AttributeExpect::RelativeDate(relative) => {
            let Some((name, value)) = got.split_once('=') else { return false };
            let (Some(date), Ok(when)) = (date, httpdate::parse_http_date(value)) else { return false };
            let expected = if relative.seconds_after_date >= 0 {
                date + Duration::from_secs(relative.seconds_after_date as u64)
            } else {
                date - Duration::from_secs(relative.seconds_after_date.unsigned_abs())
            };
            let distance = when.duration_since(expected).or_else(|e| Ok::<_, ()>(e.duration())).unwrap_or_default();
            name.eq_ignore_ascii_case(&relative.name) && distance <= DATE_SLACK
        }
    }
}

fn describe(want: &AttributeExpect) -> String {
    match want {
        AttributeExpect::Exact(text) => text.clone(),
        AttributeExpect::RelativeDate(r) => format!("{}=<Date + {} s>", r.name, r.seconds_after_date),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn response(lines: &[&str]) -> Response {
        let mut headers = vec![("date".to_owned(), "Wed, 25 Nov 2026 15:16:09 GMT".to_owned())];
        headers.extend(lines.iter().map(|l| ("set-cookie".to_owned(), l.to_string())));
        Response { status: 200, headers, ..Default::default() }
    }

    fn expect(toml_text: &str) -> Vec<CookieExpect> {
        #[derive(Deserialize)]
        struct Wrapper {
            c: Vec<CookieExpect>,
        }
        toml::from_str::<Wrapper>(toml_text).unwrap().c
    }

    #[test]
    fn exact_lines_and_relative_dates_match() {
        let want = expect(
            r#"c = [{ name = "name", value = "lee", attributes = ["Path=/", { name = "Expires", seconds_after_date = 3600 }, "Max-Age=3600"] }]"#,
        );
        let ok = response(&["name=lee; Path=/; Expires=Wed, 25 Nov 2026 16:16:09 GMT; Max-Age=3600"]);
        assert_eq!(check(&want, &ok), Vec::<String>::new());
        let late = response(&["name=lee; Path=/; Expires=Wed, 25 Nov 2026 17:16:09 GMT; Max-Age=3600"]);
        assert_eq!(check(&want, &late).len(), 1);
    }

    #[test]
    fn without_a_date_header_relative_dates_count_from_the_arrival() {
        let want = expect(r#"c = [{ name = "n", value = "1", attributes = [{ name = "Expires", seconds_after_date = 60 }] }]"#);
        let arrived = httpdate::parse_http_date("Wed, 25 Nov 2026 15:16:09 GMT").unwrap();
        let line = ("set-cookie".to_owned(), "n=1; Expires=Wed, 25 Nov 2026 15:17:09 GMT".to_owned());
        let mut undated = Response { status: 200, headers: vec![line], ..Default::default() };
        assert_eq!(check(&want, &undated).len(), 1, "no Date and no arrival time: nothing to measure from");
        undated.received_at = Some(arrived);
        assert_eq!(check(&want, &undated), Vec::<String>::new());
    }

    #[test]
    fn attribute_order_and_missing_attributes_are_differences() {
        let want = expect(r#"c = [{ name = "a", value = "1", attributes = ["Path=/", "HttpOnly"] }]"#);
        assert_eq!(check(&want, &response(&["a=1; HttpOnly; Path=/"])).len(), 1);
        let problems = check(&want, &response(&["a=1; Path=/"]));
        assert!(problems[0].contains("expected attributes [Path=/; HttpOnly], got [Path=/]"), "{problems:?}");
    }

    #[test]
    fn folding_is_named() {
        let want = expect(r#"c = [{ name = "a", value = "1", attributes = ["Path=/"] }, { name = "b", value = "2", attributes = ["Path=/"] }]"#);
        let problems = check(&want, &response(&["a=1; Path=/, b=2; Path=/"]));
        assert!(problems.iter().any(|p| p.starts_with("cookies folded into one header line")), "{problems:?}");
        assert!(problems.iter().any(|p| p.contains("expected 2 Set-Cookie lines")), "{problems:?}");
    }

    #[test]
    fn extra_and_missing_cookies() {
        let want = expect(r#"c = [{ name = "a", value = "1", attributes = [] }]"#);
        assert!(check(&want, &response(&[])).iter().any(|p| p == "missing cookie `a`"));
        assert!(check(&want, &response(&["a=1", "b=2"])).iter().any(|p| p == "unexpected cookie line `b=2`"));
        assert!(check(&[], &response(&[])).is_empty());
    }
}
