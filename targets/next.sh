#!/usr/bin/env bash
# Builds fixture-app/ with the Next.js pinned in its package.json and serves it with `next start`
# on a free loopback port.
#
#   targets/next.sh start STATE_DIR   install (npm ci), build, start; print the base URL
#   targets/next.sh stop STATE_DIR    stop the server started with STATE_DIR (by its own PID)
#
# STATE_DIR keeps the server's PID, URL and log. FIXTURE_APP overrides the app folder.
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
app=${FIXTURE_APP:-$root/fixture-app}
export NEXT_TELEMETRY_DISABLED=1

usage() { echo "usage: $0 start|stop STATE_DIR" >&2; exit 2; }
[ $# -eq 2 ] || usage
state=$2

start() {
  mkdir -p "$state"
  state=$(cd "$state" && pwd)
  if [ -f "$state/pid" ] && kill -0 "$(cat "$state/pid")" 2>/dev/null; then
    echo "already running: $(cat "$state/url")" >&2
    exit 1
  fi
  cd "$app"
  if [ ! -d node_modules ] || [ package-lock.json -nt node_modules ]; then
    npm ci --no-audit --no-fund >"$state/install.log" 2>&1 || { cat "$state/install.log" >&2; exit 1; }
  fi
  npx --no-install next build >"$state/build.log" 2>&1 || { cat "$state/build.log" >&2; exit 1; }

  port=$(node -e 'const s=require("net").createServer();s.listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})')
  # setsid: the server leads its own process group, so stop can end it and its workers together.
  setsid npx --no-install next start -H 127.0.0.1 -p "$port" >"$state/server.log" 2>&1 < /dev/null &
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
  pid=$(cat "$state/pid")
  kill -TERM -- "-$pid" 2>/dev/null || true
  for _ in $(seq 1 50); do
    kill -0 "$pid" 2>/dev/null || break
    sleep 0.1
  done
  kill -KILL -- "-$pid" 2>/dev/null || true
  rm -f "$state/pid"
}

case $1 in
  start) start ;;
  stop) stop ;;
  *) usage ;;
esac
