"""A contribution's place description ("Länsikeskus (about 150 m), Tesoma"): written with the
contribution from its PUBLIC location, shown in the list, on its page and in the API."""

import pytest
from django.contrib.gis.geos import GEOSGeometry, Point
from django.core.management import call_command
from django.db import connection
from django.utils.translation import override

from engagement.models import Contribution
from engagement.participation.places import contribution_place_text, place_text
from engagement.participation.services import contribution_submit, contribution_update
from geo.models import Place
from tests.factories import ContributionFactory, PlaceFactory

pytestmark = pytest.mark.django_db


def tm35_point(x: float, y: float) -> Point:
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT ST_AsEWKB(ST_Transform(ST_SetSRID(ST_MakePoint(%s, %s), 3067), 4326))", [x, y]
        )
        return GEOSGeometry(memoryview(cursor.fetchone()[0]))


# A spot 5 m from a corner of its 100 m privacy cell, and the cell's centre, about 64 m away.
EXACT = (320705, 6823105)
CELL_CENTRE = (320750, 6823150)


@pytest.fixture
def places() -> dict[str, Place]:
    return {
        "exact": PlaceFactory(name_fi="Salainen piha", geometry=tm35_point(*EXACT)),
        "centre": PlaceFactory(name_fi="Länsikeskus", geometry=tm35_point(*CELL_CENTRE)),
    }


def submit(theme, participant, **overrides) -> Contribution:
    values = {
        "campaign": theme.campaign,
        "participant": participant,
        "kind": "idea",
        "theme": theme,
        "title": "Benches by the square",
        "body": "Somewhere to sit.",
        "geometry": tm35_point(*EXACT),
    }
    return contribution_submit(**(values | overrides))


def test_the_description_comes_from_the_cell_centre_when_the_point_is_private(
    theme, visitor, places
):
    contribution = submit(theme, visitor)
    contribution.refresh_from_db()
    assert contribution.place == places["centre"]
    assert contribution.place_distance == 0
    with override("en"):
        assert contribution_place_text(contribution) == "Länsikeskus, Tesoma"


def test_the_description_names_the_exact_spot_only_when_the_author_made_it_public(
    theme, visitor, places
):
    contribution = submit(theme, visitor, exact_location_public=True)
    contribution.refresh_from_db()
    assert contribution.place == places["exact"]


def test_an_edit_describes_the_new_place(theme, visitor, places):
    contribution = submit(theme, visitor)
    far = PlaceFactory(name_fi="Tesoman koulu", geometry=Point(23.645, 61.503, srid=4326))
    contribution_update(
        contribution=contribution,
        participant=visitor,
        kind="idea",
        theme=theme,
        title=contribution.title,
        body=contribution.body,
        geometry=Point(23.6452, 61.5032, srid=4326),
        exact_location_public=True,
    )
    contribution.refresh_from_db()
    assert contribution.place == far
    assert contribution.place_distance == 20  # 22 m north and 11 m east


def test_the_words_read_well_in_each_language():
    values = {"place": "Länsikeskus", "distance": 150, "area": "Tesoma"}
    with override("fi"):
        assert place_text(**values) == "Länsikeskus (noin 150 m), Tesoma"
    with override("sv"):
        assert place_text(**values) == "nära Länsikeskus (cirka 150 m), Tesoma"
    with override("en"):
        assert place_text(**values) == "Länsikeskus (about 150 m), Tesoma"
        assert place_text(place=None, distance=None, area="Tesoma") == "Tesoma"
        assert place_text(place="Länsikeskus", distance=0, area="Tesoma") == "Länsikeskus, Tesoma"


def test_a_place_name_in_swedish_is_used_on_swedish_pages(theme, visitor):
    PlaceFactory(name_fi="Tesoman kirjasto", name_sv="Tesoma bibliotek", kind="library")
    contribution = submit(theme, visitor, geometry=Point(23.6312, 61.5004, srid=4326))
    contribution.refresh_from_db()
    with override("sv"):
        assert contribution_place_text(contribution).startswith("nära Tesoma bibliotek (cirka")


def test_list_detail_and_api_show_the_description(client, theme, visitor, places):
    contribution = submit(theme, visitor, title="Benches by Länsikeskus")
    page = client.get(f"/en/campaigns/{theme.campaign.slug}/").content.decode()
    assert "Where: Länsikeskus, Tesoma" in page
    detail = client.get(f"/en/contributions/{contribution.pk}/").content.decode()
    assert "Where: Länsikeskus, Tesoma" in detail
    finnish = client.get(f"/contributions/{contribution.pk}/").content.decode()
    assert "Missä: Länsikeskus, Tesoma" in finnish
    api = client.get("/api/v1/contributions/", HTTP_ACCEPT_LANGUAGE="en").json()
    (feature,) = api["features"]
    assert feature["properties"]["place"] == "Länsikeskus, Tesoma"
    one = client.get(f"/api/v1/contributions/{contribution.pk}/", HTTP_ACCEPT_LANGUAGE="fi")
    assert one.json()["properties"]["place"] == "Länsikeskus, Tesoma"


def test_the_api_writes_the_distance_in_the_readers_language(client, theme, visitor):
    PlaceFactory(name_fi="Tesoman koulu", kind="school", geometry=Point(23.63, 61.5, srid=4326))
    submit(theme, visitor, geometry=Point(23.63, 61.5015, srid=4326), exact_location_public=True)
    (feature,) = client.get("/api/v1/contributions/", HTTP_ACCEPT_LANGUAGE="fi").json()["features"]
    assert feature["properties"]["place"] == "Tesoman koulu (noin 170 m), Tesoma"


def test_without_a_near_place_the_description_is_the_area(client, theme, visitor):
    submit(theme, visitor)
    (feature,) = client.get("/api/v1/contributions/", HTTP_ACCEPT_LANGUAGE="en").json()["features"]
    assert feature["properties"]["place"] == "Tesoma"


def test_older_contributions_are_described_by_the_command(theme, places):
    older = ContributionFactory(campaign=theme.campaign, theme=theme, geometry=tm35_point(*EXACT))
    assert older.place is None
    call_command("places_describe", stdout=open("/dev/null", "w"))  # noqa: SIM115
    older.refresh_from_db()
    assert older.place == places["centre"]
