from django import template

from toolkit.models import Pilot
from toolkit.pilots.status import pilot_shown_status_label

register = template.Library()


@register.filter
def pilot_status(pilot: Pilot) -> str:
    """The status the public sees ("Running" while it runs), by the one rule of status.py."""
    return str(pilot_shown_status_label(pilot))
