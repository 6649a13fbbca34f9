#!/usr/bin/env bash
# Builds fixture-app/ with a pinned Next.js and serves it with `next start` on a free loopback
# port.
#
#   targets/next.sh start STATE_DIR [KIND] [APP]   stage, npm ci, next build, next start; prints
#                                                  the base URL once it answers
#   targets/next.sh build STATE_DIR [KIND] [APP]   stage, npm ci, next build only, or restore the
#                                                  build of an earlier run of the same sources
#   targets/next.sh stop STATE_DIR                 stops that server (by its own PID)
#
# KIND is next-16 (the default: fixture-app's own package.json and lockfile), next-15 (those in
# targets/next-15/), next-standalone (next-16 with `output: 'standalone'` added to the staged
# next.config.js, for targets/start.sh) or a release of the timeline, e.g. 16.1.7 (the
# package.json and lockfile in targets/timeline/16.1.7/, for targets/timeline.sh).
# APP is a fixture app: fixture-app (the default) or the name of a folder under fixture-apps/.
# An app with a `next-kinds` file (one kind a line) is built only with the kinds it lists; a
# release of the timeline tries every app, so that the timeline can say which it cannot build.
# The app is staged in STATE_DIR/app, so the sources stay clean and several builds can live side
# by side; STATE_DIR also keeps the PID, the URL and the logs. FIXTURE_APP names another app
# folder to stage instead. Before Next.js 16 the proxy file is staged under its former name,
# middleware.js.
#
# `build` keeps a copy of the fresh .next in STATE_DIR/built.tar and a fingerprint of what went
# into it (the sources, the lockfile, this script) in STATE_DIR/build.stamp; a later `build` of
# the same fingerprint puts that copy back instead of building again, so what a server wrote into
# .next at run time (regenerated pages, the data cache) never reaches the next server. `start`
# always builds afresh, and keeps the copy too, so that a later `build` can serve its build again
# (CI serves the next-16 build of its `next start` run with Bun, Deno and nginx that way).
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
export NEXT_TELEMETRY_DISABLED=1

# shellcheck source=targets/server.sh
. "$root/targets/server.sh"

usage() { echo "usage: $0 {start|build} STATE_DIR [next-16|next-15|next-standalone|RELEASE] [APP] | stop STATE_DIR" >&2; exit 2; }
[ $# -ge 2 ] || usage
command=$1
mkdir -p "$2"
state=$(cd "$2" && pwd)

# Set by resolve: where the app's sources are, the package.json and lockfile to build it with,
# the Next.js major, and whether the build is standalone.
sources='' packages='' major='' standalone=no

resolve() {
  local kind=$1 app_name=$2
  case $app_name in
    fixture-app) sources=$root/fixture-app ;;
    *) sources=$root/fixture-apps/$app_name ;;
  esac
  sources=${FIXTURE_APP:-$sources}
  [ -d "$sources" ] || { echo "no fixture app at $sources" >&2; exit 2; }
  case $kind in
    next-16) packages=$root/fixture-app ;;
    next-15) packages=$root/targets/next-15 ;;
    next-standalone) packages=$root/fixture-app standalone=yes ;;
    [0-9]*.[0-9]*.[0-9]*)
      packages=$root/targets/timeline/$kind
      [ -f "$packages/package-lock.json" ] || { echo "no release $kind in targets/timeline/" >&2; exit 2; }
      ;;
    *) usage ;;
  esac
  major=$(node -p 'require(process.argv[1]).dependencies.next.split(".")[0]' "$packages/package.json")
  # An app that only some kinds can build lists them in its `next-kinds` file.
  case $kind in
    [0-9]*) ;;
    *)
      if [ -f "$sources/next-kinds" ] && ! grep -qx "$kind" "$sources/next-kinds"; then
        echo "$app_name is built only with: $(tr '\n' ' ' <"$sources/next-kinds")" >&2
        exit 2
      fi
      ;;
  esac
}

# What went into a build: the kind, its package.json and lockfile, every source file, this script.
fingerprint() {
  {
    echo "$1"
    sha256sum "$packages/package.json" "$packages/package-lock.json" "$0" | cut -d' ' -f1
    (cd "$sources" && find . -type f ! -path './node_modules/*' ! -path './.next/*' -print0 | sort -z | xargs -0 sha256sum)
  } | sha256sum | cut -d' ' -f1
}

