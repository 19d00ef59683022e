"""The residents' REST API: contributions, comments, supports, follows, photos, campaigns."""

import json
import math

from django.contrib.gis.geos import Point
from django.core.exceptions import ValidationError as DjangoValidationError
from django.db.models import QuerySet
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.urls import reverse
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _lazy
from django.views.decorators.http import require_safe
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema, extend_schema_field
from rest_framework import serializers, status
from rest_framework.exceptions import NotFound
from rest_framework.generics import ListAPIView, RetrieveAPIView
from rest_framework.renderers import JSONRenderer
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView
from rest_framework_gis.fields import GeometryField

from engagement.common.api import GEOJSON, GeoJSONRenderer, _geojson_response
from engagement.models import Campaign, Comment, Contribution, Photo, Theme
from engagement.participation import api_examples as examples
from engagement.participation import services
from engagement.participation.filters import ContributionFilterParser
from engagement.participation.middleware import client_address
from engagement.participation.nearby import contributions_reported_nearby
from engagement.participation.selectors import (
    campaign_by_slug,
    contribution_comments,
    contribution_own_or_404,
    contribution_public_or_404,
    contributions_feature_texts,
    contributions_filtered,
    contributions_public,
    feature_collection_text,
)
from engagement.participation.tiles import MVT, tile_cached, tile_etag, tile_exists, tile_filters
from geo.services import geometry_from_geojson

DEFAULT_LIMIT, MAX_LIMIT = 1000, 5000
# numberMatched is counted up to this many (a LIMIT subquery), so counting never costs more
# than the page; beyond it the member is left out, as OGC API - Features allows.
MATCHED_COUNT_CAP = 10_000


def matched_count(queryset: QuerySet[Contribution]) -> int | None:
    """How many contributions match, or None when more than MATCHED_COUNT_CAP do.

    The planner's estimate comes first (an EXPLAIN, about a millisecond): when it expects more
    than the cap, nothing is counted (at 1,000,000 contributions the capped count of a whole
    district cost a third of the page). Otherwise the rows are counted up to the cap by a LIMIT
    subquery of ids, without order, so at most CAP + 1 are read."""
    ids = queryset.order_by().values("pk")
    plan = json.loads(ids.explain(format="json"))
    if plan[0]["Plan"]["Plan Rows"] > MATCHED_COUNT_CAP:
        return None
    capped = ids[: MATCHED_COUNT_CAP + 1].count()
    return capped if capped <= MATCHED_COUNT_CAP else None


class ContributionQuerySerializer(ContributionFilterParser):
    """Query parameters of the contribution list: the shared filters, and paging."""

    limit = serializers.IntegerField(min_value=1, max_value=MAX_LIMIT, default=DEFAULT_LIMIT)
    # Beyond any real count, and within PostgreSQL's OFFSET (bigint) so no query fails.
    offset = serializers.IntegerField(min_value=0, max_value=10**9, default=0)


@extend_schema_field(
    {
        "type": "object",
        "description": "A GeoJSON geometry (RFC 7946) in WGS 84: Point, LineString or Polygon, "
        "as the campaign allows.",
        "properties": {
            "type": {"type": "string", "enum": ["Point", "LineString", "Polygon"]},
            "coordinates": {"type": "array", "items": {}},
        },
        "required": ["type", "coordinates"],
    }
)
class GeoJSONGeometryField(GeometryField):
    """A GeoJSON geometry parsed by geo's rules, with the same messages as the HTML form."""

    def to_internal_value(self, value):
        try:
            return geometry_from_geojson(value)
        except DjangoValidationError as error:
            raise serializers.ValidationError(error.messages) from None


class ContributionInputSerializer(serializers.Serializer):
    """A new contribution. Only parsing happens here; contribution_submit holds the rules."""

    campaign = serializers.SlugRelatedField(
        slug_field="slug",
        queryset=Campaign.objects.select_related("area"),
        error_messages={"does_not_exist": _lazy("There is no campaign with this slug.")},
    )
    kind = serializers.CharField(required=False, allow_blank=True, default="")
    theme = serializers.SlugField(required=False, allow_blank=True, default="")
    title = serializers.CharField(
        required=False, allow_blank=True, trim_whitespace=False, default=""
    )
    body = serializers.CharField(
        required=False, allow_blank=True, trim_whitespace=False, default=""
    )
    geometry = GeoJSONGeometryField(required=False, allow_null=True, default=None)
    exact_location_public = serializers.BooleanField(required=False, default=False)
    photos = serializers.ListField(
        child=serializers.FileField(),
        required=False,
        default=list,
        max_length=50,
        help_text="multipart/form-data only: up to 5 JPEG, PNG or WebP images",
    )
    idempotency_key = serializers.UUIDField(required=False, allow_null=True, default=None)
    website = serializers.CharField(
        required=False, allow_blank=True, default="", help_text="honeypot: leave empty"
    )
    walk_code = serializers.CharField(
        required=False,
        allow_blank=True,
        default="",
        help_text="a walk session's code (any case): the contribution joins that walk",
    )


