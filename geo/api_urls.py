"""The gazetteer's REST routes, under /api/v1/places/."""

from django.urls import path

from geo import api

app_name = "geo-api"

urlpatterns = [path("", api.PlaceSearchView.as_view(), name="place-search")]
