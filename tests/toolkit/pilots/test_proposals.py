"""Who may say what (decision 0040): a pilot's result proposes a status for the contributions it
answers; only the campaign's officials make it public, in one step, logged as their answer."""

import pytest
from django.contrib.gis.geos import Point
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from engagement.models import Contribution, ModerationAction, StatusProposal, Support
from engagement.moderation.proposals import status_proposal_confirm
from tests.factories import ContributionFactory, ParticipantFactory, ThemeFactory
from tests.toolkit.conftest import report
from toolkit.models import Pilot
from toolkit.pilots import services
from toolkit.pilots.selectors import pilot_suggestions

pytestmark = pytest.mark.django_db
HERE = Point(23.63, 61.50, srid=4326)


@pytest.fixture
def reported(make_pilot, organisation_member, contribution, theme):
    second = ContributionFactory(campaign=theme.campaign, theme=theme)
    pilot = make_pilot(Pilot.Status.APPROVED, contributions=[contribution, second])
    report(pilot, organisation_member, outcome=Contribution.Status.DONE)
    return pilot


def test_the_organisations_outcome_is_only_a_proposal(reported):
    for item in reported.contributions.all():
        assert item.status == Contribution.Status.IN_PILOT
        assert item.status_proposals.get().status == Contribution.Status.DONE
    assert len(services.pilot_outcome_proposals(pilot=reported)) == 2


def test_an_official_confirms_every_proposed_status_in_one_step(reported, moderator):
    count = services.pilot_outcome_confirm(actor=moderator, pilot=reported)

    assert count == 2
    for item in reported.contributions.all():
        assert item.status == Contribution.Status.DONE
        change = item.status_changes.last()
        assert change.signature == "Area coordinator, Western team"
        assert "(ehdotti Tesoman yrittäjät ry)" in change.text  # Finnish, the default
        entry = ModerationAction.objects.filter(target_id=item.pk, action="respond").get()
        assert entry.actor_id == moderator.pk
        assert entry.details["source"] == "pilot" and entry.details["source_id"] == reported.pk
    assert not services.pilot_outcome_proposals(pilot=reported)
    assert set(StatusProposal.objects.values_list("decision", flat=True)) == {"confirmed"}
    with pytest.raises(ValidationError):  # nothing left to confirm
        services.pilot_outcome_confirm(actor=moderator, pilot=reported)


@pytest.mark.parametrize(
    "persona", ["organisation_member", "resident", "analyst", "other_moderator"]
)
def test_no_one_but_the_campaigns_officials_confirms(request, reported, persona):
    user = request.getfixturevalue(persona)
    with pytest.raises(PermissionDenied):
        services.pilot_outcome_confirm(actor=user, pilot=reported)
    proposal = StatusProposal.objects.first()
    with pytest.raises(PermissionDenied):
        status_proposal_confirm(actor=user, proposal=proposal)
    assert set(Contribution.objects.filter(pilots=reported).values_list("status", flat=True)) == {
        Contribution.Status.IN_PILOT
    }


def test_a_newer_report_replaces_the_open_proposal(reported):
    from engagement.moderation.proposals import status_proposal_add

    item = reported.contributions.first()
    status_proposal_add(
        contribution=item,
        status=Contribution.Status.PLANNED,
        text="Changed our mind.",
        proposed_by="Tesoman yrittäjät ry",
        source="pilot",
        source_id=reported.pk,
    )
    assert [p.status for p in item.status_proposals.filter(decision="")] == ["planned"]
    assert item.status_proposals.filter(decision="superseded").count() == 1


def test_the_moderation_page_confirms_a_proposal_in_one_step(client, reported, moderator):
    item = reported.contributions.first()
    proposal = item.status_proposals.get()
    client.force_login(moderator)
    page = client.get(f"/en/moderation/contributions/{item.pk}/").content.decode()
    assert "Proposed statuses" in page and "Confirm the status" in page

    response = client.post(
        f"/en/moderation/contributions/{item.pk}/",
        {"action": "confirm_proposal", "proposal": proposal.pk},
    )

    assert response.status_code == 302
    item.refresh_from_db()
    assert item.status == Contribution.Status.DONE
    other = reported.contributions.exclude(pk=item.pk).get()
    assert other.status == Contribution.Status.IN_PILOT  # one contribution, one proposal


def test_the_review_page_confirms_the_pilots_proposals(client, reported, moderator):
    client.force_login(moderator)
    page = client.get("/en/moderation/pilots/").content.decode()
    assert f'id="proposed-{reported.pk}"' in page

    response = client.post("/en/moderation/pilots/", {"confirm": reported.pk})

    assert response.status_code == 302
    assert set(Contribution.objects.filter(pilots=reported).values_list("status", flat=True)) == {
        Contribution.Status.DONE
    }


def test_an_organisation_cannot_confirm_through_the_pages(client, reported, organisation_member):
    client.force_login(organisation_member)
    assert client.post("/en/moderation/pilots/", {"confirm": reported.pk}).status_code == 403
    item = reported.contributions.first()
    client.post(
        f"/en/moderation/contributions/{item.pk}/",
        {"action": "confirm_proposal", "proposal": item.status_proposals.get().pk},
    )
    item.refresh_from_db()
    assert item.status == Contribution.Status.IN_PILOT


