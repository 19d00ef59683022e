"""Summaries the analysis page reads instead of every contribution (docs/decisions/0027).

Written only by `engagement.analysis.summaries` (the refresh task of the queue); each holds
published contributions only, at their public location, and is rebuilt from the contributions
as a whole per campaign, so it cannot drift: at worst it is as old as `AnalysisRefresh` says.
"""

from django.contrib.postgres.fields import ArrayField
from django.db import models
from django.utils.translation import gettext_lazy as _

from engagement.models.participation import Campaign, Contribution, Theme
from geo.models import Area


class AnalysisRefresh(models.Model):
    """When a campaign's summaries were last rebuilt (None: asked for, not yet built)."""

    campaign = models.OneToOneField(
        Campaign, on_delete=models.CASCADE, primary_key=True, related_name="+"
    )
    requested_at = models.DateTimeField(null=True, blank=True)
    refreshed_at = models.DateTimeField(null=True, blank=True)
    seconds = models.FloatField(default=0)  # how long the last rebuild took
    contributions = models.PositiveIntegerField(default=0)

    class Meta:
        verbose_name = _("analysis refresh")
        verbose_name_plural = _("analysis refreshes")

    def __str__(self) -> str:
        return f"{self.campaign_id}: {self.refreshed_at}"


class AnalysisCount(models.Model):
    """Published contributions per campaign, theme, kind, status, stored area and day: every
    count and the daily series of the page are sums of these rows, with every filter."""

    campaign = models.ForeignKey(Campaign, on_delete=models.CASCADE, related_name="+")
    theme = models.ForeignKey(Theme, on_delete=models.CASCADE, related_name="+")
    kind = models.CharField(max_length=20)
    status = models.CharField(max_length=24)
    area = models.ForeignKey(
        Area, on_delete=models.CASCADE, null=True, blank=True, related_name="+"
    )
    day = models.DateField()
    count = models.PositiveIntegerField()

    class Meta:
        indexes = [models.Index(fields=["campaign", "day"], name="analysis_count_campaign_day")]

    def __str__(self) -> str:
        return f"{self.campaign_id}:{self.day}:{self.count}"


class AnalysisHexBin(models.Model):
    """Published contributions in one ST_HexagonGrid cell (EPSG:3067, edge `size` metres, the
    grid anchored at the origin) per theme, kind, status and stored area, with the newest ids."""

    campaign = models.ForeignKey(Campaign, on_delete=models.CASCADE, related_name="+")
    size = models.PositiveIntegerField()
    i = models.IntegerField()
    j = models.IntegerField()
    theme = models.ForeignKey(Theme, on_delete=models.CASCADE, related_name="+")
    kind = models.CharField(max_length=20)
    status = models.CharField(max_length=24)
    area = models.ForeignKey(
        Area, on_delete=models.CASCADE, null=True, blank=True, related_name="+"
    )
    count = models.PositiveIntegerField()
    ids = ArrayField(models.BigIntegerField())  # newest (highest) first, at most 50

    class Meta:
        indexes = [models.Index(fields=["campaign", "size"], name="analysis_hexbin_campaign")]

    def __str__(self) -> str:
        return f"{self.campaign_id}:{self.size}:{self.i},{self.j}"


class ContributionTerms(models.Model):
    """The stemmed words of one contribution's title and body (stop words left out), written
    once per version of the text, so no view stems a body again."""

    contribution = models.OneToOneField(
        Contribution, on_delete=models.CASCADE, primary_key=True, related_name="+"
    )
    # Every word kept, as written (lower case), and its stem at the same position.
    words = ArrayField(models.TextField(), blank=True)  # empty: nothing but stop words
    stems = ArrayField(models.TextField(), blank=True)
    # The contribution's updated_at when stemmed: a later one means its text may have changed.
    source_updated_at = models.DateTimeField()

    def __str__(self) -> str:
        return str(self.contribution_id)


class AnalysisTerm(models.Model):
    """One of the most frequent stems of a campaign's theme (published contributions): in how
    many contributions it appears and its most frequent written form."""

    campaign = models.ForeignKey(Campaign, on_delete=models.CASCADE, related_name="+")
    theme = models.ForeignKey(Theme, on_delete=models.CASCADE, related_name="+")
    stem = models.TextField()
    word = models.TextField()
    count = models.PositiveIntegerField()

    class Meta:
        indexes = [models.Index(fields=["campaign", "theme"], name="analysis_term_theme")]

    def __str__(self) -> str:
        return f"{self.theme_id}:{self.stem}"
