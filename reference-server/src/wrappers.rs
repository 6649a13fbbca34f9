//! Layouts and templates: the markup that wraps a page. In each folder from the app root down
//! to the page's own, the folder's `layout.js` wraps its `template.js`, which wraps everything
//! below (`<Layout><Template>{children}</Template></Layout>`). The app's `app/layout.js` is the
//! document shell [`crate::page`] writes, so it is not one of these; in an app without one,
//! each route group's topmost layout is a root layout, which renders the `<html>` element
//! itself. A layout's segment config (its
//! `revalidate`, `dynamic`, `fetchCache`) counts for the pages inside it.

use crate::error::Error;
use crate::code::{Mirror, Wrap};
use crate::exports::{Exports, read_exports};
use crate::mirrors::MirrorSet;
use crate::web::RouteRequest;
use std::path::Path;

/// The layout and template files of an app with their mirrors, outermost first.
#[derive(Default)]
pub struct Wrappers {
    files: Vec<Wrapper>,
    /// What the app's root layout (`app/layout.js`) exports: its markup is the document shell
    /// [`crate::page`] writes, its `metadata` counts for every page.
    root: Option<Exports>,
}

struct Wrapper {
    file: String,
    mirror: &'static Mirror<Wrap>,
    /// What the file exports (a layout's segment config).
    exports: Exports,
}

const STEMS: [&str; 2] = ["layout", "template"];
const EXTENSIONS: [&str; 4] = ["js", "jsx", "ts", "tsx"];

impl Wrappers {
    /// Finds the wrappers of the app at `root` (in `app/` or `src/app/`); each needs a mirror.
    pub fn load(root: &Path, mirrors: &'static MirrorSet) -> Result<Wrappers, Error> {
        let files = Wrappers::find(root);
        let files = files
            .into_iter()
            .map(|file| {
                let mirror = mirrors.find_wrapper(&file).ok_or_else(|| Error::NoMirror { file: file.clone() })?;
                let source = std::fs::read_to_string(root.join(&file)).map_err(|e| Error::Route { file: file.clone(), message: e.to_string() })?;
                let exports = read_exports(&source, &file).map_err(|e| Error::Route { file: file.clone(), message: e.message })?;
                Ok(Wrapper { file, mirror, exports })
            })
            .collect::<Result<_, Error>>()?;
        Ok(Wrappers { files, root: root_layout_exports(root)? })
    }

    /// The layout and template files below the app folder of `root`, outermost first, a
    /// folder's layout before its template; without the root layout.
    pub fn find(root: &Path) -> Vec<String> {
        let Some(app) = ["app", "src/app"].into_iter().find(|dir| root.join(dir).is_dir()) else { return Vec::new() };
        let mut out = Vec::new();
        collect(root, app, &mut out);
        out.retain(|file| !STEMS[..1].iter().any(|stem| EXTENSIONS.iter().any(|ext| *file == format!("{app}/{stem}.{ext}"))));
        out
    }

    /// `markup` as the page file `page` (`app/blog/[slug]/page.js`) renders inside its wrappers
    /// for `request`.
    pub fn wrap(&self, page: &str, markup: String, request: &RouteRequest) -> String {
        self.around(page).rev().fold(markup, |inner, wrapper| (wrapper.mirror.handle)(&inner, request))
    }

    /// What the layouts around the page file `page` export, outermost first.
    pub fn layout_exports(&self, page: &str) -> Vec<&Exports> {
        self.around(page).filter(|w| w.file.rsplit('/').next().is_some_and(|name| name.starts_with("layout."))).map(|w| &w.exports).collect()
    }

    /// What the root layout and the layouts around the page file `page` export, outermost
    /// first (where their `metadata` comes from).
    pub fn metadata_exports(&self, page: &str) -> Vec<&Exports> {
        self.root.iter().chain(self.layout_exports(page)).collect()
    }

    /// What the app's root layout exports, if it has one.
    pub fn root_layout(&self) -> Option<&Exports> {
        self.root.as_ref()
    }

    /// The wrappers enclosing the page file `page`, outermost first.
    fn around(&self, page: &str) -> impl DoubleEndedIterator<Item = &Wrapper> {
        let folder = page.rsplit_once('/').map_or("", |(folder, _)| folder).to_owned();
        let encloses = move |file: &str| file.rsplit_once('/').is_some_and(|(dir, _)| folder == dir || folder.starts_with(&format!("{dir}/")));
        self.files.iter().filter(move |w| encloses(&w.file))
    }
}

