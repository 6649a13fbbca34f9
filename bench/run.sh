#!/usr/bin/env bash
# Benchmarks on this machine. Prints Markdown (the figures in BENCHMARKS.md come from here):
#   1. the loopback floor and the whole suite against the in-process reference server
#      (--jobs 1 and 8) and against real `next start` of fixture-app, with the harness's CPU share;
#   2. reference server vs `next start` throughput and latency on the same routes;
#   3. the harness's peak memory for a full run;
#   4. with --build: the clean release build time and the number of crates compiled.
# Needs cargo, Node.js and npm (for next start). Loopback only; every load is bounded.
set -euo pipefail
cd "$(dirname "$0")/.."

cargo build --release -q -p bench -p harness
state=$(mktemp -d)
trap 'targets/next.sh stop "$state/next" >/dev/null 2>&1 || true; rm -rf "$state"' EXIT
url=$(targets/next.sh start "$state/next")

echo "# Benchmarks"
echo
echo "Machine: $(nproc) cores ($(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)), $(free -g | awk '/Mem:/ {print $2}') GiB;" \
  "Next.js $(node -p "require('$state/next/app/node_modules/next/package.json').version"); $(date -u +%Y-%m-%d)."
echo "Command: \`bench/run.sh${1:+ $1}\`"
echo
target/release/bench --next "$url"

echo
echo "## Peak memory of a full run"
echo
for target in "" "--target $url"; do
  python3 - "$target" <<'PY'
import resource, subprocess, sys
args = ["target/release/harness", "run"] + sys.argv[1].split()
subprocess.run(args, stdout=subprocess.DEVNULL, check=True)
peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
command = " ".join(["harness run"] + sys.argv[1].split())
print(f"- `{command}`: {peak / 1024:.1f} MiB peak resident")
PY
done

if [ "${1:-}" = "--build" ]; then
  echo
  echo "## Clean build"
  echo
  start=$SECONDS
  CARGO_TARGET_DIR="$state/build" cargo build --release -q --workspace
  seconds=$((SECONDS - start))
  crates=$(cargo tree --workspace -e normal,build --prefix none | sed 's/ (.*//; s/ \*$//' | sort -u | wc -l)
  echo "- \`cargo build --release --workspace\` from clean: $seconds s"
  echo "- crates compiled (workspace and dependencies, normal and build): $crates"
fi
