"""Walk sessions: a facilitator's short code that the pins of one walk or workshop carry."""

from datetime import timedelta

from django.conf import settings
from django.contrib.gis.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from engagement.models.participation import Campaign

# Codes are read aloud and typed from a screen: no 0/O, 1/I/L.
WALK_CODE_ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ"
WALK_CODE_LENGTH = 6


class WalkSession(models.Model):
    """A group's walk or workshop in a campaign. Pins sent with its code carry it, until its end
    and a grace period after (settings.WALK_SESSION_GRACE_HOURS) for pins queued offline."""

    campaign = models.ForeignKey(
        Campaign,
        verbose_name=_("campaign"),
        on_delete=models.CASCADE,
        related_name="walk_sessions",
    )
    code = models.CharField(_("walk code"), max_length=12, unique=True)
    title = models.CharField(_("title"), max_length=120)
    started_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("started by"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    started_at = models.DateTimeField(_("started at"), default=timezone.now)
    ended_at = models.DateTimeField(_("ended at"), null=True, blank=True)

    class Meta:
        verbose_name = _("walk session")
        verbose_name_plural = _("walk sessions")
        ordering = ["-started_at", "-id"]

    def __str__(self) -> str:
        return f"{self.code} {self.title}"

    def get_absolute_url(self) -> str:
        return reverse(
            "engagement:walk-detail", kwargs={"slug": self.campaign.slug, "code": self.code}
        )

    @property
    def is_active(self) -> bool:
        return self.ended_at is None

    def accepts_until(self):
        """The last moment a pin may still join: None while the walk goes on."""
        if self.ended_at is None:
            return None
        return self.ended_at + timedelta(hours=settings.WALK_SESSION_GRACE_HOURS)

    def accepts_pins(self, now=None) -> bool:
        until = self.accepts_until()
        return until is None or (now or timezone.now()) <= until
