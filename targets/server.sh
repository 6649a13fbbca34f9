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
# stop ends it and its children together; its PID goes to $state/pid, its output to
# $state/server.log.
launch() {
  launch_as server "$@"
}

# launch for a server in front of the app (a caching proxy): its PID goes to $state/front.pid,
# its output to $state/front.log.
launch_front() {
  launch_as front "$@"
}

launch_as() {
  local role=$1 dir=$2; shift 2
  (cd "$dir" && exec setsid "$@") >"$state/$role.log" 2>&1 </dev/null &
  echo $! >"$(pid_file "$role")"
}

pid_file() {
  case $1 in server) echo "$state/pid" ;; *) echo "$state/$1.pid" ;; esac
}

# Waits until $1 answers HTTP (any status), at most $3 seconds; prints it and returns. Fails
# with the server's log when the server exits first or takes too long. $2 names the server, $4
# (server or front, default server) says which one was launched.
wait_until_answers() {
  local url=$1 name=$2 seconds=$3 role=${4:-server}
  echo "$url" >"$state/url"
  for _ in $(seq 1 $((seconds * 5))); do
    if node -e 'fetch(process.argv[1]).then(()=>process.exit(0),()=>process.exit(1))' "$url/" 2>/dev/null; then
      echo "$url"
      return 0
    fi
    if ! kill -0 "$(cat "$(pid_file "$role")")" 2>/dev/null; then
      stop
      fail "$state/$role.log" "$name exited before answering"
    fi
    sleep 0.2
  done
  stop
  fail "$state/$role.log" "$name did not answer within $seconds s"
}

# Stops the servers of $state, the one in front first: each its process group, by its PID
# (TERM, then KILL after 5 s).
stop() {
  stop_group front
  stop_group server
}

stop_group() {
  local file pid
  file=$(pid_file "$1")
  [ -f "$file" ] || return 0
  pid=$(cat "$file")
  kill -TERM -- "-$pid" 2>/dev/null || true
  for _ in $(seq 1 50); do
    kill -0 "$pid" 2>/dev/null || break
    sleep 0.1
  done
  kill -KILL -- "-$pid" 2>/dev/null || true
  rm -f "$file"
}
