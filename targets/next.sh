#!/usr/bin/env bash
# Builds fixture-app/ with a pinned Next.js and serves it with `next start` on a free loopback
# port.
#
#   targets/next.sh start STATE_DIR [next-16|next-15] [APP]   stage, npm ci, next build,
#                                               next start; prints the base URL once it answers
#   targets/next.sh stop STATE_DIR              stops that server (by its own PID)
#
# APP is a fixture app: fixture-app (the default) or the name of a folder under fixture-apps/.
# next-16 (the default) uses fixture-app's own package.json and lockfile for every app; next-15
# uses those in targets/next-15/. The app is staged in STATE_DIR/app, so the sources stay clean
# and both majors can be built side by side; STATE_DIR also keeps the PID, the URL and the
# logs. FIXTURE_APP names another app folder to stage instead. For next-15 the proxy file is
# staged under its Next.js 15 name, middleware.js.
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
export NEXT_TELEMETRY_DISABLED=1

usage() { echo "usage: $0 start STATE_DIR [next-16|next-15] [APP] | stop STATE_DIR" >&2; exit 2; }
[ $# -ge 2 ] || usage
command=$1
mkdir -p "$2"
state=$(cd "$2" && pwd)

start() {
  local kind=${1:-next-16} app_name=${2:-fixture-app} packages sources
  case $app_name in
    fixture-app) sources=$root/fixture-app ;;
    *) sources=$root/fixture-apps/$app_name ;;
  esac
  sources=${FIXTURE_APP:-$sources}
  [ -d "$sources" ] || { echo "no fixture app at $sources" >&2; exit 2; }
  case $kind in
    next-16) packages=$root/fixture-app ;;
    next-15) packages=$root/targets/next-15 ;;
    *) usage ;;
  esac
  if [ -f "$state/pid" ] && kill -0 "$(cat "$state/pid")" 2>/dev/null; then
    echo "already running: $(cat "$state/url")" >&2
    exit 1
  fi

  local app=$state/app
  mkdir -p "$app"
  # Stage the app's sources; keep an installed node_modules when the lockfile is unchanged.
  find "$app" -mindepth 1 -maxdepth 1 ! -name node_modules ! -name package-lock.json -exec rm -rf {} +
  (cd "$sources" && find . -mindepth 1 -maxdepth 1 ! -name node_modules ! -name .next \
    ! -name package.json ! -name package-lock.json -exec cp -r {} "$app/" \;)
  cp "$packages/package.json" "$app/package.json"
  # Next.js 15 knows the proxy file by its former name, middleware.js, exporting `middleware`.
  local proxy_dir
  for proxy_dir in "$app" "$app/src"; do
    if [ "$kind" = next-15 ] && [ -f "$proxy_dir/proxy.js" ]; then
      sed 's/export function proxy(/export function middleware(/' "$proxy_dir/proxy.js" >"$proxy_dir/middleware.js"
      rm "$proxy_dir/proxy.js"
    fi
  done
  if ! cmp -s "$packages/package-lock.json" "$app/package-lock.json" || [ ! -d "$app/node_modules" ]; then
    cp "$packages/package-lock.json" "$app/package-lock.json"
    (cd "$app" && npm ci --no-audit --no-fund) >"$state/install.log" 2>&1 || { cat "$state/install.log" >&2; exit 1; }
  fi
  (cd "$app" && npx --no-install next build) >"$state/build.log" 2>&1 || { cat "$state/build.log" >&2; exit 1; }

  local port url
  port=$(node -e 'const s=require("net").createServer();s.listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})')
  # setsid: the server leads its own process group, so stop ends it and its workers together.
  (cd "$app" && exec setsid npx --no-install next start -H 127.0.0.1 -p "$port") >"$state/server.log" 2>&1 </dev/null &
  echo $! >"$state/pid"
  url="http://127.0.0.1:$port"
  echo "$url" >"$state/url"

  for _ in $(seq 1 300); do
    if node -e 'fetch(process.argv[1]).then(()=>process.exit(0),()=>process.exit(1))' "$url/" 2>/dev/null; then
      echo "$url"
      return 0
    fi
    if ! kill -0 "$(cat "$state/pid")" 2>/dev/null; then
      cat "$state/server.log" >&2
      echo "next start exited before answering" >&2
      exit 1
    fi
    sleep 0.2
  done
  echo "next start did not answer within 60 s" >&2
  stop
  exit 1
}

stop() {
  [ -f "$state/pid" ] || return 0
  local pid
  pid=$(cat "$state/pid")
  kill -TERM -- "-$pid" 2>/dev/null || true
  for _ in $(seq 1 50); do
    kill -0 "$pid" 2>/dev/null || break
    sleep 0.1
  done
  kill -KILL -- "-$pid" 2>/dev/null || true
  rm -f "$state/pid"
}

case $command in
  start) start "${3:-}" "${4:-}" ;;
  stop) stop ;;
  *) usage ;;
esac
