"""E-mail through the outbox: queued in the transaction of its change, delivered by the worker.

`QueuedEmailBackend` is the site's EMAIL_BACKEND, so send_mail, mail_admins and allauth need no
change: it writes each message to `OutgoingEmail` and enqueues one delivery task, both in the
caller's transaction (a rollback sends nothing). The worker's delivery hands the messages to
EMAIL_DELIVERY_BACKEND (SMTP) over one connection, marking each sent in the transaction that holds
its row's lock; a failure is retried with backoff, and the periodic sweep delivers whatever a lost
task left. Delivery is at least once: only a worker killed between the SMTP server's "250 OK" and
the commit, a few milliseconds, sends that one message again, with the same Message-ID.
"""

import base64
import contextlib
import logging
import smtplib
from collections import defaultdict
from collections.abc import Iterable, Sequence
from datetime import datetime, timedelta
from email import message_from_bytes
from email.mime.base import MIMEBase
from email.utils import formatdate, make_msgid
from typing import Any

from django.conf import settings
from django.core import mail
from django.core.mail.backends.base import BaseEmailBackend
from django.core.mail.message import DNS_NAME, EmailMessage, EmailMultiAlternatives
from django.db import DatabaseError, transaction
from django.utils import timezone
from django_tasks import task
from django_tasks.backends.immediate import ImmediateBackend

from config.models import OutgoingEmail
from config.queue import stop_requested
from engagement.common.queue import enqueue_atomically

logger = logging.getLogger(__name__)

Status = OutgoingEmail.Status
# Messages per SMTP connection before it is opened anew (servers often cap a session at 100).
PER_CONNECTION = 100
# Rows one sweep step reads at a time.
BATCH = 500


# The message as JSON ----------------------------------------------------------------------------


def _attachment_to_data(attachment: Any) -> dict[str, str]:
    if isinstance(attachment, MIMEBase):
        return {"mime": base64.b64encode(attachment.as_bytes()).decode()}
    filename, content, mimetype = attachment
    if isinstance(content, bytes):
        content = {"base64": base64.b64encode(content).decode()}
    return {"filename": filename, "content": content, "mimetype": mimetype}


def _attachment_from_data(data: dict[str, Any]) -> Any:
    if "mime" in data:
        parsed = message_from_bytes(base64.b64decode(data["mime"]))
        part = MIMEBase(parsed.get_content_maintype(), parsed.get_content_subtype())
        for header in ("Content-Type", "MIME-Version"):
            del part[header]
        for name, value in parsed.items():
            part[name] = value
        part.set_payload(parsed.get_payload())
        return part
    content = data["content"]
    if isinstance(content, dict):
        content = base64.b64decode(content["base64"])
    return (data["filename"], content, data["mimetype"])


def message_to_data(message: EmailMessage) -> dict[str, Any]:
    """Everything an EmailMessage carries, as JSON. The Message-ID and Date are fixed now, so a
    message sent again after a lost acknowledgement is recognisably the same one."""
    headers = {str(k): str(v) for k, v in message.extra_headers.items()}
    names = {name.lower() for name in headers}
    if "message-id" not in names:
        headers["Message-ID"] = make_msgid(domain=DNS_NAME)
    if "date" not in names:
        headers["Date"] = formatdate(localtime=settings.EMAIL_USE_LOCALTIME)
    data = {
        "subject": str(message.subject),
        "body": str(message.body),
        "from_email": str(message.from_email),
        "to": [str(a) for a in message.to],
        "cc": [str(a) for a in message.cc],
        "bcc": [str(a) for a in message.bcc],
        "reply_to": [str(a) for a in message.reply_to],
        "headers": headers,
        "attachments": [_attachment_to_data(a) for a in message.attachments],
        "content_subtype": message.content_subtype,
        "mixed_subtype": message.mixed_subtype,
        "encoding": message.encoding,
    }
    if isinstance(message, EmailMultiAlternatives):
        data["alternatives"] = [[str(c), m] for c, m in message.alternatives]
        data["alternative_subtype"] = message.alternative_subtype
    return data


