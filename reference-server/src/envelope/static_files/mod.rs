//! Files `next start` serves before any route (after the proxy, which runs for them too): the
//! app's `public/` folder at the root URL, and the build's assets under `/_next/static/` (the
//! reference server's are its [`ClientScript`]). GET and HEAD are answered as [`send`] does; a
//! file refuses other methods (405 with `Allow` GET and HEAD on two fields, as the error page;
//! OPTIONS a bare 400). A path that is no file goes on to the routes, the fallback, as with
//! tower-http's `ServeDir`.
//!
//! A request path is percent-decoded before it is looked up, `%2F` included.

mod mime;
mod ranges;
mod send;

use crate::body::WireBody;
use crate::cache::headers::NO_STORE;
use crate::client_script::ClientScript;
use crate::fields::build;
use crate::service::{Answer, Refusal, Request, Service};
use bytes::Bytes;
use http::Method;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::time::SystemTime;

/// The `Cache-Control` of build assets, whose names change with their content.
const IMMUTABLE: &str = "public, max-age=31536000, immutable";

pub struct StaticFiles<S> {
    /// What answers a path that is not a file: the routes.
    pub fallback: S,
    pub public: PublicFiles,
    pub script: ClientScript,
}

impl<S: Service<Output = Result<Answer, Refusal>>> Service for StaticFiles<S> {
    type Output = Result<Answer, Refusal>;

    async fn call(&self, request: Request) -> Result<Answer, Refusal> {
        let Some(path) = percent_encoding::percent_decode_str(request.uri().path()).decode_utf8().ok() else {
            return self.fallback.call(request).await;
        };
        let file = if path == self.script.url {
            Some(send::File { name: &self.script.url, bytes: self.script.body.clone(), modified: self.script.modified, cache_control: Some(IMMUTABLE) })
        } else {
            self.public.read(&path)
        };
        let Some(file) = file else { return self.fallback.call(request).await };
        match *request.method() {
            Method::GET | Method::HEAD => send::answer(&file, request.headers()),
            Method::OPTIONS => Ok(options_refused()),
            _ => Err(Refusal::MethodNotAllowed),
        }
    }
}

/// OPTIONS to a file: `400 Bad Request` with the `Allow` fields of a 405 and no body.
fn options_refused() -> Answer {
    let fields = vec![("allow".into(), "GET".into()), ("allow".into(), "HEAD".into()), ("cache-control".into(), NO_STORE.into())];
    build(400, fields, None).map(WireBody::Left)
}

/// The files of the app's `public/` folder, by URL path.
#[derive(Debug, Default)]
pub struct PublicFiles {
    files: BTreeMap<String, PathBuf>,
}

impl PublicFiles {
    /// The files below `root/public` (none when it has no such folder).
    pub fn scan(root: &Path) -> PublicFiles {
        let mut files = BTreeMap::new();
        let public = root.join("public");
        let mut folders = vec![public.clone()];
        while let Some(folder) = folders.pop() {
            let Ok(entries) = std::fs::read_dir(&folder) else { continue };
            for entry in entries.flatten() {
                let path = entry.path();
                if path.is_dir() {
                    folders.push(path);
                } else if let Ok(relative) = path.strip_prefix(&public) {
                    let url: String = relative.components().map(|c| format!("/{}", c.as_os_str().to_string_lossy())).collect();
                    files.insert(url, path);
                }
            }
        }
        PublicFiles { files }
    }

    /// The file at the decoded URL path `path`, read now.
    fn read(&self, path: &str) -> Option<send::File<'_>> {
        let (url, file) = self.files.get_key_value(path)?;
        let modified = std::fs::metadata(file).and_then(|m| m.modified()).unwrap_or(SystemTime::UNIX_EPOCH);
        let bytes = Bytes::from(std::fs::read(file).ok()?);
        Some(send::File { name: url, bytes, modified, cache_control: None })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::service::testing::{Stub, get, request};

    fn files() -> StaticFiles<Stub<impl Fn(Request) -> Result<Answer, Refusal>>> {
        let public = PublicFiles::scan(&crate::default_fixture_dir());
        StaticFiles { fallback: Stub(|_| Err(Refusal::NotFound)), public, script: ClientScript::for_routes(["/"]) }
    }

    #[tokio::test]
    async fn public_files_are_served_at_their_decoded_path() {
        let files = files();
        assert_eq!(files.call(get("/static-files/hello.txt")).await.unwrap().status(), 200);
        assert_eq!(files.call(get("/static-files/%68ello.txt")).await.unwrap().status(), 200);
        assert_eq!(files.call(get("/static-files/nested%2Ffolder/note.txt")).await.unwrap().status(), 200);
        assert_eq!(files.call(get("/static-files/nested")).await.err(), Some(Refusal::NotFound));
        assert_eq!(files.call(get("/robots.txt")).await.err(), Some(Refusal::NotFound));
    }

    #[tokio::test]
    async fn the_client_script_is_immutable() {
        let files = files();
        let answer = files.call(get(&files.script.url.clone())).await.unwrap();
        assert_eq!(answer.headers()["cache-control"], IMMUTABLE);
        assert_eq!(answer.headers()["content-type"], "application/javascript; charset=UTF-8");
    }

    #[tokio::test]
    async fn other_methods_are_refused() {
        let files = files();
        assert_eq!(files.call(request("POST", "/static-files/hello.txt")).await.err(), Some(Refusal::MethodNotAllowed));
        let options = files.call(request("OPTIONS", "/static-files/hello.txt")).await.unwrap();
        assert_eq!(options.status(), 400);
        assert_eq!(options.headers().get_all("allow").iter().count(), 2);
    }
}
