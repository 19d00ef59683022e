"""A pilot through toolkit.pilots.services: proposal, review, running, feedback, result."""

from datetime import timedelta
from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from engagement.models import Contribution, Follow, ModerationAction, StatusChange, Support
from engagement.participation.services import participant_for_user
from tests.factories import (
    INSIDE,
    OUTSIDE,
    CampaignFactory,
    ContributionFactory,
    ParticipantFactory,
    UserFactory,
)
from tests.toolkit.conftest import proposal, report
from toolkit.models import Organisation, Pilot, PilotFeedback
from toolkit.pilots import services
from toolkit.pilots.services import MeasurePlan
from toolkit.rules import pilot_is_public

pytestmark = pytest.mark.django_db


def days(n: int):
    return timezone.localdate() + timedelta(days=n)


def refused_fields(call) -> set[str]:
    with pytest.raises(ValidationError) as error:
        call()
    return set(error.value.message_dict)


# Organisations ----------------------------------------------------------------------------------


def test_registering_user_and_named_accounts_become_members(resident):
    founder = UserFactory(username="founder", email="founder@example.org")
    organisation = services.organisation_register(
        user=founder,
        name="Tesoman kirjasto",
        kind=Organisation.Kind.PUBLIC,
        member_emails=["  AINO@example.org ", ""],
    )
    assert set(organisation.members.all()) == {founder, resident}
    assert organisation.business_id == ""


def test_invalid_business_id_is_refused(resident):
    def register():
        services.organisation_register(
            user=resident, name="Kahvila Tesoma", kind="business", business_id="1572860-1"
        )

    assert refused_fields(register) == {"business_id"}
    assert not Organisation.objects.filter(name="Kahvila Tesoma").exists()


def test_unknown_member_email_is_refused(resident):
    with pytest.raises(ValidationError) as error:
        services.organisation_register(
            user=resident,
            name="Kahvila Tesoma",
            kind="business",
            business_id="0737546-2",
            member_emails=["nobody@example.org"],
        )
    assert "nobody@example.org" in error.value.message_dict["members"][0]
    assert not Organisation.objects.filter(name="Kahvila Tesoma").exists()


def test_name_and_kind_are_required(resident):
    assert refused_fields(
        lambda: services.organisation_register(user=resident, name=" ", kind="club")
    ) == {"name", "kind"}


# Proposals --------------------------------------------------------------------------------------


def test_member_proposes_a_pilot_for_review(
    organisation, organisation_member, campaign, contribution
):
    pilot = services.pilot_propose(
        user=organisation_member,
        organisation=organisation,
        campaign=campaign,
        contributions=[contribution],
        **proposal(
            measures=[
                MeasurePlan(name="Walkers counted a day", unit="people", target="120,5"),
                MeasurePlan(name="", unit="", target=""),  # an empty row of the form
            ]
        ),
    )
    assert pilot.status == Pilot.Status.PROPOSED
    assert not pilot_is_public(pilot)
    assert pilot.created_by == organisation_member
    assert list(pilot.contributions.all()) == [contribution]
    assert [(m.name, m.unit, m.target) for m in pilot.measures.all()] == [
        ("Walkers counted a day", "people", Decimal("120.50"))
    ]


def test_only_members_propose(organisation, resident, campaign, contribution):
    with pytest.raises(PermissionDenied):
        services.pilot_propose(
            user=resident,
            organisation=organisation,
            campaign=campaign,
            contributions=[contribution],
            **proposal(),
        )
    assert not organisation.pilots.exists()


def _propose(organisation, member, campaign, contributions, **overrides):
    return lambda: services.pilot_propose(
        user=member,
        organisation=organisation,
        campaign=campaign,
        contributions=contributions,
        **proposal(**overrides),
    )


@pytest.mark.parametrize(
    ("starts", "ends"), [(days(10), days(10)), (days(10), days(3)), (None, days(3))]
)
def test_the_end_must_come_after_the_start(
    organisation, organisation_member, campaign, contribution, starts, ends
):
    call = _propose(
        organisation, organisation_member, campaign, [contribution], starts_on=starts, ends_on=ends
    )
    assert refused_fields(call) == {"ends_on"}


