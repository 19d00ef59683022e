"""The GeoJSON features written by concatenation in PostgreSQL (participation.features) are
valid JSON whatever the text holds, with the members the list always had."""

import json

import pytest

from engagement.participation.selectors import contributions_feature_texts
from tests.factories import ContributionFactory

pytestmark = pytest.mark.django_db

AWKWARD = 'Quote " backslash \\ tab \t newline \n </script> ä Å € 😀 \u2028 control \x01'


def test_awkward_text_is_escaped_and_read_back_as_written(theme, client):
    contribution = ContributionFactory(
        campaign=theme.campaign, theme=theme, title=AWKWARD[:120], body=AWKWARD
    )
    (text,) = contributions_feature_texts(
        queryset=type(contribution).objects.filter(pk=contribution.pk)
    )
    feature = json.loads(text)
    assert feature["type"] == "Feature" and feature["id"] == contribution.pk
    assert feature["properties"]["title"] == AWKWARD[:120]
    assert feature["properties"]["excerpt"] == AWKWARD[:200]
    assert feature["geometry"]["type"] == "Point"
    assert set(feature["properties"]) == {
        "title",
        "excerpt",
        "kind",
        "theme",
        "theme_name",
        "color",
        "status",
        "moderation",
        "supports",
        "comments",
        "place",
        "created_at",
        "url",
    }
    assert feature["properties"]["url"] == f"/contributions/{contribution.pk}/"
    listed = client.get("/api/v1/contributions/", {"campaign": theme.campaign.slug}).json()
    assert listed["features"] == [feature]


def test_the_url_and_names_follow_the_language(theme, client):
    contribution = ContributionFactory(campaign=theme.campaign, theme=theme)
    sv = client.get(
        "/api/v1/contributions/",
        {"campaign": theme.campaign.slug},
        headers={"accept-language": "sv"},
    ).json()["features"][0]["properties"]
    assert sv["url"] == f"/sv/contributions/{contribution.pk}/"
