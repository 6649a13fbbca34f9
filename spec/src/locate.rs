//! Where each check of a step is written in its case file: the line of each key of the step's
//! `expect` and `should` tables (and of each header and capture they name) and of its
//! `capture` table, read from the file's syntax tree. A mismatch then points at the line that
//! asked for the check, as a compiler error points at the code.

use crate::mismatch::Subject;
use crate::severity::Severity;
use std::collections::BTreeMap;
use toml::de::{DeTable, DeValue};

/// The lines of one step's checks.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct CheckLines {
    expect: BTreeMap<Key, u32>,
    should: BTreeMap<Key, u32>,
    capture: BTreeMap<String, u32>,
}

/// A key of an `expect` or `should` table.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
enum Key {
    Status,
    Reason,
    Header(String),
    Complete,
    SetCookies,
    Body,
    Captures(String),
}

impl CheckLines {
    /// The line of the check that found a mismatch about `subject` with `severity` (a should's
    /// in the `should` table, a must's in `expect`; else the other table).
    pub fn of(&self, subject: &Subject, severity: Severity) -> Option<u32> {
        let key = match subject {
            Subject::Status => Key::Status,
            Subject::Reason => Key::Reason,
            Subject::Header(name) => Key::Header(name.clone()),
            Subject::OtherHeader(_) => Key::Complete,
            Subject::SetCookies => Key::SetCookies,
            Subject::Body => Key::Body,
            Subject::Captured(name) => Key::Captures(name.clone()),
            Subject::Capture(name) => return self.capture.get(name).copied(),
            Subject::Server(_) | Subject::Captures => return None,
        };
        let (first, then) = match severity {
            Severity::Must => (&self.expect, &self.should),
            Severity::Should => (&self.should, &self.expect),
        };
        first.get(&key).or_else(|| then.get(&key)).copied()
    }
}

/// The check lines of each `[[step]]` of a case file's `text`, in order (none when the text
/// does not parse; the case's own parse reports that).
pub fn steps(text: &str) -> Vec<CheckLines> {
    let Ok(document) = DeTable::parse(text) else { return Vec::new() };
    let line = |at: usize| u32::try_from(text[..at.min(text.len())].matches('\n').count() + 1).unwrap_or(u32::MAX);
    let Some(DeValue::Array(steps)) = entry(document.get_ref(), "step") else { return Vec::new() };
    steps
        .iter()
        .map(|step| {
            let DeValue::Table(step) = step.get_ref() else { return CheckLines::default() };
            let mut lines = CheckLines::default();
            for (name, table) in [("expect", &mut lines.expect), ("should", &mut lines.should)] {
                if let Some(DeValue::Table(checks)) = entry(step, name) {
                    read_checks(checks, table, &line);
                }
            }
            if let Some(DeValue::Table(captures)) = entry(step, "capture") {
                lines.capture = captures.iter().map(|(k, _)| (k.get_ref().to_string(), line(k.span().start))).collect();
            }
            lines
        })
        .collect()
}

fn read_checks(checks: &DeTable, out: &mut BTreeMap<Key, u32>, line: &impl Fn(usize) -> u32) {
    for (key, value) in checks {
        let at = line(key.span().start);
        let named = |table: &DeTable, make: fn(String) -> Key| -> Vec<(Key, u32)> {
            table.iter().map(|(k, _)| (make(k.get_ref().to_ascii_lowercase()), line(k.span().start))).collect()
        };
        match (key.get_ref().as_ref(), value.get_ref()) {
            ("status", _) => drop(out.insert(Key::Status, at)),
            ("reason", _) => drop(out.insert(Key::Reason, at)),
            ("headers_complete", _) => drop(out.insert(Key::Complete, at)),
            ("set_cookies", _) => drop(out.insert(Key::SetCookies, at)),
            ("body", _) => drop(out.insert(Key::Body, at)),
            ("headers", DeValue::Table(headers)) => out.extend(named(headers, Key::Header)),
            ("captures", DeValue::Table(captures)) => out.extend(named(captures, Key::Captures)),
            _ => {}
        }
    }
}

fn entry<'a, 'i>(table: &'a DeTable<'i>, name: &str) -> Option<&'a DeValue<'i>> {
    table.iter().find(|(k, _)| k.get_ref() == name).map(|(_, v)| v.get_ref())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_check_is_found_on_its_line() {
        let text = "title = \"t\"\n\
                    [[step]]\n\
                    request = { path = \"/\" }\n\
                    capture.first = { header = \"date\" }\n\
                    expect.status = 200\n\
                    expect.headers.Allow = { set = [\"GET\"] }\n\
                    expect.headers_complete = true\n\
                    should.reason = \"OK\"\n\
                    [[step]]\n\
                    request = { path = \"/\" }\n\
                    expect = { status = 204, body = { empty = true }, captures = { first = { same_as = \"first\" } } }\n";
        let steps = steps(text);
        assert_eq!(steps.len(), 2);
        let (one, two) = (&steps[0], &steps[1]);
        assert_eq!(one.of(&Subject::Status, Severity::Must), Some(5));
        assert_eq!(one.of(&Subject::Header("allow".into()), Severity::Must), Some(6));
        assert_eq!(one.of(&Subject::OtherHeader("x-powered-by".into()), Severity::Must), Some(7));
        assert_eq!(one.of(&Subject::Reason, Severity::Should), Some(8));
        assert_eq!(one.of(&Subject::Capture("first".into()), Severity::Must), Some(4));
        assert_eq!(one.of(&Subject::Body, Severity::Must), None);
        assert_eq!(two.of(&Subject::Body, Severity::Must), Some(11));
        assert_eq!(two.of(&Subject::Captured("first".into()), Severity::Must), Some(11));
        assert!(super::steps("not toml =").is_empty());
    }
}
