"""The density map's k threshold through the HTTP endpoint and the page, the per-week series,
and figures written in the reader's language (decision 0033)."""

from datetime import UTC, date, datetime, timedelta

import pytest
from django.contrib.gis.geos import Point
from django.utils import translation

from engagement.analysis.selectors import AnalysisFilters, activity_series, weekly_series
from engagement.analysis.views import _number, _time_chart
from engagement.models import Contribution
from tests.factories import ContributionFactory

pytestmark = pytest.mark.django_db
SPOT = Point(23.6295, 61.4985, srid=4326)


def _pins(theme, n: int, spot: Point = SPOT) -> list[Contribution]:
    return [
        ContributionFactory(campaign=theme.campaign, theme=theme, title=f"Pin {i}", geometry=spot)
        for i in range(n)
    ]


def _cells(client, campaign, zoom: int = 13) -> list[dict]:
    response = client.get("/analysis/hexbins.geojson", {"campaign": campaign.slug, "zoom": zoom})
    assert response.status_code == 200
    return response.json()["features"]


def test_a_single_pin_gives_no_cell_anywhere(theme, analyst_client):
    (pin,) = _pins(theme, 1)
    for zoom in (10, 13, 16):
        assert _cells(analyst_client, theme.campaign, zoom) == []
    html = analyst_client.get("/en/analysis/", {"campaign": theme.campaign.slug}).content.decode()
    assert "No cell has 5 contributions or more." in html
    assert pin.title not in html


def test_k_pins_in_one_cell_show_and_one_fewer_do_not(theme, analyst_client, settings):
    assert settings.ANALYSIS_MIN_GROUP == 5
    pins = _pins(theme, 4)
    assert _cells(analyst_client, theme.campaign) == []
    pins += _pins(theme, 1)
    (cell,) = _cells(analyst_client, theme.campaign)
    assert cell["properties"]["count"] == 5
    assert {i["id"] for i in cell["properties"]["contributions"]} == {p.pk for p in pins}
    lon, lat = cell["properties"]["centre"]
    assert abs(lon - SPOT.x) < 0.01 and abs(lat - SPOT.y) < 0.01
    html = analyst_client.get("/en/analysis/", {"campaign": theme.campaign.slug}).content.decode()
    table = html.split('id="density-table"')[1].split("</table>")[0]
    assert "<td>5</td>" in table and "No cell has" not in table


def test_k_comes_from_the_setting(theme, analyst_client, settings):
    settings.ANALYSIS_MIN_GROUP = 2
    _pins(theme, 2)
    _pins(theme, 1, Point(23.655, 61.4925, srid=4326))  # alone, 1.5 km away
    assert [c["properties"]["count"] for c in _cells(analyst_client, theme.campaign)] == [2]


def _dated(theme, *days: datetime) -> None:
    for day in days:
        c = ContributionFactory(campaign=theme.campaign, theme=theme)
        Contribution.objects.filter(pk=c.pk).update(created_at=day)


def test_a_month_is_drawn_per_day_and_a_longer_period_per_iso_week(theme):
    start = datetime(2026, 6, 1, 10, 0, tzinfo=UTC)  # a Monday
    _dated(theme, start, start + timedelta(days=30))
    unit, days = activity_series(filters=AnalysisFilters(campaign=theme.campaign))
    assert unit == "day" and len(days) == 31
    _dated(theme, start + timedelta(days=31), start + timedelta(days=31))
    unit, weeks = activity_series(filters=AnalysisFilters(campaign=theme.campaign))
    assert unit == "week"
    assert [(w.week, w.first, w.last, w.contributions) for w in weeks] == [
        (23, date(2026, 6, 1), date(2026, 6, 7), 1),
        (24, date(2026, 6, 8), date(2026, 6, 14), 0),
        (25, date(2026, 6, 15), date(2026, 6, 21), 0),
        (26, date(2026, 6, 22), date(2026, 6, 28), 0),
        (27, date(2026, 6, 29), date(2026, 7, 2), 3),  # the period ends on a Thursday
    ]


def test_iso_weeks_across_the_new_year(theme):
    start = datetime(2026, 12, 20, 12, 0, tzinfo=UTC)  # a Sunday, ISO week 51
    _dated(theme, start, start + timedelta(days=15))
    filters = AnalysisFilters(campaign=theme.campaign, until=date(2027, 1, 25))
    unit, weeks = activity_series(filters=filters)
    assert unit == "week"
    assert [(w.year, w.week) for w in weeks][:4] == [(2026, 51), (2026, 52), (2026, 53), (2027, 1)]
    assert weeks[0].first == weeks[0].last == date(2026, 12, 20)
    assert weeks[-1].last == date(2027, 1, 25)
    assert sum(w.contributions for w in weeks) == 2
    assert weekly_series([]) == []


@pytest.mark.parametrize(
    ("language", "week", "dates", "number"),
    [
        ("fi", "vk 23", "1.6.2026–7.6.2026", "12\xa0345"),  # noqa: RUF001
        ("sv", "v. 23", "2026-06-01–2026-06-07", "12\xa0345"),  # noqa: RUF001
        ("en", "wk 23", "1 Jun 2026–7 Jun 2026", "12,345"),  # noqa: RUF001
    ],
)
def test_weeks_dates_and_numbers_in_the_readers_language(language, week, dates, number, theme):
    start = datetime(2026, 6, 1, 10, 0, tzinfo=UTC)
    _dated(theme, start, start + timedelta(days=40))
    _unit, weeks = activity_series(filters=AnalysisFilters(campaign=theme.campaign))
    with translation.override(language):
        chart = _time_chart("week", weeks)
        assert (chart["rows"][0]["label"], chart["rows"][0]["detail"]) == (week, dates)
        assert _number(12345) == number
