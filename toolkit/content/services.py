"""Writes of toolkit content: a card or story saved or restored by an editor keeps a revision."""

from django.contrib.auth.models import User
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from toolkit.content.revisions import snapshot
from toolkit.models import MethodCard, Revision, Story
from toolkit.translation import CARD_FIELDS, STORY_FIELDS

# What a restore brings back besides the texts: not the address (slug), the publication or the
# story's files, which other pages link to and which may be gone (docs/decisions/0039).
RESTORED = {
    MethodCard: ("phase", "themes", "audiences", "time_effort", "people_effort", "cost_effort"),
    Story: ("themes", "audiences", "video_url", "place_name"),
}
RESTORED_LINKS = {MethodCard: "related", Story: "methods"}


def _kind(instance: MethodCard | Story) -> str:
    return "method" if isinstance(instance, MethodCard) else "story"


def _require_editor(editor: User, instance_or_model) -> None:
    if not editor.has_perm(f"toolkit.change_{instance_or_model._meta.model_name}"):
        raise PermissionDenied(_("Only toolkit editors can change the toolkit."))


@transaction.atomic
def content_save(*, editor: User, form) -> Revision:
    """Save a card or story and keep the revision; only toolkit editors may."""
    _require_editor(editor, form._meta.model)
    instance = form.save()
    return Revision.objects.create(
        content_kind=_kind(instance), content_id=instance.pk, editor=editor, data=snapshot(instance)
    )


@transaction.atomic
def content_restore(*, editor: User, instance: MethodCard | Story, revision: Revision) -> Revision:
    """Bring a card's or story's texts and fields back to those of one of its revisions, as a
    new revision: the history is never rewritten. Only toolkit editors may."""
    _require_editor(editor, instance)
    if revision.content_kind != _kind(instance) or revision.content_id != instance.pk:
        raise ValidationError(_("This revision belongs to another card or story."))
    model = type(instance)
    data = revision.data
    texts = CARD_FIELDS if model is MethodCard else STORY_FIELDS
    for name in [f"{t}_{lang}" for t in texts for lang in ("fi", "sv", "en")]:
        if name in data:
            setattr(instance, name, data[name])
    for name in RESTORED[model]:
        if name not in data:
            continue
        field = model._meta.get_field(name)
        value = data[name]
        choices = dict(getattr(field, "base_field", field).flatchoices or [])
        values = value if isinstance(value, list) else [value]
        if choices and any(v not in choices for v in values):
            continue  # a choice that no longer exists: keep today's
        setattr(instance, name, value if value is not None else field.get_default())
    instance.save()
    links = RESTORED_LINKS[model]
    if links in data:
        others = MethodCard.objects.filter(pk__in=data[links] or [])
        if model is MethodCard:
            others = others.exclude(pk=instance.pk)
        getattr(instance, links).set(others)
    return Revision.objects.create(
        content_kind=_kind(instance), content_id=instance.pk, editor=editor, data=snapshot(instance)
    )
