"""Background questions (residents) and the population structure (analysts)."""

from django.urls import path

from engagement.background import views

urlpatterns = [
    path("campaigns/<slug:slug>/about-you/", views.background_answer, name="background-answer"),
    path(
        "analysis/population/<slug:slug>/<str:question>/",
        views.population_edit,
        name="analysis-population",
    ),
]
