# Shared by targets/next.sh and targets/start.sh (sourced, with $state set to the STATE_DIR):
# starting a server in its own process group on loopback, waiting until it answers, stopping it.

# Prints the last lines of log $1 (if any) and the message, then exits 1.
fail() {
  local log=$1; shift
  [ -f "$log" ] && tail -n 200 "$log" >&2
  echo "$*" >&2
  exit 1
}

# A free port on 127.0.0.1.
free_port() {
  node -e 'const s=require("net").createServer();s.listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})'
}

# Runs the command $2... in folder $1 as the leader of its own process group (setsid), so that
# stop ends it and its children together; its output goes to $state/server.log.
launch() {
  local dir=$1; shift
  (cd "$dir" && exec setsid "$@") >"$state/server.log" 2>&1 </dev/null &
  echo $! >"$state/pid"
}

# Waits until $1 answers HTTP (any status), at most $3 seconds; prints it and returns. Fails
# with the server's log when the server exits first or takes too long. $2 names the server.
wait_until_answers() {
  local url=$1 name=$2 seconds=$3
  echo "$url" >"$state/url"
  for _ in $(seq 1 $((seconds * 5))); do
    if node -e 'fetch(process.argv[1]).then(()=>process.exit(0),()=>process.exit(1))' "$url/" 2>/dev/null; then
      echo "$url"
      return 0
    fi
    if ! kill -0 "$(cat "$state/pid")" 2>/dev/null; then
      rm -f "$state/pid"
      fail "$state/server.log" "$name exited before answering"
    fi
    sleep 0.2
  done
  stop
  fail "$state/server.log" "$name did not answer within $seconds s"
}

# Stops the server of $state: its process group, by its PID (TERM, then KILL after 5 s).
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
