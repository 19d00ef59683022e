"""Finnish search by base forms (Voikko, decision 0032): a contribution is found by any
inflected form of its words, through the HTTP API, the map list and the moderation queue,
whichever door wrote it; a bulk write that bypassed the model is found by PostgreSQL's Snowball
until the refresh lemmatises it."""

import json

import pytest

from engagement.models import Contribution
from engagement.moderation.services import contribution_correct
from engagement.participation.search import contribution_lemmas_refresh
from tests.factories import ContributionFactory

pytestmark = pytest.mark.django_db
API = "/api/v1/contributions/"


def submit(client, theme, title: str, body: str, language: str = "fi") -> int:
    response = client.post(
        API,
        data=json.dumps(
            {
                "campaign": theme.campaign.slug,
                "kind": "need",
                "theme": theme.slug,
                "title": title,
                "body": body,
                "geometry": {"type": "Point", "coordinates": [23.631, 61.501]},
            }
        ),
        content_type="application/json",
        HTTP_ACCEPT_LANGUAGE=language,  # the API stores the request's language
    )
    assert response.status_code == 201, response.content
    assert Contribution.objects.get(pk=response.json()["id"]).language == language
    return response.json()["id"]


def found(client, q: str) -> set[int]:
    response = client.get(API, {"q": q})
    assert response.status_code == 200
    return {f["id"] for f in response.json()["features"]}


def test_the_api_finds_a_contribution_by_any_inflected_form(client, theme):
    path = submit(client, theme, "Pyörätie kouluun", "Pyörätie puuttuu Tesomalta kouluun asti.")
    park = submit(client, theme, "Koirapuisto", "Koirapuisto olisi hyvä.")
    other = submit(client, theme, "Valoja", "Pimeä polku.")
    assert found(client, "pyörätiellä") == {path}
    assert found(client, "pyöräteitä") == {path}
    assert found(client, "koirapuistoon") == {park}
    assert found(client, "puistoissa") == {park}  # a compound by its last part
    assert found(client, "pyöräteitä -kouluissa") == set()
    assert found(client, "koirapuistoja or poluilla") == {park, other}
    assert found(client, "vaikka") == set()  # a function word finds nothing, not everything
    assert Contribution.objects.get(pk=path).search_lemmas.startswith("pyörätie tie koulu")


def test_swedish_and_english_keep_their_snowball(client, theme):
    swedish = submit(client, theme, "Cykelvägar", "Fler cykelvägar till skolan.", "sv")
    english = submit(client, theme, "Bike paths", "More bike paths to school.", "en")
    assert found(client, "cykelvägen") == {swedish}
    assert found(client, "path") == {english}


def test_the_map_list_finds_inflected_forms(client, theme):
    ContributionFactory(campaign=theme.campaign, theme=theme, title="Kenkien korjaamo")
    ContributionFactory(campaign=theme.campaign, theme=theme, title="Valot")
    html = client.get(f"/campaigns/{theme.campaign.slug}/", {"q": "kenkä"}).content.decode()
    assert "Kenkien korjaamo" in html and "Valot" not in html


def test_a_moderators_correction_is_found_by_its_new_words(client, theme, moderator):
    contribution = ContributionFactory(campaign=theme.campaign, theme=theme, title="Penkki")
    contribution_correct(
        actor=moderator, contribution=contribution, title="Koirapuisto", body="Koirapuistoon."
    )
    assert found(client, "koirapuistoissa") == {contribution.pk}
    assert found(client, "penkkejä") == set()


def test_a_bulk_write_is_found_by_snowball_until_the_refresh_lemmatises_it(client, theme):
    contribution = ContributionFactory(campaign=theme.campaign, theme=theme, title="Penkki")
    Contribution.objects.filter(pk=contribution.pk).update(
        title="Pyöräteitä", body="Pyöräteitä kouluun."
    )
    stale = Contribution.objects.get(pk=contribution.pk)
    assert stale.search_lemmas.startswith("penkki")  # the old text's base forms, not used:
    assert found(client, "penkki") == set()
    assert found(client, "pyöräteitä") == {contribution.pk}  # PostgreSQL's Finnish Snowball
    assert found(client, "pyörätiellä") == set()  # a stem change Snowball cannot follow
    assert contribution_lemmas_refresh(campaign_id=theme.campaign_id) == 1
    assert found(client, "pyörätiellä") == {contribution.pk}
    assert contribution_lemmas_refresh(campaign_id=theme.campaign_id) == 0


def test_the_moderation_queue_searches_by_base_forms(moderator_client, theme):
    match = ContributionFactory(
        campaign=theme.campaign, theme=theme, title="Koirapuistoon aita", pending=True
    )
    ContributionFactory(campaign=theme.campaign, theme=theme, title="Valot", pending=True)
    html = moderator_client.get("/en/moderation/", {"q": "koirapuisto"}).content.decode()
    assert "Koirapuistoon aita" in html and "Valot" not in html
    assert match.pk
