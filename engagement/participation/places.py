"""A contribution's place description: the text alternative to the map ("Länsikeskus (about
150 m), Tesoma"), the same words in the list, the detail page, the popups and the API.

The nearest place is found from the PUBLIC location (the privacy cell's centre unless the author
made the exact point public) when the contribution is written, and stored; the words are put
together at display time in the reader's language.
"""

from django.db.models import Case, CharField, F, QuerySet, Value, When
from django.db.models.functions import Cast, Coalesce, Concat
from django.utils.translation import gettext as _

from engagement.models import Contribution
from geo.places import place_nearest


def _formats() -> tuple[str, str]:
    # The forms of a description in the active language; %(distance)s is a whole number of
    # metres, rounded to ten.
    return (
        _("%(place)s, %(area)s"),
        _("%(place)s (about %(distance)s m), %(area)s"),
    )


def place_text(*, place: str | None, distance: int | None, area: str | None) -> str:
    """The description in the active language from its parts: the place with its distance
    (omitted when the spot is on or by the place), then the area."""
    at, near = _formats()
    if not place:
        return area or ""
    if not area:
        at, near = "%(place)s", _("%(place)s (about %(distance)s m)")
    template = at if not distance else near
    return template % {"place": place, "distance": distance, "area": area}


def contribution_place_text(contribution: Contribution) -> str:
    """The description of one contribution (its place and area loaded or fetched)."""
    place = contribution.place.name if contribution.place_id else None
    area = contribution.area.name if contribution.area_id else None
    return place_text(place=place, distance=contribution.place_distance, area=area)


def _pieces(template: str) -> list:
    """A translated template as the arguments of Concat: text and the named columns."""
    columns = {
        "place": F("place_name"),
        "area": F("area_name"),
        "distance": Cast("place_distance", output_field=CharField()),
    }
    pieces: list = []
    rest = template
    while "%(" in rest:
        before, _sep, after = rest.partition("%(")
        name, _sep, rest = after.partition(")s")
        if before:
            pieces.append(Value(before))
        pieces.append(columns[name])
    if rest:
        pieces.append(Value(rest))
    return pieces


def _concat(template: str):
    pieces = _pieces(template)
    return pieces[0] if len(pieces) == 1 else Concat(*pieces, output_field=CharField())


def place_text_expression() -> Case:
    """The same description as `place_text`, written by the database for the GeoJSON features,
    from the queryset's annotations `place_name` and `area_name` (names in the active language)."""
    at, near = _formats()
    near_alone = _("%(place)s (about %(distance)s m)")
    return Case(
        When(place_name__isnull=True, then=Coalesce(F("area_name"), Value(""))),
        When(area_name__isnull=True, place_distance=0, then=F("place_name")),
        When(area_name__isnull=True, then=_concat(near_alone)),
        When(place_distance=0, then=_concat(at)),
        default=_concat(near),
        output_field=CharField(),
    )


def contribution_place_assign(contribution: Contribution) -> None:
    """Store the place nearest to the contribution's public location (or none)."""
    from engagement.participation.selectors import contribution_public_location

    public = (
        Contribution.objects.filter(pk=contribution.pk)
        .annotate(public=contribution_public_location())
        .values_list("public", flat=True)
        .get()
    )
    near = place_nearest(geometry=public)
    contribution.place = near.place if near else None
    contribution.place_distance = near.distance if near else None
    Contribution.objects.filter(pk=contribution.pk).update(
        place=contribution.place, place_distance=contribution.place_distance
    )


def contributions_place_refresh(queryset: QuerySet[Contribution] | None = None) -> int:
    """Describe again every contribution (after places were imported); how many were."""
    count = 0
    queryset = Contribution.objects.all() if queryset is None else queryset
    for contribution in queryset.only("pk").iterator(chunk_size=500):
        contribution_place_assign(contribution)
        count += 1
    return count