def _with_files(request: Request, *names: str):
    """Request data with multipart files under `names` as lists (QueryDict keeps only one)."""
    if not hasattr(request.data, "getlist"):
        return request.data
    data = {key: request.data.get(key) for key in request.data}
    for name in names:
        data[name] = request.FILES.getlist(name)
    return data


def _contribution_values(data: dict, campaign: Campaign) -> dict:
    """A payload's contribution values under the names contribution_submit and
    contribution_update take them; an unknown theme is None, which the services refuse."""
    return {
        "kind": data["kind"],
        "theme": Theme.objects.filter(campaign=campaign, slug=data["theme"]).first(),
        "title": data["title"],
        "body": data["body"],
        "geometry": data["geometry"],
        "exact_location_public": data["exact_location_public"],
    }


class ContributionListView(APIView):
    """Public contributions as a GeoJSON FeatureCollection, or a new contribution."""

    renderer_classes = [JSONRenderer, GeoJSONRenderer]

    @extend_schema(
        operation_id="contributions_list",
        parameters=[ContributionQuerySerializer],
        examples=examples.CONTRIBUTIONS_LIST,
        responses={(200, GEOJSON): OpenApiTypes.OBJECT},
        description="GeoJSON FeatureCollection of public contributions, newest first, with "
        "numberReturned and a next link while more remain. numberMatched is the exact number of "
        f"matches when at most {MATCHED_COUNT_CAP} match; it is left out when more do, or when "
        f"the database's estimate is above {MATCHED_COUNT_CAP} (counting further would cost "
        "more than the page), as OGC API - Features allows: page with the next link instead. "
        "`ids` lists the contributions of one cell or cluster of the map's tiles.",
    )
    def get(self, request: Request) -> HttpResponse:
        query = ContributionQuerySerializer.parse(request.query_params)
        queryset = contributions_filtered(filters=query.filters())
        limit, offset = query.validated_data["limit"], query.validated_data["offset"]
        features = contributions_feature_texts(queryset=queryset[offset : offset + limit])
        full = offset or len(features) == limit
        matched = matched_count(queryset) if full else len(features)
        links = []
        more = len(features) == limit if matched is None else offset + len(features) < matched
        if more:
            next_query = request.query_params.copy()
            next_query["offset"] = str(offset + limit)
            next_url = request.build_absolute_uri(f"{request.path}?{next_query.urlencode()}")
            links.append({"rel": "next", "type": GEOJSON, "href": next_url})
        return _geojson_response(
            feature_collection_text(features=features, number_matched=matched, links=links)
        )

    @extend_schema(
        request=ContributionInputSerializer,
        responses={(201, GEOJSON): OpenApiTypes.OBJECT, 400: OpenApiTypes.OBJECT},
        examples=examples.CONTRIBUTION_POST,
        description="Submit an idea or need. Answers 400 with a list of messages per field.",
    )
    def post(self, request: Request) -> HttpResponse | Response:
        payload = ContributionInputSerializer(data=_with_files(request, "photos"))
        payload.is_valid(raise_exception=True)
        data = payload.validated_data
        contribution = services.contribution_submit(
            campaign=data["campaign"],
            participant=request.get_participant(create=True),
            **_contribution_values(data, data["campaign"]),
            photos=data["photos"],
            language=get_language() or "",
            idempotency_key=data["idempotency_key"],
            address=client_address(request),
            honeypot=data["website"],
            walk_code=data["walk_code"],
        )
        (feature,) = contributions_feature_texts(
            queryset=Contribution.objects.filter(pk=contribution.pk)
        )
        return _geojson_response(
            feature,
            status.HTTP_201_CREATED,
            Location=request.build_absolute_uri(f"{request.path}{contribution.pk}/"),
        )


class ThemeSerializer(serializers.ModelSerializer):
    class Meta:
        model = Theme
        fields = ["slug", "name", "description", "color"]


