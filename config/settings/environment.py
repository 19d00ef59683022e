"""Helpers the settings modules share: the per-installation secret key, address lists, and the
reasons production refuses a secret key. Plain functions, no Django settings read here."""

import os
import secrets
from email.utils import getaddresses
from pathlib import Path

from django.core.exceptions import ImproperlyConfigured

# Keys that were ever written in this repository or its build files; none signs anything real.
DEVELOPMENT_KEYS = frozenset(
    {
        "dev-only-insecure-key-change-me",
        "build-only",
        "build-only-not-secret",
        "change-me",
        "secret",
    }
)
# Django's own threshold for a key it does not warn about (security.W009).
MIN_KEY_LENGTH = 50
MIN_KEY_CHARACTERS = 5


def secret_key_file(path: Path) -> str:
    """The key stored at `path`, created on first use with 50 random bytes, readable by the
    owner only (mode 600); an installation thus signs with a key nobody else has."""
    path = Path(path)
    if not path.exists():
        path.parent.mkdir(parents=True, exist_ok=True)
        try:
            descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        except FileExistsError:
            pass  # another process made it first; read theirs
        else:
            with os.fdopen(descriptor, "w") as file:
                file.write(secrets.token_urlsafe(MIN_KEY_LENGTH) + "\n")
    key = path.read_text().strip()
    if not key:
        raise ValueError(f"{path} is empty; delete it to have a new key generated.")
    return key


def weak_secret_key_reason(key: str) -> str | None:
    """Why `key` must not sign a production site, or None when it may."""
    if not key:
        return "SECRET_KEY is not set."
    if key in DEVELOPMENT_KEYS or key.startswith("django-insecure"):
        return "SECRET_KEY is a development key that is published in the repository."
    if len(key) < MIN_KEY_LENGTH or len(set(key)) < MIN_KEY_CHARACTERS:
        return (
            f"SECRET_KEY is too short or too simple (at least {MIN_KEY_LENGTH} characters, "
            f"{MIN_KEY_CHARACTERS} different ones)."
        )
    return None


def addresses(value: str) -> list[tuple[str, str]]:
    """`Name <a@example.org>, b@example.org` as Django's ADMINS: (name, address) pairs; an address
    without a name is named by itself."""
    pairs = [pair for pair in getaddresses([value]) if pair != ("", "")]
    bad = [name or address for name, address in pairs if "@" not in address]
    if bad or (value.strip() and not pairs):
        raise ImproperlyConfigured(f"Not an e-mail address list: {value!r}")
    return [(name or address, address) for name, address in pairs]
