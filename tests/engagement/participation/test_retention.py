"""Retention: old personal links go, new ones and all public content stay.

Records are made through the site's doors where one exists (the campaign form, the comment
form, sign-up), then dated back in the database, as time would.
"""

from datetime import timedelta
from io import StringIO

import pytest
from allauth.account.models import EmailAddress
from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.sessions.backends.db import SessionStore
from django.contrib.sessions.models import Session
from django.core.management import call_command
from django.db import connection
from django.test import Client
from django.utils import timezone

from config.queue import periodic_tasks
from engagement.models import (
    AccessibilityFeedback,
    Comment,
    Contribution,
    Participant,
    Support,
)
from engagement.participation.retention import ADDRESS_FIELDS, retention_run, retention_task
from tests.factories import ApiKeyFactory, UserFactory

pytestmark = pytest.mark.django_db
OLD = timezone.now() - timedelta(days=settings.RETENTION_DAYS + 1)
RECENT = timezone.now() - timedelta(days=settings.RETENTION_DAYS - 1)


def _contribute(browser: Client, theme, title: str) -> Contribution:
    response = browser.post(
        f"/campaigns/{theme.campaign.slug}/",
        {
            "kind": "idea",
            "theme": theme.slug,
            "title": title,
            "body": "A bench by the path.",
            "lat": "61.5",
            "lon": "23.63",
        },
    )
    assert response.status_code == 302
    return Contribution.objects.get(title=title)


def _date_back(contribution: Contribution, when) -> Participant:
    """Make the contribution and everything its author did as old as `when`."""
    participant = contribution.participant
    Participant.objects.filter(pk=participant.pk).update(created_at=when)
    Contribution.objects.filter(participant=participant).update(created_at=when, updated_at=when)
    for model in (Comment, Support):
        model.objects.filter(participant=participant).update(created_at=when)
    return participant


@pytest.fixture
def old_browser(theme):
    """A browser that sent an idea and supported it over a year ago."""
    browser = Client()
    contribution = _contribute(browser, theme, "Old idea")
    assert browser.post(f"/contributions/{contribution.pk}/support/").status_code == 302
    _date_back(contribution, OLD)
    return browser, contribution


def test_an_idle_anonymous_participant_loses_its_cookie_link_and_its_input_stays_public(
    old_browser, theme
):
    browser, old = old_browser
    new = _contribute(Client(), theme, "New idea")
    counts = retention_run()
    assert counts["participants_anonymised"] == 1
    old_author = Participant.objects.get(pk=old.participant_id)
    assert old_author.token_hash is None
    assert Participant.objects.get(pk=new.participant_id).token_hash is not None
    # The contribution, its author row and its support stay, public as before.
    page = Client().get(f"/en/contributions/{old.pk}/")
    assert page.status_code == 200
    assert "Old idea" in page.content.decode()
    assert "1 resident supports this." in page.content.decode()
    assert Support.objects.filter(contribution=old, participant=old_author).exists()
    # The browser's cookie no longer stands for the author: it cannot withdraw the idea.
    browser.post(f"/contributions/{old.pk}/withdraw/")
    old.refresh_from_db()
    assert old.moderation_state == Contribution.ModerationState.PUBLISHED


def test_recent_activity_of_any_kind_keeps_the_link(old_browser, theme):
    browser, old = old_browser
    other = _contribute(Client(), theme, "Someone else's idea")
    response = browser.post(f"/contributions/{other.pk}/comments/", {"body": "Yes, please."})
    assert response.status_code == 302
    Comment.objects.filter(participant_id=old.participant_id).update(created_at=RECENT)
    assert retention_run()["participants_anonymised"] == 0
    assert Participant.objects.get(pk=old.participant_id).token_hash is not None


def test_an_integrations_participant_is_never_anonymised(db):
    key = ApiKeyFactory()
    Participant.objects.filter(pk=key.participant_id).update(created_at=OLD, token_hash="f" * 64)
    retention_run()
    assert Participant.objects.get(pk=key.participant_id).token_hash == "f" * 64


def test_unconfirmed_sign_ups_go_confirmed_accounts_stay(theme):
    for email in ("never@example.org", "confirmed@example.org", "fresh@example.org"):
        response = Client().post(
            "/en/accounts/signup/",
            {
                "email": email,
                "password1": "a long pass phrase 42",
                "password2": "a long pass phrase 42",
            },
        )
        assert response.status_code == 302, response.content.decode()[:1500]
    EmailAddress.objects.filter(email="confirmed@example.org").update(verified=True)
    users = get_user_model().objects
    users.filter(email__in=["never@example.org", "confirmed@example.org"]).update(date_joined=OLD)
    counts = retention_run()
    assert counts["unconfirmed_signups_deleted"] == 1
    assert sorted(users.values_list("email", flat=True)) == [
        "confirmed@example.org",
        "fresh@example.org",
    ]


