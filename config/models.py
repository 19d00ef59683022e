"""The e-mail outbox: every message the site sends, kept until it is delivered.

A message is written here in the transaction of the change it announces (config.mail's e-mail
backend); the queue's worker hands it to the real backend and marks it sent in the same database
transaction as the hand-over. A row is the source of truth; the task that delivers it is only a
nudge, so a lost task (a killed worker) loses no e-mail: the periodic sweep finds the row.
"""

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy


class OutgoingEmail(models.Model):
    class Status(models.TextChoices):
        PENDING = "pending", pgettext_lazy("outgoing e-mail", "waiting")
        SENT = "sent", pgettext_lazy("outgoing e-mail", "sent")
        FAILED = "failed", pgettext_lazy("outgoing e-mail", "failed")

    # Set by a composer that may run twice (a fan-out task run again): the second is a no-op.
    key = models.CharField(max_length=200, null=True, blank=True, unique=True)
    subject = models.TextField(blank=True)
    recipients = models.JSONField(default=list)  # every envelope address, for `manage.py outbox`
    message = models.JSONField()  # the EmailMessage, see config.mail.message_to_data
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.PENDING)
    attempts = models.PositiveIntegerField(default=0)
    next_attempt_at = models.DateTimeField(default=timezone.now)
    last_error = models.TextField(blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    sent_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("outgoing e-mail")
        verbose_name_plural = _("outgoing e-mails")
        indexes = [
            models.Index(
                fields=["next_attempt_at"],
                name="outbox_pending_due_idx",
                condition=models.Q(status="pending"),
            ),
            models.Index(fields=["status", "created_at"], name="outbox_status_created_idx"),
        ]

    def __str__(self) -> str:
        return f"{self.subject} → {', '.join(self.recipients)} ({self.status})"
