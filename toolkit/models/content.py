"""The toolkit's content: method cards, stories, their revisions (workshop plans: workshops.py)."""

from django.conf import settings
from django.contrib.gis.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _


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
