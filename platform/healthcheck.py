"""The container's health probe: GET /healthz from inside, exit 0 only on a 200.

It names a host the site answers to (the first concrete one in ALLOWED_HOSTS, else SITE_URL's),
since Django refuses a request for any other host; /healthz is exempt from the https redirect.
Usage: python platform/healthcheck.py [base URL, default http://127.0.0.1:8000]
"""

import os
import sys
import urllib.error
import urllib.request
from urllib.parse import urlsplit


def probe_host() -> str:
    """A Host header that ALLOWED_HOSTS accepts."""
    for host in os.environ.get("ALLOWED_HOSTS", "").split(","):
        host = host.strip().lstrip(".")
        if host and "*" not in host:
            return host
    return urlsplit(os.environ.get("SITE_URL", "")).hostname or "localhost"


def main() -> int:
    base = sys.argv[1] if len(sys.argv) > 1 else "http://127.0.0.1:8000"
    url = base.rstrip("/") + "/healthz"
    request = urllib.request.Request(url, headers={"Host": probe_host()})  # noqa: S310
    try:
        with urllib.request.urlopen(request, timeout=5) as response:  # noqa: S310 (own address)
            return 0 if response.status == 200 else 1
    except (urllib.error.URLError, OSError) as error:
        print(f"unhealthy: {error}", file=sys.stderr)
        return 1


if __name__ == "__main__":
    sys.exit(main())
