"""The Content-Security-Policy's directives, built from what the deployment configures.

Every script and style is a file under `static/`: no inline code, so the policy needs neither
'unsafe-inline' nor 'unsafe-eval' (docs/decisions/0012-content-security-policy.md). Read by the
settings, so this module imports nothing of Django's that needs settings.
"""

from urllib.parse import urlsplit

from csp.constants import NONCE, NONE, SELF
from csp.utils import DEFAULT_DIRECTIVES
from django.core.exceptions import ImproperlyConfigured

# Sources no deployment should add: they would let an injected script or style run.
REFUSED_SOURCES = ("'unsafe-inline'", "'unsafe-eval'", "'unsafe-hashes'")


def source_of(url: str) -> str | None:
    """The CSP source expression of a URL's origin; None for a relative URL ('self' covers it).

    A tile URL template's placeholder in the first host label (`https://{s}.tile.example.org/...`)
    becomes a wildcard label (`https://*.tile.example.org`), the only wildcard CSP allows.
    """
    parts = urlsplit(url)
    if not parts.scheme or not parts.netloc:
        return None
    labels = parts.netloc.split(".")
    if "{" in labels[0]:
        labels[0] = "*"
    host = ".".join(labels)
    if "{" in host:
        raise ImproperlyConfigured(
            f"Cannot make a Content-Security-Policy source of {url!r}: a placeholder is allowed "
            "only as the first part of the host name."
        )
    return f"{parts.scheme}://{host}"


def extra_directives(text: str) -> dict[str, list[str]]:
    """Directives written as in the header (`img-src https://a https://b; media-src https://c`).

    An unknown directive or an unsafe source is refused at start-up rather than silently sent.
    """
    directives: dict[str, list[str]] = {}
    for part in text.split(";"):
        words = part.split()
        if not words:
            continue
        name, sources = words[0].lower(), words[1:]
        if name not in DEFAULT_DIRECTIVES:
            raise ImproperlyConfigured(f"CSP_EXTRA_SOURCES: unknown directive {name!r}.")
        unsafe = [source for source in sources if source.lower() in REFUSED_SOURCES]
        if unsafe:
            raise ImproperlyConfigured(f"CSP_EXTRA_SOURCES: {', '.join(unsafe)} is not allowed.")
        directives.setdefault(name, []).extend(sources)
    return directives


def policy_directives(
    *, tile_urls: list[str], extra: str = "", form_action_urls: tuple[str, ...] = ()
) -> dict[str, list[str]]:
    """The site's policy: only its own files, plus the base map's tile server and the extras.

    `form_action_urls`: where a form of ours may lead besides the site, after redirects too:
    the staff sign-in posts to the site, which sends the browser on to the city's identity
    provider (decision 0035).

    `NONCE` in script-src is sent only on a page that asks for one: django-leaflet's admin map
    widget, whose inline script is the admin's, not ours. No public page uses it.
    """
    directives: dict[str, list[str]] = {
        "default-src": [SELF],
        "script-src": [SELF, NONCE],
        "style-src": [SELF],
        # data: for the pages' empty icon (`<link rel="icon" href="data:,">`). No blob: (no
        # script makes object URLs).
        "img-src": [SELF, "data:"],
        "connect-src": [SELF],
        "font-src": [SELF],
        # The toolkit's videos and their captions.
        "media-src": [SELF],
        # The campaign page's service worker (/sw.js) and its web app manifest (decision 0046).
        "worker-src": [SELF],
        "manifest-src": [SELF],
        "object-src": [NONE],
        "base-uri": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [NONE],
    }
    for url in tile_urls:
        source = source_of(url)
        if source and source not in directives["img-src"]:
            directives["img-src"].append(source)
    for url in form_action_urls:
        source = source_of(url)
        if source and source not in directives["form-action"]:
            directives["form-action"].append(source)
    for name, sources in extra_directives(extra).items():
        directives.setdefault(name, [])
        directives[name].extend(s for s in sources if s not in directives[name])
    return directives
