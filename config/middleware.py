"""Language selection for URLs outside the language-prefixed pages."""

from django.http import HttpRequest
from django.middleware.locale import LocaleMiddleware as DjangoLocaleMiddleware
from django.utils import translation

# Machine-facing URLs carry no language prefix; they answer in the Accept-Language of the request.
UNPREFIXED_PREFIXES = ("/api/", "/open311/", "/tiles/", "/healthz")


class LocaleMiddleware(DjangoLocaleMiddleware):
    """Django's middleware, except that unprefixed API paths follow Accept-Language.

    With `prefix_default_language=False`, Django treats every unprefixed path as the default
    language (Finnish), which suits pages but would make the API deaf to Accept-Language.
    """

    def process_request(self, request: HttpRequest) -> None:
        if request.path_info.startswith(UNPREFIXED_PREFIXES):
            translation.activate(translation.get_language_from_request(request))
            request.LANGUAGE_CODE = translation.get_language()
            return
        super().process_request(request)
