from django.urls import path

from toolkit.pilots import api

app_name = "toolkit-api"

urlpatterns = [
    path("", api.PilotListView.as_view(), name="pilot-list"),
    path("suggestions/", api.PilotSuggestionsView.as_view(), name="pilot-suggestions"),
    path("<int:pk>/", api.PilotDetailView.as_view(), name="pilot-detail"),
    path("<int:pk>/results/", api.PilotResultView.as_view(), name="pilot-results"),
]
