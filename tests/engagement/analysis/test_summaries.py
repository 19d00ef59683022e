"""The analysis summaries (docs/decisions/0027): what they give equals what a from-scratch count
of the contributions gives, with every filter the page offers; hidden contributions count
nowhere; the real worker builds them; the page says how fresh they are, in fi, sv and en."""

import json
from dataclasses import replace
from datetime import date

import pytest
from django.conf import settings
from django.contrib.gis.geos import Point
from django.utils import formats, timezone, translation
from django.utils.html import escape

from engagement.analysis.selectors import (
    HEX_SIZE_BY_ZOOM,
    AnalysisFilters,
    counts_per_area,
    frequent_terms,
    hexbins,
    overview,
    summary_as_of,
    time_series,
)
from engagement.analysis.services import analysis_refresh, analysis_refresh_request
from engagement.models import AnalysisCount, AnalysisHexBin, AnalysisRefresh, Contribution
from geo.models import Area
from tests.factories import ContributionFactory
from tests.queue_support import Workers, free_port, wait_for

BODIES = {
    "A": ("Penkkejä puistoon", "Puistossa ei ole penkkiä ja se on ikävää.", "fi"),
    "B": ("Valoja puistoon", "Puiston polku on pimeä.", "fi"),
    "C": ("Fler bänkar", "Parken behöver bänkar och ljus.", "sv"),
    "D": ("Pyöräteitä", "Pyörätie puiston läpi.", "fi"),
    "E": ("Bike lanes", "More bike lanes to the park.", "en"),
    "H": ("Salainen puisto", "Piilotettu puisto puisto puisto.", "fi"),
}


@pytest.fixture
def texts(fixture_data):
    campaign, made = fixture_data
    for name, (title, body, language) in BODIES.items():
        Contribution.objects.filter(pk=made[name].pk).update(
            title=title, body=body, language=language
        )
    return campaign, made


def filter_sets(campaign, theme) -> list[AnalysisFilters]:
    west = Area.objects.get(slug="west")
    base = AnalysisFilters(campaign=campaign)
    return [
        base,
        replace(base, theme=theme),
        replace(base, kind="idea"),
        replace(base, status="planned"),
        replace(base, area=west),
        replace(base, since=date(2026, 5, 5)),
        replace(base, until=date(2026, 5, 4), kind="need"),
        replace(base, area=west, theme=theme, kind="idea", status="new"),
    ]


def without_source(result: dict) -> dict:
    return {k: v for k, v in result.items() if k != "source"}


def features(collection: str) -> list:
    parsed = json.loads(collection)
    return sorted(parsed["features"], key=lambda f: f["id"])


def test_the_summaries_equal_a_count_from_scratch_with_every_filter(texts, theme, every_cell):
    campaign, _made = texts
    assert summary_as_of(campaign=campaign) is None
    refresh = analysis_refresh(campaign=campaign)
    assert refresh.contributions == 5  # H is hidden
    assert summary_as_of(campaign=campaign) == refresh.refreshed_at
    for filters in filter_sets(campaign, theme):
        summary, live = overview(filters=filters), overview(filters=filters, live=True)
        assert summary["source"].as_of is not None and live["source"].as_of is None
        assert without_source(summary) == without_source(live), filters
        assert time_series(filters=filters) == time_series(filters=filters, live=True)
        assert counts_per_area(filters=filters) == counts_per_area(filters=filters, live=True)
        for zoom in HEX_SIZE_BY_ZOOM:
            assert features(hexbins(filters=filters, zoom=zoom)) == features(
                hexbins(filters=filters, zoom=zoom, live=True)
            ), (filters, zoom)
        summary_terms = frequent_terms(filters=filters)
        assert list(summary_terms) == list(frequent_terms(filters=filters, live=True))
    whole = overview(filters=AnalysisFilters(campaign=campaign))
    assert whole["totals"]["contributions"] == 5
    assert {b.key: b.count for b in whole["by_area"]} == {"east": 2, "west": 3}
    terms = dict(frequent_terms(filters=AnalysisFilters(campaign=campaign)))[theme]
    # A and B say "puisto" (E is English); H's hidden "puisto" x4 counts nowhere.
    assert (terms[0].stem, terms[0].word, terms[0].count) == ("puisto", "puisto", 2)
    assert "salai" not in {t.stem for t in terms}


