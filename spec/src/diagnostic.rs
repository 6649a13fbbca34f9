//! Errors in case files, located by file, line and column and printed like rustc's.

use std::fmt;
use std::ops::Range;
use std::path::{Path, PathBuf};

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diagnostic {
    pub file: PathBuf,
    /// 1-based line; a problem with the file as a whole points at its start.
    pub line: usize,
    /// 1-based column, counted in characters.
    pub column: usize,
    pub message: String,
    /// The offending line's text and how many characters of it to underline.
    source_line: Option<(String, usize)>,
}

impl Diagnostic {
    /// A problem with the file as a whole (it cannot be read, its name is not a valid id...),
    /// located at its start.
    pub fn whole_file(file: &Path, message: impl Into<String>) -> Self {
        Diagnostic { file: file.to_owned(), line: 1, column: 1, message: message.into(), source_line: None }
    }

    /// A problem at a byte range of the file's text.
    pub fn at(file: &Path, text: &str, span: Range<usize>, message: impl Into<String>) -> Self {
        let start = floor_char_boundary(text, span.start.min(text.len()));
        let line_start = text[..start].rfind('\n').map_or(0, |i| i + 1);
        let line_end = text[start..].find('\n').map_or(text.len(), |i| start + i);
        let line = text[..start].matches('\n').count() + 1;
        let column = text[line_start..start].chars().count() + 1;
        let source = text[line_start..line_end].trim_end_matches('\r').to_owned();
        let end = floor_char_boundary(text, span.end.clamp(start, line_end));
        let width = text[start..end].chars().count().max(1);
        Diagnostic { file: file.to_owned(), line, column, message: message.into(), source_line: Some((source, width)) }
    }
}

fn floor_char_boundary(text: &str, mut index: usize) -> usize {
    while !text.is_char_boundary(index) {
        index -= 1;
    }
    index
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let number = self.line.to_string();
        let pad = " ".repeat(number.len());
        writeln!(f, "error: {}", self.message)?;
        write!(f, "{pad}--> {}:{}:{}", self.file.display(), self.line, self.column)?;
        if let Some((source, width)) = &self.source_line {
            write!(f, "\n{pad} |\n{number} | {source}\n{pad} | {}{}", " ".repeat(self.column - 1), "^".repeat(*width))?;
        }
        Ok(())
    }
}

impl std::error::Error for Diagnostic {}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn locates_line_and_column_and_underlines() {
        let text = "title = \"x\"\ntittle = \"y\"\n";
        let d = Diagnostic::at(Path::new("a.toml"), text, 12..18, "unknown field");
        assert_eq!((d.line, d.column), (2, 1));
        let shown = d.to_string();
        assert!(shown.contains("\n --> a.toml:2:1\n  |\n"), "{shown}");
        assert!(shown.contains("2 | tittle = \"y\"\n  | ^^^^^^"), "{shown}");
    }

    #[test]
    fn counts_columns_in_characters() {
        let text = "é = 1";
        let d = Diagnostic::at(Path::new("a.toml"), text, 3..4, "m");
        assert_eq!(d.column, 3);
    }
}
