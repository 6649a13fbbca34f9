#!/usr/bin/env bash
# Builds fixture-app/ with a pinned Next.js and serves it with `next start` on a free loopback
# port.
#
#   targets/next.sh start STATE_DIR [next-16|next-15] [APP]   stage, npm ci, next build,
#                                               next start; prints the base URL once it answers
#   targets/next.sh stop STATE_DIR              stops that server (by its own PID)
#
# APP is a fixture app: fixture-app (the default) or the name of a folder under fixture-apps/.
# An app with a `next-kinds` file (one kind a line) is built only with the kinds it lists.
# next-16 (the default) uses fixture-app's own package.json and lockfile for every app; next-15
# uses those in targets/next-15/. The app is staged in STATE_DIR/app, so the sources stay clean
# and both majors can be built side by side; STATE_DIR also keeps the PID, the URL and the
# logs. FIXTURE_APP names another app folder to stage instead. For next-15 the proxy file is
# staged under its Next.js 15 name, middleware.js.
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
export NEXT_TELEMETRY_DISABLED=1

# shellcheck source=targets/server.sh
. "$root/targets/server.sh"

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
  # An app that only some majors can build lists them in its `next-kinds` file.
  if [ -f "$sources/next-kinds" ] && ! grep -qx "$kind" "$sources/next-kinds"; then
    echo "$app_name is built only with: $(tr '\n' ' ' <"$sources/next-kinds")" >&2
    exit 2
  fi
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
    ! -name package.json ! -name package-lock.json ! -name next-kinds -exec cp -r {} "$app/" \;)
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
    (cd "$app" && npm ci --no-audit --no-fund) >"$state/install.log" 2>&1 || { rm -f "$app/package-lock.json"; fail "$state/install.log" "npm ci failed"; }
  fi
  (cd "$app" && npx --no-install next build) >"$state/build.log" 2>&1 || fail "$state/build.log" "next build failed"

  local port
  port=$(free_port)
  # Named `localhost`, not 127.0.0.1: Next.js's NextURL turns a 127.0.0.1 host into localhost,
  # so with -H 127.0.0.1 the proxy's `new URL(path, request.url)` names another origin than the
  # server's own, and next start forwards every such rewrite over HTTP as an external one (the
  # target then sees its own URL, no original query and Host: localhost) and keeps redirect
  # Locations absolute. Binds loopback all the same.
  launch "$app" npx --no-install next start -H localhost -p "$port"
  wait_until_answers "http://localhost:$port" "next start" 60
}

case $command in
  start) start "${3:-}" "${4:-}" ;;
  stop) stop ;;
  *) usage ;;
esac
