#!/usr/bin/env sh
# Container start: wait for the database, migrate, optionally load the demo, then run the command.
set -eu
for attempt in $(seq 1 30); do
  python -c "import django, os; django.setup(); from django.db import connection; connection.ensure_connection()" 2>/dev/null && break
  echo "waiting for the database ($attempt)"; sleep 2
done
python manage.py migrate --noinput
python manage.py createcachetable
if [ "${LOAD_DEMO:-false}" = "true" ]; then python manage.py load_demo; fi
exec "$@"
