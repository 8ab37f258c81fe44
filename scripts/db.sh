#!/usr/bin/env bash
# Local MongoDB-compatible database for development and tests:
# FerretDB v1.24.2 (built from the Go module proxy) on PostgreSQL (Debian's packages).
#   scripts/db.sh start   start it in the background unless it already answers (idempotent)
#   scripts/db.sh stop    stop FerretDB and its PostgreSQL
#   scripts/db.sh status  exit 0 when it answers
#   scripts/db.sh stop-storage / start-storage   stop or start only its PostgreSQL (FerretDB keeps
#                         answering on its port; the database-fault tests use a private instance)
#   scripts/db.sh lookup-indexes  the PostgreSQL indexes FerretDB's equality lookups need (run by start)
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
  if port_open "$FERRETDB_ADDR"; then
    log "already answering on $FERRETDB_ADDR"
    if pg_bindir >/dev/null && port_open "127.0.0.1:$PG_PORT"; then
      lookup_indexes || log "could not add the lookup indexes (GET by id will read whole collections)"
    fi
    return 0
  fi
  ensure_postgres_installed
  ensure_ferretdb_built
  start_postgres
  lookup_indexes
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

# The fields CRMS looks documents up by equality (src/data/indexes.ts EQUALITY_LOOKUP_FIELDS; a test
# keeps the two lists equal): `_id` (customers, idempotency keys, write locks), `userId` (GET /me, the
# internal user routes), `authSyncPending` (the Auth-sync outbox and its backlog count),
# `isAdministrator` (the administrators' records, left out of the list's total), `hasPendingEvents` (the
# event outbox's drain) and `status` (due event deliveries and their backlog count).
LOOKUP_FIELDS=(_id userId authSyncPending isAdministrator hasPendingEvents status)

# FerretDB v1 pushes an equality filter down to PostgreSQL as `(_jsonb -> 'f') @> 'value'`, which the
# btree expression indexes it creates for createIndexes cannot serve: without more, every lookup by
# _id or userId is a sequential scan of the collection's table (GET by id: about 1.3 s at 100,000
# customers, docs/read-paths.md). A GIN jsonb_path_ops index on `_jsonb -> 'f'` serves that operator.
# This installs, in FerretDB's PostgreSQL database, a function that adds one per lookup field to a
# collection table, an event trigger that runs it for every table FerretDB creates (so each new
# database and collection gets them in the same transaction), and adds the missing ones to the tables
# that exist already. FerretDB does not know these indexes (listIndexes does not show them); dropping
# the collection or database drops them. MongoDB's own _id and userId_unique indexes do the same job
# there. Idempotent; run by `start`, also when FerretDB answers already.
lookup_indexes() {
  local bindir fields; bindir="$(pg_bindir)"
  fields="$(printf "'%s'," "${LOOKUP_FIELDS[@]}")"
  as_pg "$bindir/psql" -h 127.0.0.1 -p "$PG_PORT" -U ferretdb -d ferretdb -v ON_ERROR_STOP=1 -q <<SQL
CREATE OR REPLACE FUNCTION public.crms_lookup_indexes(target oid) RETURNS integer LANGUAGE plpgsql AS \$\$
DECLARE
  t record;
  f text;
  created integer := 0;
BEGIN
  SELECT n.nspname AS schema, c.relname AS name INTO t
    FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
   WHERE c.oid = target AND c.relkind = 'r' AND c.relname NOT LIKE '\_ferretdb%'
     AND n.nspname NOT IN ('public', 'pg_catalog', 'information_schema', 'pg_toast');
  IF NOT FOUND THEN RETURN 0; END IF;
  FOREACH f IN ARRAY ARRAY[${fields%,}]::text[] LOOP
    -- named after the table and the field (FerretDB's own index names end in _idx)
    IF to_regclass(format('%I.%I', t.schema, left(t.name, 40) || '_' || lower(ltrim(f, '_')) || '_gin')) IS NULL THEN
      EXECUTE format('CREATE INDEX %I ON %I.%I USING gin ((_jsonb -> %L) jsonb_path_ops)',
                     left(t.name, 40) || '_' || lower(ltrim(f, '_')) || '_gin', t.schema, t.name, f);
      created := created + 1;
    END IF;
  END LOOP;
  RETURN created;
END
\$\$;

-- never fails FerretDB's CREATE TABLE: a failure leaves the table without the lookup indexes
CREATE OR REPLACE FUNCTION public.crms_on_create_table() RETURNS event_trigger LANGUAGE plpgsql AS \$\$
DECLARE obj record;
BEGIN
  FOR obj IN SELECT objid FROM pg_event_trigger_ddl_commands() WHERE command_tag = 'CREATE TABLE' AND object_type = 'table' LOOP
    BEGIN
      PERFORM public.crms_lookup_indexes(obj.objid);
    EXCEPTION WHEN others THEN
      RAISE WARNING 'crms lookup indexes for table %: %', obj.objid::regclass, SQLERRM;
    END;
  END LOOP;
END
\$\$;

DO \$\$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_event_trigger WHERE evtname = 'crms_lookup_indexes') THEN
    CREATE EVENT TRIGGER crms_lookup_indexes ON ddl_command_end WHEN TAG IN ('CREATE TABLE')
      EXECUTE FUNCTION public.crms_on_create_table();
  END IF;
END
\$\$;

-- the tables that exist already (a database dropped meanwhile is skipped; a table busy for more than
-- 10 s is left for the next start)
SET lock_timeout = '10s';
DO \$\$
DECLARE c record;
BEGIN
  FOR c IN SELECT oid FROM pg_class WHERE relkind = 'r' AND relname NOT LIKE '\_ferretdb%'
            AND relnamespace IN (SELECT relnamespace FROM pg_class WHERE relname = '_ferretdb_database_metadata') LOOP
    BEGIN
      IF public.crms_lookup_indexes(c.oid) > 0 THEN EXECUTE format('ANALYZE %s', c.oid::regclass); END IF;
    EXCEPTION WHEN others THEN
      RAISE NOTICE 'crms lookup indexes skipped for table %: %', c.oid, SQLERRM;
    END;
  END LOOP;
END
\$\$;
SQL
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
  lookup-indexes) lookup_indexes ;;
  cancel-stale) cancel_stale "${2:?seconds}" ;;
  *) echo "usage: $0 start|stop|status|stop-storage|start-storage|lookup-indexes|cancel-stale SECONDS" >&2; exit 2 ;;
esac