@pytest.mark.parametrize(
    "measures",
    [
        [],
        [MeasurePlan(name="", unit="", target="")],
        [MeasurePlan(name="Walkers", unit="", target="120")],
        [MeasurePlan(name="", unit="people", target="120")],
        [MeasurePlan(name="Walkers", unit="people", target="many")],
        [MeasurePlan(name="Walkers", unit="people", target=None)],
        [MeasurePlan(name="Walkers", unit="people", target="NaN")],
    ],
)
def test_each_measure_needs_a_name_a_unit_and_a_numeric_target(
    organisation, organisation_member, campaign, contribution, measures
):
    call = _propose(organisation, organisation_member, campaign, [contribution], measures=measures)
    assert refused_fields(call) == {"measures"}


def test_a_target_too_large_to_store_is_refused(
    organisation, organisation_member, campaign, contribution
):
    call = _propose(
        organisation,
        organisation_member,
        campaign,
        [contribution],
        measures=[MeasurePlan(name="Walkers", unit="people", target="1e10")],
    )
    assert refused_fields(call) == {"measures"}


def test_a_place_outside_the_campaign_area_is_refused(
    organisation, organisation_member, campaign, contribution
):
    call = _propose(organisation, organisation_member, campaign, [contribution], geometry=OUTSIDE)
    assert refused_fields(call) == {"geometry"}
    assert services.pilot_propose(
        user=organisation_member,
        organisation=organisation,
        campaign=campaign,
        contributions=[contribution],
        **proposal(geometry=INSIDE),
    )


def test_answered_contributions_must_be_public_and_of_the_campaign(
    organisation, organisation_member, campaign, theme, contribution
):
    hidden = ContributionFactory(
        campaign=campaign, theme=theme, moderation_state=Contribution.ModerationState.HIDDEN
    )
    elsewhere = ContributionFactory(campaign=CampaignFactory())
    for contributions in ([], [contribution, hidden], [elsewhere]):
        call = _propose(organisation, organisation_member, campaign, contributions)
        assert refused_fields(call) == {"contributions"}
    assert not organisation.pilots.exists()


def test_members_change_a_proposal_and_it_goes_back_for_review(
    make_pilot, organisation_member, theme
):
    pilot = make_pilot(Pilot.Status.CHANGES_REQUESTED)
    second = ContributionFactory(campaign=theme.campaign, theme=theme)

    services.pilot_update(
        user=organisation_member,
        pilot=pilot,
        contributions=[second],
        **proposal(
            title="Benches and shade",
            measures=[MeasurePlan(name="Benches used", unit="%", target="60")],
        ),
    )

    pilot.refresh_from_db()
    assert pilot.status == Pilot.Status.PROPOSED
    assert pilot.title == "Benches and shade"
    assert list(pilot.contributions.all()) == [second]
    assert [m.name for m in pilot.measures.all()] == ["Benches used"]


def test_a_changed_proposal_is_validated_like_a_new_one(make_pilot, organisation_member):
    pilot = make_pilot()

    def call():
        services.pilot_update(
            user=organisation_member,
            pilot=pilot,
            contributions=list(pilot.contributions.all()),
            **proposal(geometry=OUTSIDE),
        )

    assert refused_fields(call) == {"geometry"}


@pytest.mark.parametrize("status", [Pilot.Status.APPROVED, Pilot.Status.DECLINED])
def test_a_decided_pilot_cannot_be_changed(make_pilot, organisation_member, status):
    pilot = make_pilot(status)
    with pytest.raises(PermissionDenied):
        services.pilot_update(
            user=organisation_member,
            pilot=pilot,
            contributions=list(pilot.contributions.all()),
            **proposal(title="Something else"),
        )


# Review -----------------------------------------------------------------------------------------


@pytest.mark.parametrize("decision", ["request_changes", "decline"])
def test_asking_for_changes_or_declining_needs_a_reason(make_pilot, moderator, decision):
    pilot = make_pilot()
    with pytest.raises(ValidationError) as error:
        services.pilot_review(actor=moderator, pilot=pilot, decision=decision, reason="  ")
    assert set(error.value.message_dict) == {"reason"}
    pilot.refresh_from_db()
    assert pilot.status == Pilot.Status.PROPOSED


