#!/usr/bin/env bash
# A backup of the database and the uploaded files, into one folder:
#   db.dump          pg_dump's custom format (-Fc) of DATABASE_URL
#   media.tar.gz     MEDIA_ROOT (photos, pilots' photos, story videos)
#   SHA256SUMS       checked by platform/restore.sh before it changes anything
#   MANIFEST         when, from which database and host, and how big
#
# Usage: platform/backup.sh [folder]           (or: make backup)
#   folder: default $BACKUP_DIR/<UTC time>, BACKUP_DIR defaulting to .local/backups
#   DATABASE_URL: the database to dump (default: the project's own cluster, platform/localdb.sh)
#   MEDIA_ROOT:   the uploads folder (default: .local/media, as config/settings/base.py)
#   AWS_STORAGE_BUCKET_NAME: set, the uploads are in that bucket (docs/decisions/0029) and are
#                 archived through the app's storage (`manage.py media_archive export`, with
#                 PYTHON, default .venv/bin/python or python3, and the app's settings), same layout
#
# The database is dumped first (one consistent snapshot), the files after: a photo uploaded in
# between is then an extra file (photos_sweep removes it), never a row without its file.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
# shellcheck source=platform/pgurl.sh
. "$root/platform/pgurl.sh"

url="$(libpq_url "${DATABASE_URL:-$("$root/platform/localdb.sh" url)}")"
media="${MEDIA_ROOT:-$root/.local/media}"
dest="${1:-${BACKUP_DIR:-$root/.local/backups}/$(date -u +%Y%m%dT%H%M%SZ)}"

if [ -e "$dest" ] && [ -n "$(ls -A "$dest" 2>/dev/null)" ]; then
  echo "backup: $dest exists and is not empty; choose another folder" >&2
  exit 1
fi
mkdir -p "$dest"
# Until the backup is whole, the folder says so; a failed run leaves it marked, never "done".
touch "$dest/INCOMPLETE"
trap 'echo "backup: failed; $dest is incomplete" >&2' ERR

started="$(date -u +%Y-%m-%dT%H:%M:%SZ)"
"$(pg_tool pg_dump)" --format=custom --compress=6 --no-password --file="$dest/db.dump" "$url"

if [ -n "${AWS_STORAGE_BUCKET_NAME:-}" ]; then
  python="${PYTHON:-$( [ -x "$root/.venv/bin/python" ] && echo "$root/.venv/bin/python" || echo python3)}"
  "$python" "$root/manage.py" media_archive export "$dest/media.tar.gz" >/dev/null
  media="bucket $AWS_STORAGE_BUCKET_NAME"
elif [ -d "$media" ]; then
  tar -C "$media" -czf "$dest/media.tar.gz" .
else
  echo "backup: no media folder at $media; the archive is empty" >&2
  tar -czf "$dest/media.tar.gz" -T /dev/null
fi

(cd "$dest" && sha256sum db.dump media.tar.gz >SHA256SUMS)
{
  echo "started: $started"
  echo "finished: $(date -u +%Y-%m-%dT%H:%M:%SZ)"
  echo "database: $(db_name "$url") on $(db_host "$url")"
  echo "media: $media ($(tar -tzf "$dest/media.tar.gz" | grep -vc '/$' || true) files)"
  echo "db.dump: $(wc -c <"$dest/db.dump") bytes"
  echo "media.tar.gz: $(wc -c <"$dest/media.tar.gz") bytes"
} >"$dest/MANIFEST"
rm "$dest/INCOMPLETE"
echo "$dest"
