"""Importing the gazetteer from the files cities publish: address points, street names, place
names (GeoJSON, GeoPackage, Shapefile), with the same guarded GDAL reading as the area import.

The whole file is checked before anything is written; a file with a bad feature is refused with
every feature's number and reason, unless the caller asks to skip such features. Rows are matched
on (source, id in the source), so importing the same file again updates rather than duplicates.
"""

import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from django.contrib.gis.gdal import CoordTransform, GDALException
from django.contrib.gis.gdal.feature import Feature
from django.contrib.gis.geos import GEOSException, GEOSGeometry
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _
from django.utils.translation import override
from modeltranslation import settings as mt_settings

from geo.models import Place
from geo.services import (
    _import_data_source,
    _import_layer,
    _import_transform,
    geometry_to_lon_lat,
)

# The roles a file's attributes can fill; `name` is required, the rest optional.
MAPPING_ROLES = ("name", "name_sv", "name_en", "number", "kind", "id")
MAX_REPORTED = 20
_BATCH = 2000


@dataclass(frozen=True)
class PlaceImportReport:
    """What an import did: how many places were created and updated, and the features skipped
    as (number in the file counting from 1, reason)."""

    created: int = 0
    updated: int = 0
    skipped: list[tuple[int, str]] = field(default_factory=list)


@dataclass(frozen=True)
class _Row:
    number: int
    source_id: str
    names: dict[str, str | None]
    kind: str
    geometry: GEOSGeometry


class _Refused(Exception):
    """A feature that cannot become a place; the message says why."""


def places_mapping_parse(text: str) -> dict[str, str]:
    """ "name=NIMI,name_sv=NAMN,id=ID" as {role: attribute}, refusing unknown roles."""
    mapping: dict[str, str] = {}
    for part in filter(None, (p.strip() for p in text.split(","))):
        role, sep, attribute = (s.strip() for s in part.partition("="))
        if not sep or not attribute or role not in MAPPING_ROLES:
            raise ValidationError(
                _("Write the mapping as role=attribute with roles from: %(roles)s."),
                code="mapping",
                params={"roles": ", ".join(MAPPING_ROLES)},
            )
        mapping[role] = attribute
    if "name" not in mapping:
        raise ValidationError(_("The mapping must name the attribute of name."), code="mapping")
    return mapping


@transaction.atomic
def places_import(
    *,
    path: str,
    mapping: dict[str, str],
    kind: str = Place.Kind.ADDRESS,
    source: str = "",
    approximate: bool = False,
    layer: str | int = 0,
    skip_invalid: bool = False,
) -> PlaceImportReport:
    """Create or update a place for every feature of the file, all or nothing."""
    if kind not in Place.Kind.values:
        raise ValidationError(
            _("Unknown kind %(kind)s. Choose one of: %(kinds)s."),
            code="kind",
            params={"kind": kind, "kinds": ", ".join(Place.Kind.values)},
        )
    source = source or Path(path).stem
    with tempfile.TemporaryDirectory(prefix="places-import-") as directory:
        features = _import_layer(_import_data_source(path, directory), layer)
        missing = [a for a in mapping.values() if a not in features.fields]
        if missing:
            raise ValidationError(
                _("The layer has no field %(field)s. Its fields are: %(fields)s."),
                code="field",
                params={"field": missing[0], "fields": ", ".join(features.fields) or "-"},
            )
        to_wgs84 = _import_transform(features)
        rows: dict[str, _Row] = {}
        refused: list[tuple[int, str]] = []
        for number, feature in enumerate(features, start=1):
            try:
                row = _row(number, feature, mapping, kind, to_wgs84)
                if row.source_id in rows:
                    raise _Refused(
                        _("Feature %(number)d already has the id %(id)s.")
                        % {"number": rows[row.source_id].number, "id": row.source_id}
                    )
            except _Refused as refusal:
                refused.append((number, str(refusal)))
                continue
            rows[row.source_id] = row
    if refused and not skip_invalid:
        lines = [
            _("%(file)s: feature %(number)d: %(reason)s")
            % {"file": Path(path).name, "number": number, "reason": reason}
            for number, reason in refused[:MAX_REPORTED]
        ]
        if len(refused) > MAX_REPORTED:
            lines.append(_("… and %(count)d more.") % {"count": len(refused) - MAX_REPORTED})
        raise ValidationError(
            [_("Nothing was imported. Correct these features:"), *lines], code="features"
        )
    created, updated = _write(rows, source=source, approximate=approximate)
    return PlaceImportReport(created=created, updated=updated, skipped=refused)


