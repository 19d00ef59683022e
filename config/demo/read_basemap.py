"""The demo's orientation map of Tesoma: `config/demo/data/orientation.geojson`, read and checked
for `manage.py build_basemap` (and `load_demo`), which writes it as a PMTiles base map.

Hand-drawn to match the demo's Tesoma, like its boundaries and places: not surveyed. Every
feature says so (`"approximate": true`) and so does the map's attribution.
"""

from pathlib import Path

from django.utils.translation import gettext_noop

from config.demo.files import Fields, features_read, json_read
from geo.basemap.build import Basemap, BasemapFeature
from toolkit.content.datafiles import DataFileError

ORIENTATION_FILE = Path(__file__).resolve().parent / "data" / "orientation.geojson"
# The kinds each layer may hold; the base map's paint and label rules draw exactly these
# (static/js/lib/base-maps.js).
KINDS = {
    "water": ("lake", "stream"),
    "landuse": ("park", "forest", "school", "retail"),
    "roads": ("main", "minor", "path", "rail"),
    "pois": ("shopping_centre", "library", "station", "stop", "school", "sports"),
}
# The file's name and attribution are msgids: the maps show them in the page's language.
TEXTS = (
    gettext_noop("Tesoma orientation map"),
    gettext_noop("Tesoma orientation map (approximate, demo)"),
)
MIN_ZOOM, MAX_ZOOM = 10, 16


def orientation_read(path: Path = ORIENTATION_FILE) -> Basemap:
    """The orientation map's features, each in a known layer and kind, named in Finnish (and
    Swedish where a name exists), marked approximate."""
    path = Path(path)
    collection = Fields.of(path, json_read(path), "the file", line=1)
    name = collection.text("name")
    attribution = collection.text("attribution")
    if name not in TEXTS or attribution not in TEXTS:
        raise collection.error(f"name and attribution must be one of {', '.join(TEXTS)}")
    types = ("Point", "LineString", "MultiLineString", "Polygon", "MultiPolygon")
    features = []
    for feature in features_read(path, types=types):
        record = feature.properties.only(
            "layer", "kind", "name_fi", "name_sv", "min_zoom", "approximate"
        )
        layer = record.choice("layer", list(KINDS), what="layer")
        kind = record.choice("kind", list(KINDS[layer]), what=f"kind of {layer}")
        if record.value("approximate") is not True:
            raise record.error("a hand-drawn demo feature must say true", "approximate")
        min_zoom = MIN_ZOOM
        if "min_zoom" in record.data:
            min_zoom = record.integer("min_zoom", minimum=MIN_ZOOM, maximum=MAX_ZOOM)
        features.append(
            BasemapFeature(
                layer=layer,
                kind=kind,
                geometry=feature.geometry,
                name_fi=record.optional_text("name_fi"),
                name_sv=record.optional_text("name_sv"),
                min_zoom=min_zoom,
            )
        )
    if not features:
        raise DataFileError(path, 1, "the orientation map has no features")
    return Basemap(
        name=name,
        description="Hand-drawn orientation map of Tesoma, Tampere, for the Yhdessä demo: "
        "approximate, not surveyed.",
        attribution=attribution,
        features=features,
        min_zoom=MIN_ZOOM,
        max_zoom=MAX_ZOOM,
        layers=list(KINDS),
    )
