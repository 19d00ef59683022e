"""Neighbours' evaluation of pilots: who was invited in which phase, and what they answered."""

from django.contrib.gis.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from toolkit.models.pilots import Pilot


class EvaluationPhase(models.TextChoices):
    """When the neighbours are asked: as the pilot starts, and once its results are out."""

    START = "start", _("At the start")
    REPORT = "report", _("After the results")


class PilotEvaluation(models.Model):
    """One neighbour's invitation to rate a pilot in one phase, and their answer once given.

    At most one per pilot, participant and phase: sending the phase's invitations again finds
    the row and writes to no one twice (docs/decisions/0041)."""

    pilot = models.ForeignKey(Pilot, on_delete=models.CASCADE, related_name="evaluations")
    participant = models.ForeignKey(
        "engagement.Participant", on_delete=models.CASCADE, related_name="pilot_evaluations"
    )
    phase = models.CharField(_("phase"), max_length=10, choices=EvaluationPhase.choices)
    # The language the invitation was written in; the rating page opens in it.
    language = models.CharField(_("language"), max_length=8)
    invited_at = models.DateTimeField(_("invited at"), auto_now_add=True)
    rating = models.PositiveSmallIntegerField(_("rating"), null=True, blank=True)
    comment = models.TextField(_("comment"), blank=True, max_length=2000)
    answered_at = models.DateTimeField(_("answered at"), null=True, blank=True)

    class Meta:
        verbose_name = _("neighbours' evaluation")
        verbose_name_plural = _("neighbours' evaluations")
        constraints = [
            models.UniqueConstraint(
                fields=["pilot", "participant", "phase"], name="evaluation_invited_once"
            ),
            models.CheckConstraint(
                condition=Q(rating__isnull=True) | Q(rating__gte=1, rating__lte=5),
                name="evaluation_rating_1_to_5",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.pilot_id} {self.phase} {self.participant_id}"


class PilotEvaluationRound(models.Model):
    """A phase whose invitations have been sent: the worker's hourly look for pilots that have
    started skips the pilots it has done."""

    pilot = models.ForeignKey(Pilot, on_delete=models.CASCADE, related_name="evaluation_rounds")
    phase = models.CharField(_("phase"), max_length=10, choices=EvaluationPhase.choices)
    sent_at = models.DateTimeField(_("sent at"), auto_now_add=True)
    invited = models.PositiveIntegerField(_("invited"), default=0)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["pilot", "phase"], name="evaluation_round_once")
        ]
