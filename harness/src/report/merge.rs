//! `harness report --merge`: JSON reports read back and combined. Reports of the same target
//! (same URL or description, claimed Next.js version and capabilities), such as the shards of
//! one run, become one report with the union of their cases; reports of different targets
//! become a [`Matrix`] with one column per target.

use super::matrix::Matrix;
use super::model::Report;
use crate::shard::Shard;
use std::collections::BTreeSet;
use std::time::{Duration, SystemTime};

// One is made per merge, so the size of the larger variant does not matter.
#[allow(clippy::large_enum_variant)]
#[derive(Debug)]
pub enum Merged {
    /// Every report was of the same target.
    One(Report),
    /// Several targets, each already merged from its reports.
    Matrix(Matrix),
}

/// Merges `reports` (each with the name it was read from, for messages).
pub fn merge(reports: Vec<(String, Report)>) -> Result<Merged, String> {
    let mut groups: Vec<Vec<(String, Report)>> = Vec::new();
    for (name, report) in reports {
        match groups.iter_mut().find(|g| same_target(&g[0].1, &report)) {
            Some(group) => group.push((name, report)),
            None => groups.push(vec![(name, report)]),
        }
    }
    let mut merged: Vec<Report> = groups.into_iter().map(union).collect::<Result<_, _>>()?;
    if merged.len() == 1 {
        return Ok(Merged::One(merged.remove(0)));
    }
    Ok(Merged::Matrix(Matrix::new(merged)))
}

fn same_target(a: &Report, b: &Report) -> bool {
    a.target == b.target && a.next_version == b.next_version && a.capabilities == b.capabilities
}

/// One report of a target from several: all cases (sorted by id, none twice), from the
/// earliest start to the latest end.
fn union(group: Vec<(String, Report)>) -> Result<Report, String> {
    check_shards(&group)?;
    let target = group[0].1.target_label();
    let mut span: Option<(SystemTime, SystemTime)> = None;
    for (name, report) in &group {
        let start = humantime::parse_rfc3339_weak(&report.started_at)
            .map_err(|e| format!("{name}: started_at `{}`: {e}", report.started_at))?;
        let end = start + Duration::from_millis(report.duration_ms);
        span = Some(span.map_or((start, end), |(s, e)| (s.min(start), e.max(end))));
    }
    let (start, end) = span.expect("a group has at least one report");
    let mut reports = group.into_iter();
    let (_, mut first) = reports.next().expect("a group has at least one report");
    let mut cases = std::mem::take(&mut first.cases);
    let mut seen: BTreeSet<String> = cases.iter().map(|c| c.id.clone()).collect();
    for (name, report) in reports {
        for case in report.cases {
            if !seen.insert(case.id.clone()) {
                return Err(format!("{name}: case `{}` of {target} is in more than one report", case.id));
            }
            cases.push(case);
        }
    }
    cases.sort_by(|a, b| a.id.cmp(&b.id));
    first.started_at = humantime::format_rfc3339_millis(start).to_string();
    first.duration_ms = u64::try_from(end.duration_since(start).unwrap_or_default().as_millis()).unwrap_or(u64::MAX);
    first.shard = None;
    first.summary = cases.iter().map(|c| c.outcome).collect();
    first.cases = cases;
    Ok(first)
}

/// Shard reports of a target must be all of its shards, each once.
fn check_shards(group: &[(String, Report)]) -> Result<(), String> {
    let shards: Vec<(&str, Option<Shard>)> =
        group.iter().map(|(name, r)| (name.as_str(), r.shard.as_deref().and_then(|s| s.parse().ok()))).collect();
    if shards.iter().all(|(_, s)| s.is_none()) {
        return Ok(());
    }
    let target = group[0].1.target_label();
    let count = shards.iter().find_map(|(_, s)| s.map(|s| s.count)).expect("one report is a shard");
    let mut indexes = BTreeSet::new();
    for (name, shard) in &shards {
        match shard {
            Some(shard) if shard.count == count && indexes.insert(shard.index) => {}
            _ => return Err(format!("{name}: not one of the {count} shards of {target}, or a shard given twice")),
        }
    }
    let missing: Vec<String> = (1..=count).filter(|i| !indexes.contains(i)).map(|i| format!("{i}/{count}")).collect();
    if !missing.is_empty() {
        return Err(format!("shard(s) {} of {target} are missing", missing.join(", ")));
    }
    Ok(())
}
