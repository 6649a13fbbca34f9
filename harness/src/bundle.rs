//! The suite the harness carries: the cases (with the doc coverage map) and the fixture apps,
//! built into the binary (see `build.rs`), so that an installed `harness` runs from any folder
//! without a source tree. The reference server reads an app from its folder, so the bundle is
//! unpacked once into a cache folder named by a hash of its contents
//! (`$XDG_CACHE_HOME/nextjs-conformance/bundle-HASH`, or under `~/.cache`, or the temporary
//! folder) and read from there; a new build with other contents unpacks beside it.
//!
//! It also writes one fixture app into a folder of the user's, to deploy
//! (`harness fixture export`).

use std::path::{Path, PathBuf};
use std::sync::OnceLock;

mod files {
    include!(concat!(env!("OUT_DIR"), "/bundle.rs"));
}

/// The cases folder of the bundle.
pub const CASES: &str = "cases";

/// The folder the bundle is unpacked to (unpacking it the first time): it holds `cases/`,
/// `fixture-app/` and `fixture-apps/`.
pub fn root() -> Result<&'static Path, String> {
    static ROOT: OnceLock<Result<PathBuf, String>> = OnceLock::new();
    ROOT.get_or_init(unpack).as_deref().map_err(Clone::clone)
}

/// The folder of the bundled fixture app `app`: `fixture-app/`, or `fixture-apps/APP/`.
pub fn app_dir(app: &str) -> Result<PathBuf, String> {
    let root = root()?;
    Ok(if app == spec::case::DEFAULT_APP { root.join(app) } else { root.join("fixture-apps").join(app) })
}

/// The names of the bundled fixture apps.
pub fn apps() -> Vec<String> {
    let mut apps = vec![spec::case::DEFAULT_APP.to_owned()];
    for (path, _) in files::FILES {
        if let Some(app) = path.strip_prefix("fixture-apps/").and_then(|rest| rest.split_once('/')).map(|(app, _)| app)
            && !apps.iter().any(|a| a == app)
        {
            apps.push(app.to_owned());
        }
    }
    apps
}

fn cache_home() -> PathBuf {
    let home = std::env::var_os("XDG_CACHE_HOME").filter(|v| !v.is_empty()).map(PathBuf::from);
    let home = home.or_else(|| std::env::var_os("HOME").filter(|v| !v.is_empty()).map(|h| PathBuf::from(h).join(".cache")));
    home.unwrap_or_else(std::env::temp_dir).join("nextjs-conformance")
}

/// Unpacks the bundle unless a folder of the same contents is there: into a temporary folder
/// first, renamed into place, so that a folder with the name is always whole (two harnesses
/// unpacking at once both end up using the first one renamed).
fn unpack() -> Result<PathBuf, String> {
    let home = cache_home();
    let root = home.join(format!("bundle-{}", files::HASH));
    if root.is_dir() {
        return Ok(root);
    }
    let partial = home.join(format!(".bundle-{}.{}", files::HASH, std::process::id()));
    let written = write_files(&partial, |_| true).and_then(|()| std::fs::rename(&partial, &root));
    if let Err(e) = written {
        let _ = std::fs::remove_dir_all(&partial);
        if !root.is_dir() {
            return Err(format!("cannot unpack the bundled cases and fixture apps into {}: {e}", root.display()));
        }
    }
    Ok(root)
}

/// Writes the bundled files whose path `wanted` keeps below `dir`, as `wanted` renames them.
fn write_files(dir: &Path, wanted: impl Fn(&str) -> bool) -> std::io::Result<()> {
    for (path, bytes) in files::FILES.iter().filter(|(path, _)| wanted(path)) {
        let target = dir.join(path);
        std::fs::create_dir_all(target.parent().expect("a file has a folder"))?;
        std::fs::write(target, bytes)?;
    }
    Ok(())
}

/// Writes the fixture app `app` into `dir`, as a platform deploys it: its own files, with
/// fixture-app's `package.json` and lockfile (which pin Next.js) for the smaller apps. Returns
/// how many files were written.
pub fn export_app(app: &str, dir: &Path) -> Result<usize, String> {
    let known = apps();
    if !known.iter().any(|a| a == app) {
        return Err(format!("there is no bundled fixture app `{app}`; the apps are {}", known.join(", ")));
    }
    let own = if app == spec::case::DEFAULT_APP { format!("{app}/") } else { format!("fixture-apps/{app}/") };
    let packages = ["fixture-app/package.json", "fixture-app/package-lock.json"];
    let mut written = 0;
    for (path, bytes) in files::FILES {
        let relative = match path.strip_prefix(own.as_str()) {
            // Which Next.js majors an app builds with is for this project's scripts.
            Some("next-kinds") => continue,
            Some(relative) => relative,
            None if packages.contains(path) => path.rsplit('/').next().expect("a file name"),
            None => continue,
        };
        let target = dir.join(relative);
        let made = target.parent().map_or(Ok(()), std::fs::create_dir_all).and_then(|()| std::fs::write(&target, bytes));
        made.map_err(|e| format!("cannot write {}: {e}", target.display()))?;
        written += 1;
    }
    Ok(written)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_bundle_holds_the_cases_the_coverage_map_and_every_fixture_app() {
        let paths: Vec<&str> = files::FILES.iter().map(|(p, _)| *p).collect();
        assert!(paths.iter().filter(|p| p.starts_with("cases/") && p.ends_with(".toml")).count() > 100);
        assert!(paths.iter().any(|p| p.starts_with("cases/coverage/")));
        assert!(paths.contains(&"fixture-app/package-lock.json"));
        assert!(!paths.iter().any(|p| p.contains("node_modules/") || p.contains("/.next/")));
        assert!(apps().len() > 1 && apps()[0] == "fixture-app", "{:?}", apps());
    }

    #[test]
    fn an_app_exports_with_the_packages_that_pin_next() {
        let dir = std::env::temp_dir().join(format!("harness-export-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        let other = apps().into_iter().find(|a| a != "fixture-app").unwrap();
        let written = export_app(&other, &dir).unwrap();
        assert!(written > 2);
        assert!(dir.join("package.json").is_file() && dir.join("package-lock.json").is_file() && dir.join("next.config.js").is_file());
        assert!(!dir.join("next-kinds").exists());
        assert!(export_app("no-such-app", &dir).unwrap_err().contains("the apps are fixture-app, "));
        let _ = std::fs::remove_dir_all(&dir);
    }
}
