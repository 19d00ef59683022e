"""Coordinates with a height (Z) or a measure (M) are reduced to longitude and latitude at every
door: the API in JSON and multipart, the campaign page's form, the author's edit in both, and
a pilot's proposal. Strange coordinates are a 400 with the same message at each door."""

import json

import pytest
from django.test import Client

from engagement.models import Contribution
from tests.factories import HYPOTHESIS

pytestmark = pytest.mark.django_db

API = "/api/v1/contributions/"
POINT_Z = {"type": "Point", "coordinates": [23.631, 61.501, 112.5]}
POINT_ZM = {"type": "Point", "coordinates": [23.631, 61.501, 112.5, 3]}
ROUTE_Z = {"type": "LineString", "coordinates": [[23.62, 61.5, 100], [23.63, 61.501, 104]]}
AREA_ZM = {
    "type": "Polygon",
    "coordinates": [[[23.62, 61.5, 1, 0], [23.63, 61.5, 1, 0], [23.63, 61.501, 1, 0]]],
}


def _values(theme, geometry, **extra) -> dict:
    return {
        "campaign": theme.campaign.slug,
        "kind": "need",
        "theme": theme.slug,
        "title": "Lights on the forest path",
        "body": "The path to the school is dark in winter.",
        "geometry": geometry,
        **extra,
    }


def _only_contribution() -> Contribution:
    contribution = Contribution.objects.get()
    assert not contribution.geometry.hasz
    return contribution


@pytest.mark.parametrize("geometry", [POINT_Z, POINT_ZM, ROUTE_Z])
def test_the_api_stores_three_and_four_dimensional_input_in_two(client, theme, geometry):
    response = client.post(API, _values(theme, geometry), content_type="application/json")
    assert response.status_code == 201, response.content
    contribution = _only_contribution()
    assert contribution.geometry.geom_type == geometry["type"]


def test_an_area_with_heights_and_measures_is_stored_flat(client, theme):
    # A polygon's ring needs its first corner again at the end.
    area = {"type": "Polygon", "coordinates": [[*AREA_ZM["coordinates"][0], [23.62, 61.5, 1, 0]]]}
    response = client.post(API, _values(theme, area), content_type="application/json")
    assert response.status_code == 201, response.content
    assert _only_contribution().geometry.geom_type == "Polygon"


def test_a_multipart_post_with_a_height_is_stored_flat(client, theme):
    response = client.post(API, _values(theme, json.dumps(POINT_ZM)))
    assert response.status_code == 201, response.content
    assert _only_contribution().geometry.coords == pytest.approx((23.631, 61.501))


def test_the_campaign_form_stores_a_drawn_route_with_heights_flat(client, theme):
    data = {k: v for k, v in _values(theme, json.dumps(ROUTE_Z)).items() if k != "campaign"}
    response = client.post(theme.campaign.get_absolute_url(), data)
    assert response.status_code == 302, response.content
    assert _only_contribution().geometry.geom_type == "LineString"


def test_the_authors_edit_stores_heights_flat_through_both_doors(theme):
    author = Client()
    created = author.post(API, _values(theme, POINT_Z), content_type="application/json")
    pk = created.json()["id"]
    update = {k: v for k, v in _values(theme, POINT_ZM).items() if k != "campaign"}
    response = author.put(f"{API}{pk}/", update, content_type="application/json")
    assert response.status_code == 200, response.content
    page = {**update, "geometry": json.dumps(ROUTE_Z)}
    response = author.post(f"/contributions/{pk}/edit/", page)
    assert response.status_code == 302, response.content
    assert _only_contribution().geometry.geom_type == "LineString"


def test_a_pilot_proposal_with_a_height_is_stored_flat(
    organisation_member_client, organisation, campaign, contribution
):
    from toolkit.models import Pilot

    response = organisation_member_client.post(
        "/pilots/new/",
        {
            "organisation": organisation.pk,
            "campaign": campaign.slug,
            "title": "Benches on the way to Länsikeskus",
            "hypothesis": HYPOTHESIS,
            "contributions": [contribution.pk],
            "geometry": json.dumps(POINT_ZM),
            "starts_on": "2030-05-01",
            "ends_on": "2030-06-01",
            "measure_0_name": "Walkers",
            "measure_0_unit": "people",
            "measure_0_target": "100",
        },
    )
    assert response.status_code == 302
    pilot = Pilot.objects.get(title="Benches on the way to Länsikeskus")
    assert not pilot.geometry.hasz


