//! The causes a difference is grouped by. Differences found on many requests usually come from
//! a few rules one server lacks, so each is reduced to what kind of target it was found on and
//! what differed: the status (with both codes; every other difference of such answers follows
//! from it), whether a side answered at all, or one header (sent by one side only, or with
//! another value) or the body. A request with several differences counts toward each cause.

use super::space::TargetKind;
use spec::{Mismatch, Subject};
use std::fmt;

#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Cause {
    pub kind: TargetKind,
    pub what: What,
}

#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum What {
    Status { a: u16, b: u16 },
    /// One side gave no HTTP answer.
    Answer,
    Header { name: String, how: How },
    Body,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum How {
    OnlyA,
    OnlyB,
    Value,
}

impl Cause {
    /// Whether a simpler request showing `other` still shows this cause: the same, or, for a
    /// status, A's status answered by B with any other (a request may need a part to reach
    /// B's status that the difference itself does not need).
    pub fn shown_by(&self, other: &Cause) -> bool {
        match (&self.what, &other.what) {
            (What::Status { a, .. }, What::Status { a: other_a, .. }) => self.kind == other.kind && a == other_a,
            _ => self == other,
        }
    }
}

/// The causes of `differences`, found on a target of `kind` whose answers had these statuses.
pub fn causes(kind: TargetKind, statuses: Option<(u16, u16)>, differences: &[Mismatch]) -> Vec<Cause> {
    let cause = |what| Cause { kind, what };
    if differences.iter().any(|m| matches!(m.subject, Subject::Server(_))) {
        return vec![cause(What::Answer)];
    }
    if let Some((a, b)) = statuses.filter(|(a, b)| a != b) {
        return vec![cause(What::Status { a, b })];
    }
    let mut found: Vec<Cause> = differences
        .iter()
        .filter_map(|m| {
            if let Some(name) = m.header() {
                let how = if m.problem.starts_with("only a ") {
                    How::OnlyA
                } else if m.problem.starts_with("only b ") {
                    How::OnlyB
                } else {
                    How::Value
                };
                Some(cause(What::Header { name: name.to_owned(), how }))
            } else {
                (m.subject == Subject::Body).then(|| cause(What::Body))
            }
        })
        .collect();
    found.sort();
    found.dedup();
    found
}

impl fmt::Display for Cause {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let kind = self.kind.name();
        match &self.what {
            What::Status { a, b } => write!(f, "{kind}: a answers {a}, b {b}"),
            What::Answer => write!(f, "{kind}: one side gives no answer"),
            What::Header { name, how: How::OnlyA } => write!(f, "{kind}: only a sends `{name}`"),
            What::Header { name, how: How::OnlyB } => write!(f, "{kind}: only b sends `{name}`"),
            What::Header { name, how: How::Value } => write!(f, "{kind}: `{name}` differs"),
            What::Body => write!(f, "{kind}: the body differs"),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_status_difference_is_the_one_cause() {
        let found = causes(TargetKind::Page, Some((404, 400)), &[Mismatch::new(Subject::Status, "a 404, b 400"), Mismatch::new(Subject::Body, "x")]);
        assert_eq!(found, [Cause { kind: TargetKind::Page, what: What::Status { a: 404, b: 400 } }]);
    }

    #[test]
    fn a_status_is_shown_by_as_status_with_any_other_from_b() {
        let status = |a, b| Cause { kind: TargetKind::Page, what: What::Status { a, b } };
        assert!(status(400, 404).shown_by(&status(400, 200)));
        assert!(!status(400, 404).shown_by(&status(404, 400)));
        let body = Cause { kind: TargetKind::Page, what: What::Body };
        assert!(body.shown_by(&body.clone()) && !body.shown_by(&status(400, 200)));
    }

    #[test]
    fn each_header_and_the_body_is_a_cause_of_its_own() {
        let differences = [
            Mismatch::new(Subject::Header("vary".into()), "only a sends it: `rsc`"),
            Mismatch::new(Subject::Header("x-extra".into()), "only b sends it: `1`"),
            Mismatch::new(Subject::Header("cache-control".into()), "a `private`, b `public`"),
            Mismatch::new(Subject::Body, "line 1 differs"),
        ];
        let found: Vec<String> = causes(TargetKind::RouteHandler, Some((200, 200)), &differences).iter().map(ToString::to_string).collect();
        assert_eq!(
            found,
            [
                "route handler: `cache-control` differs",
                "route handler: only a sends `vary`",
                "route handler: only b sends `x-extra`",
                "route handler: the body differs"
            ]
        );
    }
}
