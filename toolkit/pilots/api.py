"""Read API of pilots (`/api/v1/pilots/`): public pilots as GeoJSON written by PostGIS, one
pilot's detail, and its reported result."""

import json

from django.conf import settings
from django.contrib.gis.db.models.functions import AsGeoJSON
from django.contrib.postgres.expressions import ArraySubquery
from django.core.exceptions import ValidationError
from django.db.models import F, JSONField, OuterRef, QuerySet, TextField, Value
from django.db.models.functions import Cast, Concat, JSONObject
from django.http import HttpResponse
from django.urls import NoReverseMatch, reverse
from django.utils.translation import gettext_lazy as _lazy
from drf_spectacular.utils import OpenApiExample, extend_schema, extend_schema_field
from rest_framework import serializers
from rest_framework.exceptions import NotFound
from rest_framework.renderers import JSONRenderer
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from engagement.common.api import GEOJSON, GeoJSONRenderer
from engagement.participation.selectors import (
    campaigns_all,
    contributions_public,
    feature_collection_text,
)
from geo.models import Area
from geo.services import geometry_from_geojson
from toolkit.models import EvaluationPhase, Pilot
from toolkit.pilots.evaluation import pilot_neighbours_rating
from toolkit.pilots.selectors import (
    contribution_themes,
    pilot_feedback_summary,
    pilot_suggestions,
    pilots_filtered,
    pilots_public,
)
from toolkit.pilots.services import OUTCOMES
from toolkit.pilots.status import SHOWN_STATUS_CHOICES, shown_status_expression


@extend_schema_field(
    {
        "type": "string",
        "enum": [value for value, _label in SHOWN_STATUS_CHOICES],
        "description": "running: approved, started and not yet ended",
    },
    component_name="PilotStatus",
)
class PilotStatusField(serializers.ChoiceField):
    """A public pilot's status; its own schema component, apart from contributions' statuses."""

    def __init__(self, **kwargs) -> None:
        super().__init__(choices=SHOWN_STATUS_CHOICES, **kwargs)


# Reads ------------------------------------------------------------------------------------------


def _detail_url_prefix() -> str:
    """ "/sv/pilots/" of "/sv/pilots/0/": the detail URL less its id, in the active language."""
    try:
        return reverse("toolkit:pilot-detail", kwargs={"pk": 0})[: -len("0/")]
    except NoReverseMatch:
        return "/pilots/"


def _pilot_properties() -> dict:
    """Expressions of the properties a pilot shows in the list and the detail."""
    contribution_ids = ArraySubquery(
        contributions_public().filter(pilots=OuterRef("pk")).order_by("pk").values("pk")
    )
    return {
        "title": F("title"),
        "organisation": F("organisation__name"),
        "status": shown_status_expression(),
        "starts_on": F("starts_on"),
        "ends_on": F("ends_on"),
        "url": Concat(
            Value(_detail_url_prefix()),
            Cast("id", TextField()),
            Value("/"),
            output_field=TextField(),
        ),
        "contributions": contribution_ids,
    }


def _feature_texts(queryset: QuerySet[Pilot]) -> list[str]:
    """One GeoJSON Feature per pilot, written by PostGIS as text, in queryset order."""
    feature = JSONObject(
        type=Value("Feature"),
        id=F("id"),
        geometry=Cast(AsGeoJSON("geometry", precision=6), output_field=JSONField()),
        properties=JSONObject(**_pilot_properties()),
    )
    return list(
        queryset.annotate(feature=Cast(feature, output_field=TextField())).values_list(
            "feature", flat=True
        )
    )


def _public_pilot_or_404(pk: int, **annotations) -> Pilot:
    pilot = pilots_public().filter(pk=pk).annotate(**annotations).first()
    if pilot is None:
        raise NotFound()
    return pilot