/// What the root layout of the app at `root` (`app/layout.js` or `src/app/layout.js`) exports.
fn root_layout_exports(root: &Path) -> Result<Option<Exports>, Error> {
    let Some(app) = ["app", "src/app"].into_iter().find(|dir| root.join(dir).is_dir()) else { return Ok(None) };
    let Some(file) = EXTENSIONS.iter().map(|ext| format!("{app}/layout.{ext}")).find(|file| root.join(file).is_file()) else { return Ok(None) };
    let source = std::fs::read_to_string(root.join(&file)).map_err(|e| Error::Route { file: file.clone(), message: e.to_string() })?;
    read_exports(&source, &file).map(Some).map_err(|e| Error::Route { file, message: e.message })
}

/// Adds the wrappers of `folder` (relative to `root`), then those of its subfolders.
fn collect(root: &Path, folder: &str, out: &mut Vec<String>) {
    for stem in STEMS {
        out.extend(EXTENSIONS.iter().map(|ext| format!("{folder}/{stem}.{ext}")).filter(|file| root.join(file).is_file()));
    }
    let Ok(entries) = std::fs::read_dir(root.join(folder)) else { return };
    let mut subfolders: Vec<String> = entries
        .flatten()
        .filter(|entry| entry.path().is_dir())
        .map(|entry| entry.file_name().to_string_lossy().into_owned())
        .filter(|name| !name.starts_with('_'))
        .collect();
    subfolders.sort();
    for name in subfolders {
        collect(root, &format!("{folder}/{name}"), out);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn section(children: &str, _: &RouteRequest) -> String {
        format!("<section>{children}</section>")
    }
    fn outer(children: &str, _: &RouteRequest) -> String {
        format!("<div class=\"outer\">{children}</div>")
    }
    fn inner(children: &str, _: &RouteRequest) -> String {
        format!("<div class=\"inner\">{children}</div>")
    }

    static LAYOUT: Mirror<Wrap> = Mirror { file: "app/a/layout.js", handle: section };
    static TEMPLATE: Mirror<Wrap> = Mirror { file: "app/a/template.js", handle: outer };
    static DEEPER: Mirror<Wrap> = Mirror { file: "app/a/b/template.js", handle: inner };

    #[test]
    fn a_layout_wraps_its_template_which_wraps_deeper_folders() {
        let wrapper = |file: &str, mirror| Wrapper { file: file.into(), mirror, exports: Exports::default() };
        let wrappers = Wrappers {
            files: vec![wrapper("app/a/layout.js", &LAYOUT), wrapper("app/a/template.js", &TEMPLATE), wrapper("app/a/b/template.js", &DEEPER)],
            root: Some(Exports::default()),
        };
        let request = RouteRequest::new("GET".into(), "/a".into(), String::new(), http::HeaderMap::new(), bytes::Bytes::new(), None, 0, Default::default());
        assert_eq!(
            wrappers.wrap("app/a/b/[id]/page.js", "<h1/>".into(), &request),
            "<section><div class=\"outer\"><div class=\"inner\"><h1/></div></div></section>"
        );
        assert_eq!(wrappers.wrap("app/a/page.js", "<h1/>".into(), &request), "<section><div class=\"outer\"><h1/></div></section>");
        assert_eq!(wrappers.wrap("app/ab/page.js", "<h1/>".into(), &request), "<h1/>", "app/ab is not inside app/a");
        assert_eq!(wrappers.layout_exports("app/a/b/page.js").len(), 1);
        assert_eq!(wrappers.metadata_exports("app/a/b/page.js").len(), 2, "the root layout first");
    }

    #[test]
    fn finds_the_fixture_wrappers_without_the_root_layout() {
        let files = Wrappers::find(&crate::default_fixture_dir());
        assert!(!files.iter().any(|f| f == "app/layout.js"), "{files:?}");
        let layout = files.iter().position(|f| f == "app/templates/layout.js").expect("the templates layout");
        let template = files.iter().position(|f| f == "app/templates/template.js").expect("the templates template");
        assert!(layout < template, "{files:?}");
    }
}
