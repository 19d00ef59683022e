"""The orientation map becomes a PMTiles file whose tiles PostGIS cut: the layers and names the
map's rules draw, at the zoom levels asked for; building the same data again writes nothing."""

import dataclasses
import gzip

import pytest
from django.contrib.gis.geos import LineString, Polygon
from django.core.management import call_command
from pmtiles.reader import MmapSource, Reader

from config.demo.read_basemap import orientation_read
from geo.basemap.build import Basemap, BasemapFeature, basemap_build
from tests.mvt import decode, tile_for

pytestmark = pytest.mark.django_db

LANSIKESKUS = (23.6282, 61.4994)


def read(path):
    handle = open(path, "rb")  # noqa: SIM115 (closed below)
    reader = Reader(MmapSource(handle))
    return handle, reader


def features_at(reader, lon: float, lat: float, z: int) -> dict[str, list]:
    x, y = tile_for(lon, lat, z)
    data = reader.get(z, x, y)
    assert data, f"no tile {z}/{x}/{y}"
    layers = decode(gzip.decompress(data))
    return {name: layer["features"] for name, layer in layers.items()}


def test_the_demo_orientation_map_is_built_with_its_layers_and_names(tmp_path):
    path = tmp_path / "tesoma.pmtiles"
    result = basemap_build(orientation_read(), path)
    assert result.built and result.tiles > 100 and result.bytes < 200_000
    handle, reader = read(path)
    header, metadata = reader.header(), reader.metadata()
    assert (header["min_zoom"], header["max_zoom"]) == (10, 16)
    assert metadata["attribution"] == "Tesoma orientation map (approximate, demo)"
    assert metadata["yhdessa:style"] == "yhdessa-orientation"
    assert {layer["id"] for layer in metadata["vector_layers"]} == {
        "water",
        "landuse",
        "roads",
        "pois",
        "labels",
    }
    at_centre = features_at(reader, *LANSIKESKUS, 15)
    names = {f["properties"].get("name_fi") for f in at_centre["roads"]}
    assert "Tesoman valtatie" in names
    assert {f["properties"]["kind"] for f in at_centre["pois"]} >= {"shopping_centre"}
    library = [f for f in at_centre["pois"] if f["properties"]["kind"] == "library"]
    assert library[0]["properties"]["name_sv"] == "Tesoma bibliotek"
    # The lake, and a point for its label inside it (a polygon's label is not its corner).
    lake = features_at(reader, 23.607, 61.5066, 14)
    assert any(f["properties"].get("name_fi") == "Tesomajärvi" for f in lake["water"])
    assert any(f["properties"].get("name_fi") == "Tesomajärvi" for f in lake["labels"])
    # Minor streets only from their own zoom level on.
    low = features_at(reader, *LANSIKESKUS, 11)
    assert {f["properties"]["kind"] for f in low["roads"]} <= {"main", "rail"}
    handle.close()


def test_building_the_same_data_again_writes_nothing_and_new_data_rebuilds(tmp_path):
    square = Polygon.from_bbox((23.60, 61.50, 23.61, 61.505))
    square.srid = 4326
    street = LineString((23.60, 61.49), (23.62, 61.49), srid=4326)
    basemap = Basemap(
        name="Test",
        description="",
        attribution="Test",
        features=[BasemapFeature("water", "lake", square, name_fi="Järvi")],
        min_zoom=12,
        max_zoom=13,
    )
    path = tmp_path / "small.pmtiles"
    first = basemap_build(basemap, path)
    written = path.stat().st_mtime_ns
    again = basemap_build(basemap, path)
    assert first.built and not again.built
    assert path.stat().st_mtime_ns == written
    road = BasemapFeature("roads", "main", street, name_fi="Katu")
    changed = dataclasses.replace(basemap, features=[*basemap.features, road])
    assert basemap_build(changed, path).built
    handle, reader = read(path)
    assert features_at(reader, 23.61, 61.49, 13)["roads"][0]["properties"]["name_fi"] == "Katu"
    handle.close()
    assert not list(tmp_path.glob(".small.pmtiles.*"))  # no temporary file left behind


def test_the_command_builds_into_the_configured_folder(settings, tmp_path, capsys):
    settings.MAP_PMTILES_DIR = tmp_path
    call_command("build_basemap")
    assert "built" in capsys.readouterr().out
    call_command("build_basemap")
    assert "already up to date" in capsys.readouterr().out
    assert (tmp_path / "tesoma.pmtiles").stat().st_size > 10_000
