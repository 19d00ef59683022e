#!/usr/bin/env sh
# Container start: wait for the database; then the web container (MIGRATE=true, the default)
# migrates and optionally loads the demo, while the worker (MIGRATE=false) waits until every
# migration is applied, so two containers never migrate at once. Then run the command.
set -eu
for attempt in $(seq 1 30); do
  python -c "import django, os; django.setup(); from django.db import connection; connection.ensure_connection()" 2>/dev/null && break
  echo "waiting for the database ($attempt)"; sleep 2
done
if [ "${MIGRATE:-true}" = "true" ]; then
  python manage.py migrate --noinput
  python manage.py createcachetable
  # The demo is opt-in: under production settings its accounts get random passwords, printed once.
  if [ "${LOAD_DEMO:-false}" = "true" ]; then python manage.py load_demo; fi
else
  for attempt in $(seq 1 150); do
    python manage.py migrate --check >/dev/null 2>&1 && break
    echo "waiting for the web container to migrate ($attempt)"; sleep 2
  done
  python manage.py migrate --check >/dev/null
fi
exec "$@"
