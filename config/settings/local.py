"""Development on a developer's machine: the base settings; DEBUG only when asked for."""

from config.settings.base import *  # noqa: F403
