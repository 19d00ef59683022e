"""Organisations and their local pilots: the loop from a resident's pin to a tried solution.

Method cards and stories arrive with their issue (ARCHITECTURE.md).
"""

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


class Phase(models.TextChoices):
    PLANNING = "planning", _("Planning")
    IMPLEMENTATION = "implementation", _("Implementation")
    EVALUATION = "evaluation", _("Evaluation")


class Audience(models.TextChoices):
    RESIDENTS = "residents", _("Residents")
    OFFICIALS = "officials", _("Officials")
    BUSINESSES = "businesses", _("Businesses")
    ASSOCIATIONS = "associations", _("Associations")
    YOUNG_PEOPLE = "young_people", _("Young people")


class ToolkitTheme(models.TextChoices):
    """The Tesoma charrette's themes, which organise the toolkit too."""

    YOUNG_PEOPLE = "young-people", _("Things for young people to do")
    BUSINESS = "business-services", _("Business and service development")
    ROUTES = "innovative-routes", _("Innovative routes")
    INFORMATION = "information", _("Information and communication")
    TOGETHER = "doing-together", _("Practices of doing together")


class Effort(models.TextChoices):
    LOW = "low", _("Low")
    MEDIUM = "medium", _("Medium")
    HIGH = "high", _("High")


class Publication(models.TextChoices):
    DRAFT = "draft", _("Draft")
    PUBLISHED = "published", _("Published")


def _choices_array(choices, verbose_name):
    from django.contrib.postgres.fields import ArrayField

    return ArrayField(
        models.CharField(max_length=20, choices=choices),
        verbose_name=verbose_name,
        default=list,
        blank=True,
    )


class MethodCard(models.Model):
    """A method for planning, running or evaluating local development work.

    Text fields are Markdown in fi, sv and en (django-modeltranslation), sanitised on output.
    """

    slug = models.SlugField(_("slug"), unique=True)
    phase = models.CharField(_("phase"), max_length=20, choices=Phase.choices)
    themes = _choices_array(ToolkitTheme.choices, _("themes"))
    audiences = _choices_array(Audience.choices, _("who takes part"))
    time_effort = models.CharField(_("time"), max_length=10, choices=Effort.choices)
    people_effort = models.CharField(_("people"), max_length=10, choices=Effort.choices)
    cost_effort = models.CharField(_("cost"), max_length=10, choices=Effort.choices)
    title = models.CharField(_("title"), max_length=160)
    summary = models.TextField(_("summary"), blank=True)
    purpose = models.TextField(_("purpose"), blank=True)
    when_to_use = models.TextField(_("when to use it"), blank=True)
    steps = models.TextField(_("steps"), blank=True)
    time_and_people = models.TextField(_("time and people needed"), blank=True)
    watch_out = models.TextField(_("what to watch out for"), blank=True)
    evaluation = models.TextField(_("how to evaluate it"), blank=True)
    related = models.ManyToManyField("self", verbose_name=_("related cards"), blank=True)
    status = models.CharField(
        _("publication"), max_length=10, choices=Publication.choices, default=Publication.DRAFT
    )
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    class Meta:
        verbose_name = _("method card")
        verbose_name_plural = _("method cards")
        ordering = ["phase", "title"]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("toolkit:method-detail", kwargs={"slug": self.slug})


class Story(models.Model):
    """A narrative case of good practice, optionally with a captioned video and a transcript."""

    slug = models.SlugField(_("slug"), unique=True)
    themes = _choices_array(ToolkitTheme.choices, _("themes"))
    audiences = _choices_array(Audience.choices, _("who takes part"))
    title = models.CharField(_("title"), max_length=160)
    summary = models.TextField(_("summary"), blank=True)
    situation = models.TextField(_("the situation"), blank=True)
    what_was_done = models.TextField(_("what was done"), blank=True)
    who = models.TextField(_("by whom"), blank=True)
    what_happened = models.TextField(_("what happened"), blank=True)
    lessons = models.TextField(_("lessons"), blank=True)
    discussion_questions = models.TextField(_("questions for discussion"), blank=True)
    video = models.FileField(_("video file"), upload_to="stories/video/", blank=True)
    captions = models.FileField(_("captions (WebVTT)"), upload_to="stories/captions/", blank=True)
    video_url = models.URLField(_("external video link"), blank=True)
    transcript = models.TextField(_("transcript"), blank=True)
    place = models.PointField(_("place"), srid=4326, null=True, blank=True)
    place_name = models.CharField(_("place name"), max_length=160, blank=True)
    methods = models.ManyToManyField(
        MethodCard, verbose_name=_("methods used"), blank=True, related_name="stories"
    )
    status = models.CharField(
        _("publication"), max_length=10, choices=Publication.choices, default=Publication.DRAFT
    )
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    class Meta:
        verbose_name = _("story")
        verbose_name_plural = _("stories")
        ordering = ["title"]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("toolkit:story-detail", kwargs={"slug": self.slug})


class Revision(models.Model):
    """A saved version of a method card or a story: every edit is kept."""

    content_kind = models.CharField(max_length=10)  # "method" or "story"
    content_id = models.BigIntegerField()
    editor = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    data = models.JSONField()
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        indexes = [models.Index(fields=["content_kind", "content_id"])]


class WorkshopPlan(models.Model):
    """A facilitator's session plan of cards and stories, shared by an unguessable link."""

    token = models.CharField(max_length=32, unique=True, editable=False)
    title = models.CharField(_("title"), max_length=160)
    items = models.JSONField(
        default=list
    )  # [{"kind": "method"|"story", "slug": ..., "notes": ...}]
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created_at = models.DateTimeField(auto_now_add=True)

    def get_absolute_url(self) -> str:
        return reverse("toolkit:workshop-detail", kwargs={"token": self.token})
