"""The moderation API under /api/v1/moderation/, and residents' flags."""

from django.urls import path

from engagement.moderation import api

urlpatterns = [
    path("contributions/<int:pk>/flags/", api.FlagView.as_view(), name="flag"),
    path("moderation/queue/", api.QueueView.as_view(), name="moderation-queue"),
    path(
        "moderation/contributions/<int:pk>/",
        api.ModerateContributionView.as_view(),
        name="moderation-contribution",
    ),
    path(
        "moderation/comments/<int:pk>/",
        api.ModerateCommentView.as_view(),
        name="moderation-comment",
    ),
    path("moderation/photos/<int:pk>/", api.HidePhotoView.as_view(), name="hide-photo"),
    path("moderation/log/", api.LogView.as_view(), name="moderation-log"),
]