STRANGE = [
    {"type": "Point", "coordinates": [23.631, 61.501, 1, 2, 3]},
    {"type": "Point", "coordinates": [23.631]},
    {"type": "Point", "coordinates": ["23.631", 61.501]},
    {"type": "Point", "coordinates": [[[[[]]]]]},
    {"type": "LineString", "coordinates": [[23.631, 61.501]]},
    {"type": "Polygon", "coordinates": []},
    {"type": "GeometryCollection", "geometries": []},
    "[" * 100_000 + "]" * 100_000,
    '{"type": "Point", "coordinates": [NaN, 61.5]}',
    '{"type": "Point", "coordinates": [1e309, 61.5]}',
]


@pytest.mark.parametrize("geometry", STRANGE)
def test_strange_coordinates_are_a_400_at_every_door(client, theme, geometry):
    text = geometry if isinstance(geometry, str) else json.dumps(geometry)
    message = "The location is not a valid geometry."
    en = {"accept-language": "en"}
    if not isinstance(geometry, str):  # a JSON body holds only valid JSON
        response = client.post(
            API, _values(theme, geometry), content_type="application/json", headers=en
        )
        assert response.status_code == 400
        assert response.json() == {"geometry": [message]}
    response = client.post(API, _values(theme, text), headers=en)
    assert response.status_code == 400
    assert response.json() == {"geometry": [message]}
    page = {k: v for k, v in _values(theme, text).items() if k != "campaign"}
    response = client.post(f"/en/campaigns/{theme.campaign.slug}/", page)
    assert response.status_code == 400
    assert message in response.content.decode()
    assert not Contribution.objects.exists()


@pytest.mark.parametrize(
    ("coordinates", "message"),
    [
        ([1e308, 61.5], "outside the range of longitude and latitude"),
        ([23.63, -91], "outside the range of longitude and latitude"),
        ([10**300, 61.5], "outside the range of longitude and latitude"),
    ],
)
def test_coordinates_beyond_the_globe_are_a_400(client, theme, coordinates, message):
    geometry = {"type": "Point", "coordinates": coordinates}
    response = client.post(
        API,
        _values(theme, geometry),
        content_type="application/json",
        headers={"accept-language": "en"},
    )
    assert response.status_code == 400
    assert message in response.json()["geometry"][0]


def test_an_empty_geometry_is_a_400(client, theme):
    geometry = {"type": "LineString", "coordinates": []}
    response = client.post(
        API,
        _values(theme, geometry),
        content_type="application/json",
        headers={"accept-language": "en"},
    )
    assert response.status_code == 400
    assert response.json() == {"geometry": ["The location is not a valid geometry."]}


def test_the_refusal_is_translated(client, theme):
    geometry = {"type": "Point", "coordinates": [23.631]}
    response = client.post(
        API,
        _values(theme, geometry),
        content_type="application/json",
        headers={"accept-language": "sv"},
    )
    assert response.status_code == 400
    assert response.json() == {
        "geometry": ["Platsen är ogiltig: placera markeringen på kartan igen."]
    }


def test_an_edit_with_a_strange_geometry_is_a_400_and_changes_nothing(theme):
    author = Client()
    pk = author.post(API, _values(theme, POINT_Z), content_type="application/json").json()["id"]
    update = {k: v for k, v in _values(theme, STRANGE[0]).items() if k != "campaign"}
    assert author.put(f"{API}{pk}/", update, content_type="application/json").status_code == 400
    page = {**update, "geometry": STRANGE[-3]}
    assert author.post(f"/contributions/{pk}/edit/", page).status_code == 400
    assert _only_contribution().geometry.coords == pytest.approx((23.631, 61.501))
