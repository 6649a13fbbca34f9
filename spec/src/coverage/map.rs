//! The map files: per doc page, `<name>.md` holds the page's text and `<name>.toml` its
//! statements, each checked against that text when loaded.
//!
//! ```toml
//! page = "route.js"
//! url = "https://nextjs.org/docs/app/api-reference/file-conventions/route"
//! source = "the seed copy of the docs the text is taken from"
//!
//! [[statement]]
//! anchor = "http-methods"
//! claim = "Without an OPTIONS export, OPTIONS is answered with Allow listing the exported methods"
//! quote = "If `OPTIONS` is not defined, Next.js will automatically implement `OPTIONS` ..."
//! cases = ["app-router/route-handlers/methods/auto-options-lists-exported-methods"]
//! ```
//!
//! A statement has cases that assert it (covered), cases and an `open` remainder no case
//! shows yet (partly), only `open` (no case yet), or `not_observable` with `why` (no answer of
//! a server can show it).

use super::quote::quote_in;
use super::text::PageText;
use crate::diagnostic::Diagnostic;
use crate::suggest::{did_you_mean, hint_unknown};
use serde::Deserialize;
use std::fmt;
use std::ops::Range;
use std::path::{Path, PathBuf};
use toml::Spanned;

/// Every page of the map, sorted by page name (letter case aside).
#[derive(Debug, Clone)]
pub struct Map {
    pub pages: Vec<Page>,
}

/// One doc page: its text and its statements.
#[derive(Debug, Clone)]
pub struct Page {
    /// The page's title as cases cite it in `doc.page`, e.g. `route.js`.
    pub name: String,
    pub url: String,
    pub text: PageText,
    /// Where the text comes from: which seed copy of the docs, which docs version.
    pub source: String,
    pub statements: Vec<Statement>,
    /// The `.toml` file and its text, to point at a statement's line.
    pub file: PathBuf,
    map_text: String,
}

#[derive(Debug, Clone)]
pub struct Statement {
    pub anchor: String,
    /// What the docs promise, in a few words.
    pub claim: String,
    /// The doc's own words, found in the anchor's section.
    pub quote: String,
    pub status: Status,
    /// Where the docs and Next.js differ, or what the cases leave to others.
    pub note: Option<String>,
    /// The cases that assert the statement, each with where the map file names it.
    pub cases: Vec<(String, Range<usize>)>,
    /// Where the statement starts in its map file.
    pub span: Range<usize>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Status {
    Covered,
    /// Cases assert part of it; `open` says what no case shows yet.
    Partly { open: String },
    /// Observable, no case yet; says what a case needs.
    Open { needs: String },
    NotObservable { kind: Unobservable, why: String },
}

/// Why no answer of a server can show a statement.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Unobservable {
    /// It happens in the browser or the client router.
    Client,
    /// It shows only while building: a build error, the build's output.
    Build,
    /// It holds only under `next dev`.
    Dev,
    /// TypeScript types.
    Types,
    /// A hint for deployment platforms that `next start` does not act on.
    Platform,
    /// No request can bring it about, or it leaves no trace in any answer.
    Unreachable,
}

impl fmt::Display for Unobservable {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Unobservable::Client => "client",
            Unobservable::Build => "build",
            Unobservable::Dev => "dev",
            Unobservable::Types => "types",
            Unobservable::Platform => "platform",
            Unobservable::Unreachable => "unreachable",
        })
    }
}

