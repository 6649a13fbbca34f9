#!/usr/bin/env bash
# The release timeline: the suite against `next start` of the latest patch of every Next.js minor
# release in targets/timeline/ (one folder per release, with its package.json and lockfile), then
# TIMELINE.md from the reports.
#
#   targets/timeline.sh                  every release, then TIMELINE.md
#   targets/timeline.sh 16.1.7 16.2.12   those releases only (their reports are replaced, the
#                                        others' kept), then TIMELINE.md from all the reports
#   targets/timeline.sh --render         TIMELINE.md from the reports already there
#   targets/timeline.sh --fit-ranges     each case's `next` set to the range TIMELINE.md says fits
#                                        where it holds, then --render; a fit of separate runs of
#                                        releases (`A || B`) is left for a person to judge
#
# For each release every fixture app (fixture-app/ and each of fixture-apps/, whatever its
# next-kinds file says) is staged and built by targets/next.sh with that release, one build at a
# time, and served by `next start` on loopback; an app that does not build or start is left out
# of the run, so its cases are n/a there, and TIMELINE.md says the release could not build it. The
# suite runs once per release with `--next-version RELEASE --ranges informative`: every case runs,
# so the report has where each behaviour really holds, and whether a case is in its `next` range
# at that release follows from the report's version. The cases that failed then run once more
# against the same servers: a case holds on a release when either run passes, so that a timing a
# busy machine upset is not taken for a change of behaviour. The reports are kept in
# reports/timeline/ (RELEASE.json, RELEASE-again.json, and RELEASE-APP-build.log for a build that
# failed), so TIMELINE.md can be rendered again (`--render`) without building anything.
#
# Needs Node.js 20 and npm (the releases come from the npm registry) and the harness: $HARNESS,
# else target/debug/harness, else `cargo build`. One release's packages are installed once and
# hard-linked into each app's staging folder; the release's folder is removed after its run.
# TIMELINE_STATE names the folder for the builds (default: a new temporary one).
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
export NEXT_TELEMETRY_DISABLED=1

harness=${HARNESS:-target/debug/harness}
if [ ! -x "$harness" ]; then
  cargo build -q -p harness
  harness=target/debug/harness
fi
reports=reports/timeline
mkdir -p "$reports"