def test_a_declined_pilot_stays_public_with_its_reason(make_pilot, moderator):
    pilot = make_pilot()
    services.pilot_review(
        actor=moderator, pilot=pilot, decision="decline", reason="The path is rebuilt."
    )
    pilot.refresh_from_db()
    assert pilot.status == Pilot.Status.DECLINED
    assert pilot.review_reason == "The path is rebuilt."
    assert pilot_is_public(pilot)
    action = ModerationAction.objects.get(target_type="pilot", target_id=pilot.pk)
    assert action.action == "pilot_decline"


def test_approval_puts_every_answered_contribution_in_the_pilot(
    make_pilot, moderator, contribution, theme
):
    second = ContributionFactory(campaign=theme.campaign, theme=theme)
    pilot = make_pilot(contributions=[contribution, second])

    services.pilot_review(actor=moderator, pilot=pilot, decision="approve")

    pilot.refresh_from_db()
    assert pilot.status == Pilot.Status.APPROVED
    for item in (contribution, second):
        item.refresh_from_db()
        assert item.status == Contribution.Status.IN_PILOT
        (change,) = StatusChange.objects.filter(contribution=item)
        assert change.status == Contribution.Status.IN_PILOT
        assert change.signature == "Tesoman yrittäjät ry"
        assert pilot.title in change.text
    action = ModerationAction.objects.get(target_type="pilot", target_id=pilot.pk)
    assert action.action == "pilot_approve"


@pytest.mark.parametrize(
    "persona", ["other_moderator", "analyst", "resident", "organisation_member"]
)
def test_only_the_campaigns_moderators_review(request, make_pilot, contribution, persona):
    pilot = make_pilot()
    with pytest.raises(PermissionDenied):
        services.pilot_review(
            actor=request.getfixturevalue(persona), pilot=pilot, decision="approve"
        )
    pilot.refresh_from_db()
    contribution.refresh_from_db()
    assert pilot.status == Pilot.Status.PROPOSED
    assert contribution.status == Contribution.Status.NEW


def test_a_decided_pilot_is_not_reviewed_again(make_pilot, moderator):
    pilot = make_pilot(Pilot.Status.DECLINED)
    with pytest.raises(ValidationError):
        services.pilot_review(actor=moderator, pilot=pilot, decision="approve")


def test_an_unknown_decision_is_refused(make_pilot, moderator):
    with pytest.raises(ValidationError):
        services.pilot_review(actor=moderator, pilot=make_pilot(), decision="maybe")


# Residents --------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("status", "starts_in", "length", "is_open"),
    [
        (Pilot.Status.APPROVED, -1, 30, True),  # running
        (Pilot.Status.APPROVED, 0, 30, True),  # starts today
        (Pilot.Status.APPROVED, -30, 28, True),  # ended two days ago
        (Pilot.Status.APPROVED, -30, 16, True),  # ended fourteen days ago: the last day
        (Pilot.Status.REPORTED, -30, 16, True),
        (Pilot.Status.APPROVED, -30, 15, False),  # ended fifteen days ago
        (Pilot.Status.REPORTED, -30, 15, False),
        (Pilot.Status.APPROVED, 1, 30, False),  # starts tomorrow
        (Pilot.Status.PROPOSED, -1, 30, False),
        (Pilot.Status.DECLINED, -1, 30, False),
    ],
)
def test_feedback_is_open_while_the_pilot_runs_and_two_weeks_after(
    make_pilot, resident_participant, status, starts_in, length, is_open
):
    pilot = make_pilot(status, starts_in=starts_in, days=length)
    assert services.feedback_is_open(pilot) is is_open

    def give():
        return services.pilot_feedback_add(
            pilot=pilot, participant=resident_participant, rating=4, comment=" Nice "
        )

    if is_open:
        assert give().comment == "Nice"
    else:
        with pytest.raises(ValidationError):
            give()
        assert not PilotFeedback.objects.filter(pilot=pilot).exists()


