//! Times the whole suite against a target, as `harness run` runs it (loading the cases
//! included), and the longest waits of a single case.

use harness::client::Client;
use harness::{Outcome, Target, runner};
use spec::Case;
use std::time::{Duration, Instant};

pub struct Timing {
    /// Median wall time of a run.
    pub wall: Duration,
    /// CPU time the harness process spent during that run (user + system).
    pub harness_cpu: Duration,
    /// Cases that did not end as expected in that run (fail, error).
    pub unexpected: usize,
}

pub async fn time(client: &Client, target: &Target, cases: &[Case], jobs: usize, repeat: usize) -> Timing {
    let mut runs = Vec::new();
    for _ in 0..repeat.max(1) {
        let cpu = process_cpu();
        let started = Instant::now();
        let loaded = spec::load_dir(&harness::default_cases_dir()).expect("cases load");
        assert_eq!(loaded.len(), cases.len());
        let results = runner::run_cases(client, target, &loaded, jobs).await;
        let wall = started.elapsed();
        let failed = results.iter().filter(|r| r.outcome.is_unexpected()).count();
        assert!(failed == 0 || results.iter().all(|r| r.outcome != Outcome::Error), "the target did not answer");
        runs.push((wall, process_cpu().saturating_sub(cpu), failed));
    }
    runs.sort();
    let (wall, harness_cpu, unexpected) = runs[runs.len() / 2];
    Timing { wall, harness_cpu, unexpected }
}

/// The waits of the case that waits longest in all, among those that apply to `target`: the
/// least a run against a server on the system clock can take.
pub fn longest_waits(target: &Target, cases: &[Case]) -> Duration {
    let waits = |case: &Case| case.steps.iter().map(|s| s.wait_ms).sum::<u64>();
    Duration::from_millis(cases.iter().filter(|c| target.not_applicable(c).is_none()).map(waits).max().unwrap_or(0))
}

/// User plus system CPU time of this process so far.
fn process_cpu() -> Duration {
    // SAFETY: getrusage only writes the struct it is given.
    let usage = unsafe {
        let mut usage = std::mem::zeroed::<libc::rusage>();
        libc::getrusage(libc::RUSAGE_SELF, &mut usage);
        usage
    };
    let micros = |t: libc::timeval| t.tv_sec as u64 * 1_000_000 + t.tv_usec as u64;
    Duration::from_micros(micros(usage.ru_utime) + micros(usage.ru_stime))
}
