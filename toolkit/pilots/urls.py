"""Pilot pages: the list, proposing and reviewing, running, joining, feedback and results."""

from django.urls import path

from toolkit.pilots import evaluation_views, views

urlpatterns = [
    path("pilots/", views.pilot_list, name="pilot-list"),
    path("pilots/new/", views.pilot_new, name="pilot-new"),
    path("pilots/<int:pk>/", views.pilot_detail, name="pilot-detail"),
    path("pilots/<int:pk>/edit/", views.pilot_edit, name="pilot-edit"),
    path("pilots/<int:pk>/report/", views.pilot_report, name="pilot-report"),
    path("pilots/<int:pk>/join/", views.pilot_join, name="pilot-join"),
    path("pilots/<int:pk>/feedback/", views.pilot_feedback, name="pilot-feedback"),
    path(
        "pilots/evaluate/<str:token>/",
        evaluation_views.pilot_evaluate,
        name="pilot-evaluate",
    ),
    path("organisations/new/", views.organisation_new, name="organisation-new"),
    path("moderation/pilots/", views.review_list, name="pilot-review"),
]
