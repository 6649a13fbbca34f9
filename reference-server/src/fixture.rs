//! Reads a Next.js app folder the way `next build` does: the `app` (or `src/app`) tree (pages,
//! route handlers and metadata files) and the `pages` (or `src/pages`) tree (Pages Router pages,
//! and the API routes of `pages/api`) become a list of routes, each with its URL pattern and the
//! exports read from its source.
//!
//! In `pages`, every source file is a route: `index.js` answers for its folder, and file and
//! folder names may be `[param]`, `[...all]` or `[[...all]]`. The special files `_app`,
//! `_document`, `_error`, `404` and `500` change every page of an app; the fixture apps have
//! none, and the reference server refuses them rather than ignore them.

use crate::error::Error;
use crate::exports::{Exports, read_exports};
use crate::metadata;
use crate::router::Segment;
use semver::Version;
use std::path::{Path, PathBuf};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RouteKind {
    /// `route.js`: a route handler.
    Handler,
    /// `page.js`: a page.
    Page,
    /// A file under `pages/api`: a Pages Router API route.
    Api,
    /// Any other file under `pages`: a Pages Router page.
    PagesPage,
    /// A metadata file (`robots.js`, `icon.png`...), see [`crate::metadata`].
    Metadata,
}

#[derive(Debug, Clone)]
pub struct RouteFile {
    /// Path of the source below the app root, `/`-separated (`app/blog/[slug]/route.js`).
    pub file: String,
    pub kind: RouteKind,
    /// URL pattern, route groups and private folders already left out.
    pub pattern: Vec<Segment>,
    pub exports: Exports,
}

const SOURCE_EXTENSIONS: [&str; 5] = ["js", "jsx", "ts", "tsx", "mjs"];

/// Whether the app at `root` uses the Pages Router (has `pages/` or `src/pages/`).
pub fn has_pages_router(root: &Path) -> bool {
    ["pages", "src/pages"].iter().any(|d| root.join(d).is_dir())
}

/// The files of `pages/` that are not pages of their own, refused (see the module doc).
const SPECIAL_PAGES: [&str; 5] = ["_app", "_document", "_error", "404", "500"];

/// Every route and page file of the app at `root`, as Next.js `next` routes it, in a stable
/// order.
pub fn scan(root: &Path, next: &Version) -> Result<Vec<RouteFile>, Error> {
    let existing = |dirs: [&str; 2]| dirs.iter().map(|d| root.join(d)).find(|d| d.is_dir());
    let app_dir = existing(["app", "src/app"]);
    let pages_dir = existing(["pages", "src/pages"]);
    if app_dir.is_none() && pages_dir.is_none() {
        return Err(Error::NoAppDir { path: root.to_owned() });
    }
    let mut routes = Vec::new();
    if let Some(app_dir) = app_dir {
        walk(root, &app_dir, &mut Vec::new(), &mut routes, next)?;
    }
    if let Some(pages_dir) = pages_dir {
        walk_pages(root, &pages_dir, &mut Vec::new(), &mut routes)?;
    }
    routes.sort_by(|a, b| a.file.cmp(&b.file));
    Ok(routes)
}

fn walk(root: &Path, dir: &Path, pattern: &mut Vec<Segment>, out: &mut Vec<RouteFile>, next: &Version) -> Result<(), Error> {
    let mut found_here: Option<String> = None;
    for path in sorted_entries(dir)? {
        let name = path.file_name().unwrap_or_default().to_string_lossy().into_owned();
        if path.is_dir() {
            match folder_segment(&name) {
                Folder::Private => {}
                Folder::Group => walk(root, &path, pattern, out, next)?,
                Folder::Segment(segment) => {
                    pattern.push(segment);
                    walk(root, &path, pattern, out, next)?;
                    pattern.pop();
                }
            }
            continue;
        }
        let Some((stem, ext)) = name.rsplit_once('.') else { continue };
        let kind = match stem {
            "route" => RouteKind::Handler,
            "page" => RouteKind::Page,
            _ => {
                out.extend(metadata_file(root, &path, &name, pattern, next)?);
                continue;
            }
        };
        if !SOURCE_EXTENSIONS.contains(&ext) {
            continue;
        }
        let file = relative(root, &path);
        if let Some(other) = found_here.replace(file.clone()) {
            return Err(Error::Route { file, message: format!("conflicts with {other} for the same path") });
        }
        let exports = exports_of(&path, &file)?;
        out.push(RouteFile { file, kind, pattern: pattern.clone(), exports });
    }
    Ok(())
}

