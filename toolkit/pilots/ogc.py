"""The pilots as a collection of the OGC API - Features door (decision 0042), registered in
engagement's registry as the pilot panels are (decision 0009)."""

from django.db.models import F, Q, TextField, Value
from django.db.models.functions import Cast, Concat
from django.utils.translation import gettext as _

from engagement.interop.ogc.registry import Collection, register_collections
from toolkit.pilots.api import _detail_url_prefix, _pilot_properties
from toolkit.pilots.selectors import pilots_public


def _properties(site: str) -> dict:
    return {
        **_pilot_properties(),
        "url": Concat(
            Value(site.rstrip("/") + _detail_url_prefix()),
            Cast("id", TextField()),
            Value("/"),
            output_field=TextField(),
        ),
    }


def pilot_collections() -> list[Collection]:
    return [
        Collection(
            id="pilots",
            title=_("Pilots"),
            description=_(
                "Approved, running, reported and declined pilots; proposals under review are "
                "not public."
            ),
            rows=pilots_public,
            geometry=F("geometry"),
            properties=_properties,
            intersects=lambda box: Q(geometry__intersects=box),
            temporal=("starts_on", "ends_on"),
            keywords=("pilots",),
        )
    ]


def register() -> None:
    register_collections(pilot_collections)
