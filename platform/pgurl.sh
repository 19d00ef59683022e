# Shell helpers for platform/backup.sh and platform/restore.sh (sourced, not run).
# DATABASE_URL is Django's (postgis://user:password@host:port/name?host=/socket/dir); libpq reads
# the same URL once its scheme is postgresql://.

# The URL as libpq takes it.
libpq_url() {
  case "$1" in
    postgis://*) echo "postgresql://${1#postgis://}" ;;
    postgres://* | postgresql://*) echo "$1" ;;
    *) echo "not a PostgreSQL URL: $1" >&2; return 1 ;;
  esac
}

_after_scheme() { echo "${1#*://}"; }
_authority() { local rest; rest="$(_after_scheme "$1")"; echo "${rest%%/*}"; }
_path_query() {
  local rest; rest="$(_after_scheme "$1")"
  case "$rest" in */*) echo "${rest#*/}" ;; *) echo "" ;; esac
}
_query() { local pq; pq="$(_path_query "$1")"; case "$pq" in *\?*) echo "?${pq#*\?}" ;; *) echo "" ;; esac; }

# The database's name.
db_name() { local pq; pq="$(_path_query "$1")"; echo "${pq%%\?*}"; }

# Where it is, without user or password: host[:port], or the socket directory.
db_host() {
  local authority host
  authority="$(_authority "$1")"
  host="${authority##*@}"
  if [ -n "$host" ]; then echo "$host"; return; fi
  case "$(_query "$1")" in
    *host=*) host="$(_query "$1")"; host="${host#*host=}"; echo "${host%%&*}" ;;
    *) echo "local socket" ;;
  esac
}

# The same server's maintenance database (postgres), to create or drop another database.
maintenance_url() { echo "postgresql://$(_authority "$1")/postgres$(_query "$1")"; }

# The same server, another database.
with_db_name() { echo "postgresql://$(_authority "$1")/$2$(_query "$1")"; }

# A PostgreSQL program: from PGBIN (the project's cluster's version) when there, else PATH.
pg_tool() {
  local bin="${PGBIN:-/usr/lib/postgresql/15/bin}"
  if [ -x "$bin/$1" ]; then echo "$bin/$1"; else command -v "$1"; fi
}
