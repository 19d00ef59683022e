"""Production: safe defaults, and no start at all on a setting that would be unsafe or wrong.

Each refusal is an ImproperlyConfigured naming the variable to set (docs/decisions/0016), so a
deployment fails at once and loudly instead of running with a published key, debug pages, or
e-mail links to the wrong host.
"""

from typing import NoReturn
from urllib.parse import urlsplit

from django.core.exceptions import ImproperlyConfigured

from config.settings.base import *  # noqa: F403
from config.settings.base import DEBUG, SITE_URL, env
from config.settings.environment import weak_secret_key_reason


def _refuse(message: str) -> NoReturn:
    raise ImproperlyConfigured(f"Production settings refuse to start: {message}")


SECRET_KEY = env("SECRET_KEY", default="")
if _weak := weak_secret_key_reason(SECRET_KEY):
    _refuse(
        f"{_weak} Set SECRET_KEY to a new random value, e.g. the output of "
        "python3 -c 'import secrets; print(secrets.token_urlsafe(50))'"
    )
if DEBUG:
    _refuse("DEBUG is on; its error pages show code, settings and data. Unset DEBUG.")

# https only: plain http is redirected, except the health check that the container's own
# probe sends over plain http from inside.
SECURE_SSL_REDIRECT = env.bool("SECURE_SSL_REDIRECT", default=True)
SECURE_REDIRECT_EXEMPT = [r"^healthz$"]
SECURE_HSTS_SECONDS = env.int("SECURE_HSTS_SECONDS", default=365 * 24 * 3600)
SECURE_HSTS_INCLUDE_SUBDOMAINS = env.bool("SECURE_HSTS_INCLUDE_SUBDOMAINS", default=True)
SECURE_HSTS_PRELOAD = env.bool("SECURE_HSTS_PRELOAD", default=True)
SECURE_CONTENT_TYPE_NOSNIFF = True
SESSION_COOKIE_SECURE = env.bool("SESSION_COOKIE_SECURE", default=True)
CSRF_COOKIE_SECURE = env.bool("CSRF_COOKIE_SECURE", default=True)
LANGUAGE_COOKIE_SECURE = SESSION_COOKIE_SECURE

# Links in e-mails are composed away from any request (the queue's worker): the public address
# must be known, and it names the host the site answers to unless ALLOWED_HOSTS says more.
_SITE = urlsplit(SITE_URL)
if _SITE.scheme not in ("http", "https") or not _SITE.hostname:
    _refuse(
        "SITE_URL must be the public address of the site, e.g. https://yhdessa.example.fi "
        f"(links in e-mails start with it), not {SITE_URL!r}."
    )
if _SITE.scheme != "https" and SECURE_SSL_REDIRECT:
    _refuse(f"SITE_URL {SITE_URL!r} is plain http while the site redirects to https.")
# (An empty variable, as docker-compose passes an unset one, counts as unset.)
ALLOWED_HOSTS = env.list("ALLOWED_HOSTS", default=[]) or [_SITE.hostname]
CSRF_TRUSTED_ORIGINS = env.list("CSRF_TRUSTED_ORIGINS", default=[]) or [
    f"{_SITE.scheme}://{_SITE.netloc}"
]
# allauth's confirmation links: the public scheme, even if a proxy forgot X-Forwarded-Proto.
ACCOUNT_DEFAULT_HTTP_PROTOCOL = _SITE.scheme

# Residents sign up through a confirmation e-mail: mail must go somewhere on purpose.
if not any(env(name, default="") for name in ("EMAIL_URL", "EMAIL_HOST", "EMAIL_DELIVERY_BACKEND")):
    _refuse(
        "no e-mail delivery is configured. Set EMAIL_URL, e.g. "
        "smtp+tls://user:password@mail.example.fi:587 (or EMAIL_HOST and the other EMAIL_* "
        "variables); EMAIL_URL=consolemail:// writes e-mail to the log instead."
    )
DEFAULT_FROM_EMAIL = env("DEFAULT_FROM_EMAIL", default="") or f"noreply@{_SITE.hostname}"
SERVER_EMAIL = env("SERVER_EMAIL", default="") or DEFAULT_FROM_EMAIL

# The demo's accounts get random passwords, printed once by load_demo, never the README's.
DEMO_PUBLIC_PASSWORDS = False
