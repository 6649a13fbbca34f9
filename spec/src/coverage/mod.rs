//! The doc coverage map: each statement of the seed docs about what a server answers, with the
//! cases that assert it, or why no answer of a server can show it.
//!
//! The map lives beside the cases, in `cases/coverage/` ([`MAP_DIR`]): per doc page, its text
//! (`<name>.md`, a copy of the public Next.js docs page as the seed docs hold it, so checks
//! work from a fresh clone) and its statements (`<name>.toml`). The anchors a case may cite
//! are the page's headings ([`text`]); a quote, in a map file or a case, must be words of the
//! section it cites ([`quote`]).
//!
//! Layout:
//! - [`text`]: a page's text split into sections, each under its anchor.
//! - [`quote`]: whether a quote is in a text, markdown and spacing aside.
//! - [`map`]: the map files, loaded and checked against their page's text.
//! - [`citations`]: the map against the cases: ids that exist, citations that hold.
//! - [`tally`]: statements counted as covered, partly, open and not observable.

pub mod citations;
pub mod map;
pub mod quote;
pub mod tally;
pub mod text;

pub use citations::check;
pub use map::{Map, Page, Statement, Status, Unobservable, load};
pub use tally::Tally;

/// The map's folder inside a cases folder; case files are never read from it.
pub const MAP_DIR: &str = "coverage";
