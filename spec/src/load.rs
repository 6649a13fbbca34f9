//! Finds case files, derives their ids and parses them, collecting every problem found.

use crate::case::Case;
use crate::diagnostic::Diagnostic;
use crate::suggest::hint_unknown;
use std::collections::HashMap;
use std::path::{Path, PathBuf};

/// The file at the root of a cases folder that says where the fixture apps are whose files
/// `body.file` names (`fixture_apps = ".."`, relative to the cases folder). Without it they are
/// looked for in the folder that holds the cases folder.
pub const SUITE_FILE: &str = "suite.toml";

#[derive(serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct Suite {
    fixture_apps: PathBuf,
}

/// Loads every `**/*.toml` below `root`, sorted by id, except the doc coverage map's files
/// (`root/coverage/`) and [`SUITE_FILE`]. Returns all diagnostics when any file is broken, so
/// one run shows every problem.
pub fn load_dir(root: &Path) -> Result<Vec<Case>, Vec<Diagnostic>> {
    load_dir_with(root, None)
}

/// [`load_dir`], reading a `body.file` from `fallback` (a folder that holds fixture apps) when
/// the fixture apps the cases folder declares do not have it: a cases folder copied away from
/// its fixture apps still loads.
pub fn load_dir_with(root: &Path, fallback: Option<&Path>) -> Result<Vec<Case>, Vec<Diagnostic>> {
    let mut files = Vec::new();
    if let Err(e) = collect_toml_files(root, &root.join(crate::coverage::MAP_DIR), &mut files) {
        return Err(vec![Diagnostic::whole_file(root, format!("cannot read the cases folder: {e}"))]);
    }
    let suite = root.join(SUITE_FILE);
    files.retain(|f| *f != suite);
    files.sort();
    let declared = fixture_apps(root).map_err(|d| vec![d])?;
    let places: Vec<&Path> = [Some(declared.as_path()), fallback].into_iter().flatten().collect();

    let mut cases = Vec::new();
    let mut problems = Vec::new();
    for path in files {
        let loaded = case_id(root, &path).and_then(|id| {
            let bytes = std::fs::read(&path).map_err(|e| Diagnostic::whole_file(&path, format!("cannot read: {e}")))?;
            let text = utf8(&path, bytes)?;
            let mut case = parse_case(&id, &path, &text)?;
            read_body_files(&mut case, &places)?;
            Ok(case)
        });
        match loaded {
            Ok(case) => cases.push(case),
            Err(d) => problems.push(d),
        }
    }
    problems.extend(duplicate_ids(&cases));
    if problems.is_empty() {
        cases.sort_by(|a, b| a.id.cmp(&b.id));
        Ok(cases)
    } else {
        Err(problems)
    }
}

/// Parses one case file's text. `path` is used in diagnostics only.
pub fn parse_case(id: &str, path: &Path, text: &str) -> Result<Case, Diagnostic> {
    let mut case: Case = toml::from_str(text).map_err(|e| {
        let message = hint_unknown(e.message());
        match e.span() {
            Some(span) => Diagnostic::at(path, text, span, message),
            None => Diagnostic::whole_file(path, message),
        }
    })?;
    case.id = id.to_owned();
    case.path = path.to_owned();
    for (step, lines) in case.steps.iter_mut().zip(crate::locate::steps(text)) {
        step.lines = lines;
    }
    Ok(case)
}

/// Where the cases in `root` say their fixture apps are: as [`SUITE_FILE`] says, or the folder
/// that holds `root`.
fn fixture_apps(root: &Path) -> Result<PathBuf, Diagnostic> {
    let path = root.join(SUITE_FILE);
    let Ok(text) = std::fs::read_to_string(&path) else { return Ok(root.parent().unwrap_or(root).to_owned()) };
    let suite: Suite = toml::from_str(&text).map_err(|e| match e.span() {
        Some(span) => Diagnostic::at(&path, &text, span, hint_unknown(e.message())),
        None => Diagnostic::whole_file(&path, e.message().to_owned()),
    })?;
    Ok(root.join(suite.fixture_apps))
}

/// Reads the files that `expect.body.file` names, from the first of `places` (folders that hold
/// fixture apps) that has them.
fn read_body_files(case: &mut Case, places: &[&Path]) -> Result<(), Diagnostic> {
    for (index, step) in case.steps.iter_mut().enumerate() {
        let bodies = [("expect", step.expect.body.as_mut()), ("should", step.should.as_mut().and_then(|s| s.body.as_mut()))];
        for (table, body) in bodies {
            let Some(body) = body else { continue };
            let Some(file) = &body.file else { continue };
            let found = places.iter().map(|place| place.join(file)).find(|path| path.is_file());
            let path = found.unwrap_or_else(|| places[0].join(file));
            let bytes = std::fs::read(&path).map_err(|e| {
                let message = format!("step {}: {table}.body.file `{file}`: cannot read {}: {e}", index + 1, path.display());
                Diagnostic::whole_file(&case.path, message)
            })?;
            body.file_bytes = Some(std::sync::Arc::new(bytes));
        }
    }
    Ok(())
}

fn collect_toml_files(dir: &Path, skip: &Path, out: &mut Vec<PathBuf>) -> std::io::Result<()> {
    for entry in std::fs::read_dir(dir)? {
        let path = entry?.path();
        if path == skip {
            continue;
        }
        if path.is_dir() {
            collect_toml_files(&path, skip, out)?;
        } else if path.extension().is_some_and(|e| e == "toml") {
            out.push(path);
        }
    }
    Ok(())
}

/// The id is the path below the cases folder without `.toml`, in `/`-separated kebab-case
/// segments, so it is stable and the same on every file system.
fn case_id(root: &Path, path: &Path) -> Result<String, Diagnostic> {
    let relative = path.strip_prefix(root).unwrap_or(path).with_extension("");
    let mut segments = Vec::new();
    for part in relative.components() {
        let part = part.as_os_str().to_string_lossy();
        let valid = !part.is_empty()
            && part.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
            && !part.starts_with('-');
        if !valid {
            return Err(Diagnostic::whole_file(
                path,
                format!("`{part}` cannot be part of a case id: use lower-case letters, digits and `-`"),
            ));
        }
        segments.push(part.into_owned());
    }
    Ok(segments.join("/"))
}

fn utf8(path: &Path, bytes: Vec<u8>) -> Result<String, Diagnostic> {
    String::from_utf8(bytes).map_err(|e| {
        let valid = e.utf8_error().valid_up_to();
        let bytes = e.as_bytes();
        let text = String::from_utf8_lossy(&bytes[..valid]);
        Diagnostic::at(path, &text, valid..valid, "the file is not valid UTF-8")
    })
}

/// Cases that are the same case twice: ids that collide when letter case is ignored, or one
/// file reached through two paths (a linked folder).
fn duplicate_ids(cases: &[Case]) -> Vec<Diagnostic> {
    let mut ids: HashMap<String, &Path> = HashMap::new();
    let mut files: HashMap<PathBuf, &Path> = HashMap::new();
    let mut out = Vec::new();
    for case in cases {
        let same_id = ids.insert(case.id.to_lowercase(), &case.path);
        let same_file = std::fs::canonicalize(&case.path).ok().and_then(|real| files.insert(real, &case.path));
        if let Some(other) = same_id.or(same_file) {
            out.push(Diagnostic::whole_file(
                &case.path,
                format!("duplicate case `{}`: the same case as {}", case.id, other.display()),
            ));
        }
    }
    out
}