def test_the_pilot_page_shows_the_proposal_and_a_button_to_officials_only(
    client, reported, moderator
):
    item = reported.contributions.first()
    pin = client.get(f"/en/contributions/{item.pk}/").content.decode()
    assert "The pilot proposes the status “Done”; the city's officials decide." in pin
    page = client.get(f"/en/pilots/{reported.pk}/").content.decode()
    assert "proposes the status “Done”" in page
    assert 'name="confirm"' not in page
    client.force_login(moderator)
    assert 'name="confirm"' in client.get(f"/en/pilots/{reported.pk}/").content.decode()


# Suggestions ------------------------------------------------------------------------------------


def _supported(item, count):
    for _ in range(count):
        Support.objects.create(contribution=item, participant=ParticipantFactory())
    item.refresh_from_db()
    return item


def test_suggestions_keep_to_the_theme_the_place_and_the_public(campaign, theme):
    near = _supported(ContributionFactory(campaign=campaign, theme=theme, title="Near"), 1)
    popular = _supported(ContributionFactory(campaign=campaign, theme=theme, title="Popular"), 3)
    ContributionFactory(campaign=campaign, theme=theme, title="Hidden", hidden=True)
    ContributionFactory(campaign=campaign, theme=theme, title="Pending", pending=True)
    far = Point(23.66, 61.50, srid=4326)  # about 1.6 km east
    ContributionFactory(campaign=campaign, theme=theme, title="Far", geometry=far)
    other = ThemeFactory(campaign=campaign)
    ContributionFactory(campaign=campaign, theme=other, title="Other theme")

    found = pilot_suggestions(campaign=campaign, place=HERE, themes=[theme.slug], metres=500)

    assert [s["title"] for s in found] == ["Popular", "Near"]
    assert [s["supports"] for s in found] == [3, 1]
    assert all(s["distance_m"] % 10 == 0 for s in found)
    assert near.pk in {s["id"] for s in found} and popular.pk == found[0]["id"]


def test_the_suggestions_api_answers_and_refuses_bad_geometry(client, campaign, theme):
    chosen = ContributionFactory(campaign=campaign, theme=theme, title="Chosen")
    ContributionFactory(campaign=campaign, theme=theme, title="Same theme")
    ContributionFactory(campaign=campaign, theme=ThemeFactory(campaign=campaign), title="Other")
    url = "/api/v1/pilots/suggestions/"
    answer = client.get(
        url,
        {"campaign": campaign.slug, "geometry": HERE.geojson, "contribution": chosen.pk},
    )
    assert answer.status_code == 200
    titles = {s["title"] for s in answer.json()["results"]}
    assert titles == {"Chosen", "Same theme"}
    assert answer.json()["themes"] == [theme.slug]

    bad = client.get(
        url, {"campaign": campaign.slug, "geometry": "[1, 2"}, HTTP_ACCEPT_LANGUAGE="fi"
    )
    assert bad.status_code == 400
    assert bad.json()["geometry"] == ["Sijainti ei kelpaa: aseta merkki kartalle uudelleen."]
    too_far = client.get(
        url, {"campaign": campaign.slug, "geometry": HERE.geojson, "distance": 10**6}
    )
    assert too_far.status_code == 400


def test_the_api_offers_an_organisation_no_door_to_a_status(client, reported, organisation_member):
    client.force_login(organisation_member)
    for url in (f"/api/v1/pilots/{reported.pk}/", f"/api/v1/pilots/{reported.pk}/results/"):
        for method in (client.post, client.patch, client.put):
            response = method(url, {"outcome": "done"}, content_type="application/json")
            assert response.status_code in (403, 405)
    assert set(Contribution.objects.filter(pilots=reported).values_list("status", flat=True)) == {
        Contribution.Status.IN_PILOT
    }


def test_the_review_page_reads_every_reported_pilots_proposals_at_once(
    client, make_pilot, organisation_member, moderator, theme
):
    """One query for the proposals however many pilots reported (it was one per pilot)."""

    def reported_pilot(title: str) -> Pilot:
        items = [ContributionFactory(campaign=theme.campaign, theme=theme) for _ in range(2)]
        pilot = make_pilot(Pilot.Status.APPROVED, contributions=items, title=title)
        return report(pilot, organisation_member, outcome=Contribution.Status.DONE)

    client.force_login(moderator)
    url = reverse("toolkit:pilot-review")

    def proposal_queries() -> tuple[str, int]:
        with CaptureQueriesContext(connection) as queries:
            page = client.get(url).content.decode()
        return page, sum("engagement_statusproposal" in q["sql"] for q in queries)

    pilots = [reported_pilot("First benches")]
    page, one = proposal_queries()
    pilots += [reported_pilot("Second benches"), reported_pilot("Third benches")]
    page, three = proposal_queries()
    assert one == three == 1
    for pilot in pilots:
        assert f'id="proposed-{pilot.pk}"' in page
