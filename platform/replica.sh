#!/usr/bin/env bash
# A PostgreSQL primary, a streaming replica of it and PgBouncer (transaction pooling) in front of
# the primary, all from Debian's binaries, under .local/ (docs/deployment.md, decision 0028).
# Each listens only on a Unix socket of its own (.local/pg-primary/run, .local/pg-replica/run,
# .local/pgbouncer/run), so nothing collides with the project's own cluster (localdb.sh) or a
# system PostgreSQL. A second `start` only checks that each is running.
# Usage: platform/replica.sh start|stop|status|url
#   url prints the app's environment for them: DATABASE_URL (through PgBouncer),
#   DATABASE_REPLICA_URL and DATABASE_POOL, e.g. `export $(platform/replica.sh url)`.
# REPLICA_BASE (default .local) puts the three folders elsewhere (the tests use a temporary one);
# YHDESSA_DB_NAME names the database (yhdessa).
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
pgbin="${PGBIN:-/usr/lib/postgresql/15/bin}"
pgbouncer_bin="${PGBOUNCER:-/usr/sbin/pgbouncer}"
base="${REPLICA_BASE:-$root/.local}"
db="${YHDESSA_DB_NAME:-yhdessa}"
primary="$base/pg-primary"
replica="$base/pg-replica"
bouncer="$base/pgbouncer"
# The sockets' names (.s.PGSQL.<port>); no TCP port is opened.
primary_port="${PRIMARY_PORT:-5433}"
replica_port="${REPLICA_PORT:-5434}"
bouncer_port="${PGBOUNCER_PORT:-6432}"
slot="yhdessa_replica"
# YHDESSA_PG_FSYNC=off (the tests): nothing waits for the disk; a crash may lose the clusters.
nosync=()
[ "${YHDESSA_PG_FSYNC:-on}" = off ] && nosync=(--no-sync)

as_owner() {
  if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}
owner() { if [ "$(id -u)" -eq 0 ]; then echo postgres; else id -un; fi; }
psql_primary() { "$pgbin/psql" -X -q -tA -h "$primary/run" -p "$primary_port" -U "$(owner)" "$@"; }
running() { [ -s "$1/data/PG_VERSION" ] && as_owner "$pgbin/pg_ctl" -D "$1/data" status >/dev/null 2>&1; }

# As root the servers run as `postgres`, which must be able to reach $base (search only, o+x).
let_postgres_in() {
  [ "$(id -u)" -eq 0 ] || return 0
  runuser -u postgres -- test -x "$base" 2>/dev/null && return 0
  local dir="" part
  IFS=/ read -ra parts <<<"${base#/}"
  for part in "${parts[@]}"; do
    dir="$dir/$part"
    runuser -u postgres -- test -x "$dir" 2>/dev/null || chmod o+x "$dir"
  done
}

# A folder the servers' user owns.
owned_dir() {
  mkdir -p "$@"
  if [ "$(id -u)" -eq 0 ]; then chown postgres:postgres "$@"; fi
  chmod 700 "$@"
}

start_server() { # folder
  [ "$(id -u)" -eq 0 ] && { touch "$1/postgres.log"; chown postgres "$1/postgres.log"; }
  running "$1" || as_owner "$pgbin/pg_ctl" -D "$1/data" -l "$1/postgres.log" -w -t 60 start >/dev/null
}

start_primary() {
  if [ ! -s "$primary/data/PG_VERSION" ]; then
    rm -rf "$primary/data"
    owned_dir "$primary" "$primary/data" "$primary/run"
    as_owner "$pgbin/initdb" -D "$primary/data" -U "$(owner)" --auth=trust -E UTF8 \
      --locale=C.UTF-8 "${nosync[@]}" >/dev/null
    # initdb's pg_hba.conf already lets local users connect and replicate (trust, socket only).
    cat >>"$primary/data/postgresql.conf" <<CONF
listen_addresses = ''
port = $primary_port
unix_socket_directories = '$primary/run'
wal_level = replica
max_wal_senders = 5
max_replication_slots = 5
# What the app sets per session when it connects directly (DATABASE_SESSION_OPTIONS), here for
# every session: PgBouncer passes no startup options through (decision 0028).
max_parallel_workers_per_gather = 0
jit = off
timezone = 'UTC'
max_connections = 200
fsync = ${YHDESSA_PG_FSYNC:-on}
CONF
  fi
  start_server "$primary"
  if [ -z "$(psql_primary -d postgres -c "select 1 from pg_database where datname='$db'")" ]; then
    psql_primary -d postgres -c "create database \"$db\""
  fi
  psql_primary -d "$db" -c "create extension if not exists postgis" 2>/dev/null
}

