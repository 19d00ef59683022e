"""Residents' text on a page: always escaped, links clickable but marked as user content."""

import uuid

from django import template
from django.utils.html import linebreaks, urlize
from django.utils.safestring import SafeString, mark_safe

register = template.Library()


@register.filter
def user_text(value: str) -> SafeString:
    """Escape, make links clickable with rel="nofollow ugc", and keep the writer's paragraphs.

    No HTML from users is ever rendered: urlize escapes everything it does not turn into a link.
    """
    linked = urlize(value or "", nofollow=True, autoescape=True)
    linked = linked.replace('rel="nofollow"', 'rel="nofollow ugc"')
    return mark_safe(linebreaks(linked, autoescape=False))  # noqa: S308 (escaped by urlize)


@register.simple_tag
def new_idempotency_key() -> str:
    """A fresh key for a form, so that sending it twice stores one item."""
    return str(uuid.uuid4())
