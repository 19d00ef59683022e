"""The one parser of contribution filters, shared by the API, the exports and the analysis.

Query parameters become `ContributionFilters`; a bad value is refused with Django's
`ValidationError`, messages per parameter, which every door shows in its own way (the API's
exception handler as a 400). A door with parameters of its own (the API's paging, the analysis'
period) subclasses the parser and adds them.
"""

from collections.abc import Mapping
from typing import Self

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _lazy
from rest_framework import serializers

from engagement.models import Campaign, Contribution
from engagement.participation.selectors import ContributionFilters, Sort
from geo.models import Area

# As many as a tile's cell or cluster lists (engagement.participation.tiles.IDS_PER_FEATURE).
MAX_IDS = 100


class ContributionFilterParser(serializers.Serializer):
    """Query parameters that select public contributions."""

    campaign = serializers.SlugRelatedField(
        slug_field="slug",
        queryset=Campaign.objects.all(),
        required=False,
        error_messages={"does_not_exist": _lazy("There is no campaign with this slug.")},
    )
    area = serializers.SlugRelatedField(
        slug_field="slug",
        queryset=Area.objects.all(),
        required=False,
        error_messages={"does_not_exist": _lazy("There is no area with this slug.")},
    )
    bbox = serializers.CharField(required=False, help_text="west,south,east,north in WGS 84")
    theme = serializers.SlugField(required=False)
    kind = serializers.ChoiceField(choices=Contribution.Kind.choices, required=False)
    status = serializers.ChoiceField(choices=Contribution.Status.choices, required=False)
    q = serializers.CharField(required=False, max_length=200, help_text="full-text search")
    sort = serializers.ChoiceField(choices=Sort.choices, default=Sort.NEWEST)
    ids = serializers.CharField(
        required=False,
        help_text=f"comma-separated ids, at most {MAX_IDS}: the contributions of a map cell",
    )

    @classmethod
    def parse(cls, params: Mapping, **kwargs) -> Self:
        """The validated parser; raises ValidationError with the messages per parameter."""
        parser = cls(data=params, **kwargs)
        if not parser.is_valid():
            raise ValidationError(
                {
                    field: [ValidationError(str(m), code=m.code) for m in messages]
                    for field, messages in parser.errors.items()
                }
            )
        return parser

    def validate_bbox(self, value: str) -> tuple[float, float, float, float]:
        try:
            west, south, east, north = (float(part) for part in value.split(","))
        except ValueError:
            raise serializers.ValidationError(
                _("Give the box as four numbers: west,south,east,north.")
            ) from None
        if not (-180 <= west < east <= 180 and -90 <= south < north <= 90):
            raise serializers.ValidationError(
                _("The box must have west < east and south < north, within -180..180 and -90..90.")
            )
        return west, south, east, north

    def validate_ids(self, value: str) -> tuple[int, ...]:
        parts = [part.strip() for part in value.split(",") if part.strip()]
        if not parts or not all(part.isascii() and part.isdigit() for part in parts):
            raise serializers.ValidationError(_("Give the ids as numbers separated by commas."))
        if len(parts) > MAX_IDS:
            raise serializers.ValidationError(_("Give at most %(count)d ids.") % {"count": MAX_IDS})
        # Beyond PostgreSQL's integer no contribution exists; such an id matches nothing.
        return tuple(int(part) for part in parts if len(part) < 10)

    def filters(self) -> ContributionFilters:
        params = self.validated_data
        return ContributionFilters(
            campaign=params.get("campaign"),
            area=params.get("area"),
            bbox=params.get("bbox"),
            theme=params.get("theme"),
            kind=params.get("kind"),
            status=params.get("status"),
            q=params.get("q"),
            sort=params["sort"],
            ids=params.get("ids"),
        )


def contribution_filters_parse(params: Mapping) -> ContributionFilters:
    """The filters a query string asks for; raises ValidationError naming the bad parameters."""
    return ContributionFilterParser.parse(params).filters()
