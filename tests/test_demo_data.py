"""The Tesoma demo's data files: the shipped ones load, a broken one is refused with its file and
line before anything is written, and `load_demo` run twice leaves the same rows."""

import io
from pathlib import Path

import pytest
from django.apps import apps
from django.core.management import CommandError, call_command

from config.demo.read import DATA_DIR, demo_data_read
from config.management.commands import load_demo
from geo.models import Area
from tests.datafiles import data_copy, data_refusal, edit, line_of

REPOSITORY = Path(__file__).resolve().parents[1]


def test_shipped_demo_data_loads_and_lies_inside_tesoma():
    data = demo_data_read()
    sub_areas = ["tesoma-keskus", "tesomajarvi", "myllypuro", "haukiluoma", "ikuri"]
    assert [area.slug for area in data.areas] == ["tampere", "tesoma", *sub_areas]
    assert data.campaign.slug == "tesoma-together" and data.campaign.area == "tesoma"
    assert all(a.parent == "tesoma" and "demo" in a.description["en"] for a in data.areas[2:])
    assert len(data.themes) == 5
    assert len(data.contributions) == 14
    tesoma = data.areas[1].boundary
    assert all(tesoma.contains(c.geometry) for c in data.contributions)
    assert {c.geometry.geom_type for c in data.contributions} == {"Point", "LineString", "Polygon"}
    assert [p.report is not None for p in data.pilots] == [True, False]


def test_readme_lists_every_demo_account_with_its_password():
    readme = (REPOSITORY / "README.md").read_text(encoding="utf-8")
    accounts = demo_data_read().accounts
    for account in (*accounts.officials, accounts.organisation_member, accounts.editor):
        assert f"`{account.email}` | `{account.password}`" in readme


@pytest.fixture
def data(tmp_path) -> Path:
    return data_copy(DATA_DIR, tmp_path)


def _refusal(data: Path) -> str:
    return data_refusal(demo_data_read, data)


def test_bad_geojson_geometry_is_refused_at_the_geometry(data):
    path = data / "contributions.geojson"
    edit(path, '"coordinates": [23.645, 61.494]', '"coordinates": [23.645]')
    line = line_of(path, "[23.645]") - 2  # the `"geometry": {` line
    message = _refusal(data)
    assert message == f'{path}:{line}: feature 1, "geometry": not a valid GeoJSON geometry'


def test_self_crossing_area_is_refused(data):
    path = data / "contributions.geojson"
    edit(path, "[23.62, 61.499]", "[23.615, 61.5015]")
    message = _refusal(data)
    assert message.startswith(f'{path}:{line_of(path, "Polygon") - 1}: feature 13, "geometry": ')
    assert "invalid geometry (Ring Self-intersection" in message


def test_contribution_outside_the_area_is_refused(data):
    path = data / "contributions.geojson"
    edit(path, "[23.6295, 61.4985]", "[23.7295, 61.4985]")
    message = _refusal(data)
    assert message.endswith('feature 0, "geometry": the geometry lies outside the area "tesoma"')


def test_unknown_theme_is_refused_at_the_feature(data):
    path = data / "contributions.geojson"
    edit(path, '"theme": "information"', '"theme": "news"')
    message = _refusal(data)
    line = line_of(path, '"theme": "news"') - 2  # the `"properties": {` line
    assert message.startswith(f'{path}:{line}: feature 8, "theme": unknown theme "news"')


def test_unknown_parent_area_is_refused(data):
    path = data / "areas.geojson"
    edit(path, '"parent": "tampere"', '"parent": "pirkanmaa"')
    message = _refusal(data)
    assert message.endswith('feature 1, "parent": no area "pirkanmaa" above this one')


def test_pilot_answering_an_unknown_contribution_is_refused(data):
    path = data / "pilots.geojson"
    edit(path, '"Katettu pyöräparkki bussipysäkille"', '"Pyöräparkki"')
    assert _refusal(data).endswith('feature 1, "answers": no contribution titled "Pyöräparkki"')


def test_unknown_campaign_setting_is_refused_at_itsline_of(data):
    path = data / "campaign.md"
    edit(path, "moderation: post", "moderation: later")
    line = line_of(path, "moderation:")
    assert _refusal(data) == f'{path}:{line}: unknown moderation "later" (expected pre, post)'


def test_broken_json_is_refused_at_itsline_of(data):
    path = data / "themes.json"
    edit(path, '"color": "#0b7a5a",', '"color": "#0b7a5a"')
    line = line_of(path, '"color": "#0b7a5a"') + 1
    assert _refusal(data) == f"{path}:{line}: not valid JSON: Expecting ',' delimiter"


@pytest.mark.django_db
def test_load_demo_refuses_a_broken_file_before_writing_anything(data, monkeypatch):
    path = data / "areas.geojson"
    edit(path, '"kind": "district"', '"kind": "suburb"')
    monkeypatch.setattr(load_demo, "demo_data_read", lambda: demo_data_read(data))
    with pytest.raises(CommandError, match=r'areas\.geojson:\d+: feature 1, "kind": unknown'):
        call_command("load_demo", stdout=io.StringIO())
    assert not Area.objects.exists()


def _row_counts() -> dict[str, int]:
    labels = ("geo", "engagement", "toolkit", "auth", "account")
    return {
        model._meta.label: model.objects.count()
        for model in apps.get_models()
        if model._meta.app_label in labels
    }


@pytest.mark.django_db
def test_load_demo_twice_leaves_the_same_rows():
    call_command("load_demo", stdout=io.StringIO())
    counts = _row_counts()
    second = io.StringIO()
    call_command("load_demo", stdout=second)
    assert _row_counts() == counts
    assert "0 contributions created, 14 already there" in second.getvalue()
    assert counts["geo.Area"] == 7  # Tampere, Tesoma and Tesoma's five demo sub-areas
    assert counts["engagement.Contribution"] == 14
    assert counts["toolkit.MethodCard"] == 13
    assert counts["toolkit.Pilot"] == 2
