from django.urls import path

from . import api, moderation_api

app_name = "engagement-api"

urlpatterns = [
    path("contributions/", api.ContributionListView.as_view(), name="contribution-list"),
    path(
        "contributions/<int:pk>/", api.ContributionDetailView.as_view(), name="contribution-detail"
    ),
    path("contributions/<int:pk>/comments/", api.CommentListView.as_view(), name="comment-list"),
    path("contributions/<int:pk>/support/", api.SupportView.as_view(), name="support"),
    path("contributions/<int:pk>/follow/", api.FollowView.as_view(), name="follow"),
    path("contributions/<int:pk>/photos/", api.PhotoListView.as_view(), name="photo-list"),
    path("contributions/<int:pk>/flags/", moderation_api.FlagView.as_view(), name="flag"),
    path("moderation/queue/", moderation_api.QueueView.as_view(), name="moderation-queue"),
    path(
        "moderation/contributions/<int:pk>/",
        moderation_api.ModerateContributionView.as_view(),
        name="moderation-contribution",
    ),
    path(
        "moderation/comments/<int:pk>/",
        moderation_api.ModerateCommentView.as_view(),
        name="moderation-comment",
    ),
    path("moderation/photos/<int:pk>/", moderation_api.HidePhotoView.as_view(), name="hide-photo"),
    path("moderation/log/", moderation_api.LogView.as_view(), name="moderation-log"),
    path("campaigns/", api.CampaignListView.as_view(), name="campaign-list"),
    path("campaigns/<slug:slug>/", api.CampaignDetailView.as_view(), name="campaign-detail"),
]
