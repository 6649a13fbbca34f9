//! Areas: a case's id up to its last `/` (`app-router/route-handlers/methods`). Reports group
//! cases by area and count outcomes per area.

use super::model::CaseEntry;
use crate::outcome::Summary;
use std::collections::BTreeMap;

/// The area of a case id; ids without a `/` are in the area `(top level)`.
pub fn of(id: &str) -> &str {
    id.rsplit_once('/').map_or("(top level)", |(area, _)| area)
}

/// The case's name within its area: its id after the last `/`.
pub fn leaf(id: &str) -> &str {
    id.rsplit_once('/').map_or(id, |(_, leaf)| leaf)
}

/// The outcome counts of each area, areas sorted by name.
pub fn tally<'a>(cases: impl IntoIterator<Item = &'a CaseEntry>) -> Vec<(String, Summary)> {
    let mut areas: BTreeMap<&str, Summary> = BTreeMap::new();
    for case in cases {
        areas.entry(of(&case.id)).or_default().add(case.outcome);
    }
    areas.into_iter().map(|(area, summary)| (area.to_owned(), summary)).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_area_is_the_id_up_to_its_last_slash() {
        assert_eq!(of("app-router/route-handlers/methods/auto-head"), "app-router/route-handlers/methods");
        assert_eq!(leaf("app-router/route-handlers/methods/auto-head"), "auto-head");
        assert_eq!(of("lonely"), "(top level)");
        assert_eq!(leaf("lonely"), "lonely");
    }
}
