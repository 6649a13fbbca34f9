//! The one build asset the reference server has. `next build` writes the client's JavaScript
//! under `.next/static/`, and every page it renders loads some of it from `/_next/static/...`;
//! the reference server builds nothing, so it makes one script of its own when the app loads:
//! a manifest of the app's routes, as the client router's build manifest is, named after a
//! hash of its content. Every page it renders loads it, and [`crate::envelope::static_files`]
//! serves it as `next start` serves build assets.

use std::time::SystemTime;

/// The client script: where it is served, what it holds, and when it was made.
#[derive(Debug, Clone)]
pub struct ClientScript {
    /// `/_next/static/chunks/routes-<hash>.js`
    pub url: String,
    pub body: bytes::Bytes,
    /// When the app was loaded: the script's Last-Modified.
    pub modified: SystemTime,
}

impl ClientScript {
    /// The script listing `routes` (URL patterns), made now.
    pub fn for_routes<'a>(routes: impl IntoIterator<Item = &'a str>) -> ClientScript {
        let mut routes: Vec<&str> = routes.into_iter().collect();
        routes.sort_unstable();
        routes.dedup();
        let list = serde_json::to_string(&routes).unwrap_or_default();
        let body = format!("self.__NEXT_ROUTES={list};self.__NEXT_ROUTES_CB&&self.__NEXT_ROUTES_CB();\n");
        let hash = crate::etag::etag(&body).trim_matches('"').to_owned();
        ClientScript { url: format!("/_next/static/chunks/routes-{hash}.js"), body: body.into(), modified: SystemTime::now() }
    }

    /// The element a page's head loads it with.
    pub fn tag(&self) -> String {
        format!("<script src=\"{}\" async=\"\"></script>", self.url)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_name_follows_the_content() {
        let a = ClientScript::for_routes(["/b", "/a", "/a"]);
        let b = ClientScript::for_routes(["/a", "/b"]);
        let c = ClientScript::for_routes(["/a"]);
        assert_eq!(a.url, b.url);
        assert_ne!(a.url, c.url);
        assert!(a.url.starts_with("/_next/static/chunks/routes-") && a.url.ends_with(".js"));
        assert!(String::from_utf8_lossy(&a.body).contains(r#"["/a","/b"]"#));
        assert_eq!(a.tag(), format!("<script src=\"{}\" async=\"\"></script>", a.url));
    }
}
