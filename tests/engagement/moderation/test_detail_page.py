"""The moderation page of one contribution: duplicate candidates by the exact geometry, the
one-step merge, the history in the reader's language, and where signing in leads."""

import csv
import io
import json

import pytest
from allauth.account.models import EmailAddress
from django.contrib.gis.geos import Point
from django.test import Client
from django.utils import translation
from django.utils.translation import gettext

from engagement.models import Contribution, ModerationAction
from engagement.moderation import services as moderation
from engagement.moderation.selectors import duplicate_candidates
from tests.factories import (
    ContributionFactory,
    FlagFactory,
    RoleFactory,
    ThemeFactory,
    UserFactory,
)
from tests.factories.geo import INSIDE

pytestmark = pytest.mark.django_db

NORTH_80M = Point(INSIDE.x, INSIDE.y + 0.00072, srid=4326)
NORTH_400M = Point(INSIDE.x, INSIDE.y + 0.0036, srid=4326)


def test_candidates_are_published_ones_of_the_theme_within_the_distance_nearest_first(
    campaign, theme
):
    item = ContributionFactory(campaign=campaign, theme=theme, pending=True)
    nearest = ContributionFactory(campaign=campaign, theme=theme, geometry=INSIDE.clone())
    near = ContributionFactory(campaign=campaign, theme=theme, geometry=NORTH_80M)
    ContributionFactory(campaign=campaign, theme=theme, geometry=NORTH_400M)
    ContributionFactory(campaign=campaign, theme=ThemeFactory(campaign=campaign))
    ContributionFactory(campaign=campaign, theme=theme, hidden=True)
    ContributionFactory(campaign=campaign, theme=theme, pending=True)
    ContributionFactory(campaign=campaign, theme=theme, route=True)  # a route through here
    found = duplicate_candidates(contribution=item)
    assert [c.pk for c in found][:2] == [nearest.pk, found[1].pk]
    assert near.pk in {c.pk for c in found}
    assert len(found) == 3
    assert found[0].distance_m < 1
    assert 75 < next(c for c in found if c.pk == near.pk).distance_m < 85


def test_the_page_shows_the_exact_place_and_the_candidates_and_merges_in_one_step(
    moderator_client, campaign, theme
):
    exact = Point(INSIDE.x + 0.00021, INSIDE.y + 0.00013, srid=4326)  # not a cell centre
    item = ContributionFactory(campaign=campaign, theme=theme, geometry=exact, pending=True)
    original = ContributionFactory(campaign=campaign, theme=theme, geometry=NORTH_80M)
    page = moderator_client.get(f"/moderation/contributions/{item.pk}/")
    assert page.status_code == 200
    data = page.context["map_data"]
    assert data["contribution"]["geometry"]["coordinates"] == pytest.approx([exact.x, exact.y])
    (candidate,) = data["candidates"]["features"]
    assert candidate["properties"] == {**candidate["properties"], "id": original.pk, "number": 1}
    text = page.content.decode()
    assert "Mahdolliset kaksoiskappaleet" in text  # "Possible duplicates", in Finnish
    metres = page.context["candidates"][0].distance_m
    assert 60 < metres < 75  # to the exact point, not to its cell's centre
    assert f"{round(metres)} m päässä" in text
    response = moderator_client.post(
        f"/moderation/contributions/{item.pk}/",
        {"action": "duplicate", "duplicate-original": original.pk},
    )
    assert response.status_code == 302
    item.refresh_from_db()
    assert item.duplicate_of == original
    assert item.moderation_state == Contribution.ModerationState.HIDDEN


def test_the_history_lists_arrival_actions_answers_and_flags_in_time_order_translated(
    moderator, moderator_client, contribution
):
    FlagFactory(contribution=contribution, reason="personal_data")
    with translation.override("en"):
        moderation.contribution_correct(
            actor=moderator, contribution=contribution, title="Skate park", body="x", note="typo"
        )
        moderation.contribution_moderate(
            actor=moderator, contribution=contribution, action="hide", reason="spam"
        )
        moderation.contribution_moderate(
            actor=moderator, contribution=contribution, action="restore"
        )
        moderation.contribution_respond(
            actor=moderator, contribution=contribution, status="planned", text="We will build it."
        )
    page = moderator_client.get(f"/sv/moderation/contributions/{contribution.pk}/")
    history = page.context["history"]
    assert [e.kind for e in history] == ["arrived", "flag", "log", "log", "log", "status"]
    assert [e.at for e in history] == sorted(e.at for e in history)
    text = page.content.decode()
    with translation.override("sv"):
        for code in ("spam", "edit", "restore"):
            label = (
                dict(ModerationAction.Action.choices).get(code)
                or dict(Contribution._meta.get_field("hidden_reason").choices)[code]
            )
            assert str(label) in text
    assert "We will build it." in text


def test_the_log_and_its_csv_are_in_the_readers_language_with_links(
    moderator, moderator_client, contribution
):
    with translation.override("en"):
        moderation.contribution_moderate(
            actor=moderator, contribution=contribution, action="hide", reason="personal_data"
        )
    page = moderator_client.get("/moderation/log/")
    text = page.content.decode()
    link = f'href="/moderation/contributions/{contribution.pk}/"'
    assert link in text
    assert f"Ehdotus {contribution.pk}: Skate spot" in text
    assert "henkilötietoja" in text  # personal_data, in Finnish
    assert ">personal_data<" not in text and "contribution " not in text
    csv_text = moderator_client.get("/sv/moderation/log/?format=csv").getvalue().decode()
    header, row = list(csv.reader(io.StringIO(csv_text.lstrip("\ufeff"))))
    record = dict(zip(header, row, strict=True))
    assert record["action"] == "hide" and record["target_type"] == "contribution"
    with translation.override("sv"):
        assert record[gettext("Why")] == gettext("personal data")
        assert record[gettext("Concerns")] == f"{gettext('Contribution')}"
        assert record[gettext("Link")].endswith(f"/sv/moderation/contributions/{contribution.pk}/")
    assert json.loads(record["details"]) == {"hidden_reason": "personal_data"}


@pytest.mark.parametrize(
    ("kind", "landing"),
    [
        ("moderator", "/en/moderation/"),
        ("analyst", "/en/analysis/"),
        (None, "/en/account/contributions/"),
    ],
)
def test_signing_in_lands_by_role_and_an_explicit_next_wins(campaign, kind, landing):
    user = UserFactory(username=f"login-{kind or 'resident'}")
    EmailAddress.objects.create(user=user, email=user.email, verified=True, primary=True)
    if kind:
        RoleFactory(user=user, kind=kind, campaign=campaign)
    form = {"login": user.email, "password": "correct horse battery"}
    response = Client().post("/en/accounts/login/", form)
    assert response.status_code == 302, response.context["form"].errors
    assert response["Location"].startswith(landing)
    explicit = Client().post("/en/accounts/login/?next=/en/map/", form)
    assert explicit["Location"] == "/en/map/"
