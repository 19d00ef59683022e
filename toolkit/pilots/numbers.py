"""Numbers as the reader writes them: "520", "4,4 / 5" in Finnish and Swedish, "4.4 / 5" in
English; a unit after a no-break space. Measures are stored as numeric(12, 2)."""

import re
from decimal import Decimal, InvalidOperation

from django.utils import formats

NBSP = "\u00a0"
DASH = "\u2013"  # an en dash: no value
# A unit that is a rating scale ("1-5", "1 - 5", or with an en dash): the value reads "4,4 / 5".
_SCALE = re.compile(r"^\s*1\s*[-\u2013]\s*(\d+)\s*$")


def number_text(value: Decimal | float | int | str | None, *, places: int = 2) -> str:
    """At most `places` decimals, no trailing zeros, the active language's decimal separator;
    a dash for no value."""
    if value is None or value == "":
        return DASH
    try:
        number = Decimal(str(value)).quantize(Decimal(1).scaleb(-places))
    except InvalidOperation:
        return str(value)
    exponent = number.normalize().as_tuple().exponent
    decimals = -exponent if isinstance(exponent, int) and exponent < 0 else 0
    return formats.number_format(number, decimal_pos=decimals, use_l10n=True)


def quantity_text(value, unit: str = "") -> str:
    """A value with its unit: "520 m²", "4,4 / 5" for a 1-5 scale."""
    number = number_text(value)
    if number == DASH:
        return number
    if scale := _SCALE.match(unit or ""):
        return rating_text(value, scale=int(scale.group(1)))
    return f"{number}{NBSP}{unit.strip()}" if (unit or "").strip() else number


def rating_text(value, *, scale: int = 5) -> str:
    """An average rating with one decimal: "4,4 / 5"."""
    return f"{number_text(value, places=1)}{NBSP}/{NBSP}{scale}"
