"""Durations and per-field errors on the workshop plan's pages."""

from django import template
from django.utils.html import format_html
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _

register = template.Library()


def duration_words(minutes: int) -> str:
    hours, rest = divmod(max(int(minutes), 0), 60)
    if not hours:
        return _("%(m)s min") % {"m": rest}
    return _("%(h)s h %(m)s min") % {"h": hours, "m": rest}


@register.filter
def duration(minutes) -> str:
    """A duration in the reader's words: "45 min", "1 h 35 min"."""
    try:
        return duration_words(int(minutes))
    except (TypeError, ValueError):
        return ""


@register.simple_tag
def duration_formats() -> dict[str, str]:
    """The two patterns the page's script fills in when times change."""
    return {"minutes": _("%(m)s min"), "hours": _("%(h)s h %(m)s min")}


@register.filter
def field_errors(errors: dict, key: str) -> list:
    return errors.get(key, []) if isinstance(errors, dict) else []


@register.simple_tag
def item_errors(errors: dict, pk: int, name: str) -> list:
    """The refusals of one item's field (keys "item-<id>-<field>", as the service names them)."""
    return field_errors(errors, f"item-{pk}-{name}")


@register.simple_tag
def item_invalid(errors: dict, pk: int, name: str) -> SafeString:
    """aria-invalid and the error's id on a field the service refused."""
    if not item_errors(errors, pk, name):
        return mark_safe("")
    return format_html(' aria-invalid="true" aria-describedby="item-{}-{}-error"', pk, name)
