//! `Range: bytes=...` as the `range-parser` package behind `send` reads it (with `combine`):
//! each range clipped to the file, unsatisfiable ones dropped, overlapping or adjacent ones
//! merged, in the order written.

/// What a `Range` field asks of a file of `size` bytes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Ranges {
    /// The field is not understood: the whole file is sent.
    Malformed,
    /// No range lies within the file: 416.
    Unsatisfiable,
    /// Inclusive byte ranges, at least one.
    Satisfiable(Vec<(u64, u64)>),
}

/// Reads `field` (the value after `bytes=` and before it, the unit) for a file of `size` bytes.
pub fn parse(size: u64, field: &str) -> Ranges {
    let Some((_, list)) = field.split_once('=') else { return Ranges::Malformed };
    let last = size as i128 - 1;
    let mut ranges: Vec<(usize, i128, i128)> = Vec::new();
    for (index, part) in list.split(',').enumerate() {
        let (first, second) = part.split_once('-').unwrap_or((part, ""));
        let (start, end) = match (parse_int(first), parse_int(second)) {
            (None, Some(suffix)) => (size as i128 - suffix, last),
            (Some(start), None) => (start, last),
            (Some(start), Some(end)) => (start, end.min(last)),
            (None, None) => continue,
        };
        if start > end || start < 0 {
            continue;
        }
        ranges.push((index, start, end));
    }
    if ranges.is_empty() {
        return Ranges::Unsatisfiable;
    }
    Ranges::Satisfiable(combine(ranges))
}

/// JavaScript's `parseInt(text, 10)`: an optional sign and the digits at the start, after
/// whitespace.
fn parse_int(text: &str) -> Option<i128> {
    let text = text.trim_start();
    let digits_from = usize::from(text.starts_with(['+', '-']));
    let digits = text[digits_from..].bytes().take_while(u8::is_ascii_digit).count();
    if digits == 0 {
        return None;
    }
    text[..digits_from + digits].parse().ok()
}

/// Merges overlapping and adjacent ranges, each merged range placed where its first part was.
fn combine(mut ranges: Vec<(usize, i128, i128)>) -> Vec<(u64, u64)> {
    ranges.sort_by_key(|&(_, start, _)| start);
    let mut merged: Vec<(usize, i128, i128)> = Vec::new();
    for (index, start, end) in ranges {
        match merged.last_mut() {
            Some(current) if start <= current.2 + 1 => {
                current.2 = current.2.max(end);
                current.0 = current.0.min(index);
            }
            _ => merged.push((index, start, end)),
        }
    }
    merged.sort_by_key(|&(index, _, _)| index);
    merged.into_iter().map(|(_, start, end)| (start as u64, end as u64)).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn single_suffix_and_open_ranges() {
        assert_eq!(parse(20, "bytes=0-4"), Ranges::Satisfiable(vec![(0, 4)]));
        assert_eq!(parse(20, "bytes=-3"), Ranges::Satisfiable(vec![(17, 19)]));
        assert_eq!(parse(20, "bytes=6-"), Ranges::Satisfiable(vec![(6, 19)]));
        assert_eq!(parse(20, "bytes=10-99"), Ranges::Satisfiable(vec![(10, 19)]));
    }

    #[test]
    fn past_the_end_is_unsatisfiable_and_nonsense_malformed() {
        assert_eq!(parse(20, "bytes=100-200"), Ranges::Unsatisfiable);
        assert_eq!(parse(20, "bytes=5-1"), Ranges::Unsatisfiable);
        assert_eq!(parse(20, "bytes"), Ranges::Malformed);
    }

    #[test]
    fn adjacent_ranges_merge_and_others_stay_apart() {
        assert_eq!(parse(20, "bytes=0-1,3-4"), Ranges::Satisfiable(vec![(0, 1), (3, 4)]));
        assert_eq!(parse(20, "bytes=0-1,2-3"), Ranges::Satisfiable(vec![(0, 3)]));
        assert_eq!(parse(20, "bytes=5-9,0-6"), Ranges::Satisfiable(vec![(0, 9)]));
    }
}