def _pilot_detail(pk: int) -> dict:
    """A public pilot's properties, story, measures, participation and result; 404 otherwise."""
    row = _public_pilot_or_404(
        pk,
        properties=JSONObject(**_pilot_properties()),
        geojson=AsGeoJSON("geometry", precision=6),
    )
    feedback = pilot_feedback_summary(pilot=row)
    average = feedback["average"]  # None below k answers
    return {
        "id": row.pk,
        "geometry": json.loads(row.geojson),
        **row.properties,
        "hypothesis": row.hypothesis,
        "asks": row.asks,
        "planned_methods": row.planned_methods,
        "review_reason": row.review_reason,
        "measures": list(row.measures.values("name", "unit", "target", "actual")),
        "participants": row.participations.count(),
        "feedback": {
            "count": feedback["count"],
            "average_rating": round(float(average), 1) if average is not None else None,
        },
        "result": _result(row) if row.status == Pilot.Status.REPORTED else None,
        "neighbours_rating": [vars(r) for r in pilot_neighbours_rating(pilot=row)],
    }


def _pilot_result(pk: int) -> dict:
    """The reported result of a public pilot; 404 until it is reported."""
    pilot = _public_pilot_or_404(pk)
    if pilot.status != Pilot.Status.REPORTED:
        raise NotFound()
    return _result(pilot)


def _result(pilot: Pilot) -> dict:
    return {
        "narrative": pilot.narrative,
        "next_step": pilot.next_step,
        "outcome": pilot.outcome,
        "reported_at": pilot.reported_at,
    }


# Shapes -----------------------------------------------------------------------------------------


class PilotQuerySerializer(serializers.Serializer):
    """Query parameters of the pilot list."""

    campaign = serializers.SlugRelatedField(
        slug_field="slug",
        queryset=campaigns_all(),
        required=False,
        error_messages={"does_not_exist": _lazy("There is no campaign with this slug.")},
    )
    status = PilotStatusField(
        required=False, help_text="running: approved, started and not yet ended; approved: all"
    )
    area = serializers.SlugRelatedField(
        slug_field="slug",
        queryset=Area.objects.all(),
        required=False,
        help_text="pilots of campaigns in this area or in an area below it",
        error_messages={"does_not_exist": _lazy("There is no area with this slug.")},
    )
    theme = serializers.SlugField(
        required=False, help_text="pilots answering at least one contribution of this theme"
    )


@extend_schema_field(
    {
        "type": "object",
        "description": "A GeoJSON geometry (RFC 7946) in WGS 84.",
        "properties": {
            "type": {"type": "string", "enum": ["Point", "LineString", "Polygon"]},
            "coordinates": {"type": "array", "items": {}},
        },
        "required": ["type", "coordinates"],
    }
)
class GeometryObjectField(serializers.JSONField):
    pass


class PilotPropertiesSerializer(serializers.Serializer):
    title = serializers.CharField()
    organisation = serializers.CharField()
    status = PilotStatusField()
    starts_on = serializers.DateField()
    ends_on = serializers.DateField()
    url = serializers.CharField(help_text="the pilot's page in the language of the request")
    contributions = serializers.ListField(
        child=serializers.IntegerField(), help_text="ids of the public contributions it answers"
    )


class PilotFeatureSerializer(serializers.Serializer):
    type = serializers.ChoiceField(choices=["Feature"])
    id = serializers.IntegerField()
    geometry = GeometryObjectField()
    properties = PilotPropertiesSerializer()


class PilotFeatureCollectionSerializer(serializers.Serializer):
    type = serializers.ChoiceField(choices=["FeatureCollection"])
    # Member names of OGC API Features, which GeoJSON clients of the contribution list know.
    numberMatched = serializers.IntegerField()
    numberReturned = serializers.IntegerField()
    links = serializers.ListField(child=serializers.DictField())
    features = PilotFeatureSerializer(many=True)