def message_from_data(data: dict[str, Any]) -> EmailMessage:
    """The EmailMessage that `message_to_data` described."""
    fields = {
        "subject": data["subject"],
        "body": data["body"],
        "from_email": data["from_email"],
        "to": data["to"],
        "cc": data["cc"],
        "bcc": data["bcc"],
        "reply_to": data["reply_to"],
        "headers": data["headers"],
        "attachments": [_attachment_from_data(a) for a in data["attachments"]],
    }
    if "alternatives" in data:
        message = EmailMultiAlternatives(
            **fields, alternatives=[tuple(a) for a in data["alternatives"]]
        )
        message.alternative_subtype = data["alternative_subtype"]
    else:
        message = EmailMessage(**fields)
    message.content_subtype = data["content_subtype"]
    message.mixed_subtype = data["mixed_subtype"]
    message.encoding = data["encoding"]
    return message


# Queueing ---------------------------------------------------------------------------------------


def outbox_add(messages: Sequence[EmailMessage]) -> list[int]:
    """Write the messages to the outbox; the ids of those now waiting. A message with an
    `outbox_key` attribute already in the outbox is not added again."""
    rows = [
        OutgoingEmail(
            key=getattr(m, "outbox_key", None) or None,
            subject=str(m.subject)[:1000],
            recipients=[str(a) for a in m.recipients()],
            message=message_to_data(m),
        )
        for m in messages
    ]
    plain = [r for r in rows if r.key is None]
    keyed = [r for r in rows if r.key is not None]
    ids = [r.pk for r in OutgoingEmail.objects.bulk_create(plain)]
    if keyed:
        OutgoingEmail.objects.bulk_create(keyed, ignore_conflicts=True)
        ids += OutgoingEmail.objects.filter(
            key__in=[r.key for r in keyed], status=Status.PENDING
        ).values_list("pk", flat=True)
    return ids


class QueuedEmailBackend(BaseEmailBackend):
    """Django's e-mail backend API over the outbox: "sent" means queued, in this transaction."""

    def send_messages(self, email_messages: Iterable[EmailMessage]) -> int:
        messages = [m for m in email_messages if m.recipients()]
        if not messages:
            return 0
        for message in messages:
            message.message()  # a bad header is the caller's error, raised now, not in the worker
        try:
            with transaction.atomic():
                ids = outbox_add(messages)
                if ids and isinstance(outbox_deliver_task.get_backend(), ImmediateBackend):
                    outbox_deliver_task.enqueue(ids)  # tests: in mail.outbox at once, as before
                elif ids:
                    enqueue_atomically(outbox_deliver_task, ids)
        except DatabaseError:
            if not self.fail_silently:
                raise
            logger.exception("Could not queue %d e-mail(s)", len(messages))
            return 0
        return len(messages)


# Delivery ---------------------------------------------------------------------------------------


def _backoff(attempts: int) -> timedelta:
    seconds = settings.EMAIL_QUEUE_RETRY_SECONDS * 2 ** max(attempts - 1, 0)
    return timedelta(seconds=min(seconds, 3600))


def _attempt_failed(row: OutgoingEmail, error: BaseException) -> datetime | None:
    """Count the failed attempt; when to try again, or None when it has now failed for good."""
    row.attempts += 1
    row.last_error = f"{type(error).__name__}: {error}"[:2000]
    if row.attempts >= settings.EMAIL_QUEUE_MAX_ATTEMPTS:
        row.status = Status.FAILED
        logger.error(
            "E-mail %s to %s failed %d times, giving up (manage.py outbox --resend %s): %s",
            row.pk, row.recipients, row.attempts, row.pk, row.last_error,
        )  # fmt: skip
        return None
    row.next_attempt_at = timezone.now() + _backoff(row.attempts)
    logger.warning(
        "E-mail %s not delivered (attempt %d), again at %s: %s",
        row.pk, row.attempts, row.next_attempt_at.isoformat(), row.last_error,
    )  # fmt: skip
    return row.next_attempt_at


