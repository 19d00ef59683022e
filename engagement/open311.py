"""Open311 GeoReport v2 (`/open311/v2/`): being built."""

urlpatterns: list = []
