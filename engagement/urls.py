from django.urls import path

from . import views

app_name = "engagement"

urlpatterns = [
    path("", views.home, name="home"),
    path("campaigns/<slug:slug>/", views.campaign_detail, name="campaign-detail"),
    path("contributions/<int:pk>/", views.contribution_detail, name="contribution-detail"),
    path("areas/<slug:slug>/", views.area_detail, name="area-detail"),
    path("accessibility/", views.accessibility, name="accessibility"),
]
