"""Spatial rules: validation of geometries residents send."""

import json
import logging
import math
import os
import shutil
import tempfile
import zipfile
from collections.abc import Iterator
from ctypes import c_char_p
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath

from django.contrib.gis.gdal import (
    CoordTransform,
    DataSource,
    Driver,
    GDALException,
    OGRGeometry,
    SpatialReference,
)
from django.contrib.gis.gdal.feature import Feature
from django.contrib.gis.gdal.layer import Layer
from django.contrib.gis.gdal.prototypes import ds as gdal_ds
from django.contrib.gis.geos import GEOSException, GEOSGeometry, LineString, Point
from django.core.exceptions import ValidationError
from django.core.validators import validate_slug
from django.db import connection, transaction
from django.utils.formats import number_format
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.utils.translation import override
from modeltranslation import settings as mt_settings

from geo.geojson import geometry_from_geojson  # noqa: F401 (callers import it from here)
from geo.models import Area

# A pin placed on the boundary line, or a few metres past it by an unsteady finger on a phone,
# still belongs to the area.
AREA_TOLERANCE_METRES = 30
# Bounds that keep a resident's drawing a drawing: enough vertices for a careful route or area,
# few enough that one submission cannot load the database or the map.
MAX_VERTICES = 500
MAX_LINE_METRES = 20_000
ACCEPTED_GEOMETRY_TYPES = {"Point", "LineString", "Polygon"}

logger = logging.getLogger(__name__)


def point_from_lon_lat(*, lon: float, lat: float) -> Point:
    """A WGS 84 point, refusing NaN, infinities and coordinates outside the globe."""
    point = Point(lon, lat, srid=4326)
    _check_coordinates(point)
    return point


def _check_coordinates(geometry: GEOSGeometry) -> None:
    # Every vertex, not the extent: GEOS leaves NaN out of envelopes.
    coordinates = list(_coordinates(geometry))
    if not all(math.isfinite(v) for xy in coordinates for v in xy):
        raise ValidationError(_("The location is not a valid coordinate."), code="invalid")
    if not all(-180 <= xy[0] <= 180 and -90 <= xy[1] <= 90 for xy in coordinates):
        raise ValidationError(
            _("The location is outside the range of longitude and latitude."), code="out_of_range"
        )


def _coordinates(geometry: GEOSGeometry) -> Iterator[tuple[float, ...]]:
    if geometry.empty:
        return
    if isinstance(geometry, Point):
        yield geometry.coords
    elif isinstance(geometry, LineString):  # LinearRing included
        yield from geometry.coords
    else:  # polygons (their rings) and collections (their members)
        for part in geometry:
            yield from _coordinates(part)


