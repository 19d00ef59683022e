"""Whether a theme colour can be seen on the map: WCAG contrast (1.4.11 non-text contrast).

A theme colour fills the map's symbols and carries a white glyph, so it needs 3:1 against the
map's background and against white (docs/decisions/0020-map-symbols.md).
"""

import re

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

# The campaign map's own background (`#campaign-map` in static/css/site.css; a test compares).
MAP_BACKGROUND = "#eef2f4"
WHITE = "#ffffff"
MINIMUM = 3.0
HEX = re.compile(r"^#[0-9a-fA-F]{6}$")


def luminance(colour: str) -> float:
    """Relative luminance of "#rrggbb", as WCAG defines it (0 black to 1 white)."""
    channels = [int(colour[i : i + 2], 16) / 255 for i in (1, 3, 5)]
    linear = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def contrast(a: str, b: str) -> float:
    """The WCAG contrast ratio of two colours, from 1 (same) to 21 (black on white)."""
    high, low = sorted((luminance(a), luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def theme_colour_validate(colour: str) -> None:
    """Refuses a theme colour the map could not show: not #rrggbb, or under 3:1 against the
    map's background or the white glyph drawn on it."""
    if not HEX.match(colour or ""):
        raise ValidationError(_("Enter a colour as # and six hexadecimal digits, e.g. #0b7a5a."))
    against = min(contrast(colour, MAP_BACKGROUND), contrast(colour, WHITE))
    if against < MINIMUM:
        raise ValidationError(
            _(
                "This colour is too light for the map: its contrast is %(ratio).1f:1, at least "
                "3:1 is needed. Choose a darker colour."
            )
            % {"ratio": against}
        )
