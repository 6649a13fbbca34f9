//! How far the cases cover the docs: statements counted by status, per page and overall.

use super::map::{Map, Status};
use std::ops::AddAssign;

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Tally {
    pub covered: usize,
    pub partly: usize,
    pub open: usize,
    pub not_observable: usize,
}

impl Tally {
    pub fn of<'a>(statuses: impl IntoIterator<Item = &'a Status>) -> Tally {
        let mut tally = Tally::default();
        for status in statuses {
            match status {
                Status::Covered => tally.covered += 1,
                Status::Partly { .. } => tally.partly += 1,
                Status::Open { .. } => tally.open += 1,
                Status::NotObservable { .. } => tally.not_observable += 1,
            }
        }
        tally
    }

    /// Statements some answer of a server can show.
    pub fn observable(&self) -> usize {
        self.covered + self.partly + self.open
    }

    pub fn statements(&self) -> usize {
        self.observable() + self.not_observable
    }

    /// Whether every observable statement is fully covered.
    pub fn complete(&self) -> bool {
        self.partly == 0 && self.open == 0
    }
}

impl AddAssign for Tally {
    fn add_assign(&mut self, other: Tally) {
        self.covered += other.covered;
        self.partly += other.partly;
        self.open += other.open;
        self.not_observable += other.not_observable;
    }
}

/// Each page's tally, in the map's order, and their sum.
pub fn per_page(map: &Map) -> (Vec<(&str, Tally)>, Tally) {
    let mut total = Tally::default();
    let pages = map
        .pages
        .iter()
        .map(|page| {
            let tally = Tally::of(page.statements.iter().map(|s| &s.status));
            total += tally;
            (page.name.as_str(), tally)
        })
        .collect();
    (pages, total)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::coverage::map::Unobservable;

    #[test]
    fn counts_each_status_and_what_is_observable() {
        let statuses = [
            Status::Covered,
            Status::Covered,
            Status::Partly { open: "x".into() },
            Status::Open { needs: "y".into() },
            Status::NotObservable { kind: Unobservable::Client, why: "z".into() },
        ];
        let tally = Tally::of(&statuses);
        assert_eq!(tally, Tally { covered: 2, partly: 1, open: 1, not_observable: 1 });
        assert_eq!((tally.observable(), tally.statements()), (4, 5));
        assert!(!tally.complete());
        assert!(Tally::of(&statuses[..2]).complete());
    }
}
