//! The parts every HTML report page shares: the document with its inline style and script,
//! outcome badges and the stacked bar of an area's outcomes.

use crate::outcome::{Outcome, Summary};
use crate::report::escape::html;
use std::fmt::Write as _;

const STYLE: &str = include_str!("report.css");
const SCRIPT: &str = include_str!("report.js");

/// A complete page. Style and script are inline: the file needs nothing else to be viewed.
pub fn document(title: &str, body: &str) -> String {
    format!(
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <title>{}</title>\n<style>\n{STYLE}</style>\n</head>\n<body>\n{body}<script>\n{SCRIPT}</script>\n</body>\n</html>\n",
        html(title)
    )
}

/// The outcome's key in class names, `data-outcome` and the outcome filter.
pub fn key(outcome: Outcome) -> &'static str {
    match outcome {
        Outcome::Pass => "pass",
        Outcome::Warn => "warn",
        Outcome::Fail => "fail",
        Outcome::ExpectedFail => "expected-fail",
        Outcome::UnexpectedPass => "unexpected-pass",
        Outcome::NotApplicable => "na",
        Outcome::Error => "error",
        Outcome::Flaky => "flaky",
    }
}

/// The outcome's badge, in the words of a diff when the run `compared` two servers.
pub fn badge(outcome: Outcome, compared: bool) -> String {
    format!("<span class=\"badge o-{}\">{}</span>", key(outcome), html(outcome.label_in(compared)))
}

/// The table cells of a summary: the number of cases and one per outcome.
pub fn count_cells(summary: &Summary) -> String {
    let mut out = format!("<td class=\"n\">{}</td>", summary.total());
    for outcome in Outcome::ALL {
        let _ = write!(out, "<td class=\"n\">{}</td>", summary.count(outcome));
    }
    out
}

/// The header cells matching [`count_cells`], in the words of a diff when `compared`.
pub fn count_headers(compared: bool) -> String {
    let mut out = String::from("<th class=\"n\">cases</th>");
    for outcome in Outcome::ALL {
        let _ = write!(out, "<th class=\"n\">{}</th>", html(outcome.label_in(compared)));
    }
    out
}

/// A bar split in proportion to the outcomes of a summary.
pub fn bar(summary: &Summary) -> String {
    let total = summary.total().max(1) as f64;
    let mut out = String::from("<div class=\"bar\" role=\"img\" aria-label=\"");
    out.push_str(&html(&summary.to_string()));
    out.push_str("\">");
    for outcome in Outcome::ALL {
        let n = summary.count(outcome);
        if n > 0 {
            let width = n as f64 * 100.0 / total;
            let _ = write!(out, "<span class=\"o-{}\" style=\"width:{width:.2}%\" title=\"{n} {}\"></span>", key(outcome), html(outcome.label()));
        }
    }
    out.push_str("</div>");
    out
}
