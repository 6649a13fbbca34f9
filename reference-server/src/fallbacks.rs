//! The root `forbidden.js` and `unauthorized.js` of an app: when a page calls `forbidden()` or
//! `unauthorized()`, Next.js renders the matching file in its place (with
//! `experimental.authInterrupts` in `next.config.js`). Like [`crate::wrappers`], this finds the
//! files when the app loads and pairs each with its mirror.
//!
//! The root layout's markup is the document [`crate::page`] writes; an app may mirror its code
//! too, when it does more than render (fixture-apps/root-forbidden calls `forbidden()` there).

use crate::code::Mirror;
use crate::error::Error;
use crate::mirrors::MirrorSet;
use crate::navigation::Interrupt;
use std::path::Path;

/// The root `forbidden.js` and `unauthorized.js` of the app, with the mirrors of their markup.
#[derive(Default)]
pub struct FallbackFiles {
    forbidden: Option<&'static Mirror>,
    unauthorized: Option<&'static Mirror>,
    /// The code of the root layout, when the app mirrors it.
    root_layout: Option<&'static Mirror>,
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
        let app = ["app", "src/app"].into_iter().find(|dir| root.join(dir).is_dir()).unwrap_or("app");
        let root_layout = ["js", "jsx", "ts", "tsx"].iter().find_map(|ext| mirrors.find(&format!("{app}/layout.{ext}")));
        Ok(FallbackFiles { forbidden: mirror_of("forbidden")?, unauthorized: mirror_of("unauthorized")?, root_layout })
    }

    /// The root layout's code, when the app mirrors it.
    pub fn root_layout(&self) -> Option<&'static Mirror> {
        self.root_layout
    }

    /// The fallback files present and the root layout, relative to `root` (`app/forbidden.js`).
    pub fn find(root: &Path) -> Vec<String> {
        let app = ["app", "src/app"].into_iter().find(|dir| root.join(dir).is_dir());
        let Some(app) = app else { return Vec::new() };
        FALLBACK_STEMS
            .iter()
            .chain(&["layout"])
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
    fn finds_the_fixture_fallback_files_with_their_mirrors() {
        let root = crate::default_fixture_dir();
        assert_eq!(FallbackFiles::find(&root), ["app/forbidden.js", "app/unauthorized.js", "app/layout.js"]);
        let files = FallbackFiles::load(&root, crate::mirrors::for_app("fixture-app").unwrap()).unwrap();
        assert_eq!(files.for_interrupt(&Interrupt::Forbidden).map(|m| m.file), Some("app/forbidden.js"));
        assert_eq!(files.for_interrupt(&Interrupt::Unauthorized).map(|m| m.file), Some("app/unauthorized.js"));
        assert!(files.for_interrupt(&Interrupt::NotFound).is_none());
        assert!(files.root_layout().is_none(), "fixture-app's root layout only renders");
        let interrupting = FallbackFiles::load(&crate::app_dir("root-forbidden"), crate::mirrors::for_app("root-forbidden").unwrap()).unwrap();
        assert_eq!(interrupting.root_layout().map(|m| m.file), Some("app/layout.js"));
    }
}
