"""The bench's settings (BENCH_BASE_SETTINGS, else config.settings.local) with server-side cursors
off, as behind PgBouncer in transaction mode: the exports bench's worker reads in chunks by id."""

import importlib
import os

_base = importlib.import_module(os.environ.get("BENCH_BASE_SETTINGS", "config.settings.local"))
globals().update({name: value for name, value in vars(_base).items() if name.isupper()})
DATABASES = {**_base.DATABASES}
DATABASES["default"] = {**DATABASES["default"], "DISABLE_SERVER_SIDE_CURSORS": True}
