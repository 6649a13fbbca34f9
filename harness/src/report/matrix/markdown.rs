//! The matrix in Markdown: the targets, per-area totals per target, and the cases × targets
//! table whose cells link to the evidence of every case that did not pass, listed below it.

use super::{Matrix, anchor};
use crate::outcome::Outcome;
use crate::report::markdown::{case_section, code, inline};
use std::fmt::Write as _;

pub fn render(matrix: &Matrix) -> String {
    let mut out = String::from("# Next.js conformance matrix\n\n| | Target | Capabilities | Started | Summary |\n| --- | --- | --- | --- | --- |\n");
    for (column, report) in matrix.reports.iter().enumerate() {
        let _ = writeln!(
            out,
            "| T{} | {} | {} | {} | {} |",
            column + 1,
            code(&report.target_label()),
            inline(&report.capabilities.join(", ")),
            report.started_at,
            report.summary
        );
    }
    let header = |out: &mut String, first: &str| {
        let _ = write!(out, "\n| {first} |");
        for column in 0..matrix.reports.len() {
            let _ = write!(out, " T{} |", column + 1);
        }
        out.push_str("\n| --- |");
        out.push_str(&" --- |".repeat(matrix.reports.len()));
        out.push('\n');
    };

    out.push_str("\n## By area (passed / cases)\n");
    header(&mut out, "Area");
    for (name, summaries) in matrix.areas() {
        let _ = write!(out, "| {} |", code(&name));
        for s in &summaries {
            let problems = s.fail + s.unexpected_pass + s.error;
            let mut flag = if problems > 0 { format!(", {problems} unexpected") } else { String::new() };
            if s.warn > 0 {
                flag.push_str(&format!(", {} warned", s.warn));
            }
            let _ = write!(out, " {} / {}{flag} |", s.pass, s.total());
        }
        out.push('\n');
    }

    out.push_str("\n## Cases\n");
    header(&mut out, "Case");
    for (id, _) in &matrix.rows {
        let _ = write!(out, "| {} |", code(id));
        for column in 0..matrix.reports.len() {
            match matrix.cell(column, id) {
                Some(case) if case.outcome == Outcome::Pass => out.push_str(" pass |"),
                Some(case) => {
                    let _ = write!(out, " [{}](#{}) |", case.outcome.label(), anchor(column, id));
                }
                None => out.push_str(" — |"),
            }
        }
        out.push('\n');
    }

    for (column, report) in matrix.reports.iter().enumerate() {
        let shown: Vec<_> = report.cases.iter().filter(|c| c.outcome != Outcome::Pass).collect();
        if shown.is_empty() {
            continue;
        }
        let _ = writeln!(out, "\n## T{}: {}\n", column + 1, code(&report.target_label()));
        for case in shown {
            case_section(&mut out, case, report, Some(&anchor(column, &case.id)));
        }
    }
    out
}
