"""The pilot pages, walked with every role: members, other residents, officials, anonymous."""

from datetime import timedelta

import pytest
from django.test import Client
from django.utils import timezone

from toolkit.models import Pilot

pytestmark = pytest.mark.django_db


def post_data(pilot, contribution):
    today = timezone.localdate()
    return {
        "organisation": pilot.organisation_id,
        "campaign": pilot.campaign.slug,
        "title": "Changed title",
        "hypothesis": "If we …, then …",
        "contributions": [contribution.pk],
        "geometry": '{"type": "Point", "coordinates": [23.63, 61.5]}',
        "starts_on": (today - timedelta(days=1)).isoformat(),
        "ends_on": (today + timedelta(days=20)).isoformat(),
        "measure_0_name": "Visits",
        "measure_0_unit": "visits",
        "measure_0_target": "10",
    }


@pytest.mark.parametrize(
    ("persona", "edit", "review"),
    [
        (None, 302, 302),
        ("resident", 403, 403),
        ("organisation_member", 302, 403),
        ("moderator", 403, 302),
        ("other_moderator", 403, 403),
        ("analyst", 403, 403),
    ],
)
def test_pilot_permission_matrix(request, client, make_pilot, contribution, persona, edit, review):
    pilot = make_pilot(Pilot.Status.PROPOSED)
    if persona:
        client.force_login(request.getfixturevalue(persona))
    before = Pilot.objects.values_list("title", "status").get(pk=pilot.pk)

    response = client.post(f"/pilots/{pilot.pk}/edit/", post_data(pilot, contribution))
    assert response.status_code == edit
    if edit == 302 and persona:
        assert Pilot.objects.get(pk=pilot.pk).title == "Changed title"
    elif persona is None:
        assert "/accounts/login/" in response["Location"]

    response = client.post(
        "/moderation/pilots/",
        {
            "pilot": pilot.pk,
            f"pilot-{pilot.pk}-decision": "decline",
            f"pilot-{pilot.pk}-reason": "No.",
        },
    )
    assert response.status_code == review
    status = Pilot.objects.get(pk=pilot.pk).status
    assert (status == Pilot.Status.DECLINED) == (review == 302 and persona is not None)
    if (edit != 302 and review != 302) or persona is None:
        assert Pilot.objects.values_list("title", "status").get(pk=pilot.pk) == before


def test_only_members_report_and_proposals_are_not_public(
    client, make_pilot, resident, organisation_member
):
    proposed = make_pilot(Pilot.Status.PROPOSED)
    assert client.get(f"/pilots/{proposed.pk}/").status_code == 404
    approved = make_pilot(Pilot.Status.APPROVED)
    client.force_login(resident)
    assert client.get(f"/pilots/{approved.pk}/report/").status_code == 403
    client.force_login(organisation_member)
    assert client.get(f"/en/pilots/{approved.pk}/report/").status_code == 200


def test_declined_pilots_stay_public_with_the_reason(client, make_pilot):
    declined = make_pilot(Pilot.Status.DECLINED)
    html = client.get(f"/en/pilots/{declined.pk}/").content.decode()
    assert "The path is rebuilt this summer." in html
    assert declined.title in client.get("/en/pilots/?status=declined").content.decode()


def test_residents_join_and_give_feedback_once(client, make_pilot):
    pilot = make_pilot(Pilot.Status.APPROVED)
    client.post(f"/pilots/{pilot.pk}/join/")
    client.post(f"/pilots/{pilot.pk}/join/")
    assert pilot.participations.count() == 1
    client.post(f"/pilots/{pilot.pk}/feedback/", {"rating": "5", "comment": "Great"})
    client.post(f"/pilots/{pilot.pk}/feedback/", {"rating": "1"})
    assert list(pilot.feedback.values_list("rating", flat=True)) == [5]
    html = client.get(f"/en/pilots/{pilot.pk}/").content.decode()
    assert "1 resident took part." in html
    # One answer is fewer than k: the count shows, the average does not (decision 0041).
    assert "Feedback from 1 resident; the average shows from 5 answers." in html
    assert "5\xa0/\xa05" not in html


def test_the_residents_average_shows_from_k_answers(make_pilot, settings):
    from tests.factories import ParticipantFactory

    settings.ANALYSIS_MIN_GROUP = 3
    pilot = make_pilot(Pilot.Status.APPROVED)
    for rating in (4, 5, 4):
        pilot.feedback.create(participant=ParticipantFactory(), rating=rating)
    html = Client().get(f"/pilots/{pilot.pk}/").content.decode()
    assert "4,3\xa0/\xa05" in html
