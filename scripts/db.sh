#!/usr/bin/env bash
# Local MongoDB-compatible database for development and tests:
# FerretDB v1.24.2 (built from the Go module proxy) on PostgreSQL (Debian's packages).
#   scripts/db.sh start   start it in the background unless it already answers (idempotent)
#   scripts/db.sh stop    stop FerretDB and its PostgreSQL
#   scripts/db.sh status  exit 0 when it answers
#   scripts/db.sh stop-storage / start-storage   stop or start only its PostgreSQL (FerretDB keeps
#                         answering on its port; the database-fault tests use a private instance)
#   scripts/db.sh id-indexes DB   benchmark aid, see id_indexes below
#   scripts/db.sh cancel-stale S  benchmark aid, see cancel_stale below
# Everything lives under $CRMS_STATE_DIR (default: <repo>/.local). Listens on $FERRETDB_ADDR.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
STATE="${CRMS_STATE_DIR:-$ROOT/.local}"
FERRETDB_VERSION="v1.24.2"
FERRETDB_ADDR="${FERRETDB_ADDR:-127.0.0.1:27017}"
PG_PORT="${CRMS_PG_PORT:-54329}"
BIN="$STATE/bin/ferretdb-$FERRETDB_VERSION"
PGDATA="$STATE/pgdata"
LOGS="$STATE/logs"

log() { echo "[db] $*" >&2; }

port_open() { # host:port
  local host="${1%:*}" port="${1##*:}"
  (exec 3<>"/dev/tcp/$host/$port") 2>/dev/null
}

