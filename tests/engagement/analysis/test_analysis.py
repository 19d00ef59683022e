"""Analysis aggregates against hand-computed values, and who may see them."""

import json
from datetime import UTC, date, datetime

import pytest
from django.contrib.gis.geos import GEOSGeometry, Point

from engagement.analysis.selectors import (
    AnalysisFilters,
    frequent_terms,
    hexbins,
    overview,
    time_series,
    top_contributions,
)
from geo.models import Area
from tests.factories import (
    ContributionFactory,
)

pytestmark = pytest.mark.django_db
DAY1 = datetime(2026, 5, 4, 12, 0, tzinfo=UTC)


def test_overview_counts_match_hand_computed_values(fixture_data, theme):
    campaign, _ = fixture_data
    result = overview(filters=AnalysisFilters(campaign=campaign))
    assert result["totals"] == {"contributions": 5, "comments": 3, "supports": 4, "participants": 5}
    assert {b.key: b.count for b in result["by_kind"]} == {"idea": 3, "need": 2}
    assert {b.label: b.count for b in result["by_theme"]} == {theme.name: 3, "Other": 2}
    assert {b.key: b.count for b in result["by_status"]} == {"new": 4, "planned": 1}
    assert {b.key: b.count for b in result["by_area"]} == {"east": 2, "west": 3}


def test_filters_narrow_every_count(fixture_data, theme):
    campaign, _ = fixture_data
    west = Area.objects.get(slug="west")
    result = overview(filters=AnalysisFilters(campaign=campaign, area=west, kind="idea"))
    assert result["totals"]["contributions"] == 2  # A and C
    result = overview(
        filters=AnalysisFilters(campaign=campaign, theme=theme, since=date(2026, 5, 6))
    )
    assert result["totals"]["contributions"] == 1  # E


def test_time_series_has_every_day_with_hand_computed_counts(fixture_data):
    campaign, _ = fixture_data
    days = time_series(filters=AnalysisFilters(campaign=campaign))
    assert [(d.day, d.contributions, d.comments, d.supports) for d in days] == [
        (date(2026, 5, 4), 2, 0, 0),
        (date(2026, 5, 5), 0, 0, 4),
        (date(2026, 5, 6), 3, 3, 0),
    ]


def test_most_supported_and_most_discussed(fixture_data):
    campaign, _made = fixture_data
    filters = AnalysisFilters(campaign=campaign)
    assert [c.title for c in top_contributions(filters=filters, by="supports")] == [
        "Title A",
        "Title D",
    ]
    assert [c.title for c in top_contributions(filters=filters, by="comments")] == [
        "Title D",
        "Title A",
    ]


def test_hexagon_bins_count_every_public_contribution_once(fixture_data, every_cell):
    campaign, _made = fixture_data
    collection = json.loads(hexbins(filters=AnalysisFilters(campaign=campaign), zoom=13))
    assert collection["cell_size_m"] == 250
    counts = [f["properties"]["count"] for f in collection["features"]]
    assert sum(counts) == 5
    # A and B are 55 m apart, in one 250 m cell; H is hidden and counts nowhere.
    listed = [
        item["title"] for f in collection["features"] for item in f["properties"]["contributions"]
    ]
    assert sorted(listed) == ["Title A", "Title B", "Title C", "Title D", "Title E"]
    cell_ab = next(
        f
        for f in collection["features"]
        if "Title A" in [i["title"] for i in f["properties"]["contributions"]]
    )
    assert cell_ab["properties"]["count"] == 2
    assert cell_ab["geometry"]["type"] == "Polygon"


def test_frequent_terms_are_base_forms_and_skip_stop_words(theme):
    for title, body in [
        ("Penkkejä puistoon", "Puistossa ei ole penkkiä ja se on ikävää."),
        ("Valoja puistoon", "Puiston polku on pimeä."),
    ]:
        ContributionFactory(
            campaign=theme.campaign, theme=theme, title=title, body=body, language="fi"
        )
    ((found_theme, terms),) = frequent_terms(filters=AnalysisFilters(campaign=theme.campaign))
    assert found_theme == theme
    by_stem = {t.stem: t for t in terms}
    assert terms[0].stem == "puisto" and terms[0].count == 2
    assert by_stem["puisto"].word == "puisto"  # the base form, not the commonest written form
    assert by_stem["penkki"].word == "penkki"  # 'penkkejä' and 'penkkiä', once
    assert "ja" not in {t.word for t in terms} and "on" not in {t.word for t in terms}
    assert "q=puisto" in by_stem["puisto"].url


