"""Pilot pages: the list, proposing and reviewing, running, joining, feedback and results."""

from django.urls import path

from toolkit.pilots import api_key_views, evaluation_views, views

urlpatterns = [
    path("pilots/", views.pilot_list, name="pilot-list"),
    path("pilots/new/", views.pilot_new, name="pilot-new"),
    path("pilots/<int:pk>/", views.pilot_detail, name="pilot-detail"),
    path("pilots/<int:pk>/edit/", views.pilot_edit, name="pilot-edit"),
    path("pilots/<int:pk>/report/", views.pilot_report, name="pilot-report"),
    path("pilots/<int:pk>/steps/<int:step>/tick/", views.pilot_step_tick, name="pilot-step-tick"),
    path("pilots/<int:pk>/join/", views.pilot_join, name="pilot-join"),
    path("pilots/<int:pk>/feedback/", views.pilot_feedback, name="pilot-feedback"),
    path(
        "pilots/evaluate/<str:token>/",
        evaluation_views.pilot_evaluate,
        name="pilot-evaluate",
    ),
    path("organisations/new/", views.organisation_new, name="organisation-new"),
    path("api-keys/", api_key_views.api_key_list, name="api-keys"),
    path("api-keys/<int:pk>/revoke/", api_key_views.api_key_revoke, name="api-key-revoke"),
    path("moderation/pilots/", views.review_list, name="pilot-review"),
]
