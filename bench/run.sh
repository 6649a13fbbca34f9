#!/usr/bin/env bash
# Benchmarks on this machine. Prints Markdown (the figures in BENCHMARKS.md come from here):
#   1. the suite, beside the loopback floor: `harness run` against the embedded reference
#      server (its waits on its driven clock) and the same run in-process with --jobs 1 and 8;
#      against real `next start` of every fixture app, beside the longest waits of one case;
#   2. reference server vs `next start` throughput and latency on the same routes;
#   3. `cargo test --workspace` after a build, and where its time goes;
#   4. the harness's peak memory for a full run;
#   5. with --build: the clean release build time and the number of crates compiled.
# Prints figures; asserts none. Needs cargo, Node.js and npm (for next start). Loopback only;
# every load is bounded. BENCH_STATE=DIR keeps the next start builds there between runs
# (default: a temporary folder).
set -euo pipefail
cd "$(dirname "$0")/.."
export NEXT_TELEMETRY_DISABLED=1

cargo build --release -q -p bench -p harness
release=${CARGO_TARGET_DIR:-target}/release
if [ -n "${BENCH_STATE:-}" ]; then
  state=$BENCH_STATE
  mkdir -p "$state"
  trap 'for s in "$state"/next-*/; do targets/next.sh stop "$s" >/dev/null 2>&1 || true; done' EXIT
else
  state=$(mktemp -d)
  trap 'for s in "$state"/next-*/; do targets/next.sh stop "$s" >/dev/null 2>&1 || true; done; rm -rf "$state"' EXIT
fi

# Every fixture app that Next.js 16 builds, each served by its own `next start`, one build at a time.
next=()
for app in fixture-app $(ls fixture-apps); do
  kinds=fixture-apps/$app/next-kinds
  if [ -f "$kinds" ] && ! grep -qx next-16 "$kinds"; then continue; fi
  url=$(targets/next.sh start "$state/next-$app" next-16 "$app")
  if [ "$app" = fixture-app ]; then next+=(--next "$url"); else next+=(--next "$app=$url"); fi
done
fixture_url=$(cat "$state/next-fixture-app/url")

echo "# Benchmarks"
echo
echo "Machine: $(nproc) cores ($(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)), $(free -g | awk '/Mem:/ {print $2}') GiB;" \
  "load average $(cut -d' ' -f1 /proc/loadavg) at the start;" \
  "Next.js $(node -p "require('$state/next-fixture-app/app/node_modules/next/package.json').version"); $(date -u +%Y-%m-%d)."
echo "Command: \`bench/run.sh${1:+ $1}\`"
echo
"$release/bench" --harness "$release/harness" "${next[@]}"

echo
echo "## cargo test --workspace"
echo
cargo test --workspace --no-run -q 2>/dev/null
python3 - <<'PY'
import json, os, re, subprocess, time
started = time.monotonic()
run = subprocess.run(["cargo", "test", "--workspace", "--no-fail-fast"], capture_output=True, text=True)
whole = time.monotonic() - started
failed = re.findall(r"^test (\S+) \.\.\. FAILED$", run.stdout, re.M)
built = subprocess.run(["cargo", "test", "--workspace", "--no-run", "--message-format=json"],
                       capture_output=True, text=True, check=True).stdout
binaries = []
for line in built.splitlines():
    message = json.loads(line)
    executable = message.get("executable")
    if message.get("reason") == "compiler-artifact" and executable and os.path.exists(executable) and message["profile"]["test"]:
        started = time.monotonic()
        subprocess.run([executable], cwd=os.path.dirname(message["manifest_path"]),
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        binaries.append((time.monotonic() - started, message["target"]["name"], message["target"]["kind"][0]))
binaries.sort(reverse=True)
outcome = "all passed" if run.returncode == 0 else f"{len(failed)} failed: {', '.join(failed) or 'see cargo test'}"
print(f"- `cargo test --workspace` after `cargo test --workspace --no-run`: {whole:.1f} s wall ({outcome})")
print(f"- its {len(binaries)} test binaries, run one by one: {sum(t for t, _, _ in binaries):.1f} s; the slowest:", end="")
print("".join(f"{',' if i else ''} {name} ({kind}) {t:.1f} s" for i, (t, name, kind) in enumerate(binaries[:5])))
PY

echo
echo "## Peak memory of a full run"
echo
for target in "" "--target $fixture_url"; do
  python3 - "$release/harness" "$target" <<'PY'
import resource, subprocess, sys
args = [sys.argv[1], "run"] + sys.argv[2].split()
subprocess.run(args, stdout=subprocess.DEVNULL)
peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
command = " ".join(["harness run"] + sys.argv[2].split())
print(f"- `{command}`: {peak / 1024:.1f} MiB peak resident")
PY
done

if [ "${1:-}" = "--build" ]; then
  echo
  echo "## Clean build"
  echo
  rm -rf "$state/build"
  start=$SECONDS
  CARGO_TARGET_DIR="$state/build" cargo build --release -q --workspace
  seconds=$((SECONDS - start))
  crates=$(cargo tree --workspace -e normal,build --prefix none | sed 's/ (.*//; s/ \*$//' | sort -u | wc -l)
  echo "- \`cargo build --release --workspace\` from clean: $seconds s"
  echo "- crates compiled (workspace and dependencies, normal and build): $crates"
  rm -rf "$state/build"
fi
