"""What the pilots add to engagement's exports: a `pilots` column (the public pilots answering
each contribution), a layer of those pilots and a table linking contributions and pilots.
Registered by `ToolkitConfig.ready()`; engagement never imports this (docs/decisions/0009,
0043). Only public pilots (`pilots_public`) of contributions already public."""

from django.db.models import CharField, F, QuerySet, TextField, Value
from django.db.models.functions import Cast, Concat
from django.urls import NoReverseMatch, reverse
from django.utils.translation import gettext_lazy as _

from engagement.interop.exports.extensions import (
    ExportColumn,
    ExportLayer,
    ExportTable,
    register_export_column,
    register_export_layer,
    register_export_table,
)
from toolkit.models import Pilot
from toolkit.pilots.selectors import pilots_public
from toolkit.pilots.status import shown_status_expression

PILOT_COLUMNS = (
    ("id", "INTEGER"),
    ("title", "TEXT"),
    ("organisation", "TEXT"),
    ("status", "TEXT"),
    ("starts_on", "DATE"),
    ("ends_on", "DATE"),
    ("url", "TEXT"),
)
LINK_COLUMNS = (("contribution_id", "INTEGER"), ("pilot_id", "INTEGER"))


def _detail_path_prefix() -> str:
    # "/sv/pilots/" of "/sv/pilots/0/", in the active language.
    try:
        return reverse("toolkit:pilot-detail", kwargs={"pk": 0})[: -len("0/")]
    except NoReverseMatch:
        return "/pilots/"


def pilots_of_contributions(contributions: QuerySet, site_root: str) -> QuerySet[Pilot]:
    """The public pilots answering any of the contributions, with the layer's columns."""
    return (
        pilots_public()
        .filter(contributions__in=contributions)
        .distinct()
        .annotate(
            organisation_name=F("organisation__name"),
            shown_status=shown_status_expression(),
            url=Concat(
                Value(site_root + _detail_path_prefix()),
                Cast("id", TextField()),
                Value("/"),
                output_field=CharField(),
            ),
            starts=Cast("starts_on", CharField()),
            ends=Cast("ends_on", CharField()),
        )
        .order_by("pk")
    )


def links_of_contributions(contributions: QuerySet) -> QuerySet:
    """(contribution id, pilot id) of every public pilot answering one of the contributions."""
    links = Pilot.contributions.through.objects
    return (
        links.filter(contribution__in=contributions, pilot__in=pilots_public())
        .order_by("contribution_id", "pilot_id")
        .values_list("contribution_id", "pilot_id")
    )


def register() -> None:
    register_export_column(ExportColumn(name="pilots", pairs=links_of_contributions))
    register_export_layer(
        ExportLayer(
            name="pilots",
            description=lambda: _("Public pilots answering the exported contributions"),
            columns=PILOT_COLUMNS,
            rows=pilots_of_contributions,
            values=("id", "title", "organisation_name", "shown_status", "starts", "ends", "url"),
        )
    )
    register_export_table(
        ExportTable(
            name="contribution_pilots",
            description=lambda: _("Which pilot answers which contribution"),
            columns=LINK_COLUMNS,
            rows=links_of_contributions,
        )
    )