start_replica() {
  if [ ! -s "$replica/data/PG_VERSION" ]; then
    rm -rf "$replica/data"
    owned_dir "$replica" "$replica/data" "$replica/run"
    # A slot keeps the WAL the replica has not received yet; an old one (of a replica whose
    # folder was removed) is dropped first.
    psql_primary -d postgres -c \
      "select pg_drop_replication_slot('$slot') from pg_replication_slots where slot_name='$slot'" \
      >/dev/null
    # -R writes standby.signal and primary_conninfo; -C -S creates the slot; -X stream copies
    # the WAL written during the copy. PostGIS and the database come with the copy.
    as_owner "$pgbin/pg_basebackup" -h "$primary/run" -p "$primary_port" -U "$(owner)" \
      -D "$replica/data" -R -X stream -C -S "$slot" -c fast "${nosync[@]}"
    cat >>"$replica/data/postgresql.conf" <<CONF
port = $replica_port
unix_socket_directories = '$replica/run'
hot_standby = on
# The primary keeps rows the replica's running queries still read, instead of the replica
# cancelling them (the router falls back to the primary when one is cancelled anyway).
hot_standby_feedback = on
CONF
  fi
  start_server "$replica"
}

bouncer_pid() { [ -s "$bouncer/pgbouncer.pid" ] && cat "$bouncer/pgbouncer.pid"; }
# Running, and that process is PgBouncer (a stale pid file may name someone else's process).
bouncer_running() {
  local pid
  pid="$(bouncer_pid)" && [ "$(cat "/proc/$pid/comm" 2>/dev/null)" = pgbouncer ]
}

start_bouncer() {
  owned_dir "$bouncer" "$bouncer/run"
  # Written each start from platform/pgbouncer.ini (the template a deployment starts from).
  sed -e "s|@PRIMARY_SOCKET@|$primary/run|g" -e "s|@PRIMARY_PORT@|$primary_port|g" \
    -e "s|@USER@|$(owner)|g" -e "s|@RUN@|$bouncer/run|g" -e "s|@PORT@|$bouncer_port|g" \
    -e "s|@DIR@|$bouncer|g" "$root/platform/pgbouncer.ini" >"$bouncer/pgbouncer.ini"
  [ "$(id -u)" -eq 0 ] && chown postgres "$bouncer/pgbouncer.ini"
  if ! bouncer_running; then
    # PgBouncer refuses to run as root; -d: in the background once it listens.
    as_owner "$pgbouncer_bin" -d -q "$bouncer/pgbouncer.ini"
  fi
  local i
  for i in $(seq 50); do
    [ -S "$bouncer/run/.s.PGSQL.$bouncer_port" ] && return 0
    sleep 0.1
  done
  echo "replica.sh: PgBouncer did not start; see $bouncer/pgbouncer.log" >&2
  return 1
}

start() {
  mkdir -p "$base"
  let_postgres_in
  start_primary
  start_replica
  start_bouncer
}

stop() {
  local pid
  if bouncer_running; then
    pid="$(bouncer_pid)"
    kill -INT "$pid" # PgBouncer's immediate shutdown
    while kill -0 "$pid" 2>/dev/null; do sleep 0.05; done
  fi
  local dir
  for dir in "$replica" "$primary"; do
    if running "$dir"; then
      as_owner "$pgbin/pg_ctl" -D "$dir/data" -m "${PG_STOP_MODE:-fast}" -w stop >/dev/null
    fi
  done
}

status() {
  local state=0
  if running "$primary"; then echo "primary: running ($primary/run)"; else echo "primary: stopped"; state=3; fi
  if running "$replica"; then
    echo "replica: running ($replica/run), in recovery: $("$pgbin/psql" -X -tA -h "$replica/run" \
      -p "$replica_port" -U "$(owner)" -d postgres -c 'select pg_is_in_recovery()')"
  else
    echo "replica: stopped"; state=3
  fi
  if bouncer_running; then echo "pgbouncer: running ($bouncer/run)"; else echo "pgbouncer: stopped"; state=3; fi
  return $state
}

url() {
  echo "DATABASE_URL=postgis://$(owner)@/$db?host=$bouncer/run&port=$bouncer_port"
  echo "DATABASE_REPLICA_URL=postgis://$(owner)@/$db?host=$replica/run&port=$replica_port"
  echo "DATABASE_POOL=pgbouncer"
}

case "${1:-}" in
  start) start ;;
  stop) stop ;;
  status) status ;;
  url) url ;;
  *) echo "usage: $0 start|stop|status|url" >&2; exit 2 ;;
esac
