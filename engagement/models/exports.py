"""Large exports, made by the queue's worker into a private file for the one who asked."""

import uuid

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from engagement.models.participation import Participant


class ExportJob(models.Model):
    """An export of more rows than a request should write (EXPORT_QUEUE_ROWS): the worker writes
    it into the default storage under `exports/`, which no public URL serves; its one door is
    the job's page, for the user or browser (participant) that asked."""

    class Status(models.TextChoices):
        PENDING = "pending", pgettext_lazy("export", "being prepared")
        READY = "ready", pgettext_lazy("export", "ready")
        FAILED = "failed", pgettext_lazy("export", "failed")

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.CASCADE
    )
    participant = models.ForeignKey(Participant, null=True, blank=True, on_delete=models.CASCADE)
    format = models.CharField(max_length=10)  # csv, geojson, gpkg
    query = models.TextField(blank=True)  # the request's filters, as its query string
    exact = models.BooleanField(default=False)  # decided for the requester when they asked
    language = models.CharField(max_length=10)
    url_prefix = models.CharField(max_length=500)
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.PENDING)
    rows = models.PositiveIntegerField(default=0)
    file = models.CharField(max_length=200, blank=True)  # its name in the default storage
    created_at = models.DateTimeField(auto_now_add=True)
    finished_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("export")
        verbose_name_plural = _("exports")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(user__isnull=False) | models.Q(participant__isnull=False),
                name="export_job_has_requester",
            )
        ]

    def __str__(self) -> str:
        return f"{self.format} export {self.pk} ({self.status})"
