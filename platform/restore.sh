#!/usr/bin/env bash
# Restore a folder written by platform/backup.sh: the database, then the uploaded files.
#
# Usage: platform/restore.sh <backup folder> [--fresh]     (or: make restore BACKUP=<folder>)
#   DATABASE_URL: the database to restore into (default: the project's own cluster). Missing, it
#                 is created. Existing, its objects are replaced by the backup's (pg_restore
#                 --clean --if-exists) in one transaction: a failure leaves it as it was.
#                 --fresh drops it first (closing its connections) and restores into a new one,
#                 so nothing newer than the backup survives.
#   MEDIA_ROOT:   the uploads folder (default: .local/media); its content becomes the backup's.
#   AWS_STORAGE_BUCKET_NAME: set, the bucket's content becomes the backup's instead, through the
#                 app's storage (`manage.py media_archive import`, PYTHON as for backup.sh).
#
# Stop the web app and the worker first: a restore under their feet serves a mix of both states.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
# shellcheck source=platform/pgurl.sh
. "$root/platform/pgurl.sh"

usage() { echo "usage: $0 <backup folder> [--fresh]" >&2; exit 2; }
[ $# -ge 1 ] || usage
src="$1"
fresh=false
case "${2:-}" in --fresh) fresh=true ;; "") ;; *) usage ;; esac

url="$(libpq_url "${DATABASE_URL:-$("$root/platform/localdb.sh" url)}")"
media="${MEDIA_ROOT:-$root/.local/media}"
db="$(db_name "$url")"
maintenance="$(maintenance_url "$url")"
psql_() { "$(pg_tool psql)" -X -q -v ON_ERROR_STOP=1 --no-password "$@"; }

# 1. The backup is whole and unchanged, before anything is touched.
[ -d "$src" ] || { echo "restore: no folder $src" >&2; exit 1; }
if [ -e "$src/INCOMPLETE" ] || [ ! -s "$src/SHA256SUMS" ]; then
  echo "restore: $src is not a complete backup" >&2
  exit 1
fi
(cd "$src" && sha256sum --quiet --check SHA256SUMS) || {
  echo "restore: $src does not match its SHA256SUMS" >&2
  exit 1
}

# 2. The files are unpacked first, inside MEDIA_ROOT (the same file system, and writable where
#    its parent may not be, as a container's volume): a broken archive stops here. A bucket's
#    archive is read through instead.
bucket="${AWS_STORAGE_BUCKET_NAME:-}"
if [ -n "$bucket" ]; then
  tar -tzf "$src/media.tar.gz" >/dev/null
else
  mkdir -p "$media"
  staging="$(mktemp -d "$media/.restore.XXXXXX")"
  trap 'rm -rf "$staging"' EXIT
  tar -C "$staging" -xzf "$src/media.tar.gz"
fi

# 3. The database.
exists() {
  psql_ "$maintenance" -tAc "SELECT 1 FROM pg_database WHERE datname = '${db//\'/\'\'}'" | grep -q 1
}
quoted="\"${db//\"/\"\"}\""
if $fresh && exists; then
  psql_ "$maintenance" -c "DROP DATABASE $quoted WITH (FORCE)"
fi
if ! exists; then
  psql_ "$maintenance" -c "CREATE DATABASE $quoted"
fi
"$(pg_tool pg_restore)" --clean --if-exists --no-owner --no-acl --single-transaction \
  --exit-on-error --no-password --dbname="$url" "$src/db.dump"

# 4. The files: MEDIA_ROOT keeps its place (it may be a mounted volume), its content is replaced;
#    a bucket is made to hold exactly the archive's files.
if [ -n "$bucket" ]; then
  python="${PYTHON:-$( [ -x "$root/.venv/bin/python" ] && echo "$root/.venv/bin/python" || echo python3)}"
  "$python" "$root/manage.py" media_archive import "$src/media.tar.gz" >/dev/null
  media="bucket $bucket"
else
  find "$media" -mindepth 1 -maxdepth 1 ! -path "$staging" -exec rm -rf {} +
  find "$staging" -mindepth 1 -maxdepth 1 -exec mv -t "$media" {} +
  rmdir "$staging"
fi

echo "restored $src into database $db on $(db_host "$url") and $media"
