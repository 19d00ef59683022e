"""Areas: the places everything in Yhdessä is tied to."""

from django.contrib.gis.db import models
from django.utils.translation import gettext_lazy as _


class Area(models.Model):
    """A city, district or neighbourhood with its boundary, nested in a hierarchy."""

    class Kind(models.TextChoices):
        CITY = "city", _("City")
        DISTRICT = "district", _("District")
        NEIGHBOURHOOD = "neighbourhood", _("Neighbourhood")

    name = models.CharField(_("name"), max_length=200)
    slug = models.SlugField(_("slug"), unique=True)
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    parent = models.ForeignKey(
        "self",
        verbose_name=_("parent area"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="children",
    )
    boundary = models.MultiPolygonField(_("boundary"), srid=4326)
    default_zoom = models.PositiveSmallIntegerField(_("default map zoom"), default=14)

    class Meta:
        verbose_name = _("area")
        verbose_name_plural = _("areas")
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name
