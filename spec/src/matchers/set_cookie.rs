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

/// Every difference between the expected cookies and the response's Set-Cookie lines, one
/// message per cause: cookies folded into one line are named once and then compared as the
/// lines they should have been; missing and unexpected cookies are named together; each cookie
/// whose value or attributes differ gets one message.
pub fn check(expected: &[CookieExpect], response: &Response) -> Vec<String> {
    let date = response.date();
    let mut out = Vec::new();
    let mut lines: Vec<&str> = Vec::new();
    for line in response.header_values("set-cookie") {
        let parts = unfold(line, expected);
        if parts.len() > 1 {
            let names: Vec<String> = parts.iter().filter_map(|p| split(p)).map(|c| format!("`{}`", c.name)).collect();
            out.push(format!("cookies folded into one header line (it holds {}): `{line}`; each cookie needs its own Set-Cookie line", names.join(", ")));
        }
        lines.extend(parts);
    }
    let parsed: Vec<Option<Line>> = lines.iter().map(|l| split(l)).collect();
    for line in lines.iter().zip(&parsed).filter(|(_, p)| p.is_none()).map(|(l, _)| l) {
        out.push(format!("`{line}` is not a valid Set-Cookie line"));
    }
    // Each expected cookie is the first line not yet taken that sets a cookie of its name.
    let mut taken = vec![false; lines.len()];
    let mut pairs = Vec::new();
    let mut missing = Vec::new();
    for want in expected {
        let found = (0..lines.len()).find(|&i| !taken[i] && parsed[i].as_ref().is_some_and(|c| c.name == want.name));
        match found {
            Some(index) => {
                taken[index] = true;
                pairs.push((want, index));
            }
            None => missing.push(format!("`{}`", want.name)),
        }
    }
    let unexpected: Vec<String> = lines.iter().zip(&taken).filter(|(_, t)| !**t).map(|(l, _)| format!("`{l}`")).collect();
    if !missing.is_empty() || !unexpected.is_empty() {
        let names = |names: Vec<&str>| names.join(", ");
        let got: Vec<&str> = parsed.iter().flatten().map(|c| c.name).collect();
        let mut problem = format!(
            "expected {} Set-Cookie lines ({}), got {} ({})",
            expected.len(),
            names(expected.iter().map(|c| c.name.as_str()).collect()),
            lines.len(),
            names(got)
        );
        if !missing.is_empty() {
            problem.push_str(&format!("; missing {}", missing.join(", ")));
        }
        if !unexpected.is_empty() {
            problem.push_str(&format!("; not expected {}", unexpected.join(", ")));
        }
        out.push(problem);
    } else if pairs.windows(2).any(|w| w[0].1 > w[1].1) {
        let order: Vec<&str> = parsed.iter().flatten().map(|c| c.name).collect();
        let wanted: Vec<&str> = expected.iter().map(|c| c.name.as_str()).collect();
        out.push(format!("expected the cookies in the order {}, got {}", wanted.join(", "), order.join(", ")));
    }
    for (want, index) in pairs {
        let Some(got) = &parsed[index] else { continue };
        let mut problems = Vec::new();
        if got.value != want.value {
            problems.push(format!("expected the value `{}`, got `{}`", want.value, got.value));
        }
        problems.extend(compare_attributes(&want.attributes, &got.attributes, date));
        if !problems.is_empty() {
            out.push(format!("cookie `{}`: {} (line `{}`)", want.name, problems.join("; "), lines[index]));
        }
    }
    out
}

/// A header line cut where another expected cookie starts (`, name=`), as a proxy that folds
/// Set-Cookie lines with commas joins them; one part when nothing was folded into it.
fn unfold<'a>(line: &'a str, expected: &[CookieExpect]) -> Vec<&'a str> {
    let mut cuts: Vec<usize> =
        expected.iter().flat_map(|c| line.match_indices(&format!(", {}=", c.name)).map(|(at, _)| at).collect::<Vec<_>>()).collect();
    cuts.sort_unstable();
    cuts.dedup();
    let mut parts = Vec::new();
    let mut start = 0;
    for cut in cuts {
        parts.push(line[start..cut].trim());
        start = cut + 2;
    }
    parts.push(line[start..].trim());
    parts
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
        assert_eq!(
            problems,
            ["cookies folded into one header line (it holds `a`, `b`): `a=1; Path=/, b=2; Path=/`; each cookie needs its own Set-Cookie line"],
            "one cause, one message"
        );
        let wrong_too = check(&want, &response(&["a=1; Path=/, b=3; Path=/"]));
        assert_eq!(wrong_too.len(), 2, "{wrong_too:?}");
        assert_eq!(wrong_too[1], "cookie `b`: expected the value `2`, got `3` (line `b=3; Path=/`)");
    }

    #[test]
    fn extra_and_missing_cookies() {
        let want = expect(r#"c = [{ name = "a", value = "1", attributes = [] }, { name = "b", value = "2", attributes = [] }]"#);
        assert_eq!(check(&want, &response(&["b=2"])), ["expected 2 Set-Cookie lines (a, b), got 1 (b); missing `a`"]);
        assert_eq!(check(&want, &response(&["a=1", "b=2", "c=3"])), ["expected 2 Set-Cookie lines (a, b), got 3 (a, b, c); not expected `c=3`"]);
        assert_eq!(check(&want, &response(&["b=2", "a=1"])), ["expected the cookies in the order a, b, got b, a"]);
        assert!(check(&[], &response(&[])).is_empty());
    }
}
