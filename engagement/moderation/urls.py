"""Moderators' pages: the queue, one contribution, the log; and residents' flags."""

from django.urls import path

from engagement.moderation import views

urlpatterns = [
    path("contributions/<int:pk>/flag/", views.flag, name="contribution-flag"),
    path("moderation/", views.queue, name="moderation-queue"),
    path(
        "moderation/contributions/<int:pk>/",
        views.contribution,
        name="moderation-contribution",
    ),
    path("moderation/log/", views.log, name="moderation-log"),
]