class CampaignSerializer(serializers.ModelSerializer):
    area = serializers.SlugRelatedField(slug_field="slug", read_only=True)
    themes = ThemeSerializer(many=True, read_only=True)
    is_open = serializers.SerializerMethodField()

    class Meta:
        model = Campaign
        fields = [
            "slug",
            "title",
            "description",
            "area",
            "opens_at",
            "closes_at",
            "is_open",
            "allow_anonymous",
            "moderation",
            "themes",
        ]

    def get_is_open(self, campaign: Campaign) -> bool:
        return campaign.is_open()


class CampaignListView(ListAPIView):
    """Campaigns with their themes, in the language of the request."""

    serializer_class = CampaignSerializer
    queryset = Campaign.objects.select_related("area").prefetch_related("themes")


class CampaignDetailView(RetrieveAPIView):
    serializer_class = CampaignSerializer
    queryset = Campaign.objects.select_related("area").prefetch_related("themes")
    lookup_field = "slug"


# Participation on one contribution ----------------------------------------------------------


class ContributionUpdateSerializer(serializers.Serializer):
    kind = serializers.CharField()
    theme = serializers.SlugField()
    title = serializers.CharField(allow_blank=True, trim_whitespace=False)
    body = serializers.CharField(allow_blank=True, trim_whitespace=False)
    geometry = GeoJSONGeometryField(allow_null=True)
    exact_location_public = serializers.BooleanField(default=False)


class ContributionDetailView(APIView):
    """One public contribution as a GeoJSON Feature; its author may edit (PUT) or withdraw
    (DELETE) it until a moderator has acted on it."""

    renderer_classes = [JSONRenderer, GeoJSONRenderer]

    @extend_schema(
        responses={(200, GEOJSON): OpenApiTypes.OBJECT, 404: OpenApiTypes.OBJECT},
        examples=examples.CONTRIBUTION_DETAIL,
    )
    def get(self, request: Request, pk: int) -> HttpResponse | Response:
        features = contributions_feature_texts(queryset=contributions_public().filter(pk=pk))
        if not features:
            return Response({"detail": _("Not found.")}, status=status.HTTP_404_NOT_FOUND)
        return _geojson_response(features[0])

    @extend_schema(
        request=ContributionUpdateSerializer,
        responses={(200, GEOJSON): OpenApiTypes.OBJECT, 400: OpenApiTypes.OBJECT},
    )
    def put(self, request: Request, pk: int) -> HttpResponse | Response:
        contribution = contribution_own_or_404(
            pk=pk, participant=request.get_participant(create=False)
        )
        payload = ContributionUpdateSerializer(data=request.data)
        payload.is_valid(raise_exception=True)
        data = payload.validated_data
        services.contribution_update(
            contribution=contribution,
            participant=request.get_participant(create=False),
            **_contribution_values(data, contribution.campaign),
        )
        (feature,) = contributions_feature_texts(
            queryset=Contribution.objects.filter(pk=pk), exact=True
        )
        return _geojson_response(feature)

    @extend_schema(request=None, responses={204: None})
    def delete(self, request: Request, pk: int) -> Response:
        contribution = contribution_own_or_404(
            pk=pk, participant=request.get_participant(create=False)
        )
        services.contribution_withdraw(
            contribution=contribution, participant=request.get_participant(create=False)
        )
        return Response(status=status.HTTP_204_NO_CONTENT)


class CommentSerializer(serializers.ModelSerializer):
    author = serializers.SerializerMethodField()
    reply_to = serializers.IntegerField(source="parent_id", read_only=True)

    class Meta:
        model = Comment
        fields = ["id", "reply_to", "author", "body", "created_at"]

    def get_author(self, comment: Comment) -> str:
        user = comment.participant.user if comment.participant_id else None
        return (user.first_name if user else "") or _("Anonymous resident")


class CommentInputSerializer(serializers.Serializer):
    body = serializers.CharField(allow_blank=True, trim_whitespace=False)
    reply_to = serializers.IntegerField(required=False, allow_null=True, default=None)
    idempotency_key = serializers.UUIDField(required=False, allow_null=True, default=None)
    website = serializers.CharField(required=False, allow_blank=True, default="")


