//! `res.revalidate(urlPath)`: on-demand revalidation. Next.js refuses a `urlPath` that is not a
//! string starting with `/`; any other is rendered again at once by an internal request to the
//! server (what the [`Revalidate`] the server gives does), and the promise rejects with
//! `Failed to revalidate <path>: <reason>` when that render fails. A path no page serves
//! resolves (seen on 16.4.6 and 15.5.29).

use crate::web::Thrown;
use serde_json::Value;

/// What `res.revalidate` asks of the server: render `path` again now and store the render.
pub trait Revalidate: Sync {
    /// `Err` says why the render failed (`Invalid response 500`).
    fn revalidate(&self, path: &str) -> Result<(), String>;
}

/// A server with no page to render again.
pub struct NothingToRevalidate;

impl Revalidate for NothingToRevalidate {
    fn revalidate(&self, _path: &str) -> Result<(), String> {
        Ok(())
    }
}

pub fn revalidate(url_path: Option<&Value>, server: &dyn Revalidate) -> Result<(), Thrown> {
    let path = match url_path {
        Some(Value::String(path)) if path.starts_with('/') => path,
        other => {
            return Err(Thrown(format!(
                "Invalid urlPath provided to revalidate(), must be a path e.g. /blog/post-1, received {}",
                js_string(other)
            )));
        }
    };
    server.revalidate(path).map_err(|reason| Thrown(format!("Failed to revalidate {path}: {reason}")))
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

    struct Failing;

    impl Revalidate for Failing {
        fn revalidate(&self, _path: &str) -> Result<(), String> {
            Err("Invalid response 500".into())
        }
    }

    #[test]
    fn only_paths_are_accepted() {
        assert!(revalidate(Some(&json!("/isr")), &NothingToRevalidate).is_ok());
        let message = |v: Option<&Value>| revalidate(v, &NothingToRevalidate).unwrap_err().0;
        assert!(message(Some(&json!("isr"))).ends_with("received isr"));
        assert!(message(None).ends_with("received undefined"));
        assert!(message(Some(&json!(["/a", "/b"]))).ends_with("received /a,/b"));
    }

    #[test]
    fn a_failed_render_rejects_naming_the_path() {
        let error = revalidate(Some(&json!("/p")), &Failing).unwrap_err();
        assert_eq!(error.0, "Failed to revalidate /p: Invalid response 500");
    }
}