def test_a_contribution_hidden_after_the_refresh_is_no_longer_listed(
    texts, analyst_client, every_cell
):
    campaign, made = texts
    analysis_refresh(campaign=campaign)
    Contribution.objects.filter(pk=made["A"].pk).update(moderation_state="hidden")
    cells = analyst_client.get(
        "/analysis/hexbins.geojson", {"campaign": campaign.slug, "zoom": "13"}
    ).json()
    listed = [i["title"] for f in cells["features"] for i in f["properties"]["contributions"]]
    assert "Penkkejä puistoon" not in listed and "Valoja puistoon" in listed
    assert cells["as_of"] is not None
    analysis_refresh(campaign=campaign)
    cells = analyst_client.get(
        "/analysis/hexbins.geojson", {"campaign": campaign.slug, "zoom": "13"}
    ).json()
    assert sum(f["properties"]["count"] for f in cells["features"]) == 4


def test_a_view_the_summary_does_not_serve_counts_the_newest_rows_and_says_so(
    texts, settings, analyst_client, every_cell
):
    campaign, _made = texts
    analysis_refresh(campaign=campaign)
    settings.ANALYSIS_LIVE_ROWS = 3
    filters = AnalysisFilters(campaign=campaign, since=date(2026, 5, 4))
    collection = json.loads(hexbins(filters=filters, zoom=13))
    assert collection["complete"] is False and collection["as_of"] is None
    assert sum(f["properties"]["count"] for f in collection["features"]) == 3
    html = analyst_client.get(
        "/en/analysis/", {"campaign": campaign.slug, "since": "2026-05-04"}
    ).content.decode()
    assert "counted from the newest 3 matching contributions" in html
    assert overview(filters=filters)["totals"]["contributions"] == 5  # counts stay whole


@pytest.mark.parametrize(
    ("language", "as_of", "computing"),
    [
        ("fi", "Lukumäärät, kuumat pisteet ja sanat", "Yhteenvetoja lasketaan"),
        ("sv", "Antal, heta punkter och ord", "Sammanfattningarna beräknas"),
        ("en", "Counts, hot spots and words as of", "The summaries are being computed"),
    ],
)
def test_the_page_says_how_fresh_its_figures_are(
    texts, analyst_client, django_capture_on_commit_callbacks, language, as_of, computing
):
    campaign, _made = texts
    with django_capture_on_commit_callbacks(execute=True):
        html = analyst_client.get(
            "/analysis/" if language == "fi" else f"/{language}/analysis/",
            {"campaign": campaign.slug},
        )
    assert computing in html.content.decode()
    # The first view asked for the summaries; the (immediate) queue built them at the commit.
    refreshed = AnalysisRefresh.objects.get(campaign=campaign).refreshed_at
    assert refreshed is not None
    html = analyst_client.get(
        "/analysis/" if language == "fi" else f"/{language}/analysis/", {"campaign": campaign.slug}
    )
    page = html.content.decode()
    assert as_of in page and computing not in page
    minutes = settings.ANALYSIS_REFRESH_SECONDS // 60
    assert f"{minutes} min" in page
    with translation.override(language):
        shown = formats.date_format(timezone.localtime(refreshed), "DATETIME_FORMAT")
    assert escape(shown) in page  # in the reader's language and the site's time zone


@pytest.fixture
def workers(transactional_db, settings, tmp_path):
    """The real worker on the test database, tasks written to the database as in production."""
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    started = Workers(free_port(), tmp_path)
    yield started
    started.stop_all()


def test_the_real_worker_builds_the_summaries_a_page_asked_for(workers, theme):
    campaign = theme.campaign
    for lon in (23.615, 23.62, 23.64):
        ContributionFactory(campaign=campaign, theme=theme, geometry=Point(lon, 61.5, srid=4326))
    ContributionFactory(campaign=campaign, theme=theme, moderation_state="hidden")
    assert analysis_refresh_request(campaign=campaign) is True
    assert analysis_refresh_request(campaign=campaign) is False  # asked once
    workers.start()
    wait_for(
        lambda: summary_as_of(campaign=campaign) is not None,
        "the worker's refresh",
        logs=workers,
    )
    assert sum(AnalysisCount.objects.filter(campaign=campaign).values_list("count", flat=True)) == 3
    assert (
        sum(
            AnalysisHexBin.objects.filter(campaign=campaign, size=30).values_list(
                "count", flat=True
            )
        )
        == 3
    )
