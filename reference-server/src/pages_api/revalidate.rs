//! `res.revalidate(urlPath)`: on-demand revalidation. Next.js refuses a `urlPath` that is not a
//! string starting with `/`; any such path is then revalidated through `next start`'s internal
//! revalidate, which resolves even for a path no page serves (seen on 16.4.6 and 15.5.29), so
//! the reference server has nothing to regenerate and only checks the argument.

use crate::web::Thrown;
use serde_json::Value;

pub fn revalidate(url_path: Option<&Value>) -> Result<(), Thrown> {
    match url_path {
        Some(Value::String(path)) if path.starts_with('/') => Ok(()),
        other => Err(Thrown(format!(
            "Invalid urlPath provided to revalidate(), must be a path e.g. /blog/post-1, received {}",
            js_string(other)
        ))),
    }
}

/// `String(value)` for the values a query can hold.
fn js_string(value: Option<&Value>) -> String {
    match value {
        None => "undefined".into(),
        Some(Value::String(s)) => s.clone(),
        Some(Value::Array(items)) => items.iter().map(|v| js_string(Some(v))).collect::<Vec<_>>().join(","),
        Some(other) => other.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn only_paths_are_accepted() {
        assert!(revalidate(Some(&json!("/isr"))).is_ok());
        let message = |v: Option<&Value>| revalidate(v).unwrap_err().0;
        assert!(message(Some(&json!("isr"))).ends_with("received isr"));
        assert!(message(None).ends_with("received undefined"));
        assert!(message(Some(&json!(["/a", "/b"]))).ends_with("received /a,/b"));
    }
}
