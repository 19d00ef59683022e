"""Evaluation that reaches the neighbours: who is invited, once, in their language; the rating
page and its refusals; the neighbours' rating shown only from k answers."""

import re
from datetime import timedelta

import pytest
from django.contrib.gis.geos import Point
from django.core import mail, signing
from django.test import Client
from django.utils import timezone, translation

from engagement.participation.services import participant_for_user
from tests.factories import (
    BlockFactory,
    ContributionFactory,
    FollowFactory,
    ParticipantFactory,
    SupportFactory,
    UserFactory,
)
from toolkit.models import EvaluationPhase, Pilot, PilotEvaluation, PilotEvaluationRound
from toolkit.pilots import evaluation
from toolkit.pilots.evaluation import (
    evaluation_token,
    pilot_evaluation_invite,
    pilot_evaluation_start_task,
    pilot_neighbours_rating,
)
from toolkit.templatetags.pilot_evaluation import neighbours_rating_rows

pytestmark = pytest.mark.django_db

BASE = "https://yhdessa.example.fi"
# The pilot stands at Länsikeskus (23.63, 61.50); 0.002° of longitude is about 106 m there.
NEAR = Point(23.632, 61.50, srid=4326)
FAR = Point(23.645, 61.50, srid=4326)  # about 800 m


def person(name: str):
    user = UserFactory(username=name, email=f"{name}@example.org")
    return participant_for_user(user=user)


def pinned(theme, name: str, where: Point, language: str = "fi", **traits):
    """A contribution at `where` (its exact point public) by a new person called `name`."""
    return ContributionFactory(
        campaign=theme.campaign,
        theme=theme,
        geometry=where,
        exact_location_public=True,
        participant=person(name),
        language=language,
        **traits,
    )


def invited(pilot, phase=EvaluationPhase.START) -> set[str]:
    return set(
        PilotEvaluation.objects.filter(pilot=pilot, phase=phase).values_list(
            "participant__user__username", flat=True
        )
    )


@pytest.fixture
def neighbourhood(theme, contribution):
    """People around the pilot's place: of the linked contribution (its supporter and its
    follower), of a nearby one (its author), of a far one, of a hidden nearby one; a blocked
    supporter and an anonymous follower."""
    SupportFactory(contribution=contribution, participant=person("supporter"))
    FollowFactory(contribution=contribution, participant=person("follower"), language="sv")
    pinned(theme, "near", NEAR, language="en")
    pinned(theme, "far", FAR)
    hidden = pinned(theme, "hidden", NEAR, hidden=True)
    FollowFactory(contribution=hidden, participant=person("hidden-follower"))
    blocked = person("blocked")
    SupportFactory(contribution=contribution, participant=blocked)
    BlockFactory(campaign=theme.campaign, participant=blocked)
    FollowFactory(contribution=contribution, participant=ParticipantFactory())  # no e-mail
    return contribution


# Who is invited ---------------------------------------------------------------------------------


def test_the_linked_and_nearby_contributions_people_are_invited_the_others_not(
    neighbourhood, make_pilot
):
    pilot = make_pilot(Pilot.Status.APPROVED)
    mail.outbox.clear()
    assert pilot_evaluation_invite(pilot=pilot, phase="start", base_url=BASE) == 3
    assert invited(pilot) == {"supporter", "follower", "near"}
    assert sorted(m.to[0] for m in mail.outbox) == [
        "follower@example.org",
        "near@example.org",
        "supporter@example.org",
    ]


def test_the_distance_is_a_setting(neighbourhood, make_pilot, settings):
    settings.PILOT_EVALUATION_DISTANCE_M = 1000
    pilot = make_pilot(Pilot.Status.APPROVED)
    pilot_evaluation_invite(pilot=pilot, phase="start", base_url=BASE)
    assert "far" in invited(pilot)
    assert "hidden" not in invited(pilot) and "hidden-follower" not in invited(pilot)


