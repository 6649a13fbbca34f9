//! Times `harness run` as a user runs it: its own process, starting the reference servers (or
//! reaching the targets) and loading the cases included.

use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

/// The median wall time of `repeat` runs of `harness run ARGS`, and whether every run ended
/// with nothing unexpected (exit status 0).
pub fn time(harness: &Path, args: &[String], repeat: usize) -> (Duration, bool) {
    let mut walls = Vec::new();
    let mut clean = true;
    for _ in 0..repeat.max(1) {
        let started = Instant::now();
        let status = Command::new(harness)
            .arg("run")
            .args(args)
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .status()
            .unwrap_or_else(|e| panic!("{}: {e}", harness.display()));
        walls.push(started.elapsed());
        clean &= status.success();
    }
    walls.sort();
    (walls[walls.len() / 2], clean)
}
