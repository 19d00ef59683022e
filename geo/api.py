"""The gazetteer's REST door: `GET /api/v1/places/?q=…`, what the map's search box asks."""

from django.utils.translation import gettext_lazy as _lazy
from drf_spectacular.utils import extend_schema, extend_schema_field
from rest_framework import serializers
from rest_framework.permissions import AllowAny
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from geo.models import Place
from geo.places import SEARCH_LIMIT, SEARCH_MAX_LENGTH, places_search


class PlaceQuerySerializer(serializers.Serializer):
    q = serializers.CharField(
        max_length=SEARCH_MAX_LENGTH,
        allow_blank=True,
        help_text="The beginning of a name or of one of its words, in Finnish or Swedish; case "
        "and accents are ignored.",
        error_messages={"max_length": _lazy("Write at most {max_length} characters.")},
    )
    limit = serializers.IntegerField(min_value=1, max_value=SEARCH_LIMIT, default=SEARCH_LIMIT)


class PlacePointSerializer(serializers.Serializer):
    type = serializers.CharField(default="Point")
    coordinates = serializers.ListField(child=serializers.FloatField(), min_length=2)


class PlaceSerializer(serializers.ModelSerializer):
    kind_label = serializers.CharField(source="get_kind_display")
    point = serializers.SerializerMethodField()

    class Meta:
        model = Place
        fields = ["id", "name", "name_fi", "name_sv", "kind", "kind_label", "approximate", "point"]

    @extend_schema_field(PlacePointSerializer)
    def get_point(self, place: Place) -> dict:
        return {"type": "Point", "coordinates": [round(place.point.x, 6), round(place.point.y, 6)]}


class PlaceSearchResultSerializer(serializers.Serializer):
    results = PlaceSerializer(many=True)


class PlaceSearchView(APIView):
    """Places by the beginning of their name or a word of it, best first, at most ten."""

    permission_classes = [AllowAny]
    authentication_classes: list = []

    @extend_schema(parameters=[PlaceQuerySerializer], responses=PlaceSearchResultSerializer)
    def get(self, request: Request) -> Response:
        query = PlaceQuerySerializer(data=request.query_params)
        query.is_valid(raise_exception=True)
        places = places_search(text=query.validated_data["q"], limit=query.validated_data["limit"])
        return Response({"results": PlaceSerializer(places, many=True).data})