def test_the_pilot_author_of_the_linked_pin_is_invited_and_the_organisation_is_not(
    theme, make_pilot, organisation_member
):
    mine = pinned(theme, "author", NEAR)
    FollowFactory(contribution=mine, participant=participant_for_user(user=organisation_member))
    pilot = make_pilot(Pilot.Status.APPROVED, contributions=[mine])
    pilot_evaluation_invite(pilot=pilot, phase="start", base_url=BASE)
    assert invited(pilot) == {"author"}


def test_a_rerun_invites_no_one_twice_and_a_newcomer_once(neighbourhood, make_pilot):
    pilot = make_pilot(Pilot.Status.APPROVED)
    pilot_evaluation_invite(pilot=pilot, phase="start", base_url=BASE)
    mail.outbox.clear()
    assert pilot_evaluation_invite(pilot=pilot, phase="start", base_url=BASE) == 0
    assert mail.outbox == []
    SupportFactory(contribution=neighbourhood, participant=person("newcomer"))
    assert pilot_evaluation_invite(pilot=pilot, phase="start", base_url=BASE) == 1
    assert [m.to for m in mail.outbox] == [["newcomer@example.org"]]
    assert PilotEvaluationRound.objects.get(pilot=pilot, phase="start").invited == 4


def test_each_is_written_to_in_their_language_with_their_own_link(neighbourhood, make_pilot):
    pilot = make_pilot(Pilot.Status.APPROVED)
    mail.outbox.clear()
    pilot_evaluation_invite(pilot=pilot, phase="start", base_url=BASE)
    by_address = {m.to[0]: m for m in mail.outbox}
    fi, sv = by_address["supporter@example.org"], by_address["follower@example.org"]
    en = by_address["near@example.org"]
    assert "mitä mieltä" in fi.subject.lower()
    assert "vad tycker du" in sv.subject.lower()
    assert "what do you think" in en.subject.lower()
    links = {address: re.search(r"https://\S+/evaluate/\S+/", m.body)[0] for address, m in
             by_address.items()}  # fmt: skip
    assert links["follower@example.org"].startswith(f"{BASE}/sv/pilots/evaluate/")
    assert links["near@example.org"].startswith(f"{BASE}/en/pilots/evaluate/")
    assert links["supporter@example.org"].startswith(f"{BASE}/pilots/evaluate/")
    assert len(set(links.values())) == 3


def test_a_declined_or_unstarted_pilot_invites_no_one(neighbourhood, make_pilot):
    declined = make_pilot(Pilot.Status.DECLINED)
    later = make_pilot(Pilot.Status.APPROVED, starts_in=3)
    for pilot in (declined, later):
        assert pilot_evaluation_invite(pilot=pilot, phase="start", base_url=BASE) == 0
    assert pilot_evaluation_invite(pilot=later, phase="report", base_url=BASE) == 0


