"""Test runs: fast password hashing, in-memory e-mail, plain static storage."""

import os
import secrets
from pathlib import Path

from config.settings.base import *  # noqa: F403
from config.settings.base import BASE_DIR, DATABASES, INSTALLED_APPS, LOGGING, STORAGES, env
from config.settings.oidc import APPS as OIDC_APPS

# A new key for each test run; exported, so the servers and workers a test starts sign alike.
SECRET_KEY = os.environ.get("SECRET_KEY") or secrets.token_urlsafe(50)
os.environ["SECRET_KEY"] = SECRET_KEY

# A test's commits need not wait for the disk: its data is thrown away, and a crash would lose
# the last commits, never corrupt the database.
if "options" in DATABASES["default"].get("OPTIONS", {}):
    DATABASES["default"]["OPTIONS"]["options"] += " -c synchronous_commit=off"

PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
# E-mail takes the production path (the outbox, then a delivery task) into Django's test outbox;
# tasks run in the process (a delivery at once, a task that a change asks for at its commit).
# The worker tests start `manage.py worker` with TASKS_BACKEND and EMAIL_DELIVERY_BACKEND (SMTP
# to their own server) in its environment instead.
EMAIL_BACKEND = "config.mail.QueuedEmailBackend"
EMAIL_DELIVERY_BACKEND = env(
    "EMAIL_DELIVERY_BACKEND", default="django.core.mail.backends.locmem.EmailBackend"
)
LOGGING["handlers"]["mail_admins"]["email_backend"] = EMAIL_DELIVERY_BACKEND
_IMMEDIATE = "django_tasks.backends.immediate.ImmediateBackend"
TASKS = {"default": {"BACKEND": env("TASKS_BACKEND", default=_IMMEDIATE)}}
STORAGES = {
    **STORAGES,
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
# Serve static files from the apps' folders without collectstatic.
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True
CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
# Whatever REDIS_URL says: the Redis tests (tests/scale/test_redis.py) start their own server.
RATE_LIMIT_FALLBACK_CACHE = ""
SESSION_ENGINE = "django.contrib.sessions.backends.db"
# The demo's base map, which `load_demo` builds, in a folder of the tests' own (kept between runs,
# so a second run only reads the file's header); tests that build their own use a tmp folder.
MAP_PMTILES_DIR = Path(env("MAP_PMTILES_DIR", default=str(BASE_DIR / ".local" / "test-basemap")))
# The staff sign-in's apps are always installed in tests, so their tables exist; the provider
# itself is configured by the fixture that starts the OpenID stand-in (tests/oidc_standin.py).
INSTALLED_APPS = [*INSTALLED_APPS, *(app for app in OIDC_APPS if app not in INSTALLED_APPS)]
# A live screen's stream ends quickly in tests (the no-500 sweep, the stream's own tests); a
# server a test starts may say otherwise in its environment.
LIVE_STREAM_SECONDS = env.float("LIVE_STREAM_SECONDS", default=1)
LIVE_POLL_SECONDS = env.float("LIVE_POLL_SECONDS", default=0.1)
