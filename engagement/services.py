"""Writes of the engagement context: the one place each rule is enforced."""

from django.contrib.auth.models import AnonymousUser, User
from django.contrib.gis.geos import GEOSGeometry
from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from geo.selectors import area_smallest_containing
from geo.services import geometry_validate_in_area

from .models import Campaign, Contribution, Theme
from .rules import contribute_refusal

TITLE_MIN, TITLE_MAX = 3, 120
BODY_MIN, BODY_MAX = 1, 5000


@transaction.atomic
def contribution_submit(
    *,
    campaign: Campaign,
    author: User | AnonymousUser | None,
    kind: str,
    theme: Theme | None,
    title: str,
    body: str,
    geometry: GEOSGeometry | None,
    language: str = "",
) -> Contribution:
    """Validate a resident's contribution against the campaign's rules and store it.

    Raises ValidationError with a message per field, so both the HTML form and the API can show
    every problem at once.
    """
    errors: dict[str, list[ValidationError]] = {}

    def refuse(field: str, message: str, code: str, params: dict | None = None) -> None:
        errors.setdefault(field, []).append(ValidationError(message, code=code, params=params))

    refusal = contribute_refusal(author, campaign)
    if refusal:
        refuse(NON_FIELD_ERRORS, refusal, "not_allowed")

    if kind not in Contribution.Kind.values:
        refuse("kind", _("Choose whether this is an idea or a need."), "invalid_kind")
    if theme is None or theme.campaign_id != campaign.pk:
        refuse("theme", _("Choose one of this campaign's themes."), "invalid_theme")

    title = (title or "").strip()
    if not TITLE_MIN <= len(title) <= TITLE_MAX:
        refuse(
            "title",
            _("Write a title of %(min)d to %(max)d characters (now %(count)d)."),
            "title_length",
            {"min": TITLE_MIN, "max": TITLE_MAX, "count": len(title)},
        )
    body = (body or "").strip()
    if not BODY_MIN <= len(body) <= BODY_MAX:
        refuse(
            "body",
            _("Write a description of %(min)d to %(max)d characters (now %(count)d)."),
            "body_length",
            {"min": BODY_MIN, "max": BODY_MAX, "count": len(body)},
        )

    if geometry is None:
        refuse("geometry", _("Place a pin on the map."), "required")
    elif geometry.geom_type != "Point":
        refuse("geometry", _("This campaign takes points only: place a pin."), "geometry_type")
    else:
        try:
            geometry_validate_in_area(geometry=geometry, area=campaign.area)
        except ValidationError as error:
            errors.setdefault("geometry", []).extend(error.error_list)

    if errors:
        raise ValidationError(errors)

    published = campaign.moderation == Campaign.Moderation.POST
    return Contribution.objects.create(
        campaign=campaign,
        kind=kind,
        theme=theme,
        title=title,
        body=body,
        geometry=geometry,
        area=area_smallest_containing(geometry=geometry) or campaign.area,
        author=author if author and author.is_authenticated else None,
        language=language,
        moderation_state=(
            Contribution.ModerationState.PUBLISHED
            if published
            else Contribution.ModerationState.PENDING
        ),
    )
