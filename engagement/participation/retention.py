"""Retention: what links input to a person is removed once it is no longer needed.

After RETENTION_DAYS the contributions, comments and supports stay (they are the
consultation's record, shown as before), but nothing ties them to a browser, an address or an
unconfirmed sign-up any more (docs/decisions/0015-media-privacy-retention-backup.md):

- an anonymous participant without activity since the cut-off loses its cookie token's hash, so
  no browser stands for it again; its input, supports and blocks stay on the record, counted
  once as before;
- a sign-up whose e-mail address was never confirmed (so it never signed in) is deleted;
- background answers (decision 0034) of a participant with neither an account nor a token
  (anonymised above, or an account deleted) are deleted;
- the e-mail address left with accessibility feedback is emptied;
- every address field in ADDRESS_FIELDS (what the abuse limits store, hashed) older than the
  cut-off is emptied;
- expired sessions, and expired rows of a database cache (rate-limit counters by address hash),
  are deleted.

Accounts that were confirmed stay until their owner deletes them (the "My contributions" page).
`retention_run` is idempotent and runs in one transaction; the worker runs `retention_task`
daily (settings.PERIODIC_TASKS) and `manage.py retention` runs it by hand.
"""

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime, timedelta

from allauth.account.models import EmailAddress
from django.apps import apps
from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.sessions.models import Session
from django.core.cache import caches
from django.core.cache.backends.db import DatabaseCache
from django.db import connection, transaction
from django.db.models import Exists, OuterRef, Q
from django.utils import timezone
from django_tasks import task

from engagement.models import (
    AccessibilityFeedback,
    ApiKey,
    BackgroundAnswer,
    Participant,
    Role,
)


@dataclass(frozen=True)
class AddressField:
    """A stored (hashed) client address: `model` as "app_label.ModelName", the address field,
    and the field that says when it was recorded."""

    model: str
    field: str
    recorded_at: str = "created_at"


# Address fields the abuse limits store (a keyed hash of the client's network, never the address:
# engagement.participation.limits.address_hash); each is emptied RETENTION_DAYS after it was
# recorded. A new one is one line here (the retention tests check each field and its clearing).
# Emptied, a support no longer counts against its network's cap, and anonymous flags count
# together as one person: nothing breaks.
ADDRESS_FIELDS: list[AddressField] = [
    AddressField("engagement.Support", "address_hash"),
    AddressField("engagement.Flag", "address_hash"),
]


def retention_cutoff(*, now: datetime | None = None, days: int | None = None) -> datetime:
    """The moment before which personal links are removed."""
    days = settings.RETENTION_DAYS if days is None else days
    return (now or timezone.now()) - timedelta(days=days)


def _activity_since(cutoff: datetime) -> Q:
    """Participants with any record of their own (any app's, contributions' edits included)
    made at or after the cut-off: every model pointing at Participant with a `created_at`."""
    active = Q(created_at__gte=cutoff)
    for relation in Participant._meta.related_objects:
        model = relation.related_model
        stamps = [
            f.name for f in model._meta.concrete_fields if f.name in ("created_at", "updated_at")
        ]
        if not stamps or relation.many_to_many:
            continue
        recent = Q()
        for stamp in stamps:
            recent |= Q(**{f"{stamp}__gte": cutoff})
        mine = model._default_manager.filter(recent, **{relation.field.name: OuterRef("pk")})
        active |= Q(Exists(mine))
    return active


def participants_to_anonymise(*, cutoff: datetime):
    """Anonymous participants (a cookie token, no account, no API key) idle since the cut-off."""
    return (
        Participant.objects.filter(user=None, token_hash__isnull=False)
        .exclude(Exists(ApiKey.objects.filter(participant=OuterRef("pk"))))
        .exclude(_activity_since(cutoff))
    )


def unconfirmed_signups(*, cutoff: datetime):
    """Accounts made through sign-up whose address was never confirmed, older than the cut-off,
    that never signed in and hold no office (staff, superuser, a moderator's or analyst's role)."""
    emails = EmailAddress.objects.filter(user=OuterRef("pk"))
    return (
        get_user_model()
        .objects.filter(date_joined__lt=cutoff, last_login=None, is_staff=False)
        .filter(is_superuser=False)
        .filter(Exists(emails))
        .exclude(Exists(emails.filter(verified=True)))
        .exclude(Exists(Role.objects.filter(user=OuterRef("pk"))))
    )


def _clear(queryset, field: str) -> int:
    """Empty `field` wherever it holds something: NULL where allowed, else the empty string."""
    model_field = queryset.model._meta.get_field(field)
    empty = None if model_field.null else ""
    return (
        queryset.exclude(**{f"{field}__isnull": True})
        .exclude(**{field: ""})
        .update(**{field: empty})
    )


def _address_fields_clear(fields: Iterable[AddressField], cutoff: datetime) -> int:
    cleared = 0
    for spec in fields:
        model = apps.get_model(spec.model)
        old = model._default_manager.filter(**{f"{spec.recorded_at}__lt": cutoff})
        cleared += _clear(old, spec.field)
    return cleared


def _expired_cache_rows(now: datetime) -> int:
    """Delete expired rows of every database cache: Django culls them only when it is full."""
    deleted = 0
    for alias in settings.CACHES:
        cache = caches[alias]
        if isinstance(cache, DatabaseCache):
            table = connection.ops.quote_name(cache._table)
            with connection.cursor() as cursor:
                cursor.execute(f"DELETE FROM {table} WHERE expires < %s", [now])  # noqa: S608
                deleted += cursor.rowcount
    return deleted


def retention_run(
    *, now: datetime | None = None, days: int | None = None, dry_run: bool = False
) -> dict[str, int]:
    """Remove what links old input to a person; returns how many of each were changed (or, with
    `dry_run`, would be: the same work is done and rolled back)."""
    now = now or timezone.now()
    cutoff = retention_cutoff(now=now, days=days)
    with transaction.atomic():
        counts = {
            "participants_anonymised": participants_to_anonymise(cutoff=cutoff).update(
                token_hash=None
            ),
            "unconfirmed_signups_deleted": unconfirmed_signups(cutoff=cutoff)
            .delete()[1]
            .get(get_user_model()._meta.label, 0),
            # Answers of a participant that no longer stands for anyone (no account, no
            # browser token) are deleted: nobody could see or correct them any more.
            "background_answers_deleted": BackgroundAnswer.objects.filter(
                participant__user=None, participant__token_hash=None
            )
            .exclude(Exists(ApiKey.objects.filter(participant=OuterRef("participant"))))
            .delete()[0],
            "feedback_emails_cleared": _clear(
                AccessibilityFeedback.objects.filter(created_at__lt=cutoff), "email"
            ),
            "addresses_cleared": _address_fields_clear(ADDRESS_FIELDS, cutoff),
            "sessions_deleted": Session.objects.filter(expire_date__lt=now).delete()[0],
            "cache_rows_deleted": _expired_cache_rows(now),
        }
        if dry_run:
            transaction.set_rollback(True)
    return counts


@task()
def retention_task() -> dict[str, int]:
    """Periodic (daily): the retention rules, with the configured RETENTION_DAYS."""
    return retention_run()
