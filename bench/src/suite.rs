//! Times the whole suite against a target, as `harness run` runs it (loading included).

use harness::client::Client;
use harness::{Outcome, Target, runner};
use spec::{Capability, Case};
use std::time::{Duration, Instant};

pub struct Timing {
    /// Median wall time of a run.
    pub wall: Duration,
    /// CPU time the harness process spent during that run (user + system).
    pub harness_cpu: Duration,
}

pub async fn time(client: &Client, base_url: &str, cases: &[Case], jobs: usize, repeat: usize) -> Timing {
    let version = reference_server::default_next_version();
    let target = Target::new(base_url, version, Capability::ALL.into_iter().collect());
    let mut runs = Vec::new();
    for _ in 0..repeat.max(1) {
        let cpu = process_cpu();
        let started = Instant::now();
        let loaded = spec::load_dir(&harness::default_cases_dir()).expect("cases load");
        assert_eq!(loaded.len(), cases.len());
        let results = runner::run_cases(client, &target, &loaded, jobs).await;
        let wall = started.elapsed();
        let failed = results.iter().filter(|r| r.outcome.is_unexpected()).count();
        assert!(failed == 0 || results.iter().all(|r| r.outcome != Outcome::Error), "the target did not answer");
        runs.push((wall, process_cpu().saturating_sub(cpu)));
    }
    runs.sort();
    let (wall, harness_cpu) = runs[runs.len() / 2];
    Timing { wall, harness_cpu }
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
