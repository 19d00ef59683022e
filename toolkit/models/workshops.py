"""Workshop plans and theatre sessions: one plan of ordered items, two presentations.

A plan is a sequence of items, each with its minutes and the facilitator's notes: method cards,
stories and free items ("break", "introduction") for a workshop; scenes (a story's video clip or a
script excerpt) each followed by a group exercise for a theatre session. Anyone with the plan's
unguessable link reads it (the run sheet, the presentation); only its creator changes it
(decision 0038).
"""

from django.conf import settings
from django.core.validators import MaxValueValidator
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

# Bounds on what a plan holds: a whole day of items at most, an item at most eight hours.
MAX_MINUTES = 480
MAX_ITEMS = 60
MAX_CLIP_SECONDS = 6 * 60 * 60


class PlanKind(models.TextChoices):
    WORKSHOP = "workshop", _("Workshop plan")
    THEATRE = "theatre", _("Theatre session")


class WorkshopItemKind(models.TextChoices):
    METHOD = "method", _("Method card")
    STORY = "story", _("Story")
    FREE = "free", _("Free item")
    SCENE = "scene", _("Scene")
    EXERCISE = "exercise", _("Group exercise")


class WorkshopPlan(models.Model):
    """A facilitator's session plan, shared by an unguessable link."""

    token = models.CharField(max_length=32, unique=True, editable=False)
    title = models.CharField(_("title"), max_length=160)
    kind = models.CharField(
        _("kind"), max_length=10, choices=PlanKind.choices, default=PlanKind.WORKSHOP
    )
    language = models.CharField(_("language"), max_length=10, default="fi")
    start_time = models.TimeField(_("start time"), null=True, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("workshop plan")
        verbose_name_plural = _("workshop plans")

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("toolkit:workshop-detail", kwargs={"token": self.token})


class WorkshopItem(models.Model):
    """One step of a plan, in its place (`position`, from 0)."""

    plan = models.ForeignKey(WorkshopPlan, on_delete=models.CASCADE, related_name="items")
    position = models.PositiveIntegerField(_("position"), default=0)
    kind = models.CharField(_("kind"), max_length=10, choices=WorkshopItemKind.choices)
    method = models.ForeignKey(
        "toolkit.MethodCard",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("method card"),
    )
    story = models.ForeignKey(
        "toolkit.Story",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("story"),
    )
    title = models.CharField(_("title"), max_length=160, blank=True)
    script = models.TextField(_("script excerpt (roles and lines, Markdown)"), blank=True)
    questions = models.TextField(_("questions"), blank=True)
    clip_start = models.PositiveIntegerField(
        _("clip starts at (seconds)"),
        null=True,
        blank=True,
        validators=[MaxValueValidator(MAX_CLIP_SECONDS)],
    )
    clip_end = models.PositiveIntegerField(
        _("clip ends at (seconds)"),
        null=True,
        blank=True,
        validators=[MaxValueValidator(MAX_CLIP_SECONDS)],
    )
    minutes = models.PositiveSmallIntegerField(
        _("minutes"), default=0, validators=[MaxValueValidator(MAX_MINUTES)]
    )
    notes = models.TextField(_("facilitator's notes"), blank=True)

    class Meta:
        verbose_name = _("workshop plan item")
        verbose_name_plural = _("workshop plan items")
        ordering = ["position", "id"]
        indexes = [models.Index(fields=["plan", "position"])]

    def __str__(self) -> str:
        return self.heading

    @property
    def heading(self) -> str:
        """The item's title: its own, else its card's or story's."""
        if self.title:
            return self.title
        source = self.method or self.story
        return source.title if source else str(self.get_kind_display())
