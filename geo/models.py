"""Areas: the places everything in Yhdessä is tied to; places: the names residents know."""

import unicodedata

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


def search_fold(text: str) -> str:
    """Lower case without accents or punctuation, words single-spaced: "Länsi-Keskus" and
    "lansi keskus" fold alike, so a search ignores case, accents and hyphens."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    letters = "".join(
        char if char.isalnum() else " " for char in decomposed if not unicodedata.combining(char)
    )
    return " ".join(letters.split())


def search_text(*names: str | None) -> str:
    """The names of a place folded, as "| name | other name |": `LIKE '% word%'` finds any
    word's beginning, `LIKE '%| name%'` a name's beginning, `LIKE '%| name |%'` a whole name."""
    folded = [name for name in dict.fromkeys(search_fold(n) for n in names if n) if name]
    return "|" + "".join(f" {name} |" for name in folded) if folded else ""


class Place(models.Model):
    """A named place residents know (a street, a station, a school, an address): what the map's
    search finds and what a contribution's place description names."""

    class Kind(models.TextChoices):
        ADDRESS = "address", _("Address")
        STREET = "street", _("Street")
        STATION = "station", _("Station or stop")
        SCHOOL = "school", _("School")
        LIBRARY = "library", _("Library")
        PARK = "park", _("Park")
        LAKE = "lake", _("Lake")
        SHOPPING_CENTRE = "shopping_centre", _("Shopping centre")
        SERVICE = "service", _("Service")
        SPORTS = "sports", _("Sports place")
        NEIGHBOURHOOD = "neighbourhood", _("Neighbourhood")
        OTHER = "other", _("Place")

    name = models.CharField(_("name"), max_length=200)
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    # A point, a street's line or a park's polygon; descriptions measure to it.
    geometry = models.GeometryField(_("geometry"), srid=4326)
    # A point on the geometry: where the map centres when the place is chosen.
    point = models.PointField(_("point"), srid=4326)
    # Where the row came from ("demo", a file's name) and its id there: a second import of the
    # same file updates rather than duplicates.
    source = models.CharField(_("source"), max_length=100, blank=True)
    source_id = models.CharField(_("id in the source"), max_length=200, blank=True)
    approximate = models.BooleanField(
        _("approximate"),
        default=False,
        help_text=_("Drawn by hand, not from an official register."),
    )
    # Every name in lower case without accents, for search that ignores both.
    search_text = models.CharField(max_length=700, editable=False, default="")

    class Meta:
        verbose_name = _("place")
        verbose_name_plural = _("places")
        ordering = ["name", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["source", "source_id"],
                condition=~models.Q(source_id=""),
                name="place_source_id_unique",
            )
        ]

    def __str__(self) -> str:
        return self.name

    def save(self, *args, **kwargs) -> None:
        self.derive()
        super().save(*args, **kwargs)

    def derive(self) -> None:
        """Set the search text and the point from the names and the geometry (bulk writes call
        this themselves)."""
        names = [getattr(self, f"name_{code}", None) for code in ("fi", "sv", "en")]
        self.search_text = search_text(self.name, *names)
        if self.geometry is not None:
            geometry = self.geometry
            self.point = geometry if geometry.geom_type == "Point" else geometry.point_on_surface
