#!/usr/bin/env bash
# Runs the whole `make test` while another process keeps every core busy, RUNS times in a row
# (default 1), and reports each run's failed tests and its closing summary line. A failure here is a
# defect of a test or of the service (a test that waits for a time instead of a state, a timeout
# that is a performance claim), never "flaky".
#
#   scripts/test-stress.sh [RUNS]        (make test-stress; STRESS_RUNS=3 make test-stress)
#
# The hog is stress-ng (Debian's package, installed here when missing and apt-get can), else one
# `node -e 'for(;;){}'` per core (or with STRESS_HOG=node). It runs in its own process group and is stopped when this script
# ends, however it ends. Logs: .local/test-stress/run-N.log.
set -euo pipefail
# no job control: a background child then stays in this script's process group, so `setsid` below
# makes it (not a fork of it) the leader of a new group, and $! is that group's id
set +m

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
RUNS="${1:-${STRESS_RUNS:-1}}"
CORES="$(nproc)"
LOGS="$ROOT/.local/test-stress"
mkdir -p "$LOGS"

log() { printf '[test-stress] %s\n' "$*"; }

HOG_PID=""
MAKE_PID=""
stop_make() {
  if [ -n "$MAKE_PID" ] && kill -0 "$MAKE_PID" 2>/dev/null; then
    kill -TERM -- "-$MAKE_PID" 2>/dev/null || true
    log "make test stopped"
  fi
  MAKE_PID=""
}
stop_hog() {
  if [ -n "$HOG_PID" ] && kill -0 "$HOG_PID" 2>/dev/null; then
    kill -TERM -- "-$HOG_PID" 2>/dev/null || true
    for _ in $(seq 50); do kill -0 "$HOG_PID" 2>/dev/null || break; sleep 0.1; done
    kill -KILL -- "-$HOG_PID" 2>/dev/null || true
    log "CPU hog stopped"
  fi
  HOG_PID=""
}
trap 'stop_make; stop_hog' EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

ensure_stress_ng() {
  command -v stress-ng >/dev/null 2>&1 && return 0
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    log "installing stress-ng (Debian package)"
    if DEBIAN_FRONTEND=noninteractive apt-get install -y -qq stress-ng >/dev/null 2>&1 ||
      { apt-get update -qq >/dev/null 2>&1 && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq stress-ng >/dev/null 2>&1; }; then
      return 0
    fi
  fi
  return 1
}

start_hog() {
  # setsid: the hog leads its own process group, so stop_hog ends it and every worker it started
  if [ "${STRESS_HOG:-}" != node ] && ensure_stress_ng; then
    HOG="stress-ng --cpu $CORES"
    setsid stress-ng --cpu "$CORES" --timeout 0 --quiet </dev/null >/dev/null 2>&1 &
  else
    HOG="$CORES x node busy loop"
    local node_bin; node_bin="$(PATH="$ROOT/node_modules/.bin:$PATH" command -v node)"
    setsid bash -c "for _ in \$(seq $CORES); do '$node_bin' -e 'for(;;){}' & done; wait" </dev/null >/dev/null 2>&1 &
  fi
  HOG_PID=$!
  sleep 1
  kill -0 "$HOG_PID" 2>/dev/null || { log "the CPU hog ($HOG) did not start"; exit 1; }
  log "CPU hog running: $HOG (process group $HOG_PID)"
}

# failed tests of one run's log: jest's "● Suite › test" headers (not its "● Console" blocks), the
# suites jest or vitest marked FAIL, vitest's "×" lines, and a make step that failed before the tests
failures() {
  grep -aE '^\s+● ' "$1" | grep -av '● Console' | sed -E 's/^\s+//' | sort -u || true
  grep -aE '^\s*FAIL ' "$1" | sed -E 's/^\s+//' | sort -u || true
  grep -aE '^\s+(×|✗) ' "$1" | sed -E 's/^\s+//' | sort -u || true
  grep -aE '^make(\[[0-9]+\])?: \*\*\*' "$1" || true
}

failed_runs=0
report=()
start_hog
for run in $(seq "$RUNS"); do
  out="$LOGS/run-$run.log"
  log "run $run/$RUNS: make test under $HOG (log: ${out#"$ROOT"/})"
  started=$(date +%s)
  status=0
  # in its own process group too (stopped with the script), and waited for with `wait`, which a
  # signal to this script interrupts (a foreground child would delay the traps until it ended)
  setsid make test </dev/null >"$out" 2>&1 &
  MAKE_PID=$!
  wait "$MAKE_PID" || status=$?
  MAKE_PID=""
  kill -0 "$HOG_PID" 2>/dev/null || { log "the CPU hog died during run $run"; exit 1; }
  minutes=$((($(date +%s) - started) / 60))
  summary="$(grep -aE '^tests: ' "$out" | tail -1 || true)"
  [ -n "$summary" ] || summary="(no closing summary line)"
  if [ "$status" = 0 ]; then
    report+=("run $run: passed in ${minutes} min — $summary")
  else
    failed_runs=$((failed_runs + 1))
    report+=("run $run: FAILED (make exit $status) in ${minutes} min — $summary")
    while IFS= read -r line; do [ -n "$line" ] && report+=("    $line"); done < <(failures "$out")
  fi
done
stop_hog

echo
log "$RUNS run(s) of make test under $HOG, $failed_runs failed:"
printf '  %s\n' "${report[@]}"
[ "$failed_runs" = 0 ]
