"""City units that answer for themes and areas, their reply templates, and officials' notes.

A contribution is routed to a unit on arrival by a database trigger (migration 0017, decision
0030), so every writer (the form, the API, Open311, the admin, the demo, `seed_synthetic`'s
raw INSERT) routes it alike.
"""

from django.conf import settings
from django.contrib.gis.db import models
from django.utils.translation import gettext_lazy as _

from engagement.models.participation import Campaign, Contribution, Theme


class CityUnit(models.Model):
    """A unit of the city that answers residents' input on some themes in some areas."""

    # Translated by modeltranslation (engagement/translation.py): name_fi, name_sv, name_en.
    name = models.CharField(_("name"), max_length=200)
    email = models.EmailField(_("contact e-mail"), blank=True)
    campaign = models.ForeignKey(
        Campaign,
        verbose_name=_("campaign"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="units",
        help_text=_("Empty: the unit answers in every campaign."),
    )
    themes = models.ManyToManyField(
        Theme,
        verbose_name=_("themes"),
        blank=True,
        related_name="units",
        help_text=_("Empty: any theme, where the areas match."),
    )
    areas = models.ManyToManyField(
        "geo.Area",
        verbose_name=_("areas"),
        blank=True,
        related_name="units",
        help_text=_("An area includes the areas inside it. Empty: anywhere the themes match."),
    )
    answer_within_days = models.PositiveSmallIntegerField(
        _("answer within (days)"),
        default=14,
        help_text=_("The queue shows a contribution as overdue after this many days."),
    )

    class Meta:
        verbose_name = _("city unit")
        verbose_name_plural = _("city units")
        ordering = ["name", "id"]

    def __str__(self) -> str:
        return self.name


class ReplyTemplate(models.Model):
    """A ready answer in three languages; a unit's own, or site-wide (no unit)."""

    unit = models.ForeignKey(
        CityUnit,
        verbose_name=_("city unit"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="reply_templates",
        help_text=_("Empty: offered for every contribution."),
    )
    # Translated by modeltranslation: title_fi/sv/en, body_fi/sv/en.
    title = models.CharField(_("title"), max_length=200)
    body = models.TextField(_("answer"), max_length=5000)
    position = models.PositiveSmallIntegerField(_("position"), default=0)

    class Meta:
        verbose_name = _("reply template")
        verbose_name_plural = _("reply templates")
        ordering = ["position", "id"]

    def __str__(self) -> str:
        return self.title


class InternalNote(models.Model):
    """A note officials leave each other on a contribution; never shown outside moderation."""

    contribution = models.ForeignKey(
        Contribution,
        verbose_name=_("contribution"),
        on_delete=models.CASCADE,
        related_name="internal_notes",
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("author"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    # The author's role and unit when written, so the note keeps its signature without them.
    signature = models.CharField(_("signature"), max_length=300, blank=True)
    body = models.TextField(_("note"), max_length=3000)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    class Meta:
        verbose_name = _("internal note")
        verbose_name_plural = _("internal notes")
        ordering = ["created_at", "id"]

    def __str__(self) -> str:
        return self.body[:60]
