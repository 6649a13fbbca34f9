//! What server code sees of the project it runs in, besides its routes: `process.env` with the
//! `.env` files Next.js loads from the project root, and the project's own files, which code
//! reads from `process.cwd()` (the project root under `next start`).
//!
//! In production Next.js loads `.env.production.local`, `.env.local`, `.env.production` and
//! `.env`, in that order, the first file that sets a name winning; only the project root's files
//! count (a `.env` under `src/` is not read). A line is `NAME=value` (optionally after
//! `export `); `#` starts a comment line, or a comment after an unquoted value; a value in
//! single, double or back quotes is taken as written, `\n` in double quotes being a newline.

use bytes::Bytes;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

/// The `.env` files of a production server, first winning.
const ENV_FILES: [&str; 4] = [".env.production.local", ".env.local", ".env.production", ".env"];

/// The project root and the environment its `.env` files give.
#[derive(Debug, Default)]
pub struct Project {
    root: PathBuf,
    env: BTreeMap<String, String>,
}

impl Project {
    /// The project at `root`, with its `.env` files read.
    pub fn load(root: &Path) -> Project {
        let mut env = BTreeMap::new();
        for name in ENV_FILES {
            let Ok(text) = std::fs::read_to_string(root.join(name)) else { continue };
            for (key, value) in parse(&text) {
                env.entry(key).or_insert(value);
            }
        }
        Project { root: root.to_owned(), env }
    }

    /// `process.env[name]`.
    pub fn env(&self, name: &str) -> Option<&str> {
        self.env.get(name).map(String::as_str)
    }

    /// `await readFile(join(process.cwd(), path))`.
    pub fn read(&self, path: &str) -> std::io::Result<Bytes> {
        std::fs::read(self.root.join(path)).map(Bytes::from)
    }
}

/// The names and values a `.env` file sets, in order.
fn parse(text: &str) -> Vec<(String, String)> {
    let mut out = Vec::new();
    for line in text.lines() {
        let line = line.trim();
        let line = line.strip_prefix("export ").unwrap_or(line);
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        let Some((key, value)) = line.split_once('=') else { continue };
        let value = value.trim();
        let quoted = ['"', '\'', '`'].into_iter().find(|q| value.len() >= 2 && value.starts_with(*q) && value.ends_with(*q));
        let value = match quoted {
            Some('"') => value[1..value.len() - 1].replace("\\n", "\n"),
            Some(_) => value[1..value.len() - 1].to_owned(),
            None => value.split(" #").next().unwrap_or_default().trim_end().to_owned(),
        };
        out.push((key.trim().to_owned(), value));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_names_values_quotes_and_comments() {
        let text = "# a comment\nA=plain value # note\nexport B=\"two\\nlines\"\nC='single # kept'\n\nnot a pair\n";
        assert_eq!(
            parse(text),
            [("A".into(), "plain value".into()), ("B".into(), "two\nlines".into()), ("C".into(), "single # kept".into())]
        );
    }

    #[test]
    fn reads_the_root_env_file_not_one_in_src() {
        let project = Project::load(&crate::app_dir("src-layout"));
        assert_eq!(project.env("FROM_ROOT_ENV"), Some("from the root .env"));
        assert_eq!(project.env("FROM_SRC_ENV"), None);
        assert!(Project::load(&crate::default_fixture_dir()).env("FROM_ROOT_ENV").is_none());
    }
}