as_pg() { # run a command as the postgres OS user when we are root (postgres refuses root)
  if [ "$(id -u)" = "0" ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

pg_bindir() {
  local d
  d="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)"
  [ -n "$d" ] && [ -x "$d/initdb" ] && echo "$d"
}

ensure_postgres_installed() {
  if [ -z "$(pg_bindir)" ]; then
    log "installing PostgreSQL from Debian's packages"
    if [ "$(id -u)" != "0" ]; then log "need root to apt-get install postgresql"; exit 1; fi
    apt-get update -qq >/dev/null
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null
  fi
}

ensure_ferretdb_built() {
  [ -x "$BIN" ] && return 0
  command -v go >/dev/null || { log "the Go toolchain is required to build FerretDB"; exit 1; }
  log "building FerretDB $FERRETDB_VERSION from the Go module proxy (first run only)"
  mkdir -p "$STATE/bin"
  # The module zip lacks build/version/version.txt (normally written by FerretDB's own build
  # task), so build from a copy of the downloaded module with that file added.
  local dir src="$STATE/src/ferretdb-$FERRETDB_VERSION"
  dir="$(cd "$ROOT/scripts/tools" && go mod download -json "github.com/FerretDB/FerretDB@$FERRETDB_VERSION" | sed -n 's/^[[:space:]]*"Dir": "\(.*\)",$/\1/p')"
  [ -n "$dir" ] || { log "could not download the FerretDB module"; exit 1; }
  rm -rf "$src" && mkdir -p "$(dirname "$src")" && cp -r "$dir" "$src" && chmod -R u+w "$src"
  echo "$FERRETDB_VERSION" >"$src/build/version/version.txt"
  (cd "$src" && GOFLAGS=-mod=mod go build -trimpath -o "$BIN.tmp" ./cmd/ferretdb)
  mv "$BIN.tmp" "$BIN"
  rm -rf "$src"
}

start_postgres() {
  local bindir; bindir="$(pg_bindir)"
  mkdir -p "$STATE" "$LOGS"
  if [ "$(id -u)" = "0" ]; then chown postgres "$LOGS"; chmod 755 "$STATE"; fi
  if [ ! -f "$PGDATA/PG_VERSION" ]; then
    log "initialising PostgreSQL cluster in $PGDATA"
    mkdir -p "$PGDATA"
    [ "$(id -u)" = "0" ] && chown postgres "$PGDATA"
    as_pg "$bindir/initdb" -D "$PGDATA" -U ferretdb --auth=trust -E UTF8 >/dev/null
  fi
  if ! as_pg "$bindir/pg_ctl" -D "$PGDATA" status >/dev/null 2>&1; then
    as_pg "$bindir/pg_ctl" -D "$PGDATA" -l "$LOGS/postgres.log" -w -t 60 \
      -o "-p $PG_PORT -c listen_addresses=127.0.0.1 -k /tmp -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200" start >/dev/null
  fi
  if ! as_pg "$bindir/psql" -h 127.0.0.1 -p "$PG_PORT" -U ferretdb -d postgres -tAc "SELECT 1 FROM pg_database WHERE datname='ferretdb'" | grep -q 1; then
    as_pg "$bindir/createdb" -h 127.0.0.1 -p "$PG_PORT" -U ferretdb ferretdb
  fi
}

start() {
  if port_open "$FERRETDB_ADDR"; then log "already answering on $FERRETDB_ADDR"; return 0; fi
  ensure_postgres_installed
  ensure_ferretdb_built
  start_postgres
  mkdir -p "$LOGS"
  log "starting FerretDB $FERRETDB_VERSION on $FERRETDB_ADDR"
  nohup "$BIN" --listen-addr="$FERRETDB_ADDR" --handler=postgresql \
    --postgresql-url="postgres://ferretdb@127.0.0.1:$PG_PORT/ferretdb?pool_max_conns=50" \
    --telemetry=disable --log-level=warn --state-dir="$STATE" \
    --debug-addr=- >"$LOGS/ferretdb.log" 2>&1 &
  echo $! >"$STATE/ferretdb.pid"
  for _ in $(seq 1 100); do
    port_open "$FERRETDB_ADDR" && { log "ready"; return 0; }
    sleep 0.2
  done
  log "FerretDB did not start; see $LOGS/ferretdb.log"; tail -n 20 "$LOGS/ferretdb.log" >&2; exit 1
}

stop() {
  if [ -f "$STATE/ferretdb.pid" ]; then
    kill "$(cat "$STATE/ferretdb.pid")" 2>/dev/null || true
    rm -f "$STATE/ferretdb.pid"
  fi
  local bindir; bindir="$(pg_bindir || true)"
  if [ -n "$bindir" ] && [ -f "$PGDATA/PG_VERSION" ]; then
    as_pg "$bindir/pg_ctl" -D "$PGDATA" -m fast stop >/dev/null 2>&1 || true
  fi
  log "stopped"
}

stop_storage() {
  local bindir; bindir="$(pg_bindir)"
  as_pg "$bindir/pg_ctl" -D "$PGDATA" -m fast -w stop >/dev/null
  log "PostgreSQL stopped; FerretDB still answers on $FERRETDB_ADDR"
}

# FerretDB v1 pushes an equality filter down to PostgreSQL as `(_jsonb -> 'f') @> 'value'`, which
# the btree expression indexes it creates for createIndexes cannot serve: every lookup by _id is a
# sequential scan of the collection's table (about 150 ms at 100,000 customers). A GIN jsonb_path_ops
# index on `_jsonb -> '_id'` serves that operator. This adds one to every collection table of database
# DB (a PostgreSQL schema) so the benchmark measures CRMS, not that scan; MongoDB's own _id index does
# the same job there. FerretDB does not know these indexes (listIndexes does not show them); dropping
# the database drops them. Idempotent.
id_indexes() {
  local db="$1" bindir; bindir="$(pg_bindir)"
  [[ "$db" =~ ^[A-Za-z0-9_]+$ ]] || { log "id-indexes: bad database name '$db'"; exit 2; }
  as_pg "$bindir/psql" -h 127.0.0.1 -p "$PG_PORT" -U ferretdb -d ferretdb -v ON_ERROR_STOP=1 -q <<SQL
DO \$\$
DECLARE t record;
BEGIN
  FOR t IN SELECT tablename FROM pg_tables WHERE schemaname = '$db' AND tablename NOT LIKE '\_ferretdb%' LOOP
    EXECUTE format('CREATE INDEX IF NOT EXISTS %I ON %I.%I USING gin ((_jsonb -> %L) jsonb_path_ops)',
                   left(t.tablename, 50) || '_id_gin', '$db', t.tablename, '_id');
    EXECUTE format('ANALYZE %I.%I', '$db', t.tablename);
  END LOOP;
END
\$\$;
SQL
  log "id-indexes: GIN indexes on _id in every collection of $db"
}

# FerretDB v1 answers a read that runs past its maxTimeMS with MaxTimeMSExpired, but the PostgreSQL
# query behind it goes on (seen: 16 full-table SELECTs of 1,000,000 documents still running 4-9
# minutes after their clients had been answered), and FerretDB holds every row it reads: 20+ GiB,
# then the kernel kills it. This cancels FerretDB's PostgreSQL reads running longer than S seconds,
# which no client can still be waiting for when S exceeds the benchmark's request timeout.
cancel_stale() {
  local seconds="$1" bindir; bindir="$(pg_bindir)"
  [[ "$seconds" =~ ^[0-9]+$ ]] || { log "cancel-stale: seconds must be a number"; exit 2; }
  as_pg "$bindir/psql" -h 127.0.0.1 -p "$PG_PORT" -U ferretdb -d ferretdb -tAq -c \
    "SELECT count(pg_cancel_backend(pid)) FROM pg_stat_activity WHERE datname = 'ferretdb' AND state = 'active' AND pid <> pg_backend_pid() AND query LIKE 'SELECT %' AND now() - query_start > interval '$seconds seconds'"
}

case "${1:-start}" in
  start) start ;;
  stop) stop ;;
  status) port_open "$FERRETDB_ADDR" ;;
  stop-storage) stop_storage ;;
  start-storage) start_postgres ;;
  id-indexes) id_indexes "${2:?database name}" ;;
  cancel-stale) cancel_stale "${2:?seconds}" ;;
  *) echo "usage: $0 start|stop|status|stop-storage|start-storage|id-indexes DB|cancel-stale SECONDS" >&2; exit 2 ;;
esac