@pytest.mark.parametrize("rating", [0, 6, None, "5"])
def test_a_rating_is_from_one_to_five(make_pilot, resident_participant, rating):
    pilot = make_pilot(Pilot.Status.APPROVED)
    with pytest.raises(ValidationError) as error:
        services.pilot_feedback_add(pilot=pilot, participant=resident_participant, rating=rating)
    assert set(error.value.message_dict) == {"rating"}


def test_a_resident_gives_feedback_once(make_pilot, resident_participant, visitor):
    pilot = make_pilot(Pilot.Status.APPROVED)
    services.pilot_feedback_add(pilot=pilot, participant=resident_participant, rating=5)
    with pytest.raises(ValidationError):
        services.pilot_feedback_add(pilot=pilot, participant=resident_participant, rating=1)
    services.pilot_feedback_add(pilot=pilot, participant=visitor, rating=1)
    assert sorted(pilot.feedback.values_list("rating", flat=True)) == [1, 5]


def test_residents_join_a_running_pilot_once(make_pilot, resident_participant):
    pilot = make_pilot(Pilot.Status.APPROVED)
    assert services.pilot_join(pilot=pilot, participant=resident_participant) is True
    assert services.pilot_join(pilot=pilot, participant=resident_participant) is False
    assert pilot.participations.count() == 1


@pytest.mark.parametrize(
    ("status", "starts_in", "length"),
    [
        (Pilot.Status.APPROVED, 1, 30),  # not started
        (Pilot.Status.APPROVED, -30, 29),  # ended yesterday
        (Pilot.Status.PROPOSED, -1, 30),
        (Pilot.Status.DECLINED, -1, 30),
        (Pilot.Status.REPORTED, -1, 30),
    ],
)
def test_only_a_running_pilot_can_be_joined(
    make_pilot, resident_participant, status, starts_in, length
):
    pilot = make_pilot(status, starts_in=starts_in, days=length)
    with pytest.raises(ValidationError):
        services.pilot_join(pilot=pilot, participant=resident_participant)
    assert not pilot.participations.exists()


# Results ----------------------------------------------------------------------------------------


def test_reporting_writes_the_outcome_on_the_answered_contributions(
    make_pilot, organisation_member, contribution
):
    pilot = make_pilot(Pilot.Status.APPROVED)
    (measure,) = pilot.measures.all()

    report(
        pilot,
        organisation_member,
        actuals={measure.pk: "131,5"},
        outcome=Contribution.Status.DONE,
    )

    pilot.refresh_from_db()
    measure.refresh_from_db()
    contribution.refresh_from_db()
    assert pilot.status == Pilot.Status.REPORTED
    assert pilot.reported_at is not None
    assert (pilot.outcome, pilot.next_step) == ("done", "scale_up")
    assert measure.actual == Decimal("131.50")
    assert contribution.status == Contribution.Status.DONE
    statuses = list(contribution.status_changes.values_list("status", flat=True))
    assert statuses == [Contribution.Status.IN_PILOT, Contribution.Status.DONE]
    text = contribution.status_changes.last().text
    assert pilot.title in text
    assert "Walkers counted a day 131.50 people / 120.00 people" in text


def test_only_members_report(make_pilot, moderator):
    pilot = make_pilot(Pilot.Status.APPROVED)
    with pytest.raises(PermissionDenied):
        report(pilot, moderator)


@pytest.mark.parametrize(
    ("status", "starts_in"),
    [
        (Pilot.Status.PROPOSED, -1),
        (Pilot.Status.CHANGES_REQUESTED, -1),
        (Pilot.Status.DECLINED, -1),
        (Pilot.Status.APPROVED, 1),  # not started
        (Pilot.Status.REPORTED, -1),  # once
    ],
)
def test_results_are_reported_once_the_approved_pilot_has_started(
    make_pilot, organisation_member, status, starts_in
):
    pilot = make_pilot(status, starts_in=starts_in)
    with pytest.raises(ValidationError) as error:
        report(pilot, organisation_member)
    assert set(error.value.message_dict) == {"__all__"}


