"""A public status someone other than an official proposes for a contribution (a pilot's
result); only an official's confirmation makes it the contribution's status (decision 0040)."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from engagement.models.participation import Contribution


class StatusProposal(models.Model):
    """A proposed public status, its explanation, who proposes it, and what became of it."""

    class Decision(models.TextChoices):
        PENDING = "", _("Waiting for an official")
        CONFIRMED = "confirmed", _("Confirmed by an official")
        SUPERSEDED = "superseded", _("Replaced by a newer proposal")

    contribution = models.ForeignKey(
        Contribution,
        verbose_name=_("contribution"),
        on_delete=models.CASCADE,
        related_name="status_proposals",
    )
    status = models.CharField(_("status"), max_length=24, choices=Contribution.Status.choices)
    text = models.TextField(_("public explanation"))
    # The proposer as the public would see them (an organisation's name), never an address.
    proposed_by = models.CharField(_("proposed by"), max_length=300)
    # What proposes it, as plain values (engagement knows nothing of pilots): "pilot" and its id,
    # and the page that tells more.
    source = models.CharField(_("source"), max_length=40)
    source_id = models.IntegerField(_("source id"), null=True, blank=True)
    source_url = models.CharField(_("source page"), max_length=300, blank=True)
    decision = models.CharField(
        _("decision"), max_length=12, choices=Decision.choices, default="", blank=True
    )
    decided_by_id = models.IntegerField(null=True, blank=True)
    decided_at = models.DateTimeField(_("decided at"), null=True, blank=True)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    class Meta:
        verbose_name = _("status proposal")
        verbose_name_plural = _("status proposals")
        ordering = ["-created_at", "-id"]
        indexes = [models.Index(fields=["source", "source_id"], name="proposal_source")]

    def __str__(self) -> str:
        return f"{self.contribution_id}: {self.status} ({self.source} {self.source_id})"