def test_analysis_page_for_an_analyst_and_no_one_else(
    client, fixture_data, analyst, resident, other_moderator, every_cell
):
    campaign, _ = fixture_data
    assert client.get("/analysis/").status_code == 302
    client.force_login(resident)
    assert client.get("/analysis/").status_code == 403
    client.force_login(other_moderator)
    response = client.get("/en/analysis/", {"campaign": campaign.slug})
    assert response.status_code == 400  # not one of their campaigns
    client.force_login(analyst)
    html = client.get("/en/analysis/", {"campaign": campaign.slug}).content.decode()
    assert "Title A" in html  # most supported
    assert "Title H" not in html
    assert 'class="bar-chart" role="img"' in html and "<table" in html
    cells = client.get("/analysis/hexbins.geojson", {"campaign": campaign.slug, "zoom": "13"})
    assert sum(f["properties"]["count"] for f in cells.json()["features"]) == 5


def test_compare_two_windows_side_by_side(client, fixture_data, analyst):
    campaign, _ = fixture_data
    client.force_login(analyst)
    response = client.get(
        "/en/analysis/compare/",
        {
            "campaign": campaign.slug,
            "a_since": "2026-05-04",
            "a_until": "2026-05-04",
            "b_since": "2026-05-06",
            "b_until": "2026-05-06",
        },
    )
    sides = response.context["sides"]
    assert [counts["totals"]["contributions"] for _label, counts in sides] == [2, 3]
    response = client.get(
        "/en/analysis/compare/", {"campaign": campaign.slug, "a_area": "west", "b_area": "east"}
    )
    assert [counts["totals"]["contributions"] for _label, counts in response.context["sides"]] == [
        3,
        2,
    ]


def test_hexagon_bins_hold_each_point_at_its_public_location_as_exports_give_it(
    theme, analyst_client, every_cell
):
    """At the finest zoom (30 m cells) a point 64 m from the centre of its 100 m privacy cell
    falls in another hexagon than its public location: the bins must show the public one."""
    centre = Point(23.63, 61.5, srid=4326).transform(3067, clone=True)
    centre = Point(centre.x // 100 * 100 + 50, centre.y // 100 * 100 + 50, srid=3067)
    exact = Point(centre.x + 45, centre.y + 45, srid=3067).transform(4326, clone=True)
    snapped = ContributionFactory(campaign=theme.campaign, theme=theme, geometry=exact)
    as_chosen = ContributionFactory(
        campaign=theme.campaign, theme=theme, geometry=exact, exact_location_public=True
    )
    export = analyst_client.get("/exports/contributions.geojson", {"campaign": theme.campaign.slug})
    exported = {
        feature["id"]: GEOSGeometry(json.dumps(feature["geometry"]), srid=4326)
        for feature in json.loads(b"".join(export.streaming_content))["features"]
    }
    assert exported[as_chosen.pk].equals_exact(exact, tolerance=1e-6)
    assert exported[snapped.pk].distance(exact) > 1e-4  # moved to the cell's centre

    cells = analyst_client.get(
        "/analysis/hexbins.geojson", {"campaign": theme.campaign.slug, "zoom": "16"}
    ).json()
    assert cells["cell_size_m"] == 30

    def cell_of(contribution) -> GEOSGeometry:
        (cell,) = [
            GEOSGeometry(json.dumps(f["geometry"]), srid=4326)
            for f in cells["features"]
            if contribution.pk in [i["id"] for i in f["properties"]["contributions"]]
        ]
        return cell

    assert cell_of(as_chosen).contains(exported[as_chosen.pk])
    assert cell_of(snapped).contains(exported[snapped.pk])
    assert not cell_of(snapped).contains(exact)


@pytest.mark.parametrize(
    "params, message",
    [
        ({"until": "9999-12-31"}, "Choose a date between"),
        ({"since": "0001-01-01"}, "Choose a date between"),
        ({"since": "2026-05-06", "until": "2026-05-04"}, "The period ends before it starts."),
        ({"a_since": "2026-05-06", "a_until": "2026-05-04"}, "The period ends before it starts."),
    ],
)
def test_a_period_out_of_range_or_backwards_is_refused_on_every_surface(
    client, fixture_data, analyst, params, message
):
    """A date at the calendar's ends overflowed the end-of-day arithmetic (a 500), and
    0001..9999 asked for millions of days of chart."""
    campaign, _ = fixture_data
    client.force_login(analyst)
    query = {"campaign": campaign.slug, **params}
    for url in ("/en/analysis/", "/en/analysis/compare/", "/en/analysis/report/"):
        if url != "/en/analysis/compare/" and "a_since" in params:
            continue
        response = client.get(url, query)
        assert response.status_code == 400, url
        assert message in response.content.decode(), url
    if "a_since" not in params:
        assert client.get("/en/analysis/report.xlsx", query).status_code == 400
