#!/usr/bin/env bash
# Installs the Debian packages Yhdessä needs, only those missing, so a second run costs nothing.
# Usage: platform/install-debian.sh [run|test|replica]
set -euo pipefail
# libvoikko1 and voikko-fi: Finnish base forms for word counts and search (decision 0032).
# ffmpeg: stories' videos transcoded, probed and the demo's video made; espeak-ng: the demo
# video's Finnish narration; fonts-dejavu-core: its slides' text (decision 0037).
want=(postgresql-15 postgresql-15-postgis-3 gdal-bin libgdal32 libgeos-c1v5 libproj25 gettext python3-venv libvoikko1 voikko-fi ffmpeg espeak-ng fonts-dejavu-core)
if [ "${1:-run}" = test ]; then
  # pgbouncer and redis-server: the scale-out tests start the real ones (decision 0028).
  # python3-gdal: GDAL's GeoPackage validator, run on the export with /usr/bin/python3 (0043).
  want+=(chromium fonts-dejavu-core pgbouncer redis-server python3-gdal)
fi
# make replica: PgBouncer beside PostgreSQL's own binaries (decision 0028).
if [ "${1:-run}" = replica ]; then want+=(pgbouncer); fi
missing=()
for pkg in "${want[@]}"; do
  dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
done
# Node.js and npm (the maps' front-end build): Debian's packages unless the machine already has
# both commands, from whatever source (a NodeSource nodejs conflicts with Debian's npm package).
if ! command -v node >/dev/null || ! command -v npm >/dev/null; then
  for pkg in nodejs npm; do
    dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
  done
fi
[ ${#missing[@]} -eq 0 ] && exit 0
if ! command -v apt-get >/dev/null; then
  echo "Missing packages (${missing[*]}) and no apt-get: install them by hand or set DATABASE_URL." >&2
  exit 1
fi
sudo=""
[ "$(id -u)" -eq 0 ] || sudo="sudo"
echo "Installing Debian packages: ${missing[*]}"
$sudo apt-get update -qq
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
