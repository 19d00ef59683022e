"""The analysis tests' data set, hand-counted."""

from datetime import UTC, datetime, timedelta

import pytest
from django.contrib.gis.geos import Point

from engagement.models import Comment, Contribution, Support
from geo.models import Area
from tests.factories import (
    AreaFactory,
    CommentFactory,
    ContributionFactory,
    ParticipantFactory,
    ThemeFactory,
    box,
)

DAY1 = datetime(2026, 5, 4, 12, 0, tzinfo=UTC)


@pytest.fixture
def fixture_data(theme):
    """Five public contributions, one hidden, over three days and two sub-areas.

    west (23.61-23.63):  A (idea, routes, day 1), B (need, routes, day 1), C (idea, other, day 3)
    east (23.63-23.65):  D (need, other, day 3, status planned), E (idea, routes, day 3)
    hidden:              H (idea, routes, day 1) in west
    Supports: Ax3, Dx1, Hx2.  Comments: Ax1, Dx2 (+1 hidden on D).
    """
    campaign = theme.campaign
    west = AreaFactory(
        slug="west",
        name="West",
        kind=Area.Kind.NEIGHBOURHOOD,
        parent=campaign.area,
        boundary=box(23.61, 61.495, 23.63, 61.505),
    )
    east = AreaFactory(
        slug="east",
        name="East",
        kind=Area.Kind.NEIGHBOURHOOD,
        parent=campaign.area,
        boundary=box(23.63, 61.495, 23.65, 61.505),
    )
    other = ThemeFactory(campaign=campaign, slug="other", name="Other")
    specs = [
        ("A", "idea", theme, west, 23.615, 0, "new", "published"),
        ("B", "need", theme, west, 23.616, 0, "new", "published"),
        ("C", "idea", other, west, 23.625, 2, "new", "published"),
        ("D", "need", other, east, 23.640, 2, "planned", "published"),
        ("E", "idea", theme, east, 23.645, 2, "new", "published"),
        ("H", "idea", theme, west, 23.617, 0, "new", "hidden"),
    ]
    made = {}
    for name, kind, th, area, lon, day, status, state in specs:
        c = ContributionFactory(
            campaign=campaign,
            theme=th,
            kind=kind,
            title=f"Title {name}",
            area=area,
            geometry=Point(lon, 61.50, srid=4326),
            status=status,
            moderation_state=state,
        )
        Contribution.objects.filter(pk=c.pk).update(created_at=DAY1 + timedelta(days=day))
        made[name] = c
    for name, n in [("A", 3), ("D", 1), ("H", 2)]:
        for _ in range(n):
            s = Support.objects.create(contribution=made[name], participant=ParticipantFactory())
            Support.objects.filter(pk=s.pk).update(created_at=DAY1 + timedelta(days=1))
    for name, n in [("A", 1), ("D", 2)]:
        for _ in range(n):
            k = CommentFactory(contribution=made[name])
            Comment.objects.filter(pk=k.pk).update(created_at=DAY1 + timedelta(days=2))
    CommentFactory(contribution=made["D"], moderation_state="hidden")
    return campaign, made


@pytest.fixture
def every_cell(settings):
    """k = 1: every hexagon is sent, for the tests of the binning itself (which cell holds
    which point, hidden ones left out); the k threshold has its own tests (test_density.py)."""
    settings.ANALYSIS_MIN_GROUP = 1