def geometry_validate_in_area(*, geometry: GEOSGeometry, area: Area) -> None:
    """Refuse a point, route or area a resident may not place in the area, with the first reason.

    Cheap checks in Python come first; the measurements on the spheroid take one query.
    """
    if geometry.geom_type not in ACCEPTED_GEOMETRY_TYPES:
        raise ValidationError(_("Draw a point, a route or an area."), code="geometry_type")
    if geometry.empty:
        raise ValidationError(_("The location is not a valid geometry."), code="invalid")
    geometry = _in_wgs84(geometry)
    _check_coordinates(geometry)
    if geometry.num_coords > MAX_VERTICES:
        raise ValidationError(
            _("The shape has %(count)d points; at most %(max)d are allowed. Draw it more simply."),
            code="too_many_vertices",
            params={"count": geometry.num_coords, "max": MAX_VERTICES},
        )
    _check_valid(geometry)

    length, surface, area_surface, inside = _measure_in_area(geometry, area)
    if geometry.geom_type == "LineString" and length > MAX_LINE_METRES:
        raise ValidationError(
            _("A route can be at most %(max)d km long; this one is %(length)s km."),
            code="line_too_long",
            params={"max": MAX_LINE_METRES // 1000, "length": number_format(length / 1000, 1)},
        )
    if geometry.geom_type == "Polygon" and surface > area_surface:
        raise ValidationError(
            _("The area you drew is larger than %(area)s. Draw a smaller area."),
            code="polygon_too_large",
            params={"area": area.name},
        )
    if not inside:
        raise ValidationError(
            _("The location is outside %(area)s. Choose a place inside the area on the map."),
            code="outside_area",
            params={"area": area.name},
        )


def _in_wgs84(geometry: GEOSGeometry) -> GEOSGeometry:
    # A geometry without an SRID is taken as GeoJSON's WGS 84.
    if geometry.srid is None:
        geometry = geometry.clone()
        geometry.srid = 4326
    if geometry.srid == 4326:
        return geometry
    try:
        return geometry.transform(4326, clone=True)
    except (GEOSException, GDALException):
        raise ValidationError(_("The location is not a valid geometry."), code="invalid") from None


def _check_valid(geometry: GEOSGeometry) -> None:
    if geometry.geom_type == "LineString" and len(set(geometry.coords)) < 2:
        raise ValidationError(
            _("A route needs at least two different points."), code="too_few_points"
        )
    if geometry.geom_type == "Polygon" and not geometry.valid:
        # The GEOS reason names a coordinate, which helps a developer but not a resident.
        logger.info("Refused an invalid polygon: %s", geometry.valid_reason)
        raise ValidationError(
            _("The area's edges cross each other. Draw it again without crossing lines."),
            code="self_intersection",
        )


def _measure_in_area(geometry: GEOSGeometry, area: Area) -> tuple[float, float, float, bool]:
    """Length and surface of the geometry and of the area on the spheroid, and whether the
    geometry lies inside the area give or take the tolerance."""
    # Geography measures in metres anywhere. A point may lie within the tolerance of the
    # boundary; a route or an area must lie wholly inside the boundary widened by the tolerance,
    # so a long line cannot count as inside because one of its ends is.
    # The only interpolation is the model's own table name.
    sql = (
        "SELECT ST_Length(given.geom::geography), ST_Area(given.geom::geography),"  # noqa: S608
        " ST_Area(area.boundary::geography),"
        " ST_Covers(area.boundary, given.geom) OR CASE"
        "  WHEN ST_GeometryType(given.geom) = 'ST_Point'"
        "  THEN ST_DWithin(area.boundary::geography, given.geom::geography, %(tolerance)s)"
        "  ELSE ST_Covers(ST_Buffer(area.boundary::geography, %(tolerance)s)::geometry, given.geom)"
        "  END"
        f" FROM {Area._meta.db_table} AS area, (SELECT ST_GeomFromEWKB(%(ewkb)s) AS geom) AS given"
        " WHERE area.id = %(area)s"
    )
    params = {"ewkb": geometry.ewkb, "tolerance": AREA_TOLERANCE_METRES, "area": area.pk}
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return cursor.fetchone()


# Importing area boundaries from the files that cities publish.

# The members of a Shapefile worth unpacking; anything else in a zip is left in it.
SHAPEFILE_PARTS = {".shp", ".shx", ".dbf", ".prj", ".cpg"}
# A generous bound for boundary files: a zip that unpacks to more is likelier a zip bomb than a map.
MAX_UNZIPPED_BYTES = 500 * 1024 * 1024
_GPKG_MAGIC = b"SQLite format 3\x00"
_ZIP_MAGIC = b"PK\x03\x04"


@dataclass(frozen=True)
class ImportReport:
    """What an import did: slugs of the areas created and updated, and the features refused as
    (number in the file counting from 1, reason in the user's language)."""

    created: list[str] = field(default_factory=list)
    updated: list[str] = field(default_factory=list)
    refused: list[tuple[int, str]] = field(default_factory=list)


@dataclass(frozen=True)
class _ImportedArea:
    number: int
    slug: str
    name: str
    boundary: GEOSGeometry


class _Refused(Exception):
    """A feature that cannot become an area; the message says why."""


@transaction.atomic
def areas_import(
    *,
    path: str,
    name_field: str,
    kind: str,
    parent: Area | None = None,
    slug_field: str | None = None,
    layer: str | int = 0,
) -> ImportReport:
    """Create or update (by slug) an area for every polygon feature of a GeoJSON, GeoPackage or
    Shapefile (also zipped), in WGS 84, repaired where invalid.

    A feature that cannot become an area is refused with its reason and the others are imported;
    a file that cannot be read is refused whole. All or nothing is written.
    """
    if kind not in Area.Kind.values:
        raise ValidationError(
            _("Unknown kind %(kind)s. Choose one of: %(kinds)s."),
            code="kind",
            params={"kind": kind, "kinds": ", ".join(Area.Kind.values)},
        )
    with tempfile.TemporaryDirectory(prefix="areas-import-") as directory:
        source = _import_data_source(path, directory)
        features = _import_layer(source, layer)
        for required in (name_field, slug_field):
            if required and required not in features.fields:
                raise ValidationError(
                    _("The layer has no field %(field)s. Its fields are: %(fields)s."),
                    code="field",
                    params={"field": required, "fields": ", ".join(features.fields) or "-"},
                )
        to_wgs84 = _import_transform(features)
        # An area cannot be placed inside itself, nor inside one of its own descendants.
        ancestors = _lineage_slugs(parent)
        imported: dict[str, _ImportedArea] = {}
        refused: list[tuple[int, str]] = []
        for number, feature in enumerate(features, start=1):
            try:
                name = _import_name(feature, name_field)
                slug = _import_slug(feature, slug_field, name, imported, ancestors)
                boundary = _import_boundary(feature, to_wgs84)
            except _Refused as refusal:
                refused.append((number, str(refusal)))
                continue
            imported[slug] = _ImportedArea(number, slug, name, boundary)

    existing = Area.objects.in_bulk(list(imported), field_name="slug")
    created: list[str] = []
    updated: list[str] = []
    for slug, item in imported.items():
        area = existing.get(slug) or Area(slug=slug)
        # The name in the file is the official one, in the default language; the modeltranslation
        # descriptor then writes both name_fi and the plain column, and leaves sv and en alone.
        with override(mt_settings.DEFAULT_LANGUAGE):
            area.name = item.name
        area.kind = kind
        area.parent = parent
        area.boundary = item.boundary
        area.save()
        (updated if slug in existing else created).append(slug)
    return ImportReport(created=created, updated=updated, refused=refused)


def _import_unreadable() -> ValidationError:
    return ValidationError(
        _("The file could not be read as GeoJSON, GeoPackage or Shapefile."), code="unreadable"
    )


def _import_data_source(path: str, directory: str) -> DataSource:
    """Open the file with the one GDAL driver its content calls for.

    Letting GDAL guess among all its drivers would let a file posing as GeoJSON be, say, a VRT
    or WFS description that makes the server read other files or fetch addresses.
    """
    try:
        with open(path, "rb") as file:
            head = file.read(len(_GPKG_MAGIC))
    except OSError:
        raise _import_unreadable() from None
    if head.startswith(_ZIP_MAGIC):
        path, driver = _shapefile_from_zip(path, directory), "ESRI Shapefile"
    elif head.startswith(_GPKG_MAGIC):
        driver = "GPKG"
    elif Path(path).suffix.lower() == ".shp":
        driver = "ESRI Shapefile"
    else:
        _check_geojson(path)
        driver = "GeoJSON"
    allowed = (c_char_p * 2)(driver.encode(), None)
    Driver.ensure_registered()
    try:
        pointer = gdal_ds.open_ds(
            os.fsencode(path),
            gdal_ds.GDAL_OF_READONLY | gdal_ds.GDAL_OF_VECTOR,
            allowed,
            None,
            None,
        )
    except GDALException:
        raise _import_unreadable() from None
    return DataSource(pointer, ds_driver=gdal_ds.get_dataset_driver(pointer))


def _check_geojson(path: str) -> None:
    # GDAL 3.6 fetches a "link" crs from the web, on the collection, a feature or each geometry
    # (docs/decisions/0002-debian-gdal.md); a named crs such as EPSG:3067 is resolved without
    # file or network access.
    try:
        with open(path, "rb") as file:
            document = json.load(file)
    except (OSError, ValueError):
        raise _import_unreadable() from None
    if not isinstance(document, dict):
        raise _import_unreadable()
    if not all(_named_crs(crs) for crs in _geojson_crs_members(document)):
        raise ValidationError(
            _("Give the file's coordinate reference system by name, such as EPSG:3067."),
            code="crs_link",
        )


def _geojson_crs_members(document: dict) -> Iterator[object]:
    # Attributes and coordinates are data, never read for a crs.
    stack: list[object] = [document]
    while stack:
        item = stack.pop()
        if isinstance(item, dict):
            if "crs" in item:
                yield item["crs"]
            stack.extend(v for k, v in item.items() if k not in {"properties", "coordinates"})
        elif isinstance(item, list):
            stack.extend(item)


def _named_crs(crs: object) -> bool:
    return crs is None or (isinstance(crs, dict) and crs.get("type") == "name")


def _shapefile_from_zip(path: str, directory: str) -> str:
    """Unpack the one Shapefile of a zip into the directory; the path of its .shp."""
    try:
        archive = zipfile.ZipFile(path)
    except (OSError, zipfile.BadZipFile):
        raise _import_unreadable() from None
    with archive:
        parts: dict[str, list[zipfile.ZipInfo]] = {}
        for member in archive.infolist():
            # Only the last part of a member's name is used, so no name can escape the directory.
            name = PurePosixPath(member.filename.replace("\\", "/"))
            suffix = name.suffix.lower()
            if member.is_dir() or suffix not in SHAPEFILE_PARTS or "__MACOSX" in name.parts:
                continue
            parts.setdefault(str(name.with_suffix("")), []).append(member)
        shapefiles = [
            stem
            for stem, members in parts.items()
            if any(m.filename.lower().endswith(".shp") for m in members)
        ]
        if len(shapefiles) != 1:
            raise ValidationError(
                _("The zip file must hold exactly one Shapefile (.shp with its .shx and .dbf)."),
                code="zip_contents",
            )
        members = parts[shapefiles[0]]
        if sum(member.file_size for member in members) > MAX_UNZIPPED_BYTES:
            raise ValidationError(_("The zip file is too large when unpacked."), code="zip_size")
        stem = PurePosixPath(shapefiles[0]).name or "areas"
        try:
            for member in members:
                suffix = PurePosixPath(member.filename).suffix.lower()
                # zipfile stops reading at the size the member declares and checks its CRC.
                with (
                    archive.open(member) as packed,
                    open(os.path.join(directory, stem + suffix), "wb") as unpacked,
                ):
                    shutil.copyfileobj(packed, unpacked)
        except (OSError, zipfile.BadZipFile, EOFError):
            raise _import_unreadable() from None
    return os.path.join(directory, stem + ".shp")


def _import_layer(source: DataSource, layer: str | int) -> Layer:
    try:
        return source[layer]
    except (IndexError, TypeError):
        names = ", ".join(f"{index}: {item.name}" for index, item in enumerate(source))
        raise ValidationError(
            _("The file has no layer %(layer)s. Its layers are: %(layers)s."),
            code="layer",
            params={"layer": layer, "layers": names or "-"},
        ) from None


def _import_transform(features: Layer) -> CoordTransform | None:
    """The transformation to WGS 84, or None when the coordinates are WGS 84 already.

    Without a spatial reference (a Shapefile without its .prj) the coordinates are taken as WGS 84
    when they can be longitudes and latitudes. GDAL gives every GeoJSON WGS 84 unless it names
    another system, so a geographic system is held to the same test: metric coordinates then
    refuse the file whole instead of every feature one by one.
    """
    srs = features.srs
    if srs is not None and not srs.geographic:
        return CoordTransform(srs, SpatialReference(4326))
    try:
        extent = features.extent.tuple
    except GDALException:  # no features
        extent = None
    if extent is not None and not _lon_lat_range(extent):
        raise ValidationError(
            _(
                "The coordinates are not longitudes and latitudes, and the file does not say "
                "which coordinate reference system they are in. Add the system (for a Shapefile, "
                "its .prj file; for GeoJSON, a crs such as EPSG:3067) and import again."
            ),
            code="no_srs",
        )
    if srs is None or srs.srid == 4326:
        return None
    return CoordTransform(srs, SpatialReference(4326))


def geometry_to_lon_lat(geometry: OGRGeometry, to_wgs84: CoordTransform | None) -> str | None:
    """Transforms an imported feature's geometry to WGS 84 in place; the reason it cannot be, or
    None. One rule for the areas' and the places' imports."""
    if to_wgs84 is not None:
        try:
            geometry.transform(to_wgs84)
        except GDALException:
            return _("The geometry could not be transformed to longitude and latitude.")
    if not _lon_lat_range(geometry.extent):
        return _("The geometry lies outside the range of longitude and latitude.")
    return None


def _lon_lat_range(extent: tuple[float, float, float, float]) -> bool:
    west, south, east, north = extent
    return (
        all(math.isfinite(value) for value in extent)
        and -180 <= west <= east <= 180
        and -90 <= south <= north <= 90
    )


def _lineage_slugs(area: Area | None) -> set[str]:
    slugs: set[str] = set()
    while area is not None and area.slug not in slugs:
        slugs.add(area.slug)
        area = area.parent
    return slugs


def _import_name(feature: Feature, name_field: str) -> str:
    value = feature.get(name_field)
    name = "" if value is None else str(value).strip()
    if not name:
        raise _Refused(_("The feature has no name."))
    max_length = Area._meta.get_field("name").max_length
    if len(name) > max_length:
        raise _Refused(_("The name is longer than %(max)d characters.") % {"max": max_length})
    return name


def _import_slug(
    feature: Feature,
    slug_field: str | None,
    name: str,
    imported: dict[str, _ImportedArea],
    ancestors: set[str],
) -> str:
    if slug_field:
        value = feature.get(slug_field)
        slug = "" if value is None else str(value).strip()
        if not slug:
            raise _Refused(_("The feature has no slug."))
        try:
            validate_slug(slug)
        except ValidationError:
            raise _Refused(
                _("The slug %(slug)s may hold only letters, numbers, hyphens and underscores.")
                % {"slug": slug}
            ) from None
    else:
        slug = slugify(name)
        if not slug:
            raise _Refused(
                _("No slug can be made from the name %(name)s; give a slug field.") % {"name": name}
            )
    max_length = Area._meta.get_field("slug").max_length
    if len(slug) > max_length:
        raise _Refused(
            _("The slug %(slug)s is longer than %(max)d characters.")
            % {"slug": slug, "max": max_length}
        )
    if slug in imported:
        raise _Refused(
            _("Feature %(number)d already has the slug %(slug)s.")
            % {"number": imported[slug].number, "slug": slug}
        )
    if slug in ancestors:
        raise _Refused(
            _("The slug %(slug)s is that of the parent area or one of its parents.")
            % {"slug": slug}
        )
    return slug


def _import_boundary(feature: Feature, to_wgs84: CoordTransform | None) -> GEOSGeometry:
    """The feature's polygons as a valid WGS 84 MultiPolygon, repaired by PostGIS."""
    try:
        geometry = feature.geom
    except GDALException:  # a feature without geometry
        geometry = None
    if geometry is None or geometry.empty:
        raise _Refused(_("The feature has no geometry."))
    # GetGeometryName names the flat type: POLYGON for a polygon with heights too.
    if geometry.geom_name not in {"POLYGON", "MULTIPOLYGON"}:
        raise _Refused(
            _("Only polygons can be areas; this geometry is %(type)s.")
            % {"type": geometry.geom_name}
        )
    if reason := geometry_to_lon_lat(geometry, to_wgs84):
        raise _Refused(reason)
    # A self-intersecting ring becomes the polygons it encloses; lines and points that the repair
    # leaves of collapsed parts are dropped.
    sql = (
        "SELECT ST_AsEWKB(repaired.geom), ST_IsEmpty(repaired.geom) FROM (SELECT"
        " ST_Multi(ST_CollectionExtract(ST_MakeValid(ST_Force2D(ST_GeomFromWKB(%s, 4326))), 3))"
        " AS geom) AS repaired"
    )
    with connection.cursor() as cursor:
        cursor.execute(sql, [bytes(geometry.wkb)])
        ewkb, empty = cursor.fetchone()
    if empty:
        raise _Refused(_("Nothing of the polygon is left after its edges are repaired."))
    return GEOSGeometry(memoryview(ewkb))
