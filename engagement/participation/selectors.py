"""Reads of the participation context: what the public may see, and GeoJSON written by PostGIS."""

import json
from dataclasses import dataclass
from datetime import datetime

from django.conf import settings
from django.contrib.gis.db.models import GeometryField
from django.contrib.gis.db.models.functions import AsGeoJSON
from django.contrib.gis.geos import Polygon
from django.core.exceptions import EmptyResultSet, PermissionDenied
from django.db import connection, connections
from django.db.models import (
    Case,
    Exists,
    Expression,
    F,
    OuterRef,
    Prefetch,
    Q,
    QuerySet,
    TextChoices,
    TextField,
    When,
)
from django.db.models.expressions import RawSQL
from django.db.models.functions import Coalesce, Left
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from engagement.common.media import MediaFile
from engagement.models import (
    BackgroundAnswer,
    Campaign,
    Comment,
    Contribution,
    Follow,
    Participant,
    Photo,
    Support,
)
from engagement.participation.features import (
    JSONValue,
    json_number,
    json_object_text,
    json_string_around,
)
from engagement.participation.places import place_text_expression
from engagement.participation.search import contributions_search
from engagement.rules import can_change_contribution, can_moderate
from geo.models import Area
from geo.selectors import area_with_descendant_ids

EXCERPT_LENGTH = 200


def campaign_default() -> Campaign | None:
    """The campaign shown at `/`: the configured one, else the newest open one."""
    campaign = Campaign.objects.filter(slug=settings.DEFAULT_CAMPAIGN_SLUG).first()
    if campaign:
        return campaign
    now = timezone.now()
    return Campaign.objects.filter(opens_at__lte=now).order_by("-opens_at").first()


def campaigns_all() -> QuerySet[Campaign]:
    """Every campaign, for other apps' choices and filters (a pilot's campaign)."""
    return Campaign.objects.all()


def campaign_boundaries_geojson(*, precision: int = 6) -> dict[str, dict]:
    """Every campaign's area boundary as GeoJSON by slug, written by PostGIS in one query (a
    form that lets one choose the campaign draws the chosen one's boundary)."""
    rows = Campaign.objects.annotate(
        geojson=AsGeoJSON("area__boundary", precision=precision)
    ).values_list("slug", "geojson")
    return {slug: json.loads(geojson) for slug, geojson in rows}


def campaign_by_slug(*, slug: str | None) -> Campaign | None:
    """The campaign of a slug from a query string or a form; None for none or an unknown one
    (a NUL character, which PostgreSQL's text cannot hold, makes any slug unknown)."""
    return Campaign.objects.filter(slug=slug).first() if slug and "\x00" not in slug else None


def contributions_public(*, campaign: Campaign | None = None) -> QuerySet[Contribution]:
    """Contributions anyone may see."""
    qs = Contribution.objects.filter(moderation_state=Contribution.ModerationState.PUBLISHED)
    if campaign is not None:
        qs = qs.filter(campaign=campaign)
    return qs


def contribution_public_location() -> Case:
    """The location the public sees (the centre of the 100 m privacy cell unless the author
    chose the exact point; a route or area as drawn), as an expression: the map, the exports and
    the analysis use it. It reads the stored `public_point` (the rule of
    geo.selectors.public_geometry, written by PostgreSQL on every write, decision 0025), so no
    row is transformed on a read."""
    return Case(
        When(privacy_cell_x__isnull=False, then=F("public_point")),
        default=F("geometry"),
        output_field=GeometryField(srid=4326),
    )


def photo_file(*, name: str) -> MediaFile | None:
    """Who may see the contribution photo (image or thumbnail) stored under `name`; None when
    no contribution photo has that name.

    As the pages show photos: the public while the contribution is public and a moderator has
    not hidden the photo; its author on their own page in any state, less hidden photos; the
    campaign's moderators always (the moderation pages show hidden photos too).
    """
    photo = (
        Photo.objects.filter(Q(image=name) | Q(thumbnail=name))
        .select_related("contribution__campaign")
        .annotate(public=Exists(contributions_public().filter(pk=OuterRef("contribution"))))
        .first()
    )
    if photo is None:
        return None
    contribution = photo.contribution

    def visible_to(user, participant: Participant | None) -> bool:
        author = participant is not None and contribution.participant_id == participant.pk
        return (author and not photo.hidden) or can_moderate(user, contribution.campaign)

    return MediaFile(public=photo.public and not photo.hidden, visible_to=visible_to)