class CommentListView(APIView):
    """Public comments of a contribution (replies follow their comment), or a new one."""

    refusal_field_names = {"parent": "reply_to"}

    @extend_schema(responses=CommentSerializer(many=True))
    def get(self, request: Request, pk: int) -> Response:
        contribution = contribution_public_or_404(pk=pk)
        comments = []
        for comment in contribution_comments(contribution=contribution):
            comments.append(comment)
            comments.extend(comment.public_replies)
        return Response(CommentSerializer(comments, many=True).data)

    @extend_schema(
        request=CommentInputSerializer,
        responses={201: CommentSerializer, 400: OpenApiTypes.OBJECT},
    )
    def post(self, request: Request, pk: int) -> Response:
        contribution = contribution_public_or_404(pk=pk)
        payload = CommentInputSerializer(data=request.data)
        payload.is_valid(raise_exception=True)
        data = payload.validated_data
        comment = services.comment_add(
            contribution=contribution,
            participant=request.get_participant(create=True),
            body=data["body"],
            parent=data["reply_to"],
            idempotency_key=data["idempotency_key"],
            address=client_address(request),
            honeypot=data["website"],
        )
        return Response(CommentSerializer(comment).data, status=status.HTTP_201_CREATED)


class SupportStateSerializer(serializers.Serializer):
    supported = serializers.BooleanField()
    supports = serializers.IntegerField()


class SupportView(APIView):
    """Support a contribution (POST, a second time is a no-op) or take it back (DELETE)."""

    def _state(self, contribution: Contribution, supported: bool) -> Response:
        # The stored count, as the list shows it (blocked participants' supports left out).
        contribution.refresh_from_db(fields=["supports_count"])
        return Response({"supported": supported, "supports": contribution.supports_count})

    @extend_schema(
        request=None,
        responses={200: SupportStateSerializer, 400: OpenApiTypes.OBJECT},
        examples=examples.SUPPORT,
    )
    def post(self, request: Request, pk: int) -> Response:
        contribution = contribution_public_or_404(pk=pk)
        services.support_add(
            contribution=contribution,
            participant=request.get_participant(create=True),
            address=client_address(request),
        )
        return self._state(contribution, True)

    @extend_schema(request=None, responses={200: SupportStateSerializer})
    def delete(self, request: Request, pk: int) -> Response:
        contribution = contribution_public_or_404(pk=pk)
        participant = request.get_participant(create=False)
        if participant is not None:
            services.support_remove(contribution=contribution, participant=participant)
        return self._state(contribution, False)


class FollowView(APIView):
    """Follow a contribution (POST) or stop (DELETE); needs a signed-in account."""

    @extend_schema(request=None, responses={204: None, 400: OpenApiTypes.OBJECT})
    def post(self, request: Request, pk: int) -> Response:
        contribution = contribution_public_or_404(pk=pk)
        services.follow_add(
            contribution=contribution, participant=request.get_participant(create=True)
        )
        return Response(status=status.HTTP_204_NO_CONTENT)

    @extend_schema(request=None, responses={204: None})
    def delete(self, request: Request, pk: int) -> Response:
        contribution = contribution_public_or_404(pk=pk)
        participant = request.get_participant(create=False)
        if participant is not None:
            services.follow_remove(contribution=contribution, participant=participant)
        return Response(status=status.HTTP_204_NO_CONTENT)


class PhotoSerializer(serializers.ModelSerializer):
    image = serializers.ImageField(read_only=True)
    thumbnail = serializers.ImageField(read_only=True)

    class Meta:
        model = Photo
        fields = ["id", "image", "thumbnail", "width", "height"]


class PhotoListView(ListAPIView):
    """Photos of a public contribution, without any of the uploaded files' metadata."""

    serializer_class = PhotoSerializer
    pagination_class = None

    def get_queryset(self):
        return contribution_public_or_404(pk=self.kwargs["pk"]).photos.filter(hidden=False)


# The map's vector tiles ----------------------------------------------------------------------

# Browsers and proxies may keep a tile this long before asking again (then 304 if unchanged).
TILE_MAX_AGE = 60


class TileQueryParser(ContributionFilterParser):
    """A tile's query: the shared filters, the campaign required."""

    campaign = serializers.SlugRelatedField(
        slug_field="slug",
        queryset=Campaign.objects.all(),
        error_messages={
            "required": _lazy("Give the campaign (campaign=slug)."),
            "does_not_exist": _lazy("There is no campaign with this slug."),
        },
    )


def _etag_matches(request: HttpRequest, etag: str) -> bool:
    wanted = request.headers.get("If-None-Match", "")
    tags = {tag.strip().removeprefix("W/") for tag in wanted.split(",")}
    return etag in tags or "*" in tags


