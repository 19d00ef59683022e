"""Analysts' pages: the dashboard, hexagon bins, comparisons."""

from django.urls import path

from engagement.analysis import views

urlpatterns = [
    path("analysis/", views.dashboard, name="analysis"),
    path("analysis/hexbins.geojson", views.hexbins_geojson, name="analysis-hexbins"),
    path("analysis/compare/", views.compare, name="analysis-compare"),
]
