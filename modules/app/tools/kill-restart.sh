#!/usr/bin/env bash
# Restart-to-ready after SIGKILL and SIGTERM-to-exit of `wirewatch run` (the embedded default: broker, registry and
# every stage in one JVM), timed as an operator or a container runtime would see them.
#
#   modules/app/tools/kill-restart.sh [--runs N] [--corpus DIR] [--http-port P] [--kafka-port P] [--registry-port P]
#
# After a first run that only primes the jar and its class-data archive, on a fresh data directory: start `./wirewatch run` and wait for GET /health/ready to answer 200; then N times:
# drop every report of the corpus (under new file names) into the inbox, wait 3 s, `kill -9`, start again and time
# from the kill until /health/ready answers 200 again. Last, drop the corpus once more, wait 1.5 s and time
# `kill -TERM` until the process has exited. Prints one line per measurement. Run from the repository root.
set -euo pipefail

runs=5
corpus=modules/extract/src/test/resources/corpus/train
[[ -d "$corpus" ]] || corpus=modules/extract/src/test/resources/corpus/dev
http=8080 kafka=9092 registry=8081
while [[ $# -gt 0 ]]; do
  case "$1" in
    --runs) runs=$2; shift 2 ;;
    --corpus) corpus=$2; shift 2 ;;
    --http-port) http=$2; shift 2 ;;
    --kafka-port) kafka=$2; shift 2 ;;
    --registry-port) registry=$2; shift 2 ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
done

dir=$(mktemp -d -t wirewatch-kill-restart-XXXXXX)
echo "data and logs in $dir; corpus $corpus" >&2
pid=

start() {
  ./wirewatch run --data-dir "$dir/${1:-data}" -D "wirewatch.http.port=$http" -D "wirewatch.embedded.kafka.port=$kafka" \
    -D "wirewatch.embedded.registry.port=$registry" -D "wirewatch.ingest.inbox.dir=$dir/inbox" \
    >>"$dir/run.log" 2>&1 &
  pid=$!
}

now() { date +%s.%N; }

await_ready() {
  for _ in $(seq 1 1800); do
    curl -sf "localhost:$http/health/ready" >/dev/null && return 0
    kill -0 "$pid" 2>/dev/null || { echo "wirewatch run exited; see $dir/run.log" >&2; exit 1; }
    sleep 0.1
  done
  echo "not ready after 180 s; see $dir/run.log" >&2
  exit 1
}

drop_corpus() {
  mkdir -p "$dir/inbox"
  local tag=$RANDOM$RANDOM
  for f in "$corpus"/*; do
    case "$f" in *.md|*.gold.json) continue ;; esac
    cp "$f" "$dir/inbox/$tag-$(basename "$f")"
  done
}

trap '[[ -n "$pid" ]] && kill -9 "$pid" 2>/dev/null || true' EXIT

# Outside the timings: the jar is built if needed, and a first run that stops cleanly records the class-data
# archive that later starts map.
start prime; await_ready; kill -TERM "$pid"; wait "$pid" 2>/dev/null || true
t0=$(now); start; await_ready
printf 'first start to ready: %.1f s\n' "$(echo "$(now) - $t0" | bc)"
for i in $(seq 1 "$runs"); do
  drop_corpus; sleep 3
  kill -9 "$pid"; wait "$pid" 2>/dev/null || true
  t0=$(now); start; await_ready
  printf 'kill -9 %d: restart to ready %.1f s\n' "$i" "$(echo "$(now) - $t0" | bc)"
done
drop_corpus; sleep 1.5
t0=$(now); kill -TERM "$pid"; wait "$pid" 2>/dev/null || true
printf 'SIGTERM to exit: %.1f s\n' "$(echo "$(now) - $t0" | bc)"
pid=