/// The route of a metadata file, or `None` when `name` is not one.
fn metadata_file(root: &Path, path: &Path, name: &str, pattern: &[Segment], next: &Version) -> Result<Option<RouteFile>, Error> {
    let file = relative(root, path);
    let folder = metadata::folder_of(&file);
    let Some(found) = metadata::convention::recognize(name, folder.is_empty(), next) else { return Ok(None) };
    let exports = match found.source {
        metadata::convention::Source::Static => Exports::default(),
        metadata::convention::Source::Generated => exports_of(path, &file)?,
    };
    let mut pattern = pattern.to_vec();
    pattern.extend(metadata::url_segments(&found, &folder, &exports));
    Ok(Some(RouteFile { file, kind: RouteKind::Metadata, pattern, exports }))
}

/// The `pages` tree below `dir`, whose URL is `pattern`: API routes under `api/`, pages elsewhere.
fn walk_pages(root: &Path, dir: &Path, pattern: &mut Vec<Segment>, out: &mut Vec<RouteFile>) -> Result<(), Error> {
    let kind = if pattern.first() == Some(&Segment::Static("api".into())) { RouteKind::Api } else { RouteKind::PagesPage };
    for path in sorted_entries(dir)? {
        let name = path.file_name().unwrap_or_default().to_string_lossy().into_owned();
        if path.is_dir() {
            pattern.push(name_segment(&name));
            walk_pages(root, &path, pattern, out)?;
            pattern.pop();
            continue;
        }
        let Some((stem, ext)) = name.rsplit_once('.') else { continue };
        if !SOURCE_EXTENSIONS.contains(&ext) {
            continue;
        }
        let file = relative(root, &path);
        if pattern.is_empty() && SPECIAL_PAGES.contains(&stem) {
            return Err(Error::Route { file, message: "custom _app, _document, _error, 404 and 500 pages are not served by the reference server".into() });
        }
        let exports = exports_of(&path, &file)?;
        let mut route_pattern = pattern.clone();
        if stem != "index" {
            route_pattern.push(name_segment(stem));
        }
        out.push(RouteFile { file, kind, pattern: route_pattern, exports });
    }
    Ok(())
}

fn sorted_entries(dir: &Path) -> Result<Vec<PathBuf>, Error> {
    let io = |source| Error::Io { path: dir.to_owned(), source };
    let mut entries: Vec<PathBuf> = std::fs::read_dir(dir).map_err(io)?.map(|e| e.map(|e| e.path())).collect::<Result<_, _>>().map_err(io)?;
    entries.sort();
    Ok(entries)
}

fn exports_of(path: &Path, file: &str) -> Result<Exports, Error> {
    let source = std::fs::read_to_string(path).map_err(|source| Error::Io { path: path.to_owned(), source })?;
    let name = path.file_name().unwrap_or_default().to_string_lossy();
    read_exports(&source, &name).map_err(|e| Error::Parse { file: file.to_owned(), line: e.line, column: e.column, message: e.message })
}

enum Folder {
    /// `_name`: left out of routing.
    Private,
    /// `(name)`: organizes files without appearing in the URL.
    Group,
    Segment(Segment),
}

fn folder_segment(name: &str) -> Folder {
    if name.starts_with('_') || name.starts_with('@') {
        return Folder::Private;
    }
    if name.starts_with('(') && name.ends_with(')') {
        return Folder::Group;
    }
    Folder::Segment(name_segment(name))
}

/// The URL segment a folder or file name stands for: `[[...p]]`, `[...p]`, `[p]` or itself.
fn name_segment(name: &str) -> Segment {
    let bracketed = |prefix: &str, suffix: &str| name.strip_prefix(prefix).and_then(|n| n.strip_suffix(suffix)).map(str::to_owned);
    if let Some(param) = bracketed("[[...", "]]") {
        Segment::OptionalCatchAll(param)
    } else if let Some(param) = bracketed("[...", "]") {
        Segment::CatchAll(param)
    } else if let Some(param) = bracketed("[", "]") {
        Segment::Dynamic(param)
    } else {
        Segment::Static(name.to_owned())
    }
}

fn relative(root: &Path, path: &Path) -> String {
    let rel = path.strip_prefix(root).unwrap_or(path);
    rel.components().map(|c| c.as_os_str().to_string_lossy()).collect::<Vec<_>>().join("/")
}
