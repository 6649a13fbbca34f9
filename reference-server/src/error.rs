//! Why the reference server could not load the fixture app.

use std::path::PathBuf;

#[derive(Debug, thiserror::Error)]
pub enum Error {
    #[error("cannot read {path}: {source}")]
    Io { path: PathBuf, source: std::io::Error },
    #[error("{path}: no `app`, `src/app`, `pages` or `src/pages` folder; is this a Next.js app?")]
    NoAppDir { path: PathBuf },
    #[error("{file}:{line}:{column}: {message}")]
    Parse { file: String, line: usize, column: usize, message: String },
    #[error("{file}: {message}")]
    Route { file: String, message: String },
    #[error("no fixture app named `{app}` has mirrors in reference-server/src/mirrors")]
    UnknownApp { app: String },
    #[error("{file}: no Rust mirror of this fixture route; add one in reference-server/src/mirrors")]
    NoMirror { file: String },
}
