"""The stored support and comment counts (decision 0026) stay true through every kind of write:
a messy history through the real services and the HTTP API, then a count from scratch."""

import contextlib
import threading
from concurrent.futures import ThreadPoolExecutor
from io import StringIO

import pytest
from django.core.management import call_command
from django.db import connection
from django.test import Client

from engagement.models import Block, Comment, Contribution, Support
from engagement.moderation import services as moderation
from engagement.participation import services
from engagement.participation.counters import counter_differences, recount
from engagement.participation.services import participant_for_user
from tests.factories import ContributionFactory, ParticipantFactory, UserFactory

pytestmark = pytest.mark.django_db
API = "/api/v1/contributions/"


def true_counts() -> dict[int, tuple[int, int]]:
    """Counted here in Python from the rows, independently of the SQL the database runs."""
    blocked = set(Block.objects.values_list("campaign_id", "participant_id"))
    campaign_of = dict(Contribution.objects.values_list("pk", "campaign_id"))
    counts = {pk: [0, 0] for pk in campaign_of}
    for contribution_id, participant_id in Support.objects.values_list(
        "contribution_id", "participant_id"
    ):
        if (campaign_of[contribution_id], participant_id) not in blocked:
            counts[contribution_id][0] += 1
    for contribution_id in Comment.objects.filter(moderation_state="published").values_list(
        "contribution_id", flat=True
    ):
        counts[contribution_id][1] += 1
    return {pk: tuple(c) for pk, c in counts.items()}


def stored_counts() -> dict[int, tuple[int, int]]:
    rows = Contribution.objects.values_list("pk", "supports_count", "comments_count")
    return {pk: (s, c) for pk, s, c in rows}


def listed(campaign) -> dict[int, tuple[int, int]]:
    """What the public GeoJSON list says."""
    features = Client().get(API, {"campaign": campaign.slug}).json()["features"]
    return {f["id"]: (f["properties"]["supports"], f["properties"]["comments"]) for f in features}


def test_a_messy_history_leaves_the_stored_counts_equal_to_a_count_from_scratch(
    theme, moderator, settings
):
    settings.ANONYMOUS_RATE_LIMITS = {k: (1000, 3600) for k in ("comment", "support", "flag")}
    settings.ANONYMOUS_SUPPORTS_PER_ADDRESS = 100
    campaign = theme.campaign
    a, b, c = (ContributionFactory(campaign=campaign, theme=theme) for _ in range(3))
    people = [ParticipantFactory() for _ in range(5)]
    troll = people[0]

    # Residents through the HTTP API: each browser is its own participant.
    browsers = [Client() for _ in range(3)]
    for browser in browsers:
        assert browser.post(f"{API}{a.pk}/support/").status_code == 200
        assert browser.post(f"{API}{b.pk}/support/").status_code == 200
        assert browser.post(f"{API}{a.pk}/support/").json()["supported"]  # a second: no-op
        reply = browser.post(f"{API}{a.pk}/comments/", {"body": "Yes"}, "application/json")
        assert reply.status_code == 201
    assert browsers[0].delete(f"{API}{a.pk}/support/").json() == {
        "supported": False,
        "supports": 2,
    }
    # And through the services.
    for person in people:
        services.support_add(contribution=a, participant=person)
        services.support_add(contribution=c, participant=person)
    services.support_remove(contribution=c, participant=people[1])
    troll_comment = services.comment_add(contribution=b, participant=troll, body="Spam")
    hidden = services.comment_add(contribution=a, participant=people[2], body="Rude")
    services.comment_add(contribution=c, participant=people[3], body="Good")
    assert stored_counts()[a.pk] == (7, 4)

    mod = Client()
    mod.force_login(moderator)
    answer = mod.post(
        f"/api/v1/moderation/comments/{hidden.pk}/",
        {"action": "hide", "reason": "inappropriate"},
        "application/json",
    )
    assert answer.status_code == 204
    # Blocking hides the troll's comment and stops their supports counting; lifting the block
    # (the admin deletes the Block) counts the supports again, the comment stays hidden.
    moderation.participant_block(actor=moderator, campaign=campaign, participant=troll, reason="x")
    assert stored_counts()[a.pk] == (6, 3)
    assert stored_counts()[b.pk][1] == 0
    Block.objects.filter(participant=troll).delete()
    assert stored_counts()[a.pk] == (7, 3)
    moderation.participant_block(actor=moderator, campaign=campaign, participant=troll, reason="x")
    troll_comment.refresh_from_db()
    moderation.comment_moderate(actor=moderator, comment=troll_comment, action="restore")

    # A merge through the API: c's supporters count once on a.
    merged = mod.post(
        f"/api/v1/moderation/contributions/{c.pk}/",
        {"action": "duplicate", "original": a.pk},
        "application/json",
    )
    assert merged.status_code == 200
    # A claim moves a browser's supports into an account that already supports a.
    user = UserFactory()
    account = participant_for_user(user=user)
    services.support_add(contribution=a, participant=account)
    services.support_add(contribution=b, participant=people[4])
    services.participant_claim(anonymous=people[4], user=user)
    # Deleting an account with its input, a whole contribution, and a stale save.
    deleted = UserFactory()
    leaving = participant_for_user(user=deleted)
    services.support_add(contribution=b, participant=leaving)
    services.comment_add(contribution=b, participant=leaving, body="Bye")
    services.account_delete(user=deleted, remove_contributions=True)
    stale = Contribution.objects.get(pk=b.pk)
    services.support_add(contribution=b, participant=people[3])
    stale.title = "Edited while a support arrived"
    stale.save()
    ContributionFactory(campaign=campaign, theme=theme).delete()

    assert counter_differences() == []
    assert stored_counts() == true_counts()
    assert listed(campaign) == {pk: n for pk, n in true_counts().items() if pk != c.pk}
    # a: 2 browsers and 4 people less the blocked troll, and the account (which people[4] joined
    # by the claim, so once); b: 3 browsers, the account, people[3], and the restored spam.
    assert true_counts()[a.pk] == (6, 3)
    assert true_counts()[b.pk] == (5, 1)


