"""contribution_submit: the one place the rules of a new contribution live."""

from datetime import timedelta

import pytest
from django.contrib.gis.geos import LineString, Point, Polygon
from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.utils import timezone
from django.utils.translation import override

from engagement.models import Campaign, Contribution
from engagement.participation.services import contribution_submit
from geo.models import Area
from tests.factories import (
    INSIDE,
    OUTSIDE,
    AreaFactory,
    CampaignFactory,
    ParticipantFactory,
    ThemeFactory,
    box,
)

pytestmark = pytest.mark.django_db


def submit(campaign, theme, **overrides):
    values = {
        "campaign": campaign,
        "participant": ParticipantFactory(),
        "kind": "idea",
        "theme": theme,
        "title": "Benches along the path",
        "body": "Older residents need places to rest on the way to Länsikeskus.",
        "geometry": INSIDE.clone(),
    }
    values.update(overrides)
    return contribution_submit(**values)


def errors_of(excinfo) -> dict[str, list[str]]:
    return excinfo.value.message_dict


def test_valid_anonymous_idea_is_stored_and_published(campaign, theme):
    contribution = submit(campaign, theme)

    stored = Contribution.objects.get(pk=contribution.pk)
    assert stored.title == "Benches along the path"
    assert stored.participant.user is None
    assert stored.moderation_state == Contribution.ModerationState.PUBLISHED
    assert stored.status == Contribution.Status.NEW
    assert stored.geometry.equals_exact(INSIDE, tolerance=1e-9)


def test_signed_in_author_is_recorded(campaign, theme, resident_participant):
    contribution = submit(campaign, theme, participant=resident_participant)
    assert contribution.participant.user == resident_participant.user


def test_pre_moderated_campaign_keeps_contribution_pending(theme):
    theme.campaign.moderation = Campaign.Moderation.PRE
    theme.campaign.save()
    assert submit(theme.campaign, theme).moderation_state == Contribution.ModerationState.PENDING


def test_point_outside_campaign_area_is_refused(campaign, theme):
    with override("en"), pytest.raises(ValidationError) as excinfo:
        submit(campaign, theme, geometry=OUTSIDE.clone())
    assert list(errors_of(excinfo)) == ["geometry"]
    assert "outside" in errors_of(excinfo)["geometry"][0]
    assert not Contribution.objects.exists()


def test_point_a_few_metres_past_the_boundary_is_accepted(campaign, theme):
    # 0.0002 degrees of latitude is about 22 m north of the box edge at 61.505 N.
    near = Point(23.63, 61.5052, srid=4326)
    assert submit(campaign, theme, geometry=near).pk


def test_point_100_metres_past_the_boundary_is_refused(campaign, theme):
    with pytest.raises(ValidationError):
        submit(campaign, theme, geometry=Point(23.63, 61.5059, srid=4326))


@pytest.mark.parametrize(
    ("title", "ok"),
    [("ab", False), ("abc", True), ("x" * 120, True), ("x" * 121, False), ("   ab   ", False)],
)
def test_title_must_have_3_to_120_characters(campaign, theme, title, ok):
    if ok:
        assert submit(campaign, theme, title=title).title == title.strip()
    else:
        with pytest.raises(ValidationError) as excinfo:
            submit(campaign, theme, title=title)
        assert "title" in errors_of(excinfo)


@pytest.mark.parametrize(
    ("body", "ok"),
    [("", False), ("  ", False), ("a", True), ("b" * 5000, True), ("b" * 5001, False)],
)
def test_description_must_have_1_to_5000_characters(campaign, theme, body, ok):
    if ok:
        assert submit(campaign, theme, body=body).body == body
    else:
        with pytest.raises(ValidationError) as excinfo:
            submit(campaign, theme, body=body)
        assert "body" in errors_of(excinfo)


def test_theme_of_another_campaign_is_refused(campaign, theme):
    foreign = ThemeFactory(campaign=CampaignFactory(area=campaign.area))
    with pytest.raises(ValidationError) as excinfo:
        submit(campaign, foreign)
    assert list(errors_of(excinfo)) == ["theme"]


def test_unknown_kind_is_refused(campaign, theme):
    with pytest.raises(ValidationError) as excinfo:
        submit(campaign, theme, kind="complaint")
    assert list(errors_of(excinfo)) == ["kind"]


def test_closed_campaign_refuses_input(campaign, theme):
    campaign.closes_at = timezone.now() - timedelta(minutes=1)
    campaign.save()
    with pytest.raises(ValidationError) as excinfo:
        submit(campaign, theme)
    assert NON_FIELD_ERRORS in errors_of(excinfo)


def test_campaign_not_yet_open_refuses_input(campaign, theme):
    campaign.opens_at = timezone.now() + timedelta(days=1)
    campaign.save()
    with pytest.raises(ValidationError):
        submit(campaign, theme)


def test_anonymous_input_is_refused_where_campaign_requires_sign_in(
    campaign, theme, resident_participant
):
    campaign.allow_anonymous = False
    campaign.save()
    with pytest.raises(ValidationError) as excinfo:
        submit(campaign, theme)
    assert NON_FIELD_ERRORS in errors_of(excinfo)
    assert submit(campaign, theme, participant=resident_participant).pk


def test_a_line_is_refused_where_the_campaign_takes_points_only(campaign, theme):
    campaign.geometry_kinds = ["point"]
    campaign.save()
    line = LineString((23.62, 61.50), (23.64, 61.50), srid=4326)
    with pytest.raises(ValidationError) as excinfo:
        submit(campaign, theme, geometry=line)
    assert list(errors_of(excinfo)) == ["geometry"]


def test_routes_and_areas_are_taken_where_the_campaign_allows_them(campaign, theme):
    line = LineString((23.62, 61.50), (23.64, 61.50), srid=4326)
    area = Polygon.from_bbox((23.62, 61.498, 23.63, 61.502))
    area.srid = 4326
    assert submit(campaign, theme, geometry=line).geometry.geom_type == "LineString"
    assert submit(campaign, theme, geometry=area).geometry.geom_type == "Polygon"


def test_every_problem_is_reported_at_once(campaign, theme):
    with pytest.raises(ValidationError) as excinfo:
        submit(campaign, None, kind="", title="", body="", geometry=None)
    assert set(errors_of(excinfo)) == {"kind", "theme", "title", "body", "geometry"}


def test_messages_are_translated(campaign, theme):
    with override("sv"), pytest.raises(ValidationError) as excinfo:
        submit(campaign, theme, title="x")
    assert "tecken" in errors_of(excinfo)["title"][0]


def test_contribution_is_assigned_the_smallest_containing_area(campaign, theme):
    city = AreaFactory(slug="tampere", kind=Area.Kind.CITY, boundary=box(23.5, 61.4, 23.9, 61.6))
    campaign.area.parent = city
    campaign.area.save()
    neighbourhood = AreaFactory(
        slug="lansikeskus",
        kind=Area.Kind.NEIGHBOURHOOD,
        parent=campaign.area,
        boundary=box(23.625, 61.498, 23.635, 61.502),
    )
    assert submit(campaign, theme).area == neighbourhood
    assert submit(campaign, theme, geometry=Point(23.615, 61.497, srid=4326)).area == campaign.area
