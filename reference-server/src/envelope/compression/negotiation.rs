//! Which coding a request accepts, as the `compression` package bundled with Next.js reads
//! `Accept-Encoding` (through the `negotiator` package): each coding the server offers gets the
//! quality of the most specific entry naming it (`*` counts, less specifically), `identity` is
//! acceptable at the lowest quality given unless it is named, and ties go to the entry written
//! first, then to the coding offered first. The server offers gzip, then deflate; deflate is
//! used only when gzip is not acceptable at all, whatever the q-values say.

/// A coding the compression layer can apply.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Coding {
    Gzip,
    Deflate,
}

impl Coding {
    /// The `Content-Encoding` token.
    pub fn token(self) -> &'static str {
        match self {
            Coding::Gzip => "gzip",
            Coding::Deflate => "deflate",
        }
    }
}

/// The coding to compress with for a request whose `Accept-Encoding` is `accept` (empty when
/// the request has none), or `None` to send the answer as it is.
pub fn negotiate(accept: &str) -> Option<Coding> {
    let accepted = parse(accept);
    match preferred(&accepted, &["gzip", "deflate", "identity"]) {
        Some("gzip") => Some(Coding::Gzip),
        Some("deflate") if preferred(&accepted, &["gzip"]).is_some() => {
            preferred(&accepted, &["gzip", "identity"]).filter(|c| *c == "gzip").map(|_| Coding::Gzip)
        }
        Some("deflate") => Some(Coding::Deflate),
        _ => None,
    }
}

/// One entry of `Accept-Encoding`: the coding, its quality and its place in the list.
#[derive(Debug, Clone, PartialEq)]
struct Entry {
    coding: String,
    q: f64,
    index: usize,
}

/// The entries of `accept`, with `identity` added at the lowest quality given (1 when none is
/// given) when no entry names it or `*`.
fn parse(accept: &str) -> Vec<Entry> {
    let parts: Vec<&str> = accept.split(',').collect();
    let mut entries = Vec::new();
    let mut names_identity = false;
    let mut lowest = 1.0_f64;
    for (index, part) in parts.iter().enumerate() {
        let Some(entry) = parse_entry(part, index) else { continue };
        names_identity |= matches_coding("identity", &entry).is_some();
        // JavaScript's `q || 1`: a quality of 0 (or not a number) counts as 1 here.
        lowest = lowest.min(if entry.q == 0.0 || entry.q.is_nan() { 1.0 } else { entry.q });
        entries.push(entry);
    }
    if !names_identity {
        entries.push(Entry { coding: "identity".into(), q: lowest, index: parts.len() });
    }
    entries
}

/// `coding` or `coding;q=0.5`; the first `q` parameter counts.
fn parse_entry(text: &str, index: usize) -> Option<Entry> {
    let text = text.trim();
    let (coding, params) = text.split_once(';').unwrap_or((text, ""));
    let coding = coding.trim();
    if coding.is_empty() || coding.contains(char::is_whitespace) {
        return None;
    }
    let q = params
        .split(';')
        .filter_map(|param| {
            let mut pair = param.trim().split('=');
            (pair.next() == Some("q")).then(|| parse_float(pair.next().unwrap_or("")))
        })
        .next()
        .unwrap_or(1.0);
    Some(Entry { coding: coding.to_owned(), q, index })
}

/// JavaScript's `parseFloat`: the longest decimal number at the start, or NaN.
fn parse_float(text: &str) -> f64 {
    let text = text.trim_start();
    let mut end = 0;
    let bytes = text.as_bytes();
    if matches!(bytes.first(), Some(b'+' | b'-')) {
        end = 1;
    }
    while end < bytes.len() && bytes[end].is_ascii_digit() {
        end += 1;
    }
    if end < bytes.len() && bytes[end] == b'.' {
        end += 1;
        while end < bytes.len() && bytes[end].is_ascii_digit() {
            end += 1;
        }
    }
    text[..end].parse().unwrap_or(f64::NAN)
}

/// How well an entry matches an offered coding: by name (specificity 1) or `*` (0).
#[derive(Debug, Clone, Copy)]
struct Priority {
    /// The place of the offered coding.
    offered: usize,
    /// The place of the matching entry (-1: none).
    entry: i64,
    q: f64,
    specificity: i64,
}

fn matches_coding(coding: &str, entry: &Entry) -> Option<i64> {
    if entry.coding.eq_ignore_ascii_case(coding) {
        Some(1)
    } else if entry.coding == "*" {
        Some(0)
    } else {
        None
    }
}

/// The offered coding the client prefers, if it accepts any.
fn preferred<'a>(accepted: &[Entry], offered: &[&'a str]) -> Option<&'a str> {
    let mut priorities: Vec<Priority> = offered
        .iter()
        .enumerate()
        .map(|(place, coding)| {
            let mut best = Priority { offered: place, entry: -1, q: 0.0, specificity: 0 };
            for entry in accepted {
                let Some(specificity) = matches_coding(coding, entry) else { continue };
                let candidate = Priority { offered: place, entry: entry.index as i64, q: entry.q, specificity };
                if first_nonzero(&[(best.specificity - specificity) as f64, best.q - candidate.q, (best.entry - candidate.entry) as f64]) < 0.0 {
                    best = candidate;
                }
            }
            best
        })
        .filter(|p| p.q > 0.0)
        .collect();
    priorities.sort_by(|a, b| {
        let order = first_nonzero(&[b.q - a.q, (b.specificity - a.specificity) as f64, (a.entry - b.entry) as f64, a.offered as f64 - b.offered as f64]);
        order.partial_cmp(&0.0).unwrap_or(std::cmp::Ordering::Equal)
    });
    priorities.first().map(|p| offered[p.offered])
}

/// JavaScript's `a || b || c`: the first difference that is neither 0 nor NaN, else 0.
fn first_nonzero(differences: &[f64]) -> f64 {
    differences.iter().copied().find(|d| *d != 0.0 && !d.is_nan()).unwrap_or(0.0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn gzip_wins_whenever_it_is_acceptable() {
        for accept in ["gzip", "deflate, gzip", "gzip;q=0.5, deflate;q=1", "deflate;q=0.5, gzip;q=1", "*", "GZIP", "gzip, deflate, br, zstd"] {
            assert_eq!(negotiate(accept), Some(Coding::Gzip), "{accept}");
        }
    }

    #[test]
    fn deflate_only_without_gzip() {
        assert_eq!(negotiate("deflate"), Some(Coding::Deflate));
        assert_eq!(negotiate("br, deflate"), Some(Coding::Deflate));
        assert_eq!(negotiate("gzip;q=0, deflate"), Some(Coding::Deflate));
    }

    #[test]
    fn refused_unknown_or_absent_codings_get_nothing() {
        for accept in ["", "br", "identity", "x-gzip", "gzip;q=0", "*;q=0", "identity;q=0", "gzip;q=abc"] {
            assert_eq!(negotiate(accept), None, "{accept}");
        }
    }

    #[test]
    fn identity_preferred_by_quality_keeps_the_answer_as_is() {
        assert_eq!(negotiate("identity;q=1, gzip;q=0.5"), None);
        assert_eq!(negotiate("gzip;q=0.5"), Some(Coding::Gzip));
    }

    #[test]
    fn floats_parse_as_javascript_does() {
        assert_eq!(parse_float("0.5"), 0.5);
        assert_eq!(parse_float("1abc"), 1.0);
        assert!(parse_float("abc").is_nan());
        assert_eq!(parse_float(".5"), 0.5);
    }
}
