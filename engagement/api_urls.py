from django.urls import path

from . import api

app_name = "engagement-api"

urlpatterns = [
    path("contributions/", api.ContributionListView.as_view(), name="contribution-list"),
    path(
        "contributions/<int:pk>/", api.ContributionDetailView.as_view(), name="contribution-detail"
    ),
    path("campaigns/", api.CampaignListView.as_view(), name="campaign-list"),
    path("campaigns/<slug:slug>/", api.CampaignDetailView.as_view(), name="campaign-detail"),
]