def _text(feature: Feature, attribute: str | None) -> str | None:
    if not attribute:
        return None
    value = feature.get(attribute)
    text = "" if value is None else str(value).strip()
    return text or None


def _row(
    number: int,
    feature: Feature,
    mapping: dict[str, str],
    default_kind: str,
    to_wgs84: CoordTransform | None,
) -> _Row:
    max_length = Place._meta.get_field("name").max_length
    names: dict[str, str | None] = {}
    number_text = _text(feature, mapping.get("number"))
    for language in ("fi", "sv", "en"):
        name = _text(feature, mapping.get("name" if language == "fi" else f"name_{language}"))
        if name and number_text:
            name = f"{name} {number_text}"
        if name and len(name) > max_length:
            raise _Refused(_("The name is longer than %(max)d characters.") % {"max": max_length})
        if name and "\x00" in name:
            raise _Refused(_("The name holds a character that is not allowed (NUL)."))
        names[language] = name
    if not names["fi"]:
        raise _Refused(_("The feature has no name."))
    kind = _text(feature, mapping.get("kind")) or default_kind
    if kind not in Place.Kind.values:
        raise _Refused(
            _("Unknown kind %(kind)s. Choose one of: %(kinds)s.")
            % {"kind": kind, "kinds": ", ".join(Place.Kind.values)}
        )
    source_id = _text(feature, mapping.get("id")) or f"{kind}:{names['fi']}"
    if len(source_id) > Place._meta.get_field("source_id").max_length:
        raise _Refused(_("The id is longer than %(max)d characters.") % {"max": 200})
    return _Row(number, source_id, names, kind, _geometry(feature, to_wgs84))


def _geometry(feature: Feature, to_wgs84: CoordTransform | None) -> GEOSGeometry:
    try:
        geometry = feature.geom
    except GDALException:
        geometry = None
    if geometry is None or geometry.empty:
        raise _Refused(_("The feature has no geometry."))
    if reason := geometry_to_lon_lat(geometry, to_wgs84):
        raise _Refused(reason)
    geometry.set_3d(False)
    try:
        result = GEOSGeometry(memoryview(bytes(geometry.wkb)), srid=4326)
        valid = not result.empty and result.valid
    except (GEOSException, ValueError):
        valid = False
    if not valid:
        raise _Refused(_("The geometry is not valid (its edges cross or it has too few points)."))
    return result


def _write(rows: dict[str, _Row], *, source: str, approximate: bool) -> tuple[int, int]:
    existing = dict(
        Place.objects.filter(source=source, source_id__in=list(rows)).values_list("source_id", "pk")
    )
    new: list[Place] = []
    changed: list[Place] = []
    for source_id, row in rows.items():
        # The name in the default language fills both name_fi and the plain column.
        with override(mt_settings.DEFAULT_LANGUAGE):
            place = Place(
                pk=existing.get(source_id),
                source=source,
                source_id=source_id,
                kind=row.kind,
                geometry=row.geometry,
                approximate=approximate,
                name=row.names["fi"],
                name_sv=row.names["sv"],
                name_en=row.names["en"],
            )
            place.derive()
        (changed if place.pk else new).append(place)
    Place.objects.bulk_create(new, batch_size=_BATCH)
    fields = ["kind", "geometry", "point", "approximate", "name", "name_fi", "name_sv"]
    Place.objects.bulk_update(changed, [*fields, "name_en", "search_text"], batch_size=_BATCH)
    return len(new), len(changed)
