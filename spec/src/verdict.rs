//! What one step's answer comes to: every mismatch of its `expect` table (musts) and its
//! `should` table (warnings), its values captured and compared. In a case whose `severity` is
//! `should`, every mismatch is a warning.

use crate::capture::{self, Captured};
use crate::case::Step;
use crate::matchers;
use crate::mismatch::Mismatch;
use crate::response::Response;
use crate::severity::Severity;

/// Every difference between `step`'s checks and `response`, after taking the step's captures
/// into `captured` and comparing them with earlier ones. A value that cannot be captured is a
/// must: later steps may need it. `ignored` names headers a complete answer may carry unnamed
/// (see [`matchers::check`]).
pub fn check_step(step: &Step, case_severity: Severity, response: &Response, captured: &mut Captured, ignored: &[String]) -> Vec<Mismatch> {
    let mut out = matchers::check(&step.expect, step.should.as_ref(), response, ignored);
    out.extend(capture::capture(&step.capture, response, captured));
    out.extend(capture::compare(&step.expect.captures, captured));
    if let Some(should) = &step.should {
        out.extend(capture::compare(&should.captures, captured).into_iter().map(|m| m.of(Severity::Should)));
    }
    let out = out.into_iter().map(|m| {
        let line = step.lines.of(&m.subject, m.severity);
        m.at(line)
    });
    match case_severity {
        Severity::Should => out.map(|m| m.of(Severity::Should)).collect(),
        Severity::Must => out.collect(),
    }
}

/// The severity of a step whose answer had `mismatches`: `None` when it met every check, a must
/// when any must failed, else a should.
pub fn worst(mismatches: &[Mismatch]) -> Option<Severity> {
    mismatches.iter().map(|m| m.severity).min()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn case(text: &str) -> crate::Case {
        let head = "title = \"t\"\nbasis = \"observed\"\ndoc = { page = \"p\", anchor = \"a\", quote = \"q\" }\n";
        crate::parse_case("area/t", std::path::Path::new("t.toml"), &format!("{head}{text}")).unwrap()
    }

    fn answer() -> Response {
        let mut response = Response::from_parts(400, &[("content-type", "application/json"), ("date", "x")], "{}");
        response.reason = Some("Bad Request".into());
        response
    }

    #[test]
    fn should_checks_are_warnings_and_expect_checks_musts() {
        let case = case(
            "[[step]]\nrequest = { path = \"/\" }\nexpect.status = 400\nexpect.headers.content-type = { regex = \"^application/json\" }\n\
             should.reason = \"Invalid JSON\"\nshould.headers.content-type = \"application/json; charset=utf-8\"\n",
        );
        let found = check_step(&case.steps[0], case.severity, &answer(), &mut Captured::new(), &[]);
        let shown: Vec<String> = found.iter().map(ToString::to_string).collect();
        assert_eq!(
            shown,
            [
                "reason phrase (should): expected `Invalid JSON`, got `Bad Request`",
                "header `content-type` (should): expected `application/json; charset=utf-8`, got `application/json`",
            ]
        );
        assert_eq!(worst(&found), Some(Severity::Should));
        let wrong_status = Response { status: 500, ..answer() };
        assert_eq!(worst(&check_step(&case.steps[0], case.severity, &wrong_status, &mut Captured::new(), &[])), Some(Severity::Must));
    }

    #[test]
    fn a_should_case_makes_every_mismatch_a_warning() {
        let case = case("severity = \"should\"\n[[step]]\nrequest = { path = \"/\" }\nexpect.status = 200\n");
        let found = check_step(&case.steps[0], case.severity, &answer(), &mut Captured::new(), &[]);
        assert_eq!(found.len(), 1);
        assert_eq!(worst(&found), Some(Severity::Should));
        assert_eq!(worst(&[]), None);
    }

    #[test]
    fn a_header_named_only_in_should_is_named_for_a_complete_answer() {
        let case = case(
            "[[step]]\nrequest = { path = \"/\" }\nexpect.status = 400\nexpect.headers_complete = true\n\
             expect.headers.date = { present = true }\nshould.headers.content-type = \"application/json\"\n",
        );
        assert!(check_step(&case.steps[0], case.severity, &answer(), &mut Captured::new(), &[]).is_empty());
        let without = case.steps[0].expect.check(&answer());
        assert_eq!(without.iter().map(ToString::to_string).collect::<Vec<_>>(), ["other header `content-type`: not expected in this complete answer, got `application/json`"]);
    }

    #[test]
    fn a_complete_answer_asked_by_should_warns_of_other_headers() {
        let case = case(
            "[[step]]\nrequest = { path = \"/\" }\nexpect.status = 400\nshould.headers_complete = true\nshould.headers.date = { present = true }\n",
        );
        let found = check_step(&case.steps[0], case.severity, &answer(), &mut Captured::new(), &[]);
        assert_eq!(found.iter().map(ToString::to_string).collect::<Vec<_>>(), ["other header `content-type` (should): not expected in this complete answer, got `application/json`"]);
    }

    #[test]
    fn should_comparisons_of_captures_are_warnings() {
        let case = case(
            "[[step]]\nrequest = { path = \"/\" }\ncapture.one = { header = \"date\" }\nexpect.status = 400\n\
             [[step]]\nrequest = { path = \"/\" }\ncapture.two = { header = \"content-type\" }\nexpect.status = 400\n\
             should.captures.two = { same_as = \"one\" }\n",
        );
        let mut captured = Captured::new();
        assert!(check_step(&case.steps[0], case.severity, &answer(), &mut captured, &[]).is_empty());
        let found = check_step(&case.steps[1], case.severity, &answer(), &mut captured, &[]);
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].severity, Severity::Should);
        assert_eq!(found[0].line, Some(12), "the line of `should.captures.two`");
        assert_eq!(case.steps[1].needs().into_iter().collect::<Vec<_>>(), ["one"]);
    }
}
