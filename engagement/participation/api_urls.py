"""The residents' REST API under /api/v1/."""

from django.urls import path

from engagement.participation import api

urlpatterns = [
    path("contributions/", api.ContributionListView.as_view(), name="contribution-list"),
    path(
        "contributions/<int:pk>/", api.ContributionDetailView.as_view(), name="contribution-detail"
    ),
    path("contributions/<int:pk>/comments/", api.CommentListView.as_view(), name="comment-list"),
    path("contributions/<int:pk>/support/", api.SupportView.as_view(), name="support"),
    path("contributions/<int:pk>/follow/", api.FollowView.as_view(), name="follow"),
    path("contributions/<int:pk>/photos/", api.PhotoListView.as_view(), name="photo-list"),
    path("campaigns/", api.CampaignListView.as_view(), name="campaign-list"),
    path("campaigns/<slug:slug>/", api.CampaignDetailView.as_view(), name="campaign-detail"),
    path("campaigns/<slug:slug>/nearby/", api.NearbyView.as_view(), name="campaign-nearby"),
]
