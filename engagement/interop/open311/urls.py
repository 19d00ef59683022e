from django.urls import path, re_path

from engagement.interop.open311.views import (
    discovery,
    not_found,
    request_detail,
    request_list,
    service_detail,
    service_list,
)

app_name = "open311"

urlpatterns = [
    path("discovery.<str:fmt>", discovery, name="discovery"),
    path("services.<str:fmt>", service_list, name="service-list"),
    # A service code holds a dot itself: the format is what follows the last one.
    re_path(
        r"^services/(?P<service_code>[^/]+)\.(?P<fmt>[^./]+)$",
        service_detail,
        name="service-detail",
    ),
    path("requests.<str:fmt>", request_list, name="request-list"),
    re_path(
        r"^requests/(?P<service_request_id>[^/.]+)\.(?P<fmt>[^./]+)$",
        request_detail,
        name="request-detail",
    ),
    re_path(r"^(?P<rest>.*)$", not_found, name="not-found"),
]
