"""`{% map_legend themes %}`: the campaign map's legend, as HTML beside the map.

Every symbol the map draws is explained here in words (kinds by shape, statuses by badge,
themes by colour and name, routes and areas by line, the numbers that stand for several
contributions, pilots, the cross), so a screen reader or a
keyboard user gets the legend from the page, not from the map. `static/js/lib/symbols.js` draws
the same pictures into the slots marked `data-symbol-kind`, `data-symbol-status` and
`data-line-kind`: the shapes are defined once, in that script.
"""

from collections.abc import Iterable

from django import template
from django.utils.translation import gettext_lazy as _

from engagement.models import Contribution, Theme
from geo.selectors import PRIVACY_GRID_METRES

register = template.Library()

# How each symbol looks, in words: the legend's text alternative to its pictures.
KIND_SHAPES = {
    Contribution.Kind.IDEA: _("round, with a light bulb"),
    Contribution.Kind.NEED: _("diamond, with an exclamation mark"),
}
STATUS_MARKS = {
    Contribution.Status.NEW: _("no mark"),
    Contribution.Status.UNDER_CONSIDERATION: _("three dots"),
    Contribution.Status.PLANNED: _("an arrow"),
    Contribution.Status.IN_PILOT: _("a half-filled circle"),
    Contribution.Status.DONE: _("a tick"),
    Contribution.Status.NOT_POSSIBLE: _("a cross"),
}
LINE_STYLES = {
    Contribution.Kind.IDEA: _("solid line"),
    Contribution.Kind.NEED: _("dashed line"),
}

# The markers of several contributions (static/js/lib/symbols.js countIcon): a privacy cell's,
# from zoom 15, and a cluster's below it (engagement/participation/tiles.py).
COUNT_MARKERS = {
    "cell": (
        _("Number in a square"),
        _("several contributions in one %(size)s m square; open it for their list"),
    ),
    "cluster": (
        _("Number in a ringed circle"),
        _(
            "contributions near each other, grouped while the map is zoomed out; open it for their "
            "list or to zoom in"
        ),
    ),
}


@register.inclusion_tag("engagement/_map_legend.html")
def map_legend(themes: Iterable[Theme]) -> dict:
    """The legend's rows: every kind, every status, every theme of the campaign."""
    return {
        "kinds": [(k.value, k.label, KIND_SHAPES[k]) for k in Contribution.Kind],
        "statuses": [(s.value, s.label, STATUS_MARKS[s]) for s in Contribution.Status],
        "lines": [(k.value, k.label, LINE_STYLES[k]) for k in Contribution.Kind],
        "counts": [
            (kind, label, look % {"size": PRIVACY_GRID_METRES})
            for kind, (label, look) in COUNT_MARKERS.items()
        ],
        "themes": list(themes),
    }
