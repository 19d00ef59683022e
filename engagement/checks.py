"""System checks of the engagement app."""

from typing import Any

from django.core import checks


@checks.register()
def check_voikko(**kwargs: Any) -> list[checks.CheckMessage]:
    """Finnish base forms need Voikko (Debian's libvoikko1 and voikko-fi, decision 0032); the
    site runs without it, with Finnish word counts and search on Snowball stems."""
    from engagement.common.lemmas import voikko_available

    if voikko_available():
        return []
    return [
        checks.Warning(
            "Voikko or its Finnish dictionary is missing: Finnish word counts and search fall "
            "back to Snowball stems.",
            hint="Install libvoikko1 and voikko-fi (platform/install-debian.sh).",
            id="yhdessa.W032",
        )
    ]