def contribution_public_or_404(*, pk: int) -> Contribution:
    """A public contribution for a door that lets residents take part in it (comment,
    support, follow, flag); Http404 otherwise, so a hidden one is not even confirmed."""
    return get_object_or_404(
        contributions_public().select_related("campaign", "campaign__area"), pk=pk
    )


def contribution_own_or_404(*, pk: int, participant: Participant | None) -> Contribution:
    """The contribution its author may still edit or withdraw; Http404 when there is none,
    PermissionDenied when it is someone else's or a moderator has acted on it."""
    contribution = get_object_or_404(
        Contribution.objects.select_related("campaign", "campaign__area"), pk=pk
    )
    if not can_change_contribution(participant, contribution):
        raise PermissionDenied(_("You can no longer change this contribution."))
    return contribution


class Sort(TextChoices):
    NEWEST = "newest", _("Newest first")
    MOST_SUPPORTED = "supported", _("Most supported")
    MOST_DISCUSSED = "discussed", _("Most discussed")


SORT_ORDER = {
    Sort.NEWEST: ["-created_at", "-id"],
    Sort.MOST_SUPPORTED: ["-supports_count", "-created_at", "-id"],
    Sort.MOST_DISCUSSED: ["-comments_count", "-created_at", "-id"],
}


@dataclass(frozen=True)
class ContributionFilters:
    """Filters of the public list and map, parsed and validated by the door that received them."""

    campaign: Campaign | None = None
    area: Area | None = None
    bbox: tuple[float, float, float, float] | None = None
    theme: str | None = None
    kind: str | None = None
    status: str | None = None
    q: str | None = None
    sort: str = Sort.NEWEST
    # The contributions of one cell or cluster of the map's tiles.
    ids: tuple[int, ...] | None = None


def contributions_filtered(*, filters: ContributionFilters) -> QuerySet[Contribution]:
    """Public contributions matching every given filter, in the asked order (the support and
    comment counts are stored columns, decision 0026)."""
    qs = contributions_matching(filters=filters)
    return qs.order_by(*SORT_ORDER[Sort(filters.sort)])


def contributions_matching(*, filters: ContributionFilters) -> QuerySet[Contribution]:
    """Public contributions matching every given filter, without counts or order: the rows
    behind the list (`contributions_filtered`) and behind the map's tiles."""
    qs = contributions_public(campaign=filters.campaign)
    if filters.ids is not None:
        qs = qs.filter(pk__in=filters.ids)
    if filters.area is not None:
        qs = qs.filter(area_id__in=area_with_descendant_ids(area=filters.area))
    if filters.bbox is not None:
        # The box is tested against the public location, else a series of ever smaller boxes
        # would reveal a point's exact place: a point's stored public point, a route or area as
        # drawn, each through its own GiST index (contribution_public_point, _shape_geometry).
        box = Polygon.from_bbox(filters.bbox)
        qs = qs.filter(
            Q(privacy_cell_x__isnull=False, public_point__intersects=box)
            | Q(privacy_cell_x__isnull=True, geometry__intersects=box)
        )
    if filters.theme:
        qs = qs.filter(theme__slug=filters.theme)
    if filters.kind:
        qs = qs.filter(kind=filters.kind)
    if filters.status:
        qs = qs.filter(status=filters.status)
    if filters.q:
        qs = contributions_search(qs, filters.q)
    return qs.order_by()


def translated_field(field: str) -> Coalesce:
    """The field in the active language, falling back to Finnish, the default language."""
    lang = (get_language() or settings.LANGUAGE_CODE).split("-")[0]
    return Coalesce(F(f"{field}_{lang}"), F(f"{field}_fi"), output_field=TextField())


def _feature_expression(*, exact: bool, url_prefix: str) -> Expression:
    """A contribution's GeoJSON Feature as JSON text by concatenation (participation.features),
    in the members' order below; it reads the annotations `place_name` and `area_name`."""
    geometry = "geometry" if exact else contribution_public_location()
    return json_object_text(
        {
            "type": '"Feature"',
            "id": json_number("id"),
            "geometry": AsGeoJSON(geometry, precision=6),
            "properties": json_object_text(
                {
                    "title": JSONValue(F("title")),
                    "excerpt": JSONValue(Left("body", EXCERPT_LENGTH)),
                    "kind": JSONValue(F("kind")),
                    "theme": JSONValue(F("theme__slug")),
                    "theme_name": JSONValue(translated_field("theme__name")),
                    "color": JSONValue(F("theme__color")),
                    "status": JSONValue(F("status")),
                    "moderation": JSONValue(F("moderation_state")),
                    "supports": json_number("supports_count"),
                    "comments": json_number("comments_count"),
                    "place": JSONValue(place_text_expression()),
                    "created_at": JSONValue(F("created_at")),
                    "url": json_string_around(url_prefix, "id", "/"),
                }
            ),
        }
    )


