#!/usr/bin/env bash
# Local Redis for development and tests (shared rate limits): Debian's redis-server.
#   scripts/redis.sh start   start it daemonized unless it already answers (idempotent; installs redis-server if missing)
#   scripts/redis.sh stop    stop it
#   scripts/redis.sh status  exit 0 when it answers
# Listens on 127.0.0.1:$CRMS_REDIS_PORT (default 6390); pid, log and data live under $CRMS_STATE_DIR/redis
# (default <repo>/.local/redis). Nothing is persisted: it holds counters only.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
STATE="${CRMS_STATE_DIR:-$ROOT/.local}/redis"
PORT="${CRMS_REDIS_PORT:-6390}"
PIDFILE="$STATE/redis.pid"
LOGFILE="$STATE/redis.log"

log() { echo "[redis] $*" >&2; }

answers() {
  # a PING over bash's /dev/tcp, so no redis-cli is needed
  local reply
  reply="$( { exec 3<>"/dev/tcp/127.0.0.1/$PORT" && printf 'PING\r\n' >&3 && timeout 1 head -c 7 <&3; } 2>/dev/null || true)"
  [[ "$reply" == "+PONG"* ]]
}

ensure_installed() {
  command -v redis-server >/dev/null && return 0
  log "installing redis-server from Debian's packages"
  if [ "$(id -u)" != "0" ]; then log "need root to apt-get install redis-server"; exit 1; fi
  apt-get update -qq >/dev/null
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends redis-server >/dev/null
}

start() {
  if answers; then log "already answering on 127.0.0.1:$PORT"; return 0; fi
  ensure_installed
  mkdir -p "$STATE"
  redis-server --bind 127.0.0.1 --port "$PORT" --daemonize yes --pidfile "$PIDFILE" --logfile "$LOGFILE" \
    --dir "$STATE" --save '' --appendonly no --protected-mode yes
  for _ in $(seq 1 50); do
    if answers; then log "started on 127.0.0.1:$PORT"; return 0; fi
    sleep 0.1
  done
  log "did not start; see $LOGFILE"
  exit 1
}

stop() {
  if [ -f "$PIDFILE" ]; then
    local pid
    pid="$(cat "$PIDFILE")"
    if kill -0 "$pid" 2>/dev/null; then
      kill "$pid"
      for _ in $(seq 1 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
    fi
    rm -f "$PIDFILE"
    log "stopped"
  elif answers; then
    log "something answers on 127.0.0.1:$PORT but it was not started by this script; leaving it"
  fi
}

case "${1:-}" in
  start) start ;;
  stop) stop ;;
  status) answers ;;
  *) echo "usage: $0 start|stop|status" >&2; exit 2 ;;
esac
