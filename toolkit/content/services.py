"""Writes of toolkit content: a card or story saved by an editor keeps a revision."""

from django.contrib.auth.models import User
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.forms.models import model_to_dict
from django.utils.translation import gettext as _

from toolkit.models import MethodCard, Revision

# Toolkit content ----------------------------------------------------------------------------


def _snapshot(instance) -> dict:
    data = model_to_dict(instance)
    for key, value in list(data.items()):
        if hasattr(value, "name"):  # files
            data[key] = value.name or ""
        elif isinstance(value, list):
            data[key] = [getattr(v, "pk", v) for v in value]
        elif not isinstance(value, str | int | float | bool | type(None)):
            data[key] = str(value)
    return data


@transaction.atomic
def content_save(*, editor: User, form) -> Revision:
    """Save a card or story and keep the revision; only toolkit editors may."""
    if not editor.has_perm(f"toolkit.change_{form._meta.model._meta.model_name}"):
        raise PermissionDenied(_("Only toolkit editors can change the toolkit."))
    instance = form.save()
    kind = "method" if isinstance(instance, MethodCard) else "story"
    return Revision.objects.create(
        content_kind=kind, content_id=instance.pk, editor=editor, data=_snapshot(instance)
    )
