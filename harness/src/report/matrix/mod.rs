//! The matrix: cases × targets, from the reports of runs against several targets. Rows are the
//! union of the reports' case ids; a target that did not run a case has no cell for it.
//!
//! - [`html`]: one page with per-area totals, the matrix, and each cell's evidence.
//! - [`markdown`]: the same as tables, cells linking to the evidence below them.
//! - [`compatibility`]: `COMPATIBILITY.md`, per-area scores by basis and each target's
//!   differences.

pub mod compatibility;
pub mod html;
pub mod markdown;

use super::area;
use super::model::{CaseEntry, Report};
use crate::outcome::Summary;
use std::collections::BTreeMap;

#[derive(Debug)]
pub struct Matrix {
    /// One per target (column), in the order given.
    pub reports: Vec<Report>,
    /// Every case id any report has, sorted, with the first title found for it.
    pub rows: Vec<(String, String)>,
}

impl Matrix {
    pub fn new(reports: Vec<Report>) -> Matrix {
        let mut rows: BTreeMap<String, String> = BTreeMap::new();
        for case in reports.iter().flat_map(|r| &r.cases) {
            rows.entry(case.id.clone()).or_insert_with(|| case.title.clone());
        }
        Matrix { reports, rows: rows.into_iter().collect() }
    }

    /// Target `column`'s result for case `id`.
    pub fn cell(&self, column: usize, id: &str) -> Option<&CaseEntry> {
        self.reports[column].cases.iter().find(|c| c.id == id)
    }

    /// Every area, with its outcome counts per target.
    pub fn areas(&self) -> Vec<(String, Vec<Summary>)> {
        let mut areas: BTreeMap<String, Vec<Summary>> = BTreeMap::new();
        for (column, report) in self.reports.iter().enumerate() {
            for (name, summary) in area::tally(&report.cases) {
                areas.entry(name).or_insert_with(|| vec![Summary::default(); self.reports.len()])[column] = summary;
            }
        }
        areas.into_iter().collect()
    }
}

/// The anchor of target `column`'s evidence for case `id`.
pub fn anchor(column: usize, id: &str) -> String {
    format!("t{}-{}", column + 1, id)
}
