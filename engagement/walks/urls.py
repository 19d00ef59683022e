"""The facilitator's walk pages, under the campaign."""

from django.urls import path

from engagement.walks import views

urlpatterns = [
    path("campaigns/<slug:slug>/walks/", views.walk_list, name="walk-list"),
    path("campaigns/<slug:slug>/walks/<str:code>/", views.walk_detail, name="walk-detail"),
    path("campaigns/<slug:slug>/walks/<str:code>/end/", views.walk_end, name="walk-end"),
    path("campaigns/<slug:slug>/walks/<str:code>/pins.csv", views.walk_csv, name="walk-csv"),
]
