"""Reads of a card's or a story's revisions: the list, one revision, and two compared field by
field, per language, word by word (docs/decisions/0039)."""

import difflib
import re
from dataclasses import dataclass

from django.db.models import QuerySet
from django.forms.models import model_to_dict
from django.http import Http404
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import get_language_info
from django.utils.translation import gettext as _

from toolkit.content.editor_forms import KINDS, LANGS, REVISION_KINDS
from toolkit.models import MethodCard, Revision

# The language-independent fields a comparison shows, in the editor's order.
SHARED = {
    "methods": [
        "slug",
        "phase",
        "themes",
        "audiences",
        "time_effort",
        "people_effort",
        "cost_effort",
        "related",
        "status",
    ],
    "stories": [
        "slug",
        "themes",
        "audiences",
        "video",
        "captions",
        "video_url",
        "place_name",
        "methods",
        "status",
    ],
}
# A word, or the spaces between words, so that a change of one word marks one word.
TOKENS = re.compile(r"\s+|\S+")


def snapshot(instance) -> dict:
    """A card's or story's fields as JSON: what a revision keeps."""
    data = model_to_dict(instance)
    for key, value in list(data.items()):
        if hasattr(value, "name"):  # files
            data[key] = value.name or ""
        elif isinstance(value, list):
            data[key] = [getattr(v, "pk", v) for v in value]
        elif not isinstance(value, str | int | float | bool | type(None)):
            data[key] = str(value)
    return data


def revisions_of(*, kind: str, instance) -> QuerySet[Revision]:
    """The revisions of a card or story, newest first, each with its editor."""
    return Revision.objects.filter(
        content_kind=REVISION_KINDS[kind], content_id=instance.pk
    ).select_related("editor")


def revision_of(*, kind: str, instance, revision_id: str | int) -> Revision:
    """One revision of this card or story; 404 for any other id, or none."""
    try:
        number = int(str(revision_id))
    except ValueError:
        raise Http404 from None
    if not 0 < number < 2**63:
        raise Http404
    revision = revisions_of(kind=kind, instance=instance).filter(pk=number).first()
    if revision is None:
        raise Http404
    return revision


def word_diff(old: str, new: str) -> tuple[SafeString, SafeString]:
    """The old and the new text, escaped, with the removed words in <del> and the added ones
    in <ins>, each also said in words for those who do not see the marking."""
    removed, added, end = _("[removed:"), _("[added:"), "]"
    before, after = TOKENS.findall(old or ""), TOKENS.findall(new or "")
    left: list[str] = []
    right: list[str] = []
    matcher = difflib.SequenceMatcher(None, before, after, autojunk=False)
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        if op == "equal":
            same = escape("".join(before[i1:i2]))
            left.append(same)
            right.append(same)
            continue
        if i2 > i1:
            left.append(_marked("del", removed, "".join(before[i1:i2]), end))
        if j2 > j1:
            right.append(_marked("ins", added, "".join(after[j1:j2]), end))
    return mark_safe("".join(left)), mark_safe("".join(right))  # noqa: S308 (escaped above)


def _marked(tag: str, start: str, text: str, end: str) -> str:
    hidden = '<span class="visually-hidden">{}</span>'
    return f"<{tag}>{hidden.format(escape(start + ' '))}{escape(text)}{hidden.format(end)}</{tag}>"


@dataclass
class Row:
    label: str
    old: SafeString
    new: SafeString


@dataclass
class Comparison:
    """One table: the language-independent fields (`language` None) or one language's texts."""

    language: str | None
    name: str
    rows: list[Row]  # the fields that differ
    unchanged: list[str]  # labels of those that do not


def _display(model, name: str, value, titles: dict[int, str]) -> str:
    field = model._meta.get_field(name)
    if field.many_to_many:
        return ", ".join(sorted(titles.get(pk, f"#{pk}") for pk in value or []))
    choices = dict(getattr(field, "base_field", field).flatchoices or [])
    if isinstance(value, list):
        return ", ".join(str(choices.get(v, v)) for v in value)
    return str(choices.get(value, value) if value is not None else "")


def _label(model, name: str) -> str:
    label = str(model._meta.get_field(name).verbose_name)
    return label[:1].upper() + label[1:]


def revisions_compare(*, kind: str, old: dict, new: dict) -> list[Comparison]:
    """Two versions' fields side by side: first the language-independent ones, then each
    language's texts; a changed text is marked word by word."""
    model, texts, _extra = KINDS[kind]
    links = ("related", "methods")
    ids = {pk for data in (old, new) for key in links for pk in data.get(key) or []}
    titles = dict(MethodCard.objects.filter(pk__in=ids).values_list("pk", "title"))
    shared = Comparison(language=None, name=_("Fields in every language"), rows=[], unchanged=[])
    for name in SHARED[kind]:
        before = _display(model, name, old.get(name), titles)
        after = _display(model, name, new.get(name), titles)
        _add(shared, _label(model, name), before, after)
    tables = [shared]
    for lang in LANGS:
        table = Comparison(
            language=lang, name=get_language_info(lang)["name_local"], rows=[], unchanged=[]
        )
        for text in texts:
            key = f"{text}_{lang}"
            _add(table, _label(model, text), old.get(key) or "", new.get(key) or "")
        tables.append(table)
    return tables


def _add(table: Comparison, label: str, before: str, after: str) -> None:
    if before == after:
        table.unchanged.append(label)
    else:
        table.rows.append(Row(label, *word_diff(before, after)))
