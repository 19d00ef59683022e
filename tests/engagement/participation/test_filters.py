"""One parser reads the contribution filters for the API, the exports and the analysis: the
same parameters are accepted and refused with the same messages wherever they arrive."""

import pytest
from django.core.exceptions import ValidationError
from django.test import Client

from engagement.participation.filters import contribution_filters_parse
from engagement.participation.selectors import Sort
from tests.factories import CampaignFactory, ThemeFactory

pytestmark = pytest.mark.django_db

BAD_FILTERS = [
    ({"bbox": "1,2,3"}, "bbox", "Give the box as four numbers: west,south,east,north."),
    (
        {"bbox": "10,60,9,61"},
        "bbox",
        "The box must have west < east and south < north, within -180..180 and -90..90.",
    ),
    ({"campaign": "nowhere"}, "campaign", "There is no campaign with this slug."),
    ({"area": "nowhere"}, "area", "There is no area with this slug."),
    ({"kind": "wish"}, "kind", '"wish" is not a valid choice.'),
    ({"status": "maybe"}, "status", '"maybe" is not a valid choice.'),
    ({"sort": "random"}, "sort", '"random" is not a valid choice.'),
]


@pytest.mark.parametrize(("params", "field", "message"), BAD_FILTERS)
def test_the_api_and_every_export_refuse_a_bad_filter_with_the_same_message(
    params, field, message, campaign
):
    client = Client(headers={"accept-language": "en"})
    answers = [
        client.get(url, params)
        for url in (
            "/api/v1/contributions/",
            "/en/exports/contributions.csv",
            "/en/exports/contributions.geojson",
            "/en/exports/contributions.gpkg",
        )
    ]
    assert [a.status_code for a in answers] == [400] * 4
    assert [a.json() for a in answers] == [{field: [message]}] * 4


@pytest.mark.parametrize(("params", "field", "message"), BAD_FILTERS[:2] + BAD_FILTERS[4:])
def test_the_analysis_refuses_a_bad_filter_with_the_same_message_on_its_form(
    params, field, message, client, campaign, analyst
):
    client.force_login(analyst)
    response = client.get("/en/analysis/", params)
    assert response.status_code == 400
    if field in response.context["form"].fields:
        assert response.context["form"].errors[field] == [message]
    else:  # the box is not one of the dashboard's controls: the message is on top
        assert response.context["form"].non_field_errors() == [message]


def test_the_parser_gives_the_filters_and_raises_field_errors(campaign):
    filters = contribution_filters_parse({"campaign": campaign.slug, "bbox": "23.6,61.4,23.7,61.6"})
    assert filters.campaign == campaign
    assert filters.bbox == (23.6, 61.4, 23.7, 61.6)
    assert filters.sort == Sort.NEWEST
    with pytest.raises(ValidationError) as refused:
        contribution_filters_parse({"kind": "wish", "area": "nowhere"})
    assert set(refused.value.message_dict) == {"kind", "area"}


def test_the_analysis_takes_the_empty_values_of_its_all_choices(client, campaign, analyst):
    client.force_login(analyst)
    response = client.get(
        "/en/analysis/",
        {"campaign": campaign.slug, "theme": "", "kind": "", "status": "", "area": "", "since": ""},
    )
    assert response.status_code == 200
    assert response.context["filters"].campaign == campaign


def test_the_analysis_keeps_to_its_campaign_themes_and_sub_areas(client, theme, analyst):
    foreign = ThemeFactory(campaign=CampaignFactory(), slug="foreign")
    client.force_login(analyst)
    campaign = theme.campaign
    assert (
        client.get("/en/analysis/", {"campaign": campaign.slug, "theme": theme.slug}).status_code
        == 200
    )
    response = client.get("/en/analysis/", {"campaign": campaign.slug, "theme": foreign.slug})
    assert response.status_code == 400
    assert response.context["form"].errors["theme"] == [
        "Select a valid choice. That choice is not one of the available choices."
    ]
    hexbins = client.get(
        "/analysis/hexbins.geojson", {"campaign": campaign.slug, "theme": "foreign"}
    )
    assert hexbins.status_code == 400


def test_the_analysis_reads_dates_as_its_date_fields_do(client, campaign, analyst):
    client.force_login(analyst)
    for since in ("2026-05-04", "05/04/2026"):
        response = client.get("/en/analysis/", {"campaign": campaign.slug, "since": since})
        assert response.status_code == 200
        assert str(response.context["filters"].since) == "2026-05-04"


def test_a_comparison_with_a_date_that_is_not_one_is_refused_not_an_error(
    client, campaign, analyst
):
    client.force_login(analyst)
    response = client.get("/en/analysis/compare/", {"campaign": campaign.slug, "a_since": "soon"})
    assert response.status_code == 400
    assert response.context["sides"] == []
