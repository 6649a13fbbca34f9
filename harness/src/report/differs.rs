//! Which parts of a received answer the mismatches of its step are about (the status line, a
//! header, the body), with the gravest severity that found each, so that the console and every
//! report highlight the same parts.

use spec::{Mismatch, Severity, Subject};

#[derive(Debug, Clone, Default)]
pub struct Differs(Vec<(Subject, Severity)>);

impl Differs {
    pub fn of(mismatches: &[Mismatch]) -> Differs {
        Differs(mismatches.iter().map(|m| (m.subject.clone(), m.severity)).collect())
    }

    fn gravest(&self, about: impl Fn(&Subject) -> bool) -> Option<Severity> {
        self.0.iter().filter(|(subject, _)| about(subject)).map(|(_, severity)| *severity).min()
    }

    /// The status line differs in its code or its reason phrase.
    pub fn status_line(&self) -> Option<Severity> {
        self.gravest(|s| matches!(s, Subject::Status | Subject::Reason))
    }

    /// The header `name` differs (a `Set-Cookie` line does when the cookie list does).
    pub fn header(&self, name: &str) -> Option<Severity> {
        let cookies = name.eq_ignore_ascii_case("set-cookie");
        self.gravest(|s| s.header().is_some_and(|h| h.eq_ignore_ascii_case(name)) || (cookies && *s == Subject::SetCookies))
    }

    pub fn body(&self) -> Option<Severity> {
        self.gravest(|s| *s == Subject::Body)
    }

    /// The headers a check names that differ, so that one absent from the answer can still be
    /// shown (as absent).
    pub fn named_headers(&self) -> Vec<&str> {
        let mut names: Vec<&str> = self.0.iter().filter_map(|(s, _)| match s {
            Subject::Header(name) => Some(name.as_str()),
            _ => None,
        }).collect();
        names.dedup();
        names
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_part_gets_its_gravest_severity() {
        let differs = Differs::of(&[
            Mismatch::new(Subject::Reason, "x").of(Severity::Should),
            Mismatch::new(Subject::Header("allow".into()), "x"),
            Mismatch::new(Subject::Header("allow".into()), "x").of(Severity::Should),
            Mismatch::new(Subject::SetCookies, "x"),
        ]);
        assert_eq!(differs.status_line(), Some(Severity::Should));
        assert_eq!(differs.header("Allow"), Some(Severity::Must));
        assert_eq!(differs.header("set-cookie"), Some(Severity::Must));
        assert_eq!(differs.header("date"), None);
        assert_eq!(differs.body(), None);
        assert_eq!(differs.named_headers(), ["allow"]);
    }
}
