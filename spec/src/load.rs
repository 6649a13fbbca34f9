//! Finds case files, derives their ids and parses them, collecting every problem found.

use crate::case::Case;
use crate::diagnostic::Diagnostic;
use crate::suggest::hint_unknown;
use std::collections::HashMap;
use std::path::{Path, PathBuf};

/// Loads every `**/*.toml` below `root`, sorted by id, except the doc coverage map's files
/// (`root/coverage/`). Returns all diagnostics when any file is broken, so one run shows every
/// problem.
pub fn load_dir(root: &Path) -> Result<Vec<Case>, Vec<Diagnostic>> {
    let mut files = Vec::new();
    if let Err(e) = collect_toml_files(root, &root.join(crate::coverage::MAP_DIR), &mut files) {
        return Err(vec![Diagnostic::whole_file(root, format!("cannot read the cases folder: {e}"))]);
    }
    files.sort();

    let mut cases = Vec::new();
    let mut problems = Vec::new();
    for path in files {
        let loaded = case_id(root, &path).and_then(|id| {
            let bytes = std::fs::read(&path).map_err(|e| Diagnostic::whole_file(&path, format!("cannot read: {e}")))?;
            let text = utf8(&path, bytes)?;
            let mut case = parse_case(&id, &path, &text)?;
            read_body_files(&mut case, root)?;
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
    Ok(case)
}

/// Reads the files that `expect.body.file` names, relative to the folder holding `root`.
fn read_body_files(case: &mut Case, root: &Path) -> Result<(), Diagnostic> {
    let project = root.parent().unwrap_or(root);
    for (index, step) in case.steps.iter_mut().enumerate() {
        let bodies = [("expect", step.expect.body.as_mut()), ("should", step.should.as_mut().and_then(|s| s.body.as_mut()))];
        for (table, body) in bodies {
            let Some(body) = body else { continue };
            let Some(file) = &body.file else { continue };
            let path = project.join(file);
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
