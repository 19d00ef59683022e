"""Campaigns and what residents bring to them."""

from django.conf import settings
from django.contrib.gis.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class Campaign(models.Model):
    """A consultation in one area: what is asked, when, and on which terms."""

    class Moderation(models.TextChoices):
        PRE = "pre", _("Pre-moderation: published after approval")
        POST = "post", _("Post-moderation: published at once")

    title = models.CharField(_("title"), max_length=200)
    slug = models.SlugField(_("slug"), unique=True)
    description = models.TextField(_("description"), blank=True)
    area = models.ForeignKey(
        "geo.Area", verbose_name=_("area"), on_delete=models.PROTECT, related_name="campaigns"
    )
    opens_at = models.DateTimeField(_("opens at"), default=timezone.now)
    closes_at = models.DateTimeField(_("closes at"), null=True, blank=True)
    allow_anonymous = models.BooleanField(_("anonymous input allowed"), default=True)
    moderation = models.CharField(
        _("moderation"), max_length=4, choices=Moderation.choices, default=Moderation.POST
    )

    class Meta:
        verbose_name = _("campaign")
        verbose_name_plural = _("campaigns")
        ordering = ["-opens_at"]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("engagement:campaign-detail", kwargs={"slug": self.slug})

    def is_open(self, at=None) -> bool:
        """True while input is accepted."""
        at = at or timezone.now()
        return self.opens_at <= at and (self.closes_at is None or at < self.closes_at)


class Theme(models.Model):
    """A topic residents file their input under; each campaign has its own."""

    campaign = models.ForeignKey(
        Campaign, verbose_name=_("campaign"), on_delete=models.CASCADE, related_name="themes"
    )
    name = models.CharField(_("name"), max_length=200)
    slug = models.SlugField(_("slug"))
    description = models.TextField(_("description"), blank=True)
    color = models.CharField(_("colour"), max_length=7, default="#1f5fa8")
    position = models.PositiveSmallIntegerField(_("position"), default=0)

    class Meta:
        verbose_name = _("theme")
        verbose_name_plural = _("themes")
        ordering = ["campaign", "position", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["campaign", "slug"], name="theme_unique_slug_per_campaign"
            )
        ]

    def __str__(self) -> str:
        return self.name


class Contribution(models.Model):
    """An idea or need a resident placed on the map."""

    class Kind(models.TextChoices):
        IDEA = "idea", _("Idea")
        NEED = "need", _("Need")

    class Status(models.TextChoices):
        NEW = "new", _("New")
        UNDER_CONSIDERATION = "under_consideration", _("Under consideration")
        PLANNED = "planned", _("Planned")
        IN_PILOT = "in_pilot", _("In a pilot")
        DONE = "done", _("Done")
        NOT_POSSIBLE = "not_possible", _("Not possible")

    class ModerationState(models.TextChoices):
        PENDING = "pending", _("Waiting for moderation")
        PUBLISHED = "published", _("Published")
        HIDDEN = "hidden", _("Hidden")

    campaign = models.ForeignKey(
        Campaign, verbose_name=_("campaign"), on_delete=models.CASCADE, related_name="contributions"
    )
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    theme = models.ForeignKey(
        Theme, verbose_name=_("theme"), on_delete=models.PROTECT, related_name="contributions"
    )
    title = models.CharField(_("title"), max_length=120)
    body = models.TextField(_("description"), max_length=5000)
    # Any geometry type so routes and areas can join points later; the service decides what a
    # campaign accepts.
    geometry = models.GeometryField(_("location"), srid=4326)
    # The smallest area containing the geometry, assigned on write so counts per area need no
    # spatial join.
    area = models.ForeignKey(
        "geo.Area",
        verbose_name=_("area"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("author"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="contributions",
    )
    language = models.CharField(_("language"), max_length=8, blank=True)
    status = models.CharField(
        _("status"), max_length=24, choices=Status.choices, default=Status.NEW
    )
    moderation_state = models.CharField(
        _("moderation state"),
        max_length=12,
        choices=ModerationState.choices,
        default=ModerationState.PENDING,
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    class Meta:
        verbose_name = _("contribution")
        verbose_name_plural = _("contributions")
        ordering = ["-created_at", "-id"]
        indexes = [
            models.Index(
                fields=["campaign", "moderation_state", "-created_at"],
                name="contribution_public_list",
            )
        ]

    def __str__(self) -> str:
        return self.title


class AccessibilityFeedback(models.Model):
    """Feedback on the site's accessibility, which Finnish law requires a public site to take."""

    message = models.TextField(_("message"), max_length=5000)
    email = models.EmailField(_("e-mail"), blank=True)
    page_url = models.CharField(_("page"), max_length=500, blank=True)
    language = models.CharField(_("language"), max_length=8, blank=True)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    class Meta:
        verbose_name = _("accessibility feedback")
        verbose_name_plural = _("accessibility feedback")
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return self.message[:60]