def test_feedback_e_mail_addresses_are_emptied_after_the_period(db):
    old = AccessibilityFeedback.objects.create(message="Contrast is low.", email="a@example.org")
    new = AccessibilityFeedback.objects.create(message="Map keys?", email="b@example.org")
    AccessibilityFeedback.objects.filter(pk=old.pk).update(created_at=OLD)
    assert retention_run()["feedback_emails_cleared"] == 1
    old.refresh_from_db()
    new.refresh_from_db()
    assert (old.email, old.message) == ("", "Contrast is low.")
    assert new.email == "b@example.org"


def test_expired_sessions_are_deleted(db):
    expired, live = SessionStore(), SessionStore()
    for store in (expired, live):
        store["x"] = 1
        store.create()
    Session.objects.filter(session_key=expired.session_key).update(
        expire_date=timezone.now() - timedelta(days=1)
    )
    assert retention_run()["sessions_deleted"] == 1
    assert list(Session.objects.values_list("session_key", flat=True)) == [live.session_key]


@pytest.mark.parametrize("spec", ADDRESS_FIELDS, ids=lambda s: f"{s.model}.{s.field}")
def test_every_listed_address_field_exists_and_is_dated(spec):
    from django.apps import apps

    model = apps.get_model(spec.model)
    model._meta.get_field(spec.field)
    model._meta.get_field(spec.recorded_at)


def test_a_dry_run_counts_and_changes_nothing_and_a_second_run_finds_nothing(old_browser):
    _browser, old = old_browser
    out = StringIO()
    call_command("retention", "--dry-run", stdout=out)
    assert "participants anonymised: 1" in out.getvalue()
    assert "would change" in out.getvalue()
    assert Participant.objects.get(pk=old.participant_id).token_hash is not None
    call_command("retention", stdout=StringIO())
    assert Participant.objects.get(pk=old.participant_id).token_hash is None
    again = StringIO()
    call_command("retention", stdout=again)
    assert "participants anonymised: 0" in again.getvalue()


def test_a_shorter_period_can_be_asked_for(theme):
    recent = _contribute(Client(), theme, "Last month")
    _date_back(recent, timezone.now() - timedelta(days=30))
    assert retention_run(days=60)["participants_anonymised"] == 0
    assert retention_run(days=20)["participants_anonymised"] == 1


def test_the_task_runs_the_rules_and_the_worker_schedules_it_daily(old_browser):
    _browser, old = old_browser
    task, seconds = periodic_tasks()[retention_task.module_path]
    assert seconds == 86400
    result = task.enqueue()
    assert result.return_value["participants_anonymised"] == 1
    assert Participant.objects.get(pk=old.participant_id).token_hash is None


def test_a_signed_in_residents_input_is_untouched(resident_client, theme):
    contribution = _contribute(resident_client, theme, "Signed in")
    _date_back(contribution, OLD)
    retention_run()
    contribution.refresh_from_db()
    assert contribution.participant.user is not None
    assert UserFactory._meta.model.objects.filter(pk=contribution.participant.user_id).exists()


def test_address_hashes_of_supports_and_flags_are_emptied_after_the_period(theme):
    from engagement.models import Flag

    old_idea = _contribute(Client(), theme, "Old idea")
    new_idea = _contribute(Client(), theme, "New idea")
    for idea in (old_idea, new_idea):
        browser = Client(REMOTE_ADDR="192.0.2.7")
        assert browser.post(f"/contributions/{idea.pk}/support/").status_code == 302
        response = browser.post(f"/contributions/{idea.pk}/flag/", {"reason": "spam"})
        assert response.status_code == 302
    for model in (Support, Flag):
        assert model.objects.exclude(address_hash="").count() == 2  # the doors record them
        model.objects.filter(contribution=old_idea).update(created_at=OLD)
    counts = retention_run()
    assert counts["addresses_cleared"] == 2
    for model in (Support, Flag):
        assert model.objects.get(contribution=old_idea).address_hash == ""
        assert model.objects.get(contribution=new_idea).address_hash != ""
    # The rows themselves stay: the old idea still has its support and its flag.
    assert Support.objects.filter(contribution=old_idea).count() == 1
    assert Flag.objects.filter(contribution=old_idea).count() == 1


def test_expired_rows_of_a_database_cache_are_deleted(settings):
    """Rate-limit counters are keyed by address hashes; Django culls a database cache's
    expired rows only when it is full (config/settings/base.py raises that bound)."""
    from django.core.cache import caches

    settings.CACHES = {
        **settings.CACHES,
        "rows": {
            "BACKEND": "django.core.cache.backends.db.DatabaseCache",
            "LOCATION": "retention_test_cache",
        },
    }
    call_command("createcachetable", "--database", "default", verbosity=0)
    rows = caches["rows"]
    rows.set("rate:support:old", 1, timeout=1)
    rows.set("rate:support:live", 1, timeout=3600)
    counts = retention_run(now=timezone.now() + timedelta(seconds=30))
    assert counts["cache_rows_deleted"] == 1
    with connection.cursor() as cursor:
        cursor.execute("SELECT count(*) FROM retention_test_cache")
        assert cursor.fetchone()[0] == 1
    assert rows.get("rate:support:live") == 1
