"""The map's summary of public contributions per 100 m privacy cell, kept by the database."""

from django.contrib.gis.db import models
from django.contrib.postgres.fields import ArrayField
from django.utils.translation import gettext_lazy as _

from engagement.models.participation import Campaign, Theme


class ContributionCell(models.Model):
    """How many published point contributions of one kind, status and theme lie in one privacy
    cell of a campaign, their newest ids, and where the map draws them.

    Written only by the statement-level triggers of migration 0014 (every insert, update and
    delete of engagement_contribution recounts the cells it touched, in the same transaction);
    the low-zoom tiles read these rows instead of every contribution (docs/decisions/0025).
    Routes and areas are not here: the tiles draw them from their own rows.
    """

    campaign = models.ForeignKey(
        Campaign, verbose_name=_("campaign"), on_delete=models.CASCADE, related_name="+"
    )
    cell_x = models.IntegerField()
    cell_y = models.IntegerField()
    kind = models.CharField(_("kind"), max_length=20)
    status = models.CharField(_("status"), max_length=24)
    theme = models.ForeignKey(
        Theme, verbose_name=_("theme"), on_delete=models.CASCADE, related_name="+"
    )
    count = models.PositiveIntegerField()
    # The newest (highest) ids, at most tiles.IDS_PER_FEATURE, newest first.
    ids = ArrayField(models.BigIntegerField())
    # The cell's centre in Web Mercator, the tiles' projection, so a tile selects cells by index.
    centre = models.PointField(srid=3857)
    # The exact place when the row is one contribution whose author made it public.
    lone_exact = models.PointField(srid=3857, null=True, blank=True, spatial_index=False)

    class Meta:
        verbose_name = _("map cell")
        verbose_name_plural = _("map cells")
        constraints = [
            models.UniqueConstraint(
                fields=["campaign", "cell_x", "cell_y", "kind", "status", "theme"],
                name="contribution_cell_unique",
            )
        ]

    def __str__(self) -> str:
        return f"{self.campaign_id}:{self.cell_x},{self.cell_y}"
