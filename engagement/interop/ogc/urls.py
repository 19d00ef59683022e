"""OGC API - Features under /features/ (no language prefix, as /api/v1/)."""

from django.urls import path

from engagement.interop.ogc import views

app_name = "ogc"

urlpatterns = [
    path("", views.landing, name="landing"),
    path("api", views.api_definition, name="api"),
    path("conformance", views.conformance, name="conformance"),
    path("collections", views.collection_list, name="collections"),
    path("collections/<str:collection_id>", views.collection_detail, name="collection"),
    path("collections/<str:collection_id>/items", views.items, name="items"),
    path("collections/<str:collection_id>/items/<str:feature_id>", views.item, name="item"),
]