def test_approval_after_the_start_and_the_report_each_invite(
    neighbourhood, make_pilot, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        pilot = make_pilot(Pilot.Status.REPORTED)
    assert invited(pilot, "start") == {"supporter", "follower", "near"}
    assert invited(pilot, "report") == {"supporter", "follower", "near"}
    subjects = [m.subject for m in mail.outbox if m.to == ["near@example.org"]]
    assert len(subjects) == 2 and "results" in subjects[1]
    # The supporter of the linked pin hears of each event once: the invitation carries the news.
    to_supporter = [m for m in mail.outbox if m.to == ["supporter@example.org"]]
    assert [m.subject.split(" ")[0] for m in to_supporter] == ["Kokeilu", "Kokeilun"]
    assert "Residents used the benches every day." in to_supporter[1].body
    assert "- Walkers counted a day: 130 people" in to_supporter[1].body


def test_the_periodic_task_invites_pilots_whose_start_has_come(neighbourhood, make_pilot):
    pilot = make_pilot(Pilot.Status.APPROVED, starts_in=2)
    pilot_evaluation_start_task.call()
    assert invited(pilot) == set()
    Pilot.objects.filter(pk=pilot.pk).update(starts_on=timezone.localdate())
    pilot_evaluation_start_task.call()
    pilot_evaluation_start_task.call()
    assert invited(pilot) == {"supporter", "follower", "near"}
    assert PilotEvaluation.objects.count() == 3


# The rating page ----------------------------------------------------------------------------------


@pytest.fixture
def invitation(neighbourhood, make_pilot) -> PilotEvaluation:
    pilot = make_pilot(Pilot.Status.APPROVED)
    pilot_evaluation_invite(pilot=pilot, phase="start", base_url=BASE)
    return PilotEvaluation.objects.get(participant__user__username="follower")


def url(evaluation, language="en") -> str:
    with translation.override(language):
        from django.urls import reverse

        return reverse("toolkit:pilot-evaluate", kwargs={"token": evaluation_token(evaluation)})


def test_the_link_rates_without_signing_in_and_a_second_answer_replaces_the_first(invitation):
    client = Client()
    page = client.get(url(invitation))
    assert page.status_code == 200
    assert "Rate the pilot" in page.content.decode()
    response = client.post(url(invitation), {"rating": "4", "comment": "Nice benches"})
    assert response.status_code == 302
    invitation.refresh_from_db()
    assert (invitation.rating, invitation.comment) == (4, "Nice benches")
    again = client.post(url(invitation), {"rating": "2", "comment": "Broken now"}, follow=True)
    assert "Your rating was changed" in again.content.decode()
    invitation.refresh_from_db()
    assert (invitation.rating, invitation.comment) == (2, "Broken now")
    assert PilotEvaluation.objects.filter(pilot=invitation.pilot, rating__isnull=False).count() == 1


@pytest.mark.parametrize("rating", ["0", "6", "x", ""])
def test_a_bad_rating_is_a_translated_400_that_keeps_the_comment(invitation, rating):
    response = Client().post(
        url(invitation, "sv"), {"rating": rating, "comment": "Bänkarna är bra"}
    )
    assert response.status_code == 400
    text = response.content.decode()
    assert "Välj ett betyg från 1 till 5." in text
    assert "Bänkarna är bra" in text
    invitation.refresh_from_db()
    assert invitation.rating is None


def test_a_forged_token_is_a_404_and_an_expired_or_declined_one_a_translated_410(
    invitation, settings
):
    client = Client()
    assert client.get("/sv/pilots/evaluate/forged:token/").status_code == 404
    tampered = url(invitation)[:-3] + "xx/"
    assert client.get(tampered).status_code == 404
    settings.PILOT_EVALUATION_LINK_DAYS = 0
    expired = client.get(url(invitation, "fi"))
    assert expired.status_code == 410
    assert "Tämä arviointilinkki ei enää toimi" in expired.content.decode()
    settings.PILOT_EVALUATION_LINK_DAYS = 60
    Pilot.objects.filter(pk=invitation.pilot_id).update(status=Pilot.Status.DECLINED)
    gone = client.post(url(invitation, "sv"), {"rating": "5"})
    assert gone.status_code == 410
    assert "Den här länken för betyg fungerar inte längre" in gone.content.decode()


def test_a_token_for_a_missing_invitation_is_a_404(invitation):
    token = signing.dumps(10**9, salt=evaluation.SALT)
    assert Client().get(f"/pilots/evaluate/{token}/").status_code == 404


# The neighbours' rating, from k answers -------------------------------------------------------


def answer(pilot, ratings: list[int], phase=EvaluationPhase.REPORT) -> None:
    for n, rating in enumerate(ratings):
        PilotEvaluation.objects.create(
            pilot=pilot,
            participant=person(f"rater{phase}{n}"),
            phase=phase,
            language="fi",
            rating=rating,
            answered_at=timezone.now(),
        )


def test_below_k_the_mean_is_not_shown(make_pilot, settings):
    settings.ANALYSIS_MIN_GROUP = 5
    pilot = make_pilot(Pilot.Status.APPROVED)
    answer(pilot, [5, 5, 4, 4])
    [rating] = pilot_neighbours_rating(pilot=pilot)
    assert (rating.mean, rating.answers, rating.k) == (None, None, 5)
    with translation.override("en"):
        html = Client().get(f"/en/pilots/{pilot.pk}/").content.decode()
    assert "fewer than 5 answers" in html
    assert "4.5 / 5" not in html


def test_from_k_the_mean_is_shown_in_the_readers_language(make_pilot, settings):
    settings.ANALYSIS_MIN_GROUP = 5
    pilot = make_pilot(Pilot.Status.APPROVED)
    answer(pilot, [5, 5, 4, 4, 4])  # 4.4
    PilotEvaluation.objects.create(  # invited, not answered: not counted
        pilot=pilot, participant=person("silent"), phase="report", language="fi"
    )
    [rating] = pilot_neighbours_rating(pilot=pilot)
    assert (str(rating.mean), rating.answers, rating.invited) == ("4.4", 5, 6)
    client = Client()
    assert "4,4 / 5 (5 vastausta)" in client.get(f"/pilots/{pilot.pk}/").content.decode()
    assert "4,4 / 5 (5 svar)" in client.get(f"/sv/pilots/{pilot.pk}/").content.decode()
    assert "4.4 / 5 (5 answers)" in client.get(f"/en/pilots/{pilot.pk}/").content.decode()
    with translation.override("fi"):
        rows = neighbours_rating_rows(pilot)["ratings"]
    assert rows[0]["mean_text"] == "4,4"


def test_the_comments_are_for_the_organisation_only(
    make_pilot, organisation_member_client, resident_client
):
    pilot = make_pilot(Pilot.Status.APPROVED)
    PilotEvaluation.objects.create(
        pilot=pilot,
        participant=person("commenter"),
        phase="start",
        language="fi",
        rating=3,
        comment="Penkit ovat liian matalia",
        answered_at=timezone.now() - timedelta(minutes=1),
    )
    assert (
        "liian matalia" in organisation_member_client.get(pilot.get_absolute_url()).content.decode()
    )
    assert "liian matalia" not in resident_client.get(pilot.get_absolute_url()).content.decode()


def test_a_signed_in_neighbour_finds_the_link_on_the_pilot_page(invitation, resident_client):
    client = Client()
    client.force_login(invitation.participant.user)
    page = client.get(f"/en/pilots/{invitation.pilot_id}/").content.decode()
    assert "You were asked, as a neighbour" in page
    assert "/en/pilots/evaluate/" in page
    assert (
        "/pilots/evaluate/"
        not in resident_client.get(f"/en/pilots/{invitation.pilot_id}/").content.decode()
    )


def test_a_linked_contribution_hidden_since_invites_no_one(neighbourhood, make_pilot):
    pilot = make_pilot(Pilot.Status.APPROVED)
    type(neighbourhood).objects.filter(pk=neighbourhood.pk).update(moderation_state="hidden")
    pilot_evaluation_invite(pilot=pilot, phase="start", base_url=BASE)
    assert invited(pilot) == {"near"}


def test_a_too_long_comment_is_a_400_that_keeps_the_text(invitation):
    text = "Pitkä kommentti. " * 130  # over 2000 characters
    response = Client().post(url(invitation, "fi"), {"rating": "3", "comment": text})
    assert response.status_code == 400
    assert "Kirjoita enintään 2000 merkkiä." in response.content.decode()
    assert text.strip()[:200] in response.content.decode()


def test_the_api_gives_the_rating_only_from_k(make_pilot, settings):
    settings.ANALYSIS_MIN_GROUP = 3
    pilot = make_pilot(Pilot.Status.APPROVED)
    answer(pilot, [5, 4], phase="start")
    answer(pilot, [5, 4, 4], phase="report")
    body = Client().get(f"/api/v1/pilots/{pilot.pk}/").json()
    assert body["neighbours_rating"] == [
        {"phase": "start", "invited": 2, "answers": None, "mean": None, "k": 3},
        {"phase": "report", "invited": 3, "answers": 3, "mean": 4.3, "k": 3},
    ]
