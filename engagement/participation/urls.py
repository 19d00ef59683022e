"""Residents' pages: the map and list, a contribution, comments, supports, their account."""

from django.urls import path

from engagement.participation import live_views, offline, views

urlpatterns = [
    path("", views.home, name="home"),
    path("campaigns/<slug:slug>/", views.campaign_detail, name="campaign-detail"),
    # The live screen of a workshop (docs/decisions/0049).
    path("campaigns/<slug:slug>/live/", live_views.campaign_live, name="campaign-live"),
    path(
        "campaigns/<slug:slug>/live/events",
        live_views.campaign_live_events,
        name="campaign-live-events",
    ),
    path(
        "campaigns/<slug:slug>/live/changes",
        live_views.campaign_live_changes,
        name="campaign-live-changes",
    ),
    # The campaign page as an installable web app (decision 0046).
    path(
        "campaigns/<slug:slug>/manifest.webmanifest",
        offline.campaign_manifest,
        name="campaign-manifest",
    ),
    path("contributions/<int:pk>/", views.contribution_detail, name="contribution-detail"),
    path("contributions/<int:pk>/edit/", views.contribution_edit, name="contribution-edit"),
    path(
        "contributions/<int:pk>/withdraw/",
        views.contribution_withdraw,
        name="contribution-withdraw",
    ),
    path("contributions/<int:pk>/comments/", views.comment_create, name="comment-create"),
    path("contributions/<int:pk>/support/", views.support_toggle, name="support-toggle"),
    path("contributions/<int:pk>/follow/", views.follow_toggle, name="follow-toggle"),
    path("account/contributions/", views.my_contributions, name="my-contributions"),
    path("account/claim/", views.claim_anonymous, name="claim-anonymous"),
    path("account/data/", views.my_data, name="my-data"),
    path("account/delete/", views.account_delete, name="account-delete"),
    path("areas/<slug:slug>/", views.area_detail, name="area-detail"),
    path("accessibility/", views.accessibility, name="accessibility"),
    path("privacy/", views.privacy, name="privacy"),
]
