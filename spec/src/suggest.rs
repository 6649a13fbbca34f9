//! Did-you-mean hints for misspelt keys and values.

/// The candidate closest to `word`, if it is close enough to be a likely typo.
pub fn did_you_mean<'a>(word: &str, candidates: &[&'a str]) -> Option<&'a str> {
    candidates
        .iter()
        .map(|c| (strsim::jaro_winkler(word, c), *c))
        .filter(|(score, _)| *score >= 0.8)
        .max_by(|a, b| a.0.total_cmp(&b.0))
        .map(|(_, c)| c)
}

/// Adds a did-you-mean hint to serde's "unknown field `x`, expected one of `a`, `b`" and
/// "unknown variant" messages; other messages are returned unchanged.
pub fn hint_unknown(message: &str) -> String {
    let Some(rest) = message
        .strip_prefix("unknown field `")
        .or_else(|| message.strip_prefix("unknown variant `"))
    else {
        return message.to_owned();
    };
    let Some((word, tail)) = rest.split_once('`') else {
        return message.to_owned();
    };
    let candidates: Vec<&str> = tail.split('`').skip(1).step_by(2).collect();
    match did_you_mean(word, &candidates) {
        Some(best) => format!("{}, did you mean `{best}`?", message.trim_end()),
        None => message.to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn suggests_the_nearest_field() {
        let msg = "unknown field `tittle`, expected one of `title`, `doc`, `basis`";
        assert_eq!(hint_unknown(msg), format!("{msg}, did you mean `title`?"));
    }

    #[test]
    fn suggests_nothing_for_a_distant_word() {
        let msg = "unknown field `zzz`, expected one of `title`, `doc`";
        assert_eq!(hint_unknown(msg), msg);
    }

    #[test]
    fn handles_variants_with_or() {
        let msg = "unknown variant `documentd`, expected `documented` or `observed`";
        assert!(hint_unknown(msg).ends_with("did you mean `documented`?"));
    }
}
