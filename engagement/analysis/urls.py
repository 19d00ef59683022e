"""Analysts' pages: the dashboard, hexagon bins, comparisons."""

from django.urls import path

from engagement.analysis import report_views, views

urlpatterns = [
    path("analysis/", views.dashboard, name="analysis"),
    path("analysis/hexbins.geojson", views.hexbins_geojson, name="analysis-hexbins"),
    path("analysis/compare/", views.compare, name="analysis-compare"),
    path("analysis/report.xlsx", report_views.report_xlsx, name="analysis-report-xlsx"),
    path("analysis/report/", report_views.report_print, name="analysis-report"),
]