class PilotMeasureSerializer(serializers.Serializer):
    name = serializers.CharField()
    unit = serializers.CharField()
    target = serializers.DecimalField(max_digits=12, decimal_places=2, coerce_to_string=False)
    actual = serializers.DecimalField(
        max_digits=12, decimal_places=2, coerce_to_string=False, allow_null=True
    )


class PilotFeedbackSummarySerializer(serializers.Serializer):
    count = serializers.IntegerField()
    average_rating = serializers.FloatField(
        allow_null=True, help_text="from 1 to 5, one decimal; null without feedback"
    )


class PilotResultSerializer(serializers.Serializer):
    narrative = serializers.CharField()
    next_step = serializers.ChoiceField(choices=Pilot.NextStep.choices)
    outcome = serializers.ChoiceField(
        choices=[(outcome.value, outcome.label) for outcome in OUTCOMES],
        help_text="the status the contributions it answers got",
    )
    reported_at = serializers.DateTimeField()


class NeighboursRatingSerializer(serializers.Serializer):
    phase = serializers.ChoiceField(choices=EvaluationPhase.choices)
    invited = serializers.IntegerField(help_text="neighbours invited in this phase")
    answers = serializers.IntegerField(allow_null=True, help_text="null when fewer than k")
    mean = serializers.DecimalField(
        max_digits=2,
        decimal_places=1,
        coerce_to_string=False,
        allow_null=True,
        help_text="from 1 to 5, one decimal; null when fewer than k answered",
    )
    k = serializers.IntegerField(help_text="the fewest answers shown (ANALYSIS_MIN_GROUP)")


class PilotDetailSerializer(PilotPropertiesSerializer):
    id = serializers.IntegerField()
    geometry = GeometryObjectField()
    hypothesis = serializers.CharField()
    asks = serializers.CharField()
    planned_methods = serializers.CharField()
    review_reason = serializers.CharField(
        help_text="the officials' public reason, as for a declined pilot"
    )
    measures = PilotMeasureSerializer(many=True)
    participants = serializers.IntegerField(help_text="residents who said they took part")
    feedback = PilotFeedbackSummarySerializer()
    result = PilotResultSerializer(allow_null=True, help_text="null until reported")
    neighbours_rating = NeighboursRatingSerializer(
        many=True, help_text="the neighbours' rating per phase they were asked in (decision 0041)"
    )


# Doors ------------------------------------------------------------------------------------------


class PilotListView(APIView):
    """Public pilots as a GeoJSON FeatureCollection."""

    renderer_classes = [JSONRenderer, GeoJSONRenderer]

    @extend_schema(
        operation_id="pilots_list",
        parameters=[PilotQuerySerializer],
        responses={(200, GEOJSON): PilotFeatureCollectionSerializer},
        examples=[
            OpenApiExample(
                "A campaign's pilots",
                summary="GET /api/v1/pilots/?campaign=tesoma-together",
                value={
                    "type": "FeatureCollection",
                    "numberMatched": 1,
                    "numberReturned": 1,
                    "links": [],
                    "features": [
                        {
                            "type": "Feature",
                            "id": 7,
                            "geometry": {"type": "Point", "coordinates": [23.6331, 61.5019]},
                            "properties": {
                                "title": "Pop-up youth space",
                                "organisation": "Tesoma youth association",
                                "status": "reported",
                                "starts_on": "2026-06-01",
                                "ends_on": "2026-08-31",
                                "url": "/en/pilots/7/",
                                "contributions": [42, 43],
                            },
                        }
                    ],
                },
                response_only=True,
                status_codes=["200"],
                media_type=GEOJSON,
            )
        ],
        description="Approved, running, reported and declined pilots, the latest start first. "
        "Proposals under review are not public.",
    )
    def get(self, request: Request) -> HttpResponse:
        query = PilotQuerySerializer(data=request.query_params)
        query.is_valid(raise_exception=True)
        params = query.validated_data
        features = _feature_texts(
            pilots_filtered(
                campaign=params.get("campaign"),
                status=params.get("status"),
                area=params.get("area"),
                theme=params.get("theme"),
            )
        )
        text = feature_collection_text(features=features, number_matched=len(features), links=[])
        return HttpResponse(text, content_type=GEOJSON)


