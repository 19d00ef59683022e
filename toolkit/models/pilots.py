"""Organisations and their local pilots: the loop from a resident's pin to a tried solution."""

from django.conf import settings
from django.contrib.gis.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from toolkit.pilots.validators import validate_business_id


class Organisation(models.Model):
    """A business, association or public unit that proposes pilots."""

    class Kind(models.TextChoices):
        BUSINESS = "business", _("Business")
        ASSOCIATION = "association", _("Association")
        PUBLIC = "public", _("Public unit")

    name = models.CharField(_("name"), max_length=200)
    kind = models.CharField(_("type"), max_length=20, choices=Kind.choices)
    business_id = models.CharField(
        _("business ID (Y-tunnus)"),
        max_length=9,
        blank=True,
        validators=[validate_business_id],
        help_text=_("For example 1572860-0. Leave empty if the organisation has none."),
    )
    members = models.ManyToManyField(
        settings.AUTH_USER_MODEL, verbose_name=_("members"), related_name="organisations"
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    class Meta:
        verbose_name = _("organisation")
        verbose_name_plural = _("organisations")
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class Pilot(models.Model):
    """A quick local experiment an organisation proposes in answer to residents' contributions."""

    class Status(models.TextChoices):
        PROPOSED = "proposed", _("Proposed")
        CHANGES_REQUESTED = "changes_requested", _("Changes requested")
        APPROVED = "approved", _("Approved")
        DECLINED = "declined", _("Declined")
        REPORTED = "reported", _("Reported")

    class NextStep(models.TextChoices):
        SCALE_UP = "scale_up", _("Scale up")
        CHANGE = "change", _("Change and try again")
        STOP = "stop", _("Stop")

    organisation = models.ForeignKey(
        Organisation,
        verbose_name=_("organisation"),
        on_delete=models.PROTECT,
        related_name="pilots",
    )
    campaign = models.ForeignKey(
        "engagement.Campaign",
        verbose_name=_("campaign"),
        on_delete=models.PROTECT,
        related_name="pilots",
    )
    title = models.CharField(_("title"), max_length=160)
    geometry = models.GeometryField(_("place"), srid=4326)
    contributions = models.ManyToManyField(
        "engagement.Contribution",
        verbose_name=_("contributions it answers"),
        related_name="pilots",
    )
    hypothesis = models.TextField(_("hypothesis"), max_length=2000)
    asks = models.TextField(_("what we ask of the city"), blank=True, max_length=2000)
    planned_methods = models.TextField(_("toolkit methods we plan to use"), blank=True)
    method_cards = models.ManyToManyField(
        "toolkit.MethodCard", verbose_name=_("method cards"), blank=True, related_name="pilots"
    )
    starts_on = models.DateField(_("starts on"))
    ends_on = models.DateField(_("ends on"))
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.PROPOSED
    )
    review_reason = models.TextField(_("officials' public reason"), blank=True)
    # The result, when reported.
    narrative = models.TextField(_("what happened"), blank=True)
    next_step = models.CharField(
        _("what next"), max_length=10, choices=NextStep.choices, blank=True
    )
    outcome = models.CharField(
        _("outcome for the contributions"),
        max_length=24,
        blank=True,
        help_text=_("The status the contributions it answers get from the result."),
    )
    reported_at = models.DateTimeField(_("reported at"), null=True, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    class Meta:
        verbose_name = _("pilot")
        verbose_name_plural = _("pilots")
        ordering = ["-starts_on", "-id"]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("toolkit:pilot-detail", kwargs={"pk": self.pk})


class Measure(models.Model):
    """What a pilot measures, its target, and (once reported) the actual value."""

    pilot = models.ForeignKey(Pilot, on_delete=models.CASCADE, related_name="measures")
    name = models.CharField(_("measure"), max_length=160)
    unit = models.CharField(_("unit"), max_length=40)
    target = models.DecimalField(_("target"), max_digits=12, decimal_places=2)
    actual = models.DecimalField(
        _("actual"), max_digits=12, decimal_places=2, null=True, blank=True
    )
    position = models.PositiveSmallIntegerField(default=0)

    class Meta:
        verbose_name = _("measure")
        verbose_name_plural = _("measures")
        ordering = ["pilot", "position", "id"]

    def __str__(self) -> str:
        return f"{self.name} ({self.unit})"


class PilotParticipation(models.Model):
    """A resident who took part in a running pilot."""

    pilot = models.ForeignKey(Pilot, on_delete=models.CASCADE, related_name="participations")
    participant = models.ForeignKey(
        "engagement.Participant", on_delete=models.CASCADE, related_name="pilot_participations"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["pilot", "participant"], name="took_part_once")
        ]


class PilotFeedback(models.Model):
    """A resident's rating (1-5) and comment on a pilot, while it runs and two weeks after."""

    pilot = models.ForeignKey(Pilot, on_delete=models.CASCADE, related_name="feedback")
    participant = models.ForeignKey(
        "engagement.Participant", on_delete=models.CASCADE, related_name="pilot_feedback"
    )
    rating = models.PositiveSmallIntegerField(_("rating"))
    comment = models.TextField(_("comment"), blank=True, max_length=2000)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["pilot", "participant"], name="feedback_once"),
            models.CheckConstraint(
                condition=models.Q(rating__gte=1, rating__lte=5), name="rating_1_to_5"
            ),
        ]


class PilotPhoto(models.Model):
    """A photo of a pilot's result, cleaned like residents' photos."""

    pilot = models.ForeignKey(Pilot, on_delete=models.CASCADE, related_name="photos")
    image = models.ImageField(upload_to="pilots/%Y/%m/")
    thumbnail = models.ImageField(upload_to="pilots/%Y/%m/thumbs/")
    width = models.PositiveIntegerField()
    height = models.PositiveIntegerField()
    position = models.PositiveSmallIntegerField(default=0)