@require_safe
def contribution_tile(request: HttpRequest, z: int, x: int, y: int) -> HttpResponse:
    """/tiles/contributions/{z}/{x}/{y}.mvt: public contributions of a campaign as a Mapbox
    Vector Tile (engagement.participation.tiles), with the list's filters; ETag and a short
    Cache-Control, 304 while nothing has changed; an empty tile is an empty 200."""
    if not tile_exists(z, x, y):
        return JsonResponse({"detail": _("There is no such tile.")}, status=404)
    try:
        filters = tile_filters(request.GET, lambda params: TileQueryParser.parse(params).filters())
    except DjangoValidationError as error:
        return JsonResponse(error.message_dict, status=400)
    etag = tile_etag(campaign=filters.campaign, filters=filters)
    if _etag_matches(request, etag):
        response = HttpResponse(status=304)
    else:
        tile = tile_cached(campaign=filters.campaign, filters=filters, z=z, x=x, y=y)
        response = HttpResponse(tile, content_type=MVT)
    response["ETag"] = etag
    response["Cache-Control"] = f"public, max-age={TILE_MAX_AGE}"
    return response


# Already reported near here ------------------------------------------------------------------


class NearbyQuerySerializer(serializers.Serializer):
    """The resident's chosen theme (its slug, as the form's list sends it) and place."""

    theme = serializers.SlugField(max_length=50)
    lat = serializers.FloatField(min_value=-90, max_value=90)
    lon = serializers.FloatField(min_value=-180, max_value=180)

    def validate(self, data: dict) -> dict:
        # NaN passes every comparison with a bound; infinity is refused above.
        if not all(math.isfinite(data[key]) for key in ("lat", "lon")):
            raise serializers.ValidationError(
                {"lat": [_("Enter the coordinates as decimal numbers.")]}
            )
        return data


class NearbyItemSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    title = serializers.CharField()
    kind = serializers.CharField()
    kind_label = serializers.CharField()
    status = serializers.CharField()
    status_label = serializers.CharField()
    supports = serializers.IntegerField()
    supported = serializers.BooleanField()
    created_at = serializers.DateTimeField()
    distance_m = serializers.IntegerField(help_text="Metres to its public location, rounded to 10.")
    url = serializers.CharField(help_text="Its public page.")
    support_url = serializers.CharField(help_text="POST here to support it (the support API).")
    location = serializers.JSONField(help_text="Its public location as a GeoJSON geometry.")


class NearbySerializer(serializers.Serializer):
    distance_m = serializers.IntegerField(help_text="The campaign's distance for nearby ones.")
    results = NearbyItemSerializer(many=True)


class NearbyView(APIView):
    """Published contributions of a theme near a place, before a resident sends one of their own
    ("already reported near here"): public locations only, nearest first, at most five."""

    @extend_schema(
        parameters=[NearbyQuerySerializer],
        responses={200: NearbySerializer, 400: OpenApiTypes.OBJECT, 404: OpenApiTypes.OBJECT},
    )
    def get(self, request: Request, slug: str) -> Response:
        campaign = campaign_by_slug(slug=slug)
        if campaign is None:
            raise NotFound(_("No such campaign."))
        query = NearbyQuerySerializer(data=request.query_params)
        query.is_valid(raise_exception=True)
        theme = campaign.themes.filter(slug=query.validated_data["theme"]).first()
        if theme is None:
            message = _("Choose one of this campaign's themes.")
            raise serializers.ValidationError({"theme": [message]})
        place = Point(query.validated_data["lon"], query.validated_data["lat"], srid=4326)
        found = contributions_reported_nearby(
            campaign=campaign,
            theme=theme,
            place=place,
            participant=request.get_participant(create=False),
        )
        kinds, statuses = dict(Contribution.Kind.choices), dict(Contribution.Status.choices)
        results = [
            {
                "id": n.id,
                "title": n.title,
                "kind": n.kind,
                "kind_label": str(kinds.get(n.kind, n.kind)),
                "status": n.status,
                "status_label": str(statuses.get(n.status, n.status)),
                "supports": n.supports,
                "supported": n.supported,
                "created_at": n.created_at,
                "distance_m": n.distance_m,
                "url": reverse("engagement:contribution-detail", kwargs={"pk": n.id}),
                "support_url": reverse("engagement-api:support", kwargs={"pk": n.id}),
                "location": json.loads(n.location.geojson),
            }
            for n in found
        ]
        body = NearbySerializer({"distance_m": campaign.duplicate_distance_m, "results": results})
        return Response(body.data)