@pytest.mark.parametrize("actual", [None, "", "lots", "Infinity"])
def test_every_measure_needs_a_number(make_pilot, organisation_member, actual):
    pilot = make_pilot(Pilot.Status.APPROVED)
    (measure,) = pilot.measures.all()
    with pytest.raises(ValidationError) as error:
        report(pilot, organisation_member, actuals={measure.pk: actual})
    assert set(error.value.message_dict) == {"measures"}
    pilot.refresh_from_db()
    assert pilot.status == Pilot.Status.APPROVED


def test_an_actual_too_large_to_store_is_refused(make_pilot, organisation_member):
    pilot = make_pilot(Pilot.Status.APPROVED)
    (measure,) = pilot.measures.all()
    with pytest.raises(ValidationError) as error:
        report(pilot, organisation_member, actuals={measure.pk: "1e10"})
    assert set(error.value.message_dict) == {"measures"}


@pytest.mark.parametrize("outcome", ["in_pilot", "new", "gone"])
def test_the_outcome_is_one_of_the_allowed_statuses(make_pilot, organisation_member, outcome):
    pilot = make_pilot(Pilot.Status.APPROVED)
    with pytest.raises(ValidationError) as error:
        report(pilot, organisation_member, outcome=outcome, next_step="later", narrative=" ")
    assert set(error.value.message_dict) == {"outcome", "next_step", "narrative"}


def test_a_result_mails_each_person_once(
    make_pilot,
    organisation_member,
    theme,
    django_capture_on_commit_callbacks,
    mailoutbox,
):
    author = UserFactory(username="author", email="author@example.org")
    supporter = UserFactory(username="supporter", email="supporter@example.org")
    follower = UserFactory(username="follower", email="follower@example.org")
    benches = ContributionFactory(
        campaign=theme.campaign, theme=theme, participant=participant_for_user(user=author)
    )
    shade = ContributionFactory(campaign=theme.campaign, theme=theme)
    fan = participant_for_user(user=supporter)
    # Supports both contributions and follows one: still one e-mail.
    Support.objects.create(contribution=benches, participant=fan)
    Support.objects.create(contribution=shade, participant=fan)
    Follow.objects.create(contribution=benches, participant=fan)
    Follow.objects.create(
        contribution=shade, participant=participant_for_user(user=follower), language="sv"
    )
    # An anonymous supporter has no address to write to.
    Support.objects.create(contribution=shade, participant=ParticipantFactory())
    pilot = make_pilot(Pilot.Status.APPROVED, contributions=[benches, shade])

    with django_capture_on_commit_callbacks(execute=True):
        report(pilot, organisation_member)

    assert sorted(m.to[0] for m in mailoutbox) == [
        "author@example.org",
        "follower@example.org",
        "supporter@example.org",
    ]
    assert all(pilot.title in m.subject for m in mailoutbox)
    assert all("Residents used the benches every day." in m.body for m in mailoutbox)
    # Each in the recipient's language, its link too.
    swedish = next(m for m in mailoutbox if m.to == ["follower@example.org"])
    assert f"/sv/pilots/{pilot.pk}/" in swedish.body


def test_approval_tells_the_members_and_the_contributions_people(
    make_pilot, moderator, django_capture_on_commit_callbacks, mailoutbox, theme
):
    author = UserFactory(username="author", email="author@example.org")
    item = ContributionFactory(
        campaign=theme.campaign, theme=theme, participant=participant_for_user(user=author)
    )
    pilot = make_pilot(contributions=[item])

    with django_capture_on_commit_callbacks(execute=True):
        services.pilot_review(actor=moderator, pilot=pilot, decision="approve")

    assert sorted(m.to[0] for m in mailoutbox) == ["author@example.org", "oona@example.org"]


# Who may do what --------------------------------------------------------------------------------

PERSONAS = [
    "organisation_member",
    "resident",
    "moderator",
    "area_moderator",
    "analyst",
    "other_moderator",
    "administrator",
]
MAY_REVIEW = {"moderator", "area_moderator", "administrator"}


