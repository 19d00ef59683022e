"""MAP_BASE_LAYERS: the README's two raster examples are read as written, MAP_TILES_URL still
works as a one-item shorthand, and a bad entry refuses start-up, saying which and why."""

import json

import pytest
from django.core.exceptions import ImproperlyConfigured

from config.basemaps import admin_tiles, base_layers_read, tile_urls
from geo.basemap.choices import text_in

OSM = {
    "id": "osm",
    "name": "OpenStreetMap",
    "url": "https://tile.openstreetmap.org/{z}/{x}/{y}.png",
    "attribution": '© <a href="https://www.openstreetmap.org/copyright">OpenStreetMap</a> '
    "contributors",
    "max_zoom": 19,
}
MML = {
    "id": "mml",
    "name": {
        "fi": "Maanmittauslaitoksen taustakartta",
        "sv": "Lantmäteriverkets bakgrundskarta",
        "en": "National Land Survey background map",
    },
    "url": "https://avoin-karttakuva.maanmittauslaitos.fi/avoin/wmts/1.0.0/taustakartta/default/"
    "WGS84_Pseudo-Mercator/{z}/{y}/{x}.png?api-key=KEY",
    "attribution": "© Maanmittauslaitos",
    "max_zoom": 16,
}


def test_the_readme_examples_are_read_as_written():
    layers = base_layers_read(json.dumps([OSM, MML, {"pmtiles": "tesoma"}]))
    assert [layer.id for layer in layers] == ["osm", "mml", "tesoma"]
    assert [layer.kind for layer in layers] == ["raster", "raster", "pmtiles"]
    assert layers[1].max_zoom == 16
    assert text_in(layers[1].name, "sv") == "Lantmäteriverkets bakgrundskarta"
    assert text_in(layers[1].name, "en") == "National Land Survey background map"
    assert tile_urls(layers) == [OSM["url"], MML["url"]]
    names = [str(name) for name, _, _ in admin_tiles(layers)]
    assert names[0] == "OpenStreetMap" and len(names) == 2


def test_a_name_is_given_in_finnish_at_least_and_a_msgid_is_translated():
    layer = base_layers_read(json.dumps([{**OSM, "name": {"fi": "Kartta"}}]))[0]
    assert text_in(layer.name, "sv") == "Kartta"  # no Swedish name: the Finnish one
    msgid = base_layers_read(json.dumps([{**OSM, "name": "Base map"}]))[0]
    assert text_in(msgid.name, "fi") == "Taustakartta"
    assert text_in(msgid.name, "sv") == "Bakgrundskarta"


def test_without_the_setting_the_demo_map_and_map_tiles_url_as_a_shorthand():
    assert [(layer.kind, layer.pmtiles) for layer in base_layers_read("")] == [
        ("pmtiles", "tesoma")
    ]
    layers = base_layers_read("", tiles_url="https://tiles.example.org/{z}/{x}/{y}.png")
    assert [layer.kind for layer in layers] == ["raster", "pmtiles"]
    assert layers[0].attribution is None  # the older setting allowed none


@pytest.mark.parametrize(
    ("value", "message"),
    [
        ("{not json", "not valid JSON"),
        ('{"url": "x"}', "must be a JSON list"),
        ('["https://tile.example.org"]', "layer 1: expected an object"),
        (json.dumps([{**OSM, "colour": "red"}]), "unknown key 'colour'"),
        (json.dumps([{**OSM, "url": "ftp://tiles/{z}/{x}/{y}"}]), "must start with https://"),
        (json.dumps([{**OSM, "url": "https://t.example.org/{z}/{x}.png"}]), "placeholders"),
        (json.dumps([{**OSM, "url": "https://t.example.org/{z}/{x}/{y}{key}"}]), "{key}"),
        (json.dumps([{**OSM, "url": "https://t.{s}.example.org/{z}/{x}/{y}"}]), "first part"),
        (json.dumps([{**OSM, "url": "https://{s}.t.example.org/{z}/{x}/{y}"}]), "subdomains"),
        (json.dumps([{key: v for key, v in OSM.items() if key != "attribution"}]), "attribution"),
        (json.dumps([{**OSM, "name": ""}]), '"name" must be a non-empty text'),
        (json.dumps([{**OSM, "name": {"sv": "Karta"}}]), '"fi") is required'),
        (json.dumps([{**OSM, "name": {"fi": "Kartta", "de": "Karte"}}]), "unknown language"),
        (json.dumps([{**OSM, "max_zoom": 30}]), "from 0 to 24"),
        (json.dumps([{**OSM, "max_zoom": "19"}]), "from 0 to 24"),
        (json.dumps([OSM, {**MML, "id": "osm"}]), 'id "osm" is used twice'),
        (json.dumps([{"pmtiles": "../etc/passwd"}]), "file name without .pmtiles"),
        (json.dumps([OSM, {"pmtiles": "tesoma", "url": "x"}]), "layer 2: unknown key 'url'"),
    ],
)
def test_a_bad_entry_refuses_start_up_with_what_is_wrong(value, message):
    with pytest.raises(ImproperlyConfigured, match="MAP_BASE_LAYERS") as refused:
        base_layers_read(value)
    assert message in str(refused.value)