render() {
  local files=()
  mapfile -t files < <(ls "$reports"/*.json 2>/dev/null | sort -V)
  [ ${#files[@]} -gt 0 ] || { echo "no reports in $reports: run targets/timeline.sh first" >&2; exit 2; }
  echo "== TIMELINE.md from ${#files[@]} reports"
  local status=0
  "$harness" report --merge "${files[@]}" --timeline TIMELINE.md >/dev/null || status=$?
  # Status 1 only says that some cases fail on some release, which is what a timeline shows.
  [ "$status" -le 1 ] || exit "$status"
}

# The ranges of TIMELINE.md's "Ranges that disagree" that fit, written into the case files.
fit_ranges() {
  local id range file
  grep -E '^- `[^`]+` \(`[^`]*`\): .*; fits `[^`]+`$' TIMELINE.md |
    sed -E 's/^- `([^`]+)` .*; fits `([^`]+)`$/\1\t\2/' |
    while IFS=$'\t' read -r id range; do
      file=cases/$id.toml
      grep -q '^next = "' "$file" || { echo "$file: no \`next = \"...\"\` line to change" >&2; continue; }
      sed -i -E "s|^next = \"[^\"]*\"|next = \"$range\"|" "$file"
      echo "$id: next = \"$range\""
    done
}

# One release: its packages installed once, every app built and served, the suite run (and the
# cases that failed run again), the servers stopped and its folder removed.
run_release() {
  local release=$1 dir=$state/$1 started built status=0 failed app sources url targets=()
  echo "== Next.js $release"
  started=$(date +%s)
  rm -rf "$dir" "$reports/$release.json" "$reports/$release-again.json" "$reports/$release"-*-build.log
  mkdir -p "$dir/packages"
  cp "targets/timeline/$release/package.json" "targets/timeline/$release/package-lock.json" "$dir/packages/"
  (cd "$dir/packages" && npm ci --no-audit --no-fund) >"$dir/install.log" 2>&1 || { tail -n 50 "$dir/install.log" >&2; exit 1; }

  for app in $apps; do
    sources=$root/fixture-app
    [ "$app" = fixture-app ] || sources=$root/fixture-apps/$app
    # The release's packages, hard-linked in, so that next.sh finds them installed.
    mkdir -p "$dir/$app/app"
    cp "$dir/packages/package-lock.json" "$dir/$app/app/package-lock.json"
    cp -al "$dir/packages/node_modules" "$dir/$app/app/node_modules"
    if url=$(FIXTURE_APP=$sources targets/next.sh start "$dir/$app" "$release" 2>"$dir/$app/start.err"); then
      if [ "$app" = fixture-app ]; then targets+=(--target "$url"); else targets+=(--target "$app=$url"); fi
    else
      echo "$app: not served with Next.js $release: $(tail -n 1 "$dir/$app/start.err")"
      cp "$dir/$app/start.err" "$reports/$release-$app-build.log"
    fi
  done
  built=$(date +%s)

  if [ ${#targets[@]} -eq 0 ]; then
    echo "no fixture app built with Next.js $release" >&2
  else
    "$harness" run "${targets[@]}" --name "next start" --next-version "$release" --ranges informative \
      --report-json "$reports/$release.json" >"$dir/run.log" 2>&1 || status=$?
    tail -n 1 "$dir/run.log"
  fi
  if [ ${#targets[@]} -gt 0 ] && [ "$status" -le 1 ]; then
    failed=$(node -e '
      const report = require(require("path").resolve(process.argv[1]));
      console.log(report.cases.filter((c) => c.outcome === "fail" || c.outcome === "error").map((c) => c.id).join(","));
    ' "$reports/$release.json")
    if [ -n "$failed" ]; then
      "$harness" run "${targets[@]}" --name "next start, second try" --next-version "$release" --ranges informative \
        --filter "{$failed}" --report-json "$reports/$release-again.json" >"$dir/again.log" 2>&1 || status=$?
      echo "second try: $(tail -n 1 "$dir/again.log")"
    fi
  fi
  for app in $apps; do targets/next.sh stop "$dir/$app" || true; done
  [ "$status" -le 1 ] || { cat "$dir/run.log" "$dir/again.log" >&2 2>/dev/null; exit "$status"; }
  rm -rf "$dir"
  echo "== Next.js $release: built in $((built - started)) s, ran in $(($(date +%s) - built)) s"
}

main() {
  case ${1:-} in
    --render) render; return ;;
    --fit-ranges) fit_ranges; render; return ;;
  esac
  local release
  releases=("$@")
  [ ${#releases[@]} -gt 0 ] || mapfile -t releases < <(cd targets/timeline && ls -d [0-9]*/ | tr -d / | sort -V)
  for release in "${releases[@]}"; do
    [ -f "targets/timeline/$release/package-lock.json" ] || { echo "no release $release in targets/timeline/" >&2; exit 2; }
  done
  apps="fixture-app $(ls fixture-apps | tr "\n" " ")"
  state=${TIMELINE_STATE:-$(mktemp -d)}
  mkdir -p "$state"
  trap 'for s in "$state"/*/*/; do [ ! -d "$s" ] || targets/next.sh stop "$s" >/dev/null 2>&1 || true; done' EXIT
  for release in "${releases[@]}"; do
    run_release "$release"
  done
  [ -n "${TIMELINE_STATE:-}" ] || rm -rf "$state"
  render
}

# All of the script is read before it runs (it runs for an hour; an edit meanwhile cannot change it).
main "$@"; exit
