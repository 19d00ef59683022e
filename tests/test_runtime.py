"""How the project runs: health check, the stdlib `platform` module, demo data."""

import subprocess
import sys
from pathlib import Path

import pytest
from django.core.management import call_command
from django.db import connection

from config.demo.read import demo_data_read
from engagement.models import Campaign, Comment, Contribution, Support, Theme
from geo.models import Area

ROOT = Path(__file__).resolve().parent.parent
DEMO_COUNT = len(demo_data_read().contributions)


@pytest.mark.django_db
def test_healthz_answers_200_when_the_database_answers(client):
    response = client.get("/healthz")
    assert response.status_code == 200


@pytest.mark.django_db
def test_healthz_answers_503_when_the_database_does_not(client, monkeypatch):
    from django.db.utils import OperationalError

    def broken(*args, **kwargs):
        raise OperationalError("connection refused")

    monkeypatch.setattr(connection, "cursor", broken)
    assert client.get("/healthz").status_code == 503


def test_stdlib_platform_module_is_not_shadowed_from_the_repo_root():
    result = subprocess.run(
        [sys.executable, "-c", "import platform, uuid; print(platform.system())"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "Linux"


@pytest.mark.django_db
def test_parallel_query_and_jit_are_off_for_the_application_sessions():
    with connection.cursor() as cursor:
        cursor.execute("SHOW max_parallel_workers_per_gather")
        assert cursor.fetchone()[0] == "0"
        cursor.execute("SHOW jit")
        assert cursor.fetchone()[0] == "off"


@pytest.mark.django_db
def test_load_demo_is_idempotent():
    null = open("/dev/null", "w")  # noqa: SIM115
    call_command("load_demo", stdout=null)
    counts = (
        Area.objects.count(),
        Campaign.objects.count(),
        Theme.objects.count(),
        Contribution.objects.count(),
    )
    call_command("load_demo", stdout=null)
    assert counts == (7, 1, 5, DEMO_COUNT)  # Tampere, Tesoma and its five demo sub-areas
    assert (
        Area.objects.count(),
        Campaign.objects.count(),
        Theme.objects.count(),
        Contribution.objects.count(),
    ) == counts
    tesoma = Area.objects.get(slug="tesoma")
    assert tesoma.parent.slug == "tampere"
    assert tesoma.boundary.valid
    # Each demo contribution's stored area is one of Tesoma's sub-areas.
    assert Contribution.objects.filter(area__parent=tesoma).count() == DEMO_COUNT
    assert {c.geometry.geom_type for c in Contribution.objects.all()} == {
        "Point",
        "LineString",
        "Polygon",
    }
    assert (Comment.objects.count(), Support.objects.count()) == (4, 4)
    from toolkit.models import MethodCard, Phase, Pilot, Story

    cards = MethodCard.objects.filter(status="published")
    assert cards.count() >= 12
    assert {phase for phase in cards.values_list("phase", flat=True)} == set(Phase.values)
    for slug in (
        "charrette",
        "residents-as-developers",
        "walking-workshop",
        "pop-up-pilot",
        "map-survey",
        "forum-theatre",
        "evaluation-by-measures",
    ):
        assert cards.filter(slug=slug).exclude(title_sv="").exclude(title_en="").exists(), slug
    assert Story.objects.filter(status="published").count() >= 4
    assert sorted(Pilot.objects.values_list("status", flat=True)) == ["approved", "reported"]


@pytest.mark.django_db
def test_seed_synthetic_adds_public_contributions_inside_the_area():
    null = open("/dev/null", "w")  # noqa: SIM115
    call_command("load_demo", stdout=null)
    call_command("seed_synthetic", contributions=50, stdout=null)
    synthetic = Contribution.objects.filter(title__startswith="Synthetic ")
    assert synthetic.count() == 50
    assert set(synthetic.values_list("moderation_state", flat=True)) == {"published"}
    tesoma = Area.objects.get(slug="tesoma")
    assert synthetic.filter(geometry__within=tesoma.boundary).count() == 50
    # Written with the base forms search_text gives, so the refresh has none to redo.
    from engagement.common.lemmas import search_text
    from engagement.participation.search import contribution_lemmas_refresh

    one = synthetic.first()
    assert set(one.search_lemmas.split()) == set(search_text(one.title, one.body).split())
    assert contribution_lemmas_refresh() == 0


@pytest.mark.django_db
def test_seed_synthetic_replace_deletes_the_earlier_ones_and_what_points_at_them():
    from engagement.models import ContributionCell
    from tests.engagement.participation.test_public_point import (
        assert_summary_is_recounted_from_scratch,
    )
    from tests.factories import SupportFactory

    null = open("/dev/null", "w")  # noqa: SIM115
    call_command("load_demo", stdout=null)
    call_command("seed_synthetic", contributions=30, stdout=null)
    synthetic = Contribution.objects.filter(title__startswith="Synthetic ")
    first = synthetic.first()
    SupportFactory(contribution=first)
    kept = Contribution.objects.exclude(title__startswith="Synthetic ").count()
    call_command("seed_synthetic", contributions=20, replace=True, stdout=null)
    assert synthetic.count() == 20
    assert not synthetic.filter(pk=first.pk).exists()
    assert not Support.objects.filter(contribution_id=first.pk).exists()
    assert Contribution.objects.exclude(title__startswith="Synthetic ").count() == kept
    assert ContributionCell.objects.exists()
    assert_summary_is_recounted_from_scratch()