# Copies the app's sources into STATE_DIR/app as this kind builds them and installs its packages
# (an installed node_modules is kept when the lockfile is unchanged).
stage() {
  local app=$state/app
  mkdir -p "$app"
  find "$app" -mindepth 1 -maxdepth 1 ! -name node_modules ! -name package-lock.json -exec rm -rf {} +
  (cd "$sources" && find . -mindepth 1 -maxdepth 1 ! -name node_modules ! -name .next \
    ! -name package.json ! -name package-lock.json ! -name next-kinds -exec cp -r {} "$app/" \;)
  cp "$packages/package.json" "$app/package.json"
  # Before Next.js 16 the proxy file is middleware.js, exporting `middleware`.
  local proxy_dir
  for proxy_dir in "$app" "$app/src"; do
    if [ "$major" -lt 16 ] && [ -f "$proxy_dir/proxy.js" ]; then
      sed 's/export function proxy(/export function middleware(/' "$proxy_dir/proxy.js" >"$proxy_dir/middleware.js"
      rm "$proxy_dir/proxy.js"
    fi
  done
  if [ "$standalone" = yes ]; then
    [ -f "$app/next.config.js" ] || fail "" "next-standalone adds its output mode to next.config.js, and $sources has none"
    cat >>"$app/next.config.js" <<'EOF'

// Added when staging for next-standalone: the output of the self-hosting guide's Docker image.
const stagedConfig = module.exports
module.exports =
  typeof stagedConfig === 'function'
    ? async (...args) => ({ ...(await stagedConfig(...args)), output: 'standalone' })
    : { ...stagedConfig, output: 'standalone' }
EOF
  fi
  if ! cmp -s "$packages/package-lock.json" "$app/package-lock.json" || [ ! -d "$app/node_modules" ]; then
    cp "$packages/package-lock.json" "$app/package-lock.json"
    (cd "$app" && npm ci --no-audit --no-fund) >"$state/install.log" 2>&1 || { rm -f "$app/package-lock.json"; fail "$state/install.log" "npm ci failed"; }
  fi
}

# next build; for a standalone build, the static files and public/ copied beside server.js as the
# self-hosting guide says (the standalone folder leaves them out, for a CDN to serve).
compile() {
  local app=$state/app
  (cd "$app" && npx --no-install next build) >"$state/build.log" 2>&1 || fail "$state/build.log" "next build failed"
  if [ "$standalone" = yes ]; then
    [ -f "$app/.next/standalone/server.js" ] || fail "$state/build.log" "next build wrote no .next/standalone/server.js"
    cp -r "$app/.next/static" "$app/.next/standalone/.next/static"
    if [ -d "$app/public" ]; then cp -r "$app/public" "$app/.next/standalone/public"; fi
  fi
}

# What next build keeps for itself (its caches) and what the server only reads (the standalone
# node_modules) stay out of the copy of a build, to keep it small, and in place when it is
# restored.
build_only=(cache/turbopack cache/webpack cache/swc standalone/node_modules)

save_build() {
  local excludes=() path
  for path in "${build_only[@]}"; do excludes+=("--exclude=./$path"); done
  tar -C "$state/app/.next" "${excludes[@]}" -cf "$state/built.tar" .
}

restore_build() {
  local next=$state/app/.next kept=$state/kept path
  rm -rf "$kept"
  for path in "${build_only[@]}"; do
    if [ -e "$next/$path" ]; then mkdir -p "$kept/$(dirname "$path")" && mv "$next/$path" "$kept/$path"; fi
  done
  rm -rf "$next"
  mkdir -p "$next"
  tar -C "$next" -xf "$state/built.tar"
  for path in "${build_only[@]}"; do
    if [ -e "$kept/$path" ]; then mkdir -p "$next/$(dirname "$path")" && mv "$kept/$path" "$next/$path"; fi
  done
  rm -rf "$kept"
}

# `build`: builds, or restores the build of the same fingerprint as it was built.
build() {
  local kind=${1:-next-16} stamp
  resolve "$kind" "${2:-fixture-app}"
  stamp=$(fingerprint "$kind")
  if [ -f "$state/build.stamp" ] && [ "$(cat "$state/build.stamp")" = "$stamp" ] && [ -f "$state/built.tar" ]; then
    restore_build
    cp "$packages/package.json" "$state/app/package.json"
    return 0
  fi
  fresh_build "$stamp"
}

# Stages, installs and builds afresh, then keeps a copy of the build and its fingerprint $1.
fresh_build() {
  rm -f "$state/build.stamp" "$state/built.tar"
  stage
  compile
  save_build
  echo "$1" >"$state/build.stamp"
}

start() {
  local kind=${1:-next-16}
  if [ -f "$state/pid" ] && kill -0 "$(cat "$state/pid")" 2>/dev/null; then
    echo "already running: $(cat "$state/url")" >&2
    exit 1
  fi
  [ "$kind" != next-standalone ] || { echo "next-standalone is served by targets/start.sh" >&2; exit 2; }
  resolve "$kind" "${2:-fixture-app}"
  fresh_build "$(fingerprint "$kind")"

  local port
  port=$(free_port)
  # Named `localhost`, not 127.0.0.1: Next.js's NextURL turns a 127.0.0.1 host into localhost,
  # so with -H 127.0.0.1 the proxy's `new URL(path, request.url)` names another origin than the
  # server's own, and next start forwards every such rewrite over HTTP as an external one (the
  # target then sees its own URL, no original query and Host: localhost) and keeps redirect
  # Locations absolute. Binds loopback all the same.
  launch "$state/app" npx --no-install next start -H localhost -p "$port"
  wait_until_answers "http://localhost:$port" "next start" 60
}

case $command in
  start) start "${3:-}" "${4:-}" ;;
  build) build "${3:-}" "${4:-}" ;;
  stop) stop ;;
  *) usage ;;
esac
