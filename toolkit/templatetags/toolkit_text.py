from django import template
from django.utils.safestring import SafeString

from toolkit.content.markdown import render_markdown

register = template.Library()


@register.filter
def markdown(value: str) -> SafeString:
    """Editors' Markdown as sanitised HTML."""
    return render_markdown(value)
