//! The control-flow signals of `next/navigation`: `redirect()`, `permanentRedirect()`,
//! `notFound()`, `forbidden()` and `unauthorized()` throw them, and Next.js turns each into an
//! answer. A route handler answers with no body: a redirect with its status and `Location`
//! exactly as given, the others with their status alone. A page that calls `forbidden()` or
//! `unauthorized()` is answered with the app's root `forbidden.js` or `unauthorized.js` (see
//! [`FallbackFiles`]), which need `experimental.authInterrupts` in `next.config.js`.
//! `RedirectType` only matters to the client router; the server's answer is the same.

use crate::error::Error;
use crate::mirrors::{Mirror, MirrorSet};
use crate::web::WebResponse;
use std::path::Path;

/// What a `next/navigation` function threw.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Interrupt {
    /// `redirect(url)` (307) or `permanentRedirect(url)` (308).
    Redirect { location: String, status: u16 },
    /// `notFound()`
    NotFound,
    /// `forbidden()`
    Forbidden,
    /// `unauthorized()`
    Unauthorized,
}

impl Interrupt {
    /// `redirect(url)`, with or without a `RedirectType`.
    pub fn redirect(url: &str) -> Interrupt {
        Interrupt::Redirect { location: url.to_owned(), status: 307 }
    }

    /// `permanentRedirect(url)`
    pub fn permanent_redirect(url: &str) -> Interrupt {
        Interrupt::Redirect { location: url.to_owned(), status: 308 }
    }

    pub fn status(&self) -> u16 {
        match self {
            Interrupt::Redirect { status, .. } => *status,
            Interrupt::NotFound => 404,
            Interrupt::Forbidden => 403,
            Interrupt::Unauthorized => 401,
        }
    }

    /// The answer of a route handler that threw this: no body, and for a redirect the
    /// `Location` as the code wrote it (a path stays relative).
    pub fn handler_response(&self) -> WebResponse {
        let response = WebResponse::empty().with_status(self.status());
        match self {
            Interrupt::Redirect { location, .. } => response.with_header("location", location),
            _ => response,
        }
    }
}

/// The root `forbidden.js` and `unauthorized.js` of the app, with the mirrors of their markup.
#[derive(Default)]
pub struct FallbackFiles {
    forbidden: Option<&'static Mirror>,
    unauthorized: Option<&'static Mirror>,
}

/// The stems of the root fallback files, as Next.js names them.
const FALLBACK_STEMS: [&str; 2] = ["forbidden", "unauthorized"];

impl FallbackFiles {
    /// Finds the fallback files in the app folder (`app/` or `src/app/`) of `root`; each needs
    /// a mirror.
    pub fn load(root: &Path, mirrors: &'static MirrorSet) -> Result<FallbackFiles, Error> {
        let found = FallbackFiles::find(root);
        let mirror_of = |stem: &str| match found.iter().find(|file| file_stem(file) == stem) {
            Some(file) => mirrors.find(file).map(Some).ok_or_else(|| Error::NoMirror { file: file.clone() }),
            None => Ok(None),
        };
        Ok(FallbackFiles { forbidden: mirror_of("forbidden")?, unauthorized: mirror_of("unauthorized")? })
    }

    /// The fallback files present, relative to `root` (`app/forbidden.js`).
    pub fn find(root: &Path) -> Vec<String> {
        let app = ["app", "src/app"].into_iter().find(|dir| root.join(dir).is_dir());
        let Some(app) = app else { return Vec::new() };
        FALLBACK_STEMS
            .iter()
            .flat_map(|stem| ["js", "jsx", "ts", "tsx"].map(|ext| format!("{app}/{stem}.{ext}")))
            .filter(|file| root.join(file).is_file())
            .collect()
    }

    /// The file that renders a page's `forbidden()` or `unauthorized()`, when the app has it.
    pub fn for_interrupt(&self, interrupt: &Interrupt) -> Option<&'static Mirror> {
        match interrupt {
            Interrupt::Forbidden => self.forbidden,
            Interrupt::Unauthorized => self.unauthorized,
            _ => None,
        }
    }
}

/// `app/forbidden.js` → `forbidden`
fn file_stem(file: &str) -> &str {
    let name = file.rsplit('/').next().unwrap_or(file);
    name.split('.').next().unwrap_or(name)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn redirects_keep_the_location_and_have_no_body() {
        let response = Interrupt::redirect("/a?b=1").handler_response();
        assert_eq!((response.status, response.header("location"), response.body.is_none()), (307, Some("/a?b=1"), true));
        assert_eq!(Interrupt::permanent_redirect("https://nextjs.org/").handler_response().status, 308);
    }

    #[test]
    fn access_fallbacks_answer_their_status_alone() {
        for (interrupt, status) in [(Interrupt::NotFound, 404), (Interrupt::Forbidden, 403), (Interrupt::Unauthorized, 401)] {
            let response = interrupt.handler_response();
            assert_eq!((response.status, response.headers.len(), response.body), (status, 0, None));
        }
    }

    #[test]
    fn finds_the_fixture_fallback_files_with_their_mirrors() {
        let root = crate::default_fixture_dir();
        assert_eq!(FallbackFiles::find(&root), ["app/forbidden.js", "app/unauthorized.js"]);
        let files = FallbackFiles::load(&root, crate::mirrors::for_app("fixture-app").unwrap()).unwrap();
        assert_eq!(files.for_interrupt(&Interrupt::Forbidden).map(|m| m.file), Some("app/forbidden.js"));
        assert_eq!(files.for_interrupt(&Interrupt::Unauthorized).map(|m| m.file), Some("app/unauthorized.js"));
        assert!(files.for_interrupt(&Interrupt::NotFound).is_none());
    }
}