class _Delivery:
    """One run of deliveries over one connection to the delivery backend, opened when needed."""

    def __init__(self) -> None:
        self.connection = mail.get_connection(settings.EMAIL_DELIVERY_BACKEND, fail_silently=False)
        self.is_open = False
        self.on_connection = 0
        self.down: BaseException | None = None  # the server refused to connect: the rest wait
        self.delivered = 0
        self.retry: dict[datetime, list[int]] = defaultdict(list)

    def close(self) -> None:
        if self.is_open:
            self.is_open, self.on_connection = False, 0
            with contextlib.suppress(OSError, smtplib.SMTPException):
                self.connection.close()  # a broken connection is closed anyway

    def send(self, message: EmailMessage) -> None:
        if self.down is not None:
            raise self.down
        if self.on_connection >= PER_CONNECTION:
            self.close()
        if not self.is_open:
            try:
                self.connection.open()
            except Exception as error:
                self.down = error
                raise
            self.is_open = True
        self.on_connection += 1
        if self.connection.send_messages([message]) != 1:
            raise smtplib.SMTPException("The delivery backend did not take the message.")

    def deliver(self, pk: int) -> None:
        """Send one row if it is still waiting and no other worker holds it, and record the
        outcome in the same transaction."""
        with transaction.atomic():
            row = (
                OutgoingEmail.objects.select_for_update(skip_locked=True)
                .filter(pk=pk, status=Status.PENDING)
                .first()
            )
            if row is None:
                return  # delivered meanwhile, or being delivered by another worker now
            try:
                self.send(message_from_data(row.message))
            except Exception as error:
                self.close()  # whatever broke, the next message gets a fresh connection
                when = _attempt_failed(row, error)
                if when is not None:
                    self.retry[when].append(pk)
            else:
                row.status, row.sent_at, row.last_error = Status.SENT, timezone.now(), ""
                row.attempts += 1
                self.delivered += 1
            row.save(
                update_fields=["status", "sent_at", "attempts", "last_error", "next_attempt_at"]
            )


def _due() -> Any:
    return OutgoingEmail.objects.filter(status=Status.PENDING, next_attempt_at__lte=timezone.now())


def outbox_deliver(ids: Sequence[int] | None = None) -> int:
    """Deliver the given waiting messages (or every one that is due), over one connection; the
    number delivered. Failures are queued again at their next attempt; if the worker is asked to
    stop, the rest is queued for the next worker."""
    run = _Delivery()
    left: list[int] = []
    last = 0
    try:
        while not left:
            rows = _due().filter(pk__gt=last).order_by("pk")
            if ids is not None:
                rows = rows.filter(pk__in=ids)
            batch = list(rows.values_list("pk", flat=True)[:BATCH])
            if not batch:
                break
            for index, pk in enumerate(batch):
                if stop_requested():
                    left = batch[index:]
                    break
                run.deliver(pk)
            last = batch[-1]
    finally:
        run.close()
    for when, pks in run.retry.items():
        enqueue_atomically(outbox_deliver_task, sorted(pks), run_after=when)
    if left:
        rest = _due().filter(pk__gte=left[0])
        if ids is not None:
            rest = rest.filter(pk__in=ids)
        enqueue_atomically(outbox_deliver_task, list(rest.values_list("pk", flat=True)))
    if run.delivered:
        logger.info("Delivered %d e-mail(s)", run.delivered)
    return run.delivered


@task()
def outbox_deliver_task(ids: list[int]) -> int:
    """Queued with the messages it delivers, in their transaction."""
    return outbox_deliver(ids)


@task()
def outbox_sweep() -> dict[str, int]:
    """Periodic: deliver every message that is due (its task was lost, or a retry's), and delete
    sent messages after EMAIL_QUEUE_KEEP_DAYS; they hold addresses and texts."""
    delivered = outbox_deliver()
    cutoff = timezone.now() - timedelta(days=settings.EMAIL_QUEUE_KEEP_DAYS)
    pruned, _by_model = OutgoingEmail.objects.filter(
        status=Status.SENT, sent_at__lt=cutoff
    ).delete()
    return {"delivered": delivered, "pruned": pruned}
