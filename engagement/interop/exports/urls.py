from django.urls import path

from engagement.interop.exports.views import (
    contributions_csv,
    contributions_geojson,
    contributions_gpkg,
    export_job,
)

urlpatterns = [
    path("contributions.csv", contributions_csv, name="contributions-csv"),
    path("contributions.geojson", contributions_geojson, name="contributions-geojson"),
    path("contributions.gpkg", contributions_gpkg, name="contributions-gpkg"),
    path("jobs/<uuid:pk>/", export_job, name="export-job"),
]