def _with_feature_names(queryset: QuerySet[Contribution]) -> QuerySet[Contribution]:
    """The names the place description is made of, in the active language (participation.places);
    they also join the place, area and theme the feature reads."""
    return queryset.alias(
        place_name=translated_field("place__name"),
        area_name=translated_field("area__name"),
        feature_theme=F("theme__slug"),
    )


# The tables the feature's SQL names, which the row query must join under these names.
FEATURE_JOINS = ("engagement_contribution", "engagement_theme", "geo_place", "geo_area")
# The feature's SQL compiled once per language, URL prefix and `exact`: resolving and compiling
# its expression cost about 6 ms a request, as much as 1,000 features' SQL.
_feature_sql_cache: dict[tuple[str, str, bool], tuple[str, tuple]] = {}


def _feature_sql(*, exact: bool, url_prefix: str) -> tuple[str, tuple]:
    key = (get_language() or "", url_prefix, exact)
    cached = _feature_sql_cache.get(key)
    if cached is None:
        query = (
            _with_feature_names(Contribution.objects.all())
            .annotate(feature=_feature_expression(exact=exact, url_prefix=url_prefix))
            .query
        )
        sql, params = query.get_compiler(connection=connection).compile(
            query.annotations["feature"]
        )
        if len(_feature_sql_cache) > 64:
            _feature_sql_cache.clear()
        cached = _feature_sql_cache[key] = (sql, tuple(params))
    return cached


def contributions_feature_text_queryset(
    *, queryset: QuerySet[Contribution], exact: bool = False
) -> QuerySet:
    """One GeoJSON Feature per row, each written by PostGIS as text, in queryset order, as a
    lazy flat `values_list` that exports can iterate in chunks.

    Building the JSON in the database is 10-30x cheaper than serialising model instances
    (ARCHITECTURE.md); callers join the texts into a FeatureCollection. Points are shown at
    their public location (snapped to a 100 m grid unless the author chose otherwise) unless
    `exact` is asked for, as for the author's own data. The feature's SQL is compiled once
    (`_feature_sql`) and set into the row query, whose joins carry the same table names; a
    query that joins them otherwise (another join of the same table) gets the expression.
    """
    # "/sv/contributions/1/" less its "1/": the detail URL prefix in the active language.
    url_prefix = reverse("engagement:contribution-detail", kwargs={"pk": 1})[:-2]
    queryset = _with_feature_names(queryset)
    joins = queryset.query.alias_map
    if all(name in joins and joins[name].table_name == name for name in FEATURE_JOINS):
        sql, params = _feature_sql(exact=exact, url_prefix=url_prefix)
        # The ORM's own compiled SQL with its parameters, no outside text.
        feature = RawSQL(sql, params, output_field=TextField())  # noqa: S611
    else:
        feature = _feature_expression(exact=exact, url_prefix=url_prefix)
    return queryset.annotate(feature=feature).values_list("feature", flat=True)


def contributions_feature_texts(
    *, queryset: QuerySet[Contribution], exact: bool = False
) -> list[str]:
    """The feature texts of `contributions_feature_text_queryset`, read at once (one page).

    The ORM writes the statement; it runs on a plain cursor of the database the router chose
    for it (the replica for map reads, decision 0028), as a psycopg loop would, so reading
    5,000 rows costs no per-row work in Django."""
    texts = contributions_feature_text_queryset(queryset=queryset, exact=exact)
    try:
        sql, params = texts.query.sql_with_params()
    except EmptyResultSet:
        return []
    with connections[texts.db].cursor() as cursor:
        cursor.execute(sql, params)
        return [row[0] for row in cursor.fetchall()]


def feature_collection_text(
    *, features: list[str], number_matched: int | None, links: list[dict]
) -> str:
    """A GeoJSON FeatureCollection around feature texts, with OGC API Features paging members
    (numberMatched left out when it is not known)."""
    matched = "" if number_matched is None else f'"numberMatched":{number_matched},'
    return (
        f'{{"type":"FeatureCollection",{matched}'
        f'"numberReturned":{len(features)},"links":{json.dumps(links)},'
        f'"features":[{",".join(features)}]}}'
    )


@dataclass(frozen=True)
class StatusStep:
    status: str
    label: str
    text: str
    at: datetime
    signature: str = ""


