"""A contribution's place description on a page, in the reader's language."""

from django import template

from engagement.models import Contribution
from engagement.participation.places import contribution_place_text

register = template.Library()


@register.filter
def place_text(contribution: Contribution) -> str:
    """ "Länsikeskus (about 150 m), Tesoma": where it is, without the map."""
    return contribution_place_text(contribution)
