"""The kiosk's pages: a campaign's form on a shared public screen (decision 0048)."""

from django.urls import path

from engagement.kiosk import views

urlpatterns = [
    path("campaigns/<slug:slug>/kiosk/", views.kiosk, name="kiosk"),
    path("campaigns/<slug:slug>/kiosk/thanks/", views.kiosk_thanks, name="kiosk-thanks"),
    path("campaigns/<slug:slug>/kiosk/activate/", views.kiosk_activate, name="kiosk-activate"),
]