@pytest.mark.parametrize("persona", PERSONAS)
def test_permission_matrix(request, make_pilot, organisation, campaign, contribution, persona):
    user = request.getfixturevalue(persona)
    is_member = persona == "organisation_member"

    def allowed(call) -> bool:
        try:
            call()
        except PermissionDenied:
            return False
        return True

    proposed, reviewed, running = make_pilot(), make_pilot(), make_pilot(Pilot.Status.APPROVED)

    def update():
        services.pilot_update(
            user=user, pilot=proposed, contributions=[contribution], **proposal(title="Changed")
        )

    def review():
        services.pilot_review(
            actor=user, pilot=reviewed, decision="request_changes", reason="Say more."
        )

    def report_():
        report(running, user)

    assert {
        "propose": allowed(_propose(organisation, user, campaign, [contribution])),
        "update": allowed(update),
        "review": allowed(review),
        "report": allowed(report_),
    } == {
        "propose": is_member,
        "update": is_member,
        "review": persona in MAY_REVIEW,
        "report": is_member,
    }


# Through engagement's status service --------------------------------------------------------


def test_approval_logs_each_status_it_sets_as_the_reviewing_official(
    make_pilot, moderator, contribution
):
    pilot = make_pilot()
    services.pilot_review(actor=moderator, pilot=pilot, decision="approve")

    entry = ModerationAction.objects.get(action="pilot_status")
    assert (entry.target_type, entry.target_id) == ("contribution", contribution.pk)
    assert (entry.actor, entry.actor_id) == ("Area coordinator, Western team", moderator.pk)
    assert entry.details == {"status": "in_pilot", "pilot": pilot.pk}


def test_a_report_logs_itself_and_each_status_it_sets_in_the_organisations_name(
    make_pilot, organisation_member, contribution, theme
):
    second = ContributionFactory(campaign=theme.campaign, theme=theme)
    pilot = make_pilot(Pilot.Status.APPROVED, contributions=[contribution, second])
    before = set(ModerationAction.objects.values_list("pk", flat=True))

    report(pilot, organisation_member, outcome=Contribution.Status.DONE)

    first, *statuses = ModerationAction.objects.exclude(pk__in=before).order_by("id")
    assert (first.action, first.target_type, first.target_id) == ("pilot_report", "pilot", pilot.pk)
    assert first.details == {"outcome": "done", "next_step": "scale_up"}
    assert first.reason == "Residents used the benches every day."
    assert {(e.action, e.target_id, e.details["status"]) for e in statuses} == {
        ("pilot_status", contribution.pk, "done"),
        ("pilot_status", second.pk, "done"),
    }
    assert len(statuses) == 2
    assert {(e.actor, e.actor_id) for e in (first, *statuses)} == {
        ("Tesoman yrittäjät ry", organisation_member.pk)
    }


def test_people_hear_of_a_pilot_once_per_event_and_not_again_of_each_status(
    make_pilot,
    moderator,
    organisation_member,
    theme,
    django_capture_on_commit_callbacks,
    mailoutbox,
):
    author = UserFactory(username="author", email="author@example.org")
    item = ContributionFactory(
        campaign=theme.campaign, theme=theme, participant=participant_for_user(user=author)
    )
    # The author also follows and supports it: the status e-mail would reach them too.
    Follow.objects.create(contribution=item, participant=participant_for_user(user=author))
    Support.objects.create(contribution=item, participant=participant_for_user(user=author))
    pilot = make_pilot(contributions=[item])

    with django_capture_on_commit_callbacks(execute=True):
        services.pilot_review(actor=moderator, pilot=pilot, decision="approve")
    with django_capture_on_commit_callbacks(execute=True):
        report(pilot, organisation_member)

    to_author = [m.subject for m in mailoutbox if m.to == ["author@example.org"]]
    assert len(to_author) == 2
    # The news of each event, carried by the neighbours' invitation to rate (decision 0041).
    assert [s.split(" ")[0] for s in to_author] == ["Kokeilu", "Kokeilun"]
    assert all(pilot.title in s and "mitä mieltä olet" in s for s in to_author)
    item.refresh_from_db()
    assert item.status == Contribution.Status.PLANNED
    assert item.status_changes.count() == 2
