"""The live screen's change log, kept by the database (docs/decisions/0049)."""

from django.db import models
from django.db.models.functions import Now
from django.utils.translation import gettext_lazy as _


class LiveChange(models.Model):
    """One committed change to what the public sees of a contribution: its id is the live
    screen's event id, handed out in commit order per campaign.

    Written only by the deferred triggers of migration 0026_live (never by hand); the row names
    the contribution and nothing more, and the reader asks the public selectors what the public
    sees of it now (`engagement.participation.live`). A model, so that Django knows the table
    (flushes, the tests' demo snapshot) and the worker prunes it (`live_changes_prune`).
    """

    id = models.BigAutoField(primary_key=True)
    campaign_id = models.BigIntegerField()
    contribution_id = models.BigIntegerField()
    at = models.DateTimeField(db_default=Now())

    class Meta:
        db_table = "engagement_live_change"
        verbose_name = _("live screen change")
        verbose_name_plural = _("live screen changes")
        indexes = [models.Index(fields=["campaign_id", "id"], name="live_change_campaign")]

    def __str__(self) -> str:
        return f"{self.campaign_id}:{self.id}"
