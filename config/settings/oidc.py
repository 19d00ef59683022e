"""Staff sign-in with the city's own OpenID Connect identity provider (docs/decisions/0035):
the allauth settings built from the OIDC_* environment, and the role map checked at start-up, so
a typing error in it stops the deployment instead of silently giving nobody a role. Plain
functions, no Django settings read here."""

import json
from typing import Any

from django.core.exceptions import ImproperlyConfigured

# The provider's id in allauth: the callback is /accounts/oidc/staff/login/callback/.
PROVIDER_ID = "staff"
ROLE_KINDS = ("moderator", "analyst")
APPS = ["allauth.socialaccount", "allauth.socialaccount.providers.openid_connect"]


def role_map_read(value: str) -> dict[str, list[dict[str, str]]]:
    """OIDC_ROLE_MAP: a JSON object from an identity provider's group (or role) name to one
    role or a list of roles, each {"kind": "moderator"|"analyst", "area": slug or "campaign":
    slug, optional "title" and "unit"}. Returned with every value a list."""
    if not value.strip():
        return {}
    try:
        raw = json.loads(value)
    except json.JSONDecodeError as error:
        raise ImproperlyConfigured(f"OIDC_ROLE_MAP is not JSON: {error}") from error
    if not isinstance(raw, dict):
        raise ImproperlyConfigured("OIDC_ROLE_MAP must be a JSON object {group: role(s)}.")
    roles: dict[str, list[dict[str, str]]] = {}
    for group, entries in raw.items():
        entries = entries if isinstance(entries, list) else [entries]
        roles[group] = [_role_entry(group, entry) for entry in entries]
    return roles


def _role_entry(group: str, entry: Any) -> dict[str, str]:
    where = f"OIDC_ROLE_MAP[{group!r}]"
    if not isinstance(entry, dict):
        raise ImproperlyConfigured(f"{where} must be an object or a list of objects.")
    unknown = set(entry) - {"kind", "area", "campaign", "title", "unit"}
    if unknown:
        raise ImproperlyConfigured(f"{where} has unknown keys: {sorted(unknown)}.")
    if entry.get("kind") not in ROLE_KINDS:
        raise ImproperlyConfigured(f"{where}: kind must be one of {ROLE_KINDS}.")
    if ("area" in entry) == ("campaign" in entry):
        raise ImproperlyConfigured(f"{where}: give either an area or a campaign slug.")
    if not all(isinstance(value, str) and value for value in entry.values()):
        raise ImproperlyConfigured(f"{where}: every value must be a non-empty string.")
    return dict(entry)


def socialaccount_providers(
    *,
    server_url: str,
    client_id: str,
    secret: str,
    name: str,
    scopes: list[str],
    token_auth_method: str = "",
    pkce: bool = True,
) -> dict:
    """allauth's SOCIALACCOUNT_PROVIDERS with the one staff provider, or nothing when
    `server_url` is empty (staff then sign in with e-mail like everyone else)."""
    if not server_url:
        return {}
    if not client_id:
        raise ImproperlyConfigured("OIDC_SERVER_URL is set but OIDC_CLIENT_ID is not.")
    if token_auth_method not in ("", "client_secret_basic", "client_secret_post"):
        raise ImproperlyConfigured(
            "OIDC_TOKEN_AUTH_METHOD is client_secret_basic, client_secret_post or empty."
        )
    app_settings: dict[str, Any] = {
        "server_url": server_url,
        "oauth_pkce_enabled": pkce,
        "fetch_userinfo": True,
        "scope": scopes,
    }
    if token_auth_method:
        app_settings["token_auth_method"] = token_auth_method
    return {
        "openid_connect": {
            "APPS": [
                {
                    "provider_id": PROVIDER_ID,
                    "name": name,
                    "client_id": client_id,
                    "secret": secret,
                    "settings": app_settings,
                }
            ]
        }
    }
