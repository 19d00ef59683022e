"""The engagement app's REST API, one URLconf per context, in the `engagement-api` namespace."""

from engagement.moderation.api_urls import urlpatterns as moderation
from engagement.participation.api_urls import urlpatterns as participation

app_name = "engagement-api"

urlpatterns = [*participation, *moderation]