impl Page {
    /// A problem at a byte range of the page's map file.
    pub fn diagnostic(&self, span: Range<usize>, message: impl Into<String>) -> Diagnostic {
        Diagnostic::at(&self.file, &self.map_text, span, message)
    }
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct PageFile {
    page: String,
    url: String,
    source: String,
    #[serde(default, rename = "statement")]
    statements: Vec<Spanned<StatementFile>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct StatementFile {
    anchor: Spanned<String>,
    claim: String,
    quote: Spanned<String>,
    #[serde(default)]
    cases: Vec<Spanned<String>>,
    open: Option<String>,
    not_observable: Option<Unobservable>,
    why: Option<String>,
    note: Option<String>,
}

/// Loads every `<name>.toml` of `dir` with its `<name>.md`. Returns every problem found when
/// any file is broken.
pub fn load(dir: &Path) -> Result<Map, Vec<Diagnostic>> {
    let entries = std::fs::read_dir(dir).map_err(|e| vec![Diagnostic::whole_file(dir, format!("cannot read the doc coverage map: {e}"))])?;
    let mut files: Vec<PathBuf> = entries.filter_map(|e| e.ok().map(|e| e.path())).collect();
    files.sort();
    let mut pages = Vec::new();
    let mut problems = Vec::new();
    for path in &files {
        match path.extension().and_then(|e| e.to_str()) {
            Some("toml") => match load_page(path) {
                Ok((page, mut found)) => {
                    problems.append(&mut found);
                    pages.push(page);
                }
                Err(d) => problems.push(d),
            },
            Some("md") if !path.with_extension("toml").is_file() => {
                problems.push(Diagnostic::whole_file(path, "a page text without its statements: add the `.toml` of the same name"));
            }
            _ => {}
        }
    }
    if pages.is_empty() && problems.is_empty() {
        problems.push(Diagnostic::whole_file(dir, "the doc coverage map has no page"));
    }
    pages.sort_by_key(|p| (p.name.to_lowercase(), p.name.clone()));
    for pair in pages.windows(2) {
        if pair[0].name == pair[1].name {
            problems.push(Diagnostic::whole_file(&pair[1].file, format!("page `{}` is mapped twice, also in {}", pair[1].name, pair[0].file.display())));
        }
    }
    if problems.is_empty() { Ok(Map { pages }) } else { Err(problems) }
}

/// One page, and the problems of its statements.
fn load_page(path: &Path) -> Result<(Page, Vec<Diagnostic>), Diagnostic> {
    let map_text = std::fs::read_to_string(path).map_err(|e| Diagnostic::whole_file(path, format!("cannot read: {e}")))?;
    let file: PageFile = toml::from_str(&map_text).map_err(|e| {
        let message = hint_unknown(e.message());
        match e.span() {
            Some(span) => Diagnostic::at(path, &map_text, span, message),
            None => Diagnostic::whole_file(path, message),
        }
    })?;
    let text_path = path.with_extension("md");
    let text = std::fs::read_to_string(&text_path)
        .map_err(|e| Diagnostic::whole_file(path, format!("cannot read the page's text {}: {e}", text_path.display())))?;
    let mut page = Page {
        name: file.page,
        url: file.url,
        text: PageText::parse(&text),
        source: file.source,
        statements: Vec::new(),
        file: path.to_owned(),
        map_text,
    };
    let mut problems = Vec::new();
    for raw in file.statements {
        let span = raw.span();
        match statement(&page, raw.into_inner(), span) {
            Ok(statement) => page.statements.push(statement),
            Err(d) => problems.push(d),
        }
    }
    Ok((page, problems))
}

fn statement(page: &Page, raw: StatementFile, span: Range<usize>) -> Result<Statement, Diagnostic> {
    let anchor_span = raw.anchor.span();
    let anchor = raw.anchor.into_inner();
    let Some(section) = page.text.section(&anchor) else {
        return Err(page.diagnostic(anchor_span, unknown_anchor(&page.name, &anchor, &page.text)));
    };
    let quote_span = raw.quote.span();
    let quote = raw.quote.into_inner();
    if !quote_in(&quote, section) {
        return Err(page.diagnostic(quote_span, misplaced_quote(&page.text, &anchor, &quote)));
    }
    if raw.claim.trim().is_empty() {
        return Err(page.diagnostic(span, "the statement's `claim` is empty: say in a few words what the docs promise"));
    }
    let cases: Vec<(String, Range<usize>)> = raw.cases.into_iter().map(|c| (c.get_ref().clone(), c.span())).collect();
    let status = match (cases.is_empty(), raw.open, raw.not_observable, raw.why) {
        (false, None, None, None) => Status::Covered,
        (false, Some(open), None, None) => Status::Partly { open },
        (true, Some(needs), None, None) => Status::Open { needs },
        (true, None, Some(kind), Some(why)) => Status::NotObservable { kind, why },
        (true, None, None, None) => {
            return Err(page.diagnostic(span, "the statement has neither cases nor a reason: list the `cases` that assert it, \
                 say why no answer shows it (`not_observable` and `why`), or mark it `open = \"what a case needs\"`"));
        }
        (_, _, Some(_), None) => return Err(page.diagnostic(span, "`not_observable` needs a `why`")),
        (_, _, None, Some(_)) => return Err(page.diagnostic(span, "`why` explains `not_observable`; use `note` or `open` otherwise")),
        (_, _, Some(_), Some(_)) => {
            return Err(page.diagnostic(span, "a statement no answer can show has no `cases` and is not `open`"));
        }
    };
    if matches!(&status, Status::Partly { open: text } | Status::Open { needs: text } if text.trim().is_empty()) {
        return Err(page.diagnostic(span, "`open` is empty: say what no case shows yet"));
    }
    Ok(Statement { anchor, claim: raw.claim, quote, status, note: raw.note, cases, span })
}

/// "No such anchor" with the nearest one and the page's list.
pub(crate) fn unknown_anchor(page: &str, anchor: &str, text: &PageText) -> String {
    let anchors: Vec<&str> = text.anchors().collect();
    let hint = did_you_mean(anchor, &anchors).map(|a| format!(", did you mean `{a}`?")).unwrap_or_default();
    format!("page `{page}` has no section `#{anchor}`{hint} (its anchors: {})", anchors.join(", "))
}

/// "The quote is not in that section", naming the sections that hold it, if any.
pub(crate) fn misplaced_quote(text: &PageText, anchor: &str, quote: &str) -> String {
    let holding: Vec<&str> = text.anchors().filter(|a| text.section(a).is_some_and(|s| quote_in(quote, s))).collect();
    match holding.last() {
        Some(inner) => format!("the quote is not in section `#{anchor}` but in `#{inner}`: cite the section that holds it"),
        None => format!("the quote is not in the text of section `#{anchor}`; copy the doc's words (markdown and spacing aside), with `...` where words are left out"),
    }
}
