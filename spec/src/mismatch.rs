//! One difference between what a step checks and what came back: what it is about (a
//! [`Subject`]), why it differs, the severity of the check that found it, and the line of the
//! case file that wrote the check.

use crate::severity::Severity;
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use std::fmt;
use std::str::FromStr;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Mismatch {
    /// What was compared: the status, a header, the body...
    pub subject: Subject,
    /// Why it differs, with both sides.
    pub problem: String,
    /// A `should` mismatch is a warning; absent in JSON for a `must`.
    #[serde(default, skip_serializing_if = "Severity::is_must")]
    pub severity: Severity,
    /// The line of the case file that writes the check (1-based), when it is known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub line: Option<u32>,
}

/// What a mismatch is about. Reports highlight the part of the answer it names.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Subject {
    /// The status code.
    Status,
    /// The reason phrase of the status line.
    Reason,
    /// A header a check names (lower case).
    Header(String),
    /// A header no check names, in an answer that must be complete (lower case).
    OtherHeader(String),
    /// The list of `Set-Cookie` lines.
    SetCookies,
    /// The body.
    Body,
    /// A value the step could not capture.
    Capture(String),
    /// A captured value compared with another one.
    Captured(String),
    /// In a diff: one server, `a` or `b`, gave no answer.
    Server(String),
    /// In a diff: the step's captures hold on one server only.
    Captures,
}

impl Subject {
    /// The header it is about, lower case, if it is about one.
    pub fn header(&self) -> Option<&str> {
        match self {
            Subject::Header(name) | Subject::OtherHeader(name) => Some(name),
            _ => None,
        }
    }
}

/// As messages name it: `status`, ``header `allow` ``, `Set-Cookie`, `body`...
impl fmt::Display for Subject {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Subject::Status => f.write_str("status"),
            Subject::Reason => f.write_str("reason phrase"),
            Subject::Header(name) => write!(f, "header `{name}`"),
            Subject::OtherHeader(name) => write!(f, "other header `{name}`"),
            Subject::SetCookies => f.write_str("Set-Cookie"),
            Subject::Body => f.write_str("body"),
            Subject::Capture(name) => write!(f, "capture `{name}`"),
            Subject::Captured(name) => write!(f, "captured `{name}`"),
            Subject::Server(side) => write!(f, "server {side}"),
            Subject::Captures => f.write_str("captures"),
        }
    }
}

/// Reads a subject back from a JSON report, where it is written as [`fmt::Display`] makes it.
impl FromStr for Subject {
    type Err = String;

    fn from_str(text: &str) -> Result<Subject, String> {
        let named = |prefix: &str| text.strip_prefix(prefix).and_then(|rest| rest.strip_suffix('`')).map(str::to_owned);
        Ok(match text {
            "status" => Subject::Status,
            "reason phrase" => Subject::Reason,
            "Set-Cookie" => Subject::SetCookies,
            "body" => Subject::Body,
            "captures" => Subject::Captures,
            _ => {
                if let Some(name) = named("header `") {
                    Subject::Header(name)
                } else if let Some(name) = named("other header `") {
                    Subject::OtherHeader(name)
                } else if let Some(name) = named("capture `") {
                    Subject::Capture(name)
                } else if let Some(name) = named("captured `") {
                    Subject::Captured(name)
                } else if let Some(side) = text.strip_prefix("server ") {
                    Subject::Server(side.to_owned())
                } else {
                    return Err(format!("`{text}` is not what a mismatch is about"));
                }
            }
        })
    }
}

impl Serialize for Subject {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for Subject {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let text = String::deserialize(d)?;
        text.parse().map_err(serde::de::Error::custom)
    }
}

impl Mismatch {
    /// A mismatch of a `must` check.
    pub fn new(subject: Subject, problem: impl Into<String>) -> Mismatch {
        Mismatch { subject, problem: problem.into(), severity: Severity::Must, line: None }
    }

    /// This mismatch, found by a check of `severity`.
    pub fn of(self, severity: Severity) -> Mismatch {
        Mismatch { severity, ..self }
    }

    /// This mismatch, found by the check written on `line` of the case file.
    pub fn at(self, line: Option<u32>) -> Mismatch {
        Mismatch { line, ..self }
    }

    /// The header a mismatch is about, lower-case, if it is about one.
    pub fn header(&self) -> Option<&str> {
        self.subject.header()
    }
}

/// `subject: problem`, and `subject (should): problem` for a warning.
impl fmt::Display for Mismatch {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.severity {
            Severity::Must => write!(f, "{}: {}", self.subject, self.problem),
            Severity::Should => write!(f, "{} (should): {}", self.subject, self.problem),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_warning_says_it_is_a_should() {
        let mismatch = Mismatch::new(Subject::Reason, "expected `Invalid JSON`, got `Bad Request`");
        assert_eq!(mismatch.to_string(), "reason phrase: expected `Invalid JSON`, got `Bad Request`");
        assert_eq!(mismatch.of(Severity::Should).to_string(), "reason phrase (should): expected `Invalid JSON`, got `Bad Request`");
    }

    #[test]
    fn subjects_read_back_as_written() {
        let all = [
            Subject::Status,
            Subject::Reason,
            Subject::Header("allow".into()),
            Subject::OtherHeader("x-powered-by".into()),
            Subject::SetCookies,
            Subject::Body,
            Subject::Capture("token".into()),
            Subject::Captured("second".into()),
            Subject::Server("a".into()),
            Subject::Captures,
        ];
        for subject in all {
            assert_eq!(subject.to_string().parse::<Subject>(), Ok(subject.clone()), "{subject}");
        }
        assert!("the moon".parse::<Subject>().is_err());
    }
}