class PilotDetailView(APIView):
    """One public pilot: what it tries, how it measures, who took part, and its result."""

    @extend_schema(
        operation_id="pilots_retrieve",
        responses={200: PilotDetailSerializer, 404: None},
    )
    def get(self, request: Request, pk: int) -> Response:
        return Response(PilotDetailSerializer(_pilot_detail(pk)).data)


class PilotResultView(APIView):
    """The result a pilot's organisation reported; 404 until it has reported."""

    @extend_schema(
        operation_id="pilots_results_retrieve",
        responses={200: PilotResultSerializer, 404: None},
    )
    def get(self, request: Request, pk: int) -> Response:
        return Response(PilotResultSerializer(_pilot_result(pk)).data)


# Suggestions for a proposal ---------------------------------------------------------------------

SUGGESTION_METRES_MAX = 5000


class SuggestionQuerySerializer(serializers.Serializer):
    """Query parameters of the suggestions for a pilot proposal."""

    campaign = serializers.SlugRelatedField(
        slug_field="slug",
        queryset=campaigns_all(),
        error_messages={"does_not_exist": _lazy("There is no campaign with this slug.")},
    )
    geometry = serializers.CharField(
        max_length=4000,  # in a query string: some 150 points, and the URL stays within limits
        help_text="the drawn place: a GeoJSON geometry (Point, LineString, Polygon)",
    )
    theme = serializers.ListField(
        child=serializers.SlugField(max_length=50),
        required=False,
        max_length=10,
        help_text="theme slugs (repeat); default: the themes of the chosen contributions",
    )
    contribution = serializers.ListField(
        child=serializers.IntegerField(min_value=1, max_value=2**63 - 1),
        required=False,
        max_length=50,
        help_text="ids of the contributions already chosen: their themes are kept to",
    )
    distance = serializers.IntegerField(
        required=False,
        min_value=10,
        max_value=SUGGESTION_METRES_MAX,
        help_text="metres from the place; default PILOT_SUGGESTION_METRES",
    )


class SuggestionSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    title = serializers.CharField()
    theme = serializers.CharField()
    theme_name = serializers.CharField()
    supports = serializers.IntegerField()
    distance_m = serializers.IntegerField(help_text="to its public location, rounded to 10 m")
    geometry = GeometryObjectField(help_text="its public location")


class SuggestionListSerializer(serializers.Serializer):
    results = SuggestionSerializer(many=True)
    distance = serializers.IntegerField()
    themes = serializers.ListField(child=serializers.CharField())


class PilotSuggestionsView(APIView):
    """Residents' public contributions a proposed pilot could answer: of the same themes, near
    the drawn place, most supported first. Public locations only; hidden ones never appear."""

    @extend_schema(
        operation_id="pilots_suggestions_list",
        parameters=[SuggestionQuerySerializer],
        responses={200: SuggestionListSerializer},
    )
    def get(self, request: Request) -> Response:
        query = SuggestionQuerySerializer(
            data={
                **request.query_params.dict(),
                "theme": request.query_params.getlist("theme"),
                "contribution": request.query_params.getlist("contribution"),
            }
        )
        query.is_valid(raise_exception=True)
        params = query.validated_data
        try:
            place = geometry_from_geojson(params["geometry"])
        except ValidationError as error:
            raise ValidationError({"geometry": error.messages}) from None
        themes = params.get("theme") or contribution_themes(ids=params.get("contribution") or [])
        metres = params.get("distance") or settings.PILOT_SUGGESTION_METRES
        results = pilot_suggestions(
            campaign=params["campaign"], place=place, themes=themes, metres=metres
        )
        return Response(
            SuggestionListSerializer(
                {"results": results, "distance": metres, "themes": themes}
            ).data
        )
