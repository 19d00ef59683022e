from django import template

from toolkit.models import Pilot
from toolkit.pilots.numbers import quantity_text, rating_text
from toolkit.pilots.status import pilot_shown_status_label

register = template.Library()


@register.filter
def pilot_status(pilot: Pilot) -> str:
    """The status the public sees ("Running" while it runs), by the one rule of status.py."""
    return str(pilot_shown_status_label(pilot))


@register.filter
def quantity(value, unit: str = "") -> str:
    """A measured value in the reader's language with its unit: "520 m²", "4,4 / 5"."""
    return quantity_text(value, unit)


@register.filter
def rating(value) -> str:
    """An average rating: "4,4 / 5" in fi and sv, "4.4 / 5" in en."""
    return rating_text(value)
