"""The demo's places of Tesoma (config/demo/data/places.geojson): every one approximate, each
mistake refused with the file and line, and loaded so that the demo's pins are described."""

import io
from pathlib import Path

import pytest
from django.core.management import call_command
from django.utils.translation import override

from config.demo.read import DATA_DIR, demo_data_read
from engagement.models import Contribution
from engagement.participation.places import contribution_place_text
from geo.models import Place
from tests.datafiles import data_copy, data_refusal, edit, line_of


def test_the_shipped_places_are_approximate_and_named_in_finnish():
    places = demo_data_read().places
    ids = {place.id for place in places}
    assert {"lansikeskus", "tesoman-kirjasto", "tesoman-asema", "tesomajarvi"} <= ids
    assert {place.kind for place in places} >= {"shopping_centre", "station", "school", "street"}
    tesoma = demo_data_read().areas[1].boundary
    assert all(tesoma.intersects(place.geometry) for place in places)


@pytest.fixture
def data(tmp_path) -> Path:
    return data_copy(DATA_DIR, tmp_path)


def _refusal(data: Path) -> str:
    return data_refusal(demo_data_read, data)


def test_an_unknown_kind_is_refused_at_its_feature(data):
    path = data / "places.geojson"
    edit(path, '"kind": "library"', '"kind": "castle"')
    line = line_of(path, '"kind": "castle"') - 2  # the `"properties": {` line
    assert _refusal(data).startswith(f'{path}:{line}: feature 1, "kind": unknown place kind')


def test_a_place_not_marked_approximate_is_refused(data):
    path = data / "places.geojson"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace('"approximate": true', '"approximate": false', 1))
    assert '"approximate": a hand-drawn demo place must say true' in _refusal(data)


def test_a_place_defined_twice_is_refused(data):
    path = data / "places.geojson"
    edit(path, '"id": "tesoman-koulu"', '"id": "lansikeskus"')
    assert 'place "lansikeskus" is defined twice' in _refusal(data)


@pytest.mark.django_db
def test_load_demo_fills_the_gazetteer_and_describes_the_pins():
    call_command("load_demo", stdout=io.StringIO())
    call_command("load_demo", stdout=io.StringIO())  # idempotent: no second copy
    count = len(demo_data_read().places)
    assert Place.objects.filter(source="demo", approximate=True).count() == count
    assert Place.objects.get(source_id="tesoman-kirjasto").name_sv == "Tesoma bibliotek"
    pin = Contribution.objects.select_related("place", "area").get(
        title="Pop up -tori Länsikeskuksen pihalle"
    )
    with override("fi"):
        assert contribution_place_text(pin).startswith("Länsikeskus")
        assert contribution_place_text(pin).endswith(", Tesoma (keskus)")  # its sub-area
