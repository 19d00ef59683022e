"""The toolkit app's pages, one URLconf per context, in the `toolkit` namespace."""

from toolkit.content.urls import urlpatterns as content
from toolkit.pilots.urls import urlpatterns as pilots
from toolkit.workshops.urls import urlpatterns as workshops

app_name = "toolkit"

urlpatterns = [*pilots, *content, *workshops]
