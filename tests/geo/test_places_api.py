"""`GET /api/v1/places/?q=…`: what the map's search box asks, refused cleanly when bad."""

import pytest

from geo.models import Place
from tests.factories import PlaceFactory

pytestmark = pytest.mark.django_db
URL = "/api/v1/places/"


@pytest.fixture
def gazetteer():
    PlaceFactory(name_fi="Länsikeskus")
    PlaceFactory(name_fi="Tesoman kirjasto", name_sv="Tesoma bibliotek", kind=Place.Kind.LIBRARY)
    PlaceFactory(name_fi="Tesoman valtatie", kind=Place.Kind.STREET)


def test_a_search_returns_the_places_with_their_points(client, gazetteer):
    response = client.get(URL, {"q": "lansik"}, HTTP_ACCEPT_LANGUAGE="fi")
    assert response.status_code == 200
    (place,) = response.json()["results"]
    assert place["name"] == "Länsikeskus"
    assert place["kind"] == "shopping_centre"
    assert place["kind_label"] == "Kauppakeskus"
    assert place["approximate"] is True
    assert place["point"] == {"type": "Point", "coordinates": [23.63, 61.5]}


def test_swedish_names_are_found_and_shown_to_swedish_readers(client, gazetteer):
    (place,) = client.get(URL, {"q": "BIBLIO"}, HTTP_ACCEPT_LANGUAGE="sv").json()["results"]
    assert (place["name"], place["name_fi"]) == ("Tesoma bibliotek", "Tesoman kirjasto")
    assert place["kind_label"] == "Bibliotek"


def test_results_are_ranked_and_limited(client, gazetteer):
    names = [p["name"] for p in client.get(URL, {"q": "tesoman"}).json()["results"]]
    assert names == ["Tesoman kirjasto", "Tesoman valtatie"]
    limited = client.get(URL, {"q": "tesoman", "limit": 1}).json()["results"]
    assert len(limited) == 1


def test_an_empty_search_finds_nothing(client, gazetteer):
    assert client.get(URL, {"q": " "}).json() == {"results": []}


@pytest.mark.parametrize(
    "query",
    [{}, {"q": "a" * 101}, {"q": "a\x00b"}, {"q": "x", "limit": "11"}, {"q": "x", "limit": "z"}],
)
def test_bad_input_is_a_400_with_a_message(client, gazetteer, query):
    response = client.get(URL, query, HTTP_ACCEPT_LANGUAGE="fi")
    assert response.status_code == 400
    assert response.json()


def test_too_long_is_refused_in_the_readers_language(client):
    response = client.get(URL, {"q": "a" * 101}, HTTP_ACCEPT_LANGUAGE="fi")
    assert response.json()["q"] == ["Kirjoita enintään 100 merkkiä."]


def test_the_search_is_in_the_api_schema(client):
    schema = client.get("/api/v1/schema/", HTTP_ACCEPT="application/json").json()
    operation = schema["paths"]["/api/v1/places/"]["get"]
    assert {p["name"] for p in operation["parameters"]} >= {"q", "limit"}
    assert "400" in operation["responses"]
