"""The identity provider's groups as Yhdessä roles (docs/decisions/0035).

OIDC_ROLE_MAP (config/settings/oidc.py) names, for each group or role the provider sends in
OIDC_ROLES_CLAIM, the roles it gives. Each staff sign-in makes the user's provider roles exactly
those of their groups now: a group the provider dropped takes its role away at the next sign-in.
Roles given by hand in the admin (no identity_provider_group) are never touched.
"""

import logging
from dataclasses import dataclass
from typing import Any

from django.conf import settings
from django.contrib.auth.models import User
from django.db import transaction
from django.utils import translation

from engagement.models import Campaign, Role
from geo.models import Area

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class RoleGrant:
    """One role a group gives: its kind, its scope (a campaign or an area) and its signature."""

    group: str
    kind: str
    campaign_id: int | None
    area_id: int | None
    title: str
    unit: str

    @property
    def key(self) -> tuple:
        return (self.group, self.kind, self.campaign_id, self.area_id)


def claims_of(extra_data: dict) -> dict:
    """The provider's claims about the person: the ID token's, and the userinfo's over them.
    Entra ID puts groups and roles in the ID token only, Keycloak in both."""
    claims: dict = {}
    for part in ("id_token", "userinfo"):
        if isinstance(extra_data.get(part), dict):
            claims.update(extra_data[part])
    return claims or dict(extra_data)


def groups_from_claims(claims: dict, claim: str | None = None) -> list[str]:
    """The group or role names in `claim` (a dotted path: "groups", "realm_access.roles"); a
    single string counts as one group, anything else as none."""
    value: Any = claims
    for part in (claim or settings.OIDC_ROLES_CLAIM).split("."):
        value = value.get(part) if isinstance(value, dict) else None
    if isinstance(value, str):
        return [value]
    if isinstance(value, list):
        return [item for item in value if isinstance(item, str)]
    return []


def grants_for_groups(groups: list[str], role_map: dict | None = None) -> list[RoleGrant]:
    """The roles the map gives these groups; an entry naming an area or campaign that does not
    exist is left out with a warning (a sign-in never fails on a stale map)."""
    role_map = settings.OIDC_ROLE_MAP if role_map is None else role_map
    default_unit = settings.OIDC_PROVIDER_NAME
    grants: list[RoleGrant] = []
    for group in dict.fromkeys(groups):
        for entry in role_map.get(group, []):
            campaign_id = area_id = None
            if "campaign" in entry:
                campaign_id = _pk(Campaign, entry["campaign"])
            else:
                area_id = _pk(Area, entry["area"])
            if campaign_id is None and area_id is None:
                logger.warning("OIDC_ROLE_MAP[%r] names a missing campaign or area", group)
                continue
            # The kind's name in the site's language, whatever language this sign-in is in.
            with translation.override(settings.LANGUAGE_CODE):
                title = entry.get("title") or str(Role.Kind(entry["kind"]).label)
            unit = entry.get("unit") or default_unit
            grants.append(RoleGrant(group, entry["kind"], campaign_id, area_id, title, unit))
    return grants


def _pk(model: type, slug: str) -> int | None:
    return model.objects.filter(slug=slug).values_list("pk", flat=True).first()


@dataclass(frozen=True)
class RoleSync:
    added: int
    removed: int
    kept: int


@transaction.atomic
def roles_sync(user: User, grants: list[RoleGrant]) -> RoleSync:
    """Makes the user's provider roles exactly `grants`: adds the missing, removes the ones no
    group gives any more, updates titles and units. A grant that a manual role of the same
    kind and scope already covers adds nothing."""
    wanted = {grant.key: grant for grant in grants}
    roles = list(Role.objects.select_for_update().filter(user=user))
    manual = {
        (role.kind, role.campaign_id, role.area_id)
        for role in roles
        if not role.identity_provider_group
    }
    added = removed = kept = 0
    for role in roles:
        if not role.identity_provider_group:
            continue
        key = (role.identity_provider_group, role.kind, role.campaign_id, role.area_id)
        grant = wanted.pop(key, None)
        if grant is None or (role.kind, role.campaign_id, role.area_id) in manual:
            role.delete()
            removed += 1
        else:
            if (role.title, role.unit) != (grant.title, grant.unit):
                role.title, role.unit = grant.title, grant.unit
                role.save(update_fields=["title", "unit"])
            kept += 1
    for grant in wanted.values():
        if (grant.kind, grant.campaign_id, grant.area_id) in manual:
            continue
        Role.objects.create(
            user=user,
            kind=grant.kind,
            campaign_id=grant.campaign_id,
            area_id=grant.area_id,
            title=grant.title,
            unit=grant.unit,
            identity_provider_group=grant.group,
        )
        added += 1
    if added or removed:
        logger.info("staff sign-in of user %s: %s roles added, %s removed", user.pk, added, removed)
    return RoleSync(added=added, removed=removed, kept=kept)


def has_any_role(user: User) -> bool:
    """Whether the user is an official at all: a role of any source, or an administrator."""
    return user.is_superuser or user.is_staff or Role.objects.filter(user=user).exists()
