//! Properties of the reference `Set-Cookie` serializer and of the Set-Cookie matcher: for any
//! name, value and option set, the line parses back to the same cookie, and the matcher accepts
//! exactly the equivalent lists.

use proptest::prelude::*;
use reference_server::serialize;
use serde_json::{Map, Value, json};
use spec::Response;
use spec::matchers::set_cookie::{AttributeExpect, CookieExpect, check};

#[derive(Debug, Clone)]
struct Options {
    path: Option<String>,
    domain: Option<String>,
    max_age: Option<u32>,
    secure: bool,
    http_only: bool,
    same_site: Option<&'static str>,
    partitioned: bool,
    priority: Option<&'static str>,
}

fn options() -> impl Strategy<Value = Options> {
    (
        proptest::option::of("/[a-z]{0,8}"),
        proptest::option::of("[a-z]{1,8}\\.example"),
        proptest::option::of(1u32..100_000),
        any::<bool>(),
        any::<bool>(),
        proptest::option::of(prop_oneof![Just("lax"), Just("strict"), Just("none")]),
        any::<bool>(),
        proptest::option::of(prop_oneof![Just("low"), Just("medium"), Just("high")]),
    )
        .prop_map(|(path, domain, max_age, secure, http_only, same_site, partitioned, priority)| Options {
            path,
            domain,
            max_age,
            secure,
            http_only,
            same_site,
            partitioned,
            priority,
        })
}

fn cookie_object(name: &str, value: &str, o: &Options) -> Map<String, Value> {
    let mut c = json!({ "name": name, "value": value, "path": o.path.clone().unwrap_or_else(|| "/".into()) });
    let map = c.as_object_mut().unwrap();
    if let Some(d) = &o.domain {
        map.insert("domain".into(), json!(d));
    }
    if let Some(m) = o.max_age {
        map.insert("maxAge".into(), json!(m));
    }
    for (key, on) in [("secure", o.secure), ("httpOnly", o.http_only), ("partitioned", o.partitioned)] {
        if on {
            map.insert(key.into(), json!(true));
        }
    }
    if let Some(s) = o.same_site {
        map.insert("sameSite".into(), json!(s));
    }
    if let Some(p) = o.priority {
        map.insert("priority".into(), json!(p));
    }
    map.clone()
}

/// The attributes the docs' options stand for, in Next.js's order (no Expires: no maxAge date
/// is computed by `serialize` itself).
fn expected_attributes(o: &Options) -> Vec<String> {
    let mut out = vec![format!("Path={}", o.path.clone().unwrap_or_else(|| "/".into()))];
    if let Some(m) = o.max_age {
        out.push(format!("Max-Age={m}"));
    }
    if let Some(d) = &o.domain {
        out.push(format!("Domain={d}"));
    }
    if o.secure {
        out.push("Secure".into());
    }
    if o.http_only {
        out.push("HttpOnly".into());
    }
    if let Some(s) = o.same_site {
        out.push(format!("SameSite={s}"));
    }
    if o.partitioned {
        out.push("Partitioned".into());
    }
    if let Some(p) = o.priority {
        out.push(format!("Priority={p}"));
    }
    out
}

fn response(lines: &[String]) -> Response {
    Response { status: 200, headers: lines.iter().map(|l| ("set-cookie".to_owned(), l.clone())).collect(), ..Default::default() }
}

proptest! {
    #[test]
    fn a_serialized_cookie_parses_back_to_itself(name in "[A-Za-z0-9_-]{1,12}", value in "\\PC{0,24}", o in options()) {
        let line = serialize(&cookie_object(&name, &value, &o));
        let parsed = cookie::Cookie::parse_encoded(line.clone()).unwrap();
        prop_assert_eq!(parsed.name(), name.as_str());
        prop_assert_eq!(parsed.value(), value.as_str());
        let path = o.path.clone().unwrap_or_else(|| "/".into());
        prop_assert_eq!(parsed.path(), Some(path.as_str()));
        prop_assert_eq!(parsed.domain(), o.domain.as_deref());
        prop_assert_eq!(parsed.secure().unwrap_or(false), o.secure);
        prop_assert_eq!(parsed.http_only().unwrap_or(false), o.http_only);
        prop_assert_eq!(parsed.partitioned().unwrap_or(false), o.partitioned);
        prop_assert_eq!(parsed.max_age().map(|d| d.whole_seconds()), o.max_age.map(i64::from));
    }

    #[test]
    fn the_matcher_accepts_exactly_the_equivalent_list(
        cookies in proptest::collection::vec(("[a-z]{1,6}", "[a-z0-9]{0,6}", options()), 1..4),
        drop_index in any::<prop::sample::Index>(),
    ) {
        let lines: Vec<String> = cookies.iter().map(|(n, v, o)| serialize(&cookie_object(n, v, o))).collect();
        let expected: Vec<CookieExpect> = cookies
            .iter()
            .map(|(n, v, o)| CookieExpect {
                name: n.clone(),
                value: v.clone(),
                attributes: expected_attributes(o).into_iter().map(AttributeExpect::Exact).collect(),
            })
            .collect();
        prop_assert_eq!(check(&expected, &response(&lines)), Vec::<String>::new());

        // Folded into one line, a cookie missing, or an attribute lost: each is a difference.
        if lines.len() > 1 {
            prop_assert!(!check(&expected, &response(&[lines.join(", ")])).is_empty());
        }
        let mut fewer = lines.clone();
        fewer.remove(drop_index.index(lines.len()));
        prop_assert!(!check(&expected, &response(&fewer)).is_empty());
        let mut stripped = lines.clone();
        let i = drop_index.index(lines.len());
        stripped[i] = stripped[i].split("; ").next().unwrap().to_owned();
        prop_assert!(!check(&expected, &response(&stripped)).is_empty());
    }
}
