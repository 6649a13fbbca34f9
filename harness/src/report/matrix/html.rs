//! The matrix as one self-contained HTML page: the targets, per-area totals per target, the
//! cases × targets table, and below it every cell's evidence, which its cell links to.

use super::{Matrix, anchor};
use crate::report::escape::html;
use crate::report::html::{detail, layout};
use std::fmt::Write as _;

pub fn render(matrix: &Matrix) -> String {
    let mut body = String::from("<header>\n<h1>Next.js conformance matrix</h1>\n</header>\n<h2>Targets</h2>\n<table>\n");
    let _ = writeln!(body, "<thead><tr><th>#</th><th>target</th><th>started</th><th class=\"n\">s</th>{}<th></th></tr></thead>", layout::count_headers(false));
    for (column, report) in matrix.reports.iter().enumerate() {
        let _ = writeln!(
            body,
            "<tr><td>T{}</td><td>{}<div class=\"title\">{}</div></td><td>{}</td><td class=\"n\">{:.1}</td>{}<td>{}</td></tr>",
            column + 1,
            html(&report.target_label()),
            html(&report.capabilities.join(", ")),
            html(&report.started_at),
            report.duration_ms as f64 / 1000.0,
            layout::count_cells(&report.summary),
            layout::bar(&report.summary)
        );
    }
    body.push_str("</table>\n");

    body.push_str("<h2>By area</h2>\n<table class=\"matrix\">\n<thead><tr><th>area</th>");
    columns(&mut body, matrix);
    for (name, summaries) in matrix.areas() {
        let _ = write!(body, "<tr><td><code>{}</code></td>", html(&name));
        for summary in &summaries {
            let _ = write!(body, "<td title=\"{}\">{} / {}{}</td>", html(&summary.to_string()), summary.pass, summary.total(), layout::bar(summary));
        }
        body.push_str("</tr>\n");
    }
    body.push_str("</tbody>\n</table>\n");

    body.push_str("<h2>Cases</h2>\n<table class=\"matrix\">\n<thead><tr><th>case</th>");
    columns(&mut body, matrix);
    for (id, title) in &matrix.rows {
        let _ = write!(body, "<tr><td><code>{}</code><div class=\"title\">{}</div></td>", html(id), html(title));
        for column in 0..matrix.reports.len() {
            match matrix.cell(column, id) {
                Some(case) => {
                    let _ = write!(body, "<td class=\"cell\"><a href=\"#{}\">{}</a></td>", html(&anchor(column, id)), layout::badge(case.outcome, matrix.reports[column].diff));
                }
                None => body.push_str("<td class=\"cell\">—</td>"),
            }
        }
        body.push_str("</tr>\n");
    }
    body.push_str("</tbody>\n</table>\n");

    for (column, report) in matrix.reports.iter().enumerate() {
        let _ = writeln!(body, "<h2>T{}: {}</h2>", column + 1, html(&report.target_label()));
        for case in &report.cases {
            let _ = writeln!(
                body,
                "<section class=\"evidence\" id=\"{}\">\n<h3>{} <code>{}</code></h3>\n<p class=\"title\">{}</p>\n{}</section>",
                html(&anchor(column, &case.id)),
                layout::badge(case.outcome, report.diff),
                html(&case.id),
                html(&case.title),
                detail::render(case, &report.replay, &report.servers)
            );
        }
    }
    layout::document("Next.js conformance matrix", &body)
}

/// The rest of a header row: one column per target, then the body opens.
fn columns(out: &mut String, matrix: &Matrix) {
    for (column, report) in matrix.reports.iter().enumerate() {
        let _ = write!(out, "<th title=\"{}\">T{}</th>", html(&report.target_label()), column + 1);
    }
    out.push_str("</tr></thead>\n<tbody>\n");
}
