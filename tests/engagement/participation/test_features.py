"""The GeoJSON features written by concatenation in PostgreSQL (participation.features) are
valid JSON whatever the text holds, with the members the list always had."""

import json

import pytest
from django.urls import reverse
from django.utils.translation import override

from engagement.models import Contribution
from engagement.participation import selectors
from engagement.participation.selectors import contributions_feature_texts
from tests.factories import ContributionFactory

pytestmark = pytest.mark.django_db

AWKWARD = 'Quote " backslash \\ tab \t newline \n </script> ä Å € 😀 \u2028 control \x01'


def test_awkward_text_is_escaped_and_read_back_as_written(theme, client):
    contribution = ContributionFactory(
        campaign=theme.campaign, theme=theme, title=AWKWARD[:120], body=AWKWARD
    )
    (text,) = contributions_feature_texts(queryset=Contribution.objects.filter(pk=contribution.pk))
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


@pytest.mark.parametrize("language", ["fi", "sv", "en"])
@pytest.mark.parametrize("exact", [False, True])
def test_the_compiled_once_sql_writes_what_the_expression_writes(theme, language, exact):
    contribution = ContributionFactory(campaign=theme.campaign, theme=theme)
    rows = Contribution.objects.filter(pk=contribution.pk)
    with override(language):
        prefix = reverse("engagement:contribution-detail", kwargs={"pk": 1})[:-2]
        cached = selectors.contributions_feature_texts(queryset=rows, exact=exact)
        direct = list(
            selectors._with_feature_names(rows)
            .annotate(feature=selectors._feature_expression(exact=exact, url_prefix=prefix))
            .values_list("feature", flat=True)
        )
        query = selectors.contributions_feature_text_queryset(queryset=rows, exact=exact).query
    assert type(query.annotations["feature"]).__name__ == "RawSQL"
    assert cached == direct and len(cached) == 1
