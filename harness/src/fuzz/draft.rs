//! A generated request as parts that shrink one by one (the method, each path segment and how
//! it is encoded, each change to the path, each query pair, each header, the body), and the
//! request they make.

use super::space::{Target, TargetKind};
use spec::RequestSpec;
use spec::case::RequestBody;
use std::fmt::Write as _;

#[derive(Debug, Clone, PartialEq)]
pub struct Draft {
    pub app: String,
    pub kind: TargetKind,
    pub method: Method,
    pub segments: Vec<Piece>,
    pub edits: Vec<Edit>,
    /// The query a fixed target carries, as written.
    pub fixed_query: Option<String>,
    pub query: Vec<QueryPair>,
    pub headers: Vec<(&'static str, &'static str)>,
    pub body: Option<Body>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Method {
    /// As Node.js knows it.
    Standard(&'static str),
    /// A standard method in lower case (HTTP methods are case-sensitive).
    Lowercase(&'static str),
    /// A token no server knows as a method, or one only WebDAV or CDNs use.
    Other(&'static str),
}

impl Method {
    pub fn token(self) -> String {
        match self {
            Method::Standard(m) | Method::Other(m) => m.to_owned(),
            Method::Lowercase(m) => m.to_ascii_lowercase(),
        }
    }
}

/// One path segment: its decoded text and how it is written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Piece {
    pub text: String,
    pub encoding: Encoding,
    /// A generated value of a dynamic segment, rather than a segment of the route's own.
    pub param: bool,
}

/// The value a parameter shrinks to.
pub const PLAIN_PARAM: &str = "a";

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Encoding {
    /// Percent-encoded where a URL must be (`encodeURIComponent` with `'()*!` kept), hex in upper case.
    Standard,
    /// The same, hex in lower case (`%c3%a9`).
    LowerHex,
    /// As it is: non-ASCII as raw UTF-8 bytes, `%` unescaped; only what would end the path
    /// (space, `/`, `?`, `#`, controls) is escaped.
    Raw,
    /// Every byte escaped, letters too (`%61`).
    EveryByte,
    /// Escaped twice (`%25C3%25A9`).
    Twice,
    /// In a query: as `Standard`, with spaces as `+` (HTML forms).
    Form,
}

/// A change to the path once its segments are written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Edit {
    TrailingSlash,
    /// The slash before segment N (modulo the count) doubled.
    DoubledSlash(usize),
    /// `./` before segment N.
    Dot(usize),
    /// `x/../` before segment N: the same path once dot segments are removed.
    DotDot(usize),
    /// `x/%2e%2e/` before segment N.
    EncodedDotDot(usize),
    /// Segment N in upper case.
    Upper(usize),
    /// The slash before segment N (N ≥ 1) written `%2F`, joining two segments.
    EncodedSlash(usize),
    /// The slash before segment N (N ≥ 1) written `\`.
    Backslash(usize),
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct QueryPair {
    pub key: String,
    /// `None`: the key alone, without `=`.
    pub value: Option<String>,
    pub encoding: Encoding,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Body {
    Text(&'static str),
    /// `text` written `times` times.
    Repeat { text: &'static str, times: usize },
}

impl Encoding {
    pub fn name(self) -> &'static str {
        match self {
            Encoding::Standard => "percent-encoded",
            Encoding::LowerHex => "with lower-case escapes",
            Encoding::Raw => "unescaped",
            Encoding::EveryByte => "with every byte escaped",
            Encoding::Twice => "escaped twice",
            Encoding::Form => "as a form writes it",
        }
    }
}

impl Edit {
    pub fn name(self) -> &'static str {
        match self {
            Edit::TrailingSlash => "a trailing slash",
            Edit::DoubledSlash(_) => "a doubled slash",
            Edit::Dot(_) => "a `.` segment",
            Edit::DotDot(_) => "a `..` segment",
            Edit::EncodedDotDot(_) => "an escaped `..` segment",
            Edit::Upper(_) => "a segment in upper case",
            Edit::EncodedSlash(_) => "an escaped slash",
            Edit::Backslash(_) => "a backslash",
        }
    }
}

impl Body {
    pub fn name(self) -> String {
        match self {
            Body::Text(text) => format!("the body `{}`", text.escape_debug()),
            Body::Repeat { text, times } => format!("a body of {times} `{text}`"),
        }
    }

    fn text(self) -> String {
        match self {
            Body::Text(text) => text.to_owned(),
            Body::Repeat { text, times } => text.repeat(times),
        }
    }
}

impl Draft {
    /// A draft of `target` with nothing varied: GET, its segments written as they are.
    pub fn plain(target: &Target, segments: Vec<Piece>, fixed_query: Option<String>) -> Draft {
        Draft {
            app: target.app.clone(),
            kind: target.kind,
            method: Method::Standard("GET"),
            segments,
            edits: Vec::new(),
            fixed_query,
            query: Vec::new(),
            headers: Vec::new(),
            body: None,
        }
    }

    /// The request-target: the path, then the query.
    pub fn target(&self) -> String {
        let mut written: Vec<String> = self.segments.iter().map(|p| encode(&p.text, p.encoding)).collect();
        let mut separators: Vec<&str> = vec!["/"; written.len()];
        let mut inserted: Vec<(usize, &str)> = Vec::new();
        let mut trailing = false;
        for edit in &self.edits {
            let count = written.len();
            let at = |n: usize| if count == 0 { 0 } else { n % count };
            match *edit {
                Edit::TrailingSlash => trailing = true,
                Edit::DoubledSlash(n) if !written.is_empty() => separators[at(n)] = "//",
                Edit::Dot(n) => inserted.push((at(n), ".")),
                Edit::DotDot(n) => inserted.push((at(n), "x/..")),
                Edit::EncodedDotDot(n) => inserted.push((at(n), "x/%2e%2e")),
                Edit::Upper(n) if !written.is_empty() => written[at(n)] = written[at(n)].to_ascii_uppercase(),
                Edit::EncodedSlash(n) if written.len() > 1 => separators[1 + n % (written.len() - 1)] = "%2F",
                Edit::Backslash(n) if written.len() > 1 => separators[1 + n % (written.len() - 1)] = "\\",
                _ => {}
            }
        }
        let mut path = String::new();
        for (index, segment) in written.iter().enumerate() {
            for (_, dots) in inserted.iter().filter(|(at, _)| *at == index) {
                let _ = write!(path, "/{dots}");
            }
            path.push_str(separators[index]);
            path.push_str(segment);
        }
        if written.is_empty() {
            for (_, dots) in &inserted {
                let _ = write!(path, "/{dots}");
            }
        }
        if path.is_empty() || trailing {
            path.push('/');
        }
        let mut query: Vec<String> = self.fixed_query.iter().cloned().collect();
        query.extend(self.query.iter().map(|pair| {
            let key = encode(&pair.key, pair.encoding);
            match &pair.value {
                Some(value) => format!("{key}={}", encode(value, pair.encoding)),
                None => key,
            }
        }));
        if !query.is_empty() {
            path.push('?');
            path.push_str(&query.join("&"));
        }
        path
    }

    /// What this request has that the plain request to its target has not, each in words and
    /// without positions (`a \`..\` segment`, `the header \`rsc: 1\``), sorted: once shrunk,
    /// what a difference needs.
    pub fn features(&self) -> Vec<String> {
        let mut found = Vec::new();
        if self.method != Method::Standard("GET") {
            found.push(format!("the method `{}`", self.method.token()));
        }
        for piece in &self.segments {
            if piece.param && piece.text != PLAIN_PARAM {
                found.push(format!("the parameter value `{}`", piece.text.escape_debug()));
            }
            if encode(&piece.text, piece.encoding) != encode(&piece.text, Encoding::Standard) {
                found.push(format!("a segment written {}", piece.encoding.name()));
            }
        }
        let before = self.target();
        for edit in &self.edits {
            let without: Vec<Edit> = self.edits.iter().copied().filter(|e| e != edit).collect();
            if (Draft { edits: without, ..self.clone() }).target() != before {
                found.push(edit.name().to_owned());
            }
        }
        for pair in &self.query {
            let written = (Draft { query: vec![pair.clone()], fixed_query: None, ..self.clone() }).target();
            found.push(format!("the query `{}`", written.rsplit_once('?').map_or("", |(_, q)| q)));
        }
        found.extend(self.headers.iter().map(|(n, v)| format!("the header `{n}: {v}`")));
        if let Some(body) = self.body {
            found.push(body.name());
        }
        found.sort();
        found.dedup();
        found
    }

    /// The request as a case step writes it.
    pub fn request(&self) -> RequestSpec {
        let headers = self.headers.iter().map(|(n, v)| ((*n).to_owned(), (*v).to_owned())).collect();
        RequestSpec { method: self.method.token(), path: self.target(), headers, body: self.body.map(|b| RequestBody::Text(b.text())) }
    }
}

/// `text` written with `encoding`, as a path segment or a query component.
pub fn encode(text: &str, encoding: Encoding) -> String {
    let mut out = String::new();
    for c in text.chars() {
        let mut bytes = [0u8; 4];
        let utf8 = c.encode_utf8(&mut bytes).as_bytes();
        let kept = match encoding {
            Encoding::EveryByte => false,
            Encoding::Raw => !(c.is_ascii_control() || " /?#".contains(c)),
            Encoding::Standard | Encoding::LowerHex | Encoding::Twice | Encoding::Form => c.is_ascii_alphanumeric() || "-_.~!'()*".contains(c),
        };
        if kept {
            out.push(c);
        } else if encoding == Encoding::Form && c == ' ' {
            out.push('+');
        } else {
            for byte in utf8 {
                match encoding {
                    Encoding::LowerHex => write!(out, "%{byte:02x}"),
                    Encoding::Twice => write!(out, "%25{byte:02X}"),
                    _ => write!(out, "%{byte:02X}"),
                }
                .expect("writing to a String");
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn draft(segments: &[&str], edits: Vec<Edit>) -> Draft {
        let target = Target { app: "a".into(), kind: TargetKind::Page, path: super::super::space::TargetPath::Fixed { path: "/".into(), query: None } };
        let pieces = segments.iter().map(|s| Piece { text: (*s).to_owned(), encoding: Encoding::Standard, param: false }).collect();
        Draft { edits, ..Draft::plain(&target, pieces, None) }
    }

    #[test]
    fn encodings_write_a_value_each_their_way() {
        assert_eq!(encode("é a/b%", Encoding::Standard), "%C3%A9%20a%2Fb%25");
        assert_eq!(encode("é", Encoding::LowerHex), "%c3%a9");
        assert_eq!(encode("é a/b%", Encoding::Raw), "é%20a%2Fb%");
        assert_eq!(encode("ab", Encoding::EveryByte), "%61%62");
        assert_eq!(encode("é", Encoding::Twice), "%25C3%25A9");
        assert_eq!(encode("a b", Encoding::Form), "a+b");
    }

    #[test]
    fn edits_change_the_written_path() {
        assert_eq!(draft(&["a", "b"], vec![]).target(), "/a/b");
        assert_eq!(draft(&[], vec![]).target(), "/");
        assert_eq!(draft(&["a", "b"], vec![Edit::TrailingSlash, Edit::DoubledSlash(1)]).target(), "/a//b/");
        assert_eq!(draft(&["a", "b"], vec![Edit::DotDot(1), Edit::Dot(0)]).target(), "/./a/x/../b");
        assert_eq!(draft(&["a", "b"], vec![Edit::EncodedSlash(0), Edit::Upper(0)]).target(), "/A%2Fb");
        assert_eq!(draft(&[], vec![Edit::EncodedDotDot(3)]).target(), "/x/%2e%2e");
        assert_eq!(draft(&["a", "b"], vec![Edit::Backslash(0)]).target(), "/a\\b");
        assert_eq!(draft(&["a"], vec![Edit::Backslash(0), Edit::EncodedSlash(0)]).target(), "/a", "one segment has no slash between two");
    }

    #[test]
    fn features_name_what_the_plain_request_has_not() {
        let mut d = draft(&["a", "b"], vec![Edit::Dot(3), Edit::Upper(0), Edit::EncodedSlash(0)]);
        d.segments[1] = Piece { text: "é".into(), encoding: Encoding::Raw, param: true };
        d.method = Method::Lowercase("GET");
        d.headers = vec![("rsc", "1")];
        d.query = vec![QueryPair { key: "a".into(), value: Some("b c".into()), encoding: Encoding::Form }];
        assert_eq!(
            d.features(),
            [
                "a `.` segment",
                "a segment in upper case",
                "a segment written unescaped",
                "an escaped slash",
                "the header `rsc: 1`",
                "the method `get`",
                "the parameter value `é`",
                "the query `a=b+c`",
            ]
        );
        assert!(draft(&["a"], vec![Edit::EncodedSlash(0)]).features().is_empty(), "an edit that changes nothing is no feature");
    }

    #[test]
    fn the_query_follows_the_fixed_one() {
        let mut d = draft(&["a"], vec![]);
        d.fixed_query = Some("k=1".into());
        d.query = vec![
            QueryPair { key: "x".into(), value: None, encoding: Encoding::Standard },
            QueryPair { key: "y".into(), value: Some("a b".into()), encoding: Encoding::Form },
        ];
        assert_eq!(d.target(), "/a?k=1&x&y=a+b");
    }
}
