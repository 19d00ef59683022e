"""The engagement app's pages, one URLconf per context, in the `engagement` namespace."""

from engagement.analysis.urls import urlpatterns as analysis
from engagement.background.urls import urlpatterns as background
from engagement.kiosk.urls import urlpatterns as kiosk
from engagement.moderation.urls import urlpatterns as moderation
from engagement.participation.urls import urlpatterns as participation
from engagement.walks.urls import urlpatterns as walks

app_name = "engagement"

urlpatterns = [*participation, *moderation, *analysis, *background, *walks, *kiosk]
