"""Development on a developer's machine: the base settings; DEBUG only when asked for."""

from config.settings.base import *  # noqa: F403
from config.settings.base import BASE_DIR, env
from config.settings.environment import secret_key_file

# This installation's own key, made on first run (`make run` does it too) and never committed:
# the repository publishes no key that could sign anyone's sessions or confirmation links.
SECRET_KEY = env("SECRET_KEY", default="") or secret_key_file(BASE_DIR / ".local" / "secret_key")
