"""Template context every page needs."""

from django.conf import settings
from django.http import HttpRequest
from django.urls import translate_url
from django.utils.translation import get_language_info


def site(request: HttpRequest) -> dict:
    """Links to the current page in each language, each named in its own language, and
    whether to show the moderation and analysis links (one query for both, and only on a page
    that asks: the links follow the kinds of role the user holds; the pages behind them check
    each campaign)."""
    from engagement.models import Role
    from engagement.rules import role_kinds

    kinds: list[set[str]] = []

    def held() -> set[str]:
        if not kinds:
            kinds.append(role_kinds(request.user))
        return kinds[0]

    return {
        "is_moderator": lambda: Role.Kind.MODERATOR in held(),
        "is_analyst": lambda: bool({Role.Kind.ANALYST, Role.Kind.MODERATOR} & held()),
        "language_links": [
            (
                code,
                get_language_info(code)["name_local"],
                translate_url(request.get_full_path(), code),
            )
            for code, _name in settings.LANGUAGES
        ],
    }
