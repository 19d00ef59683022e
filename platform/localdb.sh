#!/usr/bin/env bash
# The project's own PostGIS cluster under .local/pg, reachable only through a Unix socket in
# .local/pg/run, so it never collides with a system PostgreSQL.
# Usage: platform/localdb.sh start|stop|status|url
# PostgreSQL refuses to run as root; as root the cluster belongs to the `postgres` system user.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
pgbin="${PGBIN:-/usr/lib/postgresql/15/bin}"
base="$root/.local/pg"
data="$base/data"
sock="$base/run"
log="$base/postgres.log"
db="${YHDESSA_DB_NAME:-yhdessa}"

as_owner() {
  if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}
owner() { if [ "$(id -u)" -eq 0 ]; then echo postgres; else id -un; fi; }

psql_() { "$pgbin/psql" -X -q -h "$sock" -U "$(owner)" "$@"; }

# As root the cluster runs as `postgres`, which must be able to reach .local/pg: a checkout in a
# private folder (mode 700) gets search-only permission (o+x) on its ancestors, nothing more.
let_postgres_in() {
  [ "$(id -u)" -eq 0 ] || return 0
  runuser -u postgres -- test -x "$base" 2>/dev/null && return 0
  local dir="" part
  IFS=/ read -ra parts <<<"${base#/}"
  for part in "${parts[@]}"; do
    dir="$dir/$part"
    if ! runuser -u postgres -- test -x "$dir" 2>/dev/null; then
      echo "localdb: letting the postgres user pass through $dir (o+x)" >&2
      chmod o+x "$dir"
    fi
  done
}

start() {
  mkdir -p "$base"
  let_postgres_in
  if [ ! -s "$data/PG_VERSION" ]; then
    mkdir -p "$data" "$sock"
    [ "$(id -u)" -eq 0 ] && chown -R postgres:postgres "$data" "$sock"
    chmod 700 "$data" "$sock"
    as_owner "$pgbin/initdb" -D "$data" -U "$(owner)" --auth=trust -E UTF8 --locale=C.UTF-8 >/dev/null
    cat >>"$data/postgresql.conf" <<CONF
listen_addresses = ''
unix_socket_directories = '$sock'
# Parallel query slows map queries on small machines (see ARCHITECTURE.md).
max_parallel_workers_per_gather = 0
# make test runs a pytest worker per core, each with its live server and a 50-client test.
max_connections = 300
fsync = ${YHDESSA_PG_FSYNC:-on}
CONF
  fi
  [ "$(id -u)" -eq 0 ] && { touch "$log"; chown postgres "$log"; }
  if ! as_owner "$pgbin/pg_ctl" -D "$data" status >/dev/null 2>&1; then
    as_owner "$pgbin/pg_ctl" -D "$data" -l "$log" -w -t 60 start >/dev/null
  fi
  if ! psql_ -d postgres -tAc "select 1 from pg_database where datname='$db'" | grep -q 1; then
    psql_ -d postgres -c "create database \"$db\""
  fi
  psql_ -d "$db" -c "create extension if not exists postgis" 2>/dev/null
}

stop() {
  if [ -s "$data/PG_VERSION" ] && as_owner "$pgbin/pg_ctl" -D "$data" status >/dev/null 2>&1; then
    as_owner "$pgbin/pg_ctl" -D "$data" -m fast -w stop >/dev/null
  fi
}

case "${1:-}" in
  start) start ;;
  stop) stop ;;
  status) as_owner "$pgbin/pg_ctl" -D "$data" status ;;
  url) echo "postgis://$(owner)@/$db?host=$sock" ;;
  *) echo "usage: $0 start|stop|status|url" >&2; exit 2 ;;
esac
