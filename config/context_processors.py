"""Template context every page needs."""

from django.conf import settings
from django.http import HttpRequest
from django.urls import translate_url
from django.utils.translation import get_language_info


def site(request: HttpRequest) -> dict:
    """Links to the current page in each language, each named in its own language, and
    whether to show the moderation and analysis links."""
    from engagement.rules import analysed_campaigns, moderated_campaigns

    return {
        "is_moderator": lambda: moderated_campaigns(request.user).exists(),
        "is_analyst": lambda: analysed_campaigns(request.user).exists(),
        "language_links": [
            (
                code,
                get_language_info(code)["name_local"],
                translate_url(request.get_full_path(), code),
            )
            for code, _name in settings.LANGUAGES
        ],
    }
