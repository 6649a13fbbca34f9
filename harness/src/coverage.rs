//! The doc coverage map as `harness coverage` prints it: a table of statements per doc page
//! (covered, partly, open, not observable, as shares of what an answer can show), then each
//! statement still open or partly covered with what no case shows yet.

use spec::Case;
use spec::coverage::{Map, Status, Tally, tally};
use std::collections::BTreeSet;
use std::fmt::Write as _;

/// The whole printout.
pub fn render(map: &Map, cases: &[Case]) -> String {
    let (pages, total) = tally::per_page(map);
    let mut out = String::new();
    let _ = writeln!(
        out,
        "Doc coverage: {} statements on {} doc pages, {} of them observable in a server's answers\n",
        total.statements(),
        pages.len(),
        total.observable()
    );
    let width = pages.iter().map(|(name, _)| name.len()).max().unwrap_or(0).max("all pages".len());
    let _ = writeln!(out, "{:width$}  {:>14}  {:>14}  {:>14}  {:>14}", "page", "covered", "partly", "open", "not observable");
    for (name, tally) in &pages {
        let _ = writeln!(out, "{}", row(name, tally, width));
    }
    let _ = writeln!(out, "{}", row("all pages", &total, width));
    list(&mut out, map, "Open", "no case shows them yet", |s| match s {
        Status::Open { needs } => Some(needs),
        _ => None,
    });
    list(&mut out, map, "Partly covered", "what no case shows yet", |s| match s {
        Status::Partly { open } => Some(open),
        _ => None,
    });
    let listed: BTreeSet<&str> = map.pages.iter().flat_map(|p| &p.statements).flat_map(|s| s.cases.iter().map(|(id, _)| id.as_str())).collect();
    let unlisted = cases.iter().filter(|c| !listed.contains(c.id.as_str())).count();
    let _ = writeln!(out, "\n{} cases: {} assert a statement of the map, {unlisted} observed ones assert none", cases.len(), cases.len() - unlisted);
    out
}

fn row(name: &str, tally: &Tally, width: usize) -> String {
    let observable = tally.observable();
    let share = |n: usize| {
        let percent = if observable == 0 { 0.0 } else { 100.0 * n as f64 / observable as f64 };
        format!("{n} ({percent:.0}%)")
    };
    format!(
        "{name:width$}  {:>14}  {:>14}  {:>14}  {:>14}",
        share(tally.covered),
        share(tally.partly),
        share(tally.open),
        tally.not_observable
    )
}

/// The statements whose status `pick` takes, each with its anchor, claim and what `pick` says.
fn list(out: &mut String, map: &Map, title: &str, meaning: &str, pick: impl Fn(&Status) -> Option<&String>) {
    let picked: Vec<(&str, &spec::coverage::Statement, &String)> = map
        .pages
        .iter()
        .flat_map(|p| p.statements.iter().filter_map(|s| pick(&s.status).map(|what| (p.name.as_str(), s, what))))
        .collect();
    if picked.is_empty() {
        return;
    }
    let _ = writeln!(out, "\n{title} ({}): {meaning}", picked.len());
    for (page, statement, what) in picked {
        let _ = writeln!(out, "  {page}#{}: {}\n      {what}", statement.anchor, statement.claim);
    }
}
