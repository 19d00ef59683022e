"""An organisation's integration API keys (decision 0044): its members make one (shown once,
stored hashed by engagement) and revoke it; both are in the moderation log as API_KEY_CREATE and
API_KEY_REVOKE, through engagement's services."""

from django.contrib.auth.models import User
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from engagement.interop.services import api_key_create, api_key_revoke
from toolkit.models import Organisation, OrganisationApiKey
from toolkit.rules import is_member

NAME_MAX = 200


@transaction.atomic
def organisation_api_key_create(
    *, user: User, organisation: Organisation, name: str
) -> tuple[OrganisationApiKey, str]:
    """A new key of the organisation, named by its member; returns the link and the key."""
    if not is_member(user, organisation):
        raise PermissionDenied
    name = " ".join(name.split())
    if not name:
        raise ValidationError({"name": _("Give the key a name, e.g. the system that uses it.")})
    if len(name) > NAME_MAX:
        raise ValidationError(
            {"name": _("The name may be at most %(max)d characters.") % {"max": NAME_MAX}}
        )
    api_key, key = api_key_create(name=name, organisation=organisation.name, actor=user)
    link = OrganisationApiKey.objects.create(
        organisation=organisation, api_key=api_key, created_by=user
    )
    return link, key


@transaction.atomic
def organisation_api_key_revoke(*, user: User, link: OrganisationApiKey) -> bool:
    """Refuse the key from now on; True when this call revoked it."""
    if not is_member(user, link.organisation):
        raise PermissionDenied
    return api_key_revoke(actor=user, key=link.api_key)