def contribution_status_history(*, contribution: Contribution) -> list[StatusStep]:
    """The public status history, beginning with the contribution's arrival as new."""
    steps = [
        StatusStep(
            Contribution.Status.NEW, str(Contribution.Status.NEW.label), "", contribution.created_at
        )
    ]
    for change in contribution.status_changes.all():
        steps.append(
            StatusStep(
                change.status,
                change.get_status_display(),
                change.text,
                change.created_at,
                change.signature,
            )
        )
    return steps


def contribution_comments(*, contribution: Contribution) -> list[Comment]:
    """Public top-level comments, oldest first, each with `public_replies` prefetched."""
    public = Contribution.ModerationState.PUBLISHED
    return list(
        contribution.comments.filter(parent=None, moderation_state=public)
        .select_related("participant__user")
        .prefetch_related(
            Prefetch(
                "replies",
                queryset=Comment.objects.filter(moderation_state=public).select_related(
                    "participant__user"
                ),
                to_attr="public_replies",
            )
        )
    )


def contribution_hidden_comment_count(*, contribution: Contribution) -> int:
    """How many comments moderators hid, said on the page without saying what they were."""
    return contribution.comments.filter(
        moderation_state=Contribution.ModerationState.HIDDEN
    ).count()


def participant_relation(
    *, contribution: Contribution, participant: Participant | None
) -> dict[str, bool]:
    """Whether this participant supports and follows the contribution."""
    if participant is None:
        return {"supports": False, "follows": False}
    return {
        "supports": Support.objects.filter(
            contribution=contribution, participant=participant
        ).exists(),
        "follows": Follow.objects.filter(
            contribution=contribution, participant=participant
        ).exists(),
    }


def contributions_of_participant(*, participant: Participant) -> QuerySet[Contribution]:
    """Everything the participant contributed, whatever its moderation state, newest first."""
    return (
        Contribution.objects.filter(participant=participant)
        .select_related("campaign", "theme")
        .order_by("-created_at", "-id")
    )


def participant_export(*, participant: Participant) -> dict:
    """Everything a participant contributed, for the personal data download (GDPR art. 15, 20)."""
    contributions = contributions_of_participant(participant=participant)
    geojson = json.loads(
        feature_collection_text(
            features=contributions_feature_texts(queryset=contributions, exact=True),
            number_matched=len(contributions),
            links=[],
        )
    )
    user = participant.user
    return {
        "account": {
            "email": user.email if user else None,
            "date_joined": user.date_joined.isoformat() if user else None,
        },
        "contributions": geojson,
        "comments": [
            {
                "contribution": c.contribution_id,
                "reply_to": c.parent_id,
                "body": c.body,
                "moderation_state": c.moderation_state,
                "created_at": c.created_at.isoformat(),
            }
            for c in Comment.objects.filter(participant=participant).order_by("created_at")
        ],
        "supports": [
            {"contribution": s.contribution_id, "created_at": s.created_at.isoformat()}
            for s in Support.objects.filter(participant=participant).order_by("created_at")
        ],
        "follows": [
            {"contribution": f.contribution_id, "created_at": f.created_at.isoformat()}
            for f in Follow.objects.filter(participant=participant).order_by("created_at")
        ],
        # The optional background questions (decision 0034): the participant's own answers.
        "background_answers": [
            {
                "campaign": a.campaign.slug,
                "age_group": a.age_group,
                "postal_code": a.postal_code,
                "relations": a.relations,
                "updated_at": a.updated_at.isoformat(),
            }
            for a in BackgroundAnswer.objects.filter(participant=participant)
            .select_related("campaign")
            .order_by("created_at")
        ],
    }


def contributions_audience(
    *, contributions: QuerySet[Contribution], supporters: bool
) -> dict[str, str]:
    """E-mail address → language of everyone to tell about these contributions, each once:
    their authors and followers, and (when asked) supporters who have an account."""
    audience: dict[str, str] = {}
    public = contributions.filter(moderation_state=Contribution.ModerationState.PUBLISHED)
    for contribution in public.select_related("participant__user"):
        language = contribution.language or settings.LANGUAGE_CODE
        author = contribution.participant.user if contribution.participant_id else None
        if author and author.email and author.is_active:
            audience.setdefault(author.email, language)
        follows = Follow.objects.filter(contribution=contribution).select_related(
            "participant__user"
        )
        for follow in follows:
            user = follow.participant.user
            if user and user.email and user.is_active:
                audience.setdefault(user.email, follow.language or language)
        if supporters:
            for support in Support.objects.filter(contribution=contribution).select_related(
                "participant__user"
            ):
                user = support.participant.user
                if user and user.email and user.is_active:
                    audience.setdefault(user.email, language)
    return audience