def test_no_write_but_the_recount_changes_the_stored_counts(contribution, visitor):
    services.support_add(contribution=contribution, participant=visitor)
    Contribution.objects.filter(pk=contribution.pk).update(supports_count=99, comments_count=7)
    with connection.cursor() as cursor:
        cursor.execute(
            "UPDATE engagement_contribution SET supports_count = 5 WHERE id = %s",
            [contribution.pk],
        )
    contribution.refresh_from_db()
    assert (contribution.supports_count, contribution.comments_count) == (1, 0)
    new = Contribution.objects.create(
        campaign=contribution.campaign,
        theme=contribution.theme,
        kind="idea",
        title="Created with counts",
        body="x",
        geometry=contribution.geometry,
        supports_count=3,
        moderation_state="published",
    )
    new.refresh_from_db()
    assert new.supports_count == 0


def test_the_command_reports_and_fixes_differences(contribution, visitor):
    services.support_add(contribution=contribution, participant=visitor)
    # Triggers off for a moment, as a restore with `--disable-triggers` could leave things.
    with connection.cursor() as cursor:
        cursor.execute("SET session_replication_role = replica")
        Support.objects.all().delete()
        cursor.execute("SET session_replication_role = DEFAULT")
    out = StringIO()
    with pytest.raises(SystemExit):
        call_command("recount_contributions", stdout=out)
    assert f"contribution {contribution.pk}: supports 1 stored, 0 true" in out.getvalue()
    call_command("recount_contributions", "--fix", stdout=out)
    assert "differences left: 0" in out.getvalue()
    contribution.refresh_from_db()
    assert contribution.supports_count == 0
    recount([contribution.pk])  # nothing to change: no error, no difference
    assert counter_differences() == []


@pytest.mark.django_db(transaction=True)
def test_parallel_supports_of_one_contribution_are_all_counted(theme):
    """Signed-in supporters take no lock in support_add (only anonymous ones are capped per
    address), so the recount's own lock is what keeps the count: each thread has its own
    connection and transaction."""
    contribution = ContributionFactory(campaign=theme.campaign, theme=theme)
    supporters = [participant_for_user(user=UserFactory()) for _ in range(24)]
    start = threading.Barrier(12)

    def support(participant) -> bool:
        try:
            with contextlib.suppress(threading.BrokenBarrierError):
                start.wait(timeout=5)
            return services.support_add(contribution=contribution, participant=participant)
        finally:
            connection.close()

    with ThreadPoolExecutor(max_workers=12) as pool:
        added = list(pool.map(support, supporters))
    assert added == [True] * len(supporters)
    contribution.refresh_from_db()
    assert contribution.supports_count == len(supporters) == Support.objects.count()


def test_the_admin_shows_the_counts_read_only(administrator_client, contribution, visitor):
    services.support_add(contribution=contribution, participant=visitor)
    page = administrator_client.get(f"/admin/engagement/contribution/{contribution.pk}/change/")
    assert page.status_code == 200
    html = page.content.decode()
    assert "field-supports_count" in html and 'name="supports_count"' not in html
