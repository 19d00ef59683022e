"""`manage.py outbox`: what the e-mail outbox holds, and sending failed messages again.

manage.py outbox                  counts by status, and the failed and overdue messages
manage.py outbox --resend 12 15   those messages again (failed or pending), from attempt 0
manage.py outbox --resend-failed  every failed message again
"""

from datetime import timedelta
from typing import Any

from django.core.management.base import BaseCommand, CommandParser
from django.db import transaction
from django.db.models import Count
from django.utils import timezone

from config.mail import outbox_deliver_task
from config.models import OutgoingEmail
from engagement.common.queue import enqueue_atomically

Status = OutgoingEmail.Status


class Command(BaseCommand):
    help = "Show the e-mail outbox (failed, overdue) and queue failed messages again."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--resend", nargs="+", type=int, default=[], metavar="ID")
        parser.add_argument("--resend-failed", action="store_true")
        parser.add_argument("--limit", type=int, default=50, help="Messages listed (default 50)")

    def handle(
        self, *args: Any, resend: list[int], resend_failed: bool, limit: int, **options: Any
    ) -> None:
        if resend or resend_failed:
            self._resend(resend, resend_failed)
            return
        counts = dict(OutgoingEmail.objects.values_list("status").annotate(n=Count("id")))
        self.stdout.write(" ".join(f"{status}={counts.get(status, 0)}" for status in Status.values))
        overdue = OutgoingEmail.objects.filter(
            status=Status.PENDING, next_attempt_at__lt=timezone.now() - timedelta(minutes=5)
        )
        for title, rows in (("failed", OutgoingEmail.objects.filter(status=Status.FAILED)),
                            ("overdue (is the worker running?)", overdue)):  # fmt: skip
            rows = list(rows.order_by("-created_at")[:limit])
            if rows:
                self.stdout.write(f"{title}:")
            for row in rows:
                self.stdout.write(
                    f"  {row.pk} {row.created_at:%Y-%m-%d %H:%M} to {', '.join(row.recipients)}"
                    f" “{row.subject}” attempts={row.attempts} {row.last_error}"
                )

    def _resend(self, ids: list[int], all_failed: bool) -> None:
        with transaction.atomic():
            rows = OutgoingEmail.objects.select_for_update().exclude(status=Status.SENT)
            rows = rows.filter(status=Status.FAILED) if all_failed else rows.filter(pk__in=ids)
            pks = sorted(rows.values_list("pk", flat=True))
            OutgoingEmail.objects.filter(pk__in=pks).update(
                status=Status.PENDING, attempts=0, next_attempt_at=timezone.now(), last_error=""
            )
            if pks:
                enqueue_atomically(outbox_deliver_task, pks)
        missing = sorted(set(ids) - set(pks))
        self.stdout.write(
            f"Queued again: {len(pks)}" + (f"; not found or sent: {missing}" if missing else "")
        )
